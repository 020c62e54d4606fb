"""Les messages de signalisation de la visio, définis une fois ici et reflétés dans
``static/pretoire/visio/signalisation.js``.

Le serveur ne fait que relayer les offres, réponses, candidats ICE et clés publiques entre la
salle et le déposant ; il ne voit jamais la clé de chiffrement des images et du son, qui naît
d'un échange ECDH entre les deux navigateurs. Tout message mal formé est refusé sans erreur
serveur.

Les clés s'échangent avec un engagement, comme dans ZRTP (RFC 6189, § 4.4.1.1) : la salle
s'engage sur sa clé (``engagement``), le déposant répond par la sienne (``cle``), la salle révèle
ensuite la sienne (``revelation``). ``Negociation`` refuse tout message hors de cet ordre
(docs/decisions/0004).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from pretoire.law.erreurs import messages_en_francais


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Facultatif ; s'il est donné, il doit désigner la déposition de la connexion.
    deposition: int | None = None


class Bonjour(Message):
    type: Literal["bonjour"]
    session: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")


class DescriptionSession(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["offer", "answer"]
    sdp: str = Field(max_length=60_000)


class Description(Message):
    type: Literal["description"]
    description: DescriptionSession


class CandidatIce(BaseModel):
    model_config = ConfigDict(extra="allow")

    candidate: str = Field(max_length=2000)
    sdpMid: str | None = Field(default=None, max_length=64)  # noms de l'API WebRTC
    sdpMLineIndex: int | None = Field(default=None, ge=0, le=64)


class Candidat(Message):
    type: Literal["candidat"]
    candidat: CandidatIce | None


# Clé publique ECDH P-256, format brut non compressé (65 octets), en base64url sans « = ».
ClePublique = Annotated[str, Field(min_length=86, max_length=88, pattern=r"^[A-Za-z0-9_-]+$")]
# Empreinte SHA-256 (32 octets) et aléa de 16 octets, en base64url sans « = ».
Empreinte = Annotated[str, Field(min_length=43, max_length=43, pattern=r"^[A-Za-z0-9_-]+$")]
Alea = Annotated[str, Field(min_length=22, max_length=22, pattern=r"^[A-Za-z0-9_-]+$")]


class Engagement(Message):
    """La salle s'engage sur sa clé avant de voir celle du déposant : SHA-256(clé ‖ aléa)."""

    type: Literal["engagement"]
    engagement: Empreinte


class Cle(Message):
    """La clé du déposant et son aléa, en réponse à l'engagement de la salle qu'elle rappelle."""

    type: Literal["cle"]
    cle: ClePublique
    alea: Alea
    engagement: Empreinte


class Revelation(Message):
    """La clé et l'aléa sur lesquels la salle s'était engagée."""

    type: Literal["revelation"]
    cle: ClePublique
    alea: Alea


class EngagementNonTenu(Message):
    """Le déposant a reçu une révélation qui ne correspond pas à l'engagement : il le signale."""

    type: Literal["engagement_non_tenu"]
    engagement: Empreinte


class Chiffrement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chiffrees: int = Field(ge=0)
    dechiffrees: int = Field(ge=0)
    echecs: int = Field(ge=0)


class Statistiques(Message):
    """Le résumé ``getStats`` de ce que le poste reçoit (compteurs cumulés)."""

    type: Literal["statistiques"]
    # Horloge du poste (ms depuis l'époque Unix) : après une coupure, les résumés retenus arrivent
    # d'un bloc ; leur heure d'origine garde les interruptions datées à la seconde.
    horloge_ms: float | None = Field(default=None, ge=0)
    images_decodees: int = Field(ge=0)
    paquets_audio: int = Field(ge=0)
    octets_recus: int = Field(ge=0)
    paquets_recus: int = Field(ge=0)
    paquets_perdus: int = Field(ge=0)
    aller_retour_ms: float | None = Field(default=None, ge=0, le=60_000)
    images_par_seconde: float | None = Field(default=None, ge=0, le=240)
    largeur: int | None = Field(default=None, ge=0, le=8192)
    hauteur: int | None = Field(default=None, ge=0, le=8192)
    gels: int = Field(default=0, ge=0)
    synchronisation_ms: float | None = Field(default=None, ge=-60_000, le=60_000)
    chiffrement: Chiffrement


class ConnexionEtablie(Message):
    type: Literal["connexion"]
    chiffrement_bout_en_bout: bool


class Commande(Message):
    type: Literal["commande"]
    commande: str = Field(max_length=40)
    donnees: dict[str, Any] = Field(default_factory=dict)


MessageClient = Annotated[
    Bonjour
    | Description
    | Candidat
    | Engagement
    | Cle
    | Revelation
    | EngagementNonTenu
    | Statistiques
    | ConnexionEtablie
    | Commande,
    Field(discriminator="type"),
]
_LECTEUR: TypeAdapter[Any] = TypeAdapter(MessageClient)

# Ce que chaque poste peut envoyer : le déposant ne commande rien, le greffe n'a pas de média ;
# seule la salle s'engage et révèle, seul le déposant répond par sa clé.
_MEDIA_ET_PRESENCE = frozenset({"bonjour", "description", "candidat", "statistiques", "connexion"})
PERMIS: dict[str, frozenset[str]] = {
    "deposant": _MEDIA_ET_PRESENCE | {"cle", "engagement_non_tenu"},
    "salle": _MEDIA_ET_PRESENCE | {"engagement", "revelation", "commande"},
    "greffe": frozenset({"bonjour", "commande"}),
}
_CONNUS = frozenset().union(*PERMIS.values())
# Ces messages portent le média : ils ne circulent qu'une fois le déposant admis.
MEDIA = frozenset(
    {
        "description",
        "candidat",
        "engagement",
        "cle",
        "revelation",
        "engagement_non_tenu",
        "connexion",
        "statistiques",
    }
)


