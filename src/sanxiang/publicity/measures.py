"""What the publicity module counts for the evaluation (registered in ``PublicityConfig.ready``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.measures import (
    DrillRow,
    Figure,
    Level,
    LoopCheck,
    LoopItem,
    Measure,
    MeasureKind,
    Period,
    register_loop_check,
    register_measure,
    shared,
)

from .models import Entry, EntryStatus, EntryVersion, SubjectType
from .selectors import LateDecision, UnpublishedDecision, late_decisions, unpublished_among

SYSTEM = "publicity"
_KEYS = {Level.AUTHORITY: "authority_id", Level.DEPARTMENT: "department_id", Level.OFFICER: "created_by_id"}


def _group(queryset: object, level: Level, **counts: object) -> dict[int, dict[str, int]]:
    key = _KEYS[level]
    rows = queryset.values(key).annotate(**counts)  # type: ignore[attr-defined]
    return {row[key]: row for row in rows if row[key] is not None}


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _during(field: str, start: datetime.date, end: datetime.date) -> Q:
    """``field`` (a timestamp) on a day from ``start`` to ``end``, as an index-friendly range."""
    return Q(
        **{f"{field}__gte": _day_start(start), f"{field}__lt": _day_start(end + datetime.timedelta(days=1))}
    )


def _due_in(period: Period) -> Q:
    return Q(due_on__gte=period.start, due_on__lte=period.cutoff)


def _due_rows(period: Period) -> list[tuple[int, int | None, int | None, bool]]:
    """(authority, department, officer, published on time) of each entry due in the period,
    read once for every level of a computation. The on-time test runs here rather than in SQL:
    a timestamp's local date costs SQLite a Python call per row either way."""

    def build() -> list[tuple[int, int | None, int | None, bool]]:
        tz = timezone.get_current_timezone()
        return [
            (
                authority,
                department,
                officer,
                published is not None and due is not None and published.astimezone(tz).date() <= due,
            )
            for authority, department, officer, due, published in Entry.objects.filter(_due_in(period))
            .order_by()
            .values_list("authority_id", "department_id", "created_by_id", "due_on", "published_at")
        ]

    return shared(("publicity.due", period), build)


_POSITION = {Level.AUTHORITY: 0, Level.DEPARTMENT: 1, Level.OFFICER: 2}


def on_time_counts(period: Period, level: Level) -> dict[int, Figure]:
    """公示及时率: entries due in the period (up to its cutoff) published by their due date."""
    at = _POSITION[level]
    due: dict[int, int] = {}
    on_time: dict[int, int] = {}
    for row in _due_rows(period):
        key = row[at]
        if key is None:
            continue
        due[key] = due.get(key, 0) + 1
        if row[3]:
            on_time[key] = on_time.get(key, 0) + 1
    return {k: Figure(on_time.get(k, 0), n) for k, n in due.items()}


def on_time_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    entries = Entry.objects.filter(_due_in(period), **{_KEYS[level]: key}).select_related(
        "item", "department"
    )
    for e in entries.order_by("due_on", "pk")[:500]:
        late = e.published_at is None or e.published_at.date() > e.due_on  # type: ignore[operator]
        yield DrillRow(
            label=f"{e.item.label}：{e.party_name if e.subject_type != SubjectType.NATURAL_PERSON else e.source_key}",
            url=reverse("publicity:entry_detail", args=[e.pk]),
            on=e.due_on,
            state=str(e.get_status_display()),
            counts_against=late,
            department=e.department.name if e.department else "",
        )


def corrections_counts(period: Period, level: Level) -> dict[int, Figure]:
    """更正撤回率: corrections approved and withdrawals made in the period, per entry first
    published in the period."""
    published = _group(
        Entry.objects.filter(_during("published_at", period.start, period.end)),
        level,
        n=Count("pk"),
    )
    withdrawn = _group(
        Entry.objects.filter(_during("ended_at", period.start, period.end), status=EntryStatus.WITHDRAWN),
        level,
        n=Count("pk"),
    )
    key = _KEYS[level]
    corrected: dict[int, int] = {}
    for row in (
        EntryVersion.objects.filter(_during("approved_at", period.start, period.end), number__gte=2)
        .values(f"entry__{key}")
        .annotate(n=Count("pk"))
    ):
        if row[f"entry__{key}"] is not None:
            corrected[row[f"entry__{key}"]] = row["n"]
    keys = set(published) | set(withdrawn) | set(corrected)
    return {
        k: Figure(withdrawn.get(k, {}).get("n", 0) + corrected.get(k, 0), published.get(k, {}).get("n", 0))
        for k in keys
    }


