"""L'âge de l'accusé au moment des faits : mineur, majeur, ou la période des faits à cheval.

Une seule fonction, pure, pour la feuille de questions (qui pose les questions propres aux
mineurs) comme pour le délibéré (qui vote l'excuse de minorité et en tire la peine) : la date de
naissance du dossier (``Accuse.date_naissance``) contre le premier et le dernier jour des faits.
L'âge est compté en années révolues (``redaction.age_revolu``) ; la majorité est à dix-huit ans.

Les questions propres aux mineurs « ne sont posées que si tous les faits dont l'accusé est
déclaré coupable ont été commis alors qu'il était mineur » (Cass. crim., 27 nov. 2019,
n° 18-83.553, citant Crim. 8 avr. 1998, n° 97-82.905) : d'où la distinction des faits commis
mineur, majeur, ou sur une période où l'accusé a eu dix-huit ans.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from pretoire.law.citations import Jurisprudence
from pretoire.law.redaction import age_revolu

AGE_DE_LA_MAJORITE = 18
CRIM_27_NOVEMBRE_2019 = Jurisprudence("Cass. crim.", date(2019, 11, 27), "18-83.553")


class AgeAuxFaits(enum.StrEnum):
    MINEUR = "mineur"
    MAJEUR = "majeur"
    # Dix-huit ans atteints entre le premier et le dernier jour de la période des faits.
    A_CHEVAL = "à cheval sur la majorité"


@dataclass(frozen=True)
class AgeDeLAccuse:
    """L'âge révolu de l'accusé au premier et au dernier jour des faits."""

    au_premier_jour: int
    au_dernier_jour: int

    @property
    def aux_faits(self) -> AgeAuxFaits:
        if self.au_dernier_jour < AGE_DE_LA_MAJORITE:
            return AgeAuxFaits.MINEUR
        if self.au_premier_jour >= AGE_DE_LA_MAJORITE:
            return AgeAuxFaits.MAJEUR
        return AgeAuxFaits.A_CHEVAL


def age_au_moment_des_faits(naissance: date, premier_jour: date, dernier_jour: date) -> AgeDeLAccuse:
    """L'âge de l'accusé né le ``naissance`` pour des faits du ``premier_jour`` au ``dernier_jour``.

    >>> age_au_moment_des_faits(date(2008, 5, 2), date(2026, 5, 1), date(2026, 5, 1)).aux_faits
    <AgeAuxFaits.MINEUR: 'mineur'>
    >>> age_au_moment_des_faits(date(2008, 5, 2), date(2026, 5, 2), date(2026, 5, 2)).aux_faits
    <AgeAuxFaits.MAJEUR: 'majeur'>
    >>> age_au_moment_des_faits(date(2008, 5, 2), date(2026, 4, 1), date(2026, 6, 1)).aux_faits
    <AgeAuxFaits.A_CHEVAL: 'à cheval sur la majorité'>
    """
    if dernier_jour < premier_jour:
        raise ValueError("Le dernier jour des faits précède le premier.")
    return AgeDeLAccuse(age_revolu(naissance, premier_jour), age_revolu(naissance, dernier_jour))
