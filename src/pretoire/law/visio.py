"""La déposition par visioconférence devant la cour d'assises.

Art. 706-71 al. 3 CPP : « Les dispositions de l'alinéa précédent prévoyant
l'utilisation d'un moyen de télécommunication audiovisuelle sont applicables devant la juridiction
de jugement pour l'audition des témoins, des parties civiles et des experts. » L'alinéa précédent
exige des « moyens de télécommunications garantissant la confidentialité de la transmission ».

Art. R. 53-38 CPP : « Les caractéristiques techniques des moyens de télécommunication utilisés
doivent assurer une retransmission fidèle, loyale et confidentielle à l'égard des tiers. Tout
incident technique ayant perturbé une transmission doit être mentionné dans les procès-verbaux […] »

Art. D. 47-12-6 CPP : le procès-verbal est « un relevé de constatations techniques comportant
notamment la mention du test du matériel et les heures de début et de fin de connexion ».

Le futur art. L1621-9 (ordonnance n° 2025-1091) traite du même objet ; aucune table officielle de
correspondance n'ayant été trouvée, il n'est pas cité comme nouveau numéro de l'art. 706-71.

Ce module dit par quels états passe une déposition à distance, quelles transitions sont
permises et quelles commandes le greffier peut donner dans chaque état ; il ne connaît ni le
réseau ni la base de données.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date

from pretoire.law.citations import Jurisprudence, article_cpp

ARTICLE_706_71_AL_3 = article_cpp("706-71", 3)
ARTICLE_R53_38 = article_cpp("R. 53-38")
ARTICLE_D47_12_5 = article_cpp("D. 47-12-5")
ARTICLE_D47_12_6 = article_cpp("D. 47-12-6")
ARTICLE_168 = article_cpp("168")

# Cass. crim. 20 févr. 2019 : une audition « par un moyen de télécommunication exclusivement
# sonore » d'un expert cité devant la cour d'assises entraîne la cassation.
AUDITION_EXCLUSIVEMENT_SONORE = Jurisprudence("Cass. crim.", date(2019, 2, 20), "18-82.164")
# Cass. crim. 11 déc. 2024 : la déposition d'un expert depuis son ordinateur personnel, par un
# dispositif du ministère, est conforme aux art. 706-71 et R. 53-38.
DEPOSITION_DEPUIS_ORDINATEUR_PERSONNEL = Jurisprudence("Cass. crim.", date(2024, 12, 11), "24-80.966")

# Art. 168 CPP : les experts exposent « après avoir prêté serment d'apporter leur concours à la
# justice en leur honneur et en leur conscience » ; formule à la première personne.
SERMENT_EXPERT = "Je jure d'apporter mon concours à la justice en mon honneur et en ma conscience."


class QualiteDeposant(enum.StrEnum):
    """Art. 706-71 al. 3 : témoins, parties civiles et experts ; al. 5 : l'interprète."""

    EXPERT = "expert"
    TEMOIN = "temoin"
    INTERPRETE = "interprete"
    PARTIE_CIVILE = "partie_civile"

    @property
    def libelle(self) -> str:
        return {
            QualiteDeposant.EXPERT: "expert",
            QualiteDeposant.TEMOIN: "témoin",
            QualiteDeposant.INTERPRETE: "interprète",
            QualiteDeposant.PARTIE_CIVILE: "partie civile",
        }[self]


def formule_de_serment(qualite: QualiteDeposant) -> str | None:
    """La formule que le projet peut proposer d'après ses sources, sinon ``None``.

    Seule celle des experts (art. 168) figure dans les textes réunis ; pour les témoins et les
    interprètes, le greffier consigne la formule prononcée.

    >>> formule_de_serment(QualiteDeposant.EXPERT)
    "Je jure d'apporter mon concours à la justice en mon honneur et en ma conscience."
    >>> formule_de_serment(QualiteDeposant.TEMOIN) is None
    True
    """
    return SERMENT_EXPERT if qualite is QualiteDeposant.EXPERT else None


