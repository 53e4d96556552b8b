"""The discretion check: for a proposed penalty, the lawful band, the 首违不罚 exemption, and why.

One request (one JSON line of ``sanxiang discretion --jsonl``)::

    {"violation": "征管法§62", "subject": "organisation",
     "facts": {"days_late": 20, "first_time": true, "corrected_in_time": true, "unpaid_tax": 0},
     "violation_date": "2025-03-01", "decision_date": "2025-04-10", "proposed_penalty": 500}

gives exactly ``{"benchmark", "range", "within_range", "first_violation_exemption", "reasons"}`` or
``{"error": {"line", "field", "message"}}``. ``decision_date`` is optional; without it the caller's
``today`` is the decision date. The command is a thin loop over :func:`evaluate_line`.

Choices, stated in the reasons of each answer:

- The benchmark is the version in force on the violation date; a newer version in force on the
  decision date applies instead only if it is lighter for these facts: a lower maximum, or the same
  maximum and a lower minimum (从旧兼从轻, 行政处罚法第三十七条).
- The exemption applies only if an item of a national 首违不罚 list in force on the violation date
  covers the violation and all its conditions hold. Then the lawful outcome is no penalty: the
  range becomes ``[0, 0]`` and ``within_range`` is true only for a proposed penalty of 0
  (行政处罚法第三十三条第一款).
- Multiples of the unpaid tax are rounded to whole yuan, halves up, and ``within_range`` compares
  the proposed penalty with those rounded bounds, so what is shown is what is checked.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .catalogue import violations
from .conditions import MissingFact, describe_test, holds, referenced_facts
from .facts import FACTS, FactSpec, FactValue, fact_label
from .model import (
    CERTAINTY_NOTES,
    SUBJECT_LABELS,
    Benchmark,
    BenchmarkRule,
    BenchmarkSet,
    ExemptionItem,
    Subject,
    to_yuan,
)

__all__ = [
    "Assessment",
    "DiscretionError",
    "DiscretionRequest",
    "assess",
    "evaluate",
    "evaluate_line",
    "parse_request",
    "parse_request_line",
    "questions",
    "run_jsonl",
]

_FIELDS = ("violation", "subject", "facts", "violation_date", "decision_date", "proposed_penalty")
_BASIS_37 = "《中华人民共和国行政处罚法》第三十七条"
_BASIS_33 = "《中华人民共和国行政处罚法》第三十三条第一款"


@dataclass(frozen=True)
class DiscretionRequest:
    """A validated request: facts are typed (days → int, money → Decimal, flags → bool)."""

    violation: str
    subject: Subject
    facts: Mapping[str, FactValue]
    violation_date: datetime.date
    decision_date: datetime.date | None = None
    proposed_penalty: Decimal | None = None


@dataclass(frozen=True)
class DiscretionError:
    """A request that cannot be assessed; ``field`` names the offending key (``facts.days_late``)."""

    line: int
    field: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"error": {"line": self.line, "field": self.field, "message": self.message}}


@dataclass(frozen=True)
class Assessment:
    """The full answer; :meth:`to_json` is the command's output line."""

    request: DiscretionRequest
    benchmark: Benchmark
    rule: BenchmarkRule | None
    range: tuple[int, int] | None
    within_range: bool | None
    exemption: ExemptionItem | None
    reasons: tuple[str, ...]
    missing_facts: tuple[str, ...] = ()

    @property
    def first_violation_exemption(self) -> bool:
        return self.exemption is not None

    @property
    def determined(self) -> bool:
        """Whether the benchmark line is known; if not, ``range`` is the statutory frame."""
        return self.rule is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark.title,
            "range": [self.range[0], self.range[1]] if self.range is not None else None,
            "within_range": self.within_range,
            "first_violation_exemption": self.first_violation_exemption,
            "missing_facts": list(self.missing_facts),
            "reasons": list(self.reasons),
        }


