from decimal import Decimal

import pytest

from sanxiang.lib.discretion import MissingFact, check_condition, holds
from sanxiang.lib.discretion.conditions import describe_test, referenced_facts


@pytest.mark.parametrize(
    ("condition", "facts", "expected"),
    [
        ({}, {}, True),
        ({"days_late": 15}, {"days_late": 15}, True),
        ({"days_late": {"eq": 15}}, {"days_late": 16}, False),
        ({"days_late": {"ne": 15}}, {"days_late": 16}, True),
        ({"days_late": {"lt": 15}}, {"days_late": 15}, False),
        ({"days_late": {"lte": 15}}, {"days_late": 15}, True),
        ({"days_late": {"gt": 15}}, {"days_late": 15}, False),
        ({"days_late": {"gte": 15}}, {"days_late": 15}, True),
        ({"days_late": {"gt": 15, "lte": 90}}, {"days_late": 90}, True),
        ({"days_late": {"gt": 15, "lte": 90}}, {"days_late": 91}, False),
        ({"days_late": {"in": [1, 2, 3]}}, {"days_late": 2}, True),
        ({"unpaid_tax": {"gt": 0}}, {"unpaid_tax": Decimal("0.01")}, True),
        ({"unpaid_tax": {"lte": 0.5}}, {"unpaid_tax": Decimal("0.5")}, True),
        ({"first_time": True}, {"first_time": True}, True),
        ({"first_time": True}, {"first_time": False}, False),
        ({"first_time": {"ne": True}}, {"first_time": False}, True),
        (
            {"all": [{"days_late": {"gt": 1}}, {"first_time": True}]},
            {"days_late": 2, "first_time": True},
            True,
        ),
        (
            {"all": [{"days_late": {"gt": 1}}, {"first_time": True}]},
            {"days_late": 2, "first_time": False},
            False,
        ),
        ({"any": [{"serious": True}, {"days_late": {"gt": 90}}]}, {"days_late": 91}, True),
        ({"any": [{"serious": True}, {"days_late": {"gt": 90}}]}, {"days_late": 9}, False),
        ({"not": {"first_time": True}}, {"first_time": False}, True),
        # defaults: serious and the harm facts are false unless recorded
        ({"serious": False}, {}, True),
        ({"irrecoverable_loss": False, "major_social_impact": False}, {}, True),
        # "any" stops at the first branch that holds, so a later fact is not needed
        ({"any": [{"days_late": {"gt": 1}}, {"unpaid_tax": {"gt": 0}}]}, {"days_late": 5}, True),
    ],
)
def test_it_evaluates_conditions_over_facts(condition, facts, expected):
    assert check_condition(condition) == []
    assert holds(condition, facts) is expected


@pytest.mark.parametrize(
    ("condition", "facts"),
    [({"days_late": True}, {"days_late": 1}), ({"first_time": 1}, {"first_time": True})],
)
def test_it_never_equates_a_boolean_with_a_number(condition, facts):
    # True == 1 in Python; the loader rejects such a condition, and evaluation does not match it either.
    assert check_condition(condition) != []
    assert holds(condition, facts) is False


@pytest.mark.parametrize(
    ("condition", "facts", "missing"),
    [
        ({"days_late": {"lte": 15}}, {}, "days_late"),
        ({"first_time": True}, {"days_late": 3}, "first_time"),
        ({"any": [{"serious": True}, {"days_late": {"gt": 90}}]}, {}, "days_late"),
    ],
)
def test_it_raises_for_a_missing_fact_without_default(condition, facts, missing):
    with pytest.raises(MissingFact) as raised:
        holds(condition, facts)

    assert raised.value.key == missing


@pytest.mark.parametrize(
    ("condition", "message_part"),
    [
        ([], "应为 JSON 对象"),
        ({"day_late": 3}, "未知的事实字段“day_late”"),
        ({"days_late": {"around": 3}}, "未知的比较方式“around”"),
        ({"days_late": {}}, "没有比较条件"),
        ({"days_late": "3"}, "取值类型不符"),
        ({"first_time": {"gt": 1}}, "只能用于数字事实"),
        ({"days_late": {"lte": "15"}}, "只能用于数字事实"),
        ({"days_late": {"in": 3}}, "应为取值列表"),
        ({"first_time": 1}, "取值类型不符"),
        ({"any": []}, "非空的条件列表"),
        ({"all": {"first_time": True}}, "非空的条件列表"),
        ({"not": {"nope": True}}, "未知的事实字段“nope”"),
        ({"any": [{"days_late": {"gt": 1}}, 7]}, "“any[1]”应为 JSON 对象"),
    ],
)
def test_it_rejects_malformed_conditions(condition, message_part):
    errors = check_condition(condition)

    assert any(message_part in error for error in errors), errors


def test_it_lists_every_referenced_fact():
    condition = {
        "any": [{"serious": True}, {"not": {"days_late": {"gt": 90}}}],
        "all": [{"first_time": True}],
    }

    assert referenced_facts(condition) == {"serious", "days_late", "first_time"}


@pytest.mark.parametrize(
    ("key", "test", "text"),
    [
        ("first_time", True, "首次发生为是"),
        ("days_late", {"gt": 15, "lte": 90}, "逾期天数超过15，不超过90"),
        ("days_late", {"in": [1, 2]}, "逾期天数属于1、2"),
    ],
)
def test_it_describes_a_test_in_chinese(key, test, text):
    assert describe_test(key, test) == text
