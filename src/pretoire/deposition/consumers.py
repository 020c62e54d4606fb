"""La signalisation de la visio sur WebSocket : un consumer par poste connecté.

- le déposant, reconnu par son jeton d'invitation et le secret de son navigateur lié (cookie) ;
- la salle d'audience (l'écran de la salle, qui porte l'image et le son) et le greffe (la
  console du greffier, sans média), reconnus par leur session et leur rôle dans l'affaire.

Tous se retrouvent dans le groupe de la déposition, sur la couche de canaux (en mémoire sur un
seul serveur, Redis quand plusieurs serveurs servent la même audience). Chaque poste de média
surveille ce qu'il reçoit (``fidelite.Surveillance``) et ce qui doit l'être est consigné.
"""

from __future__ import annotations

import abc
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from pretoire.journal.donnees import DonneesInvalides
from pretoire.law.debats import OrdreDesDebatsViole, TypeEvenement
from pretoire.law.visio import CommandeRefusee, EtatDeposition, commandes_permises
from pretoire.proces.access import access_affaire_by_id
from pretoire.proces.models import Role
from pretoire.texte import normaliser, normaliser_donnees

from . import actions
from .fidelite import Echantillon, Surveillance
from .libelles import ETATS
from .limitation import trop_de_demandes
from .models import Deposition
from .signalisation import MEDIA, Commande, MessageRefuse, Negociation, Statistiques, lire_message

# Les messages de l'échange des clés, dont le serveur fait respecter l'ordre (docs/decisions/0004).
ECHANGE_DES_CLES = frozenset({"engagement", "cle", "revelation", "engagement_non_tenu"})
ENGAGEMENT_NON_TENU = (
    "révélation de la salle rejetée par le navigateur du déposant : la clé révélée ne correspond "
    "pas à l'engagement ; la liaison peut être interceptée"
)
# Au-delà, une connexion qui n'envoie que des messages invalides est fermée ; seuls les premiers
# refus de chaque poste sont consignés, sur toute la déposition (et non par connexion : se
# reconnecter ne rouvre pas le compte), pour qu'un client fautif ne noie pas le journal.
REFUS_CONSIGNES, REFUS_TOLERES = 10, 50
FERMETURE_INTERDITE, FERMETURE_ABUS, FERMETURE_LIMITE = 4403, 4400, 4429
journal_securite = logging.getLogger("pretoire.securite")


