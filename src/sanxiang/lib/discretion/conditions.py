"""A small, safe condition language over facts: data, not code (no ``eval``).

A condition is a JSON object. Each key is a fact key or one of the combinators ``all``, ``any``
(lists of conditions) and ``not`` (one condition); all keys must hold. A fact's test is either a
literal (equality: ``{"first_time": true}``) or an object of comparisons, all of which must hold::

    {"days_late": {"gt": 15, "lte": 90}}
    {"any": [{"serious": true}, {"days_late": {"gt": 90}}]}

Comparisons: ``eq``, ``ne``, ``lt``, ``lte``, ``gt``, ``gte`` and ``in`` (a list). ``{}`` always
holds. A fact missing from the request takes its default (see :mod:`.facts`); a fact without a
default raises :class:`MissingFact`, because a circumstance cannot be decided without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .facts import FACTS, FactValue, fact_label

__all__ = [
    "MissingFact",
    "check_condition",
    "describe_test",
    "fact_value",
    "holds",
    "referenced_facts",
]

_OPERATORS = ("eq", "ne", "lt", "lte", "gt", "gte", "in")
_COMBINATORS = ("all", "any", "not")
_OPERATOR_TEXT = {"eq": "为", "ne": "不为", "lt": "小于", "lte": "不超过", "gt": "超过", "gte": "不少于"}


class MissingFact(Exception):
    """A condition needs a fact that the request does not carry and that has no default."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def fact_value(facts: Mapping[str, FactValue], key: str) -> FactValue:
    """The value of ``key`` in ``facts``, or its default; raises :class:`MissingFact`."""
    if key in facts:
        return facts[key]
    spec = FACTS.get(key)
    if spec is not None and spec.default is not None:
        return spec.default
    raise MissingFact(key)


def holds(condition: Mapping[str, Any], facts: Mapping[str, FactValue]) -> bool:
    """Whether ``condition`` holds for ``facts`` (the condition must have passed :func:`check_condition`)."""
    for key, test in condition.items():
        if key == "all":
            if not all(holds(part, facts) for part in test):
                return False
        elif key == "any":
            # Evaluated left to right, so ``{"any": [{"serious": true}, …]}`` does not ask for the
            # later facts once an earlier branch holds.
            if not any(holds(part, facts) for part in test):
                return False
        elif key == "not":
            if holds(test, facts):
                return False
        elif not _test_holds(fact_value(facts, key), test):
            return False
    return True


def _test_holds(value: FactValue, test: Any) -> bool:
    if not isinstance(test, Mapping):
        return _equal(value, test)
    for op, operand in test.items():
        if op == "eq":
            ok = _equal(value, operand)
        elif op == "ne":
            ok = not _equal(value, operand)
        elif op == "in":
            ok = any(_equal(value, item) for item in operand)
        else:
            number, bound = _number(value), _number(operand)
            if op == "lt":
                ok = number < bound
            elif op == "lte":
                ok = number <= bound
            elif op == "gt":
                ok = number > bound
            else:
                ok = number >= bound
        if not ok:
            return False
    return True


def _equal(value: FactValue, literal: Any) -> bool:
    # ``True == 1`` in Python; a boolean fact must never equal a number or the reverse.
    if isinstance(value, bool) or isinstance(literal, bool):
        return isinstance(value, bool) and isinstance(literal, bool) and value is literal
    return _number(value) == _number(literal)


def _number(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def referenced_facts(condition: Mapping[str, Any]) -> set[str]:
    """Every fact key named anywhere in ``condition``."""
    keys: set[str] = set()
    for key, test in condition.items():
        if key in ("all", "any"):
            for part in test:
                keys |= referenced_facts(part)
        elif key == "not":
            keys |= referenced_facts(test)
        else:
            keys.add(key)
    return keys


def check_condition(condition: Any, *, path: str = "") -> list[str]:
    """Chinese messages for everything wrong with ``condition`` (empty when it is valid)."""
    where = f"“{path}”" if path else "条件"
    if not isinstance(condition, Mapping):
        return [f"{where}应为 JSON 对象"]
    errors: list[str] = []
    for key, test in condition.items():
        sub = f"{path}.{key}" if path else str(key)
        if key in ("all", "any"):
            if not isinstance(test, list) or not test:
                errors.append(f"“{sub}”应为非空的条件列表")
                continue
            for index, part in enumerate(test):
                errors += check_condition(part, path=f"{sub}[{index}]")
        elif key == "not":
            errors += check_condition(test, path=sub)
        elif key not in FACTS:
            errors.append(f"未知的事实字段“{key}”")
        else:
            errors += _check_test(FACTS[key].kind, test, sub)
    return errors


def _check_test(kind: str, test: Any, path: str) -> list[str]:
    tests = test if isinstance(test, Mapping) else {"eq": test}
    if not tests:
        return [f"“{path}”没有比较条件"]
    errors: list[str] = []
    for op, operand in tests.items():
        if op not in _OPERATORS:
            errors.append(f"“{path}”中未知的比较方式“{op}”（可用：{'、'.join(_OPERATORS)}）")
        elif op == "in":
            if not isinstance(operand, list) or not all(_fits(kind, item) for item in operand):
                errors.append(f"“{path}.in”应为取值列表")
        elif op in ("eq", "ne"):
            if not _fits(kind, operand):
                errors.append(f"“{path}”的取值类型不符（应为{'是/否' if kind == 'bool' else '数字'}）")
        elif kind == "bool" or not _fits(kind, operand):
            errors.append(f"“{path}.{op}”只能用于数字事实并给出数字")
    return errors


def _fits(kind: str, value: Any) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, int | float) and not isinstance(value, bool)


def describe_test(key: str, test: Any) -> str:
    """A Chinese rendering of one fact test, e.g. ``首次发生为是``."""
    tests = test if isinstance(test, Mapping) else {"eq": test}
    parts = []
    for op, operand in tests.items():
        if op == "in":
            parts.append("属于" + "、".join(_literal(item) for item in operand))
        else:
            parts.append(_OPERATOR_TEXT[op] + _literal(operand))
    return fact_label(key) + "，".join(parts)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)
