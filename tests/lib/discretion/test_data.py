import dataclasses
import datetime
import itertools
import json
from importlib import resources

import pytest

from sanxiang.lib.discretion import (
    FACTS,
    Benchmark,
    ExemptionItem,
    Penalty,
    benchmark_problems,
    check_condition,
    evaluate,
    exemption_items,
    load_benchmark_json,
    parse_request,
    rule_problems,
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


@pytest.mark.parametrize(
    ("penalty", "text"),
    [
        ({"kind": "no_penalty"}, "不予处罚"),
        ({"kind": "fixed", "min": 200, "max": 200}, "罚款200元"),
        ({"kind": "fixed", "min": 0, "max": 2000}, "罚款2000元以下"),
        ({"kind": "fixed", "min": 2000, "max": 10000}, "罚款2000元至10000元"),
        (
            {"kind": "multiple", "min": 0.5, "max": 5, "base": "unpaid_tax"},
            "按不缴或者少缴的税款（元）的0.5倍至5倍罚款",
        ),
        (
            {"kind": "multiple", "min": 1, "max": 1, "base": "unpaid_tax", "floor": 50},
            "按不缴或者少缴的税款（元）的1倍罚款，不低于50元",
        ),
        (
            {"kind": "multiple", "min": 5, "max": 10, "base": "days_late", "ceiling": 2000},
            "按逾期天数每日罚款5元至10元，不超过2000元",
        ),
    ],
)
def test_it_describes_a_penalty_band_in_chinese(penalty, text):
    assert Penalty.from_json(penalty).describe() == text


def test_it_loads_a_benchmark_from_its_json_text():
    benchmark = SHIPPED.benchmarks[0]

    assert load_benchmark_json(json.dumps(benchmark.to_json(), ensure_ascii=False)) == benchmark


@pytest.mark.parametrize("item", exemption_items(), ids=lambda i: f"{i.batch}-{i.number}")
def test_it_round_trips_an_exemption_item_through_json(item):
    assert ExemptionItem.from_json(json.loads(json.dumps(item.to_json()))) == item


@pytest.mark.parametrize(
    ("changes", "field", "message_part"),
    [
        ({"subject": "everyone"}, "subject", "适用对象应为个人、单位或全部"),
        ({"violation": "征管法§99"}, "violation", "未知的违法行为代码"),
        ({"circumstance": {"not": {"nope": 1}}}, "circumstance", "未知的事实字段“nope”"),
    ],
)
def test_it_finds_problems_in_a_rule(changes, field, message_part):
    rule = dataclasses.replace(SHIPPED.benchmarks[0].rules[0], **changes)

    assert any(f == field and message_part in m for f, m in rule_problems(rule))


def test_it_refuses_a_boolean_base_for_a_multiple():
    penalty = Penalty.from_json({"kind": "multiple", "min": 1, "max": 2, "base": "first_time"})

    with pytest.raises(TypeError):
        penalty.bounds({"first_time": True})


def test_it_accepts_an_already_parsed_request():
    line = {
        "violation": "征管法§62",
        "subject": "individual",
        "facts": {"days_late": 3},
        "violation_date": "2024-05-01",
    }

    assert evaluate(parse_request(line), SHIPPED, today=TODAY) == evaluate(line, SHIPPED, today=TODAY)
