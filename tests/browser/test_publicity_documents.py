"""Upload three real decision documents at once, look at a draft's source marks, approve it."""

import pytest
from django.urls import reverse

from tests import factories
from tests.shared import REAL_DECISIONS

from .test_publicity import _ensure_catalogue, _login, _logout

ATTACHMENTS = REAL_DECISIONS / "attachments"
THREE = ("5fa3c64462e529c1942f.doc", "b015b1152c99f461b89e.pdf", "ae008038812b2e8bf38c.pdf")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_uploads_three_documents_and_approves_one(live_server, page, screenshot, immediate_jobs):
    _ensure_catalogue()
    org = factories.build_org()
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", username="docs_drafter"
    )
    approver = factories.user(
        org.district_a, org.a_legal, roles=["publicity_approver"], scope="unit", username="docs_approver"
    )

    _login(page, live_server, officer)
    page.goto(live_server.url + reverse("publicity:entry_import"))
    page.set_input_files("#document-import input[type=file]", [str(ATTACHMENTS / n) for n in THREE])
    screenshot("publicity-documents-upload")
    page.click("#document-import button[type=submit]")
    page.wait_for_selector("#document-report")
    report = page.inner_text("#document-report")
    assert "共 3 份文书，生成草稿 2 条，无法导入 1 份。" in report
    assert "ae008038812b2e8bf38c.pdf" in report and "扫描" in report
    assert "税务行政处罚决定书" in report and "税务处理决定书" in report
    screenshot("publicity-documents-report")

    page.click("#document-report a >> nth=0")
    page.wait_for_selector("#document-source")
    assert page.locator("#source-text mark.field-document_number").inner_text() == "南市税三稽罚〔2026〕9号"
    assert (
        page.locator("#source-text mark.field-party_name").first.inner_text()
        == "广西松柏建筑装饰设计有限公司"
    )
    assert "91450108MA5P1DL467" in page.inner_text("#masked-text")
    screenshot("publicity-documents-draft")
    page.click("text=提交审核")
    page.wait_for_selector("#entry-status")
    assert page.inner_text("#entry-status") == "待审核"
    entry_url = page.url
    _logout(page, live_server)

    _login(page, live_server, approver)
    page.goto(entry_url)
    page.wait_for_selector("#document-source")
    screenshot("publicity-documents-approval")
    page.click("button[name=approve]")
    page.wait_for_selector("#entry-status")
    assert page.inner_text("#entry-status") == "已公示"
    screenshot("publicity-documents-approved")
