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

AMBIGUÏTÉ : l'art. 351 al. 2 en vigueur ne pose pas la condition « est un des éléments
constitutifs du crime » que L4324-8 ajoute — lecture retenue : la réécriture étant « à droit
constant », la condition vaut déjà ; elle écarte la question pour les faits jugés sous un texte
où ces éléments ne sont pas constitutifs, avec un avertissement.
AMBIGUÏTÉ : « l'accusé majeur » pour des faits commis sur une période — lecture retenue : majeur
au premier jour de la période.
"""

from __future__ import annotations

from collections.abc import Iterator

from pretoire.law.citations import article_cpp
from pretoire.law.mise_en_accusation import AGE_DE_LA_MAJORITE, Fait
from pretoire.law.questions import jurisprudence
from pretoire.law.questions.journal import NatureQuestionAnnoncee
from pretoire.law.questions.l4324_6_7 import question_subsidiaire, texte_subsidiaire
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
from pretoire.law.redaction import age_revolu

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
    version = contexte.version(fait)
    if not version.violence_contrainte_menace_surprise_constitutive:
        avertissement = Diagnostic(
            Gravite.AVERTISSEMENT,
            "Contestation consignée, mais la question subsidiaire de l'art. 351 al. 2 n'est pas"
            " posée : à la date des faits, violences, contrainte, menace ou surprise ne sont pas un"
            f" élément constitutif de « {version.libelle} » selon le catalogue"
            + (" (texte non vérifié)." if version.non_verifie else "."),
            (ARTICLE_351_ALINEA_2,),
            fait=fait.id,
            accuse=accuse,
        )
        return [], [avertissement], frozenset()
    questions: list[Question] = []
    diagnostics: list[Diagnostic] = []
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
        questions.append(
            question_subsidiaire(
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
        )
    return questions, diagnostics, ouvertes
