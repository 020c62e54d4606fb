"""Créer une affaire à partir d'un dossier (la décision de mise en accusation), ou le remplacer.

Le dossier arrive déjà validé (``pretoire.law.mise_en_accusation``) ; l'import est atomique.

Dans une affaire existante, le greffier importe le dossier tant que les débats n'ont pas
commencé : le journal d'audience renvoie aux accusés et aux faits par leur identifiant, et la
feuille de questions se lit sur le dossier ; le dossier ne change donc plus sous les débats
(premier événement consigné). Le dossier importé doit être celui de l'affaire (numéro,
juridiction, session, premier jour d'audience), et une partie qu'un avocat représente ne
disparaît pas sans que son affectation ait été retirée.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from django.db import transaction

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.erreurs import Chemin
from pretoire.law.mise_en_accusation import Dossier
from pretoire.law.redaction import date_en_toutes_lettres

from .models import (
    Accuse,
    Affaire,
    Affectation,
    DecisionMiseEnAccusation,
    Fait,
    JourAudience,
    Juridiction,
    Participation,
    Session,
    Victime,
)


class ImportRefuse(Exception):
    """Le dossier ne peut pas entrer dans cette affaire ; ``erreurs`` dit pourquoi, en français."""

    def __init__(self, erreurs: list[str]) -> None:
        super().__init__("\n".join(erreurs))
        self.erreurs = erreurs


@transaction.atomic
def do_importer_dossier(dossier: Dossier, affaire: Affaire | None = None) -> Affaire:
    """Crée l'affaire du dossier (juridiction et session au besoin), ou remplace le dossier de
    ``affaire`` : parties, décision de mise en accusation et faits. Rien n'est écrit si
    l'import est refusé (``ImportRefuse``)."""
    if affaire is None:
        return _creer(dossier.model_dump())
    # Même verrou que pour consigner un événement : l'import et le premier événement du
    # journal ne peuvent se croiser.
    affaire = Affaire.objects.select_for_update().get(pk=affaire.pk)
    refus = [message for _, message in controles_d_import(affaire, dossier)]
    if refus:
        raise ImportRefuse(refus)
    _remplacer(affaire, dossier.model_dump())
    return affaire


def debats_commences(affaire: Affaire) -> int:
    """Le nombre d'événements du journal d'audience (0 : le dossier peut encore être importé).

    Les changements d'affectation n'y comptent pas : ils ne renvoient à aucun fait du dossier, et
    une partie représentée ne peut en disparaître (``_parties_representees``)."""
    return affaire.evenements.exclude(type=TypeEvenement.AFFECTATION).count()


def controles_d_import(affaire: Affaire, dossier: Dossier) -> Iterator[tuple[Chemin, str]]:
    """Ce qui interdit d'importer ``dossier`` dans ``affaire`` : chaque refus avec le champ du
    fichier à corriger (le chemin vide quand c'est l'affaire qui doit changer)."""
    evenements = debats_commences(affaire)
    if evenements:
        yield (
            (),
            f"les débats ont commencé : le journal d'audience compte {evenements} événement(s), et"
            " le dossier ne change plus sous les débats.",
        )
    if dossier.affaire.numero != affaire.numero:
        yield (
            ("affaire", "numero"),
            f"ce dossier est celui de l'affaire n° {dossier.affaire.numero}, non de l'affaire"
            f" n° {affaire.numero} : vérifiez le fichier choisi.",
        )
    juridiction = affaire.session.juridiction
    for champ, attendu, lu in (
        ("type", juridiction.type, dossier.juridiction.type.value),
        ("nom", juridiction.nom, dossier.juridiction.nom),
        ("siege", juridiction.siege, dossier.juridiction.siege),
    ):
        if lu != attendu:
            yield (
                ("juridiction", champ),
                f"l'affaire est jugée par « {juridiction.nom} » ({juridiction.get_type_display()},"
                f" siège {juridiction.siege}) ; le dossier indique « {lu} ».",
            )
    session = affaire.session
    if dossier.session is not None and (
        (dossier.session.intitule, dossier.session.debut, dossier.session.fin)
        != (session.intitule, session.debut, session.fin)
    ):
        yield (
            ("session",),
            f"l'affaire est inscrite à la « {session.intitule} » (du"
            f" {date_en_toutes_lettres(session.debut)} au {date_en_toutes_lettres(session.fin)}) ;"
            " corrigez la session du dossier ou retirez-la.",
        )
    premier_jour = affaire.jours_audience.order_by("date").first()
    if premier_jour is not None and premier_jour.date != dossier.affaire.date_proces:
        yield (
            ("affaire", "date_proces"),
            f"la date du procès doit être le premier jour d'audience de l'affaire, le"
            f" {date_en_toutes_lettres(premier_jour.date)} : elle choisit la numérotation citée"
            " sur la feuille de questions.",
        )
    yield from _parties_representees(affaire, dossier)