class EtatDeposition(enum.StrEnum):
    """Le parcours d'une déposition à distance, de l'invitation à la fin."""

    INVITEE = "invitee"
    RACCORDEE = "raccordee"  # code d'accès accepté : l'invitation est liée à ce navigateur
    MATERIEL_VERIFIE = "materiel_verifie"  # essai du matériel concluant (D. 47-12-6)
    EN_ATTENTE = "en_attente"  # identité déclarée, en salle d'attente : aucun média de la salle
    ADMISE = "admise"  # admise par le greffier : l'image et le son circulent
    EN_COURS = "en_cours"
    SUSPENDUE = "suspendue"
    TERMINEE = "terminee"
    ECONDUITE = "econduite"
    REVOQUEE = "revoquee"

    @property
    def libelle(self) -> str:
        return LIBELLES_ETATS[self]

    @property
    def finale(self) -> bool:
        return not TRANSITIONS[self]

    @property
    def media_autorise(self) -> bool:
        """Seule une déposante admise reçoit l'image et le son de la salle."""
        return self in (EtatDeposition.ADMISE, EtatDeposition.EN_COURS, EtatDeposition.SUSPENDUE)


LIBELLES_ETATS: Mapping[EtatDeposition, str] = {
    EtatDeposition.INVITEE: "invitation envoyée",
    EtatDeposition.RACCORDEE: "code d'accès accepté",
    EtatDeposition.MATERIEL_VERIFIE: "matériel vérifié",
    EtatDeposition.EN_ATTENTE: "en salle d'attente",
    EtatDeposition.ADMISE: "admise dans la salle",
    EtatDeposition.EN_COURS: "déposition en cours",
    EtatDeposition.SUSPENDUE: "déposition suspendue",
    EtatDeposition.TERMINEE: "déposition terminée",
    EtatDeposition.ECONDUITE: "éconduite de la salle d'attente",
    EtatDeposition.REVOQUEE: "invitation révoquée",
}

_ANNULABLES = frozenset({EtatDeposition.REVOQUEE})

# Les transitions permises, comme données : chacune est testée une à une.
TRANSITIONS: Mapping[EtatDeposition, frozenset[EtatDeposition]] = {
    EtatDeposition.INVITEE: frozenset({EtatDeposition.RACCORDEE}) | _ANNULABLES,
    # Un essai non concluant laisse la déposante raccordée : elle recommence l'essai.
    EtatDeposition.RACCORDEE: frozenset({EtatDeposition.MATERIEL_VERIFIE}) | _ANNULABLES,
    EtatDeposition.MATERIEL_VERIFIE: frozenset({EtatDeposition.EN_ATTENTE}) | _ANNULABLES,
    EtatDeposition.EN_ATTENTE: frozenset({EtatDeposition.ADMISE, EtatDeposition.ECONDUITE}) | _ANNULABLES,
    EtatDeposition.ADMISE: frozenset({EtatDeposition.EN_COURS, EtatDeposition.TERMINEE}) | _ANNULABLES,
    EtatDeposition.EN_COURS: frozenset({EtatDeposition.SUSPENDUE, EtatDeposition.TERMINEE}),
    EtatDeposition.SUSPENDUE: frozenset({EtatDeposition.EN_COURS, EtatDeposition.TERMINEE}),
    EtatDeposition.TERMINEE: frozenset(),
    EtatDeposition.ECONDUITE: frozenset(),
    EtatDeposition.REVOQUEE: frozenset(),
}


class TransitionRefusee(ValueError):
    """Le passage demandé n'est pas possible depuis l'état actuel de la déposition."""


