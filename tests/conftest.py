from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
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


@pytest.fixture(autouse=True)
def cache_vide() -> Iterator[None]:
    """Chaque test part d'un cache vide : le compte des demandes par adresse IP (127.0.0.1 pour
    tous) ne passe pas d'un test à l'autre."""
    cache.clear()
    yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Les tests dans Chromium passent en dernier, même ceux qui touchent la base : pytest-django
    range ceux-là en tête, et la boucle asyncio que Playwright garde dans le fil des tests
    ferait alors échouer les tests asynchrones de la visio qui les suivraient."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
