"""Signer un PDF (PAdES, SHA-256) avec la clé de la juridiction, et lire ses signatures.

La clé et le certificat viennent d'un fichier PKCS#12 désigné par les réglages, un par
juridiction. L'heure de signature est celle de l'horloge du serveur au moment de signer (attribut
signé ``signingTime``). Les signatures sont invisibles : le texte du document dit qui signe et
comment vérifier ; un lecteur PDF les montre dans son panneau des signatures.

Sans Django : les chemins et mots de passe sont des arguments.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

# Entre une signature et la suivante, la seule modification admise est l'ajout de cette suivante
# (remplissage d'un champ de signature). Les « mises à jour LTA » de pyHanko sont refusées : elles
# laissent passer un titre ou des métadonnées réécrits après coup, et Prétoire n'en produit pas.
MODIFICATIONS_PERMISES = frozenset({ModificationLevel.NONE, ModificationLevel.FORM_FILLING})


class SignatureImpossible(Exception):
    """La clé de signature ne peut pas servir ; le message, en français, dit pourquoi."""


class PdfIllisible(Exception):
    """Le fichier n'est pas un PDF (ou n'a pas pu être lu du tout)."""


@dataclass(frozen=True)
class Cles:
    """La clé de la juridiction, prête à signer."""

    signataire: signers.SimpleSigner
    certificat: asn1_x509.Certificate

    @property
    def titulaire(self) -> str:
        return str(self.certificat.subject.human_friendly)

    @property
    def empreinte_certificat(self) -> str:
        return empreinte_du_certificat(self.certificat)


def empreinte_du_certificat(certificat: asn1_x509.Certificate) -> str:
    """Le SHA-256 du certificat (DER), en octets hexadécimaux séparés par « : », comme l'affichent
    les lecteurs PDF et ``openssl x509 -fingerprint -sha256``."""
    return ":".join(f"{octet:02X}" for octet in hashlib.sha256(certificat.dump()).digest())


def charger_cles(chemin: Path, mot_de_passe: str) -> Cles:
    """Lit le fichier PKCS#12 ; ``SignatureImpossible`` avec un message clair sinon."""
    try:
        contenu = chemin.read_bytes()
    except FileNotFoundError:
        raise SignatureImpossible(
            f"certificat de signature introuvable : {chemin}. Indiquez le fichier PKCS#12 de la"
            " juridiction (réglage SIGNATURE_PAR_JURIDICTION ou PRETOIRE_SIGNATURE_PKCS12)."
        ) from None
    except OSError as erreur:
        raise SignatureImpossible(
            f"certificat de signature illisible : {chemin} ({erreur.strerror})."
        ) from None
    try:
        cle, certificat, _ = pkcs12.load_key_and_certificates(contenu, mot_de_passe.encode() or None)
    except (ValueError, TypeError):
        raise SignatureImpossible(
            f"certificat de signature illisible : {chemin} n'est pas un fichier PKCS#12 valide, ou son"
            " mot de passe (PRETOIRE_SIGNATURE_MOT_DE_PASSE) est erroné."
        ) from None
    if cle is None or certificat is None:
        raise SignatureImpossible(
            f"certificat de signature incomplet : {chemin} doit contenir la clé privée et le certificat."
        )
    maintenant = datetime.now(UTC)
    if not certificat.not_valid_before_utc <= maintenant <= certificat.not_valid_after_utc:
        raise SignatureImpossible(
            f"certificat de signature hors de sa période de validité ({chemin}) : valable du"
            f" {certificat.not_valid_before_utc:%d/%m/%Y} au {certificat.not_valid_after_utc:%d/%m/%Y}."
        )
    signataire = signers.SimpleSigner.load_pkcs12_data(contenu, (), mot_de_passe.encode() or None)
    return Cles(signataire, asn1_x509.Certificate.load(certificat.public_bytes(serialization.Encoding.DER)))


def certificat_de(chemin: Path, mot_de_passe: str) -> asn1_x509.Certificate | None:
    """Le certificat d'un fichier PKCS#12, ou ``None`` s'il est absent ou illisible."""
    try:
        contenu = chemin.read_bytes()
        _, certificat, _ = pkcs12.load_key_and_certificates(contenu, mot_de_passe.encode() or None)
    except (OSError, ValueError, TypeError):
        return None
    if certificat is None:
        return None
    return asn1_x509.Certificate.load(certificat.public_bytes(serialization.Encoding.DER))


