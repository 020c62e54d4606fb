"""Le procès : juridiction, session, affaire, accusés, victimes, décision de mise en accusation.

Les champs reprennent ceux du dossier d'affaire (``pretoire.law.mise_en_accusation``) afin
qu'un dossier importé puis exporté reste identique.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class TypeJuridiction(models.TextChoices):
    COUR_ASSISES = "cour_assises", "Cour d'assises (premier ressort)"
    COUR_ASSISES_APPEL = "cour_assises_appel", "Cour d'assises statuant en appel"
    COUR_CRIMINELLE_DEPARTEMENTALE = (
        "cour_criminelle_departementale",
        "Cour criminelle départementale",
    )


class Juridiction(models.Model):
    type = models.CharField("type", max_length=40, choices=TypeJuridiction.choices)
    nom = models.CharField(
        "nom", max_length=200, help_text="Par exemple « Cour d'assises des Bouches-du-Rhône »."
    )
    siege = models.CharField("siège", max_length=120)

    class Meta:
        verbose_name = "juridiction"
        verbose_name_plural = "juridictions"

    def __str__(self) -> str:
        return self.nom


class Session(models.Model):
    juridiction = models.ForeignKey(
        Juridiction, models.PROTECT, related_name="sessions", verbose_name="juridiction"
    )
    intitule = models.CharField("intitulé", max_length=200)
    debut = models.DateField("début")
    fin = models.DateField("fin")

    class Meta:
        verbose_name = "session"
        verbose_name_plural = "sessions"
        constraints = [
            models.CheckConstraint(condition=Q(fin__gte=models.F("debut")), name="session_fin_apres_debut"),
        ]

    def __str__(self) -> str:
        return f"{self.juridiction} — {self.intitule}"


class Affaire(models.Model):
    session = models.ForeignKey(Session, models.PROTECT, related_name="affaires", verbose_name="session")
    numero = models.CharField("numéro d'affaire", max_length=40)
    intitule = models.CharField(
        "intitulé", max_length=200, help_text="Par exemple « Ministère public c. Marc DURAND »."
    )

    class Meta:
        verbose_name = "affaire"
        verbose_name_plural = "affaires"
        constraints = [
            models.UniqueConstraint(fields=["session", "numero"], name="affaire_numero_unique_par_session"),
        ]

    def __str__(self) -> str:
        return f"{self.numero} — {self.intitule}"

    @property
    def juridiction(self) -> Juridiction:
        return self.session.juridiction


class JourAudience(models.Model):
    affaire = models.ForeignKey(
        Affaire, models.PROTECT, related_name="jours_audience", verbose_name="affaire"
    )
    date = models.DateField("date")
    salle = models.CharField("salle", max_length=120, blank=True)

    class Meta:
        verbose_name = "jour d'audience"
        verbose_name_plural = "jours d'audience"
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["affaire", "date"], name="jour_audience_unique")]

    def __str__(self) -> str:
        return f"{self.affaire.numero} — {self.date:%d/%m/%Y}"


class Sexe(models.TextChoices):
    MASCULIN = "M", "masculin"
    FEMININ = "F", "féminin"


class Personne(models.Model):
    identifiant = models.CharField(
        "identifiant",
        max_length=20,
        help_text="Repère dans le dossier d'affaire, par exemple A1 ou V2.",
    )
    nom = models.CharField("nom", max_length=120)
    prenoms = models.CharField("prénoms", max_length=200)
    sexe = models.CharField("sexe", max_length=1, choices=Sexe.choices)
    date_naissance = models.DateField("date de naissance", null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["identifiant"]

    def __str__(self) -> str:
        return self.nom_complet

    @property
    def nom_complet(self) -> str:
        return f"{self.prenoms.split()[0] if self.prenoms else ''} {self.nom.upper()}".strip()


class Accuse(Personne):
    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="accuses", verbose_name="affaire")

    class Meta(Personne.Meta):
        verbose_name = "accusé"
        verbose_name_plural = "accusés"
        constraints = [
            models.UniqueConstraint(fields=["affaire", "identifiant"], name="accuse_identifiant_unique")
        ]


class Victime(Personne):
    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="victimes", verbose_name="affaire")
    partie_civile = models.BooleanField("constituée partie civile", default=True)

    class Meta(Personne.Meta):
        verbose_name = "victime"
        verbose_name_plural = "victimes"
        constraints = [
            models.UniqueConstraint(fields=["affaire", "identifiant"], name="victime_identifiant_unique")
        ]


class NatureDecision(models.TextChoices):
    ORDONNANCE = "ordonnance", "Ordonnance de mise en accusation"
    ARRET = "arret", "Arrêt de mise en accusation"


class DecisionMiseEnAccusation(models.Model):
    """La décision de renvoi : son dispositif fixe les faits sur lesquels portent les questions."""

    affaire = models.OneToOneField(
        Affaire, models.PROTECT, related_name="decision_mise_en_accusation", verbose_name="affaire"
    )
    nature = models.CharField("nature", max_length=20, choices=NatureDecision.choices)
    date = models.DateField("date")
    auteur = models.CharField(
        "auteur",
        max_length=200,
        help_text="Par exemple « Juge d'instruction du tribunal judiciaire de Marseille ».",
    )
    cour_assises_des_mineurs = models.BooleanField(
        "renvoi devant la cour d'assises des mineurs", default=False
    )

    class Meta:
        verbose_name = "décision de mise en accusation"
        verbose_name_plural = "décisions de mise en accusation"

    def __str__(self) -> str:
        return f"{self.get_nature_display()} du {self.date:%d/%m/%Y}"


class Fait(models.Model):
    """Un fait spécifié dans le dispositif de la décision de mise en accusation."""

    decision = models.ForeignKey(
        DecisionMiseEnAccusation, models.PROTECT, related_name="faits", verbose_name="décision"
    )
    identifiant = models.CharField("identifiant", max_length=20)
    ordre = models.PositiveIntegerField("ordre dans le dispositif")
    qualification = models.CharField(
        "qualification", max_length=80, help_text="Code du catalogue, par exemple « viol »."
    )
    tentative = models.BooleanField("tentative", default=False)
    date = models.DateField("date des faits", null=True, blank=True)
    periode_debut = models.DateField("début de la période", null=True, blank=True)
    periode_fin = models.DateField("fin de la période", null=True, blank=True)
    lieu = models.CharField("lieu", max_length=200)
    enonce = models.TextField("énoncé du dispositif")
    victimes = models.ManyToManyField(Victime, related_name="faits", verbose_name="victimes", blank=True)
    circonstances_aggravantes = models.JSONField("circonstances aggravantes", default=list, blank=True)
    causes_exemption_diminution = models.JSONField(
        "causes d'exemption ou de diminution", default=list, blank=True
    )
    causes_irresponsabilite = models.JSONField(
        "causes d'irresponsabilité invoquées", default=list, blank=True
    )
    # La qualification d'inceste retenue par la décision (art. 356 al. 2 CPP), ou rien.
    inceste = models.JSONField("inceste", null=True, blank=True)

    class Meta:
        verbose_name = "fait"
        verbose_name_plural = "faits"
        ordering = ["ordre"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "identifiant"], name="fait_identifiant_unique"),
            models.CheckConstraint(
                condition=(Q(date__isnull=False, periode_debut__isnull=True, periode_fin__isnull=True))
                | (Q(date__isnull=True, periode_debut__isnull=False, periode_fin__isnull=False)),
                name="fait_date_ou_periode",
            ),
            models.CheckConstraint(
                condition=Q(periode_debut__isnull=True) | Q(periode_fin__gte=models.F("periode_debut")),
                name="fait_periode_dans_l_ordre",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.identifiant} — {self.qualification}"


class QualiteParticipation(models.TextChoices):
    AUTEUR = "auteur", "auteur"
    COMPLICE = "complice", "complice"


class Participation(models.Model):
    fait = models.ForeignKey(Fait, models.PROTECT, related_name="participations", verbose_name="fait")
    accuse = models.ForeignKey(Accuse, models.PROTECT, related_name="participations", verbose_name="accusé")
    qualite = models.CharField("qualité", max_length=20, choices=QualiteParticipation.choices)
    mode_complicite = models.CharField(
        "mode de complicité",
        max_length=30,
        blank=True,
        choices=[
            ("aide_ou_assistance", "aide ou assistance"),
            ("provocation", "provocation"),
            ("instructions", "instructions"),
        ],
    )
    # Les moyens de la provocation retenus par la décision (art. 121-7 al. 2 CP) ; vide : tous.
    moyens_de_provocation = models.JSONField("moyens de la provocation", default=list, blank=True)

    class Meta:
        verbose_name = "participation d'un accusé"
        verbose_name_plural = "participations des accusés"
        constraints = [models.UniqueConstraint(fields=["fait", "accuse"], name="participation_unique")]


class Role(models.TextChoices):
    PRESIDENT = "president", "Président"
    ASSESSEUR = "assesseur", "Assesseur"
    GREFFIER = "greffier", "Greffier"
    AVOCAT_GENERAL = "avocat_general", "Avocat général"
    AVOCAT_DEFENSE = "avocat_defense", "Avocat de la défense"
    AVOCAT_PARTIE_CIVILE = "avocat_partie_civile", "Avocat de partie civile"


class Affectation(models.Model):
    """Qui siège ou plaide dans quelle affaire, et à quel titre : la seule source des droits."""

    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="affectations",
        verbose_name="utilisateur",
    )
    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="affectations", verbose_name="affaire")
    role = models.CharField("rôle", max_length=30, choices=Role.choices)
    accuse = models.ForeignKey(
        Accuse,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="avocats",
        verbose_name="accusé défendu",
    )
    victime = models.ForeignKey(
        Victime,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="avocats",
        verbose_name="victime représentée",
    )

    class Meta:
        verbose_name = "affectation"
        verbose_name_plural = "affectations"
        constraints = [
            models.UniqueConstraint(fields=["utilisateur", "affaire", "role"], name="affectation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.utilisateur} — {self.get_role_display()} — {self.affaire.numero}"


class Jure(models.Model):
    """Un juré du jury de jugement de l'affaire, dans l'ordre du tirage au sort.

    Le premier (rang 1) est « le premier juré désigné par le sort » qui signe la feuille de
    questions et la feuille de motivation avec le président (art. 364 et 365-1 CPP). La liste est
    contrôlée à l'ouverture du délibéré (``law.deliberation.jury.verifier_le_jury``) et recopiée
    dans la feuille répondue, qui la scelle.
    """

    affaire = models.ForeignKey(Affaire, models.PROTECT, related_name="jures", verbose_name="affaire")
    rang = models.PositiveIntegerField(
        "rang au tirage au sort", help_text="1 pour le premier juré désigné par le sort."
    )
    nom = models.CharField("nom", max_length=120)
    prenoms = models.CharField("prénoms", max_length=200)

    class Meta:
        verbose_name = "juré"
        verbose_name_plural = "jury de jugement"
        ordering = ["affaire", "rang"]
        constraints = [
            models.UniqueConstraint(fields=["affaire", "rang"], name="jure_rang_unique_par_affaire"),
            models.CheckConstraint(condition=Q(rang__gte=1), name="jure_rang_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.rang}. {self.prenoms} {self.nom.upper()}"
