"""La politique de sécurité du contenu n'empêche rien de ce que Prétoire fait lui-même : chaque
page de la démonstration se charge dans Chromium sans qu'il refuse une ressource, et la
documentation de l'API se dessine avec les fichiers livrés par django-ninja, sans CDN."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, expect

from .conftest import se_connecter

# (compte, pages qu'il ouvre) ; la dernière page ouverte est la documentation de l'API.
PAGES = [
    (
        "greffiere",
        [
            "/",
            "/affaires/1/",
            "/affaires/1/greffe/",
            "/affaires/1/journal/",
            "/affaires/1/visio/",
            "/affaires/1/visio/1/",
            "/affaires/1/documents/",
            "/documents/verification/",
        ],
    ),
    ("presidente", ["/affaires/1/presidence/", "/affaires/1/questions/", "/affaires/1/visio/1/salle/"]),
    ("administrateur", ["/admin/", "/admin/proces/affaire/1/change/", "/api/docs"]),
]


def test_aucune_page_ne_se_heurte_a_la_politique_de_contenu(serveur_demo: str, page: Page) -> None:
    refus: list[str] = []

    def noter(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            refus.append(f"{page.url} : {message.text}")

    page.on("console", noter)
    requetes_externes: list[str] = []
    page.on(
        "request",
        lambda requete: (
            requetes_externes.append(requete.url)
            if not requete.url.startswith((serveur_demo, "data:", "blob:"))
            else None
        ),
    )
    for compte, chemins in PAGES:
        page.context.clear_cookies()
        se_connecter(page, serveur_demo, compte)
        for chemin in chemins:
            reponse = page.goto(f"{serveur_demo}{chemin}")
            assert reponse is not None and reponse.status < 400, chemin
            page.wait_for_timeout(500)
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Prétoire")
    assert refus == [], "\n".join(sorted(set(refus)))
    assert requetes_externes == []


def test_le_choix_de_la_langue_s_applique_sans_script_en_ligne(serveur_demo: str, page: Page) -> None:
    """Le sélecteur de langue soumettait son formulaire par un « onchange » en ligne, que la
    politique de contenu bloque ; un module le fait maintenant."""
    page.goto(f"{serveur_demo}/connexion/")
    page.locator("#langue").select_option("en")
    expect(page.locator("h1")).to_have_text("Sign in")
    page.locator("#langue").select_option("fr")
    expect(page.locator("h1")).to_have_text("Connexion")
