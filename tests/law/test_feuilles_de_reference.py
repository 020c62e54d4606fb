"""Feuilles de référence : la sortie JSON des exemples, comparée aux fichiers attendus.

Pour régénérer après un changement voulu : ``REGENERER_ATTENDUS=1 pytest tests/law``.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.law.conftest import EXEMPLES, RACINE, lancer

ATTENDUS = RACINE / "tests" / "law" / "attendus"

CAS = {
    "mineures-sans-contestation": ["affaire-mineures.yaml"],
    "mineures-contestation": [
        "affaire-mineures.yaml",
        "--log",
        "affaire-mineures-journal-contestation.json",
    ],
    "assassinat-irresponsabilite": ["affaire-assassinat-irresponsabilite.yaml"],
    "assassinat-irresponsabilite-accord": [
        "affaire-assassinat-irresponsabilite.yaml",
        "--log",
        "affaire-assassinat-irresponsabilite-journal-accord.json",
    ],
    "complicite": ["affaire-complicite.yaml", "--log", "affaire-complicite-journal.json"],
}


def _feuille(nom: str) -> dict:
    arguments = [str(EXEMPLES / a) if a.endswith((".yaml", ".json")) else a for a in CAS[nom]]
    sortie = lancer("questions", *arguments, "--json")
    assert sortie.code == 0, sortie.stderr
    return json.loads(sortie.stdout)


@pytest.mark.parametrize("nom", sorted(CAS))
def test_la_feuille_est_celle_de_reference(nom: str) -> None:
    feuille = _feuille(nom)
    attendu = ATTENDUS / f"{nom}.json"
    if os.environ.get("REGENERER_ATTENDUS") == "1":
        attendu.write_text(json.dumps(feuille, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    assert feuille == json.loads(attendu.read_text())


def test_la_contestation_de_la_contrainte_fait_poser_la_question_d_atteinte_sexuelle() -> None:
    sans = _feuille("mineures-sans-contestation")
    avec = _feuille("mineures-contestation")
    assert not [q for q in sans["questions"] if q["kind"] == "subsidiaire"]
    subsidiaires = [q for q in avec["questions"] if q["kind"] == "subsidiaire"]
    assert [q["fact"] for q in subsidiaires] == ["F1", "F4"]
    assert all("atteinte sexuelle" in q["text"] for q in subsidiaires)
    assert all("art. 351 al. 2 CPP (futur art. L4324-8)" in q["citation"] for q in subsidiaires)
    assert all(q["depends_on"][0]["answer"] == "non" for q in subsidiaires)


def test_l_accord_des_parties_reduit_l_irresponsabilite_a_une_question_unique() -> None:
    deux = _feuille("assassinat-irresponsabilite")
    unique = _feuille("assassinat-irresponsabilite-accord")
    assert [q["kind"] for q in deux["questions"]].count("irresponsabilite") == 2
    irresponsabilite = [q for q in unique["questions"] if q["kind"] == "irresponsabilite"]
    assert len(irresponsabilite) == 1
    assert "l'ensemble des faits spécifiés aux questions n° 1 et 3" in irresponsabilite[0]["text"]
    assert unique["lecture"]["status"] == "obligatoire"


def test_la_complice_est_interrogee_par_renvoi_a_la_question_de_l_auteur() -> None:
    feuille = _feuille("complicite")
    complice = [q for q in feuille["questions"] if q["accused"] == "A2" and q["kind"] == "principale"]
    assert "en connaissance de cause, aidé ou assisté" in complice[0]["text"]
    assert "spécifié à la question n° 1" in complice[0]["text"]
    assert complice[0]["unverified"] is True
    assert any("refusée" in d["message"] for d in feuille["diagnostics"])


def test_les_circonstances_de_la_complice_renvoient_au_fait_de_l_auteur_sans_dire_qu_elle_l_a_commis() -> (
    None
):
    feuille = _feuille("complicite")
    circonstances = [
        q for q in feuille["questions"] if q["accused"] == "A2" and q["kind"] == "circonstance_aggravante"
    ]
    assert [q["code"] for q in circonstances] == ["premeditation", "guet_apens"]
    for question in circonstances:
        assert "commis par l'accusée Sophie GIRARD" not in question["text"]
        assert question["text"].startswith(
            "Le meurtre ci-dessus spécifié à la question n° 1, dont la complicité"
        )
        # La préméditation est celle de l'auteur, qui a commis le fait.
        assert "commis par l'accusé Julien MOREL" in question["text"]
        assert "art. 121-7 CP" in question["citation"]
        assert question["depends_on"] == [{"answer": "oui", "number": 4}]
