"""Issue 9 points 7 and 10 in the browser: pages name things in words, a submitted entry says it
awaits approval and can be recalled, the overdue list pages, an upload shows its progress."""

import datetime

import pytest
from django.urls import reverse

from sanxiang.audit.services import audit_log
from sanxiang.publicity import services
from sanxiang.publicity.models import Entry, Item
from tests import factories

from .test_publicity import _ensure_catalogue, _login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _entry(officer, org, number, **data):
    return services.entry_create(
        actor=officer,
        item=Item.objects.get(code="penalty_decision"),
        authority=org.district_a,
        data={
            "party_name": "宝鸡市金台区顺达商贸有限公司",
            "uscc": "91610303MA6X0A0A0G",
            "document_number": f"宝金税稽罚〔2026〕{number}号",
            "event_date": "2026-02-10",
            "facts": "少缴增值税。",
            "result": "罚款5000元",
            **data,
        },
        text="经查，当事人少缴增值税。",
        today=datetime.date(2026, 3, 2),
    )


def test_staff_pages_name_things_in_words(live_server, page, screenshot):
    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    approver = factories.user(org.district_a, org.a_legal, roles=["publicity_approver"], scope="unit")
    admin = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    entries = [_entry(officer, org, n) for n in range(1, 4)]
    services.send_reminders(today=datetime.date(2026, 3, 3))
    audit_log(actor=None, action="notifications.notification.created", authority=org.district_a)

    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("notifications:inbox"))
    inbox = page.inner_text("main")
    assert "公示已超期：行政处罚决定书·宝金税稽罚〔2026〕1号" in inbox or "宝金税稽罚〔2026〕1号" in inbox
    assert entries[0].source_key not in inbox
    screenshot("ux-c-inbox")

    page.goto(live_server.url + reverse("publicity:overdue"))
    assert page.inner_text("#overdue-count") == "3"
    assert page.locator("#overdue-filters select[name=authority] option").first.inner_text() == "全部机关"
    screenshot("ux-c-overdue")

    page.goto(live_server.url + reverse("holidays:index"))
    calendar = page.inner_text("main")
    assert "暂定（以国务院办公厅通知为准）" in calendar and "provisional" not in calendar
    assert "chinese-calendar" not in calendar and "国务院办公厅关于2026年部分节假日安排的通知" in calendar
    screenshot("ux-c-calendar")

    services.entry_submit(actor=officer, entry=entries[0])
    services.entry_approve(actor=approver, entry=Entry.objects.get(pk=entries[0].pk))
    page.goto(live_server.url + reverse("portal:entry_detail", kwargs={"key": entries[0].source_key}))
    page.click("text=验证用随机值（盐值）")
    assert "用于验证本条信息未被篡改的随机值" in page.inner_text(".verify-box")
    screenshot("ux-c-portal-detail")
    page.goto(live_server.url + reverse("portal:log_about"))
    log = page.inner_text("main")
    assert "sanxiang.localhost" not in log
    screenshot("ux-c-public-log")

    page.context.clear_cookies()
    _login(page, live_server, admin)
    page.goto(live_server.url + reverse("audit:index"))
    audit = page.inner_text("main")
    assert "notifications.notification.created" not in audit and "操作代码前缀" not in audit
    assert "新增消息" in audit
    screenshot("ux-c-audit-log")


def test_a_drafter_sees_a_submission_await_approval_and_recalls_it(live_server, page, screenshot):
    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    entry = _entry(officer, org, 7)
    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:entry_detail", kwargs={"pk": entry.pk}))
    page.click("text=提交审核")
    page.wait_for_selector("#awaiting-approval")
    assert "已提交审核" in page.inner_text(".messages")
    assert page.inner_text("#entry-status") == "待审核"
    screenshot("ux-c-publicity-awaiting-approval")
    page.click("text=撤回提交")
    page.wait_for_selector(".messages")
    assert "已撤回提交，回到草稿" in page.inner_text(".messages")
    assert page.inner_text("#entry-status") == "草稿"


def test_an_upload_shows_its_progress_and_then_the_answer(
    live_server, page, screenshot, tmp_path, immediate_jobs
):
    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    big = tmp_path / "大文件.xlsx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * (3 * 1024 * 1024))
    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:entry_import"))
    form = page.locator("form", has=page.locator("#id_file"))
    assert form.locator("select[name=authority] option[selected]").inner_text() != ""
    form.locator("#id_item").select_option("penalty_decision")
    form.locator("#id_file").set_input_files(str(big))
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 400 * 1024},
    )
    form.locator("button[type=submit]").click()
    page.wait_for_function(
        "() => { const p = document.querySelector('.upload-progress progress');"
        " return p && p.value > 5 && p.value < 100; }"
    )
    assert "正在上传" in page.inner_text(".upload-progress")
    screenshot("ux-c-upload-in-progress")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.wait_for_selector("#import-report, .errorlist, .messages", timeout=60000)
    assert "/staff/jobs/" in page.url  # the import ran as a background job; its page answers
    assert "大文件.xlsx" in page.inner_text("#import-report")


def test_catalogue_pages_show_rules_and_sources_without_emoji_or_status_words(live_server, page, screenshot):
    from sanxiang.review.models import ReviewCatalogue

    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    reviewer = factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:catalogue"))
    text = page.inner_text("#catalogue")
    assert "未确认" not in text and "✅" not in text and "❓" not in text
    screenshot("ux-c-publicity-catalogue")
    page.context.clear_cookies()
    _login(page, live_server, reviewer)
    catalogue = ReviewCatalogue.objects.filter(authority=None).first()
    if catalogue is not None:
        page.goto(live_server.url + reverse("review:catalogue_detail", kwargs={"pk": catalogue.pk}))
        rules = page.inner_text("#rules")
        assert "未核实" not in rules and "可配置" not in rules
        screenshot("ux-c-review-catalogue")
    page.goto(live_server.url + reverse("review:benchmarks"))
    assert "❓" not in page.inner_text("main")
    screenshot("ux-c-review-benchmarks")
