"""Chaque rôle × chaque page et appel d'API d'une affaire : permis, ou 403.

Une affaire où l'on ne siège pas et une affaire qui n'existe pas répondent de la même façon.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db

TOUS = {"presidente", "assesseur", "greffiere", "avocat-general", "defense", "partie-civile"}
SIEGE = {"presidente", "assesseur"}
GREFFE = {"greffiere"}

# (méthode, chemin, qui est permis, statut attendu quand c'est permis)
ACCES = [
    ("get", "/affaires/{id}/", TOUS, 200),
    ("get", "/affaires/{id}/journal/", TOUS, 200),
    ("get", "/affaires/{id}/journal/verification/", TOUS, 200),
    ("get", "/affaires/{id}/greffe/", GREFFE, 200),
    ("post", "/affaires/{id}/greffe/", GREFFE, 302),
    ("get", "/affaires/{id}/presidence/", SIEGE, 200),
    ("get", "/api/affaires/{id}", TOUS, 200),
    ("get", "/api/affaires/{id}/journal", TOUS, 200),
    ("get", "/api/affaires/{id}/journal/verification", TOUS, 200),
    ("post", "/api/affaires/{id}/journal", GREFFE, 201),
]
UTILISATEURS = sorted(TOUS | {"intrus"})


def _requete(client: Client, methode: str, chemin: str) -> int:
    if methode == "get":
        return client.get(chemin).status_code
    if chemin.startswith("/api/"):
        corps = {"type": "incident_technique", "donnees": {"description": "Écho dans la salle"}}
        return client.post(chemin, json.dumps(corps), content_type="application/json").status_code
    return client.post(
        chemin, {"type": "incident_technique", "incident_technique-description": "Écho"}
    ).status_code


@pytest.fixture
def intrus(db: None) -> Utilisateur:
    return Utilisateur.objects.create_user("intrus", password="x-intrus-2026")


@pytest.mark.parametrize("utilisateur", UTILISATEURS)
@pytest.mark.parametrize(("methode", "chemin", "permis", "statut"), ACCES)
def test_acces_par_role(
    affaire_demo: Affaire,
    intrus: Utilisateur,
    utilisateur: str,
    methode: str,
    chemin: str,
    permis: set[str],
    statut: int,
) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=utilisateur))
    attendu = statut if utilisateur in permis else 403
    assert _requete(client, methode, chemin.format(id=affaire_demo.pk)) == attendu


@pytest.mark.parametrize(("methode", "chemin", "permis", "statut"), ACCES)
def test_une_affaire_inexistante_se_presente_comme_une_affaire_interdite(
    affaire_demo: Affaire, methode: str, chemin: str, permis: set[str], statut: int
) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="greffiere"))
    assert _requete(client, methode, chemin.format(id=affaire_demo.pk + 1000)) == 403


@pytest.mark.parametrize(("methode", "chemin", "permis", "statut"), ACCES)
def test_un_anonyme_est_renvoye_a_la_connexion(
    affaire_demo: Affaire, methode: str, chemin: str, permis: set[str], statut: int
) -> None:
    code = _requete(Client(), methode, chemin.format(id=affaire_demo.pk))
    assert code == (401 if chemin.startswith("/api/") else 302)


def test_la_liste_des_affaires_ne_montre_que_les_siennes(affaire_demo: Affaire, intrus: Utilisateur) -> None:
    client = Client()
    client.force_login(intrus)
    assert client.get("/api/affaires").json() == []
    client.force_login(Utilisateur.objects.get(username="defense"))
    (affaire,) = client.get("/api/affaires").json()
    assert affaire["numero"] == "26/00042"
    assert affaire["mes_roles"] == ["avocat_defense"]
