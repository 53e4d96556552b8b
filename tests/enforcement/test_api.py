from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from sanxiang.api.models import SourceToken
from sanxiang.enforcement.choices import TaxpayerKind
from sanxiang.enforcement.models import Decision, EnforcementAct, Taxpayer
from tests import factories as org_factories
from tests.enforcement import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(officer):
    client = APIClient()
    client.force_authenticate(officer)
    return client


def _url(name, **kwargs):
    return reverse(f"api:enforcement:{name}", kwargs=kwargs or None)


def test_it_lists_taxpayers_in_scope_with_masked_id_numbers(api, org, company_a, company_b):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON)
    response = api.get(_url("taxpayer-list"))
    assert response.status_code == 200
    rows = {row["id"]: row for row in response.json()["results"]}
    assert set(rows) == {company_a.pk, person.pk}
    assert rows[person.pk]["id_number_masked"] == person.id_number_masked
    assert person.id_number not in response.content.decode()


def test_it_creates_and_patches_a_taxpayer(api, org):
    code = factories.valid_uscc()
    response = api.post(
        _url("taxpayer-list"),
        {"kind": "organisation", "name": "新公司", "uscc": code, "authority": org.district_a.code},
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    response = api.patch(_url("taxpayer-detail", pk=pk), {"phone": "0917-1234567"}, format="json")
    assert response.status_code == 200
    assert Taxpayer.objects.get(pk=pk).phone == "0917-1234567"
    assert Taxpayer.objects.get(pk=pk).uscc == code


def test_it_reports_an_invalid_uscc_in_the_error_shape(api, org):
    response = api.post(
        _url("taxpayer-list"),
        {"kind": "organisation", "name": "X", "uscc": "91610300MA6X00000A", "authority": org.district_a.code},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "uscc" in response.json()["extra"]["fields"]


def test_it_refuses_to_create_in_another_district(api, org):
    response = api.post(
        _url("taxpayer-list"),
        {"kind": "organisation", "name": "X", "authority": org.district_b.code},
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize("name", ["taxpayer-detail", "act-detail", "decision-detail"])
def test_it_hides_another_districts_objects_when_guessing_ids(api, act_b, refusals, name):
    decision = factories.decision(act_b)
    pk = {"taxpayer-detail": act_b.taxpayer_id, "act-detail": act_b.pk, "decision-detail": decision.pk}[name]
    assert api.get(_url(name, pk=pk)).status_code == 404
    assert api.patch(_url(name, pk=pk), {"matter": "x"}, format="json").status_code == 404
    assert len(refusals) == 2


def test_it_treats_a_foreign_taxpayer_id_in_a_payload_as_unknown(api, org, company_b):
    response = api.post(
        _url("act-list"),
        {"kind": "penalty", "matter": "x", "taxpayer": company_b.pk, "authority": org.district_a.code},
        format="json",
    )
    assert response.status_code == 400
    assert "taxpayer" in response.json()["extra"]["fields"]


def test_it_upserts_acts_by_source_id(api, officer, org, company_a):
    payload = {
        "kind": "penalty",
        "matter": "逾期申报",
        "taxpayer": company_a.pk,
        "authority": org.district_a.code,
        "department": org.a_collection.pk,
        "officers": [{"username": officer.username, "role": "lead"}],
    }
    url = _url("act-by-source", system="jinsan", source_id="2026-0001")
    first = api.put(url, payload, format="json")
    assert first.status_code == 201, first.json()
    second = api.put(url, payload | {"status": "concluded", "concluded_on": "2026-04-01"}, format="json")
    assert second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    act = EnforcementAct.objects.get()
    assert (act.source_system, act.source_id, act.status) == ("jinsan", "2026-0001", "concluded")
    assert second.json()["officers"] == [
        {"username": officer.username, "full_name": "测试人员", "role": "lead"}
    ]


def test_it_authenticates_a_source_token_as_its_service_user(org, company_a, company_b):
    service = org_factories.user(org.district_a, None, roles=["enforcement_officer"], scope="unit")
    key, digest = SourceToken.new_key()
    SourceToken.objects.create(name="金税三期", user=service, key_digest=digest, prefix=key[:8])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    ids = [row["id"] for row in client.get(_url("taxpayer-list")).json()["results"]]
    assert ids == [company_a.pk]
    payload = {"kind": "penalty", "matter": "x", "taxpayer": company_a.pk, "authority": org.district_a.code}
    assert (
        client.put(_url("act-by-source", system="jinsan", source_id="9"), payload, format="json").status_code
        == 201
    )


def test_it_creates_decisions_and_records_outcomes(api, act_a):
    response = api.post(
        _url("decision-list"),
        {
            "act": act_a.pk,
            "kind": "penalty",
            "document_number": "宝金税罚〔2026〕8号",
            "penalty_amount": "300.00",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert api.get(_url("decision-list") + f"?act={act_a.pk}").json()["count"] == 1
    response = api.post(
        _url("decision-outcome", pk=pk),
        {"outcome": "revoked", "outcome_on": "2026-06-01", "reason": "撤销"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["outcome"] == "revoked"
    again = api.post(
        _url("decision-outcome", pk=pk),
        {"outcome": "changed", "outcome_on": "2026-07-01", "reason": "x"},
        format="json",
    )
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_transition"


def test_it_rejects_negative_amounts_in_the_api(api, act_a):
    response = api.post(
        _url("decision-list"), {"act": act_a.pk, "kind": "penalty", "penalty_amount": "-1"}, format="json"
    )
    assert response.status_code == 400
    assert Decision.objects.count() == 0


def test_it_refuses_writes_by_a_reader_and_everything_to_anonymous(org, act_a):
    reviewer = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    client = APIClient()
    client.force_authenticate(reviewer)
    assert client.get(_url("act-detail", pk=act_a.pk)).status_code == 200
    assert client.patch(_url("act-detail", pk=act_a.pk), {"matter": "x"}, format="json").status_code == 403
    anonymous = APIClient()
    assert anonymous.get(_url("act-list")).status_code in (401, 403)
    assert anonymous.get(_url("taxpayer-list")).status_code in (401, 403)


def test_it_lists_acts_in_a_bounded_number_of_queries(
    api, org, company_a, officer, django_assert_max_num_queries
):
    for _ in range(5):
        factories.act(company_a, department=org.a_collection, officers=[officer])
    with django_assert_max_num_queries(8):
        response = api.get(_url("act-list"))
    assert response.json()["count"] == 5


def test_it_documents_the_enforcement_endpoints(api):
    paths = api.get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()["paths"]
    assert "/api/v1/enforcement/acts/by-source/{system}/{source_id}/" in paths
    assert "/api/v1/enforcement/decisions/{id}/outcome/" in paths
    assert "/api/v1/enforcement/taxpayers/" in paths
