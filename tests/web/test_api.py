"""L'API répond à toute entrée invalide en français, en nommant le champ, sans rien écrire."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.journal.models import Evenement
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_greffe(affaire_demo: Affaire) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="greffiere"))
    return client


def poster(client: Client, affaire: Affaire, corps: Any) -> Any:
    brut = corps if isinstance(corps, str) else json.dumps(corps)
    return client.post(f"/api/affaires/{affaire.pk}/journal", brut, content_type="application/json")


def test_consigner_par_l_api_renvoie_l_evenement_chaine(client_greffe: Client, affaire_demo: Affaire) -> None:
    reponse = poster(
        client_greffe,
        affaire_demo,
        {
            "type": "demande_donne_acte",
            "donnees": {
                "partie": "Défense",
                "objet": "Donner acte que l'image de l'expert s'est figée à 10 h 41.",
            },
        },
    )
    assert reponse.status_code == 201
    corps = reponse.json()
    assert corps["numero"] == 3
    assert corps["libelle"] == "Demande de donné acte"
    assert corps["auteur"] == "Mme Sophie MOREL"
    precedent = Evenement.objects.get(affaire=affaire_demo, numero=2)
    assert corps["empreinte_precedente"] == precedent.empreinte
    verification = client_greffe.get(f"/api/affaires/{affaire_demo.pk}/journal/verification").json()
    assert verification["valide"] is True
    assert verification["derniere_empreinte"] == corps["empreinte"]


@pytest.mark.parametrize(
    ("corps", "statut", "champ", "extrait"),
    [
        ({"type": "inconnu"}, 422, "type", "valeurs permises"),
        ({"donnees": {}}, 422, "type", "obligatoire"),
        (
            {"type": "audition", "donnees": {"qualite": "expert", "modalite": "visioconference"}},
            422,
            "déposant",
            "obligatoire",
        ),
        (
            {
                "type": "audition",
                "donnees": {"deposant": "X", "qualite": "mage", "modalite": "presentiel"},
            },
            422,
            "qualité",
            "valeurs permises",
        ),
        (
            {
                "type": "contestation_element_constitutif",
                "donnees": {"accuse": "A7", "fait": "F1", "element": "contrainte"},
            },
            422,
            "accusé",
            "n'est pas un accusé",
        ),
        (
            {"type": "correction", "donnees": {"evenement": "deux", "motif": "x"}},
            422,
            "événement corrigé (numéro)",
            "nombre entier",
        ),
        (
            {
                "type": "information_question",
                "donnees": {"nature": "speciale", "accuse": "A1", "fait": "F1"},
            },
            422,
            "",
            "circonstance aggravante",
        ),
        ("{ce n'est pas du JSON", 400, "", ""),
    ],
)
def test_une_entree_invalide_est_refusee_en_francais_sans_rien_ecrire(
    client_greffe: Client, affaire_demo: Affaire, corps: Any, statut: int, champ: str, extrait: str
) -> None:
    avant = Evenement.objects.filter(affaire=affaire_demo).count()
    reponse = poster(client_greffe, affaire_demo, corps)
    assert reponse.status_code == statut
    assert reponse.json()["detail"]
    erreurs = reponse.json().get("erreurs", [])
    if champ:
        assert any(e["champ"] == champ and extrait in e["message"] for e in erreurs), erreurs
    elif extrait:
        assert any(extrait in e["message"] for e in erreurs), erreurs
    assert Evenement.objects.filter(affaire=affaire_demo).count() == avant


def test_un_acte_hors_de_l_ordre_des_debats_est_refuse_en_409(
    client_greffe: Client, affaire_demo: Affaire
) -> None:
    reponse = poster(client_greffe, affaire_demo, {"type": "plaidoirie_defense"})
    assert reponse.status_code == 409
    assert "réquisitoire" in reponse.json()["detail"]


def test_la_documentation_openapi_est_servie(client_greffe: Client) -> None:
    assert client_greffe.get("/api/docs").status_code == 200
    schema = client_greffe.get("/api/openapi.json").json()
    assert "/api/affaires/{affaire_id}/journal" in schema["paths"]


def test_une_annonce_pour_un_accuse_a_qui_le_fait_n_est_pas_reproche_est_refusee(
    client_greffe: Client, affaire_demo: Affaire
) -> None:
    """Acceptée, elle ne produirait aucune question, et le journal est définitif."""
    from pretoire.proces.models import Accuse

    Accuse.objects.create(
        affaire=affaire_demo,
        identifiant="A2",
        nom="FABRE",
        prenoms="Inès",
        sexe="F",
        date_naissance="1980-01-02",
    )
    avant = Evenement.objects.filter(affaire=affaire_demo).count()
    reponse = poster(
        client_greffe,
        affaire_demo,
        {
            "type": "information_question",
            "donnees": {
                "nature": "subsidiaire",
                "accuse": "A2",
                "fait": "F1",
                "qualification": "agression_sexuelle",
            },
        },
    )
    assert reponse.status_code == 422
    erreurs = reponse.json()["erreurs"]
    assert any(
        e["champ"] == "fait" and "ne reproche pas le fait « F1 » à Inès FABRE" in e["message"]
        for e in erreurs
    ), erreurs
    assert Evenement.objects.filter(affaire=affaire_demo).count() == avant
