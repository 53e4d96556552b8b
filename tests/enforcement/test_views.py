from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanxiang.enforcement.choices import TaxpayerKind
from sanxiang.enforcement.models import Decision, EnforcementAct
from sanxiang.files.models import StoredFile
from tests import factories as org_factories
from tests.enforcement import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    return client


def test_it_lists_taxpayers_with_masked_personal_data(as_officer, org, company_a, company_b):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON, name="张三丰")
    response = as_officer.get(reverse("enforcement:taxpayer_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert company_a.name in body
    assert company_b.name not in body
    assert person.id_number not in body
    assert person.id_number_masked in body
    assert "张**" in body


def test_it_shows_the_archive_masked_and_reveals_the_id_with_an_audit(as_officer, org, audit_calls):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON)
    url = reverse("enforcement:taxpayer_detail", kwargs={"pk": person.pk})
    page = as_officer.get(url).content.decode()
    assert person.id_number not in page
    assert "显示完整号码" in page
    assert audit_calls == []
    revealed = as_officer.post(reverse("enforcement:taxpayer_reveal_id", kwargs={"pk": person.pk}))
    assert revealed.status_code == 200
    assert person.id_number in revealed.content.decode()
    assert revealed["Cache-Control"] == "private, no-store"
    assert [c["action"] for c in audit_calls] == ["enforcement.taxpayer.id_revealed"]


def test_it_shows_the_archive_with_acts_decisions_and_files(as_officer, officer, act_a):
    from tests.files.factories import stored_file

    decision = factories.decision(act_a)
    attachment = stored_file(officer, owner=act_a, name="检查通知书.pdf")
    page = as_officer.get(
        reverse("enforcement:taxpayer_detail", kwargs={"pk": act_a.taxpayer_id})
    ).content.decode()
    assert act_a.matter in page
    assert decision.document_number in page
    assert attachment.original_name in page


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("enforcement:taxpayer_detail", lambda b: {"pk": b.taxpayer_id}),
        ("enforcement:act_detail", lambda b: {"pk": b.pk}),
        ("enforcement:act_edit", lambda b: {"pk": b.pk}),
        ("enforcement:decision_create", lambda b: {"act_pk": b.pk}),
    ],
)
def test_it_hides_another_districts_records_and_audits_the_refusal(as_officer, act_b, refusals, name, kwargs):
    response = as_officer.get(reverse(name, kwargs=kwargs(act_b)))
    assert response.status_code == 404
    assert len(refusals) == 1


def test_it_refuses_posts_onto_another_districts_records(as_officer, act_b, refusals):
    decision = factories.decision(act_b)
    person = factories.taxpayer(act_b.authority, kind=TaxpayerKind.NATURAL_PERSON)
    assert (
        as_officer.post(reverse("enforcement:taxpayer_reveal_id", kwargs={"pk": person.pk})).status_code
        == 404
    )
    outcome = {"outcome": "revoked", "outcome_on": "2026-05-01", "reason": "x"}
    assert (
        as_officer.post(
            reverse("enforcement:decision_outcome", kwargs={"pk": decision.pk}), outcome
        ).status_code
        == 404
    )
    upload = SimpleUploadedFile("a.pdf", b"x")
    assert (
        as_officer.post(
            reverse("enforcement:act_attach", kwargs={"pk": act_b.pk}), {"file": upload}
        ).status_code
        == 404
    )
    assert len(refusals) == 3
    assert StoredFile.objects.count() == 0
    assert Decision.objects.get().outcome == "in_force"


def test_it_lists_acts_in_scope(as_officer, act_a, act_b):
    body = as_officer.get(reverse("enforcement:act_list")).content.decode()
    assert reverse("enforcement:act_detail", kwargs={"pk": act_a.pk}) in body
    assert reverse("enforcement:act_detail", kwargs={"pk": act_b.pk}) not in body


def test_it_creates_and_edits_an_act(as_officer, officer, org, company_a):
    data = {
        "kind": "inspection",
        "matter": "发票检查",
        "taxpayer": company_a.pk,
        "authority": org.district_a.pk,
        "department": org.a_collection.pk,
        "started_on": "2026-03-01",
        "status": "in_progress",
        "lead_officers": [officer.pk],
    }
    response = as_officer.post(reverse("enforcement:act_create"), data)
    act = EnforcementAct.objects.get()
    assert response.status_code == 302
    assert list(act.officers.all()) == [officer]
    response = as_officer.post(
        reverse("enforcement:act_edit", kwargs={"pk": act.pk}), data | {"concluded_on": "2026-02-01"}
    )
    assert response.status_code == 200
    assert "办结日期不能早于开始日期" in response.content.decode()
    as_officer.post(reverse("enforcement:act_edit", kwargs={"pk": act.pk}), data | {"status": "concluded"})
    act.refresh_from_db()
    assert act.status == "concluded"


