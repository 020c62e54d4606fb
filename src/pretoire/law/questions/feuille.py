"""Établir la feuille de questions : ordonner et numéroter ce que chaque article demande.

Ordre, fait par fait et, dans chaque fait, accusé par accusé (les auteurs avant les complices,
dont la question renvoie à celle de l'auteur) : la question sur le fait, puis, dans l'ordre des
votes de l'art. 356 CPP — « sur le fait principal d'abord, et s'il y a lieu, sur les causes
d'irresponsabilité pénale, sur chacune des circonstances aggravantes, sur les questions
subsidiaires et sur chacun des faits constituant une cause légale d'exemption ou de diminution
de la peine » — les questions qui en dépendent. La question unique d'irresponsabilité
(art. 349-1 al. 2) suit le dernier fait de l'accusé.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pretoire.law.catalogue import Catalogue, catalogue_livre
from pretoire.law.citations import ENTREE_EN_VIGUEUR_NOUVEAU_CODE, article_cp
from pretoire.law.debats import EvenementDebats
from pretoire.law.mise_en_accusation import (
    CauseIrresponsabilite,
    Dossier,
    Fait,
    Participant,
    QualiteParticipation,
)
from pretoire.law.questions import inceste, l4324_3, l4324_4, l4324_5, l4324_6_7, l4324_8, mineurs
from pretoire.law.questions.diagnostics import controler_feuille
from pretoire.law.questions.journal import horodatages_desordonnes, lire_journal, renvois_inconnus
from pretoire.law.questions.modele import (
    Diagnostic,
    EnTete,
    FeuilleDeQuestions,
    Gravite,
    NatureQuestion,
    Question,
)
from pretoire.law.questions.redaction import Contexte
from pretoire.law.redaction import date_en_toutes_lettres, liste_en_francais, nom_usuel


def etablir_feuille(
    dossier: Dossier,
    evenements: Sequence[EvenementDebats],
    *,
    catalogue: Catalogue | None = None,
    entree_en_vigueur_nouveau_code: date = ENTREE_EN_VIGUEUR_NOUVEAU_CODE,
) -> FeuilleDeQuestions:
    """La feuille de questions du dossier, compte tenu du journal d'audience.

    Une question refusée (par exemple faute d'information préalable) n'y figure pas : elle
    devient un diagnostic. La feuille produite est ensuite contrôlée comme par ``valider_feuille``.
    """
    contexte = Contexte(
        dossier, catalogue or catalogue_livre(), lire_journal(evenements), entree_en_vigueur_nouveau_code
    )
    numeros = itertools.count(1)
    questions: list[Question] = []
    diagnostics: list[Diagnostic] = list(_diagnostics_du_catalogue(contexte))
    diagnostics += _diagnostics_du_journal(dossier, evenements)
    questions_sur_le_fait: dict[str, list[int]] = {}
    dernier_fait = {p.accuse: f.id for f in dossier.faits for p in f.participants}
    for fait in dossier.faits:
        numeros_des_auteurs: list[int] = []
        auteurs: list[str] = []
        for participant in _auteurs_puis_complices(fait):
            accuse = participant.accuse
            causes = [c for c in fait.causes_irresponsabilite if c.accuse == accuse]
            numero = next(numeros)
            questions_de_cause: list[Question] = []
            if causes:
                questions.append(
                    l4324_5.question_fait_materiel(contexte, fait, participant, numero, numeros_des_auteurs)
                )
                if accuse not in contexte.journal.accords_question_unique:
                    questions_de_cause = [
                        l4324_5.question_irresponsabilite(contexte, fait, c, numero, next(numeros))
                        for c in causes
                    ]
                    questions += questions_de_cause
            else:
                questions.append(
                    l4324_4.question_principale(contexte, fait, participant, numero, numeros_des_auteurs)
                )
            fait_principal = None
            if participant.qualite is QualiteParticipation.AUTEUR:
                numeros_des_auteurs.append(numero)
                auteurs.append(accuse)
            else:
                fait_principal = l4324_4.FaitPrincipal(tuple(numeros_des_auteurs), tuple(auteurs), numero)
            if causes:
                questions_sur_le_fait.setdefault(accuse, []).append(numero)
            questions += l4324_4.questions_circonstances(
                contexte, fait, accuse, numero, numeros, fait_principal
            )
            speciales, refus = l4324_6_7.questions_speciales(
                contexte, fait, accuse, numero, numeros, fait_principal
            )
            questions += speciales
            diagnostics += refus
            if participant.qualite is QualiteParticipation.AUTEUR:
                incestueux, refus = inceste.question_d_inceste(contexte, fait, accuse, numero, numeros)
                questions += incestueux
                diagnostics += refus
            obligatoires, refus, reservees = l4324_8.questions_obligatoires(
                contexte, fait, accuse, numero, numeros
            )
            questions += obligatoires
            diagnostics += refus
            subsidiaires, refus = l4324_6_7.questions_subsidiaires(
                contexte, fait, accuse, numero, numeros, reservees
            )
            questions += subsidiaires
            diagnostics += refus
            questions += l4324_4.questions_exemption_diminution(contexte, fait, accuse, numero, numeros)
            questions += [
                l4324_5.question_alteration(contexte, fait, accuse, numero, cause.numero, next(numeros))
                for cause in questions_de_cause
                if cause.code == l4324_5.CAUSE_TROUBLE_MENTAL
            ]
            if dernier_fait[accuse] == fait.id and accuse in contexte.journal.accords_question_unique:
                questions += _questions_uniques(contexte, accuse, questions_sur_le_fait, numeros)
            if dernier_fait[accuse] == fait.id:
                du_mineur, refus = mineurs.questions_du_mineur(contexte, accuse, numeros)
                questions += du_mineur
                diagnostics += refus
    diagnostics += _subsidiaires_non_verifiees(contexte, questions)
    questions, lecture = l4324_3.appliquer_lecture(questions, contexte.journal.renonciations_lecture)
    feuille = FeuilleDeQuestions(
        en_tete=_en_tete(dossier),
        lecture=lecture,
        questions=tuple(questions),
        entree_en_vigueur_nouveau_code=entree_en_vigueur_nouveau_code,
    )
    diagnostics += controler_feuille(contexte, feuille.questions)
    return replace(feuille, diagnostics=tuple(diagnostics))


def _auteurs_puis_complices(fait: Fait) -> list[Participant]:
    return sorted(fait.participants, key=lambda p: p.qualite is QualiteParticipation.COMPLICE)


def _questions_uniques(
    contexte: Contexte,
    accuse: str,
    questions_sur_le_fait: dict[str, list[int]],
    numeros: itertools.count[int],
) -> list[Question]:
    causes: dict[tuple[str, int | None], CauseIrresponsabilite] = {}
    for fait in contexte.dossier.faits:
        for cause in fait.causes_irresponsabilite:
            if cause.accuse == accuse:
                causes.setdefault((cause.article, cause.alinea), cause)
    return [
        l4324_5.question_unique_irresponsabilite(
            contexte, accuse, causes[cle], questions_sur_le_fait.get(accuse, []), next(numeros)
        )
        for cle in sorted(causes, key=lambda c: (c[0], c[1] or 0))
    ]


def _diagnostics_du_catalogue(contexte: Contexte) -> list[Diagnostic]:
    """Ce que les sources ne garantissent pas est montré comme tel (« non vérifié ») ; une
    période de faits qui chevauche deux textes est une erreur."""
    avertissements = []
    for fait in contexte.dossier.faits:
        version = contexte.version(fait)
        if version.non_verifie:
            avertissements.append(
                Diagnostic(
                    Gravite.AVERTISSEMENT,
                    f"Fait {fait.id} : texte de « {version.libelle} » applicable aux faits du"
                    f" {date_en_toutes_lettres(fait.premier_jour)} non vérifié. {version.note or ''}".strip(),
                    tuple(article_cp(a) for a in version.incrimination),
                    fait=fait.id,
                )
            )
        chevauchement = _periode_sur_plusieurs_textes(contexte, fait)
        if chevauchement is not None:
            avertissements.append(chevauchement)
        if any(p.qualite is QualiteParticipation.COMPLICE for p in fait.participants):
            avertissements.append(
                Diagnostic(
                    Gravite.AVERTISSEMENT,
                    f"Fait {fait.id} : la question de complicité reprend les formules de feuilles"
                    " examinées par la Cour de cassation ; le texte de l'art. 121-7 CP n'est pas"
                    " dans les sources du projet (non vérifié).",
                    fait=fait.id,
                )
            )
    return avertissements


def _diagnostics_du_journal(dossier: Dossier, evenements: Sequence[EvenementDebats]) -> list[Diagnostic]:
    """Un journal consigné avant le contrôle d'entrée peut viser un fait ou un accusé inconnu :
    l'annonce ne produit aucune question, ce que la feuille doit dire au lieu de le taire."""
    erreurs = [
        Diagnostic(Gravite.ERREUR, f"Journal : {message} L'annonce n'a pu produire de question.")
        for message in renvois_inconnus(dossier, evenements)
    ]
    desordre = horodatages_desordonnes(evenements)
    if desordre:
        erreurs.append(
            Diagnostic(
                Gravite.AVERTISSEMENT,
                "Journal : l'heure recule aux événements n° "
                + ", ".join(str(n) for n in desordre)
                + " ; l'ordre des numéros fait foi, vérifiez l'horloge du poste ou le fichier.",
            )
        )
    return erreurs


def _subsidiaires_non_verifiees(contexte: Contexte, questions: list[Question]) -> list[Diagnostic]:
    """Le texte d'une qualification subsidiaire que les sources ne garantissent pas, dit une fois
    par fait, comme celui de la qualification principale."""
    avertissements = []
    vues: set[tuple[str, str]] = set()
    for question in questions:
        fait = contexte.dossier.fait(question.fait)
        if question.nature is not NatureQuestion.SUBSIDIAIRE or fait is None or question.code is None:
            continue
        version = contexte.catalogue.version_au(question.code, fait.premier_jour)
        if version is None or not version.non_verifie or (fait.id, question.code) in vues:
            continue
        vues.add((fait.id, question.code))
        avertissements.append(
            Diagnostic(
                Gravite.AVERTISSEMENT,
                f"Fait {fait.id} : texte de « {version.libelle} » (question subsidiaire n°"
                f" {question.numero}) applicable aux faits du {date_en_toutes_lettres(fait.premier_jour)}"
                f" non vérifié. {version.note or ''}".strip(),
                tuple(article_cp(a) for a in version.incrimination),
                question=question.numero,
                fait=fait.id,
            )
        )
    return avertissements


def _periode_sur_plusieurs_textes(contexte: Contexte, fait: Fait) -> Diagnostic | None:
    """Une période de faits qui couvre deux versions du texte : une erreur, qui dit où scinder.

    AMBIGUÏTÉ : « une question est posée sur chaque fait spécifié » (art. 349) quand la période
    d'un fait chevauche un changement de texte — lecture retenue : ni la version du premier jour
    (elle régirait des actes commis sous le texte nouveau) ni celle du dernier (la loi pénale
    plus sévère n'est pas rétroactive) ; le moteur ne choisit pas et n'écrit pas deux questions
    pour un fait : la feuille est en erreur tant que le fait n'est pas scindé, une période par
    texte, dans le dossier.
    """
    if fait.periode is None:
        return None
    versions = contexte.catalogue.versions_entre(fait.qualification, fait.premier_jour, fait.dernier_jour)
    if len(versions) < 2:
        return None
    periodes = [
        f"du {date_en_toutes_lettres(max(fait.premier_jour, v.en_vigueur_du or fait.premier_jour))}"
        f" au {date_en_toutes_lettres(min(fait.dernier_jour, v.jusqu_au or fait.dernier_jour))}"
        for v in versions
    ]
    return Diagnostic(
        Gravite.ERREUR,
        f"Fait {fait.id} : la période des faits couvre {len(versions)} textes successifs de"
        f" « {versions[0].libelle} » ; aucun ne s'applique à toute la période (la loi pénale plus"
        " sévère n'est pas rétroactive, et les actes postérieurs relèvent du texte nouveau)."
        f" Scindez le fait, une période par texte : {liste_en_francais(periodes)}.",
        tuple(article_cp(a) for a in versions[0].incrimination),
        fait=fait.id,
    )


def _en_tete(dossier: Dossier) -> EnTete:
    return EnTete(
        juridiction=dossier.juridiction.nom,
        type_juridiction=dossier.juridiction.type.value,
        siege=dossier.juridiction.siege,
        session=dossier.session.intitule if dossier.session else None,
        numero_affaire=dossier.affaire.numero,
        date_proces=dossier.affaire.date_proces,
        accuses=tuple(nom_usuel(a.prenoms, a.nom) for a in dossier.accuses),
    )
