"""Fabriquer le journal d'une déposition à distance, heure de Paris, pour les tests du droit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.proces_verbal import EnTete
from pretoire.law.visio import SERMENT_EXPERT

PARIS = ZoneInfo("Europe/Paris")
JOUR = date(2026, 11, 23)

EN_TETE = EnTete(
    juridiction="Cour d'assises des Bouches-du-Rhône",
    siege="Aix-en-Provence",
    session="Session de novembre 2026",
    numero_affaire="26/00042",
    intitule_affaire="Ministère public c. Thierry VASSEUR",
    jour_audience=JOUR,
    president="Mme Hélène ROUSSEL",
    greffier="Mme Sophie MOREL",
    dispositif="Prétoire 0.1.0",
    hebergement="serveur de la juridiction",
)


def a(heure: int, minute: int, seconde: int = 0, jour: date = JOUR) -> datetime:
    return datetime(jour.year, jour.month, jour.day, heure, minute, seconde, tzinfo=PARIS)


@dataclass
class Journal:
    """Un journal d'audience en construction : chaque appel consigne un événement à l'heure dite."""

    deposition: int = 1
    evenements: list[EvenementDebats] = field(default_factory=list)

    def __call__(self, quand: datetime, type_evenement: TypeEvenement, **donnees: Any) -> Journal:
        if type_evenement.de_la_visio and "deposition" not in donnees:
            donnees["deposition"] = self.deposition
        self.evenements.append(EvenementDebats(len(self.evenements) + 1, type_evenement, quand, donnees))
        return self

    def periode(
        self, type_fin: TypeEvenement, poste: str, debut: datetime, fin: datetime, **donnees: Any
    ) -> Journal:
        """Le début et la fin d'une période, comme le dispositif les consigne."""
        type_debut = {
            TypeEvenement.INTERRUPTION_FIN: TypeEvenement.INTERRUPTION_DEBUT,
            TypeEvenement.AUDIO_SEUL_FIN: TypeEvenement.AUDIO_SEUL_DEBUT,
            TypeEvenement.ALERTE_FIDELITE_FIN: TypeEvenement.ALERTE_FIDELITE_DEBUT,
        }[type_fin]
        raisons = donnees.pop("raisons", None)
        debut_donnees = {**donnees, **({"raisons": raisons} if raisons else {})}
        self(debut + timedelta(seconds=2), type_debut, poste=poste, debut=debut.isoformat(), **debut_donnees)
        duree = (fin - debut).total_seconds()
        return self(
            fin + timedelta(milliseconds=300),
            type_fin,
            poste=poste,
            debut=debut.isoformat(),
            fin=fin.isoformat(),
            duree_s=duree,
            **donnees,
        )


def avant_l_audition(
    journal: Journal, *, qualite: str = "expert", lieu: str = "Cabinet, Marseille"
) -> Journal:
    journal(
        a(9, 52, 10),
        TypeEvenement.INVITATION_CREEE,
        deposant="Dr Camille Lefort",
        qualite=qualite,
        jour=JOUR.isoformat(),
        expiration=a(23, 59, 59).isoformat(),
    )
    journal(a(9, 58, 3), TypeEvenement.INVITATION_UTILISEE, navigateur="Firefox 132", systeme="Windows 11")
    journal(
        a(9, 58, 40),
        TypeEvenement.ESSAI_MATERIEL,
        resultat="concluant",
        camera=True,
        microphone=True,
        haut_parleur=True,
        webrtc=True,
        chiffrement=True,
        navigateur="Firefox 132",
        systeme="Windows 11",
    )
    identite: dict[str, Any] = {"nom": "LEFORT", "prenoms": "Camille Marie", "qualite": qualite}
    if lieu:
        identite["lieu"] = lieu
    journal(a(9, 59, 15), TypeEvenement.IDENTITE_DECLAREE, **identite)
    return journal(a(9, 59, 15), TypeEvenement.ENTREE_SALLE_ATTENTE)


def admission_et_serment(journal: Journal, *, chiffrement: bool = True, serment: bool = True) -> Journal:
    journal(a(10, 0, 20), TypeEvenement.ADMISSION)
    journal(a(10, 0, 22), TypeEvenement.CONNEXION, poste="salle", chiffrement_bout_en_bout=chiffrement)
    journal(a(10, 0, 22), TypeEvenement.CONNEXION, poste="deposant", chiffrement_bout_en_bout=True)
    journal(a(10, 0, 24), TypeEvenement.PREMIERE_IMAGE, poste="salle")
    journal(a(10, 0, 24), TypeEvenement.PREMIERE_IMAGE, poste="deposant")
    journal(a(10, 1, 5), TypeEvenement.VERIFICATION_IDENTITE)
    journal(a(10, 1, 40), TypeEvenement.CODE_VERIFICATION_CONCORDANT, mots="tilleul ardoise comète violon")
    if serment:
        journal(a(10, 2, 10), TypeEvenement.SERMENT, formule=SERMENT_EXPERT)
    return journal(a(10, 2, 30), TypeEvenement.DEPOSITION_DEBUT)


def fin(journal: Journal) -> Journal:
    journal(a(10, 52, 40), TypeEvenement.DEPOSITION_FIN)
    journal(a(10, 52, 45), TypeEvenement.DECONNEXION, poste="salle")
    return journal(a(10, 52, 45), TypeEvenement.DECONNEXION, poste="deposant")


def deposition_sans_incident() -> Journal:
    return fin(admission_et_serment(avant_l_audition(Journal())))
