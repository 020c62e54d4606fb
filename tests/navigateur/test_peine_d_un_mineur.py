"""L'écran de la peine pour un accusé mineur au moment des faits, dans Chromium.

La page est celle que Django rend pour l'affaire de démonstration dont l'accusé est rajeuni
(dix-sept ans aux faits) ; Chromium la charge avec les vrais modules du navigateur. Seul le réseau
est un intermédiaire : l'enregistrement que la page envoie est capturé, puis rejoué tel quel
contre l'application, qui l'accepte et l'inscrit. Le président vote l'excuse de minorité (la
condamnation pénale, puis l'exclusion refusée faute de huit voix), la peine dans la moitié du
maximum, puis un sursis probatoire (délai d'épreuve refusé, puis adopté).
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Browser, Page, Route, expect

from pretoire.comptes.models import Utilisateur
from pretoire.deliberation.models import Deliberation
from pretoire.proces.demo import installer_demo
from pretoire.proces.models import DecisionMiseEnAccusation
from tests.deliberation.conftest import clore_les_debats

from .conftest import capture
from .test_deliberation import DECOMPTE, _inscrire, _mettre_aux_voix, _voter

pytestmark = pytest.mark.django_db
# L'API synchrone de Playwright garde une boucle asyncio dans le fil des tests : Django y voit à
# tort un contexte asynchrone. Aucun appel à la base n'est concurrent ici (un seul fil, la
# transaction du test) ; la garde est levée pour ce fil.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

STATIQUES = Path(__file__).resolve().parents[2] / "src" / "pretoire" / "static"
ORIGINE = "http://pretoire.test"


def _presidente() -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    return client


def _ouvrir_le_delibere_d_un_mineur() -> tuple[int, str]:
    """L'affaire de démonstration, débats clos ; l'accusé a dix-sept ans le premier jour des faits."""
    affaire = installer_demo()
    clore_les_debats(affaire)
    affaire.accuses.filter(identifiant="A1").update(date_naissance=date(2004, 6, 1))
    # Un accusé mineur aux faits est renvoyé devant la cour d'assises des mineurs.
    DecisionMiseEnAccusation.objects.filter(affaire=affaire).update(cour_assises_des_mineurs=True)
    client = _presidente()
    assert client.post(f"/affaires/{affaire.pk}/deliberation/ouvrir/").status_code == 302
    return affaire.pk, client.get(f"/affaires/{affaire.pk}/deliberation/").content.decode()


def _servir(html: str, envois: list[dict[str, Any]]) -> Any:
    def servir(route: Route) -> None:
        chemin = route.request.url.removeprefix(ORIGINE)
        if chemin.startswith("/static/"):
            fichier = STATIQUES / chemin.removeprefix("/static/")
            types = {".js": "text/javascript", ".css": "text/css"}
            route.fulfill(path=fichier, content_type=types.get(fichier.suffix, "application/octet-stream"))
        elif route.request.method == "POST":
            envois.append(json.loads(route.request.post_data or "{}"))
            route.fulfill(json={"adresse": "/enregistre"}, status=200)
        elif chemin == "/delibere":
            route.fulfill(body=html, content_type="text/html")
        else:
            route.fulfill(body="<!doctype html><title>enregistré</title>", content_type="text/html")

    return servir


def _voter_les_questions(page: Page) -> None:
    """Coupable des viols (F1, F3) et de F4, non coupable de F2 ; la minorité d'Inès PETIT retenue."""
    for oui, non, formule in (
        (12, 0, "oui à la majorité de huit voix au moins"),
        (12, 0, "oui à la majorité de huit voix au moins"),
        (3, 9, "non"),
        (12, 0, "oui à la majorité de huit voix au moins"),
        (12, 0, "oui à la majorité de huit voix au moins"),
        (12, 0, "oui à la majorité de huit voix au moins"),
        (12, 0, "oui à la majorité de huit voix au moins"),
    ):
        _voter(page, oui=oui, non=non)
        _inscrire(page, formule)


