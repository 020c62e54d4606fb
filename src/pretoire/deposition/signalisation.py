"""Les messages de signalisation de la visio, définis une fois ici et reflétés dans
``static/pretoire/visio/signalisation.js``.

Le serveur ne fait que relayer les offres, réponses, candidats ICE et clés publiques entre la
salle et le déposant ; il ne voit jamais la clé de chiffrement des images et du son, qui naît
d'un échange ECDH entre les deux navigateurs. Tout message mal formé est refusé sans erreur
serveur.
"""

from __future__ import annotations

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


class Cle(Message):
    """Clé publique ECDH P-256, format brut non compressé (65 octets), en base64url."""

    type: Literal["cle"]
    cle: str = Field(min_length=86, max_length=88, pattern=r"^[A-Za-z0-9_-]+$")


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
    Bonjour | Description | Candidat | Cle | Statistiques | ConnexionEtablie | Commande,
    Field(discriminator="type"),
]
_LECTEUR: TypeAdapter[Any] = TypeAdapter(MessageClient)

# Ce que chaque poste peut envoyer : le déposant ne commande rien, le greffe n'a pas de média.
_MEDIA_ET_PRESENCE = frozenset({"bonjour", "description", "candidat", "cle", "statistiques", "connexion"})
PERMIS: dict[str, frozenset[str]] = {
    "deposant": _MEDIA_ET_PRESENCE,
    "salle": _MEDIA_ET_PRESENCE | {"commande"},
    "greffe": frozenset({"bonjour", "commande"}),
}
# Ces messages portent le média : ils ne circulent qu'une fois le déposant admis.
MEDIA = frozenset({"description", "candidat", "cle", "connexion", "statistiques"})


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
    if contenu["type"] not in PERMIS["salle"]:
        raise MessageRefuse(f"type de message inconnu : « {contenu['type'][:40]} »")
    if contenu["type"] not in PERMIS[poste]:
        if poste == "greffe":
            raise MessageRefuse(f"la console du greffe n'échange pas de média : « {contenu['type']} »")
        raise MessageRefuse(f"action réservée au greffe : « {contenu['type']} »")
    try:
        message: Message = _LECTEUR.validate_python(contenu)
    except ValidationError as erreur:
        detail = "; ".join(str(e) for e in messages_en_francais(erreur.errors())[:3])
        raise MessageRefuse(f"message « {contenu['type']} » invalide : {detail}") from None
    if message.deposition is not None and message.deposition != deposition_id:
        raise MessageRefuse("message destiné à une autre déposition")
    return message
