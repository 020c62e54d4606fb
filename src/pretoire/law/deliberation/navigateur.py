"""Le délibéré en données, pour l'écran du président qui calcule sans le réseau de la salle.

Tout ce qui décide vient d'ici : les seuils et les formules (``majorite``), l'ordre des votes, les
conditions et la réponse défavorable à l'accusé de chaque question (``ordre``), les
contradictions, les issues et la qualification retenue, les peines encourues. Le module ES
du navigateur (``static/pretoire/delibere.js``) n'y ajoute que l'arithmétique du dépouillement,
la même que ``majorite.constater`` et ``peine.depouiller_un_tour`` ; un test compare les deux
sur les mêmes entrées. Ses refus et les lignes de la peine sont des codes et des paramètres, que
l'écran rédige avec le catalogue ``messages`` reçu ici.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from pretoire.law.citations import ENTREE_EN_VIGUEUR_NOUVEAU_CODE, formater
from pretoire.law.deliberation import (
    excuse_de_minorite,
    minimums,
    peines_complementaires,
    periode_de_surete,
    retention_de_surete,
    sursis,
)
from pretoire.law.deliberation.majorite import REPONSES_DEFAVORABLES, Majorite, ReponseDeLaCour
from pretoire.law.deliberation.messages import MESSAGES
from pretoire.law.deliberation.ordre import Condition, PlanDeDeliberation
from pretoire.law.deliberation.peine import NaturePeine, Peine
from pretoire.law.deliberation.peine_entiere import FaitPourLaPeine, faits_en_json, mention

CAUTIONS = {
    "minorite": excuse_de_minorite.CAUTION,
    "minimums": minimums.CAUTION,
    "sursis": sursis.CAUTION,
    "surete": periode_de_surete.CAUTION,
    "complementaires": peines_complementaires.CAUTION,
    "retention": retention_de_surete.CAUTION,
}


def _peine(peine: Peine | None) -> dict[str, Any] | None:
    if peine is None:
        return None
    return {"nature": peine.nature.value, "mois": peine.mois, "libelle": peine.en_lettres()}


def _condition(condition: Condition | None) -> list[list[list[int | str]]] | None:
    return None if condition is None else condition.en_json()


def mentions(majorite: Majorite) -> dict[str, str | None]:
    """Les majorités que la feuille inscrit avec la peine et ses éléments : absolue (art. 362 al. 2),
    celle de l'art. 359 pour ce qui est défavorable, la qualifiée du maximum (None si les textes ne
    l'établissent pas à cette date)."""
    etablie = majorite.regle.majorite_simple or majorite.voix_pour_le_maximum is not None
    return {
        "absolue": mention(majorite, False),
        "defavorable": mention(majorite, True),
        "maximum": majorite.mention_de_majorite_pour_le_maximum() if etablie else None,
    }


def donnees_du_delibere(
    plan: PlanDeDeliberation,
    majorite: Majorite,
    date_deliberation: date,
    entree_en_vigueur_nouveau_code: date = ENTREE_EN_VIGUEUR_NOUVEAU_CODE,
    faits_pour_la_peine: Mapping[str, tuple[FaitPourLaPeine, ...]] | None = None,
) -> dict[str, Any]:
    """Ce que l'écran du délibéré reçoit ; ``empreinte`` le lie au plan que le serveur recalculera."""
    pour_la_peine = faits_pour_la_peine or {}
    donnees: dict[str, Any] = {
        "date_deliberation": date_deliberation.isoformat(),
        "type_juridiction": majorite.regle.type_juridiction.value,
        "cautions": CAUTIONS,
        "votants": majorite.votants,
        "voix_defavorables": majorite.voix_defavorables,
        "majorite_absolue": majorite.majorite_absolue,
        "voix_pour_le_maximum": majorite.voix_pour_le_maximum,
        "majorite_simple": majorite.regle.majorite_simple,
        "composition": majorite.composition.en_clair(),
        "reserve_composition": majorite.composition.reserve,
        # Selon la réponse défavorable à l'accusé pour la question (art. 359), la formule de chaque réponse.
        "formules": {
            d.value: {r.value: majorite.formule(r, d) for r in ReponseDeLaCour} for d in REPONSES_DEFAVORABLES
        },
        "natures_de_peine": {n.value: n.libelle for n in NaturePeine},
        # La majorité inscrite avec un élément de la peine, selon qu'il est défavorable (art. 359).
        "mentions": mentions(majorite),
        "questions": [
            {
                "numero": q.numero,
                "nature": q.nature.value,
                "accuse": q.accuse,
                "fait": q.fait,
                "texte": q.texte,
                "citation": "; ".join(
                    formater(r, date_deliberation, entree_en_vigueur_nouveau_code) for r in q.citations
                ),
                "condition": q.condition.en_json(),
                "defavorable": q.defavorable.value,
                "posee_au_delibere": q.posee_au_delibere,
                "non_verifie": q.non_verifie,
            }
            for q in plan.questions
        ],
        "incompatibilites": [
            {
                "premiere": [i.premiere.numero, i.premiere.reponse.value],
                "seconde": [i.seconde.numero, i.seconde.reponse.value],
                "motif": i.motif,
            }
            for i in plan.incompatibilites
        ],
        "accuses": [
            {
                "accuse": a.accuse,
                "nom": a.nom,
                "feminin": a.feminin,
                "faits": [
                    {
                        "fait": f.fait,
                        "libelle": f.libelle,
                        "coupable": _condition(f.coupable),
                        "trouble_mental": _condition(f.trouble_mental),
                        "qualifications": [
                            {
                                "libelle": q.libelle,
                                "condition": q.condition.en_json(),
                                "subsidiaire": q.subsidiaire,
                                "circonstances": [list(c) for c in q.circonstances],
                            }
                            for q in f.qualifications
                        ],
                    }
                    for f in a.faits
                ],
                "peines": [
                    {
                        "condition": p.condition.en_json(),
                        "fait": p.fait,
                        "aggravee": p.aggravee,
                        "peine": _peine(p.encourue.peine),
                        "certaine": p.encourue.certaine,
                        "amende": p.encourue.amende,
                    }
                    for p in a.peines
                ],
                "alteration": _condition(a.alteration),
                "cause_de_la_peine": _condition(a.exemption_ou_diminution),
                "faits_pour_la_peine": faits_en_json(pour_la_peine.get(a.accuse, ())),
            }
            for a in plan.accuses
        ],
    }
    donnees["empreinte"] = empreinte(donnees)
    # Les phrases des refus et des lignes de la peine : le navigateur ne les écrit pas lui-même.
    # Hors de l'empreinte : ce sont des mots, non des règles ; l'écran les reçoit dans sa langue.
    donnees["messages"] = dict(MESSAGES)
    return donnees


def empreinte(donnees: dict[str, Any]) -> str:
    """SHA-256 de la forme canonique des données, sans l'empreinte elle-même ni le catalogue."""
    canonique = json.dumps(
        {k: v for k, v in donnees.items() if k not in ("empreinte", "messages")},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(canonique.encode()).hexdigest()
