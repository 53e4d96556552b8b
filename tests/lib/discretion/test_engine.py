import datetime
import json

import pytest

from sanxiang.lib.discretion import (
    Assessment,
    DiscretionError,
    assess,
    evaluate,
    evaluate_line,
    parse_request,
    run_jsonl,
)


def request(violation="征管法§62", subject="organisation", facts=None, **extra):
    data = {
        "violation": violation,
        "subject": subject,
        "facts": {"days_late": 10} if facts is None else facts,
        "violation_date": "2022-06-01",
        "decision_date": "2022-08-01",
    }
    data.update(extra)
    return data


NOT_FIRST = {"first_time": False, "corrected_in_time": True}


@pytest.mark.parametrize(
    ("data", "expected_range", "expected_within", "reason_part"),
    [
        # fixed band, organisation vs individual
        (
            request(facts={"days_late": 10, **NOT_FIRST}, proposed_penalty=300),
            [0, 500],
            True,
            "在幅度0元至500元内",
        ),
        (
            request(subject="individual", facts={"days_late": 10, **NOT_FIRST}, proposed_penalty=300),
            [0, 100],
            False,
            "高于裁量基准上限100元",
        ),
        # above and below the band
        (
            request(facts={"days_late": 10, **NOT_FIRST}, proposed_penalty=501),
            [0, 500],
            False,
            "高于裁量基准上限500元",
        ),
        (
            request(facts={"days_late": 50, **NOT_FIRST}, proposed_penalty=99.5),
            [100, 2000],
            False,
            "低于裁量基准下限100元",
        ),
        (request(facts={"days_late": 50, **NOT_FIRST}, proposed_penalty=100), [100, 2000], True, "在幅度"),
        (request(facts={"days_late": 50, **NOT_FIRST}, proposed_penalty=2000), [100, 2000], True, "在幅度"),
        # serious by days or by the flag
        (
            request(facts={"days_late": 91, **NOT_FIRST}, proposed_penalty=12000),
            [2000, 10000],
            False,
            "超过法定最高罚款10000元",
        ),
        # multiples of the unpaid tax, rounded half up to yuan
        (
            request("征管法§63", facts={"unpaid_tax": 12345.5, "tax_paid": True}, proposed_penalty=6173),
            [6173, 12346],
            True,
            "四舍五入到元",
        ),
        (
            request("征管法§63", facts={"unpaid_tax": 1000, "tax_paid": False}, proposed_penalty=2500),
            [1000, 2000],
            False,
            "高于",
        ),
        # per-day multiple with floor and ceiling
        (
            request("征管法§60(1)", facts={"days_late": 3}, proposed_penalty=100),
            [100, 100],
            True,
            "不低于100元",
        ),
        (
            request("征管法§60(1)", facts={"days_late": 30}, proposed_penalty=600),
            [600, 600],
            True,
            "按逾期天数每日罚款20元",
        ),
        (
            request("征管法§60(1)", facts={"days_late": 400}, proposed_penalty=2000),
            [2000, 2000],
            True,
            "不超过2000元",
        ),
        # no proposed penalty
        (request(facts={"days_late": 10, **NOT_FIRST}), [0, 500], None, "未提供拟处罚款金额"),
    ],
)
def test_it_gives_the_band_and_checks_the_proposal(
    benchmarks, today, data, expected_range, expected_within, reason_part
):
    result = evaluate(data, benchmarks, today=today)

    assert set(result) == {
        "benchmark",
        "range",
        "within_range",
        "first_violation_exemption",
        "missing_facts",
        "reasons",
    }
    assert result["missing_facts"] == []
    assert result["range"] == expected_range
    assert result["within_range"] is expected_within
    assert result["first_violation_exemption"] is False
    assert any(reason_part in reason for reason in result["reasons"])


