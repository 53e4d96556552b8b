"""Addresses and contact lines as other authors write them (issue 15, brief masker3): the address of a
person's property (出租位于…的房屋, 名下位于…的房产), a dwelling named by its estate and its
building-unit-room number after a running 住, an address wrapped after 号 before the estate's name,
the contact of a record in a key-value list (not the bureau's closing block), a landline broken
before its hyphen. Every example here is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from tests.lib.masking.helpers import hidden


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
    hidden(text, secret)


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
    hidden(text, secret)


def test_a_rule_about_dwellings_stays():
    text = "居住在本市的纳税人应当于次年三月三十一日前办理汇算清缴。"
    assert mask_text(text).text == text


def test_the_contact_of_a_record_in_a_key_value_list():
    text = (
        "下列缴费单位欠缴社会保险费，现予公示：\n\n"
        "缴费人：海口椰风物业有限公司\n欠费金额：3,000.00元\n联系人：冼丽\n联系人电话：(0898)6671234\n\n"
        "缴费人：海南椰林贸易有限公司\n欠费金额：1,200.00元\n联系人：岳峰\n联系人电话：0898—66012345\n"
    )
    masked = hidden(text, "6671234", "66012345", "冼丽", "岳峰")
    assert "海口椰风物业有限公司" in masked


def test_the_bureaus_closing_contact_stays():
    text = "特此公告。\n\n联系人：黄科长\n联系电话：0898-66011234\n国家税务总局海口市税务局\n2026年1月5日\n"
    assert "0898-66011234" in mask_text(text).text


def test_a_landline_broken_before_its_hyphen():
    hidden("委托代理人：岳峰，海南某律师事务所律师，联系电话：0898\n-66012345。\n", "66012345")


SERVICE_LIST = (
    "受送达人\t证件号码\t文书名称\t最后已知地址\t联系电话\n"
    "岳峰\t" + "460105198801011234" + "\t税务事项通知书\t海口市美兰区海府路12号\t0898-66011111\n"
    "海南椰林贸易有限公司\t91460105MA5TGQ8X2R\t税务处理决定书\t海口市龙华区滨海大道105号\t0898-66012222\n"
    "海口椰风物业有限公司\t91460100MA5T2N3K8P\t税务事项通知书\t海口市龙华区国贸路8号\t13807551234\n"
)


def test_an_organisations_own_landline_in_its_row_stays_a_persons_ishidden():
    masked = mask_text(SERVICE_LIST).text
    assert "0898-66012222" in masked  # the company's office line
    assert "66011111" not in masked and "13807551234" not in masked  # a person's line, a mobile


def test_a_contact_persons_phone_column_is_hidden_in_a_companys_row():
    text = "缴费人\t险种\t联系人\t联系人电话\n海南椰林贸易有限公司\t职工基本养老保险\t冼丽\t0898-66013333\n"
    hidden(text, "66013333", "冼丽")


def test_an_organisations_landline_in_its_record_stays():
    text = (
        "受送达人：海南椰林贸易有限公司\n证件号码：91460105MA5TGQ8X2R\n联系电话：0898-66012222\n\n"
        "受送达人：岳峰\n证件号码：略\n联系电话：0898-66011111\n\n"
        "受送达人：海口椰风物业有限公司；法定代表人：冼丽；联系电话：0898-66014444。\n"
    )
    masked = mask_text(text).text
    assert "0898-66012222" in masked
    assert "66011111" not in masked and "66014444" not in masked  # a person's; the representative's


def test_the_tax_hotline_with_an_area_code_stays():
    text = "受送达人：岳峰；联系电话：0898-12366。"
    assert "0898-12366" in mask_text(text).text


def test_a_number_cut_by_the_width_of_a_pdf_line():
    filler = "本局依法对当事人岳峰的涉税事项进行了检查现将有关事项告知如下所述" * 3
    lines = [filler[:26], filler[26:52], filler[52:70] + "电话(0898)66"[-8:]]
    assert {len(line) for line in lines} == {26}
    text = "\n".join(lines) + "\n01234。\n"
    hidden(text, "01234", "岳峰")


def test_rows_of_a_pipe_table_of_one_width_are_not_joined():
    text = (
        "序号 | 姓名 | 联系电话 | 文书名称\n"
        "1 | 岳峰 | 0898 6601 1111 | 税务行政处罚决定书\n"
        "2 | 冼丽 | 0898 6601 2222 | 责令限期改正通知书\n"
        "3 | 莫兰 | 66013333 | 责令限期改正通知书\n"
        "4 | 贝宁 | 0898 6601 4444 | 税务行政处罚决定书\n"
    )
    hidden(text, "66013333", "岳峰", "莫兰", "贝宁")


def test_an_offices_landline_in_its_row_stays_a_mobile_does_not():
    text = (
        "行政相对人名称\t许可决定书文号\t许可机关\t联系电话\n"
        "海南椰林贸易有限公司\t琼龙税许准〔2026〕3号\t国家税务总局海口市龙华区税务局\t0898-66015555\n"
        "海口椰风物业有限公司\t琼龙税许准〔2026〕4号\t国家税务总局海口市龙华区税务局\t+86 139 0000 2222\n"
        "海南蓝海贸易有限公司\t琼龙税许准〔2026〕5号\t国家税务总局海口市龙华区税务局\t13900 003333\n"
    )
    masked = mask_text(text).text
    assert "0898-66015555" in masked
    assert "0000 2222" not in masked and "003333" not in masked
