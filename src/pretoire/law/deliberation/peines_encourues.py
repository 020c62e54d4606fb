"""La peine encourue : le maximum que la cour ne peut dépasser et qu'elle ne prononce qu'à la
majorité qualifiée (art. 362 al. 2 CPP).

Une donnée par qualification (``peines_encourues.yaml``), datée comme le catalogue ; la version
retenue est celle du premier jour des faits, la loi pénale plus sévère n'étant pas rétroactive.
Ce que les textes du projet n'établissent pas (article de répression absent, tentative, complicité,
effet d'une circonstance non listée) rend la peine encourue « à confirmer » par le président :
Prétoire ne la devine pas.

AMBIGUÏTÉ : plusieurs crimes retenus contre le même accusé — la règle du concours d'infractions
(art. 132-3 CP) n'est pas dans les sources — lecture retenue : le maximum est la plus forte des
peines encourues, à confirmer par le président.
AMBIGUÏTÉ : l'amende encourue avec plusieurs crimes ou délits retenus — même règle absente — lecture
retenue : celle que prévoit le texte de la peine privative de liberté la plus forte.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from pretoire.law.deliberation.peine import NaturePeine, Peine


class _Donnee(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PeineDecrite(_Donnee):
    nature: NaturePeine
    annees: int | None = Field(default=None, ge=1, le=30)
    perpetuite: bool = False

    def peine(self) -> Peine:
        if self.perpetuite == (self.annees is not None):
            raise ValueError("une peine décrite a une durée en années ou « perpetuite: true »")
        return Peine(self.nature, None if self.perpetuite else (self.annees or 0) * 12)


class PeineDeCirconstance(_Donnee):
    peine: PeineDecrite | None
    articles: tuple[str, ...]
    # L'amende que le même texte prévoit avec la peine privative de liberté, en euros.
    amende: int | None = Field(default=None, ge=1)


class VersionRepression(_Donnee):
    en_vigueur_du: date | None
    jusqu_au: date | None
    peine: PeineDecrite | None
    articles: tuple[str, ...]
    non_verifie: bool = False
    amende: int | None = Field(default=None, ge=1)
    circonstances: dict[str, PeineDeCirconstance] = Field(default_factory=dict)


@dataclass(frozen=True)
class PeineEncourue:
    """Le maximum connu ; ``certaine`` est faux quand les textes ne suffisent pas à l'établir."""

    peine: Peine | None
    articles: tuple[str, ...]
    certaine: bool
    amende: int | None = None


@cache
def _repressions() -> Mapping[str, tuple[VersionRepression, ...]]:
    texte = resources.files(__package__).joinpath("peines_encourues.yaml").read_text(encoding="utf-8")
    donnees: dict[str, list[dict[str, Any]]] = yaml.safe_load(texte)
    return {
        code: tuple(VersionRepression.model_validate(v) for v in versions)
        for code, versions in donnees.items()
    }


def version_de_la_repression(qualification: str, jour: date) -> VersionRepression | None:
    for version in _repressions().get(qualification, ()):
        if version.en_vigueur_du is not None and jour < version.en_vigueur_du:
            continue
        if version.jusqu_au is not None and jour > version.jusqu_au:
            continue
        return version
    return None


def peine_encourue(
    qualification: str,
    premier_jour: date,
    circonstance: str | None = None,
    *,
    tentative: bool = False,
    complice: bool = False,
) -> PeineEncourue:
    """Le maximum de la qualification, ou celui qu'y fait encourir ``circonstance``.

    >>> peine_encourue("viol", date(2021, 6, 12), "mineur_de_quinze_ans").peine.en_lettres()
    'vingt ans de réclusion criminelle'
    >>> peine_encourue("agression_sexuelle", date(2021, 6, 12))
    PeineEncourue(peine=None, articles=(), certaine=False, amende=None)
    >>> peine_encourue("meurtre", date(2025, 4, 3), tentative=True).certaine
    False
    """
    version = version_de_la_repression(qualification, premier_jour)
    if version is None:
        return PeineEncourue(None, (), False)
    decrite: PeineDecrite | None
    if circonstance is None:
        decrite, articles, amende = version.peine, version.articles, version.amende
    elif circonstance in version.circonstances:
        effet = version.circonstances[circonstance]
        decrite, articles, amende = effet.peine, effet.articles, effet.amende
    else:
        return PeineEncourue(None, (), False)
    # Tentative (art. 121-4 CP) et complicité (art. 121-6 et 121-7 CP) : textes absents des sources.
    certaine = decrite is not None and not version.non_verifie and not tentative and not complice
    return PeineEncourue(decrite.peine() if decrite else None, articles, certaine, amende)


def la_plus_forte(peines: Collection[PeineEncourue]) -> PeineEncourue | None:
    """Le plus fort des maximums connus ; incertain si l'un des maximums l'est."""
    connues = [p for p in peines if p.peine is not None]
    if not peines:
        return None
    certaine = all(p.certaine for p in peines)
    if not connues:
        return PeineEncourue(None, (), False)
    plus_forte = max(connues, key=lambda p: p.peine.gravite if p.peine else (0, 0, 0))
    return PeineEncourue(plus_forte.peine, plus_forte.articles, certaine, plus_forte.amende)
