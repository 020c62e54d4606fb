"""Une cour avec sa clé de signature (certificat auto-signé réel), et l'audience rejouée de la démo."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, time
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.documents.signature import creer_certificat_auto_signe
from pretoire.law.visio import QualiteDeposant
from pretoire.proces.demo.deposition import PARIS, a_l_heure
from pretoire.proces.models import Affaire

RACINE = Path(__file__).resolve().parents[2]
ARTEFACTS = RACINE / "test-artifacts"
MOT_DE_PASSE = "secret-des-tests"


@pytest.fixture(scope="session")
def fichier_pkcs12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chemin = tmp_path_factory.mktemp("signature") / "juridiction.p12"
    creer_certificat_auto_signe(chemin, "Cour d'assises des Bouches-du-Rhône", MOT_DE_PASSE)
    return chemin


@pytest.fixture
def cour(settings: Settings, tmp_path: Path, fichier_pkcs12: Path) -> Path:
    """Réglages : la clé de la juridiction, un dossier de documents neuf."""
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": fichier_pkcs12, "mot_de_passe": MOT_DE_PASSE}}
    settings.SIGNATURE_CERTIFICATS_RECONNUS = []
    settings.DOCUMENTS_DIR = tmp_path / "documents"
    settings.HEBERGEMENT_DU_DISPOSITIF = "serveur de la juridiction"
    return tmp_path


@pytest.fixture
def affaire(db: None, cour: Path) -> Affaire:
    """L'affaire de démonstration avec sa déposition à distance terminée (interruption, son seul)."""
    from pretoire.proces.demo import installer_demo

    return installer_demo(avec_deposition=True)


@pytest.fixture
def greffiere(affaire: Affaire) -> Utilisateur:
    return Utilisateur.objects.get(username="greffiere")


@pytest.fixture
def deposition(affaire: Affaire) -> Deposition:
    return affaire.depositions.get()


def a_onze_heures(affaire: Affaire, minute: int, seconde: int = 0) -> datetime:
    jour = affaire.jours_audience.order_by("date").first().date
    return datetime.combine(jour, time(11, minute, seconde), PARIS)


@pytest.fixture
def deposition_en_cours(affaire: Affaire, greffiere: Utilisateur) -> Deposition:
    """Un témoin admis dont la déposition a commencé et n'est pas finie."""
    jour = affaire.jours_audience.order_by("date").first()
    with a_l_heure(a_onze_heures(affaire, 0)):
        invitation = actions.do_inviter(
            affaire, jour, "M. Karim Haddad", QualiteDeposant.TEMOIN, auteur=greffiere
        )
    deposition = invitation.deposition
    etapes = [
        lambda: actions.do_utiliser_invitation(invitation.jeton, invitation.code, navigateur="Chromium 130"),
        lambda: actions.do_consigner_essai_materiel(
            deposition,
            {
                "resultat": "concluant",
                "camera": True,
                "microphone": True,
                "haut_parleur": True,
                "webrtc": True,
                "chiffrement": True,
            },
        ),
        lambda: actions.do_declarer_identite(
            deposition, {"nom": "HADDAD", "prenoms": "Karim", "qualite": "temoin"}
        ),
        lambda: actions.do_commande_du_greffe(deposition, "admettre", {}, auteur=greffiere),
        lambda: actions.do_commande_du_greffe(
            deposition, "code_concordant", {"mots": "a b c d"}, auteur=greffiere
        ),
        lambda: actions.do_commande_du_greffe(deposition, "commencer", {}, auteur=greffiere),
    ]
    for rang, etape in enumerate(etapes, start=1):
        with a_l_heure(a_onze_heures(affaire, rang)):
            etape()
    deposition.refresh_from_db()
    return deposition


def texte_du_pdf(chemin: Path) -> str:
    """Le texte du PDF (pdftotext), espaces réduits à un seul."""
    texte = subprocess.run(
        ["pdftotext", "-layout", str(chemin), "-"], check=True, capture_output=True, text=True
    )
    return re.sub(r"\s+", " ", texte.stdout)


def pages_en_png(chemin: Path, nom: str) -> list[Path]:
    """Chaque page rendue en PNG dans test-artifacts/, pour être regardée."""
    ARTEFACTS.mkdir(exist_ok=True)
    for ancienne in ARTEFACTS.glob(f"{nom}-*.png"):
        ancienne.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(chemin), str(ARTEFACTS / nom)], check=True)
    return sorted(ARTEFACTS.glob(f"{nom}-*.png"))
