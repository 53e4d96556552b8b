"""Browser: a workbook of a few hundred rows goes to the worker; its page shows the progress bar
moving, then 完成 and the import's report; my jobs list it."""

from __future__ import annotations

import datetime
import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from openpyxl import Workbook

from sanxiang.publicity import imports
from sanxiang.publicity.models import Entry
from tests import factories

from .test_publicity import _ensure_catalogue, _login

ROWS = 400


def _workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(
        ["当事人名称", "统一社会信用代码", "法定代表人", "决定书文号", "决定日期", "违法事实", "罚款金额"]
    )
    day = datetime.date.today() - datetime.timedelta(days=10)
    for i in range(1, rows + 1):
        ws.append([f"进度条测试商贸{i}号店", "", "", f"宝金税稽罚〔2026〕B{i}号", day, "未按期申报", 100 + i])
    wb.save(path)


def _officer(username):
    """The catalogue, the test organisation and an officer of 金台 who may import."""
    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", username=username
    )
    return org, officer


def _worker() -> None:
    try:
        call_command("worker", "--once", "--no-schedule", stdout=io.StringIO())
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_job_shows_its_progress_bar_then_the_report(
    live_server, page, screenshot, tmp_path, monkeypatch
):
    org, officer = _officer("jobs_importer")
    book = tmp_path / "四百行处罚决定.xlsx"
    _workbook(book, ROWS)
    # Masking a row takes a few milliseconds here; 10 more per row keep the bar in view for a few
    # polls, so the test sees it part-way (the page polls every second).
    mask = imports.mask_version
    monkeypatch.setattr(imports, "mask_version", lambda *a, **k: (time.sleep(0.01), mask(*a, **k))[1])

    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:entry_import"))
    form = page.locator("form", has=page.locator("#id_file"))
    form.locator("#id_item").select_option("penalty_decision")
    form.locator("#id_file").set_input_files(str(book))
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#job-status")
    assert page.inner_text("#job-state") == "排队中"  # no worker has taken it yet
    screenshot("jobs-1-queued")

    worker = threading.Thread(target=_worker)
    worker.start()
    try:
        page.wait_for_function(
            "() => { const p = document.querySelector('#job-status progress');"
            " return p && p.value > 0 && p.value < 100; }",
            timeout=60000,
        )
        assert page.inner_text("#job-state") == "进行中"
        assert "%" in page.inner_text("#job-progress-text")
        screenshot("jobs-2-midway")
        page.wait_for_selector("#import-report", timeout=120000)
    finally:
        worker.join(120)
    assert page.inner_text("#job-state") == "已完成"
    assert page.locator("#job-status progress").get_attribute("value") == "100"
    report = page.inner_text("#import-report")
    assert f"共 {ROWS} 行，导入 {ROWS} 条，错误 0 处。" in report
    assert Entry.objects.count() == ROWS
    screenshot("jobs-3-done")

    page.click("#import-drafts")
    page.wait_for_selector("text=进度条测试商贸")
    page.goto(live_server.url + reverse("jobs:list"))
    assert "四百行处罚决定.xlsx" in page.inner_text("main") and "已完成" in page.inner_text("main")
    screenshot("jobs-4-my-jobs")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_export_job_offers_its_file_and_a_failed_job_says_why(
    live_server, page, screenshot, immediate_jobs
):
    from sanxiang.jobs.services import job_create, job_run
    from sanxiang.org.models import Role
    from sanxiang.publicity.jobs import ENTRIES_IMPORT
    from tests.jobs.helpers import penalty_csv

    org, officer = _officer("jobs_exporter")
    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:overdue"))
    page.click("#overdue-export")
    page.wait_for_selector("#job-download")
    assert page.inner_text("#job-state") == "已完成" and "已导出 0 条。" in page.inner_text("#export-report")
    screenshot("jobs-5-export-done")
    with page.expect_download() as download:
        page.click("#job-download")
    assert download.value.suggested_filename.startswith("publicity-overdue-")

    upload = penalty_csv(3)
    officer.roles.clear()  # lost the drafting role after submitting (the job runs here at once)
    job = job_create(
        actor=officer,
        kind=ENTRIES_IMPORT,
        authority=org.district_a,
        params={"item": "penalty_decision", "file_name": upload.name},
        uploads=[upload],
    )
    assert job_run(job_id=job.pk) == "skipped"  # it already ran, on commit
    officer.roles.set(Role.for_codes(["enforcement_officer"]))
    page.goto(live_server.url + reverse("jobs:detail", args=[job.pk]))
    assert page.inner_text("#job-state") == "失败"
    assert page.inner_text("#job-error") == "您没有起草该事项公示信息的权限。"
    screenshot("jobs-6-failed")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_org_chart_dry_run_is_a_job_whose_page_offers_the_confirmation(
    live_server, page, screenshot, tmp_path, immediate_jobs
):
    from sanxiang.org.models import User
    from tests.core.test_org_views import workbook_bytes

    org = factories.build_org()
    admin = factories.user(
        org.district_a,
        org.a_collection,
        roles=["administrator"],
        scope="unit_and_below",
        username="org_importer",
    )
    book = tmp_path / "组织架构.xlsx"
    book.write_bytes(workbook_bytes(org))

    _login(page, live_server, admin)
    page.goto(live_server.url + reverse("org:import"))
    page.set_input_files("#id_file", str(book))
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_selector("#org-import-confirm")
    assert page.inner_text("#job-state") == "已完成"
    preview = page.inner_text("#org-import-preview")
    assert "组织架构.xlsx" in preview and "newbie" in preview and "办公室" in preview
    assert not User.objects.filter(username="newbie").exists()
    screenshot("jobs-7-org-chart-preview")

    page.click("#org-import-confirm")
    page.wait_for_selector("#org-import-done")
    assert "新增 2 项，更新 0 项" in page.inner_text("#org-import-done")
    assert User.objects.get(username="newbie").department.name == "办公室"
    screenshot("jobs-8-org-chart-imported")
