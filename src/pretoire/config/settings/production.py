"""Production : secret, hôtes et base viennent de l'environnement ; cookies sécurisés."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("PRETOIRE_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("PRETOIRE_SECRET_KEY doit être défini en production.")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
