"""L'écran du délibéré : vues minces autour de ``actions``.

Les décomptes ne viennent jamais ici : l'écran les garde en mémoire le temps d'un scrutin et
n'envoie, en POST, que les réponses et les peines. Les pages sont marquées ``no-store`` : le
délibéré est secret, aucun cache ne doit en garder une copie.
"""

from __future__ import annotations

import base64
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pretoire.comptes.models import Utilisateur
from pretoire.documents.actions import do_generer_document
from pretoire.documents.contenus import DocumentImpossible
from pretoire.documents.models import Document, NatureDocument
from pretoire.documents.signature import SignatureImpossible
from pretoire.law.deliberation.messages import REFUS
from pretoire.proces.access import access_documents_du_delibere_by_affaire_id
from pretoire.proces.models import Affaire, Role
from pretoire.proces.views import contexte_entete

from .access import access_delibere_by_affaire_id
from .actions import (
    DelibereRefuse,
    contexte_du_delibere,
    do_designer_l_assesseur,
    do_enregistrer_delibere,
    do_ouvrir_delibere,
    feuille_enregistree,
    lire_la_saisie,
    raisons_de_ne_pas_ouvrir,
)
from .models import Deliberation

# La feuille répondue, puis la feuille de motivation qui lui est annexée (art. 364 et 365-1 CPP).
NATURES_A_SCELLER = (NatureDocument.FEUILLE_REPONDUE, NatureDocument.FEUILLE_DE_MOTIVATION)


def _textes_de_l_ecran() -> dict[str, str]:
    """Les mots de l'écran que le module JavaScript affiche, traduits ici."""
    return {
        "question": _("Question n° %(numero)s"),
        "a_voter": _("à voter"),
        "non_defavorable": _(
            "Le « oui » à cette question profite à l'accusé : la décision défavorable est le « non »,"
            " qui exige seul la majorité (« %(formule)s ») ; blancs et nuls vont au « oui » (art. 358"
            " et 359 CPP)."
        ),
        "en_cours": _("scrutin en cours"),
        "resultat": _("Résultat du scrutin : %(formule)s"),
        "nouveau_vote": _("Nouveau vote sur la question n° %(numero)s"),
        "maintenir": _("Maintenir les réponses"),
        "tour": _("Tour n° %(numero)s"),
        "exempte": _("Exempté de peine (art. 363 CPP)."),
        "maximum": _("Maximum encouru : %(peine)s."),
        "maximum_reduit": _(
            "Maximum encouru : %(peine)s ; l'altération du discernement étant retenue, il est réduit à"
            " %(reduit)s (art. 122-1 al. 2 CP), et les deux tiers de la peine initialement encourue"
            " exigent la majorité qualifiée (art. 362 CPP)."
        ),
        "maximum_a_confirmer": _(
            "Les textes de Prétoire n'établissent pas le maximum encouru : confirmez-le avant le vote."
        ),
        "hors_ligne": _(
            "Réseau indisponible : les réponses restent dans cet écran ; réessayez quand le réseau revient."
        ),
        "enregistre": _("Feuille enregistrée."),
        "quitter": _("Les réponses ne sont pas enregistrées : quitter cette page les perdrait."),
        "plafond": _("Écartée : toute peine égale ou supérieure à %(peine)s — %(motif)s"),
        "maximum_minorite": _("Maximum encouru : %(peine)s (réduit de moitié par l'excuse de minorité)."),
        "totalite": _("totalité de la peine"),
        "delai": _("délai d'épreuve de %(duree)s"),
        "objet_sursis_simple": _("Sursis simple"),
        "objet_sursis_probatoire": _("Sursis probatoire"),
        "objet_surete": _("Période de sûreté"),
        "objet_amende": _("Amende"),
        "objet_complementaire": _("Peine complémentaire"),
        "objet_reexamen": _("Réexamen en vue d'une rétention de sûreté (art. 706-53-13 CPP)"),
        "adopte": _("%(objet)s : adopté, %(mention)s."),
        "rejete": _("%(objet)s : rejeté."),
        "hors_cas": _(
            "Le président constate que la condamnation n'entre pas dans les cas de l'art. 706-53-13 CPP."
        ),
        "bornes_plein_droit": _(
            "Période de sûreté de plein droit : %(duree)s ; la cour peut la porter jusqu'à %(maximum)s ou la"
            " réduire (art. 132-23 al. 2 CP, non vérifié)."
        ),
        "bornes_facultative": _(
            "La cour peut fixer une période de sûreté de %(maximum)s au plus"
            " (art. 132-23 al. 3 CP, non vérifié)."
        ),
        "aide_sursis": _(
            "Durée : la partie assortie du sursis, vide pour la totalité ; adopté à la majorité absolue des"
            " votants (art. 362 al. 4 CPP)."
        ),
        "aide_surete": _(
            "Durée de la période de sûreté proposée, en mois ; adoptée à la majorité absolue des votants."
        ),
        "aide_amende": _(
            "Amende encourue : %(montant)s au plus ; adoptée à la majorité absolue des votants."
        ),
        "aide_reexamen": _("« Oui » est défavorable au condamné : il exige %(mention)s (art. 359 CPP)."),
        "reprise": _(
            "Reprise : les réponses déjà inscrites (%(nombre)s) ont été retrouvées dans ce navigateur ;"
            " un scrutin qui n'était pas inscrit se revote."
        ),
        "reprise_illisible": _(
            "Des réponses gardées dans ce navigateur pour une autre version de la feuille (une"
            " correction consignée depuis ?) ne peuvent pas être reprises : elles sont effacées."
        ),
        "reprise_impossible": _(
            "Ce navigateur ne peut pas garder les réponses pour une reprise : ne fermez pas cette page"
            " avant l'enregistrement."
        ),
    }


