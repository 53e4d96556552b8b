"""Masking an entry version under the administrators' policy table (``MaskPolicy``).

``masked_content`` is the one function that turns raw values into what the public may see: the
form preview, approval and publication all call it, so the approver approves exactly what is sent
to the portal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sanxiang.lib.masking import (
    NOT_PUBLISHED,
    STRICTEST,
    DisplayMode,
    FieldType,
    PolicyRow,
    Span,
    apply_masks,
    mask_field,
    mask_text,
    merge_spans,
)

from .models import MaskPolicy


class PolicyTable:
    """The policy table read once (an import masks thousands of rows with one read)."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str, bool]] | None = None):
        if rows is None:
            rows = MaskPolicy.objects.values_list(
                "category", "subject_type", "field_type", "mode", "liftable"
            )
        self.modes: dict[tuple[str, str], dict[str, str]] = {}
        self.liftable: dict[tuple[str, str], set[str]] = {}
        for category, subject_type, field_type, mode, liftable in rows:
            self.modes.setdefault((category, subject_type), {})[field_type] = mode
            if liftable:
                self.liftable.setdefault((category, subject_type), set()).add(field_type)

    def row(
        self, category: str, subject_type: str, *, minor: bool = False, lifted: Iterable[str] = ()
    ) -> PolicyRow:
        """The policy for one entry; minors are never published (RULES.md §1.5); unknown pairs are strictest."""
        if minor:
            return NOT_PUBLISHED
        modes = self.modes.get((category, subject_type))
        if modes is None:
            return STRICTEST
        if all(mode == DisplayMode.NOT_PUBLISHED for mode in modes.values()):
            return NOT_PUBLISHED
        merged = {FieldType(k): DisplayMode(v) for k, v in modes.items() if k in FieldType._value2member_map_}
        for field_type in lifted:
            if field_type in self.liftable.get((category, subject_type), set()):
                merged[FieldType(field_type)] = DisplayMode.SHOWN
        return PolicyRow(category, subject_type, merged)

    def may_lift(self, category: str, subject_type: str, field_type: str) -> bool:
        return field_type in self.liftable.get((category, subject_type), set())


@dataclass(frozen=True)
class Masked:
    title: str
    fields: list[tuple[str, str]]
    text: str
    spans: list[Span]
    published: bool


SKIP_KEYS = frozenset({"authority", "subject_type"})


def party_field_type(subject_type: str, spec: Mapping[str, Any]) -> str | None:
    """How the party's name is masked: a natural person's name is personal data; an organisation's
    or shop's is not (an individual business's operator is masked as its representative)."""
    if spec.get("mask"):
        return spec["mask"]
    return FieldType.PERSON_NAME.value if subject_type == "natural_person" else None


def masked_content(
    *,
    item_label: str,
    field_specs: list[dict],
    data: Mapping[str, Any],
    text: str,
    subject_type: str,
    policy: PolicyRow,
    manual: Iterable[tuple[int, int]] = (),
    public_phones: Iterable[str] = (),
    public_emails: Iterable[str] = (),
) -> Masked:
    """The public form of one version: title, (label, value) fields and the body with its masks.

    Structured fields are masked by their type; free-text fields and the body are scanned, with the
    party's and the representative's names masked wherever they stand alone.
    """
    if not policy.published:
        return Masked("", [], "", [], False)
    party = str(data.get("party_name", ""))
    known: dict[str, str] = {}
    party_type = None
    for spec in field_specs:
        if spec["key"] == "party_name":
            party_type = party_field_type(subject_type, spec)
    if party and party_type:
        known[party] = party_type
    representative = str(data.get("legal_representative", ""))
    if representative:
        known[representative] = FieldType.REPRESENTATIVE_NAME.value
    phones, emails = list(public_phones), list(public_emails)

    fields: list[tuple[str, str]] = []
    masked_party = party
    for spec in field_specs:
        key = spec["key"]
        if key in SKIP_KEYS or spec.get("text"):
            continue
        value = data.get(key)
        if value in (None, ""):
            continue
        value = str(value)
        mask_type = party_field_type(subject_type, spec) if key == "party_name" else spec.get("mask")
        if mask_type:
            shown = mask_field(value, mask_type, policy=policy)
            if shown is None:
                continue
        elif spec.get("type") == "longtext":
            shown = mask_text(
                value, policy=policy, known_names=known, public_phones=phones, public_emails=emails
            ).text
        else:
            shown = value
        if key == "party_name":
            masked_party = shown
        fields.append((spec["label"], shown))

    result = mask_text(text, policy=policy, known_names=known, public_phones=phones, public_emails=emails)
    spans = list(result.spans)
    for start, end in manual:
        if 0 <= start < end <= len(text):
            spans.append(Span(start, end, "manual", end - start, "*" * (end - start)))
    spans = merge_spans(spans)
    body = apply_masks(text, spans) if manual else result.text
    title = f"{masked_party}{item_label}" if masked_party else item_label
    return Masked(title, fields, body, spans, True)


def highlighted_segments(text: str, spans: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Segments of the masked body for the approver: plain raw-text runs (with their offsets, so a
    selection can be turned into a manual mask) and masks (kind and replacement)."""
    segments: list[dict[str, Any]] = []
    position = 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span["start"] > position:
            segments.append({"text": text[position : span["start"]], "start": position, "mask": False})
        segments.append(
            {"text": span["replacement"], "kind": span["kind"], "start": span["start"], "mask": True}
        )
        position = span["end"]
    if position < len(text):
        segments.append({"text": text[position:], "start": position, "mask": False})
    return segments


def spans_to_json(spans: Iterable[Span]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "kind": s.kind, "replacement": s.replacement} for s in spans]
