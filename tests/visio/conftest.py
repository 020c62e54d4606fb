"""Tests de la visio dans de vrais Chromium, avec de vrais WebRTC, chiffrement compris.

Le média ne doit jamais quitter la boucle locale de cette machine : ces tests ne tournent que
dans un espace de noms réseau privé qui n'a que ``lo`` (la commande de test du README les y
lance : ``unshare --net``). Ailleurs, ils sont sautés en le disant.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.navigateur.conftest import ARGUMENTS_CHROMIUM, CHROMIUM, capture, se_connecter, serveur_demo

__all__ = ["serveur_demo"]

ARGUMENTS_MEDIA = [
    *ARGUMENTS_CHROMIUM,
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--autoplay-policy=no-user-gesture-required",
]


def interfaces_reseau() -> list[str]:
    """Les interfaces de l'espace de noms courant (/proc/net/dev, contrairement à /sys, le suit)."""
    lignes = Path("/proc/net/dev").read_text().splitlines()[2:]
    return [ligne.split(":")[0].strip() for ligne in lignes]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    prive = interfaces_reseau() == ["lo"]
    for item in items:
        if "tests/visio" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.media)
            item.add_marker(pytest.mark.browser)
            if not prive:
                item.add_marker(
                    pytest.mark.skip(
                        reason="média : seulement dans un espace de noms réseau privé "
                        "(./run test les y lance avec unshare --net)"
                    )
                )


@pytest.fixture
def demo_et_donnees(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Un serveur de démonstration à soi, et son dossier de données (pour ``pretoire pv``)."""
    from tests.navigateur.conftest import lancer_demo

    with lancer_demo(tmp_path) as adresse:
        yield adresse, tmp_path


@pytest.fixture(scope="session")
def navigateur_media() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium absent ({CHROMIUM}) : la commande de test du README l'installe.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS_MEDIA)
        yield chromium
        chromium.close()


def nouveau_contexte(navigateur: Browser, adresse: str) -> BrowserContext:
    contexte = navigateur.new_context(viewport={"width": 1366, "height": 860}, locale="fr-FR")
    contexte.grant_permissions(["camera", "microphone"], origin=adresse)
    return contexte


@dataclass
class Invitation:
    lien: str
    code: str
    console: Page


def inviter(greffe: Page, adresse: str, deposant: str = "Dr Claire FONTAINE") -> Invitation:
    """Le greffier invite un expert depuis l'onglet Visioconférence de l'affaire de démonstration."""
    greffe.goto(f"{adresse}/")
    if greffe.get_by_label("Identifiant").count():
        se_connecter(greffe, adresse, "greffiere")
    greffe.get_by_role("link", name="26/00042").click()
    greffe.get_by_role("link", name="Visioconférence").click()
    greffe.get_by_label("Nom et prénom du déposant").fill(deposant)
    greffe.get_by_label("Qualité").select_option("expert")
    greffe.get_by_role("button", name="Créer l'invitation").click()
    lien = greffe.locator("#lien-invitation").inner_text()
    code = greffe.locator("#code-acces").inner_text()
    assert re.fullmatch(r"\d{4} \d{4}", code)
    capture(greffe, "visio-1-invitation")
    return Invitation(lien, code, greffe)


def accessible(page: Page) -> None:
    """RGAA : chaque page du parcours du déposant passe axe-core sans aucune violation."""
    from axe_playwright_python.sync_playwright import Axe

    resultats = Axe().run(page)
    assert resultats.violations_count == 0, resultats.generate_report()


__all__ += ["accessible", "capture", "inviter", "nouveau_contexte", "se_connecter"]
