from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Utilisateur


@admin.register(Utilisateur)
class UtilisateurAdmin(UserAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Civilité", {"fields": ("civilite",)}))
    list_display = ("username", "civilite", "first_name", "last_name", "is_staff")
