"""Ce qui fait avancer une déposition à distance ; chaque pas est écrit au journal d'audience.

Chaque action verrouille la déposition, vérifie la transition (``law.visio.TRANSITIONS``) ou la
commande du greffier (``law.visio.COMMANDES_PERMISES``),
change l'état, consigne l'événement et, après validation de la transaction, prévient les pages
ouvertes sur la déposition (salle, greffe, déposant).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement
from pretoire.journal.models import Evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.redaction import FUSEAU_DE_LA_COUR
from pretoire.law.visio import (
    CommandeDuGreffe,
    CommandeRefusee,
    EtatDeposition,
    QualiteDeposant,
    verifier_commande,
    verifier_transition,
)
from pretoire.proces.models import Affaire, JourAudience
from pretoire.texte import normaliser

from .models import Deposition

journal_securite = logging.getLogger("pretoire.securite")

# Au-delà, l'invitation est bloquée : un code à 8 chiffres ne se devine pas en 5 essais.
TENTATIVES_MAXIMALES = 5
AUTEUR_DISPOSITIF = "Dispositif de visioconférence"


def groupe_deposition(deposition_id: int) -> str:
    return f"deposition-{deposition_id}"


def _empreinte(*morceaux: str) -> str:
    cle = settings.SECRET_KEY.encode()
    return hmac.new(cle, "\x1f".join(morceaux).encode(), hashlib.sha256).hexdigest()


def empreinte_jeton(jeton: str) -> str:
    return _empreinte("jeton", jeton)


def normaliser_code(code: str) -> str:
    """Le code tel qu'on le dicte au téléphone : espaces et tirets ne comptent pas."""
    return "".join(c for c in code if c.isdigit())


@dataclass(frozen=True)
class InvitationEmise:
    deposition: Deposition
    jeton: str  # montrés une seule fois au greffier, jamais conservés en clair
    code: str


@transaction.atomic
def do_inviter(
    affaire: Affaire,
    jour: JourAudience,
    deposant: str,
    qualite: QualiteDeposant,
    *,
    auteur: Utilisateur,
    expire_le: datetime | None = None,
) -> InvitationEmise:
    """Crée l'invitation : un lien et un code d'accès à dicter par un autre canal."""
    deposant = normaliser(deposant)
    jeton = secrets.token_urlsafe(24)
    code = f"{secrets.randbelow(10**8):08d}"
    if expire_le is None:
        # Valable jusqu'à la fin du jour d'audience, à l'heure de la cour.
        expire_le = datetime.combine(jour.date, time(23, 59, 59), FUSEAU_DE_LA_COUR)
    deposition = Deposition.objects.create(
        affaire=affaire,
        jour=jour,
        deposant=deposant,
        qualite=qualite.value,
        jeton_empreinte=empreinte_jeton(jeton),
        code_empreinte=_empreinte("code", jeton, code),
        expire_le=expire_le,
        cree_par=auteur,
    )
    _consigner(
        deposition,
        TypeEvenement.INVITATION_CREEE,
        {
            "deposant": deposant,
            "qualite": qualite.value,
            "jour": jour.date.isoformat(),
            "expiration": expire_le.isoformat(),
        },
        auteur=auteur,
    )
    return InvitationEmise(deposition, jeton, f"{code[:4]} {code[4:]}")


class AccesRefuse(Exception):
    """L'invitation ne peut pas servir ; ``message`` s'affiche tel quel au déposant."""

    MESSAGES: Mapping[str, str] = {
        "inconnue": "Ce lien d'invitation n'est pas valable. Vérifiez-le auprès du greffe de la cour.",
        "expiree": "Cette invitation a expiré. Le greffe de la cour peut vous en adresser une nouvelle.",
        "revoquee": "Cette invitation a été annulée par le greffe de la cour.",
        "deja_utilisee": (
            "Cette invitation a déjà été utilisée depuis un autre appareil. "
            "Une invitation ne sert qu'à un seul appareil : contactez le greffe de la cour."
        ),
        "code_errone": "Le code d'accès est incorrect. Vérifiez les chiffres dictés par le greffe.",
        "trop_de_tentatives": (
            "Trop de codes erronés : cette invitation est bloquée. Contactez le greffe de la cour."
        ),
        "terminee": "Cette déposition est terminée. Merci de votre concours.",
    }

    def __init__(self, motif: str) -> None:
        self.motif = motif
        super().__init__(self.MESSAGES[motif])