def certificat_pem_ou_der(chemin: Path) -> asn1_x509.Certificate | None:
    try:
        contenu = chemin.read_bytes()
        certificat = (
            x509.load_pem_x509_certificate(contenu)
            if contenu.lstrip().startswith(b"-----")
            else x509.load_der_x509_certificate(contenu)
        )
    except (OSError, ValueError):
        return None
    return asn1_x509.Certificate.load(certificat.public_bytes(serialization.Encoding.DER))


def creer_certificat_auto_signe(
    chemin: Path, juridiction: str, mot_de_passe: str, *, annees: int = 10
) -> None:
    """Une clé et un certificat auto-signé pour la juridiction, écrits d'un bloc (mode 600), et le
    certificat seul à côté (``.pem``).

    Usage : démonstration et essais. Une juridiction réelle utilise le certificat que lui délivre
    son autorité de certification.
    """
    cle = ec.generate_private_key(ec.SECP256R1())
    nom = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, juridiction[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Greffe — {juridiction}"[:64]),
        ]
    )
    maintenant = datetime.now(UTC)
    certificat = (
        x509.CertificateBuilder()
        .subject_name(nom)
        .issuer_name(nom)
        .public_key(cle.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(maintenant - timedelta(days=1))
        .not_valid_after(maintenant + timedelta(days=365 * annees))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(cle.public_key()), critical=False)
        .sign(cle, hashes.SHA256())
    )
    chiffrement = (
        serialization.BestAvailableEncryption(mot_de_passe.encode())
        if mot_de_passe
        else serialization.NoEncryption()
    )
    contenu = pkcs12.serialize_key_and_certificates(
        f"Greffe — {juridiction}".encode(), cle, certificat, None, chiffrement
    )
    # Le certificat seul (public), à côté : la juridiction le publie pour qui veut vérifier.
    _ecrire_d_un_bloc(chemin.with_suffix(".pem"), certificat.public_bytes(serialization.Encoding.PEM), 0o644)
    _ecrire_d_un_bloc(chemin, contenu, 0o600)


def _ecrire_d_un_bloc(chemin: Path, contenu: bytes, mode: int) -> None:
    chemin.parent.mkdir(parents=True, exist_ok=True)
    descripteur, temporaire = tempfile.mkstemp(dir=chemin.parent, suffix=".part")
    try:
        with os.fdopen(descripteur, "wb") as flux:
            flux.write(contenu)
        os.chmod(temporaire, mode)
        os.replace(temporaire, chemin)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Apposition:
    """Une signature à apposer : le champ, la personne qui signe et pourquoi."""

    champ: str
    nom: str
    motif: str
    lieu: str


