"""Mesure du moteur de la feuille de questions sur une affaire de la taille du procès Le Scouarnec.

Un accusé, 300 victimes, 1 à 3 faits chacune, 2 à 4 circonstances par fait (graine fixe), puis
dix fois moins et dix fois plus. Écrit la section « Feuille de questions » de docs/benchmarks.md.

    .venv/bin/python bench/questions.py
"""

from __future__ import annotations

import json
import platform
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "src"))

from pretoire.documents.rendu import rendre_pdf  # noqa: E402
from pretoire.law.catalogue import catalogue_livre  # noqa: E402
from pretoire.law.mise_en_accusation import Dossier  # noqa: E402
from pretoire.law.questions import etablir_feuille  # noqa: E402

CIRCONSTANCES = [
    "mineur_de_quinze_ans",
    "particuliere_vulnerabilite",
    "ascendant_ou_personne_ayant_autorite",
    "arme",
    "substance_administree_a_son_insu",
    "mineur_present",
]


def affaire_synthetique(nombre_victimes: int, graine: int = 2025) -> Dossier:
    hasard = random.Random(graine)
    victimes = []
    faits: list[dict[str, Any]] = []
    for rang in range(1, nombre_victimes + 1):
        naissance = date(2008, 1, 1) + timedelta(days=hasard.randrange(0, 1800))
        victimes.append(
            {
                "id": f"V{rang}",
                "nom": f"VICTIME{rang}",
                "prenoms": "Camille",
                "sexe": hasard.choice("MF"),
                "date_naissance": naissance.isoformat(),
            }
        )
        for _ in range(hasard.randint(1, 3)):
            jour = date(2021, 5, 1) + timedelta(days=hasard.randrange(0, 700))
            circonstances = hasard.sample(CIRCONSTANCES, hasard.randint(2, 4))
            faits.append(
                {
                    "id": f"F{len(faits) + 1}",
                    "participants": [{"accuse": "A1", "qualite": "auteur"}],
                    "qualification": "viol",
                    "victimes": [f"V{rang}"],
                    "date": jour.isoformat(),
                    "lieu": "à Vannes (Morbihan)",
                    "enonce": f"commis l'acte n° {len(faits) + 1} de pénétration sexuelle par violence,"
                    f" contrainte, menace ou surprise sur la personne de Camille VICTIME{rang}",
                    "circonstances_aggravantes": [{"code": c} for c in circonstances],
                }
            )
    return Dossier.model_validate(
        {
            "version": 1,
            "juridiction": {
                "type": "cour_criminelle_departementale",
                "nom": "Cour criminelle départementale du Morbihan",
                "siege": "Vannes",
            },
            "affaire": {"numero": "BENCH", "date_proces": "2027-02-24"},
            "decision": {"nature": "ordonnance", "date": "2026-01-01", "auteur": "Juge d'instruction"},
            "accuses": [
                {"id": "A1", "nom": "ACCUSE", "prenoms": "Jean", "sexe": "M", "date_naissance": "1950-11-16"}
            ],
            "victimes": victimes,
            "faits": faits,
        }
    )


def mesurer(nombre_victimes: int, repetitions: int, avec_pdf: bool) -> dict[str, Any]:
    dossier = affaire_synthetique(nombre_victimes)
    catalogue_livre()
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        feuille = etablir_feuille(dossier, [])
        durees.append(time.perf_counter() - debut)
    donnees = feuille.en_json()
    taille = len(json.dumps(donnees, ensure_ascii=False, sort_keys=True).encode())
    duree_pdf = None
    if avec_pdf:
        debut = time.perf_counter()
        rendre_pdf("feuille_de_questions", donnees)
        duree_pdf = time.perf_counter() - debut
    return {
        "victimes": nombre_victimes,
        "faits": len(dossier.faits),
        "questions": len(feuille.questions),
        "moteur_ms": statistics.median(durees) * 1000,
        "json_ko": taille / 1024,
        "pdf_s": duree_pdf,
    }


def machine() -> str:
    modele = "inconnu"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        trouve = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        modele = trouve.group(1).strip() if trouve else modele
    import os

    return f"{platform.system()} {platform.release()} {platform.machine()}, {modele}, {os.cpu_count()} cœurs"


def main() -> None:
    resultats = [mesurer(30, 9, True), mesurer(300, 7, True), mesurer(3000, 3, True)]
    lignes = [
        "## Feuille de questions",
        "",
        f"Mesuré le {date.today().isoformat()} sur {machine()}, Python {platform.python_version()},"
        " par `.venv/bin/python bench/questions.py` (graine fixe : 1 accusé, 1 à 3 faits par victime,"
        " 2 à 4 circonstances par fait). Moteur : médiane de plusieurs passes de `etablir_feuille`"
        " (validation de la feuille comprise). PDF : un rendu Typst (PDF/A-2b).",
        "",
        "| victimes | faits | questions | moteur (ms) | JSON (Kio) | PDF (s) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultats:
        pdf = f"{r['pdf_s']:.2f}" if r["pdf_s"] is not None else "—"
        lignes.append(
            f"| {r['victimes']} | {r['faits']} | {r['questions']} | {r['moteur_ms']:.1f} |"
            f" {r['json_ko']:.0f} | {pdf} |"
        )
    par_question = [r["moteur_ms"] / r["questions"] * 1000 for r in resultats]
    lignes += [
        "",
        "Coût par question (µs) : "
        + ", ".join(f"{c:.0f}" for c in par_question)
        + " — objectifs : moteur < 50 ms et PDF < 2 s à 300 victimes, croissance linéaire.",
        "",
    ]
    section = "\n".join(lignes)
    print(section)
    fichier = RACINE / "docs" / "benchmarks.md"
    existant = fichier.read_text() if fichier.exists() else "# Mesures de performance\n\n"
    motif = re.compile(r"## Feuille de questions\n.*?(?=\n## |\Z)", re.DOTALL)
    nouveau = (
        motif.sub(lambda _: section.rstrip() + "\n", existant)
        if motif.search(existant)
        else existant.rstrip() + "\n\n" + section
    )
    fichier.write_text(nouveau)


if __name__ == "__main__":
    main()
