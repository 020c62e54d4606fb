"""Qui vote au délibéré : magistrats et jurés, selon la juridiction et la date.

Cour d'assises statuant en premier ressort : trois magistrats et six jurés ; statuant en appel :
trois magistrats et neuf jurés. Ces nombres sont ceux que les sources du projet donnent avec les
seuils de l'art. 359 CPP (sept voix sur neuf, huit sur douze) ; l'article qui fixe le nombre des
jurés n'y est pas reproduit, et la date exacte à laquelle il est passé de neuf et douze à six et
neuf (« de 2012 à 2022 ») non plus : NON VÉRIFIÉ, d'où le 1er janvier 2012 retenu comme borne et
aucune composition avant.

Cour criminelle départementale, art. 380-17 CPP : « composée d'un président et de quatre
assesseurs » ; art. 380-19 1° : « Il n'est pas tenu compte des dispositions qui font mention du
jury ou des jurés ». Sa date de création n'est pas dans les sources : la composition vaut sans
borne.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pretoire.law.citations import Citation, article_cpp
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.law.redaction import date_en_toutes_lettres, nombre_en_lettres

DEBUT_DU_JURY_DE_SIX = date(2012, 1, 1)


class RegleNonCouverte(ValueError):
    """La date ou la juridiction sort de ce que les textes du projet établissent."""


@dataclass(frozen=True)
class Composition:
    type_juridiction: TypeJuridiction
    magistrats: int
    jures: int
    en_vigueur_du: date | None
    citations: tuple[Citation, ...] = ()
    non_verifie: bool = False

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


COMPOSITIONS: tuple[Composition, ...] = (
    Composition(TypeJuridiction.COUR_ASSISES, 3, 6, DEBUT_DU_JURY_DE_SIX, non_verifie=True),
    Composition(TypeJuridiction.COUR_ASSISES_APPEL, 3, 9, DEBUT_DU_JURY_DE_SIX, non_verifie=True),
    Composition(
        TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE,
        5,
        0,
        None,
        (article_cpp("380-17"), article_cpp("380-19", 1)),
    ),
)


def composition(type_juridiction: TypeJuridiction, date_deliberation: date) -> Composition:
    """La composition qui délibère ce jour-là.

    >>> composition(TypeJuridiction.COUR_ASSISES_APPEL, date(2026, 11, 24)).votants
    12
    >>> try:
    ...     composition(TypeJuridiction.COUR_ASSISES, date(2011, 6, 1))
    ... except RegleNonCouverte as refus:
    ...     print(refus)
    La composition de la cour d'assises avant le 1er janvier 2012 n'est pas dans les textes de Prétoire.
    """
    for candidate in COMPOSITIONS:
        if candidate.type_juridiction is not type_juridiction:
            continue
        if candidate.en_vigueur_du is None or candidate.en_vigueur_du <= date_deliberation:
            return candidate
        raise RegleNonCouverte(
            f"La composition de la cour d'assises avant le {date_en_toutes_lettres(candidate.en_vigueur_du)}"
            " n'est pas dans les textes de Prétoire."
        )
    raise RegleNonCouverte(f"Juridiction inconnue : {type_juridiction}.")
