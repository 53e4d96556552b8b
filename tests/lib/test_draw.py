"""The verifiable draw (lib/draw.py): determinism, sensitivity to every input, and its statistics."""

from __future__ import annotations

import hashlib
import itertools
import math
import time
from fractions import Fraction

import pytest

from sanxiang.lib import draw
from sanxiang.lib.draw import DrawError, DrawSpec

ROWS = [
    {
        "key": f"91610300MA{n:08d}",
        "class": "other_enterprise" if n % 3 else "key_source",
        "industry": ["制造业", "批发和零售业", "建筑业"][n % 3],
        "risk": ["low", "medium", "high"][n % 3],
        "last_inspected": "2022-05-01" if n % 7 == 0 else None,
    }
    for n in range(40)
]
SEED = hashlib.sha256(b"seed").digest()


def spec(**changes) -> DrawSpec:
    base = {"snapshot_hash": draw.snapshot_hash(ROWS), "count": 6}
    base.update(changes)
    return DrawSpec(**base)


def test_it_recomputes_the_same_ordered_list():
    first = draw.select(ROWS, spec(), SEED)
    again = draw.select(list(reversed(ROWS)), spec(), SEED)
    assert first == again
    assert len(first.keys) == 6 and len(set(first.keys)) == 6
    assert first.eligible == 40


def test_the_snapshot_hash_ignores_row_order_but_not_content():
    assert draw.snapshot_hash(ROWS) == draw.snapshot_hash(list(reversed(ROWS)))
    changed = [dict(r) for r in ROWS]
    changed[3]["industry"] = "采矿业"
    assert draw.snapshot_hash(changed) != draw.snapshot_hash(ROWS)


@pytest.mark.parametrize(
    "changes",
    [
        {"count": 7},
        {"count": None, "ratio": "0.2"},
        {"filters": {"class": {"in": ["other_enterprise"]}}},
        {"filters": {"last_inspected": {"before_or_null": "2021-01-01"}}},
        {"weights": [{"field": "risk", "values": {"high": 5}, "default": 1}]},
    ],
)
def test_changing_an_input_changes_the_list(changes):
    assert draw.select(ROWS, spec(**changes), SEED).keys != draw.select(ROWS, spec(), SEED).keys


def test_changing_the_seed_changes_the_list():
    other = hashlib.sha256(b"seed2").digest()
    assert draw.select(ROWS, spec(), other).keys != draw.select(ROWS, spec(), SEED).keys


def test_changing_a_row_changes_the_list_or_is_refused():
    changed = [dict(r) for r in ROWS]
    changed[0]["risk"] = "high"
    with pytest.raises(DrawError):
        draw.select(changed, spec(), SEED)  # the committed snapshot hash no longer matches
    high = {"risk": {"in": ["high"]}}
    assert draw.select(changed, spec(snapshot_hash=draw.snapshot_hash(changed), filters=high), SEED).keys != (
        draw.select(ROWS, spec(filters=high), SEED).keys
    )
    fewer = ROWS[1:]
    assert draw.select(fewer, spec(snapshot_hash=draw.snapshot_hash(fewer)), SEED).keys != (
        draw.select(ROWS, spec(), SEED).keys
    )


def test_it_refuses_an_unknown_algorithm_and_bad_inputs():
    with pytest.raises(DrawError):
        draw.select(ROWS, spec(algorithm="sanxiang-draw/0"), SEED)
    with pytest.raises(DrawError):
        draw.select(ROWS, spec(filters={"class": {"like": "x"}}), SEED)
    with pytest.raises(DrawError):
        draw.select(ROWS, spec(weights=[{"field": "risk", "values": {"high": 0}}]), SEED)
    with pytest.raises(DrawError):
        draw.select(ROWS, spec(count=None), SEED)
    with pytest.raises(DrawError):
        draw.canonical_rows([{"key": "a"}, {"key": "a"}])


