"""Propriétés du délibéré sur des décomptes, des dossiers et des tours engendrés au hasard (hypothesis)."""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pretoire.law.deliberation import (
    Decompte,
    Delibere,
    ReponseDeLaCour,
    constater,
    etablir_plan,
    majorite,
    verifier_les_reponses,
)
from pretoire.law.deliberation.composition import COMPOSITIONS
from pretoire.law.deliberation.feuille_repondue import inscrire
from pretoire.law.deliberation.majorite import REPONSES_DEFAVORABLES, VERSIONS, Majorite, formules_legales
from pretoire.law.deliberation.peine import (
    NaturePeine,
    Peine,
    PeineRefusee,
    Proposition,
    RegleDeLaPeine,
    ToursDeScrutin,
    ans,
    depouiller_un_tour,
    perpetuite,
)
from pretoire.law.mise_en_accusation import Dossier, TypeJuridiction
from pretoire.law.questions import etablir_feuille
from pretoire.law.redaction import nombre_en_lettres
from tests.law.dossiers_synthetiques import TirageHypothesis, dossier_synthetique
from tests.law.test_proprietes import FORME

MOTS_DES_NOMBRES = {nombre_en_lettres(n) for n in range(1, 31)}


def premier_jour(type_juridiction: TypeJuridiction) -> date:
    """Le premier jour où Prétoire connaît une composition de cette juridiction."""
    return min(c.en_vigueur_du for c in COMPOSITIONS if c.type_juridiction is type_juridiction)


@st.composite
def majorites(draw: st.DrawFn) -> Majorite:
    type_juridiction = draw(st.sampled_from(list(TypeJuridiction)))
    jour = draw(st.dates(premier_jour(type_juridiction), date(2031, 12, 31)))
    return majorite(type_juridiction, jour)


def _voix(decompte: Decompte, reponse: ReponseDeLaCour) -> int:
    return decompte.oui if reponse is ReponseDeLaCour.OUI else decompte.non


@st.composite
def decomptes(draw: st.DrawFn, votants: int) -> Decompte:
    """Un décompte complet : un bulletin par votant, réparti entre oui, non, blancs et nuls."""
    oui = draw(st.integers(0, votants))
    non = draw(st.integers(0, votants - oui))
    blancs = draw(st.integers(0, votants - oui - non))
    return Decompte(oui=oui, non=non, blancs=blancs, nuls=votants - oui - non - blancs)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_aucun_decompte_sous_le_seuil_ne_donne_une_reponse_defavorable(data: st.DataObject) -> None:
    regle = data.draw(majorites())
    decompte = data.draw(decomptes(regle.votants))
    defavorable = data.draw(st.sampled_from(REPONSES_DEFAVORABLES))
    reponse = constater(regle, decompte, defavorable)
    assert (reponse is defavorable) == (_voix(decompte, defavorable) >= regle.voix_defavorables)
    # Toute décision défavorable demande plus de la moitié des votants.
    assert regle.voix_defavorables > regle.votants / 2


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_les_blancs_et_les_nuls_ne_servent_jamais_l_accusation(data: st.DataObject) -> None:
    regle = data.draw(majorites())
    decompte = data.draw(decomptes(regle.votants))
    defavorable = data.draw(st.sampled_from(REPONSES_DEFAVORABLES))
    reponse = constater(regle, decompte, defavorable)

    def changer(voix_defavorables: int, voix_favorables: int, blancs: int, nuls: int) -> Decompte:
        if defavorable is ReponseDeLaCour.OUI:
            return Decompte(voix_defavorables, voix_favorables, blancs, nuls)
        return Decompte(voix_favorables, voix_defavorables, blancs, nuls)

    contre, pour = _voix(decompte, defavorable), regle.votants - decompte.blancs - decompte.nuls
    pour -= contre
    # Un bulletin favorable devenu blanc ou nul ne change rien ; un bulletin défavorable devenu
    # blanc ou nul ne peut que faire perdre la majorité, jamais la faire gagner.
    if pour:
        for autre in (
            changer(contre, pour - 1, decompte.blancs + 1, decompte.nuls),
            changer(contre, pour - 1, decompte.blancs, decompte.nuls + 1),
        ):
            assert constater(regle, autre, defavorable) is reponse
    if contre:
        retire = changer(contre - 1, pour, decompte.blancs + 1, decompte.nuls)
        assert not (reponse is not defavorable and constater(regle, retire, defavorable) is defavorable)


def _nombres_dans(texte: str) -> set[str]:
    mots = set(re.findall(r"[\w-]+", texte))
    return (mots & MOTS_DES_NOMBRES) | set(re.findall(r"\d+", texte))


def test_aucune_formule_ne_porte_d_autre_nombre_que_le_seuil_legal() -> None:
    for regle in VERSIONS:
        seuil = {nombre_en_lettres(regle.voix_exigees)} if regle.voix_exigees else set()
        regle_du_jour = majorite(regle.type_juridiction, regle.en_vigueur_du or date(2026, 11, 24))
        for reponse in ReponseDeLaCour:
            for defavorable in REPONSES_DEFAVORABLES:
                assert _nombres_dans(regle_du_jour.formule(reponse, defavorable)) <= seuil
    for formule in formules_legales():
        assert not re.search(r"\d", formule)
        assert re.fullmatch(
            r"oui|non|sans objet|(oui|non) à la majorité( de (six|sept|huit) voix au moins)?", formule
        )


