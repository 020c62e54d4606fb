"""Le délibéré de la cour d'assises : art. 355 à 365-1 CPP (futurs art. L4325-1 et suivants).

``composition`` (qui vote), ``majorite`` (seuils datés des art. 358 à 360 et 380-19 4°, formule
de la réponse), ``ordre`` (ordre des votes, conditions, contradictions, issues : art. 356, 361,
361-1), ``delibere`` (le délibéré pas à pas, le contrôle d'une feuille répondue), ``peine`` et
``peines_encourues`` (art. 362), ``feuille_repondue`` (art. 364 et 365-1), ``navigateur`` (les
mêmes règles en données pour l'écran du président).

Aucun décompte de voix ne sort de ces modules : seules les formules légales en sortent.
"""

from pretoire.law.deliberation.delibere import (
    DecisionSurLaPeine,
    Delibere,
    VoteRefuse,
    decider_de_la_peine,
    verifier_les_reponses,
)
from pretoire.law.deliberation.majorite import (
    Decompte,
    DecompteRefuse,
    Majorite,
    RegleNonCouverte,
    ReponseDeLaCour,
    constater,
    majorite,
)
from pretoire.law.deliberation.ordre import PlanDeDeliberation, etablir_plan
from pretoire.law.deliberation.peine import NaturePeine, Peine, PeineRefusee

__all__ = [
    "DecisionSurLaPeine",
    "Decompte",
    "DecompteRefuse",
    "Delibere",
    "Majorite",
    "NaturePeine",
    "Peine",
    "PeineRefusee",
    "PlanDeDeliberation",
    "RegleNonCouverte",
    "ReponseDeLaCour",
    "VoteRefuse",
    "constater",
    "decider_de_la_peine",
    "etablir_plan",
    "majorite",
    "verifier_les_reponses",
]
