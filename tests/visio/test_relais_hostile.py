"""Un intermédiaire sur la signalisation qui substitue ses clés, dans de vrais Chromium.

L'intermédiaire est posé sur le WebSocket du déposant (``route_web_socket`` de Playwright) : il
voit et réécrit tout l'échange des clés, comme un serveur de signalisation hostile. Le serveur
de démonstration, lui, reste honnête et consigne ce qu'on lui signale.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocketRoute, expect

from pretoire.deposition.consumers import ENGAGEMENT_NON_TENU
from pretoire.deposition.signalisation import engagement_de
from tests.deposition.echange_des_cles import alea, cle_publique, code, mots

from .conftest import capture, inviter, nouveau_contexte, se_connecter
from .test_parcours import attendre, compteurs, journal_de_l_affaire, parcourir_jusqu_a_la_salle_d_attente

pytestmark = [pytest.mark.media, pytest.mark.browser]


@dataclass
class Intermediaire:
    """Réécrit l'échange des clés entre le serveur et le déposant.

    ``substituer`` : un engagement à lui vers le déposant et une clé à lui vers la salle (l'attaque
    complète, cohérente de chaque côté) ; sinon, il laisse passer engagement et clé, et ne change
    que la révélation (il voudrait choisir sa clé après avoir vu celle du déposant).
    """

    substituer: bool
    hasard: random.Random = field(default_factory=lambda: random.Random(70_671))
    cle_vers_deposant: str = field(default_factory=lambda: cle_publique(0xBAD1))
    cle_vers_salle: str = field(default_factory=lambda: cle_publique(0xBAD2))
    # Chaque négociation vue, par engagement de la salle : de quoi recalculer les deux codes.
    negociations: dict[str, dict[str, str]] = field(default_factory=dict)
    derniere: dict[str, str] = field(default_factory=dict)

    def brancher(self, route: WebSocketRoute) -> None:
        serveur = route.connect_to_server()
        route.on_message(lambda message: serveur.send(self.vers_le_serveur(message)))
        serveur.on_message(lambda message: route.send(self.vers_le_deposant(message)))

    def vers_le_deposant(self, brut: str | bytes) -> str | bytes:
        message: dict[str, Any] = json.loads(brut)
        if message["type"] == "engagement":
            n = {"engagement_salle": message["engagement"], "alea_vers_deposant": alea(self.hasard)}
            if self.substituer:
                message["engagement"] = engagement_de(self.cle_vers_deposant, n["alea_vers_deposant"])
            n["engagement_vers_deposant"] = message["engagement"]
            self.negociations[n["engagement_vers_deposant"]] = self.derniere = n
        elif message["type"] == "revelation":
            # La salle révèle pour son dernier engagement, auquel le déposant a répondu en dernier.
            self.derniere.update(cle_salle=message["cle"], alea_salle=message["alea"])
            message["cle"], message["alea"] = self.cle_vers_deposant, self.derniere["alea_vers_deposant"]
        else:
            return brut
        return json.dumps(message)

    def vers_le_serveur(self, brut: str | bytes) -> str | bytes:
        message: dict[str, Any] = json.loads(brut)
        if message["type"] != "cle":
            return brut
        n = self.negociations[message["engagement"]]
        n.update(cle_deposant=message["cle"], alea_deposant=message["alea"])
        if self.substituer:
            n["alea_vers_salle"] = alea(self.hasard)
            message.update(
                cle=self.cle_vers_salle, alea=n["alea_vers_salle"], engagement=n["engagement_salle"]
            )
        return json.dumps(message)

    def codes_de_la_salle(self) -> list[str]:
        """Ce que l'écran de la salle a pu afficher, négociation par négociation."""
        return [
            mots(
                code(
                    n["engagement_salle"],
                    n["cle_salle"],
                    self.cle_vers_salle,
                    n["alea_salle"],
                    n["alea_vers_salle"],
                )
            )
            for n in self.negociations.values()
            if "cle_salle" in n
        ]

    def codes_du_deposant(self) -> list[str]:
        return [
            mots(
                code(
                    n["engagement_vers_deposant"],
                    self.cle_vers_deposant,
                    n["cle_deposant"],
                    n["alea_vers_deposant"],
                    n["alea_deposant"],
                )
            )
            for n in self.negociations.values()
            if "cle_salle" in n
        ]


