"""Cas juridiques écrits en données (tests/law/cas/*.yaml), un par situation, nommés par une phrase."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.mise_en_accusation import Dossier
from pretoire.law.questions import etablir_feuille

CAS = Path(__file__).parent / "cas"

BASES: dict[str, dict[str, Any]] = {
    "viol_sur_mineur": {
        "version": 1,
        "juridiction": {
            "type": "cour_assises",
            "nom": "Cour d'assises des Bouches-du-Rhône",
            "siege": "Aix-en-Provence",
        },
        "affaire": {"numero": "26/00042", "date_proces": "2026-11-23"},
        "decision": {"nature": "ordonnance", "date": "2025-06-12", "auteur": "Juge d'instruction"},
        "accuses": [
            {
                "id": "A1",
                "nom": "DURAND",
                "prenoms": "Marc Henri",
                "sexe": "M",
                "date_naissance": "1978-03-14",
            }
        ],
        "victimes": [
            {"id": "V1", "nom": "MARTIN", "prenoms": "Léa", "sexe": "F", "date_naissance": "2012-05-02"}
        ],
        "faits": [
            {
                "id": "F1",
                "participants": [{"accuse": "A1", "qualite": "auteur"}],
                "qualification": "viol",
                "victimes": ["V1"],
                "date": "2021-06-12",
                "lieu": "à Marseille (Bouches-du-Rhône)",
                "enonce": "commis un acte de pénétration sexuelle digitale par violence, contrainte,"
                " menace ou surprise sur la personne de Léa MARTIN",
                "circonstances_aggravantes": [{"code": "mineur_de_quinze_ans"}],
            }
        ],
    },
    "meurtre": {
        "version": 1,
        "juridiction": {"type": "cour_assises", "nom": "Cour d'assises du Rhône", "siege": "Lyon"},
        "affaire": {"numero": "27/00007", "date_proces": "2027-03-08"},
        "decision": {"nature": "arret", "date": "2026-09-30", "auteur": "Chambre de l'instruction"},
        "accuses": [
            {"id": "A1", "nom": "DURAND", "prenoms": "Marc", "sexe": "M", "date_naissance": "1978-03-14"}
        ],
        "victimes": [
            {"id": "V1", "nom": "RIVIÈRE", "prenoms": "Paul", "sexe": "M", "date_naissance": "1961-07-04"}
        ],
        "faits": [
            {
                "id": "F1",
                "participants": [{"accuse": "A1", "qualite": "auteur"}],
                "qualification": "meurtre",
                "victimes": ["V1"],
                "date": "2025-04-03",
                "lieu": "à Lyon (Rhône)",
                "enonce": "volontairement donné la mort à Paul RIVIÈRE",
            }
        ],
    },
}

# Le vol avec arme : l'affaire du meurtre, dont seul le fait change (l'arme en circonstance).
BASES["vol_avec_arme"] = {
    **copy.deepcopy(BASES["meurtre"]),
    "affaire": {"numero": "27/00011", "date_proces": "2027-03-08"},
    "faits": [
        {
            **BASES["meurtre"]["faits"][0],
            "qualification": "vol_avec_arme",
            "enonce": "frauduleusement soustrait la recette de la bijouterie au préjudice de Paul RIVIÈRE",
            "circonstances_aggravantes": [{"code": "arme"}],
        }
    ],
}


def _cas() -> list[Any]:
    return [
        pytest.param(cas, id=cas["nom"])
        for fichier in sorted(CAS.glob("*.yaml"))
        for cas in yaml.safe_load(fichier.read_text())
    ]


def _modifier(donnees: dict[str, Any], chemin: str, valeur: Any) -> None:
    *parents, dernier = [int(p) if p.isdigit() else p for p in chemin.split(".")]
    cible: Any = donnees
    for partie in parents:
        cible = cible[partie]
    cible[dernier] = valeur


@pytest.mark.parametrize("cas", _cas())
def test_cas_juridique(cas: dict[str, Any]) -> None:
    donnees = copy.deepcopy(BASES[cas["base"]])
    for chemin, valeur in (cas.get("modifications") or {}).items():
        _modifier(donnees, chemin, valeur)
    dossier = Dossier.model_validate(donnees)
    evenements = [
        EvenementDebats(
            rang,
            TypeEvenement(e["type"]),
            datetime(2026, 11, 23, 9, e.get("minute", rang), tzinfo=UTC),
            e.get("donnees", {}),
        )
        for rang, e in enumerate(cas.get("journal", []), start=1)
    ]
    feuille = etablir_feuille(dossier, evenements).en_json()
    attendu = cas["attendu"]
    questions = {q["number"]: q for q in feuille["questions"]}
    messages = " | ".join(d["message"] for d in feuille["diagnostics"])
    if "natures" in attendu:
        assert [q["kind"] for q in feuille["questions"]] == attendu["natures"], messages
    for numero, texte in (attendu.get("textes") or {}).items():
        assert texte in questions[numero]["text"]
    for numero, citation in (attendu.get("citations") or {}).items():
        assert citation in questions[numero]["citation"]
    for fragment in attendu.get("diagnostics", []):
        assert fragment in messages
    for citation in attendu.get("citations_diagnostics", []):
        assert any(citation in d["citation"] for d in feuille["diagnostics"])
    if "sans_diagnostic" in attendu:
        assert attendu["sans_diagnostic"] not in messages
    if "lecture" in attendu:
        assert feuille["lecture"]["status"] == attendu["lecture"]
    for numero, dependances in (attendu.get("dependances") or {}).items():
        assert [[d["number"], d["answer"]] for d in questions[numero]["depends_on"]] == dependances
    if "non_verifiees" in attendu:
        assert [q["number"] for q in feuille["questions"] if q["unverified"]] == attendu["non_verifiees"]
    if "erreurs" in attendu:
        erreurs = [d["message"] for d in feuille["diagnostics"] if d["severity"] == "erreur"]
        assert len(erreurs) == attendu["erreurs"], messages
