"""Combien de demandes une adresse IP peut faire au parcours du déposant, qui n'a pas de compte.

Le lien d'invitation est public : sans limite, un visiteur pourrait marteler les pages et le
WebSocket du déposant. Une fenêtre fixe d'une minute par adresse, comptée dans le cache de
Django ; au-delà, la demande est refusée (429, ou fermeture 4429 du WebSocket) sans toucher à la
base ni au journal d'audience, et le journal de sécurité du serveur le dit une fois par fenêtre.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache

journal_securite = logging.getLogger("pretoire.securite")

FENETRE_S = 60


def trop_de_demandes(adresse: str) -> bool:
    """Compte une demande de ``adresse`` ; vrai si elle dépasse la limite de la minute."""
    limite = settings.PRETOIRE_VISIO_DEMANDES_PAR_MINUTE
    cle = f"pretoire:visio:{adresse}:{int(time.time() // FENETRE_S)}"
    cache.add(cle, 0, timeout=2 * FENETRE_S)
    try:
        nombre = cache.incr(cle)
    except ValueError:  # la clé a expiré entre les deux appels
        cache.set(cle, 1, timeout=2 * FENETRE_S)
        nombre = 1
    if nombre == limite + 1:
        journal_securite.warning(
            "Adresse %s : plus de %d demandes en une minute au parcours du déposant ; les suivantes"
            " sont refusées jusqu'à la minute suivante",
            adresse,
            limite,
        )
    return bool(nombre > limite)
