from __future__ import annotations

import datetime

from django import template
from django.utils import dateformat
from django.utils.translation import get_language, gettext

from pretoire.law.catalogue import catalogue_livre
from pretoire.proces.models import Fait

register = template.Library()


@register.filter
def date_longue(jour: datetime.date | None) -> str:
    """« 1er mars 2021 », « 14 février 2022 » : l'usage français écrit le premier du mois en ordinal."""
    if jour is None:
        return ""
    texte = dateformat.format(jour, "j F Y")
    if jour.day == 1 and (get_language() or "fr").startswith("fr"):
        texte = "1er" + texte[1:]
    return texte


@register.filter
def ne_le(sexe: str) -> str:
    return gettext("née le") if sexe == "F" else gettext("né le")


def _premier_jour(fait: Fait) -> datetime.date:
    """Le jour qui choisit la version du texte (comme ``mise_en_accusation.Fait.premier_jour``)."""
    jour = fait.date or fait.periode_debut
    assert jour is not None, "un fait a une date ou une période (contrainte de la base)"
    return jour


@register.filter
def qualification_en_clair(fait: Fait) -> str:
    """« viol sur mineur de quinze ans par un majeur » plutôt que son code au catalogue."""
    return catalogue_livre().libelle_qualification(fait.qualification, _premier_jour(fait))


@register.filter
def circonstances_en_clair(fait: Fait) -> list[str]:
    """Les circonstances aggravantes retenues, nommées par le catalogue à la date des faits."""
    catalogue = catalogue_livre()
    return [
        catalogue.libelle_circonstance(fait.qualification, c["code"], _premier_jour(fait))
        for c in fait.circonstances_aggravantes
    ]
