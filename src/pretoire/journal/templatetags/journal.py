from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from pretoire.law.debats import TypeEvenement

from ..donnees import MODELES
from ..formulaires import LIBELLES_VALEURS

register = template.Library()


@register.filter
def resume_donnees(donnees: Mapping[str, Any], type_evenement: str) -> list[tuple[str, str]]:
    """Les données d'un événement en couples (libellé du champ, valeur lisible)."""
    champs = MODELES[TypeEvenement(type_evenement)].model_fields
    return [
        (
            champs[nom].title or nom if nom in champs else nom,
            LIBELLES_VALEURS.get(str(valeur), str(valeur)),
        )
        for nom, valeur in donnees.items()
    ]
