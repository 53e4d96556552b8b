"""Publication log at 1,000,000 leaves: append, root, and inclusion/consistency proof latency.

Run: .venv/bin/python bench/bench_merkle.py [leaves]   (prints figures, asserts nothing about time)

Leaves are real publication leaves (RFC 8785 JSON of a masked entry and a 32-byte salt) so the
append figure includes canonicalisation and both hashes. Proof figures are for the
in-memory store, which caches every complete subtree; a database store does the same number
of lookups (printed), each one a query unless prefetched through ``subtree_cover``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable

from sanxiang.lib.merkle import (
    CompactRange,
    InMemoryTreeStore,
    consistency_proof,
    inclusion_proof,
    publication_leaf,
    root_hash,
    verify_consistency,
    verify_inclusion,
)

SAMPLES = 2_000


class CountingStore:
    """Counts the lookups a proof costs, as a database-backed store would issue them."""

    def __init__(self, inner: InMemoryTreeStore) -> None:
        self.inner = inner
        self.lookups = 0

    def size(self) -> int:
        return self.inner.size()

    def leaf_hash(self, index: int) -> bytes:
        self.lookups += 1
        return self.inner.leaf_hash(index)

    def subtree_hash(self, start: int, end: int) -> bytes | None:
        self.lookups += 1
        return self.inner.subtree_hash(start, end)


def entry(i: int) -> dict[str, object]:
    return {
        "id": f"2025-{i:07d}",
        "kind": "penalty",
        "party": "某某商贸有限公司",
        "uscc": "91110000X0000000XX",
        "decision": "罚款人民币伍仟元整",
        "amount_fen": 500_000 + i % 1000,
        "decided_on": "2025-03-01",
    }


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {p50 * 1e6:8.1f} µs   p95 {p95 * 1e6:8.1f} µs   max {ordered[-1] * 1e6:8.1f} µs"


def timed(samples: int, action: Callable[[], None]) -> list[float]:
    result = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        result.append(time.perf_counter() - started)
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(20250301)
    salt = bytes(range(32))

    store = InMemoryTreeStore()
    started = time.perf_counter()
    for i in range(n):
        store.append(publication_leaf(entry(i), salt))
    append_seconds = time.perf_counter() - started
    print(f"leaves: {n:,}")
    print(
        f"append (canonical JSON + leaf hash + subtree cache): {append_seconds:6.2f} s  ({n / append_seconds:,.0f}/s)"
    )

    hashes_only = InMemoryTreeStore()
    hashed = [store.leaf_hash(i) for i in range(n)]
    started = time.perf_counter()
    for item in hashed:
        hashes_only.append_leaf_hash(item)
    print(f"append of ready leaf hashes (tree work only):       {time.perf_counter() - started:6.2f} s")

    started = time.perf_counter()
    head = root_hash(store)
    print(
        f"root with cached subtrees:                        {(time.perf_counter() - started) * 1e6:8.1f} µs"
    )
    started = time.perf_counter()
    compact = CompactRange()
    for item in hashed:
        compact.append(item)
    assert compact.root() == head
    print(f"root from scratch, streaming (verify_publications): {time.perf_counter() - started:6.2f} s")
    del hashed

    indexes = [rng.randrange(n) for _ in range(SAMPLES)]
    proofs = {}

    def generate_inclusion() -> None:
        index = indexes[len(proofs) % SAMPLES]
        proofs[len(proofs)] = (index, inclusion_proof(store, index))

    generation = timed(SAMPLES, generate_inclusion)
    checks = iter(proofs.values())

    def verify_one_inclusion() -> None:
        index, path = next(checks)
        assert verify_inclusion(store.leaf_hash(index), index, n, path, head)

    verification = timed(SAMPLES, verify_one_inclusion)
    counter = CountingStore(store)
    lookups = []
    for index in indexes[:200]:
        counter.lookups = 0
        inclusion_proof(counter, index)
        lookups.append(counter.lookups)
    print(f"inclusion proof generation   {percentiles(generation)}   lookups max {max(lookups)}")
    print(f"inclusion proof verification {percentiles(verification)}")

    old_sizes = [rng.randrange(1, n) for _ in range(SAMPLES)]
    old_heads = {size: root_hash(store, size) for size in old_sizes}
    consistency: dict[int, tuple[int, list[bytes]]] = {}

    def generate_consistency() -> None:
        old = old_sizes[len(consistency) % SAMPLES]
        consistency[len(consistency)] = (old, consistency_proof(store, old))

    generation = timed(SAMPLES, generate_consistency)
    pending = iter(consistency.values())

    def verify_one_consistency() -> None:
        old, path = next(pending)
        assert verify_consistency(old, n, old_heads[old], head, path)

    verification = timed(SAMPLES, verify_one_consistency)
    lookups = []
    for old in old_sizes[:200]:
        counter.lookups = 0
        consistency_proof(counter, old)
        lookups.append(counter.lookups)
    print(f"consistency proof generation   {percentiles(generation)}   lookups max {max(lookups)}")
    print(f"consistency proof verification {percentiles(verification)}")
    print(f"root: {head.hex()}")


if __name__ == "__main__":
    main()
