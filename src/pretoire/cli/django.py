"""Préparer Django pour une commande : réglages, dossier de données, base migrée.

Les réglages ne se devinent pas : ``DJANGO_SETTINGS_MODULE`` les désigne (en service :
``pretoire.config.settings.production``). Sans lui, une commande n'accepte qu'un dossier de
données local nommé par ``--data-dir`` (une copie, la démonstration), qu'elle lit avec les
réglages locaux ; ``pretoire demo`` prend toujours les siens.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import ErreurUtilisateur

REGLAGES_LOCAUX = "pretoire.config.settings.dev"
AIDE_DATA_DIR = "dossier de données local, lu avec les réglages locaux (sans DJANGO_SETTINGS_MODULE)"


def preparer_django(
    data_dir: Path | None = None, *, migrer: bool = False, demonstration: bool = False
) -> None:
    if demonstration:
        os.environ["DJANGO_SETTINGS_MODULE"] = REGLAGES_LOCAUX
    elif not os.environ.get("DJANGO_SETTINGS_MODULE"):
        if data_dir is None:
            raise ErreurUtilisateur(
                "DJANGO_SETTINGS_MODULE n'est pas défini. En service :"
                " DJANGO_SETTINGS_MODULE=pretoire.config.settings.production (avec ses variables"
                " PRETOIRE_…) ; pour un dossier de données local (copie, démonstration) :"
                " --data-dir DOSSIER."
            )
        os.environ["DJANGO_SETTINGS_MODULE"] = REGLAGES_LOCAUX
    if data_dir is not None:
        os.environ["PRETOIRE_DATA_DIR"] = str(data_dir.resolve())
    import django

    django.setup()
    if migrer:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
