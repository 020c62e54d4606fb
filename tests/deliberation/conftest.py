"""L'affaire de démonstration aux portes du délibéré : débats clos, président connecté."""

from __future__ import annotations

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire
from tests.documents.conftest import cour, fichier_pkcs12  # noqa: F401 — la clé de la juridiction


def clore_les_debats(affaire: Affaire) -> None:
    greffiere = Utilisateur.objects.get(username="greffiere")
    for type_evenement, donnees in (
        (TypeEvenement.REQUISITOIRE, {"orateur": "M. Faure, avocat général"}),
        (TypeEvenement.PLAIDOIRIE_DEFENSE, {"orateur": "Me Blanc"}),
        (TypeEvenement.DERNIERE_PAROLE_ACCUSE, {"accuse": "A1"}),
        (TypeEvenement.CLOTURE_DEBATS, {}),
    ):
        do_consigner_evenement(affaire, type_evenement, donnees, auteur=greffiere)


@pytest.fixture
def affaire_close(affaire_demo: Affaire) -> Affaire:
    clore_les_debats(affaire_demo)
    return affaire_demo


@pytest.fixture
def presidente(affaire_demo: Affaire) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    return client
