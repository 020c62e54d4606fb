from django.apps import AppConfig


class DepositionConfig(AppConfig):
    name = "pretoire.deposition"
    verbose_name = "Dépositions par visioconférence"
