"""Pure CPU work done by a forked helper process beside the caller: ``SharedWork``.

``SharedWork(count, work)`` forks one child that computes ``work(0)``, ``work(1)``, … from the
front and queues the results, while the caller goes on with other work (its database writes, say);
``results()`` then has the caller compute the remaining indices from the back until the two meet,
and returns ``[work(0), …, work(count - 1)]``. On a machine with a free core the work costs the
caller little more than what the child has not finished; on a busy one the caller simply does
more of it itself, so the wall time is never much worse than computing everything in process.

Use it as a context manager, so that the child is ended when the caller fails before asking for
the results. ``work`` must be a pure function of its index over data both processes hold (the child is a fork:
it sees the caller's memory as it was when ``SharedWork`` was created) and must not touch the
database, files or sockets the caller holds: the child never closes or uses them, and leaves
through ``os._exit``. If the child fails or dies, the caller computes what it did not deliver
(and so raises the error itself, if ``work`` raises). Without ``fork`` (not on Linux), on one
core (unless asked to fork anyway) or when asked not to, everything is computed in process.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

__all__ = ["SharedWork", "can_fork"]

T = TypeVar("T")

# Seconds the caller waits for a result before it looks whether the child is still alive.
_POLL = 0.2


def can_fork() -> bool:
    """Whether a helper process can run beside this one: ``fork`` exists and there is a second core."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)
    return cores > 1


# prctl(2) option: the signal the kernel sends this process when its parent dies.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:  # pragma: no cover - runs in the forked child
    """Have the kernel kill this child when the process that forked it dies (Linux).

    A parent killed with SIGKILL (a worker restarted, ``kill -9``) runs no cleanup; the child, which
    holds the read end of its own queue's pipe too, would otherwise block for ever on a full pipe and
    keep its memory (the name model's) until the machine restarts. Elsewhere ``prctl`` is missing
    and the child ends as before, when its work is done.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died between the fork and the prctl
        os._exit(0)


class SharedWork(Generic[T]):
    """``work(i)`` for ``i`` in ``range(count)``, shared between a forked child and the caller."""

    def __init__(self, count: int, work: Callable[[int], T], *, fork: bool | None = None) -> None:
        """``fork``: None forks where ``can_fork()``; True wherever ``fork`` exists; False never."""
        self.count = count
        self.work = work
        self._process: Any = None
        if fork is None:
            fork = can_fork()
        if count < 2 or not fork or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        # [next index from the front, one past the next index from the back], under one lock.
        self._bounds: Any = context.Array("q", [0, count])
        self._queue: Any = context.Queue()
        self._process = context.Process(target=self._child, args=(os.getpid(),), daemon=True)
        self._process.start()

    def _child(self, parent: int) -> None:  # pragma: no cover - runs in the forked child
        _die_with_parent(parent)
        # A failure stops the child quietly: the caller computes the index it failed on again
        # (and raises the error there, where it is reported).
        with contextlib.suppress(Exception):
            while (index := self._claim(front=True)) is not None:
                self._queue.put((index, self.work(index)))
        self._queue.close()
        self._queue.join_thread()  # deliver everything queued before the process exits

    def _claim(self, *, front: bool) -> int | None:
        with self._bounds.get_lock():
            first, end = self._bounds[0], self._bounds[1]
            if first >= end:
                return None
            if front:
                self._bounds[0] = first + 1
                return int(first)
            self._bounds[1] = end - 1
            return int(end - 1)

    def results(self) -> list[T]:
        """Every ``work(i)`` in index order; the caller computes what the child has not taken."""
        if self._process is None:
            return [self.work(index) for index in range(self.count)]
        done: dict[int, T] = {}
        while (index := self._claim(front=False)) is not None:
            done[index] = self.work(index)
        taken = int(self._bounds[0])  # the child took [0, taken): wait for those
        while any(i not in done for i in range(taken)):
            try:
                index, result = self._queue.get(timeout=_POLL)
            except queue.Empty:
                if self._process.is_alive():
                    continue
                try:  # it ended: whatever it delivered is in the queue already
                    index, result = self._queue.get(timeout=_POLL)
                except queue.Empty:
                    break
            done[index] = result
        self.close()
        return [done[index] if index in done else self.work(index) for index in range(self.count)]

    def in_order(self) -> Iterator[T]:
        """``work(0)``, ``work(1)``, … each as soon as it and those before it are done, so that the
        caller can use the first results (write them, say) while the child still computes later
        ones. While the next result is not in yet, the caller computes one index from the back
        instead of waiting; it waits only when everything left is the child's. The same values
        as ``results()``; a child that failed or died is covered for the same way."""
        if self._process is None:
            for index in range(self.count):
                yield self.work(index)
            return
        done: dict[int, T] = {}
        for wanted in range(self.count):
            while wanted not in done:
                if self._receive(done, wait=False):
                    continue
                claimed = self._claim(front=False)
                if claimed is not None:
                    done[claimed] = self.work(claimed)
                elif not self._receive(done, wait=True) and not self._process.is_alive():
                    # Ended without delivering ``wanted``: nothing more will come.
                    while self._receive(done, wait=False):
                        pass
                    if wanted not in done:
                        done[wanted] = self.work(wanted)
            yield done.pop(wanted)
        self.close()

    def _receive(self, done: dict[int, T], *, wait: bool) -> bool:
        """Move one delivered result into ``done``; False if none came (within ``_POLL`` if ``wait``)."""
        try:
            index, result = self._queue.get(timeout=_POLL) if wait else self._queue.get_nowait()
        except queue.Empty:
            return False
        done[index] = result
        return True

    def close(self) -> None:
        """End the child (killed if it is still working: the caller gave up) and release its queue."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.kill()  # SIGKILL: the child may have inherited a SIGTERM handler
        self._process.join()
        self._queue.close()
        self._process = None

    def __enter__(self) -> SharedWork[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
