"""Pure rules of proactive disclosure (no Django imports; ``today``/``now`` are parameters).

- Disclosure attributes: a document without an attribute, or withheld without a legal reason, goes
  back to its drafter (seed 001 #39–#40; 政府信息公开条例第十四条至第十六条).
- Index numbers 索引号: ``<authority code><heading number>/<year>-<sequence>``.
- Articles: a full text is split at its "第X条" headings.
- Consultation periods: at least 30 days (优化营商环境条例第六十二条; 重大行政决策程序暂行条例第十五条).
- Public-opinion timers: authoritative information within 5 hours, a press conference within
  24 hours for major incidents, in clock hours (seed 001 #60).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# ----------------------------------------------------------------------------- attributes

PROACTIVE = "proactive"
ON_REQUEST = "on_request"
WITHHELD = "withheld"
ATTRIBUTES = (PROACTIVE, ON_REQUEST, WITHHELD)
WITHHELD_REASONS = (
    "state_secret",
    "prohibited_by_law",
    "security_stability",
    "third_party",
    "internal_affairs",
    "process_information",
    "enforcement_case_file",
)


def attribute_problem(attribute: str, withheld_reason: str) -> str | None:
    """Why the office must return a document (退文), or None when its attribute is in order.

    ``missing_attribute``: no 公开属性 at all; ``missing_reason``: 不予公开 without a reason from the
    closed list of 条例第十四条至第十六条; ``reason_not_allowed``: a reason on a document that is
    not withheld (seed 001 #40).
    """
    if attribute not in ATTRIBUTES:
        return "missing_attribute"
    if attribute == WITHHELD and withheld_reason not in WITHHELD_REASONS:
        return "missing_reason"
    if attribute != WITHHELD and withheld_reason:
        return "reason_not_allowed"
    return None


# Document workflow: status -> statuses it may move to.
DOCUMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted"}),
    "returned": frozenset({"submitted"}),
    "submitted": frozenset({"returned", "registered"}),
    "registered": frozenset({"reviewed"}),
    "reviewed": frozenset({"published"}),
    "published": frozenset(),
}


def can_move(current: str, target: str) -> bool:
    return target in DOCUMENT_TRANSITIONS.get(current, frozenset())


# ----------------------------------------------------------------------------- index numbers


def index_number(authority_code: str, heading_number: int, year: int, sequence: int) -> str:
    """The 索引号 of a proactively disclosed document.

    Rule: the authority's code followed directly by the two-digit number of the catalogue heading,
    a slash, the year of publication, a hyphen and a five-digit sequence that restarts every year for
    each authority and heading, e.g. ``1610300000005/2025-00012``. Unique per authority, stable once
    given. The heading is joined to the code on purpose: an 11-digit authority code standing alone
    reads as a mobile number to the portal's personal-data check.
    """
    if not authority_code or heading_number < 1 or sequence < 1:
        raise ValueError("index number needs an authority code, a heading and a sequence")
    return f"{authority_code}{heading_number:02d}/{year:04d}-{sequence:05d}"


# ----------------------------------------------------------------------------- articles

_CN_NUM = "零〇一二三四五六七八九十百千两"
_ARTICLE = re.compile(rf"^\s*(第[{_CN_NUM}\d]+条)[\s　]*", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    number: int
    label: str
    text: str


def split_articles(text: str) -> list[Article]:
    """The articles of a full text, cut at every line starting with "第X条".

    Text before the first article (the preamble) is article 0 with an empty label; a text without
    any "第X条" is split into its non-empty paragraphs, numbered from 1 (label "第N段"), so that a
    consultation draft without articles can still be commented paragraph by paragraph.
    """
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return []
    matches = list(_ARTICLE.finditer(text))
    if not matches:
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        return [Article(i, f"第{i}段", p) for i, p in enumerate(paragraphs, start=1)]
    articles: list[Article] = []
    preamble = text[: matches[0].start()].strip()
    if preamble:
        articles.append(Article(0, "", preamble))
    for i, match in enumerate(matches, start=1):
        end = matches[i].start() if i < len(matches) else len(text)
        articles.append(Article(i, match.group(1), text[match.end() : end].strip()))
    return articles


# ----------------------------------------------------------------------------- validity


@dataclass(frozen=True)
class DocumentFacts:
    """What the annual report needs of one document: kind, date of issue, validity history.

    ``changes`` are ``(effective_on, base_validity)`` pairs; before the first one the document is
    in force from its issue date.
    """

    kind: str
    issued_on: datetime.date | None
    changes: tuple[tuple[datetime.date, str], ...] = ()


IN_FORCE_VALIDITIES = frozenset({"in_force", "partly_void"})


def validity_on(facts: DocumentFacts, day: datetime.date) -> str | None:
    """The base validity of a document on ``day``; None before it is issued."""
    if facts.issued_on is None or facts.issued_on > day:
        return None
    current = "in_force"
    for effective_on, validity in sorted(facts.changes):
        if effective_on <= day:
            current = validity
    return current


def document_counts(documents: Iterable[DocumentFacts], year: int) -> dict[str, dict[str, int]]:
    """Table 二 (第二十条第（一）项) of the annual report: for 规章 and 行政规范性文件, the number issued
    in ``year``, repealed in ``year`` (a change to 废止 taking effect in it) and in force on
    31 December (全文有效 or 部分条款失效/废止) (国办公开办函〔2021〕30号)."""
    counts = {kind: {"issued": 0, "repealed": 0, "in_force": 0} for kind in ("rule", "normative")}
    year_end = datetime.date(year, 12, 31)
    for facts in documents:
        if facts.kind not in counts:
            continue
        row = counts[facts.kind]
        if facts.issued_on is not None and facts.issued_on.year == year:
            row["issued"] += 1
        if any(on.year == year and validity == "repealed" for on, validity in facts.changes):
            row["repealed"] += 1
        if validity_on(facts, year_end) in IN_FORCE_VALIDITIES:
            row["in_force"] += 1
    return counts


# ----------------------------------------------------------------------------- consultations


@dataclass(frozen=True)
class PeriodCheck:
    days: int
    minimum: int

    @property
    def short(self) -> bool:
        return self.days < self.minimum


def consultation_period(
    opens_on: datetime.date, closes_on: datetime.date, *, minimum_days: int
) -> PeriodCheck:
    """The length of a comment period in days, the opening day not counted (the period runs from
    the next day through ``closes_on``); "一般不少于30日" — shorter needs a recorded reason
    (重大行政决策程序暂行条例第十五条; 优化营商环境条例第六十二条)."""
    if closes_on <= opens_on:
        raise ValueError("the comment period must end after it opens")
    return PeriodCheck(days=(closes_on - opens_on).days, minimum=minimum_days)


def consultation_phase(
    opens_on: datetime.date | None, closes_on: datetime.date | None, today: datetime.date
) -> str:
    """``not_open`` before the opening day, ``open`` through the closing day, ``closed`` after."""
    if opens_on is None or closes_on is None or today < opens_on:
        return "not_open"
    if today <= closes_on:
        return "open"
    return "closed"


def sensitive_words_in(text: str, words: Iterable[str]) -> list[str]:
    """The listed words found in ``text`` (case-insensitive, whitespace ignored), in list order."""
    squeezed = re.sub(r"\s+", "", text or "").lower()
    found: list[str] = []
    for word in words:
        key = re.sub(r"\s+", "", word or "").lower()
        if key and key in squeezed and word not in found:
            found.append(word)
    return found


@dataclass(frozen=True)
class AdoptionCounts:
    received: int
    published: int
    answered: int
    adopted: int
    partly: int
    not_adopted: int


def adoption_counts(comments: Sequence[tuple[str, str]]) -> AdoptionCounts:
    """Counters of a consultation from ``(status, answer)`` pairs of its comments: received (all),
    published, answered (published with an answer), adopted, partly adopted and not adopted."""
    published = [answer for status, answer in comments if status == "published"]
    return AdoptionCounts(
        received=len(comments),
        published=len(published),
        answered=sum(1 for a in published if a),
        adopted=sum(1 for a in published if a == "adopted"),
        partly=sum(1 for a in published if a == "partly"),
        not_adopted=sum(1 for a in published if a == "not_adopted"),
    )


# ----------------------------------------------------------------------------- ratings


def rating_problem(score: int, reason: str, *, low_score: int) -> str | None:
    """``bad_score`` outside 1–5; ``reason_required`` for a score at or below ``low_score`` (差评)
    without a reason; None when the rating is acceptable."""
    if score not in (1, 2, 3, 4, 5):
        return "bad_score"
    if score <= low_score and not (reason or "").strip():
        return "reason_required"
    return None


# ----------------------------------------------------------------------------- public opinion


@dataclass(frozen=True)
class Timer:
    """One response timer of a public-opinion incident."""

    due_at: datetime.datetime
    done_at: datetime.datetime | None

    def state(self, now: datetime.datetime, *, alert_before: datetime.timedelta) -> str:
        """``met`` / ``late`` (done, before or after the due time), ``overdue`` (not done, past
        due), ``alert`` (not done, due within ``alert_before``), ``running``."""
        if self.done_at is not None:
            return "met" if self.done_at <= self.due_at else "late"
        if now > self.due_at:
            return "overdue"
        if self.due_at - now <= alert_before:
            return "alert"
        return "running"


MAJOR_SEVERITIES = frozenset({"major", "especially_major"})


def opinion_due_times(
    discovered_at: datetime.datetime, severity: str, *, info_hours: int, press_hours: int
) -> tuple[datetime.datetime, datetime.datetime | None]:
    """Due times of authoritative information and (major incidents only) a press conference.

    Clock hours from the time of discovery, through nights, weekends and holidays alike: "最迟要在
    5个小时内发布权威信息，在24小时内举行新闻发布会" (seed 001 #60). Aware datetimes only: the
    arithmetic is done in UTC so a daylight-saving change could never shift it.
    """
    if discovered_at.tzinfo is None:
        raise ValueError("discovered_at must be timezone-aware")
    start = discovered_at.astimezone(datetime.UTC)
    info_due = start + datetime.timedelta(hours=info_hours)
    press_due = start + datetime.timedelta(hours=press_hours) if severity in MAJOR_SEVERITIES else None
    return info_due, press_due


def ruling_publish_due(decided_on: datetime.date, *, days: int) -> datetime.date:
    """Last day to publish a 个案批复: ``days`` calendar days from the day it was made, that day
    not counted ("自作出之日起30日内", seed 001 #10; the limit is ❓ in RULES.md §7, so configurable)."""
    return decided_on + datetime.timedelta(days=days)
