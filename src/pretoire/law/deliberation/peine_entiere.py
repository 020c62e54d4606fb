"""La peine entière d'un accusé coupable (art. 362 CPP) : la peine privative de liberté votée par
tours (``peine``), puis ce qui l'accompagne, chaque élément voté avec sa majorité.

- l'excuse de minorité, votée avant la peine (``excuse_de_minorite``) ;
- le sursis, simple ou probatoire (al. 4, ``sursis``) ;
- la période de sûreté, de plein droit ou décidée (al. 1, ``periode_de_surete``) ;
- l'amende là où elle est encourue (``amende``) et les peines complémentaires (al. 5,
  ``peines_complementaires``) ;
- le réexamen en vue d'une rétention de sûreté (al. 6, ``retention_de_surete``).

Chaque vote sur un de ces éléments est un scrutin « oui » ou « non » : ``adopter`` dit s'il a la
majorité requise, sans garder le décompte ; seule la décision, et la mention de sa majorité, est
inscrite sur la feuille (art. 364).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pretoire.law.deliberation.amende import verifier_l_amende
from pretoire.law.deliberation.delibere import DecisionSurLaPeine, decider_de_la_peine
from pretoire.law.deliberation.excuse_de_minorite import (
    DecisionDeMinorite,
    Minorite,
    StatutDeMinorite,
    excuse_appliquee,
    minorite_de_l_accuse,
    questions_de_minorite,
)
from pretoire.law.deliberation.majorite import Decompte, Majorite, verifier_le_nombre_de_bulletins
from pretoire.law.deliberation.messages import Euros, Message, message
from pretoire.law.deliberation.ordre import Condition, IssueDuFait, PlanDeDeliberation, Reponses
from pretoire.law.deliberation.peine import Peine, PeineRefusee
from pretoire.law.deliberation.peines_complementaires import (
    PeineComplementaire,
    verifier_la_peine_complementaire,
)
from pretoire.law.deliberation.periode_de_surete import (
    BornesDeLaSurete,
    bornes_de_la_surete,
    surete_en_lettres,
    verifier_la_surete,
)
from pretoire.law.deliberation.retention_de_surete import (
    ReponseRetention,
    la_question_se_pose,
    retention_en_lettres,
    verifier_la_retention,
)
from pretoire.law.deliberation.sursis import Sursis, mois_fermes, sursis_en_lettres, verifier_le_sursis
from pretoire.law.minorite import AgeDeLAccuse, age_au_moment_des_faits
from pretoire.law.mise_en_accusation import Dossier


def voix_exigees(majorite: Majorite, defavorable: bool) -> int:
    """Majorité de l'art. 359 pour ce qui est défavorable à l'accusé sans être la peine elle-même
    (rétention de sûreté, questions de minorité) ; sinon la majorité absolue de l'art. 362 al. 2."""
    return majorite.voix_defavorables if defavorable else majorite.majorite_absolue


def mention(majorite: Majorite, defavorable: bool) -> str:
    """>>> from pretoire.law.deliberation.majorite import majorite as regle
    >>> from pretoire.law.mise_en_accusation import TypeJuridiction
    >>> mention(regle(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24)), True)
    'à la majorité de sept voix au moins'
    """
    if majorite.regle.majorite_simple:
        return "à la majorité"
    if defavorable:
        return majorite.mention_de_majorite()
    return "à la majorité absolue des votants"


def adopter(majorite: Majorite, decompte: Decompte, defavorable: bool) -> bool:
    """Le scrutin sur un élément de la peine : adopté si les « oui » ont la majorité requise.

    Les bulletins blancs ou nuls comptent parmi les votants et ne vont pas au « oui ».

    >>> from pretoire.law.deliberation.majorite import majorite as regle
    >>> from pretoire.law.mise_en_accusation import TypeJuridiction
    >>> premier_ressort = regle(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
    >>> adopter(premier_ressort, Decompte(oui=5, non=4), False)
    True
    >>> adopter(premier_ressort, Decompte(oui=6, non=3), True)
    False
    """
    nombres = (decompte.oui, decompte.non, decompte.blancs, decompte.nuls)
    verifier_le_nombre_de_bulletins(majorite.votants, nombres, sum(nombres))
    return decompte.oui >= voix_exigees(majorite, defavorable)


@dataclass(frozen=True)
class FaitPourLaPeine:
    """Ce qu'un fait apporte à la peine : l'âge de l'accusé, sa qualification principale."""

    fait: str
    qualification: str
    # Coupable sous la qualification principale (et non sous une subsidiaire).
    principal: Condition
    age: AgeDeLAccuse


