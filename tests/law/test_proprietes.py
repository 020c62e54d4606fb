"""Propriétés de la feuille sur des dossiers engendrés au hasard (hypothesis)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from pretoire.law.catalogue import catalogue_livre
from pretoire.law.mise_en_accusation import Dossier
from pretoire.law.questions import NatureQuestion, etablir_feuille

PRENOMS = ["Léa", "Hugo", "Inès", "Paul", "Nora", "Yanis", "Emma", "Louis"]
QUALIFICATIONS = [
    "viol",
    "agression_sexuelle",
    "meurtre",
    "assassinat",
    "violences_volontaires_ayant_entraine_la_mort",
]


@st.composite
def dossiers(draw: st.DrawFn) -> Dossier:
    catalogue = catalogue_livre()
    nombre_accuses = draw(st.integers(1, 3))
    nombre_victimes = draw(st.integers(1, 4))
    accuses = [
        {
            "id": f"A{i}",
            "nom": f"ACCUSE{i}",
            "prenoms": f"Prénom{i}",
            "sexe": draw(st.sampled_from("MF")),
            "date_naissance": "1970-01-01",
        }
        for i in range(1, nombre_accuses + 1)
    ]
    victimes = [
        {
            "id": f"V{i}",
            "nom": f"VICTIME{i}",
            "prenoms": PRENOMS[i % len(PRENOMS)],
            "sexe": draw(st.sampled_from("MF")),
            "date_naissance": "2015-01-01",
        }
        for i in range(1, nombre_victimes + 1)
    ]
    faits = []
    for numero in range(1, draw(st.integers(1, 6)) + 1):
        qualification = draw(st.sampled_from(QUALIFICATIONS))
        jour = date(2021, 5, 1) + timedelta(days=draw(st.integers(0, 1800)))
        version = catalogue.version_au(qualification, jour)
        assert version is not None
        codes = [c.code for c in version.circonstances]
        retenues = draw(st.lists(st.sampled_from(codes), unique=True, max_size=3)) if codes else []
        auteurs = draw(st.lists(st.sampled_from([a["id"] for a in accuses]), min_size=1, unique=True))
        participants = [{"accuse": a, "qualite": "auteur"} for a in auteurs]
        autres = [a["id"] for a in accuses if a["id"] not in auteurs]
        if autres and draw(st.booleans()):
            participants.append(
                {"accuse": autres[0], "qualite": "complice", "mode_complicite": "provocation"}
            )
        victime = draw(st.sampled_from(victimes))
        faits.append(
            {
                "id": f"F{numero}",
                "participants": participants,
                "qualification": qualification,
                "victimes": [victime["id"]],
                "date": jour.isoformat(),
                "lieu": "à Lyon (Rhône)",
                # Un énoncé propre à chaque fait : deux faits ne se confondent jamais.
                "enonce": f"commis l'acte n° {numero} par violence, contrainte, menace ou surprise"
                f" sur la personne de {victime['prenoms']} {victime['nom']}",
                "circonstances_aggravantes": [{"code": c} for c in retenues],
            }
        )
    return Dossier.model_validate(
        {
            "version": 1,
            "juridiction": {"type": "cour_assises", "nom": "Cour d'assises du Rhône", "siege": "Lyon"},
            "affaire": {"numero": "X", "date_proces": "2027-01-01"},
            "decision": {"nature": "arret", "date": "2026-01-01", "auteur": "Chambre de l'instruction"},
            "accuses": accuses,
            "victimes": victimes,
            "faits": faits,
        }
    )


@settings(max_examples=60, deadline=None)
@given(dossiers())
def test_proprietes_de_la_feuille(dossier: Dossier) -> None:
    feuille = etablir_feuille(dossier, [])
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
    assert [q.numero for q in questions] == list(range(1, len(questions) + 1))
    for question in questions:
        autres_faits = [f for f in dossier.faits if f.id != question.fait and f.enonce in question.texte]
        assert not autres_faits
        nommees = [v for v in dossier.victimes if f"{v.prenoms} {v.nom}" in question.texte]
        assert len(nommees) <= 1
        assert all(d.numero < question.numero for d in question.depend_de)
    assert not [d for d in feuille.diagnostics if d.gravite == "erreur"]
    premier = json.dumps(feuille.en_json(), ensure_ascii=False, sort_keys=True)
    second = json.dumps(etablir_feuille(dossier, []).en_json(), ensure_ascii=False, sort_keys=True)
    assert premier == second
