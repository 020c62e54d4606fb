"""Dossiers d'exemple des cas du délibéré : chacun un fragment de dossier, complété ici."""

from __future__ import annotations

import copy
from typing import Any

from tests.law.test_cas_juridiques import BASES as BASES_DES_QUESTIONS

_DURAND = {"id": "A1", "nom": "DURAND", "prenoms": "Marc", "sexe": "M", "date_naissance": "1978-03-14"}
_FABRE = {"id": "A2", "nom": "FABRE", "prenoms": "Inès", "sexe": "F", "date_naissance": "1981-09-30"}
_LEA = {"id": "V1", "nom": "MARTIN", "prenoms": "Léa", "sexe": "F", "date_naissance": "2009-05-02"}
_PAUL = {"id": "V2", "nom": "RIVIÈRE", "prenoms": "Paul", "sexe": "M", "date_naissance": "1961-07-04"}


def _dossier(**faits_et_reste: Any) -> dict[str, Any]:
    return {
        "version": 1,
        "juridiction": {"type": "cour_assises", "nom": "Cour d'assises du Rhône", "siege": "Lyon"},
        "affaire": {"numero": "27/00007", "date_proces": "2027-03-08"},
        "decision": {"nature": "arret", "date": "2026-09-30", "auteur": "Chambre de l'instruction"},
        "accuses": [_DURAND],
        "victimes": [_LEA, _PAUL],
        **faits_et_reste,
    }


def _fait(identifiant: str, qualification: str, victime: str, enonce: str, **reste: Any) -> dict[str, Any]:
    return {
        "id": identifiant,
        "participants": [{"accuse": "A1", "qualite": "auteur"}],
        "qualification": qualification,
        "victimes": [victime],
        "date": "2025-04-03",
        "lieu": "à Lyon (Rhône)",
        "enonce": enonce,
        **reste,
    }


BASES: dict[str, dict[str, Any]] = {
    **copy.deepcopy(BASES_DES_QUESTIONS),
    # Deux meurtres, la même cause d'irresponsabilité invoquée pour les deux.
    "deux_meurtres_trouble_mental": _dossier(
        faits=[
            _fait(
                "F1",
                "meurtre",
                "V2",
                "volontairement donné la mort à Paul RIVIÈRE",
                causes_irresponsabilite=[{"accuse": "A1", "article": "122-1", "alinea": 1}],
            ),
            _fait(
                "F2",
                "meurtre",
                "V1",
                "volontairement donné la mort à Léa MARTIN",
                date="2025-04-04",
                causes_irresponsabilite=[{"accuse": "A1", "article": "122-1", "alinea": 1}],
            ),
        ],
    ),
    # Deux auteurs d'un même viol, avec deux circonstances réelles.
    "viol_a_deux": _dossier(
        accuses=[_DURAND, _FABRE],
        faits=[
            _fait(
                "F1",
                "viol",
                "V1",
                "commis un acte de pénétration sexuelle par violence, contrainte, menace ou surprise"
                " sur la personne de Léa MARTIN",
                date="2021-06-12",
                participants=[{"accuse": "A1", "qualite": "auteur"}, {"accuse": "A2", "qualite": "auteur"}],
                circonstances_aggravantes=[{"code": "mineur_de_quinze_ans"}, {"code": "arme"}],
            )
        ],
    ),
    # La même victime mineure, deux faits : l'un antérieur à l'autre.
    "mineure_deux_faits": _dossier(
        faits=[
            _fait(
                "F1",
                "viol",
                "V1",
                "commis un acte de pénétration sexuelle par violence, contrainte, menace ou surprise"
                " sur la personne de Léa MARTIN",
                date="2022-02-14",
                circonstances_aggravantes=[{"code": "mineur_de_quinze_ans"}],
            ),
            _fait(
                "F2",
                "agression_sexuelle",
                "V1",
                "commis une atteinte sexuelle avec violence, contrainte, menace ou surprise sur la"
                " personne de Léa MARTIN",
                date=None,
                periode={"debut": "2022-01-01", "fin": "2022-02-13"},
                circonstances_aggravantes=[{"code": "mineur_de_quinze_ans"}],
            ),
        ],
    ),
}
