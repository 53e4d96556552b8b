"""Identity numbers of taxpayers: classify, validate and mask (pure, no Django).

Checksums come from python-stdnum: ``stdnum.cn.ric`` for the 居民身份证号 (GB 11643) and
``stdnum.cn.uscc`` for the 统一社会信用代码 (GB 32100). Old 15-digit identity numbers (issued
before 1999, no check digit, two-digit year of the 1900s) are validated by widening them to
18 digits, which checks the region code and the birth date the same way.

The maskers here format one field each (ID number, name, phone). Masking of free text is
``sanxiang.lib.masking``'s job.
"""

from __future__ import annotations

import datetime
import enum
import re

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as StdnumValidationError

__all__ = [
    "IdKind",
    "InvalidIdNumber",
    "birth_date_of",
    "classify",
    "is_minor",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "normalise",
    "validate_id_number",
    "validate_uscc",
    "widen_id_number",
]

ADULT_AGE = 18
_EARLIEST_BIRTH = datetime.date(1880, 1, 1)
_SEPARATORS = re.compile(r"[\s\-]")


class IdKind(enum.Enum):
    ID_NUMBER = "id_number"  # 居民身份证号, 18 digits (or 15 for old cards)
    USCC = "uscc"  # 统一社会信用代码, 18 characters
    UNKNOWN = "unknown"


class InvalidIdNumber(ValueError):
    """The number is malformed; ``reason`` says why in a stable code (for messages and tests)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def normalise(number: str) -> str:
    """Strip spaces and hyphens and upper-case the check character (x → X)."""
    return _SEPARATORS.sub("", number or "").upper()


def widen_id_number(number: str) -> str:
    """Turn an old 15-digit identity number into the 18-digit form (birth year 19xx + check digit)."""
    number = normalise(number)
    if len(number) != 15 or not number.isdigit():
        raise InvalidIdNumber("format")
    body = number[:6] + "19" + number[6:]
    return body + ric.calc_check_digit(body + "0")


def validate_id_number(number: str, *, today: datetime.date | None = None) -> str:
    """Return the normalised 居民身份证号 or raise ``InvalidIdNumber``.

    Checks length, digits, check digit (GB 11643), a known region code and a real birth date;
    with ``today`` the birth date must also not lie in the future. 15-digit numbers keep their
    form but are checked as their 18-digit widening.
    """
    number = normalise(number)
    if len(number) == 15:
        full = widen_id_number(number)
    elif len(number) == 18:
        full = number
    else:
        raise InvalidIdNumber("length")
    if not full[:17].isdigit() or not (full[17].isdigit() or full[17] == "X"):
        raise InvalidIdNumber("format")
    if full[17] != ric.calc_check_digit(full):
        raise InvalidIdNumber("checksum")
    try:
        birth = ric.get_birth_date(full)
    except StdnumValidationError:
        raise InvalidIdNumber("birth_date") from None
    if birth < _EARLIEST_BIRTH or (today is not None and birth > today):
        raise InvalidIdNumber("birth_date")
    try:
        ric.get_birth_place(full)
    except StdnumValidationError:
        raise InvalidIdNumber("region") from None
    return number


# GB 32100: the code's characters (no I, O, S, V, Z) and the weights of its first 17 positions.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {char: value for value, char in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def validate_uscc(number: str) -> str:
    """Return the normalised 统一社会信用代码 or raise ``InvalidIdNumber`` (GB 32100 check)."""
    number = normalise(number)
    if len(number) != 18:
        raise InvalidIdNumber("length")
    if number.isascii() and number.isalnum():
        # python-stdnum's checks, without its Unicode clean-up (nothing to clean in ASCII letters
        # and digits), which cost most of an import's check of a credit code column.
        if not number[:8].isdigit() or any(char not in _USCC_VALUE for char in number[8:]):
            raise InvalidIdNumber("format")
        total = sum(
            _USCC_VALUE[char] * weight for char, weight in zip(number[:17], _USCC_WEIGHTS, strict=True)
        )
        if number[17] != _USCC_ALPHABET[(31 - total) % 31]:
            raise InvalidIdNumber("checksum")
        return number
    try:
        return uscc.validate(number)
    except StdnumValidationError as exc:
        reason = "checksum" if "checksum" in type(exc).__name__.lower() else "format"
        raise InvalidIdNumber(reason) from None


def classify(number: str, *, today: datetime.date | None = None) -> IdKind:
    """Tell a valid 居民身份证号 from a valid 统一社会信用代码; anything else is UNKNOWN."""
    for kind in (IdKind.ID_NUMBER, IdKind.USCC):
        try:
            if kind is IdKind.ID_NUMBER:
                validate_id_number(number, today=today)
            else:
                validate_uscc(number)
        except InvalidIdNumber:
            continue
        return kind
    return IdKind.UNKNOWN


def birth_date_of(number: str) -> datetime.date | None:
    """The birth date encoded in a valid identity number, else None."""
    try:
        number = validate_id_number(number)
    except InvalidIdNumber:
        return None
    full = widen_id_number(number) if len(number) == 15 else number
    return ric.get_birth_date(full)


def is_minor(birth_date: datetime.date, today: datetime.date) -> bool:
    """Under 18 on ``today`` (未成年人, 民法典第十七条; 行政处罚法第三十条)."""
    try:
        adult_on = birth_date.replace(year=birth_date.year + ADULT_AGE)
    except ValueError:  # born on 29 February: adult on 1 March
        adult_on = datetime.date(birth_date.year + ADULT_AGE, 3, 1)
    return today < adult_on


def mask_id_number(number: str) -> str:
    """Keep the region code and the last four characters: 110101199003071234 → 110101********1234.

    Shorter or odd input is masked all but its last two characters, so nothing readable leaks.
    """
    number = normalise(number)
    if not number:
        return ""
    if len(number) >= 15:
        return number[:6] + "*" * (len(number) - 10) + number[-4:]
    if len(number) <= 2:
        return "*" * len(number)
    return "*" * (len(number) - 2) + number[-2:]


def mask_name(name: str) -> str:
    """Keep the first character only: 张三 → 张*, 欧阳娜娜 → 欧***.

    Organisations are public and are not masked; call this for natural persons only.
    """
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name + "*"


def mask_phone(phone: str) -> str:
    """Mobile 13812345678 → 138****5678; fixed lines keep area code and last 2 digits."""
    digits = re.sub(r"\D", "", phone or "")
    if not digits:
        return ""
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    if digits.startswith("0"):
        head = 4 if len(digits) >= 11 else 3
        return digits[:head] + "*" * (len(digits) - head - 2) + digits[-2:]
    return "*" * (len(digits) - 2) + digits[-2:]