def test_it_prefers_a_subject_specific_rule_over_an_any_rule(benchmarks, today):
    specific = evaluate(
        request(subject="organisation", facts={"days_late": 10, "serious": True, **NOT_FIRST}),
        benchmarks,
        today=today,
    )
    # the organisation rule "逾期15日以内" wins over the earlier "any" rule "严重" although both hold
    assert specific["range"] == [0, 500]
    assert any("情形“逾期15日以内”（适用单位）" in r for r in specific["reasons"])


def test_it_uses_the_any_rule_when_no_specific_rule_holds(benchmarks, today):
    result = evaluate(
        request(subject="individual", facts={"days_late": 60, **NOT_FIRST}), benchmarks, today=today
    )

    assert result["range"] == [100, 2000]
    assert any("（适用个人和单位）" in r for r in result["reasons"])


@pytest.mark.parametrize(
    ("data", "expected_benchmark", "expected_range", "reason_part"),
    [
        # the newer one is lighter (lower maximum): newer applies
        (
            request(
                facts={"days_late": 10, **NOT_FIRST}, violation_date="2023-06-01", decision_date="2024-01-10"
            ),
            "《新基准》(2023版)",
            [0, 200],
            "从旧兼从轻，适用《新基准》(2023版)",
        ),
        # same maximum, lower minimum: newer applies
        (
            request(
                facts={"days_late": 50, **NOT_FIRST}, violation_date="2023-06-01", decision_date="2024-01-10"
            ),
            "《新基准》(2023版)",
            [50, 2000],
            "轻于《旧基准》(2021版)的100元至2000元",
        ),
        # identical band: older stays
        (
            request(
                subject="individual",
                facts={"days_late": 10, **NOT_FIRST},
                violation_date="2023-06-01",
                decision_date="2024-01-10",
            ),
            "《旧基准》(2021版)",
            [0, 100],
            "不轻于",
        ),
        # the newer one is heavier: older stays
        (
            request(
                "征管法§63",
                facts={"unpaid_tax": 1000, "tax_paid": False},
                violation_date="2023-06-01",
                decision_date="2024-01-10",
            ),
            "《旧基准》(2021版)",
            [1000, 2000],
            "适用违法行为发生时的《旧基准》(2021版)",
        ),
        # a per-day fine: the lighter rate applies
        (
            request(
                "征管法§60(1)",
                facts={"days_late": 30},
                violation_date="2023-06-01",
                decision_date="2024-01-10",
            ),
            "《新基准》(2023版)",
            [300, 300],
            "从旧兼从轻",
        ),
        # the newer one does not regulate the violation: older stays
        (
            request("征管法§64¶1", facts={}, violation_date="2023-06-01", decision_date="2024-01-10"),
            "《旧基准》(2021版)",
            [0, 10000],
            "未规定该违法行为",
        ),
        # decided before the newer one took effect: only the older one is considered
        (
            request(
                facts={"days_late": 10, **NOT_FIRST}, violation_date="2023-06-01", decision_date="2023-11-30"
            ),
            "《旧基准》(2021版)",
            [0, 500],
            "违法行为发生日2023-06-01施行《旧基准》(2021版)",
        ),
        # violation under the newer one
        (
            request(
                facts={"days_late": 10, **NOT_FIRST}, violation_date="2024-02-01", decision_date="2024-03-01"
            ),
            "《新基准》(2023版)",
            [0, 200],
            "违法行为发生日2024-02-01施行《新基准》(2023版)",
        ),
    ],
)
def test_it_applies_the_older_benchmark_unless_the_newer_is_lighter(
    benchmarks, today, data, expected_benchmark, expected_range, reason_part
):
    result = evaluate(data, benchmarks, today=today)

    assert result["benchmark"] == expected_benchmark
    assert result["range"] == expected_range
    assert any(reason_part in reason for reason in result["reasons"])


