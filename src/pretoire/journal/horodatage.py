"""Horodatage RFC 3161 d'un ancrage par une autorité d'horodatage tierce (facultatif).

Le HMAC de l'ancrage prouve qu'il vient de la cour ; le jeton d'une autorité tierce prouve en plus
*quand* la tête existait, sans que la cour puisse antidater ni postdater son registre. Le jeton
porte sur le SHA-256 du contenu scellé de l'ancrage.

Sans Django : l'adresse de l'autorité et ses certificats sont des arguments.
"""

from __future__ import annotations

import asyncio
import hashlib
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko.sign.validation.status import TimestampSignatureStatus
from pyhanko_certvalidator import ValidationContext

DELAI_S = 10.0


class HorodatageImpossible(Exception):
    """L'autorité n'a pas répondu, ou mal ; le message, en français, dit laquelle et pourquoi."""


class _AutoriteHttp(TimeStamper):
    """Le protocole RFC 3161 sur HTTP (``application/timestamp-query``), par la bibliothèque
    standard : pas de dépendance de plus pour une requête par document."""

    def __init__(self, url: str, delai: float) -> None:
        super().__init__(include_nonce=True)
        self.url = url
        self.delai = delai

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        requete = urllib.request.Request(
            self.url,
            data=req.dump(),
            headers={"Content-Type": "application/timestamp-query"},
            method="POST",
        )
        with urllib.request.urlopen(requete, timeout=self.delai) as reponse:
            return tsp.TimeStampResp.load(reponse.read())


def demander_jeton(url: str, contenu: bytes, *, delai: float = DELAI_S) -> bytes:
    """Le jeton (``ContentInfo`` DER) de l'autorité pour le SHA-256 de ``contenu``."""
    condensat = hashlib.sha256(contenu).digest()
    try:
        jeton = asyncio.run(_AutoriteHttp(url, delai).async_timestamp(condensat, "sha256"))
    except (OSError, ValueError) as erreur:
        raise HorodatageImpossible(f"autorité d'horodatage {url} : {erreur}") from erreur
    return bytes(jeton.dump())


@dataclass(frozen=True)
class JetonLu:
    valide: bool
    date: datetime | None
    raison: str = ""


def lire_jeton(jeton: bytes, contenu: bytes, racines: Sequence[asn1_x509.Certificate]) -> JetonLu:
    """Le jeton porte-t-il sur ``contenu``, signé par une autorité reconnue ? Et quand ?"""
    try:
        donnees_signees = cms.ContentInfo.load(jeton)["content"]
        etat = asyncio.run(
            validate_tst_signed_data(
                donnees_signees,
                ValidationContext(trust_roots=list(racines), allow_fetching=False),
                lambda algorithme: hashlib.new(algorithme, contenu).digest(),
            )
        )
        statut = TimestampSignatureStatus(**etat)
    except Exception as erreur:  # un jeton hostile ne fait rien planter : il est invalide
        return JetonLu(False, None, f"jeton illisible ({erreur})")
    if not statut.intact:
        return JetonLu(False, statut.timestamp, "le jeton ne porte pas sur cet ancrage")
    if not statut.valid:
        return JetonLu(False, statut.timestamp, "signature de l'autorité invalide")
    if not statut.trusted:
        return JetonLu(False, statut.timestamp, "autorité d'horodatage non reconnue")
    return JetonLu(True, statut.timestamp)
