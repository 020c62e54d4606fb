"""Mesure du moteur de la feuille de questions sur une affaire de la taille du procès Le Scouarnec.

Un accusé, 300 victimes, 1 à 3 faits chacune, 2 à 4 circonstances par fait (graine fixe), puis
dix fois moins et dix fois plus ; chaque affaire est mesurée sans journal, puis avec des débats
où un fait sur dix appelle une question spéciale annoncée aux parties. Le générateur est celui
des tests de propriétés (``tests/law/dossiers_synthetiques.py``). Écrit la section « Feuille de
questions » de docs/benchmarks.md.

    python bench/questions.py                  # depuis la racine du dépôt
    python bench/questions.py --avant COMMIT   # et, à 300 victimes, ce commit et celui-ci côte à côte
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
# Les sources mesurées : celles de ce dépôt, ou celles d'un commit antérieur (``--avant``) ; le
# module commun des bancs est toujours celui-ci.
SOURCE = Path(os.environ.get("PRETOIRE_BANC_SOURCE", RACINE))
sys.path.insert(0, str(RACINE / "bench"))
from resultats import dans_un_processus, ecrire_section, machine, sources_du_commit  # noqa: E402

sys.path[:0] = [str(SOURCE / "src"), str(SOURCE)]
from tests.law.dossiers_synthetiques import (  # noqa: E402
    Forme,
    TirageAleatoire,
    dossier_synthetique,
    journal_synthetique,
)

from pretoire.documents.rendu import rendre_feuille_de_questions  # noqa: E402
from pretoire.law.catalogue import catalogue_livre  # noqa: E402
from pretoire.law.mise_en_accusation import Dossier, charger_dossier, dossier_en_json, dossier_en_yaml  # noqa: E402
from pretoire.law.questions import etablir_feuille, valider_feuille  # noqa: E402

GRAINE = 2025


def forme(nombre_victimes: int) -> Forme:
    return Forme(
        accuses=(1, 1),
        victimes=(nombre_victimes, nombre_victimes),
        faits_par_victime=(1, 3),
        circonstances_par_fait=(2, 4),
        qualifications=("viol",),
    )


def affaire_synthetique(nombre_victimes: int, graine: int = GRAINE) -> Dossier:
    """L'affaire que mesure ce banc ; les bancs du délibéré et des documents mesurent la même."""
    return dossier_synthetique(TirageAleatoire(random.Random(graine)), forme(nombre_victimes))


def mediane_ms(mesure: Callable[[], object], repetitions: int) -> float:
    """Médiane du temps processeur : le moteur est du Python sur un seul fil, et le temps
    processeur ne compte pas les autres programmes d'une machine partagée."""
    durees = []
    for _ in range(repetitions):
        gc.collect()
        debut = time.process_time()
        mesure()
        durees.append(time.process_time() - debut)
    return statistics.median(durees) * 1000


def mesurer(nombre_victimes: int, repetitions: int) -> dict[str, Any]:
    tirage = TirageAleatoire(random.Random(GRAINE))
    dossier = dossier_synthetique(tirage, forme(nombre_victimes))
    evenements = journal_synthetique(tirage, dossier, proportion=10)
    catalogue_livre()
    feuille = etablir_feuille(dossier, [])
    avec_journal = etablir_feuille(dossier, evenements)
    donnees = feuille.en_json()
    debut = time.perf_counter()
    rendre_feuille_de_questions(feuille)
    duree_pdf = time.perf_counter() - debut
    lectures = {}
    for format_, texte in (("yaml", dossier_en_yaml(dossier)), ("json", dossier_en_json(dossier))):
        debut = time.perf_counter()
        charger_dossier(texte, f"dossier.{format_}")
        lectures[format_] = (len(texte.encode()) / 1024, time.perf_counter() - debut)
    return {
        "victimes": nombre_victimes,
        "faits": len(dossier.faits),
        "questions": len(feuille.questions),
        "moteur_ms": mediane_ms(lambda: etablir_feuille(dossier, []), repetitions),
        "validation_ms": mediane_ms(lambda: valider_feuille(dossier, feuille), repetitions),
        "questions_journal": len(avec_journal.questions),
        "journal_ms": mediane_ms(lambda: etablir_feuille(dossier, evenements), repetitions),
        "json_ko": len(json.dumps(donnees, ensure_ascii=False, sort_keys=True).encode()) / 1024,
        "pdf_s": duree_pdf,
        "lectures": lectures,
    }


