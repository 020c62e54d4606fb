"""Le module du navigateur (static/pretoire/delibere.js) décide comme le droit Python.

L'écran du président calcule sans le réseau : il ne reçoit du serveur que les règles en données
(``pretoire.law.deliberation.navigateur``) et refait le dépouillement en JavaScript. Ce test
joue les mêmes scrutins, les mêmes délibérés et les mêmes tours de peine dans Chromium et en
Python, et compare chaque résultat ; refus et lignes de la peine par leur code, leurs paramètres
et leur phrase rédigée avec le catalogue que le serveur envoie (``messages.MESSAGES``).
"""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, Route

from pretoire.law.deliberation import (
    Decompte,
    DecompteRefuse,
    Delibere,
    ReponseDeLaCour,
    VoteRefuse,
    constater,
    majorite,
)
from pretoire.law.deliberation.excuse_de_minorite import DecisionDeMinorite, StatutDeMinorite
from pretoire.law.deliberation.majorite import REPONSES_DEFAVORABLES, Majorite
from pretoire.law.deliberation.messages import MESSAGES, Message, Refus
from pretoire.law.deliberation.navigateur import donnees_du_delibere, mentions
from pretoire.law.deliberation.ordre import IssueDuFait, PlanDeDeliberation
from pretoire.law.deliberation.peine import (
    NaturePeine,
    Peine,
    PeineRefusee,
    Proposition,
    RegleDeLaPeine,
    ToursDeScrutin,
    depouiller_un_tour,
)
from pretoire.law.deliberation.peine_entiere import (
    FaitPourLaPeine,
    ModalitesDeLaPeine,
    adopter,
    faits_pour_la_peine,
    la_declaration_de_plein_droit_se_pose,
    lignes_de_la_peine,
    minorite_selon_reponses,
)
from pretoire.law.deliberation.peines_complementaires import PeineComplementaire
from pretoire.law.deliberation.retention_de_surete import ReponseRetention, la_question_se_pose
from pretoire.law.deliberation.sursis import NatureSursis, Sursis, mois_fermes
from pretoire.law.mise_en_accusation import TypeJuridiction
from tests.law.test_delibere_cas import CAS, _dossier_et_plan, plan_avec_contradiction_sur_les_faits
from tests.law.test_delibere_proprietes import premier_jour

STATIQUES = Path(__file__).resolve().parents[2] / "src" / "pretoire" / "static" / "pretoire"
ORIGINE = "http://pretoire.test"
JOURS = [date(2015, 6, 1), date(2020, 9, 1), date(2022, 2, 28), date(2022, 3, 1), date(2026, 11, 24)]

HARNAIS = """
async ({constats, deliberes, tours, messages}) => {
  const m = await import("/delibere.js");
  const essayer = (f) => {
    try { return { ok: f() }; } catch (e) {
      if (e instanceof m.Refus) return { refus: { ...e.motif, texte: m.rediger(messages, e.motif) } };
      throw e;
    }
  };
  const r1 = constats.map((c) => {
    const r = essayer(() => m.constater(c.regles, c.decompte, c.defavorable));
    return r.refus ? { refus: r.refus } : { reponse: r.ok };
  });
  const r2 = deliberes.map((d) => {
    let reponses = m.avecLesSansObjet(d.regles, new Map());
    return d.votes.map((v) => {
      const r = essayer(() =>
        v.nouveau ? m.nouveauVote(d.regles, reponses, v.numero) : m.voter(d.regles, reponses, v.numero, v.decompte));
      if (r.ok) reponses = r.ok;
      return {
        refus: r.refus ?? null,
        reponses: Object.fromEntries(reponses),
        prochaine: m.prochaineQuestion(d.regles, reponses)?.numero ?? null,
        contradictions: m.contradictions(d.regles, reponses).map((i) => i.motif),
        formules: Object.fromEntries(
          d.regles.questions.filter((q) => reponses.has(q.numero))
            .map((q) => [q.numero, m.formule(d.regles, q, reponses.get(q.numero))])),
        accuses: d.regles.accuses.map((a) => {
          const e = m.peineEncourue(a, reponses);
          return {
            faits: a.faits.map((f) => m.issueDuFait(f, reponses)),
            retenus: a.faits.map((f) => m.libelleRetenu(f, reponses)),
            encourue: e && { peine: e.peine && m.enLettres(e.peine), certaine: e.certaine },
            alteration: m.alterationRetenue(a, reponses),
            cause: m.causeDeLaPeineRetenue(a, reponses),
          };
        }),
      };
    });
  });
  const r3 = tours.map((t) => {
    let etat = m.premierTour();
    const regle = m.regleDeLaPeine(t.regles, t.maximum, t.alteration);
    return t.tours.map((tour) => {
      const r = essayer(() => m.depouillerUnTour(regle, etat, tour.propositions, tour.blancs, tour.nuls));
      if (r.ok) etat = r.ok;
      return {
        refus: r.refus ?? null,
        prononcee: etat.peine_prononcee && m.enLettres(etat.peine_prononcee),
        mention: etat.mention,
        plafond: etat.plafond && m.enLettres(etat.plafond),
        prochain: etat.prochain_tour,
        resultat: etat.dernier_resultat && { ...etat.dernier_resultat, texte: m.rediger(messages, etat.dernier_resultat) },
      };
    });
  });
  return { r1, r2, r3 };
}
"""


