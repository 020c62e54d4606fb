"""Qui peut voir ou faire quoi dans une affaire.

Une affaire absente et une affaire interdite se présentent de la même façon (403) : on ne
révèle pas l'existence d'une affaire à qui n'y siège pas.
"""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import PermissionDenied

from pretoire.comptes.models import Utilisateur
from pretoire.deliberation.models import Deliberation

from .models import Affaire, Role

ROLES_DU_SIEGE = frozenset({Role.PRESIDENT, Role.ASSESSEUR})
ROLES_QUI_CONSIGNENT = frozenset({Role.GREFFIER})


def roles_dans_affaire(utilisateur: Utilisateur, affaire: Affaire) -> frozenset[Role]:
    if not utilisateur.is_authenticated:
        return frozenset()
    return frozenset(
        Role(role)
        for role in affaire.affectations.filter(utilisateur=utilisateur).values_list("role", flat=True)
    )


def access_affaire_by_id(
    utilisateur: Utilisateur, affaire_id: int, roles: Collection[Role] | None = None
) -> Affaire:
    """L'affaire, si l'utilisateur y est affecté (et, si ``roles`` est donné, sous l'un d'eux)."""
    affaire = Affaire.objects.select_related("session__juridiction").filter(pk=affaire_id).first()
    if affaire is None:
        raise PermissionDenied
    siens = roles_dans_affaire(utilisateur, affaire)
    if not siens:
        raise PermissionDenied
    if roles is not None and not siens & frozenset(roles):
        raise PermissionDenied
    return affaire


def affaires_de(utilisateur: Utilisateur) -> list[Affaire]:
    return list(
        Affaire.objects.filter(affectations__utilisateur=utilisateur)
        .select_related("session__juridiction")
        .distinct()
        .order_by("-session__debut", "numero")
    )


# Art. 365-1 al. 1 et 4 CPP : le président ou l'assesseur qu'il désigne rédige la motivation ; la
# feuille de motivation est versée au dossier et déposée au greffe.
ROLES_QUI_LISENT_LE_DELIBERE = frozenset({Role.PRESIDENT, Role.GREFFIER})


def peut_lire_les_documents_du_delibere(utilisateur: Utilisateur, affaire: Affaire) -> bool:
    """Après le verdict seulement : le président, le greffe et l'assesseur désigné."""
    deliberation = Deliberation.objects.filter(affaire=affaire, enregistree_le__isnull=False).first()
    if deliberation is None:
        return False
    roles = roles_dans_affaire(utilisateur, affaire)
    if roles & ROLES_QUI_LISENT_LE_DELIBERE:
        return True
    return Role.ASSESSEUR in roles and deliberation.assesseur_designe_id == utilisateur.pk


def access_documents_du_delibere_by_affaire_id(utilisateur: Utilisateur, affaire_id: int) -> Affaire:
    """La feuille répondue et la feuille de motivation d'une affaire : l'affaire, si l'utilisateur
    peut les lire ; sinon 403, comme une affaire qui n'existe pas."""
    affaire = access_affaire_by_id(utilisateur, affaire_id)
    if not peut_lire_les_documents_du_delibere(utilisateur, affaire):
        raise PermissionDenied
    return affaire
