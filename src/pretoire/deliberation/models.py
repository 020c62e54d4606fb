"""Ce que le délibéré laisse en base : les formules légales et les peines, jamais un nombre de voix.

Art. 360 CPP : la déclaration affirmative constate que la majorité exigée « au moins a été
acquise sans que le nombre de voix puisse être autrement exprimé ». Aucun modèle n'a de champ
pour un décompte ; la base refuse une réponse qui n'est pas l'une des formules légales.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from pretoire.law.deliberation.majorite import formules_legales, mentions_de_peine_legales
from pretoire.law.deliberation.peine import NaturePeine
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.proces.models import Accuse, Affaire, Jure

FORMULES = sorted(formules_legales())
MENTIONS = sorted(mentions_de_peine_legales())


class Deliberation(models.Model):
    """Le délibéré d'une affaire : ouvert par le président, puis enregistré une fois (art. 365)."""

    affaire = models.OneToOneField(
        Affaire, models.PROTECT, related_name="deliberation", verbose_name="affaire"
    )
    date_deliberation = models.DateField("date du délibéré")
    type_juridiction = models.CharField(
        "juridiction", max_length=40, choices=[(t.value, t.value) for t in TypeJuridiction]
    )
    president = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="président"
    )
    ouverte_le = models.DateTimeField("ouvert le", auto_now_add=True)
    enregistree_le = models.DateTimeField("enregistré le", null=True, blank=True)
    # La feuille répondue telle qu'elle est signée (art. 364) : questions, formules, décisions.
    feuille = models.JSONField("feuille répondue", null=True, blank=True)
    # Art. 364 : le premier juré désigné par le sort, ou celui que la majorité désigne s'il ne peut
    # signer ; fixé à l'enregistrement.
    jure_signataire = models.ForeignKey(
        Jure, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="juré qui signe"
    )
    # Art. 365-1 al. 1 : « Le président ou l'un des magistrats assesseurs par lui désigné rédige la
    # motivation de l'arrêt. » Vide : le président la rédige.
    assesseur_designe = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="assesseur désigné pour rédiger la motivation",
    )
    # La clé qui chiffre, dans le navigateur du président, les réponses déjà inscrites pour la
    # reprise après un rechargement ou une panne (docs/decisions/0005) ; détruite à
    # l'enregistrement, ce qui rend illisible toute copie restée sur le portable.
    cle_de_reprise = models.BinaryField("clé de reprise", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "délibéré"
        verbose_name_plural = "délibérés"

    def __str__(self) -> str:
        return f"Délibéré — {self.affaire.numero}"

    @property
    def enregistree(self) -> bool:
        return self.enregistree_le is not None


class ReponseInscrite(models.Model):
    deliberation = models.ForeignKey(
        Deliberation, models.PROTECT, related_name="reponses", verbose_name="délibéré"
    )
    numero = models.PositiveIntegerField("question n°")
    formule = models.CharField("réponse", max_length=60, choices=[(f, f) for f in FORMULES])

    class Meta:
        verbose_name = "réponse inscrite"
        verbose_name_plural = "réponses inscrites"
        ordering = ["numero"]
        constraints = [
            models.UniqueConstraint(fields=["deliberation", "numero"], name="reponse_unique_par_question"),
            models.CheckConstraint(condition=Q(formule__in=FORMULES), name="reponse_formule_legale"),
        ]

    def __str__(self) -> str:
        return f"Question n° {self.numero} : {self.formule}"


class PeinePrononcee(models.Model):
    """La peine d'un accusé coupable, ou son exemption (art. 363)."""

    deliberation = models.ForeignKey(
        Deliberation, models.PROTECT, related_name="peines", verbose_name="délibéré"
    )
    accuse = models.ForeignKey(Accuse, models.PROTECT, related_name="+", verbose_name="accusé")
    exemptee = models.BooleanField("exempté de peine", default=False)
    nature = models.CharField(
        "nature", max_length=30, blank=True, choices=[(n.value, n.libelle) for n in NaturePeine]
    )
    duree_en_mois = models.PositiveIntegerField(
        "durée (mois)", null=True, blank=True, help_text="Vide pour la perpétuité."
    )
    libelle = models.CharField("peine", max_length=200, blank=True)
    mention = models.CharField("majorité", max_length=60, blank=True, choices=[(m, m) for m in MENTIONS])

    class Meta:
        verbose_name = "peine prononcée"
        verbose_name_plural = "peines prononcées"
        constraints = [
            models.UniqueConstraint(fields=["deliberation", "accuse"], name="peine_unique_par_accuse"),
            models.CheckConstraint(
                condition=Q(exemptee=True, nature="", mention="")
                | Q(exemptee=False, mention__in=MENTIONS) & ~Q(nature=""),
                name="peine_ou_exemption",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.accuse} — {self.libelle or 'exempté de peine'}"
