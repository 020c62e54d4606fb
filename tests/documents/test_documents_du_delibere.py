"""La feuille répondue et la feuille de motivation passent par la chaîne des documents signés :
versions, vérification, jury et premier juré, et qui les lit après le verdict (art. 364, 365-1)."""

from __future__ import annotations

import base64
import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.deliberation.models import Deliberation
from pretoire.documents.actions import verifier_pdf
from pretoire.documents.models import NATURES_DU_DELIBERE, Document, NatureDocument
from pretoire.documents.rendu import rendre_pdf
from pretoire.proces.models import Affaire, Affectation, Role
from tests.law.conftest import lancer

from ..deliberation.conftest import clore_les_debats
from .conftest import pages_en_png, texte_du_pdf

pytestmark = pytest.mark.django_db

REPONSES = {
    "1": "oui",
    "2": "oui",
    "3": "non",
    "4": "sans objet",
    "5": "oui",
    "6": "oui",
    "7": "oui",
    "8": "oui",
}
# Dix-huit ans : le président déclare la sûreté de plein droit et répond au réexamen (art. 362).
DIX_HUIT_ANS = [
    {
        "accuse": "A1",
        "peine": {"nature": "reclusion_criminelle", "mois": 216},
        "surete_de_plein_droit": True,
        "retention": "non",
    }
]
TOUS = [
    "presidente",
    "assesseur",
    "autre-assesseur",
    "greffiere",
    "avocat-general",
    "defense",
    "partie-civile",
    "intrus",
]


def _client(nom: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=nom))
    return client


@pytest.fixture
def affaire_close(affaire: Affaire) -> Affaire:
    clore_les_debats(affaire)
    autre = Utilisateur.objects.create_user("autre-assesseur", first_name="Lucie", last_name="Perrin")
    Affectation.objects.create(utilisateur=autre, affaire=affaire, role=Role.ASSESSEUR)
    Utilisateur.objects.create_user("intrus")
    return affaire


def _ouvrir(affaire: Affaire) -> dict[str, Any]:
    presidente = _client("presidente")
    assert presidente.post(f"/affaires/{affaire.pk}/deliberation/ouvrir/").status_code == 302
    page = presidente.get(f"/affaires/{affaire.pk}/deliberation/").content.decode()
    trouve = re.search(r'<script id="donnees-delibere" type="application/json">(.*?)</script>', page, re.S)
    assert trouve
    return dict(json.loads(trouve.group(1)))


def _enregistrer(affaire: Affaire, client: Client | None = None, **autres: object) -> Any:
    donnees = _ouvrir(affaire)
    corps = {"empreinte": donnees["empreinte"], "reponses": REPONSES, "peines": DIX_HUIT_ANS, **autres}
    return (client or _client("presidente")).post(
        f"/affaires/{affaire.pk}/deliberation/enregistrer/",
        json.dumps(corps),
        content_type="application/json",
    )


def _telecharger(nom: str, affaire: Affaire, document: Document) -> int:
    return _client(nom).get(f"/affaires/{affaire.pk}/documents/{document.pk}/telecharger/").status_code


