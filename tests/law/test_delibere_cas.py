"""Le délibéré en cas écrits en données (tests/law/cas_deliberation/*.yaml), un par situation."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from pretoire.law.citations import formater
from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.deliberation import (
    Decompte,
    DecompteRefuse,
    Delibere,
    RegleNonCouverte,
    ReponseDeLaCour,
    VoteRefuse,
    constater,
    decider_de_la_peine,
    etablir_plan,
    majorite,
)
from pretoire.law.deliberation.feuille_repondue import canevas_de_motivation, inscrire
from pretoire.law.deliberation.majorite import Majorite
from pretoire.law.deliberation.ordre import Incompatibilite, PlanDeDeliberation
from pretoire.law.deliberation.peine import (
    NaturePeine,
    Peine,
    PeineRefusee,
    Proposition,
    RegleDeLaPeine,
    ToursDeScrutin,
    depouiller_un_tour,
)
from pretoire.law.mise_en_accusation import Dossier, TypeJuridiction
from pretoire.law.questions import FeuilleDeQuestions, etablir_feuille
from pretoire.law.questions.modele import Dependance, Reponse
from tests.law.delibere_bases import BASES
from tests.law.test_cas_juridiques import _modifier

CAS = Path(__file__).parent / "cas_deliberation"


def _cas(nom: str) -> list[Any]:
    return [pytest.param(cas, id=cas["nom"]) for cas in yaml.safe_load((CAS / f"{nom}.yaml").read_text())]


@pytest.mark.parametrize("cas", _cas("majorite"))
def test_majorite(cas: dict[str, Any]) -> None:
    defavorable = ReponseDeLaCour(cas.get("defavorable", "oui"))

    def resultat() -> str:
        regle = majorite(TypeJuridiction(cas["juridiction"]), cas["date"])
        return regle.formule(constater(regle, Decompte(**cas["decompte"]), defavorable), defavorable)

    if "refus" in cas:
        with pytest.raises((DecompteRefuse, RegleNonCouverte), match=re.escape(cas["refus"])):
            resultat()
    else:
        assert resultat() == cas["attendu"]
    if "non_verifie" in cas:
        composition = majorite(TypeJuridiction(cas["juridiction"]), cas["date"]).composition
        assert composition.non_verifie is cas["non_verifie"]
        assert (composition.reserve is not None) is cas["non_verifie"]


def _dossier_et_plan(cas: dict[str, Any]) -> tuple[Dossier, PlanDeDeliberation, list[EvenementDebats]]:
    dossier, _, plan, evenements = _dossier_feuille_et_plan(cas)
    return dossier, plan, evenements


def _dossier_feuille_et_plan(
    cas: dict[str, Any],
) -> tuple[Dossier, FeuilleDeQuestions, PlanDeDeliberation, list[EvenementDebats]]:
    donnees = copy.deepcopy(BASES[cas["base"]])
    for chemin, valeur in (cas.get("modifications") or {}).items():
        _modifier(donnees, chemin, valeur)
    for fait in donnees["faits"]:
        if fait.get("date") is None:
            fait.pop("date", None)
    dossier = Dossier.model_validate(donnees)
    evenements = [
        EvenementDebats(
            rang, TypeEvenement(e["type"]), datetime(2026, 11, 23, 9, rang, tzinfo=UTC), e.get("donnees", {})
        )
        for rang, e in enumerate(cas.get("journal", []), start=1)
    ]
    feuille = etablir_feuille(dossier, evenements)
    erreurs = [d.message for d in feuille.diagnostics if d.gravite.value == "erreur"]
    # Une feuille en erreur ne va pas au délibéré ; le cas qui le dit éprouve la seconde défense.
    if "feuille_en_erreur" in cas:
        assert any(cas["feuille_en_erreur"] in m for m in erreurs), erreurs
    else:
        assert not erreurs
    return dossier, feuille, etablir_plan(dossier, feuille), evenements


@pytest.mark.parametrize("cas", _cas("ordre"))
def test_ordre_des_votes(cas: dict[str, Any]) -> None:
    dossier, feuille, plan, _ = _dossier_feuille_et_plan(cas)
    jour = cas.get("date", date(2026, 11, 24))
    regle = majorite(dossier.juridiction.type, jour)
    delibere = Delibere.ouvrir(plan, regle)
    for vote in cas["votes"]:
        if "nouveau_vote" in vote:
            action = lambda d, v=vote: d.nouveau_vote(v["nouveau_vote"])  # noqa: E731
        else:
            decompte = Decompte(oui=vote["oui"], non=regle.votants - vote["oui"])
            action = lambda d, v=vote, c=decompte: d.voter(v["question"], c)  # noqa: E731
        if "refus" in vote:
            with pytest.raises(VoteRefuse, match=re.escape(vote["refus"])):
                action(delibere)
        else:
            delibere = action(delibere)
    attendu = cas["attendu"]
    reponses = delibere.reponses
    for numero, reponse in (attendu.get("reponses") or {}).items():
        assert reponses.get(numero) is not None and reponses[numero].value == reponse, numero
    for numero, formule in (attendu.get("formules") or {}).items():
        question = plan.question(numero)
        assert question is not None
        assert regle.formule(reponses[numero], question.defavorable) == formule
    if "ordre" in attendu:
        assert [q.numero for q in plan.questions] == attendu["ordre"]
    if "prochaine" in attendu:
        prochaine = delibere.prochaine_question()
        assert (prochaine.numero if prochaine else None) == attendu["prochaine"]
    for numero, fragment in (attendu.get("textes") or {}).items():
        question = plan.question(numero)
        assert question is not None and fragment in question.texte
    for numero, citation in (attendu.get("citations") or {}).items():
        question = plan.question(numero)
        assert question is not None
        assert citation in "; ".join(formater(r, jour) for r in question.citations)
    if "contradictions" in attendu:
        motifs = [i.motif for i in delibere.contradictions()]
        assert len(motifs) == len(attendu["contradictions"]), motifs
        for fragment, motif in zip(attendu["contradictions"], motifs, strict=True):
            assert fragment in motif
    for accuse, faits in (attendu.get("issues") or {}).items():
        issue = plan.accuse(accuse)
        assert issue is not None
        assert {f.fait: f.issue(reponses).value for f in issue.faits} == faits
    for accuse, libelle in (attendu.get("peine_encourue") or {}).items():
        issue = plan.accuse(accuse)
        assert issue is not None
        encourue = issue.peine_encourue(reponses)
        assert encourue is not None
        assert (encourue.peine.en_lettres() if encourue.peine else None) == libelle
    for accuse, certaine in (attendu.get("certaine") or {}).items():
        issue = plan.accuse(accuse)
        encourue = issue.peine_encourue(reponses) if issue else None
        assert encourue is not None and encourue.certaine is certaine
    for accuse, alteration in (attendu.get("alteration") or {}).items():
        issue = plan.accuse(accuse)
        assert issue is not None and issue.alteration_retenue(reponses) is alteration
    for accuse, retenue in (attendu.get("cause_de_la_peine") or {}).items():
        issue = plan.accuse(accuse)
        assert issue is not None and issue.cause_de_la_peine_retenue(reponses) is retenue
    for accuse, faits in (attendu.get("retenus") or {}).items():
        issue = plan.accuse(accuse)
        assert issue is not None
        assert {f.fait: f.libelle_retenu(reponses) for f in issue.faits} == faits
    if {"decision", "motivation", "regle"} & set(attendu):
        repondue = inscrire(feuille, plan, regle, reponses, {}, jour)
        assert attendu.get("regle", "") in repondue.regle
        decisions = {d.accuse: d for d in repondue.decisions}
        for accuse, fragment in (attendu.get("decision") or {}).items():
            assert fragment in decisions[accuse].decision, decisions[accuse].decision
        canevas = canevas_de_motivation(repondue, dossier.juridiction.type)
        for accuse, fragment in (attendu.get("motivation") or {}).items():
            nom = decisions[accuse].nom
            titres = [s.titre for s in canevas.sections if s.titre.startswith(nom)]
            assert any(fragment in titre for titre in titres), titres


_PEINE = re.compile(r"(?:(\d+) ans?)?\s*(?:(\d+) mois)?\s*(d'emprisonnement|de détention criminelle)?$")


def lire_peine(texte: str) -> Peine:
    """« 20 ans », « 2 ans 6 mois d'emprisonnement », « perpétuité »."""
    if texte == "perpétuité":
        return Peine(NaturePeine.RECLUSION_CRIMINELLE, None)
    trouve = _PEINE.match(texte.strip())
    assert trouve, texte
    annees, mois, nature = trouve.groups()
    natures = {
        None: NaturePeine.RECLUSION_CRIMINELLE,
        "d'emprisonnement": NaturePeine.EMPRISONNEMENT,
        "de détention criminelle": NaturePeine.DETENTION_CRIMINELLE,
    }
    return Peine(natures[nature], int(annees or 0) * 12 + int(mois or 0))


