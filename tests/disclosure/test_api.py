"""Disclosure API: scoped reads, the validity action, incidents and the annual-report counts."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from .conftest import publish_policy

pytestmark = pytest.mark.django_db


def test_documents_are_read_within_scope(people):
    document = publish_policy(people)
    client = APIClient()
    client.force_authenticate(people.officer)
    data = client.get("/api/v1/disclosure/documents/").json()
    assert [d["index_number"] for d in data["results"]] == [document.index_number]
    detail = client.get(f"/api/v1/disclosure/documents/{document.pk}/").json()
    assert detail["validity_history"][0]["label"] == "全文有效"
    client.force_authenticate(people.district_officer)
    assert client.get(f"/api/v1/disclosure/documents/{document.pk}/").status_code == 404


def test_the_validity_action_records_a_version(people):
    document = publish_policy(people)
    client = APIClient()
    client.force_authenticate(people.drafter)
    url = f"/api/v1/disclosure/documents/{document.pk}/validity/"
    body = {
        "label": "full_repealed",
        "effective_on": "2025-01-01",
        "by_document_text": "国家税务总局公告2024年第9号",
    }
    assert client.post(url, body, format="json").status_code == 403
    client.force_authenticate(people.officer)
    response = client.post(url, body, format="json")
    assert response.status_code == 201
    assert [h["label"] for h in response.json()["validity_history"]] == ["全文有效", "全文废止"]
    assert client.post(url, {**body, "label": "nonsense"}, format="json").status_code == 400


def test_incidents_and_counts(people):
    publish_policy(people, published_on=datetime.date(2024, 5, 1))
    client = APIClient()
    client.force_authenticate(people.officer)
    response = client.post(
        "/api/v1/disclosure/incidents/",
        {"title": "网传不实信息", "severity": "major", "discovered_at": "2025-03-07T22:00:00+08:00"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["press_due_at"].startswith("2025-03-08T22:00:00")
    counts = client.get("/api/v1/disclosure/regulatory-counts/?year=2024").json()
    assert counts["normative"] == {"issued": 1, "repealed": 0, "in_force": 1}
    assert client.get("/api/v1/disclosure/regulatory-counts/?year=abc").status_code == 400
    client.force_authenticate(people.drafter)
    assert client.get("/api/v1/disclosure/incidents/").status_code == 403
