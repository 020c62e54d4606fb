from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .access import (
    ROLES_DU_SIEGE,
    ROLES_QUI_CONSIGNENT,
    access_affaire_by_id,
    affaires_de,
    roles_dans_affaire,
)
from .models import Affaire, Role


def contexte_entete(request: HttpRequest, affaire: Affaire) -> dict[str, object]:
    """Ce que l'en-tête commun des pages d'une affaire affiche (rôles, onglets permis)."""
    roles = roles_dans_affaire(request.user, affaire)  # type: ignore[arg-type]
    return {
        "affaire": affaire,
        "mes_roles": [Role(r).label for r in sorted(roles)],
        "est_greffier": bool(roles & ROLES_QUI_CONSIGNENT),
        "est_siege": bool(roles & ROLES_DU_SIEGE),
        "est_president": Role.PRESIDENT in roles,
    }


def _contexte_affaire(request: HttpRequest, affaire: Affaire) -> dict[str, object]:
    decision = getattr(affaire, "decision_mise_en_accusation", None)
    return {
        **contexte_entete(request, affaire),
        "evenements": affaire.evenements.select_related("corrige").order_by("-numero"),
        "decision": decision,
        "faits": decision.faits.prefetch_related("victimes", "participations__accuse") if decision else [],
        "accuses": affaire.accuses.all(),
        "victimes": affaire.victimes.all(),
        "siege": affaire.affectations.select_related("utilisateur").order_by("role"),
        "jours": affaire.jours_audience.all(),
    }


@login_required
def accueil(request: HttpRequest) -> HttpResponse:
    return render(request, "proces/accueil.html", {"affaires": affaires_de(request.user)})  # type: ignore[arg-type]


@login_required
def affaire(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id)  # type: ignore[arg-type]
    return render(request, "proces/affaire.html", _contexte_affaire(request, affaire))


@login_required
def presidence(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DU_SIEGE)  # type: ignore[arg-type]
    return render(request, "proces/presidence.html", _contexte_affaire(request, affaire))


def acces_refuse(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "erreur.html",
        {
            "titre": "Accès refusé",
            "message": ("Cette page est réservée aux personnes affectées à l'affaire sous le rôle requis."),
        },
        status=403,
    )


def introuvable(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "erreur.html",
        {
            "titre": "Page introuvable",
            "message": ("L'adresse demandée n'existe pas. Revenez à la liste de vos affaires."),
        },
        status=404,
    )


def erreur_serveur(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "erreur.html",
        {
            "titre": "Erreur du serveur",
            "message": (
                "Une erreur inattendue est survenue ; rien n'a été enregistré. Le greffe a été prévenu."
            ),
        },
        status=500,
    )
