"""Les pages de la visio : celles du greffe et de la salle, et le parcours du déposant.

Le déposant n'a pas de compte : il est reconnu par le jeton de son lien et, une fois le code
d'accès saisi, par le secret que son navigateur garde en cookie. Chaque page de son parcours
renvoie à l'étape où en est la déposition.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from pretoire.journal.donnees import DonneesInvalides, EssaiMateriel
from pretoire.journal.models import Evenement
from pretoire.law.debats import OrdreDesDebatsViole
from pretoire.law.erreurs import messages_en_francais
from pretoire.law.visio import EtatDeposition, QualiteDeposant, TransitionRefusee, formule_de_serment
from pretoire.proces.access import ROLES_QUI_CONSIGNENT, access_affaire_by_id
from pretoire.proces.models import JourAudience, Role
from pretoire.proces.views import contexte_entete
from pretoire.texte import normaliser

from . import actions
from .consumers import nom_cookie
from .libelles import CHOIX_QUALITES
from .limitation import trop_de_demandes
from .models import Deposition

ROLES_DE_LA_SALLE = frozenset({Role.GREFFIER, Role.PRESIDENT, Role.ASSESSEUR})


# --- Greffe ------------------------------------------------------------------------------------


class ChampTexte(forms.CharField):
    """Un texte saisi, normalisé avant toute validation (``pretoire.texte``)."""

    def to_python(self, value: Any) -> str | None:
        texte = super().to_python(value)
        return normaliser(texte) if texte else texte


class FormulaireInvitation(forms.Form):
    deposant = ChampTexte(label=gettext_lazy("Nom et prénom du déposant"), max_length=200)
    qualite = forms.ChoiceField(label=gettext_lazy("Qualité"), choices=CHOIX_QUALITES)
    jour: forms.ModelChoiceField[JourAudience] = forms.ModelChoiceField(
        label=gettext_lazy("Jour d'audience"), queryset=JourAudience.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, affaire: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Une invitation vaut pour un jour d'audience à venir : celle d'un jour passé serait expirée.
        self.fields["jour"].queryset = affaire.jours_audience.filter(  # type: ignore[attr-defined]
            date__gte=timezone.localdate()
        )
        self.fields["jour"].label_from_instance = lambda j: f"{j.date:%d/%m/%Y}"  # type: ignore[attr-defined]


@login_required
def depositions(request: HttpRequest, affaire_id: int) -> HttpResponse:
    """Les dépositions à distance de l'affaire, et l'invitation d'un déposant (greffier)."""
    affaire = access_affaire_by_id(request.user, affaire_id, ROLES_QUI_CONSIGNENT)  # type: ignore[arg-type]
    formulaire = FormulaireInvitation(request.POST or None, affaire=affaire)
    emise = None
    if request.method == "POST" and formulaire.is_valid():
        emise = actions.do_inviter(
            affaire,
            formulaire.cleaned_data["jour"],
            formulaire.cleaned_data["deposant"],
            QualiteDeposant(formulaire.cleaned_data["qualite"]),
            auteur=request.user,  # type: ignore[arg-type]
        )
        formulaire = FormulaireInvitation(affaire=affaire)
    contexte = {
        **contexte_entete(request, affaire),
        "formulaire": formulaire,
        "emise": emise,
        "lien": request.build_absolute_uri(reverse("visio_accueil", args=[emise.jeton])) if emise else "",
        "depositions": affaire.depositions.select_related("jour"),
    }
    status = 422 if request.method == "POST" and not emise else 200
    return render(request, "deposition/depositions.html", contexte, status=status)


def _deposition_de_la_cour(request: HttpRequest, affaire_id: int, deposition_id: int, roles: Any) -> Any:
    affaire = access_affaire_by_id(request.user, affaire_id, roles)  # type: ignore[arg-type]
    deposition = affaire.depositions.filter(pk=deposition_id).first()
    if deposition is None:
        raise PermissionDenied
    return affaire, deposition


@login_required
def console(request: HttpRequest, affaire_id: int, deposition_id: int) -> HttpResponse:
    """La console du greffier : salle d'attente, commandes, indicateurs de qualité."""
    affaire, deposition = _deposition_de_la_cour(request, affaire_id, deposition_id, ROLES_QUI_CONSIGNENT)
    return render(
        request,
        "deposition/console.html",
        {
            **contexte_entete(request, affaire),
            "deposition": deposition,
            "formule_serment": formule_de_serment(deposition.qualite_deposant) or "",
            "evenements": _evenements_de(deposition),
        },
    )


@login_required
def evenements(request: HttpRequest, affaire_id: int, deposition_id: int) -> HttpResponse:
    _, deposition = _deposition_de_la_cour(request, affaire_id, deposition_id, ROLES_DE_LA_SALLE)
    return render(request, "deposition/_evenements.html", {"evenements": _evenements_de(deposition)})


