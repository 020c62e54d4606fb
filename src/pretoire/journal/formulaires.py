"""Les champs du formulaire « Consigner » du greffe, tirés des modèles de ``donnees``.

Un seul formulaire pour tous les types : chaque type montre ses champs, le serveur ne lit que
ceux du type choisi et les valide avec le même modèle que l'API.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.http import QueryDict

from pretoire.law.debats import TypeEvenement

from .donnees import MODELES

LIBELLES_VALEURS: Mapping[str, str] = {
    "temoin": "témoin",
    "expert": "expert",
    "interprete": "interprète",
    "partie_civile": "partie civile",
    "presentiel": "à la barre",
    "visioconference": "par visioconférence",
    "speciale": "question spéciale (circonstance aggravante)",
    "subsidiaire": "question subsidiaire (autre qualification)",
    "violence": "violence",
    "contrainte": "contrainte",
    "menace": "menace",
    "surprise": "surprise",
    "autre": "autre élément",
}

CHAMPS_LONGS = frozenset({"observations", "objet", "description", "motif", "enonce"})


@dataclass(frozen=True)
class Champ:
    nom: str
    libelle: str
    obligatoire: bool
    genre: str  # "texte", "zone", "choix", "nombre"
    choix: Sequence[tuple[str, str]] = field(default_factory=tuple)
    valeur: str = ""


def champs_du_type(
    type_evenement: TypeEvenement,
    *,
    accuses: Sequence[tuple[str, str]],
    faits: Sequence[tuple[str, str]],
    depositions: Sequence[tuple[str, str]] = (),
    saisie: Mapping[str, str] | None = None,
) -> list[Champ]:
    """Les champs du type, avec la saisie précédente pour ne rien perdre après un refus."""
    champs = []
    # Les observations, libres, viennent après ce que le type exige.
    ordre = sorted(MODELES[type_evenement].model_fields.items(), key=lambda item: item[0] == "observations")
    for nom, info in ordre:
        libelle = info.title or nom
        obligatoire = info.is_required()
        valeur = (saisie or {}).get(f"{type_evenement.value}-{nom}", "")
        choix: Sequence[tuple[str, str]] = ()
        if nom == "accuse":
            genre, choix = "choix", accuses
        elif nom == "fait":
            genre, choix = "choix", faits
        elif nom == "deposition":
            genre, choix = "choix", depositions
        elif typing.get_origin(info.annotation) is typing.Literal:
            genre = "choix"
            choix = [(v, LIBELLES_VALEURS.get(v, v)) for v in typing.get_args(info.annotation)]
        elif info.annotation is int:
            genre = "nombre"
        else:
            genre = "zone" if nom in CHAMPS_LONGS else "texte"
        champs.append(Champ(nom, libelle, obligatoire, genre, choix, valeur))
    return champs


def donnees_postees(type_evenement: TypeEvenement, post: QueryDict) -> dict[str, str]:
    """Les seuls champs du type choisi, non vides, préfixés par le type dans le formulaire."""
    prefixe = f"{type_evenement.value}-"
    return {
        nom: valeur
        for nom in MODELES[type_evenement].model_fields
        if (valeur := post.get(prefixe + nom, "").strip())
    }
