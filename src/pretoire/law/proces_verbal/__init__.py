"""Le procès-verbal des opérations d'une déposition à distance, tiré du seul journal d'audience.

Trois temps : ``lecture`` lit une fois les événements de la déposition en un relevé figé
(connexions, périodes, qualité, identité, serment, chiffrement, incidents) ; ``contenu`` en tire
ce que le procès-verbal doit constater, chaque mention avec sa citation (art. 706-71, R. 53-38,
D. 47-12-5, D. 47-12-6, 168 CPP ; Cass. crim. 20 févr. 2019 et 11 déc. 2024) ; ``phrases`` l'écrit
en français pour le gabarit Typst.
"""

from pretoire.law.redaction import FUSEAU_DE_LA_COUR, heure

from .contenu import (
    FONDEMENT_EXPERT,
    FONDEMENTS,
    Defaut,
    EnTete,
    Fondement,
    ProcesVerbal,
    ProcesVerbalImpossible,
    etablir_proces_verbal,
)
from .lecture import GenrePeriode, Lecture, Periode, Poste, evenements_de_la_deposition, lire_la_deposition
from .phrases import Ligne

__all__ = [
    "FONDEMENTS",
    "FONDEMENT_EXPERT",
    "FUSEAU_DE_LA_COUR",
    "Defaut",
    "EnTete",
    "Fondement",
    "GenrePeriode",
    "Lecture",
    "Ligne",
    "Periode",
    "Poste",
    "ProcesVerbal",
    "ProcesVerbalImpossible",
    "etablir_proces_verbal",
    "evenements_de_la_deposition",
    "heure",
    "lire_la_deposition",
]
