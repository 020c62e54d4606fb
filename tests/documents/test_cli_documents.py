"""``pretoire pv``, ``feuille``, ``extrait`` et ``verify`` : codes de sortie, messages français, rien d'écrit à moitié."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from pretoire.deposition.models import Deposition
from pretoire.documents.models import Document
from pretoire.proces.models import Affaire
from tests.law.conftest import lancer

pytestmark = pytest.mark.django_db


def test_pv_puis_verify(affaire: Affaire, deposition: Deposition, tmp_path: Path) -> None:
    sortie = tmp_path / "pv.pdf"
    resultat = lancer("pv", "26/00042", str(deposition.pk), "-o", str(sortie))
    assert resultat.code == 0, resultat.stderr
    assert "Procès-verbal des opérations, version 1, signé par Mme Sophie MOREL, greffier" in resultat.stdout
    assert sortie.read_bytes().startswith(b"%PDF-")
    assert Document.objects.get().version == 1

    verification = lancer("verify", str(sortie))
    assert verification.code == 0, verification.stdout
    assert "Signature n° 1 (Greffier) : valide" in verification.stdout
    assert "concorde avec le journal actuel" in verification.stdout


def test_verify_d_un_pdf_altere_sort_en_code_1(
    affaire: Affaire, deposition: Deposition, tmp_path: Path
) -> None:
    sortie = tmp_path / "pv.pdf"
    assert lancer("pv", str(affaire.pk), str(deposition.pk), "-o", str(sortie)).code == 0
    contenu = bytearray(sortie.read_bytes())
    contenu[len(contenu) // 2] ^= 0xFF
    sortie.write_bytes(bytes(contenu))
    verification = lancer("verify", str(sortie))
    assert verification.code == 1
    assert "invalide" in verification.stdout and "Verdict : NON VÉRIFIÉ." in verification.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["pv", "99/99999", "1"], "aucune affaire « 99/99999 » dans cette base."),
        (
            ["pv", "26/00042", "999999"],
            "aucune déposition n° 999999 dans l'affaire 26/00042. Dépositions à distance de l'affaire :"
            " {deposition} (Dr Camille Lefort, déposition terminée).",
        ),
        (["pv", "26/00042", "premier"], "aucune déposition n° premier dans l'affaire 26/00042."),
        (
            ["extrait", "26/00042", "--du", "50", "--au", "10"],
            "événements n° 50 à 10 : le journal de l'affaire 26/00042 va du n° 1",
        ),
    ],
)
def test_une_entree_invalide_sort_en_code_2_sans_rien_ecrire(
    affaire: Affaire, deposition: Deposition, tmp_path: Path, arguments: list[str], message: str
) -> None:
    sortie = tmp_path / "document.pdf"
    resultat = lancer(*arguments, "-o", str(sortie))
    assert resultat.code == 2
    assert message.format(deposition=deposition.pk) in resultat.stderr
    assert not sortie.exists() and not list(tmp_path.glob("*.part"))
    assert not Document.objects.exists()


def test_une_deposition_en_cours_est_refusee_puis_acceptee_en_provisoire(
    affaire: Affaire, deposition_en_cours: Deposition, tmp_path: Path
) -> None:
    sortie = tmp_path / "pv.pdf"
    refus = lancer("pv", "26/00042", str(deposition_en_cours.pk), "-o", str(sortie))
    assert refus.code == 2
    assert "est « déposition en cours » : le procès-verbal des opérations se dresse à la fin" in refus.stderr
    assert not sortie.exists()
    provisoire = lancer("pv", "26/00042", str(deposition_en_cours.pk), "--provisoire", "-o", str(sortie))
    assert provisoire.code == 0
    assert "Procès-verbal des opérations (provisoire), version 1" in provisoire.stdout


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        (b"ceci n'est pas un certificat", "n'est pas un fichier PKCS#12 valide, ou son mot de passe"),
        (None, "certificat de signature introuvable"),
    ],
)
def test_un_certificat_illisible_sort_en_code_2_sans_rien_ecrire(
    affaire: Affaire,
    deposition: Deposition,
    settings: Settings,
    tmp_path: Path,
    contenu: bytes | None,
    message: str,
) -> None:
    certificat = tmp_path / "casse.p12"
    if contenu is not None:
        certificat.write_bytes(contenu)
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": certificat, "mot_de_passe": ""}}
    sortie = tmp_path / "pv.pdf"
    resultat = lancer("pv", "26/00042", str(deposition.pk), "-o", str(sortie))
    assert resultat.code == 2
    assert message in resultat.stderr
    assert not sortie.exists()
    assert not Document.objects.exists()
    documents = Path(settings.DOCUMENTS_DIR)
    assert not documents.exists() or not list(documents.rglob("*.pdf"))


def test_un_mauvais_mot_de_passe_est_signale(
    affaire: Affaire, deposition: Deposition, settings: Settings, fichier_pkcs12: Path, tmp_path: Path
) -> None:
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": fichier_pkcs12, "mot_de_passe": "faux"}}
    resultat = lancer("pv", "26/00042", str(deposition.pk), "-o", str(tmp_path / "pv.pdf"))
    assert resultat.code == 2
    assert "mot de passe (PRETOIRE_SIGNATURE_MOT_DE_PASSE) est erroné" in resultat.stderr


@pytest.mark.parametrize(
    ("contenu", "message"),
    [(b"GIF89a", "n'est pas un PDF"), (None, "fichier introuvable")],
)
def test_verify_d_un_fichier_qui_n_est_pas_un_pdf_sort_en_code_2(
    affaire: Affaire, tmp_path: Path, contenu: bytes | None, message: str
) -> None:
    fichier = tmp_path / "image.pdf"
    if contenu is not None:
        fichier.write_bytes(contenu)
    resultat = lancer("verify", str(fichier))
    assert resultat.code == 2
    assert message in resultat.stderr


def test_feuille_et_extrait_signes(affaire: Affaire, tmp_path: Path) -> None:
    feuille = lancer("feuille", "26/00042", "-o", str(tmp_path / "feuille.pdf"))
    assert feuille.code == 0, feuille.stderr
    assert "Feuille de questions, version 1, signé par Mme Sophie MOREL, greffier —" in feuille.stdout
    assert "EN ATTENTE de la signature du président" in feuille.stdout
    extrait = lancer("extrait", "26/00042", "--du", "1", "--au", "5", "-o", str(tmp_path / "extrait.pdf"))
    assert extrait.code == 0, extrait.stderr
    assert lancer("verify", str(tmp_path / "extrait.pdf")).code == 0
    # La ligne de commande n'a pas de session de président : la feuille attend sa signature.
    verification = lancer("verify", str(tmp_path / "feuille.pdf"))
    assert verification.code == 1
    assert "Verdict : NON VÉRIFIÉ : il manque la signature du président." in verification.stdout


def test_verify_ailleurs_sans_base_avec_le_certificat_publie(
    affaire: Affaire, deposition: Deposition, tmp_path: Path, fichier_pkcs12: Path
) -> None:
    """Quiconque a le PDF et le certificat publié de la juridiction vérifie les signatures ; la
    concordance avec le journal demande la base de la cour."""
    import os
    import subprocess
    import sys

    pdf = tmp_path / "pv.pdf"
    assert lancer("pv", "26/00042", str(deposition.pk), "-o", str(pdf)).code == 0
    environnement = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    environnement["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src")
    commande = [
        sys.executable,
        "-m",
        "pretoire",
        "verify",
        str(pdf),
        "--data-dir",
        str(tmp_path / "ailleurs"),
    ]
    sans_certificat = subprocess.run(commande, capture_output=True, text=True, env=environnement)
    assert sans_certificat.returncode == 1
    assert "certificat du signataire n'est pas reconnu" in sans_certificat.stdout
    avec_certificat = subprocess.run(
        [*commande, "--certificat", str(fichier_pkcs12.with_suffix(".pem"))],
        capture_output=True,
        text=True,
        env=environnement,
    )
    assert avec_certificat.returncode == 1
    assert "Signature n° 1 (Greffier) : valide" in avec_certificat.stdout
    assert "impossible : aucune base Prétoire ici" in avec_certificat.stdout
    assert avec_certificat.stdout.rstrip().endswith(
        "Verdict : signatures valides ; concordance avec le journal d'audience non vérifiée."
    )
