"""Sous ASGI, chaque requête s'exécute dans un fil d'exécution à elle : une connexion gardée
ouverte (« conn_max_age ») reste attachée à un fil qui ne resservira pas. Après quelques rafales
de requêtes simultanées, PostgreSQL atteint ``max_connections`` et refuse tout le monde.

Ce test rejoue ces rafales contre l'application ASGI de Prétoire et compte les connexions que
PostgreSQL voit encore ouvertes sur la base des tests : elles doivent retomber à une borne fixe.
Il ne tourne que sur PostgreSQL (``DATABASE_URL``).
"""

from __future__ import annotations

import asyncio
import os

import pytest
from asgiref.testing import ApplicationCommunicator
from django.conf import settings
from django.core.asgi import get_asgi_application
from django.db import connection

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL"), reason="DATABASE_URL non défini : PostgreSQL seul"
    ),
    pytest.mark.django_db,
]

RAFALES = 4
REQUETES_SIMULTANEES = 20
# La connexion du test lui-même, plus une marge pour un fil qui n'aurait pas encore refermé la sienne.
CONNEXIONS_TOLEREES = 3


def _connexions_ouvertes() -> int:
    """Les connexions à la base des tests, comptées par une connexion à part, aussitôt fermée."""
    import psycopg

    with psycopg.connect(**connection.get_connection_params()) as compteur:
        ligne = compteur.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
    assert ligne is not None
    return int(ligne[0])


async def _requete(application: object, cookie: str) -> int:
    communicateur = ApplicationCommunicator(
        application,
        {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/",
            "raw_path": b"/",
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1"), (b"cookie", cookie.encode())],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        },
    )
    await communicateur.send_input({"type": "http.request", "body": b"", "more_body": False})
    debut = await communicateur.receive_output(timeout=60)
    while (await communicateur.receive_output(timeout=60)).get("more_body"):
        pass
    await communicateur.wait(timeout=60)
    return int(debut["status"])


async def test_des_rafales_de_requetes_simultanees_ne_laissent_pas_de_connexions_ouvertes() -> None:
    # Une session inconnue : chaque requête la cherche en base (une connexion par requête), puis
    # renvoie vers la page de connexion ; rien à écrire, rien à voir d'une autre transaction.
    cookie = f"{settings.SESSION_COOKIE_NAME}=sessioninconnuesessioninconnue"
    application = get_asgi_application()
    for _ in range(RAFALES):
        statuts = await asyncio.gather(*(_requete(application, cookie) for _ in range(REQUETES_SIMULTANEES)))
        assert set(statuts) == {302}
    ouvertes = _connexions_ouvertes()
    assert ouvertes <= CONNEXIONS_TOLEREES, (
        f"{ouvertes} connexions encore ouvertes après {RAFALES} rafales de {REQUETES_SIMULTANEES} requêtes"
    )
