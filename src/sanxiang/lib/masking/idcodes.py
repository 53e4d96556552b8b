"""Checks for ID-shaped numbers: resident ID (GB 11643), unified social credit code (GB 32100), Luhn.

The region table comes from python-stdnum's ``cn/loc`` database (every county code ever assigned, so
old IDs of abolished counties still count as real). The checks are plain functions on strings so the
masker can call them on each candidate token.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from stdnum import numdb

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"
# Birth years accepted as plausible. No ID card holder alive was born before 1900, and a date in a
# later year is a typing error in any document the masker sees; the bounds are wide on purpose: a
# doubtful ID-shaped number is better hidden than shown.
MIN_BIRTH_YEAR = 1900
MAX_BIRTH_YEAR = 2099


@lru_cache(maxsize=1)
def region_codes() -> frozenset[str]:
    """All six-digit administrative division codes in stdnum's table (including abolished ones)."""
    codes: set[str] = set()
    for _, low, high, _, children in numdb.get("cn/loc").prefixes:
        if low != high:
            continue
        for _, child_low, child_high, _, _ in children:
            if child_low == child_high:
                codes.add(low + child_low)
    return frozenset(codes)


def _date(year: int, month: int, day: int) -> datetime.date | None:
    if not MIN_BIRTH_YEAR <= year <= MAX_BIRTH_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def id_birth_date(number: str) -> datetime.date | None:
    """The birth date encoded in an 18- or 15-digit ID number, or None when it is not a date."""
    number = number.strip().upper()
    if len(number) == 18 and number[:17].isdigit():
        return _date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if len(number) == 15 and number.isdigit():
        return _date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return None


def id_check_digit(number: str) -> str:
    """GB 11643 check digit of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


# The 港澳台居民居住证 (residence permit of a Hong Kong, Macao or Taiwan resident, since 2018) is numbered
# like a resident ID (birth date, sequence, GB 11643 check character) under the prefix 810000 (Hong
# Kong), 820000 (Macao) or 830000 (Taiwan); it exists only in 18 characters.
HKMT_PREFIXES = frozenset({"810000", "820000", "830000"})


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """The two-digit province codes (the first two digits of every region code)."""
    return frozenset(code[:2] for code in region_codes())


def _permanent_residence_prefix(number: str) -> bool:
    """The foreigner's permanent residence ID card (外国人永久居留身份证, 2023 edition) is numbered like a
    resident ID under 9, the two-digit code of the issuing province and a three-digit nationality
    code: 9 44 392 19900328 123 X (birth date, sequence, GB 11643 check character)."""
    return number[0] == "9" and number[1:3] in province_codes()


def id_shaped(number: str) -> bool:
    """A real region code (or a 港澳台 residence permit's prefix) and a plausible birth date (18 or 15
    digits), checksum not considered. An 18-digit number whose check character passes needs only its
    province's code: counties merge and districts are renamed, and the numbers issued under a code no
    longer listed stay valid for life."""
    number = number.strip().upper()
    if len(number) == 18 and number[:17].isdigit():
        region_ok = (
            number[:6] in region_codes()
            or number[:6] in HKMT_PREFIXES
            or _permanent_residence_prefix(number)
            or (number[:2] in province_codes() and id_checksum_ok(number))
        )
    elif len(number) == 15 and number.isdigit():
        region_ok = number[:6] in region_codes()
    else:
        return False
    return region_ok and id_birth_date(number) is not None


def id_checksum_ok(number: str) -> bool:
    number = number.strip().upper()
    return len(number) == 18 and number[:17].isdigit() and number[17] == id_check_digit(number)


def is_valid_id(number: str) -> bool:
    """An 18-digit ID with a valid checksum, region and birth date, or a 15-digit one (no checksum)."""
    number = number.strip().upper()
    if len(number) == 18:
        return id_checksum_ok(number) and id_shaped(number)
    return len(number) == 15 and id_shaped(number)


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {ch: i for i, ch in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def is_valid_uscc(code: str) -> bool:
    """GB 32100: python-stdnum's ``cn.uscc.is_valid`` (eight digits, then characters of its alphabet, the
    mod-31 check character), computed here without its exceptions: the masker asks it of every token."""
    number = code.replace(" ", "").replace("-", "").upper().strip()
    if len(number) != 18 or not number[:8].isdigit() or not number[:8].isascii():
        return False
    values = _USCC_VALUE
    total = 0
    for ch, weight in zip(number[:17], _USCC_WEIGHTS, strict=True):
        value = values.get(ch)
        if value is None:
            return False
        total += value * weight
    return number[17] in values and number[17] == _USCC_ALPHABET[(31 - total) % 31]


_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def is_valid_org_code(code: str) -> bool:
    """A GB 11714 organisation code (8 digits or capitals and a check character). An enterprise's old
    15-digit taxpayer number is a six-digit region code followed by it."""
    code = code.upper()
    if len(code) != 9 or not code[:8].isalnum() or not code.isascii():
        return False
    total = sum(int(ch, 36) * w for ch, w in zip(code[:8], _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return code[8] == {10: "X", 11: "0"}.get(check, str(check))


def is_enterprise_tin15(number: str) -> bool:
    """An enterprise's old taxpayer number: a region code and a valid organisation code."""
    return len(number) == 15 and number[:6].isdigit() and is_valid_org_code(number[6:])


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check that bank card numbers carry."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# Taiwan's national ID: the letter of the place of first registration, 1 or 2 for the sex, 7 digits and a
# check digit; each letter stands for a two-digit number (A=10 … Z=33, I=34, O=35).
_TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
_TW_WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)


def taiwan_id_ok(number: str) -> bool:
    """Whether ``number`` (A123456789) passes the Taiwan national ID check."""
    if len(number) != 10 or number[0] not in _TW_LETTERS or number[1] not in "12" or not number[1:].isdigit():
        return False
    code = _TW_LETTERS.index(number[0]) + 10
    digits = (code // 10, code % 10, *(int(c) for c in number[1:]))
    return sum(d * w for d, w in zip(digits, _TW_WEIGHTS, strict=True)) % 10 == 0
