"""Réglages communs. Les valeurs propres à un poste viennent de l'environnement.

PRETOIRE_DATA_DIR  dossier des données (base SQLite, certificats, documents) ; ./var par défaut
PRETOIRE_SIGNATURE_PKCS12         clé et certificat de signature de la juridiction (PKCS#12)
PRETOIRE_SIGNATURE_MOT_DE_PASSE   mot de passe de ce fichier
PRETOIRE_HEBERGEMENT              où le dispositif de visioconférence est hébergé (procès-verbal)
DATABASE_URL       base PostgreSQL (postgres://…) ; SQLite en WAL sinon
REDIS_URL          couche de canaux Redis pour plusieurs serveurs ; en mémoire sinon
PRETOIRE_VISIO_DEMANDES_PAR_MINUTE  demandes d'une adresse IP aux pages du déposant (60 par défaut)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("PRETOIRE_DATA_DIR", Path.cwd() / "var")).resolve()

SECRET_KEY = os.environ.get("PRETOIRE_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("PRETOIRE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "pretoire.comptes",
    "pretoire.proces",
    "pretoire.journal",
    "pretoire.questions",
    "pretoire.deposition",
    "pretoire.documents",
    "pretoire.deliberation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pretoire.config.langue.LangueDeLaCour",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "pretoire.config.urls"
ASGI_APPLICATION = "pretoire.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]


def _bases_de_donnees() -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return {"default": dj_database_url.parse(url, conn_max_age=60)}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "pretoire.sqlite3",
            # WAL : lecteurs et rédacteur ne se bloquent pas ; IMMEDIATE : une écriture
            # prend le verrou dès le début de la transaction (pas d'impasse en cours de route).
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }


DATABASES = _bases_de_donnees()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [os.environ["REDIS_URL"]]},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

AUTH_USER_MODEL = "comptes.Utilisateur"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "connexion"
LOGIN_REDIRECT_URL = "accueil"
LOGOUT_REDIRECT_URL = "connexion"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]

# Documents signés (procès-verbaux, feuilles de questions, extraits du journal) : une version
# par génération, jamais écrasée.
DOCUMENTS_DIR = DATA_DIR / "documents"
# Génération dans un fil d'exécution à part, la page suivant l'avancement ; les tests la
# font dans la requête.
DOCUMENTS_EN_ARRIERE_PLAN = True
# Signature PAdES : la clé et le certificat de chaque juridiction (fichier PKCS#12), désignée par
# son nom ; « * » vaut pour toute juridiction sans fichier propre.
SIGNATURE_PAR_JURIDICTION: dict[str, dict[str, Any]] = {
    "*": {
        "pkcs12": Path(
            os.environ.get("PRETOIRE_SIGNATURE_PKCS12", DATA_DIR / "signature" / "juridiction.p12")
        ),
        "mot_de_passe": os.environ.get("PRETOIRE_SIGNATURE_MOT_DE_PASSE", ""),
    }
}
# Autres certificats reconnus à la vérification (par exemple ceux d'avant un renouvellement).
SIGNATURE_CERTIFICATS_RECONNUS: list[Path] = []
# Mentionné au procès-verbal des opérations (« moyens employés »).
HEBERGEMENT_DU_DISPOSITIF = os.environ.get("PRETOIRE_HEBERGEMENT", "")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Serveurs STUN/TURN proposés aux navigateurs de la visio, au format RTCIceServer en JSON, par ex.
# PRETOIRE_SERVEURS_ICE='[{"urls": "turn:turn.exemple.fr:3478", "username": "…", "credential": "…"}]'.
# Aucun par défaut : sur un même réseau, les candidats locaux suffisent.
PRETOIRE_SERVEURS_ICE = json.loads(os.environ.get("PRETOIRE_SERVEURS_ICE", "[]"))

# Pages et WebSocket du déposant (sans compte) : demandes permises par adresse IP et par minute.
# Le compte vit dans le cache de Django (en mémoire, par processus, faute de CACHES) ; derrière
# un mandataire inverse, c'est l'adresse que voit Django (REMOTE_ADDR) qui est comptée.
PRETOIRE_VISIO_DEMANDES_PAR_MINUTE = int(os.environ.get("PRETOIRE_VISIO_DEMANDES_PAR_MINUTE", "60"))
