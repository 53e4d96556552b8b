import datetime
from decimal import Decimal

from sanxiang.lib.discretion import PastDecision, parse_request, similar_decisions


def past(reference, penalty, subject="organisation", violation="征管法§62", day=1, **facts):
    return PastDecision(
        reference=reference,
        violation=violation,
        subject=subject,
        facts=facts,
        penalty=Decimal(penalty),
        decision_date=datetime.date(2024, 1, day),
    )


def wanted(subject="organisation", violation="征管法§62", **facts):
    return parse_request(
        {"violation": violation, "subject": subject, "facts": facts, "violation_date": "2024-01-01"}
    )


PAST = [
    past("A", 300, days_late=20),
    past("B", 800, days_late=40),
    past("C", 2000, days_late=200),
    past("D", 100, subject="individual", days_late=20),
    past("E", 5000, violation="征管法§63", unpaid_tax=Decimal(1000)),
    past("F", 350, days_late=22, day=5),
    past("G", 350, days_late=22, day=3),
]


def test_it_ranks_same_subject_first_then_by_closeness_then_by_recency():
    result = similar_decisions(wanted(days_late=21), PAST, k=10)

    assert [r.decision.reference for r in result.nearest] == ["F", "G", "A", "B", "C", "D"]
    assert result.considered == 6  # the §63 decision is not comparable
    assert [r.same_subject for r in result.nearest] == [True] * 5 + [False]


def test_it_returns_the_k_nearest_with_penalty_statistics():
    result = similar_decisions(wanted(days_late=21), PAST, k=3)

    assert [r.decision.reference for r in result.nearest] == ["F", "G", "A"]
    assert (result.count, result.minimum, result.median, result.maximum) == (
        3,
        Decimal(300),
        Decimal(350),
        Decimal(350),
    )


def test_it_takes_the_mean_of_the_two_middle_penalties_for_an_even_count():
    result = similar_decisions(wanted(days_late=21), PAST, k=4)

    assert result.median == Decimal(350)
    assert similar_decisions(wanted(days_late=30), PAST[:2], k=2).median == Decimal(550)


def test_it_measures_numbers_on_a_log_scale_and_flags_by_agreement():
    decisions = [
        past("small", 1, violation="征管法§63", unpaid_tax=Decimal(1_000), tax_paid=True),
        past("large", 2, violation="征管法§63", unpaid_tax=Decimal(100_000), tax_paid=True),
        past("unpaid", 3, violation="征管法§63", unpaid_tax=Decimal(10_000), tax_paid=False),
    ]

    result = similar_decisions(wanted(violation="征管法§63", unpaid_tax=10_000, tax_paid=True), decisions)

    # 1,000 and 100,000 are equally far from 10,000; the flag mismatch costs 1
    assert [r.decision.reference for r in result.nearest] == ["large", "small", "unpaid"]
    assert abs(result.nearest[0].distance - result.nearest[1].distance) < 0.001


def test_it_counts_a_fact_missing_from_a_past_decision_as_far():
    decisions = [past("no-facts", 100), past("close", 200, days_late=50)]

    result = similar_decisions(wanted(days_late=10), decisions)

    assert [r.decision.reference for r in result.nearest] == ["close", "no-facts"]


def test_it_reports_no_statistics_without_comparable_decisions():
    result = similar_decisions(wanted(violation="征管法§61", days_after_deadline=0), PAST)

    assert (result.count, result.minimum, result.median, result.maximum) == (0, None, None, None)
    assert result.to_json()["nearest"] == []


def test_it_serialises_to_json():
    data = similar_decisions(wanted(days_late=21), PAST, k=1).to_json()

    assert data["nearest"][0]["reference"] == "F"
    assert (data["min"], data["median"], data["max"], data["count"]) == (350, 350, 350, 1)
