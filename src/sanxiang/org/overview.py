"""A leader's overview: per subordinate unit x module, what is overdue now, what falls due within a
week, and the change against the same day last month.

It reads the loop checks every module registers in ``sanxiang.kernel.measures`` (``find(day)``
lists the items overdue as of ``day``, each with its unit and due date), so a module that adds a
check appears here without a change to this file. ``register_home_panel`` shows it on the home page
of leaders; the evaluation module's own panel sits beside it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.urls import reverse

from sanxiang.kernel.access import authorities_in_scope, holds_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.measures import LoopCheck, LoopItem, loop_check_get, loop_checks
from sanxiang.kernel.modules import module_label

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

WEEK = datetime.timedelta(days=7)
CACHE_SECONDS = 300  # the checks scan whole tables: a leader's home reuses one run per check and day


@dataclass
class Cell:
    url: str  # the items behind the numbers; "&when=week" for those due within a week
    overdue: int = 0
    due_week: int = 0
    last_month: int = 0

    @property
    def change(self) -> int:
        return self.overdue - self.last_month


@dataclass
class UnitRow:
    authority: Any
    own: bool
    cells: list[Cell] = field(default_factory=list)


def month_earlier(day: datetime.date) -> datetime.date:
    """The same day one month earlier (the month's last day when it is shorter)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _items(check: LoopCheck, day: datetime.date) -> list[LoopItem]:
    return list(check.find(day))


def _counts(check: LoopCheck, day: datetime.date) -> dict[int, int]:
    """Items overdue as of ``day`` per authority id, cached for a few minutes."""
    key = f"org:overview:{check.code}:{day.isoformat()}"
    counts = cache.get(key)
    if counts is None:
        counts = {}
        for item in _items(check, day):
            counts[item.authority_id] = counts.get(item.authority_id, 0) + 1
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def overview_units(user: User) -> list[tuple[Authority, bool, set[int]]]:
    """The user's unit (its own acts) and each unit directly below it (with everything under it)."""
    authority = user.authority
    if authority is None:
        return []
    scope = set(authorities_in_scope(user).values_list("pk", flat=True))
    rows: list[tuple[Authority, bool, set[int]]] = [(authority, True, {authority.pk} & scope)]
    for child in (
        type(authority)
        .objects.filter(path__startswith=authority.path, depth=authority.depth + 1)
        .order_by("path")
    ):
        below = set(type(authority).objects.filter(path__startswith=child.path).values_list("pk", flat=True))
        if below & scope:
            rows.append((child, False, below & scope))
    return rows


def leader_overview(user: User, today: datetime.date) -> dict[str, Any] | None:
    """The home panel's context: None for users who are not leaders (or have no unit)."""
    if not holds_role(user, RoleCode.LEADER):
        return None
    units = overview_units(user)
    checks = loop_checks()
    if not units or not checks:
        return None
    earlier = month_earlier(today)
    columns = []
    rows = [UnitRow(authority=a, own=own) for a, own, _ids in units]
    for check in checks:
        now, week, before = _counts(check, today), _counts(check, today + WEEK), _counts(check, earlier)
        columns.append({"check": check, "module": module_label(check.system)})
        for row, (authority, own, ids) in zip(rows, units, strict=True):
            overdue = sum(now.get(i, 0) for i in ids)
            url = reverse("core:overview_items", args=[check.code, authority.pk]) + (
                "?own=1" if own else "?own=0"
            )
            row.cells.append(
                Cell(
                    url=url,
                    overdue=overdue,
                    due_week=max(sum(week.get(i, 0) for i in ids) - overdue, 0),
                    last_month=sum(before.get(i, 0) for i in ids),
                )
            )
    return {"columns": columns, "rows": rows, "today": today, "earlier": earlier}


def overview_items(
    *, user: User, check_code: str, authority: Authority, own: bool, when: str, today: datetime.date
) -> list[LoopItem]:
    """The items behind one number of the overview (``when``: "overdue" or "week")."""
    check = loop_check_get(check_code)
    if check is None:
        return []
    scope = set(authorities_in_scope(user).values_list("pk", flat=True))
    if own:
        ids = {authority.pk} & scope
    else:
        below = type(authority).objects.filter(path__startswith=authority.path)
        ids = set(below.values_list("pk", flat=True)) & scope
    overdue = [i for i in _items(check, today) if i.authority_id in ids]
    if when != "week":
        return overdue
    known = {i.key for i in overdue}
    return [i for i in _items(check, today + WEEK) if i.authority_id in ids and i.key not in known]
