"""Readers of the public portal. Every one obtains entries through the visibility policy
(``sanxiang.portal.visibility``), takes ``now`` instead of reading the clock, and returns only
published, masked data."""

from __future__ import annotations

import datetime
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import BaseCache, cache, caches
from django.db import connection, models
from django.utils import timezone

from sanxiang.kernel.access import subtree
from sanxiang.org.models import Authority

from . import search
from .choices import EntryStatus
from .models import PublicEntry, PublicEntryQuerySet
from .visibility import visible_entries, visible_entry

PAGE_SIZE = 20
MAX_PAGE = search.COUNT_CAP // PAGE_SIZE
EXPORT_CAP = 5000
# Figures older than this are refreshed by a request's background thread: a fallback for when the
# periodic job (every 5 minutes) has not run, so three periods, never racing the job itself.
STATS_TTL = 900
STATS_KEEP = 2 * 24 * 3600


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    category: str = ""
    authority: Authority | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: int = 1


@dataclass
class SearchPage:
    entries: list[PublicEntry] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    page: int = 1
    pages: int = 0

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _local_day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _filtered(params: SearchParams, now: datetime.datetime) -> PublicEntryQuerySet:
    """Visible entries narrowed by the filters of ``params`` (not by its text query)."""
    queryset = visible_entries(now)
    if params.category:
        queryset = queryset.filter(category_code=params.category)
    if params.authority is not None:
        # The authority and its subordinates: one prefix filter on the materialised path, resolved
        # to ids once rather than joined into every row a text search walks.
        below = subtree(params.authority)
        queryset = queryset.filter(authority_id__in=list(below.values_list("id", flat=True)))
    if params.date_from:
        queryset = queryset.filter(published_at__gte=_local_day_start(params.date_from))
    if params.date_to:
        queryset = queryset.filter(
            published_at__lt=_local_day_start(params.date_to + datetime.timedelta(days=1))
        )
    return queryset


# What a list (search page, home, the JSON list) never shows: the body, the field table and the
# salts, the bulk of a row; they are read only on an entry's own page.
LIST_DEFERRED = ("text", "fields", "salt", "withdrawal_reason")


def entry_search(
    *, params: SearchParams, now: datetime.datetime, limit: int = EXPORT_CAP
) -> PublicEntryQuerySet | None:
    """Visible entries matching ``params``, newest first (a text search: its ``limit`` newest
    matches); None when the query has nothing to search."""
    queryset = _filtered(params, now)
    if params.q.strip():
        matches = search.matching_ids(queryset, params.q, limit=limit, stop_early=False)
        if matches is None:
            return None
        queryset = queryset.filter(id__in=matches.ids)
    return queryset.order_by("-id")