@login_required
@never_cache
def delibere(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    deliberation = Deliberation.objects.filter(affaire=affaire).first()
    contexte = {**contexte_entete(request, affaire), "deliberation": deliberation}
    if deliberation is not None and deliberation.enregistree:
        return render(
            request,
            "deliberation/feuille_repondue.html",
            {
                **contexte,
                "feuille": feuille_enregistree(deliberation),
                "scellees": {
                    nature.value: Document.objects.filter(affaire=affaire, nature=nature)
                    .order_by("-version")
                    .first()
                    for nature in NATURES_A_SCELLER
                },
                "assesseurs": [
                    a.utilisateur
                    for a in affaire.affectations.filter(role=Role.ASSESSEUR).select_related("utilisateur")
                ],
            },
        )
    if deliberation is None:
        try:
            raisons = raisons_de_ne_pas_ouvrir(affaire, contexte_du_delibere(affaire, timezone.localdate()))
        except DelibereRefuse as refus:
            raisons = refus.erreurs
        return render(request, "deliberation/ouverture.html", {**contexte, "raisons": raisons})
    try:
        donnees = contexte_du_delibere(affaire, deliberation.date_deliberation).donnees()
    except DelibereRefuse as refus:
        return render(request, "deliberation/ouverture.html", {**contexte, "raisons": refus.erreurs})
    # La règle du « non » défavorable ne s'affiche que si la feuille a de telles questions.
    non_defavorable = any(q["defavorable"] == "non" for q in donnees["questions"])
    reprise = {
        "affaire": affaire.pk,
        "cle": base64.b64encode(deliberation.cle_de_reprise).decode()
        if deliberation.cle_de_reprise
        else None,
    }
    return render(
        request,
        "deliberation/delibere.html",
        {
            **contexte,
            # Les refus dans la langue de l'écran ; les lignes de la feuille restent en français.
            "donnees": donnees | {"messages": donnees["messages"] | {c: _(g) for c, g in REFUS.items()}},
            "textes": _textes_de_l_ecran(),
            "non_defavorable": non_defavorable,
            "reprise": reprise,
            "jury": affaire.jures.order_by("rang"),
        },
    )


@login_required
@require_POST
def ouvrir(request: HttpRequest, affaire_id: int) -> HttpResponse:
    affaire = access_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    try:
        do_ouvrir_delibere(affaire, request.user)  # type: ignore[arg-type]
    except DelibereRefuse as refus:
        for erreur in refus.erreurs:
            messages.error(request, erreur)
    return redirect("delibere", affaire_id=affaire.pk)


@login_required
@require_POST
@never_cache
def enregistrer(request: HttpRequest, affaire_id: int) -> JsonResponse:
    """Reçoit les réponses et les peines (JSON) ; rend l'adresse de la feuille, ou les erreurs."""
    affaire = access_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    try:
        corps = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"erreurs": [_("Le corps de la requête n'est pas du JSON.")]}, status=400)
    try:
        do_enregistrer_delibere(affaire, lire_la_saisie(corps))
    except DelibereRefuse as refus:
        return JsonResponse({"erreurs": refus.erreurs}, status=400)
    _sceller(request, affaire)
    return JsonResponse({"adresse": reverse("delibere", kwargs={"affaire_id": affaire.pk})})


