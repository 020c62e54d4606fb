"""La langue des questions : dates écrites en toutes lettres, accords, noms des personnes.

Les questions sont posées « en fait » à des jurés : les dates s'y lisent en français
(« le 12 juin 2021 »), non au format ISO.
"""

from __future__ import annotations

from datetime import date

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_en_toutes_lettres(jour: date) -> str:
    """La date comme on l'écrit dans une décision de justice.

    >>> date_en_toutes_lettres(date(2021, 6, 12))
    '12 juin 2021'
    >>> date_en_toutes_lettres(date(2029, 1, 1))
    '1er janvier 2029'
    """
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"


def nom_usuel(prenoms: str, nom: str) -> str:
    """Le premier prénom suivi du nom : « Marc DURAND ».

    >>> nom_usuel("Marc Henri", "DURAND")
    'Marc DURAND'
    """
    premier = prenoms.split()[0] if prenoms.strip() else ""
    return f"{premier} {nom}".strip()


def accord(feminin: bool, masculin_forme: str, feminin_forme: str) -> str:
    """La forme qui s'accorde avec le sexe de la personne.

    >>> accord(True, "L'accusé", "L'accusée")
    "L'accusée"
    """
    return feminin_forme if feminin else masculin_forme


def liste_en_francais(elements: list[str]) -> str:
    """Une énumération à la française, le dernier terme joint par « et ».

    >>> liste_en_francais(["1", "3", "5"])
    '1, 3 et 5'
    """
    if len(elements) <= 1:
        return "".join(elements)
    return ", ".join(elements[:-1]) + " et " + elements[-1]


def age_revolu(naissance: date, jour: date) -> int:
    """L'âge en années révolues au jour donné.

    >>> age_revolu(date(2012, 5, 2), date(2027, 5, 1))
    14
    >>> age_revolu(date(2012, 5, 2), date(2027, 5, 2))
    15
    """
    anniversaire_passe = (jour.month, jour.day) >= (naissance.month, naissance.day)
    return jour.year - naissance.year - (0 if anniversaire_passe else 1)


_UNITES = (
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
)
_DIZAINES = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}


def nombre_en_lettres(nombre: int) -> str:
    """Un nombre de 0 à 99 en toutes lettres, comme sur une feuille de questions ou un arrêt.

    Les décisions écrivent les majorités et les durées en lettres : « à la majorité de huit
    voix au moins », « dix-huit ans de réclusion criminelle ».

    >>> [nombre_en_lettres(n) for n in (7, 8, 17, 21, 30)]
    ['sept', 'huit', 'dix-sept', 'vingt et un', 'trente']
    >>> [nombre_en_lettres(n) for n in (71, 80, 91)]
    ['soixante et onze', 'quatre-vingts', 'quatre-vingt-onze']
    """
    if not 0 <= nombre <= 99:
        raise ValueError(f"nombre hors de 0 à 99 : {nombre}")
    if nombre <= 16:
        return _UNITES[nombre]
    if nombre < 20:
        return f"dix-{_UNITES[nombre - 10]}"
    dizaine, unite = divmod(nombre, 10)
    if dizaine in (7, 9):
        # Soixante-dix et quatre-vingt-dix : la dizaine précédente suivie de 10 à 19.
        base, reste = _DIZAINES[dizaine - 1], nombre - (dizaine - 1) * 10
        liaison = " et " if reste == 11 and dizaine == 7 else "-"
        return f"{base}{liaison}{nombre_en_lettres(reste)}"
    base = _DIZAINES[dizaine]
    if unite == 0:
        return base + ("s" if dizaine == 8 else "")
    if unite == 1 and dizaine != 8:
        return f"{base} et un"
    return f"{base}-{_UNITES[unite]}"
