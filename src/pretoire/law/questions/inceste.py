"""Art. 356 al. 2 CPP : la question spécifique de la qualification d'inceste.

« La qualification d'inceste prévue aux articles 222-22-3 et 227-27-2-1 du code pénal fait
l'objet, s'il y a lieu, d'une question spécifique. »

Il y a lieu quand la décision de mise en accusation qualifie le fait d'incestueux (``Fait.inceste``).
La qualification vise les viols et les agressions sexuelles (art. 222-22-3 CP) et les atteintes
sexuelles sur mineur (art. 227-27-2-1 CP) ; le texte de ces deux articles n'est pas dans les
sources du projet (NON VÉRIFIÉ) : la question dit le lien retenu par la décision, sans paraphraser
la liste légale des personnes. Les dates de ces textes sont NON VÉRIFIÉES : loi n° 2016-297 du
14 mars 2016 (art. 222-31-1, puis 222-22-3 depuis la loi n° 2021-478) ; pour des faits antérieurs,
aucune qualification d'inceste n'est connue ici, et la loi pénale plus sévère n'est pas rétroactive.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pretoire.law.citations import Citation, article_cp, article_cpp
from pretoire.law.mise_en_accusation import Fait
from pretoire.law.questions.modele import Dependance, Diagnostic, Gravite, NatureQuestion, Question, Reponse
from pretoire.law.questions.redaction import Contexte
from pretoire.law.redaction import date_en_toutes_lettres, elider

ARTICLE_356_ALINEA_2 = article_cpp("356", 2)

# NON VÉRIFIÉ : dates des textes (loi n° 2016-297, loi n° 2021-478).
PREMIERE_QUALIFICATION_D_INCESTE = date(2016, 3, 16)
ARTICLE_222_22_3_DEPUIS = date(2021, 4, 23)

# Les qualifications du catalogue que l'inceste peut qualifier, et l'article qui le prévoit.
VIOLS_ET_AGRESSIONS = frozenset({"viol", "viol_sur_mineur_de_quinze_ans", "agression_sexuelle"})
ATTEINTES_SEXUELLES = frozenset({"atteinte_sexuelle_sur_mineur_de_quinze_ans"})


def article_de_l_inceste(qualification: str, jour: date) -> Citation | None:
    """L'article du code pénal qui qualifie d'incestueux ce fait à la date des faits, s'il y en a un.

    >>> article_de_l_inceste("viol", date(2022, 1, 1)).article
    '222-22-3'
    >>> article_de_l_inceste("viol", date(2019, 1, 1)).article
    '222-31-1'
    >>> article_de_l_inceste("meurtre", date(2022, 1, 1)) is None
    True
    """
    if jour < PREMIERE_QUALIFICATION_D_INCESTE:
        return None
    if qualification in ATTEINTES_SEXUELLES:
        return article_cp("227-27-2-1")
    if qualification in VIOLS_ET_AGRESSIONS:
        return article_cp("222-22-3" if jour >= ARTICLE_222_22_3_DEPUIS else "222-31-1")
    return None


def question_d_inceste(
    contexte: Contexte, fait: Fait, accuse: str, numero_principal: int, numeros: Iterator[int]
) -> tuple[list[Question], list[Diagnostic]]:
    """« Le viol ci-dessus spécifié à la question n° 1 est-il incestueux, comme ayant été commis
    par l'accusé Marc DURAND, oncle de Léa MARTIN ? » — posée de l'auteur seul, qui a le lien.

    AMBIGUÏTÉ : libellé de la question spécifique, qu'aucune feuille publiée ne donne dans les
    sources — lecture retenue : le lien tel que la décision le qualifie, rapporté à la victime.
    """
    if fait.inceste is None:
        return [], []
    article = article_de_l_inceste(fait.qualification, fait.premier_jour)
    if article is None:
        raison = (
            f"les faits du {date_en_toutes_lettres(fait.premier_jour)} précèdent la première"
            " qualification d'inceste connue ici (16 mars 2016, date non vérifiée)"
            if fait.qualification in VIOLS_ET_AGRESSIONS | ATTEINTES_SEXUELLES
            else "elle ne qualifie que les viols, les agressions sexuelles et les atteintes sexuelles"
        )
        return [], [
            Diagnostic(
                Gravite.ERREUR,
                f"Fait {fait.id} : la qualification d'inceste retenue par la décision ne peut faire"
                f" l'objet de la question spécifique : {raison}.",
                (ARTICLE_356_ALINEA_2,),
                fait=fait.id,
                accuse=accuse,
            )
        ]
    designation = contexte.designation(fait)
    sujet, _ = designation.renvoi_en_deux(f"spécifié{designation.accord} à la question n° {numero_principal}")
    genre = (designation.feminin, designation.pluriel)
    est, incestueux = {
        (False, False): ("est-il", "incestueux"),
        (True, False): ("est-elle", "incestueuse"),
        (False, True): ("sont-ils", "incestueux"),
        (True, True): ("sont-elles", "incestueuses"),
    }[genre]
    victime = contexte.variables(fait, accuse)["victime"]
    texte = (
        f"{sujet} {est} {incestueux}, comme ayant été commis{designation.accord} par"
        f" {contexte.titre_et_nom(accuse)}, {fait.inceste.lien} {elider('de', victime)} ?"
    )
    return [
        Question(
            numero=next(numeros),
            nature=NatureQuestion.INCESTE,
            accuse=accuse,
            fait=fait.id,
            victime=contexte.victime_de(fait),
            texte=texte,
            citations=(ARTICLE_356_ALINEA_2, article),
            depend_de=(Dependance(numero_principal, Reponse.OUI),),
            code="inceste",
            non_verifie=True,
        )
    ], []
