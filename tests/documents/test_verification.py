"""Vérifier un document signé : un octet changé, un journal retouché, un signataire inconnu."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from pytest_django.fixtures import Settings

from pretoire.deposition.models import Deposition
from pretoire.documents.actions import do_generer_document, verifier_pdf
from pretoire.documents.models import NatureDocument
from pretoire.documents.signature import PdfIllisible, creer_certificat_auto_signe
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf_signe(affaire: Affaire, deposition: Deposition) -> bytes:
    document = do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)
    return Path(document.fichier.path).read_bytes()


def test_un_pv_tout_juste_signe_est_valide_et_concorde_avec_le_journal(pdf_signe: bytes) -> None:
    rapport = verifier_pdf(pdf_signe)
    assert rapport.valide
    (signature,) = rapport.signatures
    assert signature.verdict == "valide"
    assert signature.nom == "Mme Sophie MOREL, greffier"
    assert "Greffe — Cour d'assises des Bouches-du-Rhône" in signature.titulaire
    assert signature.signee_le is not None
    assert rapport.journal.concordante is True
    lignes = "\n".join(rapport.lignes())
    assert "Signature n° 1 (Greffier) : valide — Mme Sophie MOREL, greffier, le " in lignes
    assert "(heure de Paris)" in lignes
    assert "L'empreinte du journal concorde avec le journal actuel de l'affaire n° 26/00042" in lignes
    assert lignes.endswith("Verdict : document authentique et conforme au journal.")


@pytest.mark.parametrize("position", [0.1, 0.35, 0.5, 0.75, 0.97])
def test_un_octet_change_rend_la_signature_invalide(pdf_signe: bytes, position: float) -> None:
    altere = bytearray(pdf_signe)
    rang = int(len(altere) * position)
    altere[rang] ^= 0xFF
    rapport = verifier_pdf(bytes(altere))
    assert not rapport.valide
    assert not rapport.signatures_valides
    assert "NON VÉRIFIÉ" in rapport.lignes()[-1]


def test_un_journal_retouche_apres_la_signature_ne_concorde_plus(pdf_signe: bytes, affaire: Affaire) -> None:
    with connection.cursor() as curseur:
        if connection.vendor == "sqlite":
            curseur.execute("DROP TRIGGER journal_evenement_sans_modification")
        else:
            curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            curseur.execute("DROP TRIGGER journal_evenement_sans_modification ON journal_evenement")
        # Le faussaire efface la période de son seul en la réduisant à une seconde.
        curseur.execute(
            "UPDATE journal_evenement SET donnees = %s WHERE affaire_id = %s AND type = 'audio_seul_fin'",
            [
                '{"deposition": 1, "poste": "salle", "debut": "2026-11-23T09:41:12Z",'
                ' "fin": "2026-11-23T09:41:13Z", "duree_s": 1.0}',
                affaire.pk,
            ],
        )
    rapport = verifier_pdf(pdf_signe)
    assert rapport.signatures_valides, "la signature du PDF reste bonne : c'est le journal qui a changé"
    assert rapport.journal.concordante is False
    assert not rapport.valide
    assert "Journal modifié depuis la signature" in rapport.journal.message
    assert "Chaîne rompue à l'événement n°" in rapport.journal.chaine


def test_un_signataire_dont_le_certificat_n_est_pas_reconnu(
    pdf_signe: bytes, settings: Settings, tmp_path: Path
) -> None:
    autre = tmp_path / "autre.p12"
    creer_certificat_auto_signe(autre, "Autre cour", "")
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": autre, "mot_de_passe": ""}}
    rapport = verifier_pdf(pdf_signe)
    (signature,) = rapport.signatures
    assert signature.intacte and not signature.reconnue
    assert signature.verdict.startswith("intègre, mais le certificat du signataire n'est pas reconnu")
    assert not rapport.valide


def test_un_fichier_qui_n_est_pas_un_pdf_est_refuse() -> None:
    with pytest.raises(PdfIllisible, match="le fichier n'est pas un PDF"):
        verifier_pdf(b"GIF89a ce n'est pas un PDF")


def test_un_pdf_sans_signature_ni_empreinte(affaire: Affaire) -> None:
    from pretoire.documents.rendu import rendre_feuille_de_questions
    from pretoire.questions.actions import feuille_de_l_affaire

    rapport = verifier_pdf(rendre_feuille_de_questions(feuille_de_l_affaire(affaire)))
    assert rapport.lignes()[0] == "Aucune signature électronique dans ce PDF."
    assert rapport.journal.concordante is None
    assert not rapport.valide


def test_l_extrait_du_journal_est_signe_et_verifiable(affaire: Affaire) -> None:
    document = do_generer_document(affaire, NatureDocument.EXTRAIT_DU_JOURNAL, premier=2, dernier=20)
    rapport = verifier_pdf(Path(document.fichier.path).read_bytes())
    assert rapport.valide
    assert rapport.metadonnees["journal"] == "2-20"
