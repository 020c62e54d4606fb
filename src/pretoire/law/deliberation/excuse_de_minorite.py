"""L'excuse de minorité au délibéré : l'accusé mineur au moment des faits (CJPM).

Sources du projet (questions-practice.md, § 1.6) :
- ordonnance du 2 février 1945, art. 20 : si l'accusé a moins de dix-huit ans, le président pose,
  à peine de nullité, « 1° Y a-t-il lieu d'appliquer à l'accusé une condamnation pénale ? » et
  « 2° Y a-t-il lieu d'exclure l'accusé du bénéfice de la diminution de [peine] … » ;
- ces questions ne se posent que si tous les faits dont l'accusé est déclaré coupable ont été
  commis alors qu'il était mineur ; sinon elles sont sans objet (Cass. crim., 27 nov. 2019,
  n° 18-83.553) ;
- depuis le 30 septembre 2021, le code de la justice pénale des mineurs (CJPM) remplace
  l'ordonnance ; son art. L. 121-7 permet d'exclure la diminution. Le libellé des questions sous
  le CJPM et le numéro de l'article : NON VÉRIFIÉS.

NON VÉRIFIÉ (absent des sources, montré comme tel à l'écran) : l'effet de l'excuse — une peine
privative de liberté au plus égale à la moitié de la peine encourue, vingt ans au plus quand la
perpétuité est encourue (art. L. 121-5 CJPM), une amende au plus égale à la moitié de l'amende
encourue et à 7 500 euros (art. L. 121-6 CJPM) ; l'exclusion réservée au mineur de plus de seize
ans (art. L. 121-7 CJPM) ; la présomption de non-discernement du mineur de treize ans
(art. L. 11-1 CJPM).

AMBIGUÏTÉ : majorité des deux questions — les sources ne la donnent pas — lecture retenue : « oui »
à l'une comme à l'autre est défavorable à l'accusé, donc exige la majorité de l'art. 359 CPP.
AMBIGUÏTÉ : « plus de seize ans » — lecture retenue : seize ans révolus au premier jour de chacun des
faits retenus.
AMBIGUÏTÉ : période des faits au cours de laquelle l'accusé a eu dix-huit ans — l'arrêt de 2019 ne la
tranche pas — lecture retenue : refusée, le président statue hors de Prétoire.
AMBIGUÏTÉ : cour criminelle départementale et accusé mineur aux faits — l'art. 380-16 CPP la réserve
aux « personnes majeures » — lecture retenue : refusé.
Refusés plutôt que traités comme ceux d'un majeur, faute d'être modélisés : la réponse « non » à la
première question (mesure éducative), le délibéré antérieur au 30 septembre 2021 (ordonnance de
1945), le mineur de treize ans aux faits.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pretoire.law.deliberation.majorite import ReponseDeLaCour
from pretoire.law.deliberation.messages import Message, message
from pretoire.law.deliberation.peine import PeineRefusee
from pretoire.law.minorite import AgeAuxFaits, AgeDeLAccuse
from pretoire.law.mise_en_accusation import TypeJuridiction

ENTREE_EN_VIGUEUR_CJPM = date(2021, 9, 30)
# NON VÉRIFIÉ : art. L. 11-1 (discernement), L. 121-5 et L. 121-6 (effet), L. 121-7 (exclusion) CJPM.
AGE_DU_DISCERNEMENT_PRESUME = 13
AGE_DE_L_EXCLUSION = 16
VINGT_ANS_EN_MOIS = 240
PLAFOND_DE_L_AMENDE_DU_MINEUR = 7_500
CAUTION = (
    "Excuse de minorité : effet (moitié de la peine encourue, vingt ans pour la perpétuité, amende"
    " réduite de moitié et à 7 500 euros au plus : art. L. 121-5 et L. 121-6 CJPM), exclusion réservée"
    " au mineur de plus de seize ans (art. L. 121-7 CJPM) et libellé des questions non vérifiés."
)


class StatutDeMinorite(enum.StrEnum):
    SANS_OBJET = "sans objet"
    EXCUSE = "excuse"
    REFUS = "refus"


@dataclass(frozen=True)
class Minorite:
    """Ce que la minorité aux faits demande au délibéré pour un accusé coupable."""

    statut: StatutDeMinorite
    exclusion_possible: bool = False
    motif: Message | None = None


def minorite_de_l_accuse(
    nom: str, ages: Sequence[AgeDeLAccuse], type_juridiction: TypeJuridiction, date_deliberation: date
) -> Minorite:
    """``ages`` : l'âge de l'accusé pour chacun des faits dont il est déclaré coupable.

    >>> from pretoire.law.minorite import AgeDeLAccuse
    >>> cour = TypeJuridiction.COUR_ASSISES
    >>> minorite_de_l_accuse("Léo", [AgeDeLAccuse(17, 17)], cour, date(2026, 11, 24))
    Minorite(statut=<StatutDeMinorite.EXCUSE: 'excuse'>, exclusion_possible=True, motif=None)
    >>> deux_faits = [AgeDeLAccuse(17, 17), AgeDeLAccuse(18, 18)]
    >>> minorite_de_l_accuse("Léo", deux_faits, cour, date(2026, 11, 24)).statut
    <StatutDeMinorite.SANS_OBJET: 'sans objet'>
    """
    if not ages:
        return Minorite(StatutDeMinorite.SANS_OBJET)
    statuts = {a.aux_faits for a in ages}
    if AgeAuxFaits.MAJEUR in statuts:
        return Minorite(StatutDeMinorite.SANS_OBJET, motif=message("minorite_majeur_aux_faits", nom=nom))
    if AgeAuxFaits.A_CHEVAL in statuts:
        return _refus(message("minorite_a_cheval", nom=nom))
    if type_juridiction is TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE:
        return _refus(message("minorite_cour_criminelle", nom=nom))
    if date_deliberation < ENTREE_EN_VIGUEUR_CJPM:
        return _refus(message("minorite_avant_le_cjpm", nom=nom))
    if min(a.au_premier_jour for a in ages) < AGE_DU_DISCERNEMENT_PRESUME:
        return _refus(message("minorite_moins_de_treize_ans", nom=nom))
    exclusion = all(a.au_premier_jour >= AGE_DE_L_EXCLUSION for a in ages)
    return Minorite(StatutDeMinorite.EXCUSE, exclusion_possible=exclusion)


def _refus(motif: Message) -> Minorite:
    return Minorite(StatutDeMinorite.REFUS, motif=motif)


def questions_de_minorite(nom: str, feminin: bool, exclusion_possible: bool) -> tuple[Message, ...]:
    """Les questions de l'art. 20 de l'ordonnance de 1945, libellé sous le CJPM non vérifié.

    >>> [q.en_phrase() for q in questions_de_minorite("Léo MARTIN", False, False)]
    ["Y a-t-il lieu d'appliquer à l'accusé Léo MARTIN une condamnation pénale ?"]
    """
    genre = "_accusee" if feminin else ""
    questions = [message("question_condamnation_penale" + genre, nom=nom)]
    if exclusion_possible:
        questions.append(message("question_exclusion" + genre, nom=nom))
    return tuple(questions)


@dataclass(frozen=True)
class DecisionDeMinorite:
    """Les réponses aux questions de l'excuse ; jamais un décompte."""

    condamnation_penale: ReponseDeLaCour
    exclusion: ReponseDeLaCour | None = None


