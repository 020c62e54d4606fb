from __future__ import annotations

import datetime

from django import template
from django.utils import dateformat
from django.utils.translation import get_language, gettext

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
