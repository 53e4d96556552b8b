"""Pure rules: milestones from schedules, status, lights, escalation steps, matching helpers."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.supervision import rules

D = datetime.date


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        ({"kind": "by_date", "date": "2019-09-30"}, [(D(2019, 9, 30), False, False)]),
        ({"kind": "yearly", "month": 1, "day": 31}, [(D(2020, 1, 31), False, False)]),
        ({"kind": "after_event", "event": "文件公开", "n": 5, "unit": "working_days"}, [(None, True, False)]),
        ({"kind": "follows_superior", "authority": "税务总局"}, [(None, True, False)]),
        ({"kind": "ongoing", "cycle": None}, [(None, False, True)]),
        (
            {
                "kind": "milestones",
                "items": [{"kind": "by_date", "date": "2019-09-30"}, {"kind": "ongoing", "cycle": None}],
            },
            [(D(2019, 9, 30), False, False), (None, False, True)],
        ),
    ],
)
def test_it_turns_each_schedule_kind_into_milestones(schedule, expected):
    specs = rules.milestone_specs(schedule, label="完成", plan_year=2020)
    assert [(s.planned_date, s.awaits_event, s.ongoing) for s in specs] == expected


def test_it_flags_unparsed_and_missing_schedules_as_doubtful():
    assert rules.milestone_specs(
        {"kind": "unparsed", "text": "根据督查计划组织实施"}, label="x", plan_year=None
    )[0].doubtful
    assert rules.milestone_specs(None, label="x", plan_year=None)[0].doubtful


def test_it_keeps_the_level_of_a_per_level_milestone():
    schedule = {
        "kind": "milestones",
        "items": [
            {"kind": "ongoing", "cycle": None, "note": "税务总局按要求推进"},
            {"kind": "by_date", "date": "2020-07-31", "note": "省及省以下税务机关2020年7月底前完成"},
        ],
    }
    specs = rules.milestone_specs(schedule, label="x", plan_year=2020)
    assert [s.level_note for s in specs] == ["税务总局", "省及省以下税务机关"]
    assert specs[1].label == "省及省以下税务机关2020年7月底前完成"


@pytest.mark.parametrize(
    ("schedule", "event", "expected"),
    [
        ({"n": 7, "unit": "working_days"}, D(2019, 9, 2), (D(2019, 9, 2), "working_days", 7)),
        ({"n": 30, "unit": "days"}, D(2019, 9, 2), (D(2019, 9, 2), "days", 30)),
        ({"n": 1, "unit": "months"}, D(2019, 1, 31), (D(2019, 1, 31), "days", 28)),
        ({"n": 24, "unit": "hours"}, D(2019, 9, 2), (D(2019, 9, 2), "days", 1)),
        ({"n": 1, "unit": "months", "day": 10}, D(2019, 9, 20), (D(2019, 9, 20), "days", 20)),
    ],
)
def test_it_counts_after_event_spans(schedule, event, expected):
    assert rules.after_event_span(schedule, event) == expected


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"closed": True, "next_due": D(2019, 1, 1), "percent": 10, "ongoing": False}, "done"),
        ({"closed": False, "next_due": D(2019, 9, 1), "percent": 90, "ongoing": False}, "overdue"),
        ({"closed": False, "next_due": None, "percent": 0, "ongoing": True}, "ongoing"),
        ({"closed": False, "next_due": D(2019, 12, 1), "percent": 0, "ongoing": False}, "not_started"),
        ({"closed": False, "next_due": D(2019, 12, 1), "percent": 20, "ongoing": True}, "in_progress"),
    ],
)
def test_it_derives_the_status(kwargs, status):
    assert rules.task_status(today=D(2019, 9, 2), **kwargs) == status


@pytest.mark.parametrize(
    ("status", "due", "percent", "start", "light"),
    [
        ("overdue", D(2019, 9, 1), 50, None, "red"),
        ("done", D(2019, 9, 1), 100, None, "green"),
        ("in_progress", D(2019, 9, 6), 50, None, "yellow"),  # due within 7 days
        ("in_progress", D(2019, 12, 31), 10, D(2019, 1, 1), "yellow"),  # 66% of the time gone, 10% done
        ("in_progress", D(2019, 12, 31), 60, D(2019, 1, 1), "green"),
        ("ongoing", None, 0, None, "green"),
    ],
)
def test_it_computes_the_light(status, due, percent, start, light):
    assert (
        rules.light(status=status, next_due=due, percent=percent, today=D(2019, 9, 2), start=start) == light
    )


def test_it_escalates_step_by_step():
    due = D(2019, 9, 2)
    kinds = lambda today: rules.escalation_kinds(  # noqa: E731
        due=due, today=today, order_from=D(2019, 9, 5), leader_from=D(2019, 9, 9)
    )
    assert kinds(D(2019, 9, 2)) == []
    assert kinds(D(2019, 9, 3)) == ["urge"]
    assert kinds(D(2019, 9, 6)) == ["urge", "order"]
    assert kinds(D(2019, 9, 10)) == ["urge", "order", "leader"]


def test_it_allows_only_listed_transitions():
    assert rules.can_transition(rules.REPORT_TRANSITIONS, "submitted", "accepted")
    assert not rules.can_transition(rules.REPORT_TRANSITIONS, "accepted", "returned")
    assert not rules.can_transition(rules.REQUEST_TRANSITIONS, "rejected", "approved")


@pytest.mark.parametrize(
    "name",
    [
        "各级税务机关",
        "其他相关部门",
        "各相关司局",
        "工作专班成员",
        "相关处室",
        "其他相关科室",
        "行政许可相关部门",
    ],
)
def test_it_knows_group_markers(name):
    assert rules.is_group(name)


@pytest.mark.parametrize("name", ["法制科", "区发改局", "具备法律职业资格、行政复议资格人员所在部门"])
def test_it_does_not_take_units_for_groups(name):
    assert not rules.is_group(name)


def test_it_matches_fuzzily_only_above_the_threshold_and_without_ties():
    assert rules.fuzzy_best("征管科技发展处", ["征管和科技发展处", "纳税服务处"], 0.85) == "征管和科技发展处"
    assert rules.fuzzy_best("财务管理处", ["财务管理科"], 0.85) is None
    assert rules.fuzzy_best("甲乙处", ["甲乙科", "甲乙股"], 0.5) is None