def mesurer_moteur_et_pdf(nombre_victimes: int) -> dict[str, Any]:
    """Le moteur (médiane de 9 passes) et deux rendus du PDF : le premier du processus, qui lit
    les tables des polices, puis un suivant."""
    dossier = affaire_synthetique(nombre_victimes)
    catalogue_livre()
    feuille = etablir_feuille(dossier, [])
    rendus = []
    for _ in range(2):
        debut = time.perf_counter()
        rendre_feuille_de_questions(feuille)
        rendus.append(time.perf_counter() - debut)
    return {
        "questions": len(feuille.questions),
        "erreurs": sum(1 for d in feuille.diagnostics if d.gravite.value == "erreur"),
        "moteur_ms": mediane_ms(lambda: etablir_feuille(dossier, []), 9),
        "pdf_premier_s": rendus[0],
        "pdf_s": rendus[1],
    }


def comparer(commit: str, nombre_victimes: int = 300, paires: int = 3) -> list[str]:
    """Ce commit et celui-ci, chacun dans son processus, en alternance : la machine partagée
    dérive, la comparaison paire par paire la supporte."""
    banc = Path(__file__).resolve()
    lignes = [
        f"Avant (commit `{commit}`) et après, côte à côte dans le même passage, {nombre_victimes}"
        f" victimes, {paires} paires alternées (chacune dans son processus) :",
        "",
        "| paire | questions avant / après | moteur avant (ms) | moteur après (ms) | PDF avant (s)"
        " | PDF après (s) | PDF après, 1er rendu du processus (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with sources_du_commit(commit) as dossier:
        for rang in range(1, paires + 1):
            avant = dans_un_processus(banc, dossier, "--seul", str(nombre_victimes))
            apres = dans_un_processus(banc, RACINE, "--seul", str(nombre_victimes))
            lignes.append(
                f"| {rang} | {avant['questions']} / {apres['questions']} | {avant['moteur_ms']:.1f}"
                f" | {apres['moteur_ms']:.1f} | {avant['pdf_s']:.2f} | {apres['pdf_s']:.2f}"
                f" | {apres['pdf_premier_s']:.2f} |"
            )
    return [*lignes, ""]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--avant", metavar="COMMIT", help="mesurer aussi ce commit, côte à côte")
    arguments.add_argument("--seul", type=int, metavar="VICTIMES", help=argparse.SUPPRESS)
    options = arguments.parse_args()
    if options.seul:
        print(json.dumps(mesurer_moteur_et_pdf(options.seul)))
        return
    comparaison = comparer(options.avant) if options.avant else []
    resultats = [mesurer(30, 15), mesurer(300, 9), mesurer(3000, 3)]
    lignes = [
        "## Feuille de questions",
        "",
        f"Mesuré le {date.today().isoformat()} sur {machine()}, Python {platform.python_version()},"
        " par `python bench/questions.py` (graine fixe : 1 accusé, 1 à 3 faits de viol par victime,"
        " 2 à 4 circonstances par fait ; générateur des tests de propriétés). Moteur : médiane du"
        " temps processeur de plusieurs passes de `etablir_feuille`, contrôle de la feuille"
        " compris ; « validation » : `valider_feuille` seul, comme pour une feuille retouchée ;"
        " « avec journal » : un fait sur dix reçoit une question spéciale annoncée avant le"
        " réquisitoire. PDF : un rendu Typst (PDF/A-2b), temps écoulé, premier rendu du processus.",
        "",
        "| victimes | faits | questions | moteur (ms) | validation (ms) | questions avec journal"
        " | moteur avec journal (ms) | JSON (Kio) | PDF (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultats:
        lignes.append(
            f"| {r['victimes']} | {r['faits']} | {r['questions']} | {r['moteur_ms']:.1f} |"
            f" {r['validation_ms']:.1f} | {r['questions_journal']} | {r['journal_ms']:.1f} |"
            f" {r['json_ko']:.0f} | {r['pdf_s']:.2f} |"
        )
    lignes += [
        "",
        "Lecture du dossier (`charger_dossier`, contrôles compris : import web et `pretoire questions`),"
        " temps écoulé :",
        "",
        "| victimes | YAML (Kio) | lecture YAML (s) | JSON (Kio) | lecture JSON (s) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in resultats:
        (taille_yaml, duree_yaml), (taille_json, duree_json) = r["lectures"]["yaml"], r["lectures"]["json"]
        lignes.append(
            f"| {r['victimes']} | {taille_yaml:.0f} | {duree_yaml:.2f} | {taille_json:.0f}"
            f" | {duree_json:.2f} |"
        )
    moteur = [r["moteur_ms"] / r["questions"] * 1000 for r in resultats]
    pdf = [r["pdf_s"] / r["questions"] * 1e6 for r in resultats]
    lignes += [
        "",
        "Coût par question : moteur "
        + ", ".join(f"{c:.0f}" for c in moteur)
        + " µs ; PDF "
        + ", ".join(f"{c:.0f}" for c in pdf)
        + " µs — objectifs : moteur < 50 ms et PDF < 2 s à 300 victimes, croissance linéaire.",
        "",
        *comparaison,
    ]
    ecrire_section("\n".join(lignes))


if __name__ == "__main__":
    main()
