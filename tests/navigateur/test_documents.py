"""Le greffier génère le procès-verbal de la déposition à distance de la démo, le télécharge, le
régénère (version 2), puis la page de vérification dit « signature valide »."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import capture, se_connecter


def test_le_greffier_genere_telecharge_regenere_puis_verifie_le_proces_verbal(
    serveur_demo: str, page: Page, tmp_path: Path
) -> None:
    se_connecter(page, serveur_demo, "greffiere")
    page.get_by_role("link", name="26/00042").click()
    page.get_by_role("link", name="Documents signés").click()
    ligne = page.locator("tbody tr", has_text="Dr Camille Lefort")
    expect(ligne).to_contain_text("déposition terminée")
    expect(ligne).to_contain_text("Aucune version générée.")
    capture(page, "documents-avant")

    ligne.get_by_role("button", name="Générer (version 1)").click()
    expect(page.locator(".generation").first).to_contain_text("Version 1 générée et signée.", timeout=30_000)
    capture(page, "documents-version-1")

    with page.expect_download() as telechargement:
        ligne.get_by_role("link", name="Version 1").click()
    assert telechargement.value.suggested_filename == "proces-verbal-26-00042-deposition-1-v1.pdf"
    pdf = tmp_path / "pv-v1.pdf"
    telechargement.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")

    ligne.get_by_role("button", name="Régénérer (version 2)").click()
    expect(page.locator(".generation").first).to_contain_text("Version 2 générée et signée.", timeout=30_000)
    expect(ligne.get_by_role("link", name="Version 2")).to_be_visible()
    expect(ligne.get_by_role("link", name="Version 1")).to_be_visible()
    expect(ligne.get_by_role("button", name="Régénérer (version 3)")).to_be_visible()
    capture(page, "documents-version-2")

    page.get_by_role("link", name="Vérifier un document signé").click()
    page.get_by_label("PDF à vérifier").set_input_files(str(pdf))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    expect(page.locator(".verdict")).to_contain_text("Signature valide")
    expect(page.locator("tbody")).to_contain_text("signature valide")
    expect(page.locator("tbody")).to_contain_text("Mme Sophie MOREL, greffier")
    expect(page.locator(".journal")).to_contain_text(
        "concorde avec le journal actuel de l'affaire n° 26/00042"
    )
    capture(page, "verification-signature-valide")

    # Le même PDF, un octet changé : la page le dit.
    altere = bytearray(pdf.read_bytes())
    altere[len(altere) // 2] ^= 0xFF
    faux = tmp_path / "pv-altere.pdf"
    faux.write_bytes(bytes(altere))
    page.get_by_label("PDF à vérifier").set_input_files(str(faux))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    expect(page.locator(".verdict")).to_contain_text("Document non vérifié")
    capture(page, "verification-pdf-altere")
