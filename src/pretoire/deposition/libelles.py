"""Les libellés de la visio dans la langue de l'interface.

Le droit (``law/visio.py``) les écrit en français, sans Django ; gettext les traduit ici. Un test
vérifie que les deux rédactions françaises restent identiques.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pretoire.law.visio import EtatDeposition, QualiteDeposant

ETATS: Mapping[EtatDeposition, Promise] = {
    EtatDeposition.INVITEE: _("invitation envoyée"),
    EtatDeposition.RACCORDEE: _("code d'accès accepté"),
    EtatDeposition.MATERIEL_VERIFIE: _("matériel vérifié"),
    EtatDeposition.EN_ATTENTE: _("en salle d'attente"),
    EtatDeposition.ADMISE: _("admise dans la salle"),
    EtatDeposition.EN_COURS: _("déposition en cours"),
    EtatDeposition.SUSPENDUE: _("déposition suspendue"),
    EtatDeposition.TERMINEE: _("déposition terminée"),
    EtatDeposition.ECONDUITE: _("éconduite de la salle d'attente"),
    EtatDeposition.REVOQUEE: _("invitation révoquée"),
}

QUALITES: Mapping[QualiteDeposant, Promise] = {
    QualiteDeposant.EXPERT: _("expert"),
    QualiteDeposant.TEMOIN: _("témoin"),
    QualiteDeposant.INTERPRETE: _("interprète"),
    QualiteDeposant.PARTIE_CIVILE: _("partie civile"),
}

CHOIX_ETATS = [(e.value, ETATS[e]) for e in EtatDeposition]
CHOIX_QUALITES = [(q.value, QUALITES[q]) for q in QualiteDeposant]
