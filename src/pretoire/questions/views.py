from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from pretoire.documents.rendu import rendre_feuille_de_questions
from pretoire.law.mise_en_accusation import dossier_en_yaml
from pretoire.law.questions import FeuilleDefectueuse
from pretoire.proces.access import ROLES_DU_SIEGE, ROLES_QUI_CONSIGNENT, access_affaire_by_id

from .actions import DossierIncomplet, dossier_de_l_affaire, feuille_a_l_ecran, feuille_prete


@login_required
def feuille(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Le fragment « feuille de questions » de la page de la présidence, relu à chaque événement."""
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DU_SIEGE)  # type: ignore[arg-type]
    try:
        contexte = {"affaire": affaire, "feuille": feuille_a_l_ecran(affaire)}
    except DossierIncomplet as incomplet:
        contexte = {"affaire": affaire, "dossier_incomplet": incomplet.erreurs}
    return render(request, "questions/_feuille.html", contexte)


@login_required
def feuille_pdf(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DU_SIEGE)  # type: ignore[arg-type]
    try:
        pdf = rendre_feuille_de_questions(feuille_prete(affaire))
    except DossierIncomplet as incomplet:
        return _sans_dossier(request, incomplet)
    except FeuilleDefectueuse as defectueuse:
        return render(
            request,
            "erreur.html",
            {
                "titre": _("Feuille de questions défectueuse"),
                "message": _(
                    "Le moteur a trouvé des erreurs sur la feuille de questions : aucun PDF n'est"
                    " établi tant qu'elles ne sont pas corrigées. %(erreurs)s"
                )
                % {"erreurs": " ".join(d.message for d in defectueuse.erreurs)},
            },
            status=409,
        )
    reponse = HttpResponse(pdf, content_type="application/pdf")
    nom = f"feuille-de-questions-{affaire.numero.replace('/', '-')}.pdf"
    reponse["Content-Disposition"] = f'inline; filename="{nom}"'
    return reponse


@login_required
def exporter_dossier(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(
        request.user,  # type: ignore[arg-type]
        affaire_id,
        ROLES_DU_SIEGE | ROLES_QUI_CONSIGNENT,
    )
    try:
        dossier = dossier_de_l_affaire(affaire)
    except DossierIncomplet as incomplet:
        return _sans_dossier(request, incomplet)
    reponse = HttpResponse(dossier_en_yaml(dossier), content_type="application/yaml; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="dossier-{affaire.numero.replace("/", "-")}.yaml"'
    return reponse


def _sans_dossier(request: HttpRequest, incomplet: DossierIncomplet) -> HttpResponse:
    return render(
        request,
        "erreur.html",
        {
            "titre": _("Pas de dossier complet"),
            "message": _("Le dossier de l'affaire est incomplet ou incohérent : %(raisons)s")
            % {"raisons": " ".join(incomplet.erreurs)},
        },
        status=404,
    )
