"""A small cron expression matcher: five fields, wall-clock time, no Django.

``minute hour day-of-month month day-of-week``, each field one of ``*``, a number, a range
``a-b``, a step ``*/n`` or ``a-b/n``, or a comma-separated list of those. Day of week runs
0-7 with both 0 and 7 meaning Sunday. Names (``mon``, ``jan``) and the ``@daily`` shorthands
are not supported: the schedule module is the only caller and spells everything in numbers.

As in Vixie cron, when both day-of-month and day-of-week are restricted (neither is ``*``), a
day matches if *either* matches ("0 9 1 * 1" runs on the 1st and on every Monday).

Times are naive wall-clock datetimes; the caller converts to local time first. The platform
runs in Asia/Shanghai, which has no daylight saving, so every wall-clock minute exists once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["CronExpression", "CronError", "parse"]

# (name, lowest, highest) for each of the five fields, in order.
_FIELDS = (
    ("minute", 0, 59),
    ("hour", 0, 23),
    ("day", 1, 31),
    ("month", 1, 12),
    ("weekday", 0, 7),
)

# How far back ``latest_at_or_before`` looks: four years and a day covers every expression that
# can fire at all ("0 0 29 2 *" fires once in a leap year). Beyond that it never fires.
_LOOKBACK_DAYS = 4 * 366 + 1


class CronError(ValueError):
    """The expression is not a valid five-field cron expression."""


def _parse_field(text: str, name: str, low: int, high: int) -> frozenset[int]:
    values: set[int] = set()
    for part in text.split(","):
        if not part:
            raise CronError(f"empty list item in {name} field {text!r}")
        base, _, step_text = part.partition("/")
        step = 1
        if step_text:
            if not step_text.isdigit() or int(step_text) == 0:
                raise CronError(f"bad step in {name} field {part!r}")
            step = int(step_text)
        if base == "*":
            start, end = low, high
        elif "-" in base:
            start_text, _, end_text = base.partition("-")
            if not (start_text.isdigit() and end_text.isdigit()):
                raise CronError(f"bad range in {name} field {part!r}")
            start, end = int(start_text), int(end_text)
            if start > end:
                raise CronError(f"reversed range in {name} field {part!r}")
        elif base.isdigit():
            start = int(base)
            # "5/15" means "from 5 to the end, every 15", as in Vixie cron.
            end = high if step_text else start
        else:
            raise CronError(f"bad value in {name} field {part!r}")
        if start < low or end > high:
            raise CronError(f"{name} field {part!r} is outside {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values)


@dataclass(frozen=True)
class CronExpression:
    """A parsed cron expression; build it with ``parse``."""

    text: str
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 = Sunday … 6 = Saturday (7 is folded into 0)
    day_restricted: bool
    weekday_restricted: bool

    def matches_day(self, day: datetime.date) -> bool:
        if day.month not in self.months:
            return False
        day_ok = day.day in self.days
        # date.weekday() counts Monday as 0; cron counts Sunday as 0.
        weekday_ok = (day.weekday() + 1) % 7 in self.weekdays
        if self.day_restricted and self.weekday_restricted:
            return day_ok or weekday_ok
        return day_ok and weekday_ok

    def matches(self, moment: datetime.datetime) -> bool:
        """Whether the expression fires in the minute containing ``moment``."""
        return moment.minute in self.minutes and moment.hour in self.hours and self.matches_day(moment.date())

    def latest_at_or_before(self, moment: datetime.datetime) -> datetime.datetime | None:
        """The most recent minute at or before ``moment`` at which the expression fires.

        Returns None if it has not fired in the last four years (an impossible date such as
        "0 0 31 2 *"). The search walks back day by day, so it costs at most a few thousand
        cheap steps even for rare expressions, and one or two for the usual ones.
        """
        moment = moment.replace(second=0, microsecond=0)
        day = moment.date()
        for offset in range(_LOOKBACK_DAYS):
            if offset:
                day -= datetime.timedelta(days=1)
            if not self.matches_day(day):
                continue
            last_hour = moment.hour if offset == 0 else 23
            for hour in sorted((h for h in self.hours if h <= last_hour), reverse=True):
                last_minute = moment.minute if (offset == 0 and hour == moment.hour) else 59
                candidates = [m for m in self.minutes if m <= last_minute]
                if candidates:
                    return datetime.datetime.combine(day, datetime.time(hour, max(candidates)))
        return None


def parse(text: str) -> CronExpression:
    """Parse a five-field cron expression; raises ``CronError`` with the reason."""
    parts = text.split()
    if len(parts) != 5:
        raise CronError(f"expected 5 fields, got {len(parts)} in {text!r}")
    minutes, hours, days, months, weekdays = (
        _parse_field(part, name, low, high) for part, (name, low, high) in zip(parts, _FIELDS, strict=True)
    )
    if 7 in weekdays:
        weekdays = (weekdays - {7}) | {0}
    return CronExpression(
        text=text,
        minutes=minutes,
        hours=hours,
        days=days,
        months=months,
        weekdays=weekdays,
        day_restricted=not parts[2].startswith("*"),
        weekday_restricted=not parts[4].startswith("*"),
    )