def faits_pour_la_peine(dossier: Dossier, plan: PlanDeDeliberation) -> dict[str, tuple[FaitPourLaPeine, ...]]:
    """Pour chaque accusé, ses faits tels que la peine entière en a besoin."""
    faits = {f.id: f for f in dossier.faits}
    resultat: dict[str, tuple[FaitPourLaPeine, ...]] = {}
    for issue in plan.accuses:
        naissance = dossier.accuse(issue.accuse).date_naissance
        resultat[issue.accuse] = tuple(
            FaitPourLaPeine(
                fait=f.fait,
                qualification=faits[f.fait].qualification,
                principal=Condition(f.coupable.alternatives[:1]),
                age=age_au_moment_des_faits(
                    naissance, faits[f.fait].premier_jour, faits[f.fait].dernier_jour
                ),
            )
            for f in issue.faits
        )
    return resultat


def minorite_selon_reponses(
    plan: PlanDeDeliberation,
    majorite: Majorite,
    faits: tuple[FaitPourLaPeine, ...],
    reponses: Reponses,
    accuse: str,
    date_deliberation: date,
) -> Minorite:
    """La minorité aux faits dont l'accusé est déclaré coupable."""
    issue = plan.accuse(accuse)
    if issue is None:
        raise PeineRefusee(f"L'accusé « {accuse} » n'est pas dans l'affaire.")
    coupables = {f.fait for f in issue.faits if f.issue(reponses) is IssueDuFait.COUPABLE}
    ages = [f.age for f in faits if f.fait in coupables]
    return minorite_de_l_accuse(issue.nom, ages, majorite.regle.type_juridiction, date_deliberation)


@dataclass(frozen=True)
class ModalitesDeLaPeine:
    """Ce que la cour a décidé autour de la peine privative de liberté ; aucun décompte."""

    minorite: DecisionDeMinorite | None = None
    sursis: Sursis | None = None
    # Déclaration du président : les deux premiers alinéas de l'art. 132-23 CP s'appliquent-ils ?
    surete_de_plein_droit: bool | None = None
    # Durée votée (portée, réduite ou fixée) ; None : aucune décision, la période de plein droit.
    periode_de_surete: int | None = None
    amende: int | None = None
    peines_complementaires: tuple[PeineComplementaire, ...] = ()
    retention: ReponseRetention | None = None


@dataclass(frozen=True)
class PeineEntiere:
    decision: DecisionSurLaPeine
    lignes: tuple[str, ...] = ()
    retention_decidee: bool = False


def la_declaration_de_plein_droit_se_pose(minorite: Minorite, fermes: int | None) -> bool:
    """Le président déclare si l'art. 132-23 al. 1 s'applique quand la peine sans sursis atteint dix
    ans ; pas pour un mineur aux faits (NON VÉRIFIÉ : la période de sûreté ne lui est pas appliquée)."""
    return minorite.statut is not StatutDeMinorite.EXCUSE and (fermes is None or fermes >= 120)


def bornes_pour_l_accuse(
    minorite: Minorite, fermes: int | None, de_plein_droit: bool | None
) -> BornesDeLaSurete:
    if minorite.statut is StatutDeMinorite.EXCUSE:
        return BornesDeLaSurete(None, None)
    return bornes_de_la_surete(fermes, bool(de_plein_droit))


def decider_de_la_peine_entiere(
    plan: PlanDeDeliberation,
    majorite: Majorite,
    reponses: Reponses,
    faits: tuple[FaitPourLaPeine, ...],
    date_deliberation: date,
    accuse: str,
    peine: Peine | None,
    maximum_confirme: Peine | None = None,
    modalites: ModalitesDeLaPeine | None = None,
) -> PeineEntiere:
    """Contrôle la peine entière de ``accuse`` et rend les lignes que la feuille en porte."""
    modalites = modalites or ModalitesDeLaPeine()
    issue = plan.accuse(accuse)
    if issue is None:
        raise PeineRefusee(f"L'accusé « {accuse} » n'est pas dans l'affaire.")
    if peine is None:
        decision = decider_de_la_peine(plan, majorite, reponses, accuse, None, maximum_confirme)
        if modalites != ModalitesDeLaPeine():
            raise PeineRefusee(f"{issue.nom} est exempté de peine : rien d'autre n'est voté sur la peine.")
        return PeineEntiere(decision)
    minorite = minorite_selon_reponses(plan, majorite, faits, reponses, accuse, date_deliberation)
    excuse = excuse_appliquee(issue.nom, minorite, modalites.minorite)
    decision = decider_de_la_peine(plan, majorite, reponses, accuse, peine, maximum_confirme, excuse)
    lignes = lignes_de_la_peine(plan, majorite, reponses, faits, date_deliberation, accuse, peine, modalites)
    return PeineEntiere(
        decision, tuple(ligne.en_phrase() for ligne in lignes), modalites.retention is ReponseRetention.OUI
    )


