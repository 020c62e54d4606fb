"""La signalisation sur WebSocket, par l'application ASGI du projet (routage, origine, session).

Les actions valident leurs transactions et diffusent après validation : ces tests tournent donc
sans transaction englobante (``base_validee``), avec la couche de canaux en mémoire.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import pytest_asyncio
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.db import connections
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.config.asgi import application
from pretoire.deposition import actions
from pretoire.deposition.consumers import ENGAGEMENT_NON_TENU, REFUS_CONSIGNES, REFUS_TOLERES, nom_cookie
from pretoire.deposition.models import Deposition
from pretoire.deposition.signalisation import engagement_de
from pretoire.journal.models import Evenement
from pretoire.law.visio import EtatDeposition, commandes_permises

from .conftest import NAVIGATEUR, en_salle_d_attente, raccorder

pytestmark = pytest.mark.asyncio

ORIGINE = (b"origin", b"http://localhost")
OFFRE = {
    "type": "description",
    "description": {"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"},
}
SANS_MEDIA = "aucun média n'est échangé avant l'admission par le greffe"
CLE = "BA" + "A" * 85  # 65 octets en base64url
ALEA = "A" * 22
ENGAGEMENT = engagement_de(CLE, ALEA)


@pytest_asyncio.fixture
async def base_des_consumers(base_validee: None) -> AsyncIterator[None]:
    """Les consumers passent par un fil d'exécution à part, dont la connexion à la base survit
    au test (``conn_max_age``) : PostgreSQL refuserait ensuite de supprimer la base de test."""
    yield
    await database_sync_to_async(connections.close_all)()


@pytest.fixture
def salle_d_attente(base_des_consumers: None, invitation: actions.InvitationEmise) -> tuple[Deposition, str]:
    return en_salle_d_attente(invitation)


def session_de(nom: str) -> str:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=nom))
    return client.cookies["sessionid"].value


@asynccontextmanager
async def connexion(
    chemin: str, cookies: dict[str, str] | None = None
) -> AsyncIterator[WebsocketCommunicator]:
    en_tetes = [ORIGINE, (b"user-agent", NAVIGATEUR.encode())]
    if cookies:
        en_tetes.append((b"cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()).encode()))
    communicateur = WebsocketCommunicator(application, chemin, headers=en_tetes)
    try:
        yield communicateur
    finally:
        await communicateur.disconnect()
        await get_channel_layer().flush()


async def connecte(communicateur: WebsocketCommunicator) -> dict[str, Any]:
    """Ouvre la connexion et rend le premier message : l'état de la déposition."""
    ouverte, code = await communicateur.connect()
    assert ouverte, f"connexion refusée ({code})"
    etat = await communicateur.receive_json_from()
    assert etat["type"] == "etat"
    return etat


async def code_de_fermeture(communicateur: WebsocketCommunicator) -> int:
    """Le code de fermeture d'une connexion refusée, qu'elle soit refusée à la poignée de main ou
    acceptée puis fermée aussitôt — sans qu'aucun message (l'état…) n'ait filé entre les deux."""
    ouverte, code = await communicateur.connect()
    if not ouverte:
        return int(code)
    sortie = await communicateur.receive_output()
    assert sortie["type"] == "websocket.close", sortie
    return int(sortie["code"])


def chemin_deposant(invitation: actions.InvitationEmise) -> str:
    return f"/ws/visio/deposant/{invitation.jeton}/"


def cookie_deposant(invitation: actions.InvitationEmise, secret: str) -> dict[str, str]:
    return {nom_cookie(invitation.jeton): secret}


@database_sync_to_async
def rejetes(deposition: Deposition) -> list[dict[str, Any]]:
    return [
        e.donnees
        for e in Evenement.objects.filter(type="message_rejete", donnees__deposition=deposition.pk).order_by(
            "numero"
        )
    ]


@database_sync_to_async
def types_consignes(deposition: Deposition) -> list[str]:
    return list(
        Evenement.objects.filter(donnees__deposition=deposition.pk)
        .order_by("numero")
        .values_list("type", flat=True)
    )


# --- Le déposant -----------------------------------------------------------------------------------


