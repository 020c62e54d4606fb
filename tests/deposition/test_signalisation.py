"""Les messages de signalisation : ce que chaque poste peut envoyer, et les refus en français."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

from pretoire.deposition.signalisation import MEDIA, PERMIS, MessageRefuse, lire_message

DEPOSITION = 7
CLE = base64.urlsafe_b64encode(b"\x04" + bytes(range(64))).decode().rstrip("=")  # 65 octets : 87 signes
STATISTIQUES = {
    "type": "statistiques",
    "horloge_ms": 1_795_000_000_000.0,
    "images_decodees": 1200,
    "paquets_audio": 2000,
    "octets_recus": 5_000_000,
    "paquets_recus": 6000,
    "paquets_perdus": 12,
    "aller_retour_ms": 80.0,
    "images_par_seconde": 30.0,
    "largeur": 1280,
    "hauteur": 720,
    "gels": 0,
    "synchronisation_ms": -12.0,
    "chiffrement": {"chiffrees": 1200, "dechiffrees": 1199, "echecs": 0},
}
VALIDES: dict[str, dict[str, Any]] = {
    "bonjour": {"type": "bonjour", "session": "Ab3_de-F9"},
    "description": {
        "type": "description",
        "description": {"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"},
    },
    "candidat": {
        "type": "candidat",
        "candidat": {
            "candidate": "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host",
            "sdpMid": "0",
            "sdpMLineIndex": 0,
            "usernameFragment": "abcd",
        },
    },
    "cle": {"type": "cle", "cle": CLE},
    "statistiques": STATISTIQUES,
    "connexion": {"type": "connexion", "chiffrement_bout_en_bout": True},
    "commande": {"type": "commande", "commande": "admettre", "donnees": {}},
}


def lire(contenu: Any, poste: str = "salle") -> Any:
    return lire_message(contenu, poste=poste, deposition_id=DEPOSITION)


def refus(contenu: Any, poste: str = "salle") -> str:
    with pytest.raises(MessageRefuse) as erreur:
        lire(contenu, poste)
    return str(erreur.value)


@pytest.mark.parametrize("type_message", sorted(VALIDES))
def test_la_salle_peut_envoyer_chaque_message_valide(type_message: str) -> None:
    message = lire(VALIDES[type_message])
    assert message.type == type_message


@pytest.mark.parametrize("type_message", sorted(PERMIS["deposant"]))
def test_le_deposant_peut_envoyer_media_et_presence(type_message: str) -> None:
    assert lire(VALIDES[type_message], "deposant").type == type_message


def test_la_fin_des_candidats_est_un_candidat_nul() -> None:
    assert lire({"type": "candidat", "candidat": None}).candidat is None


def test_un_message_qui_nomme_sa_propre_deposition_est_accepte() -> None:
    assert lire({**VALIDES["bonjour"], "deposition": DEPOSITION}).deposition == DEPOSITION


def test_un_sdp_de_soixante_mille_signes_est_encore_accepte() -> None:
    lire({"type": "description", "description": {"type": "answer", "sdp": "a" * 60_000}})


def test_les_statistiques_minimales_suffisent() -> None:
    message = lire(
        {
            "type": "statistiques",
            "images_decodees": 0,
            "paquets_audio": 0,
            "octets_recus": 0,
            "paquets_recus": 0,
            "paquets_perdus": 0,
            "chiffrement": {"chiffrees": 0, "dechiffrees": 0, "echecs": 0},
        }
    )
    assert message.horloge_ms is None and message.gels == 0


# --- Refus ---------------------------------------------------------------------------------------

MAL_FORME = "message mal formé : un objet JSON avec un « type » est attendu"

REFUSES: list[tuple[str, Any, str]] = [
    ("liste", [VALIDES["bonjour"]], MAL_FORME),
    ("texte", "bonjour", MAL_FORME),
    ("nombre", 42, MAL_FORME),
    ("nul", None, MAL_FORME),
    ("sans type", {"session": "abcdefgh"}, MAL_FORME),
    ("type non textuel", {"type": 3}, MAL_FORME),
    ("type inconnu", {"type": "inconnu"}, "type de message inconnu : « inconnu »"),
    (
        "champ en trop",
        {**VALIDES["bonjour"], "pirate": 1},
        "« bonjour.pirate » n'est pas prévu par le format",
    ),
    (
        "champ en trop dans la description",
        {"type": "description", "description": {"type": "offer", "sdp": "v=0", "pirate": 1}},
        "n'est pas prévu par le format",
    ),
    ("champ obligatoire absent", {"type": "bonjour"}, "« bonjour.session » est obligatoire"),
    (
        "SDP trop long",
        {"type": "description", "description": {"type": "offer", "sdp": "a" * 60_001}},
        "« description.description.sdp » doit contenir au plus 60000 signes",
    ),
    (
        "description d'un type non prévu",
        {"type": "description", "description": {"type": "pranswer", "sdp": "v=0"}},
        "valeurs permises : offer ou answer",
    ),
    (
        "clé en base64 classique",
        {"type": "cle", "cle": CLE[:-1] + "+"},
        "« cle.cle » contient des signes non permis",
    ),
    ("clé complétée par =", {"type": "cle", "cle": CLE + "="}, "« cle.cle » contient des signes non permis"),
    ("clé trop courte", {"type": "cle", "cle": CLE[:80]}, "« cle.cle »"),
    ("clé trop longue", {"type": "cle", "cle": CLE + "AAA"}, "« cle.cle »"),
    ("session trop courte", {"type": "bonjour", "session": "abc"}, "« bonjour.session »"),
    (
        "session avec espaces",
        {"type": "bonjour", "session": "abc defgh"},
        "« bonjour.session » contient des signes non permis",
    ),
    (
        "compteur négatif",
        {**STATISTIQUES, "images_decodees": -1},
        "« statistiques.images_decodees » doit être supérieur ou égal à 0",
    ),
    (
        "compteur non numérique",
        {**STATISTIQUES, "paquets_audio": "beaucoup"},
        "« statistiques.paquets_audio » doit être un nombre entier",
    ),
    (
        "statistiques sans chiffrement",
        {k: v for k, v in STATISTIQUES.items() if k != "chiffrement"},
        "obligatoire",
    ),
    (
        "candidat trop long",
        {"type": "candidat", "candidat": {"candidate": "c" * 2001}},
        "« candidat.candidat.candidate » doit contenir au plus 2000 signes",
    ),
    (
        "pour une autre déposition",
        {**VALIDES["bonjour"], "deposition": DEPOSITION + 1},
        "message destiné à une autre déposition",
    ),
    ("déposition illisible", {**VALIDES["bonjour"], "deposition": "sept"}, "doit être un nombre entier"),
]


@pytest.mark.parametrize(("contenu", "extrait"), [r[1:] for r in REFUSES], ids=[r[0] for r in REFUSES])
def test_un_message_mal_forme_est_refuse_en_disant_pourquoi(contenu: Any, extrait: str) -> None:
    assert extrait in refus(contenu)


def test_un_type_inconnu_tres_long_est_tronque_dans_le_refus() -> None:
    message = refus({"type": "x" * 5000})
    assert len(message) < 100


# Les refus que Pydantic formule en anglais faute de traduction (law/erreurs.py, _message).
def _cas_en_francais() -> list[Any]:
    return [pytest.param(contenu, id=nom) for nom, contenu, _ in REFUSES]


ANGLAIS = re.compile(r"\b(should|Input|String|Field|characters|greater|less|pattern)\b")


@pytest.mark.parametrize("contenu", _cas_en_francais())
def test_chaque_refus_est_entierement_en_francais_et_juste(contenu: Any) -> None:
    message = refus(contenu)
    assert not ANGLAIS.search(message), message
    assert "ne peut pas être vide" not in message, message  # aucun de ces messages n'a de texte vide


# --- Qui peut envoyer quoi ----------------------------------------------------------------------


def test_le_deposant_ne_peut_pas_envoyer_de_commande() -> None:
    assert refus(VALIDES["commande"], "deposant") == "action réservée au greffe : « commande »"


@pytest.mark.parametrize("type_message", sorted(MEDIA))
def test_le_greffe_ne_peut_pas_envoyer_de_media(type_message: str) -> None:
    refus(VALIDES[type_message], "greffe")


@pytest.mark.parametrize("type_message", sorted(MEDIA))
def test_le_refus_d_un_media_envoye_par_le_greffe_ne_lui_dit_pas_que_c_est_reserve_au_greffe(
    type_message: str,
) -> None:
    assert "réservée au greffe" not in refus(VALIDES[type_message], "greffe")


def test_le_greffe_peut_saluer_et_commander() -> None:
    assert lire(VALIDES["bonjour"], "greffe").type == "bonjour"
    assert lire(VALIDES["commande"], "greffe").commande == "admettre"


def test_le_greffe_n_a_pas_de_media_et_le_deposant_pas_de_commande() -> None:
    assert PERMIS["greffe"] & MEDIA == frozenset()
    assert "commande" not in PERMIS["deposant"]
    assert PERMIS["deposant"] | {"commande"} == PERMIS["salle"]


def test_le_type_est_verifie_avant_le_contenu() -> None:
    """Un déposant qui envoie une commande mal formée apprend qu'il ne commande pas, pas pourquoi
    sa commande est mal formée."""
    assert refus({"type": "commande", "commande": 3, "pirate": True}, "deposant") == (
        "action réservée au greffe : « commande »"
    )
