"""One penalty case in Chromium: submission, return for supplementary investigation, resubmission,
approval and the leader's decision — each by the demo user whose job it is."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from sanxiang.enforcement import services as enforcement
from sanxiang.kernel.demo import DEMO_PASSWORD
from sanxiang.org.models import User
from sanxiang.review.models import ReviewCase

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _login(page, base, username):
    page.goto(base + "/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/staff/")


def _logout(page):
    page.click("header form button[type=submit]")


def test_it_carries_a_penalty_case_from_submission_to_the_leaders_decision(live_server, page, screenshot):
    call_command("load_demo", only=["org"], stdout=io.StringIO())
    officer = User.objects.get(username="jt_officer")
    taxpayer = enforcement.taxpayer_create(
        actor=officer,
        kind="organisation",
        name="宝鸡金台示范商贸有限公司",
        authority=officer.authority,
        department=officer.department,
    )
    act = enforcement.act_create(
        actor=officer,
        kind="penalty",
        matter="少缴增值税",
        taxpayer=taxpayer,
        authority=officer.authority,
        department=officer.department,
        started_on=datetime.date(2026, 9, 1),
        officers=[(officer, "lead")],
    )
    base = live_server.url

    # The officer registers the proposed penalty: detection says it must be reviewed.
    _login(page, base, "jt_officer")
    page.goto(f"{base}/staff/review/cases/new/?act={act.pk}")
    page.fill("#id_title", "宝鸡金台示范商贸有限公司少缴增值税案")
    page.fill("#id_facts", "2025年度少缴增值税30000元")
    page.fill("#id_penalty_amount", "15000")
    page.fill("#id_case_file", "调查终结报告；询问笔录；账簿复印件")
    page.click("form.stacked button[type=submit]")
    page.wait_for_selector("#needs-review")
    assert "须审核" in page.inner_text("#needs-review")
    case = ReviewCase.objects.get()
    page.click("#submit-form button")
    page.wait_for_selector("#case-status:has-text('已送审待分配')")
    screenshot("review-1-submitted")
    _logout(page)

    # The legal reviewer takes it and returns it for supplementary investigation.
    _login(page, base, "jt_legal")
    page.goto(f"{base}/staff/review/cases/{case.pk}/")
    page.select_option("#id_reviewer", label="何守法")
    page.click("#assign-form button")
    page.wait_for_selector("#opinion-form")
    page.select_option("#id_opinion", "return_for_investigation")
    page.fill("#id_reasons", "少缴税款计算依据不足，请补充账簿与申报记录")
    page.locator("#opinion-form select").nth(3).select_option("problem")
    page.click("#opinion-form button[type=submit]")
    page.wait_for_selector("#case-status:has-text('退回补充调查')")
    screenshot("review-2-returned")
    _logout(page)

    # The leader cannot decide meanwhile (the service refuses; no decide form is offered either).
    case.refresh_from_db()
    assert case.status == "returned_for_investigation" and case.pauses.get().ended_on is None

    # The officer resubmits; history is kept.
    _login(page, base, "jt_officer")
    page.goto(f"{base}/staff/review/cases/{case.pk}/")
    page.fill("#submit-form textarea", "已补充账簿与申报记录")
    page.click("#submit-form button")
    page.wait_for_selector("#case-status:has-text('已送审待分配')")
    _logout(page)

    # The reviewer approves on the second round.
    _login(page, base, "jt_legal")
    page.goto(f"{base}/staff/review/cases/{case.pk}/")
    page.select_option("#id_reviewer", label="何守法")
    page.click("#assign-form button")
    page.wait_for_selector("#opinion-form")
    page.select_option("#id_opinion", "approve")
    page.fill("#id_reasons", "事实清楚，证据确实充分，适用依据正确，程序合法")
    page.click("#opinion-form button[type=submit]")
    page.wait_for_selector("#case-status:has-text('审核通过待决定')")
    screenshot("review-3-approved")
    _logout(page)

    # The leader decides.
    _login(page, base, "jt_leader")
    page.goto(f"{base}/staff/review/cases/{case.pk}/")
    page.fill("#decide-form textarea", "同意")
    page.click("#decide-form button")
    page.wait_for_selector("#case-status:has-text('已决定')")
    history = page.inner_text("#history")
    assert history.count("已送审待分配") >= 2 and "退回补充调查" in history
    screenshot("review-4-decided")
    case.refresh_from_db()
    assert case.status == "decided" and case.round == 2 and case.penalty_amount == Decimal("15000")
    assert [o.opinion for o in case.opinions.all()] == ["return_for_investigation", "approve"]
