"""Refusal thresholds of the importer."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sanxiang.lib import safefiles

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Refusal thresholds; the app passes its settings in."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_rows: int = 10_000
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: int = 200  # per member larger than 1 MB
    convert_timeout_seconds: int = 120

    def safe(self) -> safefiles.Limits:
        """These thresholds applied through the one safe reader (``sanxiang.lib.safefiles``)."""
        return replace(
            safefiles.default_limits(),
            max_bytes=self.max_file_bytes,
            max_unpacked_bytes=self.max_unzipped_bytes,
            max_ratio=self.max_compression_ratio,
            max_rows=self.max_rows,
        )
