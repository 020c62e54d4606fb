"""Le délibéré est au président seul : l'écran, l'enregistrement et les feuilles qui en sortent."""

from __future__ import annotations

from pretoire.comptes.models import Utilisateur
from pretoire.proces.access import access_affaire_by_id
from pretoire.proces.models import Affaire, Role

ROLES_DU_DELIBERE = frozenset({Role.PRESIDENT})


def access_delibere_by_affaire_id(utilisateur: Utilisateur, affaire_id: int) -> Affaire:
    """L'affaire, si l'utilisateur la préside ; sinon 403, comme une affaire qui n'existe pas."""
    return access_affaire_by_id(utilisateur, affaire_id, ROLES_DU_DELIBERE)