@pytest.mark.parametrize("cas", _cas("peine"))
def test_tours_de_scrutin_sur_la_peine(cas: dict[str, Any]) -> None:
    regle = RegleDeLaPeine(
        majorite(TypeJuridiction(cas["juridiction"]), cas["date"]),
        lire_peine(cas["maximum"]),
        cas.get("alteration", False),
    )
    tours = ToursDeScrutin()
    for tour in cas["tours"]:
        propositions = [Proposition(lire_peine(p), voix) for p, voix in tour["propositions"]]
        if "refus" in tour:
            with pytest.raises((PeineRefusee, DecompteRefuse), match=re.escape(tour["refus"])):
                depouiller_un_tour(regle, tours, propositions, tour.get("blancs", 0), tour.get("nuls", 0))
            continue
        tours = depouiller_un_tour(regle, tours, propositions, tour.get("blancs", 0), tour.get("nuls", 0))
    attendu = cas["attendu"]
    if attendu.get("aucune"):
        assert tours.peine_prononcee is None
    else:
        assert tours.peine_prononcee is not None
        assert tours.peine_prononcee.en_lettres() == attendu["peine"]
    if "mention" in attendu:
        assert tours.mention == attendu["mention"]
    if "prochain_tour" in attendu:
        assert tours.prochain_tour == attendu["prochain_tour"]
    if "resultat" in attendu:
        assert (
            tours.dernier_resultat is not None and attendu["resultat"] in tours.dernier_resultat.en_phrase()
        )


