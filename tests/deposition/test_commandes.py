"""Les commandes du greffier : dans l'ordre, au journal sous son nom, jamais à moitié."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.journal.actions import do_consigner_evenement
from pretoire.journal.donnees import DonneesInvalides
from pretoire.journal.models import Evenement
from pretoire.law.debats import TYPES_DE_LA_VISIO, TypeEvenement
from pretoire.law.visio import SERMENT_EXPERT, EtatDeposition
from pretoire.proces.models import Affaire

from .conftest import de_la_deposition, en_salle_d_attente

pytestmark = pytest.mark.django_db

MOTS = {"mots": "lune soleil étoile"}


@pytest.fixture
def en_attente(invitation: actions.InvitationEmise) -> Deposition:
    return en_salle_d_attente(invitation)[0]


def commander(deposition: Deposition, commande: str, auteur: Utilisateur, **donnees: str) -> Deposition:
    return actions.do_commande_du_greffe(deposition, commande, donnees, auteur=auteur)


def refus(deposition: Deposition, commande: str, auteur: Utilisateur, **donnees: str) -> str:
    avant = Evenement.objects.count()
    etat, code_verifie = deposition.etat, deposition.code_verifie
    with pytest.raises(actions.CommandeRefusee) as erreur:
        commander(deposition, commande, auteur, **donnees)
    deposition.refresh_from_db()
    assert Evenement.objects.count() == avant, "une commande refusée n'écrit rien"
    assert (deposition.etat, deposition.code_verifie) == (etat, code_verifie)
    return str(erreur.value)


def admise(deposition: Deposition, greffiere: Utilisateur) -> Deposition:
    return commander(deposition, "admettre", greffiere)


def en_cours(deposition: Deposition, greffiere: Utilisateur) -> Deposition:
    commander(admise(deposition, greffiere), "code_concordant", greffiere, **MOTS)
    return commander(deposition, "commencer", greffiere)


def test_le_parcours_jusqu_a_la_salle_d_attente_est_consigne_dans_l_ordre(en_attente: Deposition) -> None:
    assert en_attente.etat_deposition is EtatDeposition.EN_ATTENTE
    assert [e.type for e in de_la_deposition(en_attente)] == [
        "invitation_creee",
        "invitation_utilisee",
        "essai_materiel",
        "identite_declaree",
        "entree_salle_attente",
    ]
    en_attente.refresh_from_db()
    assert (en_attente.nom_declare, en_attente.prenoms_declares, en_attente.lieu_declare) == (
        "FONTAINE",
        "Claire",
        "Lyon",
    )


def test_admettre_puis_code_concordant_puis_commencer(en_attente: Deposition, greffiere: Utilisateur) -> None:
    deposition = admise(en_attente, greffiere)
    assert deposition.etat_deposition is EtatDeposition.ADMISE
    deposition = commander(deposition, "code_concordant", greffiere, **MOTS)
    assert deposition.etat_deposition is EtatDeposition.ADMISE and deposition.code_verifie
    deposition = commander(deposition, "commencer", greffiere)
    assert deposition.etat_deposition is EtatDeposition.EN_COURS
    assert Deposition.objects.get(pk=deposition.pk).etat == "en_cours"

    faits = de_la_deposition(deposition, "admission", "code_verification_concordant", "deposition_debut")
    assert [e.type for e in faits] == ["admission", "code_verification_concordant", "deposition_debut"]
    for evenement in faits:
        assert evenement.auteur == greffiere
        assert evenement.auteur_libelle == greffiere.nom_complet()
    assert faits[1].donnees["mots"] == "lune soleil étoile"


def test_le_greffier_ne_peut_pas_commencer_sans_code_de_verification_concordant(
    en_attente: Deposition, greffiere: Utilisateur
) -> None:
    deposition = admise(en_attente, greffiere)
    message = refus(deposition, "commencer", greffiere)
    assert "code de vérification" in message


@pytest.mark.parametrize("commande", ["serment", "verifier_identite", "code_concordant", "demander_micro"])
def test_les_actes_en_presence_sont_refuses_avant_l_admission(
    en_attente: Deposition, greffiere: Utilisateur, commande: str
) -> None:
    message = refus(en_attente, commande, greffiere, formule="Je le jure", **MOTS)
    assert "suppose le déposant admis dans la salle" in message


def test_le_serment_et_la_verification_d_identite_sont_consignes_une_fois_admis(
    en_attente: Deposition, greffiere: Utilisateur
) -> None:
    deposition = admise(en_attente, greffiere)
    commander(deposition, "verifier_identite", greffiere)
    commander(deposition, "serment", greffiere, formule=SERMENT_EXPERT)
    types = [e.type for e in de_la_deposition(deposition)][-3:]
    assert types == ["admission", "verification_identite", "serment"]
    assert de_la_deposition(deposition, "serment")[0].donnees["formule"] == SERMENT_EXPERT
    assert Deposition.objects.get(pk=deposition.pk).etat_deposition is EtatDeposition.ADMISE


@pytest.mark.parametrize("etape", ["admise", "en_cours"])
def test_reprendre_est_refuse_si_la_deposition_n_est_pas_suspendue(
    en_attente: Deposition, greffiere: Utilisateur, etape: str
) -> None:
    deposition = admise(en_attente, greffiere) if etape == "admise" else en_cours(en_attente, greffiere)
    assert refus(deposition, "reprendre", greffiere) == "La déposition n'est pas suspendue."


def test_suspendre_reprendre_terminer(en_attente: Deposition, greffiere: Utilisateur) -> None:
    deposition = en_cours(en_attente, greffiere)
    deposition = commander(deposition, "suspendre", greffiere, motif="coupure de courant")
    assert deposition.etat_deposition is EtatDeposition.SUSPENDUE
    assert refus(deposition, "commencer", greffiere).startswith("La déposition est déjà commencée")
    deposition = commander(deposition, "reprendre", greffiere)
    assert deposition.etat_deposition is EtatDeposition.EN_COURS
    deposition = commander(deposition, "terminer", greffiere)
    assert deposition.etat_deposition is EtatDeposition.TERMINEE
    assert [e.type for e in de_la_deposition(deposition)][-4:] == [
        "deposition_debut",
        "deposition_suspension",
        "deposition_reprise",
        "deposition_fin",
    ]
    assert de_la_deposition(deposition, "deposition_suspension")[0].donnees["motif"] == "coupure de courant"


def test_une_deposition_terminee_ne_reprend_pas(en_attente: Deposition, greffiere: Utilisateur) -> None:
    deposition = commander(en_cours(en_attente, greffiere), "terminer", greffiere)
    for commande in ("commencer", "reprendre", "suspendre", "admettre", "revoquer", "serment"):
        refus(deposition, commande, greffiere, formule="Je le jure.")


def test_on_ne_revoque_pas_une_deposition_commencee(en_attente: Deposition, greffiere: Utilisateur) -> None:
    deposition = en_cours(en_attente, greffiere)
    message = refus(deposition, "revoquer", greffiere)
    assert message == (
        "La déposition est « déposition en cours » : elle ne peut pas passer à « invitation révoquée »."
    )


def test_econduire_ferme_l_acces_au_deposant(
    invitation: actions.InvitationEmise, en_attente: Deposition, greffiere: Utilisateur
) -> None:
    deposition = commander(en_attente, "econduire", greffiere, motif="identité non concordante")
    assert deposition.etat_deposition is EtatDeposition.ECONDUITE
    assert refus(deposition, "admettre", greffiere).startswith("La déposition est « éconduite")
    with pytest.raises(actions.AccesRefuse) as erreur:
        actions.reconnaitre_navigateur(invitation.jeton, "", navigateur="x")
    assert erreur.value.motif == "terminee"


def test_une_commande_inconnue_est_refusee(en_attente: Deposition, greffiere: Utilisateur) -> None:
    assert refus(en_attente, "teleporter", greffiere) == "Commande inconnue : « teleporter »."


def test_une_commande_aux_donnees_invalides_n_ecrit_rien_et_ne_change_rien(
    en_attente: Deposition, greffiere: Utilisateur
) -> None:
    deposition = admise(en_attente, greffiere)
    avant = Evenement.objects.count()
    with pytest.raises(DonneesInvalides) as erreur:
        commander(deposition, "code_concordant", greffiere)  # sans les mots du code
    assert "mots du code" in str(erreur.value)
    with pytest.raises(DonneesInvalides):
        commander(deposition, "terminer", greffiere, pirate="oui")
    assert Evenement.objects.count() == avant
    deposition.refresh_from_db()
    assert not deposition.code_verifie
    assert deposition.etat_deposition is EtatDeposition.ADMISE


def test_une_commande_ne_peut_pas_viser_une_autre_deposition(
    en_attente: Deposition, greffiere: Utilisateur
) -> None:
    actions.do_commande_du_greffe(
        en_attente, "admettre", {"deposition": en_attente.pk + 100}, auteur=greffiere
    )
    admission = Evenement.objects.filter(type="admission").get()
    assert admission.donnees["deposition"] == en_attente.pk


def test_commencer_en_salle_d_attente_ne_dit_pas_que_la_deposition_est_deja_commencee(
    en_attente: Deposition, greffiere: Utilisateur
) -> None:
    assert "déjà commencée" not in refus(en_attente, "commencer", greffiere)


# --- Les événements de la visio ne se saisissent pas à la main ------------------------------------


@pytest.mark.parametrize("type_evenement", sorted(TYPES_DE_LA_VISIO), ids=str)
def test_un_evenement_de_la_visio_saisi_a_la_main_est_refuse(
    en_attente: Deposition, greffiere: Utilisateur, type_evenement: TypeEvenement
) -> None:
    avant = Evenement.objects.count()
    with pytest.raises(DonneesInvalides) as erreur:
        do_consigner_evenement(
            en_attente.affaire, type_evenement, {"deposition": en_attente.pk}, auteur=greffiere
        )
    assert "est consigné par le dispositif de visioconférence, pas à la main" in str(erreur.value)
    assert Evenement.objects.count() == avant


@pytest.mark.parametrize("type_evenement", ["admission", "serment", "interruption_debut", "acces_refuse"])
def test_l_api_refuse_en_422_un_evenement_de_la_visio(
    affaire_demo: Affaire, en_attente: Deposition, type_evenement: str
) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="greffiere"))
    avant = Evenement.objects.count()
    reponse = client.post(
        f"/api/affaires/{affaire_demo.pk}/journal",
        json.dumps({"type": type_evenement, "donnees": {"deposition": en_attente.pk}}),
        content_type="application/json",
    )
    assert reponse.status_code == 422
    assert any(e["champ"] == "type" and "pas à la main" in e["message"] for e in reponse.json()["erreurs"]), (
        reponse.json()
    )
    assert Evenement.objects.count() == avant
