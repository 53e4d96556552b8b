"""Pure rules: due dates by kind, display periods, credit repair, withdrawal and the workflow table."""

import datetime

import pytest

from sanxiang.lib.workdays import HolidayCalendar, package_arrangements
from sanxiang.publicity import rules

D = datetime.date
CAL = HolidayCalendar(package_arrangements())


@pytest.mark.parametrize(
    ("kind", "params", "event", "subject", "due", "unit", "n"),
    [
        # 行政处罚决定 2024-09-27 (Fri): Sun 9-29 and Sat 10-12 are adjusted working days, Oct 1–7 rest.
        ("working_days", {"n": 7}, D(2024, 9, 27), "organisation", D(2024, 10, 12), "working_days", 7),
        ("working_days", {"n": 20}, D(2025, 3, 3), "organisation", D(2025, 3, 31), "working_days", 20),
        ("calendar_days", {"n": 3}, D(2025, 3, 3), "organisation", D(2025, 3, 6), "days", 3),
        # 令第54号: served 2024-01-20 → by 2024-02-15 (a working day).
        ("day_of_next_month", {"day": 15}, D(2024, 1, 20), "organisation", D(2024, 2, 18), "days", 26),
        ("day_of_next_month", {"day": 15}, D(2025, 5, 6), "organisation", D(2025, 6, 16), "days", 40),
        ("day_of_next_month", {"day": 10}, D(2025, 5, 6), "organisation", D(2025, 6, 10), "days", 35),
        # statistics of 2025 by 2026-01-31 (a Saturday → next working day).
        ("yearly_date", {"month": 1, "day": 31}, D(2025, 6, 1), "organisation", D(2026, 2, 2), "days", 244),
        (
            "periodic",
            {"months": {"organisation": 3, "natural_person": 6}},
            D(2025, 5, 6),
            "organisation",
            D(2025, 6, 30),
            "days",
            55,
        ),
        (
            "periodic",
            {"months": {"organisation": 3, "natural_person": 6}},
            D(2025, 8, 6),
            "natural_person",
            D(2025, 12, 31),
            "days",
            147,
        ),
        (
            "two_stage",
            {"handover": 20, "publish": 5},
            D(2025, 3, 3),
            "organisation",
            D(2025, 4, 8),
            "working_days",
            25,
        ),
    ],
)
def test_it_computes_the_due_date_of_each_rule_kind(kind, params, event, subject, due, unit, n):
    result = rules.publish_due(kind, params, event=event, subject_type=subject, cal=CAL)
    assert (result.date, result.unit, result.n) == (due, unit, n)
    assert result.provisional is False


def test_it_gives_both_stages_of_a_two_stage_clock():
    result = rules.publish_due("two_stage", {"handover": 20, "publish": 5}, event=D(2025, 3, 3), cal=CAL)
    assert result.handover == D(2025, 3, 31)
    assert result.date > result.handover


def test_it_marks_a_due_date_in_an_unknown_year_provisional():
    result = rules.publish_due("working_days", {"n": 7}, event=D(2031, 3, 3), cal=CAL)
    assert result.provisional is True


def test_it_refuses_an_unknown_kind_and_bad_parameters():
    with pytest.raises(ValueError):
        rules.publish_due("whenever", {}, event=D(2025, 1, 1), cal=CAL)
    with pytest.raises(ValueError):
        rules.publish_due("working_days", {"n": -1}, event=D(2025, 1, 1), cal=CAL)
    with pytest.raises(ValueError):
        rules.publish_due("periodic", {"months": {"organisation": 5}}, event=D(2025, 1, 1), cal=CAL)


@pytest.mark.parametrize(
    ("params", "credit_class", "until"),
    [
        ({"by_credit_class": {"minor": 3, "general": 12, "serious": 36}}, "minor", D(2026, 7, 14)),
        ({"by_credit_class": {"minor": 3, "general": 12, "serious": 36}}, "general", D(2027, 4, 14)),
        ({"by_credit_class": {"minor": 3, "general": 12, "serious": 36}}, "serious", D(2029, 4, 14)),
        ({"by_credit_class": {"minor": 3, "general": 12, "serious": 36}}, None, D(2029, 4, 14)),
        ({"months": 36}, None, D(2029, 4, 14)),
        ({}, "serious", None),
    ],
)
def test_it_computes_the_display_period_by_credit_class(params, credit_class, until):
    assert rules.display_until(params, start=D(2026, 4, 15), credit_class=credit_class) == until


@pytest.mark.parametrize(
    ("credit_class", "today", "allowed"),
    [
        ("general", D(2026, 7, 14), False),
        ("general", D(2026, 7, 15), True),
        ("serious", D(2027, 4, 14), False),
        ("serious", D(2027, 4, 15), True),
    ],
)
def test_it_allows_credit_repair_after_the_minimum_period(credit_class, today, allowed):
    params = {"min_by_credit_class": {"minor": 0, "general": 3, "serious": 12}}
    assert (
        rules.credit_repair_allowed(params, start=D(2026, 4, 15), credit_class=credit_class, today=today)
        is allowed
    )


def test_it_gives_three_working_days_to_withdraw():
    # Outcome recorded Friday 2025-09-26: Sun 9-28 is an adjusted working day, then Mon 29, Tue 30.
    assert rules.withdrawal_due(D(2025, 9, 26), CAL).date == D(2025, 9, 30)
    # Recorded Tuesday 2025-09-30: the National Day holiday (Oct 1–8) does not count.
    assert rules.withdrawal_due(D(2025, 9, 30), CAL).date == D(2025, 10, 11)


def test_it_picks_the_rule_version_in_force():
    versions = [(D(2018, 12, 1), "10th"), (D(2022, 2, 1), "15th")]
    assert rules.pick_version(versions, D(2021, 5, 1)) == "10th"
    assert rules.pick_version(versions, D(2022, 2, 1)) == "15th"
    assert rules.pick_version(versions, D(2017, 1, 1)) is None


@pytest.mark.parametrize(
    ("status", "action", "target"),
    [
        ("draft", "submit", "submitted"),
        ("submitted", "return", "draft"),
        ("submitted", "approve", "published"),
        ("published", "correct", "correcting"),
        ("correcting", "approve", "published"),
        ("published", "withdraw", "withdrawn"),
        ("published", "expire", "expired"),
        ("draft", "approve", None),
        ("withdrawn", "correct", None),
        ("expired", "withdraw", None),
        ("published", "submit", None),
    ],
)
def test_it_follows_the_transition_table(status, action, target):
    assert rules.next_status(status, action) == target


def test_it_never_lets_the_author_approve():
    assert rules.approver_may_approve(author_id=3, approver_id=3) is False
    assert rules.approver_may_approve(author_id=3, approver_id=4) is True


def test_new_source_keys_never_look_like_a_card_or_id_number(monkeypatch):
    import uuid as uuid_module

    from sanxiang.publicity.services import new_source_key

    digits_only = uuid_module.UUID("14711114722142230000000000000000")
    letters = uuid_module.UUID("1471a1147221422300000000000000ab")
    draws = iter([digits_only, letters])
    monkeypatch.setattr(uuid_module, "uuid4", lambda: next(draws))
    assert new_source_key("penalty_decision") == "penalty_decision-1471a11472214223"
