"""Le greffier consigne un événement ; la frise du président le montre sans rechargement."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from .conftest import capture, se_connecter


def test_le_greffier_consigne_un_evenement_que_le_president_voit_en_direct(
    serveur_demo: str, page: Page, navigateur: Browser
) -> None:
    presidence = navigateur.new_context(viewport={"width": 1366, "height": 768}).new_page()
    se_connecter(presidence, serveur_demo, "presidente")
    presidence.get_by_role("link", name="26/00042").click()
    presidence.get_by_role("link", name="Présidence").click()
    expect(presidence.locator("#frise")).to_contain_text("Ouverture des débats")
    expect(presidence.locator("#feuille")).to_contain_text("Question n° 8")
    expect(presidence.locator("#feuille .diagnostic")).to_have_count(0)

    se_connecter(page, serveur_demo, "greffiere")
    capture(page, "accueil-greffiere")
    page.get_by_role("link", name="26/00042").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Affaire n° 26/00042")
    page.get_by_role("link", name="Greffe — journal d'audience").click()

    page.get_by_label("Type d'événement").select_option("demande_donne_acte")
    champs = page.locator("fieldset.champs-type:visible")
    champs.get_by_label("Partie").fill("Défense de M. VASSEUR")
    champs.get_by_label("Objet").fill("Donner acte que l'image de l'expert s'est figée quelques secondes.")
    page.get_by_role("button", name="Consigner").click()

    # La démo rejoue d'abord une audience (déposition à distance) : le numéro suit son journal.
    expect(page.get_by_role("status").first).to_contain_text(
        re.compile(r"Événement n° \d+ consigné : Demande de donné acte\.")
    )
    premier = page.locator("#frise .evenement").first
    expect(premier).to_contain_text("Demande de donné acte")
    expect(premier).to_contain_text("Défense de M. VASSEUR")
    expect(page.locator(".integrite")).to_contain_text(re.compile(r"Chaîne intègre : \d+ événement\(s\)"))
    capture(page, "greffe-apres-consignation")

    # La page de la présidence, ouverte avant, reçoit l'événement par WebSocket.
    expect(presidence.locator("#frise .evenement").first).to_contain_text(
        "Demande de donné acte", timeout=10_000
    )

    # Une contestation de la contrainte rend obligatoire la question subsidiaire d'atteinte
    # sexuelle (art. 351 al. 2) : la feuille du président le signale aussitôt.
    page.get_by_label("Type d'événement").select_option("contestation_element_constitutif")
    champs = page.locator("fieldset.champs-type:visible")
    champs.get_by_label("Accusé").select_option("A1")
    champs.get_by_label("Fait").select_option("F1")
    champs.get_by_label("Élément contesté").select_option("contrainte")
    page.get_by_role("button", name="Consigner").click()
    expect(presidence.locator("#feuille .diagnostic")).to_contain_text("351 al. 2", timeout=10_000)
    capture(presidence, "presidence-en-direct")
    presidence.context.close()


def test_un_refus_s_affiche_en_francais_sans_perdre_la_saisie(serveur_demo: str, page: Page) -> None:
    se_connecter(page, serveur_demo, "greffiere")
    page.goto(f"{serveur_demo}/")
    page.get_by_role("link", name="26/00042").click()
    page.get_by_role("link", name="Greffe — journal d'audience").click()
    page.get_by_label("Type d'événement").select_option("plaidoirie_defense")
    page.locator("fieldset.champs-type:visible").get_by_label("Orateur").fill("Me Blanc")
    page.get_by_role("button", name="Consigner").click()
    expect(page.get_by_role("alert")).to_contain_text("La défense plaide après le réquisitoire")
    expect(page.locator("fieldset.champs-type:visible").get_by_label("Orateur")).to_have_value("Me Blanc")
    capture(page, "greffe-refus")