def verifier_transition(depuis: EtatDeposition, vers: EtatDeposition) -> None:
    """Refuse, en français, une transition absente de ``TRANSITIONS``.

    >>> verifier_transition(EtatDeposition.EN_ATTENTE, EtatDeposition.ADMISE)
    >>> try:
    ...     verifier_transition(EtatDeposition.RACCORDEE, EtatDeposition.ADMISE)
    ... except TransitionRefusee as refus:
    ...     print(refus)
    La déposition est « code d'accès accepté » : elle ne peut pas passer à « admise dans la salle ».
    """
    if vers not in TRANSITIONS[depuis]:
        raise TransitionRefusee(
            f"La déposition est « {depuis.libelle} » : elle ne peut pas passer à « {vers.libelle} »."
        )


# --- Les commandes du greffier ---------------------------------------------------------------------


class CommandeDuGreffe(enum.StrEnum):
    """Ce que le greffier peut commander depuis sa console ; le nom circule sur le WebSocket."""

    ADMETTRE = "admettre"
    ECONDUIRE = "econduire"
    VERIFIER_IDENTITE = "verifier_identite"
    DEMANDER_MICRO = "demander_micro"
    CODE_CONCORDANT = "code_concordant"
    SERMENT = "serment"
    COMMENCER = "commencer"
    SUSPENDRE = "suspendre"
    REPRENDRE = "reprendre"
    TERMINER = "terminer"
    REVOQUER = "revoquer"

    @property
    def libelle(self) -> str:
        return LIBELLES_COMMANDES[self]

    @property
    def etat_vise(self) -> EtatDeposition | None:
        """L'état où la commande fait passer la déposition ; ``None`` pour un acte en présence."""
        return ETATS_VISES[self]


LIBELLES_COMMANDES: Mapping[CommandeDuGreffe, str] = {
    CommandeDuGreffe.ADMETTRE: "Admission dans la salle",
    CommandeDuGreffe.ECONDUIRE: "Éconduite de la salle d'attente",
    CommandeDuGreffe.VERIFIER_IDENTITE: "Vérification de l'identité du déposant",
    CommandeDuGreffe.DEMANDER_MICRO: "Demande au déposant de rétablir son micro",
    CommandeDuGreffe.CODE_CONCORDANT: "Code de vérification concordant",
    CommandeDuGreffe.SERMENT: "Prestation de serment",
    CommandeDuGreffe.COMMENCER: "Début de la déposition",
    CommandeDuGreffe.SUSPENDRE: "Suspension de la déposition",
    CommandeDuGreffe.REPRENDRE: "Reprise de la déposition",
    CommandeDuGreffe.TERMINER: "Fin de la déposition",
    CommandeDuGreffe.REVOQUER: "Révocation de l'invitation",
}

# Les actes en présence (identité, code, serment, micro) ne changent pas l'état : ils supposent le
# déposant admis, vu et entendu de la salle.
ETATS_VISES: Mapping[CommandeDuGreffe, EtatDeposition | None] = {
    CommandeDuGreffe.ADMETTRE: EtatDeposition.ADMISE,
    CommandeDuGreffe.ECONDUIRE: EtatDeposition.ECONDUITE,
    CommandeDuGreffe.VERIFIER_IDENTITE: None,
    CommandeDuGreffe.DEMANDER_MICRO: None,
    CommandeDuGreffe.CODE_CONCORDANT: None,
    CommandeDuGreffe.SERMENT: None,
    CommandeDuGreffe.COMMENCER: EtatDeposition.EN_COURS,
    CommandeDuGreffe.SUSPENDRE: EtatDeposition.SUSPENDUE,
    CommandeDuGreffe.REPRENDRE: EtatDeposition.EN_COURS,
    CommandeDuGreffe.TERMINER: EtatDeposition.TERMINEE,
    CommandeDuGreffe.REVOQUER: EtatDeposition.REVOQUEE,
}

_EN_PRESENCE = frozenset(
    {
        CommandeDuGreffe.VERIFIER_IDENTITE,
        CommandeDuGreffe.DEMANDER_MICRO,
        CommandeDuGreffe.CODE_CONCORDANT,
        CommandeDuGreffe.SERMENT,
    }
)