class VisioConsumer(AsyncJsonWebsocketConsumer, abc.ABC):
    """Ce que font tous les postes ; chacun dit seulement comment il se fait reconnaître."""

    poste: str = ""
    deposition_id: int = 0
    session: str = ""
    surveillance: Surveillance | None = None
    negociation: Negociation | None = None
    engagement_non_tenu_consigne: bool = False
    refus: int = 0
    utilisateur: Any = None
    decalage: timedelta | None = None
    dernier_instant: datetime | None = None

    @abc.abstractmethod
    async def authentifier(self) -> Deposition | None:
        """La déposition de ce poste, ou ``None`` si la connexion doit être refusée."""

    async def connect(self) -> None:
        deposition = await self.authentifier()
        if deposition is None:
            # Accepter puis fermer : le navigateur reçoit le code 4403 (un refus de poignée de
            # main ne lui donnerait qu'un 1006 indistinct d'une panne réseau).
            await self.accept()
            await self.close(code=FERMETURE_INTERDITE)
            return
        self.deposition_id = deposition.pk
        self.groupe = actions.groupe_deposition(deposition.pk)
        await self.channel_layer.group_add(self.groupe, self.channel_name)
        await self.accept()
        await self.envoyer_etat(deposition)
        if self.poste != "greffe":
            self.surveillance = Surveillance(self.poste)
            self.negociation = Negociation(self.poste)

    async def disconnect(self, code: int) -> None:
        if not self.deposition_id:
            return
        await self.channel_layer.group_discard(self.groupe, self.channel_name)
        if self.session:
            await self.channel_layer.group_send(
                self.groupe,
                {"type": "visio.presence", "poste": self.poste, "session": self.session, "present": False},
            )
            if self.poste != "greffe":
                await database_sync_to_async(self._consigner_presence)(False)

    # Les trames illisibles sont refusées comme les autres messages, jamais en erreur serveur.
    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kw: Any) -> None:
        try:
            contenu = json.loads(text_data or "")
        except (TypeError, ValueError, RecursionError):
            await self.refuser("message mal formé : JSON illisible")
            return
        await self.receive_json(contenu)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        try:
            message = lire_message(content, poste=self.poste, deposition_id=self.deposition_id)
        except MessageRefuse as refus:
            await self.refuser(str(refus))
            return
        deposition = await database_sync_to_async(Deposition.objects.get)(pk=self.deposition_id)
        if message.type in MEDIA and not deposition.etat_deposition.media_autorise:  # type: ignore[attr-defined]
            await self.refuser("aucun média n'est échangé avant l'admission par le greffe")
            return
        type_message = message.type  # type: ignore[attr-defined]
        if type_message in ECHANGE_DES_CLES and self.negociation is not None:
            try:
                self.negociation.envoyer(message)
            except MessageRefuse as refus:
                await self.refuser(str(refus))
                return
        if type_message == "engagement_non_tenu":
            # Consigné une fois par connexion : le déposant alerte, il ne doit pas noyer le journal.
            if not self.engagement_non_tenu_consigne:
                self.engagement_non_tenu_consigne = True
                await database_sync_to_async(self._consigner_refus)(ENGAGEMENT_NON_TENU)
        elif type_message == "bonjour":
            self.session = message.session  # type: ignore[attr-defined]
            if self.poste != "greffe":
                await database_sync_to_async(self._consigner_presence)(True)
            await self.channel_layer.group_send(
                self.groupe,
                {"type": "visio.presence", "poste": self.poste, "session": self.session, "present": True},
            )
        elif type_message == "statistiques":
            await self.observer(message)  # type: ignore[arg-type]
        elif type_message == "connexion":
            await database_sync_to_async(actions.do_consigner_connexion)(
                deposition,
                self.poste,
                chiffrement_bout_en_bout=message.chiffrement_bout_en_bout,  # type: ignore[attr-defined]
            )
        elif type_message == "commande":
            await self.commander(deposition, message)  # type: ignore[arg-type]
        else:
            await self.channel_layer.group_send(
                self.groupe,
                {
                    "type": "visio.relais",
                    "de": self.poste,
                    "emetteur": self.channel_name,
                    "message": message.model_dump(exclude_none=True, exclude={"deposition"}),
                },
            )

    async def envoyer_etat(self, deposition: Deposition) -> None:
        # Dans la langue choisie sur la page (cookie du sélecteur de langue), comme en HTTP.
        choisie = self.scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME, "")
        langue = choisie if choisie in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(langue):
            message = {"type": "etat", **_etat(deposition)}
        if self.poste == "greffe":
            # La console n'active que ce que le serveur accepterait : elle n'a pas sa propre liste.
            message["commandes"] = commandes_permises(deposition.etat_deposition)
        await self.send_json(message)

    async def refuser(self, motif: str) -> None:
        # Le motif peut citer le message refusé, donc ce qu'a écrit le client.
        motif = normaliser(motif)
        self.refus += 1
        await self.send_json({"type": "refus", "message": motif})
        if self.refus <= REFUS_CONSIGNES:
            await database_sync_to_async(self._consigner_refus)(motif)
        if self.refus >= REFUS_TOLERES:
            journal_securite.warning(
                "Déposition n° %d, poste %s : connexion fermée après %d messages refusés",
                self.deposition_id,
                self.poste,
                self.refus,
            )
            await self.close(code=FERMETURE_ABUS)

    def _consigner_refus(self, motif: str) -> None:
        deposition = Deposition.objects.get(pk=self.deposition_id)
        if not actions.do_consigner_message_rejete(deposition, self.poste, motif[:500], REFUS_CONSIGNES):
            journal_securite.warning(
                "Déposition n° %d, poste %s : message refusé n° %d de cette connexion, non consigné"
                " (le journal en tient déjà %d pour ce poste) : %r",
                self.deposition_id,
                self.poste,
                self.refus,
                REFUS_CONSIGNES,
                motif[:200],
            )

    async def commander(self, deposition: Deposition, message: Commande) -> None:
        try:
            await database_sync_to_async(actions.do_commande_du_greffe)(
                deposition, message.commande, normaliser_donnees(message.donnees), auteur=self.utilisateur
            )
        except (CommandeRefusee, OrdreDesDebatsViole, DonneesInvalides) as refus:
            await self.send_json({"type": "refus", "message": str(refus)})
            return
        if message.commande == "demander_micro":
            await self.channel_layer.group_send(self.groupe, {"type": "visio.micro"})

    async def observer(self, statistiques: Statistiques) -> None:
        if self.surveillance is None:
            return
        donnees = statistiques.model_dump(exclude={"type", "deposition", "chiffrement", "horloge_ms"})
        echantillon = Echantillon(
            instant=self.instant_du_releve(statistiques.horloge_ms),
            images_dechiffrees=statistiques.chiffrement.dechiffrees,
            **donnees,
        )
        observations = self.surveillance.observer(echantillon)
        for observation in observations:
            await database_sync_to_async(self._consigner_observation)(observation.type, observation.donnees)
        mesure = self.surveillance.derniere_mesure
        await self.channel_layer.group_send(
            self.groupe,
            {
                "type": "visio.indicateurs",
                "poste": self.poste,
                "reception": self.surveillance.reception.value,
                "alerte": self.surveillance.en_alerte,
                "chiffrement": statistiques.chiffrement.model_dump(),
                "mesure": None
                if mesure is None
                else {
                    "debit_kbps": round(mesure.debit_kbps),
                    "perte_pct": round(mesure.perte_pct, 1),
                    "delai_ms": None if mesure.delai_ms is None else round(mesure.delai_ms),
                    "images_par_seconde": round(mesure.images_par_seconde, 1),
                    "resolution": f"{mesure.largeur}×{mesure.hauteur}"
                    if mesure.largeur and mesure.hauteur
                    else "",
                    "gels": statistiques.gels,
                    "note": mesure.note.code,
                    "raisons": list(mesure.raisons),
                },
            },
        )

    def instant_du_releve(self, horloge_ms: float | None) -> datetime:
        """L'heure du relevé, à l'horloge du serveur.

        Le décalage entre les deux horloges est estimé par le plus petit écart observé (le
        délai de transport n'est jamais négatif) ; l'heure n'est jamais dans le futur ni avant
        le relevé précédent.
        """
        maintenant = timezone.now()
        instant = maintenant
        if horloge_ms is not None:
            releve = datetime.fromtimestamp(horloge_ms / 1000, tz=UTC)
            ecart = maintenant - releve
            if self.decalage is None or ecart < self.decalage:
                self.decalage = ecart
            instant = min(releve + self.decalage, maintenant)
        if self.dernier_instant is not None:
            instant = max(instant, self.dernier_instant)
        self.dernier_instant = instant
        return instant

    def _consigner_observation(self, type_evenement: TypeEvenement, donnees: dict[str, Any]) -> None:
        deposition = Deposition.objects.get(pk=self.deposition_id)
        actions.do_consigner_observation(deposition, type_evenement, donnees)

    def _consigner_presence(self, present: bool) -> None:
        """Déconnexion et reconnexion d'un poste de média, une fois la salle d'attente atteinte."""
        deposition = Deposition.objects.get(pk=self.deposition_id)
        if deposition.etat_deposition in ATTENTE_OU_MEDIA:
            actions.do_consigner_presence(deposition, self.poste, present=present)

    # --- Messages du groupe -----------------------------------------------------------------

    async def visio_relais(self, evenement: dict[str, Any]) -> None:
        # Le média va de la salle au déposant et retour ; le greffe n'en reçoit rien.
        if evenement["emetteur"] == self.channel_name or self.poste == "greffe":
            return
        if evenement["de"] == self.poste:
            return
        if self.negociation is not None:
            self.negociation.recevoir(evenement["message"])
        await self.send_json({**evenement["message"], "de": evenement["de"]})

    async def visio_presence(self, evenement: dict[str, Any]) -> None:
        if evenement["poste"] != self.poste:
            await self.send_json(
                {
                    "type": "presence",
                    "poste": evenement["poste"],
                    "session": evenement["session"],
                    "present": evenement["present"],
                }
            )

    async def visio_indicateurs(self, evenement: dict[str, Any]) -> None:
        if self.poste != "deposant":
            await self.send_json({**evenement, "type": "indicateurs"})

    async def visio_micro(self, evenement: dict[str, Any]) -> None:
        if self.poste == "deposant":
            await self.send_json({"type": "micro"})

    async def deposition_etat(self, evenement: dict[str, Any]) -> None:
        deposition = await database_sync_to_async(Deposition.objects.get)(pk=self.deposition_id)
        await self.envoyer_etat(deposition)
        if not deposition.etat_deposition.finale or self.poste == "greffe":
            return
        if self.session:
            # D. 47-12-6 : l'heure de fin de connexion figure au procès-verbal ; la liaison finit
            # avec la déposition, chaque poste de média connecté la consigne.
            await database_sync_to_async(actions.do_consigner_presence)(
                deposition, self.poste, present=False, motif="fin de la liaison"
            )
            self.session = ""
        if self.poste == "deposant":
            await self.close(code=FERMETURE_INTERDITE)


