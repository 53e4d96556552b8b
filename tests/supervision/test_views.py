"""Staff pages: upload → preview → correction → confirm, overview, timeline, task page, exports; denied cases."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.supervision import services
from sanxiang.supervision.models import ProgressReport, Task, TaskPlan

from .conftest import SMALL_TABLE, TODAY


@pytest.fixture
def plan(sup, small_table):
    plan = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city).plan
    return services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)


def login(client, user):
    client.force_login(user)
    return client


def test_it_uploads_previews_corrects_and_confirms(client, sup, run_jobs):
    login(client, sup.supervisor)
    upload = SimpleUploadedFile(
        "分解表.txt", SMALL_TABLE.replace("办公室\n\t\n", "宣传办\n\t\n").encode("utf-8")
    )
    with run_jobs():
        response = client.post(reverse("supervision:plan_upload"), {"file": upload})
    plan = TaskPlan.objects.get()
    assert response.status_code == 302 and response["Location"].startswith("/staff/jobs/")
    job_page = client.get(response["Location"]).content.decode()
    assert "共 3 项任务，尚未下达" in job_page
    assert f'href="{reverse("supervision:plan_detail", args=[plan.pk])}"' in job_page
    page = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()
    assert "导入预览" in page and 'class="doubtful"' in page
    assert "未匹配单位：宣传办" in page
    task = Task.objects.get(plan=plan, seq="3")
    form = client.get(reverse("supervision:task_correct", args=[task.pk]), HTTP_HX_REQUEST="true")
    assert 'name="deadline_text"' in form.content.decode()
    row = client.post(
        reverse("supervision:task_correct", args=[task.pk]),
        {"lead": "办公室", "responsible": "办公室", "cooperating": "", "deadline_text": "2019年10月底前"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "2019-10-31" in row and "未匹配单位" not in row
    client.post(reverse("supervision:plan_confirm", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == "confirmed"
    detail = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()
    assert "按牵头部门" in detail and "法制科" in detail


def test_it_reports_a_broken_upload_in_chinese(client, sup, run_jobs):
    login(client, sup.supervisor)
    upload = SimpleUploadedFile("坏文件.docx", b"PK\x03\x04garbage")
    with run_jobs():
        response = client.post(reverse("supervision:plan_upload"), {"file": upload})
    page = client.get(response["Location"]).content.decode()
    assert "失败" in page and "坏文件.docx" in page
    assert TaskPlan.objects.count() == 0


def test_it_forbids_uploads_to_staff_without_the_supervisor_role(client, sup):
    login(client, sup.lead_member)
    response = client.post(reverse("supervision:plan_upload"), {"file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 403


def test_it_shows_the_task_page_and_takes_a_report_with_evidence(client, sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    login(client, sup.office_liaison)
    response = client.post(
        reverse("supervision:progress_create", args=[task.pk]),
        {"text": "已公示", "percent": "60", "evidence": SimpleUploadedFile("截图.png", b"\x89PNG data")},
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.evidence.get().original_name == "截图.png"
    login(client, sup.lead_liaison)
    page = client.get(reverse("supervision:task_detail", args=[task.pk])).content.decode()
    assert "截图.png" in page and "已公示" in page
    client.post(
        reverse("supervision:progress_review", args=[report.pk]), {"decision": "accept", "comment": ""}
    )
    report.refresh_from_db()
    assert report.status == "accepted"


@pytest.mark.parametrize("name", ["plan_detail", "plan_timeline", "plan_report_docx", "plan_report_xlsx"])
def test_it_hides_a_plan_from_another_district_and_audits_it(client, sup, plan, name):
    login(client, sup.district_b_supervisor)
    response = client.get(reverse(f"supervision:{name}", args=[plan.pk]))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="scope.refused").exists()


def test_it_hides_a_task_from_another_district(client, sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    login(client, sup.district_b_supervisor)
    assert client.get(reverse("supervision:task_detail", args=[task.pk])).status_code == 404
    response = client.post(
        reverse("supervision:progress_create", args=[task.pk]), {"text": "x", "percent": "1"}
    )
    assert response.status_code == 404
    assert ProgressReport.objects.count() == 0
    assert client.get(reverse("supervision:plan_list")).content.decode().count(plan.title) == 0


@pytest.mark.parametrize("name", ["plan_list", "my_tasks"])
def test_it_sends_anonymous_visitors_to_the_login_page(client, name):
    response = client.get(reverse(f"supervision:{name}"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_it_exports_the_leaders_report_to_word_and_excel(client, sup, plan):
    from docx import Document
    from openpyxl import load_workbook

    services.escalation_run(today=datetime.date(2019, 10, 8))
    login(client, sup.leader)
    docx = client.get(reverse("supervision:plan_report_docx", args=[plan.pk]))
    assert docx["Content-Disposition"].startswith("attachment")
    document = Document(io.BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "督办情况报告" in text and "全面准确及时主动公开税务执法主体信息" in text and "已逾期" in text
    xlsx = client.get(reverse("supervision:plan_report_xlsx", args=[plan.pk]))
    book = load_workbook(io.BytesIO(xlsx.content))
    rows = list(book["任务明细"].iter_rows(values_only=True))
    assert rows[2][0] == "序号"
    assert {r[2] for r in rows[3:]} >= {"全面准确及时主动公开税务执法主体信息。", "制定执法公示工作规程。"}
    assert [r[0] for r in book["按部门"].iter_rows(values_only=True)][0] == "牵头部门"


def test_it_exports_a_supervision_order(client, sup, plan):
    from docx import Document

    services.escalation_run(today=datetime.date(2019, 10, 11))
    task = Task.objects.get(plan=plan, seq="1")
    order = task.reminders.get(kind="order")
    login(client, sup.supervisor)
    page = client.get(reverse("supervision:task_detail", args=[task.pk])).content.decode()
    assert "督〔2019〕1号" in page
    response = client.get(reverse("supervision:order_docx", args=[order.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "督〔2019〕1号" in text and "全面准确及时主动公开税务执法主体信息" in text
    login(client, sup.district_b_supervisor)
    assert client.get(reverse("supervision:order_docx", args=[order.pk])).status_code == 404


def test_it_shows_the_timeline_with_bars(client, sup, plan):
    login(client, sup.supervisor)
    page = client.get(reverse("supervision:plan_timeline", args=[plan.pk])).content.decode()
    assert "<svg" in page and 'class="bar-' in page and "2019-09-30" in page


def test_it_records_a_meeting_as_tasks(client, sup):
    login(client, sup.supervisor)
    response = client.post(
        reverse("supervision:meeting_create"),
        {
            "title": "专班例会",
            "held_on": "2019-09-02",
            "minutes": "",
            "items": "完善平台｜办公室牵头｜2019年10月底前",
        },
    )
    assert response.status_code == 302
    assert Task.objects.get().text == "完善平台"
    login(client, sup.lead_member)
    assert client.get(reverse("supervision:meeting_create")).status_code == 403


@pytest.mark.parametrize("name", ["plan_detail", "plan_timeline", "plan_report_xlsx"])
def test_it_shows_a_liaison_the_plan_with_only_the_tasks_it_may_see(client, sup, plan, name):
    from openpyxl import load_workbook

    task = Task.objects.get(plan=plan, seq="1")  # 办公室 cooperates on task 1 (a grant)
    login(client, sup.office_liaison)  # department scope: 办公室
    assert (
        reverse("supervision:plan_detail", args=[plan.pk])
        in client.get(reverse("supervision:plan_list")).content.decode()
    )
    response = client.get(reverse(f"supervision:{name}", args=[plan.pk]))
    assert response.status_code == 200
    if name == "plan_report_xlsx":
        text = " ".join(
            str(c.value)
            for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
            for c in row
        )
    else:
        text = response.content.decode()
        assert "只显示与您（本部门）相关的任务" in text
    assert task.text[:10] in text
    assert "制定执法公示工作规程" not in text  # task 2: 法制科 and 征收管理科, not 办公室


def test_it_shows_a_lead_department_member_its_plan_but_not_a_draft(client, sup, small_table):
    draft = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city).plan
    login(client, sup.lead_member)  # 法制科, department scope
    assert client.get(reverse("supervision:plan_detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("supervision:plan_list")).content.decode().count(draft.title) == 0
    services.plan_confirm(actor=sup.supervisor, plan=draft, today=TODAY)
    response = client.get(reverse("supervision:plan_detail", args=[draft.pk]))
    assert response.status_code == 200 and "制定执法公示工作规程" in response.content.decode()


def test_it_refuses_a_liaison_a_plan_without_its_tasks_and_audits_it(client, sup, plan):
    login(client, sup.district_a_liaison)  # 金台 征收管理科: none of the city plan's tasks
    before = AuditEvent.objects.filter(action="scope.refused").count()
    assert client.get(reverse("supervision:plan_detail", args=[plan.pk])).status_code == 404
    assert AuditEvent.objects.filter(action="scope.refused").count() == before + 1
    assert client.get(reverse("supervision:plan_list")).content.decode().count(plan.title) == 0


def test_it_keeps_confirmation_out_of_reach_of_a_liaison_who_sees_the_plan(client, sup, small_table):
    draft = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city).plan
    other = services.plan_import(
        actor=sup.supervisor, path=small_table, authority=sup.org.city, name="again.txt"
    )
    assert other.created is False
    login(client, sup.office_liaison)
    assert client.post(reverse("supervision:plan_confirm", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_it_offers_the_close_out_form_to_the_lead_department_only(client, sup, plan):
    task = Task.objects.get(plan=plan, seq="1")  # 法制科 leads, 办公室 cooperates
    url = reverse("supervision:task_detail", args=[task.pk])
    assert "申请销号" in login(client, sup.lead_liaison).get(url).content.decode()
    page = login(client, sup.office_liaison).get(url).content.decode()
    assert "申请销号" not in page and "报送进展" in page
    response = client.post(reverse("supervision:closeout_create", args=[task.pk]), {"summary": "完成"})
    assert response.status_code == 302
    assert not task.closeouts.exists()


def test_it_offers_accept_and_return_only_to_a_reviewer_never_on_ones_own_report(client, sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    reporter = sup.lead_liaison  # a liaison of the lead department, who may review others' reports
    report = services.progress_report_create(
        actor=reporter, task=task, text="已公示", percent=60, today=TODAY
    )
    review_url = reverse("supervision:progress_review", args=[report.pk])
    own = login(client, reporter).get(reverse("supervision:task_detail", args=[task.pk])).content.decode()
    assert review_url not in own
    assert "等待牵头部门审核" in own
    other = login(client, sup.supervisor).get(reverse("supervision:task_detail", args=[task.pk]))
    assert review_url in other.content.decode()
