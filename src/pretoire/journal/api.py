from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import field_validator

from pretoire.law.debats import TypeEvenement
from pretoire.proces.access import ROLES_QUI_CONSIGNENT, access_affaire_by_id
from pretoire.texte import normaliser_donnees

from .actions import do_consigner_evenement, verifier_journal
from .models import Evenement

router = Router(tags=["journal d'audience"])


class EvenementIn(Schema):
    type: TypeEvenement
    donnees: dict[str, Any] = {}

    @field_validator("donnees")
    @classmethod
    def _texte_normalise(cls, donnees: dict[str, Any]) -> dict[str, Any]:
        return dict(normaliser_donnees(donnees))


class EvenementOut(Schema):
    numero: int
    type: str
    libelle: str
    donnees: dict[str, Any]
    auteur: str
    horodatage: datetime.datetime
    corrige: int | None
    empreinte_precedente: str
    empreinte: str


class VerificationOut(Schema):
    valide: bool
    nombre_evenements: int
    premier_maillon_rompu: int | None
    message: str
    derniere_empreinte: str


def _sortie(e: Evenement) -> dict[str, Any]:
    return {
        "numero": e.numero,
        "type": e.type,
        "libelle": e.libelle,
        "donnees": e.donnees,
        "auteur": e.auteur_libelle,
        "horodatage": e.horodatage,
        "corrige": e.corrige.numero if e.corrige else None,
        "empreinte_precedente": e.empreinte_precedente,
        "empreinte": e.empreinte,
    }


@router.get("/{affaire_id}/journal", response=list[EvenementOut], summary="Le journal d'audience")
def lire_journal(request: HttpRequest, affaire_id: int) -> list[dict[str, Any]]:
    affaire = access_affaire_by_id(request.user, affaire_id)  # type: ignore[arg-type]
    return [_sortie(e) for e in affaire.evenements.select_related("corrige").order_by("numero")]


@router.post(
    "/{affaire_id}/journal",
    response={201: EvenementOut},
    summary="Consigner un événement (greffier)",
)
def consigner(request: HttpRequest, affaire_id: int, evenement: EvenementIn) -> Status[dict[str, Any]]:
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_QUI_CONSIGNENT)  # type: ignore[arg-type]
    cree = do_consigner_evenement(affaire, evenement.type, evenement.donnees, auteur=request.user)  # type: ignore[arg-type]
    return Status(201, _sortie(cree))


@router.get(
    "/{affaire_id}/journal/verification",
    response=VerificationOut,
    summary="Vérifier la chaîne d'empreintes du journal",
)
def verifier(request: HttpRequest, affaire_id: int) -> dict[str, Any]:
    affaire = access_affaire_by_id(request.user, affaire_id)  # type: ignore[arg-type]
    resultat = verifier_journal(affaire)
    return {
        "valide": resultat.valide,
        "nombre_evenements": resultat.nombre_evenements,
        "premier_maillon_rompu": resultat.premier_maillon_rompu,
        "message": resultat.message,
        "derniere_empreinte": resultat.derniere_empreinte,
    }
