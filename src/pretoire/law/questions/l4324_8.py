"""Art. 351 al. 2 CPP (futur art. L4324-8) : question subsidiaire d'atteinte sexuelle sur mineur.

Art. 351 al. 2 : « Lorsque l'accusé majeur est mis en accusation du chef de viol aggravé par la
minorité de quinze ans de la victime, le président pose la question subsidiaire de la
qualification d'atteinte sexuelle sur la personne d'un mineur de quinze ans si l'existence de
violences ou d'une contrainte, menace ou surprise a été contestée au cours des débats. »
Art. L4324-8 ajoute : « si l'existence de violences ou d'une contrainte, menace ou surprise est
un des éléments constitutifs du crime et qu'elle a été contestée au cours des débats ».

Dérogation écrite à part, comme la loi l'écrit. Le moteur ne connaît pas le viol par son nom : le
catalogue marque la circonstance qui ouvre cette question (``question_subsidiaire_obligatoire``)
et dit, version par version, si violences, contrainte, menace ou surprise sont constitutives.

Le texte appliqué est celui du CPP en vigueur à la date du procès : l'art. 351 al. 2, dont la
seule condition est la contestation, tant que l'ordonnance n° 2025-1091 n'est pas entrée en
vigueur (date NON VÉRIFIÉE, paramètre ``entree_en_vigueur_nouveau_code``) ; ensuite L4324-8 et
sa condition « est un des éléments constitutifs du crime ». Jamais la condition nouvelle avant
l'heure : elle ferait tomber une question que l'article en vigueur impose.

La question subsidiaire a ses propres conditions (``l4324_6_7.condition_non_remplie`` : accusé
majeur, victime de moins de quinze ans) et ses propres circonstances (art. 227-26 CP au
catalogue), posées après elle.

AMBIGUÏTÉ : « l'accusé majeur » pour des faits commis sur une période — lecture retenue : majeur
au premier jour de la période.
AMBIGUÏTÉ : « est un des éléments constitutifs du crime » (L4324-8) pour un viol défini par
l'absence de consentement (faits postérieurs au 7 novembre 2025) — lecture retenue : non,
violences, contrainte, menace ou surprise n'y étant qu'une façon d'établir l'absence de
consentement (texte du nouvel art. 222-23 non vérifié) ; ne vaut qu'une fois L4324-8 en vigueur.
"""

from __future__ import annotations

from collections.abc import Iterator

from pretoire.law.citations import article_cp, article_cpp
from pretoire.law.mise_en_accusation import AGE_DE_LA_MAJORITE, Fait
from pretoire.law.questions import jurisprudence
from pretoire.law.questions.journal import NatureQuestionAnnoncee
from pretoire.law.questions.l4324_6_7 import (
    circonstances_de_la_subsidiaire,
    condition_non_remplie,
    question_subsidiaire,
    texte_subsidiaire,
)
from pretoire.law.questions.l4324_9 import (
    ARTICLE_351_1,
    EtatInformation,
    etat_information,
    motif_du_refus,
)
from pretoire.law.questions.modele import (
    Diagnostic,
    Gravite,
    Question,
)
from pretoire.law.questions.redaction import Contexte
from pretoire.law.redaction import age_revolu, date_en_toutes_lettres

ARTICLE_351_ALINEA_2 = article_cpp("351", 2)


def qualifications_ouvertes(contexte: Contexte, fait: Fait, accuse: str) -> frozenset[str]:
    """Les qualifications subsidiaires que la décision ouvre, pour cet accusé majeur, par une
    circonstance marquée au catalogue — avant toute contestation."""
    personne = contexte.dossier.accuse(accuse)
    if age_revolu(personne.date_naissance, fait.premier_jour) < AGE_DE_LA_MAJORITE:
        return frozenset()
    version = contexte.version(fait)
    ouvertes = set()
    for retenue in fait.circonstances_aggravantes:
        circonstance = version.circonstance(retenue.code)
        if circonstance is not None and circonstance.question_subsidiaire_obligatoire:
            ouvertes.add(circonstance.question_subsidiaire_obligatoire)
    return frozenset(ouvertes)


