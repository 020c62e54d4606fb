"""Jamais de PDF prêt à signer d'une feuille où le moteur voit une erreur : la vraie commande,
lancée dans un sous-processus, sort en code 1, les erreurs sur la sortie d'erreur, sans fichier."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.law.conftest import EXEMPLES, RACINE

DOSSIER = (EXEMPLES / "affaire-mineures.yaml").read_text()
# Viol sans « violence, contrainte, menace ou surprise » dans l'énoncé (Ass. plén. 8 juill. 2005).
SANS_CONTRAINTE = DOSSIER.replace(
    "commis un acte de pénétration sexuelle digitale par violence, contrainte, menace ou\n"
    "      surprise sur la personne de Léa MARTIN",
    "commis un acte de pénétration sexuelle digitale sur la personne de Léa MARTIN",
)
# Contrainte contestée, question d'atteinte sexuelle annoncée après le réquisitoire : la question
# obligatoire de l'art. 351 al. 2 est refusée (art. 351-1).
JOURNAL_TARDIF = [
    {
        "type": "contestation_element_constitutif",
        "donnees": {"accuse": "A1", "fait": "F1", "element": "contrainte"},
    },
    {"type": "requisitoire"},
    {
        "type": "information_question",
        "donnees": {
            "nature": "subsidiaire",
            "accuse": "A1",
            "fait": "F1",
            "qualification": "atteinte_sexuelle_sur_mineur_de_quinze_ans",
        },
    },
]


def _pretoire(*arguments: str) -> subprocess.CompletedProcess[str]:
    environnement = {**os.environ, "PYTHONPATH": str(RACINE / "src")}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from pretoire.cli import main; sys.exit(main())", *arguments],
        capture_output=True,
        text=True,
        env=environnement,
        cwd=RACINE,
        check=False,
    )


def _journal(tmp_path: Path, evenements: list[dict]) -> Path:
    """Le journal au format de ``--log`` : chaque événement numéroté et daté."""
    chemin = tmp_path / "journal.json"
    chemin.write_text(
        json.dumps(
            [
                {"numero": rang, "horodatage": f"2026-11-23T10:{rang:02d}:00+01:00", **e}
                for rang, e in enumerate(evenements, start=1)
            ]
        )
    )
    return chemin


@pytest.mark.parametrize(
    ("dossier", "journal", "erreur"),
    [
        (SANS_CONTRAINTE, None, "n'énonce pas les violences, contrainte, menace ou surprise"),
        (
            DOSSIER,
            JOURNAL_TARDIF,
            "Question subsidiaire obligatoire « atteinte sexuelle sur mineur de quinze ans »",
        ),
    ],
    ids=["viol_sans_contrainte", "subsidiaire_obligatoire_annoncee_trop_tard"],
)
def test_une_feuille_en_erreur_ne_donne_pas_de_pdf_et_sort_en_code_1(
    tmp_path: Path, dossier: str, journal: list[dict] | None, erreur: str
) -> None:
    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(dossier)
    pdf = tmp_path / "feuille.pdf"
    arguments = [str(chemin), "--pdf", str(pdf)]
    if journal is not None:
        arguments += ["--log", str(_journal(tmp_path, journal))]
    sortie = _pretoire("questions", *arguments)
    assert sortie.returncode == 1, sortie.stderr
    assert erreur in sortie.stderr
    assert "non écrit" in sortie.stderr
    assert not pdf.exists()
    assert not list(tmp_path.glob("*.part"))


def test_une_feuille_sans_erreur_donne_son_pdf_en_code_0(tmp_path: Path) -> None:
    pdf = tmp_path / "feuille.pdf"
    sortie = _pretoire("questions", str(EXEMPLES / "affaire-mineures.yaml"), "--pdf", str(pdf))
    assert sortie.returncode == 0, sortie.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_une_feuille_seulement_non_verifiee_donne_son_pdf(tmp_path: Path) -> None:
    """Un avertissement (texte non vérifié pour des faits de 2015) n'arrête pas la feuille."""
    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(
        DOSSIER.replace("date: 2021-06-12", "date: 2015-06-12").replace(
            "circonstances_aggravantes: [{code: mineur_de_quinze_ans}]", "circonstances_aggravantes: []", 1
        )
    )
    pdf = tmp_path / "feuille.pdf"
    sortie = _pretoire("questions", str(chemin), "--pdf", str(pdf), "--json")
    assert sortie.returncode == 0, sortie.stderr
    feuille = json.loads(sortie.stdout)
    assert any("non vérifié" in d["message"] for d in feuille["diagnostics"])
    assert pdf.exists()


def test_une_feuille_en_erreur_ne_remplace_pas_un_pdf_anterieur_et_le_dit(tmp_path: Path) -> None:
    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(SANS_CONTRAINTE)
    pdf = tmp_path / "feuille.pdf"
    pdf.write_bytes(b"%PDF feuille d'hier")
    sortie = _pretoire("questions", str(chemin), "--pdf", str(pdf))
    assert sortie.returncode == 1
    assert "n'est pas remplacé" in sortie.stderr
    assert pdf.read_bytes() == b"%PDF feuille d'hier"
