"""Des noms et des navigateurs hostiles, par chaque porte d'entrée et dans chaque document.

L'adversaire : un visiteur muni d'un lien valide (il choisit son User-Agent, son nom, ce que
son navigateur envoie), un dossier importé, un appel à l'API. Ce qu'il écrit finit au journal,
qui ne s'efface pas : un seul caractère que les polices ne dessinent pas rendait impossibles, pour
toujours, le procès-verbal, l'extrait et la feuille ; un forçage de sens faisait lire « OUTSIDE »
là où « \\u202eEDISTUO » avait été saisi.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.consumers import nom_cookie
from pretoire.deposition.models import Deposition
from pretoire.documents import polices, rendu
from pretoire.documents.actions import do_generer_document
from pretoire.documents.models import Document, NatureDocument
from pretoire.journal import chaine
from pretoire.journal.models import Evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.mise_en_accusation import charger_dossier
from pretoire.law.visio import QualiteDeposant
from pretoire.proces.models import Affaire
from pretoire.texte import FORCAGES_DE_SENS

from .conftest import pages_en_png, texte_du_pdf

pytestmark = pytest.mark.django_db

FORCAGE = "\u202eEDISTUO"  # s'affiche « OUTSIDE » si le forçage de sens est obéi
CORPUS: dict[str, str] = {
    "chinois": "张伟",
    "thaï": "สมชาย",
    "arabe": "عبد\u200cالله",
    "hébreu": "שלום \u05d3\u05d5\u05d3",
    "dévanagari": "देवनागरी",
    "émoji": "\U0001f600\u200d\U0001f4bb",
    "combinants": "Zoe\u0301 Z\u0338\u0311a\u0363",
    "non-caractère": "x\uffffy",
    "usage privé": "\ue000",
    "C0": "a\x07b\x1bc",
    "C1": "d\x85e\x9bf",
    "forçage": FORCAGE,
    "isolat": "\u2067EDOC\u2069",
    "invisibles": "in\u200bvi\ufeffsible\u2060",
}
TOUT = " ".join(CORPUS.values())
AGENT_HOSTILE = "Mozilla/5.0\x85\x9b" + FORCAGE + " 张伟 สมชาย \x07" + "A" * 2000
SUBSTITUTION_ISOLEE = '"\\ud800 \\u202eEDISTUO"'  # JSON brut : une moitié de paire isolée


def sans_caractere_dangereux(texte: str) -> bool:
    return not any(
        c in FORCAGES_DE_SENS or (unicodedata.category(c) in ("Cc", "Cs") and c != "\n") for c in texte
    )


def textes(valeur: Any) -> list[str]:
    if isinstance(valeur, str):
        return [valeur]
    if isinstance(valeur, dict):
        return [t for v in valeur.values() for t in textes(v)]
    if isinstance(valeur, list):
        return [t for v in valeur for t in textes(v)]
    return []


def texte_de(document: Document) -> str:
    texte = texte_du_pdf(Path(document.fichier.path))
    assert "OUTSIDE" not in texte and "CODE" not in texte
    return texte


@pytest.fixture
def greffiere(affaire: Affaire) -> Utilisateur:
    return Utilisateur.objects.get(username="greffiere")


def _deposition_par_le_web(affaire: Affaire, greffiere: Utilisateur) -> Deposition:
    """Le parcours du déposant fait par un navigateur hostile, page après page."""
    jour = affaire.jours_audience.order_by("date").first()
    invitation = actions.do_inviter(
        affaire,
        jour,
        "M. " + CORPUS["chinois"] + " " + FORCAGE,
        QualiteDeposant.TEMOIN,
        auteur=greffiere,
        expire_le=timezone.now() + timedelta(days=1),
    )
    navigateur = Client(HTTP_USER_AGENT=AGENT_HOSTILE, HTTP_SEC_CH_UA_PLATFORM='"Li\u202enux\x85"')
    jeton = invitation.jeton
    assert navigateur.post(f"/visio/{jeton}/", {"code": invitation.code}).status_code == 302
    assert nom_cookie(jeton) in navigateur.cookies
    essai = {
        "resultat": "concluant",
        "camera": True,
        "microphone": True,
        "haut_parleur": True,
        "webrtc": True,
        "chiffrement": True,
        "details": TOUT,
    }
    reponse = navigateur.post(f"/visio/{jeton}/essai/", json.dumps(essai), content_type="application/json")
    assert reponse.status_code == 200, reponse.content
    identite = {
        "nom": CORPUS["chinois"] + FORCAGE + "\x07",
        "prenoms": CORPUS["thaï"] + " " + CORPUS["arabe"] + " " + CORPUS["combinants"],
        "qualite": "temoin",
        "lieu": CORPUS["hébreu"] + " " + CORPUS["dévanagari"] + " " + CORPUS["émoji"] + "\uffff",
    }
    assert navigateur.post(f"/visio/{jeton}/identite/", identite).status_code == 302
    deposition = Deposition.objects.get(pk=invitation.deposition.pk)
    for commande, donnees in [
        ("admettre", {}),
        ("verifier_identite", {}),
        ("code_concordant", {"mots": "a b c " + FORCAGE}),
        ("commencer", {}),
        ("terminer", {}),
    ]:
        deposition = actions.do_commande_du_greffe(deposition, commande, donnees, auteur=greffiere)
    # L'API : une partie donne acte d'un incident visant la déposition, JSON écrit à la main.
    api = Client()
    api.force_login(greffiere)
    corps = (
        '{"type": "demande_donne_acte", "donnees": {"partie": "Défense \\u202eEDISTUO",'
        f' "objet": {SUBSTITUTION_ISOLEE}, "deposition": {deposition.pk}}}}}'
    )
    reponse = api.post(f"/api/affaires/{affaire.pk}/journal", corps, content_type="application/json")
    assert reponse.status_code == 201, reponse.content
    return deposition


def test_un_deposant_hostile_ne_laisse_au_journal_ni_controle_ni_forcage_de_sens(
    affaire: Affaire, greffiere: Utilisateur
) -> None:
    deposition = _deposition_par_le_web(affaire, greffiere)
    evenements = Evenement.objects.filter(affaire=affaire, donnees__deposition=deposition.pk)
    assert evenements.count() > 8
    for evenement in evenements:
        for texte in textes(evenement.donnees):
            assert sans_caractere_dangereux(texte), (evenement.type, texte)
    identite = evenements.get(type=TypeEvenement.IDENTITE_DECLAREE).donnees
    assert identite["nom"] == "张伟EDISTUO"
    assert identite["lieu"].endswith("\ufffd")
    assert (
        evenements.get(type=TypeEvenement.INVITATION_UTILISEE)
        .donnees["navigateur"]
        .startswith("Mozilla/5.0EDISTUO 张伟 สมชาย A")
    )
    assert evenements.get(type=TypeEvenement.DEMANDE_DONNE_ACTE).donnees["objet"] == "\ufffd EDISTUO"
    deposition.refresh_from_db()
    assert deposition.deposant == "M. 张伟 EDISTUO"


def test_chaque_document_se_rend_avec_les_ecritures_du_deposant_hostile(
    affaire: Affaire, greffiere: Utilisateur
) -> None:
    deposition = _deposition_par_le_web(affaire, greffiere)
    document = do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition)
    pages_en_png(Path(document.fichier.path), "pv-textes-hostiles")
    pv = texte_de(document)
    extrait = texte_de(do_generer_document(affaire, NatureDocument.EXTRAIT_DU_JOURNAL))
    texte_de(do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS))
    for texte in (pv, extrait):
        # Les écritures sont dessinées (pdftotext les relit), pas remplacées.
        for ecrit in ("张伟", "สมชาย", "देवनागरी", "EDISTUO"):
            assert ecrit in texte


def _consigner_tel_quel(affaire: Affaire, type_evenement: TypeEvenement, donnees: dict[str, Any]) -> None:
    """Un événement écrit sans aucune validation, comme le journal d'avant en contient : chaîné,
    donc inaltérable, quoi qu'il contienne."""
    precedent = Evenement.objects.filter(affaire=affaire).order_by("-numero").first()
    evenement = Evenement(
        affaire=affaire,
        numero=precedent.numero + 1 if precedent else 1,
        type=type_evenement.value,
        donnees=donnees,
        auteur_libelle="Greffe \u202eEDISTUO\x07",
        horodatage=max(timezone.now(), precedent.horodatage if precedent else datetime.min),
        empreinte_precedente=precedent.empreinte if precedent else chaine.EMPREINTE_INITIALE,
    )
    evenement.empreinte = chaine.empreinte(**evenement.champs_scelles())
    evenement.save(force_insert=True)


