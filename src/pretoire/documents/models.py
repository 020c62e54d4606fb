"""Les documents générés, chacun une version conservée, et les générations en cours."""

from __future__ import annotations

import os
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.db.models import Q
from django.utils import timezone

from pretoire.deposition.models import Deposition
from pretoire.proces.models import Affaire, Role


class StockageDesDocuments(FileSystemStorage):
    """Le dossier des documents, relu dans les réglages à chaque accès (les tests en changent)."""

    @property
    def base_location(self) -> str:
        return str(settings.DOCUMENTS_DIR)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def stockage_des_documents() -> Storage:
    return StockageDesDocuments()


class NatureDocument(models.TextChoices):
    PROCES_VERBAL = "proces_verbal", "Procès-verbal des opérations"
    FEUILLE_DE_QUESTIONS = "feuille_de_questions", "Feuille de questions"
    EXTRAIT_DU_JOURNAL = "extrait_du_journal", "Extrait du journal d'audience"
    # Art. 364 et 365-1 CPP : tirées du délibéré enregistré ; lues après le verdict par le
    # président, le greffe et l'assesseur désigné (``proces.access``).
    FEUILLE_REPONDUE = "feuille_repondue", "Feuille de questions répondue"
    FEUILLE_DE_MOTIVATION = "feuille_de_motivation", "Feuille de motivation"


NATURES_DU_DELIBERE = frozenset({NatureDocument.FEUILLE_REPONDUE, NatureDocument.FEUILLE_DE_MOTIVATION})


class Document(models.Model):
    """Un PDF signé, tel qu'il a été remis : ni modifié ni remplacé, une régénération en fait
    une nouvelle version."""

    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="documents", verbose_name="affaire")
    nature = models.CharField("nature", max_length=30, choices=NatureDocument.choices)
    deposition = models.ForeignKey(
        Deposition,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="déposition",
    )
    version = models.PositiveIntegerField("version")
    provisoire = models.BooleanField("provisoire", default=False)
    fichier = models.FileField("fichier", storage=stockage_des_documents, max_length=300)
    empreinte_pdf = models.CharField("empreinte SHA-256 du PDF", max_length=64)
    journal_premier = models.PositiveIntegerField("premier événement du journal")
    journal_dernier = models.PositiveIntegerField("dernier événement du journal")
    empreinte_journal = models.CharField("empreinte SHA-256 du segment de journal", max_length=64)
    signataires = models.CharField("signataires", max_length=400)
    # Les rôles qui doivent signer, dans l'ordre (« greffier,president ») ; vide pour les versions
    # d'avant la seconde signature, toutes signées à la génération.
    signatures_attendues = models.CharField("signatures attendues", max_length=100, blank=True)
    cree_le = models.DateTimeField("créé le")
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="documents_generes",
        verbose_name="créé par",
    )
    cree_par_libelle = models.CharField("créé par (libellé)", max_length=200)

    class Meta:
        verbose_name = "document signé"
        verbose_name_plural = "documents signés"
        ordering = ["affaire", "nature", "deposition", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["affaire", "nature", "deposition", "version"],
                condition=Q(deposition__isnull=False),
                name="document_version_unique_par_deposition",
            ),
            models.UniqueConstraint(
                fields=["affaire", "nature", "version"],
                condition=Q(deposition__isnull=True),
                name="document_version_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} — {self.affaire.numero} — version {self.version}"

    @property
    def roles_attendus(self) -> list[Role]:
        return [Role(role) for role in self.signatures_attendues.split(",") if role]

    def roles_signes(self) -> list[Role]:
        return [Role(s.role) for s in self.signatures.all()]

    @property
    def en_attente_de(self) -> Role | None:
        """Le rôle dont la signature est attendue maintenant, ou ``None`` si le document est complet."""
        signes = self.roles_signes()
        restants = self.roles_attendus[len(signes) :]
        return restants[0] if restants else None

    @property
    def nom_de_fichier(self) -> str:
        sujet = f"-deposition-{self.deposition_id}" if self.deposition_id else ""
        numero = self.affaire.numero.replace("/", "-")
        return f"{self.nature.replace('_', '-')}-{numero}{sujet}-v{self.version}.pdf"


class Signature(models.Model):
    """Une signature apposée sur un document : qui, à quel titre, quand, avec quel certificat."""

    document = models.ForeignKey(Document, models.PROTECT, related_name="signatures", verbose_name="document")
    role = models.CharField("rôle", max_length=30, choices=Role.choices)
    # Le compte dont la session a apposé la signature ; vide pour la ligne de commande du greffe.
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures_apposees",
        verbose_name="apposée par",
    )
    nom = models.CharField("nom du signataire", max_length=200)
    signee_le = models.DateTimeField("signée le")
    empreinte_certificat = models.CharField("empreinte SHA-256 du certificat", max_length=95)

    class Meta:
        verbose_name = "signature d'un document"
        verbose_name_plural = "signatures des documents"
        ordering = ["document", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "role"], name="signature_une_par_role"),
        ]

    def __str__(self) -> str:
        return f"{self.nom} ({self.get_role_display()}) — {self.document}"


