"""Mask spans in original-text coordinates and their application to a text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Span:
    """One mask over ``text[start:end]`` of the original text.

    ``kind`` is a ``FieldType`` value (``"id_number"``, ``"person_name"`` …) or ``"manual"`` for a mask
    an approver added; ``replacement`` is what the published text shows in its place.
    """

    start: int
    end: int
    kind: str
    original_len: int
    replacement: str


@dataclass(frozen=True, slots=True)
class MaskResult:
    """The masked text and the masks applied, sorted by ``start`` and never overlapping."""

    text: str
    spans: tuple[Span, ...]


def manual_span(text: str, start: int, end: int) -> Span:
    """A mask an approver draws over ``text[start:end]``: every character becomes ``*``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} outside a text of length {len(text)}")
    return Span(start, end, MANUAL, end - start, "*" * (end - start))


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and resolve overlaps so that no character is masked twice.

    A span that lies inside an earlier one is dropped; two spans that only partly overlap become one
    span over their union, shown as asterisks (its kind is the earlier span's), because neither
    replacement describes the union.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end <= last.end:
                continue
            length = span.end - last.start
            merged[-1] = Span(last.start, span.end, last.kind, length, "*" * length)
        else:
            merged.append(span)
    return merged


def apply_masks(text: str, spans: Iterable[Span]) -> str:
    """Replace every span of ``text`` (original coordinates) by its replacement.

    Used both for the detector's own masks and for an approver's extra masks, e.g.
    ``apply_masks(text, [*result.spans, manual_span(text, 10, 14)])``.
    """
    return apply_merged(text, merge_spans(spans))


def apply_merged(text: str, merged: Iterable[Span]) -> str:
    """``apply_masks`` for spans that are already the output of ``merge_spans`` (sorted, disjoint)."""
    parts: list[str] = []
    position = 0
    for span in merged:
        if span.end > len(text):
            raise ValueError(f"span {span.start}:{span.end} outside a text of length {len(text)}")
        parts.append(text[position : span.start])
        parts.append(span.replacement)
        position = span.end
    parts.append(text[position:])
    return "".join(parts)
