"""Ouvrir le délibéré, puis enregistrer la feuille répondue : les deux seules écritures.

L'écran du président calcule chaque scrutin dans le navigateur ; il n'envoie ici que les
réponses (« oui », « non », « sans objet ») et les peines. Le serveur refait le plan à partir de
l'affaire et du journal, contrôle ces réponses avec le même droit (``pretoire.law.deliberation``)
et n'écrit que les formules légales, d'un bloc, ou rien.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import evenements_des_debats
from pretoire.law.debats import TypeEvenement
from pretoire.law.deliberation import (
    Majorite,
    PeineRefusee,
    PlanDeDeliberation,
    RegleNonCouverte,
    ReponseDeLaCour,
    etablir_plan,
    majorite,
    verifier_les_reponses,
)
from pretoire.law.deliberation.excuse_de_minorite import DecisionDeMinorite
from pretoire.law.deliberation.feuille_repondue import FeuilleRepondue, canevas_de_motivation, inscrire
from pretoire.law.deliberation.jury import Jure, jure_qui_signe, signee_avec_le_jury, verifier_le_jury
from pretoire.law.deliberation.navigateur import donnees_du_delibere
from pretoire.law.deliberation.peine import NaturePeine, Peine
from pretoire.law.deliberation.peine_entiere import (
    FaitPourLaPeine,
    ModalitesDeLaPeine,
    PeineEntiere,
    decider_de_la_peine_entiere,
    faits_pour_la_peine,
)
from pretoire.law.deliberation.peines_complementaires import PeineComplementaire
from pretoire.law.deliberation.retention_de_surete import ReponseRetention
from pretoire.law.deliberation.sursis import NatureSursis, Sursis
from pretoire.law.erreurs import messages_en_francais
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.law.questions import FeuilleDeQuestions, Gravite, etablir_feuille
from pretoire.proces.models import Affaire, Role
from pretoire.questions.actions import DossierIncomplet, dossier_de_l_affaire

from .models import Deliberation, PeinePrononcee, ReponseInscrite


class DelibereRefuse(Exception):
    """Rien n'est écrit ; ``erreurs`` dit pourquoi, en français."""

    def __init__(self, erreurs: list[str]) -> None:
        super().__init__(" ".join(erreurs))
        self.erreurs = erreurs


@dataclass(frozen=True)
class ContexteDuDelibere:
    feuille: FeuilleDeQuestions
    plan: PlanDeDeliberation
    majorite: Majorite
    date_deliberation: date
    faits_pour_la_peine: Mapping[str, tuple[FaitPourLaPeine, ...]] = field(default_factory=dict)

    def donnees(self) -> dict[str, Any]:
        return donnees_du_delibere(
            self.plan, self.majorite, self.date_deliberation, faits_pour_la_peine=self.faits_pour_la_peine
        )


def contexte_du_delibere(affaire: Affaire, date_deliberation: date) -> ContexteDuDelibere:
    """La feuille de l'affaire, le plan des votes et la règle de majorité du jour du délibéré."""
    try:
        dossier = dossier_de_l_affaire(affaire)
    except DossierIncomplet as incomplet:
        raise DelibereRefuse(
            [
                "Le délibéré porte sur les questions tirées du dossier de l'affaire, et l'affaire n'en a"
                " pas de complet : le greffe doit d'abord importer la décision de mise en accusation"
                " (onglet « Dossier »).",
                *(f"Dossier : {erreur}" for erreur in incomplet.erreurs),
            ]
        ) from incomplet
    feuille = etablir_feuille(dossier, evenements_des_debats(affaire))
    try:
        regle = majorite(TypeJuridiction(affaire.juridiction.type), date_deliberation)
    except RegleNonCouverte as refus:
        raise DelibereRefuse([str(refus)]) from refus
    plan = etablir_plan(dossier, feuille)
    return ContexteDuDelibere(feuille, plan, regle, date_deliberation, faits_pour_la_peine(dossier, plan))


