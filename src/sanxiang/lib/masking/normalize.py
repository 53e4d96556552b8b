"""Normalisation before detection, with a map back to the original text.

Text written elsewhere writes the same datum in many ways: full-width digits and letters (１３８…, ＠),
ideographic or no-break spaces, dashes of every width, and names spaced out to line up a column (张　三).
The detectors run on a normalised copy; every finding is mapped back to exact spans of the original, so
the published text keeps its own layout.

Two steps:

1. ``FOLD``: a one-to-one character translation (the length does not change): the full-width forms
   NFKC folds to ASCII (digits, letters, ＠ ＋ － ． ＿ ＊ ｜ …), the many space characters to a plain space,
   dashes and minus signs to ``-``, middle-dot variants to ``·``, traditional characters to simplified
   ones (``hanziconv``'s character table, so 負責人 and 陳國華 read as 负责人 and 陈国华). Chinese punctuation the detectors read
   as such (（），：；！？) is left alone, and so are circled digits (①2021年 must not read as 12021). Inside a
   long run of digits, the letters OCR writes for digits (l I O o B Z S) are read back as digits.
2. Letter-spaced words (张　三, 欧 阳 娜 娜, 张 三丰) lose the spaces inside: the only step that changes
   length, recorded as break points so that a position maps back with one bisect.

Digits broken by spaces, hyphens or line breaks are not joined here (a space-aligned table would run an ID
number and a phone number into one 29-digit number); the number detector joins them itself and keeps a
join only when the joined digits are a valid datum.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .surnames import COMPOUND_SURNAMES

CJK = "\u4e00-\u9fff"

# Full-width punctuation the detectors read in its Chinese form; it is not folded.
_KEEP_FULL_WIDTH = frozenset("（），：；！？。、“”‘’［］｛｝＜＞")


def _in_gb2312(ch: str) -> bool:
    """A character of the simplified set: never folded (the table also lists 呼 → 唿, 乾 → 干)."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):
        ch = chr(code)
        if ch in _KEEP_FULL_WIDTH:
            continue
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1 and folded != ch:
            table[code] = folded
    for code in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060):
        table[code] = " "
    for code in range(0x2000, 0x200B):
        table[code] = " "
    for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFE58):
        table[code] = "-"
    for code in (0x2022, 0x2027, 0x30FB, 0xFF65, 0x0387, 0x2219, 0x22C5):
        table[code] = "·"
    # 丨 (the radical gǔn), which OCR reads for a table's pipe, and the box-drawing vertical line
    for code in (0x4E28, 0x2502, 0xFFE8):
        table[code] = "|"
    # Traditional characters read as simplified ones (個人姓名：歐陽靜 → 个人姓名：欧阳静), one for one.
    from hanziconv.charmap import simplified_charmap, traditional_charmap

    for trad, simp in zip(traditional_charmap, simplified_charmap, strict=True):
        if trad != simp and ord(trad) not in table and not _in_gb2312(trad):
            table[ord(trad)] = simp
    return table


FOLD = _fold_table()
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(FOLD)) + "]")

