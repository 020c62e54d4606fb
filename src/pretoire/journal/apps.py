from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "pretoire.journal"
    verbose_name = "Journal d'audience"