def test_filters_select_the_right_rows():
    pool = draw.eligible_rows(
        ROWS, {"class": {"in": ["key_source"]}, "last_inspected": {"before_or_null": "2023-01-01"}}
    )
    assert pool and all(r["class"] == "key_source" for r in pool)
    recent = draw.eligible_rows(ROWS, {"last_inspected": {"before_or_null": "2022-01-01"}})
    assert all(r["last_inspected"] is None for r in recent)
    excluded = draw.eligible_rows(ROWS, {"key": {"not_in": [ROWS[0]["key"]]}})
    assert len(excluded) == 39
    listed = draw.eligible_rows(
        [{"key": "a", "tags": ["x", "y"]}, {"key": "b", "tags": ["z"]}], {"tags": {"contains": "y"}}
    )
    assert [r["key"] for r in listed] == ["a"]


def test_ratio_rounds_half_up_with_a_minimum_of_one():
    assert draw.resolve_count(eligible=100, count=None, ratio="0.03") == 3
    assert draw.resolve_count(eligible=50, count=None, ratio="0.03") == 2  # 1.5 -> 2
    assert draw.resolve_count(eligible=10, count=None, ratio="0.01") == 1
    assert draw.resolve_count(eligible=0, count=None, ratio="0.2") == 0
    assert draw.resolve_count(eligible=3, count=5, ratio=None) == 3


def test_the_seed_depends_on_every_part():
    base = {
        "secret_hex": "ab" * 32,
        "commitment_hash": "cd" * 32,
        "checkpoint_size": 9,
        "checkpoint_root": "ef" * 32,
        "algorithm": draw.ALGORITHM_VERSION,
    }
    seeds = {draw.derive_seed(**base)}
    for name, value in [
        ("secret_hex", "ac" * 32),
        ("commitment_hash", "ce" * 32),
        ("checkpoint_size", 10),
        ("checkpoint_root", "ee" * 32),
    ]:
        seeds.add(draw.derive_seed(**{**base, name: value}))
    assert len(seeds) == 5
    assert draw.secret_hash("ab" * 32) == hashlib.sha256(bytes.fromhex("ab" * 32)).hexdigest()


def test_the_stream_has_no_modulo_bias_and_is_deterministic():
    a, b = draw.HashStream(SEED), draw.HashStream(SEED)
    assert [a.below(7) for _ in range(50)] == [b.below(7) for _ in range(50)]
    assert all(0 <= draw.HashStream(SEED).below(n) < n for n in (1, 2, 3, 2**63 + 1))


# ---------------------------------------------------------------------------------- statistics

DRAWS = 10_000
# Per-item bounds: |observed - N p| <= Z sqrt(N p (1 - p)). Z = 4.5 gives a false alarm under
# 7e-6 per item, below 2e-4 for 20 items (Bonferroni); the seeds are fixed, so the test is
# deterministic anyway and the bound only has to be honest.
Z = 4.5
# Chi-square critical values at p = 0.001 for the first pick's distribution.
CHI2_999 = {19: 43.820, 7: 24.322}


def _run(rows, draw_spec, n=DRAWS):
    counts = {row["key"]: 0 for row in rows}
    firsts = {row["key"]: 0 for row in rows}
    for i in range(n):
        keys = draw.select(rows, draw_spec, hashlib.sha256(b"stat" + i.to_bytes(4, "big")).digest()).keys
        firsts[keys[0]] += 1
        for key in keys:
            counts[key] += 1
    return counts, firsts


def _within_bounds(counts, probabilities, n=DRAWS):
    worst = 0.0
    for key, p in probabilities.items():
        worst = max(worst, abs(counts[key] - n * p) / math.sqrt(n * p * (1 - p)))
    return worst


def _chi_square(observed, expected_share, n=DRAWS):
    return sum((observed[k] - n * p) ** 2 / (n * p) for k, p in expected_share.items())


def _inclusion_probabilities(weights: dict[str, int], k: int) -> dict[str, Fraction]:
    """Exact inclusion probabilities of successive weighted sampling, by enumerating every sequence."""
    result = dict.fromkeys(weights, Fraction(0))
    for sequence in itertools.permutations(weights, k):
        p = Fraction(1)
        remaining = sum(weights.values())
        for key in sequence:
            p *= Fraction(weights[key], remaining)
            remaining -= weights[key]
        for key in sequence:
            result[key] += p
    return result