_COMPOUND = "|".join(sorted(COMPOUND_SURNAMES))
_COMPOUND_FIRST = "".join(sorted({surname[0] for surname in COMPOUND_SURNAMES}))
# A run of single CJK characters separated by spaces (张 三, 欧 阳 娜 娜), or a surname spaced from a
# two-character given name (张 三丰). Line breaks and tabs are not spaces here: they separate a table's
# cells (…〔2026〕315号<tab>罚款… is two cells, not 号罚款).
_SPACED_WORD = re.compile(
    # a spaced name right after a word of running text (配偶钟　涛　平（…, 法定代表人安 康（…): three
    # characters or more spaced alike, or two with one space between them
    rf"(?=[{CJK}] )(?:(?<=[{CJK}])(?:[{CJK}](?: {{1,3}}[{CJK}]){{2,3}}|[{CJK}] [{CJK}])(?![{CJK}])|(?<![{CJK}])"
    # (two or three spaces only at the start of a cell or a value: after a figure they separate the
    # cells of a space-aligned table, …1,502.26元  农娜, …906室  方  贵)
    rf"(?:[{CJK}](?: [{CJK}]){{1,3}}(?![{CJK}])"
    rf"|(?<![^\s|｜:：;；,，、（(>.．])[{CJK}](?: {{1,3}}[{CJK}]){{1,3}}(?![{CJK}])"
    rf"|[{CJK}] [{CJK}]{{2}}(?![{CJK}])"
    rf"|(?<![^\s|｜:：;；,，、（(>.．])[{CJK}] {{2,3}}[{CJK}]{{2}}(?![{CJK}])"
    # a form's label spread to the width of its column before its colon (姓    名：, 住    址：)
    rf"|[{CJK}](?: {{4,8}}[{CJK}]){{1,3}}(?=[：:])"
    # a label's value spread the same way, alone up to the end of its line (受送达人：杨    洋)
    rf"|(?<=[：:])[{CJK}] {{4,8}}[{CJK}]{{1,2}}(?=[ \t]*(?:\n|$|[，,；;（(]))))"
    # a compound surname spaced from its given name (欧阳  娜娜)
    rf"|(?=[{_COMPOUND_FIRST}])(?<![{CJK}])(?:{_COMPOUND}) {{1,3}}[{CJK}]{{1,2}}(?![{CJK}])"
)
# In running text (not a space-aligned table's row, which ``normalise`` checks): a stray space between
# two characters (OCR text: 法定代表 人, 账 户), and a name spaced out inside a sentence (中间人秦  涛  洋介绍…).
# (each pattern opens with its spaces, a literal the engine finds at once)
_PROSE_SPACE = re.compile(rf" (?<=[{CJK}] )(?=[{CJK}])")
_PROSE_SPACED_NAME = re.compile(
    rf"  (?<=[{CJK}]{{2}}  ) ?[{CJK}](?: {{2,3}}[{CJK}](?: {{2,3}}[{CJK}])?(?=[{CJK}])"
    # a two-character name before what ends it (配偶石  娟（…, 职工翁  雨于…, 母亲史  红名下…, 办税人员许  欣电话…)
    # (not before 〇, outside the CJK block: 唐敏浩  二〇二五年…, a signature and its date)
    rf"|(?=[^{CJK}〇]|[于在的个等系与和及向将对已未称表]|名下|电话))"
)
_SPACES = re.compile(r"[ \t]*\n[ \t]*| +")
# A line break inside a word or a name where text extracted from a PDF was cut at a fixed width
# (法定代表人：格⏎桑卓玛, ZHAN⏎G Wei): joined when the line before runs to the page's width.
# (an asterisk too: a value the masker hid was cut by the same width, 姓名：林英⏎然 → 姓名：**⏎*)
_WORD_CHAR = re.compile(rf"[{CJK}A-Za-z0-9·*]")
_MIN_WRAP_WIDTH = 24
# A line that is one date or one number: a cell of its own, never the rest of a wrapped word.
_WHOLE_CELL = re.compile(
    r"\d{2,4}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})|[〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|[\d.,]+"
)
# A line that is an authority's name and nothing else (国家税务总局…稽查局): the signature under a notice.
_AUTHORITY_LINE = re.compile(rf"[{CJK}（）()]{{2,40}}(?:税务局|稽查局|税务分局|税务所|办税服务厅)")
_LABEL_AHEAD = re.compile(rf"[{CJK}]{{2,12}}(?:[（(][^）)\n]{{1,8}}[）)])?[：:]")
# A field's word that needs no colon to open the next field (…周梅 执法证件号 4581…, 王某 电话 0731-…)
_FIELD_WORD_AHEAD = re.compile(r"(?:执法|检查)证|证件号|联系电话|电话|手机")


# East Asian wide and full-width characters (Unicode's W and F classes, the blocks a Chinese text uses).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6]"
)


def _display_width(line: str) -> int:
    """Columns ``line`` takes on a page: two for a wide (Chinese, full-width) character, one for others."""
    return len(line) + len(_WIDE.findall(line))


def _page_width(lengths: list[int], minimum: int, slack: int) -> int | None:
    """The width a text was wrapped at: the most common length of its long lines (within ``slack`` of
    each other), if at least three lines and most of the long ones reach it."""
    counts = Counter(filter(minimum.__le__, lengths))
    if not counts:
        return None
    total = sum(counts.values())
    if slack:
        counts = Counter({w: sum(counts[w - d] for d in range(slack + 1)) for w in counts})
    width, times = max(counts.items(), key=lambda item: (item[1], item[0]))
    if times < 3 or times * 2 < total:
        # A page's wrapped lines are most of its long lines; three addresses of one length in a
        # one-cell-a-line list are not a page width (their next cell is no rest of a word).
        return None
    return width


