"""Le PDF de la feuille, à l'écran de la présidence, est refusé tant que le moteur y voit une erreur."""

from __future__ import annotations

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


def test_le_pdf_d_une_feuille_en_erreur_est_refuse_en_francais_sans_erreur_500(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    adresse = f"/affaires/{affaire_demo.pk}/questions/feuille.pdf"
    assert client.get(adresse).status_code == 200
    # La contrainte contestée rend obligatoire la question d'atteinte sexuelle (art. 351 al. 2),
    # qui ne peut être posée sans information préalable des parties (art. 351-1) : erreur.
    do_consigner_evenement(
        affaire_demo,
        TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF,
        {"accuse": "A1", "fait": "F1", "element": "contrainte"},
        auteur=greffiere,
    )
    reponse = client.get(adresse)
    assert reponse.status_code == 409
    assert reponse["Content-Type"].startswith("text/html")
    page = reponse.content.decode()
    assert "Feuille de questions défectueuse" in page
    assert "aucun PDF n&#x27;est établi" in page or "aucun PDF n'est établi" in page
    assert "atteinte sexuelle sur mineur de quinze ans" in page
    assert not reponse.content.startswith(b"%PDF")
