"""Générer un document signé (une nouvelle version à chaque fois), le faire signer par ceux
qui signent après le greffe, et vérifier un PDF.

La chaîne est la même pour toutes les natures : le contenu (``contenus``), le gabarit Typst
(``rendu``), la signature PAdES du greffe (``signature``), puis l'enregistrement atomique de la
version. Les signatures attendues ensuite (``signataires``) s'apposent une à une, chacune par son
titulaire dans sa session (``do_signer_document``). Tout ce qui peut échouer (journal,
signataires, clé) échoue avant que rien ne soit écrit.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks import task

from pretoire.comptes.models import Utilisateur
from pretoire.deposition.models import Deposition
from pretoire.journal.actions import ancrer_la_tete, verifier_journal
from pretoire.law.redaction import date_en_lettres, date_en_toutes_lettres, heure, jour_a_paris
from pretoire.proces.access import roles_dans_affaire
from pretoire.proces.models import Affaire, Juridiction, Role

from .contenus import (
    Contenu,
    DocumentImpossible,
    apposition,
    contenu_de_l_extrait,
    contenu_de_la_feuille,
    contenu_de_la_feuille_de_motivation,
    contenu_de_la_feuille_repondue,
    contenu_du_proces_verbal,
)
from .models import BATTEMENT, Document, EtatGeneration, Generation, NatureDocument, Signature
from .rendu import rendre_pdf
from .segment import segment_du_journal
from .signataires import (
    CHAMP_DU_ROLE,
    ROLE_DU_CHAMP,
    ROLES_SIGNES_A_LA_GENERATION,
    en_clair,
    signataires_attendus,
)
from .signature import (
    Cles,
    PdfLu,
    SignatureImpossible,
    SignatureLue,
    certificat_de,
    certificat_pem_ou_der,
    charger_cles,
    lire,
    signer,
)

journal_serveur = logging.getLogger(__name__)

Progression = Callable[[str, int], None]
PREFIXE = "pretoire-"


def _sans_progression(etape: str, avancement: int) -> None:
    del etape, avancement


def reglage_de_signature(juridiction: Juridiction) -> dict[str, Any]:
    reglages = settings.SIGNATURE_PAR_JURIDICTION
    reglage = reglages.get(juridiction.nom) or reglages.get("*")
    if reglage is None:
        raise SignatureImpossible(
            f"aucune clé de signature n'est configurée pour « {juridiction.nom} » (réglage"
            " SIGNATURE_PAR_JURIDICTION)."
        )
    return dict(reglage)


def cles_de_la_juridiction(juridiction: Juridiction) -> Cles:
    reglage = reglage_de_signature(juridiction)
    return charger_cles(Path(reglage["pkcs12"]), reglage.get("mot_de_passe", ""))


def certificats_reconnus() -> list[asn1_x509.Certificate]:
    """Les certificats des juridictions configurées, et ceux que les réglages ajoutent."""
    certificats = [
        certificat_de(Path(r["pkcs12"]), r.get("mot_de_passe", ""))
        for r in settings.SIGNATURE_PAR_JURIDICTION.values()
    ]
    certificats += [certificat_pem_ou_der(Path(c)) for c in settings.SIGNATURE_CERTIFICATS_RECONNUS]
    return [c for c in certificats if c is not None]


def _contenu(
    affaire: Affaire,
    nature: NatureDocument,
    *,
    deposition: Deposition | None,
    premier: int | None,
    dernier: int | None,
    provisoire: bool,
    etabli_le: datetime,
) -> Contenu:
    if nature is NatureDocument.PROCES_VERBAL:
        if deposition is None or deposition.affaire_id != affaire.pk:
            raise DocumentImpossible(f"choisissez une déposition de l'affaire {affaire.numero}.")
        return contenu_du_proces_verbal(deposition, etabli_le=etabli_le, provisoire=provisoire)
    if nature is NatureDocument.FEUILLE_DE_QUESTIONS:
        return contenu_de_la_feuille(affaire)
    if nature is NatureDocument.FEUILLE_REPONDUE:
        return contenu_de_la_feuille_repondue(affaire)
    if nature is NatureDocument.FEUILLE_DE_MOTIVATION:
        return contenu_de_la_feuille_de_motivation(affaire)
    return contenu_de_l_extrait(affaire, premier, dernier)


def prochaine_version(affaire: Affaire, nature: NatureDocument, deposition: Deposition | None) -> int:
    versions = Document.objects.filter(affaire=affaire, nature=nature, deposition=deposition)
    return (versions.aggregate(derniere=Max("version"))["derniere"] or 0) + 1


def _nature_titre(nature: str, provisoire: bool) -> str:
    titre = NatureDocument(nature).label
    return f"{titre} provisoire" if provisoire else titre


def motif_de_signature(document: Document) -> str:
    """Ce que chaque signature du document déclare signer : la version et le segment du journal."""
    titre = _nature_titre(document.nature, document.provisoire)
    return (
        f"{titre}, version {document.version} — journal d'audience, événements n°"
        f" {document.journal_premier} à {document.journal_dernier}, SHA-256 {document.empreinte_journal}"
    )


def mots_cles(affaire: Affaire, contenu: Contenu, version: int) -> list[str]:
    """Ce que la vérification relit dans le PDF pour retrouver l'affaire et le segment du journal."""
    mots = [
        "Prétoire",
        f"{PREFIXE}nature={contenu.nature}",
        f"{PREFIXE}affaire={affaire.pk}",
        f"{PREFIXE}juridiction={affaire.juridiction.type}",
        f"{PREFIXE}numero={affaire.numero.replace(',', ' ')}",
        f"{PREFIXE}journal={contenu.segment.premier}-{contenu.segment.dernier}",
        f"{PREFIXE}sha256={contenu.segment.empreinte}",
        f"{PREFIXE}version={version}",
    ]
    if contenu.deposition is not None:
        mots.append(f"{PREFIXE}deposition={contenu.deposition.pk}")
    return mots


