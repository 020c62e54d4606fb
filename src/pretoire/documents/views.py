from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pretoire.comptes.models import Utilisateur
from pretoire.proces.access import (
    ROLES_DU_SIEGE,
    ROLES_QUI_CONSIGNENT,
    access_affaire_by_id,
    access_documents_du_delibere_by_affaire_id,
    peut_lire_les_documents_du_delibere,
    roles_dans_affaire,
)
from pretoire.proces.models import Affaire
from pretoire.proces.views import contexte_entete

from .actions import do_demander_generation, do_signer_document, prochaine_version, verifier_pdf
from .contenus import DocumentImpossible
from .formulaires import DemandeDeDocument, PdfAVerifier
from .models import NATURES_DU_DELIBERE, Document, Generation, NatureDocument
from .signataires import ROLES_SIGNES_A_LA_GENERATION
from .signature import PdfIllisible, SignatureImpossible

ROLES_DES_DOCUMENTS = ROLES_QUI_CONSIGNENT | ROLES_DU_SIEGE


def _versions(affaire: Affaire, nature: NatureDocument, **filtre: Any) -> list[Document]:
    return list(
        Document.objects.filter(affaire=affaire, nature=nature, **filtre)
        .select_related("cree_par")
        .prefetch_related("signatures")
        .order_by("-version")
    )


def access_document_a_signer_by_id(utilisateur: Utilisateur, affaire_id: int, document_id: int) -> Document:
    """Le document, si sa prochaine signature attendue est celle d'un rôle que l'utilisateur tient
    dans l'affaire, et que la génération n'appose pas elle-même."""
    affaire = access_affaire_by_id(utilisateur, affaire_id, ROLES_DES_DOCUMENTS)
    document = (
        Document.objects.select_related("affaire__session__juridiction")
        .filter(pk=document_id, affaire=affaire)
        .first()
    )
    if document is None:
        raise PermissionDenied
    attendu = document.en_attente_de
    if attendu is None or attendu in ROLES_SIGNES_A_LA_GENERATION:
        raise PermissionDenied
    if attendu not in roles_dans_affaire(utilisateur, affaire):
        raise PermissionDenied
    return document


def _contexte(request: HttpRequest, affaire: Affaire, formulaire: DemandeDeDocument | None) -> dict[str, Any]:
    maintenant = timezone.now()
    lit_le_delibere = peut_lire_les_documents_du_delibere(request.user, affaire)  # type: ignore[arg-type]
    recentes = Generation.objects.filter(affaire=affaire, demandee_le__gte=maintenant - timedelta(minutes=15))
    if not lit_le_delibere:
        recentes = recentes.exclude(nature__in=NATURES_DU_DELIBERE)
    generations = list(recentes.select_related("document", "deposition").order_by("-demandee_le")[:5])
    depositions = [
        {
            "deposition": deposition,
            "versions": _versions(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition),
            "prochaine": prochaine_version(affaire, NatureDocument.PROCES_VERBAL, deposition),
        }
        for deposition in affaire.depositions.select_related("jour").order_by("pk")
    ]
    roles = roles_dans_affaire(request.user, affaire)  # type: ignore[arg-type]
    return {
        **contexte_entete(request, affaire),
        "roles_a_signer": [role.value for role in roles - ROLES_SIGNES_A_LA_GENERATION],
        "generations": generations,
        "en_cours": any(g.active for g in generations),
        "depositions": depositions,
        "feuilles": _versions(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, deposition=None),
        "prochaine_feuille": prochaine_version(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, None),
        "extraits": _versions(affaire, NatureDocument.EXTRAIT_DU_JOURNAL, deposition=None),
        "documents_du_delibere": [
            {"nature": nature, "versions": _versions(affaire, nature, deposition=None)}
            for nature in (NatureDocument.FEUILLE_REPONDUE, NatureDocument.FEUILLE_DE_MOTIVATION)
        ]
        if lit_le_delibere
        else [],
        "nombre_evenements": affaire.evenements.count(),
        "formulaire": formulaire,
    }


