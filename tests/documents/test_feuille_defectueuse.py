"""La feuille signée n'est pas établie tant que le moteur y voit une erreur : rien n'est écrit."""

from __future__ import annotations

import pytest

from pretoire.comptes.models import Utilisateur
from pretoire.documents.actions import do_generer_document
from pretoire.documents.contenus import DocumentImpossible
from pretoire.documents.models import Document, NatureDocument
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.proces.models import Affaire


def test_une_feuille_en_erreur_n_est_pas_signee(affaire: Affaire, greffiere: Utilisateur) -> None:
    do_consigner_evenement(
        affaire,
        TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF,
        {"accuse": "A1", "fait": "F1", "element": "contrainte"},
        auteur=greffiere,
    )
    avant = Document.objects.count()
    with pytest.raises(DocumentImpossible) as refus:
        do_generer_document(affaire, NatureDocument.FEUILLE_DE_QUESTIONS)
    assert "la feuille de questions a 1 erreur" in str(refus.value)
    assert "Question subsidiaire obligatoire « atteinte sexuelle sur mineur de quinze ans »" in str(
        refus.value
    )
    assert "art. 351 al. 2 CPP (futur art. L4324-8)" in str(refus.value)
    assert Document.objects.count() == avant
