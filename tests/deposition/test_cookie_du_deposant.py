"""Le cookie du déposant est sa seule preuve d'identité : en production, il ne voyage qu'en HTTPS."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from pretoire.deposition import actions


@pytest.mark.django_db
def test_le_cookie_du_deposant_est_securise_en_production_meme_derriere_un_mandataire_muet(
    invitation: actions.InvitationEmise, settings: Settings
) -> None:
    """Le mandataire termine TLS mais n'a pas dit « https » : le cookie reste réservé à HTTPS."""
    settings.SESSION_COOKIE_SECURE = True
    reponse = Client().post(f"/visio/{invitation.jeton}/", {"code": invitation.code})
    assert reponse.status_code == 302
    (cookie,) = [c for nom, c in reponse.cookies.items() if nom.startswith("visio_")]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
