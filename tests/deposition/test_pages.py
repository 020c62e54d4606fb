"""Les pages de la visio : celles de la cour selon le rôle, et le parcours du déposant."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.consumers import nom_cookie
from pretoire.deposition.models import Deposition
from pretoire.journal.models import Evenement
from pretoire.law.visio import EtatDeposition
from pretoire.proces.models import Affaire, JourAudience

from .conftest import ESSAI_CONCLUANT, IDENTITE, NAVIGATEUR, de_la_deposition

pytestmark = pytest.mark.django_db

UTILISATEURS = [
    "presidente",
    "assesseur",
    "greffiere",
    "avocat-general",
    "defense",
    "partie-civile",
    "intrus",
]
GREFFE = {"greffiere"}
SALLE = {"greffiere", "presidente", "assesseur"}


@pytest.fixture
def intrus(db: None) -> Utilisateur:
    return Utilisateur.objects.create_user("intrus", password="x-intrus-2026")


def client_de(nom: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=nom))
    return client


def deposant() -> Client:
    """Un navigateur sans compte, avec son en-tête User-Agent."""
    return Client(HTTP_USER_AGENT=NAVIGATEUR)


# --- Pages de la cour ----------------------------------------------------------------------------

PAGES_DE_LA_COUR = [
    ("/affaires/{affaire}/visio/", GREFFE),
    ("/affaires/{affaire}/visio/{deposition}/", GREFFE),
    ("/affaires/{affaire}/visio/{deposition}/salle/", SALLE),
    ("/affaires/{affaire}/visio/{deposition}/evenements/", SALLE),
]


@pytest.mark.parametrize("utilisateur", UTILISATEURS)
@pytest.mark.parametrize(("chemin", "permis"), PAGES_DE_LA_COUR)
def test_chaque_page_de_la_cour_n_est_ouverte_qu_aux_roles_prevus(
    intrus: Utilisateur,
    invitation: actions.InvitationEmise,
    utilisateur: str,
    chemin: str,
    permis: set[str],
) -> None:
    adresse = chemin.format(affaire=invitation.deposition.affaire_id, deposition=invitation.deposition.pk)
    attendu = 200 if utilisateur in permis else 403
    assert client_de(utilisateur).get(adresse).status_code == attendu


@pytest.mark.parametrize(("chemin", "permis"), PAGES_DE_LA_COUR)
def test_un_visiteur_non_connecte_est_renvoye_a_la_connexion(
    invitation: actions.InvitationEmise, chemin: str, permis: set[str]
) -> None:
    adresse = chemin.format(affaire=invitation.deposition.affaire_id, deposition=invitation.deposition.pk)
    reponse = Client().get(adresse)
    assert reponse.status_code == 302
    assert "connexion" in reponse["Location"]


@pytest.mark.parametrize("chemin", [c for c, _ in PAGES_DE_LA_COUR[1:]])
def test_une_deposition_inexistante_se_presente_comme_interdite(
    invitation: actions.InvitationEmise, chemin: str
) -> None:
    adresse = chemin.format(
        affaire=invitation.deposition.affaire_id, deposition=invitation.deposition.pk + 1000
    )
    assert client_de("greffiere").get(adresse).status_code == 403


def test_le_greffier_invite_un_deposant_et_voit_le_lien_et_le_code_une_fois(
    affaire_demo: Affaire, jour: JourAudience
) -> None:
    client = client_de("greffiere")
    reponse = client.post(
        f"/affaires/{affaire_demo.pk}/visio/",
        {"deposant": "Dr Claire FONTAINE", "qualite": "expert", "jour": jour.pk},
    )
    assert reponse.status_code == 200
    page = reponse.content.decode()
    lien = re.search(r'id="lien-invitation">([^<]+)<', page)
    code = re.search(r'id="code-acces">(\d{4} \d{4})<', page)
    assert lien and code
    jeton = lien.group(1).rstrip("/").rsplit("/", 1)[1]
    deposition = Deposition.objects.get()
    assert deposition.jeton_empreinte == actions.empreinte_jeton(jeton)
    assert de_la_deposition(deposition, "invitation_creee")
    # Le code est montré une fois : la page suivante ne le redonne pas.
    assert code.group(1) not in client.get(f"/affaires/{affaire_demo.pk}/visio/").content.decode()
    # Le lien et le code ouvrent bien l'invitation.
    visiteur = deposant()
    assert visiteur.post(f"/visio/{jeton}/", {"code": code.group(1)}).status_code == 302


def test_une_invitation_incomplete_est_refusee_en_422_sans_rien_creer(affaire_demo: Affaire) -> None:
    reponse = client_de("greffiere").post(
        f"/affaires/{affaire_demo.pk}/visio/", {"deposant": "", "qualite": "x"}
    )
    assert reponse.status_code == 422
    assert Deposition.objects.count() == 0


def test_le_president_ne_peut_pas_inviter(affaire_demo: Affaire, jour: JourAudience) -> None:
    reponse = client_de("presidente").post(
        f"/affaires/{affaire_demo.pk}/visio/", {"deposant": "X", "qualite": "expert", "jour": jour.pk}
    )
    assert reponse.status_code == 403
    assert Deposition.objects.count() == 0


# --- Le parcours du déposant ----------------------------------------------------------------------


def saisir_le_code(client: Client, invitation: actions.InvitationEmise, code: str | None = None) -> Any:
    return client.post(f"/visio/{invitation.jeton}/", {"code": code or invitation.code})


def envoyer_essai(client: Client, invitation: actions.InvitationEmise, corps: Any) -> Any:
    brut = corps if isinstance(corps, str) else json.dumps(corps)
    return client.post(f"/visio/{invitation.jeton}/essai/", brut, content_type="application/json")


def test_un_lien_forge_montre_une_page_de_refus_en_francais() -> None:
    for chemin in ("/visio/ceci-n-est-pas-un-jeton/", "/visio/ceci-n-est-pas-un-jeton/essai/"):
        reponse = deposant().get(chemin)
        assert reponse.status_code == 403
        page = reponse.content.decode()
        assert "Accès refusé" in page
        assert "Ce lien d&#x27;invitation n&#x27;est pas valable" in page
    assert deposant().post("/visio/forge/", {"code": "1234 5678"}).status_code == 403


def test_la_page_du_lien_demande_le_code(invitation: actions.InvitationEmise) -> None:
    reponse = deposant().get(f"/visio/{invitation.jeton}/")
    assert reponse.status_code == 200
    assert "Dr Claire FONTAINE" in reponse.content.decode()


def test_un_code_faux_est_refuse_en_422_avec_un_message(invitation: actions.InvitationEmise) -> None:
    client = deposant()
    reponse = saisir_le_code(
        client, invitation, "0000 0000" if invitation.code != "0000 0000" else "1111 1111"
    )
    assert reponse.status_code == 422
    assert "Le code d&#x27;accès est incorrect" in reponse.content.decode()
    assert nom_cookie(invitation.jeton) not in reponse.cookies
    assert [e.donnees["motif"] for e in de_la_deposition(invitation.deposition, "acces_refuse")] == [
        "code_errone"
    ]


@pytest.mark.parametrize("code", ["", "1" * 21])
def test_un_code_vide_ou_trop_long_est_refuse_en_422(invitation: actions.InvitationEmise, code: str) -> None:
    reponse = deposant().post(f"/visio/{invitation.jeton}/", {"code": code})
    assert reponse.status_code == 422


def test_le_bon_code_pose_le_cookie_et_mene_a_l_essai(invitation: actions.InvitationEmise) -> None:
    reponse = saisir_le_code(deposant(), invitation)
    assert reponse.status_code == 302
    assert reponse["Location"] == f"/visio/{invitation.jeton}/essai/"
    cookie = reponse.cookies[nom_cookie(invitation.jeton)]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert invitation.jeton not in cookie.key
    deposition = Deposition.objects.get(pk=invitation.deposition.pk)
    assert actions.est_liee_a(deposition, invitation.jeton, cookie.value)


def test_le_cinquieme_code_faux_bloque_l_invitation_par_une_page_de_refus(
    invitation: actions.InvitationEmise,
) -> None:
    client = deposant()
    faux = f"{(int(actions.normaliser_code(invitation.code)) + 1) % 10**8:08d}"
    statuts = [saisir_le_code(client, invitation, faux).status_code for _ in range(5)]
    assert statuts == [422, 422, 422, 422, 403]
    reponse = saisir_le_code(client, invitation)
    assert reponse.status_code == 403
    assert "Trop de codes erronés" in reponse.content.decode()


@pytest.fixture
def raccorde(invitation: actions.InvitationEmise) -> Client:
    client = deposant()
    assert saisir_le_code(client, invitation).status_code == 302
    return client


def test_un_essai_non_concluant_est_consigne_et_le_deposant_reste_a_l_essai(
    invitation: actions.InvitationEmise, raccorde: Client
) -> None:
    reponse = envoyer_essai(
        raccorde,
        invitation,
        {**ESSAI_CONCLUANT, "resultat": "non_concluant", "camera": False, "details": "caméra"},
    )
    assert reponse.status_code == 200
    assert reponse.json() == {"suite": f"/visio/{invitation.jeton}/essai/", "etat": "raccordee"}
    (essai,) = de_la_deposition(invitation.deposition, "essai_materiel")
    assert essai.donnees["resultat"] == "non_concluant" and essai.donnees["camera"] is False
    assert essai.donnees["navigateur"] == NAVIGATEUR
    assert (
        raccorde.get(f"/visio/{invitation.jeton}/identite/")["Location"]
        == f"/visio/{invitation.jeton}/essai/"
    )


@pytest.mark.parametrize("corps", ["{pas du json", "", "\xff"], ids=["illisible", "vide", "octet"])
def test_un_resultat_d_essai_illisible_est_refuse_en_422_json_francais(
    invitation: actions.InvitationEmise, raccorde: Client, corps: str
) -> None:
    avant = Evenement.objects.count()
    reponse = envoyer_essai(raccorde, invitation, corps)
    assert reponse.status_code == 422
    assert reponse["Content-Type"] == "application/json"
    erreurs = reponse.json()["erreurs"]
    assert erreurs and all(isinstance(e, str) for e in erreurs)
    assert Evenement.objects.count() == avant


def test_un_resultat_d_essai_incomplet_nomme_le_champ_en_francais(
    invitation: actions.InvitationEmise, raccorde: Client
) -> None:
    reponse = envoyer_essai(raccorde, invitation, {"resultat": "concluant", "camera": "peut-être"})
    assert reponse.status_code == 422
    erreurs = " ".join(reponse.json()["erreurs"])
    assert "« camera » doit valoir true ou false" in erreurs
    assert "« microphone » est obligatoire" in erreurs
    assert de_la_deposition(invitation.deposition, "essai_materiel") == []


@pytest.mark.parametrize("corps", ["[1, 2]", "3", '"concluant"', "null"])
def test_un_resultat_d_essai_qui_n_est_pas_un_objet_est_refuse_en_422(
    invitation: actions.InvitationEmise, raccorde: Client, corps: str
) -> None:
    raccorde.raise_request_exception = False
    assert envoyer_essai(raccorde, invitation, corps).status_code == 422


def test_le_parcours_complet_mene_a_la_salle_d_attente(
    invitation: actions.InvitationEmise, raccorde: Client
) -> None:
    jeton = invitation.jeton
    reponse = envoyer_essai(raccorde, invitation, ESSAI_CONCLUANT)
    assert reponse.json() == {"suite": f"/visio/{jeton}/identite/", "etat": "materiel_verifie"}

    assert raccorde.get(f"/visio/{jeton}/identite/").status_code == 200
    vide = raccorde.post(f"/visio/{jeton}/identite/", {"nom": "", "prenoms": "", "qualite": "expert"})
    assert vide.status_code == 422
    assert de_la_deposition(invitation.deposition, "identite_declaree") == []

    reponse = raccorde.post(f"/visio/{jeton}/identite/", IDENTITE)
    assert reponse.status_code == 302
    assert reponse["Location"] == f"/visio/{jeton}/audience/"
    deposition = Deposition.objects.get(pk=invitation.deposition.pk)
    assert deposition.etat_deposition is EtatDeposition.EN_ATTENTE
    (identite,) = de_la_deposition(deposition, "identite_declaree")
    assert identite.donnees == {"deposition": deposition.pk, **IDENTITE}

    assert raccorde.get(f"/visio/{jeton}/audience/").status_code == 200
    # Le lien lui-même renvoie désormais à l'étape en cours.
    assert raccorde.get(f"/visio/{jeton}/")["Location"] == f"/visio/{jeton}/audience/"
    assert raccorde.get(f"/visio/{jeton}/identite/")["Location"] == f"/visio/{jeton}/audience/"


def test_un_second_navigateur_avec_le_meme_lien_est_refuse(
    invitation: actions.InvitationEmise, raccorde: Client
) -> None:
    autre = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari/604.1")
    for chemin in ("", "essai/", "identite/", "audience/"):
        reponse = autre.get(f"/visio/{invitation.jeton}/{chemin}")
        assert reponse.status_code == 403, chemin
        assert "déjà été utilisée" in reponse.content.decode()
    reponse = saisir_le_code(autre, invitation)
    assert reponse.status_code == 403
    refus = de_la_deposition(invitation.deposition, "acces_refuse")
    assert refus and all(e.donnees["motif"] == "deja_utilisee" for e in refus)
    assert all("iPhone" in e.donnees["navigateur"] for e in refus)


@pytest.mark.parametrize("chemin", ["identite/", "audience/"])
def test_une_page_d_etape_future_renvoie_a_l_etape_courante(
    invitation: actions.InvitationEmise, raccorde: Client, chemin: str
) -> None:
    reponse = raccorde.get(f"/visio/{invitation.jeton}/{chemin}")
    assert reponse.status_code == 302
    assert reponse["Location"] == f"/visio/{invitation.jeton}/essai/"


def test_la_salle_d_attente_renvoie_a_l_identite_si_elle_n_est_pas_declaree(
    invitation: actions.InvitationEmise, raccorde: Client
) -> None:
    envoyer_essai(raccorde, invitation, ESSAI_CONCLUANT)
    reponse = raccorde.get(f"/visio/{invitation.jeton}/audience/")
    assert reponse["Location"] == f"/visio/{invitation.jeton}/identite/"


@pytest.mark.parametrize("chemin", ["essai/", "identite/", "audience/"])
def test_avant_le_code_une_page_d_etape_future_renvoie_a_la_saisie_du_code(
    invitation: actions.InvitationEmise, chemin: str
) -> None:
    reponse = deposant().get(f"/visio/{invitation.jeton}/{chemin}")
    assert reponse.status_code == 302
    assert reponse["Location"] == f"/visio/{invitation.jeton}/"


def test_une_deposition_terminee_montre_la_page_de_fin(
    invitation: actions.InvitationEmise, raccorde: Client
) -> None:
    Deposition.objects.filter(pk=invitation.deposition.pk).update(etat=EtatDeposition.TERMINEE.value)
    reponse = raccorde.get(f"/visio/{invitation.jeton}/audience/")
    assert reponse.status_code == 200
    assert "Merci de votre concours" in reponse.content.decode()
