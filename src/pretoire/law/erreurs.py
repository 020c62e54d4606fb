"""Traduire les erreurs de validation de Pydantic en messages français qui disent quoi corriger.

Réutilisable hors du dossier (API JSON) : ``messages_en_francais`` ne connaît que les erreurs
telles que ``ValidationError.errors()`` les rend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Chemin = tuple[str | int, ...]


@dataclass(frozen=True)
class ErreurDeSaisie:
    """Une erreur située : le champ (``chemin``), et, quand on la connaît, la position dans le fichier."""

    chemin: Chemin
    message: str
    fichier: str | None = None
    ligne: int | None = None
    colonne: int | None = None

    def __str__(self) -> str:
        position = ":".join(
            str(partie) for partie in (self.fichier, self.ligne, self.colonne) if partie is not None
        )
        return f"{position} : {self.message}" if position else self.message


def chemin_lisible(chemin: Chemin) -> str:
    """Le chemin du champ tel qu'un greffier le lit.

    >>> chemin_lisible(("faits", 0, "victimes", 1))
    'faits[0].victimes[1]'
    >>> chemin_lisible(())
    '(racine du document)'
    """
    texte = ""
    for partie in chemin:
        texte += f"[{partie}]" if isinstance(partie, int) else (f".{partie}" if texte else partie)
    return texte or "(racine du document)"


def _valeurs_permises(contexte: Mapping[str, Any]) -> str:
    """« 'speciale' or 'subsidiaire' » devient « speciale ou subsidiaire »."""
    attendu = str(contexte.get("expected", ""))
    return attendu.replace("'", "").replace(" or ", " ou ")


def _message(type_erreur: str, champ: str, erreur: Mapping[str, Any]) -> str:
    contexte: Mapping[str, Any] = erreur.get("ctx") or {}
    valeur = erreur.get("input")
    if type_erreur == "missing":
        return f"le champ « {champ} » est obligatoire : ajoutez-le."
    if type_erreur == "extra_forbidden":
        return f"le champ « {champ} » n'est pas prévu par le format : supprimez-le ou corrigez son nom."
    if type_erreur.startswith("date_") or type_erreur.startswith("datetime_"):
        genre = "une date et heure ISO 8601 (2026-11-23T14:05:00+01:00)"
        if type_erreur.startswith("date_"):
            genre = "une date au format AAAA-MM-JJ (par exemple 2021-06-12)"
        return f"le champ « {champ} » doit être {genre} ; valeur reçue : {valeur!r}."
    if type_erreur in ("literal_error", "enum"):
        return (
            f"le champ « {champ} » vaut {valeur!r}, valeur non prévue ; "
            f"valeurs permises : {_valeurs_permises(contexte)}."
        )
    if type_erreur in ("string_type", "str_type"):
        return f"le champ « {champ} » doit être un texte entre guillemets ; valeur reçue : {valeur!r}."
    if type_erreur in ("int_type", "int_parsing", "int_from_float"):
        return f"le champ « {champ} » doit être un nombre entier ; valeur reçue : {valeur!r}."
    if type_erreur in ("bool_type", "bool_parsing"):
        return f"le champ « {champ} » doit valoir true ou false ; valeur reçue : {valeur!r}."
    if type_erreur == "list_type":
        return f"le champ « {champ} » doit être une liste (éléments précédés de « - »)."
    if type_erreur in ("dict_type", "model_type", "model_attributes_type"):
        return f"le champ « {champ} » doit être un objet (des paires « clé: valeur »)."
    if type_erreur == "too_short":
        minimum = contexte.get("min_length", 1)
        return f"le champ « {champ} » doit contenir au moins {minimum} élément(s)."
    if type_erreur == "string_too_short":
        minimum = int(contexte.get("min_length", 1))
        if minimum <= 1:
            return f"le champ « {champ} » ne peut pas être vide."
        return f"le champ « {champ} » doit contenir au moins {minimum} signes."
    if type_erreur == "string_too_long":
        return f"le champ « {champ} » doit contenir au plus {contexte.get('max_length')} signes."
    if type_erreur == "string_pattern_mismatch":
        return f"le champ « {champ} » contient des signes non permis."
    if type_erreur in ("greater_than_equal", "greater_than"):
        borne = contexte.get("ge", contexte.get("gt"))
        relation = "supérieur ou égal à" if type_erreur == "greater_than_equal" else "supérieur à"
        return f"le champ « {champ} » doit être {relation} {borne} ; valeur reçue : {valeur!r}."
    if type_erreur in ("less_than_equal", "less_than"):
        borne = contexte.get("le", contexte.get("lt"))
        relation = "inférieur ou égal à" if type_erreur == "less_than_equal" else "inférieur à"
        return f"le champ « {champ} » doit être {relation} {borne} ; valeur reçue : {valeur!r}."
    if type_erreur == "value_error":
        # Nos propres validateurs écrivent déjà leur message en français.
        raison = str(contexte.get("error", erreur.get("msg", "")))
        return f"le champ « {champ} » est invalide : {raison}"
    return f"le champ « {champ} » est invalide ({erreur.get('msg', type_erreur)})."


def messages_en_francais(erreurs: Iterable[Mapping[str, Any]]) -> list[ErreurDeSaisie]:
    """Une erreur française par erreur Pydantic, avec le chemin du champ fautif.

    >>> from pydantic import BaseModel, ConfigDict
    >>> class Accuse(BaseModel):
    ...     model_config = ConfigDict(extra="forbid")
    ...     nom: str
    >>> try:
    ...     Accuse.model_validate({"prenom": "Marc"})
    ... except Exception as exc:
    ...     for erreur in messages_en_francais(exc.errors()):
    ...         print(erreur)
    le champ « nom » est obligatoire : ajoutez-le.
    le champ « prenom » n'est pas prévu par le format : supprimez-le ou corrigez son nom.
    """
    resultat = []
    for erreur in erreurs:
        chemin = _chemin_de_donnees(erreur.get("loc", ()))
        message = _message(str(erreur.get("type", "")), chemin_lisible(chemin), erreur)
        resultat.append(ErreurDeSaisie(chemin, message))
    return resultat


def _chemin_de_donnees(loc: Sequence[Any]) -> Chemin:
    # Pydantic insère dans ``loc`` des étapes internes (« function-after[...] », nom de type
    # d'une union) qui ne sont pas des clés du document : on ne garde que ce que l'auteur a écrit.
    return tuple(
        partie
        for partie in loc
        if isinstance(partie, int) or ("[" not in str(partie) and "-" not in str(partie))
    )
