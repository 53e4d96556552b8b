"""Browser: a citizen searches the portal with a two-character query and opens a detail page."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text
from tests import factories
from tests.portal.conftest import publish


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_searches_with_two_characters_and_opens_the_detail(page, screenshot, live_server):
    org = factories.build_org()
    raw = "当事人王建国，身份证号码610302199003071230，未按期申报个人所得税，处罚款500元。"
    publish(
        org.district_a,
        source_key="browser-1",
        title="王**行政处罚决定书",
        party_name="王**",
        text=mask_text(raw, known_names=["王建国"]).text,
        category_label="行政处罚决定",
    )
    publish(
        org.district_b,
        source_key="browser-2",
        title="宝鸡某商贸有限公司准予行政许可决定书",
        text="准予许可。",
        fields=[],
    )

    page.goto(f"{live_server.url}/")
    assert page.locator("h1").first.inner_text() == "税务行政执法信息公示"
    screenshot("portal-home")
    page.fill("#home-q", "罚款")
    page.click(".hero button[type=submit]")
    page.wait_for_url("**/search/?q=*")
    results = page.locator("ol.results li.result")
    assert results.count() == 1
    assert "王**行政处罚决定书" in results.first.inner_text()
    screenshot("portal-search-two-characters")

    page.click("text=王**行政处罚决定书")
    page.wait_for_url("**/entries/browser-1/")
    body = page.locator("article.entry").inner_text()
    assert "罚款500元" in body and "610302199003071230" not in body and "王建国" not in body
    screenshot("portal-entry-detail")

    page.goto(f"{live_server.url}/search/")
    page.fill("#id_q", "建国")
    page.click(".search-row button")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("ol.results li.result").count() == 0
