"""Le journal d'audience ne se laisse pas noyer par des visiteurs.

L'adversaire : un visiteur anonyme muni d'un lien d'invitation déjà utilisé (ou expiré, ou d'une
déposition finie), qui recharge la page ou rouvre le WebSocket en boucle ; et le navigateur lié,
une fois admis, qui répète ses trames. Le journal est inaltérable : chaque événement écrit l'est
pour toujours, et entre dans les documents signés.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.test import Client
from pytest_django.fixtures import Settings

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.consumers import FERMETURE_LIMITE, REFUS_CONSIGNES
from pretoire.deposition.models import Deposition
from pretoire.journal.models import Evenement

from .conftest import NAVIGATEUR, de_la_deposition, en_salle_d_attente, raccorder
from .test_consumers import (
    base_des_consumers,  # noqa: F401 (fixture, demandée par son nom)
    chemin_deposant,
    code_de_fermeture,
    connecte,
    connexion,
    cookie_deposant,
    rejetes,
    types_consignes,
)

AUTRE_NAVIGATEUR = "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0"


def refus_de_securite(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "pretoire.securite"]


# --- Les pages du lien -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_cent_visites_anonymes_d_un_lien_deja_utilise_ne_font_qu_un_evenement_au_journal(
    invitation: actions.InvitationEmise, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.PRETOIRE_VISIO_DEMANDES_PAR_MINUTE = 1000  # seule la règle du journal est éprouvée ici
    deposition, _ = raccorder(invitation)
    avant = Evenement.objects.count()
    visiteur = Client(HTTP_USER_AGENT=AUTRE_NAVIGATEUR)
    with caplog.at_level(logging.WARNING, logger="pretoire.securite"):
        statuts = {visiteur.get(f"/visio/{invitation.jeton}/").status_code for _ in range(100)}
    assert statuts == {403}
    assert Evenement.objects.count() == avant + 1
    (refus,) = de_la_deposition(deposition, "acces_refuse")
    assert refus.donnees["motif"] == "deja_utilisee"
    deposition.refresh_from_db()
    assert deposition.acces_refuses == 100
    alertes = refus_de_securite(caplog)
    assert len(alertes) == 99
    assert alertes[-1].startswith(f"Accès refusé n° 100 à l'invitation de la déposition n° {deposition.pk}")
    assert AUTRE_NAVIGATEUR in alertes[-1]


@pytest.mark.django_db
def test_chaque_motif_de_refus_est_consigne_une_fois(invitation: actions.InvitationEmise) -> None:
    deposition, _ = raccorder(invitation)
    visiteur = Client(HTTP_USER_AGENT=AUTRE_NAVIGATEUR)
    for _ in range(3):
        visiteur.get(f"/visio/{invitation.jeton}/")
    Deposition.objects.filter(pk=deposition.pk).update(etat="terminee")
    for _ in range(3):
        visiteur.get(f"/visio/{invitation.jeton}/")
    motifs = [e.donnees["motif"] for e in de_la_deposition(deposition, "acces_refuse")]
    assert motifs == ["deja_utilisee", "terminee"]


@pytest.mark.django_db
def test_une_adresse_qui_martele_le_lien_recoit_429_sans_toucher_au_journal_ni_a_la_base(
    invitation: actions.InvitationEmise,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    django_assert_num_queries: Any,
) -> None:
    settings.PRETOIRE_VISIO_DEMANDES_PAR_MINUTE = 60
    deposition, _ = raccorder(invitation)
    visiteur = Client(HTTP_USER_AGENT=AUTRE_NAVIGATEUR, REMOTE_ADDR="203.0.113.7")
    with caplog.at_level(logging.WARNING, logger="pretoire.securite"):
        statuts = [visiteur.get(f"/visio/{invitation.jeton}/").status_code for _ in range(100)]
    assert statuts == [403] * 60 + [429] * 40
    with django_assert_num_queries(0):
        reponse = visiteur.get(f"/visio/{invitation.jeton}/essai/")
    assert reponse.status_code == 429
    assert "Trop de demandes" in reponse.content.decode()
    deposition.refresh_from_db()
    assert deposition.acces_refuses == 60
    assert len(de_la_deposition(deposition, "acces_refuse")) == 1
    assert sum("203.0.113.7 : plus de 60 demandes" in m for m in refus_de_securite(caplog)) == 1
    # Une autre adresse n'est pas touchée par la limite de la première.
    ailleurs = Client(HTTP_USER_AGENT=NAVIGATEUR, REMOTE_ADDR="198.51.100.2")
    assert ailleurs.get(f"/visio/{invitation.jeton}/").status_code == 403


# --- Le WebSocket ----------------------------------------------------------------------------------


@pytest.fixture
def admis(invitation: actions.InvitationEmise, greffiere: Utilisateur) -> tuple[Deposition, str]:
    deposition, secret = en_salle_d_attente(invitation)
    deposition = actions.do_commande_du_greffe(deposition, "admettre", {}, auteur=greffiere)
    return deposition, secret


@pytest.mark.asyncio
@pytest.mark.usefixtures("base_des_consumers")
async def test_cent_trames_de_connexion_apres_l_admission_ne_font_qu_une_connexion_au_journal(
    admis: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = admis
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant:
        await connecte(deposant)
        for _ in range(100):
            await deposant.send_json_to({"type": "connexion", "chiffrement_bout_en_bout": True})
            await deposant.send_json_to({"type": "bonjour", "session": "session-1"})
        # Les trames sont lues dans l'ordre : la réponse à celle-ci dit que les autres sont traitées.
        await deposant.send_json_to({"type": "inconnu"})
        assert (await deposant.receive_json_from(timeout=30))["type"] == "refus"
    types = await types_consignes(deposition)
    assert types.count("connexion") == 1
    assert types.count("reconnexion") == 0
    assert types.count("deconnexion") == 1


@pytest.mark.asyncio
@pytest.mark.usefixtures("base_des_consumers")
async def test_la_connexion_et_la_presence_sont_consignees_a_chaque_changement_d_etat(
    admis: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = admis
    for _ in range(3):
        async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant:
            await connecte(deposant)
            await deposant.send_json_to({"type": "bonjour", "session": "session-1"})
            await deposant.send_json_to({"type": "connexion", "chiffrement_bout_en_bout": True})
            await deposant.send_json_to({"type": "connexion", "chiffrement_bout_en_bout": True})
            assert await deposant.receive_nothing(timeout=0.3)
    types = [t for t in await types_consignes(deposition) if t in ("connexion", "deconnexion", "reconnexion")]
    assert types == ["connexion", "deconnexion"] + ["reconnexion", "connexion", "deconnexion"] * 2


@pytest.mark.asyncio
@pytest.mark.usefixtures("base_des_consumers")
async def test_se_reconnecter_ne_rouvre_pas_le_compte_des_refus_consignes(
    admis: tuple[Deposition, str], invitation: actions.InvitationEmise, caplog: pytest.LogCaptureFixture
) -> None:
    deposition, secret = admis
    with caplog.at_level(logging.WARNING, logger="pretoire.securite"):
        for _ in range(3):
            async with connexion(
                chemin_deposant(invitation), cookie_deposant(invitation, secret)
            ) as deposant:
                await connecte(deposant)
                for numero in range(REFUS_CONSIGNES):
                    await deposant.send_json_to({"type": f"inconnu-{numero}"})
                    assert (await deposant.receive_json_from())["type"] == "refus"
    assert len(await rejetes(deposition)) == REFUS_CONSIGNES
    assert sum("non consigné" in m for m in refus_de_securite(caplog)) == 2 * REFUS_CONSIGNES


@pytest.mark.asyncio
@pytest.mark.usefixtures("base_des_consumers")
async def test_un_client_qui_rouvre_le_websocket_en_boucle_est_ferme_en_4429(
    invitation: actions.InvitationEmise, settings: Settings
) -> None:
    settings.PRETOIRE_VISIO_DEMANDES_PAR_MINUTE = 3
    await database_sync_to_async(raccorder)(invitation)
    codes = []
    for _ in range(5):
        async with connexion(chemin_deposant(invitation)) as visiteur:
            codes.append(await code_de_fermeture(visiteur))
    assert codes == [4403] * 3 + [FERMETURE_LIMITE] * 2
    deposition = await database_sync_to_async(Deposition.objects.get)(pk=invitation.deposition.pk)
    assert deposition.acces_refuses == 3
