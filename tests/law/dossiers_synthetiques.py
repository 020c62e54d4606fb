"""Des dossiers de mise en accusation engendrés, pour les propriétés du moteur et pour la mesure.

Un seul générateur, deux sources de hasard : ``hypothesis`` (tests de propriétés, qui réduit un
contre-exemple) et ``random.Random`` à graine fixe (``bench/questions.py``, qui doit mesurer
toujours la même affaire). Le générateur ne connaît que l'interface ``Tirage``.

Les dossiers engendrés sont cohérents (``verifier_coherence`` ne leur trouve rien) : victimes
mineures de quinze ans à la date des faits, accusés majeurs, circonstances prises dans la version
du catalogue en vigueur à la date du fait, noms de famille tous différents et de même longueur
(aucun n'est le début d'un autre), énoncés propres à chaque fait.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

from pretoire.law.catalogue import Catalogue, catalogue_livre
from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.mise_en_accusation import Dossier
from pretoire.law.redaction import elider

T = TypeVar("T")

PRENOMS = ["Léa", "Hugo", "Inès", "Paul", "Nora", "Yanis", "Emma", "Louis", "Hélène", "Yves"]
SYLLABES = ["BA", "DE", "LO", "MI", "RU", "TA", "NE", "VO", "SI", "GA", "PO", "FU", "CHE", "RI", "MA", "TO"]
PREMIER_JOUR_DES_FAITS = date(2021, 5, 1)
DERNIER_JOUR_DES_FAITS = date(2026, 4, 5)
# Nées ainsi, les victimes ont moins de quinze ans à la date de chaque fait.
NAISSANCE_DES_VICTIMES = (date(2012, 1, 1), date(2016, 12, 31))


class Tirage(Protocol):
    def entier(self, minimum: int, maximum: int) -> int: ...

    def choix(self, elements: Sequence[T]) -> T: ...

    def echantillon(self, elements: Sequence[T], nombre: int) -> list[T]: ...


@dataclass
class TirageAleatoire:
    """Le hasard reproductible de la mesure."""

    hasard: random.Random

    def entier(self, minimum: int, maximum: int) -> int:
        return self.hasard.randint(minimum, maximum)

    def choix(self, elements: Sequence[T]) -> T:
        return self.hasard.choice(elements)

    def echantillon(self, elements: Sequence[T], nombre: int) -> list[T]:
        return self.hasard.sample(list(elements), nombre)


@dataclass
class TirageHypothesis:
    """Le hasard d'hypothesis, qui sait réduire un dossier fautif à l'essentiel."""

    draw: st.DrawFn

    def entier(self, minimum: int, maximum: int) -> int:
        return self.draw(st.integers(minimum, maximum))

    def choix(self, elements: Sequence[T]) -> T:
        return self.draw(st.sampled_from(list(elements)))

    def echantillon(self, elements: Sequence[T], nombre: int) -> list[T]:
        return self.draw(st.permutations(list(elements)))[:nombre]


@dataclass(frozen=True)
class Forme:
    """La forme de l'affaire : bornes (incluses) de chaque nombre tiré."""

    accuses: tuple[int, int]
    victimes: tuple[int, int]
    faits_par_victime: tuple[int, int]
    circonstances_par_fait: tuple[int, int]
    qualifications: tuple[str, ...]
    complices: bool = False


def nom_de_famille(rang: int, prefixe: str = "") -> str:
    """Un nom en capitales, propre au rang, de trois syllabes (4 096 noms) : ``nom_de_famille(0) == 'BABABA'``."""
    syllabes = []
    for _ in range(3):
        rang, reste = divmod(rang, len(SYLLABES))
        syllabes.append(SYLLABES[reste])
    return prefixe + "".join(reversed(syllabes))


def _jour(tirage: Tirage, debut: date, fin: date) -> date:
    return debut + timedelta(days=tirage.entier(0, (fin - debut).days))


