"""Les documents signés dans l'administration du greffe : en consultation seule."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Document, Signature


class SignatureEnLigne(admin.TabularInline):
    model = Signature
    fields = ["role", "nom", "utilisateur", "signee_le", "empreinte_certificat"]
    readonly_fields = ["role", "nom", "utilisateur", "signee_le", "empreinte_certificat"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    inlines = [SignatureEnLigne]
    list_display = ["affaire", "nature", "deposition", "version", "provisoire", "cree_le", "cree_par_libelle"]
    list_filter = ["nature", "provisoire"]
    search_fields = ["affaire__numero", "empreinte_pdf", "empreinte_journal"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
