"""Le minimum d'une peine privative de liberté prononcée par la cour d'assises.

NON VÉRIFIÉ (textes absents des sources du projet ; l'art. 362 CPP en fait lire l'art. 132-18
aux jurés sans que les sources le reproduisent) :
- art. 131-1 CP : la réclusion ou la détention criminelle à temps est de dix ans au moins ;
- art. 132-18 CP : pour un crime, la cour peut prononcer une peine d'emprisonnement, qui n'est
  pas inférieure à deux ans si la perpétuité est encourue, à un an sinon.
Un délit retenu (peine encourue d'emprisonnement) n'a pas de minimum ici.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pretoire.law.deliberation.messages import Duree, Message, message

if TYPE_CHECKING:
    from pretoire.law.deliberation.peine import Peine

DIX_ANS_EN_MOIS = 120
CAUTION = (
    "Minimums non vérifiés : dix ans pour la réclusion ou la détention criminelle à temps"
    " (art. 131-1 CP) ; pour un crime, un an d'emprisonnement, deux ans si la perpétuité est"
    " encourue (art. 132-18 CP)."
)


def minimum_en_mois(peine: Peine, maximum: Peine) -> int | None:
    """Le minimum de la nature de ``peine`` quand ``maximum`` est encouru ; None s'il n'y en a pas.

    >>> from pretoire.law.deliberation.peine import NaturePeine, Peine, ans, perpetuite
    >>> minimum_en_mois(ans(12), perpetuite())
    120
    >>> emprisonnement = Peine(NaturePeine.EMPRISONNEMENT, 36)
    >>> minimum_en_mois(emprisonnement, perpetuite()), minimum_en_mois(emprisonnement, ans(20))
    (24, 12)
    >>> minimum_en_mois(emprisonnement, Peine(NaturePeine.EMPRISONNEMENT, 84)) is None
    True
    """
    if peine.perpetuite:
        return None
    if peine.nature.criminelle:
        return DIX_ANS_EN_MOIS
    if maximum.nature.criminelle:
        return 24 if maximum.perpetuite else 12
    return None


def raison_sous_le_minimum(peine: Peine, maximum: Peine) -> Message | None:
    """Pourquoi ``peine`` ne peut pas être proposée, si elle est sous son minimum."""
    minimum = minimum_en_mois(peine, maximum)
    if minimum is None or peine.mois is None or peine.mois >= minimum:
        return None
    if peine.nature.criminelle:
        return message("sous_le_minimum_criminel", nature=peine.nature.libelle, peine=peine)
    return message("sous_le_minimum_correctionnel", seuil=Duree(minimum), peine=peine)
