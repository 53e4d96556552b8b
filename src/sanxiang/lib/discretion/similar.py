"""Similar past decisions for a request: the k nearest and their penalty statistics.

Only decisions for the same violation are compared. The same subject (individual/organisation)
ranks first; then closeness of the request's facts, each contributing 0 (same) to 1 (far): a
number by its relative difference ``1 - smaller/larger`` (so 20 vs 30 days late is as far apart as
200 vs 300, and 1,000 vs 10,000 yuan of unpaid tax as far as 100,000 vs 10,000), a flag by whether
it agrees, and a fact the past decision did not record counts as far. Ties go to the more recent
decision. The app feeds this
with rows from its decision table; nothing here reads a database.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .engine import DiscretionRequest
from .facts import FACTS, FactValue

__all__ = ["PastDecision", "Ranked", "SimilarDecisions", "similar_decisions"]


@dataclass(frozen=True)
class PastDecision:
    """One decided case: what was decided (``penalty`` in yuan, 0 for an exemption) and on what facts."""

    reference: str
    violation: str
    subject: str
    facts: Mapping[str, FactValue]
    penalty: Decimal
    decision_date: datetime.date
    exempted: bool = False


@dataclass(frozen=True)
class Ranked:
    decision: PastDecision
    distance: float
    same_subject: bool


@dataclass(frozen=True)
class SimilarDecisions:
    """The nearest decisions, best first, and min/median/max of their penalties (None when empty)."""

    nearest: tuple[Ranked, ...]
    count: int
    minimum: Decimal | None
    median: Decimal | None
    maximum: Decimal | None
    considered: int = field(default=0)

    def to_json(self) -> dict[str, Any]:
        def number(value: Decimal | None) -> float | int | None:
            if value is None:
                return None
            return int(value) if value == value.to_integral_value() else float(value)

        return {
            "count": self.count,
            "considered": self.considered,
            "min": number(self.minimum),
            "median": number(self.median),
            "max": number(self.maximum),
            "nearest": [
                {
                    "reference": item.decision.reference,
                    "subject": item.decision.subject,
                    "penalty": number(item.decision.penalty),
                    "decision_date": item.decision.decision_date.isoformat(),
                    "exempted": item.decision.exempted,
                    "distance": round(item.distance, 4),
                }
                for item in self.nearest
            ],
        }


def _distance(wanted: Mapping[str, FactValue], had: Mapping[str, FactValue]) -> float:
    total = 0.0
    for key, value in wanted.items():
        spec = FACTS.get(key)
        if spec is None:
            continue
        other = had.get(key)
        if other is None or isinstance(other, bool) != isinstance(value, bool):
            total += 1.0
        elif isinstance(value, bool):
            total += 0.0 if other is value else 1.0
        else:
            smaller, larger = sorted((abs(float(value)), abs(float(other))))
            total += 0.0 if larger == 0 else 1.0 - smaller / larger
    return total


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def similar_decisions(
    request: DiscretionRequest, past: Iterable[PastDecision], k: int = 5
) -> SimilarDecisions:
    """The ``k`` decisions nearest to ``request`` and the statistics of their penalties."""
    ranked = [
        Ranked(decision, _distance(request.facts, decision.facts), decision.subject == request.subject)
        for decision in past
        if decision.violation == request.violation
    ]
    ranked.sort(
        key=lambda r: (
            not r.same_subject,
            r.distance,
            -r.decision.decision_date.toordinal(),
            r.decision.reference,
        )
    )
    nearest = tuple(ranked[: max(k, 0)])
    penalties = [item.decision.penalty for item in nearest]
    return SimilarDecisions(
        nearest=nearest,
        count=len(nearest),
        minimum=min(penalties) if penalties else None,
        median=_median(penalties) if penalties else None,
        maximum=max(penalties) if penalties else None,
        considered=len(ranked),
    )
