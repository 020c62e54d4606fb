"""Outils communs aux tests du droit : dossiers d'exemple, lancement de la commande ``pretoire``."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
EXEMPLES = RACINE / "examples"
if str(RACINE / "src") not in sys.path:
    # Le paquet n'est pas forcément installé dans l'environnement : on l'importe depuis src/.
    sys.path.insert(0, str(RACINE / "src"))


@dataclass
class Sortie:
    code: int
    stdout: str
    stderr: str


def lancer(*arguments: str) -> Sortie:
    """Lance ``pretoire`` dans le processus, comme la ligne de commande le ferait."""
    from pretoire.cli import main

    sortie, erreurs = io.StringIO(), io.StringIO()
    with redirect_stdout(sortie), redirect_stderr(erreurs):
        try:
            code = main(list(arguments))
        except SystemExit as fin:
            code = int(fin.code or 0)
    return Sortie(code, sortie.getvalue(), erreurs.getvalue())