# L'exécutant d'une génération signale qu'il vit toutes les ``BATTEMENT`` ; sans battement depuis
# ``BAIL``, il est mort en cours de route (processus tué, machine arrêtée) et la génération est
# interrompue. Le bail couvre plusieurs battements manqués sous une charge passagère.
BATTEMENT = timedelta(seconds=5)
BAIL = timedelta(seconds=30)


class EtatGeneration(models.TextChoices):
    EN_ATTENTE = "en_attente", "en attente d'un exécutant"
    EN_COURS = "en_cours", "en cours"
    TERMINEE = "terminee", "terminée"
    ECHOUEE = "echouee", "échouée"


class Generation(models.Model):
    """Une génération demandée depuis la page du greffe : son avancement, puis son issue."""

    affaire = models.ForeignKey(Affaire, models.CASCADE, related_name="generations", verbose_name="affaire")
    nature = models.CharField("nature", max_length=30, choices=NatureDocument.choices)
    deposition = models.ForeignKey(
        Deposition, models.CASCADE, null=True, blank=True, related_name="+", verbose_name="déposition"
    )
    provisoire = models.BooleanField("provisoire accepté", default=False)
    journal_premier = models.PositiveIntegerField("premier événement", null=True, blank=True)
    journal_dernier = models.PositiveIntegerField("dernier événement", null=True, blank=True)
    demandee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name="demandée par"
    )
    demandee_le = models.DateTimeField("demandée le", auto_now_add=True)
    mise_a_jour_le = models.DateTimeField("mise à jour le", auto_now=True)
    etat = models.CharField(
        "état", max_length=20, choices=EtatGeneration.choices, default=EtatGeneration.EN_ATTENTE
    )
    # La tâche de la file (django-tasks) qui porte cette génération.
    tache = models.CharField("tâche", max_length=64, blank=True)
    executant = models.CharField("exécutant (hôte et processus)", max_length=200, blank=True)
    battement_le = models.DateTimeField("dernier signe de vie de l'exécutant", null=True, blank=True)
    etape = models.CharField("étape", max_length=200, blank=True)
    avancement = models.PositiveSmallIntegerField("avancement (%)", default=0)
    message = models.TextField("message", blank=True)
    document = models.ForeignKey(
        Document, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="document"
    )

    class Meta:
        verbose_name = "génération de document"
        verbose_name_plural = "générations de documents"
        ordering = ["-demandee_le"]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} — {self.get_etat_display()}"

    @property
    def active(self) -> bool:
        """En file ou en cours chez un exécutant vivant : la page continue de la suivre."""
        return self.etat in (EtatGeneration.EN_ATTENTE, EtatGeneration.EN_COURS) and not self.interrompue

    @property
    def interrompue(self) -> bool:
        """L'exécutant qui l'avait prise a cessé de battre : il est mort, rien n'a été enregistré."""
        if self.etat != EtatGeneration.EN_COURS or self.battement_le is None:
            return False
        return timezone.now() - self.battement_le > BAIL

    @property
    def sans_executant(self) -> bool:
        """En file depuis plus d'un bail : aucun exécutant libre ne l'a prise."""
        return self.etat == EtatGeneration.EN_ATTENTE and timezone.now() - self.demandee_le > BAIL

    @property
    def etat_suivi(self) -> str:
        """L'état que la page montre : celui de la base, ou « interrompue » d'après le bail."""
        return "interrompue" if self.interrompue else str(self.etat)
