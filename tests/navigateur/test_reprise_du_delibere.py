"""La reprise du délibéré (docs/decisions/0005), dans un vrai Chromium à profil persistant.

La présidente inscrit des réponses hors réseau, recharge la page : elles reviennent. Elle en
inscrit d'autres et dépouille un tour sur la peine, puis le navigateur est tué (SIGKILL, comme une
panne du portable) et relancé sur le même profil : tout revient, le tour compris. Nulle part — ni
IndexedDB, ni localStorage, ni sessionStorage, ni le disque du profil, ni la base, ni le journal
du serveur — ne se trouve un nombre de bulletins ; la copie gardée est chiffrée et illisible sans
la clé du serveur, qui la détruit à l'enregistrement ; la copie est effacée à la fin.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from playwright.sync_api import Browser, BrowserType, Page, expect

from .conftest import ARGUMENTS_CHROMIUM, CHROMIUM, capture, lancer_demo, se_connecter
from .test_deliberation import (
    DECOMPTE,
    _consigner,
    _inscrire,
    _modalites_de_seize_ans,
    _proposer,
    _texte_de_la_base,
    _voter,
)

LIRE_LA_COPIE = """async (affaire) => {
  const base = await new Promise((ok, ko) => {
    const d = indexedDB.open("pretoire-delibere", 1);
    d.onupgradeneeded = () => d.result.createObjectStore("reprise");
    d.onsuccess = () => ok(d.result);
    d.onerror = () => ko(d.error);
  });
  const copie = await new Promise((ok) => {
    const d = base.transaction("reprise").objectStore("reprise").get(`affaire-${affaire}`);
    d.onsuccess = () => ok(d.result ?? null);
  });
  base.close();
  if (!copie) return null;
  const hex = (o) => Array.from(o, (b) => b.toString(16).padStart(2, "0")).join("");
  return { cles: Object.keys(copie).sort(), iv: hex(copie.iv), chiffre: hex(copie.chiffre) };
}"""

# Un octet du chiffré changé, comme le ferait quelqu'un qui réécrit le profil du navigateur.
ALTERER_LA_COPIE = """async (affaire) => {
  const base = await new Promise((ok) => { const d = indexedDB.open("pretoire-delibere", 1); d.onsuccess = () => ok(d.result); });
  await new Promise((ok) => {
    const tx = base.transaction("reprise", "readwrite");
    const magasin = tx.objectStore("reprise");
    const d = magasin.get(`affaire-${affaire}`);
    d.onsuccess = () => { const copie = d.result; copie.chiffre[0] ^= 1; magasin.put(copie, `affaire-${affaire}`); };
    tx.oncomplete = ok;
  });
  base.close();
}"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    donnees = tmp_path_factory.mktemp("reprise")
    with lancer_demo(donnees) as adresse:
        yield adresse, donnees


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def chromium_a_profil(
    type_de_navigateur: BrowserType, profil: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Browser]]:
    """Chromium lancé comme un processus à part (pour pouvoir le tuer), piloté par CDP."""
    port = _port_libre()
    processus = subprocess.Popen(
        [CHROMIUM, *ARGUMENTS_CHROMIUM, f"--user-data-dir={profil}", f"--remote-debugging-port={port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    limite = time.monotonic() + 60
    while True:
        try:
            navigateur = type_de_navigateur.connect_over_cdp(f"http://127.0.0.1:{port}")
            break
        except Exception:
            if time.monotonic() > limite:
                processus.kill()
                raise
            time.sleep(0.3)
    try:
        yield processus, navigateur
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(processus.pid, signal.SIGKILL)
        processus.wait(timeout=10)


def _ouvrir_l_ecran(navigateur: Browser, adresse: str, affaire_id: str | None = None) -> Page:
    contexte = navigateur.contexts[0]
    page = contexte.pages[0] if contexte.pages else contexte.new_page()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{adresse}/affaires/{affaire_id}/deliberation/" if affaire_id else adresse)
    if "/connexion/" in page.url:
        se_connecter(page, adresse, "presidente")
        if affaire_id:
            page.goto(f"{adresse}/affaires/{affaire_id}/deliberation/")
    return page


def _cle(page: Page) -> bytes:
    reprise = json.loads(page.locator("#reprise-delibere").text_content() or "null")
    return base64.b64decode(reprise["cle"])


def _dechiffrer(copie: dict[str, str], cle: bytes, affaire_id: str, empreinte: str) -> dict[str, object]:
    clair = AESGCM(cle).decrypt(
        bytes.fromhex(copie["iv"]),
        bytes.fromhex(copie["chiffre"]),
        f"pretoire-reprise:{affaire_id}:{empreinte}".encode(),
    )
    return dict(json.loads(clair))


def _reponse(page: Page, numero: int) -> str:
    return page.locator(f"#feuille-delibere li[data-numero='{numero}'] .reponse").inner_text()


def _stockages_du_navigateur(page: Page) -> str:
    return str(page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])"))


def test_les_reponses_inscrites_survivent_au_rechargement_et_a_la_panne_sans_aucun_decompte_garde(
    demo: tuple[str, Path], navigateur: Browser, tmp_path: Path
) -> None:
    adresse, donnees = demo
    profil = tmp_path / "profil-chromium"
    # Le Playwright de la session pilote un second Chromium, lancé à part pour pouvoir le tuer.
    type_de_navigateur = navigateur.browser_type
    with chromium_a_profil(type_de_navigateur, profil) as (processus, chromium):
        greffe = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR").new_page()
        se_connecter(greffe, adresse, "greffiere")
        greffe.get_by_role("link", name="26/00042").click()
        greffe.get_by_role("link", name="Greffe — journal d'audience").click()
        _consigner(greffe, "requisitoire", Orateur="M. Faure, avocat général")
        _consigner(greffe, "plaidoirie_defense", Orateur="Me Blanc")
        _consigner(greffe, "derniere_parole_accuse", Accusé="A1")
        _consigner(greffe, "cloture_debats")
        greffe.context.close()

        page = _ouvrir_l_ecran(chromium, adresse)
        page.get_by_role("link", name="26/00042").click()
        page.get_by_role("link", name="Délibéré").click()
        page.get_by_role("button", name="Ouvrir le délibéré").click()
        expect(page.locator("#scrutin")).to_contain_text("Question n° 1")
        affaire_id = page.url.split("/affaires/")[1].split("/")[0]
        empreinte = json.loads(page.locator("#donnees-delibere").text_content() or "{}")["empreinte"]
        cle = _cle(page)

        page.context.set_offline(True)
        _voter(page, oui=9, non=2, blancs=1)
        _inscrire(page, "oui à la majorité de huit voix au moins")
        _voter(page, oui=12, non=0)
        _inscrire(page, "oui à la majorité de huit voix au moins")
        _voter(page, oui=7, non=3, blancs=1, nuls=1)
        _inscrire(page, "non")
        # Un scrutin constaté mais pas inscrit n'est pas gardé : il se revote après la reprise.
        _voter(page, oui=10, non=2)
        expect(page.locator("#resultat")).to_be_visible()

        # Rechargement (le réseau revenu, car la page vient du serveur).
        page.context.set_offline(False)
        page.reload()
        expect(page.locator("#etat-reprise")).to_contain_text("les réponses déjà inscrites (3)")
        assert [_reponse(page, n) for n in (1, 2, 3, 4)] == [
            "oui à la majorité de huit voix au moins",
            "oui à la majorité de huit voix au moins",
            "non",
            "sans objet",
        ]
        expect(page.locator("#scrutin")).to_contain_text("Question n° 5")
        capture(page, "delibere-reprise-apres-rechargement")

        # Une copie altérée ne se relit pas (AES-GCM authentifié) : effacée, rien n'est repris,
        # le président le voit et revote.
        page.evaluate(ALTERER_LA_COPIE, affaire_id)
        page.reload()
        expect(page.locator("#etat-reprise")).to_contain_text("ne peuvent pas être reprises")
        expect(page.locator("#scrutin")).to_contain_text("Question n° 1")
        page.context.set_offline(True)
        _voter(page, oui=9, non=3)
        _inscrire(page, "oui à la majorité de huit voix au moins")
        _voter(page, oui=12, non=0)
        _inscrire(page, "oui à la majorité de huit voix au moins")
        _voter(page, oui=6, non=6)
        _inscrire(page, "non")

        for oui, non in ((10, 2), (11, 1), (8, 4), (9, 3)):
            _voter(page, oui=oui, non=non)
            _inscrire(page, "oui à la majorité de huit voix au moins")
        _proposer(page, [(20, 7), (15, 5)])
        expect(page.locator("#resultat-tour")).to_contain_text("non la majorité qualifiée")
        _proposer(page, [(18, 6), (15, 6)])
        expect(page.locator("#plafond")).to_contain_text("dix-huit ans de réclusion criminelle")

        # Ce que le navigateur garde : un chiffré, aucun nombre de bulletins.
        copie = page.evaluate(LIRE_LA_COPIE, affaire_id)
        assert copie["cles"] == ["chiffre", "iv"]
        clair = _dechiffrer(copie, cle, affaire_id, empreinte)
        assert sorted(clair) == ["decisions", "maintenues", "peine", "reponses"]
        assert {r for _, r in clair["reponses"]} <= {"oui", "non", "sans objet"}  # type: ignore[union-attr]
        assert not DECOMPTE.search(json.dumps(clair))
        assert "voix" not in json.dumps(clair["peine"])
        assert _stockages_du_navigateur(page) == "[{},{}]"

        # Panne : le processus du navigateur est tué, sans fermeture propre.
        os.killpg(processus.pid, signal.SIGKILL)
        processus.wait(timeout=10)

    # Sur le disque du profil, rien de lisible : ni réponse, ni formule, ni décompte.
    disque = b"".join(f.read_bytes() for f in profil.rglob("*") if f.is_file() and "IndexedDB" in str(f))
    assert disque, "la copie chiffrée devait être écrite sur le disque avant la panne"
    for mot in (b'"sans objet"', b'"reponses"', b'"maintenues"', b"reclusion", empreinte.encode()):
        assert mot not in disque

    with chromium_a_profil(type_de_navigateur, profil) as (processus, chromium):
        page = _ouvrir_l_ecran(chromium, adresse, affaire_id)
        expect(page.locator("#etat-reprise")).to_contain_text("les réponses déjà inscrites (7)")
        assert _reponse(page, 8) == "oui à la majorité de huit voix au moins"
        # Le tour n° 3 reprend où il en était : la peine la plus forte du tour n° 2 reste écartée.
        expect(page.locator("#titre-tour")).to_have_text("Tour n° 3")
        expect(page.locator("#plafond")).to_contain_text("dix-huit ans de réclusion criminelle")
        capture(page, "delibere-reprise-apres-panne")
        page.context.set_offline(True)
        _proposer(page, [(16, 7), (12, 5)])
        _modalites_de_seize_ans(page)
        expect(page.locator("#peines-prononcees")).to_contain_text("seize ans de réclusion criminelle")
        page.context.set_offline(False)
        # Le premier juré ne peut signer : la majorité en désigne un autre (art. 364).
        page.get_by_label("Juré qui signe avec le président (art. 364 CPP)").select_option("2")
        page.get_by_role("button", name="Enregistrer la feuille répondue").click()
        expect(page.get_by_role("heading", name="Feuille de questions répondue")).to_be_visible()
        expect(page.locator(".signatures")).to_contain_text(
            "Le juré désigné par la majorité des membres de la cour d'assises, le premier juré ne"
            " pouvant signer (art. 364 CPP), Bernard LEROY"
        )
        capture(page, "delibere-feuille-repondue-scellee")
        # À la fin, la copie est effacée, et la clé détruite sur le serveur.
        limite = time.monotonic() + 30
        while page.evaluate(LIRE_LA_COPIE, affaire_id) is not None and time.monotonic() < limite:
            time.sleep(0.2)
        assert page.evaluate(LIRE_LA_COPIE, affaire_id) is None

    base = _texte_de_la_base(donnees)
    assert "deliberation_deliberation" in base
    assert not DECOMPTE.search(base)
    journal = (donnees / "serveur.log").read_text(encoding="utf-8")
    assert not DECOMPTE.search(journal)
    connexion = sqlite3.connect(donnees / "pretoire.sqlite3")
    (cle_restante,) = connexion.execute("select cle_de_reprise from deliberation_deliberation").fetchone()
    connexion.close()
    assert cle_restante is None
