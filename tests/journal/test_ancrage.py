"""La tête du journal ancrée hors de la base : l'adversaire tient toute la base (déclencheurs
retirés, SQL brut, ``session_replication_role``), pas le dossier de la clé de signature."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone
from pytest_django.fixtures import Settings

from pretoire.cli import main
from pretoire.comptes.models import Utilisateur
from pretoire.journal import ancrage, chaine
from pretoire.journal.actions import do_consigner_evenement, verifier_journal
from pretoire.journal.models import Evenement
from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire

from .test_chaine import _retirer_les_declencheurs

pytestmark = pytest.mark.django_db


def consigner(affaire: Affaire, auteur: Utilisateur, description: str) -> Evenement:
    return do_consigner_evenement(
        affaire, TypeEvenement.INCIDENT_TECHNIQUE, {"description": description}, auteur=auteur
    )


@pytest.fixture
def journal_de_huit(affaire_demo: Affaire, greffiere: Utilisateur) -> Affaire:
    """Les deux événements de la démo, puis six incidents : huit têtes ancrées."""
    for rang in range(1, 7):
        consigner(affaire_demo, greffiere, f"Incident n° {rang}")
    assert verifier_journal(affaire_demo).valide
    return affaire_demo


def lignes_du_registre(repertoire: Path) -> list[dict[str, Any]]:
    texte = (repertoire / ancrage.NOM_DU_REGISTRE).read_text(encoding="utf-8")
    return [json.loads(ligne) for ligne in texte.splitlines()]


def retirer_les_derniers(affaire: Affaire, nombre: int) -> None:
    _retirer_les_declencheurs()
    dernier = Evenement.objects.filter(affaire=affaire).count()
    with connection.cursor() as curseur:
        curseur.execute(
            "DELETE FROM journal_evenement WHERE affaire_id = %s AND numero > %s",
            [affaire.pk, dernier - nombre],
        )


def forger(
    affaire: Affaire, type_evenement: TypeEvenement, donnees: dict[str, Any], **autres: Any
) -> Evenement:
    """Un événement écrit en base comme le ferait un faussaire : chaîné au précédent, sans passer
    par Prétoire."""
    precedent = Evenement.objects.filter(affaire=affaire).order_by("-numero").first()
    assert precedent is not None
    faux = Evenement(
        affaire=affaire,
        numero=precedent.numero + 1,
        type=type_evenement.value,
        donnees=donnees,
        auteur_libelle="Mme Sophie MOREL",
        horodatage=precedent.horodatage + timedelta(seconds=30),
        empreinte_precedente=precedent.empreinte,
        **autres,
    )
    faux.empreinte = chaine.empreinte(**faux.champs_scelles())
    faux.save(force_insert=True)
    return faux


def test_chaque_evenement_ancre_sa_tete_avec_une_cle_hors_de_la_base(
    journal_de_huit: Affaire, registre_d_ancrage_du_test: Path
) -> None:
    cle = registre_d_ancrage_du_test / ancrage.NOM_DE_LA_CLE
    assert stat.S_IMODE(cle.stat().st_mode) == 0o600
    assert len(cle.read_bytes()) == 32
    lignes = lignes_du_registre(registre_d_ancrage_du_test)
    assert [ligne["numero"] for ligne in lignes] == list(range(1, 9))
    dernier = Evenement.objects.get(affaire=journal_de_huit, numero=8)
    assert lignes[-1]["empreinte"] == dernier.empreinte
    assert lignes[-1]["nombre"] == 8
    resultat = verifier_journal(journal_de_huit)
    assert resultat.message.startswith(
        "Chaîne intègre : 8 événement(s) vérifié(s). Tête ancrée hors de la base : n° 8"
    )
    if connection.vendor == "sqlite":
        # La clé n'est nulle part dans la base.
        vidage = "\n".join(connection.connection.iterdump())
        assert cle.read_bytes().hex() not in vidage
        assert "ancrage" not in vidage.lower()


def test_retirer_les_trois_derniers_evenements_est_decele(
    journal_de_huit: Affaire, capsys: pytest.CaptureFixture[str]
) -> None:
    retirer_les_derniers(journal_de_huit, 3)
    # Ce qui reste est une chaîne parfaite : seule la tête ancrée trahit le retrait.
    assert chaine.verifier(e.maillon() for e in Evenement.objects.filter(affaire=journal_de_huit)).valide
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "le journal compte 5 événement(s), mais l'événement n° 6 a été ancré" in resultat.message
    assert main(["log", "verify", "26/00042"]) == 1
    assert "des événements ont été retirés" in capsys.readouterr().out


def test_vider_tout_le_journal_est_decele(journal_de_huit: Affaire) -> None:
    retirer_les_derniers(journal_de_huit, 8)
    assert not Evenement.objects.filter(affaire=journal_de_huit).exists()
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "le journal compte 0 événement(s), mais l'événement n° 1 a été ancré" in resultat.message


def test_une_correction_forgee_ajoutee_au_bout_est_decelee(
    journal_de_huit: Affaire, capsys: pytest.CaptureFixture[str]
) -> None:
    corrige = Evenement.objects.get(affaire=journal_de_huit, numero=3)
    forger(
        journal_de_huit,
        TypeEvenement.CORRECTION,
        {"evenement": 3, "motif": "l'incident n'a pas eu lieu"},
        corrige=corrige,
    )
    assert chaine.verifier(e.maillon() for e in Evenement.objects.filter(affaire=journal_de_huit)).valide
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "événement(s) n° 9 à 9 absents du registre des ancrages" in resultat.message
    assert main(["log", "verify", "26/00042"]) == 1
    assert "Journal contredit par le registre des ancrages" in capsys.readouterr().out


def test_retirer_puis_rechainer_autant_d_evenements_est_decele(journal_de_huit: Affaire) -> None:
    retirer_les_derniers(journal_de_huit, 3)
    for rang in range(3):
        forger(journal_de_huit, TypeEvenement.INCIDENT_TECHNIQUE, {"description": f"Autre récit {rang}"})
    assert Evenement.objects.filter(affaire=journal_de_huit).count() == 8
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "l'événement n° 6 n'a plus l'empreinte ancrée" in resultat.message
    assert "réécrit puis rechaîné" in resultat.message


def test_une_tete_ancree_sans_la_cle_est_refusee(
    journal_de_huit: Affaire, registre_d_ancrage_du_test: Path
) -> None:
    """Le faussaire retire les derniers événements et inscrit une tête à sa convenance, signée
    d'une clé qu'il invente."""
    retirer_les_derniers(journal_de_huit, 3)
    tete = Evenement.objects.get(affaire=journal_de_huit, numero=5)
    fausse = ancrage.sceller(
        os.urandom(32),
        affaire=str(journal_de_huit.pk),
        numero=50,
        empreinte=tete.empreinte,
        nombre=5,
        motif="événement n° 5",
        horodatage=timezone.now(),
    )
    ancrage.inscrire(registre_d_ancrage_du_test, fausse)
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "ligne 9 du registre des ancrages falsifiée (HMAC faux)" in resultat.message


def test_sans_la_cle_rien_n_est_consigne_ni_verifie(
    journal_de_huit: Affaire, greffiere: Utilisateur, registre_d_ancrage_du_test: Path
) -> None:
    (registre_d_ancrage_du_test / ancrage.NOM_DE_LA_CLE).unlink()
    with pytest.raises(ancrage.AncrageImpossible, match="restaurez-la depuis la sauvegarde"):
        consigner(journal_de_huit, greffiere, "Après la perte de la clé")
    assert Evenement.objects.filter(affaire=journal_de_huit).count() == 8
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "clé d'ancrage du journal introuvable" in resultat.message


def test_l_ancrage_s_inscrit_a_la_validation_et_jamais_pour_un_evenement_annule(
    affaire_demo: Affaire,
    greffiere: Utilisateur,
    settings: Settings,
    registre_d_ancrage_du_test: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.ANCRAGE_APRES_VALIDATION = True
    avant = len(lignes_du_registre(registre_d_ancrage_du_test))

    class Annulation(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(Annulation), transaction.atomic():
            consigner(affaire_demo, greffiere, "Écrit puis annulé par l'action englobante")
            raise Annulation
        consigner(affaire_demo, greffiere, "Validé")
        assert len(lignes_du_registre(registre_d_ancrage_du_test)) == avant, "pas avant la validation"
    lignes = lignes_du_registre(registre_d_ancrage_du_test)
    assert [ligne["numero"] for ligne in lignes[avant:]] == [3]
    assert verifier_journal(affaire_demo).valide


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
    reason="PostgreSQL seulement (DATABASE_URL)",
)
def test_postgresql_session_replication_role_contourne_les_declencheurs_pas_l_ancrage(
    journal_de_huit: Affaire,
) -> None:
    with connection.cursor() as curseur:
        curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        curseur.execute("SET session_replication_role = replica")
        curseur.execute(
            "DELETE FROM journal_evenement WHERE affaire_id = %s AND numero > 5", [journal_de_huit.pk]
        )
        curseur.execute("SET session_replication_role = origin")
    # Les déclencheurs sont toujours là, et n'ont rien empêché.
    assert Evenement.objects.filter(affaire=journal_de_huit).count() == 5
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert "des événements ont été retirés" in resultat.message


def test_chaque_document_ancre_la_tete_qu_il_a_vue(
    registre_d_ancrage_du_test: Path, settings: Settings, tmp_path: Path
) -> None:
    from pretoire.documents.actions import do_generer_document
    from pretoire.documents.models import NatureDocument
    from pretoire.documents.signature import creer_certificat_auto_signe
    from pretoire.proces.demo import installer_demo

    creer_certificat_auto_signe(tmp_path / "cour.p12", "Cour d'assises", "")
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": tmp_path / "cour.p12", "mot_de_passe": ""}}
    settings.DOCUMENTS_DIR = tmp_path / "documents"
    affaire = installer_demo()
    do_generer_document(affaire, NatureDocument.EXTRAIT_DU_JOURNAL)
    derniere = lignes_du_registre(registre_d_ancrage_du_test)[-1]
    assert derniere["motif"].startswith("Extrait du journal d'audience — 26/00042 — version 1 générée")
    assert derniere["numero"] == affaire.evenements.count()


def test_un_journal_d_avant_l_ancrage_s_ancre_une_fois_par_la_ligne_de_commande(
    journal_de_huit: Affaire, registre_d_ancrage_du_test: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Un journal écrit avant la mise à jour : aucune ligne au registre.
    (registre_d_ancrage_du_test / ancrage.NOM_DU_REGISTRE).unlink()
    assert main(["log", "verify", "26/00042"]) == 1
    assert "aucune tête ancrée pour ces 8 événement(s)" in capsys.readouterr().out
    assert main(["log", "ancrer", "26/00042"]) == 0
    assert "Tête ancrée : n° 8" in capsys.readouterr().out
    assert main(["log", "verify", "26/00042"]) == 0
    # Une seconde fois, non : elle couvrirait un retrait fait entre-temps.
    retirer_les_derniers(journal_de_huit, 2)
    assert main(["log", "ancrer", "26/00042"]) == 2
    assert "ce journal a déjà des ancrages" in capsys.readouterr().err
    assert main(["log", "verify", "26/00042"]) == 1


# --- Horodatage RFC 3161 : une autorité locale (DummyTimeStamper de pyHanko derrière un serveur
# HTTP sur 127.0.0.1) tient lieu de l'autorité tierce, injoignable d'ici. --------------------------


@pytest.fixture
def autorite_d_horodatage(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    import threading
    from datetime import UTC, datetime
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from asn1crypto import keys, tsp
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    cle = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nom = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Autorité d'horodatage d'essai")])
    maintenant = datetime.now(UTC)
    certificat = (
        x509.CertificateBuilder()
        .subject_name(nom)
        .issuer_name(nom)
        .public_key(cle.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(maintenant - timedelta(days=1))
        .not_valid_after(maintenant + timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(cle, hashes.SHA256())
    )
    pem = tmp_path / "autorite.pem"
    pem.write_bytes(certificat.public_bytes(serialization.Encoding.PEM))
    horodateur = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(certificat.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(
            cle.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )

    class Guichet(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            requete = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            reponse = horodateur.request_tsa_response(requete).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reponse)))
            self.end_headers()
            self.wfile.write(reponse)

        def log_message(self, *arguments: Any) -> None:
            pass

    serveur = ThreadingHTTPServer(("127.0.0.1", 0), Guichet)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    try:
        yield f"http://127.0.0.1:{serveur.server_address[1]}/", pem
    finally:
        serveur.shutdown()
        serveur.server_close()


def test_l_ancrage_d_un_document_est_horodate_par_l_autorite_et_verifie(
    journal_de_huit: Affaire,
    autorite_d_horodatage: tuple[str, Path],
    settings: Settings,
    registre_d_ancrage_du_test: Path,
) -> None:
    from pretoire.journal.actions import ancrer_la_tete

    url, certificat = autorite_d_horodatage
    settings.ANCRAGE_TSA_URL = url
    ancrer_la_tete(journal_de_huit, "document d'essai")
    derniere = lignes_du_registre(registre_d_ancrage_du_test)[-1]
    assert derniere["jeton_rfc3161"], "la tête du document porte un jeton"
    assert not lignes_du_registre(registre_d_ancrage_du_test)[0]["jeton_rfc3161"], "pas à chaque événement"
    settings.ANCRAGE_TSA_CERTIFICATS = [certificat]
    resultat = verifier_journal(journal_de_huit)
    assert resultat.valide, resultat.message
    assert "Horodatage RFC 3161 vérifié : tête n° 8" in resultat.message


def test_un_jeton_d_horodatage_qui_ne_porte_pas_sur_l_ancrage_est_refuse(
    journal_de_huit: Affaire,
    autorite_d_horodatage: tuple[str, Path],
    settings: Settings,
    registre_d_ancrage_du_test: Path,
) -> None:
    """Le faussaire recopie un jeton authentique sur une autre tête, qu'il scelle avec la clé."""
    url, certificat = autorite_d_horodatage
    settings.ANCRAGE_TSA_CERTIFICATS = [certificat]
    cle = (registre_d_ancrage_du_test / ancrage.NOM_DE_LA_CLE).read_bytes()
    vraie = ancrage.horodater(
        ancrage.sceller(
            cle,
            affaire=str(journal_de_huit.pk),
            numero=8,
            empreinte=Evenement.objects.get(affaire=journal_de_huit, numero=8).empreinte,
            nombre=8,
            motif="document",
            horodatage=timezone.now(),
        ),
        url,
    )
    antidatee = ancrage.sceller(
        cle,
        affaire=vraie.affaire,
        numero=8,
        empreinte=vraie.empreinte,
        nombre=8,
        motif="document",
        horodatage=timezone.now() - timedelta(days=3),
    )
    ancrage.inscrire(registre_d_ancrage_du_test, replace(antidatee, jeton_rfc3161=vraie.jeton_rfc3161))
    resultat = verifier_journal(journal_de_huit)
    assert not resultat.valide
    assert (
        "horodatage RFC 3161 de la tête n° 8 invalide : le jeton ne porte pas sur cet ancrage"
        in resultat.message
    )
