"""La console du greffe active exactement les commandes que le serveur lui envoie avec l'état."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, WebSocket, expect

from pretoire.law.visio import EtatDeposition, commandes_permises

from .conftest import capture, inviter, nouveau_contexte
from .test_parcours import parcourir_jusqu_a_la_salle_d_attente

pytestmark = [pytest.mark.media, pytest.mark.browser]


def ecouter_les_etats(page: Page) -> list[dict[str, Any]]:
    """Les messages « etat » que le serveur envoie à la page, dans l'ordre de réception."""
    etats: list[dict[str, Any]] = []

    def sur_websocket(ws: WebSocket) -> None:
        def sur_trame(trame: str | bytes) -> None:
            message = json.loads(trame)
            if message.get("type") == "etat":
                etats.append(message)

        ws.on("framereceived", sur_trame)

    page.on("websocket", sur_websocket)
    return etats


def commandes_actives(page: Page) -> list[str]:
    """Les commandes de la console dont les boutons sont actifs, dans l'ordre de la page."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("[data-commande]")]
                .filter((c) => [...(c.matches("button") ? [c] : c.querySelectorAll("button"))]
                    .every((b) => !b.disabled))
                .map((c) => c.dataset.commande)"""
        )
    )


def verifier_l_etat(
    greffe: Page, etats: list[dict[str, Any]], etat: EtatDeposition, capture_nom: str
) -> None:
    # Seul le script pose ``data-etat`` : l'attendre, c'est attendre que l'état reçu soit appliqué.
    expect(greffe.locator("#console")).to_have_attribute("data-etat", etat.value)
    expect(greffe.locator("#etat")).to_have_text(etat.libelle)
    envoyees = [m for m in etats if m["etat"] == etat.value][-1]["commandes"]
    assert envoyees == commandes_permises(etat)
    assert sorted(commandes_actives(greffe)) == sorted(envoyees), (etat, commandes_actives(greffe), envoyees)
    capture(greffe, capture_nom)


def test_la_console_n_active_que_les_commandes_envoyees_par_le_serveur(
    demo_et_donnees: tuple[str, Path], navigateur_media: Browser
) -> None:
    serveur, _ = demo_et_donnees
    greffe = nouveau_contexte(navigateur_media, serveur).new_page()
    etats = ecouter_les_etats(greffe)
    invitation = inviter(greffe, serveur)
    deposant = nouveau_contexte(navigateur_media, serveur).new_page()
    parcourir_jusqu_a_la_salle_d_attente(deposant, invitation.lien, invitation.code)

    greffe.get_by_role("link", name="Console").first.click()
    verifier_l_etat(greffe, etats, EtatDeposition.EN_ATTENTE, "visio-commandes-1-salle-d-attente")
    assert commandes_actives(greffe) == ["admettre", "econduire", "revoquer"]

    greffe.get_by_role("button", name="Admettre dans la salle").click()
    verifier_l_etat(greffe, etats, EtatDeposition.ADMISE, "visio-commandes-2-admise")

    greffe.get_by_label("Code de vérification lu par le président et le déposant (mots)").fill("lune soleil")
    greffe.get_by_role("button", name="Code de vérification concordant").click()
    expect(greffe.locator("#evenements")).to_contain_text("Code de vérification concordant")
    greffe.get_by_role("button", name="Commencer la déposition").click()
    verifier_l_etat(greffe, etats, EtatDeposition.EN_COURS, "visio-commandes-3-en-cours")
    assert "admettre" not in commandes_actives(greffe) and "commencer" not in commandes_actives(greffe)

    greffe.get_by_role("button", name="Suspendre").click()
    verifier_l_etat(greffe, etats, EtatDeposition.SUSPENDUE, "visio-commandes-4-suspendue")

    greffe.get_by_role("button", name="Terminer la déposition").click()
    verifier_l_etat(greffe, etats, EtatDeposition.TERMINEE, "visio-commandes-5-terminee")
    assert commandes_actives(greffe) == []
