"""L'ancrage de la tête du journal hors de la base : chaque tête (numéro, empreinte, nombre
d'événements) est scellée par un HMAC-SHA256 et ajoutée à un registre en ajout seul.

La chaîne d'empreintes prouve qu'aucun maillon n'a été changé *au milieu* ; elle ne dit rien de
qui retire les derniers événements, ou en ajoute un faux au bout et recalcule la suite : la base
le permet à qui la réécrit (déclencheurs retirés, ``session_replication_role = replica``). La clé
du HMAC vit dans un fichier à côté de la clé de signature (32 octets aléatoires, mode 600), jamais
dans la base ; le registre (``ancrages.log``, une ligne JSON par tête) est à côté d'elle. Qui ne
tient que la base ne peut ni forger une ligne (il n'a pas la clé) ni en effacer une (elle n'est
pas dans la base) : le journal doit finir exactement sur la dernière tête ancrée.

Sans Django : le répertoire est un argument.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import x509 as asn1_x509

from . import horodatage
from .chaine import ResultatVerification

TAILLE_DE_LA_CLE = 32
NOM_DE_LA_CLE = "ancrage.key"
NOM_DU_REGISTRE = "ancrages.log"


class AncrageImpossible(Exception):
    """La clé d'ancrage manque ou est illisible ; le message, en français, dit quoi faire."""


def cle_d_ancrage(repertoire: Path, *, creer: bool = True) -> bytes:
    """La clé HMAC ; créée (mode 600) si ni elle ni le registre n'existent encore et ``creer``.

    Une clé disparue alors que le registre existe n'est pas recréée : les ancrages passés
    deviendraient invérifiables, ce qu'un faussaire souhaiterait justement.
    """
    chemin = repertoire / NOM_DE_LA_CLE
    try:
        cle = chemin.read_bytes()
    except FileNotFoundError:
        if not creer:
            raise AncrageImpossible(
                f"clé d'ancrage du journal introuvable ({chemin}) : la tête du journal ne peut pas"
                " être confrontée à ses ancrages (indiquez --data-dir ou PRETOIRE_ANCRAGE_DIR)."
            ) from None
        if (repertoire / NOM_DU_REGISTRE).exists():
            raise AncrageImpossible(
                f"clé d'ancrage du journal introuvable ({chemin}) alors que le registre des ancrages"
                " existe : restaurez-la depuis la sauvegarde (une nouvelle clé rendrait les ancrages"
                " passés invérifiables)."
            ) from None
        return _creer_la_cle(chemin)
    except OSError as erreur:
        raise AncrageImpossible(
            f"clé d'ancrage du journal illisible ({chemin} : {erreur.strerror})."
        ) from None
    if len(cle) != TAILLE_DE_LA_CLE:
        raise AncrageImpossible(
            f"clé d'ancrage du journal invalide ({chemin}) : {TAILLE_DE_LA_CLE} octets attendus."
        )
    return cle