def _wrap_joins(text: str, original: str) -> list[tuple[int, int]]:
    """The line breaks of a text wrapped at a fixed width that fall inside a word: the width is the
    most common length of the long lines (at least three of them), and the line before the break
    must reach it (a paragraph's last line, a heading, a table's row do not). The width is counted in
    characters, or, where that finds none, in a page's columns (antiword and pdftotext wrap at a
    number of columns, a Chinese character taking two: lines of mixed digits and characters then differ
    in length but not in width; they are counted in the ``original`` text, before full-width digits
    were folded)."""
    lines = text.split("\n")
    lengths = list(map(len, lines))  # (a wrapped line has no indentation: raw lengths do)
    width = _page_width(lengths, _MIN_WRAP_WIDTH, 0)
    short = 1  # (the width counts an indented first line's spaces: the extractor's does)
    if width is None:
        # (a line too short to reach the least width in columns keeps its length: no need to count)
        lengths = [
            len(ln) if len(ln) < _MIN_WRAP_WIDTH else _display_width(ln) for ln in original.split("\n")
        ]
        width = _page_width(lengths, 2 * _MIN_WRAP_WIDTH, 1)
        short = 2  # (a wide character does not fit in the last column)
        if width is None:
            return []
    joins = []
    position = 0
    for i, line in enumerate(lines[:-1]):
        line_start, position = position, position + len(line) + 1
        if lengths[i] < width - short:
            continue
        head = line.rstrip(" \t")
        nxt = lines[i + 1]
        tail = nxt.lstrip(" \t")
        if not head or not tail or not _WORD_CHAR.match(head[-1]) or not _WORD_CHAR.match(tail[0]):
            continue
        gap_start, gap_end = line_start + len(head), position + len(nxt) - len(tail)
        if _row_like(line) or _row_like(nxt):
            continue
        if short == 2 and (_csv_row(line) or _csv_row(nxt)):
            continue  # (a list's rows of about one width: a list cut at a number of characters is read)
        if _LABEL_AHEAD.match(text, gap_end):
            continue  # the next line is a field of its own (认定日期：…), not the rest of this one
        if _WHOLE_CELL.fullmatch(tail.rstrip()):
            continue  # the next line is a date or a number of its own (a list's next cell)
        if _AUTHORITY_LINE.fullmatch(tail.rstrip()):
            continue  # the next line is the issuing authority's name alone: a signature, a line of its own
        joins.append((gap_start, gap_end))
    return joins


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and how to map its positions back to the original.

    ``breaks`` are sorted positions in ``text`` before which ``removed`` characters in total had been
    removed from the original; position ``i`` of ``text`` is ``i + removed`` of the last break ≤ ``i``.
    """

    text: str
    breaks: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()

    def original(self, position: int) -> int:
        if not self.breaks:
            return position
        index = bisect_right(self.breaks, position) - 1
        return position if index < 0 else position + self.removed[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised ``text[start:end]`` (spaces inside included)."""
        if not self.breaks:
            return start, end
        return self.original(start), self.original(end - 1) + 1