def questions_obligatoires(
    contexte: Contexte, fait: Fait, accuse: str, numero_principal: int, numeros: Iterator[int]
) -> tuple[list[Question], list[Diagnostic], frozenset[str]]:
    """Les questions de l'art. 351 al. 2, les diagnostics, et les qualifications ainsi réservées."""
    ouvertes = qualifications_ouvertes(contexte, fait, accuse)
    if not ouvertes or (accuse, fait.id) not in contexte.journal.contestations:
        return [], [], frozenset()
    diagnostics: list[Diagnostic] = []
    version = contexte.version(fait)
    if not version.violence_contrainte_menace_surprise_constitutive:
        avertissement = condition_de_l4324_8(contexte, fait, accuse, version.libelle, version.non_verifie)
        if contexte.nouveau_code_en_vigueur:
            return [], [avertissement], frozenset()
        diagnostics.append(avertissement)
    questions: list[Question] = []
    for code in sorted(ouvertes):
        etat = etat_information(contexte.journal, NatureQuestionAnnoncee.SUBSIDIAIRE, accuse, fait.id, code)
        if etat is not EtatInformation.PREALABLE:
            diagnostics.append(
                Diagnostic(
                    Gravite.ERREUR,
                    f"Question subsidiaire obligatoire « {contexte.nom_qualification(code, fait)} »"
                    " non posée :"
                    f" {motif_du_refus(etat)} ; l'information doit précéder le réquisitoire.",
                    (ARTICLE_351_ALINEA_2, ARTICLE_351_1, jurisprudence.CRIM_10_MAI_2012),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        subsidiaire = contexte.catalogue.version_au(code, fait.premier_jour)
        enonce = next(
            (
                i.donnees.enonce
                for i in contexte.journal.informations_sur(accuse, fait.id)
                if i.donnees.qualification == code
            ),
            None,
        )
        condition = condition_non_remplie(contexte, fait, accuse, subsidiaire) if subsidiaire else None
        if subsidiaire is not None and condition is not None:
            diagnostics.append(
                Diagnostic(
                    Gravite.ERREUR,
                    f"Question subsidiaire obligatoire « {subsidiaire.libelle} » non posée : {condition}",
                    (ARTICLE_351_ALINEA_2, *(article_cp(a) for a in subsidiaire.incrimination)),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        texte = texte_subsidiaire(contexte, fait, accuse, subsidiaire, enonce) if subsidiaire else None
        if subsidiaire is None or texte is None:
            diagnostics.append(
                Diagnostic(
                    Gravite.ERREUR,
                    f"Question subsidiaire obligatoire « {contexte.nom_qualification(code, fait)} »"
                    " non rédigée : qualification"
                    " absente du catalogue à la date des faits ou sans modèle d'énoncé.",
                    (ARTICLE_351_ALINEA_2,),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        question = question_subsidiaire(
            contexte,
            fait,
            accuse,
            next(numeros),
            numero_principal,
            texte,
            code,
            subsidiaire,
            ARTICLE_351_ALINEA_2,
        )
        questions.append(question)
        questions += circonstances_de_la_subsidiaire(contexte, fait, accuse, question, subsidiaire, numeros)
    return questions, diagnostics, ouvertes


def condition_de_l4324_8(
    contexte: Contexte, fait: Fait, accuse: str, libelle: str, non_verifie: bool
) -> Diagnostic:
    """L'avertissement qui dit quelle condition s'applique quand violences, contrainte, menace
    ou surprise ne sont pas constitutives : celle de L4324-8 si le nouveau code est en vigueur
    (question non posée), sinon aucune (question posée au titre de l'art. 351 al. 2)."""
    entree = date_en_toutes_lettres(contexte.entree_en_vigueur_nouveau_code)
    element = (
        f"à la date des faits, violences, contrainte, menace ou surprise ne sont pas un élément"
        f" constitutif de « {libelle} » selon le catalogue" + (" (texte non vérifié)" if non_verifie else "")
    )
    if contexte.nouveau_code_en_vigueur:
        message = (
            "Contestation consignée, mais la question subsidiaire d'atteinte sexuelle n'est pas"
            f" posée : l'art. L4324-8, en vigueur depuis le {entree} (date non vérifiée), ne la"
            f" pose que si l'existence de violences, contrainte, menace ou surprise est un des"
            f" éléments constitutifs du crime ; or {element}."
        )
    else:
        message = (
            "La question subsidiaire d'atteinte sexuelle relève de l'art. 351 al. 2 en vigueur,"
            " dont la seule condition est la contestation : la condition « est un des éléments"
            " constitutifs du crime » du futur art. L4324-8 n'est pas appliquée avant l'entrée en"
            f" vigueur du nouveau code (le {entree}, date non vérifiée) ; {element}."
        )
    return Diagnostic(Gravite.AVERTISSEMENT, message, (ARTICLE_351_ALINEA_2,), fait=fait.id, accuse=accuse)
