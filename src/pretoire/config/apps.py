from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ConfigurationConfig(AppConfig):
    """Les défenses du serveur (``securite.py``) qui se branchent au démarrage."""

    name = "pretoire.config"
    label = "configuration"
    verbose_name = "Configuration"

    def ready(self) -> None:
        from .securite import restreindre_la_base_sqlite

        connection_created.connect(restreindre_la_base_sqlite, dispatch_uid="pretoire-base-0600")
