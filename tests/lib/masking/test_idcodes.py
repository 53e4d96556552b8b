import datetime

import pytest
from stdnum.cn import ric, uscc

from sanxiang.lib.masking.idcodes import (
    id_birth_date,
    id_check_digit,
    id_shaped,
    is_valid_id,
    is_valid_uscc,
    luhn_ok,
    region_codes,
)


def test_it_loads_real_region_codes_including_abolished_ones():
    codes = region_codes()
    assert "110101" in codes  # 东城区
    assert "110103" in codes  # 崇文区, abolished in 2010: old IDs still carry it
    assert "451202" in codes  # 金城江区
    assert "990101" not in codes
    assert "914301" not in codes  # a USCC prefix is not a region


@pytest.mark.parametrize(
    "number",
    ["11010519491231002X", "360426199101010071", "110101199003071233"],
)
def test_it_agrees_with_stdnum_on_valid_ids(number):
    assert ric.is_valid(number)
    assert is_valid_id(number)
    assert id_check_digit(number) == number[-1]


def test_it_accepts_an_old_fifteen_digit_id_by_region_and_date():
    assert is_valid_id("110101900307123")
    assert id_birth_date("110101900307123") == datetime.date(1990, 3, 7)
    assert not is_valid_id("990101900307123")  # no such region
    assert not is_valid_id("110101901347123")  # no 13th month


def test_it_tells_an_id_shaped_number_with_a_wrong_checksum():
    assert id_shaped("110101199003071234")
    assert not is_valid_id("110101199003071234")
    assert not id_shaped("110101199013071237")


def test_it_checks_uscc_and_luhn():
    assert is_valid_uscc("91110000600037341L") and uscc.is_valid("91110000600037341L")
    assert not is_valid_uscc("91110000600037341M")
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")


def test_the_credit_code_check_is_python_stdnums():
    from stdnum.cn import uscc

    from sanxiang.lib.masking.idcodes import is_valid_uscc

    codes = ["91460105700100000N", "9146010570000005BB", "91110101MA01234567", "91350211M000100Y43"]
    codes += [c.lower() for c in codes] + ["9146010570000005B", "914601057000000 5BB", "91-460105700100000N"]
    codes += ["９１４６０１０５７００１０００００Ｎ", "A1460105700100000N", "91460105700100000I", ""]
    for code in codes:
        assert is_valid_uscc(code) == uscc.is_valid(code), code
