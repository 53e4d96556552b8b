"""The ``sanxiang deadline`` command, single and --jsonl."""

from __future__ import annotations

import datetime
import io
import json

import chinese_calendar
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run(*args: str, stdin: str | None = None, monkeypatch=None) -> str:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("deadline", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_issue_example_as_the_first_word():
    output = run("--from", "2024-09-27", "--working-days", "7")
    assert output.split()[0] == "2024-10-12"
    assert "Saturday" in output
    assert "调休上班" in output
    assert "provisional" not in output


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (("--from", "2024-09-20", "--days", "11"), "2024-10-08"),
        (("--from", "2025-01-27", "--working-days", "1"), "2025-02-05"),
        (("--from", "2026-02-13", "--working-days", "1"), "2026-02-14"),
        (("--from", "2024-09-15", "--days", "30", "--tax-extension"), "2024-10-22"),
        (("--from", "2024-10-05", "--days", "0"), "2024-10-08"),
    ],
)
def test_it_computes_single_deadlines(args, first):
    assert run(*args).split()[0] == first


def test_it_marks_2027_provisional():
    output = run("--from", "2026-12-28", "--working-days", "7")
    assert output.split()[:2] == ["2027-01-06", "provisional"]
    assert "2027" in output.split("(", 1)[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2024-02-30", "--days", "3"), "日期不存在"),
        (("--from", "2024/02/03", "--days", "3"), "日期格式"),
        (
            (
                "--from",
                "2024-02-03",
            ),
            "须且只能提供一个",
        ),
        (("--from", "2024-02-03", "--days", "3", "--working-days", "2"), "须且只能提供一个"),
        (("--from", "2024-02-03", "--days", "-1"), "不能为负数"),
        (("--from", "2024-02-03", "--days", "abc"), "须为整数"),
        (
            (
                "--days",
                "3",
            ),
            "缺少起算日",
        ),
        (("--from", "2024-02-03", "--working-days", "3", "--tax-extension"), "自然日"),
        (("--from", "2024-02-03", "--days", "3", "--input", "x.jsonl"), "--input"),
        (("--jsonl", "--from", "2024-02-03"), "--jsonl"),
    ],
)
def test_it_exits_2_with_a_chinese_error_on_bad_arguments(args, message):
    with pytest.raises(CommandError) as excinfo:
        run(*args)
    assert excinfo.value.returncode == 2
    assert message in str(excinfo.value)


GOOD = [
    ('{"from": "2024-09-27", "working_days": 7}', {"deadline": "2024-10-12", "provisional": False}),
    ('{"from": "2024-09-20", "days": 11}', {"deadline": "2024-10-08", "provisional": False}),
    ('{"from": "2026-12-28", "working_days": 7}', {"deadline": "2027-01-06", "provisional": True}),
    (
        '{"from": "2024-09-15", "days": 30, "tax_extension": true}',
        {"deadline": "2024-10-22", "provisional": False},
    ),
    ('{"from": "2025-09-30", "working_days": 1}', {"deadline": "2025-10-09", "provisional": False}),
]


def test_it_answers_every_good_jsonl_line_in_order(monkeypatch):
    output = run("--jsonl", stdin="".join(line + "\n" for line, _ in GOOD), monkeypatch=monkeypatch)
    assert [json.loads(line) for line in output.splitlines()] == [expected for _, expected in GOOD]


BAD = [
    ("", None, "空行"),
    ("   ", None, "空行"),
    ("{not json", None, "JSON"),
    ("[1, 2]", None, "JSON 对象"),
    ('{"from": "2024-02-30", "days": 1}', "from", "日期不存在"),
    ('{"from": "30.02.2024", "days": 1}', "from", "日期格式"),
    ('{"days": 1}', "from", "缺少起算日"),
    ('{"from": "2024-02-03", "days": 1, "working_days": 2}', None, "须且只能提供一个"),
    ('{"from": "2024-02-03"}', None, "须且只能提供一个"),
    ('{"from": "2024-02-03", "days": -3}', "days", "不能为负数"),
    ('{"from": "2024-02-03", "working_days": -1}', "working_days", "不能为负数"),
    ('{"from": "2024-02-03", "working_days": 1.5}', "working_days", "须为整数"),
    ('{"from": "2024-02-03", "working_days": true}', "working_days", "须为整数"),
    ('{"from": "2024-02-03", "days": 99999999}', "days", "不能超过"),
    ('{"from": "2024-02-03", "day": 3}', "day", "未知字段"),
    ('{"from": "2024-02-03", "days": 3, "tax_extension": "yes"}', "tax_extension", "true 或 false"),
]


