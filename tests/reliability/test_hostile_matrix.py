"""Every hostile file posted to every import endpoint: a clear Chinese error, never a 500, and
nothing written. The outcome matrix is printed (``-s``) and written to test-artifacts/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.reliability import hostile

WATCHED_APPS = (
    "core",
    "publicity",
    "review",
    "supervision",
    "inspections",
    "files",
    "audit",
    "enforcement",
)
ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "hostile-matrix.json"
_matrix: dict[str, dict[str, str]] = {}


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in WATCHED_APPS
        for model in apps.get_app_config(app).get_models()
    }


def _text(response) -> str:
    body = response.content.decode("utf-8", "replace")
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(body.split())


@pytest.fixture
def users(org):
    from sanxiang.inspections import services as inspections
    from sanxiang.inspections.choices import DirectoryKind

    organiser = factories.user(
        org.city, org.city_office, roles=["inspection_organiser"], scope="unit_and_below"
    )
    inspections.directory_get_or_create(actor=organiser, authority=org.city, kind=DirectoryKind.ABNORMAL)
    return {
        "org": factories.user(
            org.district_a, org.a_collection, roles=["administrator"], scope="unit_and_below"
        ),
        "benchmark": factories.user(
            org.city, org.city_legal, roles=["legal_reviewer"], scope="unit_and_below"
        ),
        "publicity": factories.user(
            org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit"
        ),
        "supervision": factories.user(
            org.city, org.city_office, roles=["supervisor"], scope="unit_and_below"
        ),
        "inspections": organiser,
    }


def _post(endpoint: str, users, org, name: str, data: bytes, run_jobs):
    client = Client()
    client.force_login(users[endpoint])
    upload = SimpleUploadedFile(name, data)
    # Every endpoint hands the file to a background job: the page read is the job's.
    if endpoint == "org":
        # The dry run is a background job: the administrator reads its preview on the job's page.
        with run_jobs():
            response = client.post(reverse("org:import"), {"file": upload})
        return client.get(response["Location"]) if response.status_code == 302 else response
    if endpoint == "inspections":
        from sanxiang.inspections.models import Directory

        directory = Directory.objects.get(authority=org.city)  # made with the users, before the counts
        with run_jobs():
            response = client.post(
                reverse("inspections:directory_import", args=[directory.pk]), {"file": upload}
            )
        return client.get(response["Location"]) if response.status_code == 302 else response
    if endpoint == "benchmark":
        with run_jobs():
            response = client.post(reverse("review:benchmarks"), {"workbook": upload})
        return client.get(response["Location"]) if response.status_code == 302 else response
    if endpoint == "publicity":
        # A background job: the clerk reads the outcome on the job's page.
        with run_jobs():
            response = client.post(
                reverse("publicity:entry_import"),
                {"item": "penalty_decision", "authority": org.district_a.pk, "file": upload},
            )
        return client.get(response["Location"]) if response.status_code == 302 else response
    with run_jobs():
        response = client.post(reverse("supervision:plan_upload"), {"file": upload})
    return client.get(response["Location"], follow=True)


# What a background job keeps of a refused upload: its own row (not watched), the upload in the file
# store as the job's input, and the audit entries of both. No business data.
JOB_BOOKKEEPING = {"files.StoredFile", "audit.AuditEvent"}
JOB_ACTIONS = {
    "jobs.job.created",
    "jobs.job.started",
    "jobs.job.finished",
    "jobs.job.failed",
    "files.file.stored",
}


ENDPOINTS = {
    "org": (".xlsx",),
    "benchmark": (".xlsx",),
    "publicity": (".xlsx", ".csv"),
    "supervision": (".xlsx", ".docx"),
    "inspections": (".xlsx",),
}
CASES = [
    (endpoint, ext, case)
    for endpoint, exts in ENDPOINTS.items()
    for ext in exts
    for case in (hostile.CSV_CASES if ext == ".csv" else hostile.HOSTILE)
]
# What the page must say (besides naming the file) for each case.
REASON = {
    "zip_bomb": "压缩炸弹",
    "many_members": "成员",
    "billion_laughs": "实体",
    "external_entity": "实体",
    "truncated": "损坏",
    "wrong_type": "扩展名与内容不符",
    "zero_bytes": "为空",
    "huge_rows": "上限",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "ext", "case"), CASES)
def test_a_hostile_file_gets_a_clear_error_and_writes_nothing(endpoint, ext, case, users, org, run_jobs):
    from sanxiang.audit.models import AuditEvent

    name = f"{case}{ext}"
    before = _counts()
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = _post(endpoint, users, org, name, hostile.build(case, ext), run_jobs)
    text = _text(response)
    after = _counts()

    assert response.status_code in (200, 400), response.status_code
    # Every endpoint hands the upload to a background job: only the job's bookkeeping is new.
    for label in JOB_BOOKKEEPING:
        before.pop(label), after.pop(label)
    new_actions = set(AuditEvent.objects.filter(pk__gt=last_event).values_list("action", flat=True))
    assert new_actions <= JOB_ACTIONS, new_actions
    assert after == before, {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    if case == "zero_bytes":
        # Django's form refuses an empty upload before any reader sees it.
        assert "空文件" in text or "为空" in text
    elif case == "empty":
        assert any(word in text for word in ("没有", "缺少", "为空", "未找到", "表头")), text[:400]
    elif endpoint == "supervision" and case == "wrong_type":
        # The task-table importer takes PDF (converted by LibreOffice where installed) and Word or
        # Excel whatever the extension says: it reads the content and says what it found.
        assert name in text, text[:600]
        assert "另存为" in text or "未找到任务" in text, text[:600]
    else:
        assert name in text, text[:600]
        assert REASON[case] in text, text[:600]
    outcome = f"{response.status_code} 已拒绝"
    _matrix.setdefault(f"{case}{'' if ext != '.csv' else ' (csv)'}", {})[f"{endpoint}{ext}"] = outcome
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(_matrix, ensure_ascii=False, indent=1))
