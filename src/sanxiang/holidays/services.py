"""Writes of the working-day calendar and of deadlines: the only code that changes them."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_log_many
from sanxiang.holidays.choices import CalendarDayKind, RuleUnit
from sanxiang.holidays.models import CalendarDay, CalendarYear, Deadline
from sanxiang.holidays.selectors import (
    build_calendar,
    current_calendar,
    invalidate_calendar_cache,
)
from sanxiang.kernel.access import has_role
from sanxiang.kernel.bulk import ModelBuilder, insert_rows
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.lib.workdays import (
    MAX_PERIOD,
    HolidayCalendar,
    WorkdayResult,
    package_arrangement,
    package_source,
)

FIRST_YEAR = 2000
LAST_YEAR = 2100

if TYPE_CHECKING:
    from sanxiang.org.models import User


@dataclass(frozen=True)
class DeadlineMove:
    """A deadline whose due date or provisional mark changed because a year was entered."""

    deadline: Deadline
    old_due: datetime.date
    new_due: datetime.date
    old_provisional: bool
    new_provisional: bool

    @property
    def days_moved(self) -> int:
        return (self.new_due - self.old_due).days


# -- computing ----------------------------------------------------------------------------------


def _rule(working_days: int | None, days: int | None) -> tuple[RuleUnit, int]:
    """Exactly one of ``working_days`` / ``days``, a whole number from 0 to ``MAX_PERIOD``."""
    if (working_days is None) == (days is None):
        raise ValidationFailed(_("工作日天数与自然日天数须且只能填写一项。"))
    unit, n = (RuleUnit.WORKING_DAYS, working_days) if working_days is not None else (RuleUnit.DAYS, days)
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_PERIOD:
        raise ValidationFailed(
            _("期限天数须为 0 至 %(max)d 之间的整数。") % {"max": MAX_PERIOD}, extra={"field": unit.value}
        )
    return unit, n


def _compute(
    calendar: HolidayCalendar, start: datetime.date, unit: str, n: int, tax_extension: bool
) -> WorkdayResult:
    if unit == RuleUnit.WORKING_DAYS:
        return calendar.add_working_days(start, n)
    return calendar.add_days(start, n, tax_extension=tax_extension)


def deadline_compute(
    *,
    start: datetime.date,
    working_days: int | None = None,
    days: int | None = None,
    tax_extension: bool = False,
    calendar: HolidayCalendar | None = None,
) -> WorkdayResult:
    """The due date of a period starting on ``start`` (the start day does not count), nothing stored.

    ``tax_extension`` applies 征管法实施细则第一百零九条 to calendar-day periods. Batch callers
    pass ``calendar=current_calendar()`` once instead of letting each call look it up.
    """
    unit, n = _rule(working_days, days)
    return _compute(calendar or current_calendar(), start, unit, n, tax_extension)


# -- deadlines ----------------------------------------------------------------------------------


def deadline_state(deadline: Deadline) -> dict[str, Any]:
    """A deadline as its audit events record it: what ``holidays.deadline.set`` logs as ``after``,
    and what an owner's creation event carries where the deadline's creation was left to it
    (``audit_creates=False``)."""
    return {
        "purpose": deadline.purpose,
        "label": deadline.label,
        "start": deadline.start.isoformat(),
        "rule_unit": deadline.rule_unit,
        "rule_n": deadline.rule_n,
        "tax_extension": deadline.tax_extension,
        "due": deadline.due.isoformat(),
        "provisional": deadline.provisional,
        "closed_at": deadline.closed_at.isoformat() if deadline.closed_at else None,
    }


def _owner_type(owner: models.Model) -> ContentType:
    if owner.pk is None:
        raise ValidationFailed(_("时限所属对象尚未保存。"))
    return ContentType.objects.get_for_model(owner, for_concrete_model=False)


@transaction.atomic
def deadline_set(
    *,
    owner: models.Model,
    purpose: str,
    label: str,
    start: datetime.date,
    working_days: int | None = None,
    days: int | None = None,
    tax_extension: bool = False,
    actor: User | None = None,
    audit_creates: bool = True,
) -> Deadline:
    """Create or update the ``purpose`` deadline of ``owner`` and compute its due date.

    Idempotent per owner and purpose: calling it again with the same arguments changes nothing
    and logs nothing. Setting a deadline that was closed reopens it (the clock runs again, e.g.
    after 补正 restarts a reply period); callers close it again with ``deadline_close``.

    ``audit_creates=False``: a created deadline gets no ``holidays.deadline.set`` event of its
    own; the caller, which creates its owner in the same transaction, records
    ``deadline_state(deadline)`` in the owner's creation event instead (one event where there
    were two). A change of an existing deadline is audited here all the same.
    """
    unit, n = _rule(working_days, days)
    if not purpose or not label:
        raise ValidationFailed(_("时限代码和时限名称不能为空。"))
    result = _compute(current_calendar(), start, unit, n, tax_extension)
    fields = {
        "label": label,
        "start": start,
        "rule_unit": unit.value,
        "rule_n": n,
        "tax_extension": tax_extension,
        "due": result.date,
        "provisional": result.provisional,
        "closed_at": None,
    }
    deadline, created = Deadline.objects.select_for_update().get_or_create(
        content_type=_owner_type(owner), object_id=owner.pk, purpose=purpose, defaults=fields
    )
    if created:
        if audit_creates:
            audit_log(
                actor=actor, action="holidays.deadline.set", target=deadline, after=deadline_state(deadline)
            )
        return deadline
    before = deadline_state(deadline)
    for name, value in fields.items():
        setattr(deadline, name, value)
    after = deadline_state(deadline)
    if after != before:
        deadline.save()
        audit_log(actor=actor, action="holidays.deadline.set", target=deadline, before=before, after=after)
    return deadline


# Owners per query and rows per INSERT of ``deadline_set_many``.
MANY_CHUNK_SIZE = 500


@transaction.atomic
def deadline_set_many(
    *,
    owners: Sequence[models.Model],
    purpose: str,
    label: str,
    rows: Sequence[tuple[datetime.date, int | None, int | None]],
    tax_extension: bool = False,
    actor: User | None = None,
    audit_creates: bool = True,
) -> list[Deadline]:
    """``deadline_set`` for many owners at once: ``rows[i]`` = (start, working_days, days) of ``owners[i]``.

    The same deadlines and the same audit events as calling ``deadline_set`` for each owner in
    order: one ``holidays.deadline.set`` event per created or changed deadline, none for an
    unchanged one. Due dates are computed on one calendar; existing deadlines are read (and
    locked) a chunk at a time, new ones inserted in bulk, and the events chained through
    ``audit_log_many``. Returns the deadlines in the order of ``owners``. A deadline created
    concurrently for the same owner and purpose makes the insert fail on the unique constraint
    and the caller's transaction roll back, rather than being silently overwritten.
    ``audit_creates=False`` leaves the creates to the caller's events, as for ``deadline_set``.
    """
    if len(owners) != len(rows):
        raise ValueError("deadline_set_many needs one row per owner")
    if not purpose or not label:
        raise ValidationFailed(_("时限代码和时限名称不能为空。"))
    calendar = current_calendar()
    results: dict[tuple[datetime.date, str, int], WorkdayResult] = {}  # batches repeat start dates
    types: dict[type, int] = {}
    wanted: dict[tuple[int, int], dict[str, Any]] = {}
    for owner, (start, working_days, days) in zip(owners, rows, strict=True):
        unit, n = _rule(working_days, days)
        owner_class = type(owner)
        type_id = types.get(owner_class)
        if type_id is None or owner.pk is None:
            type_id = types[owner_class] = _owner_type(owner).pk
        key = (type_id, owner.pk)
        if key in wanted:
            raise ValueError(f"deadline_set_many got {owner!r} twice")
        result = results.get((start, unit, n))
        if result is None:
            result = results[(start, unit, n)] = _compute(calendar, start, unit, n, tax_extension)
        wanted[key] = {
            "label": label,
            "start": start,
            "rule_unit": unit.value,
            "rule_n": n,
            "tax_extension": tax_extension,
            "due": result.date,
            "provisional": result.provisional,
            "closed_at": None,
        }
    keys = list(wanted)
    existing: dict[tuple[int, int], Deadline] = {}
    deadline: Deadline | None
    for chunk in _chunks(keys):
        for type_id, object_ids in _by_type(chunk).items():
            for deadline in Deadline.objects.select_for_update().filter(
                content_type_id=type_id, object_id__in=object_ids, purpose=purpose
            ):
                existing[(deadline.content_type_id, deadline.object_id)] = deadline
    new: list[Deadline] = []
    events: list[dict[str, Any]] = []
    new_deadline = ModelBuilder(Deadline)  # by position: a batch builds thousands
    for key, fields in wanted.items():
        deadline = existing.get(key)
        if deadline is None:
            deadline = new_deadline(
                {"content_type_id": key[0], "object_id": key[1], "purpose": purpose, **fields}
            )
            existing[key] = deadline
            new.append(deadline)
            if audit_creates:
                events.append({"action": "holidays.deadline.set", "target": deadline})
            continue
        before = deadline_state(deadline)
        for name, value in fields.items():
            setattr(deadline, name, value)
        after = deadline_state(deadline)
        if after != before:
            deadline.save()
            events.append(
                {"action": "holidays.deadline.set", "target": deadline, "before": before, "after": after}
            )
    _insert_deadlines(new, purpose)
    for event in events:
        if "after" not in event:  # a create: the state as stored, as deadline_set logs it
            event["after"] = deadline_state(event["target"])
    audit_log_many(actor=actor, events=events)
    return [existing[key] for key in keys]


def _insert_deadlines(new: list[Deadline], purpose: str) -> None:
    """INSERT ``new`` through ``insert_rows`` (one prepared statement per chunk), then read their ids.

    The same rows as ``bulk_create`` without its SQL compilation per row. The ids are read back
    with one query per owner type over the range of owner ids.
    """
    if not new:
        return
    insert_rows(Deadline, new, using=connection.alias, chunk=MANY_CHUNK_SIZE)
    by_key = {(d.content_type_id, d.object_id): d for d in new}
    for type_id, object_ids in _by_type(list(by_key)).items():
        found = Deadline.objects.filter(
            content_type_id=type_id,
            purpose=purpose,
            object_id__gte=min(object_ids),
            object_id__lte=max(object_ids),
        ).values_list("object_id", "pk")
        for object_id, pk in found:
            deadline = by_key.get((type_id, object_id))
            if deadline is not None:
                deadline.pk = pk
                deadline._state.adding = False
                deadline._state.db = connection.alias


def _chunks(values: Sequence[Any]) -> list[Sequence[Any]]:
    return [values[first : first + MANY_CHUNK_SIZE] for first in range(0, len(values), MANY_CHUNK_SIZE)]


def _by_type(keys: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
    """(content type id, object id) pairs grouped by content type."""
    grouped: dict[int, list[int]] = {}
    for type_id, object_id in keys:
        grouped.setdefault(type_id, []).append(object_id)
    return grouped


@transaction.atomic
def deadline_close(
    *, owner: models.Model, purpose: str, actor: User | None = None, at: datetime.datetime | None = None
) -> Deadline | None:
    """Mark the deadline met or moot (published, answered …); None when the owner has no such deadline.

    Closing a closed deadline keeps its first closing time.
    """
    deadline = (
        Deadline.objects.select_for_update()
        .filter(content_type=_owner_type(owner), object_id=owner.pk, purpose=purpose)
        .first()
    )
    if deadline is None or deadline.closed_at is not None:
        return deadline
    before = deadline_state(deadline)
    deadline.closed_at = at or timezone.now()
    deadline.save(update_fields=["closed_at", "updated_at"])
    audit_log(
        actor=actor,
        action="holidays.deadline.closed",
        target=deadline,
        before=before,
        after=deadline_state(deadline),
    )
    return deadline


@transaction.atomic
def deadlines_close_many(
    *,
    owners: Sequence[models.Model],
    purpose: str,
    actor: User | None = None,
    at: datetime.datetime | None = None,
) -> list[Deadline]:
    """``deadline_close`` for several owners of one model: one locking read, one update, one
    audit batch; the same events as closing them one by one. Returns the deadlines it closed."""
    if not owners:
        return []
    at = at or timezone.now()
    deadlines = list(
        Deadline.objects.select_for_update()
        .filter(
            content_type=_owner_type(owners[0]),
            object_id__in=[o.pk for o in owners],
            purpose=purpose,
            closed_at__isnull=True,
        )
        .order_by("pk")
    )
    befores = [deadline_state(d) for d in deadlines]
    Deadline.objects.filter(pk__in=[d.pk for d in deadlines]).update(closed_at=at, updated_at=timezone.now())
    for deadline in deadlines:
        deadline.closed_at = at
    audit_log_many(
        actor=actor,
        events=[
            {"action": "holidays.deadline.closed", "target": d, "before": b, "after": deadline_state(d)}
            for d, b in zip(deadlines, befores, strict=True)
        ],
    )
    return deadlines


def _recompute_open_deadlines(*, actor: User, year: int, calendar: HolidayCalendar) -> list[DeadlineMove]:
    """Recompute every open deadline whose start … due window overlaps ``year``.

    A window that does not overlap the year never looked at it, so its result cannot change.
    """
    moves = []
    candidates = Deadline.objects.open().touching_year(year).select_for_update().order_by("due", "pk")
    for deadline in candidates:
        result = _compute(
            calendar, deadline.start, deadline.rule_unit, deadline.rule_n, deadline.tax_extension
        )
        if (result.date, result.provisional) == (deadline.due, deadline.provisional):
            continue
        before = deadline_state(deadline)
        move = DeadlineMove(deadline, deadline.due, result.date, deadline.provisional, result.provisional)
        deadline.due, deadline.provisional = result.date, result.provisional
        deadline.save(update_fields=["due", "provisional", "updated_at"])
        audit_log(
            actor=actor,
            action="holidays.deadline.recomputed",
            target=deadline,
            before=before,
            after=deadline_state(deadline),
            data={"year": year},
        )
        moves.append(move)
    return moves


# -- administrator years ------------------------------------------------------------------------


def _year_state(year: int) -> dict[str, Any]:
    """What the calendar holds for ``year`` now, for the audit trail."""
    record = CalendarYear.objects.filter(year=year).first()
    if record is not None:
        days = list(record.days.order_by("date"))
        return {
            "basis": "administrator",
            "source": record.source,
            "notes": record.notes,
            "holidays": [
                [d.date.isoformat(), d.name] for d in days if d.kind == CalendarDayKind.PUBLIC_HOLIDAY
            ],
            "adjusted_working_days": [
                d.date.isoformat() for d in days if d.kind == CalendarDayKind.ADJUSTED_WORKING_DAY
            ],
        }
    package = package_arrangement(year)
    if package is None:
        return {"basis": "provisional"}
    return {
        "basis": "official",
        "source": package.source,
        "package": package_source(),
        "holidays": [[d.isoformat(), package.name_of(d)] for d in sorted(package.holidays)],
        "adjusted_working_days": [d.isoformat() for d in sorted(package.adjusted_working_days)],
    }


def _check_administrator(actor: User) -> None:
    if not has_role(actor, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError(_("只有系统管理员可以录入放假安排。"))


def _validate_year(
    year: int,
    source: str,
    holidays: list[tuple[datetime.date, str]],
    adjusted_working_days: list[datetime.date],
) -> None:
    errors: list[str] = []
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationFailed(
            _("年度须在 %(first)d 至 %(last)d 之间。") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            extra={"field": "year"},
        )
    if not source.strip():
        errors.append(_("请填写依据文件（如 国办发明电〔2024〕12号）。"))
    seen: set[datetime.date] = set()
    for day, name in holidays:
        if day.year != year:
            errors.append(_("%(date)s 不在 %(year)d 年内。") % {"date": day.isoformat(), "year": year})
        if day in seen:
            errors.append(_("%(date)s 重复填写。") % {"date": day.isoformat()})
        if len(name) > 40:
            errors.append(_("%(date)s 的名称过长（最多 40 字）。") % {"date": day.isoformat()})
        seen.add(day)
    working_seen: set[datetime.date] = set()
    for day in adjusted_working_days:
        if day.year != year:
            errors.append(_("%(date)s 不在 %(year)d 年内。") % {"date": day.isoformat(), "year": year})
        if day in seen:
            errors.append(_("%(date)s 不能既是节假日又是调休上班日。") % {"date": day.isoformat()})
        elif day in working_seen:
            errors.append(_("%(date)s 重复填写。") % {"date": day.isoformat()})
        if day.weekday() < 5:
            errors.append(_("%(date)s 不是周末，不能作为调休上班日。") % {"date": day.isoformat()})
        working_seen.add(day)
    if errors:
        raise ValidationFailed("；".join(errors), extra={"errors": errors})


@transaction.atomic
def calendar_year_save(
    *,
    actor: User,
    year: int,
    source: str,
    holidays: list[tuple[datetime.date, str]],
    adjusted_working_days: list[datetime.date],
    notes: str = "",
) -> list[DeadlineMove]:
    """Enter or replace a year's State Council arrangement; recompute the deadlines it moves.

    The entry replaces the package's data for that year entirely, so it must list every holiday
    and adjusted working day of the year. Returns the deadlines whose due date or provisional
    mark changed, each also audited as ``holidays.deadline.recomputed``.
    """
    _check_administrator(actor)
    _validate_year(year, source, holidays, adjusted_working_days)
    before = _year_state(year)
    record = CalendarYear.objects.select_for_update().filter(year=year).first()
    if record is None:
        record = CalendarYear(year=year, entered_by=actor)
    record.source = source.strip()
    record.notes = notes
    record.entered_by = actor
    record.entered_at = timezone.now()
    record.save()
    record.days.all().delete()
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(calendar_year=record, date=d, kind=CalendarDayKind.PUBLIC_HOLIDAY, name=n)
            for d, n in holidays
        ]
        + [
            CalendarDay(calendar_year=record, date=d, kind=CalendarDayKind.ADJUSTED_WORKING_DAY)
            for d in adjusted_working_days
        ]
    )
    invalidate_calendar_cache()
    transaction.on_commit(invalidate_calendar_cache)
    moves = _recompute_open_deadlines(actor=actor, year=year, calendar=build_calendar())
    audit_log(
        actor=actor,
        action="holidays.year.saved",
        target=record,
        before=before,
        after=_year_state(year),
        data={"moved_deadlines": len(moves)},
    )
    return moves


@transaction.atomic
def calendar_year_delete(*, actor: User, year: int) -> list[DeadlineMove]:
    """Remove an administrator's entry: the year falls back to the package data, or to provisional."""
    _check_administrator(actor)
    record = CalendarYear.objects.select_for_update().filter(year=year).first()
    if record is None:
        raise ValidationFailed(_("%(year)d 年没有管理员录入的放假安排。") % {"year": year})
    before = _year_state(year)
    record.delete()
    invalidate_calendar_cache()
    transaction.on_commit(invalidate_calendar_cache)
    moves = _recompute_open_deadlines(actor=actor, year=year, calendar=build_calendar())
    audit_log(
        actor=actor,
        action="holidays.year.deleted",
        target=None,
        before=before,
        after=_year_state(year),
        data={"year": year, "moved_deadlines": len(moves)},
    )
    return moves