@login_required
def documents(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Les documents signés de l'affaire : générer, télécharger, régénérer (le greffe)."""
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DES_DOCUMENTS)  # type: ignore[arg-type]
    formulaire = None
    if request.method == "POST":
        if not roles_dans_affaire(request.user, affaire) & ROLES_QUI_CONSIGNENT:  # type: ignore[arg-type]
            raise PermissionDenied
        formulaire = DemandeDeDocument(request.POST, affaire=affaire)
        if (
            formulaire.is_valid()
            and formulaire.cleaned_data["nature"] in NATURES_DU_DELIBERE
            and not peut_lire_les_documents_du_delibere(request.user, affaire)  # type: ignore[arg-type]
        ):
            formulaire.add_error(
                "nature",
                _(
                    "la feuille répondue et la feuille de motivation se tirent du délibéré enregistré :"
                    " attendez le verdict."
                ),
            )
        if formulaire.is_valid():
            donnees = formulaire.cleaned_data
            generation = do_demander_generation(
                affaire,
                NatureDocument(donnees["nature"]),
                auteur=request.user,  # type: ignore[arg-type]
                deposition=donnees["deposition"]
                if donnees["nature"] == NatureDocument.PROCES_VERBAL
                else None,
                provisoire=donnees["provisoire"],
                premier=donnees["premier"],
                dernier=donnees["dernier"],
            )
            return redirect(reverse("documents", args=[affaire.pk]) + f"#generation-{generation.pk}")
    contexte = _contexte(request, affaire, formulaire)
    return render(request, "documents/documents.html", contexte, status=422 if formulaire else 200)


@login_required
def generation(request: HttpRequest, affaire_id: int, generation_id: int) -> JsonResponse:
    """L'avancement d'une génération, que la page relit pendant qu'elle dure."""
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DES_DOCUMENTS)  # type: ignore[arg-type]
    suivie = get_object_or_404(
        Generation.objects.select_related("document"), pk=generation_id, affaire=affaire
    )
    if suivie.nature in NATURES_DU_DELIBERE:
        access_documents_du_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    document = suivie.document
    return JsonResponse(
        {
            "etat": suivie.etat_suivi,
            "etape": suivie.etape,
            "avancement": suivie.avancement,
            "message": suivie.message,
            "document": (
                {
                    "version": document.version,
                    "url": reverse("telecharger_document", args=[affaire.pk, document.pk]),
                }
                if document
                else None
            ),
        }
    )


@login_required
@require_POST
def signer(request: HttpRequest, affaire_id: int, document_id: int) -> HttpResponse:
    """La signature du président, apposée par lui-même, dans sa session (seconde étape)."""
    utilisateur: Utilisateur = request.user  # type: ignore[assignment]
    document = access_document_a_signer_by_id(utilisateur, affaire_id, document_id)
    try:
        do_signer_document(document, utilisateur)
    except (DocumentImpossible, SignatureImpossible) as refus:
        messages.error(request, _("Signature non apposée : %(raison)s") % {"raison": refus})
    else:
        messages.success(
            request,
            _("Version %(version)s signée en votre nom.") % {"version": document.version},
        )
    return redirect(reverse("documents", args=[affaire_id]) + f"#document-{document.pk}")


@login_required
def telecharger(request: HttpRequest, affaire_id: int, document_id: int) -> FileResponse:
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_DES_DOCUMENTS)  # type: ignore[arg-type]
    document = get_object_or_404(Document, pk=document_id, affaire=affaire)
    if document.nature in NATURES_DU_DELIBERE:
        access_documents_du_delibere_by_affaire_id(request.user, affaire_id)  # type: ignore[arg-type]
    return FileResponse(
        document.fichier.open("rb"),
        as_attachment=True,
        filename=document.nom_de_fichier,
        content_type="application/pdf",
    )


@login_required
def verification(request: HttpRequest) -> HttpResponse:
    """Vérifier un PDF déposé : signatures, et empreinte comparée au journal actuel de l'affaire."""
    rapport = None
    erreurs: list[str] = []
    formulaire = PdfAVerifier()
    if request.method == "POST":
        formulaire = PdfAVerifier(request.POST, request.FILES)
        if formulaire.is_valid():
            fichier = formulaire.cleaned_data["fichier"]
            try:
                rapport = verifier_pdf(fichier.read(), utilisateur=request.user)  # type: ignore[arg-type]
            except PdfIllisible as erreur:
                erreurs.append(_("%(fichier)s : %(erreur)s") % {"fichier": fichier.name, "erreur": erreur})
        else:
            erreurs.extend(str(e) for liste in formulaire.errors.values() for e in liste)
    return render(
        request,
        "documents/verification.html",
        {"formulaire": formulaire, "rapport": rapport, "erreurs": erreurs},
        status=422 if erreurs else 200,
    )