def entry_search_page(
    *, params: SearchParams, now: datetime.datetime, per_page: int = PAGE_SIZE
) -> SearchPage:
    """One page of results. The count is capped at ``search.COUNT_CAP`` so that a two-character
    query matching most of a million entries does not count them all: a text search fetches the
    ids of at most ``COUNT_CAP + 1`` newest matches in one query and takes the page from them."""
    page = max(1, min(params.page, MAX_PAGE))
    offset = (page - 1) * per_page
    queryset = _filtered(params, now).defer(*LIST_DEFERRED)
    if params.q.strip():
        matches = search.matching_ids(
            queryset,
            params.q,
            limit=search.COUNT_CAP + 1,
            enough=offset + per_page + 1,
            stop_early=params.date_to is None,
        )
        if matches is None:
            return SearchPage()
        total = len(matches.ids)
        wanted = matches.ids[offset : offset + per_page]
        entries = list(queryset.filter(id__in=wanted).order_by("-id")) if wanted else []
        complete = matches.complete
    else:
        queryset = queryset.order_by("-id")
        entries = list(queryset[offset : offset + per_page])
        if len(entries) < per_page and (entries or page == 1):
            total = offset + len(entries)
        else:
            total = queryset.values("id")[: search.COUNT_CAP + 1].count()
        complete = True
    # Capped: more than COUNT_CAP matches, or the search stopped at its budget with a page found.
    capped = total > search.COUNT_CAP or not complete
    total = min(total, search.COUNT_CAP)
    return SearchPage(entries=entries, total=total, capped=capped, page=page, pages=-(-total // per_page))


def entry_export_rows(*, params: SearchParams, now: datetime.datetime) -> PublicEntryQuerySet | None:
    """The entries of an export: the same search, at most ``EXPORT_CAP`` rows."""
    queryset = entry_search(params=params, now=now)
    return None if queryset is None else queryset[:EXPORT_CAP]


def entry_get(*, key: str, now: datetime.datetime) -> PublicEntry:
    return visible_entry(key, now)


def entry_withdrawn(*, key: str) -> PublicEntry | None:
    """A withdrawn entry by its key, for the page telling an old link's visitor when and why it was
    withdrawn (the published reason; the entry's content is not shown)."""
    return (
        PublicEntry.objects.filter(source_key=key, status=EntryStatus.WITHDRAWN)
        .select_related("authority")
        .only("source_key", "category_label", "withdrawal_reason", "withdrawn_at", "authority__name")
        .first()
    )


def entry_latest(*, now: datetime.datetime, limit: int = 10) -> list[PublicEntry]:
    return list(visible_entries(now).defer(*LIST_DEFERRED).order_by("-id")[:limit])


STATS_KEY = "portal:stats"
STATS_LOCK_KEY = "portal:stats:refreshing"
STATS_LOCK_SECONDS = 900  # a refresh that died leaves the lock for at most this long


def _stats_cache() -> BaseCache:
    """The cache the statistics live in: ``shared`` (a file cache every worker process reads) when
    configured, so they are computed once for all workers, not once per worker."""
    return caches["shared"] if "shared" in settings.CACHES else cache


def entry_statistics(*, now: datetime.datetime) -> dict:
    """Counts of visible entries by category and by authority, served from the cache.

    At a million entries a grouped count is a full scan, so no request waits for one once figures
    exist: the periodic job ``portal.statistics`` recomputes them in the background into the cache
    shared by every worker; a request that finds them older than ``STATS_TTL`` (or of another day)
    still gets them while one background thread per process recomputes (stale-while-revalidate).
    Only an empty cache (a fresh installation) computes during the request.
    """
    cached = _stats_cache().get(STATS_KEY)
    if cached is None:
        return _statistics_refresh(STATS_KEY, now)
    computed_at, result = cached
    stale = now.timestamp() - computed_at >= STATS_TTL or (
        timezone.localdate(now)
        != timezone.localdate(datetime.datetime.fromtimestamp(computed_at, datetime.UTC))
    )
    if stale and _stats_refreshing.acquire(blocking=False):
        # One refresh for all server processes, not one per worker: the first to take the shared
        # lock recomputes, the others keep serving the figures they have.
        if _stats_cache().add(STATS_LOCK_KEY, os.getpid(), STATS_LOCK_SECONDS):
            _spawn(lambda: _statistics_refresh_in_background(STATS_KEY, now))
        else:
            _stats_refreshing.release()
    return result


def statistics_refresh(*, now: datetime.datetime) -> dict:
    """Recompute the statistics into the shared cache (the periodic job ``portal.statistics``)."""
    return _statistics_refresh(STATS_KEY, now)


_stats_refreshing = threading.Lock()
_STATS_THREAD = "portal-statistics"


def _spawn(work: Callable[[], None]) -> None:
    threading.Thread(target=work, name=_STATS_THREAD, daemon=True).start()


def _statistics_refresh_in_background(key: str, now: datetime.datetime) -> None:
    try:
        _statistics_refresh(key, now)
    finally:
        _stats_cache().delete(STATS_LOCK_KEY)
        _stats_refreshing.release()
        if threading.current_thread().name == _STATS_THREAD:
            connection.close()  # the spawned thread's own connection (never a request's)


def _statistics_refresh(key: str, now: datetime.datetime) -> dict:
    result = _statistics_compute(now)
    _stats_cache().set(key, (now.timestamp(), result), STATS_KEEP)
    return result


def _statistics_compute(now: datetime.datetime) -> dict:
    visible = PublicEntry.objects.visible(now)
    by_category = [
        {"code": row["category_code"], "label": row["category_label"], "count": row["count"]}
        for row in visible.values("category_code", "category_label")
        .annotate(count=models.Count("id"))
        .order_by("-count", "category_code")
    ]
    names = dict(Authority.objects.values_list("id", "name"))
    by_authority = [
        {"id": row["authority_id"], "name": names.get(row["authority_id"], ""), "count": row["count"]}
        for row in visible.values("authority_id").annotate(count=models.Count("id")).order_by("-count")
    ]
    by_stage = {
        row["stage"]: row["count"]
        for row in visible.values("stage").annotate(count=models.Count("id")).order_by()
    }
    return {
        "total": sum(row["count"] for row in by_category),
        "by_category": by_category,
        "by_authority": by_authority,
        "by_stage": by_stage,
    }


def authority_choices() -> list[Authority]:
    return list(Authority.objects.filter(is_active=True).order_by("path"))


# ------------------------------------------------------------------------------------- progress

_DUMMY_SALT = "00" * 16


@dataclass(frozen=True)
class ProgressStage:
    """One stage row of the lookup: reached (with its date), current, or still ahead."""

    label: str
    day: datetime.date | None
    current: bool


@dataclass(frozen=True)
class Progress:
    """What the public lookup shows: stages, dates and time limit only; no party, no officer."""

    matter_number: str
    matter: str
    stage: str
    stage_label: str
    stages: list[ProgressStage]
    received_on: datetime.date
    time_limit: str
    due_on: datetime.date | None
    due_provisional: bool
    overdue: bool
    settled: bool


def matter_progress_lookup(*, matter_number: str, code: str, today: datetime.date) -> Progress | None:
    """The stages and time limit of one matter when number and code match; None otherwise.

    A wrong number and a wrong code take the same path (the code is hashed either way) and give
    the same None, so the lookup cannot be used to find out which matter numbers exist.
    """
    from sanxiang.enforcement import rules as act_rules
    from sanxiang.enforcement.choices import MatterStage
    from sanxiang.enforcement.models import MatterTicket

    ticket = MatterTicket.objects.filter(matter_number=matter_number.strip()).first()
    salt = ticket.code_salt if ticket else _DUMMY_SALT
    expected = ticket.code_hash if ticket else "0" * 64
    if not act_rules.code_matches(code, salt, expected) or ticket is None:
        return None
    labels = dict(MatterStage.choices)
    reached = {stage: datetime.date.fromisoformat(day) for stage, day in ticket.stage_dates.items()}
    stages = [
        ProgressStage(label=str(labels[stage]), day=reached.get(stage), current=stage == ticket.stage)
        for stage in act_rules.STAGE_ORDER
        if stage in reached or act_rules.stage_reached(ticket.stage, stage)
    ]
    return Progress(
        matter_number=ticket.matter_number,
        # The catalogue's matter name is public (办税指南); the act's own wording may name the
        # party, so the public sees the catalogue name only.
        matter=ticket.matter_name,
        stage=ticket.stage,
        stage_label=str(labels.get(ticket.stage, ticket.stage)),
        stages=stages,
        received_on=ticket.received_on,
        time_limit=ticket.time_limit_label,
        due_on=ticket.due_on,
        due_provisional=ticket.due_provisional,
        overdue=act_rules.is_overdue(stage=ticket.stage, due_on=ticket.due_on, today=today),
        settled=ticket.stage in act_rules.SETTLED_STAGES,
    )