# Les commandes permises dans chaque état, comme données : le serveur refuse toute autre commande
# et envoie cette liste à la console, qui n'active que ces boutons. Les tests la comparent,
# paire par paire, à ``TRANSITIONS``.
COMMANDES_PERMISES: Mapping[EtatDeposition, frozenset[CommandeDuGreffe]] = {
    EtatDeposition.INVITEE: frozenset({CommandeDuGreffe.REVOQUER}),
    EtatDeposition.RACCORDEE: frozenset({CommandeDuGreffe.REVOQUER}),
    EtatDeposition.MATERIEL_VERIFIE: frozenset({CommandeDuGreffe.REVOQUER}),
    EtatDeposition.EN_ATTENTE: frozenset(
        {CommandeDuGreffe.ADMETTRE, CommandeDuGreffe.ECONDUIRE, CommandeDuGreffe.REVOQUER}
    ),
    EtatDeposition.ADMISE: _EN_PRESENCE
    | {CommandeDuGreffe.COMMENCER, CommandeDuGreffe.TERMINER, CommandeDuGreffe.REVOQUER},
    EtatDeposition.EN_COURS: _EN_PRESENCE | {CommandeDuGreffe.SUSPENDRE, CommandeDuGreffe.TERMINER},
    # Une déposition suspendue se reprend, elle ne recommence pas.
    EtatDeposition.SUSPENDUE: _EN_PRESENCE | {CommandeDuGreffe.REPRENDRE, CommandeDuGreffe.TERMINER},
    EtatDeposition.TERMINEE: frozenset(),
    EtatDeposition.ECONDUITE: frozenset(),
    EtatDeposition.REVOQUEE: frozenset(),
}


class CommandeRefusee(ValueError):
    """La commande ne peut pas s'appliquer maintenant ; le message dit pourquoi."""


def commandes_permises(etat: EtatDeposition) -> list[str]:
    """Les commandes permises dans ``etat``, dans l'ordre des boutons de la console.

    >>> commandes_permises(EtatDeposition.EN_ATTENTE)
    ['admettre', 'econduire', 'revoquer']
    >>> commandes_permises(EtatDeposition.TERMINEE)
    []
    """
    return [commande.value for commande in CommandeDuGreffe if commande in COMMANDES_PERMISES[etat]]


def verifier_commande(etat: EtatDeposition, commande: CommandeDuGreffe) -> None:
    """Refuse, en français, une commande absente de ``COMMANDES_PERMISES[etat]``.

    >>> verifier_commande(EtatDeposition.EN_ATTENTE, CommandeDuGreffe.ADMETTRE)
    >>> try:
    ...     verifier_commande(EtatDeposition.EN_ATTENTE, CommandeDuGreffe.SERMENT)
    ... except CommandeRefusee as refus:
    ...     print(refus)
    « Prestation de serment » suppose le déposant admis dans la salle.
    """
    if commande in COMMANDES_PERMISES[etat]:
        return
    if commande is CommandeDuGreffe.COMMENCER and etat in (EtatDeposition.EN_COURS, EtatDeposition.SUSPENDUE):
        raise CommandeRefusee("La déposition est déjà commencée ; pour la reprendre, utilisez « Reprendre ».")
    if commande is CommandeDuGreffe.REPRENDRE:
        raise CommandeRefusee("La déposition n'est pas suspendue.")
    vise = commande.etat_vise
    if vise is None:
        raise CommandeRefusee(f"« {commande.libelle} » suppose le déposant admis dans la salle.")
    try:
        verifier_transition(etat, vise)
    except TransitionRefusee as refus:
        raise CommandeRefusee(str(refus)) from None
    # Une transition permise que cette commande ne fait pas depuis cet état : le tableau prime, et
    # une commande qu'il ne liste pas est refusée, jamais acceptée par défaut.
    raise CommandeRefusee(
        f"La déposition est « {etat.libelle} » : « {commande.libelle} » n'y est pas permise."
    )
