"""Les peines complémentaires : art. 362 al. 5 CPP.

« La cour d'assises délibère également sur les peines accessoires ou complémentaires. »
Art. 365-1 al. 2 : « La motivation des peines complémentaires obligatoires […] n'est pas
nécessaire. »

NON VÉRIFIÉ : les peines complémentaires que la loi attache à chaque infraction (art. 131-10 CP
et textes de chaque qualification) ne sont pas dans les sources ; le catalogue n'en connaît
aucune. Le président saisit chaque peine proposée avec l'article qui la prévoit ; Prétoire
n'en contrôle que la forme et la fait voter.

AMBIGUÏTÉ : majorité — lecture retenue : la majorité absolue des votants (art. 362 al. 2), chaque
peine complémentaire étant votée séparément.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pretoire.law.deliberation.messages import Message, message
from pretoire.law.deliberation.peine import PeineRefusee

ARTICLE = re.compile(r"^(L\. ?|R\. ?)?\d{1,4}(-\d{1,3}){0,3}( al\. \d{1,2})?$")
CAUTION = (
    "Peines complémentaires non vérifiées : les textes qui les prévoient ne sont pas dans les sources"
    " de Prétoire ; le président vérifie l'article cité."
)


@dataclass(frozen=True)
class PeineComplementaire:
    libelle: str
    article: str

    def en_lettres(self, mention: str) -> Message:
        return message("ligne_complementaire", libelle=self.libelle, article=self.article, mention=mention)


def verifier_la_peine_complementaire(peine: PeineComplementaire) -> None:
    """La peine a un libellé et cite un article du code pénal.

    >>> verifier_la_peine_complementaire(PeineComplementaire("interdiction de séjour", "131-31"))
    >>> try:
    ...     verifier_la_peine_complementaire(PeineComplementaire("interdiction de séjour", "voir code"))
    ... except PeineRefusee as refus:
    ...     print(str(refus)[:59])
    Citez l'article du code pénal qui prévoit « interdiction de
    """
    if not peine.libelle.strip() or len(peine.libelle) > 300:
        raise PeineRefusee(message("complementaire_libelle"))
    if not ARTICLE.match(peine.article.strip()):
        raise PeineRefusee(message("complementaire_article", libelle=peine.libelle.strip()))
