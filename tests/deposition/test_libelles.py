"""Les libellés traduisibles de la visio disent, en français, exactement ce que dit le droit."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pretoire.deposition import actions
from pretoire.deposition.libelles import ETATS, QUALITES
from pretoire.law.visio import EtatDeposition, QualiteDeposant


def test_chaque_etat_a_le_libelle_francais_du_droit() -> None:
    with translation.override("fr"):
        assert {e: str(ETATS[e]) for e in EtatDeposition} == {e: e.libelle for e in EtatDeposition}


def test_chaque_qualite_a_le_libelle_francais_du_droit() -> None:
    with translation.override("fr"):
        assert {q: str(QUALITES[q]) for q in QualiteDeposant} == {q: q.libelle for q in QualiteDeposant}


def test_en_anglais_la_salle_d_attente_est_traduite() -> None:
    with translation.override("en"):
        assert str(ETATS[EtatDeposition.EN_ATTENTE]) != EtatDeposition.EN_ATTENTE.libelle


@pytest.mark.django_db
def test_le_deposant_qui_choisit_l_anglais_lit_son_parcours_en_anglais(
    client: Client, invitation: actions.InvitationEmise
) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("visio_accueil", args=[invitation.jeton])).content.decode()
    assert "Giving a deposition before the assize court" in page
    assert "Déposer devant la cour d'assises" not in page
