"""Une demande de donné acte peut désigner la déposition à distance qu'elle vise."""

from __future__ import annotations

import pytest

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.journal.actions import do_consigner_evenement
from pretoire.journal.donnees import DonneesInvalides
from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


def test_le_donne_acte_qui_designe_une_deposition_de_l_affaire_est_consigne(
    affaire_demo: Affaire, greffiere: Utilisateur, invitation: actions.InvitationEmise
) -> None:
    evenement = do_consigner_evenement(
        affaire_demo,
        TypeEvenement.DEMANDE_DONNE_ACTE,
        {"partie": "Défense", "objet": "Image figée", "deposition": str(invitation.deposition.pk)},
        auteur=greffiere,
    )
    assert evenement.donnees["deposition"] == invitation.deposition.pk


def test_le_donne_acte_qui_designe_une_deposition_inconnue_est_refuse_sans_rien_ecrire(
    affaire_demo: Affaire, greffiere: Utilisateur, invitation: actions.InvitationEmise
) -> None:
    avant = affaire_demo.evenements.count()
    with pytest.raises(DonneesInvalides) as refus:
        do_consigner_evenement(
            affaire_demo,
            TypeEvenement.DEMANDE_DONNE_ACTE,
            {"partie": "Défense", "objet": "Image figée", "deposition": invitation.deposition.pk + 99},
            auteur=greffiere,
        )
    assert "aucune déposition à distance n°" in str(refus.value)
    assert affaire_demo.evenements.count() == avant
