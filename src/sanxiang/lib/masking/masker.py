"""``mask_text``: scan free text, decide each finding's display by the policy, and build spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .detect import Finding, find_personal_data
from .policy import STRICTEST, DisplayMode, FieldType, PolicyRow, display_mode, format_value
from .spans import MaskResult, Span, apply_merged, merge_spans

# When two findings overlap, the more sensitive kind names the merged mask.
_PRIORITY = {
    FieldType.ID_NUMBER: 0,
    FieldType.BANK_ACCOUNT: 1,
    FieldType.TRAVEL_DOCUMENT: 2,
    FieldType.PRACTICE_CERTIFICATE: 3,
    FieldType.BIRTH_DATE: 3,
    FieldType.PHONE: 4,
    FieldType.EMAIL: 5,
    FieldType.HOME_ADDRESS: 6,
    FieldType.THIRD_PARTY_NAME: 7,
    FieldType.PERSON_NAME: 8,
    FieldType.REPRESENTATIVE_NAME: 9,
    FieldType.OFFICIAL_NAME: 10,
}


def mask_text(
    text: str,
    *,
    policy: PolicyRow = STRICTEST,
    known_names: Mapping[str, FieldType | str] | Iterable[str] = (),
    public_phones: Iterable[str] = (),
    public_emails: Iterable[str] = (),
    model: str = "gated",
    individual_business_address: bool = True,
) -> MaskResult:
    """Mask the personal data in ``text`` under ``policy``.

    ``known_names`` are the names the entry carries (party, legal representative): a plain iterable
    treats them as the party's name, a mapping gives each its ``FieldType``. Each is masked wherever it
    stands alone, but not inside an organisation or shop name (张伟便利店 stays). ``public_phones`` and
    ``public_emails`` are the authority's own contacts, which stay visible (12366 and 12345 always do,
    and so does any address on a gov.cn domain). ``model`` is ``"gated"`` (the named-entity model reads
    only the windows around names the rules leave in doubt), ``"all"`` (the model reads all text) or
    ``"off"`` (rules only). ``individual_business_address`` publishes an individual business's place of
    business (经营地点, RULES.md §2A 🟡; a setting of the publicity app); a natural person's address is
    hidden either way. Spans are in original-text coordinates.
    """
    if isinstance(known_names, Mapping):
        known: Mapping[str, FieldType] | list[str] = {
            k: v if type(v) is FieldType else FieldType(v) for k, v in known_names.items()
        }
    else:
        known = list(known_names)
    findings = find_personal_data(
        text,
        known_names=known,
        public_phones=public_phones,
        public_emails=public_emails,
        model=model,
        individual_business_address=individual_business_address,
    )
    if "\n" in text:
        findings = [part for f in findings for part in _address_by_lines(text, f)]
    findings.sort(key=lambda f: (f.start, -f.end, _PRIORITY[f.field_type]))
    spans: list[Span] = []
    for finding in findings:
        mode = display_mode(policy, finding.field_type)
        if mode is DisplayMode.SHOWN:
            continue
        if mode is DisplayMode.NOT_PUBLISHED:
            mode = DisplayMode.HIDDEN  # inside running text a withheld datum is blanked
        original = text[finding.start : finding.end]
        replacement = format_value(original, finding.field_type, mode)
        assert replacement is not None
        spans.append(Span(finding.start, finding.end, finding.field_type.value, len(original), replacement))
    merged = [_keep_line_breaks(text, span) for span in merge_spans(spans)]
    return MaskResult(apply_merged(text, merged), tuple(merged))


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _address_by_lines(text: str, finding: Finding) -> list[Finding]:
    """An address a PDF line broke (found whole in the text with its wrapping undone) is masked line by
    line, each part's ``***`` on its own line: the published text keeps its lines, so a second pass reads
    the same page width and the same table."""
    if finding.field_type is not FieldType.HOME_ADDRESS or "\n" not in text[finding.start : finding.end]:
        return [finding]
    parts: list[Finding] = []
    position = finding.start
    for brk in _LINE_BREAK.finditer(text, finding.start, finding.end):
        if brk.start() > position:
            parts.append(Finding(position, brk.start(), finding.field_type))
        position = brk.end()
    if position < finding.end:
        parts.append(Finding(position, finding.end, finding.field_type))
    return parts


def _keep_line_breaks(text: str, span: Span) -> Span:
    """A mask made of the union of two overlapping ones is all asterisks: its line breaks are put back,
    so the published text keeps its lines (and a second pass reads the same table)."""
    original = text[span.start : span.end]
    if "\n" not in original or "\n" in span.replacement or len(span.replacement) != len(original):
        return span
    replacement = "".join(
        "\n" if ch == "\n" else star for ch, star in zip(original, span.replacement, strict=True)
    )
    return Span(span.start, span.end, span.kind, span.original_len, replacement)
