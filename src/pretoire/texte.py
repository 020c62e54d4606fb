"""Le texte venu de dehors, rendu sûr : une seule règle, appliquée à chaque entrée.

Un nom, un motif, un en-tête User-Agent finissent au journal d'audience, qui ne s'efface pas,
puis dans des documents signés. Un caractère de contrôle ou un forçage de sens d'écriture y
ferait deux torts : le rendu PDF/A échouerait pour toujours sur l'événement, ou le document
montrerait autre chose que ce qui a été saisi (« \\u202eEDISTUO » s'affiche « OUTSIDE »).

``normaliser`` est appelée à chaque porte d'entrée (formulaires, API, import du dossier,
en-têtes, WebSocket) et, en dernier rempart, par la validation des données du journal ;
``imprimable`` sert au rendu, pour ce que le journal contenait déjà.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from typing import Any, Final

CARACTERE_DE_REMPLACEMENT: Final = "\ufffd"

# Forçages et isolats de sens d'écriture (UAX #9) : ils réordonnent l'affichage du texte qui suit.
FORCAGES_DE_SENS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Les seuls caractères de format que l'écriture demande : l'arabe, les écritures indiennes et les
# émojis composés s'en servent ; les autres (marques de sens, espaces sans chasse, indicateur
# d'ordre des octets…) sont invisibles et ne servent qu'à tromper l'œil.
FORMATS_GARDES: Final = frozenset("\u200c\u200d")
SAUTS_DE_LIGNE: Final = frozenset("\r\u2028\u2029")


def _non_caractere(c: str) -> bool:
    point = ord(c)
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def normaliser(texte: str) -> str:
    """Le texte saisi tel qu'il peut être consigné.

    Forme NFC ; fins de ligne ramenées à « \\n », tabulation à une espace ; caractères de
    contrôle, forçages de sens et caractères de format invisibles retirés ; moitiés de paires
    de substitution isolées et non-caractères remplacés par U+FFFD (ils n'ont pas de sens).

    >>> normaliser("\\u202eEDISTUO")
    'EDISTUO'
    >>> normaliser("Mozilla/5.0\\x85\\x9b(X11)\\u200b")
    'Mozilla/5.0(X11)'
    >>> normaliser("ligne 1\\r\\nligne\\t2")
    'ligne 1\\nligne 2'
    >>> normaliser("Zoe\\u0301 \\ud800 \\uffff")
    'Zoé \\ufffd \\ufffd'
    >>> normaliser("عبد\\u200cالله 张伟 สมชาย")
    'عبد\\u200cالله 张伟 สมชาย'
    """
    if texte.isascii() and texte.isprintable():
        return texte
    texte = texte.replace("\r\n", "\n")
    gardes = []
    for c in texte:
        categorie = unicodedata.category(c)
        if c in SAUTS_DE_LIGNE:
            gardes.append("\n")
        elif c == "\t":
            gardes.append(" ")
        elif categorie == "Cs" or _non_caractere(c):
            gardes.append(CARACTERE_DE_REMPLACEMENT)
        elif (categorie == "Cc" and c != "\n") or (categorie == "Cf" and c not in FORMATS_GARDES):
            continue
        else:
            gardes.append(c)
    return unicodedata.normalize("NFC", "".join(gardes))


def normaliser_donnees(valeur: Any) -> Any:
    """``normaliser`` appliquée à chaque chaîne d'une structure JSON (clés comprises)."""
    if isinstance(valeur, str):
        return normaliser(valeur)
    if isinstance(valeur, dict):
        return {normaliser_donnees(k): normaliser_donnees(v) for k, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [normaliser_donnees(v) for v in valeur]
    return valeur


def imprimable(texte: str, couverts: Collection[int]) -> str:
    """Le texte tel qu'un document peut l'afficher avec des polices qui couvrent ``couverts``.

    Tout caractère qu'aucune police ne dessine, et tout caractère de contrôle ou de forçage de
    sens (un journal ancien peut en contenir), devient U+FFFD : le document se rend toujours,
    et montre qu'un caractère n'a pas pu l'être.

    >>> imprimable("\\u202eEDISTUO 张", couverts={ord(c) for c in "EDISTUO \\ufffd"})
    '\\ufffdEDISTUO \\ufffd'
    >>> imprimable("a\\nb\\tc", couverts={ord(c) for c in "abc "})
    'a\\nb c'
    """
    rendu = []
    for c in texte:
        if c == "\n":
            rendu.append(c)
        elif c == "\t":
            rendu.append(" ")
        elif c in FORCAGES_DE_SENS or unicodedata.category(c) in ("Cc", "Cs") or ord(c) not in couverts:
            rendu.append(CARACTERE_DE_REMPLACEMENT)
        else:
            rendu.append(c)
    return "".join(rendu)


def donnees_imprimables(valeur: Any, couverts: Collection[int]) -> Any:
    """``imprimable`` appliquée à chaque chaîne d'une structure JSON (valeurs seulement)."""
    if isinstance(valeur, str):
        return imprimable(valeur, couverts)
    if isinstance(valeur, dict):
        return {k: donnees_imprimables(v, couverts) for k, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [donnees_imprimables(v, couverts) for v in valeur]
    return valeur