def test_la_peine_d_un_mineur_suit_l_excuse_de_minorite_puis_le_sursis(navigateur: Browser) -> None:
    # Dix-sept ans le 1er janvier 2022, premier jour des faits : mineur, l'exclusion se vote.
    affaire, html = _ouvrir_le_delibere_d_un_mineur()
    envois: list[dict[str, Any]] = []
    contexte = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = contexte.new_page()
    page.route(f"{ORIGINE}/**", _servir(html, envois))
    page.goto(f"{ORIGINE}/delibere")
    _voter_les_questions(page)

    minorite = page.locator("#minorite")
    expect(minorite).to_contain_text("non vérifiés")
    expect(page.locator("#question-minorite")).to_have_text(
        "Y a-t-il lieu d'appliquer à l'accusé Thierry VASSEUR une condamnation pénale ?"
    )
    expect(page.locator("#tour")).to_be_hidden()
    for libelle, nombre in (("Oui", 9), ("Non", 3)):
        minorite.get_by_label(libelle, exact=True).fill(str(nombre))
    minorite.get_by_role("button", name="Constater le résultat").click()
    expect(page.locator("#question-minorite")).to_have_text(
        "Y a-t-il lieu d'exclure l'accusé Thierry VASSEUR du bénéfice de la diminution de peine ?"
    )
    # Sept voix sur douze : l'exclusion, défavorable, n'a pas les huit voix de l'art. 359.
    for libelle, nombre in (("Oui", 7), ("Non", 5)):
        minorite.get_by_label(libelle, exact=True).fill(str(nombre))
    minorite.get_by_role("button", name="Constater le résultat").click()
    expect(page.locator("#reponses-minorite li")).to_have_text(
        [
            "« Y a-t-il lieu d'appliquer à l'accusé Thierry VASSEUR une condamnation pénale ? » :"
            " oui à la majorité de huit voix au moins.",
            "« Y a-t-il lieu d'exclure l'accusé Thierry VASSEUR du bénéfice de la diminution de peine ? » :"
            " non.",
        ]
    )
    expect(page.locator("#peine-maximum")).to_have_text(
        "Maximum encouru : dix ans de réclusion criminelle (réduit de moitié par l'excuse de minorité)."
    )

    # Onze ans dépassent la moitié de vingt ans ; trois ans d'emprisonnement sont prononcés.
    ligne = page.locator("#propositions tr").first
    ligne.get_by_label("Années").fill("11")
    ligne.get_by_label("Bulletins").fill("12")
    page.get_by_role("button", name="Dépouiller le tour").click()
    expect(page.locator("#erreur-peine")).to_contain_text(
        "Onze ans de réclusion criminelle dépasse le maximum encouru (dix ans de réclusion criminelle)."
    )
    ligne.get_by_label("Nature").select_option("emprisonnement")
    ligne.get_by_label("Années").fill("3")
    page.get_by_role("button", name="Dépouiller le tour").click()
    expect(page.locator("#resultat-tour")).to_contain_text("trois ans d'emprisonnement")

    # Un emprisonnement de cinq ans au plus : le sursis se propose ; pas de période de sûreté
    # pour un mineur, pas de réexamen pour un emprisonnement.
    expect(page.locator("#modalite-objet option")).to_have_text(
        ["Sursis simple", "Sursis probatoire", "Peine complémentaire"]
    )
    expect(page.locator("#declaration-surete")).to_be_hidden()
    _mettre_aux_voix(
        page, "Sursis probatoire", 7, 5, **{"Durée (mois)": "24", "Délai d'épreuve (mois)": "40"}
    )
    expect(page.locator("#erreur-peine")).to_contain_text(
        "Le délai d'épreuve du sursis probatoire est de douze mois à trois ans"
    )
    _mettre_aux_voix(
        page, "Sursis probatoire", 7, 5, **{"Durée (mois)": "24", "Délai d'épreuve (mois)": "24"}
    )
    expect(page.locator("#modalites-decidees")).to_contain_text(
        "Sursis probatoire (deux ans, délai d'épreuve de deux ans) : adopté, à la majorité absolue des votants."
    )
    expect(page.locator("#modalite-objet option")).to_have_text(["Peine complémentaire"])
    capture(page, "delibere-mineur-sursis")
    page.get_by_role("button", name="Arrêter la peine").click()
    expect(page.locator("#peines-prononcees .modalites li")).to_have_text(
        [
            "« Y a-t-il lieu d'appliquer à l'accusé Thierry VASSEUR une condamnation pénale ? » : oui à la"
            " majorité de huit voix au moins.",
            "« Y a-t-il lieu d'exclure l'accusé Thierry VASSEUR du bénéfice de la diminution de peine ? » :"
            " non.",
            "Excuse de minorité : la peine encourue est réduite de moitié (art. L. 121-5 CJPM).",
            "Sursis : dont deux ans assorti du sursis probatoire, délai d'épreuve de deux ans, à la majorité"
            " absolue des votants (art. 362 al. 4 CPP).",
        ]
    )
    page.get_by_role("button", name="Enregistrer la feuille répondue").click()
    page.wait_for_url(f"{ORIGINE}/enregistre")
    contexte.close()

    # Ce que la page a envoyé : des réponses et des décisions, aucun nombre de bulletins.
    (corps,) = envois
    assert not DECOMPTE.search(json.dumps(corps))
    (decision,) = corps["peines"]
    assert decision["minorite"] == {"condamnation_penale": "oui", "exclusion": "non"}
    assert decision["sursis"] == {"nature": "probatoire", "mois": 24, "delai_d_epreuve": 24}
    # Le même envoi, rejoué contre l'application : le serveur recalcule et inscrit.
    reponse = _presidente().post(
        f"/affaires/{affaire}/deliberation/enregistrer/", json.dumps(corps), content_type="application/json"
    )
    assert reponse.status_code == 200, reponse.content
    modalites = Deliberation.objects.get(affaire_id=affaire).feuille["decisions"][0]["modalites"]
    assert modalites[-1].startswith("Sursis : dont deux ans assorti du sursis probatoire")
    assert re.search(r"réduite de moitié", " ".join(modalites))
