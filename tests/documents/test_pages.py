"""La page des documents du greffe et la page de vérification."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.deposition.models import Deposition
from pretoire.documents.models import Document, EtatGeneration, Generation
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


def client_de(identifiant: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=identifiant))
    return client


def test_le_greffier_genere_telecharge_et_regenere_le_pv(affaire: Affaire, deposition: Deposition) -> None:
    greffe = client_de("greffiere")
    page = reverse("documents", args=[affaire.pk])
    avant = greffe.get(page)
    assert avant.status_code == 200
    assert "Générer (version 1)" in avant.content.decode()

    reponse = greffe.post(page, {"nature": "proces_verbal", "deposition": deposition.pk})
    generation = Generation.objects.get()
    assert reponse.status_code == 302 and reponse.url.endswith(f"#generation-{generation.pk}")
    assert generation.etat == EtatGeneration.TERMINEE and generation.avancement == 100
    document = Document.objects.get()
    suivi = greffe.get(reverse("generation_document", args=[affaire.pk, generation.pk])).json()
    assert suivi["etat"] == "terminee" and suivi["document"]["version"] == 1

    apres = greffe.get(page).content.decode()
    assert "Version 1 générée et signée." in apres and "Régénérer (version 2)" in apres

    telechargement = greffe.get(reverse("telecharger_document", args=[affaire.pk, document.pk]))
    assert telechargement.status_code == 200
    assert telechargement["Content-Type"] == "application/pdf"
    nom = f"proces-verbal-26-00042-deposition-{deposition.pk}-v1.pdf"
    assert f'filename="{nom}"' in telechargement["Content-Disposition"]
    assert b"".join(telechargement.streaming_content).startswith(b"%PDF-")

    greffe.post(page, {"nature": "proces_verbal", "deposition": deposition.pk})
    assert list(Document.objects.order_by("version").values_list("version", flat=True)) == [1, 2]


def test_une_deposition_en_cours_propose_un_pv_provisoire(
    affaire: Affaire, deposition_en_cours: Deposition
) -> None:
    contenu = client_de("greffiere").get(reverse("documents", args=[affaire.pk])).content.decode()
    assert "PV provisoire (version 1)" in contenu
    assert "sera marqué « provisoire »" in contenu


def test_un_pv_sans_deposition_est_refuse_en_francais(affaire: Affaire) -> None:
    reponse = client_de("greffiere").post(
        reverse("documents", args=[affaire.pk]), {"nature": "proces_verbal"}
    )
    assert reponse.status_code == 422
    assert "choisissez la déposition dont dresser le procès-verbal." in reponse.content.decode()
    assert not Generation.objects.exists()


def test_un_echec_de_signature_s_affiche_sans_rien_enregistrer(
    affaire: Affaire, deposition: Deposition, settings: Settings, tmp_path: Path
) -> None:
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": tmp_path / "absent.p12", "mot_de_passe": ""}}
    greffe = client_de("greffiere")
    greffe.post(
        reverse("documents", args=[affaire.pk]), {"nature": "proces_verbal", "deposition": deposition.pk}
    )
    generation = Generation.objects.get()
    assert generation.etat == EtatGeneration.ECHOUEE
    assert "certificat de signature introuvable" in generation.message
    assert not Document.objects.exists()
    assert (
        "Échec, rien n'a été enregistré"
        in greffe.get(reverse("documents", args=[affaire.pk])).content.decode()
    )


def test_la_presidente_consulte_mais_ne_genere_pas_et_la_defense_n_y_a_pas_acces(
    affaire: Affaire, deposition: Deposition
) -> None:
    page = reverse("documents", args=[affaire.pk])
    presidente = client_de("presidente")
    contenu = presidente.get(page).content.decode()
    assert "Procès-verbaux des opérations" in contenu and "Générer (version 1)" not in contenu
    assert presidente.post(page, {"nature": "feuille_de_questions"}).status_code == 403
    assert client_de("defense").get(page).status_code == 403
    assert not Generation.objects.exists()


def test_la_page_de_verification_dit_signature_valide(affaire: Affaire, deposition: Deposition) -> None:
    greffe = client_de("greffiere")
    greffe.post(
        reverse("documents", args=[affaire.pk]), {"nature": "proces_verbal", "deposition": deposition.pk}
    )
    pdf = Document.objects.get().fichier.read()
    reponse = greffe.post(
        reverse("verification_document"), {"fichier": SimpleUploadedFile("pv.pdf", pdf, "application/pdf")}
    )
    contenu = reponse.content.decode()
    assert reponse.status_code == 200
    assert "signature valide" in contenu and "Mme Sophie MOREL, greffier" in contenu
    assert "concorde avec le journal actuel de l&#x27;affaire n° 26/00042" in contenu

    # Quelqu'un qui n'est pas affecté à l'affaire voit les signatures, pas la comparaison.
    etranger = Utilisateur.objects.create_user("etranger", password="x")
    client = Client()
    client.force_login(etranger)
    contenu = client.post(
        reverse("verification_document"), {"fichier": SimpleUploadedFile("pv.pdf", pdf, "application/pdf")}
    ).content.decode()
    assert "signature valide" in contenu
    assert "réservée aux personnes qui y sont affectées" in contenu


def test_la_page_de_verification_refuse_ce_qui_n_est_pas_un_pdf(affaire: Affaire) -> None:
    reponse = client_de("greffiere").post(
        reverse("verification_document"),
        {"fichier": SimpleUploadedFile("photo.pdf", b"\x89PNG...", "image/png")},
    )
    assert reponse.status_code == 422
    assert "photo.pdf : le fichier n&#x27;est pas un PDF" in reponse.content.decode()
    vide = client_de("greffiere").post(reverse("verification_document"), {})
    assert vide.status_code == 422 and "choisissez le fichier PDF à vérifier." in vide.content.decode()


def test_une_generation_en_cours_montre_son_avancement(affaire: Affaire, deposition: Deposition) -> None:
    greffiere = Utilisateur.objects.get(username="greffiere")
    en_cours = Generation.objects.create(
        affaire=affaire,
        nature="feuille_de_questions",
        demandee_par=greffiere,
        etat=EtatGeneration.EN_COURS,
        executant="serveur-2:4242",
        battement_le=timezone.now(),
        etape="Composition du PDF/A (Typst)",
        avancement=20,
    )
    greffe = client_de("greffiere")
    contenu = greffe.get(reverse("documents", args=[affaire.pk])).content.decode()
    assert '<progress max="100" value="20">20 %</progress>' in contenu
    assert "Composition du PDF/A (Typst)…" in contenu
    assert '<meta http-equiv="refresh" content="3">' in contenu  # sans JavaScript, la page se recharge
    suivi = greffe.get(reverse("generation_document", args=[affaire.pk, en_cours.pk])).json()
    assert suivi == {
        "etat": "en_cours",
        "etape": "Composition du PDF/A (Typst)",
        "avancement": 20,
        "message": "",
        "document": None,
    }
