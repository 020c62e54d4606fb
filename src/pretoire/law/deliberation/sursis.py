"""Le sursis à l'exécution de la peine : art. 362 al. 4 CPP.

« Lorsque la cour d'assises prononce une peine correctionnelle, elle peut ordonner à la
majorité qu'il soit sursis à l'exécution de la peine avec ou sans probation. »

NON VÉRIFIÉ (textes absents des sources) : le sursis simple et le sursis probatoire ne portent que
sur un emprisonnement de cinq ans au plus (art. 132-31 et 132-41 CP, hors récidive légale), pour
tout ou partie de sa durée ; le délai d'épreuve du sursis probatoire est de douze mois à trois ans
(art. 132-42 CP) ; les condamnations antérieures qui excluent le sursis simple (art. 132-30 CP)
ne sont pas au dossier : le président les vérifie.

AMBIGUÏTÉ : « à la majorité » (art. 362 al. 4) — lecture retenue : la majorité absolue des votants,
celle de la décision sur la peine (al. 2) ; les bulletins blancs ou nuls comptent parmi les votants.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pretoire.law.deliberation.messages import Duree, Message, message
from pretoire.law.deliberation.peine import NaturePeine, Peine, PeineRefusee

CINQ_ANS_EN_MOIS = 60
DELAI_D_EPREUVE_MINIMUM = 12
DELAI_D_EPREUVE_MAXIMUM = 36
CAUTION = (
    "Sursis non vérifié : emprisonnement de cinq ans au plus (art. 132-31 et 132-41 CP), délai"
    " d'épreuve de douze mois à trois ans (art. 132-42 CP) ; condamnations antérieures"
    " (art. 132-30 CP) à vérifier par le président."
)


class NatureSursis(enum.StrEnum):
    SIMPLE = "simple"
    PROBATOIRE = "probatoire"


@dataclass(frozen=True)
class Sursis:
    """``mois`` : la partie de la peine assortie du sursis, None pour la totalité."""

    nature: NatureSursis
    mois: int | None = None
    delai_d_epreuve: int | None = None


def raison_sans_sursis(peine: Peine) -> Message | None:
    """Pourquoi la peine ne peut être assortie du sursis ; None si elle le peut.

    >>> raison_sans_sursis(Peine(NaturePeine.EMPRISONNEMENT, 60)) is None
    True
    >>> raison_sans_sursis(Peine(NaturePeine.EMPRISONNEMENT, 61)).code
    'sursis_plus_de_cinq_ans'
    """
    if peine.nature is not NaturePeine.EMPRISONNEMENT or peine.mois is None:
        return message("sursis_peine_criminelle", peine=peine)
    if peine.mois > CINQ_ANS_EN_MOIS:
        return message("sursis_plus_de_cinq_ans", peine=peine)
    return None


def verifier_le_sursis(peine: Peine, sursis: Sursis) -> None:
    """Refuse le sursis que la peine ne permet pas, avec la raison en français.

    >>> verifier_le_sursis(Peine(NaturePeine.EMPRISONNEMENT, 36), Sursis(NatureSursis.PROBATOIRE, 24, 24))
    """
    raison = raison_sans_sursis(peine)
    if raison is not None:
        raise PeineRefusee(raison)
    assert peine.mois is not None
    if sursis.mois is not None and not 1 <= sursis.mois <= peine.mois:
        raise PeineRefusee(message("sursis_partie", peine=peine))
    if sursis.nature is NatureSursis.PROBATOIRE:
        delai = sursis.delai_d_epreuve
        if delai is None or not DELAI_D_EPREUVE_MINIMUM <= delai <= DELAI_D_EPREUVE_MAXIMUM:
            raise PeineRefusee(message("sursis_delai_d_epreuve"))
    elif sursis.delai_d_epreuve is not None:
        raise PeineRefusee(message("sursis_simple_sans_delai"))


def mois_fermes(peine: Peine, sursis: Sursis | None) -> int | None:
    """La durée à exécuter en mois ; None pour la perpétuité.

    >>> mois_fermes(Peine(NaturePeine.EMPRISONNEMENT, 36), Sursis(NatureSursis.SIMPLE, 12))
    24
    """
    if peine.mois is None:
        return None
    if sursis is None:
        return peine.mois
    return peine.mois - (peine.mois if sursis.mois is None else sursis.mois)


def sursis_en_lettres(peine: Peine, sursis: Sursis) -> Message:
    """Le sursis tel que la feuille l'inscrit.

    >>> trois_ans = Peine(NaturePeine.EMPRISONNEMENT, 36)
    >>> sursis_en_lettres(trois_ans, Sursis(NatureSursis.PROBATOIRE, 12, 24)).en_lettres()
    "dont un an assorti du sursis probatoire, délai d'épreuve de deux ans"
    """
    delai = (
        ""
        if sursis.delai_d_epreuve is None
        else message("delai_d_epreuve", duree=Duree(sursis.delai_d_epreuve))
    )
    if sursis.mois is None or sursis.mois == peine.mois:
        return message("sursis_en_totalite", nature=sursis.nature.value, delai=delai)
    return message("sursis_en_partie", partie=Duree(sursis.mois), nature=sursis.nature.value, delai=delai)
