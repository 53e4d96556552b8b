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

import time
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import QuerySet

from . import rules
from .models import PublicEntry, SearchDocument

COUNT_CAP = 1000
FIRST_WINDOW = 3000
SCAN_BUDGET = 9000
WALK_LIMIT = 40_000
INDEX_ROWS = 20_000
STATS_SECONDS = 600

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


def index_entries(entries: list[PublicEntry]) -> None:
    """Index (or index again) saved entries: their old rows deleted, the new ones inserted in bulk
    (on SQLite the FTS triggers see the same delete and insert as an update)."""
    ids = [e.pk for e in entries]
    for first in range(0, len(ids), 500):  # IN lists well below SQLite's limit on parameters
        SearchDocument.objects.filter(entry__in=ids[first : first + 500]).delete()
    SearchDocument.objects.bulk_create([SearchDocument(entry=e, tokens=entry_tokens(e)) for e in entries])


def unindex_entry(entry: PublicEntry) -> None:
    SearchDocument.objects.filter(entry=entry).delete()


@dataclass(frozen=True)
class Matches:
    """The newest matching ids of a search, and whether they are all of them (up to the limit).

    ``complete`` is False when the search stopped at its work budget with a page's worth of
    matches found: more may exist further back, and the portal says "N+" as for the count cap.
    """

    ids: list[int]
    complete: bool


def matching_ids(
    queryset: QuerySet, query: str, *, limit: int, enough: int | None = None, stop_early: bool = True
) -> Matches | None:
    """At most ``limit`` ids of entries of ``queryset`` (visible, filtered PublicEntry) matching
    ``query``, newest first; None if nothing is searchable in the query (only punctuation).

    The search walks back from the newest id in windows that double in size, each one query
    answered by the index within an id range, so a common term stops after a few thousand ids
    instead of sorting its whole match set, and a page never needs a COUNT or an OFFSET. Once
    ``SCAN_BUDGET`` ids have been searched and ``enough`` matches found (the caller's page), it
    stops there; otherwise the rest is searched in one query (where a rare term's index lookup is
    cheap). A common term under narrow filters stops at ``WALK_LIMIT`` ids unless ``stop_early``
    is False (an end date: its matches lie back beyond the newest ids, so all are searched).
    """
    runs = rules.parse_query(query)
    if not runs:
        return None
    enough = limit if enough is None else min(enough, limit)
    top = SearchDocument.objects.aggregate(top=models.Max("entry_id"))["top"] or 0
    found: list[int] = []
    high, window = top + 1, FIRST_WINDOW
    while high > 0 and len(found) < limit:
        searched = top + 1 - high
        walk = True
        if searched >= SCAN_BUDGET:
            if len(found) >= enough:
                return Matches(found, complete=False)
            if _index_is_cheap(runs, below=high, top=top):
                walk, window = False, high
            elif stop_early and searched >= WALK_LIMIT:
                # A common term under narrow filters: the index would return most of the table.
                return Matches(found, complete=False)
        low = max(0, high - window)
        # A window is searched by walking its id range; the rest, past the budget, through the
        # inverted index when its terms are rare enough for that to be cheap.
        matching = _matching(queryset, runs, walk=walk)
        window_rows = matching.filter(id__gte=low, id__lt=high).extra(
            where=[f"{_index_id()} >= %s", f"{_index_id()} < %s"], params=[low, high]
        )
        found += window_rows.values_list("id", flat=True)[: limit - len(found)]
        high, window = low, window * 2
    return Matches(found, complete=True)


def _index_is_cheap(runs: list[rules.QueryRun], *, below: int, top: int) -> bool:
    """Whether the index can answer ``runs`` over the entries below id ``below`` without walking
    a large share of them (ids ``below`` to ``top`` are already searched). On SQLite, by the density of the text's matches (no
    filters) in the ids already searched, counted in the FTS index alone; on PostgreSQL, by the
    rarest token's frequency in the column statistics (a token missing from the most common
    elements is rarer than all of them)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM portal_search_fts WHERE portal_search_fts MATCH %s AND rowid >= %s",
                [rules.fts5_match(runs), below],
            )
            (text_matches,) = cursor.fetchone()
        return text_matches * below / max(1, top + 1 - below) <= INDEX_ROWS
    if connection.vendor != "postgresql":
        return True
    frequencies = _pg_token_frequencies()
    tokens = [token for run in runs if not run.prefix for token in run.tokens]
    if not tokens:
        return False  # a one-character prefix: any token starting with it, no frequency to go by
    if not frequencies:
        return True  # not analysed yet: a small table
    floor = min(frequencies.values())
    return below * min(frequencies.get(token, floor) for token in tokens) <= INDEX_ROWS


_pg_stats: dict[str, Any] = {"at": 0.0, "frequencies": {}}


def _pg_token_frequencies() -> dict[str, float]:
    """Share of indexed entries holding each common token (from ANALYZE), cached per process."""
    if time.monotonic() - float(_pg_stats["at"]) > STATS_SECONDS or not _pg_stats["at"]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = 'portal_searchdocument' AND attname = 'vector'"
            )
            row = cursor.fetchone()
        elems, freqs = row or (None, None)
        _pg_stats["frequencies"] = dict(zip(elems or [], freqs or [], strict=False))
        _pg_stats["at"] = time.monotonic()
    return _pg_stats["frequencies"]


def _index_id() -> str:
    """The index's entry id column, so that an id range is searched within the index itself."""
    if connection.vendor == "sqlite":
        return "portal_search_fts.rowid"
    return "portal_searchdocument.entry_id"


def _matching(queryset: QuerySet, runs: list[rules.QueryRun], *, walk: bool = False) -> QuerySet:
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
                # COALESCE hides the column from the GIN index: in a small id range, reading
                # the rows beats a bitmap of every match of a common bigram.
                "COALESCE(portal_searchdocument.vector, ''::tsvector) @@ to_tsquery('simple'::regconfig, %s)"
                if walk
                else "portal_searchdocument.vector @@ to_tsquery('simple'::regconfig, %s)",
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
