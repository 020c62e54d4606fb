"""Les débats devant la cour d'assises : les événements du journal d'audience et leur ordre.

Le journal d'audience consigne ce qui se passe à l'audience, dans l'ordre où cela se passe.
Ce module dit quels événements existent et lesquels peuvent suivre lesquels ; il ne connaît
ni la base de données ni l'horloge.

Ordre des débats, art. 346 CPP : la partie civile est entendue, le ministère public prend ses
réquisitions, puis l'accusé et son avocat présentent leur défense ; la règle selon laquelle
« l'accusé ou son conseil ont toujours la parole en dernier » s'en déduit (Crim., arrêt commenté
par Dalloz actualité le 18 déc. 2015). Le texte exact de l'article 346 n'est pas reproduit ici :
NON VÉRIFIÉ dans les sources du projet ; seul l'ordre des plaidoiries en est tiré.

Art. 347 CPP : le président déclare les débats terminés ; art. 348 CPP (futur art. L4324-3) :
« Le président donne lecture des questions auxquelles la cour et le jury ont à répondre. »
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class TypeEvenement(enum.StrEnum):
    """Les événements que le greffier consigne au journal d'audience."""

    OUVERTURE_DEBATS = "ouverture_debats"
    AUDITION = "audition"
    INFORMATION_QUESTION = "information_question"
    CONTESTATION_ELEMENT_CONSTITUTIF = "contestation_element_constitutif"
    ACCORD_QUESTION_UNIQUE_IRRESPONSABILITE = "accord_question_unique_irresponsabilite"
    PLAIDOIRIE_PARTIE_CIVILE = "plaidoirie_partie_civile"
    REQUISITOIRE = "requisitoire"
    PLAIDOIRIE_DEFENSE = "plaidoirie_defense"
    DERNIERE_PAROLE_ACCUSE = "derniere_parole_accuse"
    CLOTURE_DEBATS = "cloture_debats"
    LECTURE_QUESTIONS = "lecture_questions"
    RENONCIATION_LECTURE_QUESTIONS = "renonciation_lecture_questions"
    DEMANDE_DONNE_ACTE = "demande_donne_acte"
    CONCLUSIONS_INCIDENT = "conclusions_incident"
    INCIDENT_TECHNIQUE = "incident_technique"
    CORRECTION = "correction"
    # Déposition par visioconférence (art. 706-71, R. 53-38, D. 47-12-6) : consignés par
    # Prétoire lui-même ou par les commandes du greffier sur la page de la visio.
    INVITATION_CREEE = "invitation_creee"
    INVITATION_REVOQUEE = "invitation_revoquee"
    INVITATION_UTILISEE = "invitation_utilisee"
    ACCES_REFUSE = "acces_refuse"
    ESSAI_MATERIEL = "essai_materiel"
    IDENTITE_DECLAREE = "identite_declaree"
    ENTREE_SALLE_ATTENTE = "entree_salle_attente"
    ADMISSION = "admission"
    ECONDUITE = "econduite"
    VERIFICATION_IDENTITE = "verification_identite"
    CODE_VERIFICATION_CONCORDANT = "code_verification_concordant"
    SERMENT = "serment"
    DEPOSITION_DEBUT = "deposition_debut"
    DEPOSITION_SUSPENSION = "deposition_suspension"
    DEPOSITION_REPRISE = "deposition_reprise"
    DEPOSITION_FIN = "deposition_fin"
    DEMANDE_MICRO = "demande_micro"
    CONNEXION = "connexion"
    PREMIERE_IMAGE = "premiere_image"
    INTERRUPTION_DEBUT = "interruption_debut"
    INTERRUPTION_FIN = "interruption_fin"
    AUDIO_SEUL_DEBUT = "audio_seul_debut"
    AUDIO_SEUL_FIN = "audio_seul_fin"
    ALERTE_FIDELITE_DEBUT = "alerte_fidelite_debut"
    ALERTE_FIDELITE_FIN = "alerte_fidelite_fin"
    QUALITE_MINUTE = "qualite_minute"
    DECONNEXION = "deconnexion"
    RECONNEXION = "reconnexion"
    MESSAGE_REJETE = "message_rejete"
    # Qui siège ou plaide dans l'affaire : chaque ajout, modification ou retrait d'une
    # affectation, consigné par Prétoire lui-même au moment où l'administration l'enregistre.
    AFFECTATION = "affectation"

    @property
    def libelle(self) -> str:
        return LIBELLES[self]

    @property
    def de_la_visio(self) -> bool:
        """Consigné par le dispositif de visioconférence, jamais par le formulaire du greffe."""
        return self in TYPES_DE_LA_VISIO

    @property
    def de_l_administration(self) -> bool:
        """Consigné par l'administration des affaires quand elle enregistre le changement,
        jamais par le formulaire du greffe (qui pourrait sinon écrire une affectation fictive)."""
        return self in TYPES_DE_L_ADMINISTRATION


