"""Draft an entry, approve it as another user, find it on the portal search page."""

import pytest
from django.urls import reverse

from tests import factories


def _login(page, live_server, user):
    page.goto(live_server.url + "/staff/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", factories.PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/staff/")


def _logout(page, live_server):
    page.click("header form button[type=submit]")
    page.wait_for_url(live_server.url + "/")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_drafts_approves_and_finds_an_entry_on_the_portal(live_server, page, screenshot):
    org = factories.build_org()
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", username="drafter"
    )
    approver = factories.user(
        org.district_a, org.a_legal, roles=["publicity_approver"], scope="unit", username="approver"
    )

    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:entry_create", kwargs={"code": "penalty_decision"}))
    page.fill("#id_party_name", "宝鸡市金台区浏览器测试商贸有限公司")
    page.fill("#id_uscc", "91610303MA6X0A0A0G")
    page.fill("#id_legal_representative", "王小明")
    page.fill("#id_document_number", "宝金税稽罚〔2026〕88号")
    page.fill("#id_event_date", "2026-02-10")
    page.fill("#id_facts", "少缴增值税五万元。")
    page.fill("#id_text", "经查，法定代表人王小明（电话13812345678）少缴增值税，咨询电话12366。")
    screenshot("publicity-draft-form")
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector("#masked-text")
    assert "13812345678" not in page.inner_text("#masked-text")
    page.click("text=提交审核")
    page.wait_for_selector("#entry-status")
    assert page.inner_text("#entry-status") == "待审核"
    entry_url = page.url
    _logout(page, live_server)

    _login(page, live_server, approver)
    page.goto(entry_url)
    assert page.locator("mark.mask").count() >= 1
    screenshot("publicity-approval-preview")
    page.click("button[name=approve]")
    page.wait_for_selector("#entry-status")
    assert page.inner_text("#entry-status") == "已公示"
    _logout(page, live_server)

    page.goto(live_server.url + reverse("portal:search") + "?q=浏览器测试")
    assert "宝鸡市金台区浏览器测试商贸有限公司" in page.content()
    assert "13812345678" not in page.content()
    screenshot("publicity-portal-search")
