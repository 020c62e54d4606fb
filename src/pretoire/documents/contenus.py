"""Ce que contient chaque document, tiré de la base : le modèle pur, puis les données du gabarit.

Le procès-verbal est établi par ``pretoire.law.proces_verbal`` à partir des seuls événements du
journal ; la feuille par le moteur des questions ; l'extrait recopie le journal tel qu'il est.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Max

import pretoire
from pretoire.deliberation.actions import feuille_enregistree, motivation_enregistree
from pretoire.deliberation.models import Deliberation
from pretoire.deposition.models import Deposition
from pretoire.journal.actions import verifier_journal
from pretoire.journal.models import Evenement
from pretoire.journal.templatetags.journal import resume_donnees
from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.proces_verbal import (
    EnTete,
    ProcesVerbalImpossible,
    etablir_proces_verbal,
    evenements_de_la_deposition,
)
from pretoire.law.questions import FeuilleDefectueuse
from pretoire.law.questions.modele import avec_libelles_des_natures
from pretoire.law.redaction import date_en_toutes_lettres, heure, jour_a_paris
from pretoire.proces.models import Affaire, Affectation, Role
from pretoire.questions.actions import feuille_prete

from .models import NatureDocument
from .segment import Segment, segment_du_journal
from .signataires import CHAMP_DU_ROLE, en_clair, signataires_attendus
from .signature import Apposition


class DocumentImpossible(Exception):
    """Le document ne peut pas être établi ; le message, en français, dit pourquoi et quoi faire."""


@dataclass(frozen=True)
class Contenu:
    """Un document prêt à composer : son gabarit, ses données, son segment, qui le signe."""

    nature: NatureDocument
    modele: str
    donnees: dict[str, Any]
    segment: Segment
    signataires: list[tuple[Role, str]]  # (rôle, nom) dans l'ordre de signature
    deposition: Deposition | None = None
    provisoire: bool = False

    def appositions(self, roles: frozenset[Role], motif: str, lieu: str) -> list[Apposition]:
        """Les signatures attendues de ``roles`` qui ouvrent la liste (la suite attend son tour)."""
        appositions = []
        for role, nom in self.signataires:
            if role not in roles:
                break
            appositions.append(apposition(role, nom, motif, lieu))
        return appositions


def apposition(role: Role, nom: str, motif: str, lieu: str) -> Apposition:
    return Apposition(champ=CHAMP_DU_ROLE[role], nom=f"{nom}, {en_clair(role)}", motif=motif, lieu=lieu)


def nom_du_role(affaire: Affaire, role: Role) -> str:
    affectation = (
        Affectation.objects.filter(affaire=affaire, role=role)
        .select_related("utilisateur")
        .order_by("pk")
        .first()
    )
    return affectation.utilisateur.nom_complet() if affectation else ""


def _signataire(affaire: Affaire, role: Role, document: str) -> tuple[Role, str]:
    nom = nom_du_role(affaire, role)
    if not nom:
        raise DocumentImpossible(
            f"aucun {role.label.lower()} n'est affecté à l'affaire {affaire.numero} : {document} ne peut"
            " pas être signé. Affectez-en un depuis l'administration du greffe."
        )
    return role, nom


def _signataires(affaire: Affaire, nature: NatureDocument, document: str) -> list[tuple[Role, str]]:
    return [
        _signataire(affaire, role, document)
        for role in signataires_attendus(nature, affaire.juridiction.type)
    ]


def _evenements_debats(evenements: list[Evenement]) -> list[EvenementDebats]:
    return [
        EvenementDebats(numero=e.numero, type=e.type_evenement, horodatage=e.horodatage, donnees=e.donnees)
        for e in evenements
    ]


def contenu_du_proces_verbal(deposition: Deposition, *, etabli_le: datetime, provisoire: bool) -> Contenu:
    """Le procès-verbal des opérations ; refusé pour une déposition en cours sauf ``provisoire``."""
    affaire = deposition.affaire
    etat = deposition.etat_deposition
    if not etat.finale and not provisoire:
        raise DocumentImpossible(
            f"la déposition n° {deposition.pk} ({deposition.deposant}) est « {etat.libelle} » : le"
            " procès-verbal des opérations se dresse à la fin de la déposition. Demandez un"
            " procès-verbal provisoire si vous en avez besoin maintenant."
        )
    # Le segment s'arrête à la fin de la déposition (``evenements_de_la_deposition`` dit ce qui
    # la suit encore) : ce qu'un visiteur écrit ensuite n'y entre pas.
    propres = evenements_de_la_deposition(
        _evenements_debats(
            list(
                Evenement.objects.filter(affaire=affaire, donnees__deposition=deposition.pk).order_by(
                    "numero"
                )
            )
        ),
        deposition.pk,
    )
    if not propres:
        raise DocumentImpossible(
            f"le journal ne contient aucun événement de la déposition n° {deposition.pk}."
        )
    # Une correction consignée après la fin de la déposition en fait partie : le segment s'étend
    # jusqu'à elle.
    corrections = Evenement.objects.filter(
        affaire=affaire, type=TypeEvenement.CORRECTION, corrige__numero__in=[e.numero for e in propres]
    )
    dernier = max(propres[-1].numero, corrections.aggregate(dernier=Max("numero"))["dernier"] or 0)
    segment = segment_du_journal(affaire, propres[0].numero, dernier)
    signataires = _signataires(affaire, NatureDocument.PROCES_VERBAL, "le procès-verbal")
    greffier = _signataire(affaire, Role.GREFFIER, "le procès-verbal")
    en_tete = EnTete(
        juridiction=affaire.juridiction.nom,
        siege=affaire.juridiction.siege,
        session=affaire.session.intitule,
        numero_affaire=affaire.numero,
        intitule_affaire=affaire.intitule,
        jour_audience=deposition.jour.date,
        president=nom_du_role(affaire, Role.PRESIDENT),
        greffier=greffier[1],
        dispositif=f"Prétoire {pretoire.__version__}, logiciel libre de visioconférence de la cour",
        hebergement=settings.HEBERGEMENT_DU_DISPOSITIF,
    )
    try:
        pv = etablir_proces_verbal(
            en_tete, deposition.pk, _evenements_debats(segment.evenements), etabli_le=etabli_le
        )
    except ProcesVerbalImpossible as refus:
        raise DocumentImpossible(str(refus)) from None
    return Contenu(
        nature=NatureDocument.PROCES_VERBAL,
        modele="proces_verbal",
        donnees={"pv": pv.en_json()},
        segment=segment,
        signataires=signataires,
        deposition=deposition,
        provisoire=pv.provisoire,
    )


def contenu_de_la_feuille(affaire: Affaire) -> Contenu:
    """La feuille de questions établie sur le journal entier ; ses signataires selon la juridiction."""
    dernier = affaire.evenements.aggregate(dernier=Max("numero"))["dernier"]
    if dernier is None:
        raise DocumentImpossible(f"le journal de l'affaire {affaire.numero} est vide : rien à établir.")
    if not hasattr(affaire, "decision_mise_en_accusation"):
        raise DocumentImpossible(
            f"l'affaire {affaire.numero} n'a pas de décision de mise en accusation : la feuille de"
            " questions ne peut pas être établie."
        )
    signataires = _signataires(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, "la feuille de questions")
    try:
        feuille = feuille_prete(affaire)
    except FeuilleDefectueuse as defectueuse:
        raise DocumentImpossible(f"affaire {affaire.numero} : {defectueuse}") from None
    segment = segment_du_journal(affaire, 1, dernier)
    return Contenu(
        nature=NatureDocument.FEUILLE_DE_QUESTIONS,
        modele="feuille_de_questions",
        donnees=avec_libelles_des_natures(feuille.en_json()),
        segment=segment,
        signataires=signataires,
    )


def _deliberation_enregistree(affaire: Affaire, document: str) -> Deliberation:
    deliberation = Deliberation.objects.filter(affaire=affaire).select_related("assesseur_designe").first()
    if deliberation is None or not deliberation.enregistree:
        raise DocumentImpossible(
            f"le délibéré de l'affaire {affaire.numero} n'est pas enregistré : {document} se tire de la"
            " feuille répondue, après le verdict."
        )
    return deliberation


def _segment_entier(affaire: Affaire) -> Segment:
    dernier = affaire.evenements.aggregate(dernier=Max("numero"))["dernier"]
    if dernier is None:
        raise DocumentImpossible(f"le journal de l'affaire {affaire.numero} est vide : rien à établir.")
    return segment_du_journal(affaire, 1, dernier)


def contenu_de_la_feuille_repondue(affaire: Affaire) -> Contenu:
    """La feuille de questions répondue du délibéré enregistré (art. 364 CPP), signée du président."""
    deliberation = _deliberation_enregistree(affaire, "la feuille répondue")
    president = _signataire(affaire, Role.PRESIDENT, "la feuille répondue")
    return Contenu(
        nature=NatureDocument.FEUILLE_REPONDUE,
        modele="feuille_repondue",
        donnees={**feuille_enregistree(deliberation), "president": president[1]},
        segment=_segment_entier(affaire),
        signataires=[president],
    )


def contenu_de_la_feuille_de_motivation(affaire: Affaire) -> Contenu:
    """Le canevas de la feuille de motivation annexée (art. 365-1 CPP), signé comme la feuille."""
    deliberation = _deliberation_enregistree(affaire, "la feuille de motivation")
    president = _signataire(affaire, Role.PRESIDENT, "la feuille de motivation")
    assesseur = deliberation.assesseur_designe
    redaction = (
        f"Rédaction confiée par le président à {assesseur.nom_complet()}, magistrat assesseur"
        " (art. 365-1 al. 1 CPP)."
        if assesseur is not None
        else "Rédaction : le président (art. 365-1 al. 1 CPP)."
    )
    return Contenu(
        nature=NatureDocument.FEUILLE_DE_MOTIVATION,
        modele="feuille_de_motivation",
        donnees={**motivation_enregistree(deliberation), "president": president[1], "redaction": redaction},
        segment=_segment_entier(affaire),
        signataires=[president],
    )


def contenu_de_l_extrait(affaire: Affaire, premier: int | None, dernier: int | None) -> Contenu:
    """Les événements ``premier`` à ``dernier`` du journal, recopiés avec leurs empreintes."""
    total = affaire.evenements.aggregate(dernier=Max("numero"))["dernier"] or 0
    premier = premier or 1
    dernier = dernier or total
    if total == 0:
        raise DocumentImpossible(f"le journal de l'affaire {affaire.numero} est vide : rien à extraire.")
    if not 1 <= premier <= dernier <= total:
        raise DocumentImpossible(
            f"événements n° {premier} à {dernier} : le journal de l'affaire {affaire.numero} va du n° 1"
            f" au n° {total} ; choisissez un premier numéro inférieur ou égal au dernier."
        )
    segment = segment_du_journal(affaire, premier, dernier)
    evenements = [
        {
            "numero": e.numero,
            "date": date_en_toutes_lettres(jour_a_paris(e.horodatage)),
            "heure": heure(e.horodatage),
            "libelle": e.libelle,
            "auteur": e.auteur_libelle,
            "donnees": [list(couple) for couple in resume_donnees(e.donnees, e.type)],
            "corrige": e.corrige.numero if e.corrige else None,
            "empreinte": e.empreinte,
        }
        for e in segment.evenements
    ]
    return Contenu(
        nature=NatureDocument.EXTRAIT_DU_JOURNAL,
        modele="extrait_du_journal",
        donnees={
            "extrait": {
                "en_tete": {
                    "juridiction": affaire.juridiction.nom,
                    "siege": affaire.juridiction.siege,
                    "session": affaire.session.intitule,
                    "numero_affaire": affaire.numero,
                    "intitule_affaire": affaire.intitule,
                },
                "premier": premier,
                "dernier": dernier,
                "total": total,
                "evenements": evenements,
                "chaine": verifier_journal(affaire).message,
            }
        },
        segment=segment,
        signataires=_signataires(affaire, NatureDocument.EXTRAIT_DU_JOURNAL, "l'extrait du journal"),
    )
