"""Leak and wrong-mask counts of the masker on a generated corpus, per ground-truth label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sanxiang.lib.masking import STRICTEST, MaskResult, mask_text

from .generate import KEEP, PERSONAL, Doc


@dataclass
class Report:
    totals: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)  # leaks (personal) or wrong masks (keep)
    examples: dict[str, list[str]] = field(default_factory=dict)
    unattributed_masks: int = 0  # masks touching no truth span at all (text that was not a datum)
    masks: int = 0
    chars: int = 0

    def rate(self, label: str) -> float:
        return self.failures.get(label, 0) / self.totals[label] if self.totals.get(label) else 0.0

    def table(self) -> str:
        lines = [f"{'type':<22}{'items':>8}{'leaked':>9}{'rate':>9}", "-" * 48]
        for label in PERSONAL:
            lines.append(
                f"{label:<22}{self.totals.get(label, 0):>8}{self.failures.get(label, 0):>9}"
                f"{self.rate(label):>9.2%}"
            )
        lines += ["", f"{'must keep':<22}{'items':>8}{'masked':>9}{'rate':>9}", "-" * 48]
        for label in KEEP:
            lines.append(
                f"{label:<22}{self.totals.get(label, 0):>8}{self.failures.get(label, 0):>9}"
                f"{self.rate(label):>9.2%}"
            )
        lines.append("")
        lines.append(
            f"masks applied: {self.masks}; masks over no ground-truth item (other text): "
            f"{self.unattributed_masks}; characters: {self.chars}"
        )
        return "\n".join(lines)


def mask_doc(doc: Doc, model: str = "gated") -> MaskResult:
    return mask_text(
        doc.text, policy=STRICTEST, known_names=doc.known_names, public_phones=doc.public_phones, model=model
    )


def evaluate(docs: Sequence[Doc], model: str = "gated") -> Report:
    """A personal item leaks unless masks cover every one of its characters; a must-keep item is
    wrongly masked if any mask touches it."""
    report = Report()
    for doc in docs:
        text = doc.text
        result = mask_doc(doc, model)
        report.chars += len(text)
        report.masks += len(result.spans)
        covered = bytearray(len(text))
        for span in result.spans:
            covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        for start, end, label in doc.truth:
            report.totals[label] = report.totals.get(label, 0) + 1
            hits = covered[start:end].count(1)
            failed = hits < end - start if label in PERSONAL else hits > 0
            if failed:
                report.failures[label] = report.failures.get(label, 0) + 1
                context = text[max(0, start - 12) : end + 12].replace("\n", "⏎")
                report.examples.setdefault(label, []).append(f"{text[start:end]!r} in …{context}…")
        for span in result.spans:
            if not any(s < span.end and span.start < e for s, e, _ in doc.truth):
                report.unattributed_masks += 1
                report.examples.setdefault("unattributed", []).append(
                    f"{text[span.start : span.end]!r} ({span.kind}) in …"
                    + text[max(0, span.start - 12) : span.end + 12].replace("\n", "⏎")
                    + "…"
                )
    return report
