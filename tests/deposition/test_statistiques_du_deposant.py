"""Le déposant déclare ce qu'il reçoit ; la salle relève ce que la cour reçoit.

L'adversaire : un porteur du cookie du déposant, sans caméra ni micro ni liaison WebRTC, qui
écrit à la main des trames « statistiques » disant que l'image ne passe plus. Avant, chacune de ses
périodes inventées devenait un défaut du procès-verbal (« la transmission n'a pas été continûment
audiovisuelle »). Maintenant, les relevés de la salle décident : ses déclarations sont mentionnées
comme telles, non retenues comme défauts, tant que la salle recevait normalement.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.documents.contenus import contenu_du_proces_verbal

from .test_consumers import (
    base_des_consumers,  # noqa: F401
    chemin_deposant,
    connecte,
    connexion,
    cookie_deposant,
    salle_d_attente,  # noqa: F401
    session_de,
    types_consignes,
)

pytestmark = pytest.mark.asyncio

# Au-delà de 2 s sans image nouvelle, le poste qui ne la reçoit plus ouvre une période « son seul »
# (``fidelite.SILENCE_MAXIMAL``) ; l'horloge du serveur date les relevés, on ne peut que l'attendre.
ATTENTE_S = 2.6


def releve(images: int, paquets_audio: int) -> dict[str, Any]:
    return {
        "type": "statistiques",
        "images_decodees": images,
        "paquets_audio": paquets_audio,
        "octets_recus": 1000 * paquets_audio,
        "paquets_recus": 2 * paquets_audio,
        "paquets_perdus": 0,
        "images_par_seconde": 30,
        "largeur": 1280,
        "hauteur": 720,
        "chiffrement": {"chiffrees": images, "dechiffrees": images, "echecs": 0},
    }


@database_sync_to_async
def proces_verbal(deposition: Deposition) -> dict[str, Any]:
    contenu = contenu_du_proces_verbal(
        Deposition.objects.get(pk=deposition.pk), etabli_le=timezone.now(), provisoire=True
    )
    return dict(contenu.donnees["pv"])


async def _audition(
    deposition: Deposition, invitation: actions.InvitationEmise, secret: str, salle_coupee: bool
) -> None:
    """Le déposant scripté déclare un « son seul » ; la salle relève, elle, une réception normale
    (ou, si ``salle_coupee``, la même coupure)."""
    greffiere = await database_sync_to_async(Utilisateur.objects.get)(username="greffiere")
    await database_sync_to_async(actions.do_commande_du_greffe)(deposition, "admettre", {}, auteur=greffiere)
    salle_cookies = {"sessionid": await database_sync_to_async(session_de)("presidente")}
    async with (
        connexion(chemin_deposant(invitation), cookie_deposant(invitation, secret)) as deposant,
        connexion(f"/ws/visio/{deposition.pk}/salle/", salle_cookies) as salle,
    ):
        await connecte(deposant)
        await connecte(salle)
        for poste in (deposant, salle):
            await poste.send_json_to(releve(0, 0))
            await poste.send_json_to(releve(30, 50))
        # Le serveur date chaque relevé à sa réception : on attend qu'il ait lu les premiers.
        await consignes(deposition, "premiere_image", 2)
        await asyncio.sleep(ATTENTE_S)
        # L'image « ne passe plus » chez le déposant : ses compteurs d'images n'avancent pas.
        await deposant.send_json_to(releve(30, 150))
        await salle.send_json_to(releve(30 if salle_coupee else 110, 150))
        await consignes(deposition, "audio_seul_debut", 2 if salle_coupee else 1)
        await deposant.send_json_to(releve(60, 170))
        await salle.send_json_to(releve(60 if salle_coupee else 125, 170))
        await consignes(deposition, "audio_seul_fin", 2 if salle_coupee else 1)


async def consignes(deposition: Deposition, type_evenement: str, nombre: int) -> None:
    """Attend que le journal compte ``nombre`` événements ``type_evenement`` de la déposition."""
    for _ in range(300):
        if (await types_consignes(deposition)).count(type_evenement) >= nombre:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(
        f"{type_evenement} jamais consigné {nombre} fois : {await types_consignes(deposition)}"
    )


async def test_un_deposant_scripte_ne_met_pas_de_defaut_au_proces_verbal_quand_la_salle_recevait(
    salle_d_attente: tuple[Deposition, str],  # noqa: F811
    invitation: actions.InvitationEmise,
) -> None:
    deposition, secret = salle_d_attente
    await _audition(deposition, invitation, secret, salle_coupee=False)
    types = await types_consignes(deposition)
    # Ses trames ont bien été lues et consignées, comme ce qu'elles sont : sa déclaration.
    assert "audio_seul_debut" in types and "audio_seul_fin" in types
    pv = await proces_verbal(deposition)
    assert pv["constat"]["defauts"] == []
    (declaree,) = [p for p in pv["periodes"] if p["poste"] == "le déposant"]
    assert declaree["source"] == (
        "déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"
    )
    assert "Le poste du déposant a en outre déclaré 1 période de réception dégradée" in pv["constat"]["texte"]


async def test_la_meme_declaration_est_un_defaut_quand_la_salle_releve_la_coupure(
    salle_d_attente: tuple[Deposition, str],  # noqa: F811
    invitation: actions.InvitationEmise,
) -> None:
    deposition, secret = salle_d_attente
    await _audition(deposition, invitation, secret, salle_coupee=True)
    pv = await proces_verbal(deposition)
    sources = sorted(d["source"] for d in pv["constat"]["defauts"])
    assert sources == [
        "déclaration du poste du déposant, corroborée par les relevés de la salle d'audience",
        "relevés du poste de la salle d'audience",
    ]
