from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "pretoire.comptes"
    verbose_name = "Comptes"
