"""Les événements du journal d'audience.

Une ligne écrite n'est jamais modifiée ni supprimée : la base elle-même le refuse (déclencheurs
posés par la migration 0002), et une rectification est un nouvel événement « correction » qui
désigne l'ancien.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire

from . import chaine


class Evenement(models.Model):
    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="evenements", verbose_name="affaire")
    numero = models.PositiveIntegerField("numéro")
    type = models.CharField("type", max_length=60, choices=[(t.value, t.libelle) for t in TypeEvenement])
    donnees = models.JSONField("données", default=dict, blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="evenements_consignes",
        verbose_name="auteur",
    )
    # Le nom est recopié : le journal doit se lire seul, même si le compte change un jour.
    auteur_libelle = models.CharField("auteur (libellé)", max_length=200)
    horodatage = models.DateTimeField("horodatage (serveur, UTC)")
    corrige = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name="événement corrigé",
    )
    empreinte_precedente = models.CharField("empreinte du précédent", max_length=64)
    empreinte = models.CharField("empreinte", max_length=64, unique=True)

    class Meta:
        verbose_name = "événement du journal"
        verbose_name_plural = "événements du journal"
        ordering = ["affaire", "numero"]
        constraints = [models.UniqueConstraint(fields=["affaire", "numero"], name="evenement_numero_unique")]

    def __str__(self) -> str:
        return f"n° {self.numero} — {self.libelle}"

    @property
    def type_evenement(self) -> TypeEvenement:
        return TypeEvenement(self.type)

    @property
    def libelle(self) -> str:
        return self.type_evenement.libelle

    def champs_scelles(self) -> dict[str, Any]:
        """Ce que l'empreinte scelle (voir ``chaine.contenu_scelle``)."""
        return {
            "affaire": str(self.affaire_id),
            "numero": self.numero,
            "type": self.type,
            "donnees": self.donnees,
            "auteur": self.auteur_libelle,
            "horodatage": self.horodatage,
            "corrige": self.corrige.numero if self.corrige else None,
            "empreinte_precedente": self.empreinte_precedente,
        }

    def maillon(self) -> chaine.Maillon:
        return chaine.Maillon(**self.champs_scelles(), empreinte=self.empreinte)
