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
