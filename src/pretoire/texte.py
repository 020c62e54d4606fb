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

import re
import unicodedata
from collections.abc import Collection, Sequence
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


def _prolonge(precedent: str, c: str) -> bool:
    """``c`` reste dans la grappe de ``precedent`` (UAX #29, en joignant plus, jamais moins)."""
    if unicodedata.category(precedent) == "Cc" or unicodedata.category(c) == "Cc":
        return False
    point, avant = ord(c), ord(precedent)
    return (
        unicodedata.category(c) in ("Mn", "Mc", "Me")
        or c in FORMATS_GARDES
        or 0x1F3FB <= point <= 0x1F3FF  # modificateurs de couleur de peau
        or 0xE0020 <= point <= 0xE007F  # étiquettes (drapeaux régionaux)
        or precedent == "\u200d"
        or (_indicateur_regional(avant) and _indicateur_regional(point))
        or (_jamo(avant) and _jamo(point))
        or 0x0600 <= avant <= 0x0605
        or avant in (0x06DD, 0x070F, 0x08E2, 0x110BD, 0x110CD)
    )


def _indicateur_regional(point: int) -> bool:
    return 0x1F1E6 <= point <= 0x1F1FF


def _jamo(point: int) -> bool:
    return (
        0x1100 <= point <= 0x11FF
        or 0xA960 <= point <= 0xA97F
        or 0xAC00 <= point <= 0xD7A3
        or 0xD7B0 <= point <= 0xD7FF
    )


def grappes(texte: str) -> list[str]:
    """Le texte en grappes : ce que le moteur de rendu dessine d'une seule police.

    >>> [len(grappe) for grappe in grappes("e\\u0301a\\U0001f600\\u200d\\U0001f4bb")]
    [2, 1, 3]
    """
    resultat: list[str] = []
    for c in texte:
        if resultat and _prolonge(resultat[-1][-1], c):
            resultat[-1] += c
        else:
            resultat.append(c)
    return resultat


def imprimable(texte: str, couvertures: Sequence[Collection[int]]) -> str:
    """Le texte tel qu'un document peut l'afficher avec des polices qui couvrent ``couvertures``
    (les caractères de chacune).

    Toute grappe qu'aucune police ne dessine entière, et tout caractère de contrôle ou de
    forçage de sens (un journal ancien peut en contenir), devient U+FFFD : le document se rend
    toujours, et montre qu'un caractère n'a pas pu l'être.

    >>> latin, chinois = {ord(c) for c in "EDISTUO \\ufffd"}, {ord("张")}
    >>> imprimable("\\u202eEDISTUO 张 \\U0001f600", [latin, chinois])
    '\\ufffdEDISTUO 张 \\ufffd'
    >>> imprimable("a\\nb\\tc 张\\u0301", [{ord(c) for c in "abc \\u0301"}, chinois])
    'a\\nb c \\ufffd'
    >>> imprimable("A" * 100, [latin, {ord("A")}]).count("\\u200b")
    3
    """
    rendu: list[str] = []
    for grappe in grappes(texte):
        if grappe == "\n":
            rendu.append(grappe)
        elif grappe == "\t":
            rendu.append(" ")
        elif any(c in FORCAGES_DE_SENS or unicodedata.category(c) in ("Cc", "Cs") for c in grappe):
            rendu.append(CARACTERE_DE_REMPLACEMENT)
        elif any(all(ord(c) in couverts for c in grappe) for couverts in couvertures):
            rendu.append(grappe)
        else:
            rendu.append(CARACTERE_DE_REMPLACEMENT)
    return "".join(_coupable(rendu))


# Un mot plus long qu'une empreinte de certificat (32 octets séparés par deux-points, que les
# gabarits découpent eux-mêmes) sortirait de la page — un User-Agent forgé, par exemple : il
# reçoit une possibilité de coupure invisible toutes les 32 grappes.
MOT_LE_PLUS_LONG: Final = 95
COUPURE_POSSIBLE: Final = "\u200b"


def _coupable(grappes_du_texte: list[str]) -> list[str]:
    resultat: list[str] = []
    mot: list[str] = []
    for grappe in [*grappes_du_texte, " "]:
        if grappe.isspace():
            if len(mot) > MOT_LE_PLUS_LONG:
                mot = [g + COUPURE_POSSIBLE if i % 32 == 31 else g for i, g in enumerate(mot)]
            resultat.extend(mot)
            resultat.append(grappe)
            mot = []
        else:
            mot.append(grappe)
    return resultat[:-1]


def donnees_imprimables(valeur: Any, couvertures: Sequence[Collection[int]]) -> Any:
    """``imprimable`` appliquée à chaque chaîne d'une structure JSON (valeurs seulement).

    >>> latin = {ord(c) for c in "abcé \ufffd"}
    >>> donnees_imprimables({"a": ["abcé", "a\u202eb"]}, [latin])
    {'a': ['abcé', 'a\ufffdb']}
    """
    return _donnees_imprimables(valeur, couvertures, caracteres_surs(couvertures))


def caracteres_surs(couvertures: Sequence[Collection[int]]) -> frozenset[str]:
    """Les caractères que la première police dessine, hors contrôles et forçages de sens : une
    chaîne faite d'eux seuls, sans mot démesuré, se rend telle quelle. Une feuille de questions
    compte des dizaines de milliers de chaînes, presque toutes en français : les examiner grappe
    par grappe doublerait le temps de son rendu."""
    if not couvertures:
        return frozenset()
    return frozenset(
        chr(c)
        for c in couvertures[0]
        if chr(c) not in FORCAGES_DE_SENS and unicodedata.category(chr(c)) not in ("Cc", "Cs")
    ) | {"\n"}


_MOT_DEMESURE = re.compile(rf"\S{{{MOT_LE_PLUS_LONG + 1},}}")


def _donnees_imprimables(valeur: Any, couvertures: Sequence[Collection[int]], surs: frozenset[str]) -> Any:
    if isinstance(valeur, str):
        if surs.issuperset(valeur) and not _MOT_DEMESURE.search(valeur):
            return valeur
        return imprimable(valeur, couvertures)
    if isinstance(valeur, dict):
        return {k: _donnees_imprimables(v, couvertures, surs) for k, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [_donnees_imprimables(v, couvertures, surs) for v in valeur]
    return valeur
