"""Le segment du journal d'audience dont un document est tiré, et son empreinte SHA-256.

L'empreinte du segment est le SHA-256 de la suite des formes canoniques (``journal.chaine``) de
ses événements, recalculées depuis la base : un événement modifié, retiré ou inséré dans le
segment change l'empreinte, même si la chaîne a été entièrement recalculée par un faussaire.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from pretoire.journal import chaine
from pretoire.journal.models import Evenement
from pretoire.proces.models import Affaire


def empreinte_des_maillons(maillons: Iterable[chaine.Maillon]) -> str:
    condense = hashlib.sha256()
    for maillon in maillons:
        condense.update(
            chaine.contenu_scelle(
                affaire=maillon.affaire,
                numero=maillon.numero,
                type=maillon.type,
                donnees=maillon.donnees,
                auteur=maillon.auteur,
                horodatage=maillon.horodatage,
                corrige=maillon.corrige,
                empreinte_precedente=maillon.empreinte_precedente,
            )
        )
        condense.update(b"\n")
    return condense.hexdigest()


@dataclass(frozen=True)
class Segment:
    premier: int
    dernier: int
    evenements: list[Evenement]
    empreinte: str

    @property
    def complet(self) -> bool:
        """Aucun numéro ne manque entre le premier et le dernier."""
        return [e.numero for e in self.evenements] == list(range(self.premier, self.dernier + 1))

    @property
    def libelle(self) -> str:
        return f"événements n° {self.premier} à {self.dernier}"


def segment_du_journal(affaire: Affaire, premier: int, dernier: int) -> Segment:
    evenements = list(
        Evenement.objects.filter(affaire=affaire, numero__gte=premier, numero__lte=dernier)
        .select_related("corrige")
        .order_by("numero")
    )
    return Segment(premier, dernier, evenements, empreinte_des_maillons(e.maillon() for e in evenements))