def do_generer_document(
    affaire: Affaire,
    nature: NatureDocument,
    *,
    deposition: Deposition | None = None,
    premier: int | None = None,
    dernier: int | None = None,
    provisoire: bool = False,
    auteur: Utilisateur | None = None,
    progression: Progression = _sans_progression,
    roles_de_l_auteur: frozenset[Role] = frozenset(),
) -> Document:
    """Établit, compose, signe et enregistre une nouvelle version ; les précédentes restent.

    ``roles_de_l_auteur`` : les rôles que l'auteur, dans sa propre session, tient dans l'affaire
    (le président qui scelle la feuille répondue) ; ils signent avec ceux du greffe.

    Lève ``DocumentImpossible`` ou ``SignatureImpossible`` (messages en français) sans rien écrire.
    """
    etabli_le = timezone.now()
    progression("Lecture du journal d'audience", 5)
    contenu = _contenu(
        affaire,
        nature,
        deposition=deposition,
        premier=premier,
        dernier=dernier,
        provisoire=provisoire,
        etabli_le=etabli_le,
    )
    cles = cles_de_la_juridiction(affaire.juridiction)
    version = prochaine_version(affaire, nature, contenu.deposition)
    titre = _nature_titre(contenu.nature, contenu.provisoire)
    segment = contenu.segment
    document = Document(
        affaire=affaire,
        nature=nature,
        deposition=contenu.deposition,
        version=version,
        provisoire=contenu.provisoire,
        journal_premier=segment.premier,
        journal_dernier=segment.dernier,
        empreinte_journal=segment.empreinte,
        signataires=" ; ".join(f"{nom}, {en_clair(role)}" for role, nom in contenu.signataires),
        signatures_attendues=",".join(role.value for role, _ in contenu.signataires),
        cree_le=etabli_le,
        cree_par=auteur,
        cree_par_libelle=auteur.nom_complet() if auteur else "ligne de commande",
    )
    jour = jour_a_paris(etabli_le)
    metadonnees = {
        "nature": nature.value,
        "titre": titre,
        "version": version,
        "provisoire": contenu.provisoire,
        "numero_affaire": affaire.numero,
        "journal": {
            "premier": segment.premier,
            "dernier": segment.dernier,
            "nombre": len(segment.evenements),
            "empreinte": segment.empreinte,
        },
        "etabli_le": f"{date_en_toutes_lettres(jour)} à {heure(etabli_le)}",
        "etabli_le_lettres": date_en_lettres(jour),
        "signataires": [f"{nom} ({en_clair(role)})" for role, nom in contenu.signataires],
        "certificat": {"titulaire": cles.titulaire, "empreinte": cles.empreinte_certificat},
        "fichier": document.nom_de_fichier,
        "mots_cles": mots_cles(affaire, contenu, version),
    }
    progression("Composition du PDF/A (Typst)", 20)
    pdf = rendre_pdf(contenu.modele, {**contenu.donnees, "document": metadonnees})
    progression("Signature électronique (PAdES)", 75)
    # Le greffe signe ce qui lui revient ; le président signera dans sa propre session.
    appositions = contenu.appositions(
        ROLES_SIGNES_A_LA_GENERATION | roles_de_l_auteur,
        motif_de_signature(document),
        affaire.juridiction.siege,
    )
    pdf = signer(pdf, cles, appositions)
    progression(f"Enregistrement de la version {version}", 95)
    document.empreinte_pdf = hashlib.sha256(pdf).hexdigest()
    signatures = [
        Signature(
            role=ROLE_DU_CHAMP[a.champ],
            utilisateur=auteur,
            nom=a.nom,
            signee_le=timezone.now(),
            empreinte_certificat=cles.empreinte_certificat,
        )
        for a in appositions
    ]
    return _enregistrer(document, pdf, signatures)