def test_le_verdict_scelle_la_feuille_repondue_et_la_motivation_par_la_chaine_des_documents(
    affaire_close: Affaire, tmp_path: Path
) -> None:
    assert _enregistrer(affaire_close).status_code == 200
    for nature, titre in (
        (NatureDocument.FEUILLE_REPONDUE, "FEUILLE DE QUESTIONS RÉPONDUE"),
        (NatureDocument.FEUILLE_DE_MOTIVATION, "FEUILLE DE MOTIVATION"),
    ):
        document = Document.objects.get(affaire=affaire_close, nature=nature)
        assert document.version == 1
        pdf = document.fichier.open("rb").read()
        rapport = verifier_pdf(pdf)
        assert rapport.valide, rapport.lignes()
        assert rapport.metadonnees["nature"] == nature.value
        chemin = tmp_path / f"{nature.value}.pdf"
        chemin.write_bytes(pdf)
        verification = lancer("verify", str(chemin))
        assert verification.code == 0, verification.stdout
        assert "Signature n° 1 (President) : valide" in verification.stdout
        assert "concorde avec le journal actuel" in verification.stdout
        texte = texte_du_pdf(chemin)
        assert titre in texte
        assert "Le premier juré désigné par le sort, Claire MARCHAND" in texte
        assert "Le président, Mme Hélène ROUSSEL" in texte
        pages_en_png(chemin, f"delibere-{nature.value}")
    feuille = texte_du_pdf(tmp_path / "feuille_repondue.pdf")
    assert "ordre du tirage au sort : 1. Claire MARCHAND, 2. Bernard LEROY" in feuille
    assert "9. Jeanne COLIN" in feuille
    deliberation = Deliberation.objects.get(affaire=affaire_close)
    assert deliberation.jure_signataire is not None and deliberation.jure_signataire.rang == 1
    assert deliberation.cle_de_reprise is None


def test_une_regeneration_par_le_greffe_fait_une_nouvelle_version_et_garde_l_ancienne(
    affaire_close: Affaire,
) -> None:
    _enregistrer(affaire_close)
    reponse = _client("greffiere").post(
        f"/affaires/{affaire_close.pk}/documents/", {"nature": "feuille_repondue"}
    )
    assert reponse.status_code == 302
    versions = Document.objects.filter(affaire=affaire_close, nature=NatureDocument.FEUILLE_REPONDUE)
    assert sorted(versions.values_list("version", flat=True)) == [1, 2]
    # Générée par le greffe, la version 2 attend la signature du président, dans sa session.
    nouvelle = versions.get(version=2)
    assert not verifier_pdf(nouvelle.fichier.open("rb").read()).valide
    signee = _client("presidente").post(f"/affaires/{affaire_close.pk}/documents/{nouvelle.pk}/signer/")
    assert signee.status_code == 302
    for document in Document.objects.filter(affaire=affaire_close, nature=NatureDocument.FEUILLE_REPONDUE):
        assert verifier_pdf(document.fichier.open("rb").read()).valide


def test_le_jure_designe_par_la_majorite_signe_quand_le_premier_ne_le_peut(
    affaire_close: Affaire, tmp_path: Path
) -> None:
    assert _enregistrer(affaire_close, jure_signataire=3).status_code == 200
    document = Document.objects.get(affaire=affaire_close, nature=NatureDocument.FEUILLE_REPONDUE)
    chemin = tmp_path / "feuille.pdf"
    chemin.write_bytes(document.fichier.open("rb").read())
    assert (
        "Le juré désigné par la majorité des membres de la cour d'assises, le premier juré ne pouvant"
        " signer (art. 364 CPP), Amina FONTAINE" in texte_du_pdf(chemin)
    )


def test_un_jure_hors_du_jury_est_refuse_sans_rien_ecrire(affaire_close: Affaire) -> None:
    reponse = _enregistrer(affaire_close, jure_signataire=10)
    assert reponse.status_code == 400
    assert "Aucun juré de rang 10" in reponse.json()["erreurs"][0]
    assert not Document.objects.filter(affaire=affaire_close, nature=NatureDocument.FEUILLE_REPONDUE).exists()
    assert Deliberation.objects.get(affaire=affaire_close).feuille is None


def test_le_delibere_ne_s_ouvre_pas_sans_le_jury_de_jugement_complet(affaire_close: Affaire) -> None:
    affaire_close.jures.filter(rang=9).delete()
    reponse = _client("presidente").post(f"/affaires/{affaire_close.pk}/deliberation/ouvrir/", follow=True)
    assert (
        "Le jury de jugement compte neuf jurés (cour d'assises statuant en appel) : huit sont inscrits."
        in (html.unescape(reponse.content.decode()))
    )
    assert not Deliberation.objects.exists()


