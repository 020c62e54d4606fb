"""La feuille de questions de l'affaire, sur la page de la présidence, suit le journal."""

from __future__ import annotations

import re

import pytest
import yaml
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.mise_en_accusation import charger_dossier
from pretoire.proces.demo import dossier_demo
from pretoire.proces.models import Affaire
from pretoire.questions.actions import dossier_de_l_affaire, feuille_de_l_affaire

pytestmark = pytest.mark.django_db


def test_l_export_redonne_le_dossier_importe(affaire_demo: Affaire) -> None:
    assert dossier_de_l_affaire(affaire_demo) == dossier_demo()


def test_la_contestation_de_la_contrainte_puis_l_information_des_parties_ajoutent_la_question_subsidiaire(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    avant = feuille_de_l_affaire(affaire_demo).en_json()
    assert not [q for q in avant["questions"] if q["kind"] == "subsidiaire"]
    assert not avant["diagnostics"]

    do_consigner_evenement(
        affaire_demo,
        TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF,
        {"accuse": "A1", "fait": "F1", "element": "contrainte"},
        auteur=greffiere,
    )
    # La question devient obligatoire, mais ne peut être posée sans information préalable.
    contestee = feuille_de_l_affaire(affaire_demo).en_json()
    (diagnostic,) = contestee["diagnostics"]
    assert diagnostic["severity"] == "erreur"
    assert "art. 351 al. 2 CPP (futur art. L4324-8)" in diagnostic["citation"]
    assert diagnostic["fact"] == "F1"

    do_consigner_evenement(
        affaire_demo,
        TypeEvenement.INFORMATION_QUESTION,
        {
            "nature": "subsidiaire",
            "accuse": "A1",
            "fait": "F1",
            "qualification": "atteinte_sexuelle_sur_mineur_de_quinze_ans",
        },
        auteur=greffiere,
    )
    informee = feuille_de_l_affaire(affaire_demo).en_json()
    assert not informee["diagnostics"]
    (subsidiaire,) = [q for q in informee["questions"] if q["kind"] == "subsidiaire"]
    assert subsidiaire["fact"] == "F1"
    assert "atteinte sexuelle" in subsidiaire["text"]
    assert subsidiaire["depends_on"][0] == {"number": 1, "answer": "non"}


def test_la_presidence_voit_la_feuille_et_le_barreau_non(affaire_demo: Affaire) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    fragment = client.get(f"/affaires/{affaire_demo.pk}/questions/").content.decode()
    assert "Question n° 1" in fragment
    assert "est-il coupable" in fragment
    pdf = client.get(f"/affaires/{affaire_demo.pk}/questions/feuille.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    client.force_login(Utilisateur.objects.get(username="defense"))
    assert client.get(f"/affaires/{affaire_demo.pk}/questions/").status_code == 403
    assert client.get(f"/affaires/{affaire_demo.pk}/questions/feuille.pdf").status_code == 403


def test_le_greffe_exporte_un_dossier_relisible(affaire_demo: Affaire) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="greffiere"))
    reponse = client.get(f"/affaires/{affaire_demo.pk}/dossier.yaml")
    assert reponse.status_code == 200
    texte = reponse.content.decode()
    assert yaml.safe_load(texte)["affaire"]["numero"] == "26/00042"
    assert charger_dossier(texte, "export.yaml") == dossier_demo()


def test_la_feuille_et_le_dossier_nomment_natures_qualifications_et_circonstances_en_francais(
    affaire_demo: Affaire,
) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    fragment = client.get(f"/affaires/{affaire_demo.pk}/questions/").content.decode()
    assert '<span class="nature">question principale</span> <span class="objet">viol</span>' in fragment
    assert (
        '<span class="nature">circonstance aggravante</span>'
        ' <span class="objet">victime mineure de quinze ans</span>'
    ) in fragment
    assert "alors qu&#x27;Inès PETIT était âgée de moins de quinze ans" in fragment
    dossier = client.get(f"/affaires/{affaire_demo.pk}/").content.decode()
    assert "<strong>agression sexuelle</strong>" in dossier
    assert "Circonstances aggravantes : victime mineure de quinze ans" in dossier
    visible = re.sub(r"<[^>]+>", " ", fragment + dossier)
    for code in ("mineur_de_quinze_ans", "agression_sexuelle", "circonstance_aggravante", "speciale"):
        assert code not in visible, code


def test_une_question_d_irresponsabilite_unique_est_nommee_comme_telle(db: None) -> None:
    from pretoire.law.questions import NatureQuestion
    from pretoire.law.questions.modele import libelle_de_la_nature
    from pretoire.questions.actions import objet_en_clair

    dossier = dossier_demo()
    assert libelle_de_la_nature(NatureQuestion.IRRESPONSABILITE, "") == (
        "irresponsabilité : question unique pour l'ensemble des faits"
    )
    assert (
        objet_en_clair(dossier, NatureQuestion.IRRESPONSABILITE, "", "122-1 al. 1") == "art. 122-1 al. 1 CP"
    )
    assert objet_en_clair(
        dossier, NatureQuestion.SUBSIDIAIRE, "F1", "atteinte_sexuelle_sur_mineur_de_quinze_ans"
    ) == ("atteinte sexuelle sur mineur de quinze ans")
    assert objet_en_clair(dossier, NatureQuestion.CAUSE_EXEMPTION_DIMINUTION, "F1", "repentir") is None
