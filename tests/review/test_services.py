"""Services: detection on real cases, the workflow with blocking, eligibility, clock pauses,
collective deliberation, externally issued decisions."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from sanxiang.audit.models import AuditEvent
from sanxiang.holidays.selectors import deadline_get
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from sanxiang.notifications.models import Notification
from sanxiang.review import services
from sanxiang.review.models import CaseTransition, ReviewCase
from tests import factories as org_factories
from tests.enforcement import factories
from tests.review.conftest import ALL_OK, TODAY, make_case, refused_actions

pytestmark = pytest.mark.django_db

D = datetime.timedelta


def _to_review(case, officer, reviewer, today=TODAY):
    services.case_submit(actor=officer, case=case, today=today)
    services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=today)
    return case


def test_it_flags_a_case_that_needs_review_with_the_rule_that_fired(case):
    assert case.needs_review is True
    assert [r["code"] for r in case.fired_rules] == ["penalty_amount"]
    assert case.catalogue.version == "默认-2021"


def test_it_does_not_require_review_below_the_threshold_and_lets_the_leader_decide(officer, act, leader):
    case = make_case(officer, act, penalty_amount=Decimal("500"))
    assert case.needs_review is False
    services.case_decide(actor=leader, case=case, today=TODAY)
    case.refresh_from_db()
    assert case.status == "decided"


def test_it_refuses_the_leaders_decision_before_the_review_approves(case, leader, officer, reviewer):
    with pytest.raises(InvalidTransition) as refused:
        services.case_decide(actor=leader, case=case, today=TODAY)
    assert refused.value.code == "review_required"
    _to_review(case, officer, reviewer)
    with pytest.raises(InvalidTransition):
        services.case_decide(actor=leader, case=case, today=TODAY)
    case.refresh_from_db()
    assert case.status == "in_review"
    assert refused_actions().count("review.case.decide_refused") == 2


def test_it_runs_a_case_through_return_resubmission_approval_and_decision(case, officer, reviewer, leader):
    _to_review(case, officer, reviewer)
    deadline = deadline_get(owner=case, purpose="review.review")
    assert deadline.due == datetime.date(2026, 3, 9)  # 5 working days from Monday 2 March
    # Wednesday: two working days used, returned for supplementary investigation → clock stops.
    services.review_record_opinion(
        actor=reviewer,
        case=case,
        opinion="return_for_investigation",
        reasons="证据不足",
        findings=[*ALL_OK[:2], {"point": "facts", "finding": "problem", "note": "缺少申报记录"}, *ALL_OK[3:]],
        today=TODAY + D(days=2),
    )
    case.refresh_from_db()
    assert case.status == "returned_for_investigation"
    assert case.is_paused
    assert deadline_get(owner=case, purpose="review.review").closed_at is not None
    pause = case.pauses.get()
    assert pause.remaining == 3
    # Resubmitted ten days later: the clock resumes with 3 working days left.
    resumed_on = TODAY + D(days=14)  # Monday 16 March
    services.case_update(actor=officer, case=case, data={"case_file": "补充：申报记录"}, today=resumed_on)
    services.case_submit(actor=officer, case=case, today=resumed_on)
    case.refresh_from_db()
    assert case.round == 2
    deadline = deadline_get(owner=case, purpose="review.review")
    assert deadline.closed_at is None
    assert deadline.due == datetime.date(2026, 3, 19)
    services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=resumed_on)
    assert deadline_get(owner=case, purpose="review.review").due == datetime.date(2026, 3, 19)
    services.review_record_opinion(
        actor=reviewer,
        case=case,
        opinion="approve",
        reasons="事实清楚",
        findings=ALL_OK,
        today=resumed_on + D(days=1),
    )
    services.case_decide(actor=leader, case=case, today=resumed_on + D(days=2))
    case.refresh_from_db()
    assert case.status == "decided"
    assert case.was_returned
    assert [o.opinion for o in case.opinions.all()] == ["return_for_investigation", "approve"]
    assert list(CaseTransition.objects.filter(case=case).values_list("action", flat=True)) == [
        "submit",
        "assign",
        "return_for_investigation",
        "resubmit",
        "assign",
        "approve",
        "decide",
    ]
    assert AuditEvent.objects.filter(action="review.case.decide").exists()


def test_it_accepts_the_decision_after_the_reviewer_confirms_changes(case, officer, reviewer, leader):
    _to_review(case, officer, reviewer)
    services.review_record_opinion(
        actor=reviewer,
        case=case,
        opinion="propose_changes",
        reasons="文书须补充救济途径",
        findings=ALL_OK,
        today=TODAY,
    )
    with pytest.raises(InvalidTransition):
        services.case_decide(actor=leader, case=case, today=TODAY)
    services.review_confirm_changes(actor=reviewer, case=case, today=TODAY + D(days=1), comment="已补充")
    services.case_decide(actor=leader, case=case, today=TODAY + D(days=1))
    assert ReviewCase.objects.get(pk=case.pk).status == "decided"


def test_it_refuses_a_reviewer_who_handled_the_case(case, officer, org):
    handler = org_factories.user(
        org.district_a, org.a_legal, roles=["legal_reviewer", "enforcement_officer"], scope="unit"
    )
    case.act.officer_links.create(user=handler, role="assist")
    services.case_submit(actor=officer, case=case, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        services.case_assign(actor=handler, case=case, reviewer=handler, today=TODAY)
    assert refused.value.code == "reviewer_handled_case"
    assert "review.case.assign_refused" in refused_actions()


def test_it_refuses_a_first_time_reviewer_without_qualification(case, officer, org, reviewer, act):
    novice = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    services.case_submit(actor=officer, case=case, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        services.case_assign(actor=reviewer, case=case, reviewer=novice, today=TODAY)
    assert refused.value.code == "reviewer_no_qualification"
    # Once the novice has reviewed (e.g. as second reviewer elsewhere), the qualification rule no longer applies.
    other = make_case(officer, act)
    services.case_submit(actor=officer, case=other, today=TODAY)
    services.case_assign(actor=reviewer, case=other, reviewer=reviewer, today=TODAY)
    from sanxiang.review.models import ReviewOpinion

    ReviewOpinion.objects.create(
        case=other, round=1, reviewer=novice, opinion="approve", reasons="x", issued_on=TODAY
    )
    services.case_assign(actor=reviewer, case=case, reviewer=novice, today=TODAY)
    assert ReviewCase.objects.get(pk=case.pk).reviewer == novice


def test_it_grants_a_reviewer_from_the_city_bureau_access_to_the_case(case, officer, org, reviewer):
    city_reviewer = org_factories.user(org.city, org.city_legal, roles=["legal_reviewer"], scope="department")
    from sanxiang.org.models import Qualification

    Qualification.objects.create(
        holder=city_reviewer, kind="legal_profession", number="C1", obtained_on=TODAY
    )
    services.case_submit(actor=officer, case=case, today=TODAY)
    assert not ReviewCase.objects.visible_to(city_reviewer).filter(pk=case.pk).exists()
    services.case_assign(actor=reviewer, case=case, reviewer=city_reviewer, today=TODAY)
    assert ReviewCase.objects.visible_to(city_reviewer).filter(pk=case.pk).exists()


def test_it_refuses_opinions_from_anyone_but_the_assigned_reviewer(case, officer, reviewer, org):
    _to_review(case, officer, reviewer)
    other = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    with pytest.raises(PermissionDeniedError):
        services.review_record_opinion(
            actor=other, case=case, opinion="approve", reasons="x", findings=ALL_OK, today=TODAY
        )


def test_it_requires_a_finding_for_every_review_point_and_reasons(case, officer, reviewer):
    _to_review(case, officer, reviewer)
    with pytest.raises(ValidationFailed) as refused:
        services.review_record_opinion(
            actor=reviewer, case=case, opinion="approve", reasons="x", findings=ALL_OK[:7], today=TODAY
        )
    assert refused.value.code == "checklist_incomplete"
    assert refused.value.extra["missing"] == ["criminal_transfer"]
    with pytest.raises(ValidationFailed):
        services.review_record_opinion(
            actor=reviewer, case=case, opinion="approve", reasons=" ", findings=ALL_OK, today=TODAY
        )
    problem = [*ALL_OK[:7], {"point": "criminal_transfer", "finding": "problem"}]
    with pytest.raises(ValidationFailed) as refused:
        services.review_record_opinion(
            actor=reviewer, case=case, opinion="approve", reasons="x", findings=problem, today=TODAY
        )
    assert refused.value.code == "approve_with_problems"


def test_it_stops_the_clock_while_referred_upward_and_resumes_it(case, officer, reviewer):
    _to_review(case, officer, reviewer)
    services.review_record_opinion(
        actor=reviewer,
        case=case,
        opinion="refer",
        reasons="法律适用不明确，请示市局",
        findings=ALL_OK,
        today=TODAY + D(days=1),
    )
    assert case.pauses.get().reason == "referral"
    services.case_resume(actor=reviewer, case=case, today=TODAY + D(days=21), comment="市局答复")
    deadline = deadline_get(owner=case, purpose="review.review")
    assert deadline.rule_n == 4
    assert deadline.due == datetime.date(2026, 3, 27)
    assert ReviewCase.objects.get(pk=case.pk).status == "in_review"


def test_it_extends_the_stage_once(case, officer, reviewer):
    _to_review(case, officer, reviewer)
    services.case_extend(actor=reviewer, case=case, today=TODAY, reason="案情复杂")
    assert deadline_get(owner=case, purpose="review.review").due == datetime.date(2026, 3, 16)
    with pytest.raises(InvalidTransition):
        services.case_extend(actor=reviewer, case=case, today=TODAY, reason="再延")


def _major_case(officer, act, reviewer):
    case = make_case(officer, act, penalty_amount=Decimal("3000000"))
    assert case.collective_required and case.leaders_collective
    _to_review(case, officer, reviewer)
    services.review_record_opinion(
        actor=reviewer, case=case, opinion="approve", reasons="同意", findings=ALL_OK, today=TODAY
    )
    case.refresh_from_db()
    assert case.status == "deliberation"
    return case


UNITS = ["政策法规", "税政业务", "纳税服务", "征管科技", "大企业税收管理", "税务稽查", "督察内审"]


def test_it_refuses_a_deliberation_without_two_thirds_of_member_units(officer, act, reviewer, committee):
    case = _major_case(officer, act, reviewer)
    with pytest.raises(services.NoQuorum) as refused:
        services.deliberation_record(
            actor=committee,
            case=case,
            held_on=TODAY + D(days=5),
            member_units=UNITS,
            attended_units=UNITS[:4],
            attendees="四人",
            votes_for=4,
            votes_against=0,
            outcome="approve",
            minutes="纪要",
        )
    assert refused.value.extra == {"required": 5, "attended": 4}
    assert ReviewCase.objects.get(pk=case.pk).status == "deliberation"
    assert "review.deliberation.no_quorum" in refused_actions()


def test_it_approves_with_quorum_and_requires_the_leaders_collective_decision(
    officer, act, reviewer, committee, leader
):
    case = _major_case(officer, act, reviewer)
    services.deliberation_record(
        actor=committee,
        case=case,
        held_on=TODAY + D(days=5),
        member_units=UNITS,
        attended_units=UNITS[:5],
        attendees="五个成员单位负责人",
        votes_for=4,
        votes_against=1,
        outcome="approve",
        minutes="同意拟处理意见",
    )
    case.refresh_from_db()
    assert case.status == "approved"
    assert case.deliberations.get().quorum_met
    with pytest.raises(ValidationFailed) as refused:
        services.case_decide(actor=leader, case=case, today=TODAY + D(days=6))
    assert refused.value.code == "collective_decision_required"
    services.case_decide(
        actor=leader,
        case=case,
        today=TODAY + D(days=6),
        mode="collective",
        leaders=["刘金台", "王副局长", "李副局长"],
    )
    assert ReviewCase.objects.get(pk=case.pk).decision_mode == "collective"


def test_it_refuses_an_approval_the_votes_did_not_carry(officer, act, reviewer, committee):
    case = _major_case(officer, act, reviewer)
    with pytest.raises(ValidationFailed) as refused:
        services.deliberation_record(
            actor=committee,
            case=case,
            held_on=TODAY,
            member_units=UNITS,
            attended_units=UNITS[:6],
            attendees="",
            votes_for=3,
            votes_against=3,
            outcome="approve",
            minutes="分歧",
        )
    assert refused.value.code == "not_passed"


def test_it_accepts_an_externally_issued_decision_and_flags_it_unreviewed(act, org):
    issued = factories.decision(act, penalty_amount=Decimal("50000"), decided_on=TODAY - D(days=3))
    small = factories.decision(act, penalty_amount=Decimal("100"), decided_on=TODAY - D(days=3))
    counts = services.unreviewed_scan(today=TODAY)
    assert counts == {org.district_a.pk: 1}
    flagged = ReviewCase.objects.get(decision=issued)
    assert flagged.status == "issued_externally" and flagged.unreviewed
    assert not ReviewCase.objects.get(decision=small).unreviewed
    # Idempotent: a second run adds no case and tells nobody twice the same day.
    assert services.unreviewed_scan(today=TODAY) == {org.district_a.pk: 1}
    assert ReviewCase.objects.count() == 2


def test_it_tells_the_units_reviewers_about_unreviewed_decisions(act, reviewer):
    factories.decision(act, penalty_amount=Decimal("50000"), decided_on=TODAY)
    services.unreviewed_scan(today=TODAY)
    services.unreviewed_scan(today=TODAY)
    assert Notification.objects.filter(recipient=reviewer, category="review.unreviewed").count() == 1


def test_it_refuses_cases_out_of_scope(case, org, leader):
    other_leader = org_factories.user(org.district_b, org.b_legal, roles=["leader"], scope="unit")
    with pytest.raises(ScopeViolation):
        services.case_decide(actor=other_leader, case=case, today=TODAY)


def test_it_refuses_submission_without_a_case_file(officer, act):
    case = make_case(officer, act, case_file="")
    with pytest.raises(ValidationFailed):
        services.case_submit(actor=officer, case=case, today=TODAY)


def test_it_records_the_issued_decision_of_a_decided_case(officer, act, leader):
    case = make_case(officer, act, penalty_amount=Decimal("800"))
    services.case_decide(actor=leader, case=case, today=TODAY)
    decision = services.case_record_decision(
        actor=officer, case=case, document_number="宝金税罚〔2026〕9号", decided_on=TODAY
    )
    assert decision.penalty_amount == Decimal("800")
    assert ReviewCase.objects.get(pk=case.pk).decision == decision


def test_it_reminds_the_reviewer_of_an_overdue_review(case, officer, reviewer):
    _to_review(case, officer, reviewer)
    assert services.overdue_remind(today=TODAY + D(days=30)) == 1
    assert services.overdue_remind(today=TODAY + D(days=30)) == 0
