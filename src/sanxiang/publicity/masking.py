"""Masking an entry version under the administrators' policy table (``MaskPolicy``).

``masked_content`` is the one function that turns raw values into what the public may see: the
form preview, approval and publication all call it, so the approver approves exactly what is sent
to the portal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from sanxiang.lib.masking import (
    MANUAL,
    NOT_PUBLISHED,
    STRICTEST,
    DisplayMode,
    FieldType,
    MaskResult,
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
        # Rows built so far: a batch asks for the same few (category, subject type, lifts) again
        # and again, and each build converts every mode to its enum. A PolicyRow is immutable.
        self._rows: dict[tuple[str, str, frozenset[str]], PolicyRow] = {}

    def row(
        self, category: str, subject_type: str, *, minor: bool = False, lifted: Iterable[str] = ()
    ) -> PolicyRow:
        """The policy for one entry; minors are never published (RULES.md §1.5); unknown pairs are strictest."""
        if minor:
            return NOT_PUBLISHED
        lifts = frozenset(lifted)
        key = (category, subject_type, lifts)
        found = self._rows.get(key)
        if found is None:
            found = self._rows[key] = self._build(category, subject_type, lifts)
        return found

    def _build(self, category: str, subject_type: str, lifted: frozenset[str]) -> PolicyRow:
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
class FieldMask:
    """One field of a version for the approver's preview: its raw value and the masks over it.

    ``shown`` is None for a field the policy does not publish; ``spans`` are in raw-value
    coordinates; ``manual`` says whether the approver may draw masks over it (free text and plain
    values; a structured field such as an ID number is masked by its type as a whole).
    """

    key: str
    label: str
    raw: str
    shown: str | None
    spans: list[Span]
    manual: bool


@dataclass(frozen=True)
class Masked:
    title: str
    fields: list[tuple[str, str]]
    text: str
    spans: list[Span]
    published: bool
    details: list[FieldMask] = field(default_factory=list)


SKIP_KEYS = frozenset({"authority", "subject_type"})


def party_field_type(subject_type: str, spec: Mapping[str, Any]) -> str | None:
    """How the party's name is masked: a natural person's name is personal data; an organisation's
    or shop's is not (an individual business's operator is masked as its representative)."""
    if spec.get("mask"):
        return spec["mask"]
    return FieldType.PERSON_NAME.value if subject_type == "natural_person" else None


def _manual_spans(value: str, manual: Iterable[tuple[int, int]]) -> list[Span]:
    return [
        Span(start, end, MANUAL, end - start, "*" * (end - start))
        for start, end in manual
        if 0 <= start < end <= len(value)
    ]


def choice_label(spec: Mapping[str, Any], value: str) -> str:
    """A choice field is published by its label (一般), never by its code (general)."""
    return next((str(label) for code, label in spec.get("choices", []) if code == value), value)


def derived_body(field_specs: list[dict], data: Mapping[str, Any]) -> str:
    """The body built from the free-text fields when no body was given (``services.entry_text``)."""
    return "\n".join(
        f"{spec['label']}：{data[spec['key']]}"
        for spec in field_specs
        if spec.get("text") and data.get(spec["key"])
    )


def masked_content(
    *,
    item_label: str,
    field_specs: list[dict],
    data: Mapping[str, Any],
    text: str,
    subject_type: str,
    policy: PolicyRow,
    manual: Iterable[tuple[int, int]] = (),
    manual_fields: Mapping[str, Iterable[tuple[int, int]]] | None = None,
    public_phones: Iterable[str] = (),
    public_emails: Iterable[str] = (),
) -> Masked:
    """The public form of one version: title, (label, value) fields and the body with its masks.

    Structured fields are masked by their type; free-text fields and the body are scanned, with the
    party's and the representative's names masked wherever they stand alone. Free-text fields
    (facts, result) are published as fields unless the body was built from them. ``manual`` are the
    approver's masks over the body, ``manual_fields`` over a field's raw value.
    """
    if not policy.published:
        return Masked("", [], "", [], False)
    manual_fields = manual_fields or {}
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
    for spec in field_specs:  # numbers typed into structured fields are masked wherever they appear
        value = str(data.get(spec["key"]) or "").strip()
        if spec.get("mask") and spec["key"] != "legal_representative" and len(value) >= 4:
            known.setdefault(value, spec["mask"])
    phones, emails = list(public_phones), list(public_emails)

    def scan(value: str) -> MaskResult:
        return mask_text(
            value,
            policy=policy,
            known_names=known,
            public_phones=phones,
            public_emails=emails,
            individual_business_address=settings.SANXIANG_MASK_PUBLISH_INDIVIDUAL_BUSINESS_ADDRESS,
        )

    body_from_fields = bool(text) and text == derived_body(field_specs, data)

    fields: list[tuple[str, str]] = []
    details: list[FieldMask] = []
    masked_party = party
    for spec in field_specs:
        key = spec["key"]
        if key in SKIP_KEYS:
            continue
        raw = data.get(key)
        if raw in (None, ""):
            continue
        value = str(raw)
        mask_type: str | None = (
            party_field_type(subject_type, spec) if key == "party_name" else spec.get("mask")
        )
        spans: list[Span]
        shown: str | None
        if spec.get("type") == "choice":
            shown = choice_label(spec, value)
            details.append(FieldMask(key, spec["label"], shown, shown, [], False))
        elif mask_type:
            shown = mask_field(value, mask_type, policy=policy)
            spans = [] if shown == value else [Span(0, len(value), mask_type, len(value), shown or "")]
            details.append(FieldMask(key, spec["label"], value, shown, spans, False))
            if shown is None:
                continue
        elif spec.get("text") and body_from_fields:
            # Shown in the body, where the approver masks it: neither the field nor its masks
            # are published or stored, so it is not scanned on its own.
            continue
        else:
            if spec.get("type") == "longtext" or spec.get("text"):
                scanned = scan(value)
                spans = list(scanned.spans)
            else:
                spans = []
            spans = merge_spans([*spans, *_manual_spans(value, manual_fields.get(key, ()))])
            shown = apply_masks(value, spans) if spans else value
            details.append(FieldMask(key, spec["label"], value, shown, spans, True))
        if key == "party_name":
            masked_party = shown
        fields.append((spec["label"], shown))

    result = scan(text)
    spans = merge_spans([*result.spans, *_manual_spans(text, manual)])
    body = apply_masks(text, spans) if spans else text
    title = f"{masked_party}{item_label}" if masked_party else item_label
    return Masked(title, fields, body, spans, True, details)


def highlighted_segments(text: str, spans: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Segments of a masked text for the approver: plain raw-text runs (with their offsets, so a
    selection can be turned into a manual mask) and masks (kind, replacement and raw offsets)."""
    segments: list[dict[str, Any]] = []
    position = 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span["start"] > position:
            segments.append({"text": text[position : span["start"]], "start": position, "mask": False})
        segments.append(
            {
                "text": span["replacement"],
                "kind": span["kind"],
                "start": span["start"],
                "end": span["end"],
                "mask": True,
            }
        )
        position = span["end"]
    if position < len(text):
        segments.append({"text": text[position:], "start": position, "mask": False})
    return segments


