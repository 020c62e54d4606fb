"""Deux serveurs et un exécutant, chacun son processus, sur une même base : les deux serveurs
demandent, l'exécutant compose ; tué en pleine composition, il cesse de battre et rien n'est écrit.

Chaque « serveur » est un processus qui passe par la vraie vue de la page des documents ;
l'exécutant est ``pretoire worker``. La base SQLite du dossier de données est lue directement.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

DELAI_MAXIMUM_S = 120  # une limite pour ne pas attendre sans fin, jamais une mesure

SERVEUR = """
import json, sys
from pathlib import Path
from pretoire.cli.django import preparer_django
preparer_django(Path(sys.argv[1]))
from django.test import Client
from pretoire.comptes.models import Utilisateur
from pretoire.documents.models import Generation
from pretoire.proces.models import Affaire
affaire = Affaire.objects.get(numero="26/00042")
client = Client(SERVER_NAME="localhost")
client.force_login(Utilisateur.objects.get(username="greffiere"))
reponse = client.post(f"/affaires/{affaire.pk}/documents/", {"nature": "feuille_de_questions"})
assert reponse.status_code == 302, reponse.status_code
print(json.dumps({"generation": Generation.objects.latest("pk").pk}))
"""

# L'exécutant dont la composition ne finit jamais : on le tue au milieu.
EXECUTANT_BLOQUE = """
import sys, threading
from pathlib import Path
from pretoire.cli.django import preparer_django
preparer_django(Path(sys.argv[1]))
from pretoire.documents import actions
actions.rendre_pdf = lambda *a, **k: threading.Event().wait()
from pretoire.cli import main
main(["worker", "--data-dir", sys.argv[1], "--intervalle", "0.2"])
"""


def environnement() -> dict[str, str]:
    sans = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PRETOIRE_DATA_DIR")
    return {k: v for k, v in os.environ.items() if k not in sans}


def pretoire(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pretoire", *arguments],
        env=environnement(),
        capture_output=True,
        text=True,
        check=True,
    )


def serveur(donnees: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SERVEUR, str(donnees)],
        env=environnement(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def demande_acceptee(processus: subprocess.Popen[str]) -> int:
    sortie, erreurs = processus.communicate(timeout=DELAI_MAXIMUM_S)
    assert processus.returncode == 0, erreurs
    return int(json.loads(sortie.strip().splitlines()[-1])["generation"])


def lire(donnees: Path, requete: str, *parametres: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(donnees / "pretoire.sqlite3") as base:
        return base.execute(requete, parametres).fetchall()


def etat(donnees: Path, generation: int) -> tuple[object, ...]:
    """L'état, l'exécutant et son dernier battement."""
    ((ligne),) = lire(
        donnees, "SELECT etat, executant, battement_le FROM documents_generation WHERE id = ?", generation
    )
    return ligne


def attendre(condition: Callable[[], bool], message: str) -> None:
    limite = time.monotonic() + DELAI_MAXIMUM_S
    while not condition():
        if time.monotonic() > limite:
            pytest.fail(message)
        time.sleep(0.2)


@pytest.fixture
def donnees(tmp_path: Path) -> Path:
    """Une cour de démonstration installée, sans serveur ni exécutant."""
    pretoire("demo", "--sans-serveur", "--data-dir", str(tmp_path))
    return tmp_path


def test_deux_serveurs_demandent_un_executant_compose(donnees: Path) -> None:
    premier, second = serveur(donnees), serveur(donnees)
    generations = sorted([demande_acceptee(premier), demande_acceptee(second)])
    assert [etat(donnees, g)[0] for g in generations] == ["en_attente", "en_attente"]
    assert lire(donnees, "SELECT status FROM django_tasks_database_dbtaskresult") == [("READY",), ("READY",)]
    assert lire(donnees, "SELECT count(*) FROM documents_document") == [(0,)]

    executant = subprocess.Popen(
        [sys.executable, "-m", "pretoire", "worker", "--data-dir", str(donnees), "--une-fois"],
        env=environnement(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    sortie, _ = executant.communicate(timeout=DELAI_MAXIMUM_S * 2)
    assert executant.returncode == 0, sortie

    qui = f"{socket.gethostname()}:{executant.pid}"
    assert [etat(donnees, g)[:2] for g in generations] == [("terminee", qui), ("terminee", qui)]
    versions = lire(donnees, "SELECT version, fichier FROM documents_document ORDER BY version")
    assert [v for v, _ in versions] == [1, 2]
    assert all((donnees / "documents" / str(f)).read_bytes().startswith(b"%PDF-") for _, f in versions)
    assert lire(donnees, "SELECT DISTINCT status FROM django_tasks_database_dbtaskresult") == [
        ("SUCCESSFUL",)
    ]


def test_un_executant_tue_en_pleine_composition_cesse_de_battre_et_n_ecrit_rien(donnees: Path) -> None:
    executant = subprocess.Popen(
        [sys.executable, "-c", EXECUTANT_BLOQUE, str(donnees)],
        env=environnement(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        generation = demande_acceptee(serveur(donnees))
        attendre(lambda: etat(donnees, generation)[0] == "en_cours", "l'exécutant n'a pas pris la demande")
        assert etat(donnees, generation)[1] == f"{socket.gethostname()}:{executant.pid}"
        premier_battement = etat(donnees, generation)[2]
        attendre(
            lambda: etat(donnees, generation)[2] != premier_battement,
            "l'exécutant vivant n'a pas battu",
        )
    finally:
        executant.send_signal(signal.SIGKILL)
        executant.wait()

    dernier_battement = etat(donnees, generation)[2]
    time.sleep(6)  # plus d'un battement : un exécutant vivant aurait signalé sa vie
    assert etat(donnees, generation) == (
        "en_cours",
        f"{socket.gethostname()}:{executant.pid}",
        dernier_battement,
    )
    assert lire(donnees, "SELECT count(*) FROM documents_document") == [(0,)]