def lignes_de_la_peine(
    plan: PlanDeDeliberation,
    majorite: Majorite,
    reponses: Reponses,
    faits: tuple[FaitPourLaPeine, ...],
    date_deliberation: date,
    accuse: str,
    peine: Peine,
    modalites: ModalitesDeLaPeine,
) -> tuple[Message, ...]:
    """Ce qui accompagne la peine privative de liberté, contrôlé dans l'ordre des votes ; les
    lignes de la feuille, en messages du catalogue. Le module du navigateur a la même fonction
    (``lignesDeLaPeine``), qui rend les mêmes codes et paramètres."""
    issue = plan.accuse(accuse)
    if issue is None:
        raise PeineRefusee(f"L'accusé « {accuse} » n'est pas dans l'affaire.")
    minorite = minorite_selon_reponses(plan, majorite, faits, reponses, accuse, date_deliberation)
    excuse = excuse_appliquee(issue.nom, minorite, modalites.minorite)
    absolue, defavorable = mention(majorite, False), mention(majorite, True)
    lignes: list[Message] = []
    if modalites.minorite is not None:
        questions = questions_de_minorite(issue.nom, issue.feminin, minorite.exclusion_possible)
        votes = (modalites.minorite.condamnation_penale, modalites.minorite.exclusion)
        for question, reponse in zip(questions, votes, strict=False):
            if reponse is not None:
                lignes.append(
                    message(
                        "ligne_question_de_minorite", question=question, formule=majorite.formule(reponse)
                    )
                )
        lignes.append(message("ligne_excuse_appliquee" if excuse else "ligne_excuse_exclue"))
    if modalites.sursis is not None:
        verifier_le_sursis(peine, modalites.sursis)
        lignes.append(
            message("ligne_sursis", sursis=sursis_en_lettres(peine, modalites.sursis), mention=absolue)
        )
    fermes = mois_fermes(peine, modalites.sursis)
    se_pose = la_declaration_de_plein_droit_se_pose(minorite, fermes)
    if se_pose and modalites.surete_de_plein_droit is None:
        raise PeineRefusee(message("surete_de_plein_droit_a_declarer", nom=issue.nom))
    if not se_pose and modalites.surete_de_plein_droit is not None:
        raise PeineRefusee(message("surete_de_plein_droit_sans_objet", nom=issue.nom))
    bornes = bornes_pour_l_accuse(minorite, fermes, modalites.surete_de_plein_droit)
    if modalites.periode_de_surete is not None:
        verifier_la_surete(bornes, modalites.periode_de_surete)
    ligne = surete_en_lettres(bornes, modalites.periode_de_surete, absolue)
    if ligne is not None:
        lignes.append(ligne)
    if modalites.amende is not None:
        encourue = issue.peine_encourue(reponses)
        verifier_l_amende(encourue.amende if encourue else None, modalites.amende, excuse)
        lignes.append(message("ligne_amende", montant=Euros(modalites.amende), mention=absolue))
    for complementaire in modalites.peines_complementaires:
        verifier_la_peine_complementaire(complementaire)
        lignes.append(complementaire.en_lettres(absolue))
    retenues = frozenset(f.qualification for f in faits if f.principal.remplie(reponses))
    verifier_la_retention(issue.nom, la_question_se_pose(peine, retenues), modalites.retention)
    if modalites.retention is not None:
        lignes.append(retention_en_lettres(modalites.retention, defavorable))
    return tuple(lignes)


def faits_en_json(faits: tuple[FaitPourLaPeine, ...]) -> list[dict[str, object]]:
    """Pour l'écran (``navigateur``) : ce que le module du navigateur combine avec les réponses."""
    return [
        {
            "fait": f.fait,
            "qualification": f.qualification,
            "principal": f.principal.en_json(),
            "age": {"au_premier_jour": f.age.au_premier_jour, "au_dernier_jour": f.age.au_dernier_jour},
        }
        for f in faits
    ]


def tous_en_json(faits: Mapping[str, tuple[FaitPourLaPeine, ...]]) -> dict[str, list[dict[str, object]]]:
    return {accuse: faits_en_json(liste) for accuse, liste in faits.items()}
