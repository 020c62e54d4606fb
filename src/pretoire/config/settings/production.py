"""Production : tout ce qui dépend du poste vient de l'environnement, et rien ne manque en silence.

Obligatoires (sinon le serveur refuse de démarrer) :
PRETOIRE_SECRET_KEY        clé secrète de Django
PRETOIRE_ALLOWED_HOSTS     noms d'hôte servis, séparés par des virgules
PRETOIRE_DATA_DIR          dossier des données (créé en 0700)

Derrière un mandataire inverse qui termine TLS :
PRETOIRE_SECURE_PROXY_SSL_HEADER   en-tête qui dit « https », par ex. « X-Forwarded-Proto »
                                   (seulement si le mandataire l'écrase toujours)
PRETOIRE_CSRF_TRUSTED_ORIGINS      origines de confiance, par ex. « https://cour.exemple.fr »
PRETOIRE_MANDATAIRES_DE_CONFIANCE  adresses du mandataire, dont on croit X-Forwarded-For (la
                                   limite des tentatives de connexion compte par adresse)

Réglables : PRETOIRE_SECURE_SSL_REDIRECT (1 par défaut), PRETOIRE_SECURE_HSTS_SECONDS (un an par
défaut), PRETOIRE_SECURE_HSTS_INCLUDE_SUBDOMAINS (0 par défaut : d'autres services du domaine
peuvent encore être servis en HTTP), PRETOIRE_SECURE_HSTS_PRELOAD (0 par défaut).
"""

import os

from django.core.exceptions import ImproperlyConfigured


def _obligatoire(nom: str) -> str:
    valeur = os.environ.get(nom, "").strip()
    if not valeur:
        raise ImproperlyConfigured(f"{nom} doit être défini en production (voir {__name__}).")
    return valeur


def _liste(valeur: str) -> list[str]:
    return [element.strip() for element in valeur.split(",") if element.strip()]


def _oui(nom: str, defaut: bool) -> bool:
    valeur = os.environ.get(nom, "").strip().lower()
    if not valeur:
        return defaut
    if valeur not in ("1", "0", "oui", "non", "true", "false"):
        raise ImproperlyConfigured(f"{nom} vaut « {valeur} » : 1 ou 0 attendu.")
    return valeur in ("1", "oui", "true")


# Vérifiés avant de lire les réglages communs, qui en tirent le dossier des données.
_obligatoire("PRETOIRE_DATA_DIR")

from .base import *  # noqa: E402, F403
from .base import DATA_DIR, creer_dossier_prive  # noqa: E402

DEBUG = False
SECRET_KEY = _obligatoire("PRETOIRE_SECRET_KEY")
ALLOWED_HOSTS = _liste(_obligatoire("PRETOIRE_ALLOWED_HOSTS"))
creer_dossier_prive(DATA_DIR)

# Le cookie de session du personnel et celui du déposant (sa seule preuve d'identité) ne
# voyagent qu'en HTTPS ; le navigateur n'essaie plus jamais HTTP (HSTS).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = _oui("PRETOIRE_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("PRETOIRE_SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _oui("PRETOIRE_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _oui("PRETOIRE_SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True

_en_tete_https = os.environ.get("PRETOIRE_SECURE_PROXY_SSL_HEADER", "").strip()
if _en_tete_https:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _en_tete_https.upper().replace("-", "_"), "https")

CSRF_TRUSTED_ORIGINS = _liste(os.environ.get("PRETOIRE_CSRF_TRUSTED_ORIGINS", ""))
for _origine in CSRF_TRUSTED_ORIGINS:
    if not _origine.startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            f"PRETOIRE_CSRF_TRUSTED_ORIGINS : « {_origine} » doit commencer par https:// (ou http://)."
        )
