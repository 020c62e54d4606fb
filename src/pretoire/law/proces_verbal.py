"""Le procès-verbal des opérations d'une déposition à distance, tiré du seul journal d'audience.

Art. 706-71 al. 2 CPP (rendu applicable au jugement par l'al. 3) : « Il est dressé un
procès-verbal des opérations qui ont été effectuées. » Depuis la loi n° 2023-22 du 24 janvier
2023, ce procès-verbal est unique : « le recours à ce procédé n'imposant désormais
l'établissement que d'un seul procès-verbal des opérations, par le greffier de la cour d'assises
où se déroulent les débats » (Cass. crim. 11 déc. 2024, n° 24-80.966, § 10).

Art. D. 47-12-6 CPP : il est « un relevé de constatations techniques comportant notamment la
mention du test du matériel et les heures de début et de fin de connexion ». Art. R. 53-38 CPP :
« Tout incident technique ayant perturbé une transmission doit être mentionné ». Cass. crim.
20 févr. 2019, n° 18-82.164 : l'audition d'un expert « par un moyen de télécommunication
exclusivement sonore » méconnaît les art. 168 et 706-71.

Ce module lit les événements d'une déposition (``EvenementDebats``) et en tire le contenu du
procès-verbal : chronologie à la seconde, périodes d'interruption, constat de conformité ou
liste exacte des défauts, chacun avec sa citation. Il ne connaît ni la base ni l'horloge :
l'heure d'établissement est un argument.
"""

from __future__ import annotations

import enum
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pretoire.law.citations import Jurisprudence, Reference, article_cpp, formater
from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.redaction import (
    date_avec_jour,
    date_en_lettres,
    duree_en_francais,
    heure_a_la_seconde,
    liste_en_francais,
)
from pretoire.law.visio import (
    ARTICLE_168,
    ARTICLE_706_71_AL_3,
    ARTICLE_D47_12_5,
    ARTICLE_D47_12_6,
    ARTICLE_R53_38,
    AUDITION_EXCLUSIVEMENT_SONORE,
    DEPOSITION_DEPUIS_ORDINATEUR_PERSONNEL,
    QualiteDeposant,
)

FUSEAU_DE_LA_COUR = ZoneInfo("Europe/Paris")

# Art. 706-71 al. 2 : « moyens de télécommunications garantissant la confidentialité de la
# transmission » ; l'al. 3 l'applique à l'audition des témoins, parties civiles et experts.
ARTICLE_706_71_AL_2 = article_cpp("706-71", 2)
# Cass. crim. 2 déc. 2020 : la déposition d'un expert sans le serment de l'art. 168 est irrégulière.
DEPOSITION_SANS_SERMENT = Jurisprudence("Cass. crim.", date(2020, 12, 2), "19-87.124")


@dataclass(frozen=True)
class Fondement:
    """Un texte sur lequel repose le procès-verbal, cité mot pour mot (extrait)."""

    reference: Reference
    extrait: str


FONDEMENTS: tuple[Fondement, ...] = (
    Fondement(
        ARTICLE_706_71_AL_3,
        "« Les dispositions de l'alinéa précédent prévoyant l'utilisation d'un moyen de"
        " télécommunication audiovisuelle sont applicables devant la juridiction de jugement pour"
        " l'audition des témoins, des parties civiles et des experts. »",
    ),
    Fondement(
        ARTICLE_706_71_AL_2,
        "« […] reliés par des moyens de télécommunications garantissant la confidentialité de la"
        " transmission. […] Il est dressé un procès-verbal des opérations qui ont été effectuées. »",
    ),
    Fondement(
        ARTICLE_R53_38,
        "« Les caractéristiques techniques des moyens de télécommunication utilisés doivent assurer"
        " une retransmission fidèle, loyale et confidentielle à l'égard des tiers. Tout incident"
        " technique ayant perturbé une transmission doit être mentionné dans les procès-verbaux"
        " prévus par les articles R. 53-39-1 et R. 53-37. »",
    ),
    Fondement(
        ARTICLE_D47_12_5,
        "« Lorsqu'un moyen de télécommunication est utilisé devant une juridiction de jugement ou"
        " devant la chambre de l'instruction, il est fait mention de l'usage de celui-ci dans les"
        " notes d'audience et dans la décision rendue. »",
    ),
    # AMBIGUÏTÉ : D. 47-12-6 parle encore du procès-verbal « dressé en chacun des lieux en
    # application des dispositions du premier alinéa de l'article 706-71 », rédaction antérieure à
    # la loi n° 2023-22 — lecture retenue : son contenu (test du matériel, heures de début et de fin
    # de connexion) vaut pour le procès-verbal unique dressé par le greffier de la cour d'assises.
    Fondement(
        ARTICLE_D47_12_6,
        "« Le procès-verbal dressé en chacun des lieux en application des dispositions du premier"
        " alinéa de l'article 706-71 est un relevé de constatations techniques comportant notamment"
        " la mention du test du matériel et les heures de début et de fin de connexion. »",
    ),
    Fondement(
        DEPOSITION_DEPUIS_ORDINATEUR_PERSONNEL,
        "« il n'est plus exigé, depuis la loi n° 2023-22 du 24 janvier 2023, que l'audition d'un"
        " expert, par visioconférence, devant la cour d'assises, intervienne depuis un bâtiment"
        " judiciaire, le recours à ce procédé n'imposant désormais l'établissement que d'un seul"
        " procès-verbal des opérations, par le greffier de la cour d'assises où se déroulent les"
        " débats. »",
    ),
)
FONDEMENT_EXPERT = Fondement(
    ARTICLE_168,
    "« Les experts exposent à l'audience, s'il y a lieu, le résultat des opérations techniques"
    " auxquelles ils ont procédé, après avoir prêté serment d'apporter leur concours à la justice"
    " en leur honneur et en leur conscience. »",
)


class Poste(enum.StrEnum):
    """Le point de la liaison qui observe ou reçoit (``journal.donnees.Poste``)."""

    SALLE = "salle"
    DEPOSANT = "deposant"

    @property
    def libelle(self) -> str:
        return {Poste.SALLE: "la salle d'audience", Poste.DEPOSANT: "le déposant"}[self]

    @property
    def poste(self) -> str:
        return {Poste.SALLE: "poste de la salle d'audience", Poste.DEPOSANT: "poste du déposant"}[self]

    @property
    def court(self) -> str:
        return {Poste.SALLE: "salle d'audience", Poste.DEPOSANT: "déposant"}[self]


