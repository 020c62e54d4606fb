"""Le jury de jugement du procès et le juré qui signe la feuille de questions (art. 364 CPP).

Art. 364 : « Mention des décisions prises est faite sur la feuille de questions, qui est signée
séance tenante par le président et par le premier juré désigné par le sort ou, s'il ne peut
signer, par celui désigné par la majorité des membres de la cour d'assises. »
Art. 365-1 al. 3 : la feuille de motivation « est signée conformément à l'article 364 ».

La formation du jury de jugement par tirage au sort (art. 293 et suivants CPP) n'est pas dans les
sources du projet : NON VÉRIFIÉ ; seul l'ordre du tirage en est retenu, et le nombre de jurés est
celui de la composition (``composition.py``).

AMBIGUÏTÉ : « le premier juré désigné par le sort » — lecture retenue : le juré dont le nom est
sorti le premier au tirage du jury de jugement (rang 1 de la liste, dans l'ordre du tirage).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pretoire.law.deliberation.composition import Composition
from pretoire.law.deliberation.feuille_repondue import SIGNATURES_AVEC_JURY, FeuilleRepondue
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.law.redaction import nombre_en_lettres


@dataclass(frozen=True)
class Jure:
    """Un juré du jury de jugement ; ``rang`` : son rang au tirage au sort (1 pour le premier)."""

    rang: int
    nom: str
    prenoms: str

    @property
    def nom_complet(self) -> str:
        """« Claire MARTIN ».

        >>> Jure(1, "Martin", "Claire").nom_complet
        'Claire MARTIN'
        """
        return f"{self.prenoms.strip()} {self.nom.strip().upper()}"


def verifier_le_jury(jures: Sequence[Jure], composition: Composition) -> list[str]:
    """Ce qui empêche la liste ``jures`` d'être le jury de jugement de ``composition``.

    >>> from datetime import date
    >>> from pretoire.law.deliberation.composition import composition as composer
    >>> premier_ressort = composer(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    >>> for erreur in verifier_le_jury([Jure(1, "Martin", "Claire")], premier_ressort):
    ...     print(erreur)
    Le jury de jugement compte six jurés (cour d'assises statuant en premier ressort) : un seul est inscrit.
    """
    if not composition.avec_jury:
        if jures:
            return [
                "La cour criminelle départementale juge sans jury (art. 380-19 1° CPP) : aucun juré"
                " ne doit être inscrit."
            ]
        return []
    erreurs = []
    attendu = composition.jures
    if len(jures) != attendu:
        inscrits = (
            "un seul est inscrit" if len(jures) == 1 else f"{nombre_en_lettres(len(jures))} sont inscrits"
        )
        if not jures:
            inscrits = "aucun n'est inscrit"
        erreurs.append(
            f"Le jury de jugement compte {nombre_en_lettres(attendu)} jurés"
            f" ({_intitule(composition)}) : {inscrits}."
        )
    rangs = sorted(j.rang for j in jures)
    if rangs != list(range(1, len(jures) + 1)):
        erreurs.append(
            "Les rangs du tirage au sort doivent se suivre à partir de 1 (1 pour le premier juré"
            f" désigné par le sort) : rangs inscrits {', '.join(str(r) for r in rangs)}."
        )
    for jure in jures:
        if not jure.nom.strip() or not jure.prenoms.strip():
            erreurs.append(f"Le juré de rang {jure.rang} n'a pas de nom ou de prénoms.")
    return erreurs


def _intitule(composition: Composition) -> str:
    if composition.type_juridiction is TypeJuridiction.COUR_ASSISES_APPEL:
        return "cour d'assises statuant en appel"
    return "cour d'assises statuant en premier ressort"


@dataclass(frozen=True)
class JureSignataire:
    """Le juré qui signe la feuille de questions et la feuille de motivation (art. 364 et 365-1)."""

    jure: Jure
    designe_par_la_majorite: bool

    @property
    def mention(self) -> str:
        """Ce que la feuille écrit sous la signature du juré.

        >>> JureSignataire(Jure(1, "Martin", "Claire"), False).mention
        'Le premier juré désigné par le sort, Claire MARTIN'
        """
        if self.designe_par_la_majorite:
            return (
                "Le juré désigné par la majorité des membres de la cour d'assises, le premier juré ne"
                f" pouvant signer (art. 364 CPP), {self.jure.nom_complet}"
            )
        return f"Le premier juré désigné par le sort, {self.jure.nom_complet}"


def jure_qui_signe(jures: Sequence[Jure], rang_designe: int | None = None) -> JureSignataire:
    """Le premier juré désigné par le sort ; ou, s'il ne peut signer, celui de rang ``rang_designe``
    que la majorité des membres de la cour a désigné (art. 364).

    >>> jury = [Jure(1, "Martin", "Claire"), Jure(2, "Durand", "Luc")]
    >>> jure_qui_signe(jury).jure.nom
    'Martin'
    >>> jure_qui_signe(jury, 2).designe_par_la_majorite
    True
    >>> try:
    ...     jure_qui_signe(jury, 7)
    ... except ValueError as refus:
    ...     print(refus)
    Aucun juré de rang 7 dans le jury de jugement : choisissez l'un des rangs 1 à 2.
    """
    par_rang = {j.rang: j for j in jures}
    if not par_rang:
        raise ValueError("Le jury de jugement n'est pas inscrit : personne ne peut signer comme juré.")
    rang = rang_designe or 1
    if rang not in par_rang:
        raise ValueError(
            f"Aucun juré de rang {rang} dans le jury de jugement : choisissez l'un des rangs 1"
            f" à {max(par_rang)}."
        )
    return JureSignataire(par_rang[rang], designe_par_la_majorite=rang != 1)


def signee_avec_le_jury(
    feuille: FeuilleRepondue, jures: Sequence[Jure], signataire: JureSignataire | None
) -> FeuilleRepondue:
    """La feuille avec son jury de jugement, et le nom du juré qui signe sous sa signature.

    >>> from datetime import date
    >>> from pretoire.law.questions.modele import EnTete
    >>> en_tete = EnTete("Cour", "cour_assises", "Aix", "Session", "1", date(2026, 11, 23), ())
    >>> feuille = FeuilleRepondue(en_tete, date(2026, 11, 27), "", "", (), (), SIGNATURES_AVEC_JURY)
    >>> jury = [Jure(1, "Martin", "Claire")]
    >>> signee_avec_le_jury(feuille, jury, jure_qui_signe(jury)).signatures
    ('Le président', 'Le premier juré désigné par le sort, Claire MARTIN')
    """
    signatures = feuille.signatures
    if signataire is not None:
        premier_jure = SIGNATURES_AVEC_JURY[1]
        signatures = tuple(signataire.mention if s == premier_jure else s for s in signatures)
    return replace(feuille, jury=tuple(j.nom_complet for j in jures), signatures=signatures)
