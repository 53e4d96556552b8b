"""The shipped data: the violation catalogue, the national 首违不罚 lists and example benchmarks.

The files live in ``data/`` beside this module and are plain JSON, so a region's benchmark differs
from another's only in data (RULES.md §5.3). ``rule_problems`` checks one rule against the
statutory frame; the Excel loader and the tests of the shipped data both use it.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from .conditions import check_condition
from .facts import FACTS
from .model import Benchmark, BenchmarkRule, BenchmarkSet, ExemptionItem, Violation

__all__ = [
    "SHIPPED_BENCHMARKS",
    "benchmark_problems",
    "exemption_items",
    "load_benchmark_json",
    "rule_problems",
    "shipped_benchmark_set",
    "violations",
]

SHIPPED_BENCHMARKS = ("shaanxi-2021.json", "northwest-2023.json")


def _read(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))


@functools.cache
def violations() -> dict[str, Violation]:
    """The violation catalogue by code (statutory frames ✅ except where marked)."""
    return {item["code"]: Violation.from_json(item) for item in _read("violations.json")["violations"]}


@functools.cache
def exemption_items() -> tuple[ExemptionItem, ...]:
    """Both national 首违不罚 batches (2021-04-01 and 2022-01-01), RULES.md §5.2."""
    return tuple(ExemptionItem.from_json(item) for item in _read("first_violation_exemptions.json")["items"])


def load_benchmark_json(text: str) -> Benchmark:
    """A benchmark from its JSON form (as written by :meth:`Benchmark.to_json`)."""
    return Benchmark.from_json(json.loads(text))


@functools.cache
def shipped_benchmark_set() -> BenchmarkSet:
    """The example lineage 陕西 2021 → 西北五省(区) 2023-12-01 with both national exemption lists."""
    benchmarks = [Benchmark.from_json(_read(f"benchmarks/{name}")) for name in SHIPPED_BENCHMARKS]
    return BenchmarkSet.of(benchmarks, exemption_items())


def rule_problems(rule: BenchmarkRule) -> list[tuple[str, str]]:
    """``(field, Chinese message)`` for each way ``rule`` is unusable or exceeds the statute."""
    problems: list[tuple[str, str]] = []
    violation = violations().get(rule.violation)
    if violation is None:
        problems.append(("violation", f"未知的违法行为代码“{rule.violation}”"))
    if rule.subject not in ("individual", "organisation", "any"):
        problems.append(("subject", "适用对象应为个人、单位或全部"))
    problems += [("circumstance", message) for message in check_condition(rule.circumstance)]
    penalty = rule.penalty
    if penalty.kind == "no_penalty":
        return problems
    if penalty.low < 0 or penalty.high < 0:
        problems.append(("min", "下限和上限不能为负数"))
    if penalty.low > penalty.high:
        problems.append(("max", "下限大于上限"))
    if penalty.kind == "multiple":
        spec = FACTS.get(penalty.base or "")
        if spec is None or spec.kind == "bool":
            problems.append(
                ("base", f"基数字段“{penalty.base or ''}”应为数字事实（如 unpaid_tax、days_late）")
            )
        if penalty.floor is not None and penalty.ceiling is not None and penalty.floor > penalty.ceiling:
            problems.append(("floor", "保底金额大于封顶金额"))
    if violation is not None:
        problems += _statutory_problems(rule, violation)
    return problems


def _statutory_problems(rule: BenchmarkRule, violation: Violation) -> list[tuple[str, str]]:
    penalty = rule.penalty
    cap = violation.statutory_max
    if penalty.kind == "fixed" and cap is not None and penalty.high > cap:
        return [("max", f"上限超过法定最高罚款{cap}元（{violation.basis}）")]
    if penalty.kind == "multiple" and penalty.base == "unpaid_tax" and violation.statutory_multiple:
        if penalty.high > violation.statutory_multiple[1]:
            top = violation.statutory_multiple[1]
            return [("max", f"上限超过法定最高倍数{top}倍（{violation.basis}）")]
    if penalty.kind == "multiple" and cap is not None and (penalty.ceiling is None or penalty.ceiling > cap):
        return [("ceiling", f"按{penalty.base}计罚时须设封顶金额且不超过法定最高罚款{cap}元")]
    if penalty.kind == "multiple" and penalty.base != "unpaid_tax" and violation.statutory_multiple:
        return [("base", "该违法行为按不缴或者少缴的税款（unpaid_tax）的倍数处罚")]
    return []


def benchmark_problems(benchmark: Benchmark) -> list[str]:
    """Every rule problem of ``benchmark`` as ``第N项（code）：message``."""
    return [
        f"第{rule.order}项（{rule.violation}）：{message}"
        for rule in benchmark.rules
        for _field, message in rule_problems(rule)
    ]
