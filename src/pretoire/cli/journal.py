"""``pretoire log verify AFFAIRE`` : vérifier la chaîne d'empreintes du journal d'une affaire et
sa tête ancrée hors de la base ; ``pretoire log ancrer AFFAIRE`` : ancrer une première fois un
journal écrit avant l'ancrage."""

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
    ancrer = actions.add_parser(
        "ancrer",
        help="Ancrer une première fois la tête d'un journal écrit avant l'ancrage (après mise à jour)",
    )
    ancrer.add_argument("affaire", help="numéro d'affaire ou identifiant numérique")
    ancrer.add_argument("--data-dir", type=Path, help="dossier des données (par défaut ./var)")
    ancrer.set_defaults(executer=ancrer_initialement)


def ancrer_initialement(arguments: argparse.Namespace) -> int:
    preparer_django(arguments.data_dir)
    from pretoire.journal.actions import AncrageRefuse, do_ancrer_journal_existant

    affaire = _affaire(arguments.affaire)
    try:
        resultat = do_ancrer_journal_existant(affaire)
    except AncrageRefuse as refus:
        raise ErreurUtilisateur(f"affaire {affaire.numero} : {refus}") from refus
    print(f"Affaire {affaire.numero} — {affaire.intitule}")
    print(
        f"Tête ancrée : n° {resultat.nombre_evenements}, SHA-256 {resultat.derniere_empreinte}."
        " Chaque nouvel événement s'ancrera désormais lui-même."
    )
    return 0


def _affaire(designation: str) -> Any:
    from pretoire.proces.models import Affaire

    trouvees = list(Affaire.objects.filter(numero=designation))
    if not trouvees and designation.isdigit():
        trouvees = list(Affaire.objects.filter(pk=int(designation)))
    if not trouvees:
        raise ErreurUtilisateur(f"aucune affaire « {designation} » dans cette base.")
    if len(trouvees) > 1:
        ids = ", ".join(str(a.pk) for a in trouvees)
        raise ErreurUtilisateur(
            f"plusieurs affaires portent le numéro « {designation} » : précisez l'identifiant ({ids})."
        )
    return trouvees[0]


def verifier(arguments: argparse.Namespace) -> int:
    preparer_django(arguments.data_dir)
    from pretoire.journal.actions import verifier_journal

    affaire = _affaire(arguments.affaire)
    resultat = verifier_journal(affaire)
    print(f"Affaire {affaire.numero} — {affaire.intitule}")
    print(resultat.message)
    if resultat.valide:
        print(f"Dernière empreinte : {resultat.derniere_empreinte}")
    return 0 if resultat.valide else 1
