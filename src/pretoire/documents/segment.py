"""Le segment du journal d'audience dont un document est tiré (``empreinte`` le condense)."""

from __future__ import annotations

from dataclasses import dataclass

from pretoire.journal.models import Evenement
from pretoire.proces.models import Affaire

from .empreinte import empreinte_des_maillons


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
