"""Pure rules of the evaluation: values, grades (分级定档), scores, roll-up, ranks, differences.

No Django here: figures come in as plain numbers, the caller supplies the organisation tree as
materialised paths, and the same functions score a live computation and a frozen snapshot.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sanxiang.lib.hashchain import chain_hash

GENESIS = "0" * 64


class Direction(enum.StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"


class Kind(enum.StrEnum):
    RATIO = "ratio"
    COUNT = "count"
    AVERAGE = "average"


# The grades a figure falls into, best first; the last grade catches everything below the bands.
GRADES: tuple[str, ...] = ("A", "B", "C", "D")
DEFAULT_GRADE_SCORES: Mapping[str, float] = {"A": 100.0, "B": 85.0, "C": 70.0, "D": 50.0}
DEFAULT_TOTAL_BANDS: Sequence[tuple[str, float]] = (("A", 90.0), ("B", 80.0), ("C", 60.0))


def value_of(kind: str, numerator: float, denominator: float) -> float | None:
    """The indicator's value, or None when there is nothing to measure (no denominator)."""
    if kind == Kind.COUNT:
        return float(numerator)
    if not denominator:
        return None
    return numerator / denominator


def grade_of(value: float | None, direction: str, bands: Sequence[Sequence[object]]) -> str | None:
    """The first band the value reaches: ``value >= bound`` (higher is better) or ``value <= bound``.

    ``bands`` is ``[[grade, bound], …]`` from best to worst; below every band: the last grade.
    """
    if value is None:
        return None
    for grade, bound in bands:
        limit = float(bound)  # type: ignore[arg-type]
        if (value >= limit - 1e-12) if direction == Direction.HIGHER else (value <= limit + 1e-12):
            return str(grade)
    return GRADES[-1]


def score_of(grade: str | None, grade_scores: Mapping[str, float] = DEFAULT_GRADE_SCORES) -> float | None:
    return None if grade is None else float(grade_scores[grade])


def total_of(weighted: Iterable[tuple[float, float | None]]) -> float | None:
    """Weighted mean of the scores that exist; indicators without data do not count as zero."""
    pairs = [(w, s) for w, s in weighted if s is not None and w > 0]
    weight = sum(w for w, _ in pairs)
    if not weight:
        return None
    return round(sum(w * s for w, s in pairs) / weight, 2)


def total_grade(total: float | None, bands: Sequence[Sequence[object]] = DEFAULT_TOTAL_BANDS) -> str | None:
    return grade_of(total, Direction.HIGHER, bands)


def ancestors(path: str, steplen: int) -> list[str]:
    """The materialised paths of a node and of every ancestor (treebeard's MP layout)."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def roll_up(
    figures: Mapping[int, tuple[float, float]], paths: Mapping[int, str], steplen: int
) -> dict[int, tuple[float, float]]:
    """Add every unit's own figure to itself and to each ancestor (本级及下级)."""
    by_path = {path: key for key, path in paths.items()}
    totals: dict[int, tuple[float, float]] = {}
    for key, (num, den) in figures.items():
        path = paths.get(key)
        if path is None:
            continue
        for prefix in ancestors(path, steplen):
            owner = by_path.get(prefix)
            if owner is None:
                continue
            n, d = totals.get(owner, (0.0, 0.0))
            totals[owner] = (n + num, d + den)
    return totals


def ranks(values: Mapping[int, float | None], direction: str) -> dict[int, int]:
    """Competition ranking (1, 2, 2, 4) among the keys that have a value; best first."""
    present = [(k, v) for k, v in values.items() if v is not None]
    ordered = sorted(present, key=lambda kv: -kv[1] if direction == Direction.HIGHER else kv[1])
    result: dict[int, int] = {}
    for index, (key, value) in enumerate(ordered):
        if index and value == ordered[index - 1][1]:
            result[key] = result[ordered[index - 1][0]]
        else:
            result[key] = index + 1
    return result


@dataclass(frozen=True)
class Difference:
    unit: str
    indicator: str
    frozen: tuple[float, float] | None
    current: tuple[float, float] | None


def differences(
    frozen: Mapping[str, Mapping[str, Sequence[float]]], current: Mapping[str, Mapping[str, Sequence[float]]]
) -> list[Difference]:
    """Where a later computation disagrees with a frozen one: ``{unit: {indicator: [num, den]}}``."""
    found: list[Difference] = []
    for unit in sorted(set(frozen) | set(current)):
        before, after = frozen.get(unit, {}), current.get(unit, {})
        for code in sorted(set(before) | set(after)):
            a = tuple(float(x) for x in before[code]) if code in before else None
            b = tuple(float(x) for x in after[code]) if code in after else None
            if a != b:
                found.append(Difference(unit, code, a, b))  # type: ignore[arg-type]
    return found


def snapshot_digest(previous: str, content: Mapping[str, object]) -> str:
    """The snapshot's link in its own hash chain: SM3(previous digest || canonical content)."""
    return chain_hash(previous, content)