def _evenements_de(deposition: Deposition) -> list[Evenement]:
    return list(
        Evenement.objects.filter(affaire_id=deposition.affaire_id, donnees__deposition=deposition.pk)
        .exclude(type="qualite_minute")
        .order_by("-numero")[:40]
    )


@login_required
def salle(request: HttpRequest, affaire_id: int, deposition_id: int) -> HttpResponse:
    """L'écran de la salle d'audience : le déposant en grand, la cour en vignette."""
    affaire, deposition = _deposition_de_la_cour(request, affaire_id, deposition_id, ROLES_DE_LA_SALLE)
    return render(
        request,
        "deposition/salle.html",
        {**contexte_entete(request, affaire), "deposition": deposition, "ice": _serveurs_ice()},
    )


def _serveurs_ice() -> str:
    return json.dumps(getattr(settings, "PRETOIRE_SERVEURS_ICE", []))


# --- Le parcours du déposant -------------------------------------------------------------------


def _refus(request: HttpRequest, refus: actions.AccesRefuse) -> HttpResponse:
    return render(request, "deposition/refus.html", {"message": str(refus)}, status=403)


def _limite_par_adresse(vue: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Une page du déposant : refusée en 429, sans lire la base, au-delà de la limite par adresse."""

    @functools.wraps(vue)
    def enveloppe(request: HttpRequest, jeton: str) -> HttpResponse:
        if trop_de_demandes(request.META.get("REMOTE_ADDR", "")):
            message = _(
                "Trop de demandes depuis votre connexion : patientez une minute, puis rechargez la page."
            )
            return render(request, "deposition/refus.html", {"message": message}, status=429)
        return vue(request, jeton)

    return enveloppe


def _navigateur(request: HttpRequest) -> str:
    return normaliser(request.headers.get("User-Agent", ""))[:400]


def _etape(deposition: Deposition, jeton: str) -> str:
    """La page où doit être le déposant, d'après l'état de la déposition."""
    etat = deposition.etat_deposition
    if etat is EtatDeposition.RACCORDEE:
        return reverse("visio_essai", args=[jeton])
    if etat is EtatDeposition.MATERIEL_VERIFIE:
        return reverse("visio_identite", args=[jeton])
    return reverse("visio_audience", args=[jeton])


class _CodeNonSaisi(Exception):
    """Invitation pas encore utilisée : le déposant commence par le code d'accès."""


def _deposition_du_navigateur(request: HttpRequest, jeton: str) -> Deposition:
    """La déposition liée à ce navigateur ; ``AccesRefuse`` sinon (tentative consignée)."""
    secret = request.COOKIES.get(nom_cookie(jeton), "")
    deposition = actions.reconnaitre_navigateur(jeton, secret, navigateur=_navigateur(request))
    if not deposition.navigateur_empreinte:
        raise _CodeNonSaisi
    if not actions.est_liee_a(deposition, jeton, secret):
        raise actions.AccesRefuse("deja_utilisee")
    return deposition


def _etape_du_parcours(vue: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Une page d'étape : refus en français, ou retour au code d'accès s'il n'est pas saisi."""

    @functools.wraps(vue)
    def enveloppe(request: HttpRequest, jeton: str) -> HttpResponse:
        try:
            return vue(request, jeton)
        except _CodeNonSaisi:
            return redirect("visio_accueil", jeton=jeton)
        except actions.AccesRefuse as refus:
            return _refus(request, refus)

    return enveloppe


class FormulaireCode(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code d'accès (8 chiffres, dicté par le greffe)"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


@_limite_par_adresse
def accueil(request: HttpRequest, jeton: str) -> HttpResponse:
    """Le lien de l'invitation : demande le code d'accès, ou renvoie à l'étape en cours."""
    try:
        deposition = actions.reconnaitre_navigateur(
            jeton, request.COOKIES.get(nom_cookie(jeton), ""), navigateur=_navigateur(request)
        )
    except actions.AccesRefuse as refus:
        return _refus(request, refus)
    if deposition.navigateur_empreinte:
        return redirect(_etape(deposition, jeton))
    formulaire = FormulaireCode(request.POST or None)
    erreur = ""
    if request.method == "POST" and formulaire.is_valid():
        try:
            deposition, secret = actions.do_utiliser_invitation(
                jeton,
                formulaire.cleaned_data["code"],
                navigateur=_navigateur(request),
                systeme=normaliser(request.headers.get("Sec-Ch-Ua-Platform", "")).strip('"')[:200],
            )
        except actions.AccesRefuse as refus:
            if refus.motif != "code_errone":
                return _refus(request, refus)
            erreur = str(refus)
        else:
            reponse = redirect(_etape(deposition, jeton))
            reponse.set_cookie(
                nom_cookie(jeton),
                secret,
                max_age=7 * 24 * 3600,
                httponly=True,
                samesite="Strict",
                # Ce cookie est la seule preuve d'identité du déposant : en production, HTTPS seul
                # (même derrière un mandataire qui n'aurait pas dit « https »).
                secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
            )
            return reponse
    contexte = {"formulaire": formulaire, "erreur": erreur, "deposition": deposition, "etape": 1}
    status = 422 if erreur or formulaire.errors else 200
    return render(request, "deposition/code.html", contexte, status=status)


# Au-delà, l'essai n'est plus consigné : un déposant ne doit pas pouvoir remplir le journal.
ESSAIS_MAXIMAUX = 10


@_limite_par_adresse
@_etape_du_parcours
def essai(request: HttpRequest, jeton: str) -> HttpResponse:
    """L'essai du matériel (art. D. 47-12-6) : caméra, micro, haut-parleur, navigateur."""
    deposition = _deposition_du_navigateur(request, jeton)
    if deposition.etat_deposition is not EtatDeposition.RACCORDEE:
        if request.method == "POST":
            return JsonResponse({"suite": _etape(deposition, jeton), "etat": deposition.etat})
        return redirect(_etape(deposition, jeton))
    if request.method == "POST":
        essais = Evenement.objects.filter(
            affaire_id=deposition.affaire_id, type="essai_materiel", donnees__deposition=deposition.pk
        ).count()
        if essais >= ESSAIS_MAXIMAUX:
            message = _("Trop d'essais : contactez le greffe de la cour.")
            return JsonResponse({"erreurs": [message]}, status=429)
        try:
            contenu = json.loads(request.body or b"{}")
            if not isinstance(contenu, dict):
                raise ValueError
            resultat = EssaiMateriel.model_validate({**contenu, "deposition": 1})
        except ValidationError as erreur:
            messages = [str(m) for m in messages_en_francais(erreur.errors())]
            return JsonResponse({"erreurs": messages}, status=422)
        except (ValueError, RecursionError):
            return JsonResponse({"erreurs": [_("Résultat d'essai illisible.")]}, status=422)
        donnees = resultat.model_dump(mode="json", exclude={"deposition"})
        donnees["navigateur"] = donnees.get("navigateur") or _navigateur(request)
        deposition = actions.do_consigner_essai_materiel(deposition, donnees)
        return JsonResponse({"suite": _etape(deposition, jeton), "etat": deposition.etat})
    return render(request, "deposition/essai.html", {"deposition": deposition, "etape": 2})


class FormulaireIdentite(forms.Form):
    nom = ChampTexte(label=gettext_lazy("Nom"), max_length=200)
    prenoms = ChampTexte(label=gettext_lazy("Prénoms"), max_length=200)
    qualite = forms.ChoiceField(label=gettext_lazy("Qualité"), choices=CHOIX_QUALITES)
    lieu = ChampTexte(
        label=gettext_lazy("Lieu où vous vous trouvez (facultatif)"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Par exemple : cabinet, domicile, ville. Il figurera au procès-verbal."),
    )


@_limite_par_adresse
@_etape_du_parcours
def identite(request: HttpRequest, jeton: str) -> HttpResponse:
    deposition = _deposition_du_navigateur(request, jeton)
    if deposition.etat_deposition is not EtatDeposition.MATERIEL_VERIFIE:
        return redirect(_etape(deposition, jeton))
    formulaire = FormulaireIdentite(request.POST or None, initial={"qualite": deposition.qualite})
    if request.method == "POST" and formulaire.is_valid():
        try:
            actions.do_declarer_identite(deposition, formulaire.cleaned_data)
        except (DonneesInvalides, TransitionRefusee, OrdreDesDebatsViole) as refus:
            formulaire.add_error(None, str(refus))
        else:
            return redirect("visio_audience", jeton=jeton)
    status = 422 if formulaire.errors else 200
    contexte = {"formulaire": formulaire, "deposition": deposition, "etape": 3}
    return render(request, "deposition/identite.html", contexte, status=status)


@_limite_par_adresse
def audience(request: HttpRequest, jeton: str) -> HttpResponse:
    """Salle d'attente, puis déposition, puis fin : une page, qui suit l'état en direct."""
    try:
        deposition = _deposition_du_navigateur(request, jeton)
    except _CodeNonSaisi:
        return redirect("visio_accueil", jeton=jeton)
    except actions.AccesRefuse as refus:
        if refus.motif == "terminee":
            return render(request, "deposition/fin.html", {"message": str(refus)})
        return _refus(request, refus)
    if deposition.etat_deposition in (EtatDeposition.RACCORDEE, EtatDeposition.MATERIEL_VERIFIE):
        return redirect(_etape(deposition, jeton))
    return render(
        request,
        "deposition/audience.html",
        {"deposition": deposition, "jeton": jeton, "ice": _serveurs_ice(), "etape": 4},
    )
