from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from pretoire.law.debats import OrdreDesDebatsViole, TypeEvenement
from pretoire.proces.access import ROLES_QUI_CONSIGNENT, access_affaire_by_id
from pretoire.proces.models import Affaire
from pretoire.proces.templatetags.proces import qualification_en_clair
from pretoire.proces.views import contexte_entete

from .actions import do_consigner_evenement, verifier_journal
from .donnees import DonneesInvalides
from .formulaires import champs_du_type, donnees_postees


def contexte_frise(affaire: Affaire) -> dict[str, Any]:
    return {
        "affaire": affaire,
        "evenements": affaire.evenements.select_related("corrige").order_by("-numero"),
    }


@login_required
def frise(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id)  # type: ignore[arg-type]
    return render(request, "journal/_frise.html", contexte_frise(affaire))


@login_required
def greffe(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_QUI_CONSIGNENT)  # type: ignore[arg-type]
    erreurs: list[str] = []
    type_choisi = ""
    if request.method == "POST":
        type_choisi = request.POST.get("type", "")
        try:
            type_evenement = TypeEvenement(type_choisi)
        except ValueError:
            erreurs.append("type d'événement : choisissez un type dans la liste.")
        else:
            try:
                evenement = do_consigner_evenement(
                    affaire,
                    type_evenement,
                    donnees_postees(type_evenement, request.POST),
                    auteur=request.user,  # type: ignore[arg-type]
                )
            except OrdreDesDebatsViole as refus:
                erreurs.append(str(refus))
            except DonneesInvalides as invalides:
                erreurs.extend(str(e) for e in invalides.erreurs)
            else:
                messages.success(request, f"Événement n° {evenement.numero} consigné : {evenement.libelle}.")
                return redirect("greffe", affaire_id=affaire.pk)

    accuses = [(a.identifiant, f"{a.identifiant} — {a.nom_complet}") for a in affaire.accuses.all()]
    decision = getattr(affaire, "decision_mise_en_accusation", None)
    faits = (
        [(f.identifiant, f"{f.identifiant} — {qualification_en_clair(f)}") for f in decision.faits.all()]
        if decision
        else []
    )
    # Les dépositions à distance de l'affaire, qu'une demande de donné acte peut viser.
    depositions = [
        (str(d["pk"]), f"n° {d['pk']} — {d['deposant']}")
        for d in affaire.depositions.order_by("pk").values("pk", "deposant")
    ]
    types = [
        {
            "type": t,
            "champs": champs_du_type(
                t, accuses=accuses, faits=faits, depositions=depositions, saisie=request.POST
            ),
        }
        for t in TypeEvenement
        if not t.de_la_visio and not t.de_l_administration
    ]
    contexte = {
        **contexte_entete(request, affaire),
        **contexte_frise(affaire),
        "types": types,
        "type_choisi": type_choisi,
        "erreurs": erreurs,
        "verification": verifier_journal(affaire),
    }
    return render(request, "journal/greffe.html", contexte, status=422 if erreurs else 200)


@login_required
def verification(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id)  # type: ignore[arg-type]
    return render(
        request,
        "journal/verification.html",
        {**contexte_entete(request, affaire), "resultat": verifier_journal(affaire)},
    )
