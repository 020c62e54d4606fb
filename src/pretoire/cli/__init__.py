"""La commande ``pretoire`` : des points d'entrée minces qui appellent les mêmes actions que le web.

Chaque sous-commande vit dans son module et s'y enregistre par une fonction ``ajouter``.
Code de sortie : 0 succès, 1 vérification négative (journal rompu, signature invalide),
2 entrée invalide.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

SOUS_COMMANDES = (
    "pretoire.cli.demo",
    "pretoire.cli.documents",
    "pretoire.cli.journal",
    "pretoire.cli.questions",
    "pretoire.cli.schema",
    "pretoire.cli.worker",
)


class ErreurUtilisateur(Exception):
    """Une entrée invalide : le message, en français, est montré tel quel (code de sortie 2)."""


def construire_analyseur() -> argparse.ArgumentParser:
    analyseur = argparse.ArgumentParser(
        prog="pretoire",
        description="Prétoire : cour d'assises — déposition à distance et feuille de questions.",
    )
    sous_analyseurs = analyseur.add_subparsers(dest="commande", required=True, metavar="COMMANDE")
    for nom_module in SOUS_COMMANDES:
        importlib.import_module(nom_module).ajouter(sous_analyseurs)
    return analyseur


def main(argv: Sequence[str] | None = None) -> int:
    arguments = construire_analyseur().parse_args(argv)
    try:
        code: int = arguments.executer(arguments)
    except ErreurUtilisateur as erreur:
        print(f"pretoire : {erreur}", file=sys.stderr)
        return 2
    return code
