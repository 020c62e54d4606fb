"""Citer un article ou un arrêt, avec la numérotation en vigueur à la date du procès.

L'ordonnance n° 2025-1091 du 19 novembre 2025 (JORF n° 0272 du 20 novembre 2025) réécrit la
partie législative du code de procédure pénale et renumérote les articles sur les questions.
Tant qu'elle n'est pas entrée en vigueur, l'ancien numéro est le droit applicable et le nouveau
est montré à côté ; après, c'est l'inverse.

La date d'entrée en vigueur est NON VÉRIFIÉE : les sources secondaires annoncent le
1er janvier 2029, peut-être reporté au 1er janvier 2030 (correspondence.md). Elle est donc un
paramètre de chaque fonction qui cite, avec ``ENTREE_EN_VIGUEUR_NOUVEAU_CODE`` pour défaut.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pretoire.law.redaction import date_en_toutes_lettres

# NON VÉRIFIÉ : date annoncée par les sources secondaires, possiblement reportée au 1er janvier 2030.
ENTREE_EN_VIGUEUR_NOUVEAU_CODE = date(2029, 1, 1)


class Code(enum.StrEnum):
    CODE_PROCEDURE_PENALE = "CPP"
    CODE_PENAL = "CP"
    CODE_JUSTICE_PENALE_MINEURS = "CJPM"
    ORDONNANCE_DU_2_FEVRIER_1945 = "ord. n° 45-174 du 2 février 1945"


# Table de correspondance établie par comparaison des textes (correspondence.md) : aucune table
# officielle n'a été trouvée. La clé est (article en vigueur, alinéa) ; None vaut pour tout l'article.
CORRESPONDANCE_CPP: Mapping[tuple[str, int | None], str] = {
    ("348", None): "L4324-3",
    ("349", None): "L4324-4",
    ("349-1", None): "L4324-5",
    ("350", None): "L4324-6",
    ("351", 1): "L4324-7",
    ("351", 2): "L4324-8",
    ("351-1", None): "L4324-9",
    ("355", None): "L4325-1",
    # Issues de la forme en deux questions (art. 361-1), L4325-9 dans le texte de l'ordonnance.
    ("361-1", None): "L4325-9",
}


@dataclass(frozen=True, order=True)
class Citation:
    """Un article de code, avec son futur numéro quand la correspondance est connue."""

    code: Code
    article: str
    alinea: int | None = None
    futur_numero: str | None = None


@dataclass(frozen=True, order=True)
class Jurisprudence:
    """Une décision de la Cour de cassation telle que les sources du projet la citent."""

    formation: str
    date: date
    numero: str | None = None

    def __str__(self) -> str:
        """La référence telle que les sources du projet l'écrivent.

        >>> str(Jurisprudence("Cass. crim.", date(1987, 6, 24), "86-96.712"))
        'Cass. crim., 24 juin 1987, n° 86-96.712'
        """
        texte = f"{self.formation}, {date_en_toutes_lettres(self.date)}"
        return f"{texte}, n° {self.numero}" if self.numero else texte


Reference = Citation | Jurisprudence


# Les citations sont des valeurs immuables, en petit nombre, reprises par des milliers de
# questions : chacune n'est construite et écrite qu'une fois.
@functools.cache
def article_cpp(article: str, alinea: int | None = None) -> Citation:
    """Un article du CPP, complété de son futur numéro d'après la table de correspondance.

    >>> article_cpp("351", 2)
    Citation(code=<Code.CODE_PROCEDURE_PENALE: 'CPP'>, article='351', alinea=2, futur_numero='L4324-8')
    """
    futur = CORRESPONDANCE_CPP.get((article, alinea)) or CORRESPONDANCE_CPP.get((article, None))
    return Citation(Code.CODE_PROCEDURE_PENALE, article, alinea, futur)


@functools.cache
def article_cp(article: str, alinea: int | None = None) -> Citation:
    """Un article du code pénal, que l'ordonnance de 2025 ne renumérote pas."""
    return Citation(Code.CODE_PENAL, article, alinea)


@functools.cache
def article_cjpm(article: str) -> Citation:
    """Un article du code de la justice pénale des mineurs (en vigueur le 30 septembre 2021)."""
    return Citation(Code.CODE_JUSTICE_PENALE_MINEURS, article)


@functools.cache
def article_ordonnance_1945(article: str) -> Citation:
    """Un article de l'ordonnance relative à l'enfance délinquante, que le CJPM a remplacée."""
    return Citation(Code.ORDONNANCE_DU_2_FEVRIER_1945, article)


@functools.lru_cache(maxsize=1024)
def formater(
    reference: Reference,
    date_proces: date,
    entree_en_vigueur: date = ENTREE_EN_VIGUEUR_NOUVEAU_CODE,
) -> str:
    """La citation telle qu'elle s'écrit pour un procès tenu à ``date_proces``.

    >>> formater(article_cpp("349"), date(2026, 11, 23))
    'art. 349 CPP (futur art. L4324-4)'
    >>> formater(article_cpp("349"), date(2029, 1, 1))
    'art. L4324-4 CPP (anc. art. 349)'
    >>> formater(article_cpp("351", 2), date(2030, 3, 1))
    'art. L4324-8 CPP (anc. art. 351 al. 2)'
    >>> formater(article_cp("122-1", 1), date(2030, 3, 1))
    'art. 122-1 al. 1 CP'
    """
    if isinstance(reference, Jurisprudence):
        return str(reference)
    ancien = reference.article + (f" al. {reference.alinea}" if reference.alinea else "")
    if reference.futur_numero is None:
        return f"art. {ancien} {reference.code}"
    if date_proces < entree_en_vigueur:
        return f"art. {ancien} {reference.code} (futur art. {reference.futur_numero})"
    return f"art. {reference.futur_numero} {reference.code} (anc. art. {ancien})"
