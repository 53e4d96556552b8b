"""System check: warn while this year or next year has no holiday arrangement."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone

from sanxiang.lib.workdays import package_arrangement


def check_calendar_years(
    app_configs: Iterable[Any] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """holidays.W001 for each of this year and next year that neither the package nor an administrator covers.

    The State Council notice for next year usually appears in November; until it is entered,
    deadlines reaching into that year are computed on weekends alone and marked provisional.
    """
    from sanxiang.holidays.models import CalendarYear

    today = timezone.localdate()
    wanted = [today.year, today.year + 1]
    missing = [year for year in wanted if package_arrangement(year) is None]
    if missing:
        try:
            entered = set(CalendarYear.objects.filter(year__in=missing).values_list("year", flat=True))
        except DatabaseError:  # not migrated yet (checks run before migrate)
            entered = set()
        missing = [year for year in missing if year not in entered]
    return [
        checks.Warning(
            f"No holiday arrangement for {year}: deadlines in {year} are provisional (weekends only).",
            hint="Enter the State Council notice for the year at /staff/calendar/ (administrators).",
            obj=f"holiday calendar {year}",
            id="holidays.W001",
        )
        for year in missing
    ]
