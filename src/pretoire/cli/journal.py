"""``pretoire log verify AFFAIRE`` : vérifier la chaîne d'empreintes du journal d'une affaire."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import ErreurUtilisateur
from .django import AIDE_DATA_DIR, preparer_django


def ajouter(sous_analyseurs: Any) -> None:
    log = sous_analyseurs.add_parser("log", help="Journal d'audience")
    actions = log.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="Vérifier la chaîne d'empreintes du journal d'une affaire")
    verify.add_argument("affaire", help="numéro d'affaire (par exemple 26/00042) ou identifiant numérique")
    verify.add_argument("--data-dir", type=Path, help=AIDE_DATA_DIR)
    verify.set_defaults(executer=verifier)


def verifier(arguments: argparse.Namespace) -> int:
    preparer_django(arguments.data_dir)
    from pretoire.journal.actions import verifier_journal
    from pretoire.proces.models import Affaire

    trouvees = list(Affaire.objects.filter(numero=arguments.affaire))
    if not trouvees and arguments.affaire.isdigit():
        trouvees = list(Affaire.objects.filter(pk=int(arguments.affaire)))
    if not trouvees:
        raise ErreurUtilisateur(f"aucune affaire « {arguments.affaire} » dans cette base.")
    if len(trouvees) > 1:
        ids = ", ".join(str(a.pk) for a in trouvees)
        raise ErreurUtilisateur(
            f"plusieurs affaires portent le numéro « {arguments.affaire} » : précisez l'identifiant ({ids})."
        )
    affaire = trouvees[0]
    resultat = verifier_journal(affaire)
    print(f"Affaire {affaire.numero} — {affaire.intitule}")
    print(resultat.message)
    if resultat.valide:
        print(f"Dernière empreinte : {resultat.derniere_empreinte}")
    return 0 if resultat.valide else 1
