from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "pretoire.documents"
    verbose_name = "Documents signés"
    default_auto_field = "django.db.models.BigAutoField"
