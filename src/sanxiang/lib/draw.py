"""Publicly verifiable random draws 摇号 for 双随机、一公开 (pure Python, no Django).

A draw is a deterministic function of what is published before and at the draw::

    select(rows, filters, count | ratio, weights, algorithm, seed) -> ordered list of row keys

so anyone holding the published inputs can recompute the list (``sanxiang verify_draw`` and the
portal's draw page call :func:`select` again). Every step is specified below byte for byte, in
integers only (no floating point, no ``random`` module), so that a verifier in another language
gets the same list.

**Rows.** A directory snapshot is a list of JSON objects, each with a unique string ``"key"``;
its other members are the attributes filters and weights read (class, industry, scale, risk …).
Rows are sorted canonically by the UTF-8 bytes of ``key`` (:func:`canonical_rows`), and the
snapshot hash is ``SHA-256(RFC 8785 JSON of the sorted list)`` in hex (:func:`snapshot_hash`).

**Filters.** ``{"field": {"op": value, …}, …}``; a row is eligible when every condition holds
(:func:`row_matches`). Operators: ``in`` / ``not_in`` (a list of allowed / refused values; a list
attribute matches ``in`` when any element is in the list), ``contains`` (list attribute holding the
value), ``min`` / ``max`` (inclusive bounds on numbers or ISO dates), ``before_or_null`` (the
attribute is missing, null, or a string sorting before the value — e.g. "not randomly inspected on
or after 2023-03-01"). The field ``key`` can be filtered like any other (exclusion lists).

**Count.** Either ``count`` (an integer, capped at the number of eligible rows) or ``ratio``
(a decimal string such as ``"0.03"``): ``round_half_up(ratio × eligible)``, at least 1 when
anything is eligible and the ratio is positive (:func:`resolve_count`).

**Weights.** ``[{"field": f, "values": {value: w, …}, "default": w}, …]``: a row's weight is the
product over the list of the weight of its attribute (positive integers; an empty list is the
uniform draw). A list attribute takes the largest weight among its elements.

**Seed.** ``SHA-256(RFC 8785 JSON of {"algorithm", "checkpoint_root", "checkpoint_size",
"commitment", "secret"})`` where ``secret`` is the organiser's random secret (hex) revealed at the
draw, committed beforehand by ``secret_hash = SHA-256(secret bytes)``, and the checkpoint is the
first signed checkpoint of the publication log that includes at least one leaf appended after the
commitment: its root did not exist when the inputs (and the secret's hash) were fixed, and the
secret stops the log operator from steering the draw alone (:func:`derive_seed`).

**Stream.** Block ``i`` of the random stream is ``SHA-256(seed ‖ "sanxiang-draw/1" ‖ i as 8-byte
big-endian)`` (SHA-256 in counter mode); 64-bit big-endian words are read from consecutive blocks.
An integer uniform on ``[0, n)`` is the first word ``x < 2**64 - (2**64 mod n)`` taken ``mod n``
(rejection sampling, no modulo bias) (:class:`HashStream`).

**Sampling.** Successive sampling without replacement: with the eligible rows in canonical order
and ``W`` the sum of the remaining rows' integer weights, draw ``r`` uniform on ``[0, W)`` and take
the first remaining row whose cumulative weight exceeds ``r``; remove it and repeat ``count``
times. With all weights 1 this is a uniform sample without replacement (a partial Fisher–Yates);
with weights it is the classical weighted sampling without replacement (the same distribution as
Efraimidis–Spirakis A-ES, done in exact integers). The order of the result is the draw order, so
for an inspector draw the first key is the 主查 and the next the 辅查.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sanxiang.lib.canonicaljson import canonicalize

__all__ = [
    "ALGORITHM_VERSION",
    "DrawError",
    "DrawResult",
    "DrawSpec",
    "HashStream",
    "canonical_rows",
    "derive_seed",
    "eligible_rows",
    "inputs_document",
    "resolve_count",
    "row_matches",
    "row_weight",
    "secret_hash",
    "select",
    "snapshot_hash",
]

ALGORITHM_VERSION = "sanxiang-draw/1"
_OPERATORS = frozenset({"in", "not_in", "contains", "min", "max", "before_or_null"})
_TWO64 = 1 << 64
MAX_WEIGHT = 1_000_000


class DrawError(ValueError):
    """The draw inputs are malformed (a bad filter, weight, count or row)."""


# --------------------------------------------------------------------------------------- rows


def _sort_key(row: Mapping[str, Any]) -> bytes:
    return str(row["key"]).encode("utf-8")


def canonical_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows sorted by the UTF-8 bytes of their ``key``; duplicate or missing keys are refused."""
    result = []
    seen: set[str] = set()
    for row in rows:
        key = row.get("key")
        if not isinstance(key, str) or not key:
            raise DrawError("every row needs a non-empty string key")
        if key in seen:
            raise DrawError(f"duplicate row key {key!r}")
        seen.add(key)
        result.append(dict(row))
    result.sort(key=_sort_key)
    return result


