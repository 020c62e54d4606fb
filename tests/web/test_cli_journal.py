"""``pretoire log verify`` : 0 si la chaîne est intègre, 1 si elle est rompue, 2 si l'affaire est inconnue."""

from __future__ import annotations

import pytest
from django.db import connection

from pretoire.cli import main
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


def test_verifier_un_journal_integre(affaire_demo: Affaire, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "verify", "26/00042"]) == 0
    assert "Chaîne intègre : 2 événement(s) vérifié(s)." in capsys.readouterr().out


def test_verifier_un_journal_falsifie(affaire_demo: Affaire, capsys: pytest.CaptureFixture[str]) -> None:
    with connection.cursor() as curseur:
        if connection.vendor == "sqlite":
            curseur.execute("DROP TRIGGER journal_evenement_sans_modification")
        else:
            curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            curseur.execute("DROP TRIGGER journal_evenement_sans_modification ON journal_evenement")
        curseur.execute("UPDATE journal_evenement SET auteur_libelle = 'Autre' WHERE numero = 1")
    assert main(["log", "verify", str(affaire_demo.pk)]) == 1
    assert "Chaîne rompue à l'événement n° 1" in capsys.readouterr().out


def test_une_affaire_inconnue_sort_en_code_2(
    affaire_demo: Affaire, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "verify", "99/99999"]) == 2
    assert "aucune affaire « 99/99999 »" in capsys.readouterr().err