class MinoriteRefusee(PeineRefusee):
    """Les réponses sur la minorité ne permettent pas de voter la peine ici."""


def excuse_appliquee(nom: str, minorite: Minorite, decision: DecisionDeMinorite | None) -> bool:
    """Vrai si la peine doit être réduite par l'excuse ; refuse ce qui n'est pas modélisé.

    >>> minorite = Minorite(StatutDeMinorite.EXCUSE, exclusion_possible=True)
    >>> oui, non = ReponseDeLaCour.OUI, ReponseDeLaCour.NON
    >>> excuse_appliquee("Léo", minorite, DecisionDeMinorite(oui, non))
    True
    >>> excuse_appliquee("Léo", minorite, DecisionDeMinorite(oui, oui))
    False
    """
    if minorite.statut is StatutDeMinorite.REFUS:
        raise MinoriteRefusee(minorite.motif or "")
    if minorite.statut is StatutDeMinorite.SANS_OBJET:
        if decision is not None:
            raise MinoriteRefusee(message("minorite_questions_sans_objet", nom=nom))
        return False
    if decision is None:
        raise MinoriteRefusee(message("minorite_a_voter", nom=nom))
    if decision.condamnation_penale is not ReponseDeLaCour.OUI:
        raise MinoriteRefusee(message("minorite_sans_condamnation", nom=nom))
    if minorite.exclusion_possible and decision.exclusion not in (ReponseDeLaCour.OUI, ReponseDeLaCour.NON):
        raise MinoriteRefusee(message("minorite_exclusion_non_votee", nom=nom))
    if not minorite.exclusion_possible and decision.exclusion is not None:
        raise MinoriteRefusee(message("minorite_exclusion_impossible", nom=nom))
    return decision.exclusion is not ReponseDeLaCour.OUI


def maximum_avec_l_excuse(mois: int | None) -> int:
    """La moitié de la durée encourue, en mois ; vingt ans pour la perpétuité (``None``).

    >>> maximum_avec_l_excuse(None), maximum_avec_l_excuse(15 * 12), maximum_avec_l_excuse(7 * 12 + 1)
    (240, 90, 42)
    """
    return VINGT_ANS_EN_MOIS if mois is None else mois // 2


def amende_avec_l_excuse(euros: int) -> int:
    """La moitié de l'amende encourue, 7 500 euros au plus.

    >>> amende_avec_l_excuse(100_000), amende_avec_l_excuse(10_000)
    (7500, 5000)
    """
    return min(euros // 2, PLAFOND_DE_L_AMENDE_DU_MINEUR)