def test_it_takes_today_as_the_decision_date_when_none_is_given(benchmarks):
    data = request(facts={"days_late": 10, **NOT_FIRST}, violation_date="2023-06-01")
    del data["decision_date"]

    before = evaluate(data, benchmarks, today=datetime.date(2023, 11, 1))
    after = evaluate(data, benchmarks, today=datetime.date(2024, 1, 1))

    assert before["benchmark"] == "《旧基准》(2021版)"
    assert after["benchmark"] == "《新基准》(2023版)"


EXEMPT = {"days_late": 20, "first_time": True, "corrected_in_time": True, "unpaid_tax": 0}


@pytest.mark.parametrize(
    ("data", "exempt", "reason_part"),
    [
        (request(facts=EXEMPT, proposed_penalty=0), True, "第一批，国家税务总局公告2021年第6号）第3项"),
        (request(facts={**EXEMPT, "first_time": False}), False, "不满足“首次发生为是”"),
        (
            request(facts={**EXEMPT, "corrected_in_time": False}),
            False,
            "不满足“在税务机关发现前主动改正或者在责令限期改正的期限内改正为是”",
        ),
        (
            request(facts={**EXEMPT, "irrecoverable_loss": True}),
            False,
            "造成不可挽回的税费损失为否",
        ),
        (
            request(facts={**EXEMPT, "major_social_impact": True}),
            False,
            "造成较大社会影响为否",
        ),
        (
            request(facts={"days_late": 20, "corrected_in_time": True}),
            False,
            "缺少事实“首次发生”，无法认定",
        ),
        (
            request(
                "征管法§63",
                facts={"unpaid_tax": 100, "tax_paid": True, "first_time": True, "corrected_in_time": True},
            ),
            False,
            "不在税务行政处罚“首违不罚”事项清单内",
        ),
        (
            request(facts=EXEMPT, violation_date="2021-03-31", decision_date="2021-05-01"),
            False,
            "施行（2021-04-01）之前",
        ),
        (request(facts=EXEMPT, violation_date="2021-04-01", decision_date="2021-05-01"), True, "第3项"),
        # item-specific conditions: no illegal gain
        (request("发票管理办法§33(2)", facts={**EXEMPT, "illegal_gain": False}), True, "第4项"),
        (
            request("发票管理办法§33(2)", facts={**EXEMPT, "illegal_gain": True}),
            False,
            "有违法所得为否",
        ),
        (request("发票管理办法§33(2)", facts=EXEMPT), False, "缺少事实“有违法所得”"),
        # a batch-2 item: not before 2022-01-01, and only the invoice-seal part of §33(1)
        (
            request(
                "发票管理办法§33(1)",
                facts={**EXEMPT, "illegal_gain": False, "missing_seal_only": True},
                violation_date="2021-12-31",
            ),
            False,
            "施行（2022-01-01）之前",
        ),
        (
            request(
                "发票管理办法§33(1)",
                facts={**EXEMPT, "illegal_gain": False, "missing_seal_only": True},
                violation_date="2022-01-01",
                decision_date="2022-02-01",
            ),
            True,
            "第二批，国家税务总局公告2021年第33号）第3项",
        ),
        (
            request(
                "发票管理办法§33(1)",
                facts={**EXEMPT, "illegal_gain": False, "missing_seal_only": False},
                violation_date="2022-01-01",
                decision_date="2022-02-01",
            ),
            False,
            "仅为未加盖发票专用章为是",
        ),
    ],
)
def test_it_decides_the_first_violation_exemption(benchmarks, today, data, exempt, reason_part):
    result = evaluate(data, benchmarks, today=today)

    assert result["first_violation_exemption"] is exempt
    assert any(reason_part in reason for reason in result["reasons"]), result["reasons"]
    if exempt:
        assert result["range"] == [0, 0]
        assert any("《中华人民共和国行政处罚法》第三十三条第一款" in r for r in result["reasons"])