def _refuser(deposition: Deposition | None, motif: str, navigateur: str) -> AccesRefuse:
    """Chaque tentative refusée laisse une trace, sans que des visiteurs puissent noyer le journal.

    Au journal de l'affaire : le premier refus de chaque motif, et chaque code erroné (ils sont
    bornés par ``TENTATIVES_MAXIMALES``). Les refus répétés — un lien déjà utilisé rechargé cent
    fois — vont au journal de sécurité du serveur, avec le compte des refus de l'invitation. Un
    jeton forgé ne désigne aucune affaire : journal de sécurité seulement.
    """
    if deposition is None:
        journal_securite.warning("Jeton d'invitation inconnu présenté (navigateur : %r)", navigateur[:200])
        return AccesRefuse(motif)
    # L'incrément verrouille la ligne : deux refus simultanés ne sont pas tous deux « premiers ».
    Deposition.objects.filter(pk=deposition.pk).update(acces_refuses=F("acces_refuses") + 1)
    compte = Deposition.objects.values_list("acces_refuses", flat=True).get(pk=deposition.pk)
    deja_consigne = Evenement.objects.filter(
        affaire_id=deposition.affaire_id,
        type=TypeEvenement.ACCES_REFUSE,
        donnees__deposition=deposition.pk,
        donnees__motif=motif,
    ).exists()
    if motif == "code_errone" or not deja_consigne:
        _consigner(deposition, TypeEvenement.ACCES_REFUSE, {"motif": motif, "navigateur": navigateur[:400]})
    else:
        journal_securite.warning(
            "Accès refusé n° %d à l'invitation de la déposition n° %d (affaire n° %d) : %s, navigateur %r",
            compte,
            deposition.pk,
            deposition.affaire_id,
            motif,
            navigateur[:200],
        )
    return AccesRefuse(motif)


def _motif_de_refus(deposition: Deposition, maintenant: datetime) -> str | None:
    etat = deposition.etat_deposition
    if etat is EtatDeposition.REVOQUEE:
        return "revoquee"
    if etat in (EtatDeposition.TERMINEE, EtatDeposition.ECONDUITE):
        return "terminee"
    if deposition.tentatives_code >= TENTATIVES_MAXIMALES:
        return "trop_de_tentatives"
    if maintenant >= deposition.expire_le and etat is EtatDeposition.INVITEE:
        return "expiree"
    return None


def deposition_par_jeton(jeton: str) -> Deposition | None:
    return Deposition.objects.select_related("affaire").filter(jeton_empreinte=empreinte_jeton(jeton)).first()


def do_utiliser_invitation(
    jeton: str, code: str, *, navigateur: str, systeme: str = ""
) -> tuple[Deposition, str]:
    """Le code d'accès est juste : l'invitation est liée à ce navigateur, qui reçoit un secret
    (cookie) pour revenir sans nouvelle invitation. Lève ``AccesRefuse`` sinon — après avoir
    consigné la tentative, qui ne doit pas disparaître avec le refus."""
    with transaction.atomic():
        issue = _utiliser_invitation(jeton, code, navigateur=navigateur, systeme=systeme)
    if isinstance(issue, AccesRefuse):
        raise issue
    return issue


def _utiliser_invitation(
    jeton: str, code: str, *, navigateur: str, systeme: str
) -> tuple[Deposition, str] | AccesRefuse:
    trouvee = deposition_par_jeton(jeton)
    if trouvee is None:
        return _refuser(None, "inconnue", navigateur)
    deposition = Deposition.objects.select_for_update().select_related("affaire").get(pk=trouvee.pk)
    motif = _motif_de_refus(deposition, timezone.now())
    if motif is None and deposition.navigateur_empreinte:
        motif = "deja_utilisee"
    if motif:
        return _refuser(deposition, motif, navigateur)
    if not hmac.compare_digest(_empreinte("code", jeton, normaliser_code(code)), deposition.code_empreinte):
        deposition.tentatives_code += 1
        deposition.save(update_fields=["tentatives_code"])
        motif = "trop_de_tentatives" if deposition.tentatives_code >= TENTATIVES_MAXIMALES else "code_errone"
        return _refuser(deposition, motif, navigateur)
    secret = secrets.token_urlsafe(32)
    deposition.navigateur_empreinte = _empreinte("navigateur", jeton, secret)
    _changer_etat(deposition, EtatDeposition.RACCORDEE)
    _consigner(
        deposition,
        TypeEvenement.INVITATION_UTILISEE,
        {"navigateur": navigateur[:400], "systeme": systeme[:200]},
    )
    return deposition, secret


def reconnaitre_navigateur(jeton: str, secret: str, *, navigateur: str) -> Deposition:
    """Le navigateur lié qui revient (rechargement, coupure réseau), ou une invitation pas
    encore utilisée ; ``AccesRefuse`` sinon, la tentative consignée."""
    deposition = deposition_par_jeton(jeton)
    if deposition is None:
        raise _refuser(None, "inconnue", navigateur)
    motif = _motif_de_refus(deposition, timezone.now())
    if motif is None and deposition.navigateur_empreinte:
        lie = secret and hmac.compare_digest(
            _empreinte("navigateur", jeton, secret), deposition.navigateur_empreinte
        )
        if not lie:
            motif = "deja_utilisee"
    if motif:
        with transaction.atomic():
            refus = _refuser(deposition, motif, navigateur)
        raise refus
    return deposition