def admettre_a_travers(
    intermediaire: Intermediaire, navigateur: Browser, adresse: str, deposant_nom: str
) -> tuple[Page, Page, Page]:
    """Greffe, salle et déposant (dont le WebSocket passe par l'intermédiaire), jusqu'à l'admission."""
    greffe = nouveau_contexte(navigateur, adresse).new_page()
    invitation = inviter(greffe, adresse, deposant_nom)
    contexte: BrowserContext = nouveau_contexte(navigateur, adresse)
    contexte.route_web_socket("**/ws/visio/deposant/**", intermediaire.brancher)
    deposant = contexte.new_page()
    parcourir_jusqu_a_la_salle_d_attente(deposant, invitation.lien, invitation.code)
    salle = nouveau_contexte(navigateur, adresse).new_page()
    se_connecter(salle, adresse, "presidente")
    greffe.get_by_role("link", name="Console").first.click()
    ecran = greffe.get_by_role("link", name="Ouvrir l'écran de la salle d'audience").get_attribute("href")
    salle.goto(f"{adresse}{ecran}")
    expect(salle.locator("#etat")).to_have_text("en salle d'attente")
    greffe.get_by_role("button", name="Admettre dans la salle").click()
    expect(deposant.locator("#etat")).to_have_text("admise dans la salle")
    return greffe, salle, deposant


