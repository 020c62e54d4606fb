"""Un document signé dit ce qu'il est, rien de plus : l'adversaire réécrit le titre après la
signature, retire la signature du président, ou fait signer « le président » sans lui."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from pretoire.comptes.models import Utilisateur
from pretoire.deposition.models import Deposition
from pretoire.documents.actions import (
    cles_de_la_juridiction,
    do_generer_document,
    do_signer_document,
    verifier_pdf,
)
from pretoire.documents.contenus import DocumentImpossible
from pretoire.documents.models import Document, NatureDocument
from pretoire.documents.signature import Apposition, signer
from pretoire.proces.models import Affaire, Role, TypeJuridiction

from .conftest import texte_du_pdf

pytestmark = pytest.mark.django_db


def octets(document: Document) -> bytes:
    document.refresh_from_db()
    return Path(document.fichier.path).read_bytes()


def titre_reecrit(pdf: bytes, titre: str) -> bytes:
    """Une mise à jour incrémentale qui ne change que le titre (dictionnaire /Info)."""
    ecrivain = IncrementalPdfFileWriter(io.BytesIO(pdf))
    info = ecrivain.trailer["/Info"]
    info[generic.NameObject("/Title")] = generic.TextStringObject(titre)
    ecrivain.mark_update(ecrivain.trailer.raw_get("/Info"))
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return sortie.getvalue()


def premiere_revision_signee(pdf: bytes) -> bytes:
    """Le PDF coupé juste après la première signature : ce que fut le document avant la seconde."""
    premiere = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    debut, longueur = premiere.byte_range[2], premiere.byte_range[3]
    return pdf[: debut + longueur]


@pytest.fixture
def presidente(affaire: Affaire) -> Utilisateur:
    return Utilisateur.objects.get(username="presidente")


@pytest.fixture
def feuille_signee(
    affaire: Affaire,
    presidente: Utilisateur,
    greffiere: Utilisateur,
    django_capture_on_commit_callbacks: Any,
) -> Document:
    """La feuille générée et signée par le greffe, puis signée par la présidente elle-même."""
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    with django_capture_on_commit_callbacks(execute=True):
        return do_signer_document(document, presidente)


def test_un_titre_reecrit_apres_la_signature_du_pv_n_est_pas_authentique(
    affaire: Affaire, deposition: Deposition
) -> None:
    document = do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)
    faux = titre_reecrit(octets(document), "Procès-verbal — aucun incident")
    assert PdfFileReader(io.BytesIO(faux)).trailer["/Info"]["/Title"] == "Procès-verbal — aucun incident"
    rapport = verifier_pdf(faux)
    assert not rapport.valide
    (signature,) = rapport.signatures
    assert signature.intacte, "les octets signés n'ont pas changé : c'est l'ajout qui est refusé"
    assert signature.verdict == "invalide : le document a été modifié après cette signature"
    assert "authentique" not in rapport.lignes()[-1]


def test_un_titre_reecrit_apres_la_signature_du_president_n_est_pas_authentique(
    feuille_signee: Document,
) -> None:
    rapport = verifier_pdf(titre_reecrit(octets(feuille_signee), "Feuille corrigée"))
    assert [s.couvre_la_suite for s in rapport.signatures] == [True, False]
    assert not rapport.valide


def test_la_feuille_coupee_a_la_revision_du_greffier_manque_de_la_signature_du_president(
    feuille_signee: Document,
) -> None:
    complete = octets(feuille_signee)
    assert verifier_pdf(complete).valide
    tronquee = premiere_revision_signee(complete)
    rapport = verifier_pdf(tronquee)
    assert [s.champ for s in rapport.signatures] == ["Greffier"]
    assert rapport.signatures_valides, "la signature du greffier reste bonne : c'est l'autre qui manque"
    assert not rapport.valide
    assert rapport.signatures_manquantes == ["président"]
    lignes = "\n".join(rapport.lignes())
    assert "Signature manquante : ce document doit être signé par greffier, puis président" in lignes
    assert lignes.endswith("Verdict : NON VÉRIFIÉ : il manque la signature du président.")


def test_la_generation_ne_signe_pas_au_nom_du_president(affaire: Affaire, greffiere: Utilisateur) -> None:
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    assert document.en_attente_de is Role.PRESIDENT
    assert [s.role for s in document.signatures.all()] == [Role.GREFFIER]
    rapport = verifier_pdf(octets(document))
    assert [s.champ for s in rapport.signatures] == ["Greffier"]
    assert [s.nom for s in rapport.signatures] == ["Mme Sophie MOREL, greffier"]
    assert not rapport.valide
    assert rapport.verdict == "NON VÉRIFIÉ : il manque la signature du président."


def test_la_presidente_signe_dans_sa_session_et_la_feuille_devient_authentique(
    feuille_signee: Document, presidente: Utilisateur
) -> None:
    assert feuille_signee.en_attente_de is None
    (president,) = feuille_signee.signatures.filter(role=Role.PRESIDENT)
    assert president.utilisateur == presidente
    rapport = verifier_pdf(octets(feuille_signee))
    assert [s.champ for s in rapport.signatures] == ["Greffier", "President"]
    assert [s.nom for s in rapport.signatures] == [
        "Mme Sophie MOREL, greffier",
        "Mme Hélène ROUSSEL, président",
    ]
    assert rapport.valide, rapport.lignes()
    assert rapport.verdict == "document authentique et conforme au journal."
    # Le fichier à la seule signature du greffe n'est pas gardé à côté du document complet.
    assert [p.name for p in Path(feuille_signee.fichier.path).parent.iterdir()] == [
        Path(feuille_signee.fichier.name).name
    ]


def test_l_empreinte_du_certificat_est_dans_le_pdf_et_dans_la_verification(
    affaire: Affaire, deposition: Deposition, tmp_path: Path
) -> None:
    empreinte = cles_de_la_juridiction(affaire.juridiction).empreinte_certificat
    assert len(empreinte) == 95 and empreinte.count(":") == 31
    document = do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)
    texte = texte_du_pdf(Path(document.fichier.path))
    moities = empreinte[:47], empreinte[48:]
    assert all(moitie in texte for moitie in moities), texte[-900:]
    assert "Signature électronique (PAdES) attendue : Mme Sophie MOREL (greffier)" in texte
    rapport = verifier_pdf(octets(document))
    assert rapport.signatures[0].empreinte_certificat == empreinte
    assert f"(empreinte SHA-256 {empreinte})" in "\n".join(rapport.lignes())


def test_une_signature_de_plus_sous_un_autre_nom_n_est_pas_admise(
    affaire: Affaire, deposition: Deposition
) -> None:
    """Même avec la clé de la cour, un champ que la nature ne prévoit pas ne fait pas un PV."""
    document = do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)
    cles = cles_de_la_juridiction(affaire.juridiction)
    pdf = octets(document)
    motif = verifier_pdf(pdf).signatures[0].motif
    surcharge = signer(pdf, cles, [Apposition("President", "Quelqu'un, président", motif, "Aix")])
    rapport = verifier_pdf(surcharge)
    assert rapport.signatures_valides
    assert not rapport.valide
    assert any(
        i.startswith("Signatures inattendues : ce document doit être signé par greffier")
        for i in rapport.incoherences
    )


def test_la_feuille_de_la_cour_criminelle_departementale_est_signee_du_president_seul(
    affaire: Affaire, greffiere: Utilisateur, presidente: Utilisateur
) -> None:
    juridiction = affaire.juridiction
    juridiction.type = TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE
    juridiction.save()
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    assert document.en_attente_de is Role.PRESIDENT
    rapport = verifier_pdf(octets(document))
    assert rapport.signatures == []
    assert not rapport.valide
    do_signer_document(document, presidente)
    rapport = verifier_pdf(octets(document))
    assert [s.champ for s in rapport.signatures] == ["President"]
    assert rapport.valide, rapport.lignes()


def test_le_pv_ne_s_offre_pas_a_une_seconde_signature(
    affaire: Affaire, deposition: Deposition, presidente: Utilisateur
) -> None:
    document = do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)
    with pytest.raises(DocumentImpossible, match="porte déjà toutes ses signatures"):
        do_signer_document(document, presidente)


def test_un_fichier_remplace_sur_le_disque_n_est_pas_signe(
    affaire: Affaire, greffiere: Utilisateur, presidente: Utilisateur
) -> None:
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    Path(document.fichier.path).write_bytes(titre_reecrit(octets(document), "Autre feuille"))
    with pytest.raises(DocumentImpossible, match="ne correspond plus à l'empreinte"):
        do_signer_document(document, presidente)
    assert document.signatures.count() == 1


# --- La seconde étape par la page : chacun dans sa session ------------------------------------


def _signer_par_la_page(client: Client, document: Document) -> int:
    url = reverse("signer_document", args=[document.affaire_id, document.pk])
    return client.post(url).status_code


def test_le_greffier_ne_peut_pas_signer_au_nom_du_president(
    client: Client, affaire: Affaire, greffiere: Utilisateur
) -> None:
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    client.force_login(greffiere)
    assert _signer_par_la_page(client, document) == 403
    assert document.signatures.count() == 1
    page = client.get(reverse("documents", args=[affaire.pk])).content.decode()
    assert "En attente de la signature du président" in page
    assert "Signer en tant que président" not in page


def test_un_assesseur_ne_peut_pas_signer_au_nom_du_president(
    client: Client, affaire: Affaire, greffiere: Utilisateur
) -> None:
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    client.force_login(Utilisateur.objects.get(username="assesseur"))
    assert _signer_par_la_page(client, document) == 403
    assert document.signatures.count() == 1


def test_la_presidente_signe_par_la_page_en_post_seulement(
    client: Client, affaire: Affaire, greffiere: Utilisateur, presidente: Utilisateur
) -> None:
    document = do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS, auteur=greffiere)
    client.force_login(presidente)
    page = client.get(reverse("documents", args=[affaire.pk])).content.decode()
    assert "Signer en tant que président (version 1)" in page
    url = reverse("signer_document", args=[affaire.pk, document.pk])
    assert client.get(url).status_code == 405
    reponse = client.post(url, follow=True)
    assert "Version 1 signée en votre nom." in reponse.content.decode()
    assert verifier_pdf(octets(document)).valide
    # Signée, la version ne s'offre plus : une seconde demande est refusée.
    assert _signer_par_la_page(client, document) == 403


def test_l_administration_montre_les_signatures_sans_permettre_d_en_ajouter(
    client: Client, feuille_signee: Document, greffiere: Utilisateur
) -> None:
    greffiere.is_staff = greffiere.is_superuser = True
    greffiere.save()
    client.force_login(greffiere)
    page = client.get(reverse("admin:documents_document_change", args=[feuille_signee.pk]))
    assert page.status_code == 200
    texte = page.content.decode()
    assert "Mme Hélène ROUSSEL, président" in texte
    assert feuille_signee.signatures.get(role=Role.PRESIDENT).empreinte_certificat in texte
