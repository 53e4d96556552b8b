"""Deadline services and the administrator's year entry."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.holidays.models import CalendarDay, CalendarYear, Deadline
from sanxiang.holidays.selectors import current_calendar, deadline_get, deadline_list
from sanxiang.holidays.services import (
    calendar_year_delete,
    calendar_year_save,
    deadline_close,
    deadline_compute,
    deadline_set,
)
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.lib.workdays import WorkdayResult

from .conftest import ADJUSTED_2027, HOLIDAYS_2027

D = datetime.date
SOURCE = "国办发明电〔2026〕1号"


# -- deadline_compute ---------------------------------------------------------------------------


def test_it_computes_without_storing(db):
    assert deadline_compute(start=D(2024, 9, 27), working_days=7) == WorkdayResult(D(2024, 10, 12), False)
    assert deadline_compute(start=D(2024, 9, 20), days=11).date == D(2024, 10, 8)
    assert deadline_compute(start=D(2024, 9, 15), days=30, tax_extension=True).date == D(2024, 10, 22)
    assert Deadline.objects.count() == 0


@pytest.mark.parametrize(
    "kwargs", [{}, {"working_days": 1, "days": 1}, {"days": -1}, {"working_days": 10_001}, {"days": "3"}]
)
def test_it_refuses_a_bad_rule(db, kwargs):
    with pytest.raises(ValidationFailed):
        deadline_compute(start=D(2024, 1, 1), **kwargs)


# -- deadline_set / deadline_close --------------------------------------------------------------


def test_it_sets_a_deadline_once_per_owner_and_purpose(org, officer, audit_calls):
    owner = org.district_a
    first = deadline_set(
        owner=owner,
        purpose="publicity.publish",
        label="处罚决定公示",
        start=D(2024, 9, 27),
        working_days=7,
        actor=officer,
    )
    assert (first.due, first.provisional, first.rule_unit, first.rule_n) == (
        D(2024, 10, 12),
        False,
        "working_days",
        7,
    )
    assert first.owner == owner
    again = deadline_set(
        owner=owner,
        purpose="publicity.publish",
        label="处罚决定公示",
        start=D(2024, 9, 27),
        working_days=7,
        actor=officer,
    )
    assert again.pk == first.pk
    assert Deadline.objects.count() == 1
    assert [c["action"] for c in audit_calls] == ["holidays.deadline.set"]
    assert audit_calls[0]["after"]["due"] == "2024-10-12"
    assert audit_calls[0]["actor"] == officer


def test_it_recomputes_when_the_rule_changes(org, audit_calls):
    owner = org.district_a
    deadline_set(owner=owner, purpose="disclosure.reply", label="答复", start=D(2025, 1, 24), working_days=1)
    changed = deadline_set(
        owner=owner, purpose="disclosure.reply", label="答复", start=D(2025, 1, 24), working_days=3
    )
    assert changed.due == D(2025, 2, 5)
    assert audit_calls[-1]["before"]["due"] == "2025-01-26"
    assert audit_calls[-1]["after"]["due"] == "2025-02-05"
    other = deadline_set(
        owner=owner, purpose="disclosure.correction", label="补正告知", start=D(2025, 1, 24), days=7
    )
    assert other.pk != changed.pk
    assert other.due == D(2025, 2, 5)  # 2025-01-31 falls in 春节: rolled to the first working day
    assert [d.purpose for d in deadline_list(owner=owner)] == ["disclosure.reply", "disclosure.correction"]
    assert deadline_get(owner=owner, purpose="disclosure.reply") == changed
    assert deadline_get(owner=org.district_b, purpose="disclosure.reply") is None


def test_it_closes_a_deadline_once_and_reopens_it_when_set_again(org, audit_calls):
    owner = org.district_a
    deadline_set(owner=owner, purpose="p", label="时限", start=D(2024, 1, 2), days=3)
    at = datetime.datetime(2024, 1, 3, 9, tzinfo=datetime.UTC)
    closed = deadline_close(owner=owner, purpose="p", at=at)
    assert closed.closed_at == at
    assert not closed.is_open
    assert deadline_close(owner=owner, purpose="p").closed_at == at
    assert [c["action"] for c in audit_calls] == ["holidays.deadline.set", "holidays.deadline.closed"]
    assert deadline_close(owner=owner, purpose="missing") is None
    reopened = deadline_set(owner=owner, purpose="p", label="时限", start=D(2024, 1, 2), days=3)
    assert reopened.closed_at is None


def test_it_refuses_an_unsaved_owner_or_empty_purpose(org):
    from sanxiang.org.models import Department

    with pytest.raises(ValidationFailed):
        deadline_set(owner=Department(name="x"), purpose="p", label="l", start=D(2024, 1, 2), days=3)
    with pytest.raises(ValidationFailed):
        deadline_set(owner=org.city, purpose="", label="l", start=D(2024, 1, 2), days=3)


def test_it_marks_a_deadline_reaching_into_2027_provisional(org):
    deadline = deadline_set(owner=org.city, purpose="p", label="l", start=D(2026, 12, 28), working_days=7)
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 6), True)


# -- calendar_year_save -------------------------------------------------------------------------


def test_it_enters_2027_and_moves_an_open_deadline_that_straddles_into_it(org, admin_user, audit_calls):
    straddling = deadline_set(
        owner=org.city, purpose="a", label="跨年时限", start=D(2026, 12, 28), working_days=7
    )
    closed = deadline_set(
        owner=org.district_a, purpose="a", label="已办结", start=D(2026, 12, 28), working_days=7
    )
    deadline_close(owner=org.district_a, purpose="a")
    inside_2026 = deadline_set(
        owner=org.district_b, purpose="a", label="年内", start=D(2026, 12, 1), working_days=3
    )
    spring = deadline_set(owner=org.city, purpose="b", label="春节前后", start=D(2027, 2, 4), days=1)
    audit_calls.clear()

    moves = calendar_year_save(
        actor=admin_user,
        year=2027,
        source=SOURCE,
        holidays=list(HOLIDAYS_2027),
        adjusted_working_days=list(ADJUSTED_2027),
        notes="测试",
    )

    by_id = {m.deadline.pk: m for m in moves}
    assert set(by_id) == {straddling.pk, spring.pk}
    move = by_id[straddling.pk]
    assert (move.old_due, move.new_due, move.old_provisional, move.new_provisional) == (
        D(2027, 1, 6),
        D(2027, 1, 7),
        True,
        False,
    )
    assert move.days_moved == 1
    assert (by_id[spring.pk].old_due, by_id[spring.pk].new_due) == (D(2027, 2, 5), D(2027, 2, 12))
    straddling.refresh_from_db()
    closed.refresh_from_db()
    inside_2026.refresh_from_db()
    assert (straddling.due, straddling.provisional) == (D(2027, 1, 7), False)
    assert (closed.due, closed.provisional) == (D(2027, 1, 6), True)  # closed: untouched
    assert inside_2026.due == D(2026, 12, 4)

    record = CalendarYear.objects.get(year=2027)
    assert (record.source, record.entered_by, record.notes) == (SOURCE, admin_user, "测试")
    assert CalendarDay.objects.filter(calendar_year=record).count() == len(HOLIDAYS_2027) + len(ADJUSTED_2027)
    actions = [c["action"] for c in audit_calls]
    assert actions.count("holidays.deadline.recomputed") == 2
    assert actions[-1] == "holidays.year.saved"
    saved = audit_calls[-1]
    assert saved["target"] == record
    assert saved["before"] == {"basis": "provisional"}
    assert saved["after"]["basis"] == "administrator"
    assert ["2027-02-05", "春节"] in saved["after"]["holidays"]
    assert saved["after"]["adjusted_working_days"] == ["2027-02-14", "2027-10-09"]
    recomputed = next(c for c in audit_calls if c["target"] == straddling)
    assert (recomputed["before"]["due"], recomputed["after"]["due"]) == ("2027-01-06", "2027-01-07")
    assert current_calendar().covers(2027)


def test_it_lets_an_administrator_override_a_package_year(org, admin_user, audit_calls):
    deadline = deadline_set(owner=org.city, purpose="a", label="国庆", start=D(2024, 9, 27), working_days=7)
    assert deadline.due == D(2024, 10, 12)
    # An arrangement that (counterfactually) has no 调休 Saturday and a shorter holiday.
    moves = calendar_year_save(
        actor=admin_user,
        year=2024,
        source="测试覆盖",
        holidays=[(D(2024, 10, d), "国庆节") for d in (1, 2, 3)],
        adjusted_working_days=[],
    )
    assert [(m.old_due, m.new_due) for m in moves] == [(D(2024, 10, 12), D(2024, 10, 11))]
    assert not current_calendar().is_working_day(D(2024, 10, 12))
    assert current_calendar().is_working_day(D(2024, 10, 4))
    assert audit_calls[-1]["before"]["basis"] == "official"

    # Changing it again replaces the days; deleting it restores the package data.
    calendar_year_save(
        actor=admin_user,
        year=2024,
        source="测试覆盖",
        holidays=[(D(2024, 10, 1), "国庆节")],
        adjusted_working_days=[],
    )
    assert CalendarDay.objects.filter(calendar_year__year=2024).count() == 1
    moves = calendar_year_delete(actor=admin_user, year=2024)
    assert [m.new_due for m in moves] == [D(2024, 10, 12)]
    assert not CalendarYear.objects.filter(year=2024).exists()
    assert audit_calls[-1]["action"] == "holidays.year.deleted"
    with pytest.raises(ValidationFailed):
        calendar_year_delete(actor=admin_user, year=2024)


@pytest.mark.parametrize(
    ("holidays", "adjusted", "source", "message"),
    [
        ([(D(2026, 12, 31), "元旦")], [], SOURCE, "不在 2027 年内"),
        ([(D(2027, 2, 6), "春节")], [D(2027, 2, 6)], SOURCE, "不能既是节假日又是调休上班日"),
        ([(D(2027, 2, 8), "春节"), (D(2027, 2, 8), "春节")], [], SOURCE, "重复填写"),
        ([(D(2027, 2, 8), "春节")], [D(2027, 2, 9)], SOURCE, "不是周末"),
        ([(D(2027, 2, 8), "春节")], [D(2028, 2, 5)], SOURCE, "不在 2027 年内"),
        ([(D(2027, 2, 8), "春节")], [], " ", "依据文件"),
        ([(D(2027, 2, 8), "春" * 41)], [], SOURCE, "名称过长"),
    ],
)
def test_it_refuses_an_inconsistent_year(admin_user, audit_calls, holidays, adjusted, source, message):
    with pytest.raises(ValidationFailed) as excinfo:
        calendar_year_save(
            actor=admin_user, year=2027, source=source, holidays=holidays, adjusted_working_days=adjusted
        )
    assert message in str(excinfo.value.message)
    assert not CalendarYear.objects.exists()
    assert audit_calls == []


def test_it_refuses_a_year_out_of_range(admin_user):
    with pytest.raises(ValidationFailed, match="年度"):
        calendar_year_save(actor=admin_user, year=1999, source=SOURCE, holidays=[], adjusted_working_days=[])


def test_it_refuses_a_non_administrator(officer, audit_calls):
    with pytest.raises(PermissionDeniedError):
        calendar_year_save(
            actor=officer, year=2027, source=SOURCE, holidays=list(HOLIDAYS_2027), adjusted_working_days=[]
        )
    with pytest.raises(PermissionDeniedError):
        calendar_year_delete(actor=officer, year=2027)
    assert not CalendarYear.objects.exists()
    assert audit_calls == []


def test_it_lets_a_superuser_enter_a_year(org, audit_calls):
    from tests import factories

    root = factories.user(org.city, scope="all")
    root.is_superuser = True
    root.save()
    calendar_year_save(
        actor=root, year=2027, source=SOURCE, holidays=list(HOLIDAYS_2027), adjusted_working_days=[]
    )
    assert CalendarYear.objects.filter(year=2027, entered_by=root).exists()