LIBELLES: Mapping[TypeEvenement, str] = {
    TypeEvenement.OUVERTURE_DEBATS: "Ouverture des débats",
    TypeEvenement.AUDITION: "Audition d'un témoin ou d'un expert",
    TypeEvenement.INFORMATION_QUESTION: ("Information des parties d'une question spéciale ou subsidiaire"),
    TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF: ("Contestation par la défense d'un élément constitutif"),
    TypeEvenement.ACCORD_QUESTION_UNIQUE_IRRESPONSABILITE: (
        "Accord des parties sur une question unique d'irresponsabilité"
    ),
    TypeEvenement.PLAIDOIRIE_PARTIE_CIVILE: "Plaidoirie de la partie civile",
    TypeEvenement.REQUISITOIRE: "Réquisitoire",
    TypeEvenement.PLAIDOIRIE_DEFENSE: "Plaidoirie de la défense",
    TypeEvenement.DERNIERE_PAROLE_ACCUSE: "Dernière parole de l'accusé",
    TypeEvenement.CLOTURE_DEBATS: "Clôture des débats",
    TypeEvenement.LECTURE_QUESTIONS: "Lecture des questions",
    TypeEvenement.RENONCIATION_LECTURE_QUESTIONS: "Renonciation à la lecture des questions",
    TypeEvenement.DEMANDE_DONNE_ACTE: "Demande de donné acte",
    TypeEvenement.CONCLUSIONS_INCIDENT: "Conclusions d'incident",
    TypeEvenement.INCIDENT_TECHNIQUE: "Incident technique",
    TypeEvenement.CORRECTION: "Correction d'un événement",
    TypeEvenement.INVITATION_CREEE: "Invitation à déposer par visioconférence",
    TypeEvenement.INVITATION_REVOQUEE: "Invitation révoquée",
    TypeEvenement.INVITATION_UTILISEE: "Invitation utilisée (code d'accès accepté)",
    TypeEvenement.ACCES_REFUSE: "Accès à la visioconférence refusé",
    TypeEvenement.ESSAI_MATERIEL: "Essai du matériel du déposant",
    TypeEvenement.IDENTITE_DECLAREE: "Identité déclarée par le déposant",
    TypeEvenement.ENTREE_SALLE_ATTENTE: "Entrée en salle d'attente",
    TypeEvenement.ADMISSION: "Admission dans la salle d'audience",
    TypeEvenement.ECONDUITE: "Déposant éconduit de la salle d'attente",
    TypeEvenement.VERIFICATION_IDENTITE: "Vérification de l'identité du déposant",
    TypeEvenement.CODE_VERIFICATION_CONCORDANT: "Code de vérification concordant",
    TypeEvenement.SERMENT: "Prestation de serment",
    TypeEvenement.DEPOSITION_DEBUT: "Début de la déposition",
    TypeEvenement.DEPOSITION_SUSPENSION: "Suspension de la déposition",
    TypeEvenement.DEPOSITION_REPRISE: "Reprise de la déposition",
    TypeEvenement.DEPOSITION_FIN: "Fin de la déposition",
    TypeEvenement.DEMANDE_MICRO: "Demande au déposant de rétablir son micro",
    TypeEvenement.CONNEXION: "Connexion audiovisuelle établie",
    TypeEvenement.PREMIERE_IMAGE: "Première image reçue",
    TypeEvenement.INTERRUPTION_DEBUT: "Début d'interruption de la transmission",
    TypeEvenement.INTERRUPTION_FIN: "Fin d'interruption de la transmission",
    TypeEvenement.AUDIO_SEUL_DEBUT: "Début d'une période sans image (son seul)",
    TypeEvenement.AUDIO_SEUL_FIN: "Fin d'une période sans image (son seul)",
    TypeEvenement.ALERTE_FIDELITE_DEBUT: "Alerte : transmission dégradée",
    TypeEvenement.ALERTE_FIDELITE_FIN: "Fin de l'alerte de transmission",
    TypeEvenement.QUALITE_MINUTE: "Qualité de la transmission (résumé par minute)",
    TypeEvenement.DECONNEXION: "Déconnexion",
    TypeEvenement.RECONNEXION: "Reconnexion",
    TypeEvenement.MESSAGE_REJETE: "Message de visioconférence rejeté",
    TypeEvenement.AFFECTATION: "Affectation à l'affaire (qui siège ou plaide)",
}

