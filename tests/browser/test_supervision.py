"""Browser: import a plan through the UI, report progress with evidence, see an overdue task escalate."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import Client

from sanxiang.supervision.models import Task, TaskPlan
from sanxiang.supervision.services import escalation_run
from tests import factories

TABLE = (
    "宝鸡市税务局执法公示工作任务分解表\n"
    "\t序号\n\t工作措施\n\t牵头部门\n\t责任部门\n\t配合部门\n\t完成时限\n\n"
    "\t1\n\t全面准确及时主动公开税务执法主体、人员、职责、权限等基本信息。\n\t法制科\n\t法制科\n\t办公室\n\t2027年9月底前完成\n\n"
    "\t2\n\t制定执法公示工作规程。\n\t法制科\n\t法制科\n\t其他相关部门\n\t持续开展\n\n"
    "\t3\n\t区局实施方案印发后开展宣传。\n\t办公室\n\t办公室\n\t\n\t区局实施方案印发后5个工作日内\n\n"
)


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_imports_reports_and_escalates(page, screenshot, live_server, tmp_path, immediate_jobs):
    org = factories.build_org()
    supervisor = factories.user(
        org.city, org.city_office, roles=["supervisor"], scope="unit_and_below", full_name="张督办"
    )
    liaison = factories.user(org.city, org.city_legal, roles=["liaison"], full_name="李联络")
    table = tmp_path / "执法公示任务分解表.txt"
    table.write_text(TABLE, encoding="utf-8")

    log_in(page, live_server, supervisor)
    page.goto(f"{live_server.url}/staff/supervision/")
    page.set_input_files("#id_file", str(table))
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_selector("#plan-open")
    screenshot("supervision-0-import-job")  # the supervisor's view of the import's job page
    page.click("#plan-open")  # the import's job page, done: on to the preview
    page.wait_for_selector("text=导入预览")
    assert page.locator("tr.doubtful").count() >= 1  # task 3 waits for an event
    screenshot("supervision-1-preview")
    page.get_by_role("button", name="确认下达").click()
    page.wait_for_selector("text=按牵头部门")
    screenshot("supervision-2-overview")
    plan = TaskPlan.objects.get()
    assert plan.status == "confirmed"
    task = Task.objects.get(plan=plan, seq="1")
    assert task.status == "not_started"

    evidence = tmp_path / "公示截图.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    log_in(page, live_server, liaison)
    page.goto(f"{live_server.url}/staff/supervision/tasks/{task.pk}/")
    page.fill("#id_text", "已在门户网站公示执法主体信息。")
    page.fill("#id_percent", "60")
    page.set_input_files("#id_evidence", str(evidence))
    page.get_by_role("button", name="报送", exact=True).click()
    page.wait_for_selector("text=进展已报送")
    assert page.locator("a", has_text="公示截图.pdf").count() == 1
    screenshot("supervision-3-progress")

    # The clock moves past 30 September 2027: the daily job escalates 催办 then 督办单.
    escalation_run(today=datetime.date(2027, 10, 15))
    page.reload()
    assert page.locator("#task-status").inner_text() == "已逾期"
    reminders = page.locator("#reminders").inner_text()
    assert "催办" in reminders and "督办单" in reminders
    screenshot("supervision-4-escalated")
    log_in(page, live_server, supervisor)
    page.goto(f"{live_server.url}/staff/supervision/plans/{plan.pk}/timeline/")
    assert page.locator("rect.bar-red").count() == 1
    screenshot("supervision-5-timeline")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_city_supervisor_previews_seed_000_with_district_departments(
    page, screenshot, live_server, immediate_jobs
):
    """Issue 9 point 8: the 科 of seed 000 are the district bureaus' departments; the preview marks
    only the rows that really need a look, keeps 更正 on one line, and a refresh of the upload
    address shows the form instead of a blank 405."""
    from sanxiang.org.demo import DISTRICT_DEPARTMENTS
    from tests.shared import SEEDS

    org = factories.build_org()
    for authority in (org.district_a, org.district_b):
        existing = set(authority.departments.values_list("name", flat=True))
        for name in DISTRICT_DEPARTMENTS:
            if name not in existing:
                factories.department(authority, name)
    supervisor = factories.user(
        org.city, org.city_office, roles=["supervisor"], scope="unit_and_below", full_name="张督办"
    )
    log_in(page, live_server, supervisor)
    page.goto(f"{live_server.url}/staff/supervision/")
    page.set_input_files("#id_file", str(sorted(SEEDS.glob("000_*.txt"))[0]))
    page.get_by_role("button", name="上传并预览").click()
    page.click("#plan-open")  # the import's job page, done: on to the preview
    page.wait_for_selector("text=导入预览")

    assert page.locator("tbody tr").count() == 34
    assert page.locator("tr.doubtful").count() == 12  # see tests/supervision/test_city_import.py
    assert page.locator("span.unit.unmatched").count() < 10
    assert "识别的版式" in page.content()
    button = page.get_by_role("button", name="更正").first.bounding_box()
    assert button is not None and button["width"] > button["height"] and button["height"] < 40
    screenshot("supervision-6-city-preview")

    page.goto(f"{live_server.url}/staff/supervision/import/")
    assert page.locator("#id_file").count() == 1
