from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from sanxiang.enforcement import services
from sanxiang.enforcement.choices import ActKind, DecisionKind, DecisionOutcome, OfficerRole, TaxpayerKind
from sanxiang.enforcement.models import ActOfficer, Decision, EnforcementAct, Taxpayer
from sanxiang.files.models import StoredFile
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from tests import factories as org_factories
from tests.enforcement import factories

pytestmark = pytest.mark.django_db


def test_it_creates_an_organisation_taxpayer_with_a_normalised_uscc(officer, org, audit_calls):
    code = factories.valid_uscc()
    taxpayer = services.taxpayer_create(
        actor=officer,
        kind=TaxpayerKind.ORGANISATION,
        name=" 宝鸡某公司 ",
        uscc=code.lower(),
        authority=org.district_a,
    )
    assert taxpayer.uscc == code
    assert taxpayer.name == "宝鸡某公司"
    assert taxpayer.created_by == officer
    assert audit_calls[0]["action"] == "enforcement.taxpayer.created"
    assert audit_calls[0]["after"]["uscc"] == code


def test_it_rejects_an_invalid_or_duplicate_uscc(officer, org, company_a):
    with pytest.raises(ValidationFailed) as exc:
        services.taxpayer_create(
            actor=officer,
            kind=TaxpayerKind.ORGANISATION,
            name="X",
            uscc="91610300MA6X00000A",
            authority=org.district_a,
        )
    assert "uscc" in exc.value.extra["fields"]
    with pytest.raises(ValidationFailed) as exc:
        services.taxpayer_create(
            actor=officer,
            kind=TaxpayerKind.ORGANISATION,
            name="X",
            uscc=company_a.uscc,
            authority=org.district_a,
        )
    assert exc.value.code == "duplicate"


def test_it_stores_a_natural_person_with_birth_date_and_masks_the_audit(officer, org, audit_calls):
    number = factories.valid_id_number(datetime.date(2010, 5, 1))
    person = services.taxpayer_create(
        actor=officer,
        kind=TaxpayerKind.NATURAL_PERSON,
        name="李小明",
        id_number=number,
        authority=org.district_a,
    )
    assert person.birth_date == datetime.date(2010, 5, 1)
    assert person.is_minor_on(datetime.date(2026, 1, 1)) is True
    assert person.is_minor_on(datetime.date(2028, 5, 1)) is False
    assert audit_calls[0]["after"]["id_number"]["masked"] == number[:6] + "********" + number[-4:]
    assert number not in str(audit_calls[0]["after"])
    assert "李小明" not in str(audit_calls[0]["after"])
    with pytest.raises(ValidationFailed) as exc:
        services.taxpayer_create(
            actor=officer,
            kind=TaxpayerKind.NATURAL_PERSON,
            name="李小明",
            id_number=number,
            authority=org.district_a,
        )
    assert exc.value.code == "duplicate"


def test_it_rejects_an_invalid_id_number(officer, org):
    with pytest.raises(ValidationFailed) as exc:
        services.taxpayer_create(
            actor=officer,
            kind=TaxpayerKind.NATURAL_PERSON,
            name="王五",
            id_number="110101199003071234",
            authority=org.district_a,
        )
    assert "id_number" in exc.value.extra["fields"]
    assert Taxpayer.objects.count() == 0


def test_it_links_a_legal_representative_for_the_per_person_archive(officer, org):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON, name="赵六")
    company = services.taxpayer_create(
        actor=officer,
        kind=TaxpayerKind.ORGANISATION,
        name="赵氏公司",
        authority=org.district_a,
        legal_representative_person=person,
    )
    assert company.legal_representative == "赵六"
    assert list(person.represented_taxpayers.all()) == [company]
    with pytest.raises(ValidationFailed):
        services.taxpayer_update(
            actor=officer, taxpayer=company, data={"legal_representative_person": company}
        )


def test_it_refuses_writes_into_another_district_or_without_the_role(
    officer, sibling_bureau_officer, org, company_b
):
    with pytest.raises(PermissionDeniedError):
        services.taxpayer_create(
            actor=officer, kind=TaxpayerKind.ORGANISATION, name="X", authority=org.district_b
        )
    with pytest.raises(ScopeViolation):
        services.taxpayer_update(actor=officer, taxpayer=company_b, data={"name": "改名"})
    reviewer = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    with pytest.raises(PermissionDeniedError):
        services.taxpayer_create(
            actor=reviewer, kind=TaxpayerKind.ORGANISATION, name="X", authority=org.district_a
        )
    company_b.refresh_from_db()
    assert company_b.name != "改名"


