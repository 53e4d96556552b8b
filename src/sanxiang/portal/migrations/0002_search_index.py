"""The full-text side of the search index: FTS5 on SQLite, a stored tsvector with GIN on PostgreSQL."""

from django.db import migrations

# A copy of the statements in sanxiang.portal.search, frozen here as migrations must be.
SQLITE_SETUP = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS portal_search_fts USING fts5(
        tokens, content='portal_searchdocument', content_rowid='entry_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER IF NOT EXISTS portal_search_ai AFTER INSERT ON portal_searchdocument BEGIN
        INSERT INTO portal_search_fts(rowid, tokens) VALUES (new.entry_id, new.tokens); END""",
    """CREATE TRIGGER IF NOT EXISTS portal_search_ad AFTER DELETE ON portal_searchdocument BEGIN
        INSERT INTO portal_search_fts(portal_search_fts, rowid, tokens)
        VALUES ('delete', old.entry_id, old.tokens); END""",
    """CREATE TRIGGER IF NOT EXISTS portal_search_au AFTER UPDATE ON portal_searchdocument BEGIN
        INSERT INTO portal_search_fts(portal_search_fts, rowid, tokens)
        VALUES ('delete', old.entry_id, old.tokens);
        INSERT INTO portal_search_fts(rowid, tokens) VALUES (new.entry_id, new.tokens); END""",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS portal_search_au",
    "DROP TRIGGER IF EXISTS portal_search_ad",
    "DROP TRIGGER IF EXISTS portal_search_ai",
    "DROP TABLE IF EXISTS portal_search_fts",
]
POSTGRES_SETUP = [
    """ALTER TABLE portal_searchdocument ADD COLUMN IF NOT EXISTS vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED""",
    "CREATE INDEX IF NOT EXISTS portal_search_vector_gin ON portal_searchdocument USING gin (vector)",
]
POSTGRES_TEARDOWN = [
    "DROP INDEX IF EXISTS portal_search_vector_gin",
    "ALTER TABLE portal_searchdocument DROP COLUMN IF EXISTS vector",
]



def setup_statements(vendor):
    return {"sqlite": SQLITE_SETUP, "postgresql": POSTGRES_SETUP}.get(vendor, [])


def teardown_statements(vendor):
    return {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRES_TEARDOWN}.get(vendor, [])


def forwards(apps, schema_editor):
    for statement in setup_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    for statement in teardown_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
