"""Discretion benchmarks, first-violation exemption items and the violation catalogue as frozen data.

Each number carries a ``certainty`` using the marks of RULES.md: ``confirmed`` (✅, read in the
primary text), ``partly`` (🟡) and ``unconfirmed`` (❓, example or recalled data to verify before use).
Every object round-trips through plain JSON (``to_json``/``from_json``) so that the review app can
store a version in the database exactly as it was imported.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from .conditions import fact_value, holds
from .facts import FACTS, FactValue

__all__ = [
    "CERTAINTY_NOTES",
    "SUBJECT_LABELS",
    "Benchmark",
    "BenchmarkRule",
    "BenchmarkSet",
    "Certainty",
    "ExemptionItem",
    "Penalty",
    "PenaltyKind",
    "Subject",
    "Violation",
    "to_yuan",
]

Certainty = Literal["confirmed", "partly", "unconfirmed"]
Subject = Literal["individual", "organisation"]
RuleSubject = Literal["individual", "organisation", "any"]
PenaltyKind = Literal["fixed", "multiple", "no_penalty"]

CERTAINTY_NOTES: dict[str, str] = {
    "confirmed": "",
    "partly": "该项数据部分核对原文，使用前须核对原文",
    "unconfirmed": "该项数据为示例，使用前须核对原文",
}
SUBJECT_LABELS: dict[str, str] = {"individual": "个人", "organisation": "单位", "any": "个人和单位"}


def to_yuan(amount: Decimal) -> int:
    """Round to whole yuan, halves up (a multiple of the unpaid tax is rarely a whole number)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _number_json(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Penalty:
    """A penalty band: fixed yuan, a multiple of a base fact (with optional floor/ceiling), or none.

    For ``multiple`` the band is ``low × base`` to ``high × base`` rounded to yuan, then raised to
    ``floor`` and capped at ``ceiling`` where given. A per-day fine (e.g. 20 yuan a day, at most
    2,000) is a multiple of ``days_late`` with ``low == high == 20`` and ``ceiling = 2000``.
    """

    kind: PenaltyKind
    low: Decimal = Decimal(0)
    high: Decimal = Decimal(0)
    base: str | None = None
    floor: Decimal | None = None
    ceiling: Decimal | None = None

    def bounds(self, facts: Mapping[str, FactValue]) -> tuple[int, int]:
        """The band in yuan for these facts; raises :class:`MissingFact` for a missing base."""
        if self.kind == "no_penalty":
            return 0, 0
        if self.kind == "fixed":
            return to_yuan(self.low), to_yuan(self.high)
        assert self.base is not None
        base = fact_value(facts, self.base)
        if isinstance(base, bool):  # rule_problems() rejects such a rule before it is used
            raise TypeError(f"基数字段“{self.base}”不是数字事实")
        amount = Decimal(base)
        low, high = to_yuan(self.low * amount), to_yuan(self.high * amount)
        if self.floor is not None:
            low, high = max(low, to_yuan(self.floor)), max(high, to_yuan(self.floor))
        if self.ceiling is not None:
            low, high = min(low, to_yuan(self.ceiling)), min(high, to_yuan(self.ceiling))
        return low, high

    def describe(self) -> str:
        """Chinese text of the band as written in the benchmark."""
        if self.kind == "no_penalty":
            return "不予处罚"
        if self.kind == "fixed":
            if self.low == self.high:
                return f"罚款{_plain(self.low)}元"
            if self.low == 0:
                return f"罚款{_plain(self.high)}元以下"
            return f"罚款{_plain(self.low)}元至{_plain(self.high)}元"
        spec = FACTS.get(self.base or "")
        base = spec.label if spec else self.base
        if spec is not None and spec.kind == "days":  # a per-day fine
            rate = _plain(self.low) if self.low == self.high else f"{_plain(self.low)}元至{_plain(self.high)}"
            text = f"按{base}每日罚款{rate}元"
        elif self.low == self.high:
            text = f"按{base}的{_plain(self.low)}倍罚款"
        else:
            text = f"按{base}的{_plain(self.low)}倍至{_plain(self.high)}倍罚款"
        if self.floor is not None:
            text += f"，不低于{_plain(self.floor)}元"
        if self.ceiling is not None:
            text += f"，不超过{_plain(self.ceiling)}元"
        return text

    def to_json(self) -> dict[str, Any]:
        if self.kind == "no_penalty":
            return {"kind": "no_penalty"}
        data: dict[str, Any] = {
            "kind": self.kind,
            "min": _number_json(self.low),
            "max": _number_json(self.high),
        }
        if self.kind == "multiple":
            data["base"] = self.base
            if self.floor is not None:
                data["floor"] = _number_json(self.floor)
            if self.ceiling is not None:
                data["ceiling"] = _number_json(self.ceiling)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Penalty:
        kind = data["kind"]
        if kind == "no_penalty":
            return cls(kind="no_penalty")
        return cls(
            kind=kind,
            low=Decimal(str(data["min"])),
            high=Decimal(str(data["max"])),
            base=data.get("base"),
            floor=_decimal(data.get("floor")),
            ceiling=_decimal(data.get("ceiling")),
        )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class BenchmarkRule:
    """One circumstance of one violation in a benchmark: when it applies and the band it gives.

    ``circumstance`` is a condition over facts (see :mod:`.conditions`). ``order`` is the rule's item
    number in its benchmark; among matching rules a subject-specific rule beats an ``any`` rule, then
    the lower ``order`` wins.
    """

    violation: str
    title: str
    subject: RuleSubject
    circumstance: Mapping[str, Any]
    label: str
    penalty: Penalty
    order: int
    certainty: Certainty = "unconfirmed"
    note: str = ""

    def matches(self, facts: Mapping[str, FactValue]) -> bool:
        return holds(self.circumstance, facts)

    def to_json(self) -> dict[str, Any]:
        return {
            "violation": self.violation,
            "title": self.title,
            "subject": self.subject,
            "circumstance": dict(self.circumstance),
            "label": self.label,
            "penalty": self.penalty.to_json(),
            "certainty": self.certainty,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, order: int) -> BenchmarkRule:
        return cls(
            violation=data["violation"],
            title=data["title"],
            subject=data["subject"],
            circumstance=data.get("circumstance") or {},
            label=data["label"],
            penalty=Penalty.from_json(data["penalty"]),
            order=order,
            certainty=data.get("certainty", "unconfirmed"),
            note=data.get("note", ""),
        )


@dataclass(frozen=True)
class Benchmark:
    """One version of a regional discretion benchmark (裁量基准), in force from ``effective_from``.

    ``effective_until`` is the last day in force (None while in force). Versions of one lineage
    (e.g. 陕西 2021 → 西北五省(区) 2023) go together into a :class:`BenchmarkSet`.
    """

    name: str
    region: str
    version: str
    effective_from: datetime.date
    effective_until: datetime.date | None
    source: str
    certainty: Certainty
    rules: tuple[BenchmarkRule, ...]

    @property
    def title(self) -> str:
        """``《name》(version)`` as cited in reasons and in the ``benchmark`` output field."""
        return f"《{self.name}》({self.version})"

    def in_force_on(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def rules_for(self, violation: str) -> list[BenchmarkRule]:
        return [rule for rule in self.rules if rule.violation == violation]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "region": self.region,
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
            "effective_until": self.effective_until.isoformat() if self.effective_until else None,
            "source": self.source,
            "certainty": self.certainty,
            "rules": [rule.to_json() for rule in self.rules],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Benchmark:
        until = data.get("effective_until")
        return cls(
            name=data["name"],
            region=data["region"],
            version=data["version"],
            effective_from=datetime.date.fromisoformat(data["effective_from"]),
            effective_until=datetime.date.fromisoformat(until) if until else None,
            source=data.get("source", ""),
            certainty=data.get("certainty", "unconfirmed"),
            rules=tuple(
                BenchmarkRule.from_json(rule, order=index) for index, rule in enumerate(data["rules"], 1)
            ),
        )


@dataclass(frozen=True)
class ExemptionItem:
    """One item of a national 首违不罚 list (税务行政处罚“首违不罚”事项清单).

    ``conditions`` is a condition over facts that must hold in full: the common conditions of both
    batches (首次发生, 危害后果轻微, 及时改正) plus the item's own (e.g. 没有违法所得).
    """

    batch: int
    number: int
    announcement: str
    effective_from: datetime.date
    violations: tuple[str, ...]
    description: str
    conditions: Mapping[str, Any]
    certainty: Certainty

    @property
    def citation(self) -> str:
        return f"《税务行政处罚“首违不罚”事项清单》（第{'一二三四'[self.batch - 1]}批，{self.announcement}）第{self.number}项"

    def to_json(self) -> dict[str, Any]:
        return {
            "batch": self.batch,
            "number": self.number,
            "announcement": self.announcement,
            "effective_from": self.effective_from.isoformat(),
            "violations": list(self.violations),
            "description": self.description,
            "conditions": dict(self.conditions),
            "certainty": self.certainty,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ExemptionItem:
        return cls(
            batch=data["batch"],
            number=data["number"],
            announcement=data["announcement"],
            effective_from=datetime.date.fromisoformat(data["effective_from"]),
            violations=tuple(data["violations"]),
            description=data["description"],
            conditions=data["conditions"],
            certainty=data.get("certainty", "unconfirmed"),
        )


@dataclass(frozen=True)
class Violation:
    """A violation code with its statutory frame, used to validate benchmarks and requests.

    ``statutory_max`` caps a fixed fine in yuan; ``statutory_multiple`` is (low, high) times the
    unpaid tax. A benchmark may narrow the statutory frame but never exceed it.
    """

    code: str
    title: str
    basis: str
    statutory_text: str
    statutory_max: Decimal | None
    statutory_multiple: tuple[Decimal, Decimal] | None
    certainty: Certainty
    note: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Violation:
        multiple = data.get("statutory_multiple")
        return cls(
            code=data["code"],
            title=data["title"],
            basis=data["basis"],
            statutory_text=data["statutory_text"],
            statutory_max=_decimal(data.get("statutory_max")),
            statutory_multiple=(Decimal(str(multiple[0])), Decimal(str(multiple[1]))) if multiple else None,
            certainty=data["certainty"],
            note=data.get("note", ""),
        )


@dataclass(frozen=True)
class BenchmarkSet:
    """The benchmark versions of one lineage plus the exemption lists that an authority applies."""

    benchmarks: tuple[Benchmark, ...]
    exemptions: tuple[ExemptionItem, ...] = field(default=())

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.benchmarks, key=lambda b: b.effective_from))
        object.__setattr__(self, "benchmarks", ordered)

    def in_force_on(self, day: datetime.date) -> Benchmark | None:
        """The version in force on ``day``: the latest that started on or before it and had not ended."""
        found = [b for b in self.benchmarks if b.in_force_on(day)]
        return found[-1] if found else None

    def exemptions_for(self, violation: str) -> list[ExemptionItem]:
        return [item for item in self.exemptions if violation in item.violations]

    @classmethod
    def of(cls, benchmarks: Iterable[Benchmark], exemptions: Iterable[ExemptionItem] = ()) -> BenchmarkSet:
        return cls(benchmarks=tuple(benchmarks), exemptions=tuple(exemptions))