@pytest.mark.parametrize(("proposed", "within"), [(0, True), (500, False), (None, None)])
def test_it_holds_an_exemption_to_a_penalty_of_zero(benchmarks, today, proposed, within):
    data = request(facts=EXEMPT) if proposed is None else request(facts=EXEMPT, proposed_penalty=proposed)

    result = evaluate(data, benchmarks, today=today)

    assert result["range"] == [0, 0]
    assert result["within_range"] is within


def test_it_names_the_exemption_item_and_the_matched_rule_in_the_assessment(benchmarks, today):
    parsed = parse_request(request(facts=EXEMPT, proposed_penalty=0))

    result = assess(parsed, benchmarks, today=today)

    assert isinstance(result, Assessment)
    assert result.exemption is not None and (result.exemption.batch, result.exemption.number) == (1, 3)
    assert result.rule.label == "逾期16日至90日"
    assert result.first_violation_exemption


def error_of(result):
    assert set(result) == {"error"}
    return result["error"]["field"], result["error"]["message"]


@pytest.mark.parametrize(
    ("line", "field", "message_part"),
    [
        ("{not json", "", "不是有效的 JSON"),
        ("", "", "不是有效的 JSON"),
        ('{"violation": "征管法§62", "proposed_penalty": NaN}', "", "不是有效的 JSON"),
        ("[1, 2]", "", "JSON 对象"),
        (json.dumps({**request(), "case": 1}), "case", "未知字段"),
        (json.dumps(request(violation="征管法§99")), "violation", "未知的违法行为代码“征管法§99”"),
        (
            json.dumps({k: v for k, v in request().items() if k != "violation"}),
            "violation",
            "缺少违法行为代码",
        ),
        (json.dumps(request(subject="company")), "subject", "individual（个人）或 organisation（单位）"),
        (json.dumps(request(facts=[1])), "facts", "facts 应为 JSON 对象"),
        (json.dumps(request(facts={"day_late": 3})), "facts.day_late", "未知的事实字段“day_late”"),
        (json.dumps(request(facts={"days_late": -1})), "facts.days_late", "不能为负数"),
        (json.dumps(request(facts={"days_late": 1.5})), "facts.days_late", "整数天数"),
        (json.dumps(request(facts={"days_late": True})), "facts.days_late", "整数天数"),
        (json.dumps(request(facts={"first_time": "yes"})), "facts.first_time", "true 或 false"),
        (
            json.dumps(request("征管法§63", facts={"unpaid_tax": -5, "tax_paid": True})),
            "facts.unpaid_tax",
            "不能为负数",
        ),
        (
            json.dumps(request("征管法§63", facts={"unpaid_tax": "100", "tax_paid": True})),
            "facts.unpaid_tax",
            "金额数字",
        ),
        (json.dumps(request(proposed_penalty=-1)), "proposed_penalty", "不能为负数"),
        (json.dumps(request(proposed_penalty="500")), "proposed_penalty", "金额数字"),
        (json.dumps(request(violation_date="2025-02-30")), "violation_date", "日期“2025-02-30”无效"),
        (json.dumps(request(violation_date="20250301")), "violation_date", "无效"),
        (json.dumps(request(violation_date=20250301)), "violation_date", "YYYY-MM-DD"),
        (
            json.dumps({k: v for k, v in request().items() if k != "violation_date"}),
            "violation_date",
            "缺少日期",
        ),
        (json.dumps(request(decision_date="2022-05-31")), "decision_date", "早于违法行为发生日期"),
        (json.dumps(request(decision_date="soon")), "decision_date", "无效"),
        # errors found while assessing
        (
            json.dumps(request("征管法§60(1)", subject="individual", facts={"days_late": 3})),
            "facts",
            "不符合《旧基准》(2021版)中“征管法§60(1)”的任何情形",
        ),
        (
            json.dumps(request("征管法§61", facts={})),
            "violation",
            "《旧基准》(2021版)未规定违法行为“征管法§61”",
        ),
        (
            json.dumps(request(violation_date="2020-12-31", decision_date="2021-02-01")),
            "violation_date",
            "没有施行中的裁量基准",
        ),
    ],
)
def test_it_answers_a_bad_line_with_an_error_object(benchmarks, today, line, field, message_part):
    result = evaluate_line(line, benchmarks, today=today, line=7)

    assert result["error"]["line"] == 7
    got_field, message = error_of(result)
    assert got_field == field
    assert message_part in message


