from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from .access import access_affaire_by_id, affaires_de, roles_dans_affaire

router = Router(tags=["affaires"])


class AffaireOut(Schema):
    id: int
    numero: str
    intitule: str
    juridiction: str
    type_juridiction: str
    session: str
    mes_roles: list[str]


class PersonneOut(Schema):
    identifiant: str
    nom: str
    prenoms: str
    date_naissance: datetime.date | None


class AffaireDetailOut(AffaireOut):
    accuses: list[PersonneOut]
    victimes: list[PersonneOut]
    jours_audience: list[datetime.date]


def _resume(request: HttpRequest, affaire: object) -> dict[str, object]:
    from .models import Affaire

    assert isinstance(affaire, Affaire)
    return {
        "id": affaire.pk,
        "numero": affaire.numero,
        "intitule": affaire.intitule,
        "juridiction": affaire.juridiction.nom,
        "type_juridiction": affaire.juridiction.type,
        "session": affaire.session.intitule,
        "mes_roles": sorted(r.value for r in roles_dans_affaire(request.user, affaire)),  # type: ignore[arg-type]
    }


@router.get("", response=list[AffaireOut], summary="Les affaires où je siège ou plaide")
def lister_affaires(request: HttpRequest) -> list[dict[str, object]]:
    return [_resume(request, a) for a in affaires_de(request.user)]  # type: ignore[arg-type]


@router.get("/{affaire_id}", response=AffaireDetailOut, summary="Une affaire")
def lire_affaire(request: HttpRequest, affaire_id: int) -> dict[str, object]:
    affaire = access_affaire_by_id(request.user, affaire_id)  # type: ignore[arg-type]
    return {
        **_resume(request, affaire),
        "accuses": list(affaire.accuses.all()),
        "victimes": list(affaire.victimes.all()),
        "jours_audience": [j.date for j in affaire.jours_audience.all()],
    }
