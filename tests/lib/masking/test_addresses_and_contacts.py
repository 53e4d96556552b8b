"""Addresses and contact lines as other authors write them (issue 15, brief masker3): the address of a
person's property (出租位于…的房屋, 名下位于…的房产), a dwelling named by its estate and its
building-unit-room number after a running 住, an address wrapped after 号 before the estate's name,
the contact of a record in a key-value list (not the bureau's closing block), a landline broken
before its hyphen. Every example here is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text


def _hidden(text: str, *secrets: str) -> str:
    masked = mask_text(text).text
    for secret in secrets:
        assert secret not in masked, (secret, masked)
    assert mask_text(masked).text == masked
    return masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "石磊：\n  对你（单位）出租位于海口市美兰区海府路12号椰林苑3栋2单元801号的房屋取得租金收入未申报。",
            "椰林苑",
        ),
        ("同时对岳峰名下位于三亚市吉阳区迎宾路88号鹿回头家园5-1-1203的房产依法查封。", "鹿回头家园"),
        ("对你（单位）出租位于儋州市那大镇人民路\n16号的铺面取得租金收入。", "16号"),
    ],
)
def test_the_address_of_a_persons_property(text, secret):
    _hidden(text, secret)


def test_the_address_of_a_companys_property_stays():
    text = "经查，你公司名下位于海口市龙华区滨海大道105号的厂房出租给他人使用。"
    assert "滨海大道105号" in mask_text(text).text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("第三人：莫小川，男，1975年出生，黎族，住海南省海口市龙华区椰岛府8-2-1702。", "椰岛府"),
        ("与其配偶冼丽（身份证号码：略，住海口市美兰区蓝天花园3-1-502）共同控制资金。", "蓝天花园"),
        ("当事人：岳峰，经常居住地：三亚市天涯区三亚湾路66号\n海韵家园9栋1单元1101号。\n", "海韵家园"),
    ],
)
def test_a_dwelling_named_by_its_estate(text, secret):
    _hidden(text, secret)


def test_a_rule_about_dwellings_stays():
    text = "居住在本市的纳税人应当于次年三月三十一日前办理汇算清缴。"
    assert mask_text(text).text == text


def test_the_contact_of_a_record_in_a_key_value_list():
    text = (
        "下列缴费单位欠缴社会保险费，现予公示：\n\n"
        "缴费人：海口椰风物业有限公司\n欠费金额：3,000.00元\n联系人：冼丽\n联系人电话：(0898)6671234\n\n"
        "缴费人：海南椰林贸易有限公司\n欠费金额：1,200.00元\n联系人：岳峰\n联系人电话：0898—66012345\n"
    )
    masked = _hidden(text, "6671234", "66012345", "冼丽", "岳峰")
    assert "海口椰风物业有限公司" in masked


def test_the_bureaus_closing_contact_stays():
    text = "特此公告。\n\n联系人：黄科长\n联系电话：0898-66011234\n国家税务总局海口市税务局\n2026年1月5日\n"
    assert "0898-66011234" in mask_text(text).text


def test_a_landline_broken_before_its_hyphen():
    _hidden("委托代理人：岳峰，海南某律师事务所律师，联系电话：0898\n-66012345。\n", "66012345")