def _redige(message: Message) -> dict[str, Any]:
    """Ce que le navigateur doit rendre pour ce message : son code, ses paramètres, sa phrase."""
    return message.en_json() | {"texte": message.en_phrase()}


def _refus(erreur: Refus) -> dict[str, Any]:
    assert erreur.message is not None, f"refus hors du catalogue : {erreur}"
    return _redige(erreur.message)


def _regles_des_votes(regle: Majorite) -> dict[str, Any]:
    return {
        "votants": regle.votants,
        "voix_defavorables": regle.voix_defavorables,
        "majorite_absolue": regle.majorite_absolue,
        "voix_pour_le_maximum": regle.voix_pour_le_maximum,
        "majorite_simple": regle.regle.majorite_simple,
        "mentions": mentions(regle),
    }


def _majorite_au_hasard(hasard: random.Random) -> Majorite:
    type_juridiction = hasard.choice(list(TypeJuridiction))
    return majorite(
        type_juridiction, hasard.choice([j for j in JOURS if j >= premier_jour(type_juridiction)])
    )


def _decompte_au_hasard(hasard: random.Random, votants: int) -> dict[str, int]:
    oui = hasard.randint(0, votants)
    non = hasard.randint(0, votants - oui)
    blancs = hasard.randint(0, votants - oui - non)
    nuls = votants - oui - non - blancs
    if hasard.random() < 0.1:
        nuls += hasard.choice([-1, 1])
    return {"oui": oui, "non": non, "blancs": blancs, "nuls": nuls}


