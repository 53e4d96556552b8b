"""Pure rules: detection, the transition table, eligibility, quorum, clock arithmetic, statistics."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from sanxiang.review import rules

DEFAULT = [rules.rule_from_data(row) for row in rules.DEFAULT_CATALOGUE]


def facts(kind="penalty", subject="organisation", penalty="0", conditions=()):
    return rules.CaseFacts(
        act_kind=kind, subject=subject, penalty_amount=Decimal(penalty), conditions=frozenset(conditions)
    )


@pytest.mark.parametrize(
    ("case", "needs", "codes"),
    [
        (facts(penalty="500"), False, []),
        (facts(penalty="10000"), True, ["penalty_amount"]),
        (facts(penalty="9999.99"), False, []),
        (facts(subject="individual", penalty="2000"), True, ["penalty_amount"]),
        (facts(subject="individual", penalty="1999"), False, []),
        (facts(kind="licensing", penalty="50000"), False, []),
        (facts(kind="licensing", conditions=["licence_refused"]), True, ["licence_refused"]),
        (facts(kind="compulsory_measure", conditions=["tax_preservation"]), True, ["tax_preservation"]),
        (facts(conditions=["hearing_held"]), True, ["hearing_held"]),
        (facts(penalty="2000000"), True, ["penalty_amount", "major_tax_case"]),
    ],
)
def test_it_detects_whether_review_is_needed_and_which_rule_fired(case, needs, codes):
    detection = rules.detect(case, DEFAULT)
    assert detection.needs_review is needs
    assert detection.codes == codes


def test_it_asks_for_collective_review_with_two_thirds_quorum_for_major_tax_cases():
    detection = rules.detect(facts(penalty="3000000"), DEFAULT)
    assert detection.collective is True
    assert detection.quorum == Fraction(2, 3)
    assert detection.leaders_collective is True


def test_it_treats_thresholds_as_data():
    strict = rules.rule_from_data(
        {
            "code": "x",
            "label": "x",
            "amount_field": "penalty_amount",
            "threshold_organisation": "100",
            "threshold_individual": "50",
        }
    )
    assert rules.detect(facts(penalty="100"), [strict]).needs_review
    assert not rules.detect(facts(penalty="99"), [strict]).needs_review


def test_it_maps_individual_businesses_to_individuals():
    assert rules.subject_of("individual_business") == "individual"
    assert rules.subject_of("natural_person") == "individual"
    assert rules.subject_of("organisation") == "organisation"


def test_it_allows_only_steps_in_the_table():
    assert rules.step_for("draft", "submit").target == "submitted"
    assert rules.step_for("draft", "decide") is None
    assert rules.step_for("in_review", "return_for_investigation").target == "returned_for_investigation"
    assert rules.step_for("returned_for_investigation", "resubmit").target == "submitted"
    assert {s.action for s in rules.actions_from("in_review")} >= set(rules.OPINION_ACTIONS.values())


def test_it_draws_the_table_as_mermaid_and_dot():
    text = rules.mermaid(labels={"draft": "待送审"})
    assert text.startswith("stateDiagram-v2")
    assert "draft : 待送审" in text
    assert all(f"{s.source} --> {s.target} : {s.label}" in text for s in rules.TRANSITIONS)
    assert rules.dot().count("->") == len(rules.TRANSITIONS)


@pytest.mark.parametrize(
    ("needs", "status", "allowed"),
    [
        (True, "draft", False),
        (True, "in_review", False),
        (True, "changes_proposed", False),
        (True, "approved", True),
        (False, "draft", True),
        (True, "deliberation", False),
    ],
)
def test_it_lets_the_leader_decide_only_after_approval(needs, status, allowed):
    assert rules.leader_may_decide(needs_review=needs, status=status) is allowed


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        (
            {
                "is_reviewer": False,
                "handled_case": False,
                "first_review": False,
                "holds_legal_qualification": True,
            },
            "not_reviewer",
        ),
        (
            {
                "is_reviewer": True,
                "handled_case": True,
                "first_review": False,
                "holds_legal_qualification": True,
            },
            "handled_case",
        ),
        (
            {
                "is_reviewer": True,
                "handled_case": False,
                "first_review": True,
                "holds_legal_qualification": False,
            },
            "no_qualification",
        ),
        (
            {
                "is_reviewer": True,
                "handled_case": False,
                "first_review": False,
                "holds_legal_qualification": False,
            },
            "",
        ),
        (
            {
                "is_reviewer": True,
                "handled_case": False,
                "first_review": True,
                "holds_legal_qualification": True,
            },
            "",
        ),
    ],
)
def test_it_checks_reviewer_eligibility(kwargs, reason):
    result = rules.reviewer_eligibility(**kwargs)
    assert result.ok is (reason == "")
    assert result.reason == reason


@pytest.mark.parametrize(
    ("attended", "members", "votes_for", "quorum_met", "passed"),
    [
        (5, 7, 4, True, True),
        (4, 7, 4, False, False),
        (5, 7, 2, True, False),
        (6, 9, 4, True, True),
        (5, 9, 5, False, False),
    ],
)
def test_it_requires_two_thirds_of_member_units(attended, members, votes_for, quorum_met, passed):
    result = rules.deliberation_result(
        rules.Vote(attended, members, votes_for, attended - votes_for), Fraction(2, 3)
    )
    assert (result.quorum_met, result.passed) == (quorum_met, passed)


def test_it_keeps_used_time_used_after_a_pause():
    assert rules.remaining_after_pause(total=5, used=2) == 3
    assert rules.remaining_after_pause(total=5, used=7) == 0


def test_it_reads_stage_limits_with_overrides():
    limit = rules.stage_limit("review", {"review": {"n": 7, "unit": "days"}})
    assert (limit.n, limit.unit, limit.extension) == (7, "days", 5)
    with pytest.raises(ValueError):
        rules.stage_limit("review", {"review": {"unit": "weeks"}})


def test_it_summarises_by_kind_with_return_rate_and_days():
    per, overall = rules.summarise(
        [
            rules.ReviewRow("penalty", "approve", False, 4),
            rules.ReviewRow("penalty", "approve", True, 10),
            rules.ReviewRow("licensing", "approve", False, None),
        ]
    )
    assert [s.kind for s in per] == ["licensing", "penalty"]
    assert per[1].return_rate == 0.5
    assert per[1].average_days == 7
    assert overall.total == 3
    assert overall.outcomes == {"approve": 3}


def test_it_checks_the_five_percent_staffing_minimum():
    assert rules.staffing_ok(1, 20)
    assert not rules.staffing_ok(1, 21)
    assert rules.staffing_ok(0, 0)
