"""API: plans and tasks (scoped) and the progress-report action endpoint; denied cases."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from sanxiang.supervision import services
from sanxiang.supervision.models import ProgressReport, Task

from .conftest import TODAY


@pytest.fixture
def plan(sup, small_table):
    plan = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city).plan
    return services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_it_lists_plans_and_tasks_in_scope(sup, plan):
    data = api(sup.supervisor).get("/api/v1/supervision/plans/").json()
    assert [p["title"] for p in data["results"]] == [plan.title]
    detail = api(sup.supervisor).get(f"/api/v1/supervision/plans/{plan.pk}/").json()
    assert len(detail["tasks"]) == 3
    assert detail["tasks"][0]["milestones"][0]["due"] == "2019-09-30"
    tasks = api(sup.lead_member).get("/api/v1/supervision/tasks/").json()["results"]
    assert {t["seq"] for t in tasks} == {"1", "2"}  # 法制科 owns tasks 1 and 2


def test_it_creates_a_progress_report_with_evidence(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    response = api(sup.office_liaison).post(
        f"/api/v1/supervision/tasks/{task.pk}/progress-reports/",
        {"text": "已完成公示", "percent": 80, "evidence": [SimpleUploadedFile("证明.pdf", b"%PDF")]},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert response.json()["evidence"][0]["name"] == "证明.pdf"
    bad = api(sup.office_liaison).post(
        f"/api/v1/supervision/tasks/{task.pk}/progress-reports/", {"text": "x", "percent": 120}, format="json"
    )
    assert bad.status_code == 400 and bad.json()["code"] == "invalid"


def test_it_refuses_a_report_from_a_department_with_a_visible_but_foreign_task(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    response = api(sup.supervisor).post(
        f"/api/v1/supervision/tasks/{task.pk}/progress-reports/",
        {"text": "督办员代报", "percent": 10},
        format="json",
    )
    assert response.status_code == 201  # a supervisor of the authority may report
    other = Task.objects.get(plan=plan, seq="2")  # 办公室 (the leader's department) has no part in it
    response = api(sup.leader).post(
        f"/api/v1/supervision/tasks/{other.pk}/progress-reports/", {"text": "x", "percent": 10}, format="json"
    )
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


def test_it_answers_404_to_another_district(sup, plan):
    task = Task.objects.get(plan=plan, seq="1")
    client = api(sup.district_b_supervisor)
    assert client.get(f"/api/v1/supervision/plans/{plan.pk}/").status_code == 404
    assert client.get(f"/api/v1/supervision/tasks/{task.pk}/").status_code == 404
    assert client.get("/api/v1/supervision/tasks/").json()["results"] == []
    response = client.post(
        f"/api/v1/supervision/tasks/{task.pk}/progress-reports/", {"text": "x", "percent": 10}, format="json"
    )
    assert response.status_code == 404
    assert ProgressReport.objects.count() == 0


def test_it_refuses_anonymous_callers(plan):
    assert api().get("/api/v1/supervision/plans/").status_code in (401, 403)
    assert api().get("/api/v1/supervision/tasks/").status_code in (401, 403)
