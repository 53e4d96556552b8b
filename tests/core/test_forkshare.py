"""kernel.forkshare: work shared with a forked child (the caller covering for it)."""

from __future__ import annotations

import os
import time

import pytest

from sanxiang.kernel.forkshare import SharedWork


def _square(index: int) -> tuple[int, int]:
    return index * index, os.getpid()


def test_the_child_takes_from_the_front_and_the_caller_from_the_back():
    with SharedWork(40, _square, fork=True) as shared:
        waited = time.monotonic() + 30
        while shared._bounds[0] < 5 and time.monotonic() < waited:  # the caller's own work
            time.sleep(0.01)
        results = shared.results()
    assert [square for square, _pid in results] == [i * i for i in range(40)]
    pids = [pid for _square, pid in results]
    assert pids[0] != os.getpid()  # the child began at the front
    assert pids == sorted(pids, key=lambda pid: pid == os.getpid())  # child's first, then ours


def test_without_fork_everything_is_computed_in_process():
    results = SharedWork(5, _square, fork=False).results()
    assert results == [(i * i, os.getpid()) for i in range(5)]


def test_what_a_failing_child_did_not_deliver_the_caller_computes():
    parent = os.getpid()

    def fragile(index: int) -> int:
        if index == 3 and os.getpid() != parent:
            raise RuntimeError("the child fails on 3")
        return index + 100

    with SharedWork(30, fragile, fork=True) as shared:
        time.sleep(0.5)
        assert shared.results() == [i + 100 for i in range(30)]


def test_an_error_in_the_work_reaches_the_caller_and_the_child_is_ended():
    def broken(index: int) -> int:
        raise ValueError(f"bad {index}")

    with pytest.raises(ValueError, match="bad"), SharedWork(10, broken, fork=True) as shared:
        shared.results()
    assert shared._process is None


def test_leaving_the_block_early_kills_a_working_child():
    def slow(index: int) -> int:
        time.sleep(0.2)
        return index

    with pytest.raises(RuntimeError), SharedWork(1000, slow, fork=True) as shared:
        process = shared._process
        raise RuntimeError("the caller failed")
    assert not process.is_alive()


def test_in_order_gives_each_result_as_soon_as_those_before_it_are_in():
    with SharedWork(40, _square, fork=True) as shared:
        waited = time.monotonic() + 30
        while shared._bounds[0] < 1 and time.monotonic() < waited:  # the child has begun
            time.sleep(0.01)
        first = next(iter_ := shared.in_order())
        assert first == (0, first[1]) and first[1] != os.getpid()  # the child's, not ours
        rest = list(iter_)
    assert [square for square, _pid in [first, *rest]] == [i * i for i in range(40)]
    assert shared._process is None  # ended once everything was given


def test_in_order_covers_for_a_failing_child_and_computes_in_process_without_fork():
    parent = os.getpid()

    def fragile(index: int) -> int:
        if index == 3 and os.getpid() != parent:
            raise RuntimeError("the child fails on 3")
        return index + 100

    with SharedWork(30, fragile, fork=True) as shared:
        assert list(shared.in_order()) == [i + 100 for i in range(30)]
    assert list(SharedWork(5, _square, fork=False).in_order()) == [(i * i, os.getpid()) for i in range(5)]