@pytest.mark.parametrize("nom", TOUS)
def test_avant_le_verdict_personne_ne_lit_les_feuilles_du_delibere(affaire_close: Affaire, nom: str) -> None:
    _ouvrir(affaire_close)
    for suffixe in ("feuille.pdf", "motivation.pdf"):
        assert _client(nom).get(f"/affaires/{affaire_close.pk}/deliberation/{suffixe}").status_code == 403


@pytest.mark.parametrize("designe", [False, True])
@pytest.mark.parametrize("nom", TOUS)
def test_apres_le_verdict_le_greffe_et_l_assesseur_designe_lisent_les_feuilles(
    affaire_close: Affaire, nom: str, designe: bool
) -> None:
    assert _enregistrer(affaire_close).status_code == 200
    if designe:
        assesseur = Utilisateur.objects.get(username="assesseur")
        reponse = _client("presidente").post(
            f"/affaires/{affaire_close.pk}/deliberation/assesseur/", {"assesseur": assesseur.pk}
        )
        assert reponse.status_code == 302
        assert Deliberation.objects.get(affaire=affaire_close).assesseur_designe == assesseur
    autorises = {"presidente", "greffiere"} | ({"assesseur"} if designe else set())
    attendu = 200 if nom in autorises else 403
    for suffixe in ("feuille.pdf", "motivation.pdf"):
        reponse = _client(nom).get(f"/affaires/{affaire_close.pk}/deliberation/{suffixe}")
        assert reponse.status_code == attendu, (nom, suffixe)
    for document in Document.objects.filter(affaire=affaire_close, nature__startswith="feuille_"):
        if document.nature == NatureDocument.FEUILLE_DE_QUESTIONS:
            continue
        assert _telecharger(nom, affaire_close, document) == attendu, (nom, document.nature)
    page = _client(nom).get(f"/affaires/{affaire_close.pk}/documents/")
    if page.status_code == 200:
        assert ("Feuille répondue et feuille de motivation" in page.content.decode()) is (nom in autorises)


def test_seul_un_assesseur_de_l_affaire_peut_etre_designe(affaire_close: Affaire) -> None:
    _enregistrer(affaire_close)
    greffiere = Utilisateur.objects.get(username="greffiere")
    reponse = _client("presidente").post(
        f"/affaires/{affaire_close.pk}/deliberation/assesseur/", {"assesseur": greffiere.pk}, follow=True
    )
    assert "Seul un magistrat assesseur de l'affaire" in html.unescape(reponse.content.decode())
    assert Deliberation.objects.get(affaire=affaire_close).assesseur_designe is None
    # Seul le président désigne.
    assesseur = Utilisateur.objects.get(username="assesseur")
    reponse = _client("assesseur").post(
        f"/affaires/{affaire_close.pk}/deliberation/assesseur/", {"assesseur": assesseur.pk}
    )
    assert reponse.status_code == 403
    assert Deliberation.objects.get(affaire=affaire_close).assesseur_designe is None


