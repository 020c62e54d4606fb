"""La greffière importe la décision de mise en accusation d'une affaire dont les débats n'ont pas
commencé : un fichier erroné est refusé avec sa ligne et sa colonne, le bon fichier est importé."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from .conftest import capture, se_connecter


def _dossier_de_l_affaire_a_instruire() -> str:
    from pretoire.proces.demo import AFFAIRE_A_INSTRUIRE, PREMIER_JOUR_A_INSTRUIRE

    texte = resources.files("pretoire.proces.demo").joinpath("affaire-demo.yaml").read_text(encoding="utf-8")
    for ancien, nouveau in (
        ('numero: "26/00042"', f'numero: "{AFFAIRE_A_INSTRUIRE}"'),
        ("date_proces: 2026-11-23", f"date_proces: {PREMIER_JOUR_A_INSTRUIRE.isoformat()}"),
    ):
        assert texte.count(ancien) == 1
        texte = texte.replace(ancien, nouveau)
    return texte


def test_la_greffiere_importe_le_dossier_apres_un_premier_fichier_refuse(
    serveur_demo: str, page: Page, navigateur: Browser, tmp_path: Path
) -> None:
    bon = _dossier_de_l_affaire_a_instruire()
    date_impossible = tmp_path / "dossier-26-00043.yaml"
    date_impossible.write_text(bon.replace("date: 2022-02-14", "date: 2022-02-30"))
    autre_affaire = tmp_path / "dossier-26-00044.yaml"
    autre_affaire.write_text(bon.replace('numero: "26/00043"', 'numero: "26/00044"'))
    correct = tmp_path / "dossier-26-00043-corrige.yaml"
    correct.write_text(bon)

    se_connecter(page, serveur_demo, "greffiere")
    page.get_by_role("link", name="26/00043").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Affaire n° 26/00043")
    expect(page.locator("#titre-decision").locator("..")).to_contain_text(
        "Aucune décision de mise en accusation"
    )

    fichier = page.get_by_label("Fichier YAML ou JSON (format de l'export)")
    fichier.set_input_files(date_impossible)
    page.get_by_role("button", name="Importer").click()
    alerte = page.get_by_role("alert")
    expect(alerte).to_contain_text("Le dossier n'a pas été importé ; rien n'a changé dans l'affaire")
    expect(alerte).to_contain_text(
        "dossier-26-00043.yaml:63:11 : le champ « faits[2].date » doit être une date"
    )
    expect(page.locator("ol.faits")).to_have_count(0)
    capture(page, "import-dossier-refuse")

    page.get_by_label("Fichier YAML ou JSON (format de l'export)").set_input_files(autre_affaire)
    page.get_by_role("button", name="Importer").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "dossier-26-00044.yaml:15:11 : ce dossier est celui de l'affaire n° 26/00044, non de l'affaire n° 26/00043"
    )

    page.get_by_label("Fichier YAML ou JSON (format de l'export)").set_input_files(correct)
    page.get_by_role("button", name="Importer").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Dossier importé : 4 fait(s), 1 accusé(s), 2 victime(s)."
    )
    faits = page.locator("ol.faits > li")
    expect(faits).to_have_count(4)
    expect(faits.first).to_contain_text("viol")
    expect(faits.first).to_contain_text("Circonstances aggravantes : victime mineure de quinze ans")
    expect(page.get_by_role("link", name="Exporter le dossier (YAML)")).to_be_visible()
    capture(page, "import-dossier-reussi")

    # La présidente voit aussitôt la feuille de questions de l'affaire importée.
    presidence = navigateur.new_context(viewport={"width": 1366, "height": 768}).new_page()
    se_connecter(presidence, serveur_demo, "presidente")
    presidence.get_by_role("link", name="26/00043").click()
    presidence.get_by_role("link", name="Présidence").click()
    expect(presidence.locator("#feuille")).to_contain_text("Question n° 8")
    expect(presidence.locator("#feuille")).to_contain_text(
        "alors qu'Inès PETIT était âgée de moins de quinze ans"
    )
    presidence.context.close()
