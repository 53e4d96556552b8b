import datetime
import itertools
import json
from importlib import resources

import pytest

from sanxiang.lib.discretion import (
    FACTS,
    Benchmark,
    benchmark_problems,
    check_condition,
    evaluate,
    exemption_items,
    shipped_benchmark_set,
    violations,
)

TODAY = datetime.date(2025, 6, 30)
SHIPPED = shipped_benchmark_set()
COMMON = {
    "first_time": True,
    "corrected_in_time": True,
    "irrecoverable_loss": False,
    "major_social_impact": False,
}


@pytest.mark.parametrize("benchmark", SHIPPED.benchmarks, ids=lambda b: b.version)
def test_it_ships_benchmarks_within_the_statutory_frame(benchmark):
    assert benchmark_problems(benchmark) == []
    assert {rule.violation for rule in benchmark.rules} == set(violations())
    assert all(rule.certainty in ("confirmed", "partly", "unconfirmed") for rule in benchmark.rules)


def test_it_ships_two_versions_in_sequence():
    old, new = SHIPPED.benchmarks

    assert (old.effective_until, new.effective_from) == (
        datetime.date(2023, 11, 30),
        datetime.date(2023, 12, 1),
    )
    assert new.effective_until is None
    assert SHIPPED.in_force_on(datetime.date(2023, 11, 30)) is old
    assert SHIPPED.in_force_on(datetime.date(2023, 12, 1)) is new
    assert SHIPPED.in_force_on(datetime.date(2020, 12, 31)) is None


@pytest.mark.parametrize("benchmark", SHIPPED.benchmarks, ids=lambda b: b.version)
def test_it_round_trips_a_benchmark_through_json(benchmark):
    assert Benchmark.from_json(json.loads(json.dumps(benchmark.to_json()))) == benchmark


def test_it_ships_both_national_exemption_batches():
    items = exemption_items()
    batches = {batch: [i for i in items if i.batch == batch] for batch in (1, 2)}

    assert [i.number for i in batches[1]] == list(range(1, 11))
    assert [i.number for i in batches[2]] == [1, 2, 3, 4]
    assert {i.effective_from for i in batches[1]} == {datetime.date(2021, 4, 1)}
    assert {i.effective_from for i in batches[2]} == {datetime.date(2022, 1, 1)}
    assert {i.announcement for i in batches[1]} == {"国家税务总局公告2021年第6号"}
    assert {i.announcement for i in batches[2]} == {"国家税务总局公告2021年第33号"}
    # RULES.md §5.2: items 13–14 (batch 2, numbers 3–4) are 🟡, the rest ✅
    assert [i.certainty for i in batches[2]] == ["confirmed", "confirmed", "partly", "partly"]
    assert {i.certainty for i in batches[1]} == {"confirmed"}


@pytest.mark.parametrize("item", exemption_items(), ids=lambda i: f"{i.batch}-{i.number}")
def test_it_gives_every_exemption_item_the_common_conditions(item):
    assert check_condition(item.conditions) == []
    assert {key: item.conditions[key] for key in COMMON} == COMMON
    assert set(item.violations) <= set(violations())
    if "没有违法所得" in item.description:
        assert item.conditions["illegal_gain"] is False


def facts_grid():
    """Facts covering every tier boundary of the shipped data."""
    for days, after, tax, paid, serious in itertools.product(
        (0, 1, 15, 16, 30, 31, 90, 91, 180, 181, 400),
        (0, 1, 15, 16, 30, 31),
        (0, 1000),
        (True, False),
        (True, False),
    ):
        yield {
            "days_late": days,
            "days_after_deadline": after,
            "unpaid_tax": tax,
            "tax_paid": paid,
            "serious": serious,
        }


@pytest.mark.parametrize("benchmark", SHIPPED.benchmarks, ids=lambda b: b.version)
def test_it_covers_every_circumstance_for_both_subjects(benchmark):
    day = benchmark.effective_from.isoformat()
    for code, subject, facts in itertools.product(violations(), ("individual", "organisation"), facts_grid()):
        line = {
            "violation": code,
            "subject": subject,
            "facts": facts,
            "violation_date": day,
            "decision_date": day,
        }
        result = evaluate(line, SHIPPED, today=TODAY)
        assert "error" not in result, (code, subject, facts, result)
        assert result["range"][0] <= result["range"][1]
        if facts["serious"]:
            # a serious case never falls into an ordinary tier (no shadowed "情节严重" rule)
            assert any("严重" in reason for reason in result["reasons"]), (code, subject, result)


def test_it_answers_the_example_line_of_the_issue():
    line = (
        '{"violation": "征管法§62", "subject": "organisation", "facts": {"days_late": 20, "first_time": true, '
        '"corrected_in_time": true, "unpaid_tax": 0}, "violation_date": "2025-03-01", "proposed_penalty": 500}'
    )
    result = evaluate(json.loads(line), SHIPPED, today=TODAY)

    assert result["benchmark"] == "《西北五省（区）税务行政处罚裁量基准（示例）》(2023版)"
    assert result["first_violation_exemption"] is True
    assert result["range"] == [0, 0]
    assert result["within_range"] is False


@pytest.mark.parametrize(
    ("facts", "code", "expected_version"),
    [
        ({"days_late": 10}, "征管法§62", "2023版"),  # 0–500 → 0–200: lighter, newer applies
        ({"unpaid_tax": 1000, "tax_paid": False}, "征管法§63", "2021版"),  # 1–2× → 1–3×: heavier, older stays
    ],
)
def test_it_exercises_both_outcomes_of_the_lighter_rule_in_the_shipped_data(facts, code, expected_version):
    line = {
        "violation": code,
        "subject": "organisation",
        "facts": facts,
        "violation_date": "2023-06-01",
        "decision_date": "2024-06-01",
    }

    result = evaluate(line, SHIPPED, today=TODAY)

    assert result["benchmark"].endswith(f"({expected_version})")


def test_it_lists_every_code_and_fact_key_in_the_readme():
    readme = resources.files("sanxiang.lib.discretion").joinpath("README.md").read_text(encoding="utf-8")

    for code in violations():
        assert f"`{code}`" in readme
    for key in FACTS:
        assert f"`{key}`" in readme
