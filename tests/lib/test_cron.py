import datetime

import pytest

from sanxiang.lib import cron

DT = datetime.datetime

# 2026-03-02 is a Monday; 2026-03-01 a Sunday.
MATCH_TABLE = [
    ("* * * * *", DT(2026, 3, 2, 13, 37), True),
    ("0 * * * *", DT(2026, 3, 2, 13, 0), True),
    ("0 * * * *", DT(2026, 3, 2, 13, 1), False),
    ("30 2 * * *", DT(2026, 3, 2, 2, 30), True),
    ("30 2 * * *", DT(2026, 3, 2, 3, 30), False),
    ("*/15 * * * *", DT(2026, 3, 2, 9, 45), True),
    ("*/15 * * * *", DT(2026, 3, 2, 9, 50), False),
    ("5/20 * * * *", DT(2026, 3, 2, 9, 45), True),
    ("5/20 * * * *", DT(2026, 3, 2, 9, 40), False),
    ("0 9-17/4 * * *", DT(2026, 3, 2, 13, 0), True),
    ("0 9-17/4 * * *", DT(2026, 3, 2, 11, 0), False),
    ("0 8,12,18 * * *", DT(2026, 3, 2, 12, 0), True),
    ("0 8,12,18 * * *", DT(2026, 3, 2, 13, 0), False),
    ("0 8 * * 1-5", DT(2026, 3, 2, 8, 0), True),  # Monday
    ("0 8 * * 1-5", DT(2026, 3, 1, 8, 0), False),  # Sunday
    ("0 8 * * 0", DT(2026, 3, 1, 8, 0), True),
    ("0 8 * * 7", DT(2026, 3, 1, 8, 0), True),  # 7 is Sunday too
    ("0 0 1 * *", DT(2026, 4, 1, 0, 0), True),
    ("0 0 1 1,7 *", DT(2026, 4, 1, 0, 0), False),
    # Both day fields restricted: either one matching is enough (Vixie cron).
    ("0 9 15 * 1", DT(2026, 3, 2, 9, 0), True),  # a Monday, not the 15th
    ("0 9 15 * 1", DT(2026, 3, 15, 9, 0), True),  # the 15th, a Sunday
    ("0 9 15 * 1", DT(2026, 3, 3, 9, 0), False),
    # One restricted: both must match.
    ("0 9 */2 * 1", DT(2026, 3, 2, 9, 0), False),  # day 2 is not odd (1,3,5…)
    ("0 9 */2 * 1", DT(2026, 3, 9, 9, 0), True),
]


@pytest.mark.parametrize(("expression", "moment", "expected"), MATCH_TABLE)
def test_it_matches_expressions(expression, moment, expected):
    assert cron.parse(expression).matches(moment) is expected


@pytest.mark.parametrize(
    "expression",
    [
        "* * * *",
        "* * * * * *",
        "60 * * * *",
        "* 24 * * *",
        "* * 0 * *",
        "* * * 13 *",
        "* * * * 8",
        "5-1 * * * *",
        "*/0 * * * *",
        "a * * * *",
        "1,,2 * * * *",
        "-1 * * * *",
        "mon * * * *",
    ],
)
def test_it_rejects_invalid_expressions(expression):
    with pytest.raises(cron.CronError):
        cron.parse(expression)


LATEST_TABLE = [
    # (expression, at, latest firing at or before)
    ("0 * * * *", DT(2026, 3, 2, 13, 37, 12), DT(2026, 3, 2, 13, 0)),
    ("0 * * * *", DT(2026, 3, 2, 13, 0, 59), DT(2026, 3, 2, 13, 0)),
    ("30 2 * * *", DT(2026, 3, 2, 2, 29), DT(2026, 3, 1, 2, 30)),
    ("30 2 * * *", DT(2026, 3, 2, 10, 0), DT(2026, 3, 2, 2, 30)),
    ("0 8 * * 1-5", DT(2026, 3, 1, 23, 0), DT(2026, 2, 27, 8, 0)),  # Sunday → last Friday
    ("*/15 9 * * *", DT(2026, 3, 2, 10, 5), DT(2026, 3, 2, 9, 45)),
    ("0 0 1 1 *", DT(2026, 3, 2, 0, 0), DT(2026, 1, 1, 0, 0)),
    ("0 0 29 2 *", DT(2026, 3, 2, 0, 0), DT(2024, 2, 29, 0, 0)),
    ("0 0 31 2 *", DT(2026, 3, 2, 0, 0), None),
]


@pytest.mark.parametrize(("expression", "at", "expected"), LATEST_TABLE)
def test_it_finds_the_latest_firing(expression, at, expected):
    assert cron.parse(expression).latest_at_or_before(at) == expected


def test_it_agrees_with_matches_minute_by_minute():
    expression = cron.parse("7,37 */5 * * 2-4")
    start = DT(2026, 3, 2, 0, 0)
    latest = None
    for step in range(3 * 24 * 60):
        moment = start + datetime.timedelta(minutes=step)
        if expression.matches(moment):
            latest = moment
        if latest is not None:
            assert expression.latest_at_or_before(moment) == latest
