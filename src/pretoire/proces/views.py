from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pretoire.law.mise_en_accusation import DossierInvalide, charger_dossier

from .access import (
    ROLES_DU_SIEGE,
    ROLES_QUI_CONSIGNENT,
    access_affaire_by_id,
    affaires_de,
    roles_dans_affaire,
)
from .actions import ImportRefuse, controles_d_import, debats_commences, do_importer_dossier
from .formulaires import TAILLE_MAXIMUM, FormulaireImportDossier
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
    return render(request, "proces/affaire.html", _contexte_page_affaire(request, affaire))


def _contexte_page_affaire(
    request: HttpRequest, affaire: Affaire, formulaire: FormulaireImportDossier | None = None
) -> dict[str, object]:
    return {
        **_contexte_affaire(request, affaire),
        "evenements_au_journal": debats_commences(affaire),
        "formulaire_import": formulaire or FormulaireImportDossier(),
    }


@login_required
@require_POST
def importer_dossier(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Le greffier remplace le dossier de l'affaire par une décision de mise en accusation
    (YAML ou JSON, le format de ``pretoire.law.mise_en_accusation``) ; un refus laisse tout en
    l'état et dit, en français, quoi corriger et où."""
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_QUI_CONSIGNENT)  # type: ignore[arg-type]
    formulaire = FormulaireImportDossier()
    erreurs: list[str] = []
    # Un envoi démesuré est refusé avant d'être lu.
    if int(request.META.get("CONTENT_LENGTH") or 0) > TAILLE_MAXIMUM + 64 * 1024:
        erreurs.append(_("le fichier dépasse %(maximum)s Mio.") % {"maximum": TAILLE_MAXIMUM // 1024 // 1024})
    else:
        formulaire = FormulaireImportDossier(request.POST, request.FILES)
        if formulaire.is_valid():
            nom, texte = formulaire.cleaned_data["dossier"]
            try:
                dossier = charger_dossier(
                    texte, nom, autres_controles=lambda lu: controles_d_import(affaire, lu)
                )
                do_importer_dossier(dossier, affaire)
            except DossierInvalide as invalide:
                erreurs += [str(e) for e in invalide.erreurs]
            except ImportRefuse as refus:
                erreurs += refus.erreurs
            else:
                messages.success(
                    request,
                    _("Dossier importé : %(faits)s fait(s), %(accuses)s accusé(s), %(victimes)s victime(s).")
                    % {
                        "faits": len(dossier.faits),
                        "accuses": len(dossier.accuses),
                        "victimes": len(dossier.victimes),
                    },
                )
                return redirect("affaire", affaire_id=affaire.pk)
        else:
            erreurs += [str(e) for e in formulaire.errors["dossier"]]
    contexte = {**_contexte_page_affaire(request, affaire, formulaire), "erreurs_import": erreurs}
    return render(request, "proces/affaire.html", contexte, status=422)


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
