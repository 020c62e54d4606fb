"""Mesure du délibéré sur les affaires synthétiques de bench/questions.py (30, 300, 3000 victimes).

Le plan des votes (serveur, à l'ouverture et à l'enregistrement), les données envoyées à l'écran,
un délibéré complet en Python, le même dans Chromium (l'écran du président : tous les scrutins
de la feuille, calculés par static/pretoire/delibere.js), le contrôle et l'inscription de la
feuille répondue, son PDF. Écrit la section « Délibéré » de docs/benchmarks.md.

    .venv/bin/python bench/delibere.py
    .venv/bin/python bench/delibere.py --avant COMMIT   # et le délibéré complet avant/après

Avec ``--avant``, le délibéré complet (Python et Chromium, 300 et 3 000 victimes) est aussi mesuré
sur les sources d'un commit antérieur, extraites par ``git archive`` dans un dossier temporaire,
puis sur celles de ce dépôt, chacun dans son processus, dans le même passage : les deux colonnes
sont comparables.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
# Les sources mesurées : celles de ce dépôt, ou celles d'un commit antérieur (``--avant``).
SOURCE = Path(os.environ.get("PRETOIRE_BANC_SOURCE", RACINE))
# Le module commun des bancs est toujours celui-ci, même quand les sources mesurées sont anciennes.
sys.path.insert(0, str(RACINE / "bench"))
from resultats import dans_un_processus, ecrire_section, machine, sources_du_commit  # noqa: E402

sys.path[:0] = [str(SOURCE / "bench"), str(SOURCE / "src")]
from questions import affaire_synthetique  # noqa: E402

from pretoire.documents.rendu import rendre_pdf  # noqa: E402
from pretoire.law.deliberation import (  # noqa: E402
    Decompte,
    Delibere,
    etablir_plan,
    majorite,
    verifier_les_reponses,
)
from pretoire.law.deliberation.feuille_repondue import inscrire  # noqa: E402
from pretoire.law.deliberation.navigateur import donnees_du_delibere  # noqa: E402
from pretoire.law.questions import etablir_feuille  # noqa: E402

JOUR = date(2026, 11, 24)
CHROMIUM = "/usr/bin/chromium"
STATIQUES = SOURCE / "src" / "pretoire" / "static" / "pretoire"

# Tous les scrutins de la feuille, dans l'ordre, chacun à l'unanimité, comme l'écran les enchaîne.
DELIBERE_JS = """
async (regles) => {
  const m = await import("/delibere.js");
  const debut = performance.now();
  let reponses = m.avecLesSansObjet(regles, new Map());
  let question;
  while ((question = m.prochaineQuestion(regles, reponses))) {
    reponses = m.voter(regles, reponses, question.numero, { oui: regles.votants, non: 0 });
    m.contradictions(regles, reponses);
  }
  return { duree: performance.now() - debut, reponses: reponses.size };
}
"""


def _dans_chromium(donnees: dict[str, Any]) -> float | None:
    if not shutil.which(CHROMIUM):
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"]
        )
        page = navigateur.new_page()

        def servir(route: Any) -> None:
            nom = route.request.url.rsplit("/", 1)[-1]
            if nom.endswith(".js"):
                route.fulfill(path=STATIQUES / nom, content_type="text/javascript")
            else:
                route.fulfill(body="<!doctype html><title>mesure</title>", content_type="text/html")

        page.route("http://pretoire.test/**", servir)
        page.goto("http://pretoire.test/mesure.html")
        resultat = page.evaluate(DELIBERE_JS, donnees)
        navigateur.close()
    assert resultat["reponses"] == len(donnees["questions"])
    return float(resultat["duree"]) / 1000


def mesurer(nombre_victimes: int, repetitions: int) -> dict[str, Any]:
    dossier = affaire_synthetique(nombre_victimes)
    feuille = etablir_feuille(dossier, [])
    regle = majorite(dossier.juridiction.type, JOUR)
    durees_plan = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        plan = etablir_plan(dossier, feuille)
        durees_plan.append(time.perf_counter() - debut)
    debut = time.perf_counter()
    donnees = donnees_du_delibere(plan, regle, JOUR)
    duree_donnees = time.perf_counter() - debut
    taille = len(json.dumps(donnees, ensure_ascii=False).encode())
    debut = time.perf_counter()
    delibere = Delibere.ouvrir(plan, regle)
    while (question := delibere.prochaine_question()) is not None:
        delibere = delibere.voter(question.numero, Decompte(oui=regle.votants, non=0))
    duree_delibere = time.perf_counter() - debut
    debut = time.perf_counter()
    assert verifier_les_reponses(plan, delibere.reponses) == []
    repondue = inscrire(feuille, plan, regle, delibere.reponses, {}, JOUR)
    duree_inscription = time.perf_counter() - debut
    debut = time.perf_counter()
    rendre_pdf("feuille_repondue", repondue.en_json())
    duree_pdf = time.perf_counter() - debut
    return {
        "victimes": nombre_victimes,
        "questions": len(plan.questions),
        "plan_ms": statistics.median(durees_plan) * 1000,
        "donnees_ms": duree_donnees * 1000,
        "donnees_kio": taille / 1024,
        "python_s": duree_delibere,
        "chromium_s": _dans_chromium(donnees),
        "inscription_ms": duree_inscription * 1000,
        "pdf_s": duree_pdf,
    }


def mesurer_le_delibere(nombre_victimes: int) -> dict[str, Any]:
    """Le délibéré complet seul, en Python puis dans Chromium, avec les sources de ``SOURCE``."""
    dossier = affaire_synthetique(nombre_victimes)
    feuille = etablir_feuille(dossier, [])
    regle = majorite(dossier.juridiction.type, JOUR)
    plan = etablir_plan(dossier, feuille)
    debut = time.perf_counter()
    delibere = Delibere.ouvrir(plan, regle)
    while (question := delibere.prochaine_question()) is not None:
        delibere = delibere.voter(question.numero, Decompte(oui=regle.votants, non=0))
    duree = time.perf_counter() - debut
    chromium = _dans_chromium(donnees_du_delibere(plan, regle, JOUR))
    return {
        "victimes": nombre_victimes,
        "questions": len(plan.questions),
        "python_s": duree,
        "chromium_s": chromium,
    }


def _dans_un_processus(source: Path, nombre_victimes: int) -> dict[str, Any]:
    return dans_un_processus(Path(__file__).resolve(), source, "--delibere-seul", str(nombre_victimes))


def _secondes(duree: float | None) -> str:
    return "—" if duree is None else f"{duree:.2f}"


def comparer(commit: str) -> list[str]:
    """Le délibéré complet avec les sources de ``commit`` puis avec celles-ci, dans le même passage."""
    with sources_du_commit(commit) as dossier:
        lignes = [
            f"Délibéré complet, avant (commit `{commit}`) et après, mesurés l'un après l'autre dans le"
            " même passage, chacun dans son processus : chaque scrutin de la feuille, en Python"
            " (`Delibere.voter`) et dans Chromium (`delibere.js`, `voter`, puis `contradictions` comme"
            " l'écran après chaque scrutin).",
            "",
            "| victimes | questions | Python avant (s) | Python après (s) | Chromium avant (s)"
            " | Chromium après (s) | après, par scrutin : Python / Chromium (µs) |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for victimes in (300, 3000):
            avant = _dans_un_processus(dossier, victimes)
            apres = _dans_un_processus(RACINE, victimes)
            questions = apres["questions"]
            lignes.append(
                f"| {victimes} | {questions} | {avant['python_s']:.2f} | {apres['python_s']:.2f} |"
                f" {_secondes(avant['chromium_s'])} | {_secondes(apres['chromium_s'])} |"
                f" {apres['python_s'] / questions * 1e6:.0f}"
                f" / {(apres['chromium_s'] or 0) / questions * 1e6:.0f} |"
            )
    return [*lignes, ""]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--avant", metavar="COMMIT", help="mesurer aussi le délibéré complet de ce commit")
    arguments.add_argument("--delibere-seul", type=int, metavar="VICTIMES", help=argparse.SUPPRESS)
    options = arguments.parse_args()
    if options.delibere_seul:
        print(json.dumps(mesurer_le_delibere(options.delibere_seul)))
        return
    comparaison = comparer(options.avant) if options.avant else []
    resultats = [mesurer(30, 7), mesurer(300, 5), mesurer(3000, 1)]
    lignes = [
        "## Délibéré",
        "",
        f"Mesuré le {date.today().isoformat()} sur {machine()}, Python {platform.python_version()},"
        " par `.venv/bin/python bench/delibere.py` (affaires synthétiques de `bench/questions.py`)."
        " Plan : `etablir_plan` (médiane), à l'ouverture de l'écran et à l'enregistrement ; données :"
        " ce que l'écran reçoit ; délibéré : chaque scrutin de la feuille, en Python et dans Chromium"
        " (`delibere.js`, ce que calcule le portable du président) ; inscription : contrôle des"
        " réponses et feuille répondue ; PDF : la feuille répondue rendue par Typst.",
        "",
        "| victimes | questions | plan (ms) | données (ms) | données (Kio) | délibéré Python (s)"
        " | délibéré Chromium (s) | Chromium par scrutin (ms) | inscription (ms) | PDF (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultats:
        chromium = f"{r['chromium_s']:.2f}" if r["chromium_s"] is not None else "—"
        par_scrutin = f"{r['chromium_s'] / r['questions'] * 1000:.2f}" if r["chromium_s"] is not None else "—"
        lignes.append(
            f"| {r['victimes']} | {r['questions']} | {r['plan_ms']:.0f} | {r['donnees_ms']:.0f} |"
            f" {r['donnees_kio']:.0f} | {r['python_s']:.2f} | {chromium} | {par_scrutin} |"
            f" {r['inscription_ms']:.0f} | {r['pdf_s']:.2f} |"
        )
    lignes += ["", *comparaison]
    ecrire_section("\n".join(lignes))


if __name__ == "__main__":
    main()
