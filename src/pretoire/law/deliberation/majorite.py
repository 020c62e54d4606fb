"""La majorité des votes sur les questions : art. 358, 359 et 360 CPP ; art. 380-19 4°.

Art. 358 al. 2 : « Les bulletins blancs, ou déclarés nuls par la majorité, sont comptés comme
favorables à l'accusé. »
Art. 359 (version en vigueur depuis le 1er mars 2022) : « Toute décision défavorable à l'accusé
se forme à la majorité de sept voix au moins lorsque la cour d'assises statue en premier ressort
et à la majorité de huit voix au moins lorsque la cour d'assises statue en appel. » De 2012 au
28 février 2022 : six voix en premier ressort, huit en appel (version antérieure, d'après les
sources du projet).
Art. 360 : « La déclaration, lorsqu'elle est affirmative, constate que la majorité de voix
exigée par l'article 359 au moins a été acquise sans que le nombre de voix puisse être
autrement exprimé. » Écrire « oui à la majorité de huit voix » sans « au moins » révèle le
nombre de voix : cassation (Cass. crim., 24 mai 2023, n° 22-84.601).
Art. 380-19 4° (cour criminelle départementale) : « Pour l'application des articles 359, 360 et
362, les décisions sont prises à la majorité. »

AMBIGUÏTÉ : la loi n° 2021-1729 a-t-elle des dispositions transitoires pour le seuil de
l'art. 359 ? Elles ne sont pas dans les sources — lecture retenue : la règle de procédure en
vigueur le jour du délibéré.
AMBIGUÏTÉ : « oui, à la majorité de sept voix au moins » ou sans virgule ? — lecture retenue : sans
virgule, la forme du tampon jugé régulier par Cass. crim., 18 nov. 1998, n° 98-80.822 (« oui à la
majorité de huit voix au moins ») ; le nombre en lettres, bien que les chiffres soient admis
(Cass. crim., 15 juin 1976, n° 76-90.436). La réponse négative s'écrit « non », sans mention de
majorité (forme non vérifiée) ; une cour de magistrats seuls écrit « oui à la majorité » (non
vérifié : mots de l'art. 380-19 4°).

Une question dont le « oui » profite à l'accusé (la seconde question de l'art. 349-1, « bénéficie-t-il
… de la cause d'irresponsabilité » ; une cause légale d'exemption ou de diminution de la peine ; la
question de l'art. 122-1 al. 2 CP) : la décision défavorable est le « non », et c'est lui qui exige
la majorité de l'art. 359 ; les blancs et nuls, favorables à l'accusé (art. 358 al. 2), vont au
« oui ». Six « oui » et trois « non » sur la cause d'irresponsabilité : l'accusé en bénéficie.
AMBIGUÏTÉ : comment s'inscrit le « non » qui a réuni la majorité qualifiée ? Les sources ne donnent
aucune feuille réelle (« How a negative answer is written … UNVERIFIED ») et l'art. 360 ne parle que
de la déclaration « affirmative » — lecture retenue, NON VÉRIFIÉE : « non à la majorité de sept voix
au moins », symétrique de la forme attestée du « oui », pour que la feuille constate que la décision
défavorable a réuni la majorité exigée sans en dire le nombre ; le « oui » qui profite à l'accusé
s'écrit « oui », sans mention, comme le « non » ordinaire.

Le décompte (``Decompte``) ne vit que le temps du vote : il n'a pas de représentation lisible
(une trace ou un journal qui l'afficherait ne montre rien), et seule la formule légale sort de
ce module.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from pretoire.law.citations import Citation, Jurisprudence, article_cpp
from pretoire.law.deliberation.composition import (
    DEBUT_DE_LA_COUR_CRIMINELLE_EXPERIMENTALE,
    Composition,
    RegleNonCouverte,
    composition,
)
from pretoire.law.deliberation.messages import Refus, message
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.law.redaction import date_en_toutes_lettres, nombre_en_lettres

CRIM_24_MAI_2023 = Jurisprudence("Cass. crim.", date(2023, 5, 24), "22-84.601")
ENTREE_EN_VIGUEUR_SEPT_VOIX = date(2022, 3, 1)


class ReponseDeLaCour(enum.StrEnum):
    OUI = "oui"
    NON = "non"
    SANS_OBJET = "sans objet"


# La réponse défavorable à l'accusé est « oui » (culpabilité, circonstance) ou « non » (une cause
# qui lui profite) ; c'est elle qui exige la majorité de l'art. 359.
REPONSES_DEFAVORABLES = (ReponseDeLaCour.OUI, ReponseDeLaCour.NON)


@dataclass(frozen=True)
class RegleDesVotes:
    """Ce qu'il faut de voix, pour une juridiction, entre deux dates (bornes incluses)."""

    type_juridiction: TypeJuridiction
    en_vigueur_du: date | None
    jusqu_au: date | None
    # Art. 359 : voix exigées pour toute décision défavorable ; None : la majorité (art. 380-19 4°).
    voix_exigees: int | None
    # Art. 362 al. 2 : voix exigées pour le maximum de la peine privative de liberté ; None quand
    # la majorité simple s'applique ou que le texte n'est pas dans les sources (``maximum_non_etabli``).
    voix_pour_le_maximum: int | None
    citations: tuple[Citation | Jurisprudence, ...]
    maximum_non_etabli: bool = False
    note: str | None = None

    @property
    def majorite_simple(self) -> bool:
        return self.voix_exigees is None