def _parties_representees(affaire: Affaire, dossier: Dossier) -> Iterator[tuple[Chemin, str]]:
    """Une partie qu'un avocat représente ne peut disparaître du dossier."""
    gardees = {a.id for a in dossier.accuses} | {v.id for v in dossier.victimes}
    affectations = Affectation.objects.filter(affaire=affaire).select_related(
        "utilisateur", "accuse", "victime"
    )
    for affectation in affectations:
        for partie, liste in ((affectation.accuse, "accuses"), (affectation.victime, "victimes")):
            if partie is not None and partie.identifiant not in gardees:
                yield (
                    (liste,),
                    f"« {partie.identifiant} » ({partie.nom_complet}) est absent du dossier, mais"
                    f" {affectation.utilisateur.nom_complet()} représente cette partie : gardez-la,"
                    " ou retirez d'abord l'affectation dans l'administration.",
                )


def _creer(dossier: Mapping[str, Any]) -> Affaire:
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
    affaire = Affaire.objects.create(
        session=session, numero=dossier["affaire"]["numero"], intitule=_intitule(dossier)
    )
    JourAudience.objects.create(affaire=affaire, date=date_proces)
    accuses = {
        a["id"]: Accuse.objects.create(affaire=affaire, identifiant=a["id"], **_identite(a))
        for a in dossier["accuses"]
    }
    victimes = {
        v["id"]: Victime.objects.create(affaire=affaire, identifiant=v["id"], **_identite(v))
        for v in dossier["victimes"]
    }
    decision = DecisionMiseEnAccusation.objects.create(affaire=affaire, **_decision(dossier))
    _creer_faits(decision, dossier, accuses, victimes)
    return affaire


def _remplacer(affaire: Affaire, dossier: Mapping[str, Any]) -> None:
    """Les parties gardent leur ligne (et les affectations qui les désignent) ; les faits du
    dispositif sont réécrits, et l'intitulé nomme les accusés du dossier."""
    affaire.intitule = _intitule(dossier)
    affaire.save(update_fields=["intitule"])
    if not affaire.jours_audience.exists():
        JourAudience.objects.create(affaire=affaire, date=dossier["affaire"]["date_proces"])
    decision, _ = DecisionMiseEnAccusation.objects.update_or_create(
        affaire=affaire, defaults=_decision(dossier)
    )
    Participation.objects.filter(fait__decision=decision).delete()
    for fait in decision.faits.all():
        fait.victimes.clear()
    decision.faits.all().delete()
    accuses = _mettre_a_jour(Accuse, affaire, dossier["accuses"])
    victimes = _mettre_a_jour(Victime, affaire, dossier["victimes"])
    _creer_faits(decision, dossier, accuses, victimes)


def _mettre_a_jour(
    modele: type[Accuse] | type[Victime], affaire: Affaire, personnes: list[Mapping[str, Any]]
) -> dict[str, Any]:
    modele.objects.filter(affaire=affaire).exclude(identifiant__in=[p["id"] for p in personnes]).delete()
    return {
        p["id"]: modele.objects.update_or_create(affaire=affaire, identifiant=p["id"], defaults=_identite(p))[
            0
        ]
        for p in personnes
    }


