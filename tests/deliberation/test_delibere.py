"""Le délibéré par l'application : droits, ouverture, enregistrement, refus, rien d'autre que des formules."""

from __future__ import annotations

import json
import logging
import re
import subprocess
from html import unescape
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.deliberation.models import Deliberation, PeinePrononcee, ReponseInscrite
from pretoire.law.deliberation.majorite import formules_legales
from pretoire.law.deliberation.messages import FEUILLE, MESSAGES
from pretoire.proces.demo import AFFAIRE_A_INSTRUIRE
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db

TOUS = ["presidente", "assesseur", "greffiere", "avocat-general", "defense", "partie-civile", "intrus"]
DECOMPTE = re.compile(r"""["']?(oui|non|blancs|nuls|voix|bulletins|decompte)["']?\s*[:=]\s*\d""", re.I)


@pytest.fixture
def intrus(db: None) -> Utilisateur:
    return Utilisateur.objects.create_user("intrus", password="x-intrus-2026")


def _client(nom: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=nom))
    return client


def _donnees(client: Client, affaire: Affaire) -> dict[str, Any]:
    page = client.get(f"/affaires/{affaire.pk}/deliberation/").content.decode()
    trouve = re.search(r'<script id="donnees-delibere" type="application/json">(.*?)</script>', page, re.S)
    assert trouve, "l'écran du délibéré n'a pas ses données"
    return dict(json.loads(trouve.group(1)))


def _ouvrir(client: Client, affaire: Affaire) -> dict[str, Any]:
    assert client.post(f"/affaires/{affaire.pk}/deliberation/ouvrir/").status_code == 302
    return _donnees(client, affaire)


# Réponses de la démonstration : coupable des viols (F1, F3) et de F4, non coupable de F2.
REPONSES = {
    "1": "oui",
    "2": "oui",
    "3": "non",
    "4": "sans objet",
    "5": "oui",
    "6": "oui",
    "7": "oui",
    "8": "oui",
}
# Dix-huit ans pour des viols : le président déclare la période de sûreté de plein droit, la cour
# délibère sur le réexamen (art. 362 al. 1 et 6 CPP).
DIX_HUIT_ANS = [
    {
        "accuse": "A1",
        "peine": {"nature": "reclusion_criminelle", "mois": 216},
        "surete_de_plein_droit": True,
        "retention": "non",
    }
]


def _enregistrer(client: Client, affaire: Affaire, corps: object) -> Any:
    return client.post(
        f"/affaires/{affaire.pk}/deliberation/enregistrer/",
        json.dumps(corps),
        content_type="application/json",
    )


def _rien_n_est_enregistre(affaire: Affaire) -> bool:
    deliberation = Deliberation.objects.get(affaire=affaire)
    return (
        deliberation.feuille is None
        and not ReponseInscrite.objects.exists()
        and not PeinePrononcee.objects.exists()
    )


@pytest.mark.parametrize("utilisateur", TOUS)
@pytest.mark.parametrize(
    ("methode", "suffixe"),
    [
        ("get", ""),
        ("post", "ouvrir/"),
        ("post", "enregistrer/"),
    ],
)
def test_seul_le_president_accede_au_delibere(
    affaire_close: Affaire, intrus: Utilisateur, utilisateur: str, methode: str, suffixe: str
) -> None:
    client = _client(utilisateur)
    reponse = getattr(client, methode)(f"/affaires/{affaire_close.pk}/deliberation/{suffixe}")
    if utilisateur == "presidente":
        assert reponse.status_code != 403
    else:
        assert reponse.status_code == 403
    assert not Deliberation.objects.exclude(president__username="presidente").exists()


@pytest.mark.parametrize("utilisateur", TOUS)
@pytest.mark.parametrize("suffixe", ["feuille.pdf", "motivation.pdf"])
def test_avant_le_verdict_les_feuilles_du_delibere_sont_interdites_a_tous(
    affaire_close: Affaire, intrus: Utilisateur, utilisateur: str, suffixe: str
) -> None:
    """Après le verdict, voir tests/documents/test_documents_du_delibere.py."""
    _ouvrir(_client("presidente"), affaire_close)
    assert _client(utilisateur).get(f"/affaires/{affaire_close.pk}/deliberation/{suffixe}").status_code == 403


def test_le_delibere_d_une_affaire_inexistante_se_presente_comme_interdit(affaire_close: Affaire) -> None:
    assert _client("presidente").get(f"/affaires/{affaire_close.pk + 1000}/deliberation/").status_code == 403


def test_l_onglet_delibere_n_apparait_qu_au_president(affaire_close: Affaire) -> None:
    for nom in ("presidente", "assesseur"):
        page = _client(nom).get(f"/affaires/{affaire_close.pk}/").content.decode()
        assert ("/deliberation/" in page) is (nom == "presidente")


