"""De l'invitation à la fin de la déposition, dans trois Chromium : greffe, salle, déposant."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import accessible, capture, inviter, nouveau_contexte, se_connecter

pytestmark = [pytest.mark.media, pytest.mark.browser]


def compteurs(page: Page) -> dict[str, Any]:
    """Images décodées (getStats) et trames déchiffrées par le worker de chiffrement."""
    return page.evaluate(
        """async () => {
            const v = window.pretoireVisio;
            let images = 0;
            const rapport = await v.statistiques();
            if (rapport) rapport.forEach((s) => {
                if (s.type === "inbound-rtp" && s.kind === "video") images = s.framesDecoded || 0;
            });
            return { images, ...v.etat.compteurs };
        }"""
    )


def attendre(condition: Any, delai: float = 20.0, message: str = "") -> None:
    limite = time.monotonic() + delai
    while time.monotonic() < limite:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(message or "condition non remplie à temps")


def journal_de_l_affaire(page: Page, adresse: str) -> list[dict[str, Any]]:
    reponse = page.request.get(f"{adresse}/api/affaires/1/journal")
    assert reponse.ok, reponse.text()
    return list(reponse.json())


def parcourir_jusqu_a_la_salle_d_attente(deposant: Page, lien: str, code: str) -> None:
    deposant.goto(lien)
    expect(deposant.get_by_role("heading", level=1)).to_have_text("Déposer devant la cour d'assises")
    capture(deposant, "visio-2-code")
    accessible(deposant)
    deposant.get_by_label("Code d'accès").fill(code)
    deposant.get_by_role("button", name="Continuer").click()

    expect(deposant.get_by_role("heading", level=1)).to_have_text("Essai de votre matériel")
    expect(deposant.locator("#v-navigateur")).to_have_attribute("data-statut", "ok")
    expect(deposant.locator("#v-camera")).to_have_attribute("data-statut", "ok", timeout=15000)
    expect(deposant.locator("#v-micro")).to_have_attribute("data-statut", "ok", timeout=15000)
    deposant.get_by_role("button", name="Jouer un son d'essai").click()
    deposant.get_by_role("button", name="Oui").click()
    capture(deposant, "visio-3-essai")
    accessible(deposant)
    deposant.get_by_role("button", name="Valider l'essai et continuer").click()

    expect(deposant.get_by_role("heading", level=1)).to_have_text("Votre identité")
    deposant.get_by_label("Nom", exact=True).fill("FONTAINE")
    deposant.get_by_label("Prénoms").fill("Claire Marie")
    deposant.get_by_label("Lieu où vous vous trouvez (facultatif)").fill("Cabinet, Lyon")
    capture(deposant, "visio-4-identite")
    accessible(deposant)
    deposant.get_by_role("button", name="Entrer en salle d'attente").click()
    expect(deposant.locator("#etat")).to_have_text("en salle d'attente")


def test_deposition_complete_chiffree_de_bout_en_bout_avec_coupures_consignees(
    demo_et_donnees: tuple[str, Path], navigateur_media: Browser, tmp_path: Path
) -> None:
    serveur_demo, donnees = demo_et_donnees
    greffe = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    invitation = inviter(greffe, serveur_demo)
    contexte_deposant = nouveau_contexte(navigateur_media, serveur_demo)
    deposant = contexte_deposant.new_page()
    parcourir_jusqu_a_la_salle_d_attente(deposant, invitation.lien, invitation.code)
    capture(deposant, "visio-5-salle-d-attente")
    accessible(deposant)

    salle = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    se_connecter(salle, serveur_demo, "presidente")
    greffe.get_by_role("link", name="Console").first.click()
    expect(greffe.locator("#etat")).to_have_text("en salle d'attente")
    deposition = greffe.url.rstrip("/").rsplit("/", 1)[1]
    ecran = greffe.get_by_role("link", name="Ouvrir l'écran de la salle d'audience").get_attribute("href")
    salle.goto(f"{serveur_demo}{ecran}")
    expect(salle.locator("#etat")).to_have_text("en salle d'attente")

    # En salle d'attente, aucun média : ni connexion, ni image.
    time.sleep(2)
    assert salle.evaluate("window.pretoireVisio.etat.pc") is None
    assert deposant.evaluate("window.pretoireVisio.etat.pc") is None

    greffe.get_by_role("button", name="Admettre dans la salle").click()
    expect(deposant.locator("#etat")).to_have_text("admise dans la salle")
    attendre(
        lambda: compteurs(salle)["images"] > 30 and compteurs(deposant)["images"] > 30, 30, "pas d'image"
    )
    mots_salle = salle.locator("#code-verification").inner_text()
    assert mots_salle and mots_salle == deposant.locator("#code-verification").inner_text()
    expect(salle.locator("#chiffrement")).to_have_text("Chiffrement de bout en bout : actif")
    for poste in (salle, deposant):
        c = compteurs(poste)
        assert c["chiffrees"] > 30 and c["dechiffrees"] > 30 and c["echecs"] == 0, c

    greffe.get_by_label("Code de vérification lu par le président et le déposant (mots)").fill(mots_salle)
    greffe.get_by_role("button", name="Code de vérification concordant").click()
    greffe.get_by_role("button", name="Identité vérifiée").click()
    greffe.get_by_role("button", name="Serment prêté").click()
    greffe.get_by_role("button", name="Commencer la déposition").click()
    expect(greffe.locator("#etat")).to_have_text("déposition en cours")
    expect(greffe.locator('[data-poste="salle"][data-mesure="reception"]')).to_have_text("image et son")
    capture(salle, "visio-6-salle-d-audience")
    capture(deposant, "visio-7-deposant-en-audience")
    accessible(deposant)
    capture(greffe, "visio-8-console-du-greffe")

    # Caméra coupée 4 s : une période « son seul » est ouverte puis refermée.
    deposant.get_by_role("button", name="Couper la caméra").click()
    expect(greffe.locator('[data-poste="salle"][data-mesure="reception"]')).to_have_text(
        "SON SEUL", timeout=10000
    )
    capture(greffe, "visio-9-console-son-seul")
    time.sleep(2)
    deposant.get_by_role("button", name="Activer la caméra").click()
    expect(greffe.locator('[data-poste="salle"][data-mesure="reception"]')).to_have_text(
        "image et son", timeout=10000
    )

    # Réseau coupé 5 s : le navigateur du déposant se croit hors ligne et, pour de bon, plus
    # rien ne passe sur la boucle locale de l'espace de noms (l'émulation hors ligne de Chromium
    # ne coupe ni WebRTC ni les WebSockets ouverts). Interruption consignée, puis reprise seule.
    avant = compteurs(salle)["images"]
    contexte_deposant.set_offline(True)
    subprocess.run(["ip", "link", "set", "lo", "down"], check=True)
    time.sleep(5)
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    contexte_deposant.set_offline(False)
    attendre(lambda: compteurs(salle)["images"] > avant + 30, 45, "le média n'a pas repris")
    expect(greffe.locator("#evenements")).to_contain_text(
        "Fin d'interruption de la transmission", timeout=15000
    )

    # Rechargement de la page du déposant : il revient sans nouvelle invitation, même code.
    deposant.reload()
    expect(deposant.locator("#etat")).to_have_text("déposition en cours")
    attendre(
        lambda: compteurs(salle)["dechiffrees"] > 0 and compteurs(deposant)["images"] > 30,
        30,
        "pas de reprise",
    )
    assert deposant.locator("#code-verification").inner_text() == mots_salle

    greffe.get_by_role("button", name="Terminer la déposition").click()
    expect(deposant.locator("#fin")).to_be_visible()
    capture(deposant, "visio-10-fin")
    accessible(deposant)

    types = [e["type"] for e in journal_de_l_affaire(greffe, serveur_demo)]
    for attendu in (
        "invitation_creee",
        "invitation_utilisee",
        "essai_materiel",
        "identite_declaree",
        "entree_salle_attente",
        "admission",
        "connexion",
        "premiere_image",
        "code_verification_concordant",
        "verification_identite",
        "serment",
        "deposition_debut",
        "audio_seul_debut",
        "audio_seul_fin",
        "interruption_debut",
        "interruption_fin",
        "deconnexion",
        "reconnexion",
        "deposition_fin",
    ):
        assert attendu in types, f"{attendu} absent du journal : {types}"

    # Le procès-verbal des opérations se tire du seul journal, et se vérifie.
    pdf = tmp_path / "pv.pdf"
    pretoire = [sys.executable, "-m", "pretoire"]
    environnement = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    subprocess.run(
        [*pretoire, "pv", "26/00042", deposition, "-o", str(pdf), "--data-dir", str(donnees)],
        check=True,
        env=environnement,
    )
    texte = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    for mention in (
        "FONTAINE",
        "Cabinet, Lyon",
        "exclusivement sonore",
        "interruption",
        mots_salle.split(" · ")[0],
    ):
        assert mention in texte, mention
    verification = subprocess.run(
        [*pretoire, "verify", str(pdf), "--data-dir", str(donnees)],
        env=environnement,
        capture_output=True,
        text=True,
    )
    assert verification.returncode == 0, verification.stdout + verification.stderr
