"""The random-inspection API: target upsert, draw commit and run, with role and scope checks."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests import factories

from .conftest import beacon

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(world):
    client = APIClient()
    client.force_authenticate(world.organiser)
    return client


def test_it_commits_and_runs_a_draw(world, api):
    response = api.post(
        reverse("api:inspections:plan-draws", args=[world.plan.pk]),
        {
            "title": "API 抽取",
            "directory": world.classified.pk,
            "mode": "directed",
            "filters": {"class": {"in": ["other_enterprise"]}},
            "ratio": "0.1",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    draw = response.json()
    assert draw["status"] == "committed" and draw["commitment_leaf_index"] is not None
    refused = api.post(reverse("api:inspections:draw-run", args=[draw["id"]]))
    assert refused.status_code >= 400
    beacon(world)
    ran = api.post(reverse("api:inspections:draw-run", args=[draw["id"]]))
    assert ran.status_code == 200 and len(ran.json()["result"]) == 3  # 10% of 25, rounded half up
    assert api.get(reverse("api:inspections:draw-detail", args=[draw["id"]])).json()["status"] == "drawn"
    assert api.get(reverse("api:inspections:draw-list")).status_code == 200


def test_it_upserts_a_target_and_rejects_bad_input(world, api):
    url = reverse("api:inspections:directory-targets", args=[world.abnormal.pk])
    taxpayer = world.taxpayers[0]
    ok = api.post(
        url,
        {
            "taxpayer": taxpayer.pk,
            "target_class": "key_municipal",
            "abnormal_reasons": ["low_credit"],
            "risk_level": "high",
        },
        format="json",
    )
    assert ok.status_code == 200 and ok.json()["abnormal_reasons"] == ["low_credit"]
    bad = api.post(url, {"taxpayer": taxpayer.pk, "target_class": "key_municipal"}, format="json")
    assert bad.status_code == 400  # the abnormal directory needs a reason


def test_reads_need_a_role_and_writes_the_organiser(world, org):
    client = APIClient()
    client.force_authenticate(
        factories.user(org.city, org.city_office, roles=["enforcement_officer"], scope="unit_and_below")
    )
    assert client.get(reverse("api:inspections:plan-list")).status_code == 403
    client.force_authenticate(world.leader)
    assert client.get(reverse("api:inspections:plan-list")).status_code == 200
    assert (
        client.post(
            reverse("api:inspections:plan-draws", args=[world.plan.pk]), {}, format="json"
        ).status_code
        == 403
    )
