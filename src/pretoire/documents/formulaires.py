"""Les demandes faites depuis la page des documents : quelle génération, quel PDF à vérifier."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pretoire.deposition.models import Deposition
from pretoire.proces.models import Affaire

from .models import NatureDocument

TAILLE_MAXIMALE_PDF = 50 * 1024 * 1024


class DemandeDeDocument(forms.Form):
    nature = forms.ChoiceField(label=_("document"), choices=NatureDocument.choices)
    deposition = forms.ModelChoiceField(
        label=_("déposition"), queryset=Deposition.objects.none(), required=False
    )
    provisoire = forms.BooleanField(label=_("procès-verbal provisoire"), required=False)
    premier = forms.IntegerField(label=_("du n°"), min_value=1, required=False)
    dernier = forms.IntegerField(label=_("au n°"), min_value=1, required=False)

    def __init__(self, *args: Any, affaire: Affaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deposition"].queryset = affaire.depositions.all()  # type: ignore[attr-defined]
        self.fields["deposition"].error_messages["invalid_choice"] = _(
            "cette déposition n'appartient pas à l'affaire."
        )

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        if donnees.get("nature") == NatureDocument.PROCES_VERBAL and not donnees.get("deposition"):
            self.add_error("deposition", _("choisissez la déposition dont dresser le procès-verbal."))
        premier, dernier = donnees.get("premier"), donnees.get("dernier")
        if premier and dernier and premier > dernier:
            self.add_error("dernier", _("le dernier numéro doit suivre le premier."))
        return donnees


class PdfAVerifier(forms.Form):
    fichier = forms.FileField(
        label=_("PDF à vérifier"),
        error_messages={"required": _("choisissez le fichier PDF à vérifier.")},
    )

    def clean_fichier(self) -> Any:
        fichier = self.cleaned_data["fichier"]
        if fichier.size > TAILLE_MAXIMALE_PDF:
            raise forms.ValidationError(_("le fichier dépasse 50 Mo : ce n'est pas un document de Prétoire."))
        return fichier
