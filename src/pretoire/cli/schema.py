"""``pretoire schema casefile`` : le schéma JSON du dossier (décision de mise en accusation)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pretoire.law.mise_en_accusation import Dossier


def ajouter(sous_analyseurs: Any) -> None:
    commande = sous_analyseurs.add_parser("schema", help="Schémas JSON des fichiers d'entrée")
    commande.add_argument("format", choices=["casefile"], help="casefile : le dossier")
    commande.set_defaults(executer=executer)


def executer(arguments: argparse.Namespace) -> int:
    json.dump(Dossier.model_json_schema(), sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0
