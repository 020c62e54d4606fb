"""``pretoire worker`` : l'exécutant qui vide la file des générations de documents.

Les serveurs (un ou plusieurs) inscrivent chaque demande dans la base ; chaque exécutant en prend
une à la fois et la compose (docs/decisions/0006-generations-en-file-django-tasks.md). On en lance
un par cœur à consacrer aux PDF, sur n'importe quelle machine qui voit la base et le dossier des
documents. ``pretoire demo`` lance le sien.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .django import AIDE_DATA_DIR, preparer_django


def ajouter(sous_analyseurs: Any) -> None:
    worker = sous_analyseurs.add_parser(
        "worker", help="Exécutant des générations de documents (à lancer à côté des serveurs)"
    )
    worker.add_argument("--data-dir", type=Path, help=AIDE_DATA_DIR)
    worker.add_argument(
        "--intervalle",
        type=float,
        default=1.0,
        help="secondes entre deux regards sur une file vide (1 par défaut)",
    )
    worker.add_argument(
        "--une-fois",
        action="store_true",
        help="composer ce qui attend, puis s'arrêter (file vide)",
    )
    worker.set_defaults(executer=executer)


def executer(arguments: argparse.Namespace) -> int:
    preparer_django(arguments.data_dir, migrer=False)
    from django.core.management import call_command

    from pretoire.documents.actions import executant_courant

    # Sans rechargement automatique : une tâche ne s'interrompt pas parce qu'un fichier a changé.
    call_command(
        "db_worker",
        reload=False,
        interval=arguments.intervalle,
        batch=arguments.une_fois,
        startup_delay=False,
        worker_id=executant_courant()[:64],
        verbosity=1,
    )
    return 0
