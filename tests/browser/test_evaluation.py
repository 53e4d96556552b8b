"""A leader in Chromium: the home page's evaluation summary, the unit's evaluation, drill-down to an
overdue act behind a figure, and the Excel export."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from sanxiang.evaluation.services import library_install_default, loop_findings_refresh
from sanxiang.kernel.demo import DEMO_PASSWORD
from sanxiang.org.models import Authority, User
from tests.enforcement import factories as ef

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_leader_follows_a_figure_down_to_the_overdue_act(live_server, page, screenshot):
    call_command("load_demo", only=["org"], stdout=io.StringIO())
    library_install_default()
    jintai = (
        Authority.objects.get(code="16103020000")
        if Authority.objects.filter(code="16103020000").exists()
        else None
    )
    jintai = jintai or User.objects.get(username="jt_officer").authority
    officer = User.objects.get(username="jt_officer")
    act = ef.act(
        ef.taxpayer(jintai, name="宝鸡金台逾期公示商贸有限公司"),
        department=officer.department,
        created_by=officer,
    )
    today = timezone.localdate()
    ef.decision(act, decided_on=today - datetime.timedelta(days=40))  # never published: 应公示未公示
    loop_findings_refresh(now=timezone.now())
    base = live_server.url

    page.goto(base + "/staff/login/")
    page.fill("#id_username", "city_leader")
    page.fill("#id_password", DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/staff/")
    panel = page.locator("#evaluation-panel")
    assert panel.is_visible()
    assert "决定未按时公示 1" in panel.inner_text()
    screenshot("evaluation-01-leader-home")

    panel.locator("h2 a").click()
    page.wait_for_selector("#indicators")
    assert "数据来源未启用" in page.inner_text("#indicators") or "GS-03" in page.inner_text("#indicators")
    screenshot("evaluation-02-unit")

    # Drill down to the district, then behind 应公示未公示 to the act itself.
    page.click(f"#children a:has-text('{jintai.display_name}')")
    page.wait_for_selector("#indicators")
    period = f"{today:%Y-%m}"
    due_month_link = page.locator("#indicators a[href*='/indicators/GS-03/']")
    assert due_month_link.count() == 1
    page.goto(base + f"/staff/evaluation/units/{jintai.pk}/indicators/GS-03/?period={period}")
    rows = page.locator("#drill-rows tbody tr")
    if rows.count() == 0:  # the limit fell last month
        last = (today.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
        page.goto(base + f"/staff/evaluation/units/{jintai.pk}/indicators/GS-03/?period={last}")
    screenshot("evaluation-03-drill")
    page.click("#drill-rows tbody tr a")
    page.wait_for_url(f"**/staff/enforcement/acts/{act.pk}/")
    assert "宝鸡金台逾期公示商贸有限公司" in page.content()
    screenshot("evaluation-04-act")

    page.goto(base + f"/staff/evaluation/units/{jintai.pk}/")
    with page.expect_download() as download:
        page.click("#export-xlsx")
    assert download.value.suggested_filename.endswith(".xlsx")

    page.goto(base + "/staff/evaluation/loops/")
    assert "超过公示时限未公示" in page.inner_text("#loop-findings")
    screenshot("evaluation-05-loops")
