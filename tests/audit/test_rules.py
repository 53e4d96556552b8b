"""Personal data in snapshots is masked and keyed-hashed; other data passes unchanged (no DB)."""

from __future__ import annotations

import pytest

from sanxiang.audit.rules import PERSONAL_KEYS, is_masked, mask_snapshot, mask_text
from sanxiang.lib.hashchain import hmac_sm3_hex

PEPPER = b"p" * 32
ID18 = "11010519491231002X"  # valid check digit, Beijing Chaoyang, born 1949-12-31
ID15 = "110105491231002"  # the old 15-digit form of the same person
CARD = "6222020200112233446"  # Luhn-valid 19 digits
MOBILE = "13812345678"


def pepper() -> bytes:
    return PEPPER


def never() -> bytes:
    raise AssertionError("the pepper is read only when something personal is found")


@pytest.mark.parametrize(
    ("key", "value", "masked"),
    [
        ("id_number", ID18, "110105********002X"),
        ("owner_id_number", ID18, "110105********002X"),
        ("phone", MOBILE, "138****5678"),
        ("contact_mobile", MOBILE, "138****5678"),
        ("bank_account", CARD, "***************3446"),
        ("email", "zhangsan@example.cn", "z***@example.cn"),
        ("full_name", "张三丰", "张**"),
        ("legal_representative", "欧阳娜娜", "欧***"),
        ("address", "陕西省宝鸡市金台区中山路12号", "陕西省宝鸡****"),
    ],
)
def test_it_masks_values_under_personal_keys(key, value, masked):
    out = mask_snapshot({key: value}, pepper)
    assert out[key] == {"masked": masked, "hmac": hmac_sm3_hex(PEPPER, value.encode())}


def test_it_masks_personal_keys_case_insensitively_and_numbers_too():
    out = mask_snapshot({"Phone": 13812345678}, pepper)
    assert out["Phone"]["masked"] == "138****5678"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"当事人身份证号{ID18}，已送达", "当事人身份证号110105********002X，已送达"),
        (f"旧证号 {ID15}", "旧证号 110105*****1002"),
        (f"联系电话{MOBILE}", "联系电话138****5678"),
        (f"退税账户{CARD}", "退税账户***************3446"),
    ],
)
def test_it_masks_identifiers_inside_free_text(text, masked):
    out = mask_snapshot({"note": text}, pepper)
    assert out["note"] == {"masked": masked, "hmac": hmac_sm3_hex(PEPPER, text.encode())}


@pytest.mark.parametrize(
    "text",
    [
        "110105194912310021",  # wrong check digit
        "6222020200112233445",  # fails Luhn
        "订单号 12345678901234",  # 14 digits
        "91610300MA6X12345L",  # credit code of an organisation
        "金额 1381234567.00 元",  # 10 digits, not a mobile number
        "ab13812345678cd6222020200112233446ef",  # digits inside a hex digest
    ],
)
def test_it_leaves_non_personal_numbers_alone(text):
    assert mask_snapshot({"note": text}, never) == {"note": text}


def test_it_walks_nested_structures_and_keeps_the_rest():
    snapshot = {
        "status": "published",
        "count": 3,
        "amount": "12.50",
        "parties": [{"party_name": "李四", "id_number": ID18, "role": "当事人"}],
        "contact": {"phone": MOBILE},
        "authority": "国家税务总局宝鸡市金台区税务局",
        "public_phone": "0917-1234567",
        "empty_phone": "",
        "missing_email": None,
    }
    out = mask_snapshot(snapshot, pepper)
    assert out["status"] == "published" and out["count"] == 3 and out["amount"] == "12.50"
    assert out["parties"][0]["role"] == "当事人"
    assert out["parties"][0]["party_name"]["masked"] == "李*"
    assert out["parties"][0]["id_number"]["masked"] == "110105********002X"
    assert out["contact"]["phone"]["masked"] == "138****5678"
    assert out["authority"] == "国家税务总局宝鸡市金台区税务局"
    assert out["public_phone"] == "0917-1234567"
    assert out["empty_phone"] == "" and out["missing_email"] is None
    assert ID18 not in repr(out) and MOBILE not in repr(out)


def test_it_does_not_mask_twice():
    once = mask_snapshot({"id_number": ID18}, pepper)
    assert mask_snapshot(once, never) == once
    assert is_masked(once["id_number"])


def test_it_matches_equal_values_through_the_hmac_only_with_the_same_pepper():
    a = mask_snapshot({"id_number": ID18}, pepper)["id_number"]["hmac"]
    b = mask_snapshot({"note": ID18}, pepper)["note"]["hmac"]
    c = mask_snapshot({"id_number": ID18}, lambda: b"q" * 32)["id_number"]["hmac"]
    assert a == b != c


def test_it_masks_free_text_helper_in_place():
    assert mask_text(f"{ID18}/{MOBILE}") == "110105********002X/138****5678"


def test_it_lists_the_personal_keys_as_a_constant():
    assert {"id_number", "phone", "mobile", "bank_account", "email", "address"} <= PERSONAL_KEYS
