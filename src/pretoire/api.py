"""L'API JSON de Prétoire (OpenAPI sur /api/docs). Authentification par la session Django."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.security import django_auth

from pretoire.journal.api import router as journal_router
from pretoire.journal.donnees import DonneesInvalides
from pretoire.law.debats import OrdreDesDebatsViole
from pretoire.law.erreurs import chemin_lisible, messages_en_francais
from pretoire.proces.api import router as proces_router

api = NinjaAPI(
    title="Prétoire",
    version="1",
    description="Cour d'assises : affaires, journal d'audience. Messages d'erreur en français.",
    auth=django_auth,
    urls_namespace="api",
)
api.add_router("/affaires", proces_router)
api.add_router("/affaires", journal_router)


@api.exception_handler(ValidationError)
def entree_invalide(request: HttpRequest, erreur: ValidationError) -> HttpResponse:
    # Ninja préfixe le chemin par l'origine et le nom du paramètre (« body », « evenement ») :
    # l'appelant n'a écrit que ce qui suit.
    ecrites = [{**e, "loc": _chemin_ecrit(tuple(e.get("loc", ())))} for e in erreur.errors]
    erreurs = [
        {"champ": chemin_lisible(m.chemin), "message": m.message} for m in messages_en_francais(ecrites)
    ]
    return api.create_response(request, {"detail": "Requête invalide.", "erreurs": erreurs}, status=422)


def _chemin_ecrit(loc: tuple[object, ...]) -> tuple[object, ...]:
    return loc[2:] if loc[:1] == ("body",) else loc[1:]


@api.exception_handler(DonneesInvalides)
def donnees_invalides(request: HttpRequest, erreur: DonneesInvalides) -> HttpResponse:
    erreurs = [{"champ": e.champ, "message": e.message} for e in erreur.erreurs]
    return api.create_response(request, {"detail": "Données invalides.", "erreurs": erreurs}, status=422)


@api.exception_handler(OrdreDesDebatsViole)
def ordre_viole(request: HttpRequest, erreur: OrdreDesDebatsViole) -> HttpResponse:
    return api.create_response(request, {"detail": str(erreur)}, status=409)


@api.exception_handler(PermissionDenied)
def acces_refuse(request: HttpRequest, erreur: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Accès refusé."}, status=403)


@api.exception_handler(HttpError)
def erreur_http(request: HttpRequest, erreur: HttpError) -> HttpResponse:
    # Ninja lève HttpError(400) pour un corps illisible, 401 pour une session absente.
    detail = {
        400: "Corps de requête illisible : un objet JSON valide est attendu.",
        401: "Authentification requise.",
    }.get(erreur.status_code, "Requête refusée.")
    return api.create_response(request, {"detail": detail}, status=erreur.status_code)