async def test_un_deposant_sans_cookie_est_ferme_en_4403(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    async with connexion(chemin_deposant(invitation)) as communicateur:
        assert await code_de_fermeture(communicateur) == 4403


@pytest.mark.parametrize(
    "chemin",
    ["/ws/visio/deposant/{jeton}/", "/ws/visio/deposant/jeton-forge/"],
    ids=["mauvais secret", "forge"],
)
async def test_un_deposant_au_mauvais_secret_ou_au_jeton_forge_est_ferme_en_4403(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise, chemin: str
) -> None:
    cookies = {nom_cookie(invitation.jeton): "pas-le-bon-secret", nom_cookie("jeton-forge"): "x"}
    async with connexion(chemin.format(jeton=invitation.jeton), cookies) as communicateur:
        assert await code_de_fermeture(communicateur) == 4403


async def test_un_deposant_qui_n_a_pas_atteint_la_salle_d_attente_est_ferme_en_4403(
    base_des_consumers: None, invitation: actions.InvitationEmise
) -> None:
    _, secret = await database_sync_to_async(raccorder)(invitation)
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        assert await code_de_fermeture(communicateur) == 4403


async def test_une_origine_etrangere_est_refusee(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    _, secret = salle_d_attente
    en_tetes = [
        (b"origin", b"https://pirate.example"),
        (b"cookie", f"{nom_cookie(invitation.jeton)}={secret}".encode()),
    ]
    communicateur = WebsocketCommunicator(application, chemin_deposant(invitation), headers=en_tetes)
    ouverte, _ = await communicateur.connect()
    assert not ouverte  # refusée par le contrôle d'origine, avant même le consumer


async def test_le_deposant_en_salle_d_attente_recoit_l_etat(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    _, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        assert await connecte(communicateur) == {
            "type": "etat",
            "etat": "en_attente",
            "libelle": "en salle d'attente",
            "media": False,
            "finale": False,
            "code_verifie": False,
        }


async def test_une_offre_avant_l_admission_est_refusee_consignee_et_la_connexion_gardee(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        await connecte(communicateur)
        await communicateur.send_json_to(OFFRE)
        assert await communicateur.receive_json_from() == {"type": "refus", "message": SANS_MEDIA}
        assert await rejetes(deposition) == [
            {"deposition": deposition.pk, "poste": "deposant", "motif": SANS_MEDIA}
        ]
        # La connexion reste ouverte : le message suivant est encore lu.
        await communicateur.send_json_to({"type": "cle", "cle": CLE, "alea": ALEA, "engagement": ENGAGEMENT})
        assert (await communicateur.receive_json_from())["message"] == SANS_MEDIA


async def test_le_deposant_ne_peut_pas_commander(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        await connecte(communicateur)
        await communicateur.send_json_to({"type": "commande", "commande": "admettre"})
        refus = await communicateur.receive_json_from()
        assert refus == {"type": "refus", "message": "action réservée au greffe : « commande »"}
        assert [r["motif"] for r in await rejetes(deposition)] == ["action réservée au greffe : « commande »"]
    deposition = await database_sync_to_async(Deposition.objects.get)(pk=deposition.pk)
    assert deposition.etat == "en_attente"


@pytest.mark.parametrize("trame", ["{pas du json", "", "\ud800"], ids=["illisible", "vide", "demi-caractere"])
async def test_une_trame_illisible_est_refusee_sans_exception(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise, trame: str
) -> None:
    deposition, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        await connecte(communicateur)
        await communicateur.send_input({"type": "websocket.receive", "text": trame})
        assert await communicateur.receive_json_from() == {
            "type": "refus",
            "message": "message mal formé : JSON illisible",
        }
        await communicateur.send_to(bytes_data=b"\x00\x01")
        assert (await communicateur.receive_json_from())["type"] == "refus"
    assert len(await rejetes(deposition)) == 2


async def test_un_json_trop_imbrique_est_refuse_sans_exception(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    _, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        await connecte(communicateur)
        await communicateur.send_to(text_data="[" * 5000 + "]" * 5000)
        assert (await communicateur.receive_json_from())["type"] == "refus"


async def test_cinquante_messages_invalides_ferment_la_connexion_et_dix_seulement_sont_consignes(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        await connecte(communicateur)
        for numero in range(REFUS_TOLERES):
            await communicateur.send_json_to({"type": f"inconnu-{numero}"})
            assert (await communicateur.receive_json_from())["type"] == "refus"
        assert await communicateur.receive_output() == {"type": "websocket.close", "code": 4400}
    assert (REFUS_CONSIGNES, REFUS_TOLERES) == (10, 50)
    consignes = await rejetes(deposition)
    assert len(consignes) == REFUS_CONSIGNES
    assert [c["motif"] for c in consignes] == [
        f"type de message inconnu : « inconnu-{n} »" for n in range(10)
    ]


async def test_quarante_neuf_messages_invalides_ne_ferment_pas_la_connexion(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    _, secret = salle_d_attente
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as communicateur:
        await connecte(communicateur)
        for _ in range(REFUS_TOLERES - 1):
            await communicateur.send_to(text_data="?")
            await communicateur.receive_json_from()
        assert await communicateur.receive_nothing()


# --- La cour : greffe et salle ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("utilisateur", "poste"),
    [
        ("presidente", "greffe"),
        ("assesseur", "greffe"),
        ("defense", "salle"),
        ("avocat-general", "salle"),
        ("", "salle"),
    ],
)
async def test_seuls_le_greffier_au_greffe_et_la_cour_en_salle_se_connectent(
    salle_d_attente: tuple[Deposition, str], utilisateur: str, poste: str
) -> None:
    deposition, _ = salle_d_attente
    cookies = {"sessionid": await database_sync_to_async(session_de)(utilisateur)} if utilisateur else None
    async with connexion(f"/ws/visio/{deposition.pk}/{poste}/", cookies) as communicateur:
        assert await code_de_fermeture(communicateur) == 4403


async def test_un_poste_inconnu_ou_une_deposition_inconnue_sont_refuses(
    salle_d_attente: tuple[Deposition, str],
) -> None:
    deposition, _ = salle_d_attente
    cookies = {"sessionid": await database_sync_to_async(session_de)("greffiere")}
    for chemin in (f"/ws/visio/{deposition.pk}/cuisine/", f"/ws/visio/{deposition.pk + 1000}/greffe/"):
        async with connexion(chemin, cookies) as communicateur:
            assert await code_de_fermeture(communicateur) == 4403


async def test_le_president_en_salle_ne_peut_pas_commander(
    salle_d_attente: tuple[Deposition, str],
) -> None:
    deposition, _ = salle_d_attente
    cookies = {"sessionid": await database_sync_to_async(session_de)("presidente")}
    async with connexion(f"/ws/visio/{deposition.pk}/salle/", cookies) as salle:
        await connecte(salle)
        await salle.send_json_to({"type": "commande", "commande": "admettre"})
        assert await salle.receive_json_from() == {"type": "refus", "message": "action réservée au greffier"}
    assert (await database_sync_to_async(Deposition.objects.get)(pk=deposition.pk)).etat == "en_attente"
    assert [r["poste"] for r in await rejetes(deposition)] == ["salle"]


async def test_le_greffe_admet_le_deposant_puis_le_media_va_a_la_salle_et_pas_au_greffe(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    greffe_cookies = {"sessionid": await database_sync_to_async(session_de)("greffiere")}
    salle_cookies = {"sessionid": await database_sync_to_async(session_de)("presidente")}
    async with (
        connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant,
        connexion(f"/ws/visio/{deposition.pk}/greffe/", greffe_cookies) as greffe,
        connexion(f"/ws/visio/{deposition.pk}/salle/", salle_cookies) as salle,
    ):
        await connecte(deposant)
        assert (await connecte(greffe))["etat"] == "en_attente"
        await connecte(salle)

        await greffe.send_json_to({"type": "commande", "commande": "admettre", "donnees": {}})
        etat = await deposant.receive_json_from(timeout=3)
        assert (etat["type"], etat["etat"], etat["media"]) == ("etat", "admise", True)
        assert (await greffe.receive_json_from(timeout=3))["etat"] == "admise"
        assert (await salle.receive_json_from(timeout=3))["etat"] == "admise"

        await deposant.send_json_to(OFFRE)
        relayee = await salle.receive_json_from(timeout=3)
        assert relayee == {**OFFRE, "de": "deposant"}
        assert await greffe.receive_nothing(timeout=0.3)
        assert await deposant.receive_nothing(timeout=0.3)  # pas d'écho à l'émetteur

        # Et la réponse de la salle va au déposant, toujours pas au greffe.
        reponse = {"type": "description", "description": {"type": "answer", "sdp": "v=0\r\n"}}
        await salle.send_json_to(reponse)
        assert await deposant.receive_json_from(timeout=3) == {**reponse, "de": "salle"}
        assert await greffe.receive_nothing(timeout=0.3)

    types = await types_consignes(deposition)
    assert types[-1] == "admission"
    admission = await database_sync_to_async(Evenement.objects.get)(type="admission")
    greffiere = await database_sync_to_async(Utilisateur.objects.get)(username="greffiere")
    assert admission.auteur_id == greffiere.pk
    assert await rejetes(deposition) == []


async def test_une_commande_refusee_est_expliquee_au_greffe_sans_fermer(
    salle_d_attente: tuple[Deposition, str],
) -> None:
    deposition, _ = salle_d_attente
    cookies = {"sessionid": await database_sync_to_async(session_de)("greffiere")}
    async with connexion(f"/ws/visio/{deposition.pk}/greffe/", cookies) as greffe:
        await connecte(greffe)
        await greffe.send_json_to(
            {"type": "commande", "commande": "serment", "donnees": {"formule": "Je le jure."}}
        )
        refus = await greffe.receive_json_from()
        assert refus["type"] == "refus" and "suppose le déposant admis" in refus["message"]
        await greffe.send_json_to({"type": "commande", "commande": "admettre", "donnees": {"pirate": 1}})
        refus = await greffe.receive_json_from()
        assert refus["type"] == "refus" and "n'est pas prévu" in refus["message"]
        await greffe.send_json_to(OFFRE)
        refus = await greffe.receive_json_from()
        assert refus["type"] == "refus"
    assert (await database_sync_to_async(Deposition.objects.get)(pk=deposition.pk)).etat == "en_attente"


async def test_la_console_recoit_avec_l_etat_les_commandes_permises_et_rien_d_autre_ne_passe(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    cookies = {"sessionid": await database_sync_to_async(session_de)("greffiere")}
    async with (
        connexion(f"/ws/visio/{deposition.pk}/greffe/", cookies) as greffe,
        connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant,
    ):
        etat = await connecte(greffe)
        assert etat["commandes"] == commandes_permises(EtatDeposition.EN_ATTENTE)
        assert etat["commandes"] == ["admettre", "econduire", "revoquer"]
        assert "commandes" not in await connecte(deposant)  # le déposant ne commande rien

        # Une commande absente de la liste est refusée par le serveur, même si un client l'envoie.
        for commande in ("commencer", "suspendre", "terminer", "reprendre"):
            await greffe.send_json_to({"type": "commande", "commande": commande, "donnees": {}})
            refus = await greffe.receive_json_from()
            assert refus["type"] == "refus" and refus["message"].startswith("La déposition"), refus
        assert (await database_sync_to_async(Deposition.objects.get)(pk=deposition.pk)).etat == "en_attente"
        assert await types_consignes(deposition) == [
            "invitation_creee",
            "invitation_utilisee",
            "essai_materiel",
            "identite_declaree",
            "entree_salle_attente",
        ]

        await greffe.send_json_to({"type": "commande", "commande": "admettre", "donnees": {}})
        etat = await greffe.receive_json_from(timeout=3)
        assert (etat["etat"], etat["commandes"]) == ("admise", commandes_permises(EtatDeposition.ADMISE))
        assert "admettre" not in etat["commandes"] and "commencer" in etat["commandes"]
        assert "commandes" not in await deposant.receive_json_from(timeout=3)


async def test_les_statistiques_du_deposant_admis_font_consigner_la_premiere_image(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise, greffiere: Utilisateur
) -> None:
    deposition, secret = salle_d_attente
    await database_sync_to_async(actions.do_commande_du_greffe)(deposition, "admettre", {}, auteur=greffiere)
    statistiques = {
        "type": "statistiques",
        "images_decodees": 0,
        "paquets_audio": 0,
        "octets_recus": 0,
        "paquets_recus": 0,
        "paquets_perdus": 0,
        "chiffrement": {"chiffrees": 0, "dechiffrees": 0, "echecs": 0},
    }
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant:
        assert (await connecte(deposant))["media"] is True
        await deposant.send_json_to(statistiques)
        await deposant.send_json_to({**statistiques, "images_decodees": 30, "paquets_audio": 50})
        await deposant.send_json_to({"type": "connexion", "chiffrement_bout_en_bout": True})
        await deposant.send_json_to({"type": "bonjour", "session": "session-1"})
        assert await deposant.receive_nothing(timeout=0.5)
    types = await types_consignes(deposition)
    assert "premiere_image" in types and "connexion" in types
    assert types[-1] == "deconnexion"  # la fermeture après « bonjour » est consignée


async def test_le_deposant_econduit_recoit_l_etat_final_puis_la_fermeture(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    greffe_cookies = {"sessionid": await database_sync_to_async(session_de)("greffiere")}
    async with (
        connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant,
        connexion(f"/ws/visio/{deposition.pk}/greffe/", greffe_cookies) as greffe,
    ):
        await connecte(deposant)
        await connecte(greffe)
        await greffe.send_json_to(
            {"type": "commande", "commande": "econduire", "donnees": {"motif": "erreur"}}
        )
        etat = await deposant.receive_json_from(timeout=3)
        assert (etat["etat"], etat["finale"], etat["media"]) == ("econduite", True, False)
        assert await deposant.receive_output(timeout=3) == {"type": "websocket.close", "code": 4403}
    async with connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as retour:
        assert await code_de_fermeture(retour) == 4403


async def test_l_echange_des_cles_suit_l_ordre_engagement_cle_revelation_et_les_ecarts_sont_consignes(
    salle_d_attente: tuple[Deposition, str], invitation: actions.InvitationEmise
) -> None:
    deposition, secret = salle_d_attente
    greffe_cookies = {"sessionid": await database_sync_to_async(session_de)("greffiere")}
    salle_cookies = {"sessionid": await database_sync_to_async(session_de)("presidente")}
    cle_deposant = {"type": "cle", "cle": "BB" + "B" * 85, "alea": "B" * 22, "engagement": ENGAGEMENT}
    async with (
        connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant,
        connexion(f"/ws/visio/{deposition.pk}/greffe/", greffe_cookies) as greffe,
        connexion(f"/ws/visio/{deposition.pk}/salle/", salle_cookies) as salle,
    ):
        for poste in (deposant, greffe, salle):
            await connecte(poste)
        await greffe.send_json_to({"type": "commande", "commande": "admettre", "donnees": {}})
        for poste in (deposant, greffe, salle):
            assert (await poste.receive_json_from(timeout=3))["etat"] == "admise"

        # Le déposant ne donne pas sa clé avant l'engagement de la salle ; la salle ne révèle rien
        # avant d'avoir reçu la clé du déposant.
        await deposant.send_json_to(cle_deposant)
        assert (await deposant.receive_json_from(timeout=3))["message"] == (
            "clé du déposant avant tout engagement de la salle"
        )
        await salle.send_json_to({"type": "engagement", "engagement": ENGAGEMENT})
        assert await deposant.receive_json_from(timeout=3) == {
            "type": "engagement",
            "engagement": ENGAGEMENT,
            "de": "salle",
        }
        await salle.send_json_to({"type": "revelation", "cle": CLE, "alea": ALEA})
        assert "avant la clé du déposant" in (await salle.receive_json_from(timeout=3))["message"]
        assert await deposant.receive_nothing(timeout=0.3)

        await deposant.send_json_to(cle_deposant)
        assert await salle.receive_json_from(timeout=3) == {**cle_deposant, "de": "deposant"}
        # Une autre clé que celle de l'engagement : refusée, et rien ne part vers le déposant.
        await salle.send_json_to({"type": "revelation", "cle": "BC" + "C" * 85, "alea": ALEA})
        assert (await salle.receive_json_from(timeout=3))["message"] == (
            "la clé révélée ne correspond pas à l'engagement de la salle"
        )
        assert await deposant.receive_nothing(timeout=0.3)
        await salle.send_json_to({"type": "revelation", "cle": CLE, "alea": ALEA})
        assert await deposant.receive_json_from(timeout=3) == {
            "type": "revelation",
            "cle": CLE,
            "alea": ALEA,
            "de": "salle",
        }

        # Le déposant signale un engagement non tenu : consigné une fois, jamais relayé.
        for _ in range(3):
            await deposant.send_json_to({"type": "engagement_non_tenu", "engagement": ENGAGEMENT})
        assert await salle.receive_nothing(timeout=0.3)
        assert await greffe.receive_nothing(timeout=0.3)

    motifs = [(e["poste"], e["motif"]) for e in await rejetes(deposition)]
    assert motifs == [
        ("deposant", "clé du déposant avant tout engagement de la salle"),
        ("salle", "révélation avant la clé du déposant : l'engagement doit rester fermé"),
        ("salle", "la clé révélée ne correspond pas à l'engagement de la salle"),
        ("deposant", ENGAGEMENT_NON_TENU),
    ]
