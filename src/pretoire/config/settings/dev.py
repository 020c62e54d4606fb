"""Poste de démonstration : une cour fictive, SQLite, couche de canaux en mémoire."""

from .base import *  # noqa: F403
from .base import DATA_DIR, creer_dossier_prive

DEBUG = True
SECRET_KEY = "demo-non-secret-ne-pas-utiliser-en-production"
HEBERGEMENT_DU_DISPOSITIF = "poste de démonstration (sans valeur probante)"
creer_dossier_prive(DATA_DIR)