@st.composite
def dossiers_avec_causes(draw: st.DrawFn) -> Dossier:
    """Les dossiers de la feuille, parfois avec une cause d'irresponsabilité invoquée."""
    dossier = dossier_synthetique(TirageHypothesis(draw), FORME)
    donnees = dossier.model_dump(mode="json", exclude_none=True)
    for fait in donnees["faits"]:
        if draw(st.integers(0, 3)) == 0:
            auteur = fait["participants"][0]["accuse"]
            article, alinea = draw(st.sampled_from([("122-1", 1), ("122-5", 1), ("122-2", None)]))
            cause = {"accuse": auteur, "article": article}
            if alinea:
                cause["alinea"] = alinea
            fait["causes_irresponsabilite"] = [cause]
    donnees["juridiction"]["type"] = draw(st.sampled_from([t.value for t in TypeJuridiction]))
    return Dossier.model_validate(donnees)


@settings(max_examples=60, deadline=None)
@given(dossiers_avec_causes(), st.data())
def test_un_delibere_au_hasard_ne_garde_que_des_formules_legales(
    dossier: Dossier, data: st.DataObject
) -> None:
    feuille = etablir_feuille(dossier, [])
    assume(not [d for d in feuille.diagnostics if d.gravite.value == "erreur"])
    jour = data.draw(st.dates(premier_jour(dossier.juridiction.type), date(2031, 12, 31)))
    regle = majorite(dossier.juridiction.type, jour)
    plan = etablir_plan(dossier, feuille)
    delibere = Delibere.ouvrir(plan, regle)
    while (question := delibere.prochaine_question()) is not None:
        decompte = data.draw(decomptes(regle.votants))
        delibere = delibere.voter(question.numero, decompte)
        reponse = delibere.reponses[question.numero]
        # Jamais la réponse défavorable à l'accusé sans le nombre de voix que la loi exige.
        assert reponse is not question.defavorable or _voix(decompte, reponse) >= regle.voix_defavorables
    assert set(delibere.reponses) == {q.numero for q in plan.questions}
    assert verifier_les_reponses(plan, delibere.reponses) == []
    repondue = inscrire(feuille, plan, regle, delibere.reponses, {}, jour)
    seuil = {nombre_en_lettres(regle.regle.voix_exigees)} if regle.regle.voix_exigees else set()
    for reponse in repondue.reponses:
        assert reponse.formule in formules_legales()
        assert _nombres_dans(reponse.formule) <= seuil
    stockee = json.dumps(repondue.en_json(), ensure_ascii=False)
    assert not re.search(r'"(oui|non|blancs|nuls|voix|decompte)"\s*:', stockee)


PEINES = [ans(n) for n in (10, 11, 12, 15, 18, 20, 25, 30)] + [
    perpetuite(),
    Peine(NaturePeine.EMPRISONNEMENT, 30),
]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_les_tours_de_scrutin_respectent_les_majorites_et_ecartent_la_peine_la_plus_forte(
    data: st.DataObject,
) -> None:
    regle_du_jour = data.draw(majorites())
    maximum = data.draw(st.sampled_from([ans(15), ans(20), ans(30), perpetuite()]))
    regle = RegleDeLaPeine(regle_du_jour, maximum, data.draw(st.booleans()))
    tours = ToursDeScrutin()
    plafonds: list[Peine] = []
    for _ in range(6):
        permises = [
            p for p in PEINES if not p.plus_forte_que(regle.maximum_prononcable) and (p.mois or 0) <= 360
        ]
        choisies = data.draw(st.lists(st.sampled_from(permises), min_size=1, max_size=4, unique=True))
        bulletins = data.draw(decomptes(regle.votants))
        voix = [bulletins.oui, bulletins.non, bulletins.blancs][: len(choisies)]
        propositions = [Proposition(p, v) for p, v in zip(choisies, voix, strict=False)]
        reste = regle.votants - sum(p.voix for p in propositions)
        try:
            tours_suivants = depouiller_un_tour(regle, tours, propositions, blancs=reste)
        except PeineRefusee:
            # Refus légitime : une peine écartée (plafond) ou une nature que le maximum exclut.
            assert tours.plafond is not None or any(
                p.peine.nature is not maximum.nature and p.peine.nature.criminelle for p in propositions
            )
            continue
        for proposition in propositions:
            if proposition.voix and tours.plafond is not None:
                assert tours.plafond.plus_forte_que(proposition.peine)
        tours = tours_suivants
        if tours.plafond is not None:
            # Ce qui est écarté ne revient jamais : le plafond ne fait que baisser.
            if plafonds:
                assert not tours.plafond.plus_forte_que(plafonds[-1])
            plafonds.append(tours.plafond)
        if tours.peine_prononcee is not None:
            gagnante = next(p for p in propositions if p.peine == tours.peine_prononcee)
            assert gagnante.voix >= regle.majorite_absolue
            if regle.exige_la_majorite_qualifiee(gagnante.peine):
                exigees = regle_du_jour.voix_pour_le_maximum
                assert exigees is not None and gagnante.voix >= exigees
            assert tours.mention is not None and not re.search(r"\d", tours.mention)
            break