def est_liee_a(deposition: Deposition, jeton: str, secret: str) -> bool:
    return bool(deposition.navigateur_empreinte) and hmac.compare_digest(
        _empreinte("navigateur", jeton, secret), deposition.navigateur_empreinte
    )


# --- Le parcours du déposant ---------------------------------------------------------------------


@transaction.atomic
def do_consigner_essai_materiel(deposition: Deposition, resultat: Mapping[str, Any]) -> Deposition:
    """Art. D. 47-12-6 : l'essai du matériel est consigné, concluant ou non."""
    deposition = _verrouiller(deposition)
    _consigner(deposition, TypeEvenement.ESSAI_MATERIEL, resultat)
    if resultat.get("resultat") == "concluant" and deposition.etat_deposition is EtatDeposition.RACCORDEE:
        _changer_etat(deposition, EtatDeposition.MATERIEL_VERIFIE)
    return deposition


@transaction.atomic
def do_declarer_identite(deposition: Deposition, identite: Mapping[str, Any]) -> Deposition:
    """Identité, qualité et lieu déclarés ; le déposant entre en salle d'attente."""
    deposition = _verrouiller(deposition)
    verifier_transition(deposition.etat_deposition, EtatDeposition.EN_ATTENTE)
    evenement = _consigner(deposition, TypeEvenement.IDENTITE_DECLAREE, identite)
    deposition.nom_declare = evenement.donnees["nom"]
    deposition.prenoms_declares = evenement.donnees["prenoms"]
    deposition.lieu_declare = evenement.donnees.get("lieu", "")
    _changer_etat(deposition, EtatDeposition.EN_ATTENTE)
    _consigner(deposition, TypeEvenement.ENTREE_SALLE_ATTENTE, {})
    return deposition


# --- Les commandes du greffier -------------------------------------------------------------------

# Ce que chaque commande consigne ; ce qu'elle permet dans chaque état est dit par
# ``law.visio.COMMANDES_PERMISES``.
EVENEMENTS_DES_COMMANDES: Mapping[CommandeDuGreffe, TypeEvenement] = {
    CommandeDuGreffe.ADMETTRE: TypeEvenement.ADMISSION,
    CommandeDuGreffe.ECONDUIRE: TypeEvenement.ECONDUITE,
    CommandeDuGreffe.REVOQUER: TypeEvenement.INVITATION_REVOQUEE,
    CommandeDuGreffe.VERIFIER_IDENTITE: TypeEvenement.VERIFICATION_IDENTITE,
    CommandeDuGreffe.CODE_CONCORDANT: TypeEvenement.CODE_VERIFICATION_CONCORDANT,
    CommandeDuGreffe.SERMENT: TypeEvenement.SERMENT,
    CommandeDuGreffe.COMMENCER: TypeEvenement.DEPOSITION_DEBUT,
    CommandeDuGreffe.SUSPENDRE: TypeEvenement.DEPOSITION_SUSPENSION,
    CommandeDuGreffe.REPRENDRE: TypeEvenement.DEPOSITION_REPRISE,
    CommandeDuGreffe.TERMINER: TypeEvenement.DEPOSITION_FIN,
    CommandeDuGreffe.DEMANDER_MICRO: TypeEvenement.DEMANDE_MICRO,
}


@transaction.atomic
def do_commande_du_greffe(
    deposition: Deposition, nom_commande: str, donnees: Mapping[str, Any], *, auteur: Utilisateur
) -> Deposition:
    try:
        commande = CommandeDuGreffe(nom_commande)
    except ValueError:
        raise CommandeRefusee(f"Commande inconnue : « {nom_commande} ».") from None
    deposition = _verrouiller(deposition)
    verifier_commande(deposition.etat_deposition, commande)
    if commande is CommandeDuGreffe.COMMENCER and not deposition.code_verifie:
        # Sans code concordant, rien ne prouve que le chiffrement relie bien la salle au déposant.
        raise CommandeRefusee(
            "La déposition ne peut commencer qu'après la lecture du code de vérification, "
            "concordant sur les deux écrans."
        )
    vise = commande.etat_vise
    _consigner(deposition, EVENEMENTS_DES_COMMANDES[commande], donnees, auteur=auteur)
    if commande is CommandeDuGreffe.CODE_CONCORDANT:
        deposition.code_verifie = True
        deposition.save(update_fields=["code_verifie"])
    if vise is not None:
        _changer_etat(deposition, vise)
    return deposition


# --- Ce que le dispositif observe ----------------------------------------------------------------


