"""Ce que le procès-verbal des opérations doit constater, chaque mention avec son texte.

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

Le modèle ``ProcesVerbal`` est établi en une fois à partir de la ``Lecture`` de la déposition :
défauts (ce qui contredit une transmission audiovisuelle, continue et confidentielle), mentions
requises que le journal ne contient pas, fondements cités. Il ne connaît ni la base ni
l'horloge : l'heure d'établissement est un argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pretoire.law.citations import Jurisprudence, Reference, article_cpp, formater
from pretoire.law.debats import EvenementDebats
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

from . import phrases
from .lecture import GenrePeriode, Lecture, Periode, Poste, lire_la_deposition
from .phrases import Ligne

# Art. 706-71 al. 2 : « moyens de télécommunications garantissant la confidentialité de la
# transmission » ; l'al. 3 l'applique à l'audition des témoins, parties civiles et experts.
ARTICLE_706_71_AL_2 = article_cpp("706-71", 2)
# Cass. crim. 2 déc. 2020 : la déposition d'un expert sans le serment de l'art. 168 est irrégulière.
DEPOSITION_SANS_SERMENT = Jurisprudence("Cass. crim.", date(2020, 12, 2), "19-87.124")
CONFIDENTIALITE = (ARTICLE_706_71_AL_2, ARTICLE_R53_38)
EXCLUSIVEMENT_SONORE = (AUDITION_EXCLUSIVEMENT_SONORE, ARTICLE_706_71_AL_3)


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


def citations_de_la_periode(periode: Periode) -> tuple[Reference, ...]:
    """Le son seul reçu en salle : Cass. crim. 20 févr. 2019 ; tout autre incident : R. 53-38.

    >>> from datetime import UTC
    >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
    >>> def citees(genre, precision=""):
    ...     periode = Periode(genre, Poste.SALLE, debut, None, None, precision)
    ...     return [formater(c, debut.date()) for c in citations_de_la_periode(periode)]
    >>> citees(GenrePeriode.AUDIO_SEUL)
    ['Cass. crim., 20 février 2019, n° 18-82.164', 'art. 706-71 al. 3 CPP']
    >>> citees(GenrePeriode.INTERRUPTION, "image") == citees(GenrePeriode.AUDIO_SEUL)
    True
    >>> citees(GenrePeriode.ALERTE)
    ['art. R. 53-38 CPP']
    """
    exclusivement_sonore = periode.poste is Poste.SALLE and (
        periode.genre is GenrePeriode.AUDIO_SEUL
        or (periode.genre is GenrePeriode.INTERRUPTION and periode.precision == "image")
    )
    return EXCLUSIVEMENT_SONORE if exclusivement_sonore else (ARTICLE_R53_38,)


@dataclass(frozen=True)
class Defaut:
    """Ce qui empêche de constater une transmission audiovisuelle, continue et confidentielle."""

    texte: str
    citations: tuple[Reference, ...]
    source: str = ""


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


def retenue_comme_defaut(periode: Periode) -> bool:
    """Pendant l'audition, hors suspension, relevée par la cour ou corroborée par ses relevés.

    Ce que « la cour » a reçu, ce sont les relevés de la salle qui le disent : une période que
    seul le déposant déclare n'est retenue que si la salle a relevé, au même moment, un défaut de
    sa propre réception (ou perdu la liaison).
    """
    return (
        periode.pendant_audition
        and not periode.pendant_suspension
        and (not periode.declaree_par_le_deposant or bool(periode.corroboree))
    )


def defauts(lecture: Lecture) -> list[Defaut]:
    """Ce que le journal consigne et qui contredit une transmission audiovisuelle, continue,
    fidèle et confidentielle pendant que la personne était devant la cour."""
    if lecture.admission is None:
        return []
    trouves = [
        Defaut(phrases.description(p), citations_de_la_periode(p), phrases.source(p))
        for p in lecture.periodes
        if retenue_comme_defaut(p)
    ]
    for connexion in lecture.chiffrement_par_connexion:
        if lecture.sans_chiffrement_dementi(connexion.poste, connexion.instant):
            continue
        if not connexion.actif and (
            lecture.fin_deposition is None or connexion.instant <= lecture.fin_deposition
        ):
            trouves.append(Defaut(phrases.connexion_sans_chiffrement(connexion), CONFIDENTIALITE))
    if lecture.debut_deposition is not None:
        code = lecture.code_verification
        if code is None or code.horodatage > lecture.debut_deposition:
            trouves.append(Defaut(phrases.code_non_lu_avant(lecture.debut_deposition), CONFIDENTIALITE))
        if not lecture.premiere_image_en_salle:
            trouves.append(Defaut(phrases.AUCUNE_IMAGE_EN_SALLE, EXCLUSIVEMENT_SONORE))
    return trouves


def mentions_manquantes(lecture: Lecture) -> list[Defaut]:
    """Ce que le procès-verbal doit mentionner (D. 47-12-6, art. 168) et que le journal ne contient pas."""
    manquantes = []
    if not any(essai.concluant for _, essai in lecture.essais):
        manquantes.append(Defaut("essai concluant du matériel", (ARTICLE_D47_12_6,)))
    if lecture.audition_a_eu_lieu:
        if not lecture.connexions:
            manquantes.append(Defaut("heure de début de connexion", (ARTICLE_D47_12_6,)))
        if lecture.terminee and not lecture.deconnexions:
            manquantes.append(Defaut("heure de fin de connexion", (ARTICLE_D47_12_6,)))
        if lecture.identite_verifiee_le is None:
            manquantes.append(Defaut("vérification de l'identité de la personne entendue", ()))
    if (
        lecture.debut_deposition is not None
        and lecture.qualite_deposant is QualiteDeposant.EXPERT
        and lecture.serment is None
    ):
        manquantes.append(Defaut("prestation de serment de l'expert", (ARTICLE_168, DEPOSITION_SANS_SERMENT)))
    return manquantes


@dataclass(frozen=True)
class ProcesVerbal:
    """Le procès-verbal des opérations, établi en une fois (``etablir_proces_verbal``)."""

    en_tete: EnTete
    etabli_le: datetime
    lecture: Lecture
    chronologie: list[Ligne]
    incidents_des_parties: list[Ligne]
    defauts: list[Defaut]
    mentions_manquantes: list[Defaut]

    @property
    def deposition(self) -> int:
        return self.lecture.deposition

    @property
    def terminee(self) -> bool:
        return self.lecture.terminee

    @property
    def provisoire(self) -> bool:
        return not self.lecture.terminee

    @property
    def periodes(self) -> list[Periode]:
        return list(self.lecture.periodes)

    @property
    def audition_a_eu_lieu(self) -> bool:
        return self.lecture.audition_a_eu_lieu

    @property
    def conforme(self) -> bool:
        return self.audition_a_eu_lieu and self.terminee and not self.defauts

    @property
    def fondements(self) -> list[Fondement]:
        """Les textes cités en tête : l'art. 168 en plus pour un expert."""
        expert = self.lecture.qualite_deposant is QualiteDeposant.EXPERT
        return [*FONDEMENTS, *([FONDEMENT_EXPERT] if expert else [])]

    @property
    def declarations_non_corroborees(self) -> list[Periode]:
        """Les périodes que seul le poste du déposant déclare, pendant l'audition, et que les
        relevés de la salle ne corroborent pas : mentionnées (art. R. 53-38), non retenues comme
        défauts."""
        return [
            p
            for p in self.lecture.periodes
            if p.declaree_par_le_deposant
            and not p.corroboree
            and p.pendant_audition
            and not p.pendant_suspension
        ]

    @property
    def constat(self) -> str:
        return phrases.constat(self)

    def citer(self, references: Sequence[Reference]) -> list[str]:
        return [formater(r, self.en_tete.jour_audience) for r in references]

    def en_json(self) -> dict[str, Any]:
        return phrases.en_json(self)


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
    lecture = lire_la_deposition(evenements, deposition)
    if lecture is None:
        raise ProcesVerbalImpossible(
            f"le journal ne contient aucun événement de la déposition n° {deposition}."
        )
    return ProcesVerbal(
        en_tete=en_tete,
        etabli_le=etabli_le,
        lecture=lecture,
        chronologie=[phrases.ligne(e) for e in lecture.chronologie],
        incidents_des_parties=[phrases.ligne(e) for e in lecture.incidents_des_parties],
        defauts=defauts(lecture),
        mentions_manquantes=mentions_manquantes(lecture),
    )
