"""Art. 351-1 CPP (futur art. L4324-9) : pas de question spéciale ou subsidiaire sans information préalable.

« Le président ne peut poser une ou plusieurs questions prévues aux articles 350 ou 351 que s'il
en a préalablement informé les parties au cours des débats et au plus tard avant le réquisitoire,
afin de permettre à l'accusé et à son avocat de faire valoir toutes les observations utiles à sa
défense. »

L'information est l'événement ``information_question`` du journal ; « avant le réquisitoire » se
lit en comparant son numéro à celui du premier événement ``requisitoire``.

L'art. 351 comprend son second alinéa : la question subsidiaire d'atteinte sexuelle est donc
soumise à l'information préalable, comme le texte nouveau (« questions spéciales ou
subsidiaires ») le dit aussi.
AMBIGUÏTÉ : « le président pose la question subsidiaire » (351 al. 2, impératif) face à « ne peut
poser … que s'il en a préalablement informé » (351-1) quand la contestation ne survient qu'en
plaidoirie, après le réquisitoire — lecture retenue : la question n'est pas posée, et une erreur
le signale au président.
"""

from __future__ import annotations

import enum

from pretoire.law.citations import article_cpp
from pretoire.law.questions.journal import (
    Information,
    JournalDesQuestions,
    NatureQuestionAnnoncee,
)

ARTICLE_351_1 = article_cpp("351-1")


class EtatInformation(enum.Enum):
    PREALABLE = "préalable"
    TARDIVE = "tardive"
    ABSENTE = "absente"


def etat_information(
    journal: JournalDesQuestions,
    nature: NatureQuestionAnnoncee,
    accuse: str,
    fait: str,
    objet: str,
) -> EtatInformation:
    """L'information des parties pour cette question : préalable au réquisitoire, tardive, absente.

    >>> from pretoire.law.questions.journal import InformationQuestion
    >>> annonce = InformationQuestion(nature="subsidiaire", accuse="A1", fait="F1", qualification="q")
    >>> journal = JournalDesQuestions((Information(7, annonce),), frozenset(), frozenset(), frozenset(), 5)
    >>> etat_information(journal, NatureQuestionAnnoncee.SUBSIDIAIRE, "A1", "F1", "q")
    <EtatInformation.TARDIVE: 'tardive'>
    """
    candidates = [i for i in journal.informations_sur(accuse, fait) if _vise(i, nature, objet)]
    if any(journal.information_prealable(i) for i in candidates):
        return EtatInformation.PREALABLE
    return EtatInformation.TARDIVE if candidates else EtatInformation.ABSENTE


def _vise(information: Information, nature: NatureQuestionAnnoncee, objet: str) -> bool:
    donnees = information.donnees
    return donnees.nature is nature and objet in (donnees.circonstance, donnees.qualification)


def motif_du_refus(etat: EtatInformation) -> str:
    if etat is EtatInformation.TARDIVE:
        return "les parties n'en ont été informées qu'après le réquisitoire"
    return "les parties n'en ont pas été informées au cours des débats"
