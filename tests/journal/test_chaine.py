"""Le journal d'audience : chaîne d'empreintes, immuabilité en base, corrections."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement, verifier_journal
from pretoire.journal.donnees import DonneesInvalides
from pretoire.journal.models import Evenement
from pretoire.law.debats import OrdreDesDebatsViole, TypeEvenement
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db


def consigner(
    affaire: Affaire, auteur: Utilisateur, type_evenement: TypeEvenement, **donnees: object
) -> Evenement:
    return do_consigner_evenement(affaire, type_evenement, donnees, auteur=auteur)


def test_chaque_evenement_scelle_l_empreinte_du_precedent(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    nouveau = consigner(
        affaire_demo, greffiere, TypeEvenement.INCIDENT_TECHNIQUE, description="Micro coupé 20 s"
    )
    precedent = Evenement.objects.get(affaire=affaire_demo, numero=nouveau.numero - 1)
    assert nouveau.empreinte_precedente == precedent.empreinte
    assert len(nouveau.empreinte) == 64
    resultat = verifier_journal(affaire_demo)
    assert resultat.valide
    assert resultat.nombre_evenements == 3
    assert resultat.derniere_empreinte == nouveau.empreinte


def test_la_base_refuse_la_modification_et_la_suppression_d_un_evenement(
    affaire_demo: Affaire,
) -> None:
    for ordre in (
        "UPDATE journal_evenement SET auteur_libelle = 'Faussaire' WHERE numero = 1",
        "DELETE FROM journal_evenement WHERE numero = 2",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as curseur:
            curseur.execute(ordre)
    assert Evenement.objects.filter(affaire=affaire_demo).count() == 2
    assert verifier_journal(affaire_demo).valide


def _retirer_les_declencheurs() -> None:
    """Ce que ferait un administrateur de la base décidé à falsifier le journal."""
    with connection.cursor() as curseur:
        if connection.vendor == "sqlite":
            curseur.execute("DROP TRIGGER journal_evenement_sans_modification")
            curseur.execute("DROP TRIGGER journal_evenement_sans_suppression")
        else:
            # Les contrôles de clés étrangères différés de la transaction de test doivent
            # d'abord s'exécuter : PostgreSQL refuse de modifier une table qui en a en attente.
            curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            curseur.execute("DROP TRIGGER journal_evenement_sans_modification ON journal_evenement")


def test_une_ligne_falsifiee_en_sql_brut_est_detectee_a_son_numero(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    consigner(affaire_demo, greffiere, TypeEvenement.INCIDENT_TECHNIQUE, description="Image figée 4 s")
    _retirer_les_declencheurs()
    with connection.cursor() as curseur:
        curseur.execute(
            "UPDATE journal_evenement SET donnees = %s WHERE affaire_id = %s AND numero = 2",
            [
                '{"deposant": "Quelqu\'un d\'autre", "qualite": "expert", "modalite": "visioconference"}',
                affaire_demo.pk,
            ],
        )
    resultat = verifier_journal(affaire_demo)
    assert not resultat.valide
    assert resultat.premier_maillon_rompu == 2
    assert "n° 2" in resultat.message


def test_un_evenement_retire_en_sql_brut_rompt_la_chaine(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    consigner(affaire_demo, greffiere, TypeEvenement.INCIDENT_TECHNIQUE, description="Son haché")
    _retirer_les_declencheurs()
    with connection.cursor() as curseur:
        curseur.execute(
            "DELETE FROM journal_evenement WHERE affaire_id = %s AND numero = 2", [affaire_demo.pk]
        )
    resultat = verifier_journal(affaire_demo)
    assert not resultat.valide
    assert resultat.premier_maillon_rompu == 2


def test_une_correction_designe_l_evenement_corrige_sans_le_modifier(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    avant = Evenement.objects.get(affaire=affaire_demo, numero=2)
    correction = consigner(
        affaire_demo,
        greffiere,
        TypeEvenement.CORRECTION,
        evenement=2,
        motif="Nom de l'expert mal orthographié",
    )
    assert correction.corrige == avant
    assert Evenement.objects.get(pk=avant.pk).empreinte == avant.empreinte
    assert verifier_journal(affaire_demo).valide


def test_une_correction_d_un_evenement_inexistant_est_refusee_sans_rien_ecrire(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    with pytest.raises(DonneesInvalides, match="aucun événement n° 99"):
        consigner(affaire_demo, greffiere, TypeEvenement.CORRECTION, evenement=99, motif="erreur")
    assert Evenement.objects.filter(affaire=affaire_demo).count() == 2


def test_l_ordre_des_debats_est_impose_avec_un_message_en_francais(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    with pytest.raises(OrdreDesDebatsViole, match="défense plaide après le réquisitoire"):
        consigner(affaire_demo, greffiere, TypeEvenement.PLAIDOIRIE_DEFENSE)
    consigner(affaire_demo, greffiere, TypeEvenement.REQUISITOIRE)
    with pytest.raises(OrdreDesDebatsViole, match="parole le dernier"):
        consigner(affaire_demo, greffiere, TypeEvenement.CLOTURE_DEBATS)
    consigner(affaire_demo, greffiere, TypeEvenement.PLAIDOIRIE_DEFENSE)
    consigner(affaire_demo, greffiere, TypeEvenement.DERNIERE_PAROLE_ACCUSE, accuse="A1")
    consigner(affaire_demo, greffiere, TypeEvenement.CLOTURE_DEBATS)
    with pytest.raises(OrdreDesDebatsViole, match="après la clôture"):
        consigner(
            affaire_demo,
            greffiere,
            TypeEvenement.AUDITION,
            deposant="X",
            qualite="temoin",
            modalite="presentiel",
        )
    consigner(affaire_demo, greffiere, TypeEvenement.LECTURE_QUESTIONS)
    assert Evenement.objects.filter(affaire=affaire_demo).count() == 7
    assert verifier_journal(affaire_demo).valide


def test_un_evenement_ne_peut_designer_qu_un_accuse_et_un_fait_de_l_affaire(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    with pytest.raises(DonneesInvalides) as refus:
        consigner(
            affaire_demo,
            greffiere,
            TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF,
            accuse="A9",
            fait="F9",
            element="contrainte",
        )
    assert {e.champ for e in refus.value.erreurs} == {"accusé", "fait"}
    assert Evenement.objects.filter(affaire=affaire_demo).count() == 2


def test_les_donnees_invalides_nomment_le_champ_en_francais(
    affaire_demo: Affaire, greffiere: Utilisateur
) -> None:
    with pytest.raises(DonneesInvalides) as refus:
        consigner(affaire_demo, greffiere, TypeEvenement.AUDITION, qualite="astrologue", inconnu="x")
    messages = [str(e) for e in refus.value.erreurs]
    assert any(m.startswith("déposant : ") and "obligatoire" in m for m in messages)
    assert any(m.startswith("qualité : ") and "valeurs permises" in m for m in messages)
    assert any("n'est pas prévu" in m for m in messages)