class GenrePeriode(enum.StrEnum):
    INTERRUPTION = "interruption"
    AUDIO_SEUL = "audio_seul"
    ALERTE = "alerte"
    DECONNEXION = "deconnexion"

    @property
    def libelle(self) -> str:
        return {
            GenrePeriode.INTERRUPTION: "Interruption",
            GenrePeriode.AUDIO_SEUL: "Son seul, sans image",
            GenrePeriode.ALERTE: "Transmission dégradée",
            GenrePeriode.DECONNEXION: "Déconnexion",
        }[self]


NATURES_INTERRUPTION: Mapping[str, str] = {"image_et_son": "image et son", "image": "image", "son": "son"}
INTERRUPTIONS: Mapping[str, str] = {
    "image_et_son": "de l'image et du son reçus",
    "image": "de l'image reçue",
    "son": "du son reçu",
}
MOTIFS_DE_REFUS: Mapping[str, str] = {
    "expiree": "invitation expirée",
    "revoquee": "invitation révoquée",
    "deja_utilisee": "invitation déjà utilisée depuis un autre appareil",
    "code_errone": "code d'accès erroné",
    "trop_de_tentatives": "trop de codes erronés",
    "terminee": "déposition terminée",
}


def heure(instant: datetime) -> str:
    """L'heure de Paris, à la seconde.

    >>> from datetime import UTC
    >>> heure(datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC))
    '10 h 41 min 12 s'
    """
    return heure_a_la_seconde(instant, FUSEAU_DE_LA_COUR)


def _instant(valeur: Any) -> datetime:
    return valeur if isinstance(valeur, datetime) else datetime.fromisoformat(str(valeur))


@dataclass(frozen=True)
class Periode:
    """Une période où la transmission n'était pas normale, telle que le dispositif l'a datée."""

    genre: GenrePeriode
    poste: Poste
    debut: datetime
    fin: datetime | None
    duree_s: float | None
    precision: str = ""  # nature de l'interruption, raisons de l'alerte, motif de déconnexion
    pendant_audition: bool = False
    pendant_suspension: bool = False
    # Pour une période que seul le poste du déposant déclare : les relevés de la salle la
    # corroborent-ils ? (``None`` pour tout ce que la cour a relevé elle-même.)
    corroboree: bool | None = None

    @property
    def declaree_par_le_deposant(self) -> bool:
        """Tirée des statistiques que le navigateur du déposant envoie lui-même : un indice, non un
        constat — un porteur du cookie, sans aucun média, peut écrire les chiffres qu'il veut."""
        return self.poste is Poste.DEPOSANT and self.genre is not GenrePeriode.DECONNEXION

    @property
    def source(self) -> str:
        """Qui a rapporté la période : chaque chiffre du procès-verbal dit d'où il vient.

        >>> from datetime import UTC
        >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
        >>> Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, None, None).source
        "relevés du poste de la salle d'audience"
        >>> Periode(GenrePeriode.AUDIO_SEUL, Poste.DEPOSANT, debut, None, None, corroboree=False).source
        "déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"
        """
        if self.genre is GenrePeriode.DECONNEXION:
            return "constatée par le serveur (liaison de signalisation perdue)"
        if not self.declaree_par_le_deposant:
            return f"relevés du {self.poste.poste}"
        if self.corroboree:
            return "déclaration du poste du déposant, corroborée par les relevés de la salle d'audience"
        return "déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"

    @property
    def bornes(self) -> str:
        """Début, fin et durée, à l'heure de Paris ; la durée mesurée par le dispositif fait foi.

        >>> from datetime import UTC
        >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
        >>> fin = debut.replace(minute=44, second=3)
        >>> Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, fin, 171.0).bornes
        'de 10 h 41 min 12 s à 10 h 44 min 03 s (durée : 2 min 51 s)'
        >>> Periode(GenrePeriode.INTERRUPTION, Poste.SALLE, debut, None, None, "image_et_son").bornes
        'à partir de 10 h 41 min 12 s, fin non consignée au journal'
        """
        if self.fin is None:
            return f"à partir de {heure(self.debut)}, fin non consignée au journal"
        duree = self.duree_s if self.duree_s is not None else (self.fin - self.debut).total_seconds()
        return f"de {heure(self.debut)} à {heure(self.fin)} (durée : {duree_en_francais(duree)})"

    @property
    def duree(self) -> str:
        if self.fin is None:
            return "non close"
        duree = self.duree_s if self.duree_s is not None else (self.fin - self.debut).total_seconds()
        return duree_en_francais(duree)

    @property
    def description(self) -> str:
        """La période en une phrase, sans sa qualification juridique."""
        if self.genre is GenrePeriode.INTERRUPTION:
            objet = INTERRUPTIONS.get(self.precision, "de la transmission reçue")
            return f"interruption {objet} par {self.poste.libelle} {self.bornes}"
        if self.genre is GenrePeriode.AUDIO_SEUL:
            if self.poste is Poste.SALLE:
                return (
                    f"audition exclusivement sonore {self.bornes} :"
                    " la salle d'audience ne recevait plus l'image du déposant"
                )
            return (
                f"image de la salle d'audience non reçue par le déposant {self.bornes},"
                " le son seul étant transmis"
            )
        if self.genre is GenrePeriode.ALERTE:
            raisons = f" : {self.precision}" if self.precision else ""
            return f"transmission dégradée reçue par {self.poste.libelle} {self.bornes}{raisons}"
        motif = f" ({self.precision})" if self.precision else ""
        return f"déconnexion du {self.poste.poste} {self.bornes}{motif}"

    @property
    def citations(self) -> tuple[Reference, ...]:
        """Le son seul reçu en salle : Cass. crim. 20 févr. 2019 ; tout autre incident : R. 53-38.

        >>> from datetime import UTC
        >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
        >>> [str(c) for c in Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, None, None).citations][0]
        'Cass. crim., 20 février 2019, n° 18-82.164'
        """
        exclusivement_sonore = self.poste is Poste.SALLE and (
            self.genre is GenrePeriode.AUDIO_SEUL
            or (self.genre is GenrePeriode.INTERRUPTION and self.precision == "image")
        )
        if exclusivement_sonore:
            return (AUDITION_EXCLUSIVEMENT_SONORE, ARTICLE_706_71_AL_3)
        return (ARTICLE_R53_38,)


@dataclass(frozen=True)
class Defaut:
    """Ce qui empêche de constater une transmission audiovisuelle, continue et confidentielle."""

    texte: str
    citations: tuple[Reference, ...]
    source: str = ""


@dataclass(frozen=True)
class Ligne:
    """Une ligne de la chronologie : l'événement du journal, son heure, ce qu'il dit."""

    numero: int
    horodatage: datetime
    libelle: str
    detail: str = ""


