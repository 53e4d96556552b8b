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


def test_it_imports_through_the_page_and_shows_the_report(officer, org, run_jobs):
    from .test_imports import GOOD, _book

    bad = list(GOOD)
    bad[1] = "91610303MA6X0A0A0A"
    client = _client(officer)
    with run_jobs():
        response = client.post(
            "/staff/publicity/import/",
            {"item": "penalty_decision", "authority": org.district_a.pk, "file": _file(_book([bad]))},
        )
    page = client.get(response["Location"]).content.decode()
    assert "校验位错误" in page and "未导入任何数据" in page
    assert not Entry.objects.exists()


def approver_elsewhere(org):
    from tests import factories

    return factories.user(org.district_b, org.b_legal, roles=["publicity_approver"], scope="unit")


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


def test_it_tells_the_drafter_a_submitted_entry_awaits_approval_and_lets_them_recall_it(officer, entry):
    client = _client(officer)
    page = client.post(f"/staff/publicity/entries/{entry.pk}/submit/", follow=True).content.decode()
    assert (
        "“行政处罚决定·宝金税稽罚〔2026〕1号”已提交审核" in page or "宝金税稽罚〔2026〕1号”已提交审核" in page
    )
    assert 'id="awaiting-approval"' in page
    assert f'action="/staff/publicity/entries/{entry.pk}/recall/"' in page
    page = client.post(f"/staff/publicity/entries/{entry.pk}/recall/", follow=True).content.decode()
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT
    assert "已撤回提交，回到草稿" in page
    assert f'action="/staff/publicity/entries/{entry.pk}/submit/"' in page
    assert list(entry.transitions.values_list("action", flat=True)) == ["submit", "recall"]


def test_only_a_drafter_may_recall_a_submission(officer, approver, entry):
    from sanxiang.kernel.exceptions import DomainError

    services.entry_submit(actor=officer, entry=entry)
    with pytest.raises(DomainError):
        services.entry_recall(actor=approver, entry=entry)
    services.entry_recall(actor=officer, entry=entry)
    with pytest.raises(DomainError):
        services.entry_recall(actor=officer, entry=entry)  # a draft has nothing to recall


def test_the_overdue_list_pages_filters_and_exports(officer, org, penalty_item, monkeypatch, run_jobs):
    from sanxiang.publicity import views
    from sanxiang.publicity.models import Item

    monkeypatch.setattr(views, "OVERDUE_PAGE_SIZE", 2)
    for n in (1, 2, 3):
        services.entry_create(
            actor=officer,
            item=penalty_item,
            authority=org.district_a,
            data=penalty_data(document_number=f"宝金税稽罚〔2026〕{n}号"),
            text=BODY,
            today=TODAY,
        )
    client = _client(officer)
    first = client.get("/staff/publicity/overdue/").content.decode()
    assert '<span class="badge bad" id="overdue-count">3</span>' in first
    assert first.count("宝金税稽罚〔2026〕") == 2 and "page=2" in first
    assert '<option value="" selected>全部机关</option>' in first
    second = client.get("/staff/publicity/overdue/", {"page": 2}).content.decode()
    assert second.count("宝金税稽罚〔2026〕") == 1
    other = Item.objects.filter(is_active=True).exclude(pk=penalty_item.pk).first()
    none = client.get("/staff/publicity/overdue/", {"item": other.code}).content.decode()
    assert '<span class="badge bad" id="overdue-count">0</span>' in none
    mine = client.get("/staff/publicity/overdue/", {"authority": org.district_a.pk}).content.decode()
    assert '<span class="badge bad" id="overdue-count">3</span>' in mine
    assert f'<input type="hidden" name="authority" value="{org.district_a.pk}">' in mine
    with run_jobs():  # the export is a background job; its page offers the file
        job_page = client.post("/staff/publicity/overdue/export/", {"authority": org.district_a.pk})
    done = client.get(job_page["Location"]).content.decode()
    assert "已导出 3 条。" in done and 'id="job-download"' in done
    export = client.get(job_page["Location"] + "download/")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert _client(approver_elsewhere(org)).get(job_page["Location"] + "download/").status_code == 404
    rows = list(load_workbook(io.BytesIO(b"".join(export.streaming_content))).active.values)
    assert rows[0][:3] == ("应公示日期", "超期天数", "公示事项")
    assert sorted(r[4] for r in rows[1:]) == [f"宝金税稽罚〔2026〕{n}号" for n in (1, 2, 3)]