def _enregistrer(document: Document, pdf: bytes, signatures: Sequence[Signature]) -> Document:
    """Le fichier et sa ligne ensemble, ou ni l'un ni l'autre."""
    chemin = f"{document.affaire_id}/{document.nom_de_fichier}"
    nom = ""
    try:
        with transaction.atomic():
            Affaire.objects.select_for_update().get(pk=document.affaire_id)
            if prochaine_version(document.affaire, NatureDocument(document.nature), document.deposition) != (
                document.version
            ):
                raise DocumentImpossible(
                    "une autre version de ce document vient d'être enregistrée : relancez la génération."
                )
            nom = document.fichier.storage.save(chemin, ContentFile(pdf))
            document.fichier.name = nom
            document.save(force_insert=True)
            for signature in signatures:
                signature.document = document
                signature.save(force_insert=True)
            # Le journal tel que ce document l'a vu est attesté hors de la base.
            ancrer_la_tete(document.affaire, f"{document} générée")
    except BaseException:
        if nom:
            document.fichier.storage.delete(nom)
        raise
    return document


def do_signer_document(document: Document, signataire: Utilisateur) -> Document:
    """Appose la signature attendue maintenant (le président) par ``signataire``, dans sa session.

    La vue a vérifié que ``signataire`` tient ce rôle dans l'affaire. Lève ``DocumentImpossible``
    ou ``SignatureImpossible`` (messages en français) sans rien écrire.
    """
    role = document.en_attente_de
    if role is None:
        raise DocumentImpossible(f"la version {document.version} porte déjà toutes ses signatures.")
    if role in ROLES_SIGNES_A_LA_GENERATION:
        raise DocumentImpossible("cette signature s'appose à la génération du document.")
    if any(s.utilisateur_id == signataire.pk for s in document.signatures.all()):
        # Une personne ne signe pas deux fois sous deux qualités : deux signatures, deux personnes.
        raise DocumentImpossible(
            f"vous avez déjà signé la version {document.version} à un autre titre : la signature du"
            f" {en_clair(role)} doit venir d'une autre personne."
        )
    with document.fichier.open("rb") as flux:
        pdf = flux.read()
    if hashlib.sha256(pdf).hexdigest() != document.empreinte_pdf:
        raise DocumentImpossible(
            f"le fichier de la version {document.version} ne correspond plus à l'empreinte enregistrée"
            " à sa génération : il n'est pas signé. Régénérez le document."
        )
    cles = cles_de_la_juridiction(document.affaire.juridiction)
    a_apposer = apposition(
        role, signataire.nom_complet(), motif_de_signature(document), document.affaire.juridiction.siege
    )
    signe = signer(pdf, cles, [a_apposer])
    ancien = str(document.fichier.name)
    nom = ""
    try:
        with transaction.atomic():
            verrouille = Document.objects.select_for_update().get(pk=document.pk)
            if verrouille.empreinte_pdf != document.empreinte_pdf:
                raise DocumentImpossible(
                    f"la version {document.version} vient d'être signée dans une autre session."
                )
            nom = document.fichier.storage.save(
                f"{document.affaire_id}/{document.nom_de_fichier}", ContentFile(signe)
            )
            document.fichier.name = nom
            document.empreinte_pdf = hashlib.sha256(signe).hexdigest()
            document.save(update_fields=["fichier", "empreinte_pdf"])
            Signature.objects.create(
                document=document,
                role=role,
                utilisateur=signataire,
                nom=a_apposer.nom,
                signee_le=timezone.now(),
                empreinte_certificat=cles.empreinte_certificat,
            )
            ancrer_la_tete(document.affaire, f"{document} signée ({en_clair(role)})")
            # Le fichier à une seule signature est un préfixe exact du nouveau : le garder ne
            # servirait qu'à qui voudrait le faire passer pour complet.
            transaction.on_commit(lambda: document.fichier.storage.delete(ancien))
    except BaseException:
        if nom:
            document.fichier.storage.delete(nom)
        raise
    return document


