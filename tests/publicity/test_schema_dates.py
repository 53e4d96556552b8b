"""``schema.parse_date`` reads a YYYY-MM-DD text through ``date.fromisoformat``: what strptime read."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.publicity.schema import FieldError, parse_date


def _by_strptime(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-31",
        "2024-02-29",
        "2025-02-29",  # no such day
        "2026-13-01",
        "0000-01-01",
        "2026-1-5",  # strptime's short form, not ISO
        "20260131",
        "2026/01/31",
        "2026年1月31日",
        "２０２６-01-31",  # full-width digits
        " 2026-01-31 ",
        "2026-W05-1",  # an ISO week date: fromisoformat would take it
    ],
)
def test_it_reads_a_date_text_as_strptime_does(text):
    expected = _by_strptime(text.strip())
    if expected is None:
        with pytest.raises(FieldError):
            parse_date(text)
    else:
        assert parse_date(text) == expected