def _sceller(
    request: HttpRequest, affaire: Affaire, natures: tuple[NatureDocument, ...] = NATURES_A_SCELLER
) -> None:
    """La feuille répondue et la feuille de motivation passent par la chaîne des documents signés
    (une version chacune) ; un échec est dit au président, le délibéré restant enregistré."""
    for nature in natures:
        try:
            # Seul le président ouvre ces vues (access_delibere_by_affaire_id) : il signe ici.
            do_generer_document(
                affaire,
                nature,
                auteur=request.user,  # type: ignore[arg-type]
                roles_de_l_auteur=frozenset({Role.PRESIDENT}),
            )
        except (DocumentImpossible, SignatureImpossible) as refus:
            messages.error(
                request,
                _("%(document)s n'a pas pu être scellée : %(raison)s")
                % {"document": nature.label, "raison": refus},
            )


@login_required
@require_POST
def sceller(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Sceller de nouveau (une nouvelle version de chaque feuille), après le verdict."""
    affaire = access_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    _deliberation_enregistree(affaire)
    _sceller(request, affaire)
    return redirect("delibere", affaire_id=affaire.pk)


@login_required
@require_POST
def designer_assesseur(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Le président désigne l'assesseur qui rédige la motivation (art. 365-1 al. 1 CPP)."""
    affaire = access_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    choix = request.POST.get("assesseur", "")
    assesseur = None
    if choix:
        assesseur = Utilisateur.objects.filter(pk=int(choix)).first() if choix.isdigit() else None
        if assesseur is None:
            messages.error(request, _("Choisissez un assesseur de l'affaire."))
            return redirect("delibere", affaire_id=affaire.pk)
    try:
        deliberation = do_designer_l_assesseur(affaire, assesseur)
    except DelibereRefuse as refus:
        for erreur in refus.erreurs:
            messages.error(request, erreur)
        return redirect("delibere", affaire_id=affaire.pk)
    if deliberation.enregistree:
        # La feuille de motivation nomme qui la rédige : une nouvelle version le dit.
        _sceller(request, affaire, (NatureDocument.FEUILLE_DE_MOTIVATION,))
    return redirect("delibere", affaire_id=affaire.pk)


def _deliberation_enregistree(affaire: Affaire) -> Deliberation:
    deliberation = Deliberation.objects.filter(affaire=affaire).first()
    if deliberation is None or not deliberation.enregistree:
        raise Http404
    return deliberation


def _derniere_version(affaire: Affaire, nature: NatureDocument) -> FileResponse:
    """La dernière version scellée ; 404 tant qu'aucune ne l'est (jamais un PDF non signé)."""
    document = Document.objects.filter(affaire=affaire, nature=nature).order_by("-version").first()
    if document is None:
        raise Http404
    reponse = FileResponse(
        document.fichier.open("rb"), filename=document.nom_de_fichier, content_type="application/pdf"
    )
    reponse["Cache-Control"] = "no-store"
    return reponse


@login_required
def feuille_pdf(request: HttpRequest, affaire_id: int) -> FileResponse:
    affaire = access_documents_du_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    return _derniere_version(affaire, NatureDocument.FEUILLE_REPONDUE)


@login_required
def motivation_pdf(request: HttpRequest, affaire_id: int) -> FileResponse:
    affaire = access_documents_du_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    return _derniere_version(affaire, NatureDocument.FEUILLE_DE_MOTIVATION)
