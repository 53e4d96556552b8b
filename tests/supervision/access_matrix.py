"""Access matrix of task supervision (plans, tasks, reports, requests; staff pages and API)."""

from __future__ import annotations

import datetime

from sanxiang.supervision import services
from sanxiang.supervision.choices import ReminderKind
from sanxiang.supervision.models import Reminder, Task
from tests.supervision.conftest import SMALL_TABLE

OUTSIDE_JINTAI = (
    "city_officer",
    "jt_risk",
    "wb_approver",
    "wb_leader",
    "wb_legal",
    "wb_liaison",
    "wb_officer",
)


def each(users, status):
    return dict.fromkeys(users, status)


def cases(demo):
    import tempfile
    from pathlib import Path

    supervisor = demo.users["city_supervisor"]
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "table.txt"
        table.write_text(SMALL_TABLE, encoding="utf-8")
        plan = services.plan_import(actor=supervisor, path=table, authority=demo.authorities["jintai"]).plan
    plan = services.plan_confirm(actor=supervisor, plan=plan, today=demo.today)
    # Task 2: led by 法制科, carried out by 征收管理科, whose liaison is jt_liaison.
    task = Task.objects.get(plan=plan, seq="2")
    milestone = task.milestones.filter(deadline__isnull=False).order_by("pk").first()
    liaison = demo.users["jt_liaison"]
    report = services.progress_report_create(
        actor=liaison, task=task, text="已完成", percent=50, milestone=milestone, today=demo.today
    )
    extension = services.extension_request(
        actor=liaison,
        milestone=milestone,
        new_date=milestone.deadline.due + datetime.timedelta(days=30),
        reason="材料待补",
    )
    closeout = services.closeout_request(actor=supervisor, task=task, summary="已完成")
    order = Reminder.objects.create(
        task=task, milestone=milestone, kind=ReminderKind.ORDER, day=demo.today, number="督〔2026〕1号"
    )
    return [
        ("supervision:plan_list", {}, {"default": 200, "anonymous": 302}),
        # A GET (a refresh after a POST) goes back to the plan list with the upload form.
        ("supervision:plan_upload", {}, {"default": 302}),
        ("supervision:my_tasks", {}, {"default": 200, "anonymous": 302}),
        (
            "supervision:meeting_create",
            {},
            {"default": 403, "city_supervisor": 200, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "supervision:plan_detail",
            {"pk": plan.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        (
            "supervision:plan_timeline",
            {"pk": plan.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        ("supervision:plan_confirm", {"pk": plan.pk}, {"default": 405, "anonymous": 302}),
        (
            "supervision:plan_report_docx",
            {"pk": plan.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        (
            "supervision:plan_report_xlsx",
            {"pk": plan.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        (
            "supervision:task_detail",
            {"pk": task.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        (
            "supervision:task_correct",
            {"pk": task.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        ("supervision:progress_create", {"pk": task.pk}, {"default": 405, "anonymous": 302}),
        ("supervision:closeout_create", {"pk": task.pk}, {"default": 405, "anonymous": 302}),
        ("supervision:progress_review", {"pk": report.pk}, {"default": 405, "anonymous": 302}),
        ("supervision:milestone_event", {"pk": milestone.pk}, {"default": 405, "anonymous": 302}),
        ("supervision:extension_create", {"pk": milestone.pk}, {"default": 405, "anonymous": 302}),
        ("supervision:extension_decide", {"pk": extension.pk}, {"default": 405, "anonymous": 302}),
        ("supervision:closeout_decide", {"pk": closeout.pk}, {"default": 405, "anonymous": 302}),
        (
            "supervision:order_docx",
            {"pk": order.pk},
            {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)},
        ),
        ("api:supervision:plan-list", {}, {"default": 200, "anonymous": 401}),
        (
            "api:supervision:plan-detail",
            {"pk": plan.pk},
            {"default": 200, "anonymous": 401, **each(OUTSIDE_JINTAI, 404)},
        ),
        ("api:supervision:task-list", {}, {"default": 200, "anonymous": 401}),
        (
            "api:supervision:task-detail",
            {"pk": task.pk},
            {"default": 200, "anonymous": 401, **each(OUTSIDE_JINTAI, 404)},
        ),
        ("api:supervision:task-progress-report", {"pk": task.pk}, {"default": 405, "anonymous": 401}),
    ]