TYPES_DE_L_ADMINISTRATION = frozenset({TypeEvenement.AFFECTATION})

TYPES_DE_LA_VISIO = frozenset(
    {
        TypeEvenement.INVITATION_CREEE,
        TypeEvenement.INVITATION_REVOQUEE,
        TypeEvenement.INVITATION_UTILISEE,
        TypeEvenement.ACCES_REFUSE,
        TypeEvenement.ESSAI_MATERIEL,
        TypeEvenement.IDENTITE_DECLAREE,
        TypeEvenement.ENTREE_SALLE_ATTENTE,
        TypeEvenement.ADMISSION,
        TypeEvenement.ECONDUITE,
        TypeEvenement.VERIFICATION_IDENTITE,
        TypeEvenement.CODE_VERIFICATION_CONCORDANT,
        TypeEvenement.SERMENT,
        TypeEvenement.DEPOSITION_DEBUT,
        TypeEvenement.DEPOSITION_SUSPENSION,
        TypeEvenement.DEPOSITION_REPRISE,
        TypeEvenement.DEPOSITION_FIN,
        TypeEvenement.DEMANDE_MICRO,
        TypeEvenement.CONNEXION,
        TypeEvenement.PREMIERE_IMAGE,
        TypeEvenement.INTERRUPTION_DEBUT,
        TypeEvenement.INTERRUPTION_FIN,
        TypeEvenement.AUDIO_SEUL_DEBUT,
        TypeEvenement.AUDIO_SEUL_FIN,
        TypeEvenement.ALERTE_FIDELITE_DEBUT,
        TypeEvenement.ALERTE_FIDELITE_FIN,
        TypeEvenement.QUALITE_MINUTE,
        TypeEvenement.DECONNEXION,
        TypeEvenement.RECONNEXION,
        TypeEvenement.MESSAGE_REJETE,
    }
)


@dataclass(frozen=True)
class EvenementDebats:
    """Un événement du journal tel que le droit le lit : sans auteur ni empreinte."""

    numero: int
    type: TypeEvenement
    horodatage: datetime
    donnees: Mapping[str, Any] = field(default_factory=dict)


class Phase(enum.Enum):
    AVANT_DEBATS = "avant les débats"
    DEBATS = "pendant les débats"
    APRES_CLOTURE = "après la clôture des débats"


# Où chaque événement peut se placer. Une correction ne relève d'aucune phase : elle rectifie
# l'écrit, pas l'audience ; un incident technique peut survenir à tout moment.
_PHASES_DES_DEBATS: Mapping[TypeEvenement, frozenset[Phase]] = {
    TypeEvenement.OUVERTURE_DEBATS: frozenset({Phase.AVANT_DEBATS}),
    TypeEvenement.AUDITION: frozenset({Phase.DEBATS}),
    TypeEvenement.INFORMATION_QUESTION: frozenset({Phase.DEBATS}),
    TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF: frozenset({Phase.DEBATS}),
    TypeEvenement.ACCORD_QUESTION_UNIQUE_IRRESPONSABILITE: frozenset({Phase.DEBATS}),
    TypeEvenement.PLAIDOIRIE_PARTIE_CIVILE: frozenset({Phase.DEBATS}),
    TypeEvenement.REQUISITOIRE: frozenset({Phase.DEBATS}),
    TypeEvenement.PLAIDOIRIE_DEFENSE: frozenset({Phase.DEBATS}),
    TypeEvenement.DERNIERE_PAROLE_ACCUSE: frozenset({Phase.DEBATS}),
    TypeEvenement.CLOTURE_DEBATS: frozenset({Phase.DEBATS}),
    TypeEvenement.LECTURE_QUESTIONS: frozenset({Phase.APRES_CLOTURE}),
    TypeEvenement.RENONCIATION_LECTURE_QUESTIONS: frozenset({Phase.DEBATS, Phase.APRES_CLOTURE}),
    TypeEvenement.DEMANDE_DONNE_ACTE: frozenset({Phase.DEBATS}),
    TypeEvenement.CONCLUSIONS_INCIDENT: frozenset({Phase.DEBATS}),
    TypeEvenement.INCIDENT_TECHNIQUE: frozenset(Phase),
    TypeEvenement.CORRECTION: frozenset(Phase),
    # Un magistrat peut être remplacé, un avocat désigné, à tout moment de l'affaire.
    TypeEvenement.AFFECTATION: frozenset(Phase),
}
# La déposition elle-même a lieu pendant les débats ; l'invitation, l'essai du matériel, la salle
# d'attente et tout ce que le dispositif observe peuvent la précéder ou la suivre.
_DEPOSITION_PROPREMENT_DITE = frozenset(
    {
        TypeEvenement.ADMISSION,
        TypeEvenement.SERMENT,
        TypeEvenement.DEPOSITION_DEBUT,
        TypeEvenement.DEPOSITION_SUSPENSION,
        TypeEvenement.DEPOSITION_REPRISE,
    }
)
PHASES_PERMISES: Mapping[TypeEvenement, frozenset[Phase]] = {
    **_PHASES_DES_DEBATS,
    **{
        t: frozenset({Phase.DEBATS}) if t in _DEPOSITION_PROPREMENT_DITE else frozenset(Phase)
        for t in TYPES_DE_LA_VISIO
    },
}