VERSIONS: tuple[RegleDesVotes, ...] = (
    RegleDesVotes(
        TypeJuridiction.COUR_ASSISES,
        date(2012, 1, 1),
        date(2022, 2, 28),
        6,
        None,
        (article_cpp("359"), article_cpp("360")),
        maximum_non_etabli=True,
        note=(
            "Six voix en premier ressort de 2012 au 28 février 2022 (version antérieure de l'art. 359) ;"
            " la majorité exigée alors par l'art. 362 pour le maximum de la peine n'est pas dans les"
            " textes de Prétoire (non vérifié)."
        ),
    ),
    RegleDesVotes(
        TypeJuridiction.COUR_ASSISES,
        ENTREE_EN_VIGUEUR_SEPT_VOIX,
        None,
        7,
        7,
        (article_cpp("359"), article_cpp("360"), article_cpp("362")),
    ),
    RegleDesVotes(
        TypeJuridiction.COUR_ASSISES_APPEL,
        date(2012, 1, 1),
        date(2022, 2, 28),
        8,
        None,
        (article_cpp("359"), article_cpp("360")),
        maximum_non_etabli=True,
        note=(
            "Huit voix en appel de 2012 au 28 février 2022 (version antérieure de l'art. 359) ; la"
            " majorité exigée alors par l'art. 362 pour le maximum de la peine n'est pas dans les"
            " textes de Prétoire (non vérifié)."
        ),
    ),
    RegleDesVotes(
        TypeJuridiction.COUR_ASSISES_APPEL,
        ENTREE_EN_VIGUEUR_SEPT_VOIX,
        None,
        8,
        8,
        (article_cpp("359"), article_cpp("360"), article_cpp("362")),
    ),
    RegleDesVotes(
        TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE,
        DEBUT_DE_LA_COUR_CRIMINELLE_EXPERIMENTALE,
        None,
        None,
        None,
        (article_cpp("380-19", 4),),
        note=(
            "Formule de la réponse affirmative d'une cour composée de magistrats seuls non vérifiée :"
            " « oui à la majorité » reprend les mots de l'art. 380-19 4°."
        ),
    ),
)