@dataclass(frozen=True)
class EssaiDuMateriel:
    horodatage: datetime
    concluant: bool
    detail: str


@dataclass(frozen=True)
class ResumeQualite:
    """La qualité reçue par un poste, d'après les résumés minute par minute du dispositif."""

    poste: Poste
    minutes: int
    notes: Mapping[str, int]
    debit_kbps: float
    perte_max_pct: float
    images_par_seconde: float
    delai_ms: float | None
    gels: int
    resolutions: tuple[str, ...]


@dataclass(frozen=True)
class EnTete:
    """La juridiction, l'affaire et les personnes qui dressent le procès-verbal."""

    juridiction: str
    siege: str
    session: str
    numero_affaire: str
    intitule_affaire: str
    jour_audience: date
    president: str
    greffier: str
    dispositif: str  # nom et version du dispositif de visioconférence
    hebergement: str  # où le dispositif est hébergé, tel que la juridiction le déclare


class ProcesVerbalImpossible(ValueError):
    """Le journal ne contient pas de quoi dresser ce procès-verbal ; le message dit pourquoi."""


@dataclass
class ProcesVerbal:
    en_tete: EnTete
    deposition: int
    etabli_le: datetime
    terminee: bool
    premier_numero: int
    dernier_numero: int
    personne_invitee: str = ""
    qualite_invitee: str = ""
    identite_declaree: Mapping[str, Any] | None = None
    identite_declaree_le: datetime | None = None
    identite_verifiee_le: datetime | None = None
    navigateur: str = ""
    systeme: str = ""
    acces_refuses: list[Ligne] = field(default_factory=list)
    essais: list[EssaiDuMateriel] = field(default_factory=list)
    connexions: list[Ligne] = field(default_factory=list)
    deconnexions: list[Ligne] = field(default_factory=list)
    admission: datetime | None = None
    debut_deposition: datetime | None = None
    fin_deposition: datetime | None = None
    issue_sans_audition: str = ""  # éconduite, invitation révoquée
    serment: Ligne | None = None
    code_verification: Ligne | None = None
    chiffrement_par_connexion: list[tuple[Poste, datetime, bool]] = field(default_factory=list)
    # (début de la minute, images déchiffrées) d'après les résumés du poste de la salle : une
    # image du déposant que la salle déchiffre a été chiffrée de bout en bout par le déposant.
    dechiffrees_en_salle: list[tuple[datetime, int]] = field(default_factory=list)
    chronologie: list[Ligne] = field(default_factory=list)
    periodes: list[Periode] = field(default_factory=list)
    qualite: list[ResumeQualite] = field(default_factory=list)
    incidents_des_parties: list[Ligne] = field(default_factory=list)
    defauts: list[Defaut] = field(default_factory=list)
    mentions_manquantes: list[Defaut] = field(default_factory=list)

    # --- Ce que le procès-verbal constate ---------------------------------------------------

    @property
    def provisoire(self) -> bool:
        return not self.terminee

    @property
    def qualite_deposant(self) -> QualiteDeposant | None:
        qualite = (self.identite_declaree or {}).get("qualite") or self.qualite_invitee
        return QualiteDeposant(qualite) if qualite in set(QualiteDeposant) else None

    @property
    def audition_a_eu_lieu(self) -> bool:
        return self.admission is not None

    @property
    def conforme(self) -> bool:
        return self.audition_a_eu_lieu and self.terminee and not self.defauts

    def dechiffrees_en_salle_depuis(self, instant: datetime) -> int:
        """Les images du déposant que la salle a déchiffrées dans les minutes commencées à
        ``instant`` ou après."""
        return sum(nombre for debut, nombre in self.dechiffrees_en_salle if debut >= instant)

    def sans_chiffrement_dementi(self, poste: Poste, instant: datetime) -> bool:
        """Le poste du déposant se dit sans chiffrement à ``instant``, mais la salle a ensuite
        déchiffré ses images : sa déclaration est démentie par les relevés de la cour."""
        return poste is Poste.DEPOSANT and self.dechiffrees_en_salle_depuis(instant) > 0

    def citer(self, references: Sequence[Reference]) -> list[str]:
        return [formater(r, self.en_tete.jour_audience) for r in references]

    @property
    def declarations_non_corroborees(self) -> list[Periode]:
        """Les périodes que seul le poste du déposant déclare, pendant l'audition, et que les
        relevés de la salle ne corroborent pas : mentionnées (art. R. 53-38), non retenues comme
        défauts."""
        return [
            p
            for p in self.periodes
            if p.declaree_par_le_deposant
            and not p.corroboree
            and p.pendant_audition
            and not p.pendant_suspension
        ]

    @property
    def constat(self) -> str:
        """Le constat de conformité, ou l'annonce de la liste des défauts."""
        texte = self._constat_des_defauts()
        declarations = self.declarations_non_corroborees
        if declarations and self.audition_a_eu_lieu:
            nombre = len(declarations)
            pluriel = "s" if nombre > 1 else ""
            texte += (
                f" Le poste du déposant a en outre déclaré {nombre} période{pluriel} de réception"
                " dégradée que les relevés du poste de la salle d'audience ne corroborent pas (aucune"
                " interruption, période sans image, alerte ni déconnexion relevée en salle au même"
                f" moment) : mentionnée{pluriel} parmi les incidents techniques comme"
                f" déclaration{pluriel}, non retenue{pluriel} comme défaut{pluriel}."
            )
        return texte

    def _constat_des_defauts(self) -> str:
        if not self.audition_a_eu_lieu:
            issue = f" ({self.issue_sans_audition})" if self.issue_sans_audition else ""
            return (
                "La personne invitée n'a pas été admise dans la salle d'audience"
                f"{issue} : aucune audition n'a eu lieu par ce moyen."
            )
        assert self.admission is not None
        debut = f"l'admission de la personne entendue ({heure(self.admission)})"
        if self.provisoire:
            fin = f"le dernier événement consigné ({heure(self.chronologie[-1].horodatage)})"
            prefixe = "Procès-verbal provisoire : la déposition n'est pas terminée. "
        else:
            assert self.fin_deposition is not None
            fin = f"la fin de la déposition ({heure(self.fin_deposition)})"
            prefixe = ""
        if self.defauts:
            return (
                f"{prefixe}La transmission n'a pas été continûment audiovisuelle, fidèle et"
                f" confidentielle entre {debut} et {fin}. Le journal d'audience consigne"
                f" {len(self.defauts)} défaut{'s' if len(self.defauts) > 1 else ''} :"
            )
        selon = (
            ", d'après les relevés du poste de la salle d'audience,"
            if self.declarations_non_corroborees
            else ""
        )
        return (
            f"{prefixe}Entre {debut} et {fin}, le journal d'audience ne consigne{selon} aucune interruption,"
            " aucune période exclusivement sonore, aucune alerte de fidélité ni aucune déconnexion ;"
            " le chiffrement de bout en bout était actif et son code de vérification a été lu"
            " concordant sur les deux écrans. La transmission a été audiovisuelle, continue et"
            f" confidentielle ({'; '.join(self.citer((ARTICLE_706_71_AL_3, ARTICLE_R53_38)))})."
        )

    # --- Mise en forme ----------------------------------------------------------------------

    def en_json(self) -> dict[str, Any]:
        """Le procès-verbal en données prêtes à composer : chaque texte déjà rédigé en français."""
        en_tete = self.en_tete
        qualite = self.qualite_deposant
        fondements = [*FONDEMENTS, *([FONDEMENT_EXPERT] if qualite is QualiteDeposant.EXPERT else [])]
        return {
            "provisoire": self.provisoire,
            "deposition": self.deposition,
            "en_tete": {
                "juridiction": en_tete.juridiction,
                "siege": en_tete.siege,
                "session": en_tete.session,
                "numero_affaire": en_tete.numero_affaire,
                "intitule_affaire": en_tete.intitule_affaire,
                "jour_audience": date_avec_jour(en_tete.jour_audience),
                "president": en_tete.president or "non désigné",
                "greffier": en_tete.greffier or "non désigné",
            },
            "etabli_le": {
                "lettres": date_en_lettres(self.etabli_le.astimezone(FUSEAU_DE_LA_COUR).date()),
                "heure": heure(self.etabli_le),
            },
            "personne": self._personne_en_json(),
            "moyens": self._moyens(),
            "fondements": [
                {"citation": formater(f.reference, en_tete.jour_audience), "extrait": f.extrait}
                for f in fondements
            ],
            "essais": [
                {
                    "heure": heure(e.horodatage),
                    "resultat": "concluant" if e.concluant else "non concluant",
                    "detail": e.detail,
                }
                for e in self.essais
            ],
            "essai_conclusion": self._conclusion_essai(),
            "connexion": self._connexion_en_json(),
            "chronologie": [_ligne_en_json(ligne) for ligne in self.chronologie],
            "periodes": [
                {
                    "genre": p.genre.libelle,
                    "poste": p.poste.libelle,
                    "debut": heure(p.debut),
                    "fin": heure(p.fin) if p.fin else "non consignée",
                    "duree": p.duree,
                    "precision": _precision_lisible(p),
                    "moment": _moment(p),
                    "source": p.source,
                }
                for p in self.periodes
            ],
            "qualite": [_qualite_en_json(q) for q in self.qualite],
            "chiffrement": self._chiffrement(),
            "incidents_des_parties": [_ligne_en_json(ligne) for ligne in self.incidents_des_parties],
            "constat": {
                "conforme": self.conforme,
                "texte": self.constat,
                "defauts": [
                    {"texte": d.texte, "citations": self.citer(d.citations), "source": d.source}
                    for d in self.defauts
                ],
                "declarations_non_corroborees": [p.description for p in self.declarations_non_corroborees],
                "mentions_manquantes": [
                    {"texte": d.texte, "citations": self.citer(d.citations)} for d in self.mentions_manquantes
                ],
            },
            "mention_notes_audience": (
                "L'usage du moyen de télécommunication audiovisuelle est à mentionner dans les notes"
                " d'audience et dans la décision rendue"
                f" ({formater(ARTICLE_D47_12_5, en_tete.jour_audience)})."
            ),
        }

    def _personne_en_json(self) -> dict[str, Any]:
        declaree = self.identite_declaree or {}
        qualite_declaree = declaree.get("qualite", "")
        remarques = []
        if qualite_declaree and self.qualite_invitee and qualite_declaree != self.qualite_invitee:
            remarques.append(
                f"La qualité déclarée ({_qualite(qualite_declaree)}) diffère de celle de l'invitation"
                f" ({_qualite(self.qualite_invitee)})."
            )
        return {
            "invitee": self.personne_invitee,
            "qualite_invitee": _qualite(self.qualite_invitee),
            "declaree": (
                f"{declaree['nom']} {declaree['prenoms']}, {_qualite(qualite_declaree)}" if declaree else ""
            ),
            "declaree_le": heure(self.identite_declaree_le) if self.identite_declaree_le else "",
            "lieu": declaree.get("lieu") or "non déclaré",
            "verification": (
                f"Identité vérifiée à l'audience à {heure(self.identite_verifiee_le)}."
                if self.identite_verifiee_le
                else "Vérification de l'identité non consignée au journal."
            ),
            "remarques": remarques,
        }

    def _moyens(self) -> list[str]:
        lignes = [
            "Moyen de télécommunication audiovisuelle (image et son dans les deux sens) :"
            f" {self.en_tete.dispositif}.",
            f"Hébergement du dispositif : {self.en_tete.hebergement or 'non renseigné par la juridiction'}.",
            "Accès du déposant : lien d'invitation personnel et code d'accès transmis par un autre canal,"
            " l'invitation étant liée au premier navigateur qui l'utilise.",
            "Matériel du déposant (son ordinateur ou autre appareil personnel) : navigateur"
            f" « {self.navigateur or 'non communiqué'} », système « {self.systeme or 'non communiqué'} »,"
            " tels que le navigateur les déclare.",
        ]
        if self.acces_refuses:
            motifs = Counter(ligne.detail for ligne in self.acces_refuses)
            detail = liste_en_francais([f"{motif} ({nombre})" for motif, nombre in motifs.items()])
            lignes.append(f"Tentatives d'accès refusées : {len(self.acces_refuses)} — {detail}.")
        return lignes

    def _conclusion_essai(self) -> str:
        concluants = [e for e in self.essais if e.concluant]
        citation = formater(ARTICLE_D47_12_6, self.en_tete.jour_audience)
        if not self.essais:
            return f"Aucun essai du matériel n'est consigné au journal ({citation})."
        if not concluants:
            return f"Aucun des {len(self.essais)} essais du matériel n'a été concluant ({citation})."
        return f"Essai du matériel concluant à {heure(concluants[-1].horodatage)} ({citation})."

    def _connexion_en_json(self) -> dict[str, Any]:
        debut = min((ligne.horodatage for ligne in self.connexions), default=None)
        fin = max((ligne.horodatage for ligne in self.deconnexions), default=None)
        if fin is not None and debut is not None and fin < max(ligne.horodatage for ligne in self.connexions):
            fin = None  # une connexion a suivi la dernière déconnexion : la liaison restait ouverte
        return {
            "debut": heure(debut) if debut else "non consignée",
            "fin": heure(fin) if fin else "non consignée",
            "admission": heure(self.admission) if self.admission else "",
            "debut_deposition": heure(self.debut_deposition) if self.debut_deposition else "",
            "fin_deposition": heure(self.fin_deposition) if self.fin_deposition else "",
            "lignes": [
                _ligne_en_json(ligne)
                for ligne in sorted(self.connexions + self.deconnexions, key=lambda ligne: ligne.numero)
            ],
        }

    def _chiffrement(self) -> list[str]:
        lignes = []
        for poste, instant, actif in self.chiffrement_par_connexion:
            if not actif and self.sans_chiffrement_dementi(poste, instant):
                lignes.append(
                    f"Connexion du {poste.poste} à {heure(instant)} : chiffrement de bout en bout"
                    " déclaré INACTIF par ce poste, démenti par les relevés du poste de la salle"
                    f" d'audience, qui a ensuite déchiffré {self.dechiffrees_en_salle_depuis(instant)}"
                    " images venues du déposant."
                )
            else:
                lignes.append(
                    f"Connexion du {poste.poste} à {heure(instant)} : chiffrement de bout en"
                    f" bout {'actif' if actif else 'INACTIF'}."
                )
        if self.code_verification is not None:
            lignes.append(
                "Code de vérification du chiffrement lu et trouvé concordant sur les deux écrans à"
                f" {heure(self.code_verification.horodatage)} : {self.code_verification.detail}."
            )
        else:
            lignes.append("Aucun code de vérification du chiffrement lu concordant n'est consigné.")
        return lignes


