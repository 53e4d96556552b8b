"""The bigram search index on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

The index text comes from ``rules.index_text`` over the entry's masked, published content only;
nothing of the raw record ever reaches it. Rows exist only for live or corrected entries: a
withdrawn or expired entry is removed from the index in the same transaction, and every query is
also filtered through the visibility policy.

Both backends answer "newest first" by walking the match list in descending entry id and stopping
at the page's end, so a two-character query matching most of a million entries costs about as much
as a rare one. Result counts are capped (``COUNT_CAP``): the portal says "1000+" rather than
counting a million rows on each request.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from . import rules
from .models import PublicEntry, SearchDocument

COUNT_CAP = 1000

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


def setup_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_SETUP, "postgresql": POSTGRES_SETUP}.get(vendor, [])


def teardown_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRES_TEARDOWN}.get(vendor, [])


def entry_tokens(entry: PublicEntry) -> str:
    """The index text of an entry: title, party, document number, field values and text, all masked."""
    values = [str(value) for _label, value in entry.fields]
    return rules.index_text([entry.title, entry.party_name, entry.document_number, *values, entry.text])


def index_entry(entry: PublicEntry) -> None:
    SearchDocument.objects.update_or_create(entry=entry, defaults={"tokens": entry_tokens(entry)})


def unindex_entry(entry: PublicEntry) -> None:
    SearchDocument.objects.filter(entry=entry).delete()


def matching_ids(queryset: QuerySet, query: str, *, limit: int) -> list[int] | None:
    """Ids of at most ``limit`` entries of ``queryset`` (visible, filtered PublicEntry) matching
    ``query``, newest first; None if nothing is searchable in the query (only punctuation).

    One bounded query of ids: the caller takes its page from the list and its length is the
    (capped) count, so neither a COUNT over a huge match set nor an OFFSET is ever run.
    """
    runs = rules.parse_query(query)
    if not runs:
        return None
    return list(_matching(queryset, runs).values_list("id", flat=True)[:limit])


def _matching(queryset: QuerySet, runs: list[rules.QueryRun]) -> QuerySet:
    table = PublicEntry._meta.db_table
    if connection.vendor == "sqlite":
        return queryset.extra(
            tables=["portal_search_fts"],
            where=[f'portal_search_fts.rowid = "{table}"."id"', "portal_search_fts MATCH %s"],
            params=[rules.fts5_match(runs)],
            # Ordering by the FTS rowid (= entry id) lets SQLite walk the match list backwards and
            # stop at the limit; ordering by the entry's id would sort every match first.
            order_by=["-portal_search_fts.rowid"],
        )
    patterns = rules.like_patterns(runs)
    likes = ["(' ' || portal_searchdocument.tokens || ' ') LIKE %s"] * len(patterns)
    if connection.vendor == "postgresql":
        return queryset.extra(
            tables=["portal_searchdocument"],
            where=[
                f'portal_searchdocument.entry_id = "{table}"."id"',
                "portal_searchdocument.vector @@ to_tsquery('simple'::regconfig, %s)",
                *likes,
            ],
            params=[rules.pg_tsquery(runs), *patterns],
        ).order_by("-id")
    # Any other database: the phrase patterns alone over the index text (correct, not fast).
    return queryset.extra(
        tables=["portal_searchdocument"],
        where=[f'portal_searchdocument.entry_id = "{table}"."id"', *likes],
        params=patterns,
    ).order_by("-id")
