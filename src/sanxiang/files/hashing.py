"""SM3 and SHA-256 computed together while a stream passes, in parallel.

SM3 (GB/T 32905) comes from OpenSSL through ``hashlib`` when the linked OpenSSL offers it (3.x
does), else from ``cryptography``. ``hashlib`` releases the GIL while it hashes a large buffer, so
SHA-256 runs in a helper thread while the caller's thread computes SM3: the pair costs about as
much wall time as SM3 alone. Neither OpenSSL context can be serialised, so a hash state lives
only in the process that computed it (see ``sanxiang.records.tus`` for how resumed uploads cope).
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from cryptography.hazmat.primitives import hashes

# Below this size the thread hand-off costs more than it saves.
PARALLEL_MIN = 256 * 1024
_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="dualhash")


def new_sm3() -> Any:
    try:
        return hashlib.new("sm3")
    except ValueError:  # OpenSSL without SM3: cryptography's own binding
        return _CryptographySM3()


class _CryptographySM3:
    def __init__(self, ctx: Any = None) -> None:
        self._ctx = ctx or hashes.Hash(hashes.SM3())

    def update(self, data: bytes) -> None:
        self._ctx.update(data)

    def copy(self) -> _CryptographySM3:
        return _CryptographySM3(self._ctx.copy())

    def hexdigest(self) -> str:
        return self._ctx.copy().finalize().hex()


class Pending:
    def __init__(self, futures: Any) -> None:
        self._futures = futures

    def wait(self) -> None:
        for future in self._futures:
            future.result()


class DualHasher:
    """SHA-256 and SM3 of everything passed to ``update``; SHA-256 in a helper thread."""

    def __init__(self) -> None:
        self.sha256 = hashlib.sha256()
        self.sm3 = new_sm3()
        self.size = 0

    def update(self, chunk: bytes | memoryview) -> None:
        if not chunk:
            return
        if len(chunk) >= PARALLEL_MIN:
            future = _executor.submit(self.sha256.update, chunk)
            self.sm3.update(chunk)
            future.result()
        else:
            self.sha256.update(chunk)
            self.sm3.update(chunk)
        self.size += len(chunk)

    def update_async(self, chunk: bytes, sink: Any = None) -> Pending:
        """Start hashing ``chunk`` (SM3 and SHA-256 each in a helper thread; ``sink(chunk)``, e.g.
        a file's ``write``, beside SHA-256) and return at once, so the caller can read the next
        chunk from the network meanwhile. Call ``Pending.wait()`` before the next update."""
        if not chunk:
            return Pending(())
        self.size += len(chunk)

        def sha_and_sink() -> None:
            self.sha256.update(chunk)
            if sink is not None:
                sink(chunk)

        return Pending((_executor.submit(self.sm3.update, chunk), _executor.submit(sha_and_sink)))

    def copy(self) -> DualHasher:
        other = DualHasher.__new__(DualHasher)
        other.sha256 = self.sha256.copy()
        other.sm3 = self.sm3.copy()
        other.size = self.size
        return other

    def hexdigests(self) -> tuple[str, str]:
        """(sha256, sm3) of the bytes so far; the hasher can go on afterwards."""
        return self.sha256.hexdigest(), self.sm3.hexdigest()