def spans_to_json(spans: Iterable[Span]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "kind": s.kind, "replacement": s.replacement} for s in spans]


def field_masks_json(masked: Masked) -> dict[str, dict[str, Any]]:
    """What ``EntryVersion.field_masks`` stores: per field key, whether the approver may draw masks
    over it, whether the policy withholds it, and its masks in raw-value coordinates."""
    return {
        d.key: {"manual": d.manual, "withheld": d.shown is None, "spans": spans_to_json(d.spans)}
        for d in masked.details
    }


def preview(
    field_specs: list[dict],
    data: Mapping[str, Any],
    text: str,
    spans: Iterable[Mapping[str, Any]],
    field_masks: Mapping[str, Mapping[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The approver's preview from a version's stored masks: (fields, body segments).

    Each field is ``{"key", "label", "segments", "withheld", "manual"}``, in the item's field order.
    """
    fields = []
    for spec in field_specs:
        key = spec["key"]
        stored = field_masks.get(key)
        if stored is None:
            continue
        raw = str(data.get(key, ""))
        if spec.get("type") == "choice":
            raw = choice_label(spec, raw)
        marks = stored.get("spans", [])
        if stored.get("withheld"):
            marks = [{"start": 0, "end": len(raw), "kind": "withheld", "replacement": ""}]
        fields.append(
            {
                "key": key,
                "label": spec["label"],
                "segments": highlighted_segments(raw, marks),
                "withheld": bool(stored.get("withheld")),
                "manual": bool(stored.get("manual")),
            }
        )
    return fields, highlighted_segments(text, spans)