def raisons_de_ne_pas_ouvrir(affaire: Affaire, contexte: ContexteDuDelibere) -> list[str]:
    """Ce qui empêche d'ouvrir le délibéré : débats non clos, feuille en erreur."""
    raisons = []
    types = {e.type for e in evenements_des_debats(affaire)}
    if TypeEvenement.CLOTURE_DEBATS not in types:
        raisons.append(
            "La cour se retire pour délibérer après la clôture des débats (art. 347 et 355 CPP) :"
            " le greffe ne l'a pas encore consignée au journal d'audience."
        )
    raisons += verifier_le_jury(jury_de_l_affaire(affaire), contexte.majorite.composition)
    erreurs = [d for d in contexte.feuille.diagnostics if d.gravite is Gravite.ERREUR]
    if erreurs:
        raisons.append(
            "La feuille de questions comporte des erreurs à corriger avant le délibéré : "
            + " ; ".join(d.message for d in erreurs)
        )
    return raisons


def jury_de_l_affaire(affaire: Affaire) -> list[Jure]:
    """Le jury de jugement inscrit par le greffe, dans l'ordre du tirage au sort."""
    return [Jure(j.rang, j.nom, j.prenoms) for j in affaire.jures.order_by("rang")]


@transaction.atomic
def do_ouvrir_delibere(affaire: Affaire, president: Utilisateur) -> Deliberation:
    """Ouvre le délibéré au jour d'aujourd'hui, qui fixe la règle de majorité applicable."""
    Affaire.objects.select_for_update().get(pk=affaire.pk)
    existant = Deliberation.objects.filter(affaire=affaire).first()
    if existant is not None:
        return existant
    jour = timezone.localdate()
    contexte = contexte_du_delibere(affaire, jour)
    raisons = raisons_de_ne_pas_ouvrir(affaire, contexte)
    if raisons:
        raise DelibereRefuse(raisons)
    return Deliberation.objects.create(
        affaire=affaire,
        date_deliberation=jour,
        type_juridiction=affaire.juridiction.type,
        president=president,
        cle_de_reprise=secrets.token_bytes(32),
    )


class _Saisie(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PeineSaisie(_Saisie):
    nature: NaturePeine = Field(description="Nature de la peine privative de liberté.")
    mois: int | None = Field(ge=1, le=360, description="Durée en mois ; vide pour la perpétuité.")

    def peine(self) -> Peine:
        try:
            return Peine(self.nature, self.mois)
        except ValueError as erreur:
            raise PeineRefusee(str(erreur)) from erreur


class MinoriteSaisie(_Saisie):
    condamnation_penale: Literal["oui", "non"] = Field(description="« Y a-t-il lieu d'appliquer … ? »")
    exclusion: Literal["oui", "non"] | None = Field(
        default=None, description="« Y a-t-il lieu d'exclure … de la diminution de peine ? »"
    )


class SursisSaisi(_Saisie):
    nature: NatureSursis = Field(description="« simple » ou « probatoire ».")
    mois: int | None = Field(default=None, ge=1, le=360, description="Partie assortie ; vide : la totalité.")
    delai_d_epreuve: int | None = Field(default=None, ge=1, le=120, description="Sursis probatoire, en mois.")


class PeineComplementaireSaisie(_Saisie):
    libelle: str = Field(
        max_length=300, description="La peine complémentaire, telle que la cour la prononce."
    )
    article: str = Field(max_length=40, description="Article du code pénal qui la prévoit.")


class DecisionSaisie(_Saisie):
    accuse: str = Field(description="Identifiant de l'accusé dans l'affaire.")
    exemption: bool = Field(default=False, description="Exempté de peine (art. 363 CPP).")
    peine: PeineSaisie | None = None
    maximum_confirme: PeineSaisie | None = Field(
        default=None,
        description="Maximum encouru confirmé par le président quand les textes ne l'établissent pas.",
    )
    minorite: MinoriteSaisie | None = None
    sursis: SursisSaisi | None = None
    surete_de_plein_droit: bool | None = Field(
        default=None, description="Les deux premiers alinéas de l'art. 132-23 CP s'appliquent-ils ?"
    )
    periode_de_surete: int | None = Field(default=None, ge=1, le=360, description="Durée votée, en mois.")
    amende: int | None = Field(default=None, ge=1, le=100_000_000, description="Montant voté, en euros.")
    peines_complementaires: list[PeineComplementaireSaisie] = Field(default_factory=list, max_length=30)
    retention: Literal["oui", "non", "hors_cas"] | None = Field(
        default=None, description="Réexamen en vue d'une rétention de sûreté (art. 362 al. 6 CPP)."
    )

    def modalites(self) -> ModalitesDeLaPeine:
        return ModalitesDeLaPeine(
            minorite=DecisionDeMinorite(
                ReponseDeLaCour(self.minorite.condamnation_penale),
                ReponseDeLaCour(self.minorite.exclusion) if self.minorite.exclusion else None,
            )
            if self.minorite
            else None,
            sursis=Sursis(self.sursis.nature, self.sursis.mois, self.sursis.delai_d_epreuve)
            if self.sursis
            else None,
            surete_de_plein_droit=self.surete_de_plein_droit,
            periode_de_surete=self.periode_de_surete,
            amende=self.amende,
            peines_complementaires=tuple(
                PeineComplementaire(p.libelle, p.article) for p in self.peines_complementaires
            ),
            retention=ReponseRetention(self.retention) if self.retention else None,
        )


class SaisieDuDelibere(_Saisie):
    """Ce que l'écran envoie : les réponses et les peines ; aucun champ pour un décompte."""

    empreinte: str = Field(description="Empreinte des données du délibéré chargées par l'écran.")
    reponses: dict[int, Literal["oui", "non", "sans objet"]]
    peines: list[DecisionSaisie] = Field(default_factory=list)
    jure_signataire: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Rang au tirage du juré désigné par la majorité des membres de la cour quand le premier"
            " juré ne peut signer (art. 364 CPP) ; vide : le premier juré signe."
        ),
    )