# --- Génération en file, suivie depuis la page du greffe ----------------------------------------
#
# La demande et sa tâche s'écrivent dans la base, ensemble (django-tasks, file en base) : tout
# serveur peut demander, tout exécutant (``pretoire worker``) peut prendre. Un exécutant compose
# une génération à la fois ; on en lance autant que la machine a de cœurs à y consacrer. Il bat
# pendant qu'il travaille : s'il meurt, le bail expire et la page le dit (docs/decisions/0006).


def do_demander_generation(
    affaire: Affaire,
    nature: NatureDocument,
    *,
    auteur: Utilisateur,
    deposition: Deposition | None = None,
    provisoire: bool = False,
    premier: int | None = None,
    dernier: int | None = None,
) -> Generation:
    with transaction.atomic():
        generation = Generation.objects.create(
            affaire=affaire,
            nature=nature,
            deposition=deposition,
            provisoire=provisoire,
            journal_premier=premier,
            journal_dernier=dernier,
            demandee_par=auteur,
            etape="En attente d'un exécutant",
        )
        tache = generer_en_file.enqueue(generation.pk)
        Generation.objects.filter(pk=generation.pk).update(tache=str(tache.id))
    generation.refresh_from_db()
    return generation


@task()
def generer_en_file(generation_id: int) -> str:
    """La tâche que l'exécutant prend dans la file : l'issue est écrite sur la génération."""
    return executer_generation(generation_id)


def executant_courant() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def executer_generation(generation_id: int) -> str:
    """Prend la génération si elle attend encore, la compose en battant, écrit son issue.

    Rend l'état final ; une génération déjà prise (tâche rejouée) est laissée telle quelle.
    """
    prise = Generation.objects.filter(pk=generation_id, etat=EtatGeneration.EN_ATTENTE).update(
        etat=EtatGeneration.EN_COURS,
        executant=executant_courant(),
        battement_le=timezone.now(),
        etape="Prise par un exécutant",
        avancement=1,
        mise_a_jour_le=timezone.now(),
    )
    generation = Generation.objects.select_related(
        "affaire__session__juridiction", "deposition", "demandee_par"
    ).get(pk=generation_id)
    if not prise:
        return str(generation.etat)

    def avancer(etape: str, avancement: int) -> None:
        maintenant = timezone.now()
        Generation.objects.filter(pk=generation_id).update(
            etape=etape, avancement=avancement, battement_le=maintenant, mise_a_jour_le=maintenant
        )

    with _battements(generation_id):
        try:
            document = do_generer_document(
                generation.affaire,
                NatureDocument(generation.nature),
                deposition=generation.deposition,
                premier=generation.journal_premier,
                dernier=generation.journal_dernier,
                provisoire=generation.provisoire,
                auteur=generation.demandee_par,
                progression=avancer,
            )
        except (DocumentImpossible, SignatureImpossible) as refus:
            return _terminer(generation_id, EtatGeneration.ECHOUEE, message=str(refus))
        except Exception:
            journal_serveur.exception("Génération de document n° %s", generation_id)
            return _terminer(
                generation_id,
                EtatGeneration.ECHOUEE,
                message="erreur inattendue : rien n'a été enregistré ; le détail est au journal du serveur.",
            )
        return _terminer(generation_id, EtatGeneration.TERMINEE, document=document)


@contextmanager
def _battements(generation_id: int) -> Iterator[None]:
    """Le signe de vie de l'exécutant, toutes les ``BATTEMENT``, tant que la composition dure.

    Dans une transaction (génération dans la requête, tests), la génération n'est visible de
    personne d'autre avant sa fin : rien à signaler.
    """
    if transaction.get_connection().in_atomic_block:
        yield
        return
    fin = threading.Event()

    def battre() -> None:
        try:
            while not fin.wait(BATTEMENT.total_seconds()):
                try:
                    Generation.objects.filter(pk=generation_id, etat=EtatGeneration.EN_COURS).update(
                        battement_le=timezone.now()
                    )
                except DatabaseError:
                    # Un battement manqué (base occupée) : le bail en couvre plusieurs.
                    journal_serveur.warning("Battement manqué pour la génération n° %s", generation_id)
        finally:
            connection.close()

    fil = threading.Thread(target=battre, name=f"battement-{generation_id}", daemon=True)
    fil.start()
    try:
        yield
    finally:
        fin.set()
        fil.join()