def snapshot_hash(rows: Iterable[Mapping[str, Any]]) -> str:
    """SHA-256 (hex) of the RFC 8785 JSON of the canonically sorted rows: the snapshot's identity."""
    return hashlib.sha256(canonicalize(canonical_rows(rows))).hexdigest()


# ------------------------------------------------------------------------------------ filters


def _compare(value: Any, bound: Any) -> int:
    if isinstance(value, bool) or isinstance(bound, bool):
        raise DrawError("booleans cannot be compared")
    if isinstance(value, int | Decimal) and isinstance(bound, int | Decimal):
        return (value > bound) - (value < bound)
    if isinstance(value, str) and isinstance(bound, str):
        a, b = value.encode("utf-8"), bound.encode("utf-8")
        return (a > b) - (a < b)
    raise DrawError("min/max compare two integers or two strings")


def _check_filters(filters: Mapping[str, Any]) -> None:
    for name, condition in filters.items():
        if not isinstance(condition, Mapping) or not condition:
            raise DrawError(f"filter on {name!r} must be an object of operators")
        unknown = set(condition) - _OPERATORS
        if unknown:
            raise DrawError(f"filter on {name!r} has unknown operators {sorted(unknown)}")
        for op in ("in", "not_in"):
            if op in condition and not isinstance(condition[op], list):
                raise DrawError(f"filter {name!r}.{op} must be a list")


def row_matches(row: Mapping[str, Any], filters: Mapping[str, Any]) -> bool:
    """Whether ``row`` satisfies every condition of ``filters`` (see the module docstring)."""
    for name, condition in filters.items():
        value = row.get(name)
        values = value if isinstance(value, list) else [value]
        for op, operand in condition.items():
            if op == "in" and not any(v in operand for v in values):
                return False
            if op == "not_in" and any(v in operand for v in values):
                return False
            if op == "contains" and not (isinstance(value, list) and operand in value):
                return False
            if op == "min" and (value is None or _compare(value, operand) < 0):
                return False
            if op == "max" and (value is None or _compare(value, operand) > 0):
                return False
            if op == "before_or_null" and value is not None and _compare(value, operand) >= 0:
                return False
    return True