def test_le_delibere_ne_s_ouvre_pas_avant_la_cloture_des_debats(
    affaire_demo: Affaire, presidente: Client
) -> None:
    page = presidente.get(f"/affaires/{affaire_demo.pk}/deliberation/").content.decode()
    assert "après la clôture des débats" in page
    reponse = presidente.post(f"/affaires/{affaire_demo.pk}/deliberation/ouvrir/", follow=True)
    assert "après la clôture des débats" in reponse.content.decode()
    assert not Deliberation.objects.exists()


def test_le_president_enregistre_la_feuille_repondue(affaire_close: Affaire, presidente: Client) -> None:
    donnees = _ouvrir(presidente, affaire_close)
    assert donnees["votants"] == 12 and donnees["voix_defavorables"] == 8
    assert [q["numero"] for q in donnees["questions"]] == list(range(1, 9))
    reponse = _enregistrer(
        presidente,
        affaire_close,
        {"empreinte": donnees["empreinte"], "reponses": REPONSES, "peines": DIX_HUIT_ANS},
    )
    assert reponse.status_code == 200, reponse.content
    assert dict(ReponseInscrite.objects.values_list("numero", "formule")) == {
        1: "oui à la majorité de huit voix au moins",
        2: "oui à la majorité de huit voix au moins",
        3: "non",
        4: "sans objet",
        5: "oui à la majorité de huit voix au moins",
        6: "oui à la majorité de huit voix au moins",
        7: "oui à la majorité de huit voix au moins",
        8: "oui à la majorité de huit voix au moins",
    }
    peine = PeinePrononcee.objects.get()
    assert (peine.libelle, peine.mention) == (
        "dix-huit ans de réclusion criminelle",
        "à la majorité absolue des votants",
    )
    decision = Deliberation.objects.get().feuille["decisions"][0]
    assert decision["modalites"] == [
        "Période de sûreté de neuf ans, de plein droit (art. 132-23 al. 1 CP).",
        "La cour n'a pas prévu de réexamen de la situation du condamné en vue d'une éventuelle"
        " rétention de sûreté (art. 362 al. 6 CPP).",
    ]
    page = presidente.get(f"/affaires/{affaire_close.pk}/deliberation/").content.decode()
    assert "Feuille de questions répondue" in page and "Le premier juré" in page
    # Irrévocable (art. 365) : un second enregistrement est refusé.
    again = _enregistrer(
        presidente,
        affaire_close,
        {"empreinte": donnees["empreinte"], "reponses": REPONSES, "peines": DIX_HUIT_ANS},
    )
    assert again.status_code == 400 and "irrévocables" in again.json()["erreurs"][0]


@pytest.mark.parametrize(
    ("modification", "message"),
    [
        ({"reponses": {**REPONSES, "4": "oui"}}, "La question n° 4 ne se pose pas"),
        ({"reponses": {**REPONSES, "2": "sans objet"}}, "La question n° 2 se pose"),
        (
            {"reponses": {k: v for k, v in REPONSES.items() if k != "7"}},
            "La question n° 7 n'a pas de réponse",
        ),
        ({"reponses": {**REPONSES, "9": "oui"}}, "La question n° 9 n'est pas sur la feuille"),
        ({"reponses": {**REPONSES, "1": "oui à la majorité de huit voix"}}, "valeurs permises : oui, non"),
        ({"peines": []}, "La peine de Thierry VASSEUR n'a pas été votée"),
        (
            {"peines": [{"accuse": "A1", "peine": {"nature": "reclusion_criminelle", "mois": 300}}]},
            "dépasse le maximum encouru (vingt ans de réclusion criminelle)",
        ),
        ({"peines": [{"accuse": "A1", "exemption": True}]}, "Aucune cause légale d'exemption"),
        ({"peines": [*DIX_HUIT_ANS, {"accuse": "A9", "exemption": True}]}, "« A9 » n'est pas dans l'affaire"),
        ({"empreinte": "0" * 64}, "La feuille de questions a changé"),
        # La peine entière (art. 362) : chaque élément refusé avec sa raison, rien n'est écrit.
        (
            {"peines": [{**DIX_HUIT_ANS[0], "surete_de_plein_droit": None}]},
            "Le président déclare si les deux premiers alinéas de l'art. 132-23 CP s'appliquent",
        ),
        ({"peines": [{**DIX_HUIT_ANS[0], "retention": None}]}, "La cour délibère sur le réexamen"),
        ({"peines": [{**DIX_HUIT_ANS[0], "periode_de_surete": 145}]}, "ne dépasse pas les deux tiers"),
        (
            {"peines": [{**DIX_HUIT_ANS[0], "sursis": {"nature": "simple"}}]},
            "Le sursis n'est ordonné que lorsque la cour d'assises prononce une peine correctionnelle",
        ),
        ({"peines": [{**DIX_HUIT_ANS[0], "amende": 1000}]}, "Aucune amende n'est encourue"),
        (
            {"peines": [{**DIX_HUIT_ANS[0], "minorite": {"condamnation_penale": "oui"}}]},
            "Les questions de l'excuse de minorité ne se posent pas",
        ),
        (
            {"peines": [{**DIX_HUIT_ANS[0], "peine": {"nature": "reclusion_criminelle", "mois": 108}}]},
            "est de dix ans au moins (art. 131-1 CP, non vérifié)",
        ),
        (
            {"peines": [{**DIX_HUIT_ANS[0], "peines_complementaires": [{"libelle": "x", "article": "?"}]}]},
            "Citez l'article du code pénal",
        ),
        # Un décompte n'a pas de place dans ce qui est envoyé : la saisie est refusée.
        ({"decomptes": {"1": {"oui": 9, "non": 3}}}, "decomptes"),
        ({"reponses": {**REPONSES}, "voix": {"1": 9}}, "voix"),
    ],
)
def test_une_saisie_invalide_est_refusee_en_francais_sans_rien_ecrire(
    affaire_close: Affaire, presidente: Client, modification: dict[str, Any], message: str
) -> None:
    donnees = _ouvrir(presidente, affaire_close)
    corps = {"empreinte": donnees["empreinte"], "reponses": REPONSES, "peines": DIX_HUIT_ANS, **modification}
    reponse = _enregistrer(presidente, affaire_close, corps)
    assert reponse.status_code == 400
    assert any(message in erreur for erreur in reponse.json()["erreurs"]), reponse.json()
    assert _rien_n_est_enregistre(affaire_close)


