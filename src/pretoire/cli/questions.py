"""``pretoire questions DOSSIER [--log JOURNAL.json] [--json] [--pdf FICHIER]`` : la feuille de questions.

La commande lit les fichiers, appelle le moteur (``pretoire.law.questions.etablir_feuille``) et
écrit le résultat ; une entrée invalide sort en code 2 sans rien écrire. Une feuille où le moteur
voit une erreur n'est pas écrite en PDF : les erreurs vont sur la sortie d'erreur, code 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from pretoire.law.catalogue import Catalogue, CatalogueInvalide, catalogue_depuis_textes
from pretoire.law.debats import EvenementDebats
from pretoire.law.mise_en_accusation import Dossier, DossierInvalide, charger_dossier
from pretoire.law.questions import FeuilleDefectueuse, FeuilleDeQuestions, etablir_feuille, exiger_sans_erreur
from pretoire.law.questions.journal import JournalInvalide, charger_journal, renvois_inconnus

from . import ErreurUtilisateur


def ajouter(sous_analyseurs: Any) -> None:
    commande = sous_analyseurs.add_parser(
        "questions", help="Établir la feuille de questions d'une décision de mise en accusation"
    )
    commande.add_argument("dossier", type=Path, help="décision de mise en accusation (YAML ou JSON)")
    commande.add_argument("--log", type=Path, help="journal d'audience (liste JSON d'événements)")
    commande.add_argument("--json", action="store_true", help="écrire la feuille en JSON")
    commande.add_argument("--pdf", type=Path, help="écrire la feuille en PDF dans ce fichier")
    commande.add_argument(
        "--catalogue", type=Path, help="répertoire de qualifications YAML à la place du catalogue livré"
    )
    commande.set_defaults(executer=executer)


def lire_texte(chemin: Path) -> str:
    try:
        return chemin.read_text(encoding="utf-8")
    except FileNotFoundError as erreur:
        raise ErreurUtilisateur(f"{chemin} : fichier introuvable.") from erreur
    except UnicodeDecodeError as erreur:
        raise ErreurUtilisateur(f"{chemin} : le fichier n'est pas encodé en UTF-8.") from erreur
    except OSError as erreur:
        raise ErreurUtilisateur(f"{chemin} : lecture impossible ({erreur.strerror}).") from erreur


def lire_catalogue(repertoire: Path) -> Catalogue:
    if not repertoire.is_dir():
        raise ErreurUtilisateur(f"{repertoire} : répertoire de catalogue introuvable.")
    textes = {str(f): lire_texte(f) for f in sorted(repertoire.glob("*.yaml"))}
    try:
        return catalogue_depuis_textes(textes)
    except CatalogueInvalide as invalide:
        raise ErreurUtilisateur("catalogue invalide :\n" + str(invalide)) from invalide


def lire_dossier(chemin: Path, catalogue: Catalogue | None) -> Dossier:
    try:
        return charger_dossier(lire_texte(chemin), str(chemin), catalogue=catalogue)
    except DossierInvalide as invalide:
        raise ErreurUtilisateur("dossier invalide :\n" + str(invalide)) from invalide


def lire_journal_fichier(chemin: Path | None) -> list[EvenementDebats]:
    if chemin is None:
        return []
    try:
        return charger_journal(lire_texte(chemin), str(chemin))
    except JournalInvalide as invalide:
        raise ErreurUtilisateur("journal invalide :\n" + str(invalide)) from invalide


def ecrire_atomiquement(chemin: Path, contenu: bytes) -> None:
    """Écrit dans un fichier temporaire du même répertoire puis renomme : jamais de PDF tronqué."""
    descripteur, temporaire = tempfile.mkstemp(dir=chemin.parent or Path("."), suffix=".part")
    try:
        with os.fdopen(descripteur, "wb") as flux:
            flux.write(contenu)
        os.replace(temporaire, chemin)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise


def texte_de_la_feuille(feuille: FeuilleDeQuestions) -> str:
    donnees = feuille.en_json()
    lignes = [
        f"{donnees['affaire']['court']} — affaire n° {donnees['affaire']['case_number']}",
        f"Lecture des questions : {donnees['lecture']['status']} ({donnees['lecture']['citation']})",
        "",
    ]
    for question in donnees["questions"]:
        lignes += [f"Question n° {question['number']} — {question['text']}", f"    {question['citation']}"]
    for diagnostic in donnees["diagnostics"]:
        lignes.append(f"[{diagnostic['severity']}] {diagnostic['message']} {diagnostic['citation']}".rstrip())
    return "\n".join(lignes) + "\n"


def executer(arguments: argparse.Namespace) -> int:
    catalogue = lire_catalogue(arguments.catalogue) if arguments.catalogue else None
    dossier = lire_dossier(arguments.dossier, catalogue)
    evenements = lire_journal_fichier(arguments.log)
    renvois = renvois_inconnus(dossier, evenements)
    if renvois:
        raise ErreurUtilisateur(f"journal invalide ({arguments.log}) :\n" + "\n".join(renvois))
    try:
        feuille = etablir_feuille(dossier, evenements, catalogue=catalogue)
    except ValueError as erreur:
        raise ErreurUtilisateur(f"journal invalide : {erreur}") from erreur
    code = 0
    if arguments.pdf is not None:
        from pretoire.documents.rendu import rendre_feuille_de_questions

        if not arguments.pdf.parent.is_dir():
            raise ErreurUtilisateur(f"{arguments.pdf.parent} : répertoire introuvable.")
        try:
            ecrire_atomiquement(arguments.pdf, rendre_feuille_de_questions(exiger_sans_erreur(feuille)))
        except FeuilleDefectueuse as defectueuse:
            # Pas de PDF prêt à signer d'une feuille que le moteur sait fausse (code 1).
            ancien = " (le fichier déjà présent, d'une feuille antérieure, n'est pas remplacé)"
            print(
                f"pretoire : {arguments.pdf} non écrit{ancien if arguments.pdf.exists() else ''} :"
                f" {defectueuse}",
                file=sys.stderr,
            )
            code = 1
    if arguments.json:
        json.dump(feuille.en_json(), sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
        sys.stdout.write("\n")
    elif arguments.pdf is None:
        sys.stdout.write(texte_de_la_feuille(feuille))
    return code
