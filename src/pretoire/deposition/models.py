"""Une déposition à distance : l'invitation qui l'ouvre et l'état où elle en est.

Le jeton du lien et le code d'accès ne sont jamais conservés en clair : seules leurs empreintes
(HMAC avec la clé secrète du serveur) le sont, comme le secret qui lie l'invitation au premier
navigateur qui l'utilise. Tout ce qui arrive est écrit au journal d'audience ; l'état n'est ici
que pour décider vite.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from pretoire.law.visio import EtatDeposition, QualiteDeposant
from pretoire.proces.models import Affaire, JourAudience

from .libelles import CHOIX_ETATS, CHOIX_QUALITES


class Deposition(models.Model):
    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="depositions", verbose_name="affaire")
    jour = models.ForeignKey(
        JourAudience, models.PROTECT, related_name="depositions", verbose_name="jour d'audience"
    )
    deposant = models.CharField("déposant (invité)", max_length=200)
    qualite = models.CharField("qualité", max_length=20, choices=CHOIX_QUALITES)
    etat = models.CharField(
        "état",
        max_length=20,
        choices=CHOIX_ETATS,
        default=EtatDeposition.INVITEE.value,
    )
    jeton_empreinte = models.CharField("empreinte du jeton", max_length=64, unique=True)
    code_empreinte = models.CharField("empreinte du code d'accès", max_length=64)
    expire_le = models.DateTimeField("expire le")
    tentatives_code = models.PositiveSmallIntegerField("codes erronés", default=0)
    # Chaque accès refusé est compté ; le journal d'audience n'en reçoit que le premier de chaque
    # motif, les suivants vont au journal de sécurité du serveur avec ce compte.
    acces_refuses = models.PositiveIntegerField("accès refusés", default=0)
    navigateur_empreinte = models.CharField("empreinte du navigateur lié", max_length=64, blank=True)
    # Ce que le déposant a déclaré ; la version qui fait foi est au journal.
    nom_declare = models.CharField("nom déclaré", max_length=200, blank=True)
    prenoms_declares = models.CharField("prénoms déclarés", max_length=200, blank=True)
    lieu_declare = models.CharField("lieu déclaré", max_length=300, blank=True)
    code_verifie = models.BooleanField("code de vérification concordant", default=False)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="invitations", verbose_name="invitée par"
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "déposition par visioconférence"
        verbose_name_plural = "dépositions par visioconférence"
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"{self.deposant} ({self.qualite_deposant.libelle}) — {self.etat_deposition.libelle}"

    @property
    def etat_deposition(self) -> EtatDeposition:
        return EtatDeposition(self.etat)

    @property
    def qualite_deposant(self) -> QualiteDeposant:
        return QualiteDeposant(self.qualite)
