"""Deux serveurs d'application, une audience : la signalisation passe par Redis (channels-redis)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.navigateur.conftest import _port_libre

from .conftest import capture, inviter, nouveau_contexte, se_connecter
from .test_parcours import attendre, compteurs, parcourir_jusqu_a_la_salle_d_attente

pytestmark = [pytest.mark.media, pytest.mark.browser]


def _attendre_port(port: int, processus: subprocess.Popen[str]) -> None:
    import socket

    limite = time.monotonic() + 60
    while time.monotonic() < limite:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if processus.poll() is not None:
                raise RuntimeError(processus.stdout.read() if processus.stdout else "") from None
            time.sleep(0.2)
    raise RuntimeError(f"port {port} fermé après 60 s")


@pytest.fixture
def deux_serveurs(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Un Redis privé (dans l'espace de noms du test) et deux ``pretoire demo`` qui le partagent."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server absent : test à plusieurs serveurs non lancé (apt install redis-server)")
    port_redis = _port_libre()
    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port_redis),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    environnement = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environnement["REDIS_URL"] = f"redis://127.0.0.1:{port_redis}/0"
    commande = [sys.executable, "-m", "pretoire", "demo", "--data-dir", str(tmp_path)]
    subprocess.run([*commande, "--sans-serveur"], env=environnement, check=True, capture_output=True)
    serveurs: list[subprocess.Popen[str]] = []
    adresses: list[str] = []
    try:
        for _ in range(2):
            port = _port_libre()
            processus = subprocess.Popen(
                [*commande, "--port", str(port)],
                env=environnement,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            serveurs.append(processus)
            _attendre_port(port, processus)
            adresses.append(f"http://127.0.0.1:{port}")
        yield adresses[0], adresses[1]
    finally:
        for processus in serveurs:
            processus.terminate()
            processus.wait(timeout=10)
        redis.terminate()
        redis.wait(timeout=10)


def test_la_salle_sur_un_serveur_le_deposant_sur_l_autre(
    deux_serveurs: tuple[str, str], navigateur_media: Browser
) -> None:
    serveur_a, serveur_b = deux_serveurs
    greffe = nouveau_contexte(navigateur_media, serveur_a).new_page()
    invitation = inviter(greffe, serveur_a, "Dr Marc BLANC")
    lien_sur_b = invitation.lien.replace(serveur_a, serveur_b)
    deposant = nouveau_contexte(navigateur_media, serveur_b).new_page()
    parcourir_jusqu_a_la_salle_d_attente(deposant, lien_sur_b, invitation.code)

    salle = nouveau_contexte(navigateur_media, serveur_a).new_page()
    se_connecter(salle, serveur_a, "presidente")
    greffe.get_by_role("link", name="Console").first.click()
    expect(greffe.locator("#etat")).to_have_text("en salle d'attente")
    ecran = greffe.get_by_role("link", name="Ouvrir l'écran de la salle d'audience").get_attribute("href")
    salle.goto(f"{serveur_a}{ecran}")
    greffe.get_by_role("button", name="Admettre dans la salle").click()
    expect(deposant.locator("#etat")).to_have_text("admise dans la salle")
    attendre(lambda: compteurs(salle)["dechiffrees"] > 30 and compteurs(deposant)["dechiffrees"] > 30, 30)
    assert compteurs(salle)["images"] > 0 and compteurs(deposant)["images"] > 0
    assert (
        salle.locator("#code-verification").inner_text()
        == deposant.locator("#code-verification").inner_text()
    )
    capture(salle, "visio-deux-serveurs-salle")