def _feuille_de(nombre: int, accuses: int = 1) -> dict[str, Any]:
    texte = (
        "L'accusé Thierry VASSEUR est-il coupable d'avoir, à Aubagne (Bouches-du-Rhône), le 14 février"
        " 2022, commis un acte de pénétration sexuelle par violence, contrainte, menace ou surprise sur la"
        " personne d'Inès PETIT ?"
    )
    return {
        "affaire": {
            "juridiction": "Cour d'assises des Bouches-du-Rhône",
            "type_juridiction": "cour_assises_appel",
            "siege": "Aix-en-Provence",
            "session": "Session de novembre 2026",
            "numero": "26/00042",
            "date_proces": "2026-11-23",
            "accuses": ["Thierry VASSEUR"],
        },
        "date_deliberation": "2026-11-27",
        "date_en_lettres": "27 novembre 2026",
        "composition": "Cour d'assises statuant en appel : trois magistrats et neuf jurés, douze votants.",
        "regle": "Toute décision défavorable à l'accusé se forme à la majorité de huit voix au moins.",
        "reponses": [
            {
                "numero": numero,
                "texte": texte,
                "citation": "art. 349 CPP (futur art. L4324-4)",
                "formule": "oui à la majorité de huit voix au moins",
                "posee_au_delibere": False,
                "non_verifie": False,
            }
            for numero in range(1, nombre + 1)
        ],
        "decisions": [
            {
                "accuse": f"A{rang}",
                "nom": f"Accusé n° {rang}",
                "feminin": False,
                "faits": [
                    {"fait": f"F{n}", "libelle": f"viol (fait F{n})", "issue": "coupable", "questions": [n]}
                    for n in range(1, 4)
                ],
                "decision": f"L'accusé n° {rang} est déclaré coupable : viol (fait F1).",
                "peine": "dix-huit ans de réclusion criminelle, à la majorité absolue des votants",
            }
            for rang in range(1, accuses + 1)
        ],
        "signatures": ["Le président", "Le premier juré désigné par le sort, Claire MARCHAND"],
        "jury": ["Claire MARCHAND"],
        "president": "Mme Hélène ROUSSEL",
    }


