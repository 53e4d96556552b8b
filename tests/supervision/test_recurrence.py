"""Recurring milestones: yearly deadlines roll over to next year, ongoing cycles get periodic reports."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.audit.models import AuditEvent
from sanxiang.supervision import rules, selectors, services
from sanxiang.supervision.models import Milestone, Task

D = datetime.date
CONFIRMED_ON = D(2020, 5, 12)

TABLE = (
    "年度报告任务分解表\n"
    "\t序号\n\t工作措施\n\t牵头部门\n\t责任部门\n\t配合部门\n\t完成时限\n\n"
    "\t1\n\t公布上年度政府信息公开工作年度报告。\n\t办公室\n\t办公室\n\t\n\t每年1月31日前\n\n"
    "\t2\n\t推进执法公示并报送进展。\n\t法制科\n\t法制科\n\t\n\t持续开展，每季度报送进展情况\n\n"
    "\t3\n\t开展执法人员培训。\n\t法制科\n\t法制科\n\t\n\t2020年6月底前完成\n\n"
)


@pytest.mark.parametrize(
    "cycle, day, end",
    [
        ("monthly", D(2020, 2, 3), D(2020, 2, 29)),
        ("quarterly", D(2020, 5, 12), D(2020, 6, 30)),
        ("quarterly", D(2020, 12, 31), D(2020, 12, 31)),
        ("half_yearly", D(2020, 7, 1), D(2020, 12, 31)),
        ("yearly", D(2020, 3, 1), D(2020, 12, 31)),
        ("weekly", D(2020, 5, 12), D(2020, 5, 17)),
    ],
)
def test_it_ends_a_report_period_on_the_periods_last_day(cycle, day, end):
    assert rules.period_end(cycle, day) == end


@pytest.mark.parametrize(
    "schedule, previous, following",
    [
        ({"kind": "yearly", "month": 1, "day": 31}, D(2020, 1, 31), D(2021, 1, 31)),
        ({"kind": "yearly", "month": 2, "day": 29}, D(2020, 2, 29), D(2021, 2, 28)),
        ({"kind": "cycle_report", "cycle": "quarterly"}, D(2020, 6, 30), D(2020, 9, 30)),
        ({"kind": "cycle_report", "cycle": "monthly"}, D(2020, 12, 31), D(2021, 1, 31)),
    ],
)
def test_it_finds_the_next_occurrence_of_a_recurring_milestone(schedule, previous, following):
    assert rules.next_due(schedule, previous) == following


def test_it_labels_each_occurrence():
    assert (
        rules.recurrence_label({"kind": "yearly"}, D(2021, 1, 31), "每年1月31日前") == "2021年：每年1月31日前"
    )
    quarterly = {"kind": "cycle_report", "cycle": "quarterly"}
    assert rules.recurrence_label(quarterly, D(2020, 9, 30), "") == "2020年第3季度进展报送"


def test_it_keeps_ongoing_work_ongoing_while_only_its_reports_are_dated():
    today = D(2020, 6, 1)
    status = rules.task_status(
        closed=False, next_due=D(2020, 6, 30), percent=0, ongoing=True, today=today, only_reports=True
    )
    assert status == rules.ONGOING
    late = rules.task_status(
        closed=False, next_due=D(2020, 5, 31), percent=0, ongoing=True, today=today, only_reports=True
    )
    assert late == rules.OVERDUE


@pytest.fixture
def plan(sup, tmp_path):
    path = tmp_path / "yearly.txt"
    path.write_text(TABLE, encoding="utf-8")
    plan = services.plan_import(actor=sup.supervisor, path=path, authority=sup.org.city, plan_year=2020).plan
    return services.plan_confirm(actor=sup.supervisor, plan=plan, today=CONFIRMED_ON)


def report_and_accept(sup, task, milestone, *, percent, reporter, today):
    report = services.progress_report_create(
        actor=reporter, task=task, text="已按时完成。", percent=percent, milestone=milestone, today=today
    )
    services.progress_report_review(actor=sup.supervisor, report=report, accept=True, today=today)


def test_it_gives_an_ongoing_cycle_its_first_report_at_the_end_of_the_quarter(sup, plan):
    task = Task.objects.get(plan=plan, seq="2")
    report = task.milestones.get(schedule__kind="cycle_report")
    assert report.deadline.due == D(2020, 6, 30)
    assert report.label == "2020年第2季度进展报送"
    assert task.status == "ongoing"


def test_it_creates_the_next_quarters_report_once_this_one_is_accepted(sup, plan):
    task = Task.objects.get(plan=plan, seq="2")
    first = task.milestones.get(schedule__kind="cycle_report")
    report_and_accept(sup, task, first, percent=30, reporter=sup.lead_liaison, today=D(2020, 6, 20))
    first.refresh_from_db()
    assert first.done_at is not None and first.deadline.closed_at is not None
    following = task.milestones.get(schedule__follows=first.pk)
    assert following.deadline.due == D(2020, 9, 30) and following.done_at is None
    assert following.label == "2020年第3季度进展报送"
    assert AuditEvent.objects.filter(action="supervision.milestone.rolled").count() == 1
    task.refresh_from_db()
    assert task.status == "ongoing"


def test_it_rolls_a_yearly_deadline_to_next_year_when_it_is_done(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    yearly = task.milestones.get()
    assert yearly.planned_date == D(2020, 1, 31)
    assert yearly.deadline.due == D(2020, 2, 3)  # the Spring Festival holiday ran to 2 February
    task.refresh_from_db()
    assert task.status == "overdue"  # confirmed in May: January's report is late
    report_and_accept(sup, task, yearly, percent=100, reporter=sup.office_liaison, today=CONFIRMED_ON)
    following = task.milestones.get(schedule__follows=yearly.pk)
    assert following.planned_date == D(2021, 1, 31)
    assert following.deadline.due == D(2021, 2, 1)  # 31 January 2021 is a Sunday
    assert following.label == "2021年：每年1月31日前"
    task.refresh_from_db()
    assert task.status == "in_progress" and task.light == "green"


def test_it_does_not_roll_a_one_off_deadline(sup, plan):
    task = Task.objects.get(plan=plan, seq="3")
    milestone = task.milestones.get()
    report_and_accept(sup, task, milestone, percent=100, reporter=sup.lead_liaison, today=CONFIRMED_ON)
    assert task.milestones.count() == 1


def test_the_daily_job_catches_up_a_done_occurrence_once_its_date_has_passed(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    yearly = task.milestones.get()
    Milestone.objects.filter(pk=yearly.pk).update(done_at=datetime.datetime(2020, 1, 20, tzinfo=datetime.UTC))
    result = services.supervision_daily(today=D(2020, 5, 13))
    assert result.rolled == 1
    assert task.milestones.get(schedule__follows=yearly.pk).planned_date == D(2021, 1, 31)
    assert services.supervision_daily(today=D(2020, 5, 14)).rolled == 0
    assert task.milestones.count() == 2


def test_it_ends_the_recurrence_when_the_task_is_closed_out(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    request = services.closeout_request(actor=sup.office_liaison, task=task, summary="制度已常态化。")
    services.closeout_decide(actor=sup.supervisor, closeout=request, approve=True, today=CONFIRMED_ON)
    assert services.supervision_daily(today=D(2021, 3, 1)).rolled == 0
    assert task.milestones.count() == 1


def test_it_draws_the_timelines_today_line_at_the_given_day(sup, plan):
    tasks = list(selectors.task_list(actor=sup.supervisor, plan=plan))
    early = selectors.plan_timeline(tasks=tasks, today=D(2020, 1, 1))
    later = selectors.plan_timeline(tasks=tasks, today=D(2020, 6, 1))
    assert 0 < early["today_x"] < later["today_x"] < 100


def test_it_labels_each_step_of_a_composite_deadline_by_its_own_kind():
    schedule = {
        "kind": "milestones",
        "items": [{"kind": "by_date", "date": "2019-09-30"}, {"kind": "ongoing"}],
    }
    specs = rules.milestone_specs(schedule, label="2019年9月底前完成，并持续开展", plan_year=2019)
    assert [s.label for s in specs] == ["2019-09-30前完成", "持续开展"]