def _intitule(dossier: Mapping[str, Any]) -> str:
    """« Ministère public c. Marc DURAND, Inès FABRE », abrégé en « … et autres » au-delà de ce
    que le champ contient."""
    noms = [f"{a['prenoms'].split()[0]} {a['nom'].upper()}" for a in dossier["accuses"]]
    longueur = Affaire._meta.get_field("intitule").max_length or 200
    for nombre in range(len(noms), 0, -1):
        suite = "" if nombre == len(noms) else " et autres"
        intitule = f"Ministère public c. {', '.join(noms[:nombre])}{suite}"
        if len(intitule) <= longueur:
            return intitule
    return intitule[: longueur - 1] + "…"


def _decision(dossier: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "nature": dossier["decision"]["nature"],
        "date": dossier["decision"]["date"],
        "auteur": dossier["decision"]["auteur"],
        "cour_assises_des_mineurs": bool(dossier["decision"].get("cour_assises_des_mineurs")),
    }


def _creer_faits(
    decision: DecisionMiseEnAccusation,
    dossier: Mapping[str, Any],
    accuses: Mapping[str, Accuse],
    victimes: Mapping[str, Victime],
) -> None:
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
            inceste=f.get("inceste"),
        )
        fait.victimes.set([victimes[v] for v in f["victimes"]])
        for participant in f["participants"]:
            Participation.objects.create(
                fait=fait,
                accuse=accuses[participant["accuse"]],
                qualite=participant["qualite"],
                mode_complicite=participant.get("mode_complicite") or "",
                moyens_de_provocation=list(participant.get("moyens_de_provocation") or []),
            )


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


# --- Affectations : qui siège ou plaide, chaque changement écrit au journal de l'affaire ---------


def _description(affectation: Affectation) -> dict[str, str]:
    partie = affectation.accuse or affectation.victime
    return {
        "identifiant": affectation.utilisateur.username,
        "personne": affectation.utilisateur.nom_complet(),
        "role": affectation.get_role_display(),
        "partie": f"{partie.identifiant} — {partie.nom_complet}" if partie is not None else "",
    }


def _consigner_affectation(
    affectation: Affectation, operation: str, auteur: Utilisateur, avant: str = ""
) -> None:
    donnees = {"operation": operation, **_description(affectation)}
    if avant:
        donnees["avant"] = avant
    do_consigner_evenement(
        affectation.affaire, TypeEvenement.AFFECTATION, donnees, auteur=auteur, par_l_administration=True
    )


@transaction.atomic
def do_enregistrer_affectation(affectation: Affectation, *, auteur: Utilisateur) -> Affectation:
    """Enregistre une affectation nouvelle ou modifiée et l'écrit au journal de son affaire (au
    journal des deux affaires si elle change d'affaire) ; rien si rien n'a changé."""
    ancienne = (
        Affectation.objects.select_related("utilisateur", "affaire", "accuse", "victime")
        .filter(pk=affectation.pk)
        .first()
        if affectation.pk
        else None
    )
    affectation.save()
    if ancienne is None:
        _consigner_affectation(affectation, "ajout", auteur)
    elif ancienne.affaire_id != affectation.affaire_id:
        _consigner_affectation(ancienne, "retrait", auteur)
        _consigner_affectation(affectation, "ajout", auteur)
    elif _description(ancienne) != _description(affectation):
        avant = _description(ancienne)
        resume = f"{avant['personne']} ({avant['identifiant']}), {avant['role']}"
        if avant["partie"]:
            resume += f", pour {avant['partie']}"
        _consigner_affectation(affectation, "modification", auteur, avant=resume)
    return affectation


@transaction.atomic
def do_retirer_affectation(affectation: Affectation, *, auteur: Utilisateur) -> None:
    """Retire l'affectation et l'écrit au journal de son affaire."""
    _consigner_affectation(affectation, "retrait", auteur)
    affectation.delete()
