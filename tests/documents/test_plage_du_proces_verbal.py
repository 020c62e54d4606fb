"""Le procès-verbal couvre la déposition jusqu'à sa fin : un visiteur qui rouvre le lien ensuite
n'y entre pas, et ne change pas le segment du journal qu'il scelle."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.documents.actions import do_generer_document
from pretoire.documents.models import Document, NatureDocument
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.visio import QualiteDeposant
from pretoire.proces.models import Affaire

from .conftest import texte_du_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def greffiere(affaire: Affaire) -> Utilisateur:
    return Utilisateur.objects.get(username="greffiere")


@pytest.fixture
def terminee(affaire: Affaire, greffiere: Utilisateur) -> tuple[Deposition, str]:
    """Une déposition menée jusqu'à sa fin ; son jeton, que le visiteur a gardé."""
    jour = affaire.jours_audience.order_by("date").first()
    invitation = actions.do_inviter(
        affaire,
        jour,
        "M. Karim Haddad",
        QualiteDeposant.TEMOIN,
        auteur=greffiere,
        expire_le=timezone.now() + timedelta(days=1),
    )
    deposition, _ = actions.do_utiliser_invitation(invitation.jeton, invitation.code, navigateur="Chromium")
    essai = {"resultat": "concluant", "camera": True, "microphone": True, "haut_parleur": True}
    deposition = actions.do_consigner_essai_materiel(
        deposition, {**essai, "webrtc": True, "chiffrement": True}
    )
    deposition = actions.do_declarer_identite(
        deposition, {"nom": "HADDAD", "prenoms": "Karim", "qualite": "temoin"}
    )
    for commande, donnees in [
        ("admettre", {}),
        ("verifier_identite", {}),
        ("code_concordant", {"mots": "a b c d"}),
        ("commencer", {}),
        ("terminer", {}),
    ]:
        deposition = actions.do_commande_du_greffe(deposition, commande, donnees, auteur=greffiere)
    actions.do_consigner_presence(deposition, "salle", present=False, motif="fin de la liaison")
    return deposition, invitation.jeton


def generer_pv(affaire: Affaire, deposition: Deposition) -> Document:
    return do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)


def test_un_visiteur_apres_la_fin_n_entre_pas_dans_le_proces_verbal(
    affaire: Affaire, terminee: tuple[Deposition, str]
) -> None:
    deposition, jeton = terminee
    premier = generer_pv(affaire, deposition)
    assert Client().get(f"/visio/{jeton}/").status_code == 403  # refus « terminée », consigné
    refus = affaire.evenements.get(type=TypeEvenement.ACCES_REFUSE, donnees__deposition=deposition.pk)
    assert refus.numero > premier.journal_dernier
    second = generer_pv(affaire, deposition)
    assert (second.journal_premier, second.journal_dernier) == (
        premier.journal_premier,
        premier.journal_dernier,
    )
    assert second.empreinte_journal == premier.empreinte_journal
    assert "Tentatives d'accès refusées" not in texte_du_pdf(Path(second.fichier.path))


def test_un_incident_des_parties_qui_designe_la_deposition_apres_sa_fin_y_entre_encore(
    affaire: Affaire, terminee: tuple[Deposition, str], greffiere: Utilisateur
) -> None:
    deposition, jeton = terminee
    Client().get(f"/visio/{jeton}/")
    incident = do_consigner_evenement(
        affaire,
        TypeEvenement.DEMANDE_DONNE_ACTE,
        {"partie": "Défense", "objet": "image figée pendant la déposition", "deposition": deposition.pk},
        auteur=greffiere,
    )
    document = generer_pv(affaire, deposition)
    assert document.journal_dernier == incident.numero
    texte = texte_du_pdf(Path(document.fichier.path))
    assert "image figée pendant la déposition" in texte
    assert "Tentatives d'accès refusées" not in texte