def _terminer(
    generation_id: int, etat: EtatGeneration, *, message: str = "", document: Document | None = None
) -> str:
    Generation.objects.filter(pk=generation_id).update(
        etat=etat,
        message=message,
        document=document,
        avancement=100,
        etape="Terminé" if document else "Échec",
        mise_a_jour_le=timezone.now(),
    )
    return str(etat)


# --- Vérification ---------------------------------------------------------------------------------


@dataclass
class ComparaisonAuJournal:
    concordante: bool | None  # None : comparaison impossible ou non permise
    message: str
    chaine: str = ""


@dataclass
class RapportDeVerification:
    signatures: list[SignatureLue]
    erreur_pdf: str
    metadonnees: dict[str, str]
    journal: ComparaisonAuJournal
    incoherences: list[str] = field(default_factory=list)
    signatures_manquantes: list[str] = field(default_factory=list)  # « président »…

    @property
    def signatures_valides(self) -> bool:
        return bool(self.signatures) and not self.erreur_pdf and all(s.est_valide for s in self.signatures)

    @property
    def valide(self) -> bool:
        return self.signatures_valides and not self.incoherences and self.journal.concordante is True

    @property
    def verdict(self) -> str:
        if self.valide:
            return "document authentique et conforme au journal."
        if self.signatures_valides and not self.incoherences and self.journal.concordante is None:
            return "signatures valides ; concordance avec le journal d'audience non vérifiée."
        if self.signatures_manquantes:
            manquantes = " et ".join(f"du {role}" for role in self.signatures_manquantes)
            return f"NON VÉRIFIÉ : il manque la signature {manquantes}."
        return "NON VÉRIFIÉ."

    def lignes(self) -> list[str]:
        """Le rapport en français, une constatation par ligne."""
        lignes = []
        if self.erreur_pdf:
            lignes.append(f"Signature invalide : {self.erreur_pdf}.")
        elif not self.signatures:
            lignes.append("Aucune signature électronique dans ce PDF.")
        for rang, s in enumerate(self.signatures, start=1):
            quand = (
                f"le {date_en_toutes_lettres(jour_a_paris(s.signee_le))}"
                f" à {heure(s.signee_le)} (heure de Paris)"
                if s.signee_le
                else "heure inconnue"
            )
            titulaire = (
                f" ; certificat : {s.titulaire} (empreinte SHA-256 {s.empreinte_certificat})"
                if s.titulaire
                else ""
            )
            lignes.append(
                f"Signature n° {rang} ({s.champ}) : {s.verdict} —"
                f" {s.nom or 'signataire non nommé'}, {quand}{titulaire}."
            )
            if s.erreur:
                lignes.append(f"    détail : {s.erreur}")
        lignes.extend(self.incoherences)
        lignes.append(self.journal.message)
        if self.journal.chaine:
            lignes.append(f"Journal de l'affaire : {self.journal.chaine}")
        lignes.append(f"Verdict : {self.verdict}")
        return lignes


def lire_mots_cles(mots_cles: str) -> dict[str, str]:
    """Les couples ``pretoire-clé=valeur`` des mots-clés du PDF.

    >>> lire_mots_cles("Prétoire, pretoire-affaire=3, pretoire-journal=1-9")
    {'affaire': '3', 'journal': '1-9'}
    """
    couples = {}
    for mot in mots_cles.split(","):
        cle, egal, valeur = mot.strip().partition("=")
        if egal and cle.startswith(PREFIXE):
            couples[cle.removeprefix(PREFIXE)] = valeur
    return couples


