"""Réglages des tests : SQLite temporaire sauf si DATABASE_URL désigne PostgreSQL."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("PRETOIRE_DATA_DIR", str(Path(tempfile.gettempdir()) / "pretoire-tests"))

from .base import *  # noqa: F403
from .base import DATA_DIR, creer_dossier_prive

SECRET_KEY = "tests-non-secret"
creer_dossier_prive(DATA_DIR)
# Argon2 reste le hacheur en production ; les tests n'ont pas besoin de payer son coût.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
# Chaque test tourne dans une transaction jamais validée : l'ancrage s'inscrit aussitôt, et le
# registre de chaque test est le sien (tests/conftest.py).
ANCRAGE_APRES_VALIDATION = False
# Les générations de documents se font dans la requête ; les tests de la file la remettent en
# base et lancent un exécutant (tests/documents/test_file_des_generations.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
