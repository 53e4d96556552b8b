"""The document upload page and API: several files at once, each a draft or a named error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sanxiang.publicity.models import Entry
from tests import factories
from tests.shared import REAL_DECISIONS

from .access_matrix import cases

ATTACHMENTS = REAL_DECISIONS / "attachments"
THREE = ("5fa3c64462e529c1942f.doc", "7b446ef1ecff49132d35.docx", "ae008038812b2e8bf38c.pdf")


def _files(*names):
    return [SimpleUploadedFile(name, (ATTACHMENTS / name).read_bytes()) for name in names]


def test_the_import_page_drafts_several_documents_and_lists_the_unreadable_one(officer, org, run_jobs):
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("publicity:entry_import"))
    assert "上传决定书等文书" in page.content.decode()
    with run_jobs():
        response = client.post(
            reverse("publicity:document_import"),
            {"authority": org.district_a.pk, "files": _files(*THREE)},
        )
    assert response.status_code == 302 and response["Location"].startswith("/staff/jobs/")
    html = client.get(response["Location"]).content.decode()
    assert "已完成" in html and "识别文书并起草公示信息" in html
    assert "共 3 份文书，生成草稿 2 条，无法导入 1 份。" in html
    assert "ae008038812b2e8bf38c.pdf" in html and "扫描" in html
    assert Entry.objects.count() == 2
    entry = Entry.objects.get(document_number="南市税三稽罚〔2026〕9号")
    detail = client.get(reverse("publicity:entry_detail", args=[entry.pk])).content.decode()
    assert "来源文书识别结果" in detail
    assert 'class="field field-document_number"' in detail and "南市税三稽罚〔2026〕9号</mark>" in detail


def test_the_api_drafts_documents_and_reports_each_file(officer, org):
    client = Client()
    client.force_login(officer)
    response = client.post(
        "/api/v1/publicity/documents/", {"files": _files(*THREE), "authority_code": org.district_a.code}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["created"]) == 2
    errors = [r for r in body["results"] if r["error"]]
    assert [r["file"] for r in errors] == ["ae008038812b2e8bf38c.pdf"]
    kinds = {r["file"]: (r["document_type"], r["item_label"]) for r in body["results"] if not r["error"]}
    assert kinds["7b446ef1ecff49132d35.docx"] == ("税务行政处罚决定书", "行政处罚决定")


def test_a_user_without_a_drafting_role_is_refused(org):
    archivist = factories.user(org.district_a, org.a_collection, roles=["archivist"], scope="unit")
    client = Client()
    client.force_login(archivist)
    assert client.get(reverse("publicity:document_import")).status_code == 403
    response = client.post(
        "/api/v1/publicity/documents/", {"files": _files(THREE[0]), "authority_code": org.district_a.code}
    )
    assert response.status_code in (200, 403)
    assert Entry.objects.count() == 0


@pytest.mark.django_db
def test_the_access_matrix_holds():
    from tests.matrix import assert_cases, org_demo

    assert_cases(cases, org_demo())


def test_too_many_documents_are_refused_on_the_form_before_any_job(officer, org, monkeypatch):
    from sanxiang.jobs.models import Job
    from sanxiang.publicity import documents

    monkeypatch.setattr(documents, "MAX_FILES", 2)
    client = Client()
    client.force_login(officer)
    response = client.post(
        reverse("publicity:document_import"), {"authority": org.district_a.pk, "files": _files(*THREE)}
    )
    assert response.status_code == 200 and "一次最多上传 2 份文书。" in response.content.decode()
    assert not Job.objects.exists() and not Entry.objects.exists()