def dossier_synthetique(tirage: Tirage, forme: Forme, catalogue: Catalogue | None = None) -> Dossier:
    catalogue = catalogue or catalogue_livre()
    accuses = [
        {
            "id": f"A{rang}",
            "nom": nom_de_famille(rang, "ACCUSE-"),
            "prenoms": tirage.choix(PRENOMS),
            "sexe": tirage.choix("MF"),
            "date_naissance": "1970-01-01",
        }
        for rang in range(1, tirage.entier(*forme.accuses) + 1)
    ]
    victimes: list[dict[str, Any]] = []
    faits: list[dict[str, Any]] = []
    for rang in range(1, tirage.entier(*forme.victimes) + 1):
        victime = {
            "id": f"V{rang}",
            "nom": nom_de_famille(rang),
            "prenoms": tirage.choix(PRENOMS),
            "sexe": tirage.choix("MF"),
            "date_naissance": _jour(tirage, *NAISSANCE_DES_VICTIMES).isoformat(),
        }
        victimes.append(victime)
        for _ in range(tirage.entier(*forme.faits_par_victime)):
            faits.append(_fait(tirage, forme, catalogue, len(faits) + 1, victime, accuses))
    return Dossier.model_validate(
        {
            "version": 1,
            "juridiction": {
                "type": "cour_criminelle_departementale",
                "nom": "Cour criminelle départementale du Morbihan",
                "siege": "Vannes",
            },
            "affaire": {"numero": "SYNTHESE", "date_proces": "2027-02-24"},
            "decision": {"nature": "ordonnance", "date": "2026-01-01", "auteur": "Juge d'instruction"},
            "accuses": accuses,
            "victimes": victimes,
            "faits": faits,
        }
    )


def _fait(
    tirage: Tirage,
    forme: Forme,
    catalogue: Catalogue,
    numero: int,
    victime: dict[str, Any],
    accuses: list[dict[str, Any]],
) -> dict[str, Any]:
    qualification = tirage.choix(forme.qualifications)
    jour = _jour(tirage, PREMIER_JOUR_DES_FAITS, DERNIER_JOUR_DES_FAITS)
    version = catalogue.version_au(qualification, jour)
    assert version is not None, f"{qualification} absent du catalogue le {jour}"
    codes = [c.code for c in version.circonstances]
    minimum, maximum = forme.circonstances_par_fait
    nombre = tirage.entier(min(minimum, len(codes)), min(maximum, len(codes)))
    auteurs = tirage.echantillon([a["id"] for a in accuses], tirage.entier(1, len(accuses)))
    participants: list[dict[str, str]] = [{"accuse": a, "qualite": "auteur"} for a in auteurs]
    autres = [a["id"] for a in accuses if a["id"] not in auteurs]
    if forme.complices and autres and tirage.entier(0, 1):
        participants.append({"accuse": autres[0], "qualite": "complice", "mode_complicite": "provocation"})
    personne = f"{victime['prenoms']} {victime['nom']}"
    return {
        "id": f"F{numero}",
        "participants": participants,
        "qualification": qualification,
        "victimes": [victime["id"]],
        "date": jour.isoformat(),
        "lieu": "à Vannes (Morbihan)",
        # Un énoncé propre à chaque fait : deux faits ne se confondent jamais.
        "enonce": f"commis l'acte n° {numero} par violence, contrainte, menace ou surprise sur la"
        f" personne {elider('de', personne)}",
        "circonstances_aggravantes": [{"code": c} for c in tirage.echantillon(codes, nombre)],
    }


def journal_synthetique(
    tirage: Tirage, dossier: Dossier, proportion: int, catalogue: Catalogue | None = None
) -> list[EvenementDebats]:
    """Les débats d'une affaire où un fait sur ``proportion`` appelle une question spéciale,
    annoncée aux parties avant le réquisitoire (art. 350 et 351-1 CPP)."""
    catalogue = catalogue or catalogue_livre()
    heure = datetime(2027, 2, 24, 9, 30, tzinfo=UTC)
    types_et_donnees: list[tuple[TypeEvenement, dict[str, str]]] = [(TypeEvenement.OUVERTURE_DEBATS, {})]
    for fait in dossier.faits:
        version = catalogue.version_au(fait.qualification, fait.premier_jour)
        assert version is not None
        retenues = {c.code for c in fait.circonstances_aggravantes}
        # L'âge se prouve par la date de naissance déjà au dossier : il n'est jamais révélé.
        revelables = [
            c.code
            for c in version.circonstances
            if c.code not in retenues and c.age_victime_inferieur_a is None
        ]
        if revelables and tirage.entier(1, proportion) == 1:
            types_et_donnees.append(
                (
                    TypeEvenement.INFORMATION_QUESTION,
                    {
                        "nature": "speciale",
                        "accuse": fait.participants[0].accuse,
                        "fait": fait.id,
                        "circonstance": tirage.choix(revelables),
                    },
                )
            )
    types_et_donnees.append((TypeEvenement.REQUISITOIRE, {}))
    return [
        EvenementDebats(numero, type_evenement, heure + timedelta(minutes=numero), donnees)
        for numero, (type_evenement, donnees) in enumerate(types_et_donnees, start=1)
    ]
