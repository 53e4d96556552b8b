"""A document under construction: text pieces and labelled spans, table flattenings, PDF wrapping, OCR noise."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from values import MASKED, PERSONAL, Val

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}


def to_fullwidth(text: str) -> str:
    return "".join(FULLWIDTH.get(c, c) for c in text)


@dataclass
class Span:
    start: int
    end: int
    type: str
    cls: str
    tags: list[str] = field(default_factory=list)


class Doc:
    def __init__(self, doc_id: str, kind: str, layout: str) -> None:
        self.id = doc_id
        self.kind = kind
        self.layout = layout
        self.parts: list[str] = []
        self.size = 0
        self.spans: list[Span] = []

    # -- writing -------------------------------------------------------------------------------
    def t(self, text: str) -> Doc:
        self.parts.append(text)
        self.size += len(text)
        return self

    def v(self, val: Val, *tags: str) -> Doc:
        self.spans.append(
            Span(self.size, self.size + len(val.text), val.type, val.cls, list(val.tags + tags))
        )
        return self.t(val.text)

    def put(self, piece: str | Val) -> Doc:
        return self.t(piece) if isinstance(piece, str) else self.v(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    # -- post-processing (offsets follow) ------------------------------------------------------
    def _insert(self, inserts: list[tuple[int, str]], tag: str) -> None:
        """Insert strings at positions of the current text; a span around a position grows and gets ``tag``."""
        text = self.text
        out: list[str] = []
        prev = 0
        for pos, s in sorted(inserts):
            out.append(text[prev:pos])
            out.append(s)
            prev = pos
        out.append(text[prev:])
        for span in self.spans:
            before_start = sum(len(s) for p, s in inserts if p <= span.start)
            inside = sum(len(s) for p, s in inserts if span.start < p < span.end)
            span.start += before_start
            span.end += before_start + inside
            if inside and tag not in span.tags:
                span.tags.append(tag)
        self.parts = ["".join(out)]
        self.size = len(self.parts[0])

    def pdf_wrap(self, rng: random.Random) -> None:
        """Hard-wrap every line at a fixed width, as pdftotext gives a justified page, with page footers."""
        width = rng.randint(24, 38)
        text = self.text
        inserts: list[tuple[int, str]] = []
        col = 0
        lines = 0
        page = 1
        for i, c in enumerate(text):
            if c == "\n":
                col = 0
                lines += 1
                continue
            if col == width:
                lines += 1
                if lines >= 28:
                    page += 1
                    lines = 0
                    inserts.append((i, f"\n\n{' ' * rng.randint(20, 40)}- {page - 1} -\n\f"))
                else:
                    inserts.append((i, "\n"))
                col = 0
            col += 1
        self._insert(inserts, "linebreak")

    def ocr_noise(self, rng: random.Random) -> None:
        """Full-width digits and letters in some runs, and stray spaces, as OCR of a scanned page gives."""
        text = list(self.text)
        changed: set[int] = set()
        i = 0
        while i < len(text):
            if text[i].isascii() and text[i].isalnum() and rng.random() < 0.08:
                run = rng.randint(3, 25)
                for j in range(i, min(i + run, len(text))):
                    if text[j].isascii() and (text[j].isalnum() or text[j] in "-.@:/()"):
                        text[j] = FULLWIDTH[text[j]]
                        changed.add(j)
                i += run
            i += 1
        self.parts = ["".join(text)]
        for span in self.spans:
            if any(span.start <= j < span.end for j in changed) and "fullwidth" not in span.tags:
                span.tags.append("ocr_fullwidth")
        positions = [
            p for p in range(1, len(text)) if text[p - 1] != "\n" and text[p] != "\n" and rng.random() < 0.025
        ]
        self._insert([(p, " ") for p in positions], "ocr_space")

    def record(self) -> dict[str, object]:
        text = self.text
        spans = sorted(self.spans, key=lambda s: s.start)
        return {
            "id": self.id,
            "kind": self.kind,
            "layout": self.layout,
            "text": text,
            "spans": [
                {
                    "start": s.start,
                    "end": s.end,
                    "text": text[s.start : s.end],
                    "type": s.type,
                    "class": s.cls,
                    "tags": sorted(set(s.tags)),
                }
                for s in spans
            ],
        }


# --------------------------------------------------------------------------------------------
# Table flattenings
# --------------------------------------------------------------------------------------------

Cell = list[str | Val]


def cell_len(cell: Cell) -> int:
    return sum(len(p) if isinstance(p, str) else len(p.text) for p in cell)


def _put_cell(d: Doc, cell: Cell) -> None:
    for piece in cell:
        d.put(piece)


def flatten(d: Doc, headers: list[str], rows: list[list[Cell]], layout: str) -> None:
    """Write a table in one of the flattenings seen in published lists."""
    if layout == "tab":
        d.t("\t".join(headers) + "\n")
        for row in rows:
            for i, cell in enumerate(row):
                if i:
                    d.t("\t")
                _put_cell(d, cell)
            d.t("\n")
    elif layout == "pipe":
        d.t("| " + " | ".join(headers) + " |\n")
        d.t("|" + "|".join("---" for _ in headers) + "|\n")
        for row in rows:
            d.t("| ")
            for i, cell in enumerate(row):
                if i:
                    d.t(" | ")
                _put_cell(d, cell)
            d.t(" |\n")
    elif layout == "cell_line":
        for h in headers:
            d.t(h + "\n")
        for row in rows:
            for cell in row:
                _put_cell(d, cell)
                d.t("\n")
    elif layout == "space":
        widths = [max([len(h)] + [cell_len(r[i]) for r in rows]) for i, h in enumerate(headers)]
        d.t("  ".join(h + " " * (w - len(h)) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
        for row in rows:
            for i, cell in enumerate(row):
                if i:
                    d.t("  ")
                _put_cell(d, cell)
                if i < len(row) - 1:
                    d.t(" " * (widths[i] - cell_len(cell)))
            d.t("\n")
    elif layout == "kv":
        for n, row in enumerate(rows):
            if n:
                d.t("\n")
            for h, cell in zip(headers, row, strict=True):
                d.t(h + "：")
                _put_cell(d, cell)
                d.t("\n")
    elif layout == "semicolon":
        for row in rows:
            for i, (h, cell) in enumerate(zip(headers, row, strict=True)):
                if i:
                    d.t("；")
                d.t(h + "：")
                _put_cell(d, cell)
            d.t("。\n")
    elif layout == "html":
        d.t('<table border="1">\n<tr>' + "".join(f"<th>{h}</th>" for h in headers) + "</tr>\n")
        for row in rows:
            d.t("<tr>")
            for cell in row:
                d.t("<td>")
                _put_cell(d, cell)
                d.t("</td>")
            d.t("</tr>\n")
        d.t("</table>\n")
    else:
        raise ValueError(layout)


def personal(text: str, type_: str, *tags: str) -> Val:
    return Val(text, type_, PERSONAL, tags)


def masked(text: str, type_: str, *tags: str) -> Val:
    return Val(text, type_, MASKED, tags)