# --- parsing ----------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def parse_request_line(text: str, *, line: int = 1) -> DiscretionRequest | DiscretionError:
    """Decode one JSON line and validate it (see :func:`parse_request`)."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        return DiscretionError(line, "", f"不是有效的 JSON：{exc}")
    return parse_request(data, line=line)


def parse_request(data: Any, *, line: int = 1) -> DiscretionRequest | DiscretionError:
    """Validate a decoded request object; the first problem found is returned as an error."""
    if not isinstance(data, dict):
        return DiscretionError(line, "", "每行应为一个 JSON 对象")
    for key in data:
        if key not in _FIELDS:
            return DiscretionError(line, str(key), f"未知字段“{key}”（可用：{'、'.join(_FIELDS)}）")
    code = data.get("violation")
    if not isinstance(code, str) or not code:
        return DiscretionError(line, "violation", "缺少违法行为代码")
    if code not in violations():
        return DiscretionError(line, "violation", f"未知的违法行为代码“{code}”")
    subject = data.get("subject")
    if subject not in ("individual", "organisation"):
        return DiscretionError(line, "subject", "适用对象应为 individual（个人）或 organisation（单位）")
    facts = _parse_facts(data.get("facts", {}), line)
    if isinstance(facts, DiscretionError):
        return facts
    violation_date = _parse_date(data.get("violation_date"), "violation_date", line, required=True)
    if isinstance(violation_date, DiscretionError):
        return violation_date
    decision_date = _parse_date(data.get("decision_date"), "decision_date", line, required=False)
    if isinstance(decision_date, DiscretionError):
        return decision_date
    assert violation_date is not None
    if decision_date is not None and decision_date < violation_date:
        return DiscretionError(line, "decision_date", "处罚决定日期早于违法行为发生日期")
    proposed = data.get("proposed_penalty")
    penalty: Decimal | None = None
    if proposed is not None:
        amount = _money(proposed, "proposed_penalty", "拟处罚款", line)
        if isinstance(amount, DiscretionError):
            return amount
        penalty = amount
    return DiscretionRequest(code, subject, facts, violation_date, decision_date, penalty)


def _parse_facts(raw: Any, line: int) -> dict[str, FactValue] | DiscretionError:
    if not isinstance(raw, dict):
        return DiscretionError(line, "facts", "facts 应为 JSON 对象")
    facts: dict[str, FactValue] = {}
    for key, value in raw.items():
        field = f"facts.{key}"
        spec = FACTS.get(key)
        if spec is None:
            return DiscretionError(line, field, f"未知的事实字段“{key}”")
        if spec.kind == "bool":
            if not isinstance(value, bool):
                return DiscretionError(line, field, f"“{spec.label}”应为 true 或 false")
            facts[key] = value
        elif spec.kind == "days":
            if isinstance(value, bool) or not isinstance(value, int):
                return DiscretionError(line, field, f"“{spec.label}”应为整数天数")
            if value < 0:
                return DiscretionError(line, field, f"“{spec.label}”不能为负数")
            facts[key] = value
        else:
            amount = _money(value, field, spec.label, line)
            if isinstance(amount, DiscretionError):
                return amount
            facts[key] = amount
    return facts


def _money(value: Any, field: str, label: str, line: int) -> Decimal | DiscretionError:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return DiscretionError(line, field, f"“{label}”应为金额数字（元）")
    if value < 0:
        return DiscretionError(line, field, f"“{label}”不能为负数")
    return Decimal(str(value))


def _parse_date(
    value: Any, field: str, line: int, *, required: bool
) -> datetime.date | None | DiscretionError:
    if value is None:
        return DiscretionError(line, field, "缺少日期") if required else None
    if not isinstance(value, str):
        return DiscretionError(line, field, "日期应为 YYYY-MM-DD 格式的字符串")
    try:
        # fromisoformat also takes "20250301" and week dates; only the plain form is accepted.
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        return DiscretionError(line, field, f"日期“{value}”无效，应为 YYYY-MM-DD")


# --- assessment -------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message


class _Undetermined(Exception):
    """The benchmark line depends on facts the request does not give."""

    def __init__(self, benchmark: Benchmark, missing: tuple[str, ...]) -> None:
        self.benchmark = benchmark
        self.missing = missing


def _unknown(keys: Iterable[str], facts: Mapping[str, FactValue]) -> set[str]:
    """The keys neither given nor defaulted."""
    return {k for k in keys if k not in facts and (k not in FACTS or FACTS[k].default is None)}


def _candidates(benchmark: Benchmark, request: DiscretionRequest) -> list[BenchmarkRule]:
    return sorted(
        (rule for rule in benchmark.rules_for(request.violation) if rule.subject in (request.subject, "any")),
        key=lambda rule: (rule.subject == "any", rule.order),
    )


def _narrowing_facts(benchmark: Benchmark, request: DiscretionRequest) -> tuple[str, ...]:
    """Every unknown fact that a circumstance or a band of this violation uses, in FACTS order."""
    keys: set[str] = set()
    for rule in _candidates(benchmark, request):
        keys |= referenced_facts(rule.circumstance)
        if rule.penalty.base:
            keys.add(rule.penalty.base)
    unknown = _unknown(keys, request.facts)
    return tuple(key for key in FACTS if key in unknown)


def questions(benchmarks: BenchmarkSet, *, violation: str, subject: str, on: datetime.date) -> list[FactSpec]:
    """The facts the benchmark in force on ``on`` and the 首违不罚 lists ask about ``violation``,
    in FACTS order: the questions a case form puts to the clerk instead of a JSON box."""
    keys: set[str] = set()
    benchmark = benchmarks.in_force_on(on)
    if benchmark is not None:
        for rule in benchmark.rules_for(violation):
            if rule.subject in (subject, "any"):
                keys |= referenced_facts(rule.circumstance)
                if rule.penalty.base:
                    keys.add(rule.penalty.base)
    for item in benchmarks.exemptions_for(violation):
        if item.effective_from <= on:
            keys |= referenced_facts(item.conditions)
    return [spec for key, spec in FACTS.items() if key in keys]


def _match(benchmark: Benchmark, request: DiscretionRequest) -> BenchmarkRule:
    """The rule for these facts: subject-specific before ``any``, then by item number."""
    if not benchmark.rules_for(request.violation):
        raise _Refused("violation", f"{benchmark.title}未规定违法行为“{request.violation}”")
    for rule in _candidates(benchmark, request):
        try:
            if rule.matches(request.facts):
                return rule
        except MissingFact:
            # An earlier circumstance cannot be decided: which line applies is open until the
            # clerk answers; the statutory frame and the open facts are the answer meanwhile.
            raise _Undetermined(benchmark, _narrowing_facts(benchmark, request)) from None
    raise _Refused("facts", f"事实不符合{benchmark.title}中“{request.violation}”的任何情形")


def _bounds(rule: BenchmarkRule, request: DiscretionRequest, benchmark: Benchmark) -> tuple[int, int]:
    try:
        return rule.penalty.bounds(request.facts)
    except MissingFact:
        raise _Undetermined(benchmark, _narrowing_facts(benchmark, request)) from None


def _lighter(new: tuple[int, int], old: tuple[int, int]) -> bool:
    """Lower maximum, or the same maximum and a lower minimum (行政处罚法第三十七条 “处罚较轻”)."""
    return new[1] < old[1] or (new[1] == old[1] and new[0] < old[0])


def _yuan(amount: Decimal | int) -> str:
    return format(Decimal(amount).normalize(), "f")


def _band(bounds: tuple[int, int]) -> str:
    return f"{bounds[0]}元至{bounds[1]}元"


def assess(
    request: DiscretionRequest, benchmarks: BenchmarkSet, *, today: datetime.date, line: int = 1
) -> Assessment | DiscretionError:
    """Assess one validated request; ``today`` is the decision date unless the request gives one."""
    try:
        return _assess(request, benchmarks, today)
    except _Refused as refused:
        return DiscretionError(line, refused.field, refused.message)
    except _Undetermined as open_facts:
        return _statutory(request, benchmarks, open_facts)


def _statutory_range(request: DiscretionRequest) -> tuple[int, int] | None:
    """The frame the law itself sets: a multiple of the unpaid tax when that is known, else
    nothing above the statutory maximum; None when neither can be said in yuan."""
    violation = violations()[request.violation]
    if violation.statutory_multiple is not None:
        tax = request.facts.get("unpaid_tax")
        if tax is None or isinstance(tax, bool):
            return None
        low, high = violation.statutory_multiple
        return to_yuan(low * Decimal(tax)), to_yuan(high * Decimal(tax))
    if violation.statutory_max is not None:
        return 0, to_yuan(violation.statutory_max)
    return None


def _statutory(request: DiscretionRequest, benchmarks: BenchmarkSet, open_facts: _Undetermined) -> Assessment:
    """The answer while facts are missing: the statutory frame, the facts that would narrow it to
    a benchmark line, and whether the proposal already breaks the frame."""
    violation = violations()[request.violation]
    bounds = _statutory_range(request)
    labels = "、".join(f"“{fact_label(key)}”" for key in open_facts.missing)
    reasons = [
        f"违法行为发生日{request.violation_date}施行{open_facts.benchmark.title}",
        f"尚缺事实{labels}，无法确定适用{open_facts.benchmark.title}的哪一裁量阶次；"
        f"补充这些事实后可得出裁量幅度",
        f"法定罚则：{violation.basis}：{violation.statutory_text}"
        + (
            f"；法定幅度{_band(bounds)}"
            if bounds is not None
            else "；按法定倍数计算须先提供不缴或者少缴的税款"
        ),
    ]
    exemption, exemption_reasons = _exemption(request, benchmarks)
    reasons += exemption_reasons
    if exemption is not None:
        bounds = (0, 0)
    within: bool | None = None
    proposed = request.proposed_penalty
    if proposed is None:
        reasons.append("未提供拟处罚款金额，未判断是否在幅度内")
    elif bounds is None:
        reasons.append("法定幅度尚不能以金额表示，未判断拟处罚款是否在幅度内")
    elif exemption is not None:
        within, text = _within(request, bounds, exemption)
        reasons.append(text)
    elif proposed > bounds[1]:
        within = False
        reasons.append(f"拟处罚款{_yuan(proposed)}元超过法定最高罚款{bounds[1]}元")
    elif proposed < bounds[0]:
        within = False
        reasons.append(f"拟处罚款{_yuan(proposed)}元低于法定最低罚款{bounds[0]}元")
    else:
        reasons.append(f"拟处罚款{_yuan(proposed)}元在法定幅度内；是否符合裁量基准，须补充上述事实后判断")
    return Assessment(
        request,
        open_facts.benchmark,
        None,
        bounds,
        within,
        exemption,
        tuple(reasons),
        open_facts.missing,
    )


def _assess(request: DiscretionRequest, benchmarks: BenchmarkSet, today: datetime.date) -> Assessment:
    decision_date = request.decision_date or today
    old = benchmarks.in_force_on(request.violation_date)
    if old is None:
        raise _Refused("violation_date", f"违法行为发生日{request.violation_date}没有施行中的裁量基准")
    reasons = [f"违法行为发生日{request.violation_date}施行{old.title}"]
    benchmark, rule = old, _match(old, request)
    bounds = _bounds(rule, request, old)
    newer = benchmarks.in_force_on(decision_date)
    if newer is not None and newer.effective_from > old.effective_from:
        if not newer.rules_for(request.violation):
            reasons.append(
                f"作出处罚决定时（{decision_date}）施行的{newer.title}未规定该违法行为，适用{old.title}"
            )
        else:
            new_rule = _match(newer, request)
            new_bounds = _bounds(new_rule, request, newer)
            if _lighter(new_bounds, bounds):
                reasons.append(
                    f"作出处罚决定时（{decision_date}）施行{newer.title}，其幅度{_band(new_bounds)}"
                    f"轻于{old.title}的{_band(bounds)}，依据{_BASIS_37}从旧兼从轻，适用{newer.title}"
                )
                benchmark, rule, bounds = newer, new_rule, new_bounds
            else:
                reasons.append(
                    f"作出处罚决定时（{decision_date}）施行{newer.title}，其幅度{_band(new_bounds)}"
                    f"不轻于{old.title}的{_band(bounds)}，依据{_BASIS_37}适用违法行为发生时的{old.title}"
                )
    reasons.append(_rule_reason(benchmark, rule, request, bounds))
    exemption, exemption_reasons = _exemption(request, benchmarks)
    reasons += exemption_reasons
    if exemption is not None:
        bounds = (0, 0)
    within, within_reason = _within(request, bounds, exemption)
    reasons.append(within_reason)
    return Assessment(request, benchmark, rule, bounds, within, exemption, tuple(reasons))


def _rule_reason(
    benchmark: Benchmark, rule: BenchmarkRule, request: DiscretionRequest, bounds: tuple[int, int]
) -> str:
    violation = violations()[rule.violation]
    text = (
        f"依据{benchmark.title}第{rule.order}项（{violation.basis}）：{rule.violation} {rule.title}，"
        f"情形“{rule.label}”（适用{SUBJECT_LABELS[rule.subject]}）：{rule.penalty.describe()}"
    )
    if rule.penalty.kind == "multiple" and rule.penalty.base:
        base = request.facts.get(rule.penalty.base, 0)
        text += f"；{FACTS[rule.penalty.base].label}为{_yuan(Decimal(base))}，按倍数计算的金额四舍五入到元"
    text += f"；幅度{_band(bounds)}"
    if rule.certainty != "confirmed":
        text += f"（{CERTAINTY_NOTES[rule.certainty]}）"
    return text


def _exemption(
    request: DiscretionRequest, benchmarks: BenchmarkSet
) -> tuple[ExemptionItem | None, list[str]]:
    items = sorted(benchmarks.exemptions_for(request.violation), key=lambda i: (i.batch, i.number))
    if not items:
        return None, ["该违法行为不在税务行政处罚“首违不罚”事项清单内，不适用首违不罚"]
    in_force = [item for item in items if item.effective_from <= request.violation_date]
    if not in_force:
        first = items[0]
        return None, [f"违法行为发生于{first.citation}施行（{first.effective_from}）之前，不适用首违不罚"]
    failures: list[str] = []
    for item in in_force:
        problems = _unmet(item, request.facts)
        if not problems:
            return item, [
                f"符合{item.citation}：{item.description}；首次发生、危害后果轻微并及时改正。"
                f"依据{_BASIS_33}不予行政处罚，应当制作《不予行政处罚决定书》",
                "适用首违不罚时依法不予处罚：幅度记为[0, 0]，仅拟处罚款为0时视为在幅度内",
            ]
        failures.append(f"不适用{item.citation}：{'；'.join(problems)}")
    return None, failures


def _unmet(item: ExemptionItem, facts: Mapping[str, FactValue]) -> list[str]:
    """Each top-level condition of ``item`` that fails or cannot be decided, in Chinese."""
    problems = []
    for key, test in item.conditions.items():
        try:
            if not holds({key: test}, facts):
                problems.append(f"不满足“{describe_test(key, test)}”")
        except MissingFact as missing:
            problems.append(f"缺少事实“{fact_label(missing.key)}”，无法认定")
    return problems


def _within(
    request: DiscretionRequest, bounds: tuple[int, int], exemption: ExemptionItem | None
) -> tuple[bool | None, str]:
    proposed = request.proposed_penalty
    if proposed is None:
        return None, "未提供拟处罚款金额，未判断是否在幅度内"
    if exemption is not None:
        if proposed == 0:
            return True, "拟不予罚款，与首违不罚的结论一致"
        return False, f"拟处罚款{_yuan(proposed)}元，但依法应当不予行政处罚"
    low, high = bounds
    cap = violations()[request.violation].statutory_max
    if proposed > high:
        text = f"拟处罚款{_yuan(proposed)}元高于裁量基准上限{high}元"
        if cap is not None and proposed > cap:
            text += f"，且超过法定最高罚款{_yuan(cap)}元"
        return False, text
    if proposed < low:
        return False, f"拟处罚款{_yuan(proposed)}元低于裁量基准下限{low}元；减轻处罚须说明理由并经法制审核"
    return True, f"拟处罚款{_yuan(proposed)}元在幅度{_band(bounds)}内"


# --- the command's entry points ---------------------------------------------------------------


def evaluate(
    request: DiscretionRequest | Mapping[str, Any],
    benchmarks: BenchmarkSet,
    *,
    today: datetime.date,
    line: int = 1,
) -> dict[str, Any]:
    """The output object for one request (validated here if given as a decoded JSON object)."""
    parsed = request if isinstance(request, DiscretionRequest) else parse_request(request, line=line)
    if isinstance(parsed, DiscretionError):
        return parsed.to_json()
    return assess(parsed, benchmarks, today=today, line=line).to_json()


def evaluate_line(
    text: str, benchmarks: BenchmarkSet, *, today: datetime.date, line: int = 1
) -> dict[str, Any]:
    """The output object for one input line."""
    parsed = parse_request_line(text, line=line)
    if isinstance(parsed, DiscretionError):
        return parsed.to_json()
    return assess(parsed, benchmarks, today=today, line=line).to_json()


def run_jsonl(lines: Iterable[str], benchmarks: BenchmarkSet, *, today: datetime.date) -> Iterator[str]:
    """One output JSON line per input line, numbered from 1 (``sanxiang discretion --jsonl``)."""
    for number, text in enumerate(lines, 1):
        yield json.dumps(evaluate_line(text, benchmarks, today=today, line=number), ensure_ascii=False)