def _creer_la_cle(chemin: Path) -> bytes:
    chemin.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    cle = secrets.token_bytes(TAILLE_DE_LA_CLE)
    try:
        descripteur = os.open(chemin, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Un autre processus vient de la créer : c'est la sienne qui vaut.
        return chemin.read_bytes()
    with os.fdopen(descripteur, "wb") as flux:
        flux.write(cle)
        flux.flush()
        os.fsync(flux.fileno())
    return cle


@dataclass(frozen=True)
class Ancrage:
    """Une tête du journal d'une affaire, attestée à un instant, et le HMAC qui la scelle."""

    affaire: str
    numero: int
    empreinte: str
    nombre: int
    horodatage: str  # ISO 8601, UTC
    motif: str
    hmac: str = ""
    # Jeton RFC 3161 (DER, base64) d'une autorité d'horodatage, sur le SHA-256 du contenu scellé.
    jeton_rfc3161: str = ""

    def contenu_scelle(self) -> bytes:
        champs = {k: v for k, v in asdict(self).items() if k not in ("hmac", "jeton_rfc3161")}
        return json.dumps(champs, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    def calculer_hmac(self, cle: bytes) -> str:
        return hmac.new(cle, self.contenu_scelle(), hashlib.sha256).hexdigest()

    def authentique(self, cle: bytes) -> bool:
        return hmac.compare_digest(self.hmac, self.calculer_hmac(cle))


def sceller(
    cle: bytes, *, affaire: str, numero: int, empreinte: str, nombre: int, motif: str, horodatage: datetime
) -> Ancrage:
    ancrage = Ancrage(
        affaire=affaire,
        numero=numero,
        empreinte=empreinte,
        nombre=nombre,
        horodatage=horodatage.astimezone(UTC).isoformat(timespec="microseconds"),
        motif=motif,
    )
    return replace(ancrage, hmac=ancrage.calculer_hmac(cle))


def inscrire(repertoire: Path, ancrage: Ancrage) -> None:
    """Ajoute la ligne au registre (ouvert en ajout seul, une écriture, puis ``fsync``)."""
    ligne = json.dumps(asdict(ancrage), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    repertoire.mkdir(parents=True, exist_ok=True, mode=0o700)
    descripteur = os.open(repertoire / NOM_DU_REGISTRE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descripteur, ligne.encode() + b"\n")
        os.fsync(descripteur)
    finally:
        os.close(descripteur)


def _lignes(repertoire: Path) -> Iterator[tuple[int, str]]:
    try:
        with (repertoire / NOM_DU_REGISTRE).open(encoding="utf-8") as flux:
            yield from enumerate(flux, start=1)
    except FileNotFoundError:
        return


def ancrages_de(repertoire: Path, cle: bytes, affaire: str) -> tuple[list[Ancrage], list[str]]:
    """Les ancrages authentiques de l'affaire, et les anomalies du registre qui la concernent."""
    ancrages: list[Ancrage] = []
    anomalies: list[str] = []
    for rang, ligne in _lignes(repertoire):
        try:
            ancrage = Ancrage(**json.loads(ligne))
        except (ValueError, TypeError):
            anomalies.append(f"ligne {rang} du registre des ancrages illisible")
            continue
        if ancrage.affaire != affaire:
            continue
        if not ancrage.authentique(cle):
            anomalies.append(f"ligne {rang} du registre des ancrages falsifiée (HMAC faux)")
            continue
        ancrages.append(ancrage)
    return ancrages, anomalies


def confronter(
    resultat: ResultatVerification,
    empreintes: Mapping[int, str],
    ancrages: list[Ancrage],
    anomalies: list[str],
) -> ResultatVerification:
    """La chaîne vérifiée, confrontée aux têtes ancrées : le journal doit passer par chacune et
    finir exactement sur la dernière.

    ``empreintes`` : l'empreinte de chaque événement du journal actuel, par numéro.
    """
    if not resultat.valide:
        return resultat
    if anomalies:
        return _rompue(resultat, "; ".join(anomalies))
    if not ancrages:
        if resultat.nombre_evenements == 0:
            return resultat
        return _rompue(
            resultat,
            f"aucune tête ancrée pour ces {resultat.nombre_evenements} événement(s) : le journal"
            " n'est attesté nulle part hors de la base",
        )
    for ancrage in ancrages:
        if ancrage.numero > resultat.nombre_evenements:
            return _rompue(
                resultat,
                f"le journal compte {resultat.nombre_evenements} événement(s), mais l'événement"
                f" n° {ancrage.numero} a été ancré le {_date(ancrage)} : des événements ont été retirés",
            )
        if empreintes.get(ancrage.numero) != ancrage.empreinte:
            return _rompue(
                resultat,
                f"l'événement n° {ancrage.numero} n'a plus l'empreinte ancrée le {_date(ancrage)}"
                f" ({ancrage.empreinte[:16]}…) : le journal a été réécrit puis rechaîné",
            )
    derniere = max(ancrages, key=lambda a: (a.numero, a.horodatage))
    if resultat.nombre_evenements > derniere.nombre:
        return _rompue(
            resultat,
            f"événement(s) n° {derniere.nombre + 1} à {resultat.nombre_evenements} absents du registre"
            f" des ancrages, dont la dernière tête est le n° {derniere.numero} : ajoutés hors de"
            " Prétoire (ou serveur arrêté entre l'écriture et l'ancrage)",
        )
    return replace(
        resultat,
        ancrage=f"Tête ancrée hors de la base : n° {derniere.numero}, HMAC vérifié, le {_date(derniere)}.",
    )


def _rompue(resultat: ResultatVerification, raison: str) -> ResultatVerification:
    return replace(resultat, valide=False, raison=raison)


def _date(ancrage: Ancrage) -> str:
    return datetime.fromisoformat(ancrage.horodatage).strftime("%d/%m/%Y à %H:%M:%S UTC")


def horodater(ancrage: Ancrage, url: str) -> Ancrage:
    """L'ancrage muni du jeton RFC 3161 de l'autorité ``url`` ; ``HorodatageImpossible`` sinon."""
    jeton = horodatage.demander_jeton(url, ancrage.contenu_scelle())
    return replace(ancrage, jeton_rfc3161=base64.b64encode(jeton).decode())


def constater_les_horodatages(
    ancrages: Sequence[Ancrage], autorites: Sequence[asn1_x509.Certificate]
) -> tuple[list[str], str]:
    """Les jetons RFC 3161 des ancrages vérifiés : les anomalies, et ce que le dernier atteste."""
    horodates = [a for a in ancrages if a.jeton_rfc3161]
    if not horodates:
        return [], ""
    if not autorites:
        return [], "Horodatages RFC 3161 présents, non vérifiés : aucun certificat d'autorité configuré."
    anomalies, atteste = [], ""
    for ancrage in sorted(horodates, key=lambda a: (a.numero, a.horodatage)):
        lu = horodatage.lire_jeton(
            base64.b64decode(ancrage.jeton_rfc3161), ancrage.contenu_scelle(), autorites
        )
        if not lu.valide:
            anomalies.append(f"horodatage RFC 3161 de la tête n° {ancrage.numero} invalide : {lu.raison}")
        elif lu.date is not None:
            atteste = (
                f"Horodatage RFC 3161 vérifié : tête n° {ancrage.numero},"
                f" le {lu.date.astimezone(UTC):%d/%m/%Y à %H:%M:%S} UTC."
            )
    return anomalies, atteste
