"""Readers of the public portal. Every one obtains entries through the visibility policy
(``sanxiang.portal.visibility``), takes ``now`` instead of reading the clock, and returns only
published, masked data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, models
from django.utils import timezone

from sanxiang.core.models import Authority

from . import search, services
from .models import MatterTicket, PublicEntry, PublicEntryQuerySet
from .visibility import visible_entries, visible_entry

PAGE_SIZE = 20
MAX_PAGE = search.COUNT_CAP // PAGE_SIZE
EXPORT_CAP = 5000
STATS_TTL = 300
WINDOW_START = 50_000


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


def entry_search(*, params: SearchParams, now: datetime.datetime) -> PublicEntryQuerySet | None:
    """Visible entries matching ``params``, newest first; None when the query has nothing to search."""
    queryset = visible_entries(now)
    if params.category:
        queryset = queryset.filter(category_code=params.category)
    if params.authority is not None:
        # The authority and its subordinates: one prefix filter on the materialised path.
        queryset = queryset.filter(
            authority_id__in=Authority.objects.filter(path__startswith=params.authority.path).values("id")
        )
    if params.date_from:
        queryset = queryset.filter(published_at__gte=_local_day_start(params.date_from))
    if params.date_to:
        queryset = queryset.filter(
            published_at__lt=_local_day_start(params.date_to + datetime.timedelta(days=1))
        )
    if params.q.strip():
        return search.apply_text_query(queryset.order_by("-id"), params.q)
    return queryset.order_by("-id")


def entry_search_page(
    *, params: SearchParams, now: datetime.datetime, per_page: int = PAGE_SIZE
) -> SearchPage:
    """One page of results. The count is capped at ``search.COUNT_CAP`` so that a two-character
    query matching most of a million entries does not count them all."""
    queryset = entry_search(params=params, now=now)
    if queryset is None:
        return SearchPage()
    page = max(1, min(params.page, MAX_PAGE))
    offset = (page - 1) * per_page
    if params.q.strip() and connection.vendor == "postgresql":
        queryset, total = _newest_window(queryset)
        entries = list(queryset[offset : offset + per_page])
    else:
        entries = list(queryset[offset : offset + per_page])
        if len(entries) < per_page and (entries or page == 1):
            total = offset + len(entries)
        else:
            total = queryset.values("id")[: search.COUNT_CAP + 1].count()
    capped = total > search.COUNT_CAP
    total = min(total, search.COUNT_CAP)
    return SearchPage(entries=entries, total=total, capped=capped, page=page, pages=-(-total // per_page))


def _newest_window(queryset: PublicEntryQuerySet) -> tuple[PublicEntryQuerySet, int]:
    """Narrow a text search to the newest ids that still hold more than ``COUNT_CAP`` matches.

    On PostgreSQL a GIN index returns the matches of a common bigram as one bitmap of most of
    the table, which would then be joined and sorted in full to find the newest twenty. Bounding
    the id range first (50,000 newest ids, then eight times more, and so on) keeps every step
    small; since no page lies beyond ``COUNT_CAP`` results, the window holds every reachable page.
    """
    top = PublicEntry.objects.aggregate(top=models.Max("id"))["top"] or 0
    window = WINDOW_START
    while True:
        low = top - window
        narrowed = queryset.filter(id__gt=low) if low > 0 else queryset
        total = narrowed.values("id")[: search.COUNT_CAP + 1].count()
        if total > search.COUNT_CAP or low <= 0:
            return narrowed, total
        window *= 8


def entry_export_rows(*, params: SearchParams, now: datetime.datetime) -> PublicEntryQuerySet | None:
    """The entries of an export: the same search, at most ``EXPORT_CAP`` rows."""
    queryset = entry_search(params=params, now=now)
    return None if queryset is None else queryset[:EXPORT_CAP]


def entry_get(*, key: str, now: datetime.datetime) -> PublicEntry:
    return visible_entry(key, now)


def entry_latest(*, now: datetime.datetime, limit: int = 10) -> list[PublicEntry]:
    return list(visible_entries(now).order_by("-id")[:limit])


def entry_statistics(*, now: datetime.datetime) -> dict:
    """Counts of visible entries by category and by authority (cached for a few minutes: at a
    million entries a grouped count is a full scan)."""
    day = timezone.localdate(now)
    key = f"portal:stats:{day.isoformat()}:{int(now.timestamp()) // STATS_TTL}"
    cached = cache.get(key)
    if cached is not None:
        return cached
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
    result = {
        "total": sum(row["count"] for row in by_category),
        "by_category": by_category,
        "by_authority": by_authority,
        "by_stage": by_stage,
    }
    cache.set(key, result, STATS_TTL)
    return result


def authority_choices() -> list[Authority]:
    return list(Authority.objects.filter(is_active=True).order_by("path"))


# ------------------------------------------------------------------------------------- progress

_DUMMY_SALT = "00" * 16


@dataclass(frozen=True)
class Progress:
    stage: str
    stage_label: str
    dates: list[tuple[str, str]]


def matter_progress_lookup(*, matter_number: str, code: str) -> Progress | None:
    """The stage and dates of one matter when number and code match; None otherwise.

    A wrong number and a wrong code take the same path (the code is hashed either way) and give
    the same None, so the lookup cannot be used to find out which matter numbers exist.
    """
    from .choices import MatterStage

    ticket = MatterTicket.objects.filter(matter_number=matter_number.strip()).first()
    salt = ticket.code_salt if ticket else _DUMMY_SALT
    expected = ticket.code_hash if ticket else "0" * 64
    if not services.code_matches(code, salt, expected) or ticket is None:
        return None
    labels = dict(MatterStage.choices)
    order = list(MatterStage.values)
    dates = sorted(
        ticket.stage_dates.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99
    )
    return Progress(
        stage=ticket.stage,
        stage_label=str(labels.get(ticket.stage, ticket.stage)),
        dates=[(str(labels.get(stage, stage)), day) for stage, day in dates],
    )
