"""Issue 9 (points 1, 2, 3, 11) through the browser: the correction form keeps the body text, error
pages are Chinese with a way back, a withdrawn entry says when and why, the approver's to-do list
and a leader's overview. Each page is saved under test-artifacts/screenshots/."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sanxiang.kernel import measures
from sanxiang.kernel.measures import LoopCheck, LoopItem
from sanxiang.publicity import services
from tests import factories
from tests.browser.test_publicity import _ensure_catalogue, _login, _logout
from tests.publicity.conftest import BODY, penalty_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _published(officer, approver, org, n):
    from sanxiang.publicity.models import Item

    entry = services.entry_create(
        actor=officer,
        item=Item.objects.get(code="penalty_decision"),
        authority=org.district_a,
        data=penalty_data(document_number=f"宝金税稽罚〔2026〕{n}号"),
        text=BODY,
    )
    services.entry_submit(actor=officer, entry=entry)
    return services.entry_approve(actor=approver, entry=entry)


@pytest.fixture
def people():
    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", username="ux_officer"
    )
    approver = factories.user(
        org.district_a, org.a_legal, roles=["publicity_approver"], scope="unit", username="ux_approver"
    )
    return org, officer, approver


def test_the_correction_form_keeps_the_body_and_confirms(live_server, page, screenshot, people):
    org, officer, approver = people
    entry = _published(officer, approver, org, 301)
    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:entry_correct", args=[entry.pk]))
    assert "经查，当事人法定代表人王小明" in page.input_value("#id_text")
    page.fill("#id_result", "罚款3000元")
    page.fill("#id_reason", "罚款金额有误")
    screenshot("ux-correction-form")
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".messages")
    assert "已生成更正版本（第2版）" in page.inner_text(".messages")
    screenshot("ux-correction-saved")
    page.goto(live_server.url + reverse("publicity:entry_correct", args=[entry.pk]))
    page.fill("#id_text", "")
    page.fill("#id_reason", "再次更正")
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".errorlist")
    assert "更正不能清空已公示的正文" in page.inner_text("#entry-form")
    screenshot("ux-correction-refused")


def test_error_pages_and_the_withdrawn_page(live_server, page, screenshot, people):
    org, officer, approver = people
    entry = _published(officer, approver, org, 302)
    response = page.goto(live_server.url + "/no-such-page/")
    assert response.status == 404 and "返回首页" in page.inner_text("main")
    screenshot("ux-error-404-portal")
    services.entry_withdraw(actor=approver, entry=entry, reason="原处罚决定已被依法撤销")
    response = page.goto(live_server.url + reverse("portal:entry_detail", kwargs={"key": entry.source_key}))
    assert response.status == 410
    today = timezone.localdate()
    assert f"本信息已于{today.year}年{today.month}月{today.day}日撤回" in page.inner_text("h1")
    assert "原处罚决定已被依法撤销" in page.inner_text("main")
    screenshot("ux-withdrawn-entry")
    _login(page, live_server, approver)
    page.goto(live_server.url + reverse("publicity:entry_detail", args=[entry.pk]))
    assert "查看公示页面" not in page.inner_text("main")
    screenshot("ux-withdrawn-staff-detail")
    response = page.goto(live_server.url + "/staff/publicity/entries/999999/")
    assert response.status == 404 and "返回工作台" in page.inner_text("main")
    screenshot("ux-error-404-staff")
    response = page.goto(live_server.url + "/staff/org/")
    assert response.status in (403, 404) and "返回工作台" in page.inner_text("main")
    liaison = factories.user(org.district_a, org.a_collection, roles=["liaison"], username="ux_liaison")
    page.goto(live_server.url + "/staff/")  # the error page has no user menu (rendered without a query)
    _logout(page, live_server)
    _login(page, live_server, liaison)
    response = page.goto(live_server.url + "/staff/publicity/")
    assert response.status == 403 and "没有访问权限" in page.inner_text("main")
    screenshot("ux-error-403-staff")


def test_the_approvers_todo_list_and_a_leaders_overview(live_server, page, screenshot, people, monkeypatch):
    org, officer, approver = people
    from sanxiang.publicity.models import Item

    item = Item.objects.get(code="penalty_decision")
    for n in range(12):
        entry = services.entry_create(
            actor=officer,
            item=item,
            authority=org.district_a,
            data=penalty_data(document_number=f"宝金税稽罚〔2026〕{400 + n}号"),
            text=BODY,
        )
        services.entry_submit(actor=officer, entry=entry)
    _login(page, live_server, approver)
    todos = page.inner_text("#todos-h").strip()
    assert "共 12 项" in todos and "待审核 12 项" in page.inner_text("main")
    screenshot("ux-home-approver-todos")
    page.click("text=更多（共 12 项）")
    page.wait_for_url(live_server.url + "/staff/todos/")
    screenshot("ux-todo-list")
    _logout(page, live_server)

    today = timezone.localdate()
    days = [(org.district_a, -40), (org.district_a, -2), (org.district_b, 3), (org.city, -5)]

    def find(day):
        for i, (authority, offset) in enumerate(days):
            due = today + datetime.timedelta(days=offset)
            if due < day:
                yield LoopItem(
                    key=str(i),
                    label=f"执法决定 {i} 超过公示时限未公示",
                    url="/staff/",
                    authority_id=authority.pk,
                    due=due,
                )

    check = LoopCheck(
        code="publicity.unpublished", system="publicity", label="决定未按时公示", description="", find=find
    )
    monkeypatch.setattr(measures, "_loop_checks", {check.code: check})
    leader = factories.user(
        org.city, org.city_office, roles=["leader"], scope="unit_and_below", username="ux_leader"
    )
    _login(page, live_server, leader)
    assert page.locator("#leader-overview").is_visible()
    screenshot("ux-home-leader")
    page.click(f"#leader-overview a[href='/staff/overview/publicity.unpublished/{org.district_a.pk}/?own=0']")
    assert "执法决定 0" in page.inner_text("main")
    screenshot("ux-leader-overview-items")