ATTENTE_OU_MEDIA = frozenset(
    {EtatDeposition.EN_ATTENTE, EtatDeposition.ADMISE, EtatDeposition.EN_COURS, EtatDeposition.SUSPENDUE}
)


def _etat(deposition: Deposition) -> dict[str, Any]:
    etat = deposition.etat_deposition
    return {
        "etat": etat.value,
        "libelle": str(ETATS[etat]),
        "media": etat.media_autorise,
        "finale": etat.finale,
        "code_verifie": deposition.code_verifie,
    }


class DeposantConsumer(VisioConsumer):
    """Le déposant : son jeton et le secret du navigateur lié, rien d'autre."""

    poste = "deposant"

    async def connect(self) -> None:
        client = self.scope.get("client") or ("",)
        if await database_sync_to_async(trop_de_demandes)(str(client[0])):
            await self.accept()
            await self.close(code=FERMETURE_LIMITE)
            return
        await super().connect()

    async def authentifier(self) -> Deposition | None:
        jeton = self.scope["url_route"]["kwargs"]["jeton"]
        secret = self.scope.get("cookies", {}).get(nom_cookie(jeton), "")
        navigateur = _en_tete(self.scope, b"user-agent")
        return await database_sync_to_async(_deposant_admissible)(jeton, secret, navigateur)