def corrections_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    entries = Entry.objects.filter(
        Q(status=EntryStatus.WITHDRAWN, ended_at__date__gte=period.start, ended_at__date__lte=period.end)
        | Q(
            versions__number__gte=2,
            versions__approved_at__date__gte=period.start,
            versions__approved_at__date__lte=period.end,
        ),
        **{_KEYS[level]: key},
    ).distinct()
    for e in entries.select_related("item").order_by("-pk")[:500]:
        yield DrillRow(
            label=f"{e.item.label} {e.source_key}",
            url=reverse("publicity:entry_detail", args=[e.pk]),
            on=e.ended_at.date() if e.ended_at else None,
            state=str(e.get_status_display()),
            counts_against=True,
        )


# Publication limits run for weeks, not months: a decision taken this long before a period cannot
# fall due inside it, so the measure reads only the decisions that can.
_LIMIT_HORIZON = datetime.timedelta(days=180)


def _late(today: datetime.date, since: datetime.date | None = None) -> list[LateDecision]:
    """Every unit's late decisions as values (shared by the levels of one computation)."""
    from sanxiang.enforcement.models import Decision

    def build() -> list[LateDecision]:
        decisions = Decision.objects.filter(decided_on__lte=today)
        if since is not None:
            decisions = decisions.filter(decided_on__gte=since - _LIMIT_HORIZON)
        return late_decisions(decisions, today=today)

    return shared(("publicity.late", today, since), build)


def _owner(u: LateDecision, level: Level) -> int | None:
    return {Level.AUTHORITY: u.authority_id, Level.DEPARTMENT: u.department_id, Level.OFFICER: u.officer_id}[
        level
    ]


def unpublished_counts(period: Period, level: Level) -> dict[int, Figure]:
    """应公示未公示: decisions whose publication limit fell in the period without an on-time entry."""
    counts: dict[int, int] = {}
    for u in _late(period.cutoff, period.start):
        key = _owner(u, level)
        if key is not None and period.start <= u.due <= period.cutoff:
            counts[key] = counts.get(key, 0) + 1
    return {k: Figure(n, 1) for k, n in counts.items()}


def _unpublished(today: datetime.date, since: datetime.date | None = None) -> list[UnpublishedDecision]:
    from sanxiang.enforcement.models import Decision

    decisions = Decision.objects.filter(decided_on__lte=today)
    if since is not None:
        decisions = decisions.filter(decided_on__gte=since - _LIMIT_HORIZON)
    return unpublished_among(decisions, today=today)


def unpublished_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for u in _unpublished(period.cutoff, period.start):
        act = u.decision.act
        own = {
            Level.AUTHORITY: u.decision.authority_id,
            Level.DEPARTMENT: act.department_id,
            Level.OFFICER: act.created_by_id,
        }[level]
        if own == key and period.start <= u.due <= period.cutoff:
            yield DrillRow(
                label=f"{u.item.label}：{u.decision.document_number or act.matter}",
                url=reverse("enforcement:act_detail", args=[act.pk]),
                on=u.due,
                state=str(_("已公示但超期") if u.entry else _("未公示")),
                counts_against=True,
            )


def unpublished_loop(today: datetime.date) -> Iterable[LoopItem]:
    for u in _unpublished(today):
        act = u.decision.act
        yield LoopItem(
            key=f"enforcement.decision:{u.decision.pk}",
            label=str(_("{item}（{doc}）超过公示时限未公示")).format(
                item=u.item.label, doc=u.decision.document_number or act.matter
            ),
            url=reverse("enforcement:act_detail", args=[act.pk]),
            authority_id=u.decision.authority_id,
            department_id=act.department_id,
            officer_id=act.created_by_id,
            due=u.due,
        )


def register() -> None:
    register_measure(
        Measure(
            code="publicity.on_time",
            system=SYSTEM,
            label=_("按时公示数 / 应公示数"),
            kind=MeasureKind.RATIO,
            compute=on_time_counts,
            drill=on_time_rows,
        )
    )
    register_measure(
        Measure(
            code="publicity.corrections",
            system=SYSTEM,
            label=_("更正与撤回数 / 首次公示数"),
            kind=MeasureKind.RATIO,
            compute=corrections_counts,
            drill=corrections_rows,
        )
    )
    register_measure(
        Measure(
            code="publicity.unpublished",
            system=SYSTEM,
            label=_("应公示未公示的决定数"),
            kind=MeasureKind.COUNT,
            compute=unpublished_counts,
            drill=unpublished_rows,
            unit=_("件"),
        )
    )
    register_loop_check(
        LoopCheck(
            code="publicity.unpublished",
            system=SYSTEM,
            label=_("决定未按时公示"),
            description=_("已作出的执法决定超过公示时限仍未公示（或公示晚于时限）。"),
            find=unpublished_loop,
        )
    )
