"""Fixtures of the calendar tests: an audit recorder and a sample 2027 arrangement."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.holidays import services
from sanxiang.holidays.selectors import invalidate_calendar_cache

D = datetime.date


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    invalidate_calendar_cache()
    yield
    invalidate_calendar_cache()


@pytest.fixture
def audit_calls(monkeypatch):
    """Every ``audit_log`` call the calendar services make, as keyword dicts."""
    calls: list[dict] = []

    def record(**kwargs):
        calls.append(kwargs)

    monkeypatch.setattr(services, "audit_log", record)
    return calls


# A plausible 2027 notice: 元旦 Jan 1–3, 春节 Feb 5–11 with Sunday Feb 14 worked, 国庆 Oct 1–7.
HOLIDAYS_2027 = (
    [(D(2027, 1, d), "元旦") for d in (1, 2, 3)]
    + [(D(2027, 2, d), "春节") for d in range(5, 12)]
    + [(D(2027, 10, d), "国庆节") for d in range(1, 8)]
)
ADJUSTED_2027 = [D(2027, 2, 14), D(2027, 10, 9)]


@pytest.fixture
def year_2027():
    return {"holidays": list(HOLIDAYS_2027), "adjusted_working_days": list(ADJUSTED_2027)}
