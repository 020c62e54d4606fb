"""Créer une affaire à partir d'un dossier (la décision de mise en accusation), et l'inverse.

Le dossier arrive déjà validé (``pretoire.law.mise_en_accusation``) ; l'import est atomique.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from pretoire.law.mise_en_accusation import Dossier

from .models import (
    Accuse,
    Affaire,
    DecisionMiseEnAccusation,
    Fait,
    JourAudience,
    Juridiction,
    Participation,
    Session,
    Victime,
)


@transaction.atomic
def do_importer_dossier(dossier: Dossier) -> Affaire:
    """Crée juridiction (si nouvelle), session, affaire, parties, décision et faits."""
    return _importer(dossier.model_dump())


def _importer(dossier: Mapping[str, Any]) -> Affaire:
    juridiction, _ = Juridiction.objects.get_or_create(
        type=dossier["juridiction"]["type"],
        nom=dossier["juridiction"]["nom"],
        defaults={"siege": dossier["juridiction"]["siege"]},
    )
    date_proces = dossier["affaire"]["date_proces"]
    donnees_session = dossier.get("session") or {
        "intitule": f"Session du {date_proces:%d/%m/%Y}",
        "debut": date_proces,
        "fin": date_proces,
    }
    session, _ = Session.objects.get_or_create(
        juridiction=juridiction,
        intitule=donnees_session["intitule"],
        defaults={"debut": donnees_session["debut"], "fin": donnees_session["fin"]},
    )
    accuses_donnees = dossier["accuses"]
    affaire = Affaire.objects.create(
        session=session,
        numero=dossier["affaire"]["numero"],
        intitule="Ministère public c. "
        + ", ".join(f"{a['prenoms'].split()[0]} {a['nom'].upper()}" for a in accuses_donnees),
    )
    JourAudience.objects.create(affaire=affaire, date=date_proces)
    accuses = {
        a["id"]: Accuse.objects.create(affaire=affaire, identifiant=a["id"], **_identite(a))
        for a in accuses_donnees
    }
    victimes = {
        v["id"]: Victime.objects.create(affaire=affaire, identifiant=v["id"], **_identite(v))
        for v in dossier["victimes"]
    }
    decision = DecisionMiseEnAccusation.objects.create(
        affaire=affaire,
        nature=dossier["decision"]["nature"],
        date=dossier["decision"]["date"],
        auteur=dossier["decision"]["auteur"],
    )
    for ordre, f in enumerate(dossier["faits"], start=1):
        periode = f.get("periode") or {}
        fait = Fait.objects.create(
            decision=decision,
            identifiant=f["id"],
            ordre=ordre,
            qualification=f["qualification"],
            tentative=f.get("tentative", False),
            date=f.get("date"),
            periode_debut=periode.get("debut"),
            periode_fin=periode.get("fin"),
            lieu=f["lieu"],
            enonce=f["enonce"],
            circonstances_aggravantes=_sans_vides(f.get("circonstances_aggravantes", [])),
            causes_exemption_diminution=_sans_vides(f.get("causes_exemption_diminution", [])),
            causes_irresponsabilite=_sans_vides(f.get("causes_irresponsabilite", [])),
        )
        fait.victimes.set([victimes[v] for v in f["victimes"]])
        for participant in f["participants"]:
            Participation.objects.create(
                fait=fait, accuse=accuses[participant["accuse"]], qualite=participant["qualite"]
            )
    return affaire


def _identite(personne: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "nom": personne["nom"],
        "prenoms": personne["prenoms"],
        "sexe": personne["sexe"],
        "date_naissance": personne.get("date_naissance"),
    }


def _sans_vides(elements: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    # Le JSON stocké ne garde que ce que le dossier a dit : un export redonne le même dossier.
    return [{cle: valeur for cle, valeur in e.items() if valeur not in (None, "", [])} for e in elements]
