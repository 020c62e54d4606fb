"""La langue des questions : dates écrites en toutes lettres, élision, noms des personnes.

Les questions sont posées « en fait » à des jurés : les dates s'y lisent en français
(« le 12 juin 2021 »), non au format ISO, et « de » devant « Inès » s'écrit « d'Inès ».
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Mapping
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


def commence_par_une_voyelle(mot: str) -> bool:
    """Vrai si le mot se prononce en commençant par une voyelle, et appelle donc l'élision.

    Voyelle, accentuée ou non ; h muet, comme devant les prénoms (« d'Hélène », « d'Hugo ») et
    les noms du catalogue (« l'homicide ») ; y suivi d'une consonne (« d'Yves »), mais non y
    suivi d'une voyelle, qui se prononce comme une consonne (« de Yanis », « de Yann »).

    >>> mots = ("Inès", "Émilie", "Œdipe", "Hugo", "Yves", "Yanis", "Paul", "1er")
    >>> [mot for mot in mots if commence_par_une_voyelle(mot)]
    ['Inès', 'Émilie', 'Œdipe', 'Hugo', 'Yves']
    """
    return _son_voyelle(mot[:3])


@functools.lru_cache(maxsize=512)
def _son_voyelle(debut: str) -> bool:
    # Les trois premières lettres suffisent (« h », « y », puis la voyelle) : le résultat se
    # garde pour les milliers de questions d'une grande affaire, qui nomment les mêmes personnes.
    lettres = "".join(
        c for c in unicodedata.normalize("NFD", debut.casefold()) if not unicodedata.combining(c)
    )
    if lettres.startswith("h"):
        lettres = lettres[1:]
    if lettres.startswith("y"):
        return len(lettres) > 1 and lettres[1] not in "aeiouy"
    return lettres[:1] in ("a", "e", "i", "o", "u", "œ", "æ")


# Les mots qui s'élident devant une voyelle, quand ils précèdent une variable d'un modèle.
_MOT_ELIDABLE_EN_FIN = re.compile(r"(?<![\w'])(de|que|lorsque|puisque|le|la)\s$", re.IGNORECASE)


def elider(mot: str, suite: str) -> str:
    """« de » ou « que » devant ``suite``, élidé s'il le faut.

    >>> elider("de", "Inès FABRE"), elider("que", "Inès FABRE"), elider("de", "Yanis MARTIN")
    ("d'Inès FABRE", "qu'Inès FABRE", 'de Yanis MARTIN')
    """
    if suite and commence_par_une_voyelle(suite):
        return f"{mot[:-1]}'{suite}"
    return f"{mot} {suite}"


def remplir(modele: str, variables: Mapping[str, str]) -> str:
    """Le modèle d'énoncé du catalogue, ses variables remplacées, avec l'élision qu'elles appellent.

    >>> remplir("alors que {victime} était âgée", {"victime": "Inès FABRE"})
    "alors qu'Inès FABRE était âgée"
    >>> remplir("sur la personne de {victime}", {"victime": "Léa MARTIN"})
    'sur la personne de Léa MARTIN'
    """
    morceaux: list[str] = []
    for litteral, elide, nom in _analyser(modele):
        if nom is None:
            morceaux.append(litteral)
            continue
        valeur = variables[nom]
        morceaux.append(elide if valeur and commence_par_une_voyelle(valeur) else litteral)
        morceaux.append(valeur)
    return "".join(morceaux)


@functools.lru_cache(maxsize=256)
def _analyser(modele: str) -> tuple[tuple[str, str, str | None], ...]:
    """Le modèle découpé une fois pour toutes : (texte, texte élidé, variable qui suit).

    Les modèles sont les quelques dizaines d'énoncés du catalogue, remplis des milliers de fois.
    """
    morceaux = []
    for litteral, nom, _, _ in string.Formatter().parse(modele):
        mot = _MOT_ELIDABLE_EN_FIN.search(litteral) if nom is not None else None
        elide = litteral[: mot.start()] + mot.group(1)[:-1] + "'" if mot else litteral
        morceaux.append((litteral, elide, nom))
    return tuple(morceaux)
