from django.apps import AppConfig


class ProcesConfig(AppConfig):
    name = "pretoire.proces"
    verbose_name = "Procès"
