"""L'amende, là où elle est encourue : art. 362 CPP et textes de répression.

La cour délibère sur « la peine » (art. 362 al. 1) : l'amende que le texte de répression prévoit
avec l'emprisonnement (par exemple art. 222-29-1 CP : « dix ans d'emprisonnement et de 150 000 €
d'amende » ; art. 227-25 CP : « sept ans d'emprisonnement et de 100 000 € d'amende ») se vote
avec elle. Le montant encouru vient de ``peines_encourues.yaml`` ; une qualification sans amende
dans les textes n'en permet pas.

AMBIGUÏTÉ : majorité de l'amende — lecture retenue : la majorité absolue des votants de l'art. 362
al. 2 ; la majorité qualifiée ne vise que « le maximum de la peine privative de liberté ».
"""

from __future__ import annotations

from pretoire.law.deliberation.excuse_de_minorite import amende_avec_l_excuse
from pretoire.law.deliberation.messages import Euros, message
from pretoire.law.deliberation.peine import PeineRefusee


def plafond_de_l_amende(encourue: int | None, excuse_de_minorite: bool) -> int | None:
    if encourue is None:
        return None
    return amende_avec_l_excuse(encourue) if excuse_de_minorite else encourue


def verifier_l_amende(encourue: int | None, montant: int, excuse_de_minorite: bool) -> None:
    """Refuse l'amende qui n'est pas encourue ou qui dépasse le maximum.

    >>> try:
    ...     verifier_l_amende(100_000, 20_000, True)
    ... except PeineRefusee as refus:
    ...     print(refus)
    L'amende de 20 000 euros dépasse le maximum encouru (7 500 euros).
    """
    plafond = plafond_de_l_amende(encourue, excuse_de_minorite)
    if plafond is None:
        raise PeineRefusee(message("amende_non_encourue"))
    if montant < 1:
        raise PeineRefusee(message("amende_d_un_euro_au_moins"))
    if montant > plafond:
        raise PeineRefusee(
            message("amende_au_dela_du_maximum", montant=Euros(montant), plafond=Euros(plafond))
        )
