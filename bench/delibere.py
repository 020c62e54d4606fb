"""Mesure du délibéré sur les affaires synthétiques de bench/questions.py (30, 300, 3000 victimes).

Le plan des votes (serveur, à l'ouverture et à l'enregistrement), les données envoyées à l'écran,
un délibéré complet en Python, le même dans Chromium (l'écran du président : tous les scrutins
de la feuille, calculés par static/pretoire/delibere.js), le contrôle et l'inscription de la
feuille répondue, son PDF. Écrit la section « Délibéré » de docs/benchmarks.md.

    .venv/bin/python bench/delibere.py
"""

from __future__ import annotations

import json
import platform
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "src"))
sys.path.insert(0, str(RACINE / "bench"))

from questions import affaire_synthetique  # noqa: E402
from resultats import ecrire_section, machine  # noqa: E402

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
STATIQUES = RACINE / "src" / "pretoire" / "static" / "pretoire"

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


def main() -> None:
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
    lignes += [""]
    ecrire_section("\n".join(lignes))


if __name__ == "__main__":
    main()
