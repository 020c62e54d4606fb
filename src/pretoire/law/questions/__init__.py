"""La feuille de questions de la cour d'assises : art. 348 à 351-1 CPP (futurs art. L4324-3 à L4324-9).

Un module par article : ``l4324_3`` (lecture), ``l4324_4`` (question principale, circonstances,
exemptions), ``l4324_5`` (irresponsabilité), ``l4324_6_7`` (questions spéciales et subsidiaires),
``l4324_8`` (question subsidiaire d'atteinte sexuelle), ``l4324_9`` (information préalable) ;
``jurisprudence`` pour les règles tirées des arrêts, ``diagnostics`` pour le contrôle d'une
feuille, ``feuille`` pour l'assemblage.
"""

from pretoire.law.questions.diagnostics import valider_feuille
from pretoire.law.questions.feuille import etablir_feuille
from pretoire.law.questions.modele import (
    Diagnostic,
    FeuilleDefectueuse,
    FeuilleDeQuestions,
    Gravite,
    NatureQuestion,
    Question,
    exiger_sans_erreur,
)

__all__ = [
    "Diagnostic",
    "FeuilleDeQuestions",
    "FeuilleDefectueuse",
    "Gravite",
    "NatureQuestion",
    "Question",
    "etablir_feuille",
    "exiger_sans_erreur",
    "valider_feuille",
]
