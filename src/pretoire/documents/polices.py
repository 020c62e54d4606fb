"""Les polices des documents : un jeu fixe de fichiers, et les caractères qu'il sait dessiner.

En PDF/A, Typst refuse un document dont un caractère n'a aucune police : un prénom chinois ou
un mot thaï au journal rendrait impossibles, pour toujours, les documents qui le couvrent. Les
documents se composent donc avec un jeu de polices connu (Liberation Serif pour le texte, les
familles Noto pour les écritures qu'une cour rencontre, DejaVu pour les symboles), pris dans
les paquets Debian qu'installe ``./run``, et jamais avec les polices du système, qui varient
d'une machine à l'autre. Ce jeu dit aussi ce qu'il couvre : le reste devient U+FFFD au rendu.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from fontTools.ttLib import TTFont

# Où Debian installe les polices des paquets fonts-liberation, fonts-noto-core, fonts-noto-cjk et
# fonts-dejavu-core.
REPERTOIRE_DES_POLICES: Final = Path("/usr/share/fonts")

_NOTO_SANS: Final = (
    "",
    "Arabic",
    "Armenian",
    "Bengali",
    "CanadianAboriginal",
    "Cherokee",
    "Devanagari",
    "Ethiopic",
    "Georgian",
    "Gujarati",
    "Gurmukhi",
    "Hebrew",
    "Kannada",
    "Khmer",
    "Lao",
    "Malayalam",
    "Myanmar",
    "Oriya",
    "Sinhala",
    "Tamil",
    "Telugu",
    "Thaana",
    "Thai",
)
# Écritures dont Debian n'a que la graisse normale.
_NOTO_SANS_NORMALE_SEULE: Final = ("Mongolian", "NKo", "Syriac", "Tifinagh", "Vai")

FICHIERS: Final = (
    *(f"LiberationSerif-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")),
    *(f"NotoSans{ecriture}-{graisse}.ttf" for ecriture in _NOTO_SANS for graisse in ("Regular", "Bold")),
    *(f"NotoSans{ecriture}-Regular.ttf" for ecriture in _NOTO_SANS_NORMALE_SEULE),
    "NotoSans-Italic.ttf",
    "NotoSerifTibetan-Regular.ttf",
    "NotoSansMath-Regular.ttf",
    "NotoSansSymbols-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
    # Chinois, japonais, coréen : une collection OpenType par graisse.
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJK-Bold.ttc",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSansMono.ttf",
)


# Ce que les polices embarquées dans Typst (Libertinus Serif, DejaVu Sans Mono) dessinent à coup
# sûr : un serveur sans les paquets de polices rend encore le français, le reste en U+FFFD.
LATIN_DE_TYPST: Final = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x180), *map(ord, "‘’“”«»–—…€•×→≤≥\u2009\u202f\ufffd")]
)


@dataclass(frozen=True)
class JeuDePolices:
    repertoire: str  # ce que Typst parcourt : des liens vers les seuls fichiers du jeu
    fichiers: tuple[Path, ...]
    # Pour chaque police, les caractères qu'elle dessine ; la première est celle que Typst embarque.
    couvertures: tuple[frozenset[int], ...]


def trouver_fichiers(racine: Path = REPERTOIRE_DES_POLICES) -> tuple[Path, ...]:
    """Les fichiers du jeu présents sous ``racine``, dans l'ordre de ``FICHIERS``."""
    par_nom: dict[str, Path] = {}
    for dossier, _, noms in sorted(os.walk(racine)):
        for nom in noms:
            par_nom.setdefault(nom, Path(dossier) / nom)
    return tuple(par_nom[nom] for nom in FICHIERS if nom in par_nom)


def points_couverts(fichier: Path) -> frozenset[int]:
    """Les caractères qu'une police associe à un glyphe (sa table cmap)."""
    with TTFont(fichier, fontNumber=0, lazy=True) as police:
        table = police.getBestCmap() or {}
        return frozenset(table)


@functools.cache
def jeu_de_polices() -> JeuDePolices:
    """Le jeu de polices de ce serveur, établi une fois par processus."""
    fichiers = trouver_fichiers()
    repertoire = tempfile.mkdtemp(prefix="pretoire-polices-")
    atexit.register(shutil.rmtree, repertoire, ignore_errors=True)
    for fichier in fichiers:
        os.symlink(fichier, Path(repertoire) / fichier.name)
    couvertures = (LATIN_DE_TYPST, *(points_couverts(fichier) for fichier in fichiers))
    return JeuDePolices(repertoire, fichiers, couvertures)
