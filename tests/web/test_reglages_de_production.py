"""Les réglages de production : ce qui manque arrête le serveur, ce qui protège est en place.

Les réglages de production se lisent dans un processus à part (ils lisent l'environnement au
chargement) ; le reste se vérifie sur les réponses du serveur de test, qui a la même politique de
contenu et les mêmes droits de fichiers que la production.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.documents.models import StockageDesDocuments
from pretoire.proces.models import Affaire

SOURCES = str(Path(__file__).resolve().parents[2] / "src")
LIRE_LES_REGLAGES = """
import json
from django.conf import settings
print(json.dumps({nom: getattr(settings, nom, None) for nom in (
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "SECURE_PROXY_SSL_HEADER", "CSRF_TRUSTED_ORIGINS", "ALLOWED_HOSTS")}))
"""


def _python(code: str, environnement: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    propre = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PRETOIRE_", "DJANGO_")) and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**propre, "PYTHONPATH": SOURCES, **environnement},
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def _production(tmp_path: Path, **variables: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "pretoire.config.settings.production",
        "PRETOIRE_SECRET_KEY": "x" * 50,
        "PRETOIRE_ALLOWED_HOSTS": "cour.exemple.fr",
        "PRETOIRE_DATA_DIR": str(tmp_path / "donnees"),
        **variables,
    }


@pytest.mark.parametrize("manquante", ["PRETOIRE_SECRET_KEY", "PRETOIRE_ALLOWED_HOSTS", "PRETOIRE_DATA_DIR"])
def test_la_production_refuse_de_demarrer_sans_ses_variables(tmp_path: Path, manquante: str) -> None:
    environnement = _production(tmp_path)
    del environnement[manquante]
    sortie = _python("import django; django.setup()", environnement, tmp_path)
    assert sortie.returncode != 0
    assert f"{manquante} doit être défini en production" in sortie.stderr


def test_la_production_impose_https_et_lit_le_mandataire_dans_l_environnement(tmp_path: Path) -> None:
    environnement = _production(
        tmp_path,
        PRETOIRE_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        PRETOIRE_CSRF_TRUSTED_ORIGINS="https://cour.exemple.fr, https://greffe.exemple.fr",
    )
    sortie = _python("import django; django.setup()" + LIRE_LES_REGLAGES, environnement, tmp_path)
    assert sortie.returncode == 0, sortie.stderr
    reglages = json.loads(sortie.stdout)
    assert reglages["DEBUG"] is False
    assert reglages["SECURE_SSL_REDIRECT"] is True
    assert reglages["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert reglages["SESSION_COOKIE_SECURE"] is True
    assert reglages["CSRF_COOKIE_SECURE"] is True
    assert reglages["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert reglages["CSRF_TRUSTED_ORIGINS"] == ["https://cour.exemple.fr", "https://greffe.exemple.fr"]
    assert reglages["ALLOWED_HOSTS"] == ["cour.exemple.fr"]
    assert stat.S_IMODE((tmp_path / "donnees").stat().st_mode) == 0o700
    # Rien d'un poste de démonstration n'a été créé à côté.
    assert not (tmp_path / "var").exists()


def test_le_serveur_asgi_ne_retombe_pas_sur_les_reglages_de_demonstration(tmp_path: Path) -> None:
    sortie = _python("import pretoire.config.asgi", {}, tmp_path)
    assert sortie.returncode != 0
    assert "DJANGO_SETTINGS_MODULE n'est pas défini" in sortie.stderr
    assert not (tmp_path / "var").exists()


def test_une_commande_sans_reglages_ni_dossier_local_refuse_en_francais(tmp_path: Path) -> None:
    sortie = _python(
        "from pretoire.cli import main; raise SystemExit(main(['log', 'verify', '26/00042']))", {}, tmp_path
    )
    assert sortie.returncode == 2
    assert "DJANGO_SETTINGS_MODULE n'est pas défini" in sortie.stderr
    assert not (tmp_path / "var").exists()


def test_la_demonstration_garde_ses_reglages_et_ses_fichiers_sont_prives(tmp_path: Path) -> None:
    donnees = tmp_path / "demo"
    sortie = _python(
        "from pretoire.cli import main;"
        f" raise SystemExit(main(['demo', '--sans-serveur', '--data-dir', {str(donnees)!r}]))",
        {"DJANGO_SETTINGS_MODULE": "pretoire.config.settings.production"},
        tmp_path,
    )
    assert sortie.returncode == 0, sortie.stderr
    assert stat.S_IMODE(donnees.stat().st_mode) == 0o700
    for nom in ("pretoire.sqlite3", "pretoire.sqlite3-wal", "pretoire.sqlite3-shm"):
        if (donnees / nom).exists():
            assert stat.S_IMODE((donnees / nom).stat().st_mode) == 0o600, nom
    assert (donnees / "pretoire.sqlite3").exists()


def test_les_documents_sont_ecrits_en_0600_dans_des_dossiers_0700(settings: Settings, tmp_path: Path) -> None:
    settings.DOCUMENTS_DIR = tmp_path / "documents"
    nom = StockageDesDocuments().save("7/pv-1.pdf", ContentFile(b"%PDF-1.7"))
    fichier = tmp_path / "documents" / nom
    assert stat.S_IMODE(fichier.stat().st_mode) == 0o600
    assert stat.S_IMODE(fichier.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "documents").stat().st_mode) == 0o700


@pytest.mark.django_db
def test_chaque_page_porte_une_politique_de_contenu_stricte(affaire_demo: Affaire) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="greffiere"))
    for chemin in ("/connexion/", f"/affaires/{affaire_demo.pk}/", "/api/docs", "/admin/login/"):
        politique = client.get(chemin).headers.get("Content-Security-Policy", "")
        directives = dict(d.strip().split(" ", 1) for d in politique.split(";"))
        assert directives["script-src"] == "'self'", chemin
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe" not in politique


@pytest.mark.django_db
def test_la_documentation_de_l_api_ne_charge_rien_d_un_cdn(affaire_demo: Affaire) -> None:
    page = Client().get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "/static/ninja/swagger-ui.css" in page
    assert "cdn" not in page.lower()
    assert "https://" not in page