def _pages(pdf: bytes, chemin: Path) -> list[str]:
    chemin.write_bytes(pdf)
    nombre = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", str(chemin)], capture_output=True, text=True, check=True).stdout,
        ).group(1)
    )  # type: ignore[union-attr]
    return [
        re.sub(
            r"\s+",
            " ",
            subprocess.run(
                ["pdftotext", "-f", str(p), "-l", str(p), str(chemin), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout,
        )
        for p in range(1, nombre + 1)
    ]


@pytest.mark.parametrize(("questions", "accuses"), [(n, 1) for n in range(3, 15)] + [(2, 40), (9, 40)])
def test_les_signatures_sont_sur_la_page_des_dernieres_reponses(
    questions: int, accuses: int, tmp_path: Path
) -> None:
    pages = _pages(rendre_pdf("feuille_repondue", _feuille_de(questions, accuses)), tmp_path / "f.pdf")
    signee = [p for p in pages if "Fait et signé séance tenante" in p]
    assert len(signee) == 1
    assert "Claire MARCHAND" in signee[0] and "Mme Hélène ROUSSEL" in signee[0]
    # La dernière décision est sur la page des signatures ; la dernière réponse aussi, sauf quand
    # les décisions à elles seules dépassent une page.
    assert f"L'accusé n° {accuses} est déclaré coupable" in signee[0]
    if accuses == 1:
        assert f"Question n° {questions} " in signee[0]


def test_avant_le_verdict_le_greffe_ne_peut_pas_generer_la_feuille_repondue(affaire_close: Affaire) -> None:
    _ouvrir(affaire_close)
    reponse = _client("greffiere").post(
        f"/affaires/{affaire_close.pk}/documents/", {"nature": "feuille_repondue"}
    )
    assert reponse.status_code == 422
    assert "attendez le verdict" in html.unescape(reponse.content.decode())
    assert not Document.objects.filter(affaire=affaire_close, nature=NatureDocument.FEUILLE_REPONDUE).exists()


def test_la_generation_d_une_feuille_du_delibere_ne_se_suit_pas_sans_droit_de_la_lire(
    affaire_close: Affaire,
) -> None:
    _enregistrer(affaire_close)
    _client("greffiere").post(f"/affaires/{affaire_close.pk}/documents/", {"nature": "feuille_de_motivation"})
    generation = affaire_close.generations.get(nature=NatureDocument.FEUILLE_DE_MOTIVATION)
    adresse = f"/affaires/{affaire_close.pk}/documents/generations/{generation.pk}/"
    assert _client("greffiere").get(adresse).status_code == 200
    assert _client("assesseur").get(adresse).status_code == 403
    page = _client("assesseur").get(f"/affaires/{affaire_close.pk}/documents/").content.decode()
    assert "Feuille de motivation" not in page


def test_la_cle_de_reprise_est_tiree_a_l_ouverture_remise_au_seul_president_et_detruite_au_verdict(
    affaire_close: Affaire,
) -> None:
    _ouvrir(affaire_close)
    cle = Deliberation.objects.get(affaire=affaire_close).cle_de_reprise
    assert cle is not None and len(bytes(cle)) == 32
    page = _client("presidente").get(f"/affaires/{affaire_close.pk}/deliberation/")
    assert "no-store" in page["Cache-Control"]
    assert base64.b64encode(bytes(cle)).decode() in page.content.decode()
    assert _client("assesseur").get(f"/affaires/{affaire_close.pk}/deliberation/").status_code == 403
    assert _enregistrer(affaire_close).status_code == 200
    assert Deliberation.objects.get(affaire=affaire_close).cle_de_reprise is None


def test_sans_cle_de_signature_le_verdict_reste_enregistre_et_se_scelle_ensuite(
    affaire_close: Affaire, settings: Settings, tmp_path: Path
) -> None:
    reglage = settings.SIGNATURE_PAR_JURIDICTION
    settings.SIGNATURE_PAR_JURIDICTION = {"*": {"pkcs12": tmp_path / "absent.p12", "mot_de_passe": ""}}
    presidente = _client("presidente")
    assert _enregistrer(affaire_close, presidente).status_code == 200
    assert Deliberation.objects.get(affaire=affaire_close).enregistree
    assert not Document.objects.filter(affaire=affaire_close, nature__in=NATURES_DU_DELIBERE).exists()
    page = html.unescape(presidente.get(f"/affaires/{affaire_close.pk}/deliberation/").content.decode())
    assert (
        "Feuille de questions répondue n'a pas pu être scellée : certificat de signature introuvable" in page
    )
    assert "ne sont pas encore scellées" in page
    # Jamais un PDF non signé à la place.
    assert presidente.get(f"/affaires/{affaire_close.pk}/deliberation/feuille.pdf").status_code == 404

    settings.SIGNATURE_PAR_JURIDICTION = reglage
    assert presidente.post(f"/affaires/{affaire_close.pk}/deliberation/sceller/").status_code == 302
    assert Document.objects.filter(affaire=affaire_close, nature__in=NATURES_DU_DELIBERE).count() == 2
    assert presidente.get(f"/affaires/{affaire_close.pk}/deliberation/feuille.pdf").status_code == 200


def test_la_designation_de_l_assesseur_fait_une_nouvelle_version_de_la_motivation_qui_le_nomme(
    affaire_close: Affaire, tmp_path: Path
) -> None:
    _enregistrer(affaire_close)
    assesseur = Utilisateur.objects.get(username="assesseur")
    _client("presidente").post(
        f"/affaires/{affaire_close.pk}/deliberation/assesseur/", {"assesseur": assesseur.pk}
    )
    versions = Document.objects.filter(affaire=affaire_close, nature=NatureDocument.FEUILLE_DE_MOTIVATION)
    assert sorted(versions.values_list("version", flat=True)) == [1, 2]
    textes = {}
    for document in versions:
        chemin = tmp_path / f"v{document.version}.pdf"
        chemin.write_bytes(document.fichier.open("rb").read())
        textes[document.version] = texte_du_pdf(chemin)
    assert "Rédaction : le président (art. 365-1 al. 1 CPP)." in textes[1]
    assert f"Rédaction confiée par le président à {assesseur.nom_complet()}, magistrat assesseur" in textes[2]
    # La feuille répondue, elle, n'a pas changé.
    assert Document.objects.filter(affaire=affaire_close, nature=NatureDocument.FEUILLE_REPONDUE).count() == 1