class MessageRefuse(ValueError):
    """Message rejeté ; le texte dit pourquoi, en français."""


def lire_message(contenu: Any, *, poste: str, deposition_id: int) -> Message:
    """Le message validé, ou ``MessageRefuse``.

    >>> lire_message({"type": "bonjour", "session": "abcdefgh"}, poste="deposant", deposition_id=1).type
    'bonjour'
    >>> lire_message({"type": "commande", "commande": "admettre"}, poste="deposant", deposition_id=1)
    Traceback (most recent call last):
    ...
    pretoire.deposition.signalisation.MessageRefuse: action réservée au greffe : « commande »
    """
    if not isinstance(contenu, dict) or not isinstance(contenu.get("type"), str):
        raise MessageRefuse("message mal formé : un objet JSON avec un « type » est attendu")
    if contenu["type"] not in _CONNUS:
        raise MessageRefuse(f"type de message inconnu : « {contenu['type'][:40]} »")
    if contenu["type"] not in PERMIS[poste]:
        if poste == "greffe":
            raise MessageRefuse(f"la console du greffe n'échange pas de média : « {contenu['type']} »")
        if contenu["type"] in PERMIS["deposant"]:
            raise MessageRefuse(f"message réservé au déposant : « {contenu['type']} »")
        if contenu["type"] != "commande":
            raise MessageRefuse(f"message réservé à la salle : « {contenu['type']} »")
        raise MessageRefuse(f"action réservée au greffe : « {contenu['type']} »")
    try:
        message: Message = _LECTEUR.validate_python(contenu)
    except ValidationError as erreur:
        detail = "; ".join(str(e) for e in messages_en_francais(erreur.errors())[:3])
        raise MessageRefuse(f"message « {contenu['type']} » invalide : {detail}") from None
    if message.deposition is not None and message.deposition != deposition_id:
        raise MessageRefuse("message destiné à une autre déposition")
    return message


# --- L'ordre de l'échange des clés -----------------------------------------------------------------


def _octets(texte: str) -> bytes:
    return base64.urlsafe_b64decode(texte + "=" * (-len(texte) % 4))


def engagement_de(cle: str, alea: str) -> str:
    """SHA-256(« pretoire-engagement » ‖ 0 ‖ clé ‖ aléa), en base64url : ``engagement`` dans e2ee.js.

    >>> engagement_de("BA" + "A" * 85, "A" * 22)
    'QBaQCkFCa6ZdtpV1Me0suzov8vCezdnh0K3TCN25f1w'
    """
    empreinte = hashlib.sha256(b"pretoire-engagement\x00" + _octets(cle) + _octets(alea)).digest()
    return base64.urlsafe_b64encode(empreinte).decode().rstrip("=")


# Un déposant qui répond à deux engagements rapprochés (la salle en renvoie un à chaque retour de
# l'autre poste) ne doit pas voir sa première réponse refusée : les derniers engagements reçus
# restent ouverts, chacun pour une seule réponse.
ENGAGEMENTS_OUVERTS = 4


@dataclass
class Negociation:
    """L'échange des clés vu d'une connexion : ce que son poste envoie, ce qui lui est relayé.

    Salle : ``engagement`` → (clé du déposant relayée) → ``revelation`` conforme à l'engagement.
    Déposant : (engagement relayé) → une seule ``cle`` qui le rappelle. Chaque connexion tient
    son propre compte : il suit les messages relayés, même quand les deux postes passent par deux
    serveurs différents.
    """

    poste: str
    engagement: str | None = None
    cle_recue: bool = False
    revelee: bool = False
    ouverts: dict[str, bool] = field(default_factory=dict)

    def envoyer(self, message: Message) -> None:
        """Vérifie qu'un message de ce poste vient à son tour ; sinon ``MessageRefuse``."""
        if isinstance(message, Engagement):
            self.engagement, self.cle_recue, self.revelee = message.engagement, False, False
        elif isinstance(message, Revelation):
            if self.engagement is None:
                raise MessageRefuse("révélation sans engagement préalable de la salle")
            if not self.cle_recue:
                raise MessageRefuse("révélation avant la clé du déposant : l'engagement doit rester fermé")
            if self.revelee:
                raise MessageRefuse("clé déjà révélée : une nouvelle négociation exige un nouvel engagement")
            if not hmac.compare_digest(engagement_de(message.cle, message.alea), self.engagement):
                raise MessageRefuse("la clé révélée ne correspond pas à l'engagement de la salle")
            self.revelee = True
        elif isinstance(message, Cle):
            if not self.ouverts:
                raise MessageRefuse("clé du déposant avant tout engagement de la salle")
            if message.engagement not in self.ouverts:
                raise MessageRefuse("clé du déposant en réponse à un engagement inconnu")
            if self.ouverts[message.engagement]:
                raise MessageRefuse("une seule clé du déposant par engagement de la salle")
            self.ouverts[message.engagement] = True
        elif isinstance(message, EngagementNonTenu) and message.engagement not in self.ouverts:
            raise MessageRefuse("signalement d'un engagement que ce poste n'a pas reçu")

    def recevoir(self, message: dict[str, Any]) -> None:
        """Prend acte d'un message relayé vers ce poste."""
        if message.get("type") == "engagement":
            self.ouverts[message["engagement"]] = False
            while len(self.ouverts) > ENGAGEMENTS_OUVERTS:
                del self.ouverts[next(iter(self.ouverts))]
        elif message.get("type") == "cle" and message.get("engagement") == self.engagement:
            self.cle_recue = True
