"""Le validateur reconnaît les défauts d'une feuille retouchée à la main (relue de son JSON)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from pretoire.law.mise_en_accusation import Dossier, charger_dossier
from pretoire.law.questions import etablir_feuille, valider_feuille
from pretoire.law.questions.journal import charger_journal
from pretoire.law.questions.modele import feuille_depuis_json
from tests.law.conftest import EXEMPLES


def _dossier(nom: str) -> Dossier:
    chemin = EXEMPLES / nom
    return charger_dossier(chemin.read_text(), str(chemin))


MINEURES = _dossier("affaire-mineures.yaml")
ASSASSINAT = _dossier("affaire-assassinat-irresponsabilite.yaml")


def _json(dossier: Dossier, journal: str | None = None) -> dict[str, Any]:
    evenements = charger_journal((EXEMPLES / journal).read_text(), journal) if journal else []
    return etablir_feuille(dossier, evenements).en_json()


def _messages(dossier: Dossier, donnees: dict[str, Any], journal: str | None = None) -> str:
    evenements = charger_journal((EXEMPLES / journal).read_text(), journal) if journal else []
    relue = feuille_depuis_json(json.loads(json.dumps(donnees)))
    return " | ".join(d.message for d in valider_feuille(dossier, relue, evenements))


def test_la_feuille_du_moteur_relue_de_son_json_est_sans_defaut() -> None:
    assert _messages(MINEURES, _json(MINEURES)) == ""


def _retouche(numero: int, **champs: Any) -> dict[str, Any]:
    donnees = copy.deepcopy(_json(MINEURES))
    donnees["questions"][numero - 1].update(champs)
    return donnees


@pytest.mark.parametrize(
    ("retouche", "attendu"),
    [
        pytest.param(
            lambda q: _retouche(
                1, text=q[0]["text"].replace(" ?", "") + " et " + q[2]["text"].split("d'avoir, ")[1]
            ),
            "réunit les faits F1, F2",
            id="deux faits dans une question",
        ),
        pytest.param(
            lambda q: _retouche(1, text=q[0]["text"].replace("Léa MARTIN", "Léa MARTIN et d'Hugo PETIT")),
            "vise plusieurs victimes",
            id="deux victimes dans une question",
        ),
        pytest.param(
            lambda q: _retouche(
                1,
                text=q[0]["text"].replace(
                    " ?",
                    " alors que Léa MARTIN était âgée de moins de quinze ans comme étant née le 2 mai 2012 ?",
                ),
            ),
            "mêle le fait et la circonstance",
            id="fait et circonstance dans une question",
        ),
        pytest.param(
            lambda q: _retouche(1, text=q[0]["text"].replace("est-il coupable d'avoir", "a-t-il")),
            "ne demande pas si l'accusé Marc DURAND est « coupable »",
            id="question principale sans coupable",
        ),
        pytest.param(
            lambda q: _retouche(1, fact="F1,F2"),
            "n'est pas un fait du dispositif",
            id="question portant deux identifiants de faits",
        ),
    ],
)
def test_le_validateur_signale_la_retouche(retouche: Any, attendu: str) -> None:
    questions = _json(MINEURES)["questions"]
    assert attendu in _messages(MINEURES, retouche(questions))


def test_un_fait_sans_question_principale_et_sa_circonstance_orpheline_sont_signales() -> None:
    donnees = _json(MINEURES)
    donnees["questions"] = [q for q in donnees["questions"] if q["number"] != 1]
    for rang, question in enumerate(donnees["questions"], start=1):
        question["number"] = rang
        question["depends_on"] = []
    messages = _messages(MINEURES, donnees)
    assert "Le fait F1 n'a pas de question principale pour l'accusé Marc DURAND" in messages
    assert "qui n'a pas de question principale pour cet accusé" in messages


def test_une_subsidiaire_identique_a_la_principale_est_signalee() -> None:
    journal = "affaire-mineures-journal-contestation.json"
    donnees = _json(MINEURES, journal)
    donnees["questions"][2]["text"] = donnees["questions"][0]["text"]
    assert "reprend la question principale" in _messages(MINEURES, donnees, journal)


def test_une_subsidiaire_sans_information_prealable_est_signalee() -> None:
    donnees = _json(MINEURES, "affaire-mineures-journal-contestation.json")
    assert "n'a pas été annoncée aux parties avant le réquisitoire" in _messages(MINEURES, donnees)


def test_une_cause_d_irresponsabilite_sans_ses_deux_questions_est_signalee() -> None:
    donnees = _json(ASSASSINAT)
    donnees["questions"] = [q for q in donnees["questions"] if q["kind"] != "irresponsabilite"]
    for rang, question in enumerate(donnees["questions"], start=1):
        question["number"] = rang
        question["depends_on"] = []
    assert "sans ses deux questions" in _messages(ASSASSINAT, donnees)
