"""Le procès-verbal signé, lu comme un lecteur le lit : le texte du PDF comparé aux événements du journal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pretoire.deposition.models import Deposition
from pretoire.documents.actions import do_generer_document
from pretoire.documents.contenus import DocumentImpossible
from pretoire.documents.models import Document, NatureDocument
from pretoire.journal.models import Evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.proces_verbal import heure
from pretoire.law.redaction import duree_en_francais
from pretoire.proces.models import Affaire

from .conftest import pages_en_png, texte_du_pdf

pytestmark = pytest.mark.django_db


def generer_pv(affaire: Affaire, deposition: Deposition, **options: bool) -> Document:
    return do_generer_document(affaire, NatureDocument.PROCES_VERBAL, deposition=deposition, **options)


def test_chaque_periode_du_journal_figure_dans_le_pdf_avec_sa_duree_a_l_heure_de_paris(
    affaire: Affaire, deposition: Deposition
) -> None:
    document = generer_pv(affaire, deposition)
    texte = texte_du_pdf(Path(document.fichier.path))
    fins = Evenement.objects.filter(
        affaire=affaire,
        donnees__deposition=deposition.pk,
        type__in=[TypeEvenement.INTERRUPTION_FIN, TypeEvenement.AUDIO_SEUL_FIN],
    )
    assert fins.count() == 2
    for fin in fins:
        debut, fin_periode = (datetime.fromisoformat(fin.donnees[k]) for k in ("debut", "fin"))
        duree = duree_en_francais(fin.donnees["duree_s"])
        # Dans le tableau des incidents et dans le constat des défauts.
        assert f"{heure(debut)} {heure(fin_periode)} {duree}" in texte
        assert f"de {heure(debut)} à {heure(fin_periode)} (durée : {duree})" in texte
    assert (
        "audition exclusivement sonore de 10 h 41 min 12 s à 10 h 44 min 03 s (durée : 2 min 51 s)" in texte
    )
    assert "Cass. crim., 20 février 2019, n° 18-82.164" in texte
    assert (
        "interruption de l'image et du son reçus par la salle d'audience de 10 h 21 min 12 s à 10 h 21 min 19 s (durée : 7 s)"
        in texte
    )


def test_la_chronologie_du_pdf_reprend_chaque_evenement_de_la_deposition_a_la_seconde(
    affaire: Affaire, deposition: Deposition
) -> None:
    document = generer_pv(affaire, deposition)
    texte = texte_du_pdf(Path(document.fichier.path))
    evenements = Evenement.objects.filter(affaire=affaire, donnees__deposition=deposition.pk).exclude(
        type=TypeEvenement.QUALITE_MINUTE
    )
    assert evenements.count() > 20
    for evenement in evenements:
        # L'heure en base est en UTC ; le PDF la donne à l'heure de Paris (UTC+1 en novembre).
        assert evenement.horodatage.utcoffset().total_seconds() == 0
        assert f"{evenement.numero} {heure(evenement.horodatage)} {evenement.libelle}" in texte
    for attendu in [
        "Début de connexion 10 h 00 min 22 s",
        "Fin de connexion 10 h 52 min 45 s",
        "Essai du matériel concluant à 9 h 58 min 40 s (art. D. 47-12-6 CPP)",
        "Lieu déclaré cabinet médical, Marseille (Bouches-du-Rhône)",
        "Demande de donné acte Défense de M. Thierry VASSEUR",
        "Le journal d'audience consigne 2 défauts",
        "Hébergement du dispositif : serveur de la juridiction",
        "art. R. 53-38 CPP",
        "art. D. 47-12-5 CPP",
        "Cass. crim., 11 décembre 2024, n° 24-80.966",
        "PROCÈS-VERBAL DES OPÉRATIONS",
        "Audience du lundi 23 novembre 2026",
        "page 1 / ",
        document.empreinte_journal[:16],
    ]:
        assert attendu in texte.replace("’", "'"), attendu
    assert "PROVISOIRE" not in texte
    pages = pages_en_png(Path(document.fichier.path), "proces-verbal")
    assert len(pages) >= 3


def test_regenerer_fait_une_version_2_et_garde_la_1(affaire: Affaire, deposition: Deposition) -> None:
    premiere = generer_pv(affaire, deposition)
    seconde = generer_pv(affaire, deposition)
    assert (premiere.version, seconde.version) == (1, 2)
    assert Path(premiere.fichier.path).exists() and Path(seconde.fichier.path).exists()
    assert premiere.fichier.name != seconde.fichier.name
    assert premiere.empreinte_journal == seconde.empreinte_journal
    assert "version 2" in texte_du_pdf(Path(seconde.fichier.path))


def test_le_pv_d_une_deposition_en_cours_est_refuse_sauf_provisoire(
    affaire: Affaire, deposition_en_cours: Deposition
) -> None:
    with pytest.raises(DocumentImpossible, match="« déposition en cours » : le procès-verbal des opérations"):
        generer_pv(affaire, deposition_en_cours)
    assert not Document.objects.exists()
    provisoire = generer_pv(affaire, deposition_en_cours, provisoire=True)
    texte = texte_du_pdf(Path(provisoire.fichier.path))
    assert provisoire.provisoire
    assert "PROCÈS-VERBAL PROVISOIRE DES OPÉRATIONS" in texte and "PROVISOIRE" in texte
    assert "Procès-verbal provisoire : la déposition n'est pas terminée." in texte.replace("’", "'")
    pages_en_png(Path(provisoire.fichier.path), "proces-verbal-provisoire")


def test_une_correction_consignee_apres_la_deposition_figure_au_pv(
    affaire: Affaire, deposition: Deposition
) -> None:
    from pretoire.comptes.models import Utilisateur
    from pretoire.journal.actions import do_consigner_evenement

    serment = Evenement.objects.get(affaire=affaire, type=TypeEvenement.SERMENT)
    do_consigner_evenement(
        affaire,
        TypeEvenement.INCIDENT_TECHNIQUE,
        {"description": "Sans rapport avec la déposition"},
        auteur=Utilisateur.objects.get(username="greffiere"),
    )
    correction = do_consigner_evenement(
        affaire,
        TypeEvenement.CORRECTION,
        {"evenement": serment.numero, "motif": "Serment prêté à 10 h 02, non à 10 h 03."},
        auteur=Utilisateur.objects.get(username="greffiere"),
    )
    document = generer_pv(affaire, deposition)
    assert document.journal_dernier == correction.numero
    texte = texte_du_pdf(Path(document.fichier.path))
    assert (
        f"corrige l'événement n° {serment.numero} : Serment prêté à 10 h 02, non à 10 h 03."
        in texte.replace("’", "'")
    )
    assert "Sans rapport avec la déposition" not in texte
