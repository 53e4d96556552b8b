"""Issue 9 points 4 and 5 in Chromium: a 承诺件 registered by the officer is found by the citizen
on /progress/ with the number and code of its 受理回执; the case form's discretion assistant shows
the lawful range and asks for a reason when the proposed fine is outside it."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

from sanxiang.enforcement import services as enforcement
from sanxiang.enforcement import tickets
from sanxiang.kernel.demo import DEMO_PASSWORD
from sanxiang.org.models import User
from sanxiang.review.models import ReviewCase
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _login(page, base, username):
    page.goto(base + "/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/staff/")


def _act(kind, matter, started_on):
    officer = User.objects.get(username="jt_officer")
    taxpayer = enforcement.taxpayer_create(
        actor=officer,
        kind="organisation",
        name="宝鸡金台示范商贸有限公司",
        authority=officer.authority,
        department=officer.department,
    )
    return enforcement.act_create(
        actor=officer,
        kind=kind,
        matter=matter,
        taxpayer=taxpayer,
        authority=officer.authority,
        department=officer.department,
        started_on=started_on,
        officers=[(officer, "lead")],
    )


def test_a_citizen_follows_a_promised_matter_with_the_receipts_number_and_code(live_server, page, screenshot):
    call_command("load_demo", only=["org"], stdout=io.StringIO())
    received = timezone.localdate() - datetime.timedelta(days=3)
    act = _act("licensing", "增值税专用发票最高开票限额审批", received)
    ticket = act.matter_ticket
    code = tickets.matter_ticket_code(ticket)
    base = live_server.url

    # The officer sees the ticket on the act page and can download the receipt.
    _login(page, base, "jt_officer")
    page.goto(f"{base}/staff/enforcement/acts/{act.pk}/")
    card = page.locator("section[aria-labelledby=ticket-h]")
    assert ticket.matter_number in card.inner_text()
    screenshot("enforcement-act-ticket")
    with page.expect_download() as download:
        page.click("text=下载受理回执（PDF）")
    assert download.value.suggested_filename == f"receipt-{ticket.matter_number}.pdf"

    # The receipt as printed (the same HTML WeasyPrint turns into the PDF).
    receipt = tickets.matter_ticket_receipt(actor=User.objects.get(username="jt_officer"), act=act)
    page.goto("about:blank")  # outside the staff site's CSP, which would refuse the inline print style
    page.set_content(render_to_string("enforcement/receipt_print.html", {"receipt": receipt}))
    assert code in page.inner_text("body")
    screenshot("enforcement-receipt")

    # A citizen with a wrong code learns nothing; with the right one sees stages and the time limit.
    citizen = page.context.browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
    citizen.goto(f"{base}/progress/")
    citizen.fill("#id_matter_number", ticket.matter_number)
    citizen.fill("#id_code", "AAAAAAAA")
    citizen.click("button[type=submit]")
    assert "未找到与该事项编号和查询码相符的事项" in citizen.inner_text("main")
    citizen.fill("#id_matter_number", ticket.matter_number)
    citizen.fill("#id_code", code.lower())
    citizen.click("button[type=submit]")
    text = citizen.inner_text("main")
    assert "当前阶段：已受理" in text and "在办理期限内" in text and "20工作日" in text
    assert f"{ticket.due_on.year}年{ticket.due_on.month}月{ticket.due_on.day}日" in text
    assert "宝鸡金台示范商贸有限公司" not in text and "最高开票限额" not in text
    citizen.screenshot(path=str(SCREENSHOTS / "portal-progress.png"), full_page=True)
    citizen.close()


def test_the_case_form_shows_the_lawful_range_live_and_asks_for_a_reason(live_server, page, screenshot):
    call_command("load_demo", only=["org"], stdout=io.StringIO())
    act = _act("penalty", "未按照规定设置、保管账簿", datetime.date(2026, 9, 1))
    base = live_server.url
    _login(page, base, "jt_officer")
    page.goto(f"{base}/staff/review/cases/new/?act={act.pk}")
    page.fill("#id_title", "宝鸡金台示范商贸有限公司未按规定保管账簿案")
    page.fill("#id_facts", "2025年度未按照规定保管记账凭证")
    page.fill("#violation-search", "账簿")
    options = page.locator("#id_violation_code option:not([hidden])")
    assert options.count() <= 3
    page.select_option("#id_violation_code", label=options.nth(1).inner_text())
    page.fill("#id_violation_date", "2026-08-15")
    page.fill("#id_penalty_amount", "18143")
    page.locator("#id_penalty_amount").dispatch_event("change")
    assistant = page.locator("#assistant")
    assistant.locator("#within-range", has_text="超出幅度").wait_for()
    assert "法定幅度" in assistant.inner_text() and "0 ～ 10000" in assistant.inner_text()
    assert "登记前必须写明理由" in assistant.inner_text()
    # The benchmark's questions are form fields: answering them narrows the range.
    page.check("#id_fact_first_time_2")
    page.locator("#id_fact_first_time_2").dispatch_event("change")
    # 首次发生 = 否 is now an answer, no longer a missing fact of the exemption check
    assistant.locator("li", has_text="不满足“首次发生").wait_for()
    screenshot("review-case-assistant")
    page.click("button.btn[type=submit]")
    assert "拟罚款超出裁量幅度，请填写理由。" in page.inner_text("main")
    page.fill("#id_penalty_reason", "当事人拒不改正，经集体讨论从重处罚")
    page.click("button.btn[type=submit]")
    page.wait_for_url(f"{base}/staff/review/cases/*/")
    case = ReviewCase.objects.get()
    assert case.violation_code == "征管法§60(2)" and case.penalty_reason.startswith("当事人拒不改正")
    screenshot("review-case-detail-discretion")
