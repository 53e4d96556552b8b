"""The verifiable draw (``sanxiang.lib.draw``): draws per second and the statistics of 10,000 draws.

Standalone, pure Python (no database): ``.venv/bin/python bench/bench_draw.py [draws]``. Prints the
time for N uniform draws (5 of 20) and N weighted draws (3 of 8, weights 1,1,2,2,3,3,4,4), the worst
per-item deviation in binomial standard deviations (the test bound is 4.5) and the chi-square of the
first pick (the test bounds are 43.82 with 19 and 24.32 with 7 degrees of freedom, p = 0.001), and
one draw of 100 from a directory of 100,000 rows.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import sys
import time
from fractions import Fraction

from sanxiang.lib import draw
from sanxiang.lib.draw import DrawSpec


def run(rows, spec, n):
    counts = dict.fromkeys((r["key"] for r in rows), 0)
    firsts = dict(counts)
    started = time.perf_counter()
    for i in range(n):
        keys = draw.select(rows, spec, hashlib.sha256(b"stat" + i.to_bytes(4, "big")).digest()).keys
        firsts[keys[0]] += 1
        for key in keys:
            counts[key] += 1
    return counts, firsts, time.perf_counter() - started


def inclusion(weights, k):
    result = dict.fromkeys(weights, Fraction(0))
    for sequence in itertools.permutations(weights, k):
        p, remaining = Fraction(1), sum(weights.values())
        for key in sequence:
            p *= Fraction(weights[key], remaining)
            remaining -= weights[key]
        for key in sequence:
            result[key] += p
    return result


def report(label, counts, firsts, elapsed, inclusion_p, first_p, n):
    worst = max(abs(counts[k] - n * p) / math.sqrt(n * p * (1 - p)) for k, p in inclusion_p.items())
    chi2 = sum((firsts[k] - n * p) ** 2 / (n * p) for k, p in first_p.items())
    print(
        f"{label}: {n} draws in {elapsed:.2f} s ({n / elapsed:,.0f}/s); worst item {worst:.2f} sd; first-pick chi-square {chi2:.2f}"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rows = [{"key": f"U{i:02d}"} for i in range(20)]
    counts, firsts, elapsed = run(rows, DrawSpec(snapshot_hash=draw.snapshot_hash(rows), count=5), n)
    report(
        "uniform 5 of 20",
        counts,
        firsts,
        elapsed,
        dict.fromkeys(counts, 0.25),
        dict.fromkeys(counts, 0.05),
        n,
    )
    weights = {"W1": 1, "W2": 1, "W3": 2, "W4": 2, "W5": 3, "W6": 3, "W7": 4, "W8": 4}
    rows = [{"key": k, "risk": k} for k in weights]
    spec = DrawSpec(
        snapshot_hash=draw.snapshot_hash(rows), count=3, weights=[{"field": "risk", "values": weights}]
    )
    counts, firsts, elapsed = run(rows, spec, n)
    exact = {k: float(p) for k, p in inclusion(weights, 3).items()}
    report("weighted 3 of 8", counts, firsts, elapsed, exact, {k: w / 20 for k, w in weights.items()}, n)
    big = [
        {
            "key": f"TP{i:08d}",
            "class": "other_enterprise" if i % 9 else "key_municipal",
            "risk": "high" if i % 13 == 0 else "low",
        }
        for i in range(100_000)
    ]
    started = time.perf_counter()
    hashed = draw.snapshot_hash(big)
    hashed_at = time.perf_counter()
    result = draw.select(
        big,
        DrawSpec(snapshot_hash=hashed, count=100, weights=[{"field": "risk", "values": {"high": 4}}]),
        bytes(32),
    )
    print(
        f"100,000 rows: snapshot hash {hashed_at - started:.2f} s, weighted draw of {len(result.keys)} {time.perf_counter() - hashed_at:.2f} s"
    )


if __name__ == "__main__":
    main()
