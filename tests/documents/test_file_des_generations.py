"""La file des générations (django-tasks en base) : la demande attend, un exécutant la prend, la
compose en disant où il en est, et écrit la version ou le motif de l'échec ; un exécutant mort se
voit à son bail expiré."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.deposition.models import Deposition
from pretoire.documents import actions
from pretoire.documents.models import BAIL, Document, EtatGeneration, Generation
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db

FILE_EN_BASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def client_de(identifiant: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=identifiant))
    return client


def vider_la_file() -> None:
    """Un exécutant, le temps de composer ce qui attend, dans la transaction du test : il ne
    referme pas la connexion entre deux tâches comme il le fait en service (sur PostgreSQL, il
    fermerait la transaction du test ; le vrai exécutant est essayé dans
    ``test_file_entre_processus.py``)."""
    with mock.patch.object(db_worker, "close_old_connections"):
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def test_la_demande_attend_en_file_puis_l_executant_ecrit_la_version(
    affaire: Affaire, deposition: Deposition, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TASKS = FILE_EN_BASE
    greffe = client_de("greffiere")
    page = reverse("documents", args=[affaire.pk])
    greffe.post(page, {"nature": "proces_verbal", "deposition": deposition.pk})

    generation = Generation.objects.get()
    assert generation.etat == EtatGeneration.EN_ATTENTE and not Document.objects.exists()
    tache = DBTaskResult.objects.get()
    assert str(tache.id) == generation.tache and tache.status == "READY"
    suivi = reverse("generation_document", args=[affaire.pk, generation.pk])
    assert greffe.get(suivi).json()["etat"] == "en_attente"
    assert "En attente d&#x27;un exécutant…" in greffe.get(page).content.decode()

    # Ce que la page relirait à chaque étape, pendant que l'exécutant compose.
    vus: list[tuple[str, str, int]] = []
    generer = actions.do_generer_document

    def generer_en_observant(*args: Any, progression: actions.Progression, **kwargs: Any) -> Document:
        def observer(etape: str, avancement: int) -> None:
            progression(etape, avancement)
            lu = greffe.get(suivi).json()
            vus.append((lu["etat"], lu["etape"], lu["avancement"]))

        return generer(*args, progression=observer, **kwargs)

    monkeypatch.setattr(actions, "do_generer_document", generer_en_observant)
    vider_la_file()

    assert vus == [
        ("en_cours", "Lecture du journal d'audience", 5),
        ("en_cours", "Composition du PDF/A (Typst)", 20),
        ("en_cours", "Signature électronique (PAdES)", 75),
        ("en_cours", "Enregistrement de la version 1", 95),
    ]
    generation.refresh_from_db()
    assert generation.etat == EtatGeneration.TERMINEE and generation.avancement == 100
    assert generation.executant == actions.executant_courant()
    assert generation.document == Document.objects.get(version=1)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    fin = greffe.get(suivi).json()
    assert fin["etat"] == "terminee" and fin["document"]["version"] == 1
    assert "Version 1 générée et signée." in greffe.get(page).content.decode()


def test_un_echec_en_file_n_ecrit_rien_et_se_dit_en_francais(
    affaire: Affaire, deposition: Deposition, settings: Settings, tmp_path: Path
) -> None:
    settings.TASKS = FILE_EN_BASE
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": tmp_path / "absent.p12", "mot_de_passe": ""}}
    greffe = client_de("greffiere")
    greffe.post(reverse("documents", args=[affaire.pk]), {"nature": "feuille_de_questions"})
    vider_la_file()

    generation = Generation.objects.get()
    assert generation.etat == EtatGeneration.ECHOUEE
    assert "certificat de signature introuvable" in generation.message
    assert not Document.objects.exists()
    suivi = greffe.get(reverse("generation_document", args=[affaire.pk, generation.pk])).json()
    assert suivi["etat"] == "echouee" and "certificat de signature introuvable" in suivi["message"]
    contenu = greffe.get(reverse("documents", args=[affaire.pk])).content.decode()
    assert "Échec, rien n'a été enregistré : " in contenu and "certificat de signature introuvable" in contenu


def test_une_tache_rejouee_ne_compose_pas_deux_fois(affaire: Affaire, settings: Settings) -> None:
    settings.TASKS = FILE_EN_BASE
    generation = actions.do_demander_generation(
        affaire,
        actions.NatureDocument.FEUILLE_DE_QUESTIONS,
        auteur=Utilisateur.objects.get(username="greffiere"),
    )
    assert actions.executer_generation(generation.pk) == EtatGeneration.TERMINEE
    assert actions.executer_generation(generation.pk) == EtatGeneration.TERMINEE
    assert Document.objects.count() == 1


def test_un_executant_mort_se_voit_a_son_bail_expire(affaire: Affaire) -> None:
    dernier_battement = timezone.now()
    generation = Generation.objects.create(
        affaire=affaire,
        nature="feuille_de_questions",
        demandee_par=Utilisateur.objects.get(username="greffiere"),
        etat=EtatGeneration.EN_COURS,
        executant="serveur-2:4242",
        battement_le=dernier_battement,
        etape="Composition du PDF/A (Typst)",
        avancement=20,
    )
    greffe = client_de("greffiere")
    page = reverse("documents", args=[affaire.pk])
    suivi = reverse("generation_document", args=[affaire.pk, generation.pk])

    with mock.patch("django.utils.timezone.now", return_value=dernier_battement + BAIL):
        assert greffe.get(suivi).json()["etat"] == "en_cours"
    with mock.patch(
        "django.utils.timezone.now", return_value=dernier_battement + BAIL + timedelta(seconds=1)
    ):
        assert greffe.get(suivi).json()["etat"] == "interrompue"
        contenu = greffe.get(page).content.decode()
    assert (
        "Génération interrompue : son exécutant (serveur-2:4242) ne donne plus signe de vie ;"
        " rien n'a été enregistré. Relancez-la." in contenu
    )
    assert '<meta http-equiv="refresh"' not in contenu  # plus rien à suivre


def test_une_demande_que_personne_ne_prend_le_dit(affaire: Affaire, settings: Settings) -> None:
    settings.TASKS = FILE_EN_BASE
    generation = actions.do_demander_generation(
        affaire,
        actions.NatureDocument.FEUILLE_DE_QUESTIONS,
        auteur=Utilisateur.objects.get(username="greffiere"),
    )
    page = reverse("documents", args=[affaire.pk])
    assert "Aucun exécutant n'a encore pris" not in client_de("greffiere").get(page).content.decode()
    with mock.patch(
        "django.utils.timezone.now", return_value=generation.demandee_le + BAIL + timedelta(seconds=1)
    ):
        contenu = client_de("greffiere").get(page).content.decode()
    assert "Aucun exécutant n'a encore pris cette demande" in contenu
    assert "pretoire worker" in contenu
