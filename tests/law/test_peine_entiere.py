"""La peine entière (art. 362 CPP) et l'excuse de minorité, en cas écrits en données.

tests/law/cas_deliberation/peine_entiere.yaml : chaque cas part d'un dossier d'exemple, répond
« oui » à toutes les questions qui se posent (ou aux réponses données), puis décide la peine
entière ; il attend les lignes de la feuille ou le refus, en français.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pretoire.law.deliberation import Decompte, Delibere, majorite
from pretoire.law.deliberation.excuse_de_minorite import (
    DecisionDeMinorite,
    StatutDeMinorite,
    maximum_avec_l_excuse,
    minorite_de_l_accuse,
)
from pretoire.law.deliberation.majorite import ReponseDeLaCour
from pretoire.law.deliberation.peine import NaturePeine, Peine, PeineRefusee
from pretoire.law.deliberation.peine_entiere import (
    ModalitesDeLaPeine,
    adopter,
    decider_de_la_peine_entiere,
    faits_pour_la_peine,
)
from pretoire.law.deliberation.peines_complementaires import PeineComplementaire
from pretoire.law.deliberation.periode_de_surete import bornes_de_la_surete, verifier_la_surete
from pretoire.law.deliberation.retention_de_surete import ReponseRetention
from pretoire.law.deliberation.sursis import NatureSursis, Sursis, verifier_le_sursis
from pretoire.law.minorite import AgeDeLAccuse
from pretoire.law.mise_en_accusation import TypeJuridiction
from tests.law.test_delibere_cas import _cas, _dossier_et_plan, lire_peine

RETENTION = {"oui": ReponseRetention.OUI, "non": ReponseRetention.NON, "hors_cas": ReponseRetention.HORS_CAS}


def lire_modalites(donnees: dict[str, Any] | None) -> ModalitesDeLaPeine:
    donnees = donnees or {}
    minorite = donnees.get("minorite")
    sursis = donnees.get("sursis")
    return ModalitesDeLaPeine(
        minorite=DecisionDeMinorite(
            ReponseDeLaCour(minorite["condamnation_penale"]),
            ReponseDeLaCour(minorite["exclusion"]) if minorite.get("exclusion") else None,
        )
        if minorite
        else None,
        sursis=Sursis(NatureSursis(sursis["nature"]), sursis.get("mois"), sursis.get("delai_d_epreuve"))
        if sursis
        else None,
        surete_de_plein_droit=donnees.get("surete_de_plein_droit"),
        periode_de_surete=donnees.get("periode_de_surete"),
        amende=donnees.get("amende"),
        peines_complementaires=tuple(
            PeineComplementaire(**p) for p in donnees.get("peines_complementaires", [])
        ),
        retention=RETENTION[donnees["retention"]] if "retention" in donnees else None,
    )


@pytest.mark.parametrize("cas", _cas("peine_entiere"))
def test_peine_entiere(cas: dict[str, Any]) -> None:
    dossier, plan, _ = _dossier_et_plan(cas)
    jour = cas.get("date", date(2026, 11, 24))
    regle = majorite(dossier.juridiction.type, jour)
    delibere = Delibere.ouvrir(plan, regle)
    non = set(cas.get("non", []))
    while (question := delibere.prochaine_question()) is not None:
        oui = 0 if question.numero in non else regle.votants
        delibere = delibere.voter(question.numero, Decompte(oui=oui, non=regle.votants - oui))

    def decider() -> Any:
        return decider_de_la_peine_entiere(
            plan,
            regle,
            delibere.reponses,
            faits_pour_la_peine(dossier, plan)["A1"],
            jour,
            "A1",
            lire_peine(cas["peine"]),
            lire_peine(cas["maximum_confirme"]) if "maximum_confirme" in cas else None,
            lire_modalites(cas.get("modalites")),
        )

    attendu = cas["attendu"]
    if "refus" in attendu:
        with pytest.raises(PeineRefusee, match=re.escape(attendu["refus"])):
            decider()
        return
    entiere = decider()
    if "mention" in attendu:
        assert entiere.decision.mention == attendu["mention"]
    if "maximum" in attendu:
        assert entiere.decision.maximum is not None
        assert entiere.decision.maximum.en_lettres() == attendu["maximum"]
    assert len(entiere.lignes) == len(attendu.get("lignes", [])), entiere.lignes
    for fragment, ligne in zip(attendu.get("lignes", []), entiere.lignes, strict=True):
        assert fragment in ligne
    assert entiere.retention_decidee is attendu.get("retention_decidee", False)


# --- Propriétés ------------------------------------------------------------------------------

COUR = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
APPEL = majorite(TypeJuridiction.COUR_ASSISES_APPEL, date(2026, 11, 24))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 360), st.booleans(), st.integers(1, 300))
def test_une_periode_de_surete_acceptee_ne_depasse_jamais_les_deux_tiers(
    fermes: int, de_plein_droit: bool, mois: int
) -> None:
    bornes = bornes_de_la_surete(fermes, de_plein_droit)
    try:
        verifier_la_surete(bornes, mois)
    except PeineRefusee:
        return
    assert fermes > 60 and mois * 3 <= fermes * 2
    assert bornes.de_plein_droit is None or bornes.de_plein_droit * 2 <= fermes


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(NaturePeine)), st.integers(1, 360), st.integers(1, 360), st.booleans())
def test_un_sursis_accepte_porte_sur_un_emprisonnement_de_cinq_ans_au_plus(
    nature: NaturePeine, mois: int, partie: int, probatoire: bool
) -> None:
    sursis = Sursis(
        NatureSursis.PROBATOIRE if probatoire else NatureSursis.SIMPLE, partie, 24 if probatoire else None
    )
    try:
        verifier_le_sursis(Peine(nature, mois), sursis)
    except PeineRefusee:
        return
    assert nature is NaturePeine.EMPRISONNEMENT and partie <= mois <= 60


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(10, 20), st.integers(0, 1)), min_size=1, max_size=4))
def test_les_questions_de_minorite_ne_se_posent_que_si_tous_les_faits_sont_commis_mineur(
    ages: list[tuple[int, int]],
) -> None:
    liste = [AgeDeLAccuse(debut, debut + ecart) for debut, ecart in ages]
    minorite = minorite_de_l_accuse("Léo", liste, TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    if minorite.statut is StatutDeMinorite.EXCUSE:
        assert all(a.au_dernier_jour < 18 and a.au_premier_jour >= 13 for a in liste)
        assert minorite.exclusion_possible == all(a.au_premier_jour >= 16 for a in liste)
    if any(a.au_premier_jour >= 18 for a in liste):
        assert minorite.statut is StatutDeMinorite.SANS_OBJET


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.integers(12, 360)))
def test_l_excuse_de_minorite_ne_laisse_jamais_plus_de_la_moitie_ni_plus_de_vingt_ans(
    mois: int | None,
) -> None:
    reduit = maximum_avec_l_excuse(mois)
    assert reduit <= 240 and (mois is None or reduit * 2 <= mois)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([COUR, APPEL]), st.integers(0, 12), st.integers(0, 12), st.booleans())
def test_un_element_de_la_peine_n_est_adopte_qu_avec_sa_majorite(
    regle: Any, oui: int, blancs: int, defavorable: bool
) -> None:
    oui = min(oui, regle.votants)
    blancs = min(blancs, regle.votants - oui)
    decompte = Decompte(oui=oui, non=regle.votants - oui - blancs, blancs=blancs)
    exigees = regle.voix_defavorables if defavorable else regle.votants // 2 + 1
    assert adopter(regle, decompte, defavorable) is (oui >= exigees)
