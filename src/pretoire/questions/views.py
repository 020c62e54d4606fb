from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pretoire.documents.rendu import rendre_feuille_de_questions
from pretoire.law.mise_en_accusation import dossier_en_yaml
from pretoire.proces.access import ROLES_DU_SIEGE, ROLES_QUI_CONSIGNENT, access_affaire_by_id

from .actions import dossier_de_l_affaire, feuille_a_l_ecran, feuille_de_l_affaire


@login_required
def feuille(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Le fragment « feuille de questions » de la page de la présidence, relu à chaque événement."""
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DU_SIEGE)  # type: ignore[arg-type]
    return render(
        request,
        "questions/_feuille.html",
        {"affaire": affaire, "feuille": feuille_a_l_ecran(affaire)},
    )


@login_required
def feuille_pdf(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DU_SIEGE)  # type: ignore[arg-type]
    pdf = rendre_feuille_de_questions(feuille_de_l_affaire(affaire))
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
    reponse = HttpResponse(
        dossier_en_yaml(dossier_de_l_affaire(affaire)), content_type="application/yaml; charset=utf-8"
    )
    reponse["Content-Disposition"] = f'attachment; filename="dossier-{affaire.numero.replace("/", "-")}.yaml"'
    return reponse
