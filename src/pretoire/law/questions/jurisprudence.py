"""Les règles que la Cour de cassation a tirées des art. 349 à 351-1 CPP, chacune avec son arrêt.

Références telles que les donne questions-practice.md ; les solutions marquées « non vérifié »
dans cette source ne sont pas reprises comme règles.
"""

from __future__ import annotations

import re
from datetime import date

from pretoire.law.citations import Jurisprudence

# Plusieurs actes de pénétration sur la même victime sont plusieurs faits, donc plusieurs questions.
CRIM_24_JUIN_1987 = Jurisprudence("Cass. crim.", date(1987, 6, 24), "86-96.712")
# La question principale contient « coupable » ou un terme rigoureusement équivalent.
CRIM_12_JUIN_1981 = Jurisprudence("Cass. crim.", date(1981, 6, 12), "81-90.274")
# La préméditation est personnelle : elle est posée pour chaque accusé.
CRIM_30_OCT_1996 = Jurisprudence("Cass. crim.", date(1996, 10, 30), "96-80.541")
# La question d'âge énonce la date de naissance de la victime.
CRIM_21_JANV_1998 = Jurisprudence("Cass. crim.", date(1998, 1, 21), "96-86.603")
# La question de viol qui omet violence, contrainte ou surprise omet un élément constitutif.
ASS_PLEN_8_JUILL_2005 = Jurisprudence("Cass. ass. plén.", date(2005, 7, 8), "99-83.846")
# Une question spéciale ne peut porter une infraction distincte, seulement une circonstance.
CRIM_29_NOV_2017 = Jurisprudence("Cass. crim.", date(2017, 11, 29), "17-80.224")
# Fait principal et circonstance dans une même question : non conforme à l'art. 349.
CRIM_14_SEPT_2022 = Jurisprudence("Cass. crim.", date(2022, 9, 14), "22-80.118")
# Les questions subsidiaires sont lues, sauf renonciation.
CRIM_18_FEVR_1998 = Jurisprudence("Cass. crim.", date(1998, 2, 18), "96-84.643")
# Questions spéciales et subsidiaires lues après le réquisitoire : violation de l'art. 6 § 3 CEDH.
CRIM_10_MAI_2012 = Jurisprudence("Cass. crim.", date(2012, 5, 10), "11-81.437")
# Formule de la tentative (rejet du pourvoi qui la critiquait).
CRIM_22_DEC_1987 = Jurisprudence("Cass. crim.", date(1987, 12, 22), "87-83.073")
# Formules de complicité relevées : aide ou assistance (1984, issue non vérifiée), provocation ou
# instructions (1999).
CRIM_5_DEC_1984 = Jurisprudence("Cass. crim.", date(1984, 12, 5), "84-91.414")
CRIM_14_AVR_1999 = Jurisprudence("Cass. crim.", date(1999, 4, 14), "98-84.081")

_COUPABLE = re.compile(r"\bcoupable\b", re.IGNORECASE)
_VIOLENCE_CONTRAINTE_MENACE_SURPRISE = re.compile(
    r"\b(violences?|contrainte|menace|surprise)\b", re.IGNORECASE
)


def pose_la_culpabilite(texte: str) -> bool:
    """Crim. 12 juin 1981, n° 81-90.274 : la question principale demande si l'accusé est « coupable ».

    >>> pose_la_culpabilite("L'accusé Floreal X... a-t-il volontairement donné la mort à Y... ?")
    False
    >>> pose_la_culpabilite("L'accusé Marc DURAND est-il coupable d'avoir donné la mort à Y... ?")
    True
    """
    return bool(_COUPABLE.search(texte))


def enonce_violence_contrainte_menace_surprise(texte: str) -> bool:
    """Ass. plén. 8 juill. 2005, n° 99-83.846 : la question de viol énonce violence, contrainte ou surprise.

    >>> enonce_violence_contrainte_menace_surprise("commis un acte de pénétration sexuelle sur X")
    False
    >>> enonce_violence_contrainte_menace_surprise("par violence, contrainte, menace ou surprise")
    True
    """
    return bool(_VIOLENCE_CONTRAINTE_MENACE_SURPRISE.search(texte))
