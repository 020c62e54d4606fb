"""Propriétés de la feuille sur des dossiers engendrés au hasard (hypothesis)."""

from __future__ import annotations

import json
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pretoire.law.catalogue import catalogue_livre
from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.mise_en_accusation import Dossier, verifier_coherence
from pretoire.law.questions import NatureQuestion, etablir_feuille
from tests.law.dossiers_synthetiques import (
    Forme,
    TirageHypothesis,
    dossier_synthetique,
    journal_synthetique,
)

FORME = Forme(
    accuses=(1, 3),
    victimes=(1, 4),
    faits_par_victime=(1, 2),
    circonstances_par_fait=(0, 3),
    qualifications=(
        "viol",
        "agression_sexuelle",
        "meurtre",
        "assassinat",
        "violences_volontaires_ayant_entraine_la_mort",
    ),
    complices=True,
)


@st.composite
def affaires(draw: st.DrawFn) -> tuple[Dossier, list[EvenementDebats]]:
    tirage = TirageHypothesis(draw)
    dossier = dossier_synthetique(tirage, FORME)
    return dossier, journal_synthetique(tirage, dossier, proportion=draw(st.integers(1, 4)))


@settings(max_examples=60, deadline=None)
@given(affaires())
def test_proprietes_de_la_feuille(affaire: tuple[Dossier, list[EvenementDebats]]) -> None:
    dossier, evenements = affaire
    assert list(verifier_coherence(dossier, catalogue_livre())) == []
    feuille = etablir_feuille(dossier, evenements)
    questions = feuille.questions
    principales = Counter((q.accuse, q.fait) for q in questions if q.nature is NatureQuestion.PRINCIPALE)
    attendues = Counter((p.accuse, f.id) for f in dossier.faits for p in f.participants)
    assert principales == attendues
    circonstances = Counter(
        (q.accuse, q.fait, q.code) for q in questions if q.nature is NatureQuestion.CIRCONSTANCE_AGGRAVANTE
    )
    assert circonstances == Counter(
        (p.accuse, f.id, c.code)
        for f in dossier.faits
        for p in f.participants
        for c in f.circonstances_aggravantes
    )
    # Chaque circonstance révélée par les débats et annoncée avant le réquisitoire est posée.
    speciales = Counter((q.accuse, q.fait, q.code) for q in questions if q.nature is NatureQuestion.SPECIALE)
    annoncees = Counter(
        (e.donnees["accuse"], e.donnees["fait"], e.donnees["circonstance"])
        for e in evenements
        if e.type is TypeEvenement.INFORMATION_QUESTION
    )
    assert speciales == annoncees
    assert [q.numero for q in questions] == list(range(1, len(questions) + 1))
    for question in questions:
        autres_faits = [f for f in dossier.faits if f.id != question.fait and f.enonce in question.texte]
        assert not autres_faits
        nommees = [v for v in dossier.victimes if f"{v.prenoms} {v.nom}" in question.texte]
        assert len(nommees) <= 1
        assert all(d.numero < question.numero for d in question.depend_de)
    assert not [d for d in feuille.diagnostics if d.gravite == "erreur"]
    premier = json.dumps(feuille.en_json(), ensure_ascii=False, sort_keys=True)
    second = json.dumps(etablir_feuille(dossier, evenements).en_json(), ensure_ascii=False, sort_keys=True)
    assert premier == second