def test_uniform_draws_select_each_row_within_binomial_bounds():
    rows = [{"key": f"U{n:02d}"} for n in range(20)]
    started = time.perf_counter()
    counts, firsts = _run(rows, DrawSpec(snapshot_hash=draw.snapshot_hash(rows), count=5))
    elapsed = time.perf_counter() - started
    assert _within_bounds(counts, dict.fromkeys(counts, 0.25)) <= Z
    assert _chi_square(firsts, dict.fromkeys(firsts, 1 / 20)) <= CHI2_999[19]
    assert elapsed < 30  # a guard against an accidental blow-up, not a benchmark


WEIGHTS = {"W1": 1, "W2": 1, "W3": 2, "W4": 2, "W5": 3, "W6": 3, "W7": 4, "W8": 4}


def _weighted_rows():
    return [{"key": key, "risk": key} for key in WEIGHTS]


def _weighted_spec(rows):
    return DrawSpec(
        snapshot_hash=draw.snapshot_hash(rows),
        count=3,
        weights=[{"field": "risk", "values": WEIGHTS, "default": 1}],
    )


def test_weighted_draws_select_each_row_within_binomial_bounds():
    rows = _weighted_rows()
    counts, firsts = _run(rows, _weighted_spec(rows))
    exact = {k: float(p) for k, p in _inclusion_probabilities(WEIGHTS, 3).items()}
    assert abs(sum(exact.values()) - 3) < 1e-12
    assert _within_bounds(counts, exact) <= Z
    total = sum(WEIGHTS.values())
    assert _chi_square(firsts, {k: w / total for k, w in WEIGHTS.items()}) <= CHI2_999[7]


def test_the_bounds_catch_a_draw_that_ignores_the_weights():
    rows = _weighted_rows()
    counts, _firsts = _run(rows, DrawSpec(snapshot_hash=draw.snapshot_hash(rows), count=3))
    exact = {k: float(p) for k, p in _inclusion_probabilities(WEIGHTS, 3).items()}
    assert _within_bounds(counts, exact) > Z


def test_a_record_leaf_round_trips_and_is_no_publication():
    from sanxiang.lib import merkle

    data = merkle.record_leaf("inspections.draw_commitment", {"snapshot_hash": "ab" * 32})
    parsed = merkle.parse_leaf(data)
    assert parsed.kind == "record" and parsed.record_kind == "inspections.draw_commitment"
    assert parsed.body == {"snapshot_hash": "ab" * 32} and parsed.entry is None
    with pytest.raises(ValueError):
        merkle.parse_leaf(b'{"record":{"body":[],"kind":"x"}}')


def _reference_select(rows, spec, seed):
    """The documented algorithm written as plainly as possible: scan the remaining rows each pick."""
    pool = draw.eligible_rows(rows, spec.filters)
    count = draw.resolve_count(eligible=len(pool), count=spec.count, ratio=spec.ratio)
    weights = [draw.row_weight(row, spec.weights) for row in pool]
    stream = draw.HashStream(seed)
    chosen = []
    for _ in range(count):
        r = stream.below(sum(weights))
        running = 0
        position = 0
        while r >= running + weights[position]:
            running += weights[position]
            position += 1
        chosen.append(pool.pop(position)["key"])
        weights.pop(position)
    return tuple(chosen)


@pytest.mark.parametrize("n", [1, 2, 7, 64, 100, 257])
def test_the_fast_selection_equals_the_documented_scan(n):
    rows = [{"key": f"K{i:04d}", "risk": ["low", "medium", "high"][(i * 7) % 3]} for i in range(n)]
    weights = [{"field": "risk", "values": {"high": 5, "medium": 2}, "default": 1}]
    for count in sorted({1, n // 2, n}):
        for w in ([], weights):
            spec = DrawSpec(snapshot_hash=draw.snapshot_hash(rows), count=count, weights=w)
            for s in range(5):
                seed = hashlib.sha256(bytes([s, n % 256, count % 256])).digest()
                assert draw.select(rows, spec, seed).keys == _reference_select(rows, spec, seed)
