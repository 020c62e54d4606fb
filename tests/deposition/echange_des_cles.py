"""L'échange des clés de la visio refait en Python, pour jouer l'intermédiaire dans les tests.

Le code de vérification est calculé comme dans ``static/pretoire/visio/e2ee.js`` (le test de
bout en bout compare ces mots à ceux que Chromium affiche) ; l'engagement est celui du serveur
(``signalisation.engagement_de``).
"""

from __future__ import annotations

import base64
import hashlib
import random
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MOTS = re.findall(
    r'"([^"]+)"',
    (Path(__file__).resolve().parents[2] / "src/pretoire/static/pretoire/visio/mots.js")
    .read_text(encoding="utf-8")
    .split("[", 1)[1],
)


def base64url(octets: bytes) -> str:
    return base64.urlsafe_b64encode(octets).decode().rstrip("=")


def octets(texte: str) -> bytes:
    return base64.urlsafe_b64decode(texte + "=" * (-len(texte) % 4))


def empreinte(etiquette: str, *morceaux: str) -> bytes:
    return hashlib.sha256(etiquette.encode() + b"\x00" + b"".join(octets(m) for m in morceaux)).digest()


def code(engagement: str, cle_salle: str, cle_deposant: str, alea_salle: str, alea_deposant: str) -> bytes:
    """Les octets du code de vérification (un mot par octet, quatre à l'écran)."""
    return empreinte("pretoire-code", engagement, cle_salle, cle_deposant, alea_salle, alea_deposant)


def mots(code_brut: bytes) -> str:
    """Les mots tels que l'écran les affiche."""
    return " · ".join(MOTS[octet] for octet in code_brut[:4])


def ancien_code(cle_salle: str, cle_deposant: str) -> bytes:
    """Le code d'avant l'engagement : SHA-256(clé de la salle ‖ clé du déposant)."""
    return hashlib.sha256(octets(cle_salle) + octets(cle_deposant)).digest()


def cle_publique(graine: int) -> str:
    """Une clé publique P-256 (format brut, base64url), tirée d'une graine : tests reproductibles."""
    privee = ec.derive_private_key(graine, ec.SECP256R1())
    return base64url(privee.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint))


def alea(hasard: random.Random) -> str:
    return base64url(hasard.randbytes(16))


assert len(MOTS) == 256, "mots.js : 256 mots attendus"