def _deposant_admissible(jeton: str, secret: str, navigateur: str) -> Deposition | None:
    try:
        deposition = actions.reconnaitre_navigateur(jeton, secret, navigateur=navigateur)
    except actions.AccesRefuse:
        return None
    if not actions.est_liee_a(deposition, jeton, secret):
        return None
    if deposition.etat_deposition not in ATTENTE_OU_MEDIA:
        return None
    return deposition


class PosteDeLaCourConsumer(VisioConsumer):
    """L'écran de la salle d'audience ou la console du greffe, pour un membre de la cour."""

    async def authentifier(self) -> Deposition | None:
        kwargs = self.scope["url_route"]["kwargs"]
        self.poste = kwargs["poste"]
        self.utilisateur = self.scope["user"]
        return await database_sync_to_async(_deposition_pour_la_cour)(
            self.utilisateur, int(kwargs["deposition_id"]), self.poste
        )

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "commande" and not self.greffier:
            await self.refuser("action réservée au greffier")
            return
        await super().receive_json(content, **kwargs)

    @property
    def greffier(self) -> bool:
        return bool(getattr(self, "_greffier", False))

    async def connect(self) -> None:
        await super().connect()
        if self.deposition_id:
            self._greffier = await database_sync_to_async(_est_greffier)(self.utilisateur, self.deposition_id)


def _deposition_pour_la_cour(utilisateur: Any, deposition_id: int, poste: str) -> Deposition | None:
    deposition = Deposition.objects.filter(pk=deposition_id).first()
    if deposition is None or poste not in ("salle", "greffe"):
        return None
    roles = {Role.GREFFIER} if poste == "greffe" else {Role.GREFFIER, Role.PRESIDENT, Role.ASSESSEUR}
    try:
        access_affaire_by_id(utilisateur, deposition.affaire_id, roles)
    except PermissionDenied:
        return None
    return deposition


def _est_greffier(utilisateur: Any, deposition_id: int) -> bool:
    deposition = Deposition.objects.get(pk=deposition_id)
    try:
        access_affaire_by_id(utilisateur, deposition.affaire_id, {Role.GREFFIER})
    except PermissionDenied:
        return False
    return True


def nom_cookie(jeton: str) -> str:
    """Un cookie par invitation ; son nom ne révèle pas le jeton."""
    return f"visio_{actions.empreinte_jeton(jeton)[:16]}"


def _en_tete(scope: dict[str, Any], nom: bytes) -> str:
    for cle, valeur in scope.get("headers", []):
        if cle == nom:
            return normaliser(valeur.decode("latin-1"))[:400]
    return ""
