"""Tests dans un vrai Chromium (celui de Debian) contre le serveur de démonstration lancé
comme un utilisateur le lance : ``pretoire demo``, dans un dossier de données temporaire."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGUMENTS_CHROMIUM = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CAPTURES = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "navigateur" in str(item.path):
            item.add_marker(pytest.mark.browser)


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def serveur_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with lancer_demo(tmp_path_factory.mktemp("demo")) as adresse:
        yield adresse


@contextlib.contextmanager
def lancer_demo(donnees: Path) -> Iterator[str]:
    """``pretoire demo`` sur un port libre, dans ``donnees`` ; arrêté à la sortie."""
    port = _port_libre()
    environnement = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    # Le journal du serveur reste lisible par les tests : donnees/serveur.log.
    journal = (donnees / "serveur.log").open("w", encoding="utf-8")
    processus = subprocess.Popen(
        [sys.executable, "-m", "pretoire", "demo", "--port", str(port), "--data-dir", str(donnees)],
        env={**environnement, "PYTHONUNBUFFERED": "1"},
        stdout=journal,
        stderr=subprocess.STDOUT,
        text=True,
    )
    adresse = f"http://127.0.0.1:{port}"
    limite = time.monotonic() + 60
    while time.monotonic() < limite:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if processus.poll() is not None:
                sortie = (donnees / "serveur.log").read_text(encoding="utf-8")
                raise RuntimeError(f"pretoire demo s'est arrêté :\n{sortie}") from None
            time.sleep(0.2)
    else:
        processus.kill()
        raise RuntimeError("pretoire demo n'a pas ouvert son port en 60 s")
    try:
        yield adresse
    finally:
        processus.terminate()
        processus.wait(timeout=10)
        journal.close()


@pytest.fixture(scope="session")
def navigateur() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium absent ({CHROMIUM}) : la commande de test du README l'installe.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS_CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(navigateur: Browser) -> Iterator[Page]:
    contexte = navigateur.new_context(viewport={"width": 1366, "height": 768}, locale="fr-FR")
    yield contexte.new_page()
    contexte.close()


def capture(page: Page, nom: str) -> Path:
    CAPTURES.mkdir(exist_ok=True)
    chemin = CAPTURES / f"{nom}.png"
    page.screenshot(path=str(chemin), full_page=True)
    return chemin


def se_connecter(page: Page, adresse: str, identifiant: str) -> None:
    from pretoire.proces.demo import MOT_DE_PASSE_DEMO

    page.goto(f"{adresse}/connexion/")
    page.get_by_label("Identifiant").fill(identifiant)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE_DEMO)
    page.get_by_role("button", name="Se connecter").click()
