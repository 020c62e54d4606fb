"""Le formulaire d'import du dossier : un fichier YAML ou JSON, lu en texte avant tout examen.

Tout ce qui n'est pas un texte (fichier vide, binaire, trop gros, mal encodé) est refusé ici,
avec un message français ; le contenu est ensuite examiné par ``charger_dossier``.
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

EXTENSIONS = (".yaml", ".yml", ".json")
# Un dossier de 3 000 victimes pèse 2,6 Mio en YAML, 4,1 Mio en JSON (docs/benchmarks.md).
TAILLE_MAXIMUM = 5 * 1024 * 1024


class FormulaireImportDossier(forms.Form):
    dossier = forms.FileField(
        label=_("Décision de mise en accusation (YAML ou JSON)"),
        error_messages={
            "required": _("choisissez un fichier YAML ou JSON."),
            "empty": _("le fichier est vide."),
            "invalid": _("le fichier n'a pas pu être lu ; choisissez-le de nouveau."),
        },
    )

    def clean_dossier(self) -> tuple[str, str]:
        """Le nom et le texte du fichier."""
        fichier: UploadedFile = self.cleaned_data["dossier"]
        nom = fichier.name or "dossier"
        if not nom.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                _(
                    "« %(nom)s » n'est ni un .yaml, ni un .yml, ni un .json : choisissez un dossier"
                    " exporté ou écrit à son format."
                ),
                params={"nom": nom},
            )
        if fichier.size is not None and fichier.size > TAILLE_MAXIMUM:
            raise forms.ValidationError(
                _("le fichier pèse %(taille)s Mio, au-delà des %(maximum)s Mio permis."),
                params={
                    "taille": f"{fichier.size / 1024 / 1024:.1f}",
                    "maximum": TAILLE_MAXIMUM // 1024 // 1024,
                },
            )
        octets = fichier.read()
        if not octets.strip():
            raise forms.ValidationError(_("le fichier est vide."))
        if b"\x00" in octets:
            raise forms.ValidationError(
                _("« %(nom)s » n'est pas un texte (octet nul) : est-ce bien un fichier YAML ou JSON ?"),
                params={"nom": nom},
            )
        try:
            texte = octets.decode("utf-8-sig")
        except UnicodeDecodeError as erreur:
            ligne = octets.count(b"\n", 0, erreur.start) + 1
            raise forms.ValidationError(
                _(
                    "« %(nom)s » n'est pas encodé en UTF-8 (octet invalide ligne %(ligne)s) :"
                    " enregistrez-le en UTF-8 depuis votre éditeur."
                ),
                params={"nom": nom, "ligne": ligne},
            ) from erreur
        return nom, texte
