"""Cleaning a document's raw text into the text a draft publishes.

PDF text comes as the page's lines (a paragraph broken at every line end, page numbers between pages,
spaces between letter-spaced characters); antiword's and python-docx's text comes as paragraphs with
indentation. ``clean_text`` gives one paragraph per line, no page furniture, no spaces inside Chinese.
"""

from __future__ import annotations

import re

CJK = "\u4e00-\u9fff"
_PAGE_MARK = re.compile(
    r"^\s*(?:[-－—]\s*\d+\s*[-－—]|第\s*\d+\s*页\s*(?:[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|\d+\s*/\s*\d+|\d{1,3}|[-_－—=]{5,})\s*$"
)
# A space with Chinese (or Chinese punctuation) on either side is layout, not text.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〔〕【】…—"
_LAYOUT_SPACE = re.compile(
    rf"(?<=[{CJK}{_CJK_PUNCT}])[ \t\u3000\xa0]+(?=[{CJK}{_CJK_PUNCT}0-9A-Za-z*])"
    rf"|(?<=[0-9A-Za-z*.%])[ \t\u3000\xa0]+(?=[{CJK}{_CJK_PUNCT}])"
)
_ENDS_PARAGRAPH = tuple("。：:；;！？!?”）)")
_STARTS_PARAGRAPH = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑳]|附件|特此)"
)


def clean_text(raw: str, *, reflow: bool) -> str:
    """One paragraph per line. ``reflow`` joins lines a PDF broke inside a paragraph: a line that does
    not end a sentence runs on into the next unless the next starts a numbered paragraph."""
    lines = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        if _PAGE_MARK.match(line):
            continue
        line = _LAYOUT_SPACE.sub("", line.strip().replace("\u3000", " "))
        if line:
            lines.append(line)
    if not reflow:
        return "\n".join(lines)
    lengths = sorted(len(line) for line in lines)
    long_line = lengths[(len(lengths) * 3) // 4] if lengths else 0  # a full line of the page
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs:
            previous = paragraphs[-1]
            runs_on = (
                not previous.endswith(_ENDS_PARAGRAPH)
                and len(previous.rsplit("\n", 1)[-1]) >= max(12, int(long_line * 0.8))
                and not _STARTS_PARAGRAPH.match(line)
            )
            if runs_on:
                paragraphs[-1] = (
                    _LAYOUT_SPACE.sub("", previous + " " + line)
                    if previous[-1:].isascii() and line[:1].isascii()
                    else previous + line
                )
                continue
        paragraphs.append(line)
    return "\n".join(paragraphs)
