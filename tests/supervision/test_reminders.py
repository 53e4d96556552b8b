"""Reminders before due dates and escalation 催办 → 督办单 → 报领导, with injected days."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.audit.models import AuditEvent
from sanxiang.notifications.models import Notification
from sanxiang.supervision import services
from sanxiang.supervision.models import Reminder, Task

from .conftest import TODAY

D = datetime.date


@pytest.fixture
def plan(sup, small_table):
    plan = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city).plan
    return services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)


def test_it_reminds_the_configured_working_days_before_a_due_date(sup, plan, settings):
    settings.SANXIANG_SUPERVISION_REMIND_DAYS = 3
    # Task 1 is due Monday 30 September 2019. Sunday 29 September was an adjusted working day, so
    # three working days ahead of Wednesday 25 reach only the 29th; from Thursday 26 they reach the 30th.
    assert services.reminders_send(today=D(2019, 9, 25)).reminded == 0
    result = services.reminders_send(today=D(2019, 9, 26))
    assert result.reminded == 1
    assert (
        Notification.objects.filter(recipient=sup.lead_liaison, category="supervision.reminder").count() == 1
    )
    assert (
        Notification.objects.filter(recipient=sup.office_liaison, category="supervision.reminder").count()
        == 1
    )
    assert services.reminders_send(today=D(2019, 9, 26)).reminded == 0  # once per day
    assert services.reminders_send(today=D(2019, 9, 27)).reminded == 1  # and again the next day
    settings.SANXIANG_SUPERVISION_REMIND_DAYS = 1
    assert services.reminders_send(today=D(2019, 9, 28)).reminded == 0


def test_it_escalates_an_overdue_milestone_step_by_step(sup, plan, settings):
    settings.SANXIANG_SUPERVISION_ORDER_AFTER_DAYS = 3
    settings.SANXIANG_SUPERVISION_LEADER_AFTER_DAYS = 5
    task = Task.objects.get(plan=plan, seq="1")
    day1 = services.escalation_run(today=D(2019, 10, 8))  # due 30 September, National Day in between
    task.refresh_from_db()
    assert task.status == "overdue" and task.light == "red"
    assert (day1.urged, day1.orders, day1.leaders) == (1, 0, 0)
    urge = Notification.objects.get(recipient=sup.lead_liaison, category="supervision.urge")
    assert "催办" in urge.title
    assert not Notification.objects.filter(
        recipient=sup.lead_member, category="supervision.urge"
    ).exists()  # liaison only
    assert services.escalation_run(today=D(2019, 10, 8)).urged == 0  # idempotent
    # Three working days after 30 September (8, 9, 10 October): the 督办单 from 11 October.
    assert services.escalation_run(today=D(2019, 10, 10)).orders == 0
    day4 = services.escalation_run(today=D(2019, 10, 11))
    assert day4.orders == 1
    order = Reminder.objects.get(kind="order")
    assert order.number == "督〔2019〕1号"
    assert Notification.objects.filter(recipient=sup.supervisor, category="supervision.order").exists()
    assert (
        not Notification.objects.filter(recipient=sup.leader).filter(category="supervision.leader").exists()
    )
    day6 = services.escalation_run(today=D(2019, 10, 15))
    assert day6.leaders == 1
    assert Notification.objects.filter(recipient=sup.leader, category="supervision.leader").exists()
    kinds = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"supervision.task.urged", "supervision.order.issued", "supervision.task.escalated"} <= kinds
    assert "supervision.task.status_changed" in kinds


def test_it_stops_escalating_once_the_deadline_is_extended(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    milestone = task.milestones.get()
    request = services.extension_request(
        actor=sup.lead_member, milestone=milestone, new_date=D(2019, 11, 29), reason="x"
    )
    services.extension_decide(actor=sup.leader, extension=request, approve=True, today=TODAY)
    assert services.escalation_run(today=D(2019, 10, 15)).urged == 0
    task.refresh_from_db()
    assert task.status != "overdue"


def test_the_daily_job_refreshes_reminds_and_escalates(sup, plan):
    result = services.supervision_daily(today=D(2019, 10, 8))
    assert result.urged == 1
    assert Task.objects.get(plan=plan, seq="1").status == "overdue"
    assert Task.objects.get(plan=plan, seq="3").status == "not_started"  # awaits its event


def test_it_registers_the_daily_periodic_job():
    from sanxiang.kernel.schedule import periodic_entries, resolve_task

    entry = {p.name: p for p in periodic_entries()}["supervision.daily"]
    assert entry.task_path == "sanxiang.supervision.tasks.supervision_daily_task"
    assert resolve_task(entry) is not None
