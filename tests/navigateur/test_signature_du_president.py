"""La feuille de questions en deux temps, chacun dans sa session : le greffier la génère et la
signe, elle attend le président et ne se dit pas authentique ; la présidente, connectée de son
côté, la signe depuis la page des documents ; la vérification le constate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import capture, lancer_demo, se_connecter


def _telecharger(page: Page, lien: str, chemin: Path) -> Path:
    with page.expect_download() as telechargement:
        page.locator("#titre-feuille + p + ul.versions").get_by_role("link", name=lien).click()
    telechargement.value.save_as(chemin)
    return chemin


def _verifier(page: Page, pdf: Path) -> None:
    page.get_by_role("link", name="Vérifier un document signé").click()
    page.get_by_label("PDF à vérifier").set_input_files(str(pdf))
    page.get_by_role("button", name="Vérifier", exact=True).click()


@pytest.fixture
def serveur_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Un serveur à soi : d'autres tests consignent au journal du serveur partagé (une
    contestation sans l'annonce qui la suit rendrait la feuille défectueuse, donc non signable)."""
    with lancer_demo(tmp_path_factory.mktemp("signature-president")) as adresse:
        yield adresse


def test_la_presidente_signe_la_feuille_dans_sa_session_apres_le_greffier(
    serveur_demo: str, page: Page, navigateur: Browser, tmp_path: Path
) -> None:
    se_connecter(page, serveur_demo, "greffiere")
    page.get_by_role("link", name="26/00042").click()
    page.get_by_role("link", name="Documents signés").click()
    carte = page.locator("section", has=page.locator("#titre-feuille"))
    carte.get_by_role("button", name="Générer (version 1)").click()
    expect(page.locator(".generation").first).to_contain_text(
        "générée, en attente de la signature du président.", timeout=30_000
    )
    expect(carte).to_contain_text("En attente de la signature du président")
    expect(carte).to_contain_text("Signé par Mme Sophie MOREL, greffier")
    expect(carte.get_by_role("button", name="Signer en tant que président (version 1)")).to_have_count(0)
    capture(page, "signature-feuille-en-attente-du-president")

    # En attente, la feuille ne se dit pas authentique.
    en_attente = _telecharger(page, "Version 1", tmp_path / "feuille-greffier.pdf")
    _verifier(page, en_attente)
    expect(page.locator(".verdict")).to_contain_text("Document non vérifié")
    expect(page.locator(".carte").last).to_contain_text(
        "Signature manquante : ce document doit être signé par greffier, puis président"
    )
    capture(page, "signature-feuille-verification-sans-president")

    # La présidente, dans sa propre session.
    contexte = navigateur.new_context(viewport={"width": 1366, "height": 768}, locale="fr-FR")
    presidente = contexte.new_page()
    try:
        se_connecter(presidente, serveur_demo, "presidente")
        presidente.get_by_role("link", name="26/00042").click()
        presidente.get_by_role("link", name="Documents signés").click()
        carte_presidente = presidente.locator("section", has=presidente.locator("#titre-feuille"))
        capture(presidente, "signature-feuille-la-presidente-voit-le-bouton")
        carte_presidente.get_by_role("button", name="Signer en tant que président (version 1)").click()
        expect(presidente.locator(".messages")).to_contain_text("Version 1 signée en votre nom.")
        expect(carte_presidente).to_contain_text("Mme Hélène ROUSSEL, président")
        expect(carte_presidente).not_to_contain_text("En attente de la signature")
        capture(presidente, "signature-feuille-signee-par-la-presidente")

        signee = _telecharger(presidente, "Version 1", tmp_path / "feuille-signee.pdf")
        _verifier(presidente, signee)
        expect(presidente.locator(".verdict")).to_contain_text("Signature valide")
        lignes = presidente.locator("tbody tr")
        expect(lignes).to_have_count(2)
        expect(lignes.nth(0)).to_contain_text("Mme Sophie MOREL, greffier")
        expect(lignes.nth(1)).to_contain_text("Mme Hélène ROUSSEL, président")
        expect(lignes.nth(1)).to_contain_text("empreinte SHA-256 :")
        capture(presidente, "signature-feuille-verification-complete")
    finally:
        contexte.close()