def test_des_cles_substituees_font_afficher_des_codes_differents_et_la_deposition_ne_commence_pas(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    intermediaire = Intermediaire(substituer=True)
    greffe, salle, deposant = admettre_a_travers(
        intermediaire, navigateur_media, serveur_demo, "M. Marc BRUN"
    )
    expect(salle.locator("#code-verification")).not_to_be_empty(timeout=45000)
    expect(deposant.locator("#code-verification")).not_to_be_empty(timeout=45000)
    # Laisser passer toute négociation encore en vol : les écrans montrent la dernière.
    attendre(
        lambda: compteurs(salle)["echecs"] > 20 and compteurs(deposant)["echecs"] > 20, 45, "pas de trafic"
    )
    mots_salle = salle.locator("#code-verification").inner_text()
    mots_deposant = deposant.locator("#code-verification").inner_text()

    # Les mots sont ceux que le calcul de référence donne pour chaque côté de l'attaque...
    assert mots_salle in intermediaire.codes_de_la_salle()
    assert mots_deposant in intermediaire.codes_du_deposant()
    # ... et ils diffèrent : lus à voix haute, ils trahissent l'intermédiaire.
    assert mots_salle != mots_deposant
    capture(salle, "visio-intermediaire-code-salle")
    capture(deposant, "visio-intermediaire-code-deposant")
    # Aucune trame ne se déchiffre : chaque poste chiffre pour l'intermédiaire.
    assert compteurs(salle)["dechiffrees"] == 0 and compteurs(deposant)["dechiffrees"] == 0

    # Sans « code de vérification concordant », la déposition ne peut pas commencer.
    greffe.get_by_role("button", name="Commencer la déposition").click()
    expect(greffe.locator("#message-commande")).to_contain_text(
        "ne peut commencer qu'après la lecture du code de vérification"
    )
    expect(greffe.locator("#etat")).to_have_text("admise dans la salle")
    deposition = int(greffe.url.rstrip("/").rsplit("/", 1)[1])
    types = [
        e["type"]
        for e in journal_de_l_affaire(greffe, serveur_demo)
        if e["donnees"].get("deposition") == deposition
    ]
    assert "admission" in types
    assert "deposition_debut" not in types and "code_verification_concordant" not in types


def test_une_revelation_qui_ne_tient_pas_l_engagement_alerte_le_deposant_et_le_journal(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    intermediaire = Intermediaire(substituer=False)
    greffe, _, deposant = admettre_a_travers(intermediaire, navigateur_media, serveur_demo, "Mme Lise NOIR")
    alerte = deposant.locator("#alerte-engagement")
    expect(alerte).to_be_visible(timeout=45000)
    expect(alerte).to_contain_text("la clé reçue de la salle n'est pas celle qu'elle avait annoncée")
    expect(deposant.locator("#bloc-code")).to_be_hidden()
    capture(deposant, "visio-engagement-non-tenu")
    # Aucune clé n'a été dérivée : rien ne se chiffre ni ne se déchiffre chez le déposant.
    assert compteurs(deposant)["chiffrees"] == 0 and compteurs(deposant)["dechiffrees"] == 0

    expect(greffe.locator("#evenements")).to_contain_text("Message de visioconférence rejeté", timeout=30000)
    deposition = int(greffe.url.rstrip("/").rsplit("/", 1)[1])
    rejetes = [
        (e["donnees"]["poste"], e["donnees"]["motif"])
        for e in journal_de_l_affaire(greffe, serveur_demo)
        if e["type"] == "message_rejete" and e["donnees"].get("deposition") == deposition
    ]
    assert ("deposant", ENGAGEMENT_NON_TENU) in rejetes


def test_une_cle_changee_au_rechargement_donne_un_nouveau_code_signale_a_relire(
    serveur_demo: str, navigateur_media: Browser
) -> None:
    """Premier usage de confiance : une clé inchangée garde le code déjà lu (test_parcours) ; une
    clé nouvelle — ici le déposant a perdu la sienne — donne un nouveau code, signalé en salle."""
    greffe = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    invitation = inviter(greffe, serveur_demo, "M. Jean VERT")
    contexte = nouveau_contexte(navigateur_media, serveur_demo)
    deposant = contexte.new_page()
    parcourir_jusqu_a_la_salle_d_attente(deposant, invitation.lien, invitation.code)
    salle = nouveau_contexte(navigateur_media, serveur_demo).new_page()
    se_connecter(salle, serveur_demo, "presidente")
    greffe.get_by_role("link", name="Console").first.click()
    ecran = greffe.get_by_role("link", name="Ouvrir l'écran de la salle d'audience").get_attribute("href")
    salle.goto(f"{serveur_demo}{ecran}")
    greffe.get_by_role("button", name="Admettre dans la salle").click()
    attendre(lambda: compteurs(salle)["dechiffrees"] > 30 and compteurs(deposant)["dechiffrees"] > 30, 45)
    premier = salle.locator("#code-verification").inner_text()
    assert premier == deposant.locator("#code-verification").inner_text()
    expect(salle.locator("#alerte-code")).to_be_hidden()

    # Le navigateur du déposant perd ses clés (données effacées) et recharge la page.
    contexte.add_init_script("indexedDB.deleteDatabase('pretoire-visio');")
    deposant.reload()
    expect(salle.locator("#alerte-code")).to_be_visible(timeout=45000)
    expect(salle.locator("#alerte-code")).to_contain_text("lisez-le de nouveau à voix haute")
    expect(deposant.locator("#code-verification")).not_to_be_empty(timeout=45000)
    nouveau = salle.locator("#code-verification").inner_text()
    assert nouveau != premier
    assert deposant.locator("#code-verification").inner_text() == nouveau
    expect(deposant.locator("#alerte-code")).to_be_hidden()
    attendre(lambda: compteurs(deposant)["dechiffrees"] > 30, 60, "pas de reprise chiffrée")
    capture(salle, "visio-cle-changee-code-a-relire")
