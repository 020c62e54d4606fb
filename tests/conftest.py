from __future__ import annotations

import pytest

from pretoire.comptes.models import Utilisateur
from pretoire.proces.models import Affaire


@pytest.fixture
def affaire_demo(db: None) -> Affaire:
    """L'affaire de démonstration, avec ses comptes et ses deux premiers événements."""
    from pretoire.proces.demo import installer_demo

    return installer_demo()


@pytest.fixture
def greffiere(affaire_demo: Affaire) -> Utilisateur:
    return Utilisateur.objects.get(username="greffiere")