def test_it_refuses_to_move_a_taxpayer_out_of_the_scope(officer, org, company_a):
    with pytest.raises(PermissionDeniedError):
        services.taxpayer_update(actor=officer, taxpayer=company_a, data={"authority": org.district_b})
    company_a.refresh_from_db()
    assert company_a.authority == org.district_a


def test_it_rejects_unknown_fields_in_updates(officer, company_a):
    with pytest.raises(ValidationFailed):
        services.taxpayer_update(actor=officer, taxpayer=company_a, data={"created_by": None})


def test_it_audits_revealing_an_id_number(officer, org, audit_calls, sibling_bureau_officer):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON)
    assert services.taxpayer_reveal_id_number(actor=officer, taxpayer=person) == person.id_number
    assert audit_calls[-1]["action"] == "enforcement.taxpayer.id_revealed"
    assert person.id_number not in str(audit_calls[-1]["data"])
    with pytest.raises(ScopeViolation):
        services.taxpayer_reveal_id_number(actor=sibling_bureau_officer, taxpayer=person)


def test_it_creates_an_act_with_officers(officer, org, company_a, audit_calls):
    colleague = org_factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    act = services.act_create(
        actor=officer,
        kind=ActKind.PENALTY,
        matter="逾期申报",
        taxpayer=company_a,
        authority=org.district_a,
        department=org.a_collection,
        started_on=datetime.date(2026, 3, 1),
        officers=[(officer, OfficerRole.LEAD), (colleague, OfficerRole.ASSIST)],
    )
    roles = dict(ActOfficer.objects.filter(act=act).values_list("user_id", "role"))
    assert roles == {officer.pk: "lead", colleague.pk: "assist"}
    # a penalty is a 承诺件: its progress ticket is issued right after the act
    assert [c["action"] for c in audit_calls][-2:] == [
        "enforcement.act.created",
        "enforcement.matter_ticket.issued",
    ]
    assert sorted(audit_calls[-2]["after"]["officers"]) == sorted(
        [[officer.pk, "lead"], [colleague.pk, "assist"]]
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"concluded_on": datetime.date(2026, 2, 1)}, "concluded_on"),
        ({"source_system": "jinsan"}, "source_id"),
        ({"matter": "  "}, "matter"),
    ],
)
def test_it_validates_acts(officer, org, company_a, overrides, field):
    data = {
        "kind": ActKind.INSPECTION,
        "matter": "检查",
        "taxpayer": company_a,
        "authority": org.district_a,
        "started_on": datetime.date(2026, 3, 1),
    } | overrides
    with pytest.raises(ValidationFailed) as exc:
        services.act_create(actor=officer, **data)
    assert field in exc.value.extra["fields"]


def test_it_refuses_an_act_on_an_invisible_taxpayer_or_with_foreign_officers(
    officer, org, company_a, company_b
):
    with pytest.raises(ScopeViolation):
        services.act_create(
            actor=officer, kind=ActKind.PENALTY, matter="x", taxpayer=company_b, authority=org.district_a
        )
    stranger = org_factories.user(org.district_b, org.b_collection, roles=["enforcement_officer"])
    with pytest.raises(ValidationFailed):
        services.act_create(
            actor=officer,
            kind=ActKind.PENALTY,
            matter="x",
            taxpayer=company_a,
            authority=org.district_a,
            officers=[(stranger, OfficerRole.LEAD)],
        )
    with pytest.raises(ValidationFailed):
        services.act_create(
            actor=officer,
            kind=ActKind.PENALTY,
            matter="x",
            taxpayer=company_a,
            authority=org.district_a,
            department=org.b_collection,
        )
    assert EnforcementAct.objects.count() == 0


def test_it_upserts_an_act_by_source_id_idempotently(officer, org, company_a, audit_calls):
    data = {"kind": ActKind.PENALTY, "matter": "逾期申报", "taxpayer": company_a, "authority": org.district_a}
    first, created = services.act_upsert_from_source(
        actor=officer, source_system="jinsan", source_id="A-1", data=data
    )
    assert created is True
    second, created = services.act_upsert_from_source(
        actor=officer, source_system="jinsan", source_id="A-1", data=data | {"matter": "逾期申报（更正）"}
    )
    assert created is False
    assert second.pk == first.pk
    assert EnforcementAct.objects.get().matter == "逾期申报（更正）"
    assert [c["action"] for c in audit_calls] == [
        "enforcement.act.created",
        "enforcement.matter_ticket.issued",
        "enforcement.act.updated",
    ]
    assert audit_calls[2]["after"] == {"matter": "逾期申报（更正）"}


def test_it_refuses_an_upsert_onto_another_districts_act(officer, act_b):
    act_b.source_system, act_b.source_id = "jinsan", "B-1"
    act_b.save()
    with pytest.raises(ScopeViolation):
        services.act_upsert_from_source(
            actor=officer, source_system="jinsan", source_id="B-1", data={"matter": "hijack"}
        )
    act_b.refresh_from_db()
    assert act_b.matter != "hijack"


