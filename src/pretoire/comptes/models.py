from django.contrib.auth.models import AbstractUser
from django.db import models


class Utilisateur(AbstractUser):
    """Un magistrat, un greffier ou un avocat. Ce qu'il peut faire dépend de ses affectations."""

    civilite = models.CharField(
        "civilité", max_length=8, blank=True, choices=[("M.", "M."), ("Mme", "Mme"), ("Me", "Me")]
    )

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"

    def nom_complet(self) -> str:
        nom = f"{self.first_name} {self.last_name.upper()}".strip() or self.username
        return f"{self.civilite} {nom}".strip()
