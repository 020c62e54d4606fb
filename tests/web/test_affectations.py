"""Qui siège ou plaide : le greffier de la démonstration ne peut pas se donner la présidence, et
chaque changement d'affectation fait par l'administration est écrit au journal de l'affaire."""

from __future__ import annotations

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement, verifier_journal
from pretoire.journal.donnees import DonneesInvalides
from pretoire.journal.models import Evenement
from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire, Affectation, Role

pytestmark = pytest.mark.django_db


def _client(identifiant: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=identifiant))
    return client


def _affectations_consignees(affaire: Affaire) -> list[dict[str, str]]:
    return [
        e.donnees
        for e in Evenement.objects.filter(affaire=affaire, type=TypeEvenement.AFFECTATION).order_by("numero")
    ]


def test_le_greffier_de_la_demonstration_ne_peut_pas_se_donner_la_presidence(affaire_demo: Affaire) -> None:
    greffiere = Utilisateur.objects.get(username="greffiere")
    assert not greffiere.is_superuser
    client = _client("greffiere")
    reponse = client.post(
        "/admin/proces/affectation/add/",
        {"utilisateur": greffiere.pk, "affaire": affaire_demo.pk, "role": Role.PRESIDENT},
    )
    assert reponse.status_code == 403
    assert not Affectation.objects.filter(utilisateur=greffiere, role=Role.PRESIDENT).exists()
    # Elle consulte toujours les affaires et le journal.
    assert client.get("/admin/proces/affaire/").status_code == 200
    assert client.get("/admin/journal/evenement/").status_code == 200


def test_un_membre_du_personnel_autorise_ne_s_affecte_pas_lui_meme(affaire_demo: Affaire) -> None:
    """Même avec le droit d'ajouter des affectations, nul ne s'affecte lui-même."""
    from django.contrib.auth.models import Permission

    greffiere = Utilisateur.objects.get(username="greffiere")
    greffiere.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_affectation", "change_affectation"])
    )
    reponse = _client("greffiere").post(
        "/admin/proces/affectation/add/",
        {"utilisateur": greffiere.pk, "affaire": affaire_demo.pk, "role": Role.PRESIDENT},
    )
    assert reponse.status_code == 200
    assert "Vous ne pouvez pas modifier votre propre affectation" in reponse.content.decode()
    assert not Affectation.objects.filter(utilisateur=greffiere, role=Role.PRESIDENT).exists()
    assert _affectations_consignees(affaire_demo) == []


def test_ajout_modification_et_retrait_d_une_affectation_sont_ecrits_au_journal(
    affaire_demo: Affaire,
) -> None:
    client = _client("administrateur")
    assesseur = Utilisateur.objects.get(username="assesseur")
    ajout = client.post(
        "/admin/proces/affectation/add/",
        {"utilisateur": assesseur.pk, "affaire": affaire_demo.pk, "role": Role.PRESIDENT},
    )
    assert ajout.status_code == 302
    affectation = Affectation.objects.get(utilisateur=assesseur, role=Role.PRESIDENT)
    modification = client.post(
        f"/admin/proces/affectation/{affectation.pk}/change/",
        {"utilisateur": assesseur.pk, "affaire": affaire_demo.pk, "role": Role.AVOCAT_GENERAL},
    )
    assert modification.status_code == 302
    retrait = client.post(f"/admin/proces/affectation/{affectation.pk}/delete/", {"post": "yes"})
    assert retrait.status_code == 302
    assert not Affectation.objects.filter(pk=affectation.pk).exists()

    consignees = _affectations_consignees(affaire_demo)
    assert [(d["operation"], d["role"]) for d in consignees] == [
        ("ajout", "Président"),
        ("modification", "Avocat général"),
        ("retrait", "Avocat général"),
    ]
    assert consignees[0]["personne"] == "M. Paul GARNIER" and consignees[0]["identifiant"] == "assesseur"
    assert consignees[1]["avant"] == "M. Paul GARNIER (assesseur), Président"
    evenement = Evenement.objects.filter(affaire=affaire_demo, type=TypeEvenement.AFFECTATION).first()
    assert evenement is not None and evenement.auteur_libelle.startswith("Administration")
    assert verifier_journal(affaire_demo).valide


def test_les_affectations_en_ligne_d_une_affaire_sont_ecrites_au_journal(affaire_demo: Affaire) -> None:
    client = _client("administrateur")
    assesseur = Utilisateur.objects.get(username="assesseur")
    page = f"/admin/proces/affaire/{affaire_demo.pk}/change/"
    existantes = list(Affectation.objects.filter(affaire=affaire_demo).order_by("pk"))
    formulaire = {
        "numero": affaire_demo.numero,
        "intitule": affaire_demo.intitule,
        "session": affaire_demo.session_id,
        "affectations-TOTAL_FORMS": str(len(existantes) + 1),
        "affectations-INITIAL_FORMS": str(len(existantes)),
        "affectations-MIN_NUM_FORMS": "0",
        "affectations-MAX_NUM_FORMS": "1000",
    }
    for rang, affectation in enumerate(existantes):
        formulaire |= {
            f"affectations-{rang}-id": str(affectation.pk),
            f"affectations-{rang}-affaire": str(affaire_demo.pk),
            f"affectations-{rang}-utilisateur": str(affectation.utilisateur_id),
            f"affectations-{rang}-role": affectation.role,
            f"affectations-{rang}-accuse": str(affectation.accuse_id or ""),
            f"affectations-{rang}-victime": str(affectation.victime_id or ""),
        }
    # Le jury de jugement, en ligne lui aussi, est renvoyé tel qu'il est.
    jures = list(affaire_demo.jures.order_by("pk"))
    formulaire |= {
        "jures-TOTAL_FORMS": str(len(jures)),
        "jures-INITIAL_FORMS": str(len(jures)),
        "jures-MIN_NUM_FORMS": "0",
        "jures-MAX_NUM_FORMS": "1000",
    }
    for rang, jure in enumerate(jures):
        formulaire |= {
            f"jures-{rang}-id": str(jure.pk),
            f"jures-{rang}-affaire": str(affaire_demo.pk),
            f"jures-{rang}-rang": str(jure.rang),
            f"jures-{rang}-nom": jure.nom,
            f"jures-{rang}-prenoms": jure.prenoms,
        }
    nouvelle = len(existantes)
    formulaire |= {
        f"affectations-{nouvelle}-affaire": str(affaire_demo.pk),
        f"affectations-{nouvelle}-utilisateur": str(assesseur.pk),
        f"affectations-{nouvelle}-role": Role.PRESIDENT,
    }
    reponse = client.post(page, formulaire)
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    assert [
        (d["operation"], d["identifiant"], d["role"]) for d in _affectations_consignees(affaire_demo)
    ] == [("ajout", "assesseur", "Président")]


def test_une_affectation_ne_se_consigne_pas_a_la_main(affaire_demo: Affaire) -> None:
    greffiere = Utilisateur.objects.get(username="greffiere")
    with pytest.raises(DonneesInvalides, match="consigné par l'administration des affaires"):
        do_consigner_evenement(
            affaire_demo,
            TypeEvenement.AFFECTATION,
            {"operation": "ajout", "identifiant": "greffiere", "personne": "X", "role": "Président"},
            auteur=greffiere,
        )
