"""Services: import (idempotent, atomic), correction, confirmation, every workflow transition and refusal."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sanxiang.audit.models import AuditEvent
from sanxiang.holidays.models import Deadline
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.org.models import AccessGrant
from sanxiang.supervision import services
from sanxiang.supervision.models import Milestone, ProgressReport, Task, TaskPlan, TaskUnit

from .conftest import TODAY, seed

D = datetime.date


@pytest.fixture
def plan(sup, small_table):
    outcome = services.plan_import(
        actor=sup.supervisor, path=small_table, authority=sup.org.city, today=TODAY
    )
    return outcome.plan


@pytest.fixture
def confirmed(sup, plan):
    return services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)


def task_no(plan, seq):
    return Task.objects.get(plan=plan, seq=seq)


def actions():
    return list(AuditEvent.objects.values_list("action", flat=True))


def test_it_imports_a_draft_with_units_milestones_and_the_source_file(sup, plan):
    assert plan.status == "draft"
    assert plan.source_file is not None and plan.source_file.sha256 == plan.source_sha256
    first = task_no(plan, "1")
    assert first.owner_department == sup.depts["法制科"]
    assert {(u.name, u.role, u.match_kind) for u in first.units.all()} == {
        ("法制科", "lead", "department"),
        ("法制科", "responsible", "department"),
        ("办公室", "cooperating", "department"),
    }
    assert [m.planned_date for m in first.milestones.all()] == [D(2019, 9, 30)]
    assert Deadline.objects.count() == 0  # only a confirmed plan is on the calendar
    third = task_no(plan, "3")
    assert third.milestones.get().awaits_event
    assert "supervision.plan.imported" in actions()


def test_it_does_not_import_the_same_file_twice_for_an_authority(sup, plan, small_table):
    again = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city)
    assert again.created is False and again.plan == plan
    assert TaskPlan.objects.count() == 1


def test_it_imports_nothing_when_saving_fails_half_way(sup, small_table):
    with mock.patch(
        "sanxiang.supervision.services.plans.Milestone.objects.bulk_create", side_effect=RuntimeError("boom")
    ):
        with pytest.raises(RuntimeError):
            services.plan_import(actor=None, path=small_table, authority=sup.org.city)
    assert TaskPlan.objects.count() == 0 and Task.objects.count() == 0 and TaskUnit.objects.count() == 0


def test_it_refuses_a_file_without_measures_with_a_chinese_reason(sup):
    with pytest.raises(services.ImportRefused) as caught:
        services.plan_import(actor=sup.supervisor, path=seed("002"), authority=sup.org.city)
    assert caught.value.code == "no_measures"
    assert "未找到任务" in str(caught.value.message)
    assert TaskPlan.objects.count() == 0


def test_it_refuses_unmatched_units_unless_accepted(sup):
    with pytest.raises(services.ImportRefused) as caught:
        services.plan_import(actor=None, path=seed("000"), authority=sup.org.city)
    assert caught.value.extra["unmatched"] == [
        "税源管理所",
        "法律顾问",
        "具备法律职业资格、行政复议资格人员所在部门",
    ]
    outcome = services.plan_import(
        actor=None, path=seed("000"), authority=sup.org.city, accept_unmatched=True
    )
    assert outcome.plan.tasks.count() == 34


def test_it_refuses_an_import_by_someone_who_is_not_a_supervisor(sup, small_table):
    with pytest.raises(PermissionDeniedError):
        services.plan_import(actor=sup.lead_member, path=small_table, authority=sup.org.city)
    with pytest.raises(PermissionDeniedError):
        services.plan_import(actor=sup.district_b_supervisor, path=small_table, authority=sup.org.city)


def test_it_corrects_units_and_deadline_of_a_draft_row(sup, plan):
    task = task_no(plan, "2")
    services.task_correct(
        actor=sup.supervisor,
        task=task,
        lead="征管科",
        responsible="区发改局",
        cooperating="",
        deadline_text="2019年10月底前",
    )
    task.refresh_from_db()
    assert task.owner_department == sup.depts["征收管理科"]  # alias
    assert {(u.name, u.match_kind) for u in task.units.all()} == {
        ("征管科", "department"),
        ("区发改局", "external"),
    }
    assert task.schedule == {"kind": "by_date", "date": "2019-10-31"}
    assert [m.planned_date for m in task.milestones.all()] == [D(2019, 10, 31)]
    assert "supervision.task.corrected" in actions()


def test_it_confirms_with_deadlines_grants_and_notices(sup, confirmed):
    assert confirmed.status == "confirmed"
    first = task_no(confirmed, "1")
    milestone = first.milestones.get()
    assert milestone.deadline.due == D(2019, 9, 30)
    assert milestone.deadline.purpose == "supervision.milestone"
    # 办公室 cooperates on task 1, owned by 法制科: it sees the task through a grant.
    assert AccessGrant.objects.filter(object_id=first.pk, department=sup.depts["办公室"]).exists()
    assert Task.objects.visible_to(sup.office_liaison).filter(pk=first.pk).exists()
    assert sup.lead_liaison.notifications.filter(category="supervision.assigned").count() == 1
    assert first.status == "not_started" and first.light == "green"
    with pytest.raises(InvalidTransition):
        services.plan_confirm(actor=sup.supervisor, plan=confirmed, today=TODAY)


def test_it_grants_a_district_department_its_task_alone(sup, plan):
    task = task_no(plan, "2")
    services.task_correct(
        actor=sup.supervisor,
        task=task,
        lead="法制科",
        responsible="区发改局",
        cooperating="",
        deadline_text="",
    )
    services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)
    visible = Task.objects.visible_to(sup.district_a_liaison)
    assert list(visible) == [task]


def test_it_refuses_confirmation_with_unmatched_names(sup, plan):
    services.task_correct(
        actor=sup.supervisor,
        task=task_no(plan, "1"),
        lead="不存在的科",
        responsible="",
        cooperating="",
        deadline_text="",
    )
    with pytest.raises(services.ImportRefused):
        services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)
    services.plan_confirm(actor=sup.supervisor, plan=plan, accept_unmatched=True, today=TODAY)


def test_it_takes_a_progress_report_with_evidence_and_lets_the_lead_accept_it(sup, confirmed):
    task = task_no(confirmed, "1")
    evidence = SimpleUploadedFile("公示截图.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    report = services.progress_report_create(
        actor=sup.office_liaison,
        task=task,
        text="已在网站公示",
        percent=100,
        milestone=task.milestones.get(),
        uploads=[evidence],
        today=TODAY,
    )
    stored = report.evidence.get()
    assert stored.original_name == "公示截图.pdf" and stored.purpose == "supervision.evidence"
    assert sup.lead_liaison.notifications.filter(category="supervision.report_submitted").exists()
    services.progress_report_review(actor=sup.lead_member, report=report, accept=True, today=TODAY)
    task.refresh_from_db()
    assert task.percent == 100
    milestone = task.milestones.get()
    assert milestone.done_at is not None and milestone.deadline.closed_at is not None
    with pytest.raises(InvalidTransition):
        services.progress_report_review(
            actor=sup.lead_member, report=report, accept=False, comment="x", today=TODAY
        )
    assert {"supervision.progress_report.submitted", "supervision.progress_report.accepted"} <= set(actions())


def test_it_refuses_reports_from_unassigned_departments_and_self_review(sup, confirmed):
    task = task_no(confirmed, "1")
    with pytest.raises(PermissionDeniedError):
        services.progress_report_create(
            actor=sup.district_a_liaison, task=task, text="x", percent=10, today=TODAY
        )
    report = services.progress_report_create(
        actor=sup.lead_member, task=task, text="进行中", percent=10, today=TODAY
    )
    with pytest.raises(PermissionDeniedError):
        services.progress_report_review(actor=sup.lead_member, report=report, accept=True, today=TODAY)
    with pytest.raises(PermissionDeniedError):
        services.progress_report_review(actor=sup.office_liaison, report=report, accept=True, today=TODAY)
    with pytest.raises(ValidationFailed):
        services.progress_report_review(
            actor=sup.lead_liaison, report=report, accept=False, comment="", today=TODAY
        )
    services.progress_report_review(
        actor=sup.lead_liaison, report=report, accept=False, comment="请补充材料", today=TODAY
    )
    report.refresh_from_db()
    assert report.status == "returned"
    with pytest.raises(ValidationFailed):
        services.progress_report_create(actor=sup.lead_member, task=task, text="x", percent=101, today=TODAY)


def test_it_refuses_work_on_a_draft_plan(sup, plan):
    with pytest.raises(InvalidTransition):
        services.progress_report_create(
            actor=sup.lead_member, task=task_no(plan, "1"), text="x", percent=10, today=TODAY
        )


def test_it_starts_the_clock_when_the_event_is_recorded(sup, confirmed):
    milestone = task_no(confirmed, "3").milestones.get()
    assert milestone.deadline is None
    services.milestone_record_event(
        actor=sup.office_liaison, milestone=milestone, event_date=D(2019, 9, 27), today=TODAY
    )
    milestone.refresh_from_db()
    # 5 working days after Friday 27 September 2019: Sunday 29 September (adjusted working day), 30
    # September, then the National Day holiday (1–7 October) is skipped: 8, 9 and 10 October.
    assert milestone.deadline.due == D(2019, 10, 10)
    assert milestone.deadline.rule_unit == "working_days"
    with pytest.raises(InvalidTransition):
        services.milestone_record_event(
            actor=sup.office_liaison, milestone=milestone, event_date=D(2019, 9, 27), today=TODAY
        )


def test_it_moves_a_deadline_only_on_an_approved_extension(sup, confirmed):
    task = task_no(confirmed, "1")
    milestone = task.milestones.get()
    with pytest.raises(ValidationFailed):
        services.extension_request(
            actor=sup.lead_member, milestone=milestone, new_date=D(2019, 9, 1), reason="x"
        )
    request = services.extension_request(
        actor=sup.lead_member, milestone=milestone, new_date=D(2019, 10, 31), reason="系统升级"
    )
    with pytest.raises(InvalidTransition):
        services.extension_request(
            actor=sup.lead_member, milestone=milestone, new_date=D(2019, 11, 30), reason="x"
        )
    with pytest.raises(PermissionDeniedError):
        services.extension_decide(actor=sup.lead_liaison, extension=request, approve=True, today=TODAY)
    services.extension_decide(actor=sup.leader, extension=request, approve=True, comment="同意", today=TODAY)
    milestone.refresh_from_db()
    assert milestone.deadline.due == D(2019, 10, 31)
    assert "supervision.extension.approved" in actions()


def test_it_keeps_the_deadline_on_a_rejected_extension(sup, confirmed):
    milestone = task_no(confirmed, "1").milestones.get()
    request = services.extension_request(
        actor=sup.lead_member, milestone=milestone, new_date=D(2019, 10, 31), reason="x"
    )
    services.extension_decide(
        actor=sup.supervisor, extension=request, approve=False, comment="不同意", today=TODAY
    )
    milestone.refresh_from_db()
    assert milestone.deadline.due == D(2019, 9, 30)


def test_it_closes_a_task_only_with_approval(sup, confirmed):
    task = task_no(confirmed, "1")
    with pytest.raises(PermissionDeniedError):
        services.closeout_request(actor=sup.office_liaison, task=task, summary="完成")
    request = services.closeout_request(actor=sup.lead_member, task=task, summary="已全部完成")
    task.refresh_from_db()
    assert task.closed_at is None and task.status != "done"
    with pytest.raises(PermissionDeniedError):
        services.closeout_decide(actor=sup.lead_member, closeout=request, approve=True, today=TODAY)
    services.closeout_decide(actor=sup.leader, closeout=request, approve=True, today=TODAY)
    task.refresh_from_db()
    assert task.status == "done" and task.light == "green" and task.closed_at is not None
    assert task.milestones.get().deadline.closed_at is not None
    with pytest.raises(InvalidTransition):
        services.closeout_request(actor=sup.lead_member, task=task, summary="again")


def test_it_turns_agreed_items_of_a_meeting_into_tasks(sup):
    meeting = services.meeting_record(
        actor=sup.supervisor,
        authority=sup.org.city,
        title="工作专班第一次例会",
        held_on=D(2019, 9, 2),
        minutes="研究部署公示工作。",
        items=[
            services.AgreedItem(
                text="完善公示平台", units="办公室牵头，法制科配合", deadline_text="2019年10月底前"
            ),
            services.AgreedItem(text="梳理执法事项清单", units="法制科", deadline_text="持续开展"),
        ],
        today=TODAY,
    )
    tasks = list(meeting.tasks.order_by("position"))
    assert [t.text for t in tasks] == ["完善公示平台", "梳理执法事项清单"]
    assert tasks[0].owner_department == sup.depts["办公室"]
    assert tasks[0].milestones.get().deadline.due == D(2019, 10, 31)
    assert TaskPlan.objects.get(pk=meeting.plan_id).status == "confirmed"
    assert tasks[1].status == "ongoing"
    with pytest.raises(ValidationFailed):
        services.meeting_record(
            actor=sup.supervisor,
            authority=sup.org.city,
            title="x",
            held_on=TODAY,
            minutes="",
            items=[],
            today=TODAY,
        )
    with pytest.raises(PermissionDeniedError):
        services.meeting_record(
            actor=sup.lead_member,
            authority=sup.org.city,
            title="x",
            held_on=TODAY,
            minutes="",
            items=[services.AgreedItem("a", "法制科")],
            today=TODAY,
        )


def test_it_keeps_suggested_milestones_out_of_the_calendar_until_confirmed(sup):
    district_supervisor = sup.district_b_supervisor
    outcome = services.plan_import(
        actor=district_supervisor, path=seed("004"), authority=sup.org.district_b, accept_unmatched=True
    )
    suggested = Milestone.objects.filter(task__plan=outcome.plan, provisional=True)
    assert suggested.exists()
    services.plan_confirm(actor=district_supervisor, plan=outcome.plan, accept_unmatched=True, today=TODAY)
    assert all(m.deadline_id is None for m in suggested.all())
    assert ProgressReport.objects.count() == 0