@pytest.mark.parametrize(("line", "field", "message"), BAD)
def test_it_reports_each_kind_of_bad_line(monkeypatch, line, field, message):
    out = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))
    with pytest.raises(CommandError) as excinfo:
        call_command("deadline", "--jsonl", stdout=out)
    assert excinfo.value.returncode == 1
    [result] = [json.loads(output) for output in out.getvalue().splitlines()]
    assert result["error"]["line"] == 1
    assert result["error"]["field"] == field
    assert message in result["error"]["message"]


def test_it_writes_one_line_per_input_line_and_carries_on_after_bad_ones(monkeypatch, tmp_path):
    lines = [GOOD[0][0]] + [line for line, _, _ in BAD] + [GOOD[2][0]]
    path = tmp_path / "requests.jsonl"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("deadline", "--jsonl", "--input", str(path), stdout=out)
    assert excinfo.value.returncode == 1
    assert str(len(BAD)) in str(excinfo.value)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == len(lines)
    assert results[0] == GOOD[0][1]
    assert results[-1] == GOOD[2][1]
    for number, ((_, field, message), result) in enumerate(zip(BAD, results[1:-1], strict=True), start=2):
        assert result["error"]["line"] == number
        assert result["error"]["field"] == field
        assert message in result["error"]["message"]


def test_it_exits_zero_when_every_line_is_good(monkeypatch):
    output = run("--jsonl", stdin=GOOD[0][0] + "\n", monkeypatch=monkeypatch)
    assert output.splitlines() == ['{"deadline": "2024-10-12", "provisional": false}']


def test_it_reports_an_unreadable_input_file(tmp_path):
    with pytest.raises(CommandError) as excinfo:
        call_command("deadline", "--jsonl", "--input", str(tmp_path / "missing.jsonl"), stdout=io.StringIO())
    assert excinfo.value.returncode == 2


def test_it_uses_an_administrator_year(admin_user, year_2027, audit_calls):
    from sanxiang.holidays.services import calendar_year_save

    calendar_year_save(actor=admin_user, year=2027, source="国办发明电〔2026〕1号", **year_2027)
    output = run("--from", "2026-12-28", "--working-days", "7")
    assert output.split()[0] == "2027-01-07"  # 2027-01-01 is a holiday now, not a working Friday
    assert "provisional" not in output


def _next_official_workday(day: datetime.date, *, include_day: bool) -> datetime.date:
    """Straight from chinese_calendar, independently of sanxiang.lib.workdays."""
    if not include_day:
        day += datetime.timedelta(days=1)
    while not chinese_calendar.is_workday(day):
        day += datetime.timedelta(days=1)
    return day


def test_it_matches_the_official_calendar_for_every_start_date_2019_to_2026(monkeypatch):
    first, last = datetime.date(2019, 1, 1), datetime.date(2026, 12, 30)  # 12-31 + 1 working day is in 2027
    starts = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    requests, expected = [], []
    for start in starts:
        requests.append(json.dumps({"from": start.isoformat(), "working_days": 1}))
        expected.append(
            {"deadline": _next_official_workday(start, include_day=False).isoformat(), "provisional": False}
        )
        requests.append(json.dumps({"from": start.isoformat(), "days": 0}))
        expected.append(
            {"deadline": _next_official_workday(start, include_day=True).isoformat(), "provisional": False}
        )
    output = run("--jsonl", stdin="\n".join(requests) + "\n", monkeypatch=monkeypatch)
    assert [json.loads(line) for line in output.splitlines()] == expected
    assert len(expected) == 2 * 2921