def _qualite(code: str) -> str:
    return QualiteDeposant(code).libelle if code in set(QualiteDeposant) else code


def _ligne_en_json(ligne: Ligne) -> dict[str, Any]:
    return {
        "numero": ligne.numero,
        "heure": heure(ligne.horodatage),
        "libelle": ligne.libelle,
        "detail": ligne.detail,
    }


def _precision_lisible(periode: Periode) -> str:
    if periode.genre is GenrePeriode.INTERRUPTION:
        return NATURES_INTERRUPTION.get(periode.precision, periode.precision)
    return periode.precision


def _moment(periode: Periode) -> str:
    if periode.pendant_suspension:
        return "pendant une suspension"
    if periode.pendant_audition:
        return "pendant l'audition"
    return "hors audition"


def _qualite_en_json(resume: ResumeQualite) -> dict[str, Any]:
    def nombre(valeur: float) -> str:
        return f"{valeur:.1f}".replace(".", ",")

    return {
        "poste": f"reçue par {resume.poste.libelle}",
        "source": (
            "relevés du poste de la salle d'audience"
            if resume.poste is Poste.SALLE
            else "déclarée par le poste du déposant, non vérifiable par la cour"
        ),
        "minutes": resume.minutes,
        "notes": ", ".join(f"{nom} : {n}" for nom, n in resume.notes.items()),
        "debit": f"{resume.debit_kbps:.0f} kbit/s",
        "pertes": f"{nombre(resume.perte_max_pct)} %",
        "images_par_seconde": nombre(resume.images_par_seconde),
        "delai": f"{resume.delai_ms:.0f} ms" if resume.delai_ms is not None else "non mesuré",
        "gels": resume.gels,
        "resolutions": ", ".join(resume.resolutions) or "non communiquée",
    }