@dataclass(frozen=True)
class Majorite:
    """La règle des votes du jour, appliquée à la composition de la cour."""

    regle: RegleDesVotes
    composition: Composition

    @property
    def votants(self) -> int:
        return self.composition.votants

    @property
    def voix_defavorables(self) -> int:
        """Voix qu'il faut pour toute décision défavorable à l'accusé (art. 359 ; 380-19 4°)."""
        return self.regle.voix_exigees or self.majorite_absolue

    @property
    def majorite_absolue(self) -> int:
        """Plus de la moitié des votants : « la majorité absolue des votants » (art. 362 al. 2)."""
        return self.votants // 2 + 1

    @property
    def voix_pour_le_maximum(self) -> int | None:
        """Voix qu'il faut pour le maximum de la peine ; None si les textes ne l'établissent pas."""
        if self.regle.majorite_simple:
            return self.majorite_absolue
        return self.regle.voix_pour_le_maximum

    def formule(self, reponse: ReponseDeLaCour, defavorable: ReponseDeLaCour = ReponseDeLaCour.OUI) -> str:
        """Ce que le président inscrit « en marge ou à la suite de la question résolue » (art. 358).

        La réponse défavorable à l'accusé porte la majorité qu'elle a réunie (art. 359 et 360) ;
        ``defavorable`` dit laquelle des deux l'est pour cette question.

        >>> appel = majorite(TypeJuridiction.COUR_ASSISES_APPEL, date(2026, 11, 24))
        >>> appel.formule(ReponseDeLaCour.OUI)
        'oui à la majorité de huit voix au moins'
        >>> appel.formule(ReponseDeLaCour.SANS_OBJET)
        'sans objet'
        >>> appel.formule(ReponseDeLaCour.NON, defavorable=ReponseDeLaCour.NON)
        'non à la majorité de huit voix au moins'
        >>> appel.formule(ReponseDeLaCour.OUI, defavorable=ReponseDeLaCour.NON)
        'oui'
        >>> majorite(TypeJuridiction.COUR_ASSISES, date(2022, 2, 28)).formule(ReponseDeLaCour.OUI)
        'oui à la majorité de six voix au moins'
        """
        if reponse is ReponseDeLaCour.SANS_OBJET or reponse is not defavorable:
            return reponse.value
        return f"{reponse.value} {self.mention_de_majorite()}"

    def mention_de_majorite(self) -> str:
        """« à la majorité de sept voix au moins » ; « à la majorité » pour des magistrats seuls."""
        return _mention(self.regle.voix_exigees)

    def mention_de_majorite_pour_le_maximum(self) -> str:
        """La majorité qualifiée de l'art. 362 al. 2, inscrite avec le maximum prononcé."""
        if self.regle.majorite_simple:
            return _mention(None)
        if self.regle.voix_pour_le_maximum is None:
            raise RegleNonCouverte(
                "La majorité exigée pour le maximum de la peine n'est pas établie à cette date."
            )
        return _mention(self.regle.voix_pour_le_maximum)

    def formules_permises(self) -> frozenset[str]:
        return frozenset(self.formule(r, d) for r in ReponseDeLaCour for d in REPONSES_DEFAVORABLES)


def majorite(type_juridiction: TypeJuridiction, date_deliberation: date) -> Majorite:
    """La règle en vigueur le jour du délibéré, pour cette juridiction.

    >>> majorite(TypeJuridiction.COUR_ASSISES, date(2022, 3, 1)).voix_defavorables
    7
    >>> majorite(TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE, date(2026, 11, 24)).voix_defavorables
    3
    """
    la_composition = composition(type_juridiction, date_deliberation)
    for regle in VERSIONS:
        if regle.type_juridiction is not type_juridiction:
            continue
        if regle.en_vigueur_du is not None and date_deliberation < regle.en_vigueur_du:
            continue
        if regle.jusqu_au is not None and date_deliberation > regle.jusqu_au:
            continue
        return Majorite(regle, la_composition)
    raise RegleNonCouverte(
        f"Aucune règle de majorité connue au {date_en_toutes_lettres(date_deliberation)}"
        f" pour {type_juridiction}."
    )


class DecompteRefuse(Refus):
    """Le décompte saisi ne peut pas être celui du scrutin : rien n'est constaté."""


@dataclass(frozen=True)
class Decompte:
    """Les bulletins d'un scrutin tels que le président les lit (art. 358).

    Aucun champ n'est lisible dans sa représentation : un décompte qui passerait dans une trace
    ou un journal n'y laisserait rien.

    >>> Decompte(oui=9, non=3)
    Decompte(<secret du délibéré>)
    """

    oui: int = field(repr=False)
    non: int = field(repr=False)
    blancs: int = field(default=0, repr=False)
    nuls: int = field(default=0, repr=False)

    def __repr__(self) -> str:
        return "Decompte(<secret du délibéré>)"

    def bulletins(self) -> int:
        return self.oui + self.non + self.blancs + self.nuls


