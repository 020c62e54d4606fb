from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.proces.models import Affaire


@pytest.fixture(autouse=True)
def registre_d_ancrage_du_test(settings: Settings, tmp_path: Path) -> Path:
    """Une clé et un registre d'ancrage par test : les numéros d'affaire se réutilisent d'un test à
    l'autre, leurs ancrages ne doivent pas se mêler."""
    settings.ANCRAGE_DIR = tmp_path / "ancrage"
    return settings.ANCRAGE_DIR


@pytest.fixture
def affaire_demo(db: None) -> Affaire:
    """L'affaire de démonstration, avec ses comptes et ses deux premiers événements."""
    from pretoire.proces.demo import installer_demo

    return installer_demo()


@pytest.fixture
def greffiere(affaire_demo: Affaire) -> Utilisateur:
    return Utilisateur.objects.get(username="greffiere")
