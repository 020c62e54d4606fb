"""L'empreinte chaînée des événements du journal (SHA-256).

Chaque événement scelle son contenu et l'empreinte du précédent : modifier, insérer ou retirer
un événement rompt la chaîne à cet endroit. Module sans Django, pour pouvoir vérifier un
journal exporté hors de l'application.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

EMPREINTE_INITIALE = "0" * 64


def contenu_scelle(
    *,
    affaire: str,
    numero: int,
    type: str,
    donnees: Mapping[str, Any],
    auteur: str,
    horodatage: datetime,
    corrige: int | None,
    empreinte_precedente: str,
) -> bytes:
    """La forme canonique (JSON trié, UTC à la microseconde) de ce que l'empreinte scelle."""
    return json.dumps(
        {
            "affaire": affaire,
            "numero": numero,
            "type": type,
            "donnees": donnees,
            "auteur": auteur,
            "horodatage": horodatage.astimezone(UTC).isoformat(timespec="microseconds"),
            "corrige": corrige,
            "empreinte_precedente": empreinte_precedente,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode()


def empreinte(**champs: Any) -> str:
    return hashlib.sha256(contenu_scelle(**champs)).hexdigest()


@dataclass(frozen=True)
class Maillon:
    affaire: str
    numero: int
    type: str
    donnees: Mapping[str, Any]
    auteur: str
    horodatage: datetime
    corrige: int | None
    empreinte_precedente: str
    empreinte: str

    def contenu_scelle(self) -> bytes:
        """Ce que l'empreinte de ce maillon scelle, recalculé depuis son contenu."""
        return contenu_scelle(
            affaire=self.affaire,
            numero=self.numero,
            type=self.type,
            donnees=self.donnees,
            auteur=self.auteur,
            horodatage=self.horodatage,
            corrige=self.corrige,
            empreinte_precedente=self.empreinte_precedente,
        )


@dataclass(frozen=True)
class ResultatVerification:
    valide: bool
    nombre_evenements: int
    premier_maillon_rompu: int | None = None
    raison: str = ""
    derniere_empreinte: str = EMPREINTE_INITIALE
    ancrage: str = ""  # ce que le registre des ancrages atteste (voir ``ancrage.confronter``)

    @property
    def message(self) -> str:
        if self.valide:
            chaine = f"Chaîne intègre : {self.nombre_evenements} événement(s) vérifié(s)."
            return f"{chaine} {self.ancrage}" if self.ancrage else chaine
        if self.premier_maillon_rompu is None:
            return f"Journal contredit par le registre des ancrages : {self.raison}."
        return f"Chaîne rompue à l'événement n° {self.premier_maillon_rompu} : {self.raison}."


def verifier(maillons: Iterable[Maillon]) -> ResultatVerification:
    """Recalcule la chaîne dans l'ordre des numéros et dit où elle se rompt, s'il y a lieu."""
    precedente = EMPREINTE_INITIALE
    attendu = 1
    for maillon in maillons:
        if maillon.numero != attendu:
            return ResultatVerification(
                False,
                attendu - 1,
                attendu,
                f"numéro {maillon.numero} trouvé, {attendu} attendu (événement manquant)",
            )
        if maillon.empreinte_precedente != precedente:
            return ResultatVerification(
                False, attendu - 1, maillon.numero, "l'empreinte du précédent ne correspond pas"
            )
        recalculee = hashlib.sha256(maillon.contenu_scelle()).hexdigest()
        if recalculee != maillon.empreinte:
            return ResultatVerification(
                False, attendu - 1, maillon.numero, "le contenu ne correspond plus à son empreinte"
            )
        precedente = maillon.empreinte
        attendu += 1
    return ResultatVerification(True, attendu - 1, derniere_empreinte=precedente)