def lire_la_saisie(donnees: Any) -> SaisieDuDelibere:
    try:
        return SaisieDuDelibere.model_validate(donnees)
    except ValidationError as erreur:
        erreurs = messages_en_francais(erreur.errors())
        raise DelibereRefuse([e.message for e in erreurs]) from erreur


@transaction.atomic
def do_enregistrer_delibere(affaire: Affaire, saisie: SaisieDuDelibere) -> Deliberation:
    """Contrôle et enregistre la feuille répondue ; une seule fois (art. 365 : irrévocable)."""
    Affaire.objects.select_for_update().get(pk=affaire.pk)
    deliberation = Deliberation.objects.filter(affaire=affaire).first()
    if deliberation is None:
        raise DelibereRefuse(["Le délibéré n'est pas ouvert."])
    if deliberation.enregistree:
        raise DelibereRefuse(
            ["La feuille de questions est déjà signée : les réponses sont irrévocables (art. 365 CPP)."]
        )
    contexte = contexte_du_delibere(affaire, deliberation.date_deliberation)
    if saisie.empreinte != contexte.donnees()["empreinte"]:
        raise DelibereRefuse(
            [
                "La feuille de questions a changé depuis l'ouverture de l'écran (une correction a été"
                " consignée au journal ?) : rechargez la page, puis reprenez les votes."
            ]
        )
    reponses = {numero: ReponseDeLaCour(r) for numero, r in saisie.reponses.items()}
    erreurs = verifier_les_reponses(contexte.plan, reponses)
    if erreurs:
        raise DelibereRefuse(erreurs)
    entieres = _decisions_sur_la_peine(contexte, reponses, saisie.peines)
    decisions = {accuse: entiere.decision for accuse, entiere in entieres.items()}
    jury = jury_de_l_affaire(affaire)
    erreurs = verifier_le_jury(jury, contexte.majorite.composition)
    if erreurs:
        raise DelibereRefuse(erreurs)
    signataire = None
    if contexte.majorite.composition.avec_jury:
        try:
            signataire = jure_qui_signe(jury, saisie.jure_signataire)
        except ValueError as refus:
            raise DelibereRefuse([str(refus)]) from refus
    elif saisie.jure_signataire is not None:
        raise DelibereRefuse(["La cour criminelle départementale juge sans jury (art. 380-19 1° CPP)."])
    feuille = signee_avec_le_jury(
        inscrire(
            contexte.feuille,
            contexte.plan,
            contexte.majorite,
            reponses,
            decisions,
            deliberation.date_deliberation,
            peines_entieres=entieres,
        ),
        jury,
        signataire,
    )
    ReponseInscrite.objects.bulk_create(
        ReponseInscrite(deliberation=deliberation, numero=numero, formule=formule)
        for numero, formule in sorted(feuille.formules().items())
    )
    accuses = {a.identifiant: a for a in affaire.accuses.all()}
    PeinePrononcee.objects.bulk_create(
        PeinePrononcee(
            deliberation=deliberation,
            accuse=accuses[decision.accuse],
            exemptee=decision.peine is None,
            nature=decision.peine.nature.value if decision.peine else "",
            duree_en_mois=decision.peine.mois if decision.peine else None,
            libelle=decision.peine.en_lettres() if decision.peine else "",
            mention=decision.mention or "",
        )
        for decision in decisions.values()
    )
    deliberation.feuille = feuille.en_json()
    deliberation.enregistree_le = timezone.now()
    deliberation.jure_signataire = (
        affaire.jures.get(rang=signataire.jure.rang) if signataire is not None else None
    )
    # Les réponses sont inscrites : la copie chiffrée gardée pour la reprise n'a plus d'usage, et
    # sans sa clé elle ne se lit plus (docs/decisions/0005).
    deliberation.cle_de_reprise = None
    deliberation.save(update_fields=["feuille", "enregistree_le", "jure_signataire", "cle_de_reprise"])
    return deliberation


