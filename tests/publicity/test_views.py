"""Staff views: each page for its users, refusals for other districts, roles and anonymous visitors."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from sanxiang.publicity import services
from sanxiang.publicity.models import Entry, EntryStatus

from .conftest import BODY, TODAY, penalty_data


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def entry(officer, org, penalty_item):
    return services.entry_create(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        data=penalty_data(),
        text=BODY,
        today=TODAY,
    )


@pytest.mark.parametrize(
    "url",
    [
        "/staff/publicity/",
        "/staff/publicity/catalogue/",
        "/staff/publicity/overdue/",
        "/staff/publicity/statistics/",
        "/staff/publicity/import/",
        "/staff/publicity/new/penalty_decision/",
        "/staff/publicity/items/penalty_decision/template.xlsx",
    ],
)
def test_it_serves_staff_pages_and_redirects_anonymous_visitors(officer, url):
    assert _client(officer).get(url).status_code == 200
    response = Client().get(url)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_it_drafts_through_the_form(officer, org):
    data = {**penalty_data(), "authority": org.district_a.pk, "text": BODY}
    response = _client(officer).post("/staff/publicity/new/penalty_decision/", data)
    entry = Entry.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/publicity/entries/{entry.pk}/"


def test_it_shows_form_errors_on_the_fields(officer, org):
    data = {**penalty_data(uscc="123"), "authority": org.district_a.pk}
    response = _client(officer).post("/staff/publicity/new/penalty_decision/", data)
    assert response.status_code == 200 and "统一社会信用代码格式不正确" in response.content.decode()
    assert not Entry.objects.exists()


def test_it_shows_the_masked_preview_with_highlighted_masks(officer, entry):
    page = _client(officer).get(f"/staff/publicity/entries/{entry.pk}/").content.decode()
    assert '<mark class="mask"' in page
    assert "13812345678" not in page.split('id="masked-text"')[1].split("</div>")[0]


def test_it_hides_an_entry_from_another_district(sibling_bureau_officer, entry):
    assert _client(sibling_bureau_officer).get(f"/staff/publicity/entries/{entry.pk}/").status_code == 404
    assert (
        _client(sibling_bureau_officer).post(f"/staff/publicity/entries/{entry.pk}/submit/").status_code
        == 404
    )


def test_it_runs_the_workflow_through_the_pages(officer, approver, entry):
    assert _client(officer).post(f"/staff/publicity/entries/{entry.pk}/submit/").status_code == 302
    approver_client = _client(approver)
    approver_client.post(f"/staff/publicity/entries/{entry.pk}/mask/", {"phrase": "少缴增值税"})
    approver_client.post(f"/staff/publicity/entries/{entry.pk}/approve/", {"comment": "同意"})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.PUBLISHED
    assert "少缴增值税" not in entry.versions.get().masked_text


def test_it_refuses_approval_by_the_author_on_the_page(officer, entry):
    client = _client(officer)
    client.post(f"/staff/publicity/entries/{entry.pk}/submit/")
    response = client.post(f"/staff/publicity/entries/{entry.pk}/approve/", follow=True)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.SUBMITTED
    assert "您没有审批该事项公示信息的权限" in response.content.decode()


def test_it_refuses_users_without_a_publicity_role(org):
    from tests import factories

    stranger = factories.user(org.district_a, org.a_collection, roles=["liaison"], scope="unit")
    assert _client(stranger).get("/staff/publicity/").status_code == 403


def test_it_imports_through_the_page_and_shows_the_report(officer, org):
    from .test_imports import GOOD, _book

    bad = list(GOOD)
    bad[1] = "91610303MA6X0A0A0A"
    response = _client(officer).post(
        "/staff/publicity/import/",
        {"item": "penalty_decision", "authority": org.district_a.pk, "file": _file(_book([bad]))},
    )
    page = response.content.decode()
    assert "校验位错误" in page and "未导入任何数据" in page
    assert not Entry.objects.exists()


def _file(buffer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("t.xlsx", buffer.getvalue())


def test_it_exports_the_annual_statistics(officer, approver, entry):
    services.entry_submit(actor=officer, entry=entry)
    services.entry_approve(actor=approver, entry=entry)
    year = entry.published_at.year
    response = _client(officer).get(f"/staff/publicity/statistics/?year={year}&format=xlsx")
    wb = load_workbook(io.BytesIO(response.content))
    rows = list(wb.active.values)
    assert rows[0] == ("单位", "行政处罚决定", "合计")
    assert rows[1] == (entry.authority.name, 1, 1)
    page = _client(officer).get(f"/staff/publicity/statistics/?year={year}").content.decode()
    assert "行政处罚决定" in page
    other = _client(approver).get(f"/staff/publicity/statistics/?year={year - 1}&format=xlsx")
    assert list(load_workbook(io.BytesIO(other.content)).active.values)[1] == ("合计", 0)