def test_un_corps_qui_n_est_pas_du_json_est_refuse(affaire_close: Affaire, presidente: Client) -> None:
    _ouvrir(presidente, affaire_close)
    reponse = presidente.post(
        f"/affaires/{affaire_close.pk}/deliberation/enregistrer/", "oui=9&non=3", content_type="text/plain"
    )
    assert reponse.status_code == 400 and "JSON" in reponse.json()["erreurs"][0]


def test_la_base_refuse_une_formule_qui_n_est_pas_legale(affaire_close: Affaire, presidente: Client) -> None:
    from django.db import IntegrityError, transaction

    _ouvrir(presidente, affaire_close)
    deliberation = Deliberation.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReponseInscrite.objects.create(
            deliberation=deliberation, numero=1, formule="oui à la majorité de huit voix"
        )


def test_apres_un_delibere_aucune_table_ni_aucun_journal_ne_contient_de_decompte(
    affaire_close: Affaire, presidente: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    donnees = _ouvrir(presidente, affaire_close)
    # Une tentative d'envoyer des décomptes, refusée, puis l'enregistrement régulier.
    refus = _enregistrer(
        presidente,
        affaire_close,
        {
            "empreinte": donnees["empreinte"],
            "reponses": REPONSES,
            "peines": DIX_HUIT_ANS,
            "decompte": {"oui": 9},
        },
    )
    assert refus.status_code == 400
    corps = {"empreinte": donnees["empreinte"], "reponses": REPONSES, "peines": DIX_HUIT_ANS}
    assert _enregistrer(presidente, affaire_close, corps).status_code == 200
    contenu = serializers.serialize("json", [o for m in apps.get_models() for o in m._default_manager.all()])
    assert not DECOMPTE.search(contenu)
    assert set(ReponseInscrite.objects.values_list("formule", flat=True)) <= formules_legales()
    # Le refus est journalisé par Django (« Bad Request: /affaires/… ») : le chemin, jamais le corps.
    assert any("Bad Request" in r.getMessage() for r in caplog.records)
    assert not DECOMPTE.search(caplog.text)


# Les feuilles du délibéré ne se lisent que scellées : la clé de la juridiction est requise.
@pytest.mark.usefixtures("cour")
def test_la_peine_entiere_est_inscrite_et_le_reexamen_decide_se_motive(
    affaire_close: Affaire, presidente: Client
) -> None:
    donnees = _ouvrir(presidente, affaire_close)
    peine = {
        **DIX_HUIT_ANS[0],
        "periode_de_surete": 144,
        "peines_complementaires": [
            {"libelle": "suivi socio-judiciaire pendant dix ans", "article": "222-48-1"}
        ],
        "retention": "oui",
    }
    reponse = _enregistrer(
        presidente,
        affaire_close,
        {"empreinte": donnees["empreinte"], "reponses": REPONSES, "peines": [peine]},
    )
    assert reponse.status_code == 200, reponse.content
    page = presidente.get(f"/affaires/{affaire_close.pk}/deliberation/").content.decode()
    assert "Période de sûreté portée à douze ans, à la majorité absolue des votants" in page
    assert "suivi socio-judiciaire pendant dix ans (art. 222-48-1 CP)" in page
    assert (
        "à la majorité de huit voix au moins, que le condamné pourra faire l&#x27;objet d&#x27;un réexamen"
        in page
    )
    canevas = presidente.get(f"/affaires/{affaire_close.pk}/deliberation/motivation.pdf")
    assert canevas.status_code == 200
    pdf = presidente.get(f"/affaires/{affaire_close.pk}/deliberation/feuille.pdf")
    texte = subprocess.run(
        ["pdftotext", "-", "-"], input=b"".join(pdf.streaming_content), capture_output=True
    ).stdout.decode()
    assert "Période de sûreté portée à douze ans" in " ".join(texte.split())
    from pretoire.deliberation.actions import motivation_enregistree

    sections = motivation_enregistree(Deliberation.objects.get())["sections"]
    assert any("rétention de sûreté" in s["titre"] and "706-53-13" in s["consigne"] for s in sections)


def test_sans_dossier_d_affaire_l_onglet_delibere_repond_en_francais_sans_erreur_serveur(
    affaire_demo: Affaire, presidente: Client
) -> None:
    """L'affaire à instruire de la démonstration n'a pas encore de décision de mise en accusation."""
    a_instruire = Affaire.objects.get(numero=AFFAIRE_A_INSTRUIRE)
    page = presidente.get(f"/affaires/{a_instruire.pk}/deliberation/")
    assert page.status_code == 200
    assert "le greffe doit d'abord importer la décision de mise en accusation" in unescape(
        page.content.decode()
    )
    ouverture = presidente.post(f"/affaires/{a_instruire.pk}/deliberation/ouvrir/", follow=True)
    assert ouverture.status_code == 200
    assert "importer la décision de mise en accusation" in unescape(ouverture.content.decode())
    assert not Deliberation.objects.filter(affaire=a_instruire).exists()
    enregistrement = _enregistrer(presidente, a_instruire, {"empreinte": "0" * 64, "reponses": {}})
    assert enregistrement.status_code == 400 and "pas ouvert" in enregistrement.json()["erreurs"][0]


def test_la_base_accepte_le_non_qui_a_reuni_la_majorite_et_refuse_un_nombre_de_voix(
    affaire_close: Affaire, presidente: Client
) -> None:
    from django.db import IntegrityError, transaction

    _ouvrir(presidente, affaire_close)
    deliberation = Deliberation.objects.get()
    ReponseInscrite.objects.create(
        deliberation=deliberation, numero=1, formule="non à la majorité de huit voix au moins"
    )
    ReponseInscrite.objects.create(deliberation=deliberation, numero=2, formule="oui")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReponseInscrite.objects.create(
            deliberation=deliberation, numero=3, formule="non à la majorité de huit voix"
        )


def test_l_ecran_montre_la_reserve_sur_une_composition_non_verifiee(
    affaire_close: Affaire, presidente: Client
) -> None:
    donnees = _ouvrir(presidente, affaire_close)
    page = presidente.get(f"/affaires/{affaire_close.pk}/deliberation/").content.decode()
    assert donnees["reserve_composition"] and "Composition non vérifiée" in donnees["reserve_composition"]
    assert 'id="reserve-composition"' in page
    assert {q["defavorable"] for q in donnees["questions"]} == {"oui"}
    # Aucune question n'a le « non » pour réponse défavorable : la règle n'en est pas affichée.
    assert "dont le « oui » profite à l" not in unescape(page)
    assert donnees["formules"]["non"]["non"] == "non à la majorité de huit voix au moins"


def test_l_ecran_recoit_les_phrases_du_catalogue_et_sa_langue_ne_change_ni_la_feuille_ni_l_empreinte(
    affaire_close: Affaire,
) -> None:
    client = _client("presidente")
    en_francais = _ouvrir(client, affaire_close)
    assert en_francais["messages"] == MESSAGES
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    en_anglais = _donnees(client, affaire_close)
    # Les refus suivent la langue de l'écran ; les lignes de la feuille restent en français.
    assert set(en_anglais["messages"]) == set(MESSAGES)
    assert {c: en_anglais["messages"][c] for c in FEUILLE} == FEUILLE
    # Des mots, non des règles : l'empreinte que le serveur recalcule ne dépend pas de la langue.
    assert en_anglais["empreinte"] == en_francais["empreinte"]
