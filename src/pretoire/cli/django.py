"""Préparer Django pour une commande : réglages, dossier de données, base migrée."""

from __future__ import annotations

import os
from pathlib import Path


def preparer_django(data_dir: Path | None = None, *, migrer: bool = False) -> None:
    if data_dir is not None:
        os.environ["PRETOIRE_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pretoire.config.settings.dev")
    import django

    django.setup()
    if migrer:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
