"""What is shown of each kind of personal datum: a policy table by category × subject type.

A ``PolicyRow`` says, for one publication category and one subject type, how each ``FieldType`` is
displayed (shown / partly shown / hidden / not published). The administrators' table that edits these
rows lives in the publicity app; this module only evaluates rows and formats values. The defaults follow
RULES.md §1.5 (name shown, ID number with the birth date hidden, address, phone, bank account and third
parties' names hidden, minors never published), §2 (重大税收违法失信主体: name and ID number with the birth
date hidden, 令第54号第十三条) and §2A (欠税公告: what 欠税公告办法第五条 lists, ID numbers partly hidden).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from .idcodes import id_birth_date


class FieldType(StrEnum):
    """Kinds of personal data the masker hides; also the ``kind`` of a ``Span``."""

    PERSON_NAME = "person_name"  # the natural person or individual-business operator the entry is about
    REPRESENTATIVE_NAME = "representative_name"  # legal representative / person in charge of the subject
    THIRD_PARTY_NAME = "third_party_name"  # any other natural person (staff, witnesses, relatives)
    OFFICIAL_NAME = "official_name"  # an officer acting in office
    ID_NUMBER = "id_number"
    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"
    EMAIL = "email"
    HOME_ADDRESS = "home_address"
    TRAVEL_DOCUMENT = "travel_document"  # passports, 港澳/台湾 permits, 军官证
    # A lawyer's or tax agent's practising certificate (律师执业证号): the bar's public register finds
    # its holder by it, so it goes with his name, which is a third party's and hidden (RULES.md §1.5).
    PRACTICE_CERTIFICATE = "practice_certificate"
    # A birth date written out under its label (出生日期：1986年10月17日): the segment RULES.md §1.5 hides
    # in an ID number, so it is hidden where it stands alone too.
    BIRTH_DATE = "birth_date"


NAME_FIELDS = frozenset(
    {
        FieldType.PERSON_NAME,
        FieldType.REPRESENTATIVE_NAME,
        FieldType.THIRD_PARTY_NAME,
        FieldType.OFFICIAL_NAME,
    }
)


class DisplayMode(StrEnum):
    SHOWN = "shown"
    PARTIAL = "partial"
    HIDDEN = "hidden"
    NOT_PUBLISHED = "not_published"


class SubjectType(StrEnum):
    NATURAL_PERSON = "natural_person"
    INDIVIDUAL_BUSINESS = "individual_business"
    ORGANISATION = "organisation"


class Category(StrEnum):
    """Publication categories with a default policy (GLOSSARY.md names)."""

    PENALTY_DECISION = "penalty_decision"  # 税务行政处罚决定书
    HANDLING_DECISION = "handling_decision"  # 税务处理决定书
    MAJOR_VIOLATION = "major_violation"  # 重大税收违法失信主体
    ARREARS_NOTICE = "arrears_notice"  # 欠税公告
    ABNORMAL_HOUSEHOLD = "abnormal_household"  # 非正常户认定公告
    HEARING_NOTICE = "hearing_notice"  # 听证公告
    SERVICE_BY_PUBLICATION = "service_by_publication"  # 文书送达公告


@dataclass(frozen=True)
class PolicyRow:
    """One row of the policy table. A field type missing from ``modes`` is hidden."""

    category: str
    subject_type: str
    modes: Mapping[FieldType, DisplayMode] = field(default_factory=dict)
    published: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "modes", MappingProxyType(dict(self.modes)))


def policy_row(
    category: str, subject_type: str, modes: Mapping[str, str], *, published: bool = True
) -> PolicyRow:
    """Build a row from plain strings, as an administrators' table stores them."""
    return PolicyRow(
        category,
        subject_type,
        {FieldType(key): DisplayMode(value) for key, value in modes.items()},
        published=published,
    )


def display_mode(row: PolicyRow, field_type: FieldType | str) -> DisplayMode:
    """How ``field_type`` is displayed under ``row``; everything is unpublished when the row is."""
    if not row.published:
        return DisplayMode.NOT_PUBLISHED
    if type(field_type) is not FieldType:  # a member converts to itself: skip the enum call
        field_type = FieldType(field_type)
    return row.modes.get(field_type, DisplayMode.HIDDEN)


STRICTEST = PolicyRow("strictest", "any", {ft: DisplayMode.HIDDEN for ft in FieldType})

NOT_PUBLISHED = PolicyRow("not_published", "any", {}, published=False)

_S, _P, _H = DisplayMode.SHOWN, DisplayMode.PARTIAL, DisplayMode.HIDDEN
_F = FieldType

# RULES.md §1.5: the party's name shown, its ID number with the birth date hidden; address, phone, bank
# account, e-mail, travel documents and other persons' names hidden; officers acting in office shown.
_ORDINARY = {
    _F.PERSON_NAME: _S,
    _F.REPRESENTATIVE_NAME: _S,
    _F.THIRD_PARTY_NAME: _H,
    _F.OFFICIAL_NAME: _S,
    _F.ID_NUMBER: _P,
    _F.PHONE: _H,
    _F.BANK_ACCOUNT: _H,
    _F.EMAIL: _H,
    _F.HOME_ADDRESS: _H,
    _F.TRAVEL_DOCUMENT: _H,
    _F.PRACTICE_CERTIFICATE: _H,
    _F.BIRTH_DATE: _H,
}
# 令第54号第十三条 and 欠税公告办法第五条 name the subject and the legal representative with their ID
# numbers; the birth-date digits stay hidden (RULES.md §2.3, §2A).
_MAJOR = dict(_ORDINARY)


