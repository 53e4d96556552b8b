"""OCR's letters for digits inside a long number (l and I for 1, O and o for 0, B for 8, Z for 2, S for 5)
are read as digits."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.normalize import fold


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("出租人身份证：11010519491231OO2X，现住址不详", "11010519491231OO2X"),
        ("其银行卡62220219O1234567897已冻结", "62220219O1234567897"),
        ("联系手机l3912345678", "l3912345678"),
        ("联系电话：1391234567O。", "1391234567O"),
        ("手机：1B075968181，卡号6222O2l9O1234567897", "1B075968181"),
        ("代码91440300MA5F0L1B2X", None),  # a code with other letters is left as written
        ("联系手机139l2345678转交", "139l2345678"),
    ],
)
def test_ocr_letters_inside_a_number_are_digits(text: str, value: str | None) -> None:
    if value is None:
        assert fold(text) == text
        return
    assert value not in mask_text(text).text


@pytest.mark.parametrize(
    "text",
    [
        "统一社会信用代码91440300MA5F0L1B2X",  # a credit code's letters are never I or O
        "第2O24号",  # one digit before the letter: no number
        "统一社会信用代码91350203238891229B",  # a check character B ends the code
        "组织机构代码03790648B",
        "http://www.example.gov.cn/col/col12/art/2024/index.html",
    ],
)
def test_text_without_ocr_digits_is_unchanged(text: str) -> None:
    assert fold(text) == text
    assert mask_text(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("当事人身份证号码：11010819850S12301X，住所不详", "11010819850S12301X"),
        ("公民身份号码 : 3301O6 1990 Z311 0017；", "3301O6 1990 Z311 0017"),
        ("证件导码：420106l98\n8O6150019", "420106l98\n8O6150019"),
        ("身份证：310112600I01001", "310112600I01001"),  # an old 15-digit number
    ],
)
def test_damaged_id_number_under_its_label_hidden(text: str, value: str) -> None:
    masked = mask_text(text).text
    assert all(part not in masked for part in value.split())
    assert masked.count("*") >= sum(c.isalnum() for c in value) - 1


@pytest.mark.parametrize(
    "text",
    [
        "证件号码：91440300MA5F0L1B2X",  # a company's credit code under the shared label
        "身份证号码：4301********1234",  # masked already
        "身份证号码：见附件，联系电话12366",
    ],
)
def test_labelled_id_finder_leaves_other_values(text: str) -> None:
    assert mask_text(text).text == text


def test_damaged_id_number_in_a_table_cell_hidden_when_it_reads_back_valid() -> None:
    # 11010519491231002X is a valid ID number; OCR wrote two of its digits as letters
    rows = "姓名\t证件\t地址\n某甲\t11O1O519491231002X\t门面\n某乙\t110105 1949 1231 OO2X\t门面\n"
    masked = mask_text(rows).text
    assert "11O1O519491231002X" not in masked
    assert "1231 OO2X" not in masked
    # read back, these letters give no valid number: a product code stays
    assert mask_text("型号ZB1O5S19491231002Z").text == "型号ZB1O5S19491231002Z"


def test_id_number_of_a_region_code_no_longer_listed_hidden() -> None:
    # 430604 is no county's code today; the number's check character and birth date are an ID number's
    row = "某科技有限公司\t914306039R3KFH8YN2\t某甲\t430604196103199821\t湘岳税二稽罚〔2026〕265号"
    assert "430604196103199821" not in mask_text(row).text