# --- Lecture du journal ---------------------------------------------------------------------------

TYPES_DES_PARTIES = frozenset({TypeEvenement.DEMANDE_DONNE_ACTE, TypeEvenement.CONCLUSIONS_INCIDENT})
FINS_SANS_AUDITION = {
    TypeEvenement.ECONDUITE: "éconduite de la salle d'attente",
    TypeEvenement.INVITATION_REVOQUEE: "invitation révoquée",
}
_DEBUTS: Mapping[TypeEvenement, GenrePeriode] = {
    TypeEvenement.INTERRUPTION_DEBUT: GenrePeriode.INTERRUPTION,
    TypeEvenement.AUDIO_SEUL_DEBUT: GenrePeriode.AUDIO_SEUL,
    TypeEvenement.ALERTE_FIDELITE_DEBUT: GenrePeriode.ALERTE,
}
_FINS: Mapping[TypeEvenement, GenrePeriode] = {
    TypeEvenement.INTERRUPTION_FIN: GenrePeriode.INTERRUPTION,
    TypeEvenement.AUDIO_SEUL_FIN: GenrePeriode.AUDIO_SEUL,
    TypeEvenement.ALERTE_FIDELITE_FIN: GenrePeriode.ALERTE,
}


FINS_DE_LA_DEPOSITION = frozenset({TypeEvenement.DEPOSITION_FIN, *FINS_SANS_AUDITION})


def evenements_de_la_deposition(
    evenements: Sequence[EvenementDebats], deposition: int
) -> list[EvenementDebats]:
    """Les événements de la déposition que son procès-verbal couvre.

    Tous jusqu'à sa fin (fin de la déposition, éconduite, invitation révoquée) ; après elle,
    seulement la fin de la liaison de chaque poste (D. 47-12-6 : « l'heure de fin de
    connexion ») et les incidents que les parties rattachent à la déposition. Un visiteur qui
    rouvre le lien une fois tout fini n'entre donc pas dans un procès-verbal déjà dressé.

    >>> from datetime import UTC, datetime
    >>> def ev(numero, type_evenement, **donnees):
    ...     quand = datetime(2026, 11, 23, 10, numero, tzinfo=UTC)
    ...     return EvenementDebats(numero, type_evenement, quand, {"deposition": 1, **donnees})
    >>> journal = [
    ...     ev(1, TypeEvenement.DEPOSITION_DEBUT),
    ...     ev(2, TypeEvenement.DEPOSITION_FIN),
    ...     ev(3, TypeEvenement.DECONNEXION, poste="salle"),
    ...     ev(4, TypeEvenement.ACCES_REFUSE, motif="terminee"),
    ...     ev(5, TypeEvenement.DECONNEXION, poste="salle"),
    ...     ev(6, TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="…"),
    ... ]
    >>> [e.numero for e in evenements_de_la_deposition(journal, 1)]
    [1, 2, 3, 6]
    """
    propres = [e for e in evenements if e.donnees.get("deposition") == deposition]
    fin = next((rang for rang, e in enumerate(propres) if e.type in FINS_DE_LA_DEPOSITION), None)
    if fin is None:
        return propres
    retenus = propres[: fin + 1]
    postes_fermes: set[str] = set()
    for evenement in propres[fin + 1 :]:
        poste = str(evenement.donnees.get("poste", ""))
        if evenement.type in TYPES_DES_PARTIES:
            retenus.append(evenement)
        elif evenement.type is TypeEvenement.DECONNEXION and poste not in postes_fermes:
            postes_fermes.add(poste)
            retenus.append(evenement)
    return retenus