def test_it_refuses_a_second_act_with_the_same_source_id_via_create(officer, org, company_a):
    factories.act(company_a, source_system="jinsan", source_id="A-9")
    with pytest.raises(ValidationFailed) as exc:
        services.act_create(
            actor=officer,
            kind=ActKind.PENALTY,
            matter="x",
            taxpayer=company_a,
            authority=org.district_a,
            source_system="jinsan",
            source_id="A-9",
        )
    assert exc.value.code == "duplicate"


def test_it_attaches_files_to_an_act(officer, act_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("笔录.pdf", b"%PDF", content_type="application/pdf")
    stored = services.act_attach_file(actor=officer, act=act_a, upload=upload)
    assert stored.owner == act_a
    assert stored.authority == act_a.authority
    assert StoredFile.objects.get().purpose == "attachment"


def test_it_creates_decisions_with_amounts_and_unique_document_numbers(officer, act_a, audit_calls):
    decision = services.decision_create(
        actor=officer,
        act=act_a,
        kind=DecisionKind.PENALTY,
        document_number="宝金税罚〔2026〕12号",
        decided_on=datetime.date(2026, 4, 1),
        penalty_amount=Decimal("1000.00"),
    )
    assert decision.authority == act_a.authority
    assert audit_calls[-1]["after"]["penalty_amount"] == "1000.00"
    with pytest.raises(ValidationFailed) as exc:
        services.decision_create(
            actor=officer, act=act_a, kind=DecisionKind.PENALTY, document_number="宝金税罚〔2026〕12号"
        )
    assert exc.value.code == "duplicate"


def test_it_allows_the_same_document_number_in_another_authority(
    officer, sibling_bureau_officer, act_a, act_b
):
    services.decision_create(
        actor=officer, act=act_a, kind=DecisionKind.PENALTY, document_number="税罚〔2026〕1号"
    )
    services.decision_create(
        actor=sibling_bureau_officer, act=act_b, kind=DecisionKind.PENALTY, document_number="税罚〔2026〕1号"
    )
    assert Decision.objects.count() == 2


def test_it_rejects_negative_amounts(officer, act_a):
    with pytest.raises(ValidationFailed) as exc:
        services.decision_create(
            actor=officer,
            act=act_a,
            kind=DecisionKind.PENALTY,
            penalty_amount=Decimal("-1"),
            late_fee_amount=Decimal("-2"),
        )
    assert set(exc.value.extra["fields"]) == {"penalty_amount", "late_fee_amount"}


def test_it_refuses_decisions_on_another_districts_act(officer, act_b):
    with pytest.raises(ScopeViolation):
        services.decision_create(actor=officer, act=act_b, kind=DecisionKind.PENALTY)


def test_it_records_decision_outcomes_through_the_transition_table(officer, act_a, audit_calls):
    decision = factories.decision(act_a)
    services.decision_record_outcome(
        actor=officer,
        decision=decision,
        outcome=DecisionOutcome.CHANGED,
        outcome_on=datetime.date(2026, 5, 1),
        reason="复议变更罚款金额",
    )
    services.decision_record_outcome(
        actor=officer,
        decision=decision,
        outcome=DecisionOutcome.REVOKED,
        outcome_on=datetime.date(2026, 6, 1),
        reason="诉讼撤销",
    )
    decision.refresh_from_db()
    assert (decision.outcome, decision.outcome_reason) == ("revoked", "诉讼撤销")
    assert [c["action"] for c in audit_calls] == ["enforcement.decision.outcome_recorded"] * 2
    assert audit_calls[1]["before"]["outcome"] == "changed"
    with pytest.raises(InvalidTransition):
        services.decision_record_outcome(
            actor=officer,
            decision=decision,
            outcome=DecisionOutcome.VOID,
            outcome_on=datetime.date(2026, 7, 1),
            reason="x",
        )


def test_it_requires_a_reason_for_an_outcome(officer, act_a):
    decision = factories.decision(act_a)
    with pytest.raises(ValidationFailed):
        services.decision_record_outcome(
            actor=officer, decision=decision, outcome="void", outcome_on=datetime.date(2026, 5, 1), reason=" "
        )


def test_it_updates_a_decision_but_not_its_outcome(officer, act_a):
    decision = factories.decision(act_a)
    services.decision_update(actor=officer, decision=decision, data={"served_on": datetime.date(2026, 4, 3)})
    assert Decision.objects.get().served_on == datetime.date(2026, 4, 3)
    with pytest.raises(ValidationFailed):
        services.decision_update(actor=officer, decision=decision, data={"outcome": "void"})
