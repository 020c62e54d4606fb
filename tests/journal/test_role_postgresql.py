"""Le rôle PostgreSQL de l'application, réglé comme docs/postgresql-roles.md le dit, ne peut ni
modifier, ni supprimer, ni tronquer le journal, ni en taire les déclencheurs."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

DOCUMENTATION = Path(__file__).resolve().parents[2] / "docs" / "postgresql-roles.md"


def droits_documentes(role: str) -> list[str]:
    """Le bloc SQL « droits de l'application » de la documentation, pour ``role``."""
    texte = DOCUMENTATION.read_text(encoding="utf-8")
    bloc = re.search(r"<!-- droits-application -->\s*```sql\n(.*?)```", texte, re.DOTALL)
    assert bloc, "docs/postgresql-roles.md a perdu son bloc « droits-application »"
    ordres = [o.strip() for o in bloc.group(1).split(";\n") if o.strip()]
    return [o.rstrip(";").replace("pretoire_application", role) for o in ordres]


def _connecter(**reglages: Any) -> Any:
    import psycopg

    return psycopg.connect(autocommit=True, connect_timeout=5, **reglages)


@pytest.fixture
def role_de_l_application() -> Iterator[dict[str, Any]]:
    """Un rôle neuf, réglé comme la documentation le dit, sur la base de test ; retiré après."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL seulement : définissez DATABASE_URL (postgres://…) pour ce test")
    import psycopg

    base = connection.settings_dict
    adresse = {"host": base["HOST"] or None, "port": base["PORT"] or None, "dbname": base["NAME"]}
    try:
        proprietaire = _connecter(**adresse, user=base["USER"], password=base["PASSWORD"] or None)
    except psycopg.OperationalError as erreur:
        pytest.skip(f"PostgreSQL injoignable ({erreur})")
    role = f"pretoire_application_essai_{secrets.token_hex(4)}"
    mot_de_passe = secrets.token_urlsafe(16)
    with proprietaire:
        try:
            proprietaire.execute(
                f"CREATE ROLE {role} LOGIN PASSWORD '{mot_de_passe}' NOSUPERUSER NOCREATEDB NOCREATEROLE"
            )
        except psycopg.errors.InsufficientPrivilege:
            pytest.skip(
                f"l'utilisateur {base['USER']} de DATABASE_URL ne peut pas créer de rôle (CREATEROLE)"
            )
        try:
            for ordre in droits_documentes(role):
                proprietaire.execute(ordre)
            yield {**adresse, "user": role, "password": mot_de_passe}
        finally:
            proprietaire.execute(f"DROP OWNED BY {role}")
            proprietaire.execute(f"DROP ROLE {role}")


@pytest.mark.parametrize(
    "ordre",
    [
        "UPDATE journal_evenement SET auteur_libelle = 'Faussaire'",
        "DELETE FROM journal_evenement",
        "TRUNCATE journal_evenement",
        "ALTER TABLE journal_evenement DISABLE TRIGGER ALL",
        "DROP TRIGGER journal_evenement_sans_modification ON journal_evenement",
        "SET session_replication_role = replica",
    ],
)
def test_le_role_de_l_application_ne_peut_pas(role_de_l_application: dict[str, Any], ordre: str) -> None:
    import psycopg

    with (
        _connecter(**role_de_l_application) as application,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        application.execute(ordre)


def test_le_role_de_l_application_lit_et_ajoute(role_de_l_application: dict[str, Any]) -> None:
    role = role_de_l_application["user"]
    with _connecter(**role_de_l_application) as application:
        application.execute("SELECT count(*) FROM journal_evenement")
        droits = application.execute(
            "SELECT has_table_privilege(%s, 'journal_evenement', 'INSERT'),"
            " has_table_privilege(%s, 'journal_evenement', 'SELECT'),"
            " has_table_privilege(%s, 'proces_affaire', 'UPDATE'),"
            " (SELECT rolsuper FROM pg_roles WHERE rolname = %s)",
            [role, role, role, role],
        ).fetchone()
    assert droits == (True, True, True, False)