def etablir_proces_verbal(
    en_tete: EnTete,
    deposition: int,
    evenements: Sequence[EvenementDebats],
    *,
    etabli_le: datetime,
) -> ProcesVerbal:
    """Le procès-verbal de la déposition ``deposition`` d'après les événements du journal.

    ``evenements`` est le segment du journal qui va du premier au dernier événement de la
    déposition (les événements d'autres objets y figurent et sont ignorés, sauf les incidents
    soulevés par les parties et les incidents techniques consignés pendant l'audition).
    """
    propres = evenements_de_la_deposition(evenements, deposition)
    if not propres:
        raise ProcesVerbalImpossible(
            f"le journal ne contient aucun événement de la déposition n° {deposition}."
        )
    types = {e.type for e in propres}
    pv = ProcesVerbal(
        en_tete=en_tete,
        deposition=deposition,
        etabli_le=etabli_le,
        terminee=bool(types & {TypeEvenement.DEPOSITION_FIN, *FINS_SANS_AUDITION}),
        premier_numero=propres[0].numero,
        dernier_numero=propres[-1].numero,
    )
    for evenement in propres:
        _lire(pv, evenement)
    pv.dechiffrees_en_salle = [
        (_instant(e.donnees["debut"]), int(e.donnees.get("images_dechiffrees", 0)))
        for e in propres
        if e.type is TypeEvenement.QUALITE_MINUTE and e.donnees["poste"] == Poste.SALLE
    ]
    pv.periodes = _periodes(propres, pv)
    pv.qualite = _resumes_qualite(propres)
    fenetre = _fenetre(pv, propres)
    retenus = {e.numero for e in propres if e.type is not TypeEvenement.QUALITE_MINUTE}
    for evenement in evenements:
        dans_la_fenetre = fenetre is not None and fenetre[0] <= evenement.horodatage <= fenetre[1]
        visee = evenement.donnees.get("deposition")
        if evenement.type in TYPES_DES_PARTIES:
            # L'incident qui désigne sa déposition la concerne ; sans désignation, la fenêtre.
            if visee == deposition or (visee is None and dans_la_fenetre):
                pv.incidents_des_parties.append(_ligne(evenement))
                retenus.add(evenement.numero)
        elif evenement.type is TypeEvenement.INCIDENT_TECHNIQUE and dans_la_fenetre:
            retenus.add(evenement.numero)
    for evenement in evenements:
        corrige = evenement.donnees.get("evenement")
        if evenement.type is TypeEvenement.CORRECTION and corrige in retenus:
            retenus.add(evenement.numero)
    pv.chronologie = [_ligne(e) for e in evenements if e.numero in retenus]
    pv.defauts = _defauts(pv, propres)
    pv.mentions_manquantes = _mentions_manquantes(pv)
    return pv


def _lire(pv: ProcesVerbal, evenement: EvenementDebats) -> None:
    """Ce que chaque événement de la déposition apporte aux rubriques du procès-verbal."""
    d, t, quand = evenement.donnees, evenement.type, evenement.horodatage
    if t is TypeEvenement.INVITATION_CREEE:
        pv.personne_invitee, pv.qualite_invitee = d["deposant"], d["qualite"]
    elif t is TypeEvenement.INVITATION_UTILISEE:
        pv.navigateur, pv.systeme = d.get("navigateur", ""), d.get("systeme", "")
    elif t is TypeEvenement.ACCES_REFUSE:
        pv.acces_refuses.append(
            Ligne(evenement.numero, quand, t.libelle, MOTIFS_DE_REFUS.get(d["motif"], d["motif"]))
        )
    elif t is TypeEvenement.ESSAI_MATERIEL:
        pv.essais.append(EssaiDuMateriel(quand, d["resultat"] == "concluant", _elements_de_l_essai(d)))
        pv.navigateur = d.get("navigateur") or pv.navigateur
        pv.systeme = d.get("systeme") or pv.systeme
    elif t is TypeEvenement.IDENTITE_DECLAREE:
        pv.identite_declaree, pv.identite_declaree_le = dict(d), quand
    elif t is TypeEvenement.VERIFICATION_IDENTITE:
        pv.identite_verifiee_le = quand
    elif t is TypeEvenement.ADMISSION and pv.admission is None:
        pv.admission = quand
    elif t is TypeEvenement.DEPOSITION_DEBUT:
        pv.debut_deposition = quand
    elif t is TypeEvenement.DEPOSITION_FIN:
        pv.fin_deposition = quand
    elif t in FINS_SANS_AUDITION:
        pv.issue_sans_audition = FINS_SANS_AUDITION[t] + (f" : {d['motif']}" if d.get("motif") else "")
        pv.fin_deposition = pv.fin_deposition or (quand if pv.admission else None)
    elif t is TypeEvenement.SERMENT:
        pv.serment = _ligne(evenement)
    elif t is TypeEvenement.CODE_VERIFICATION_CONCORDANT:
        pv.code_verification = _ligne(evenement)
    elif t in (TypeEvenement.CONNEXION, TypeEvenement.RECONNEXION):
        pv.connexions.append(_ligne(evenement))
        if t is TypeEvenement.CONNEXION:
            pv.chiffrement_par_connexion.append(
                (Poste(d["poste"]), quand, bool(d["chiffrement_bout_en_bout"]))
            )
    elif t is TypeEvenement.DECONNEXION:
        pv.deconnexions.append(_ligne(evenement))


# AMBIGUÏTÉ : une demande de donné acte ou des conclusions d'incident qui ne désignent pas la
# déposition qu'elles visent (le greffier peut la désigner) — lecture retenue : celles consignées
# entre l'admission et le dernier événement de la déposition la concernent (la personne est
# alors devant la cour).
def _fenetre(pv: ProcesVerbal, propres: Sequence[EvenementDebats]) -> tuple[datetime, datetime] | None:
    """De l'admission au dernier événement de la déposition : la personne est devant la cour."""
    if pv.admission is None:
        return None
    return pv.admission, propres[-1].horodatage


def _suspensions(propres: Sequence[EvenementDebats]) -> list[tuple[datetime, datetime | None]]:
    intervalles: list[tuple[datetime, datetime | None]] = []
    for e in propres:
        if e.type is TypeEvenement.DEPOSITION_SUSPENSION:
            intervalles.append((e.horodatage, None))
        elif e.type in (TypeEvenement.DEPOSITION_REPRISE, TypeEvenement.DEPOSITION_FIN) and intervalles:
            debut, fin = intervalles[-1]
            if fin is None:
                intervalles[-1] = (debut, e.horodatage)
    return intervalles


