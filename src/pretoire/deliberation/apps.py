from django.apps import AppConfig


class DeliberationConfig(AppConfig):
    name = "pretoire.deliberation"
    verbose_name = "Délibéré"