def test_it_does_not_offer_another_districts_taxpayer_in_the_form(as_officer, org, company_b):
    data = {
        "kind": "inspection",
        "matter": "x",
        "taxpayer": company_b.pk,
        "authority": org.district_a.pk,
        "status": "in_progress",
    }
    response = as_officer.post(reverse("enforcement:act_create"), data)
    assert response.status_code == 200
    assert "taxpayer" in response.context["form"].errors
    assert EnforcementAct.objects.count() == 0


def test_it_records_a_decision_an_outcome_and_an_attachment(as_officer, act_a):
    response = as_officer.post(
        reverse("enforcement:decision_create", kwargs={"act_pk": act_a.pk}),
        {
            "kind": "penalty",
            "document_number": "宝金税罚〔2026〕3号",
            "decided_on": "2026-04-01",
            "tax_amount": "0",
            "penalty_amount": "200",
            "late_fee_amount": "0",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    as_officer.post(
        reverse("enforcement:decision_outcome", kwargs={"pk": decision.pk}),
        {"outcome": "changed", "outcome_on": "2026-05-01", "reason": "复议变更"},
    )
    decision.refresh_from_db()
    assert decision.outcome == "changed"
    upload = SimpleUploadedFile("送达回证.pdf", b"%PDF", content_type="application/pdf")
    as_officer.post(reverse("enforcement:act_attach", kwargs={"pk": act_a.pk}), {"file": upload})
    assert StoredFile.objects.get().owner == act_a
    page = as_officer.get(reverse("enforcement:act_detail", kwargs={"pk": act_a.pk})).content.decode()
    assert "送达回证.pdf" in page
    assert "宝金税罚〔2026〕3号" in page


def test_it_rejects_a_negative_amount_on_the_form(as_officer, act_a):
    response = as_officer.post(
        reverse("enforcement:decision_create", kwargs={"act_pk": act_a.pk}),
        {"kind": "penalty", "tax_amount": "0", "penalty_amount": "-5", "late_fee_amount": "0"},
    )
    assert response.status_code == 200
    assert "penalty_amount" in response.context["form"].errors
    assert Decision.objects.count() == 0


def test_it_lets_a_legal_reviewer_read_but_not_write(client, org, act_a):
    reviewer = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    client.force_login(reviewer)
    assert client.get(reverse("enforcement:act_detail", kwargs={"pk": act_a.pk})).status_code == 200
    assert client.get(reverse("enforcement:act_create")).status_code == 403
    assert client.get(reverse("enforcement:decision_create", kwargs={"act_pk": act_a.pk})).status_code == 403


def test_it_refuses_staff_without_an_enforcement_role(client, org, act_a):
    liaison = org_factories.user(org.district_a, org.a_collection, roles=["liaison"], scope="unit")
    client.force_login(liaison)
    assert client.get(reverse("enforcement:act_list")).status_code == 403
    assert client.get(reverse("enforcement:taxpayer_list")).status_code == 403


@pytest.mark.parametrize(
    "name", ["enforcement:act_list", "enforcement:taxpayer_list", "enforcement:act_create"]
)
def test_it_redirects_anonymous_visitors(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("core:login") in response["Location"]


def test_it_registers_the_staff_module(officer):
    from sanxiang.kernel.modules import modules_for

    assert "enforcement" in [m.code for m in modules_for(officer)]


def test_it_renders_the_empty_forms(as_officer, act_a):
    assert as_officer.get(reverse("enforcement:act_create")).status_code == 200
    assert as_officer.get(reverse("enforcement:act_edit", kwargs={"pk": act_a.pk})).status_code == 200
    assert (
        as_officer.get(reverse("enforcement:decision_create", kwargs={"act_pk": act_a.pk})).status_code == 200
    )
    assert as_officer.get(reverse("files:upload")).status_code == 200


def test_it_explains_a_refused_outcome(as_officer, act_a):
    decision = factories.decision(act_a, outcome="void")
    response = as_officer.post(
        reverse("enforcement:decision_outcome", kwargs={"pk": decision.pk}),
        {"outcome": "changed", "outcome_on": "2026-05-01", "reason": "x"},
    )
    assert response.status_code == 400
    assert "当前状态下不能" in response.content.decode()
    decision.refresh_from_db()
    assert decision.outcome == "void"
