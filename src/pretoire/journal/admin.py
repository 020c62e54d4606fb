from django.contrib import admin
from django.http import HttpRequest

from .models import Evenement


@admin.register(Evenement)
class EvenementAdmin(admin.ModelAdmin):
    """Consultation seule : le journal ne s'écrit que par la page du greffe ou l'API."""

    list_display = ("affaire", "numero", "type", "horodatage", "auteur_libelle")
    list_filter = ("type",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
