"""L'empreinte SHA-256 d'un segment du journal d'audience (sans Django).

C'est le SHA-256 de la suite des formes canoniques (``journal.chaine.contenu_scelle``) de ses
événements, recalculées depuis leur contenu : un événement modifié, retiré ou inséré dans le
segment change l'empreinte, même si la chaîne a été entièrement recalculée par un faussaire.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from pretoire.journal import chaine


def empreinte_des_maillons(maillons: Iterable[chaine.Maillon]) -> str:
    condense = hashlib.sha256()
    for maillon in maillons:
        condense.update(maillon.contenu_scelle())
        condense.update(b"\n")
    return condense.hexdigest()
