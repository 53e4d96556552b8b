"""The demo step: seeds 000 and 004 imported and worked through the services, for the demo users."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from django.core.management import call_command

from sanxiang.org.models import User
from sanxiang.supervision import selectors
from sanxiang.supervision.models import Reminder, TaskPlan

pytestmark = pytest.mark.django_db


def statuses(username):
    user = User.objects.get(username=username)
    return Counter(selectors.task_list(actor=user).values_list("status", flat=True))


def test_it_loads_plans_with_overdue_in_progress_and_done_tasks_for_the_demo_users():
    out = io.StringIO()
    call_command("load_demo", only=["supervision"], stdout=out)
    plans = TaskPlan.objects.order_by("pk")
    assert [(p.authority.short_name, p.tasks.count(), p.status) for p in plans] == [
        ("金台区税务局", 34, "confirmed"),
        ("渭滨区税务局", 34, "confirmed"),
        ("金台区税务局", 27, "confirmed"),
    ]
    for username in ("city_supervisor", "city_leader", "jt_liaison", "wb_liaison"):
        seen = statuses(username)
        assert seen["overdue"] and seen["in_progress"] and seen["done"], (username, seen)
    jt_liaison = User.objects.get(username="jt_liaison")
    assert {p.authority.short_name for p in selectors.plan_list(actor=jt_liaison)} == {"金台区税务局"}
    assert Reminder.objects.filter(kind="order").exists() and Reminder.objects.filter(kind="leader").exists()
    assert "催办" in out.getvalue()
    call_command("load_demo", only=["supervision"], stdout=io.StringIO())
    assert TaskPlan.objects.count() == 3
