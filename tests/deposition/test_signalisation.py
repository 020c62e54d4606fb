"""Les messages de signalisation : ce que chaque poste peut envoyer, et les refus en français."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

from pretoire.deposition.signalisation import (
    MEDIA,
    PERMIS,
    MessageRefuse,
    Negociation,
    engagement_de,
    lire_message,
)

DEPOSITION = 7


def _base64url(octets: bytes) -> str:
    return base64.urlsafe_b64encode(octets).decode().rstrip("=")


CLE = _base64url(b"\x04" + bytes(range(64)))  # 65 octets : 87 signes
ALEA = _base64url(bytes(range(16)))  # 16 octets : 22 signes
ENGAGEMENT = engagement_de(CLE, ALEA)  # 32 octets : 43 signes
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
    "engagement": {"type": "engagement", "engagement": ENGAGEMENT},
    "cle": {"type": "cle", "cle": CLE, "alea": ALEA, "engagement": ENGAGEMENT},
    "revelation": {"type": "revelation", "cle": CLE, "alea": ALEA},
    "engagement_non_tenu": {"type": "engagement_non_tenu", "engagement": ENGAGEMENT},
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


@pytest.mark.parametrize("type_message", sorted(PERMIS["salle"]))
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
        {"type": "revelation", "cle": CLE[:-1] + "+", "alea": ALEA},
        "« revelation.cle » contient des signes non permis",
    ),
    (
        "clé complétée par =",
        {"type": "revelation", "cle": CLE + "=", "alea": ALEA},
        "« revelation.cle » contient des signes non permis",
    ),
    ("clé trop courte", {"type": "revelation", "cle": CLE[:80], "alea": ALEA}, "« revelation.cle »"),
    ("clé trop longue", {"type": "revelation", "cle": CLE + "AAA", "alea": ALEA}, "« revelation.cle »"),
    ("révélation sans aléa", {"type": "revelation", "cle": CLE}, "« revelation.alea » est obligatoire"),
    ("aléa trop court", {"type": "revelation", "cle": CLE, "alea": ALEA[:21]}, "« revelation.alea »"),
    (
        "engagement trop long",
        {"type": "engagement", "engagement": ENGAGEMENT + "A"},
        "« engagement.engagement »",
    ),
    (
        "engagement en base64 classique",
        {"type": "engagement", "engagement": "+" + ENGAGEMENT[1:]},
        "« engagement.engagement » contient des signes non permis",
    ),
    ("clé ancienne manière, sans engagement", {"type": "cle", "cle": CLE}, "message réservé au déposant"),
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


@pytest.mark.parametrize("type_message", ["engagement", "revelation"])
def test_seule_la_salle_s_engage_et_revele(type_message: str) -> None:
    assert refus(VALIDES[type_message], "deposant") == f"message réservé à la salle : « {type_message} »"


@pytest.mark.parametrize("type_message", ["cle", "engagement_non_tenu"])
def test_seul_le_deposant_repond_par_sa_cle(type_message: str) -> None:
    assert refus(VALIDES[type_message], "salle") == f"message réservé au déposant : « {type_message} »"


def test_le_greffe_peut_saluer_et_commander() -> None:
    assert lire(VALIDES["bonjour"], "greffe").type == "bonjour"
    assert lire(VALIDES["commande"], "greffe").commande == "admettre"


def test_le_greffe_n_a_pas_de_media_et_le_deposant_pas_de_commande() -> None:
    assert PERMIS["greffe"] & MEDIA == frozenset()
    assert "commande" not in PERMIS["deposant"]
    assert PERMIS["deposant"] - {"cle", "engagement_non_tenu"} == PERMIS["salle"] - {
        "commande",
        "engagement",
        "revelation",
    }


def test_le_type_est_verifie_avant_le_contenu() -> None:
    """Un déposant qui envoie une commande mal formée apprend qu'il ne commande pas, pas pourquoi
    sa commande est mal formée."""
    assert refus({"type": "commande", "commande": 3, "pirate": True}, "deposant") == (
        "action réservée au greffe : « commande »"
    )


# --- L'ordre de l'échange des clés (RFC 6189, § 4.4.1.1) ----------------------------------------

CLE_DEPOSANT = _base64url(b"\x04" + bytes(range(100, 164)))
ALEA_DEPOSANT = _base64url(bytes(range(50, 66)))
AUTRE_CLE = _base64url(b"\x04" + bytes(range(1, 65)))


def envoyer(negociation: Negociation, contenu: dict[str, Any]) -> None:
    negociation.envoyer(lire(contenu, negociation.poste))


def cle_du_deposant(engagement: str = ENGAGEMENT) -> dict[str, Any]:
    return {"type": "cle", "cle": CLE_DEPOSANT, "alea": ALEA_DEPOSANT, "engagement": engagement}


def refus_d_ordre(negociation: Negociation, contenu: dict[str, Any]) -> str:
    with pytest.raises(MessageRefuse) as erreur:
        envoyer(negociation, contenu)
    return str(erreur.value)


def test_l_engagement_est_l_empreinte_de_la_cle_et_de_l_alea() -> None:
    import hashlib

    attendu = hashlib.sha256(
        b"pretoire-engagement\x00" + b"\x04" + bytes(range(64)) + bytes(range(16))
    ).digest()
    assert _base64url(attendu) == ENGAGEMENT
    assert engagement_de(AUTRE_CLE, ALEA) != ENGAGEMENT
    assert engagement_de(CLE, ALEA_DEPOSANT) != ENGAGEMENT


def test_la_salle_s_engage_recoit_la_cle_puis_revele() -> None:
    salle = Negociation("salle")
    envoyer(salle, VALIDES["engagement"])
    salle.recevoir(cle_du_deposant())
    envoyer(salle, VALIDES["revelation"])


def test_la_salle_ne_peut_pas_reveler_sans_s_etre_engagee() -> None:
    assert refus_d_ordre(Negociation("salle"), VALIDES["revelation"]) == (
        "révélation sans engagement préalable de la salle"
    )


def test_la_salle_ne_peut_pas_reveler_avant_la_cle_du_deposant() -> None:
    salle = Negociation("salle")
    envoyer(salle, VALIDES["engagement"])
    assert "avant la clé du déposant" in refus_d_ordre(salle, VALIDES["revelation"])


def test_une_cle_qui_repond_a_un_autre_engagement_ne_permet_pas_de_reveler() -> None:
    salle = Negociation("salle")
    envoyer(salle, VALIDES["engagement"])
    salle.recevoir(cle_du_deposant(engagement_de(AUTRE_CLE, ALEA)))
    assert "avant la clé du déposant" in refus_d_ordre(salle, VALIDES["revelation"])


def test_la_salle_ne_peut_pas_reveler_une_autre_cle_que_celle_de_son_engagement() -> None:
    """Une salle (ou quiconque parle en son nom) qui changerait de clé après avoir vu celle du
    déposant est arrêtée dès le serveur ; le navigateur du déposant le vérifie de son côté."""
    salle = Negociation("salle")
    envoyer(salle, VALIDES["engagement"])
    salle.recevoir(cle_du_deposant())
    autre = {"type": "revelation", "cle": AUTRE_CLE, "alea": ALEA}
    assert refus_d_ordre(salle, autre) == "la clé révélée ne correspond pas à l'engagement de la salle"


def test_une_seule_revelation_par_engagement() -> None:
    salle = Negociation("salle")
    envoyer(salle, VALIDES["engagement"])
    salle.recevoir(cle_du_deposant())
    envoyer(salle, VALIDES["revelation"])
    assert "nouvel engagement" in refus_d_ordre(salle, VALIDES["revelation"])
    # Une nouvelle négociation repart d'un nouvel engagement.
    envoyer(salle, VALIDES["engagement"])
    assert "avant la clé du déposant" in refus_d_ordre(salle, VALIDES["revelation"])


def test_le_deposant_ne_peut_pas_donner_sa_cle_avant_l_engagement() -> None:
    assert refus_d_ordre(Negociation("deposant"), cle_du_deposant()) == (
        "clé du déposant avant tout engagement de la salle"
    )


def test_le_deposant_repond_une_fois_a_chaque_engagement_recu() -> None:
    deposant = Negociation("deposant")
    second = engagement_de(AUTRE_CLE, ALEA)
    deposant.recevoir({"type": "engagement", "engagement": ENGAGEMENT})
    deposant.recevoir({"type": "engagement", "engagement": second})
    envoyer(deposant, cle_du_deposant())  # réponse au premier, arrivée après le second
    envoyer(deposant, cle_du_deposant(second))
    assert (
        refus_d_ordre(deposant, cle_du_deposant()) == "une seule clé du déposant par engagement de la salle"
    )
    inconnu = engagement_de(CLE_DEPOSANT, ALEA)
    assert refus_d_ordre(deposant, cle_du_deposant(inconnu)) == (
        "clé du déposant en réponse à un engagement inconnu"
    )


def test_le_deposant_ne_signale_que_des_engagements_recus() -> None:
    deposant = Negociation("deposant")
    assert "n'a pas reçu" in refus_d_ordre(deposant, VALIDES["engagement_non_tenu"])
    deposant.recevoir({"type": "engagement", "engagement": ENGAGEMENT})
    envoyer(deposant, VALIDES["engagement_non_tenu"])
