"""Réglages communs. Les valeurs propres à un poste viennent de l'environnement.

PRETOIRE_DATA_DIR  dossier des données (base SQLite, certificats, documents) ; ./var par défaut
PRETOIRE_SIGNATURE_PKCS12         clé et certificat de signature de la juridiction (PKCS#12)
PRETOIRE_SIGNATURE_MOT_DE_PASSE   mot de passe de ce fichier
PRETOIRE_ANCRAGE_DIR              clé HMAC et registre des ancrages du journal (à côté de la clé de
                                  signature par défaut ; jamais dans la base)
PRETOIRE_ANCRAGE_TSA_URL          autorité d'horodatage RFC 3161 (facultatif)
PRETOIRE_ANCRAGE_TSA_CERTIFICATS  ses certificats, séparés par des virgules
PRETOIRE_HEBERGEMENT              où le dispositif de visioconférence est hébergé (procès-verbal)
DATABASE_URL       base PostgreSQL (postgres://…) ; SQLite en WAL sinon
REDIS_URL          couche de canaux Redis pour plusieurs serveurs ; en mémoire sinon
PRETOIRE_VISIO_DEMANDES_PAR_MINUTE  demandes d'une adresse IP aux pages du déposant (60 par défaut)

Aucun module de réglages n'est choisi par défaut : le serveur demande DJANGO_SETTINGS_MODULE
(``production`` en service), ``pretoire demo`` choisit lui-même ``dev``.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _


def creer_dossier_prive(dossier: Path) -> Path:
    """Le dossier (et ses parents manquants), accessible au seul compte du serveur (0700)."""
    dossier.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(dossier, 0o700)
    return dossier


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
    "axes",
    # Les fichiers de Swagger UI livrés avec django-ninja, servis par Prétoire : /api/docs ne
    # charge rien d'un CDN.
    "ninja",
    # La file des tâches en base (générations de documents), vidée par « pretoire worker ».
    "django_tasks",
    "django_tasks_db",
    "pretoire.config.apps.ConfigurationConfig",
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
    "pretoire.config.securite.PolitiqueDeSecuriteDuContenu",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pretoire.config.langue.LangueDeLaCour",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # En dernier, comme le veut django-axes : il répond à la place d'une connexion verrouillée.
    "axes.middleware.AxesMiddleware",
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
        # Pas de connexion persistante : sous ASGI chaque requête a son propre fil d'exécution,
        # et une connexion gardée ouverte y reste orpheline ; en quelques rafales de requêtes
        # simultanées PostgreSQL atteint max_connections et refuse tout le monde
        # (tests/web/test_connexions_postgresql.py). Chaque requête ouvre et referme la sienne.
        return {"default": dj_database_url.parse(url, conn_max_age=0)}
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
# Connexion au site et à l'administration : après ``AXES_FAILURE_LIMIT`` échecs en
# ``AXES_COOLOFF_TIME``, le même identifiant, ou la même adresse, est refusé jusqu'à la fin du
# délai (réponse 429, page ``comptes/verrouillee.html``). Par identifiant : contre qui devine un
# mot de passe depuis plusieurs adresses ; par adresse : contre qui essaie un mot de passe sur
# tous les comptes. Derrière un mandataire inverse, l'adresse du client est lue dans
# X-Forwarded-For seulement quand il est déclaré (``securite.adresse_du_client``).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "comptes/verrouillee.html"
AXES_CLIENT_IP_CALLABLE = "pretoire.config.securite.adresse_du_client"
# Adresses des mandataires inverses dont on croit l'en-tête X-Forwarded-For.
PRETOIRE_MANDATAIRES_DE_CONFIANCE = [
    a.strip() for a in os.environ.get("PRETOIRE_MANDATAIRES_DE_CONFIANCE", "").split(",") if a.strip()
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
# Les générations passent par une file en base, partagée par tous les serveurs ; un exécutant
# (« pretoire worker », que « pretoire demo » lance lui-même) les compose une à une
# (docs/decisions/0006-generations-en-file-django-tasks.md). Les tests les font dans la requête.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
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
# Ancrage de la tête du journal hors de la base (journal/ancrage.py) : la clé HMAC
# (ancrage.key, 32 octets, mode 600) et le registre en ajout seul (ancrages.log), à côté de la clé
# de signature. Plusieurs serveurs : un même volume partagé, comme celui des documents.
ANCRAGE_DIR = Path(
    os.environ.get("PRETOIRE_ANCRAGE_DIR", Path(SIGNATURE_PAR_JURIDICTION["*"]["pkcs12"]).parent)
)
# La tête est inscrite au registre quand la transaction qui écrit l'événement est validée : un
# événement annulé n'y entre jamais. (Les tests, dont la transaction n'est jamais validée,
# l'inscrivent aussitôt.)
ANCRAGE_APRES_VALIDATION = True
# Facultatif : une autorité d'horodatage RFC 3161 (URL HTTP) date aussi la tête ancrée à chaque
# document, et ses certificats (PEM ou DER) servent à vérifier ses jetons.
ANCRAGE_TSA_URL = os.environ.get("PRETOIRE_ANCRAGE_TSA_URL", "")
ANCRAGE_TSA_CERTIFICATS: list[Path] = [
    Path(c) for c in os.environ.get("PRETOIRE_ANCRAGE_TSA_CERTIFICATS", "").split(",") if c
]
# Autres certificats reconnus à la vérification (par exemple ceux d'avant un renouvellement).
SIGNATURE_CERTIFICATS_RECONNUS: list[Path] = []
# Mentionné au procès-verbal des opérations (« moyens employés »).
HEBERGEMENT_DU_DISPOSITIF = os.environ.get("PRETOIRE_HEBERGEMENT", "")

# Dossier de données 0700 (``securite.creer_dossier_prive``), documents et base 0600.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Les fichiers statiques (feuilles de style, modules) sont publics : pas de 0600 pour eux.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}

# Politique de sécurité du contenu (``securite.PolitiqueDeSecuriteDuContenu``). Scripts, styles et
# workers : ceux de Prétoire seulement (modules ES, worker de chiffrement de la visio), jamais en
# ligne. Médias : les flux de la caméra et de la liaison (« mediastream: », « blob: »). Connexions :
# la même origine, WebSocket compris.
PRETOIRE_POLITIQUE_DE_CONTENU: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:", "mediastream:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

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