def eligible_rows(rows: Iterable[Mapping[str, Any]], filters: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The canonically sorted rows that pass ``filters``."""
    _check_filters(filters)
    return [row for row in canonical_rows(rows) if row_matches(row, filters)]


# ------------------------------------------------------------------------------ count, weights


def resolve_count(*, eligible: int, count: int | None, ratio: str | None) -> int:
    """How many rows the draw takes: ``count`` capped at ``eligible``, or the rounded ``ratio``."""
    if (count is None) == (ratio is None):
        raise DrawError("give either a count or a ratio")
    if count is not None:
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise DrawError("count must be a non-negative integer")
        return min(count, eligible)
    try:
        share = Decimal(str(ratio))
    except InvalidOperation as exc:
        raise DrawError("ratio must be a decimal such as 0.03") from exc
    if not share.is_finite() or not Decimal(0) <= share <= Decimal(1):
        raise DrawError("ratio must be between 0 and 1")
    wanted = int((share * eligible).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if wanted == 0 and share > 0 and eligible > 0:
        wanted = 1
    return min(wanted, eligible)


def _check_weight(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WEIGHT:
        raise DrawError(f"{where} must be an integer from 1 to {MAX_WEIGHT}")
    return value


def _check_weights(weights: Sequence[Mapping[str, Any]]) -> None:
    for spec in weights:
        if not isinstance(spec, Mapping) or set(spec) - {"field", "values", "default"} or "field" not in spec:
            raise DrawError("a weight is {field, values, default}")
        for value, weight in dict(spec.get("values", {})).items():
            _check_weight(weight, f"weight of {spec['field']}={value}")
        _check_weight(spec.get("default", 1), f"default weight of {spec['field']}")


def row_weight(row: Mapping[str, Any], weights: Sequence[Mapping[str, Any]]) -> int:
    """The product of the row's weights (1 for the uniform draw)."""
    total = 1
    for spec in weights:
        table = spec.get("values", {})
        default = spec.get("default", 1)
        value = row.get(spec["field"])
        values = value if isinstance(value, list) else [value]
        found = [table[str(v)] for v in values if v is not None and str(v) in table]
        total *= max(found) if found else default
    return total


# ------------------------------------------------------------------------------------- stream


class HashStream:
    """SHA-256 in counter mode: 64-bit words from ``SHA-256(seed ‖ tag ‖ counter)`` blocks."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            raise DrawError("the seed is 32 bytes")
        self._seed = seed
        self._counter = 0
        self._buffer = b""

    def _words(self) -> Iterator[int]:
        while True:
            if len(self._buffer) < 8:
                block = hashlib.sha256(
                    self._seed + ALGORITHM_VERSION.encode("ascii") + self._counter.to_bytes(8, "big")
                ).digest()
                self._counter += 1
                self._buffer += block
            word, self._buffer = self._buffer[:8], self._buffer[8:]
            yield int.from_bytes(word, "big")

    def below(self, n: int) -> int:
        """An integer uniform on ``[0, n)`` by rejection sampling (no modulo bias)."""
        if n <= 0:
            raise DrawError("the range must be positive")
        limit = _TWO64 - (_TWO64 % n)
        for word in self._words():
            if word < limit:
                return word % n
        raise AssertionError("unreachable")  # pragma: no cover


# --------------------------------------------------------------------------------------- seed


def secret_hash(secret_hex: str) -> str:
    """The commitment to the organiser's secret: SHA-256 of its bytes, hex."""
    try:
        raw = bytes.fromhex(secret_hex)
    except ValueError as exc:
        raise DrawError("the secret is hex") from exc
    if len(raw) < 16:
        raise DrawError("the secret is at least 16 bytes")
    return hashlib.sha256(raw).hexdigest()


def derive_seed(
    *, secret_hex: str, commitment_hash: str, checkpoint_size: int, checkpoint_root: str, algorithm: str
) -> bytes:
    """The draw seed from the revealed secret and a later checkpoint of the publication log."""
    secret_hash(secret_hex)  # validates
    document = {
        "algorithm": algorithm,
        "checkpoint_root": checkpoint_root,
        "checkpoint_size": checkpoint_size,
        "commitment": commitment_hash,
        "secret": secret_hex,
    }
    return hashlib.sha256(canonicalize(document)).digest()


# ------------------------------------------------------------------------------------- select


@dataclass(frozen=True)
class DrawSpec:
    """Everything committed before a draw except the rows themselves (fixed by ``snapshot_hash``)."""

    snapshot_hash: str
    filters: Mapping[str, Any] = field(default_factory=dict)
    count: int | None = None
    ratio: str | None = None
    weights: Sequence[Mapping[str, Any]] = ()
    algorithm: str = ALGORITHM_VERSION


def inputs_document(spec: DrawSpec, secret_hash_hex: str) -> dict[str, Any]:
    """The committed inputs as the JSON object that goes into the publication log."""
    return {
        "algorithm": spec.algorithm,
        "count": spec.count,
        "filters": dict(spec.filters),
        "ratio": spec.ratio,
        "secret_hash": secret_hash_hex,
        "snapshot_hash": spec.snapshot_hash,
        "weights": [dict(w) for w in spec.weights],
    }


class _Fenwick:
    """Prefix sums over the remaining rows' weights (a removed row has weight 0), so that each
    pick is O(log n) instead of a scan: the result is the same as scanning the remaining rows."""

    def __init__(self, weights: Sequence[int]) -> None:
        self.size = len(weights)
        self.tree = [0] * (self.size + 1)
        for index, weight in enumerate(weights, start=1):
            self.tree[index] += weight
            parent = index + (index & -index)
            if parent <= self.size:
                self.tree[parent] += self.tree[index]

    def remove(self, position: int, weight: int) -> None:
        index = position + 1
        while index <= self.size:
            self.tree[index] -= weight
            index += index & -index

    def find(self, r: int) -> int:
        """The first position whose cumulative weight exceeds ``r``."""
        position, step = 0, 1 << self.size.bit_length()
        while step:
            nxt = position + step
            if nxt <= self.size and self.tree[nxt] <= r:
                position = nxt
                r -= self.tree[nxt]
            step >>= 1
        return position  # zero-based: the tree index position + 1


@dataclass(frozen=True)
class DrawResult:
    keys: tuple[str, ...]
    eligible: int
    count: int


def select(rows: Iterable[Mapping[str, Any]], spec: DrawSpec, seed: bytes) -> DrawResult:
    """The ordered selection of row keys: a deterministic function of the rows, the spec and the seed.

    Refuses rows whose hash is not ``spec.snapshot_hash`` and an algorithm version it does not
    implement, so a verifier never silently recomputes something else.
    """
    if spec.algorithm != ALGORITHM_VERSION:
        raise DrawError(f"unknown draw algorithm {spec.algorithm!r}")
    ordered = canonical_rows(rows)
    if snapshot_hash(ordered) != spec.snapshot_hash:
        raise DrawError("the rows do not match the committed snapshot hash")
    _check_weights(spec.weights)
    _check_filters(spec.filters)
    pool = [row for row in ordered if row_matches(row, spec.filters)]
    count = resolve_count(eligible=len(pool), count=spec.count, ratio=spec.ratio)
    weights = [row_weight(row, spec.weights) for row in pool]
    stream = HashStream(seed)
    chosen: list[str] = []
    total = sum(weights)
    tree = _Fenwick(weights)
    for _ in range(count):
        position = tree.find(stream.below(total))
        chosen.append(pool[position]["key"])
        tree.remove(position, weights[position])
        total -= weights[position]
        weights[position] = 0
    return DrawResult(keys=tuple(chosen), eligible=len(pool), count=count)
