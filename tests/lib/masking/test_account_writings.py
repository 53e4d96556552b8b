"""Numbers as other authors write them (issue 15, brief masker3): a bank account named by whose it is
(…个人名下…) or by its bank in brackets after it, even when its digits also pass a credit code's check;
an account cut by an OCR space, also inside its label (账 户); an 18-digit card cut in two; an
individual's taxpayer number whose X and suffix wrapped to the next line; a passport number cut by a
space. Every example here is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, id_shaped, is_valid_uscc, luhn_ok
from tests.lib.masking.helpers import hidden

# A card number whose digits also pass the credit-code check (one all-digit number in 31 does).
CARD_LIKE_USCC = "622800000000000318"
CARD_16 = "6217000000000006"
CARD_19 = "6217003812345678006"
ID_X = "43010219900506111X"


def test_the_examples_have_the_shapes_they_stand_for():
    assert luhn_ok(CARD_LIKE_USCC) and is_valid_uscc(CARD_LIKE_USCC) and not id_shaped(CARD_LIKE_USCC)
    assert luhn_ok(CARD_16) and luhn_ok(CARD_19)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"经查，该款项汇入其妻覃玉个人名下{CARD_LIKE_USCC}。", CARD_LIKE_USCC[4:12]),
        (f"货款转入{CARD_LIKE_USCC}（开户行：中国建设银行岳麓支行）后提现。", CARD_LIKE_USCC[4:12]),
        (f"经由介绍人个人银行账 户{CARD_16[:3]} {CARD_16[3:]}回流。", CARD_16[3:11]),
        (f"款项存入其名下{CARD_19[:10]} {CARD_19[10:]}（开户行：长沙银行）。", CARD_19[10:]),
        (f"转入卢芸名下{CARD_LIKE_USCC[:7]} {CARD_LIKE_USCC[7:]}收取。", CARD_LIKE_USCC[7:]),
    ],
)
def test_accounts_named_by_their_owner_or_their_bank(text, secret):
    hidden(text, secret)


def test_a_credit_code_beside_a_bank_word_stays():
    # the company's code under its label, then its own bank details: the code is no account
    text = f"统一社会信用代码：{CARD_LIKE_USCC}，开户银行：长沙银行"
    assert CARD_LIKE_USCC in mask_text(text).text


def test_a_taxpayer_number_whose_check_character_and_suffix_wrapped():
    number = ID_X + "02"
    text = f"纳税人识别号：{number[:17]}\n{number[17:]}\n违法事实：未按期申报。"
    assert id_check_digit(ID_X) == "X" and id_shaped(ID_X)
    hidden(text, number[6:14], number[17:])


@pytest.mark.parametrize("written", ["护照：G31 207755", "护照号码 EA5 3018264", "证件号码：P2 2345678"])
def test_a_passport_number_cut_by_a_stray_space(written):
    masked = hidden(written, written[-6:])
    assert mask_text(masked).text == masked


# A credit code whose first sixteen characters are digits that pass the card check (Luhn).
USCC_DIGITS_HEAD = "9146010570000005BB"


def test_a_credit_code_cut_by_a_line_break_or_a_space_stays():
    assert is_valid_uscc(USCC_DIGITS_HEAD) and luhn_ok(USCC_DIGITS_HEAD[:16])
    for written in (
        f"海南椰林贸易有限公司（纳税人识别号：{USCC_DIGITS_HEAD[:16]}\n{USCC_DIGITS_HEAD[16:]}，法定代表人：符海生）：",
        f"| 1 | 海南椰林贸易有限公司 | {USCC_DIGITS_HEAD[:16]} {USCC_DIGITS_HEAD[16:]} | 符海生 |",
    ):
        masked = mask_text(written).text
        assert USCC_DIGITS_HEAD[:16] in masked and "符海生" not in masked, masked


@pytest.mark.parametrize("code", ["91460105MAKL HB6T9Q", "9146010 5MA WYWJMA4H", "91460105MABRB QED80"])
def test_capitals_glued_to_a_codes_digits_are_no_latin_name(code):
    text = f"纳税人名称：海南椰林贸易有限公司；统一社会信用代码：{code}；法定代表人：符海生"
    assert code in mask_text(text).text


def test_an_enterprises_old_taxpayer_number_cut_by_a_space_stays_and_an_id_does_not():
    tin = "510104720315107"  # also shaped as an old ID number
    assert (
        mask_text(f"当事人：成都岷山酒业有限公司\n纳税人识别号：{tin[:3]} {tin[3:]}\n").text.count(tin[3:])
        == 1
    )
    assert (
        tin[6:12] not in mask_text(f"法定代表人：符海生；身份证号码：{tin[:6]} {tin[6:12]} {tin[12:]}").text
    )


def test_a_phone_after_the_last_record_of_a_list_is_no_account():
    text = (
        "缴费人：岳峰\n联系人电话：13900001111\n扣款账号：6217000000000006\n\n"
        "咨询电话：0898-66012345；网址：https://hainan.chinatax.gov.cn\n"
        "缴费人：冼丽；扣款账号：—。咨询电话：0898-12366。\n"
    )
    masked = hidden(text, "6217000000000006", "13900001111")
    assert "0898-66012345" in masked and "0898-12366" in masked


def test_an_account_on_the_line_under_its_label_is_still_one():
    hidden("扣款账号：\n6217 0000 0000 0006\n", "0000 0006")
