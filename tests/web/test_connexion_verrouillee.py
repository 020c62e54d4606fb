"""Deviner un mot de passe en ligne : après 5 échecs, l'identifiant et l'adresse sont suspendus
15 minutes, sur la page de connexion du site comme sur celle de l'administration."""

from __future__ import annotations

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db

MOT_DE_PASSE = "Pretoire-demo-2026"
PAGES_DE_CONNEXION = ["/connexion/", "/admin/login/"]


def _essayer(client: Client, page: str, identifiant: str, mot_de_passe: str, **entetes: str) -> int:
    return client.post(page, {"username": identifiant, "password": mot_de_passe}, **entetes).status_code


@pytest.mark.parametrize("page", PAGES_DE_CONNEXION)
def test_cinq_echecs_suspendent_l_identifiant_meme_avec_le_bon_mot_de_passe(
    affaire_demo: Affaire, page: str
) -> None:
    Utilisateur.objects.create_superuser("administrateur-test", password=MOT_DE_PASSE)
    client = Client()
    for essai in range(4):
        assert _essayer(client, page, "administrateur-test", f"mauvais-{essai}") == 200
    # Le cinquième échec suspend déjà.
    assert _essayer(client, page, "administrateur-test", "mauvais-4") == 429
    reponse = client.post(page, {"username": "administrateur-test", "password": MOT_DE_PASSE})
    assert reponse.status_code == 429
    texte = reponse.content.decode()
    assert "Connexion suspendue" in texte
    assert "pendant quinze minutes" in texte
    assert "_auth_user_id" not in client.session


def test_depuis_une_autre_adresse_l_identifiant_reste_suspendu(affaire_demo: Affaire) -> None:
    for essai in range(5):
        _essayer(Client(REMOTE_ADDR=f"203.0.113.{essai}"), "/connexion/", "greffiere", f"mauvais-{essai}")
    assert _essayer(Client(REMOTE_ADDR="198.51.100.7"), "/connexion/", "greffiere", MOT_DE_PASSE) == 429


def test_une_adresse_qui_essaie_tous_les_comptes_est_suspendue(affaire_demo: Affaire) -> None:
    client = Client()
    for identifiant in ("presidente", "assesseur", "avocat-general", "defense"):
        assert _essayer(client, "/connexion/", identifiant, "Motdepasse2026") == 200
    assert _essayer(client, "/connexion/", "partie-civile", "Motdepasse2026") == 429
    assert _essayer(client, "/connexion/", "greffiere", MOT_DE_PASSE) == 429


def test_un_en_tete_x_forwarded_for_ecrit_par_le_client_ne_leve_pas_la_suspension(
    affaire_demo: Affaire,
) -> None:
    client = Client()
    for essai in range(5):
        _essayer(client, "/connexion/", f"inconnu-{essai}", "x", HTTP_X_FORWARDED_FOR=f"192.0.2.{essai}")
    assert (
        _essayer(client, "/connexion/", "greffiere", MOT_DE_PASSE, HTTP_X_FORWARDED_FOR="192.0.2.99") == 429
    )


def test_un_succes_avant_la_limite_remet_le_compte_a_zero(affaire_demo: Affaire) -> None:
    client = Client()
    for essai in range(4):
        _essayer(client, "/connexion/", "greffiere", f"mauvais-{essai}")
    assert _essayer(client, "/connexion/", "greffiere", MOT_DE_PASSE) == 302
    client.logout()
    for essai in range(4):
        assert _essayer(client, "/connexion/", "greffiere", f"encore-{essai}") == 200
    assert _essayer(client, "/connexion/", "greffiere", MOT_DE_PASSE) == 302
