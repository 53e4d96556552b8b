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
            f"{year} 年的法定节假日安排尚未录入：该年的期限暂按只排除周末计算（临时结果）。",
            hint="请系统管理员在“工作日历”页面（/staff/calendar/）录入国务院办公厅当年的放假通知。",
            obj=f"{year} 年工作日历",
            id="holidays.W001",
        )
        for year in missing
    ]
