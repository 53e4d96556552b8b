"""Builders for stored files: always through the real ``file_store`` service."""

from __future__ import annotations

import io
from typing import Any

from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_store
from sanxiang.org.models import Authority


def stored_file(
    actor: Any,
    authority: Authority | None = None,
    *,
    content: bytes = b"%PDF-1.4 test\n",
    name: str = "决定书.pdf",
    content_type: str = "application/pdf",
    owner: Any = None,
    purpose: str = "",
) -> StoredFile:
    return file_store(
        actor=actor,
        stream=io.BytesIO(content),
        name=name,
        content_type=content_type,
        authority=authority or actor.authority,
        owner=owner,
        purpose=purpose,
    )


class GeneratedStream(io.RawIOBase):
    """``size`` deterministic pseudo-random bytes produced on demand, never all in memory."""

    def __init__(self, size: int, *, block: int = 1024 * 1024, seed: int = 7):
        self.remaining = size
        self.block = block
        self.counter = seed

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        n = self.block if n is None or n < 0 else min(n, self.block)
        n = min(n, self.remaining)
        self.counter += 1
        # A different 64-byte pattern per read; cheap to produce, not compressible to one block.
        pattern = self.counter.to_bytes(8, "big") * 8
        chunk = (pattern * (n // len(pattern) + 1))[:n]
        self.remaining -= n
        return chunk
