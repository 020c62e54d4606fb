"""Les documents signés en ligne de commande.

``pretoire pv AFFAIRE DEPOSITION -o FICHIER.pdf``   procès-verbal des opérations d'une déposition
``pretoire feuille AFFAIRE -o FICHIER.pdf``         feuille de questions, signée
``pretoire extrait AFFAIRE -o FICHIER.pdf``         extrait du journal d'audience, signé
``pretoire verify FICHIER.pdf [--certificat C.pem]`` signatures et concordance avec le journal

Chaque génération enregistre aussi une nouvelle version dans Prétoire (comme depuis la page du
greffe). Entrée invalide : code 2, rien d'écrit ; vérification négative : code 1.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import ErreurUtilisateur
from .django import AIDE_DATA_DIR, preparer_django
from .questions import ecrire_atomiquement

if TYPE_CHECKING:
    from pretoire.documents.models import Document, NatureDocument
    from pretoire.proces.models import Affaire


def ajouter(sous_analyseurs: Any) -> None:
    pv = sous_analyseurs.add_parser(
        "pv", help="Procès-verbal des opérations d'une déposition à distance (PDF signé)"
    )
    pv.add_argument("affaire", help="numéro d'affaire (par exemple 26/00042) ou identifiant numérique")
    pv.add_argument("deposition", help="numéro de la déposition à distance")
    pv.add_argument(
        "--provisoire",
        action="store_true",
        help="accepter une déposition en cours (PV marqué « provisoire »)",
    )
    feuille = sous_analyseurs.add_parser("feuille", help="Feuille de questions de l'affaire (PDF signé)")
    feuille.add_argument("affaire", help="numéro d'affaire ou identifiant numérique")
    extrait = sous_analyseurs.add_parser("extrait", help="Extrait du journal d'audience (PDF signé)")
    extrait.add_argument("affaire", help="numéro d'affaire ou identifiant numérique")
    extrait.add_argument("--du", type=int, help="premier événement (1 par défaut)")
    extrait.add_argument("--au", type=int, help="dernier événement (le dernier consigné par défaut)")
    for commande, nature in (
        (pv, "proces_verbal"),
        (feuille, "feuille_de_questions"),
        (extrait, "extrait_du_journal"),
    ):
        commande.add_argument("-o", "--sortie", type=Path, required=True, help="fichier PDF à écrire")
        commande.add_argument("--data-dir", type=Path, help=AIDE_DATA_DIR)
        commande.set_defaults(executer=generer, nature=nature)
    verify = sous_analyseurs.add_parser(
        "verify", help="Vérifier un PDF signé : signatures et empreinte du journal d'audience"
    )
    verify.add_argument("fichier", type=Path, help="le PDF à vérifier")
    verify.add_argument(
        "--certificat",
        type=Path,
        action="append",
        default=[],
        help="certificat publié par la juridiction (PEM ou DER), reconnu en plus de ceux des réglages",
    )
    verify.add_argument("--data-dir", type=Path, help=AIDE_DATA_DIR)
    verify.set_defaults(executer=verifier)


def affaire_designee(designation: str) -> Affaire:
    from pretoire.proces.models import Affaire

    trouvees = list(Affaire.objects.select_related("session__juridiction").filter(numero=designation))
    if not trouvees and designation.isdigit():
        trouvees = list(Affaire.objects.select_related("session__juridiction").filter(pk=int(designation)))
    if not trouvees:
        raise ErreurUtilisateur(f"aucune affaire « {designation} » dans cette base.")
    if len(trouvees) > 1:
        ids = ", ".join(str(a.pk) for a in trouvees)
        raise ErreurUtilisateur(
            f"plusieurs affaires portent le numéro « {designation} » : précisez l'identifiant ({ids})."
        )
    return trouvees[0]


def generer(arguments: argparse.Namespace) -> int:
    sortie: Path = arguments.sortie
    if not sortie.parent.resolve().is_dir():
        raise ErreurUtilisateur(f"{sortie.parent} : répertoire introuvable.")
    if sortie.is_dir():
        raise ErreurUtilisateur(f"{sortie} est un répertoire : donnez un nom de fichier PDF.")
    preparer_django(arguments.data_dir)
    from pretoire.documents.actions import do_generer_document
    from pretoire.documents.contenus import DocumentImpossible
    from pretoire.documents.models import NatureDocument
    from pretoire.documents.signature import SignatureImpossible

    affaire = affaire_designee(arguments.affaire)
    nature = NatureDocument(arguments.nature)
    deposition = (
        _deposition(affaire, arguments.deposition) if nature is NatureDocument.PROCES_VERBAL else None
    )
    try:
        document = do_generer_document(
            affaire,
            nature,
            deposition=deposition,
            premier=getattr(arguments, "du", None),
            dernier=getattr(arguments, "au", None),
            provisoire=getattr(arguments, "provisoire", False),
        )
    except (DocumentImpossible, SignatureImpossible) as refus:
        raise ErreurUtilisateur(str(refus)) from refus
    with document.fichier.open("rb") as flux:
        ecrire_atomiquement(sortie, flux.read())
    print(_resume(document, nature))
    print(f"Écrit : {sortie}")
    return 0


def _deposition(affaire: Affaire, designation: str) -> Any:
    from pretoire.deposition.models import Deposition

    deposition = (
        Deposition.objects.select_related("affaire__session__juridiction", "jour")
        .filter(affaire=affaire, pk=int(designation))
        .first()
        if designation.isdigit()
        else None
    )
    if deposition is None:
        connues = "; ".join(
            f"{d.pk} ({d.deposant}, {d.etat_deposition.libelle})" for d in affaire.depositions.order_by("pk")
        )
        raise ErreurUtilisateur(
            f"aucune déposition n° {designation} dans l'affaire {affaire.numero}."
            + (
                f" Dépositions à distance de l'affaire : {connues}."
                if connues
                else " L'affaire n'en compte aucune."
            )
        )
    return deposition


def _resume(document: Document, nature: NatureDocument) -> str:
    from pretoire.documents.signataires import en_clair

    provisoire = " (provisoire)" if document.provisoire else ""
    signee = " ; ".join(s.nom for s in document.signatures.all()) or "personne encore"
    resume = (
        f"{nature.label}{provisoire}, version {document.version}, signé par {signee} —"
        f" journal n° {document.journal_premier} à {document.journal_dernier},"
        f" SHA-256 {document.empreinte_journal}"
    )
    attendu = document.en_attente_de
    if attendu is not None:
        resume += (
            f"\nEN ATTENTE de la signature du {en_clair(attendu)}, qu'il appose lui-même depuis la page"
            " « Documents signés » de l'affaire : jusque-là, ce PDF n'est pas authentique."
        )
    return resume


def verifier(arguments: argparse.Namespace) -> int:
    fichier: Path = arguments.fichier
    try:
        contenu = fichier.read_bytes()
    except FileNotFoundError as erreur:
        raise ErreurUtilisateur(f"{fichier} : fichier introuvable.") from erreur
    except OSError as erreur:
        raise ErreurUtilisateur(f"{fichier} : lecture impossible ({erreur.strerror}).") from erreur
    if arguments.data_dir is None and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        # Hors de la cour : ni réglages ni base, seulement le PDF et les certificats donnés ;
        # un dossier vide et temporaire en tient lieu (la concordance est dite non vérifiée).
        with tempfile.TemporaryDirectory(prefix="pretoire-verify-") as dossier_vide:
            arguments.data_dir = Path(dossier_vide)
            return verifier(arguments)
    preparer_django(arguments.data_dir)
    from pretoire.documents.actions import verifier_pdf
    from pretoire.documents.signature import PdfIllisible, certificat_pem_ou_der

    certificats = []
    for chemin in arguments.certificat:
        certificat = certificat_pem_ou_der(chemin)
        if certificat is None:
            raise ErreurUtilisateur(f"{chemin} : certificat illisible (PEM ou DER attendu).")
        certificats.append(certificat)
    try:
        rapport = verifier_pdf(contenu, autres_certificats=certificats)
    except PdfIllisible as erreur:
        raise ErreurUtilisateur(f"{fichier} : {erreur}") from erreur
    print(f"Vérification de {fichier}")
    for ligne in rapport.lignes():
        print(ligne)
    return 0 if rapport.valide else 1
