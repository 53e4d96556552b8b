"""Browser: the organiser commits and runs a draw; a citizen recomputes it on the portal."""

from __future__ import annotations

import pytest

from sanxiang.inspections.models import Draw, InspectionTask
from tests.inspections import conftest as inspections_conftest

from .test_supervision import log_in

world = inspections_conftest.world  # the random-inspection fixture, shared with tests/inspections


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_draw_run_by_staff_is_verified_by_a_citizen(page, screenshot, live_server, world):
    log_in(page, live_server, world.organiser)
    page.goto(f"{live_server.url}/staff/inspections/")
    page.wait_for_selector("text=年度抽查计划")
    screenshot("inspections-1-index")
    page.get_by_role("link", name=world.plan.title).click()
    page.wait_for_selector("text=抽查比例完成情况")
    screenshot("inspections-2-plan")
    page.reload()
    page.fill("#id_title", "重点税源企业定向抽取")
    page.select_option("#id_mode", "directed")
    page.check("input[name=target_class][value=key_municipal]")
    page.fill("#id_count", "2")
    # No full-page screenshot between filling and clicking: Chromium drops the next click after one.
    page.get_by_role("button", name="承诺抽取条件").click()
    page.wait_for_selector("text=秘密值哈希")
    draw = Draw.objects.get(title="重点税源企业定向抽取")
    assert draw.status == "committed"
    screenshot("inspections-3-committed")
    page.get_by_role("button", name="追加随机信标").click()
    page.get_by_role("button", name="抽取", exact=True).click()
    page.wait_for_selector("text=抽取结果")
    draw.refresh_from_db()
    assert draw.status == "drawn" and len(draw.result) == 2
    screenshot("inspections-4-drawn")
    task = InspectionTask.objects.filter(draw=draw).order_by("position").first()
    page.goto(f"{live_server.url}/staff/inspections/tasks/{task.pk}/")
    page.wait_for_selector("text=选派检查人员")
    screenshot("inspections-5-task")
    page.goto(f"{live_server.url}/staff/inspections/directories/{world.classified.pk}/")
    page.wait_for_selector("text=从 Excel 导入")
    screenshot("inspections-6-directory")

    page.context.clear_cookies()  # a citizen from here on
    page.goto(f"{live_server.url}/random-inspections/")
    page.get_by_role("link", name="重点税源企业定向抽取").click()
    page.wait_for_selector("text=抽取前承诺的条件")
    for name in draw.snapshot.rows and [r["name"] for r in draw.snapshot.rows if r["key"] in draw.result]:
        assert page.locator(f"text={name}").count() >= 1
    screenshot("inspections-7-public-draw")
    page.get_by_role("button", name="重新计算并核验").click()
    page.wait_for_selector("text=抽取名单与公布的名单完全一致")
    assert page.locator("#verification strong", has_text="未通过").count() == 0
    screenshot("inspections-8-public-verified")
    rows = page.request.get(
        f"{live_server.url}/random-inspections/snapshots/{draw.snapshot.snapshot_hash}.json"
    ).json()
    assert len(rows) == draw.snapshot.row_count
