"""De l'affaire en base au dossier du droit, puis à la feuille de questions."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from pretoire.journal.actions import evenements_des_debats
from pretoire.law.catalogue import catalogue_livre
from pretoire.law.erreurs import chemin_lisible, messages_en_francais
from pretoire.law.mise_en_accusation import Dossier, verifier_coherence
from pretoire.law.questions import FeuilleDeQuestions, NatureQuestion, etablir_feuille, exiger_sans_erreur
from pretoire.law.questions.modele import avec_libelles_des_natures
from pretoire.proces.models import Affaire, Personne


class DossierIncomplet(Exception):
    """L'affaire n'a pas (encore) de dossier complet : pas de feuille, pas d'export."""

    def __init__(self, erreurs: list[str]) -> None:
        super().__init__("\n".join(erreurs))
        self.erreurs = erreurs


def dossier_de_l_affaire(affaire: Affaire) -> Dossier:
    """Le dossier d'affaire (format d'échange) tel que la base le tient : l'export."""
    decision = getattr(affaire, "decision_mise_en_accusation", None)
    if decision is None:
        raise DossierIncomplet(["aucune décision de mise en accusation n'a été importée."])
    juridiction = affaire.juridiction
    jour = affaire.jours_audience.order_by("date").first()
    donnees: dict[str, Any] = {
        "version": 1,
        "juridiction": {"type": juridiction.type, "nom": juridiction.nom, "siege": juridiction.siege},
        "session": {
            "intitule": affaire.session.intitule,
            "debut": affaire.session.debut,
            "fin": affaire.session.fin,
        },
        "affaire": {"numero": affaire.numero, "date_proces": jour.date if jour else affaire.session.debut},
        "decision": {
            "nature": decision.nature,
            "date": decision.date,
            "auteur": decision.auteur,
            **({"cour_assises_des_mineurs": True} if decision.cour_assises_des_mineurs else {}),
        },
        # L'ordre d'import (et non l'ordre alphabétique des identifiants, où V10 précède V2).
        "accuses": [_personne(a) for a in affaire.accuses.order_by("pk")],
        "victimes": [_personne(v) for v in affaire.victimes.order_by("pk")],
        "faits": [
            {
                "id": fait.identifiant,
                "participants": [
                    {
                        "accuse": p.accuse.identifiant,
                        "qualite": p.qualite,
                        **({"mode_complicite": p.mode_complicite} if p.mode_complicite else {}),
                        **(
                            {"moyens_de_provocation": p.moyens_de_provocation}
                            if p.moyens_de_provocation
                            else {}
                        ),
                    }
                    for p in fait.participations.select_related("accuse").order_by("pk")
                ],
                "qualification": fait.qualification,
                "tentative": fait.tentative,
                "victimes": [v.identifiant for v in fait.victimes.order_by("pk")],
                **(
                    {"date": fait.date}
                    if fait.date
                    else {"periode": {"debut": fait.periode_debut, "fin": fait.periode_fin}}
                ),
                "lieu": fait.lieu,
                "enonce": fait.enonce,
                "circonstances_aggravantes": fait.circonstances_aggravantes,
                "causes_exemption_diminution": fait.causes_exemption_diminution,
                "causes_irresponsabilite": fait.causes_irresponsabilite,
                **({"inceste": fait.inceste} if fait.inceste else {}),
            }
            for fait in decision.faits.all()
        ],
    }
    try:
        return Dossier.model_validate(donnees)
    except ValidationError as invalide:
        # Une affaire saisie à la main dans l'administration peut être incomplète (aucun fait).
        raise DossierIncomplet([str(e) for e in messages_en_francais(invalide.errors())]) from invalide


def _personne(personne: Personne) -> dict[str, Any]:
    donnees: dict[str, Any] = {
        "id": personne.identifiant,
        "nom": personne.nom,
        "prenoms": personne.prenoms,
        "sexe": personne.sexe,
    }
    if personne.date_naissance:
        donnees["date_naissance"] = personne.date_naissance
    return donnees


def dossier_coherent(affaire: Affaire) -> Dossier:
    """Le dossier, s'il passe les contrôles de l'import : une affaire retouchée dans
    l'administration peut ne plus les passer (qualification inconnue du catalogue, victime
    mineure devenue majeure…), et la feuille ne s'établit pas sur un dossier incohérent."""
    dossier = dossier_de_l_affaire(affaire)
    erreurs = [
        f"{chemin_lisible(chemin)} : {message}"
        for chemin, message in verifier_coherence(dossier, catalogue_livre())
    ]
    if erreurs:
        raise DossierIncomplet(erreurs)
    return dossier


def feuille_de_l_affaire(affaire: Affaire) -> FeuilleDeQuestions:
    return etablir_feuille(dossier_coherent(affaire), evenements_des_debats(affaire))


def feuille_prete(affaire: Affaire) -> FeuilleDeQuestions:
    """La feuille à imprimer ou à signer : sans erreur, ou ``FeuilleDefectueuse``."""
    return exiger_sans_erreur(feuille_de_l_affaire(affaire))


def feuille_a_l_ecran(affaire: Affaire) -> dict[str, Any]:
    """La feuille telle que la page de la présidence la montre : chaque question porte, en plus
    de ses données d'échange, le nom de sa nature et celui de ce qu'elle vise (qualification,
    circonstance, cause d'irresponsabilité), jamais leur code."""
    dossier = dossier_coherent(affaire)
    donnees = avec_libelles_des_natures(etablir_feuille(dossier, evenements_des_debats(affaire)).en_json())
    for question in donnees["questions"]:
        question["object_label"] = objet_en_clair(
            dossier, NatureQuestion(question["kind"]), question["fact"], question["code"]
        )
    return donnees


def objet_en_clair(dossier: Dossier, nature: NatureQuestion, fait: str, code: str | None) -> str | None:
    """Ce que vise la question, nommé par le catalogue à la date des faits."""
    if code is None:
        return None
    catalogue = catalogue_livre()
    fait_vise = dossier.fait(fait)
    jour = fait_vise.premier_jour if fait_vise is not None else dossier.affaire.date_proces
    if nature in (NatureQuestion.PRINCIPALE, NatureQuestion.FAIT_MATERIEL, NatureQuestion.SUBSIDIAIRE):
        return catalogue.libelle_qualification(code, jour)
    if nature in (NatureQuestion.CIRCONSTANCE_AGGRAVANTE, NatureQuestion.SPECIALE) and fait_vise is not None:
        return catalogue.libelle_circonstance(fait_vise.qualification, code, jour)
    if nature is NatureQuestion.IRRESPONSABILITE:
        return f"art. {code} CP"
    # Une cause d'exemption ou de diminution porte un identifiant libre : son énoncé est dans
    # le texte de la question.
    return None