def _constats(hasard: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    cas, attendus = [], []
    for _ in range(400):
        regle = _majorite_au_hasard(hasard)
        decompte = _decompte_au_hasard(hasard, regle.votants)
        defavorable = hasard.choice(REPONSES_DEFAVORABLES)
        cas.append(
            {"regles": _regles_des_votes(regle), "decompte": decompte, "defavorable": defavorable.value}
        )
        try:
            attendus.append({"reponse": constater(regle, Decompte(**decompte), defavorable).value})
        except DecompteRefuse as refus:
            attendus.append({"refus": _refus(refus)})
    return cas, attendus


def _etape(plan: PlanDeDeliberation, delibere: Delibere, refus: dict[str, Any] | None) -> dict[str, Any]:
    prochaine = delibere.prochaine_question()
    accuses = []
    for issue in plan.accuses:
        encourue = issue.peine_encourue(delibere.reponses)
        accuses.append(
            {
                "faits": [f.issue(delibere.reponses).value for f in issue.faits],
                "retenus": [f.libelle_retenu(delibere.reponses) for f in issue.faits],
                "encourue": encourue
                and {"peine": encourue.peine and encourue.peine.en_lettres(), "certaine": encourue.certaine},
                "alteration": issue.alteration_retenue(delibere.reponses),
                "cause": issue.cause_de_la_peine_retenue(delibere.reponses),
            }
        )
    return {
        "refus": refus,
        "reponses": {str(n): r.value for n, r in delibere.reponses.items()},
        "prochaine": prochaine.numero if prochaine else None,
        "contradictions": [i.motif for i in delibere.contradictions()],
        "formules": {
            str(question.numero): delibere.majorite.formule(
                delibere.reponses[question.numero], question.defavorable
            )
            for question in plan.questions
            if question.numero in delibere.reponses
        },
        "accuses": accuses,
    }


def _deliberes(hasard: random.Random) -> tuple[list[dict[str, Any]], list[list[dict[str, Any]]]]:
    cas, attendus = [], []
    situations = yaml.safe_load((CAS / "ordre.yaml").read_text())
    plans = [_dossier_et_plan(situation)[:2] for situation in situations]
    dossier, plan = _dossier_et_plan({"base": "mineure_deux_faits"})[:2]
    plans.append((dossier, plan_avec_contradiction_sur_les_faits(plan)))
    # Un nouveau vote sur une question dont une autre dépend : écrit, non laissé au hasard.
    unanime, minoritaire = (
        {"oui": 9, "non": 0, "blancs": 0, "nuls": 0},
        {"oui": 2, "non": 7, "blancs": 0, "nuls": 0},
    )
    ecrit = [{"nouveau": False, "numero": n, "decompte": unanime} for n in (1, 2, 3, 4)]
    ecrit += [{"nouveau": True, "numero": 1}, {"nouveau": False, "numero": 1, "decompte": minoritaire}]
    for dossier, plan in plans:
        for essai in range(4):
            jour = hasard.choice([j for j in JOURS if j >= premier_jour(dossier.juridiction.type)])
            regle = majorite(dossier.juridiction.type, jour)
            delibere = Delibere.ouvrir(plan, regle)
            votes, etapes = [], []
            scenario = ecrit if plan.incompatibilites and essai == 0 and len(plan.questions) == 4 else None
            for rang in range(len(scenario) if scenario else len(plan.questions) + 6):
                prochaine = delibere.prochaine_question()
                tirage = hasard.random()
                numero = hasard.choice([q.numero for q in plan.questions] + [99])
                if scenario:
                    vote: dict[str, Any] = scenario[rang]
                elif tirage < 0.15:
                    vote = {"nouveau": True, "numero": numero}
                else:
                    cible = prochaine.numero if prochaine and tirage < 0.85 else numero
                    vote = {
                        "nouveau": False,
                        "numero": cible,
                        "decompte": _decompte_au_hasard(hasard, regle.votants),
                    }
                refus = None
                try:
                    if vote["nouveau"]:
                        delibere = delibere.nouveau_vote(vote["numero"])
                    else:
                        delibere = delibere.voter(vote["numero"], Decompte(**vote["decompte"]))
                except (VoteRefuse, DecompteRefuse) as erreur:
                    refus = _refus(erreur)
                votes.append(vote)
                etapes.append(_etape(plan, delibere, refus))
            cas.append({"regles": donnees_du_delibere(plan, regle, jour), "votes": votes})
            attendus.append(etapes)
    return cas, attendus


PEINES = [Peine(NaturePeine.RECLUSION_CRIMINELLE, 12 * n) for n in (10, 12, 15, 18, 20, 25, 30, 31)] + [
    Peine(NaturePeine.RECLUSION_CRIMINELLE, None),
    Peine(NaturePeine.EMPRISONNEMENT, 30),
    Peine(NaturePeine.DETENTION_CRIMINELLE, 240),
    # Sous les minimums des art. 131-1 et 132-18 CP.
    Peine(NaturePeine.RECLUSION_CRIMINELLE, 119),
    Peine(NaturePeine.EMPRISONNEMENT, 18),
]


def _peine_js(peine: Peine) -> dict[str, Any]:
    return {"nature": peine.nature.value, "mois": peine.mois}


def _tours(hasard: random.Random) -> tuple[list[dict[str, Any]], list[list[dict[str, Any]]]]:
    cas, attendus = [], []
    for _ in range(150):
        regle_du_jour = _majorite_au_hasard(hasard)
        maximum = hasard.choice([PEINES[2], PEINES[4], PEINES[6], PEINES[8]])
        alteration = hasard.random() < 0.3
        regle = RegleDeLaPeine(regle_du_jour, maximum, alteration)
        etat = ToursDeScrutin()
        tours, etapes = [], []
        for _ in range(5):
            choisies = hasard.sample(PEINES, hasard.randint(1, 3))
            voix = [hasard.randint(0, regle.votants) for _ in choisies]
            reste = regle.votants - sum(voix)
            blancs = max(reste, 0) if hasard.random() < 0.9 else max(reste, 0) + 1
            tour = {
                "propositions": [
                    {"peine": _peine_js(p), "voix": v} for p, v in zip(choisies, voix, strict=True)
                ]
            }
            tour |= {"blancs": blancs, "nuls": 0}
            refus = None
            try:
                etat = depouiller_un_tour(
                    regle, etat, [Proposition(p, v) for p, v in zip(choisies, voix, strict=True)], blancs, 0
                )
            except (PeineRefusee, DecompteRefuse) as erreur:
                refus = _refus(erreur)
            tours.append(tour)
            etapes.append(
                {
                    "refus": refus,
                    "prononcee": etat.peine_prononcee and etat.peine_prononcee.en_lettres(),
                    "mention": etat.mention,
                    "plafond": etat.plafond and etat.plafond.en_lettres(),
                    "prochain": etat.prochain_tour,
                    "resultat": etat.dernier_resultat and _redige(etat.dernier_resultat),
                }
            )
        regles = _regles_des_votes(regle_du_jour)
        cas.append(
            {"regles": regles, "maximum": _peine_js(maximum), "alteration": alteration, "tours": tours}
        )
        attendus.append(etapes)
    return cas, attendus


def _servir(route: Route) -> None:
    nom = route.request.url.removeprefix(ORIGINE + "/")
    if nom.endswith(".js"):
        route.fulfill(path=STATIQUES / nom, content_type="text/javascript")
    else:
        route.fulfill(body="<!doctype html><title>essai</title>", content_type="text/html")


def test_le_module_du_navigateur_decide_comme_le_droit_python(navigateur: Browser) -> None:
    hasard = random.Random(20261124)
    constats, constats_attendus = _constats(hasard)
    deliberes, deliberes_attendus = _deliberes(hasard)
    tours, tours_attendus = _tours(hasard)
    page = navigateur.new_page()
    page.route(f"{ORIGINE}/**", _servir)
    page.goto(f"{ORIGINE}/essai.html")
    resultats = page.evaluate(
        HARNAIS, {"constats": constats, "deliberes": deliberes, "tours": tours, "messages": MESSAGES}
    )
    page.close()
    assert resultats["r1"] == constats_attendus
    for obtenu, attendu in zip(resultats["r2"], deliberes_attendus, strict=True):
        assert obtenu == attendu
    for obtenu, attendu in zip(resultats["r3"], tours_attendus, strict=True):
        assert obtenu == attendu
    # Le hasard a bien exercé les refus comme les réponses.
    assert any("refus" in r for r in constats_attendus) and any("reponse" in r for r in constats_attendus)
    etapes = [e for d in deliberes_attendus for e in d]
    assert any(e["refus"] for e in etapes) and any(e["contradictions"] for e in etapes)
    assert any(ReponseDeLaCour.SANS_OBJET.value in e["reponses"].values() for e in etapes)
    assert any(IssueDuFait.IRRESPONSABLE.value in a["faits"] for e in etapes for a in e["accuses"])
    # La majorité allée au « non », et la qualification subsidiaire nommée.
    assert any(
        r.get("reponse") == "oui" and c["defavorable"] == "non"
        for r, c in zip(constats_attendus, constats, strict=True)
    )
    assert any(f.startswith("non à la majorité") for e in etapes for f in e["formules"].values())
    assert any("question subsidiaire n°" in r for e in etapes for a in e["accuses"] for r in a["retenus"])
    assert any(
        "circonstance aggravante retenue" in r for e in etapes for a in e["accuses"] for r in a["retenus"]
    )
    assert any(e["prononcee"] for d in tours_attendus for e in d)
    assert any(e["refus"] for d in tours_attendus for e in d)


# --- La peine entière : sursis, sûreté, amende, complémentaires, réexamen, minorité ------------

HARNAIS_DE_LA_PEINE = """
async ({cas, scrutins, messages}) => {
  const m = await import("/delibere.js");
  const redige = (message) => ({ ...message, texte: m.rediger(messages, message) });
  const lignes = cas.map((c) => {
    const accuse = c.regles.accuses[0];
    const reponses = new Map(Object.entries(c.reponses).map(([n, r]) => [Number(n), r]));
    try {
      return { lignes: m.lignesDeLaPeine(c.regles, accuse, reponses, c.peine, c.modalites).map(redige) };
    } catch (e) {
      if (e instanceof m.Refus) return { refus: redige(e.motif) };
      throw e;
    }
  });
  const adoptions = scrutins.map((s) => {
    try { return { adopte: m.adopter(s.regles, s.decompte, s.defavorable) }; }
    catch (e) { if (e instanceof m.Refus) return { refus: redige(e.motif) }; throw e; }
  });
  return { lignes, adoptions };
}
"""

PEINES_ENTIERES = (
    [Peine(NaturePeine.RECLUSION_CRIMINELLE, 12 * n) for n in (10, 14, 15, 18, 20, 30)]
    + [Peine(NaturePeine.RECLUSION_CRIMINELLE, None)]
    + [Peine(NaturePeine.EMPRISONNEMENT, mois) for mois in (12, 36, 48, 60, 61, 72, 121)]
)


def _modalites_au_hasard(hasard: random.Random) -> dict[str, Any]:
    choix: dict[str, Any] = {}
    if hasard.random() < 0.4:
        choix["minorite"] = {
            "condamnation_penale": hasard.choice(["oui", "oui", "oui", "non"]),
            "exclusion": hasard.choice([None, "oui", "non", "sans objet"]),
        }
    if hasard.random() < 0.35:
        choix["sursis"] = {
            "nature": hasard.choice(["simple", "probatoire"]),
            "mois": hasard.choice([None, 6, 24, 48, 61]),
            "delai_d_epreuve": hasard.choice([None, 11, 12, 24, 36, 37]),
        }
    choix["surete_de_plein_droit"] = hasard.choice([None, None, True, False])
    choix["periode_de_surete"] = hasard.choice([None, None, 12, 48, 60, 108, 144, 145, 216, 264, 265])
    choix["amende"] = hasard.choice([None, None, 1_000, 7_500, 7_501, 150_000, 150_001])
    choix["peines_complementaires"] = hasard.choice(
        [
            [],
            [],
            [{"libelle": "interdiction de séjour", "article": "131-31"}],
            [{"libelle": " ", "article": "1"}],
            [{"libelle": "confiscation", "article": "voir"}],
        ]
    )
    choix["retention"] = hasard.choice([None, None, "oui", "non", "hors_cas"])
    return choix


def _rendre_vraisemblable(
    hasard: random.Random,
    choix: dict[str, Any],
    plan: PlanDeDeliberation,
    regle: Majorite,
    delibere: Delibere,
    faits: tuple[FaitPourLaPeine, ...],
    jour: date,
    peine: Peine,
) -> None:
    """Ce que le président doit dire, dit : sans quoi le hasard ne ferait que des refus."""
    minorite = minorite_selon_reponses(plan, regle, faits, delibere.reponses, "A1", jour)
    choix.pop("minorite", None)
    if minorite.statut is StatutDeMinorite.EXCUSE:
        exclusion = hasard.choice(["oui", "non"]) if minorite.exclusion_possible else None
        choix["minorite"] = {"condamnation_penale": "oui", "exclusion": exclusion}
    sursis = choix.get("sursis")
    fermes = mois_fermes(peine, Sursis(NatureSursis(sursis["nature"]), sursis["mois"]) if sursis else None)
    se_pose = la_declaration_de_plein_droit_se_pose(minorite, fermes)
    choix["surete_de_plein_droit"] = hasard.choice([True, False]) if se_pose else None
    retenues = frozenset(f.qualification for f in faits if f.principal.remplie(delibere.reponses))
    reexamen = la_question_se_pose(peine, retenues)
    choix["retention"] = hasard.choice(["oui", "non", "hors_cas"]) if reexamen else None


def _modalites(choix: dict[str, Any]) -> ModalitesDeLaPeine:
    """Les modalités tirées au hasard, en valeurs pour le droit Python."""
    minorite = choix.get("minorite")
    sursis = choix.get("sursis")
    return ModalitesDeLaPeine(
        minorite=DecisionDeMinorite(
            ReponseDeLaCour(minorite["condamnation_penale"]),
            ReponseDeLaCour(minorite["exclusion"]) if minorite["exclusion"] else None,
        )
        if minorite
        else None,
        sursis=Sursis(NatureSursis(sursis["nature"]), sursis["mois"], sursis["delai_d_epreuve"])
        if sursis
        else None,
        surete_de_plein_droit=choix["surete_de_plein_droit"],
        periode_de_surete=choix["periode_de_surete"],
        amende=choix["amende"],
        peines_complementaires=tuple(PeineComplementaire(**p) for p in choix["peines_complementaires"]),
        retention=ReponseRetention(choix["retention"]) if choix["retention"] else None,
    )


def _peines_entieres(hasard: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    cas, attendus = [], []
    for situation in yaml.safe_load((CAS / "peine_entiere.yaml").read_text()):
        dossier, plan, _ = _dossier_et_plan(situation)
        jour = situation.get("date", date(2026, 11, 24))
        regle = majorite(dossier.juridiction.type, jour)
        delibere = Delibere.ouvrir(plan, regle)
        non = set(situation.get("non", []))
        while (question := delibere.prochaine_question()) is not None:
            oui = 0 if question.numero in non else regle.votants
            delibere = delibere.voter(question.numero, Decompte(oui=oui, non=regle.votants - oui))
        faits = faits_pour_la_peine(dossier, plan)
        regles = donnees_du_delibere(plan, regle, jour, faits_pour_la_peine=faits)
        for _ in range(30):
            peine = hasard.choice(PEINES_ENTIERES)
            choix = _modalites_au_hasard(hasard)
            if hasard.random() < 0.6:
                _rendre_vraisemblable(hasard, choix, plan, regle, delibere, faits["A1"], jour, peine)
            modalites = _modalites(choix)
            try:
                attendu: dict[str, Any] = {
                    "lignes": [
                        _redige(ligne)
                        for ligne in lignes_de_la_peine(
                            plan, regle, delibere.reponses, faits["A1"], jour, "A1", peine, modalites
                        )
                    ]
                }
            except PeineRefusee as refus:
                attendu = {"refus": _refus(refus)}
            cas.append(
                {
                    "regles": regles,
                    "reponses": {str(n): r.value for n, r in delibere.reponses.items()},
                    "peine": _peine_js(peine),
                    "modalites": choix,
                }
            )
            attendus.append(attendu)
    return cas, attendus


def _scrutins(hasard: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    cas, attendus = [], []
    for _ in range(200):
        type_juridiction = hasard.choice(list(TypeJuridiction))
        jours = [j for j in JOURS if j >= premier_jour(type_juridiction)]
        regle = majorite(type_juridiction, hasard.choice(jours))
        decompte = _decompte_au_hasard(hasard, regle.votants)
        defavorable = hasard.random() < 0.5
        cas.append({"regles": _regles_des_votes(regle), "decompte": decompte, "defavorable": defavorable})
        try:
            attendus.append({"adopte": adopter(regle, Decompte(**decompte), defavorable)})
        except DecompteRefuse as refus:
            attendus.append({"refus": _refus(refus)})
    return cas, attendus


def test_le_module_du_navigateur_decide_la_peine_entiere_comme_le_droit_python(navigateur: Browser) -> None:
    hasard = random.Random(20261203)
    cas, attendus = _peines_entieres(hasard)
    scrutins, scrutins_attendus = _scrutins(hasard)
    page = navigateur.new_page()
    page.route(f"{ORIGINE}/**", _servir)
    page.goto(f"{ORIGINE}/essai.html")
    resultats = page.evaluate(HARNAIS_DE_LA_PEINE, {"cas": cas, "scrutins": scrutins, "messages": MESSAGES})
    page.close()
    for entree, obtenu, attendu in zip(cas, resultats["lignes"], attendus, strict=True):
        assert obtenu == attendu, (entree["peine"], entree["modalites"])
    assert resultats["adoptions"] == scrutins_attendus
    # Le hasard a exercé chaque élément, accepté comme refusé.
    lignes = [ligne["texte"] for a in attendus for ligne in a.get("lignes", [])]
    refus = [a["refus"]["texte"] for a in attendus if "refus" in a]
    for fragment in (
        "Sursis :",
        "Période de sûreté",
        "Amende de",
        "Peine complémentaire",
        "réexamen",
        "Excuse de minorité",
    ):
        assert any(fragment in ligne for ligne in lignes), fragment
    for fragment in ("sursis", "sûreté", "amende", "article du code pénal", "706-53-13", "minorité"):
        assert any(fragment in r for r in refus), fragment


def test_aucune_phrase_du_catalogue_n_est_ecrite_dans_le_javascript() -> None:
    """Une phrase des refus ou des lignes de la peine n'a qu'une source : le catalogue Python."""
    sources = "".join((STATIQUES / nom).read_text() for nom in ("delibere.js", "delibere-ecran.js"))
    for code, gabarit in MESSAGES.items():
        for morceau in re.split(r"%\(\w+\)s", gabarit):
            if len(morceau) >= 24:
                assert morceau not in sources, (code, morceau)