def verifier_pdf(
    pdf: bytes,
    *,
    utilisateur: Utilisateur | None = None,
    autres_certificats: Sequence[asn1_x509.Certificate] = (),
) -> RapportDeVerification:
    """Signatures, et concordance de l'empreinte portée avec le journal actuel de l'affaire.

    ``utilisateur`` : sur la page web, la comparaison au journal est réservée aux personnes
    affectées à l'affaire ; la ligne de commande (``None``) compare toujours. Lève
    ``PdfIllisible`` si le fichier n'est pas un PDF. ``autres_certificats`` : certificats publiés
    par une juridiction, reconnus en plus de ceux des réglages.
    """
    lu: PdfLu = lire(pdf, [*certificats_reconnus(), *autres_certificats])
    metadonnees = lire_mots_cles(lu.mots_cles)
    incoherences = [
        f"Incohérence : l'empreinte des métadonnées n'est pas celle que la signature « {s.champ} » scelle."
        for s in lu.signatures
        if metadonnees.get("sha256") and metadonnees["sha256"] not in s.motif
    ]
    manquantes: list[str] = []
    if "nature" in metadonnees:
        attendus = signataires_attendus(metadonnees["nature"], metadonnees.get("juridiction", ""))
        constat, manquantes = constater_les_signataires([s.champ for s in lu.signatures], attendus)
        incoherences.extend(constat)
    return RapportDeVerification(
        signatures=lu.signatures,
        erreur_pdf=lu.erreur,
        metadonnees=metadonnees,
        journal=comparer_au_journal(metadonnees, utilisateur),
        incoherences=incoherences,
        signatures_manquantes=manquantes,
    )


def constater_les_signataires(champs: Sequence[str], attendus: Sequence[Role]) -> tuple[list[str], list[str]]:
    """Les signatures portées (champs, dans l'ordre) comparées à celles que la nature exige :
    les constats d'écart et les rôles dont la signature manque."""
    if not attendus:
        return ["Nature de document inconnue : rien ne dit qui doit le signer."], []
    exiges = [CHAMP_DU_ROLE[role] for role in attendus]
    if list(champs) == exiges:
        return [], []
    liste = ", puis ".join(en_clair(role) for role in attendus)
    if list(champs) == exiges[: len(champs)]:
        manquants = [en_clair(role) for role in attendus[len(champs) :]]
        return [
            f"Signature manquante : ce document doit être signé par {liste} ; la signature"
            f" {' et '.join(f'du {m}' for m in manquants)} n'y est pas (document en attente de"
            " signature, ou signature retirée)."
        ], manquants
    portees = ", ".join(champs) or "aucune"
    return [f"Signatures inattendues : ce document doit être signé par {liste} ; il porte : {portees}."], []


def comparer_au_journal(metadonnees: dict[str, str], utilisateur: Utilisateur | None) -> ComparaisonAuJournal:
    try:
        affaire_id = int(metadonnees["affaire"])
        premier, _, dernier = metadonnees["journal"].partition("-")
        bornes = int(premier), int(dernier)
        porte = metadonnees["sha256"]
    except (KeyError, ValueError):
        return ComparaisonAuJournal(None, "Ce PDF ne porte pas d'empreinte de journal d'audience Prétoire.")
    numero = metadonnees.get("numero", "?")
    try:
        affaire = Affaire.objects.select_related("session__juridiction").filter(pk=affaire_id).first()
    except DatabaseError:
        return ComparaisonAuJournal(
            None,
            f"Comparaison au journal de l'affaire n° {numero} impossible : aucune base Prétoire ici"
            " (indiquez --data-dir ou DATABASE_URL).",
        )
    if affaire is None or affaire.numero.replace(",", " ") != numero:
        return ComparaisonAuJournal(
            False,
            f"L'affaire n° {numero} que ce PDF désigne n'existe pas dans cette base :"
            " comparaison impossible.",
        )
    if utilisateur is not None and not roles_dans_affaire(utilisateur, affaire):
        return ComparaisonAuJournal(
            None,
            f"Comparaison au journal de l'affaire n° {numero} réservée aux personnes qui y sont affectées.",
        )
    segment = segment_du_journal(affaire, *bornes)
    chaine = verifier_journal(affaire).message
    if not segment.complet:
        return ComparaisonAuJournal(
            False,
            f"Journal modifié : des {segment.libelle} de l'affaire n° {numero},"
            " certains manquent aujourd'hui.",
            chaine,
        )
    if segment.empreinte != porte:
        return ComparaisonAuJournal(
            False,
            f"Journal modifié depuis la signature : l'empreinte portée par le PDF ({porte}) ne concorde plus"
            f" avec celle des {segment.libelle} du journal actuel de l'affaire n° {numero}"
            f" ({segment.empreinte}).",
            chaine,
        )
    return ComparaisonAuJournal(
        True,
        f"L'empreinte du journal concorde avec le journal actuel de l'affaire n° {numero} ({segment.libelle},"
        f" SHA-256 {porte}).",
        chaine,
    )
