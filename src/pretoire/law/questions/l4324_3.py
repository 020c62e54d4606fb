"""Art. 348 CPP (futur art. L4324-3) et art. 349-1 al. 3 : la lecture des questions.

Art. 348 : « Le président donne lecture des questions auxquelles la cour et le jury ont à
répondre. Cette lecture n'est pas obligatoire quand les questions sont posées dans les termes de
la décision de mise en accusation ou si l'accusé ou son défenseur y renonce. »
Art. 349-1 al. 3 : « Sauf si l'accusé ou son défenseur y renonce, il est donné lecture des
questions posées en application du présent article. »

Les questions spéciales et subsidiaires s'écartent de la décision : leur lecture est obligatoire
(Crim. 18 févr. 1998, n° 96-84.643), comme celle des questions d'irresponsabilité.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pretoire.law.citations import Reference, article_cpp
from pretoire.law.questions import jurisprudence
from pretoire.law.questions.modele import Lecture, NatureQuestion, Question, StatutLecture

ARTICLE_348 = article_cpp("348")
ARTICLE_349_1_ALINEA_3 = article_cpp("349-1", 3)

HORS_DES_TERMES_DE_LA_DECISION = frozenset(
    {
        NatureQuestion.SPECIALE,
        NatureQuestion.SUBSIDIAIRE,
        NatureQuestion.FAIT_MATERIEL,
        NatureQuestion.IRRESPONSABILITE,
    }
)


def appliquer_lecture(
    questions: Sequence[Question], renonciations: frozenset[str]
) -> tuple[list[Question], Lecture]:
    """Marque les questions dont la lecture est obligatoire et dit le régime de la feuille.

    >>> from pretoire.law.questions.modele import NatureQuestion as N
    >>> q = Question(1, N.SUBSIDIAIRE, "A1", "F1", None, "…")
    >>> _, lecture = appliquer_lecture([q], frozenset({"A1"}))
    >>> lecture.statut.value
    'renonciation'
    """
    marquees = [_marquer(q, renonciations) for q in questions]
    a_lire = tuple(q.numero for q in marquees if q.a_lire)
    hors_termes = [q for q in marquees if q.nature in HORS_DES_TERMES_DE_LA_DECISION]
    citations: list[Reference] = [ARTICLE_348]
    if any(q.nature in (NatureQuestion.FAIT_MATERIEL, NatureQuestion.IRRESPONSABILITE) for q in hors_termes):
        citations.append(ARTICLE_349_1_ALINEA_3)
    if any(q.nature is NatureQuestion.SUBSIDIAIRE for q in hors_termes):
        citations.append(jurisprudence.CRIM_18_FEVR_1998)
    renoncants = tuple(sorted(renonciations))
    if a_lire:
        statut = StatutLecture.OBLIGATOIRE
        motif = (
            "des questions ne sont pas posées dans les termes de la décision de mise en"
            " accusation : elles sont lues à l'audience publique"
        )
    elif hors_termes:
        statut = StatutLecture.RENONCIATION
        motif = "l'accusé ou son défenseur a renoncé à la lecture des questions"
    else:
        statut = StatutLecture.NON_OBLIGATOIRE
        motif = "toutes les questions sont posées dans les termes de la décision de mise en accusation"
        if renoncants:
            motif += " ; l'accusé ou son défenseur a en outre renoncé à la lecture"
    return marquees, Lecture(statut, motif, tuple(citations), a_lire, renoncants)


def _marquer(question: Question, renonciations: frozenset[str]) -> Question:
    a_lire = question.nature in HORS_DES_TERMES_DE_LA_DECISION and question.accuse not in renonciations
    # Une question déjà marquée comme il faut est gardée telle quelle : la plupart le sont.
    return question if question.a_lire == a_lire else replace(question, a_lire=a_lire)
