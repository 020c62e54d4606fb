"""Le PDF de la feuille : texte extrait par pdftotext, première page rendue pour être regardée."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.law.conftest import EXEMPLES, RACINE, lancer


def test_le_pdf_contient_chaque_question_et_sa_reponse(tmp_path: Path) -> None:
    pdf = tmp_path / "feuille.pdf"
    arguments = [
        "questions",
        str(EXEMPLES / "affaire-mineures.yaml"),
        "--log",
        str(EXEMPLES / "affaire-mineures-journal-contestation.json"),
    ]
    assert lancer(*arguments, "--pdf", str(pdf)).code == 0
    feuille = json.loads(lancer(*arguments, "--json").stdout)
    texte = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    aplati = re.sub(r"\s+", " ", texte)
    assert "FEUILLE DE QUESTIONS" in aplati and "Affaire n° 26/00042" in aplati
    for question in feuille["questions"]:
        assert f"Question n° {question['number']}" in aplati
        assert re.sub(r"\s+", " ", question["text"]) in aplati
    assert aplati.count("Réponse :") == len(feuille["questions"])
    # La nature de chaque question se lit en français, jamais par son code.
    assert "(question subsidiaire : autre qualification)" in aplati
    assert "(circonstance aggravante)" in aplati
    assert "circonstance_aggravante" not in aplati and "subsidiaire)" not in aplati
    assert re.search(r"page 1 / \d", aplati)
    artefacts = RACINE / "test-artifacts"
    artefacts.mkdir(exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(artefacts / "feuille-de-questions"),
        ],
        check=True,
    )
    assert (artefacts / "feuille-de-questions-1.png").exists()