@transaction.atomic
def do_consigner_observation(
    deposition: Deposition, type_evenement: TypeEvenement, donnees: Mapping[str, Any]
) -> None:
    """Connexion, première image, interruptions, qualité… : écrits par le dispositif seul."""
    _consigner(deposition, type_evenement, donnees)


@transaction.atomic
def do_consigner_message_rejete(deposition: Deposition, poste: str, motif: str, plafond: int) -> bool:
    """Un message refusé sur le WebSocket, consigné tant que le poste n'en a pas ``plafond`` au
    journal pour cette déposition ; faux sinon (à l'appelant de le dire au journal de sécurité)."""
    deposition = _verrouiller(deposition)
    consignes = Evenement.objects.filter(
        affaire_id=deposition.affaire_id,
        type=TypeEvenement.MESSAGE_REJETE,
        donnees__deposition=deposition.pk,
        donnees__poste=poste,
    ).count()
    if consignes >= plafond:
        return False
    _consigner(deposition, TypeEvenement.MESSAGE_REJETE, {"poste": poste, "motif": motif})
    return True


PRESENCE = (TypeEvenement.CONNEXION, TypeEvenement.DECONNEXION, TypeEvenement.RECONNEXION)


@transaction.atomic
def do_consigner_presence(deposition: Deposition, poste: str, *, present: bool, motif: str = "") -> None:
    """Un poste de média part ou revient : consigné une fois par changement d'état.

    Deux onglets de la salle qui se ferment, ou un client qui ouvre et ferme sa connexion en
    boucle, ne font pas deux déconnexions de suite : la seconde ne change rien à la liaison.
    """
    deposition = _verrouiller(deposition)
    derniere = next(reversed(_presence_du_poste(deposition, poste)), None)
    parti = derniere is not None and derniere.type == TypeEvenement.DECONNEXION
    if not present and not parti:
        donnees = {"poste": poste, "motif": motif} if motif else {"poste": poste}
        _consigner(deposition, TypeEvenement.DECONNEXION, donnees)
    elif present and parti and derniere is not None:
        absence = (timezone.now() - derniere.horodatage).total_seconds()
        _consigner(deposition, TypeEvenement.RECONNEXION, {"poste": poste, "absence_s": round(absence, 1)})


@transaction.atomic
def do_consigner_connexion(deposition: Deposition, poste: str, *, chiffrement_bout_en_bout: bool) -> None:
    """La liaison média d'un poste est établie : consignée une fois par liaison (depuis la
    dernière déconnexion du poste) et par état du chiffrement, quoi que répète le client."""
    deposition = _verrouiller(deposition)
    liaison_en_cours: list[Evenement] = []
    for evenement in _presence_du_poste(deposition, poste):
        if evenement.type == TypeEvenement.DECONNEXION:
            liaison_en_cours = []
        else:
            liaison_en_cours.append(evenement)
    if any(
        e.type == TypeEvenement.CONNEXION
        and e.donnees["chiffrement_bout_en_bout"] == chiffrement_bout_en_bout
        for e in liaison_en_cours
    ):
        return
    _consigner(
        deposition,
        TypeEvenement.CONNEXION,
        {"poste": poste, "chiffrement_bout_en_bout": chiffrement_bout_en_bout},
    )


def _presence_du_poste(deposition: Deposition, poste: str) -> list[Evenement]:
    return list(
        Evenement.objects.filter(
            affaire_id=deposition.affaire_id,
            type__in=PRESENCE,
            donnees__deposition=deposition.pk,
            donnees__poste=poste,
        ).order_by("numero")
    )


# --- Outils communs ------------------------------------------------------------------------------


def _verrouiller(deposition: Deposition) -> Deposition:
    return Deposition.objects.select_for_update().select_related("affaire").get(pk=deposition.pk)


def _changer_etat(deposition: Deposition, vers: EtatDeposition) -> None:
    verifier_transition(deposition.etat_deposition, vers)
    deposition.etat = vers.value
    deposition.save()
    deposition_id, etat = deposition.pk, vers.value
    transaction.on_commit(lambda: diffuser(deposition_id, {"type": "deposition.etat", "etat": etat}))


def _consigner(
    deposition: Deposition,
    type_evenement: TypeEvenement,
    donnees: Mapping[str, Any],
    *,
    auteur: Utilisateur | None = None,
) -> Any:
    return do_consigner_evenement(
        deposition.affaire,
        type_evenement,
        {**donnees, "deposition": deposition.pk},
        auteur=auteur,
        auteur_libelle="" if auteur else AUTEUR_DISPOSITIF,
        par_la_visio=True,
    )


def diffuser(deposition_id: int, message: dict[str, Any]) -> None:
    couche = get_channel_layer()
    if couche is not None:
        async_to_sync(couche.group_send)(groupe_deposition(deposition_id), message)


def delai_restant(deposition: Deposition) -> timedelta:
    return deposition.expire_le - timezone.now()