def verifier_le_nombre_de_bulletins(votants: int, nombres: tuple[int, ...], total: int) -> None:
    """Chaque nombre est un entier positif ou nul, et il y a un bulletin par votant.

    Le message ne répète aucun des nombres saisis : seulement le total et ce qu'il devait être.
    """
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in nombres):
        raise DecompteRefuse(message("bulletins_entiers"))
    if total != votants:
        code = "un_bulletin_par_votant" if total > 1 else "un_bulletin_par_votant_au_singulier"
        raise DecompteRefuse(message(code, total=total, votants=votants))


def constater(
    majorite: Majorite, decompte: Decompte, defavorable: ReponseDeLaCour = ReponseDeLaCour.OUI
) -> ReponseDeLaCour:
    """Le résultat du scrutin : la réponse ``defavorable`` à l'accusé seulement si elle atteint le
    seuil de l'art. 359, l'autre sinon.

    Blancs et nuls comptent pour l'accusé (art. 358 al. 2) : ils ne s'ajoutent jamais à la
    réponse défavorable.

    >>> appel = majorite(TypeJuridiction.COUR_ASSISES_APPEL, date(2026, 11, 24))
    >>> constater(appel, Decompte(oui=8, non=2, blancs=1, nuls=1))
    <ReponseDeLaCour.OUI: 'oui'>
    >>> constater(appel, Decompte(oui=7, non=0, blancs=5))
    <ReponseDeLaCour.NON: 'non'>

    Sur « bénéficie-t-il de la cause d'irresponsabilité ? », le « non » est défavorable :

    >>> premier_ressort = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    >>> constater(premier_ressort, Decompte(oui=3, non=6), defavorable=ReponseDeLaCour.NON)
    <ReponseDeLaCour.OUI: 'oui'>
    >>> constater(premier_ressort, Decompte(oui=2, non=7), defavorable=ReponseDeLaCour.NON)
    <ReponseDeLaCour.NON: 'non'>
    >>> try:
    ...     constater(appel, Decompte(oui=7, non=4))
    ... except DecompteRefuse as refus:
    ...     print(str(refus).split(" : ")[0])
    Le décompte compte 11 bulletins pour 12 votants
    """
    nombres = (decompte.oui, decompte.non, decompte.blancs, decompte.nuls)
    verifier_le_nombre_de_bulletins(majorite.votants, nombres, sum(nombres))
    if defavorable is ReponseDeLaCour.SANS_OBJET:
        raise ValueError("La réponse défavorable à l'accusé est « oui » ou « non ».")
    voix = decompte.oui if defavorable is ReponseDeLaCour.OUI else decompte.non
    if voix >= majorite.voix_defavorables:
        return defavorable
    return ReponseDeLaCour.NON if defavorable is ReponseDeLaCour.OUI else ReponseDeLaCour.OUI


def _mention(voix: int | None) -> str:
    return "à la majorité" if voix is None else f"à la majorité de {nombre_en_lettres(voix)} voix au moins"


def formules_legales() -> frozenset[str]:
    """Toutes les réponses qu'une feuille peut porter, toutes juridictions et dates confondues.

    >>> sorted(formules_legales())[:3]
    ['non', 'non à la majorité', 'non à la majorité de huit voix au moins']
    """
    defavorables = {
        f"{d.value} {_mention(regle.voix_exigees)}" for regle in VERSIONS for d in REPONSES_DEFAVORABLES
    }
    simples = {ReponseDeLaCour.OUI.value, ReponseDeLaCour.NON.value, ReponseDeLaCour.SANS_OBJET.value}
    return frozenset(defavorables | simples)


def mentions_de_peine_legales() -> frozenset[str]:
    """Les majorités qui peuvent accompagner une peine prononcée (art. 362 ; 380-19 4°)."""
    qualifiees = {_mention(r.voix_pour_le_maximum) for r in VERSIONS if r.voix_pour_le_maximum}
    return frozenset({*qualifiees, "à la majorité absolue des votants", "à la majorité"})


__all__ = [
    "CRIM_24_MAI_2023",
    "REPONSES_DEFAVORABLES",
    "Decompte",
    "DecompteRefuse",
    "Majorite",
    "RegleNonCouverte",
    "ReponseDeLaCour",
    "constater",
    "formules_legales",
    "majorite",
    "mentions_de_peine_legales",
]
