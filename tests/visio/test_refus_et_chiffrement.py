"""Ce que la visio refuse : jetons forgés, réutilisés ou révoqués, et une clé de chiffrement
qui ne correspond pas."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import accessible, capture, inviter, nouveau_contexte
from .test_parcours import attendre, compteurs, journal_de_l_affaire, parcourir_jusqu_a_la_salle_d_attente

FERMETURE = """async (chemin) => await new Promise((resoudre) => {
    const ws = new WebSocket(`ws://${location.host}${chemin}`);
    ws.onclose = (e) => resoudre(e.code);
})"""

pytestmark = [pytest.mark.media, pytest.mark.browser]


def test_lien_forge_refuse_en_francais_et_websocket_ferme(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    page = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    reponse = page.goto(f"{serveur_demo}/visio/jeton-invente-de-toutes-pieces/")
    assert reponse is not None and reponse.status == 403
    expect(page.locator("#motif-refus")).to_contain_text("Ce lien d'invitation n'est pas valable")
    capture(page, "visio-refus-lien-forge")
    accessible(page)
    assert page.evaluate(FERMETURE, "/ws/visio/deposant/jeton-invente-de-toutes-pieces/") == 4403


def test_invitation_deja_utilisee_puis_revoquee_refusee_sans_rien_admettre(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    greffe = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    invitation = inviter(greffe, serveur_demo, "M. Paul LEROY")
    premier = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    premier.goto(invitation.lien)
    premier.get_by_label("Code d'accès").fill(invitation.code)
    premier.get_by_role("button", name="Continuer").click()
    expect(premier.get_by_role("heading", level=1)).to_have_text("Essai de votre matériel")

    # Un second appareil avec le même lien et le même code : refusé.
    second = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    reponse = second.goto(invitation.lien)
    assert reponse is not None and reponse.status == 403
    expect(second.locator("#motif-refus")).to_contain_text("déjà été utilisée depuis un autre appareil")
    chemin = invitation.lien.split("/visio/")[1].strip("/")
    assert second.evaluate(FERMETURE, f"/ws/visio/deposant/{chemin}/") == 4403

    # Le greffe révoque : le premier appareil est refusé à son tour.
    greffe.get_by_role("link", name="Console").first.click()
    greffe.get_by_role("button", name="Révoquer l'invitation").click()
    expect(greffe.locator("#etat")).to_have_text("invitation révoquée")
    premier.reload()
    expect(premier.locator("#motif-refus")).to_contain_text("annulée par le greffe")
    capture(premier, "visio-refus-revoquee")

    journal = journal_de_l_affaire(greffe, serveur_demo)
    de_cette_invitation = [
        e for e in journal if e["donnees"].get("deposition") == journal[-1]["donnees"]["deposition"]
    ]
    motifs = [e["donnees"]["motif"] for e in de_cette_invitation if e["type"] == "acces_refuse"]
    assert "deja_utilisee" in motifs and "revoquee" in motifs
    assert not [e for e in de_cette_invitation if e["type"] == "admission"]


# Le déposant calcule une clé fausse (un bit du secret ECDH inversé) : ses trames ne se
# déchiffrent plus en salle, et réciproquement. AES-GCM refuse chaque trame : aucune image.
CLE_FAUSSEE = """
const derive = crypto.subtle.deriveBits.bind(crypto.subtle);
crypto.subtle.deriveBits = async (...args) => {
    const bits = new Uint8Array(await derive(...args));
    bits[0] ^= 1;
    return bits.buffer;
};
"""


def test_avec_une_cle_erronee_aucune_image_ne_se_dechiffre(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    greffe = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    invitation = inviter(greffe, serveur_demo, "Mme Anne DURAND")
    contexte = nouveau_contexte(navigateur_media, serveur_demo)
    contexte.add_init_script(CLE_FAUSSEE)
    deposant = contexte.new_page()
    parcourir_jusqu_a_la_salle_d_attente(deposant, invitation.lien, invitation.code)
    salle: Page = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    from .conftest import se_connecter

    se_connecter(salle, serveur_demo, "presidente")
    greffe.get_by_role("link", name="Console").first.click()
    ecran = greffe.get_by_role("link", name="Ouvrir l'écran de la salle d'audience").get_attribute("href")
    salle.goto(f"{serveur_demo}{ecran}")
    greffe.get_by_role("button", name="Admettre dans la salle").click()

    attendre(
        lambda: compteurs(salle)["echecs"] > 50 and compteurs(deposant)["echecs"] > 50, 30, "pas de trafic"
    )
    time.sleep(2)
    for poste in (salle, deposant):
        c = compteurs(poste)
        assert c["dechiffrees"] == 0 and c["images"] == 0, c
    capture(salle, "visio-cle-erronee-salle")


def test_un_navigateur_sans_transformations_encodees_ne_peut_pas_rejoindre(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    greffe = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    invitation = inviter(greffe, serveur_demo, "M. Luc MOREAU")
    contexte = nouveau_contexte(navigateur_media, serveur_demo)
    contexte.add_init_script("delete window.RTCRtpScriptTransform;")
    deposant = contexte.new_page()
    deposant.goto(invitation.lien)
    deposant.get_by_label("Code d'accès").fill(invitation.code)
    deposant.get_by_role("button", name="Continuer").click()
    expect(deposant.locator("#v-navigateur")).to_have_attribute("data-statut", "echec")
    expect(deposant.locator("#v-navigateur")).to_contain_text("incompatible")
    deposant.get_by_role("button", name="Jouer un son d'essai").click()
    deposant.get_by_role("button", name="Oui").click()
    deposant.get_by_role("button", name="Valider l'essai et continuer").click()
    expect(deposant.locator("#message-essai")).to_contain_text("L’essai n’est pas concluant")
    capture(deposant, "visio-essai-navigateur-incompatible")
    # L'étape suivante reste fermée : on revient à l'essai.
    deposant.goto(invitation.lien.rstrip("/") + "/identite/")
    expect(deposant.get_by_role("heading", level=1)).to_have_text("Essai de votre matériel")
    essais = [e for e in journal_de_l_affaire(greffe, serveur_demo) if e["type"] == "essai_materiel"]
    assert essais[-1]["donnees"]["resultat"] == "non_concluant"
    assert essais[-1]["donnees"]["chiffrement"] is False


def test_une_invitation_expiree_est_refusee_et_la_tentative_consignee(
    demo_et_donnees: tuple[str, Path], navigateur_media: Browser
) -> None:
    adresse, donnees = demo_et_donnees
    greffe = nouveau_contexte(navigateur_media, adresse).new_page()
    invitation = inviter(greffe, adresse, "Mme Rose PERRIN")
    # L'échéance passée, simulée dans la base du serveur : on n'attend pas minuit.
    with sqlite3.connect(donnees / "pretoire.sqlite3") as base:
        base.execute(
            "UPDATE deposition_deposition SET expire_le = '2026-01-01 00:00:00' WHERE deposant = ?",
            ("Mme Rose PERRIN",),
        )
    deposant = nouveau_contexte(navigateur_media, adresse).new_page()
    reponse = deposant.goto(invitation.lien)
    assert reponse is not None and reponse.status == 403
    expect(deposant.locator("#motif-refus")).to_contain_text("Cette invitation a expiré")
    capture(deposant, "visio-refus-expiree")
    accessible(deposant)
    chemin = invitation.lien.split("/visio/")[1].strip("/")
    assert deposant.evaluate(FERMETURE, f"/ws/visio/deposant/{chemin}/") == 4403
    journal = journal_de_l_affaire(greffe, adresse)
    refus = [e for e in journal if e["type"] == "acces_refuse"]
    assert refus and refus[-1]["donnees"]["motif"] == "expiree"
    assert not [
        e
        for e in journal
        if e["type"] == "admission" and e["donnees"]["deposition"] == refus[-1]["donnees"]["deposition"]
    ]