def _default_rows() -> dict[tuple[str, str], PolicyRow]:
    rows: dict[tuple[str, str], PolicyRow] = {}
    for category in Category:
        modes = _MAJOR if category in (Category.MAJOR_VIOLATION, Category.ARREARS_NOTICE) else _ORDINARY
        for subject_type in SubjectType:
            row_modes = dict(modes)
            if subject_type is SubjectType.NATURAL_PERSON:
                # A natural person has no representative; a name found in that role is someone else's.
                # (An individual business's 负责人 is its operator, shown like the party.)
                row_modes[_F.REPRESENTATIVE_NAME] = _H
            rows[(category.value, subject_type.value)] = PolicyRow(category, subject_type, row_modes)
    return rows


DEFAULT_POLICIES: Mapping[tuple[str, str], PolicyRow] = MappingProxyType(_default_rows())


def default_policy(category: str, subject_type: str, *, minor: bool = False) -> PolicyRow:
    """The default row; minors are never published (RULES.md §1.5) and unknown pairs get STRICTEST."""
    if minor:
        return NOT_PUBLISHED
    return DEFAULT_POLICIES.get((str(category), str(subject_type)), STRICTEST)


def is_minor(id_number: str, *, today: datetime.date) -> bool | None:
    """Whether the holder of ``id_number`` is under 18 on ``today``; None when no birth date is readable."""
    born = id_birth_date(id_number)
    if born is None:
        return None
    try:
        adult_on = born.replace(year=born.year + 18)
    except ValueError:  # born on 29 February
        adult_on = datetime.date(born.year + 18, 3, 1)
    return today < adult_on


# ---------------------------------------------------------------------------------------------- formatters

_ALNUM = re.compile(r"[0-9A-Za-z]")
_NOT_SPACE = re.compile(r"[^\s\u3000]")
_ADMIN_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,8}?(?:市|自治州|州|盟|地区))?"
    r"(?:[\u4e00-\u9fff]{1,8}?(?:区|县|旗|市))?"
)


def _keep_ends(value: str, head: int, tail: int) -> str:
    """Star every letter or digit except the first ``head`` and the last ``tail`` (separators stay)."""
    positions = [m.start() for m in _ALNUM.finditer(value)]
    if len(positions) <= head + tail:
        head, tail = (1, 0) if len(positions) > 1 else (0, 0)
    hidden = set(positions[head : len(positions) - tail])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def _surname_length(name: str) -> int:
    from .surnames import COMPOUND_SURNAMES

    return 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1


def partial_text(value: str, field_type: FieldType | str) -> str:
    """The partly-shown form: 张三 → 张*, 110101199003071234 → 110101********1234."""
    if type(field_type) is not FieldType:
        field_type = FieldType(field_type)
    if field_type in NAME_FIELDS:
        keep = _surname_length(value)
        return value[:keep] + "*" * (len(value) - keep)
    if field_type is FieldType.ID_NUMBER:
        compact = value.strip()
        if len(compact) == 18:  # region + ******** + sequence and check digit (令第54号: birth date hidden)
            return compact[:6] + "*" * 8 + compact[14:]
        if len(compact) == 15:
            return compact[:6] + "*" * 6 + compact[12:]
        return _keep_ends(compact, 2, 2)
    if field_type is FieldType.PHONE:
        area, separator, local = value.rpartition("-")
        if separator and area:  # a landline: the area code says only where, the line says who
            return area + separator + _keep_ends(local, 0, 4)
        digits = sum(ch.isdigit() for ch in value)
        return _keep_ends(value, 3, 4) if digits >= 11 else _keep_ends(value, 4, 2)
    if field_type is FieldType.BANK_ACCOUNT:
        return _keep_ends(value, 0, 4)
    if field_type is FieldType.EMAIL:
        local, _, domain = value.partition("@")
        return local[:1] + "***@" + domain
    if field_type is FieldType.HOME_ADDRESS:
        prefix = _ADMIN_PREFIX.match(value)
        kept = prefix.group(0) if prefix else ""
        return kept + "***" if kept != value else value
    return _keep_ends(value, 1, 2)


def hidden_text(value: str, field_type: FieldType | str) -> str:
    """The hidden form: one asterisk per character (addresses collapse to ``***``)."""
    if field_type is FieldType.HOME_ADDRESS or (
        type(field_type) is not FieldType and FieldType(field_type) is FieldType.HOME_ADDRESS
    ):
        return "***"
    if " " in value or "\n" in value or "\t" in value or "\u3000" in value:
        return _NOT_SPACE.sub("*", value)  # a value broken over spaces or lines keeps its layout
    return "*" * len(value)


def format_value(value: str, field_type: FieldType | str, mode: DisplayMode | str) -> str | None:
    """Display ``value`` of ``field_type`` in ``mode``; None means the field is not published."""
    if type(mode) is not DisplayMode:
        mode = DisplayMode(mode)
    if mode is DisplayMode.SHOWN:
        return value
    if mode is DisplayMode.PARTIAL:
        return partial_text(value, field_type)
    if mode is DisplayMode.HIDDEN:
        return hidden_text(value, field_type)
    return None


def mask_field(value: str, field_type: FieldType | str, *, policy: PolicyRow = STRICTEST) -> str | None:
    """Mask a structured field by its type under ``policy``; None when it must not be published."""
    return format_value(value, field_type, display_mode(policy, field_type))
