"""La page du greffe : consigner, refuser en français sans rien perdre de la saisie."""

from __future__ import annotations

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


def test_le_greffe_consigne_et_retrouve_l_evenement_dans_la_frise(
    client_greffe: Client, affaire_demo: Affaire
) -> None:
    reponse = client_greffe.post(
        f"/affaires/{affaire_demo.pk}/greffe/",
        {
            "type": "conclusions_incident",
            "conclusions_incident-partie": "Défense",
            "conclusions_incident-objet": "Qualité du son de l'expert",
            "audition-deposant": "ignoré",
        },
        follow=True,
    )
    assert "Événement n° 3 consigné : Conclusions d&#x27;incident." in reponse.content.decode()
    evenement = Evenement.objects.get(affaire=affaire_demo, numero=3)
    # Seuls les champs du type choisi sont lus.
    assert evenement.donnees == {"partie": "Défense", "objet": "Qualité du son de l'expert"}
    frise = client_greffe.get(f"/affaires/{affaire_demo.pk}/journal/").content.decode()
    assert "Qualité du son de l&#x27;expert" in frise


def test_un_refus_est_explique_en_francais_et_la_saisie_est_conservee(
    client_greffe: Client, affaire_demo: Affaire
) -> None:
    reponse = client_greffe.post(
        f"/affaires/{affaire_demo.pk}/greffe/",
        {
            "type": "audition",
            "audition-qualite": "expert",
            "audition-observations": "Expert en ligne depuis 9 h 58",
        },
    )
    page = reponse.content.decode()
    assert reponse.status_code == 422
    assert "L'événement n'a pas été consigné" in page
    assert "déposant : le champ « déposant » est obligatoire" in page
    assert "Expert en ligne depuis 9 h 58" in page
    assert '<option value="expert" selected>' in page
    assert Evenement.objects.filter(affaire=affaire_demo).count() == 2


def test_un_type_inconnu_est_refuse(client_greffe: Client, affaire_demo: Affaire) -> None:
    reponse = client_greffe.post(f"/affaires/{affaire_demo.pk}/greffe/", {"type": "pirouette"})
    assert reponse.status_code == 422
    assert "choisissez un type dans la liste" in reponse.content.decode()


def test_les_pages_sont_en_francais_meme_pour_un_navigateur_anglais(
    client_greffe: Client, affaire_demo: Affaire
) -> None:
    page = client_greffe.get(f"/affaires/{affaire_demo.pk}/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert "né le 19 août 1974" in page
    assert "entre le 1er janvier 2022 et le 13 février 2022" in page
    client_greffe.cookies["django_language"] = "en"
    page = client_greffe.get(f"/affaires/{affaire_demo.pk}/").content.decode()
    assert "19 August 1974" in page
    assert "Hearing log" in page


def test_une_adresse_inconnue_donne_une_page_francaise(client_greffe: Client) -> None:
    reponse = client_greffe.get("/nulle-part/")
    assert reponse.status_code == 404
    assert "Page introuvable" in reponse.content.decode()


def test_le_mot_de_passe_de_demo_est_hache_avec_argon2(db: None) -> None:
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from pretoire.config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert make_password("Pretoire-demo-2026").startswith("argon2$")


def test_l_administration_du_greffe_est_en_francais_et_le_journal_y_est_en_lecture_seule(
    client_greffe: Client, affaire_demo: Affaire
) -> None:
    page = client_greffe.get("/admin/").content.decode()
    assert "Prétoire — administration du greffe" in page
    assert "Affaires" in page
    evenement = Evenement.objects.get(affaire=affaire_demo, numero=1)
    assert client_greffe.get(f"/admin/journal/evenement/{evenement.pk}/change/").status_code == 200
    assert (
        client_greffe.post(f"/admin/journal/evenement/{evenement.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Evenement.objects.filter(pk=evenement.pk).exists()