@transaction.atomic
def do_designer_l_assesseur(affaire: Affaire, assesseur: Utilisateur | None) -> Deliberation:
    """Le président désigne l'assesseur qui rédige la motivation (art. 365-1 al. 1), ou la reprend
    (``None``) ; l'assesseur doit siéger dans l'affaire."""
    Affaire.objects.select_for_update().get(pk=affaire.pk)
    deliberation = Deliberation.objects.filter(affaire=affaire).first()
    if deliberation is None:
        raise DelibereRefuse(["Le délibéré n'est pas ouvert."])
    if (
        assesseur is not None
        and not affaire.affectations.filter(utilisateur=assesseur, role=Role.ASSESSEUR).exists()
    ):
        raise DelibereRefuse(
            [
                "Seul un magistrat assesseur de l'affaire peut être désigné pour rédiger la motivation"
                " (art. 365-1 al. 1 CPP)."
            ]
        )
    deliberation.assesseur_designe = assesseur
    deliberation.save(update_fields=["assesseur_designe"])
    return deliberation


def _decisions_sur_la_peine(
    contexte: ContexteDuDelibere,
    reponses: dict[int, ReponseDeLaCour],
    saisies: list[DecisionSaisie],
) -> dict[str, PeineEntiere]:
    erreurs: list[str] = []
    par_accuse = {s.accuse: s for s in saisies}
    decisions: dict[str, PeineEntiere] = {}
    for issue in contexte.plan.accuses:
        saisie = par_accuse.pop(issue.accuse, None)
        if not issue.est_coupable(reponses):
            if saisie is not None:
                erreurs.append(f"{issue.nom} n'est déclaré coupable d'aucun fait : aucune peine n'est votée.")
            continue
        if saisie is None or (saisie.peine is None and not saisie.exemption):
            erreurs.append(f"La peine de {issue.nom} n'a pas été votée (art. 362 CPP).")
            continue
        try:
            decisions[issue.accuse] = decider_de_la_peine_entiere(
                contexte.plan,
                contexte.majorite,
                reponses,
                contexte.faits_pour_la_peine.get(issue.accuse, ()),
                contexte.date_deliberation,
                issue.accuse,
                None if saisie.exemption else saisie.peine.peine() if saisie.peine else None,
                saisie.maximum_confirme.peine() if saisie.maximum_confirme else None,
                saisie.modalites(),
            )
        except PeineRefusee as refus:
            erreurs.append(str(refus))
    erreurs += [f"L'accusé « {accuse} » n'est pas dans l'affaire." for accuse in par_accuse]
    if erreurs:
        raise DelibereRefuse(erreurs)
    return decisions


def feuille_enregistree(deliberation: Deliberation) -> dict[str, Any]:
    """La feuille répondue telle qu'enregistrée, pour la page et le PDF."""
    if deliberation.feuille is None:
        raise DelibereRefuse(["La feuille de questions n'est pas encore enregistrée."])
    return dict(deliberation.feuille)


def motivation_enregistree(deliberation: Deliberation) -> dict[str, Any]:
    """Le canevas de la feuille de motivation, tiré de la feuille répondue enregistrée."""
    feuille = FeuilleRepondue.depuis_json(feuille_enregistree(deliberation))
    return canevas_de_motivation(feuille, TypeJuridiction(deliberation.type_juridiction)).en_json()