def _merge_disjoint(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``first`` and those of ``second`` that overlap none of them, in order (both sorted)."""
    starts = [a for a, _ in first]
    merged = list(first)
    for a, b in second:
        i = bisect_right(starts, a) - 1
        if (i >= 0 and first[i][1] > a) or (i + 1 < len(first) and first[i + 1][0] < b):
            continue
        merged.append((a, b))
    merged.sort()
    return merged


_GAP = re.compile(r" {2,}")


def _in_table_row(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a row of a space-aligned or tab table: two spaces or a tab
    elsewhere on its line (its indentation apart), and no sentence (a comma or a full stop)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    left = text[line_start:start].lstrip()
    right = text[end : len(text) if line_end < 0 else line_end].rstrip()
    return _row_like(left + "  " + right, gaps_of_match=1)


def _row_like(line: str, gaps_of_match: int = 0) -> bool:
    """A line of a table: a tab, pipes or a web page's cell, or gaps of two spaces or more besides its
    indentation (three at least when it holds sentences, which a padded name may also stand in)."""
    stripped = line.strip()
    if "\t" in stripped or stripped.count("|") >= 2 or stripped.count("｜") >= 2 or "<td" in stripped:
        return True
    runs = len(_GAP.findall(stripped)) - gaps_of_match
    return runs >= 3 or (runs > 0 and not any(mark in stripped for mark in "，。；"))


# A cell of a comma-separated row that is a code or a number alone (…,91500112MAWGJ8N1XD,…; …,6356772.30,…).
_CSV_CODE_CELL = re.compile(r"(?:^|,)[ \t]*[0-9A-Z][0-9A-Z.\-/]{5,}[ \t]*(?=,|$)")


def _csv_row(line: str) -> bool:
    """A row of a comma-separated list: cells parted by commas, one of them a code or a number alone
    (rows of similar width are no page's width, and a row's end is no word cut in two)."""
    return line.count(",") >= 2 and _CSV_CODE_CELL.search(line) is not None


def _before_next_label(text: str, start: int, end: int) -> bool:
    """Whether the space at ``text[start:end]`` ends a label's value and the next label follows it on the
    same line (经办人：郭宇　执法证号：…, 当事人：张三 电话：…, 执法人员：周梅 执法证件号 …): a separator between two fields, not a stray
    space inside a word (法定代表 人：, 纳税人 识别号：, whose line has no colon before the space)."""
    if _LABEL_AHEAD.match(text, end) is None and _FIELD_WORD_AHEAD.match(text, end) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return text.find("：", line_start, start) >= 0 or text.find(":", line_start, start) >= 0


# OCR reads digits as look-alike letters inside a long number (3505241961l1204934, 138OO138000,
# 43010Z195804093988, 1B07596818): in a run of letters and digits made only of digits and these letters,
# with a few of them among at least six digits, they are read back as digits. A run holding any other
# letter is a code and stays as written (no credit code holds I, O, S or Z: GB 32100 leaves them out).
# (not B at its end: a credit code's or an organisation code's check character may be B, never I, O, S or Z)
_OCR_RUN = re.compile(
    # (an ID number's check character X stays inside the run: 32010219720801Z33X59, a taxpayer number)
    r"(?<![0-9A-Za-z])(?=[lI]?\d)(?=\d*[lIOoBZS])[0-9lIOoBZS]{6,}[0-9lIOoZS](?:[Xx][0-9]{0,2})?(?![0-9A-Za-z])"
)
_OCR_DIGITS = str.maketrans("lIOoBZS", "1100825")


def _ocr_digits(match: re.Match[str]) -> str:
    run = match.group()
    letters = sum(not c.isdigit() for c in run)
    if len(run) - letters < 6 or letters > max(2, len(run) // 5):
        return run
    return run.translate(_OCR_DIGITS)


# …and inside a phone number written in groups, where no group is long enough for the run above: a
# mobile's eleven characters (156 9714 914O, l73-5423-4432, 185247⏎4857O) or a landline's area code
# (O851-…, (O854)…), with one or two such letters among its digits.
_OCR_PHONE = re.compile(
    r"(?<![0-9A-Za-z])(?:[1l][3-9](?:[ \-]|\n[ \t]*)?(?:[0-9lIOoZS](?:[ \-]|\n[ \t]*)?){8}[0-9lIOoZS]"
    r"|(?<=[（(])[0Oo][1-9][0-9lIOo]{1,2}(?=[)）][ \-]?\d{7,8}(?!\d))"
    r"|[0Oo][1-9][0-9lIOo]{1,2}(?=[\-－—]\d{7,8}(?!\d)))(?![0-9A-Za-z])"
)


def _ocr_phone(match: re.Match[str]) -> str:
    run = match.group()
    letters = sum(c.isalpha() for c in run)
    return run if letters > 2 else run.translate(_OCR_DIGITS)


def fold(text: str) -> str:
    """Step 1 only: the one-to-one character folding (same length as ``text``)."""
    if _FOLDABLE.search(text) is not None:
        text = text.translate(FOLD)
    if _OCR_RUN.search(text) is not None:
        text = _OCR_RUN.sub(_ocr_digits, text)
    if _OCR_PHONE.search(text) is not None:
        text = _OCR_PHONE.sub(_ocr_phone, text)
    return text


def normalise(text: str) -> Normalised:
    """Fold ``text`` and close up letter-spaced words; positions map back through ``Normalised``."""
    folded = fold(text)
    joins = _wrap_joins(folded, text) if "\n" in folded else []
    if " " not in folded and not joins:
        return Normalised(folded)
    parts: list[str] = []
    breaks: list[int] = []
    removed: list[int] = []
    total = 0
    position = 0  # in the folded (original-length) text
    out_length = 0  # length of the normalised text built so far
    words = [(m.start(), m.end()) for m in _SPACED_WORD.finditer(folded)]
    prose = _merge_disjoint(
        [(m.start(), m.end()) for m in _PROSE_SPACED_NAME.finditer(folded)],
        [(m.start(), m.end()) for m in _PROSE_SPACE.finditer(folded)],
    )
    prose = [
        (a, b) for a, b in prose if not _in_table_row(folded, a, b) and not _before_next_label(folded, a, b)
    ]
    if prose:
        words = _merge_disjoint(words, prose)
    if joins:
        words = _merge_disjoint(words, joins)
    for m_start, m_end in words:
        parts.append(folded[position:m_start])
        out_length += m_start - position
        word_position = m_start
        for gap in _SPACES.finditer(folded, m_start, m_end):
            piece = folded[word_position : gap.start()]
            parts.append(piece)
            out_length += len(piece)
            total += gap.end() - gap.start()
            breaks.append(out_length)
            removed.append(total)
            word_position = gap.end()
        piece = folded[word_position:m_end]
        parts.append(piece)
        out_length += len(piece)
        position = m_end
    if not breaks:
        return Normalised(folded)
    parts.append(folded[position:])
    return Normalised("".join(parts), tuple(breaks), tuple(removed))
