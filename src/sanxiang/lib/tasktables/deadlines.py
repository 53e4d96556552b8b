"""Deadline grammar: free-text 完成时限 → a structured schedule.

Task tables state deadlines in prose ("2019年9月底前完成，并持续开展", "文件公开后5个工作日",
"按税务总局部署"). ``parse_deadline`` turns such a text into a :class:`Schedule` without
losing anything: whatever is not understood becomes ``unparsed`` with the text kept, and a
clause with words beyond its date keeps the clause as ``note``. Working-day arithmetic is not
done here; ``after_event`` only records the span, which the supervision app counts with the
holiday calendar once a person records the event's date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["Schedule", "normalize", "parse_deadline", "find_dates"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９（）：；，", "0123456789（）：；，")


def normalize(text: str) -> str:
    """Return ``text`` with full-width digits made ASCII and outer blanks removed."""
    return text.translate(_FULLWIDTH).replace("\u3000", " ").strip()


@dataclass(frozen=True)
class Schedule:
    """One parsed deadline; ``kind`` says which of the other fields apply.

    Kinds: ``by_date`` (date), ``yearly`` (month, day), ``after_event`` (event, n, unit and,
    for "次月10日", day: the day of the month ``n`` months after the event), ``ongoing``
    (cycle), ``follows_superior`` (authority), ``unparsed`` (text) and ``milestones`` (items).
    Any kind may carry ``start`` and ``note``.
    """

    kind: str
    date: datetime.date | None = None
    month: int | None = None
    day: int | None = None
    event: str | None = None
    n: int | None = None
    unit: str | None = None
    cycle: str | None = None
    authority: str | None = None
    text: str | None = None
    items: tuple[Schedule, ...] = field(default=())
    start: datetime.date | None = None
    note: str | None = None

    @property
    def is_doubtful(self) -> bool:
        """True when a person must look at it: unparsed, or an event without a name."""
        if self.kind == "unparsed":
            return True
        if self.kind == "milestones":
            return any(item.is_doubtful for item in self.items)
        return False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind == "by_date":
            out["date"] = self.date.isoformat() if self.date else None
        elif self.kind == "yearly":
            out["month"] = self.month
            out["day"] = self.day
        elif self.kind == "after_event":
            out["event"] = self.event or ""
            out["n"] = self.n
            out["unit"] = self.unit
            if self.day is not None:
                out["day"] = self.day
        elif self.kind == "ongoing":
            out["cycle"] = self.cycle
        elif self.kind == "follows_superior":
            out["authority"] = self.authority
        elif self.kind == "unparsed":
            out["text"] = self.text
        elif self.kind == "milestones":
            out["items"] = [item.to_json() for item in self.items]
        if self.start is not None:
            out["start"] = self.start.isoformat()
        if self.note:
            out["note"] = self.note
        return out


# --- dates -----------------------------------------------------------------------------------

_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class DateHit:
    """A date expression found in a text: where it stands and what it means."""

    start: int
    end: int
    date: datetime.date | None  # None: the year is missing and no plan year is known
    is_start: bool  # "2019年9月开始执行": the work starts then
    text: str


# Patterns are tried in order; an earlier (more specific) match wins where spans overlap.
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    ("ym", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?(底|末|上旬|中旬|下旬)?")),
    ("yq", re.compile(r"(\d{4})\s*年\s*(?:第)?([一二三四1-4])季度(?:末|底)?")),
    ("yh", re.compile(r"(\d{4})\s*年\s*(上半年|下半年)")),
    ("yend", re.compile(r"(\d{4})\s*年\s*(?:年)?(底|末|内)")),
    ("y", re.compile(r"(\d{4})\s*年(?!度|\d|\s*\d)")),
    ("md", re.compile(r"(?<![\d年月])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    ("mend", re.compile(r"(?<![\d年月])(\d{1,2})\s*月(底|末)")),
    ("end", re.compile(r"(?<![\d年])(年底|年末)")),
]
_START_AFTER = re.compile(r"^\s*(开始|起(?!草)|起步)")


def find_dates(text: str, plan_year: int | None = None) -> list[DateHit]:
    """Return the calendar dates written in ``text``, left to right.

    A date without a year ("6月底", "年底前") takes ``plan_year``; without one its ``date``
    is None so the caller can flag it.
    """
    taken: list[tuple[int, int]] = []
    hits: list[DateHit] = []
    for name, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            is_start = bool(_START_AFTER.match(text[m.end() :])) and "前" not in text[m.end() : m.end() + 1]
            value = _date_of(name, m, plan_year, is_start)
            if value is _INVALID:
                continue
            taken.append((m.start(), m.end()))
            hits.append(DateHit(m.start(), m.end(), value, is_start, m.group(0)))  # type: ignore[arg-type]
    hits.sort(key=lambda h: h.start)
    return hits


_INVALID = object()


def _date_of(name: str, m: re.Match[str], plan_year: int | None, is_start: bool) -> object:
    try:
        if name == "ymd":
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if name == "ym":
            year, month = int(m.group(1)), int(m.group(2))
            part = m.group(3)
            if is_start and not part:
                return datetime.date(year, month, 1)
            return {"上旬": datetime.date(year, month, 10), "中旬": datetime.date(year, month, 20)}.get(
                part or "", _month_end(year, month)
            )
        if name == "yq":
            return _month_end(int(m.group(1)), _QUARTER[m.group(2)] * 3)
        if name == "yh":
            return _month_end(int(m.group(1)), 6 if m.group(2) == "上半年" else 12)
        if name in {"yend", "y"}:
            year = int(m.group(1))
            if not 1990 <= year <= 2100:
                return _INVALID
            if name == "y" and is_start:
                return datetime.date(year, 1, 1)
            return datetime.date(year, 12, 31)
        if name == "md":
            if plan_year is None:
                return None
            return datetime.date(plan_year, int(m.group(1)), int(m.group(2)))
        if name == "mend":
            return None if plan_year is None else _month_end(plan_year, int(m.group(1)))
        if name == "end":
            return None if plan_year is None else datetime.date(plan_year, 12, 31)
    except (ValueError, KeyError):
        return _INVALID
    return _INVALID


# --- clauses ---------------------------------------------------------------------------------

_YEARLY = re.compile(r"每年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|(底|末))")
_YEARLY_END = re.compile(r"每年\s*(?:年底|年末)")
_CYCLES = [
    (re.compile(r"每周"), "weekly"),
    (re.compile(r"每月|按月"), "monthly"),
    (re.compile(r"每季度?|按季"), "quarterly"),
    (re.compile(r"每半年"), "half_yearly"),
    (re.compile(r"每年|按年"), "yearly"),
]
_NEXT_MONTH = re.compile(r"次月\s*(\d{1,2})\s*[日号](?:前|内|以内|之前)?")
_SPAN = re.compile(
    r"(?<![\d年月.])(\d{1,4})\s*(个\s*工作日|工作日|个\s*小时|小时|个\s*月|个月|日|天|周)(?:内|以内|之内)?"
)
_UNITS = {
    "工作日": "working_days",
    "小时": "hours",
    "个月": "months",
    "日": "days",
    "天": "days",
    "周": "weeks",
}
_EVENT_MARK = re.compile(r"(之日起|之日后|之日|起|之后|以后|后)\s*$")
_EVENT_LEAD = re.compile(r"^(?:并|在|于|自|从|应|须|应当|要|待)+")
_SUPERIOR = re.compile(
    r"(?:按照|按|根据|依照|遵照)\s*(?P<auth>[^，。；]*?(?:总局|局|厅|司|部|委|政府|国务院|中央|上级)"
    r"[^，。；]*?)(?:的)?(?:统一)?(?:部署|要求|安排|规定|通知)"
)
_ONGOING = re.compile(r"持续|长期|常态|经常性|日常|按要求推进|适时")
_EVENT_ONLY = re.compile(
    r"^(?P<event>.+?(?:印发|出台|发布|公开|批准|下发|召开|成立|上线|完成|确定|通过))(?:之后|以后|后)"
)
_TRIVIAL = re.compile(r"[并且在于前内完成以之止为执行开展实施，,。；;\s]")


@dataclass(frozen=True)
class _Clause:
    schedule: Schedule | None
    consumed: str  # the matched expression, used to decide whether a note is needed


def _clause(piece: str, plan_year: int | None) -> _Clause:
    """Classify one clause; ``schedule`` None means no deadline was recognised in it."""
    m = _YEARLY.search(piece)
    if m:
        month = int(m.group(1))
        day = int(m.group(2)) if m.group(2) else calendar.monthrange(2001, month)[1]
        return _Clause(Schedule("yearly", month=month, day=day), m.group(0))
    m = _YEARLY_END.search(piece)
    if m:
        return _Clause(Schedule("yearly", month=12, day=31), m.group(0))

    m = _NEXT_MONTH.search(piece)
    if m:
        event = _event_before(piece[: m.start()])
        return _Clause(
            Schedule("after_event", event=event, n=1, unit="months", day=int(m.group(1))),
            piece[: m.end()],
        )
    m = _SPAN.search(piece)
    if m and not find_dates(piece[: m.start()], plan_year):
        unit = _UNITS[re.sub(r"\s|个(?!月)", "", m.group(2))]
        event = _event_before(piece[: m.start()])
        consumed = piece[: m.end()] if event else m.group(0)
        return _Clause(Schedule("after_event", event=event, n=int(m.group(1)), unit=unit), consumed)

    hits = find_dates(piece, plan_year)
    if hits:
        hit = hits[0]
        if hit.date is None:
            return _Clause(
                Schedule("unparsed", text=piece, note="未写明年份，也无法从计划标题或日期推断，请确认"),
                piece,
            )
        if hit.is_start:
            tail = _START_AFTER.match(piece[hit.end :])
            consumed = hit.text + (tail.group(0) if tail else "")
            return _Clause(Schedule("ongoing", start=hit.date), consumed)
        return _Clause(Schedule("by_date", date=hit.date), hit.text)

    m = _SUPERIOR.search(piece)
    if m:
        authority = m.group("auth").strip()
        return _Clause(Schedule("follows_superior", authority=authority), m.group(0))

    for pattern, cycle in _CYCLES:
        m = pattern.search(piece)
        if m:
            return _Clause(Schedule("ongoing", cycle=cycle), m.group(0))
    m = _ONGOING.search(piece)
    if m:
        return _Clause(Schedule("ongoing"), _ongoing_words(piece, m.group(0)))

    m = _EVENT_ONLY.search(_EVENT_LEAD.sub("", piece))
    if m:
        return _Clause(Schedule("after_event", event=m.group("event"), n=0, unit="days"), m.group(0))
    return _Clause(None, "")


def _ongoing_words(piece: str, consumed: str) -> str:
    # "持续开展", "长期坚持", "年内持续推进" are complete phrases: no note for them.
    for phrase in ("年内持续推进", "持续开展", "持续推进", "长期坚持", "持续", "长期", "常态化"):
        if phrase in piece:
            return phrase
    return consumed


def _event_before(prefix: str) -> str:
    """The event named before "之日起"/"后" in ``prefix`` ("文件公开后" → "文件公开")."""
    prefix = prefix.strip(" ，,")
    m = _EVENT_MARK.search(prefix)
    if not m:
        return ""
    event = prefix[: m.start()]
    event = _EVENT_LEAD.sub("", event)
    # Keep only the last clause: "…，各级税务机关在作出行政许可决定之日起" → the event itself.
    event = re.split(r"[，,；;。]", event)[-1]
    event = re.sub(r"^.*?(?:税务机关|部门)在", "", event)
    return event.strip()


def _note_for(piece: str, consumed: str) -> str | None:
    rest = piece.replace(consumed, "", 1) if consumed else piece
    return piece.strip(" ，,。；;") if _TRIVIAL.sub("", rest) else None


_SPLIT = re.compile(r"([；;。，,\n])")


def parse_deadline(text: str, *, plan_year: int | None = None) -> Schedule | None:
    """Parse a 完成时限 text; None for an empty text.

    Clauses are split at "，；。"; a clause without a deadline of its own is joined to the
    one before when a comma separates them ("2020年10月20日前，各司局主动公开…"), and stands
    as ``unparsed`` after "；" or "。".
    """
    text = normalize(text)
    if not text:
        return None
    tokens = _SPLIT.split(text)
    pieces: list[tuple[str, str]] = []  # (separator before, clause)
    separator = ""
    for token in tokens:
        if _SPLIT.fullmatch(token):
            separator = token
            continue
        if token.strip():
            pieces.append((separator, token.strip()))
        separator = separator if not token.strip() else ""
    clauses: list[list[Any]] = []  # [piece text, _Clause]
    for sep, piece in pieces:
        found = _clause(piece, plan_year)
        if found.schedule is None and clauses and sep in {"，", ","}:
            clauses[-1][0] = clauses[-1][0] + sep + piece
            continue
        if found.schedule is not None and clauses and clauses[-1][1].schedule is None and sep in {"，", ","}:
            # A leading clause without a deadline ("确保，…") belongs with this one.
            piece = clauses.pop()[0] + sep + piece
            found = _clause(piece, plan_year)
        clauses.append([piece, found])

    items: list[Schedule] = []
    for piece, found in clauses:
        if found.schedule is None:
            items.append(Schedule("unparsed", text=piece))
            continue
        schedule = found.schedule
        note = None if schedule.kind == "unparsed" else _note_for(piece, found.consumed)
        if note and schedule.note is None:
            schedule = _with(schedule, note=note)
        items.append(schedule)

    items = _merge_start_with_ongoing(items)
    if len(items) == 1:
        return items[0]
    return Schedule("milestones", items=tuple(items))


def _merge_start_with_ongoing(items: list[Schedule]) -> list[Schedule]:
    """ "2019年9月开始执行，并持续开展" is one ongoing task starting in September."""
    merged: list[Schedule] = []
    for item in items:
        if (
            merged
            and item.kind == "ongoing"
            and merged[-1].kind == "ongoing"
            and merged[-1].start is not None
            and item.start is None
        ):
            previous = merged.pop()
            merged.append(_with(item, start=previous.start, note=previous.note or item.note))
            continue
        merged.append(item)
    return merged


def _with(schedule: Schedule, **changes: Any) -> Schedule:
    return replace(schedule, **changes)
