"""La langue des questions et des procès-verbaux : dates et heures en français, élision, noms.

Les questions sont posées « en fait » à des jurés : les dates s'y lisent en français
(« le 12 juin 2021 »), non au format ISO, et « de » devant « Inès » s'écrit « d'Inès ». Les
instants du journal se lisent à l'heure de la cour (Europe/Paris) : ce module est le seul qui
la connaisse.
"""

from __future__ import annotations

import functools
import math
import re
import string
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

# L'heure légale de la cour : celle de Paris, heure d'été comprise.
FUSEAU_DE_LA_COUR = ZoneInfo("Europe/Paris")

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


# --- Heures, durées et dates des procès-verbaux ---------------------------------------------------

JOURS_DE_LA_SEMAINE = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

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
    "dix-sept",
    "dix-huit",
    "dix-neuf",
)
_DIZAINES = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _moins_de_cent(n: int) -> str:
    if n < 20:
        return _UNITES[n]
    dizaine, unite = divmod(n, 10)
    if dizaine in (7, 9):
        # soixante-dix, quatre-vingt-dix : la dizaine inférieure et 10 à 19.
        base = "soixante" if dizaine == 7 else "quatre-vingt"
        liaison = " et " if n == 71 else "-"
        return f"{base}{liaison}{_UNITES[10 + unite]}"
    base = "quatre-vingt" if dizaine == 8 else _DIZAINES[dizaine]
    if unite == 0:
        return "quatre-vingts" if dizaine == 8 else base
    if unite == 1 and dizaine != 8:
        return f"{base} et un"
    return f"{base}-{_UNITES[unite]}"


def nombre_en_lettres(n: int) -> str:
    """Un entier de 0 à 9 999 écrit en toutes lettres (orthographe traditionnelle).

    >>> nombre_en_lettres(2024)
    'deux mille vingt-quatre'
    >>> nombre_en_lettres(71), nombre_en_lettres(80), nombre_en_lettres(91)
    ('soixante et onze', 'quatre-vingts', 'quatre-vingt-onze')
    >>> nombre_en_lettres(1999)
    'mille neuf cent quatre-vingt-dix-neuf'
    """
    if not 0 <= n < 10_000:
        raise ValueError(f"{n} : seuls les nombres de 0 à 9 999 sont écrits en lettres")
    milliers, reste = divmod(n, 1000)
    centaines, reste = divmod(reste, 100)
    mots = []
    if milliers:
        mots.append("mille" if milliers == 1 else f"{_UNITES[milliers]} mille")
    if centaines:
        cent = "cent" if centaines == 1 else f"{_UNITES[centaines]} cent"
        mots.append(cent + ("s" if centaines > 1 and reste == 0 else ""))
    if reste or not mots:
        mots.append(_moins_de_cent(reste))
    return " ".join(mots)


def date_en_lettres(jour: date) -> str:
    """La date entièrement en lettres, comme à la fin d'un arrêt.

    >>> date_en_lettres(date(2024, 12, 11))
    'onze décembre deux mille vingt-quatre'
    >>> date_en_lettres(date(2026, 11, 1))
    'premier novembre deux mille vingt-six'
    """
    quantieme = "premier" if jour.day == 1 else nombre_en_lettres(jour.day)
    return f"{quantieme} {MOIS[jour.month - 1]} {nombre_en_lettres(jour.year)}"


def date_avec_jour(jour: date) -> str:
    """Le jour de la semaine et la date : « lundi 23 novembre 2026 ».

    >>> date_avec_jour(date(2026, 11, 23))
    'lundi 23 novembre 2026'
    """
    return f"{JOURS_DE_LA_SEMAINE[jour.weekday()]} {date_en_toutes_lettres(jour)}"


def heure_a_la_seconde(instant: datetime, fuseau: tzinfo) -> str:
    """L'heure d'un instant dans le fuseau de la cour, à la seconde (tronquée).

    >>> from datetime import UTC
    >>> heure_a_la_seconde(datetime(2026, 11, 23, 9, 41, 12, 900000, tzinfo=UTC), FUSEAU_DE_LA_COUR)
    '10 h 41 min 12 s'
    """
    local = instant.astimezone(fuseau)
    return f"{local.hour} h {local.minute:02d} min {local.second:02d} s"


def heure(instant: datetime) -> str:
    """L'heure de Paris d'un instant du journal, à la seconde.

    >>> from datetime import UTC
    >>> heure(datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC))
    '10 h 41 min 12 s'
    >>> heure(datetime(2026, 7, 6, 8, 15, tzinfo=UTC))
    '10 h 15 min 00 s'
    """
    return heure_a_la_seconde(instant, FUSEAU_DE_LA_COUR)


def jour_a_paris(instant: datetime) -> date:
    """Le jour, à Paris, d'un instant du journal (minuit UTC est déjà le lendemain à Paris).

    >>> from datetime import UTC
    >>> jour_a_paris(datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    datetime.date(2026, 11, 24)
    """
    return instant.astimezone(FUSEAU_DE_LA_COUR).date()


def duree_en_francais(secondes: float) -> str:
    """Une durée arrondie à la seconde la plus proche.

    >>> duree_en_francais(170.6), duree_en_francais(7), duree_en_francais(3725)
    ('2 min 51 s', '7 s', '1 h 02 min 05 s')
    >>> duree_en_francais(0.3)
    "moins d'une seconde"
    """
    total = math.floor(secondes + 0.5)
    if total < 1:
        return "moins d'une seconde"
    heures, reste = divmod(total, 3600)
    minutes, secs = divmod(reste, 60)
    if heures:
        return f"{heures} h {minutes:02d} min {secs:02d} s"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


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
