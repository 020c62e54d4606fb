"""Le français est la langue de la cour : l'anglais seulement si l'utilisateur l'a choisi.

``LocaleMiddleware`` suivrait la langue du navigateur (« Accept-Language ») ; un poste de
salle d'audience configuré en anglais afficherait alors une cour anglaise. On ne lit que le
choix explicite (cookie posé par le sélecteur de langue).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class LangueDeLaCour:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        choisie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        langue = choisie if choisie in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(langue)
        request.LANGUAGE_CODE = langue
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", langue)
        return response