def test_un_journal_qui_contient_deja_des_caracteres_hostiles_rend_encore_chaque_document(
    affaire: Affaire, deposition: Deposition
) -> None:
    _consigner_tel_quel(
        affaire,
        TypeEvenement.DEMANDE_DONNE_ACTE,
        {"partie": TOUT, "objet": "\uffff" * 3 + "B" * 4000, "deposition": deposition.pk},
    )
    _consigner_tel_quel(affaire, TypeEvenement.INCIDENT_TECHNIQUE, {"description": TOUT})
    # Un accusé dont le nom est arrivé avant la normalisation des imports.
    affaire.accuses.filter(pk=affaire.accuses.first().pk).update(
        nom=CORPUS["chinois"] + "\x07" + FORCAGE, prenoms=CORPUS["thaï"] + "\uffff"
    )
    for document in (
        do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition),
        do_generer_document(affaire, NatureDocument.EXTRAIT_DU_JOURNAL),
        do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS),
    ):
        texte = texte_de(document)
        # Ce qu'aucune police ne dessine, ou qui réordonnerait la lecture, est montré « � ».
        assert "\ufffdEDISTUO" in texte
        assert "张伟" in texte


def test_un_dossier_importe_est_normalise_avant_d_entrer_en_base() -> None:
    exemple = Path(__file__).resolve().parents[2] / "examples"
    chemin = next(p for p in sorted(exemple.rglob("*.yaml")) if "accuses:" in p.read_text())
    texte = chemin.read_text().replace('prenoms: "', 'prenoms: "\\u202e\\x85\\uffff ', 1)
    dossier = charger_dossier(texte, chemin.name)
    assert dossier.accuses[0].prenoms.startswith("\ufffd ")


def test_si_typst_refuse_encore_une_grappe_le_document_se_rend_en_latin_et_le_serveur_le_dit(
    affaire: Affaire,
    deposition: Deposition,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Une table de caractères qui promet ce qu'aucune police ne dessine (le non-caractère U+FFFF).
    jeu = polices.jeu_de_polices()
    menteur = replace(jeu, couvertures=(*jeu.couvertures, frozenset({0xFFFF})))
    monkeypatch.setattr(rendu, "jeu_de_polices", lambda: menteur)
    _consigner_tel_quel(affaire, TypeEvenement.INCIDENT_TECHNIQUE, {"description": "\uffff 张伟 Zoé"})
    with caplog.at_level(logging.WARNING, logger="pretoire.documents.rendu"):
        document = do_generer_document(affaire, NatureDocument.EXTRAIT_DU_JOURNAL)
    texte = texte_de(document)
    assert "\ufffd \ufffd\ufffd Zoé" in texte
    assert "rendu en caractères latins seuls" in caplog.text
