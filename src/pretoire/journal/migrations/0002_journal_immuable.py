"""La base refuse toute modification ou suppression d'un événement du journal.

C'est la base, et non l'application, qui garde le journal : une requête SQL directe ou un
autre programme se heurte au même refus. La chaîne d'empreintes reste la preuve de dernier
recours contre qui supprimerait les déclencheurs.
"""

from django.db import migrations

MESSAGE = "journal d''audience : un événement consigné ne peut être ni modifié ni supprimé"

SQLITE = [
    f"""CREATE TRIGGER journal_evenement_sans_modification BEFORE UPDATE ON journal_evenement
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER journal_evenement_sans_suppression BEFORE DELETE ON journal_evenement
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_INVERSE = [
    "DROP TRIGGER IF EXISTS journal_evenement_sans_modification;",
    "DROP TRIGGER IF EXISTS journal_evenement_sans_suppression;",
]

POSTGRESQL = [
    f"""CREATE FUNCTION journal_evenement_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{MESSAGE} (%)', TG_OP USING ERRCODE = 'integrity_constraint_violation'; END $$;""",
    """CREATE TRIGGER journal_evenement_sans_modification BEFORE UPDATE OR DELETE ON journal_evenement
        FOR EACH ROW EXECUTE FUNCTION journal_evenement_immuable();""",
    """CREATE TRIGGER journal_evenement_sans_troncature BEFORE TRUNCATE ON journal_evenement
        FOR EACH STATEMENT EXECUTE FUNCTION journal_evenement_immuable();""",
]
POSTGRESQL_INVERSE = [
    "DROP TRIGGER IF EXISTS journal_evenement_sans_troncature ON journal_evenement;",
    "DROP TRIGGER IF EXISTS journal_evenement_sans_modification ON journal_evenement;",
    "DROP FUNCTION IF EXISTS journal_evenement_immuable();",
]


def poser(apps, schema_editor):  # type: ignore[no-untyped-def]
    ordres = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor)
    if ordres is None:
        raise RuntimeError("Prétoire ne protège le journal que sur SQLite et PostgreSQL.")
    for ordre in ordres:
        schema_editor.execute(ordre, params=None)


def retirer(apps, schema_editor):  # type: ignore[no-untyped-def]
    ordres = {"sqlite": SQLITE_INVERSE, "postgresql": POSTGRESQL_INVERSE}[schema_editor.connection.vendor]
    for ordre in ordres:
        schema_editor.execute(ordre, params=None)


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]
    operations = [migrations.RunPython(poser, retirer)]
