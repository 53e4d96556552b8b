"""Pure rules of the whole-process records: content types from magic bytes, retention, coverage.

No Django import; ``today`` is always a parameter.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

HEAD_BYTES = 64  # enough of a file's start to recognise every type below

VIDEO = "video"
AUDIO = "audio"
IMAGE = "image"
DOCUMENT = "document"


@dataclass(frozen=True)
class DetectedType:
    family: str  # video / audio / image / document
    content_type: str
    extension: str


def detect_type(head: bytes) -> DetectedType | None:
    """The type of a file from its first bytes (magic numbers), never from its name; None if unknown."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B "):
            return DetectedType(AUDIO, "audio/mp4", "m4a")
        if brand == b"qt  ":
            return DetectedType(VIDEO, "video/quicktime", "mov")
        return DetectedType(VIDEO, "video/mp4", "mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:HEAD_BYTES]:
            return DetectedType(VIDEO, "video/webm", "webm")
        return DetectedType(VIDEO, "video/x-matroska", "mkv")
    if head.startswith(b"RIFF") and len(head) >= 12:
        if head[8:12] == b"AVI ":
            return DetectedType(VIDEO, "video/x-msvideo", "avi")
        if head[8:12] == b"WAVE":
            return DetectedType(AUDIO, "audio/wav", "wav")
        if head[8:12] == b"WEBP":
            return DetectedType(IMAGE, "image/webp", "webp")
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return DetectedType(AUDIO, "audio/mpeg", "mp3")
    if head.startswith(b"#!AMR"):
        return DetectedType(AUDIO, "audio/amr", "amr")
    if head.startswith(b"\xff\xd8\xff"):
        return DetectedType(IMAGE, "image/jpeg", "jpg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return DetectedType(IMAGE, "image/png", "png")
    if head.startswith(b"%PDF-"):
        return DetectedType(DOCUMENT, "application/pdf", "pdf")
    if head.startswith(b"PK\x03\x04"):
        # .docx / .xlsx / .ofd are zip containers; the name inside tells them apart only after unzipping.
        return DetectedType(DOCUMENT, "application/zip", "zip")
    return None


# Which content families each record kind accepts (a body-camera record must be a video …).
KIND_FAMILIES: dict[str, frozenset[str]] = {
    "document": frozenset({DOCUMENT, IMAGE}),
    "transcript": frozenset({DOCUMENT, IMAGE}),
    "approval_form": frozenset({DOCUMENT, IMAGE}),
    "report": frozenset({DOCUMENT, IMAGE}),
    "body_camera": frozenset({VIDEO}),
    "interview_room": frozenset({VIDEO, AUDIO}),
    "site_photo": frozenset({IMAGE}),
    "audio": frozenset({AUDIO, VIDEO}),
}


def accepts(kind: str, detected: DetectedType | None) -> bool:
    return detected is not None and detected.family in KIND_FAMILIES.get(kind, frozenset())


def size_limit_for(kind: str, limits: dict[str, int]) -> int:
    """The byte limit of ``kind`` from a settings mapping (kind → bytes, with a ``default``)."""
    return int(limits.get(kind, limits.get("default", 0)))


# ---- retention -----------------------------------------------------------------------------

PERMANENT = None  # a retention of None months means "keep permanently"


def add_months(day: datetime.date, months: int) -> datetime.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - 28 always exists


def longest_retention(periods: Iterable[int | None]) -> int | None:
    """The longest of several retention periods in months (None = permanent wins over all).

    With no period at all the caller decides the default.
    """
    best: int | None = 0
    seen = False
    for months in periods:
        seen = True
        if months is None:
            return None
        best = max(best or 0, months)
    if not seen:
        raise ValueError("no retention period")
    return best


def retention_until(
    *,
    recorded_on: datetime.date,
    matter_months: Iterable[int | None],
    default_months: int,
    case_file_months: int | None,
    in_case: bool,
    case_closed_on: datetime.date | None,
) -> datetime.date | None:
    """When a record may be disposed of; None = keep permanently (or not yet known).

    The longest applicable period wins (the default for raw audio/video, each matching matter);
    evidence in a case follows the case file: it is kept for the case file's period counted from
    the case's conclusion, and never expires while the case is still open.
    """
    months = longest_retention([default_months, *matter_months])
    candidates: list[datetime.date | None] = [None if months is None else add_months(recorded_on, months)]
    if in_case:
        if case_closed_on is None or case_file_months is None:
            return None
        candidates.append(add_months(case_closed_on, case_file_months))
    if any(c is None for c in candidates):
        return None
    return max(c for c in candidates if c is not None)


# ---- coverage (应录未录) ---------------------------------------------------------------------


def matter_matches(act_kind: str, act_matter: str, rule_kind: str, rule_keyword: str) -> bool:
    """An act falls under a matter-list row when its kind matches (empty = any) and the row's
    keyword occurs in the act's matter (empty = every act of the kind)."""
    if rule_kind and rule_kind != act_kind:
        return False
    return not rule_keyword or rule_keyword in act_matter


def recording_overdue(
    *, started_on: datetime.date | None, grace_deadline: datetime.date | None, today: datetime.date
) -> bool:
    """A required recording is missing (应录未录) once the grace deadline has passed."""
    if started_on is None or grace_deadline is None:
        return False
    return today > grace_deadline