# Prises de parole de l'accusation et de la partie civile : après elles, l'accusé doit
# reprendre la parole avant la clôture (art. 346 : « la parole les derniers »).
PAROLES_A_CHARGE = frozenset({TypeEvenement.PLAIDOIRIE_PARTIE_CIVILE, TypeEvenement.REQUISITOIRE})


class OrdreDesDebatsViole(ValueError):
    """L'événement ne peut pas être consigné à ce moment des débats."""


def phase_actuelle(precedents: Sequence[TypeEvenement]) -> Phase:
    """La phase de l'audience après les événements déjà consignés.

    >>> phase_actuelle([])
    <Phase.AVANT_DEBATS: 'avant les débats'>
    >>> phase_actuelle([TypeEvenement.OUVERTURE_DEBATS, TypeEvenement.CLOTURE_DEBATS])
    <Phase.APRES_CLOTURE: 'après la clôture des débats'>
    """
    if TypeEvenement.CLOTURE_DEBATS in precedents:
        return Phase.APRES_CLOTURE
    if TypeEvenement.OUVERTURE_DEBATS in precedents:
        return Phase.DEBATS
    return Phase.AVANT_DEBATS


def verifier_ordre(precedents: Sequence[TypeEvenement], nouveau: TypeEvenement) -> None:
    """Refuse, avec un message en français, un événement qui ne peut pas suivre ``precedents``.

    >>> try:
    ...     verifier_ordre([], TypeEvenement.REQUISITOIRE)
    ... except OrdreDesDebatsViole as refus:
    ...     print(refus)
    « Réquisitoire » ne peut pas être consigné avant les débats : les débats ne sont pas ouverts.
    """
    phase = phase_actuelle(precedents)
    if phase not in PHASES_PERMISES[nouveau]:
        raise OrdreDesDebatsViole(
            f"« {nouveau.libelle} » ne peut pas être consigné {phase.value} : {_raison_de_phase(phase)}."
        )
    if nouveau is TypeEvenement.PLAIDOIRIE_DEFENSE and TypeEvenement.REQUISITOIRE not in precedents:
        raise OrdreDesDebatsViole(
            "La défense plaide après le réquisitoire du ministère public (art. 346 CPP)."
        )
    if nouveau is TypeEvenement.CLOTURE_DEBATS:
        _verifier_parole_aux_derniers(precedents)
    if nouveau is TypeEvenement.LECTURE_QUESTIONS and nouveau in precedents:
        raise OrdreDesDebatsViole("La lecture des questions est déjà consignée.")


def _verifier_parole_aux_derniers(precedents: Sequence[TypeEvenement]) -> None:
    """Art. 346 CPP : « l'accusé ou son avocat auront toujours la parole les derniers »."""
    prises_de_parole = [
        t
        for t in precedents
        if t in PAROLES_A_CHARGE
        or t in (TypeEvenement.PLAIDOIRIE_DEFENSE, TypeEvenement.DERNIERE_PAROLE_ACCUSE)
    ]
    if TypeEvenement.REQUISITOIRE not in prises_de_parole:
        raise OrdreDesDebatsViole(
            "Les débats ne peuvent être clos avant le réquisitoire du ministère public (art. 346 CPP)."
        )
    if not prises_de_parole or prises_de_parole[-1] is not TypeEvenement.DERNIERE_PAROLE_ACCUSE:
        raise OrdreDesDebatsViole(
            "Les débats ne peuvent être clos avant que l'accusé ait eu la parole le dernier (art. 346 CPP)."
        )


def _raison_de_phase(phase: Phase) -> str:
    return {
        Phase.AVANT_DEBATS: "les débats ne sont pas ouverts",
        Phase.DEBATS: "cet acte n'a lieu qu'avant l'ouverture ou après la clôture des débats",
        Phase.APRES_CLOTURE: (
            "après la clôture, seule la lecture des questions (ou la renonciation à celle-ci)"
            " peut être consignée (art. 347 et 348 CPP)"
        ),
    }[phase]
