"""Identity numbers: table-driven, no database."""

from __future__ import annotations

import datetime

import pytest
from stdnum.cn import ric

from sanxiang.lib import idnumbers
from sanxiang.lib.idnumbers import IdKind, InvalidIdNumber

TODAY = datetime.date(2026, 11, 22)
VALID_ID = "110101199003071233"
VALID_OLD_ID = "110101900307123"
VALID_USCC = "91110000600037341L"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (VALID_ID, VALID_ID),
        ("110101 19900307 1233", VALID_ID),
        (VALID_OLD_ID, VALID_OLD_ID),
        ("11010119900307109x", "11010119900307109X"),
    ],
)
def test_it_accepts_valid_id_numbers(number, expected):
    assert idnumbers.validate_id_number(number, today=TODAY) == expected


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("11010119900307123", "length"),
        ("110101199003071234", "checksum"),
        ("11010119901307123" + "0", "checksum"),
        ("990101199003071237", "region"),
        ("1101011990030712A3", "format"),
        ("110101199013320000", "checksum"),
    ],
)
def test_it_rejects_invalid_id_numbers(number, reason):
    with pytest.raises(InvalidIdNumber) as exc:
        idnumbers.validate_id_number(number, today=TODAY)
    assert exc.value.reason == reason


def test_it_rejects_an_impossible_birth_date_with_a_correct_check_digit():
    body = "11010119901332123"  # month 13

    number = body + ric.calc_check_digit(body + "0")
    with pytest.raises(InvalidIdNumber) as exc:
        idnumbers.validate_id_number(number, today=TODAY)
    assert exc.value.reason == "birth_date"


def test_it_rejects_a_birth_date_after_today():

    body = "11010120301231123"
    number = body + ric.calc_check_digit(body + "0")
    with pytest.raises(InvalidIdNumber):
        idnumbers.validate_id_number(number, today=TODAY)
    assert idnumbers.validate_id_number(number) == number


def test_it_widens_old_fifteen_digit_numbers():
    assert idnumbers.widen_id_number(VALID_OLD_ID) == VALID_ID


def test_it_validates_uscc():
    assert idnumbers.validate_uscc("91110000600037341l") == VALID_USCC
    with pytest.raises(InvalidIdNumber) as exc:
        idnumbers.validate_uscc("91110000600037341M")
    assert exc.value.reason == "checksum"
    with pytest.raises(InvalidIdNumber) as exc:
        idnumbers.validate_uscc("9111000060003734")
    assert exc.value.reason == "length"


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        (VALID_ID, IdKind.ID_NUMBER),
        (VALID_OLD_ID, IdKind.ID_NUMBER),
        (VALID_USCC, IdKind.USCC),
        ("12345", IdKind.UNKNOWN),
    ],
)
def test_it_classifies_numbers(number, kind):
    assert idnumbers.classify(number, today=TODAY) is kind


def test_it_reads_the_birth_date_of_old_and_new_numbers():
    assert idnumbers.birth_date_of(VALID_ID) == datetime.date(1990, 3, 7)
    assert idnumbers.birth_date_of(VALID_OLD_ID) == datetime.date(1990, 3, 7)
    assert idnumbers.birth_date_of("garbage") is None


@pytest.mark.parametrize(
    ("birth", "today", "minor"),
    [
        (datetime.date(2008, 11, 23), TODAY, True),
        (datetime.date(2008, 11, 22), TODAY, False),
        (datetime.date(2008, 2, 29), datetime.date(2026, 2, 28), True),
        (datetime.date(2008, 2, 29), datetime.date(2026, 3, 1), False),
    ],
)
def test_it_tells_minors_by_their_eighteenth_birthday(birth, today, minor):
    assert idnumbers.is_minor(birth, today) is minor


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("110101199003071234", "110101********1234"),
        (VALID_OLD_ID, "110101*****7123"),
        ("", ""),
        ("12", "**"),
        ("123456", "****56"),
    ],
)
def test_it_masks_id_numbers(number, masked):
    assert idnumbers.mask_id_number(number) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("欧阳娜娜", "欧***"), ("李", "李*"), ("", ""), (" 王小明 ", "王**")],
)
def test_it_masks_names_keeping_the_first_character(name, masked):
    assert idnumbers.mask_name(name) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("0917-3214567", "0917*****67"),
        ("029-88886666", "0298*****66"),
        ("", ""),
        ("123", "***"),
    ],
)
def test_it_masks_phone_numbers(phone, masked):
    assert idnumbers.mask_phone(phone) == masked


def test_a_credit_code_is_judged_as_python_stdnum_judges_it():
    import random

    from stdnum.cn import uscc
    from stdnum.exceptions import ValidationError

    from sanxiang.lib.idnumbers import InvalidIdNumber, validate_uscc

    rng = random.Random(7)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    codes = ["91110000600037341L", "91110000600037341l", "9111000060003734IL", "A1110000600037341L"]
    for _ in range(3000):
        body = "".join(rng.choice("0123456789") for _ in range(8))
        body += "".join(rng.choice(alphabet + "IOSVZ" * (rng.random() < 0.05)) for _ in range(9))
        valid = rng.random() < 0.7 and all(char in alphabet for char in body)
        codes.append(body + (uscc.calc_check_digit(body) if valid else rng.choice(alphabet)))
    codes += ["９1110000600037341L", "91110000600037341Ｌ"]  # full-width: stdnum's own path
    for code in codes:
        try:
            expected: str | None = uscc.validate(code.upper())
        except ValidationError as exc:
            expected = "checksum" if "checksum" in type(exc).__name__.lower() else "format"
        try:
            got: str | None = validate_uscc(code)
        except InvalidIdNumber as exc:
            got = str(exc)
        assert got == expected, code