def test_it_returns_an_error_object_from_parse_request_for_a_bad_request():
    parsed = parse_request(request(subject="nobody"), line=3)

    assert isinstance(parsed, DiscretionError)
    assert parsed.to_json() == {"error": {"line": 3, "field": "subject", "message": parsed.message}}


def test_it_writes_one_numbered_line_per_input_line(benchmarks, today):
    lines = [
        json.dumps(request(facts=EXEMPT, proposed_penalty=500), ensure_ascii=False),
        "garbage",
        json.dumps(request(facts={"days_late": 10, **NOT_FIRST}, proposed_penalty=300), ensure_ascii=False),
    ]

    out = [json.loads(text) for text in run_jsonl(lines, benchmarks, today=today)]

    assert len(out) == 3
    assert out[0]["first_violation_exemption"] is True and out[0]["within_range"] is False
    assert out[1]["error"]["line"] == 2
    assert out[2]["within_range"] is True


@pytest.mark.parametrize(
    ("data", "expected_range", "expected_within", "missing"),
    [
        # which line of §62 applies depends on the days late: the statutory frame meanwhile
        (request(facts={}, proposed_penalty=300), [0, 10000], None, ["days_late"]),
        # a proposal above the statutory maximum is flagged even before the facts are in
        (request(facts={}, proposed_penalty=18143), [0, 10000], False, ["days_late"]),
        # §63 without "tax paid": the statutory multiple of the unpaid tax (50% to 5 times)
        (request("征管法§63", facts={"unpaid_tax": 1000}), [500, 5000], None, ["tax_paid"]),
        (request("征管法§63", facts={}), None, None, ["unpaid_tax", "tax_paid"]),
        # a per-day fine without the number of days
        (request("征管法§60(1)", facts={}, proposed_penalty=100), [0, 10000], None, ["days_late"]),
    ],
)
def test_missing_facts_give_the_statutory_range_and_the_facts_that_would_narrow_it(
    benchmarks, today, data, expected_range, expected_within, missing
):
    result = evaluate(data, benchmarks, today=today)

    assert "error" not in result
    assert result["range"] == expected_range
    assert result["within_range"] is expected_within
    assert result["missing_facts"] == missing
    assert any("尚缺事实" in reason and "补充这些事实" in reason for reason in result["reasons"])
    assert any(reason.startswith("法定罚则：") for reason in result["reasons"])


def test_an_undetermined_assessment_has_no_line_and_says_so(benchmarks, today):
    parsed = parse_request(request(facts={"first_time": True}))
    result = assess(parsed, benchmarks, today=today)
    assert isinstance(result, Assessment)
    assert not result.determined and result.rule is None
    assert result.missing_facts == ("days_late",)


def test_the_questions_are_the_facts_the_benchmark_and_the_exemption_list_ask(benchmarks):
    from sanxiang.lib.discretion import questions

    asked = [
        spec.key
        for spec in questions(
            benchmarks, violation="征管法§62", subject="organisation", on=datetime.date(2022, 6, 1)
        )
    ]
    assert asked == [
        "days_late",
        "serious",
        "first_time",
        "corrected_in_time",
        "irrecoverable_loss",
        "major_social_impact",
    ]
    tax = [
        spec.key
        for spec in questions(
            benchmarks, violation="征管法§63", subject="organisation", on=datetime.date(2022, 6, 1)
        )
    ]
    assert tax == ["unpaid_tax", "tax_paid"]