def plan_avec_contradiction_sur_les_faits(plan: PlanDeDeliberation) -> PlanDeDeliberation:
    """Le plan de « mineure_deux_faits », où « oui » aux deux faits principaux se contredirait.

    Aucune règle du droit n'en fait aujourd'hui une contradiction : c'est un plan d'essai, pour
    qu'un nouveau vote porte sur une question dont d'autres dépendent.
    """
    contradiction = Incompatibilite(
        Dependance(1, Reponse.OUI), Dependance(3, Reponse.OUI), "Les faits F1 et F2 s'excluent (essai)."
    )
    return replace(plan, incompatibilites=(contradiction,))


def test_le_nouveau_vote_efface_aussi_les_reponses_qui_en_dependent() -> None:
    _, plan, _ = _dossier_et_plan({"base": "mineure_deux_faits"})
    plan = plan_avec_contradiction_sur_les_faits(plan)
    regle = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    delibere = Delibere.ouvrir(plan, regle)
    for numero in (1, 2, 3, 4):
        delibere = delibere.voter(numero, Decompte(oui=9, non=0))
    assert [i.motif for i in delibere.contradictions()] == ["Les faits F1 et F2 s'excluent (essai)."]
    delibere = delibere.nouveau_vote(1)
    assert {n: r.value for n, r in delibere.reponses.items()} == {3: "oui", 4: "oui"}
    assert delibere.prochaine_question() is not None and delibere.prochaine_question().numero == 1
    delibere = delibere.voter(1, Decompte(oui=2, non=7))
    assert {n: r.value for n, r in delibere.reponses.items()} == {
        1: "non",
        2: "sans objet",
        3: "oui",
        4: "oui",
    }


def _coupable_de_tout(plan: PlanDeDeliberation, regle: Majorite) -> Delibere:
    delibere = Delibere.ouvrir(plan, regle)
    while (question := delibere.prochaine_question()) is not None:
        delibere = delibere.voter(question.numero, Decompte(oui=regle.votants, non=0))
    return delibere


def test_une_cause_d_exemption_retenue_permet_d_exempter_de_peine() -> None:
    cause = {"code": "excuse_absolutoire", "enonce": "s'être dénoncé avant toute poursuite", "accuse": "A1"}
    _, plan, _ = _dossier_et_plan(
        {"base": "meurtre", "modifications": {"faits.0.causes_exemption_diminution": [cause]}}
    )
    regle = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    delibere = _coupable_de_tout(plan, regle)
    decision = decider_de_la_peine(plan, regle, delibere.reponses, "A1", None)
    assert decision.peine is None and decision.mention is None


def test_sans_cause_d_exemption_retenue_l_exemption_est_refusee() -> None:
    _, plan, _ = _dossier_et_plan({"base": "meurtre"})
    regle = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    delibere = _coupable_de_tout(plan, regle)
    with pytest.raises(PeineRefusee, match="Aucune cause légale d'exemption de peine"):
        decider_de_la_peine(plan, regle, delibere.reponses, "A1", None)


def test_une_peine_encourue_incertaine_doit_etre_confirmee_et_jamais_en_dessous_du_connu() -> None:
    # Tentative de meurtre : l'art. 121-4 CP n'est pas dans les sources, le maximum est à confirmer.
    _, plan, _ = _dossier_et_plan({"base": "meurtre", "modifications": {"faits.0.tentative": True}})
    regle = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    delibere = _coupable_de_tout(plan, regle)
    with pytest.raises(PeineRefusee, match="le président doit confirmer le maximum encouru"):
        decider_de_la_peine(plan, regle, delibere.reponses, "A1", lire_peine("20 ans"))
    with pytest.raises(PeineRefusee, match="est inférieur à celui que les réponses font déjà encourir"):
        decider_de_la_peine(plan, regle, delibere.reponses, "A1", lire_peine("20 ans"), lire_peine("25 ans"))
    decision = decider_de_la_peine(
        plan, regle, delibere.reponses, "A1", lire_peine("30 ans"), lire_peine("30 ans")
    )
    assert decision.mention == "à la majorité de sept voix au moins"
