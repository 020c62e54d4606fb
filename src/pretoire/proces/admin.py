from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext as _

from pretoire.comptes.models import Utilisateur

from . import actions
from .models import (
    Accuse,
    Affaire,
    Affectation,
    DecisionMiseEnAccusation,
    Fait,
    JourAudience,
    Jure,
    Juridiction,
    Participation,
    Session,
    Victime,
)


class ParticipationEnLigne(admin.TabularInline):
    model = Participation
    extra = 0


@admin.register(Fait)
class FaitAdmin(admin.ModelAdmin):
    list_display = ("identifiant", "qualification", "decision", "lieu")
    inlines = [ParticipationEnLigne]


class FormulaireAffectation(forms.ModelForm):
    """Nul ne s'affecte lui-même : un greffier membre du personnel ne se donne pas la présidence.
    Seul un administrateur (superutilisateur) enregistre sa propre affectation."""

    auteur: Any = None

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        auteur = self.auteur
        if auteur is None or auteur.is_superuser or not self.has_changed():
            return donnees
        la_sienne = self.instance.pk is not None and self.instance.utilisateur_id == auteur.pk
        if la_sienne or donnees.get("utilisateur") == auteur:
            raise forms.ValidationError(
                _(
                    "Vous ne pouvez pas modifier votre propre affectation : demandez-le à"
                    " l'administrateur de la juridiction."
                )
            )
        return donnees


def _auteur(request: HttpRequest) -> Utilisateur:
    # L'administration n'est ouverte qu'au personnel connecté.
    assert isinstance(request.user, Utilisateur)
    return request.user


def _formulaire_pour(formulaire: type[ModelForm], request: HttpRequest) -> type[ModelForm]:
    return type(formulaire.__name__, (formulaire,), {"auteur": request.user})


class AffectationEnLigne(admin.TabularInline):
    model = Affectation
    form = FormulaireAffectation
    extra = 0

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> type[BaseInlineFormSet]:
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _formulaire_pour(formset.form, request)
        return formset


class JureEnLigne(admin.TabularInline):
    """Le jury de jugement, saisi par le greffe dans l'ordre du tirage au sort."""

    model = Jure
    extra = 0


@admin.register(Affaire)
class AffaireAdmin(admin.ModelAdmin):
    list_display = ("numero", "intitule", "session")
    inlines = [AffectationEnLigne, JureEnLigne]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not Affectation:
            super().save_formset(request, form, formset, change)
            return
        # Chaque ajout, modification ou retrait passe par l'action qui l'écrit au journal.
        modifiees = formset.save(commit=False)
        for affectation in formset.deleted_objects:
            actions.do_retirer_affectation(affectation, auteur=_auteur(request))
        for affectation in modifiees:
            actions.do_enregistrer_affectation(affectation, auteur=_auteur(request))


@admin.register(Affectation)
class AffectationAdmin(admin.ModelAdmin):
    form = FormulaireAffectation
    list_display = ("utilisateur", "role", "affaire")

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        return _formulaire_pour(super().get_form(request, obj, change, **kwargs), request)

    def save_model(self, request: HttpRequest, obj: Affectation, form: Any, change: bool) -> None:
        actions.do_enregistrer_affectation(obj, auteur=_auteur(request))

    def delete_model(self, request: HttpRequest, obj: Affectation) -> None:
        actions.do_retirer_affectation(obj, auteur=_auteur(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Affectation]) -> None:
        for affectation in queryset:
            actions.do_retirer_affectation(affectation, auteur=_auteur(request))


for modele in (Juridiction, Session, JourAudience, Accuse, Victime, DecisionMiseEnAccusation):
    admin.site.register(modele)
