"""Qui vote au délibéré : magistrats et jurés, selon la juridiction et la date.

Cour d'assises statuant en premier ressort : trois magistrats et six jurés ; statuant en appel :
trois magistrats et neuf jurés. Ces nombres sont ceux que les sources du projet donnent avec les
seuils de l'art. 359 CPP (sept voix sur neuf, huit sur douze) ; l'article qui fixe le nombre des
jurés n'y est pas reproduit, et la date exacte à laquelle il est passé de neuf et douze à six et
neuf (« de 2012 à 2022 ») non plus : NON VÉRIFIÉ, d'où le 1er janvier 2012 retenu comme borne et
aucune composition avant.

Cour criminelle départementale, art. 380-17 CPP : « composée d'un président et de quatre
assesseurs » ; art. 380-19 1° : « Il n'est pas tenu compte des dispositions qui font mention du
jury ou des jurés ». Le texte des sources est l'état consolidé de début octobre 2024 ; ses dates
n'y sont pas. D'après des sources publiques secondaires, que les textes du projet ne reproduisent
pas (NON VÉRIFIÉ) : une cour criminelle expérimentale, composée de cinq magistrats, est instituée
par l'art. 63 de la loi n° 2019-222 du 23 mars 2019, pour trois ans, dans les seuls départements
désignés par arrêté (le premier du 25 avril 2019) ; la loi n° 2021-1729 du 22 décembre 2021 la
généralise, sous le nom de cour criminelle départementale, à compter du 1er janvier 2023
(https://www.lagazettedescommunes.com/689486/ ;
https://www.francetvinfo.fr/societe/justice/justice-solution-pour-reduire-les-delais-ou-regression-democratique-la-generalisation-des-cours-criminelles-ne-fait-pas-l-unanimite_5555328.html).
Avant le 25 avril 2019, la composition est refusée ; pendant l'expérimentation, elle est acceptée
avec une réserve montrée au président, Prétoire ne sachant pas quels départements étaient désignés
ni jusqu'à quand exactement.

AMBIGUÏTÉ : « pour une durée de trois ans » à compter du 23 mars 2019, puis la généralisation au
1er janvier 2023 — l'expérimentation a-t-elle été prolongée jusqu'à cette date ? — lecture
retenue : la période expérimentale court du 25 avril 2019 au 31 décembre 2022, toujours avec la
réserve « non vérifié ».
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pretoire.law.citations import Citation, article_cpp
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.law.redaction import date_en_toutes_lettres, nombre_en_lettres

DEBUT_DU_JURY_DE_SIX = date(2012, 1, 1)
DEBUT_DE_LA_COUR_CRIMINELLE_EXPERIMENTALE = date(2019, 4, 25)
GENERALISATION_DE_LA_COUR_CRIMINELLE = date(2023, 1, 1)


class RegleNonCouverte(ValueError):
    """La date ou la juridiction sort de ce que les textes du projet établissent."""


@dataclass(frozen=True)
class Composition:
    type_juridiction: TypeJuridiction
    magistrats: int
    jures: int
    en_vigueur_du: date
    jusqu_au: date | None = None
    citations: tuple[Citation, ...] = ()
    # Ce que les textes de Prétoire n'établissent pas : montré au président, jamais tu.
    reserve: str | None = None

    @property
    def non_verifie(self) -> bool:
        return self.reserve is not None

    @property
    def votants(self) -> int:
        return self.magistrats + self.jures

    @property
    def avec_jury(self) -> bool:
        return self.jures > 0

    def en_clair(self) -> str:
        """« trois magistrats et neuf jurés, douze votants ».

        >>> composition(TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE, date(2026, 11, 24)).en_clair()
        'cinq magistrats, cinq votants'
        """
        magistrats = f"{nombre_en_lettres(self.magistrats)} magistrats"
        votants = f"{nombre_en_lettres(self.votants)} votants"
        if not self.avec_jury:
            return f"{magistrats}, {votants}"
        return f"{magistrats} et {nombre_en_lettres(self.jures)} jurés, {votants}"


_RESERVE_DU_JURY = (
    "Composition non vérifiée : l'article qui fixe le nombre des jurés, et la date à laquelle il est"
    " passé à six en premier ressort et neuf en appel, ne sont pas dans les textes de Prétoire ;"
    " les nombres retenus sont ceux que supposent les seuils de l'art. 359 CPP."
)
_RESERVE_EXPERIMENTALE = (
    "Cour criminelle expérimentale (loi n° 2019-222 du 23 mars 2019, art. 63) : ses dates et la"
    " liste des départements désignés par arrêté ne sont pas dans les textes de Prétoire (non"
    " vérifié). Vérifiez que la cour siégeait dans ce département au jour du délibéré."
)
_CINQ_MAGISTRATS = (article_cpp("380-17"), article_cpp("380-19", 1))

COMPOSITIONS: tuple[Composition, ...] = (
    Composition(TypeJuridiction.COUR_ASSISES, 3, 6, DEBUT_DU_JURY_DE_SIX, reserve=_RESERVE_DU_JURY),
    Composition(TypeJuridiction.COUR_ASSISES_APPEL, 3, 9, DEBUT_DU_JURY_DE_SIX, reserve=_RESERVE_DU_JURY),
    Composition(
        TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE,
        5,
        0,
        DEBUT_DE_LA_COUR_CRIMINELLE_EXPERIMENTALE,
        GENERALISATION_DE_LA_COUR_CRIMINELLE - timedelta(days=1),
        _CINQ_MAGISTRATS,
        reserve=_RESERVE_EXPERIMENTALE,
    ),
    Composition(
        TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE,
        5,
        0,
        GENERALISATION_DE_LA_COUR_CRIMINELLE,
        None,
        _CINQ_MAGISTRATS,
    ),
)

_NOMS = {
    TypeJuridiction.COUR_ASSISES: "la cour d'assises",
    TypeJuridiction.COUR_ASSISES_APPEL: "la cour d'assises statuant en appel",
    TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE: "la cour criminelle départementale",
}


def composition(type_juridiction: TypeJuridiction, date_deliberation: date) -> Composition:
    """La composition qui délibère ce jour-là ; refusée avant la première date que Prétoire connaît.

    >>> composition(TypeJuridiction.COUR_ASSISES_APPEL, date(2026, 11, 24)).votants
    12
    >>> try:
    ...     composition(TypeJuridiction.COUR_ASSISES, date(2011, 6, 1))
    ... except RegleNonCouverte as refus:
    ...     print(refus)
    La composition de la cour d'assises avant le 1er janvier 2012 n'est pas dans les textes de Prétoire.
    >>> composition(TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE, date(2020, 9, 1)).non_verifie
    True
    >>> composition(TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE, date(2023, 1, 1)).non_verifie
    False
    """
    candidates = [c for c in COMPOSITIONS if c.type_juridiction is type_juridiction]
    if not candidates:
        raise RegleNonCouverte(f"Juridiction inconnue : {type_juridiction}.")
    for candidate in candidates:
        if candidate.en_vigueur_du <= date_deliberation and (
            candidate.jusqu_au is None or date_deliberation <= candidate.jusqu_au
        ):
            return candidate
    premiere = min(c.en_vigueur_du for c in candidates)
    if type_juridiction is TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE:
        raise RegleNonCouverte(
            "La cour criminelle n'existait pas avant le"
            f" {date_en_toutes_lettres(premiere)} (loi n° 2019-222 du 23 mars 2019, art. 63 ; date"
            " non vérifiée) : un délibéré de cette cour à cette date est refusé."
        )
    raise RegleNonCouverte(
        f"La composition de {_NOMS[type_juridiction]} avant le {date_en_toutes_lettres(premiere)}"
        " n'est pas dans les textes de Prétoire."
    )