def signer(pdf: bytes, cles: Cles, appositions: Sequence[Apposition]) -> bytes:
    """Appose les signatures l'une après l'autre (mises à jour incrémentales PAdES)."""
    for apposition in appositions:
        ecrivain = IncrementalPdfFileWriter(io.BytesIO(pdf))
        meta = signers.PdfSignatureMetadata(
            field_name=apposition.champ,
            name=apposition.nom,
            reason=apposition.motif,
            location=apposition.lieu,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        pdf = signers.PdfSigner(meta, cles.signataire).sign_pdf(ecrivain).getvalue()
    return pdf


@dataclass(frozen=True)
class SignatureLue:
    champ: str
    nom: str
    motif: str
    titulaire: str
    signee_le: datetime | None
    intacte: bool
    valide: bool
    reconnue: bool
    # Rien n'a été ajouté après elle, sinon la signature suivante et rien d'autre.
    couvre_la_suite: bool
    erreur: str = ""
    empreinte_certificat: str = ""
    revision: int = 0  # la révision du PDF que cette signature ajoute

    @property
    def verdict(self) -> str:
        if self.erreur or not (self.intacte and self.valide):
            return "invalide"
        if not self.couvre_la_suite:
            return "invalide : le document a été modifié après cette signature"
        if not self.reconnue:
            return "intègre, mais le certificat du signataire n'est pas reconnu par cette installation"
        return "valide"

    @property
    def est_valide(self) -> bool:
        return self.verdict == "valide"


@dataclass(frozen=True)
class PdfLu:
    signatures: list[SignatureLue]
    mots_cles: str
    erreur: str = ""  # le PDF commence comme un PDF mais sa structure est rompue


def lire(pdf: bytes, certificats_reconnus: Iterable[asn1_x509.Certificate]) -> PdfLu:
    """Les signatures d'un PDF, dans l'ordre où elles ont été apposées, et leurs vérifications ;
    ``PdfIllisible`` si ce n'en est pas un.

    Chaque signature doit être suivie immédiatement de la suivante, et la dernière couvrir tout le
    fichier : une mise à jour incrémentale ajoutée après coup (titre réécrit, page ajoutée) rend
    invalide la signature qu'elle suit.
    """
    if not pdf.lstrip()[:5] == b"%PDF-":
        raise PdfIllisible("le fichier n'est pas un PDF (il ne commence pas par « %PDF- »).")
    racines = list(certificats_reconnus)
    # pyHanko journalise chaque anomalie avec sa pile d'appels : le verdict suffit ici.
    journal_pyhanko = logging.getLogger("pyhanko")
    niveau, journal_pyhanko.level = journal_pyhanko.level, logging.CRITICAL
    try:
        lecteur = PdfFileReader(io.BytesIO(pdf))
        # TrailerDictionary n'a pas de méthode get.
        info = lecteur.trailer["/Info"] if "/Info" in lecteur.trailer else None  # noqa: SIM401
        mots_cles = str(info.get("/Keywords", "")) if info is not None else ""
        apposees = sorted(lecteur.embedded_signatures, key=lambda s: s.signed_revision)
        signatures = [
            _verifier(signature, racines, suivante=suivante)
            for signature, suivante in zip(apposees, [*apposees[1:], None], strict=False)
        ]
    except Exception as erreur:  # même raison que dans _verifier : un PDF hostile ne fait rien planter
        return PdfLu([], "", erreur=f"structure du PDF rompue ({erreur})")
    finally:
        journal_pyhanko.level = niveau
    return PdfLu(signatures, mots_cles)


def _longueur_der(contenu: bytes) -> int:
    """La longueur de la structure DER (en-tête compris) qui commence ``contenu``."""
    if len(contenu) < 2:
        return len(contenu)
    longueur = contenu[1]
    if longueur < 0x80:
        return 2 + longueur
    octets = longueur & 0x7F
    return 2 + octets + int.from_bytes(contenu[2 : 2 + octets], "big")


def _verifier(
    signature: EmbeddedPdfSignature,
    racines: list[asn1_x509.Certificate],
    *,
    suivante: EmbeddedPdfSignature | None,
) -> SignatureLue:
    dictionnaire = signature.sig_object
    champ = str(signature.field_name)
    nom, motif = str(dictionnaire.get("/Name", "")), str(dictionnaire.get("/Reason", ""))
    conteneur = bytes(dictionnaire["/Contents"])
    if any(conteneur[_longueur_der(conteneur) :]):
        # La réserve qui suit la signature CMS est hors du champ signé : elle doit rester à zéro.
        return SignatureLue(
            champ, nom, motif, "", None, False, False, False, False, erreur="réserve modifiée"
        )
    try:
        etat = validate_pdf_signature(signature, ValidationContext(trust_roots=racines, allow_fetching=False))
    except Exception as erreur:
        # Un PDF altéré fait échouer pyHanko de bien des façons : toute erreur vaut invalidité,
        # jamais un plantage du vérificateur.
        return SignatureLue(champ, nom, motif, "", None, False, False, False, False, erreur=str(erreur))
    revision = signature.signed_revision
    if suivante is None:
        couvre = etat.coverage is SignatureCoverageLevel.ENTIRE_FILE
    else:
        # La révision qui suit est celle de la signature suivante, qui couvre à son tour la suite.
        couvre = (
            suivante.signed_revision == revision + 1
            and etat.docmdp_ok is not False
            and etat.modification_level in MODIFICATIONS_PERMISES
        )
    return SignatureLue(
        champ=champ,
        nom=nom,
        motif=motif,
        titulaire=str(etat.signing_cert.subject.human_friendly),
        signee_le=etat.signer_reported_dt,
        intacte=bool(etat.intact),
        valide=bool(etat.valid),
        reconnue=bool(etat.trusted),
        couvre_la_suite=couvre,
        empreinte_certificat=empreinte_du_certificat(etat.signing_cert),
        revision=revision,
    )
