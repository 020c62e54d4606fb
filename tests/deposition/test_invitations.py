"""L'invitation : un lien, un code d'accès dicté à part, un seul navigateur ; tout refus consigné."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.journal.models import Evenement
from pretoire.law.visio import EtatDeposition, QualiteDeposant
from pretoire.proces.models import Affaire, JourAudience

from .conftest import NAVIGATEUR, de_la_deposition, raccorder

pytestmark = pytest.mark.django_db

AUTRE_NAVIGATEUR = "Mozilla/5.0 (Macintosh) Firefox/133.0"


def code_faux(invitation: actions.InvitationEmise) -> str:
    chiffres = actions.normaliser_code(invitation.code)
    return f"{(int(chiffres) + 1) % 10**8:08d}"


def refus(jeton: str, code: str, navigateur: str = NAVIGATEUR) -> actions.AccesRefuse:
    with pytest.raises(actions.AccesRefuse) as erreur:
        actions.do_utiliser_invitation(jeton, code, navigateur=navigateur)
    return erreur.value


def motifs_consignes(deposition: Deposition) -> list[str]:
    return [e.donnees["motif"] for e in de_la_deposition(deposition, "acces_refuse")]


def test_l_invitation_donne_un_code_de_huit_chiffres_et_consigne_sa_creation(
    invitation: actions.InvitationEmise, jour: JourAudience, greffiere: Utilisateur
) -> None:
    assert re.fullmatch(r"\d{4} \d{4}", invitation.code)
    assert len(invitation.jeton) >= 32
    deposition = invitation.deposition
    assert deposition.etat_deposition is EtatDeposition.INVITEE
    (creee,) = de_la_deposition(deposition)
    assert creee.type == "invitation_creee"
    assert creee.auteur == greffiere
    assert creee.donnees["deposant"] == "Dr Claire FONTAINE"
    assert creee.donnees["qualite"] == "expert"
    assert creee.donnees["jour"] == jour.date.isoformat()
    # Valable jusqu'à la fin du jour d'audience, à l'heure de Paris.
    fin_du_jour = timezone.localtime(deposition.expire_le)
    assert (fin_du_jour.date(), fin_du_jour.hour, fin_du_jour.minute) == (jour.date, 23, 59)


def test_deux_invitations_n_ont_ni_le_meme_jeton_ni_le_meme_code(
    affaire_demo: Affaire, jour: JourAudience, greffiere: Utilisateur
) -> None:
    emises = [
        actions.do_inviter(affaire_demo, jour, f"Témoin {i}", QualiteDeposant.TEMOIN, auteur=greffiere)
        for i in range(5)
    ]
    assert len({e.jeton for e in emises}) == 5
    assert len({e.deposition.jeton_empreinte for e in emises}) == 5


def test_le_bon_code_lie_l_invitation_a_ce_navigateur(invitation: actions.InvitationEmise) -> None:
    deposition, secret = actions.do_utiliser_invitation(
        invitation.jeton, invitation.code, navigateur=NAVIGATEUR, systeme="Linux"
    )
    assert deposition.etat_deposition is EtatDeposition.RACCORDEE
    assert len(secret) >= 32
    assert actions.est_liee_a(deposition, invitation.jeton, secret)
    assert not actions.est_liee_a(deposition, invitation.jeton, secret + "x")
    deposition.refresh_from_db()
    assert deposition.navigateur_empreinte and deposition.etat == "raccordee"
    types = [e.type for e in de_la_deposition(deposition)]
    assert types == ["invitation_creee", "invitation_utilisee"]
    utilisee = de_la_deposition(deposition, "invitation_utilisee")[0]
    assert utilisee.donnees["navigateur"] == NAVIGATEUR
    assert utilisee.donnees["systeme"] == "Linux"
    assert utilisee.auteur is None and utilisee.auteur_libelle == actions.AUTEUR_DISPOSITIF


@pytest.mark.parametrize("forme", ["{}", "{4}-{8}", " {4}  {8} ", "{4}.{8}"])
def test_le_code_se_saisit_avec_ou_sans_separateurs(invitation: actions.InvitationEmise, forme: str) -> None:
    chiffres = actions.normaliser_code(invitation.code)
    saisi = forme.replace("{}", chiffres).replace("{4}", chiffres[:4]).replace("{8}", chiffres[4:])
    deposition, _ = actions.do_utiliser_invitation(invitation.jeton, saisi, navigateur=NAVIGATEUR)
    assert deposition.etat_deposition is EtatDeposition.RACCORDEE


def test_un_code_faux_est_consigne_et_son_compte_survit_au_refus(
    base_validee: None, invitation: actions.InvitationEmise
) -> None:
    assert not connection.in_atomic_block  # aucune transaction de test ne masquerait un rollback
    erreur = refus(invitation.jeton, code_faux(invitation))
    assert erreur.motif == "code_errone"
    assert str(erreur) == actions.AccesRefuse.MESSAGES["code_errone"]
    deposition = Deposition.objects.get(pk=invitation.deposition.pk)
    assert deposition.tentatives_code == 1
    assert deposition.etat_deposition is EtatDeposition.INVITEE
    (refuse,) = de_la_deposition(deposition, "acces_refuse")
    assert refuse.donnees == {"deposition": deposition.pk, "motif": "code_errone", "navigateur": NAVIGATEUR}


def test_cinq_codes_faux_bloquent_l_invitation_meme_pour_le_bon_code(
    invitation: actions.InvitationEmise,
) -> None:
    motifs = [
        refus(invitation.jeton, code_faux(invitation)).motif for _ in range(actions.TENTATIVES_MAXIMALES)
    ]
    assert motifs == ["code_errone"] * 4 + ["trop_de_tentatives"]
    assert refus(invitation.jeton, invitation.code).motif == "trop_de_tentatives"
    deposition = Deposition.objects.get(pk=invitation.deposition.pk)
    assert deposition.tentatives_code == 5
    assert deposition.etat_deposition is EtatDeposition.INVITEE
    assert not deposition.navigateur_empreinte
    # Chaque code erroné est consigné ; le blocage, une fois (le refus répété va au journal de sécurité).
    assert motifs_consignes(deposition) == ["code_errone"] * 4 + ["trop_de_tentatives"]
    assert de_la_deposition(deposition, "invitation_utilisee") == []


def test_quatre_codes_faux_laissent_encore_passer_le_bon(invitation: actions.InvitationEmise) -> None:
    for _ in range(actions.TENTATIVES_MAXIMALES - 1):
        refus(invitation.jeton, code_faux(invitation))
    deposition, _ = raccorder(invitation)
    assert deposition.etat_deposition is EtatDeposition.RACCORDEE


def test_une_invitation_expiree_est_refusee(
    affaire_demo: Affaire, jour: JourAudience, greffiere: Utilisateur
) -> None:
    emise = actions.do_inviter(
        affaire_demo,
        jour,
        "Dr Claire FONTAINE",
        QualiteDeposant.EXPERT,
        auteur=greffiere,
        expire_le=timezone.now() - timedelta(seconds=1),
    )
    erreur = refus(emise.jeton, emise.code)
    assert erreur.motif == "expiree"
    assert "expiré" in str(erreur)
    assert motifs_consignes(emise.deposition) == ["expiree"]
    assert Deposition.objects.get(pk=emise.deposition.pk).tentatives_code == 0


def test_une_invitation_revoquee_est_refusee(
    invitation: actions.InvitationEmise, greffiere: Utilisateur
) -> None:
    actions.do_commande_du_greffe(
        invitation.deposition, "revoquer", {"motif": "expert empêché"}, auteur=greffiere
    )
    erreur = refus(invitation.jeton, invitation.code)
    assert erreur.motif == "revoquee"
    assert str(erreur) == "Cette invitation a été annulée par le greffe de la cour."
    deposition = invitation.deposition
    assert [e.type for e in de_la_deposition(deposition)] == [
        "invitation_creee",
        "invitation_revoquee",
        "acces_refuse",
    ]
    revoquee = de_la_deposition(deposition, "invitation_revoquee")[0]
    assert revoquee.auteur == greffiere and revoquee.donnees["motif"] == "expert empêché"


def test_une_invitation_liee_est_refusee_a_un_autre_navigateur_meme_avec_le_bon_code(
    invitation: actions.InvitationEmise,
) -> None:
    deposition, secret = raccorder(invitation)
    erreur = refus(invitation.jeton, invitation.code, navigateur=AUTRE_NAVIGATEUR)
    assert erreur.motif == "deja_utilisee"
    assert "déjà été utilisée" in str(erreur)
    with pytest.raises(actions.AccesRefuse) as autre_secret:
        actions.reconnaitre_navigateur(invitation.jeton, "un-autre-secret", navigateur=AUTRE_NAVIGATEUR)
    assert autre_secret.value.motif == "deja_utilisee"
    with pytest.raises(actions.AccesRefuse):
        actions.reconnaitre_navigateur(invitation.jeton, "", navigateur=AUTRE_NAVIGATEUR)
    assert motifs_consignes(deposition) == ["deja_utilisee"]
    assert all(
        e.donnees["navigateur"] == AUTRE_NAVIGATEUR for e in de_la_deposition(deposition, "acces_refuse")
    )
    deposition.refresh_from_db()
    assert actions.est_liee_a(deposition, invitation.jeton, secret)


def test_le_navigateur_lie_revient_sans_nouvel_evenement(invitation: actions.InvitationEmise) -> None:
    deposition, secret = raccorder(invitation)
    avant = Evenement.objects.count()
    for _ in range(3):
        revenue = actions.reconnaitre_navigateur(invitation.jeton, secret, navigateur=NAVIGATEUR)
        assert revenue.pk == deposition.pk
    assert Evenement.objects.count() == avant
    assert len(de_la_deposition(deposition, "invitation_utilisee")) == 1


def test_le_secret_d_une_invitation_ne_sert_pas_pour_une_autre(
    affaire_demo: Affaire, jour: JourAudience, greffiere: Utilisateur, invitation: actions.InvitationEmise
) -> None:
    _, secret = raccorder(invitation)
    autre = actions.do_inviter(affaire_demo, jour, "M. Témoin", QualiteDeposant.TEMOIN, auteur=greffiere)
    autre_deposition, _ = raccorder(autre)
    assert not actions.est_liee_a(autre_deposition, autre.jeton, secret)
    with pytest.raises(actions.AccesRefuse):
        actions.reconnaitre_navigateur(autre.jeton, secret, navigateur=NAVIGATEUR)


@pytest.mark.parametrize("utiliser", [True, False], ids=["code", "retour"])
def test_un_jeton_forge_est_refuse_sans_rien_ecrire_au_journal_mais_au_journal_de_securite(
    invitation: actions.InvitationEmise, caplog: pytest.LogCaptureFixture, utiliser: bool
) -> None:
    avant = list(Evenement.objects.values_list("pk", flat=True))
    forge = invitation.jeton[:-2] + ("AA" if not invitation.jeton.endswith("AA") else "BB")
    with (
        caplog.at_level(logging.WARNING, logger="pretoire.securite"),
        pytest.raises(actions.AccesRefuse) as erreur,
    ):
        if utiliser:
            actions.do_utiliser_invitation(forge, invitation.code, navigateur="robot/1.0")
        else:
            actions.reconnaitre_navigateur(forge, "", navigateur="robot/1.0")
    assert erreur.value.motif == "inconnue"
    assert "n'est pas valable" in str(erreur.value)
    assert list(Evenement.objects.values_list("pk", flat=True)) == avant
    alertes = [r for r in caplog.records if r.name == "pretoire.securite"]
    assert len(alertes) == 1
    assert alertes[0].levelno == logging.WARNING
    assert "robot/1.0" in alertes[0].getMessage()
    assert forge not in alertes[0].getMessage()
    assert Deposition.objects.get(pk=invitation.deposition.pk).tentatives_code == 0


def test_le_jeton_le_code_et_le_secret_ne_sont_stockes_en_clair_nulle_part(
    invitation: actions.InvitationEmise,
) -> None:
    refus(invitation.jeton, code_faux(invitation))
    deposition, secret = raccorder(invitation)
    deposition.refresh_from_db()
    chiffres = actions.normaliser_code(invitation.code)
    secrets_en_clair = [invitation.jeton, invitation.code, chiffres, secret]

    colonnes = [str(getattr(deposition, champ.attname)) for champ in Deposition._meta.concrete_fields]
    for valeur in colonnes:
        for en_clair in secrets_en_clair:
            assert en_clair not in valeur

    for evenement in Evenement.objects.all():
        brut = json.dumps(evenement.donnees, ensure_ascii=False) + evenement.auteur_libelle
        for en_clair in secrets_en_clair:
            assert en_clair not in brut
    # Les empreintes ne sont pas de simples hachages du jeton : elles dépendent de la clé du serveur.
    assert deposition.jeton_empreinte != hashlib.sha256(invitation.jeton.encode()).hexdigest()


def test_une_deposition_terminee_n_accepte_plus_le_code(invitation: actions.InvitationEmise) -> None:
    Deposition.objects.filter(pk=invitation.deposition.pk).update(etat="terminee")
    assert refus(invitation.jeton, invitation.code).motif == "terminee"