def _periodes(propres: Sequence[EvenementDebats], pv: ProcesVerbal) -> list[Periode]:
    """Apparie débuts et fins. Une fin porte elle-même ses bornes, telles que le dispositif les a
    mesurées, et fait foi ; un début sans fin reste une période ouverte."""
    ouvertes: dict[tuple[GenrePeriode, str, str], EvenementDebats] = {}
    trouvees: list[tuple[int, Periode]] = []  # (numéro de l'événement qui l'ouvre, période)
    for e in propres:
        d = e.donnees
        if e.type in _DEBUTS:
            ouvertes[(_DEBUTS[e.type], d["poste"], d.get("nature", ""))] = e
        elif e.type in _FINS:
            genre = _FINS[e.type]
            ouverture = ouvertes.pop((genre, d["poste"], d.get("nature", "")), None)
            precision = d.get("nature", "")
            if genre is GenrePeriode.ALERTE and ouverture is not None:
                precision = "; ".join(ouverture.donnees.get("raisons", []))
            periode = Periode(
                genre,
                Poste(d["poste"]),
                _instant(d["debut"]),
                _instant(d["fin"]),
                float(d["duree_s"]),
                precision,
            )
            trouvees.append((ouverture.numero if ouverture else e.numero, periode))
        elif e.type is TypeEvenement.DECONNEXION:
            ouvertes[(GenrePeriode.DECONNEXION, d["poste"], "")] = e
        elif e.type in (TypeEvenement.RECONNEXION, TypeEvenement.CONNEXION):
            ouverture = ouvertes.pop((GenrePeriode.DECONNEXION, d["poste"], ""), None)
            if ouverture is not None:
                absence = d.get("absence_s")
                periode = Periode(
                    GenrePeriode.DECONNEXION,
                    Poste(d["poste"]),
                    ouverture.horodatage,
                    e.horodatage,
                    float(absence) if absence is not None else None,
                    ouverture.donnees.get("motif", ""),
                )
                trouvees.append((ouverture.numero, periode))
    for (genre, poste, nature), e in ouvertes.items():
        if genre is GenrePeriode.DECONNEXION:
            # Une déconnexion après la fin de la déposition est la fin normale de la liaison.
            if pv.fin_deposition is not None and e.horodatage >= pv.fin_deposition:
                continue
            periode = Periode(genre, Poste(poste), e.horodatage, None, None, e.donnees.get("motif", ""))
        else:
            precision = "; ".join(e.donnees.get("raisons", [])) if genre is GenrePeriode.ALERTE else nature
            periode = Periode(genre, Poste(poste), _instant(e.donnees["debut"]), None, None, precision)
        trouvees.append((e.numero, periode))
    suspensions = _suspensions(propres)
    en_salle = [p for _, p in trouvees if p.poste is Poste.SALLE]
    return [
        replace(
            periode,
            pendant_audition=_pendant_audition(periode, pv),
            pendant_suspension=periode.fin is not None
            and any(s <= periode.debut and (r is None or periode.fin <= r) for s, r in suspensions),
            corroboree=(
                any(_se_chevauchent(periode, p) for p in en_salle)
                if periode.declaree_par_le_deposant
                else None
            ),
        )
        for _, periode in sorted(trouvees, key=lambda trouvee: (trouvee[1].debut, trouvee[0]))
    ]


def _se_chevauchent(une: Periode, autre: Periode) -> bool:
    """Deux périodes ont-elles un instant commun ? (Une période non close court toujours.)"""
    return (une.fin is None or autre.debut <= une.fin) and (autre.fin is None or une.debut <= autre.fin)


def _pendant_audition(periode: Periode, pv: ProcesVerbal) -> bool:
    """La période chevauche-t-elle le temps où la personne était devant la cour ?"""
    if pv.admission is None:
        return False
    apres_admission = periode.fin is None or periode.fin > pv.admission
    avant_la_fin = pv.fin_deposition is None or periode.debut < pv.fin_deposition
    return apres_admission and avant_la_fin


def _resumes_qualite(propres: Sequence[EvenementDebats]) -> list[ResumeQualite]:
    resumes = []
    for poste in Poste:
        minutes = [
            e.donnees
            for e in propres
            if e.type is TypeEvenement.QUALITE_MINUTE and e.donnees["poste"] == poste
        ]
        if not minutes:
            continue
        notes = Counter(m["note"] for m in minutes)
        delais = [m["delai_ms"] for m in minutes if m.get("delai_ms") is not None]
        resolutions = Counter(m["resolution"] for m in minutes if m.get("resolution"))
        resumes.append(
            ResumeQualite(
                poste=poste,
                minutes=len(minutes),
                notes={
                    libelle: notes[code]
                    for code, libelle in (
                        ("bonne", "bonne"),
                        ("degradee", "dégradée"),
                        ("mauvaise", "mauvaise"),
                    )
                },
                debit_kbps=statistics.median(m["debit_kbps"] for m in minutes),
                perte_max_pct=max(m["perte_pct"] for m in minutes),
                images_par_seconde=statistics.median(m["images_par_seconde"] for m in minutes),
                delai_ms=statistics.median(delais) if delais else None,
                gels=sum(m.get("gels", 0) for m in minutes),
                resolutions=tuple(r for r, _ in resolutions.most_common()),
            )
        )
    return resumes


def _defauts(pv: ProcesVerbal, propres: Sequence[EvenementDebats]) -> list[Defaut]:
    """Ce que le journal consigne et qui contredit une transmission audiovisuelle, continue,
    fidèle et confidentielle pendant que la personne était devant la cour."""
    if pv.admission is None:
        return []
    # Ce que « la cour » a reçu, ce sont les relevés de la salle qui le disent : une période que
    # seul le déposant déclare n'est retenue que si la salle a relevé, au même moment, un défaut
    # de sa propre réception (ou perdu la liaison).
    defauts = [
        Defaut(p.description, p.citations, p.source)
        for p in pv.periodes
        if p.pendant_audition
        and not p.pendant_suspension
        and (not p.declaree_par_le_deposant or p.corroboree)
    ]
    confidentialite = (ARTICLE_706_71_AL_2, ARTICLE_R53_38)
    for poste, instant, actif in pv.chiffrement_par_connexion:
        if pv.sans_chiffrement_dementi(poste, instant):
            continue
        if not actif and (pv.fin_deposition is None or instant <= pv.fin_deposition):
            defauts.append(
                Defaut(
                    f"connexion du {poste.poste} à {heure(instant)} sans chiffrement de bout en bout",
                    confidentialite,
                )
            )
    if pv.debut_deposition is not None:
        if pv.code_verification is None or pv.code_verification.horodatage > pv.debut_deposition:
            defauts.append(
                Defaut(
                    "aucun code de vérification du chiffrement lu concordant avant le début de la déposition"
                    f" ({heure(pv.debut_deposition)})",
                    confidentialite,
                )
            )
        premiere_image_en_salle = any(
            e.type is TypeEvenement.PREMIERE_IMAGE and e.donnees["poste"] == Poste.SALLE for e in propres
        )
        if not premiere_image_en_salle:
            defauts.append(
                Defaut(
                    "aucune image du déposant n'a été reçue par la salle d'audience",
                    (AUDITION_EXCLUSIVEMENT_SONORE, ARTICLE_706_71_AL_3),
                )
            )
    return defauts


