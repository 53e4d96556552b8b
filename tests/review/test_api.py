from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from sanxiang.review.models import ReviewCase
from tests import factories as org_factories
from tests.enforcement import factories
from tests.review.conftest import ALL_OK

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _url(name, **kwargs):
    return reverse(f"api:review:{name}", kwargs=kwargs or None)


def test_it_creates_a_case_pushed_by_a_source_system_and_says_review_is_needed(officer, act):
    response = _client(officer).post(
        _url("case-list"),
        {
            "act": act.pk,
            "decision_kind": "penalty",
            "penalty_amount": "15000",
            "case_file": "调查终结报告",
            "source_system": "金税三期",
            "source_id": "JS-1",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["needs_review"] is True
    assert [r["code"] for r in body["fired_rules"]] == ["penalty_amount"]
    assert body["allowed_actions"] == ["decide_without_review", "submit", "withdraw"]


def test_it_refuses_the_leaders_decision_with_409_in_the_error_shape(case, leader):
    response = _client(leader).post(_url("case-decide", pk=case.pk), {}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "review_required"
    assert set(body) == {"code", "message", "extra"}
    assert body["extra"]["status"] == "draft"


def test_it_walks_every_step_through_its_own_endpoint(case, officer, reviewer, leader):
    assert _client(officer).post(_url("case-submit", pk=case.pk), {}, format="json").status_code == 200
    response = _client(reviewer).post(
        _url("case-assign", pk=case.pk), {"reviewer": reviewer.username}, format="json"
    )
    assert response.json()["status"] == "in_review"
    response = _client(reviewer).post(
        _url("case-opinion", pk=case.pk),
        {"opinion": "return_for_rehandling", "reasons": "程序违法：未告知陈述申辩权", "findings": ALL_OK},
        format="json",
    )
    assert response.json()["status"] == "returned_for_rehandling"
    _client(officer).post(_url("case-submit", pk=case.pk), {"comment": "已重新告知"}, format="json")
    _client(reviewer).post(_url("case-assign", pk=case.pk), {"reviewer": reviewer.username}, format="json")
    _client(reviewer).post(
        _url("case-opinion", pk=case.pk),
        {"opinion": "approve", "reasons": "同意", "findings": ALL_OK},
        format="json",
    )
    response = _client(leader).post(_url("case-decide", pk=case.pk), {"note": "同意"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "decided"
    assert [o["opinion"] for o in body["opinions"]] == ["return_for_rehandling", "approve"]
    assert body["round"] == 2


def test_it_reports_an_ineligible_reviewer_as_400(case, officer, org):
    novice = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    _client(officer).post(_url("case-submit", pk=case.pk), {}, format="json")
    response = _client(novice).post(
        _url("case-assign", pk=case.pk), {"reviewer": novice.username}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "reviewer_no_qualification"


def test_it_flags_an_issued_decision_pushed_by_a_source_system(officer, act):
    decision = factories.decision(act, penalty_amount=Decimal("30000"))
    response = _client(officer).post(_url("case-issued"), {"decision": decision.pk}, format="json")
    assert response.status_code == 201
    assert response.json()["unreviewed"] is True
    assert response.json()["status"] == "issued_externally"


def test_it_hides_another_districts_cases(case, sibling_bureau_officer, org):
    other_leader = org_factories.user(org.district_b, org.b_legal, roles=["leader"], scope="unit")
    client = _client(sibling_bureau_officer)
    assert client.get(_url("case-list")).json()["results"] == []
    assert client.get(_url("case-detail", pk=case.pk)).status_code == 404
    response = _client(other_leader).post(_url("case-decide", pk=case.pk), {}, format="json")
    assert response.status_code == 404
    assert ReviewCase.objects.get(pk=case.pk).status == "draft"


def test_it_lists_cases_in_scope_for_the_city_reviewer(case, parent_bureau_officer):
    rows = _client(parent_bureau_officer).get(_url("case-list")).json()["results"]
    assert [r["id"] for r in rows] == [case.pk]


def test_it_refuses_anonymous_callers(case):
    assert APIClient().get(_url("case-list")).status_code in (401, 403)
    assert APIClient().post(_url("case-decide", pk=case.pk), {}).status_code in (401, 403)