def _mentions_manquantes(pv: ProcesVerbal) -> list[Defaut]:
    """Ce que le procès-verbal doit mentionner et que le journal ne contient pas."""
    manquantes = []
    if not any(e.concluant for e in pv.essais):
        manquantes.append(Defaut("essai concluant du matériel", (ARTICLE_D47_12_6,)))
    if pv.audition_a_eu_lieu:
        if not pv.connexions:
            manquantes.append(Defaut("heure de début de connexion", (ARTICLE_D47_12_6,)))
        if pv.terminee and not pv.deconnexions:
            manquantes.append(Defaut("heure de fin de connexion", (ARTICLE_D47_12_6,)))
        if pv.identite_verifiee_le is None:
            manquantes.append(Defaut("vérification de l'identité de la personne entendue", ()))
    if (
        pv.debut_deposition is not None
        and pv.qualite_deposant is QualiteDeposant.EXPERT
        and pv.serment is None
    ):
        manquantes.append(Defaut("prestation de serment de l'expert", (ARTICLE_168, DEPOSITION_SANS_SERMENT)))
    return manquantes


# --- Chronologie ----------------------------------------------------------------------------------


def _ligne(evenement: EvenementDebats) -> Ligne:
    return Ligne(evenement.numero, evenement.horodatage, evenement.type.libelle, _detail(evenement))


def _oui(valeur: Any) -> str:
    return "oui" if valeur else "non"


def _elements_de_l_essai(d: Mapping[str, Any]) -> str:
    elements = (
        f"caméra : {_oui(d['camera'])}, microphone : {_oui(d['microphone'])},"
        f" haut-parleur : {_oui(d['haut_parleur'])}, WebRTC : {_oui(d['webrtc'])},"
        f" chiffrement de bout en bout : {_oui(d['chiffrement'])}"
    )
    return elements + (f" ; {d['details']}" if d.get("details") else "")


def _detail(evenement: EvenementDebats) -> str:
    """Ce que l'événement dit, en une ligne française."""
    d, t = evenement.donnees, evenement.type
    poste = Poste(d["poste"]) if d.get("poste") in set(Poste) else None
    if t is TypeEvenement.INVITATION_CREEE:
        expiration = _instant(d["expiration"])
        return (
            f"{d['deposant']} ({_qualite(d['qualite'])}), pour l'audience du"
            f" {date_avec_jour(date.fromisoformat(str(d['jour'])))} ; valable jusqu'à"
            f" {heure(expiration)} le {date_avec_jour(expiration.astimezone(FUSEAU_DE_LA_COUR).date())}"
        )
    if t is TypeEvenement.INVITATION_UTILISEE:
        navigateur, systeme = d.get("navigateur") or "non communiqué", d.get("systeme") or "non communiqué"
        return f"navigateur « {navigateur} », système « {systeme} »"
    if t is TypeEvenement.ACCES_REFUSE:
        return MOTIFS_DE_REFUS.get(d["motif"], d["motif"])
    if t is TypeEvenement.ESSAI_MATERIEL:
        resultat = "concluant" if d["resultat"] == "concluant" else "non concluant"
        return f"{resultat} — {_elements_de_l_essai(d)}"
    if t is TypeEvenement.IDENTITE_DECLAREE:
        lieu = f"depuis « {d['lieu']} »" if d.get("lieu") else "lieu non déclaré"
        return f"{d['nom']} {d['prenoms']}, {_qualite(d['qualite'])} ; {lieu}"
    if t is TypeEvenement.CODE_VERIFICATION_CONCORDANT:
        return f"« {d['mots']} »"
    if t is TypeEvenement.SERMENT:
        return f"« {d['formule']} »"
    if t is TypeEvenement.CONNEXION and poste:
        chiffrement = "actif" if d["chiffrement_bout_en_bout"] else "inactif"
        return f"{poste.poste} ; chiffrement de bout en bout {chiffrement}"
    if t is TypeEvenement.PREMIERE_IMAGE and poste:
        return f"reçue par {poste.libelle}"
    if t in _DEBUTS and poste:
        nature = f"{NATURES_INTERRUPTION[d['nature']]} ; " if d.get("nature") in NATURES_INTERRUPTION else ""
        raisons = f" ; {'; '.join(d['raisons'])}" if d.get("raisons") else ""
        return f"{nature}réception : {poste.court} ; depuis {heure(_instant(d['debut']))}{raisons}"
    if t in _FINS and poste:
        nature = f"{NATURES_INTERRUPTION[d['nature']]} ; " if d.get("nature") in NATURES_INTERRUPTION else ""
        return (
            f"{nature}réception : {poste.court} ;"
            f" de {heure(_instant(d['debut']))} à {heure(_instant(d['fin']))}"
            f" — durée : {duree_en_francais(float(d['duree_s']))}"
        )
    if t is TypeEvenement.DECONNEXION and poste:
        return poste.poste + (f" ; {d['motif']}" if d.get("motif") else "")
    if t is TypeEvenement.RECONNEXION and poste:
        absence = d.get("absence_s")
        return poste.poste + (
            f" ; absence : {duree_en_francais(float(absence))}" if absence is not None else ""
        )
    if t is TypeEvenement.MESSAGE_REJETE:
        return f"{d['poste']} : {d['motif']}"
    if t in TYPES_DES_PARTIES:
        return f"{d['partie']} : {d['objet']}"
    if t is TypeEvenement.INCIDENT_TECHNIQUE:
        return str(d["description"])
    if t is TypeEvenement.CORRECTION:
        return f"corrige l'événement n° {d['evenement']} : {d['motif']}"
    if d.get("motif"):
        return str(d["motif"])
    return str(d.get("observations", ""))
