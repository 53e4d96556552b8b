"""A Latin-script name that the bracket after it describes as a person's, and a person's number hidden at
every place a text repeats it."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "某税务局\n税务处理决定书\nLuca Bianchi（国籍：意大利，护照号码：YA1234567）：\n你于2024年",
            "Luca Bianchi",
        ),
        ("受理Sophie Martin (女，1988年3月2日出生)的申请", "Sophie Martin"),
        ("委托某律师事务所律师Oliver Grant代为陈述", "Oliver Grant"),
    ],
)
def test_latin_name_described_as_a_person_hidden(text: str, name: str) -> None:
    masked = mask_text(text).text
    assert name not in masked
    assert not any(word in masked for word in name.split())


@pytest.mark.parametrize(
    "text",
    [
        "你公司购买的Adobe Acrobat（正版软件）未取得发票",
        "某律师事务所律师费发票Visa Card（信用卡）支付",
    ],
)
def test_latin_product_names_kept(text: str) -> None:
    assert mask_text(text).text == text


def test_number_hidden_at_every_repeat() -> None:
    text = (
        "序号\t名称\t纳税人识别号\t经营者\t身份证件号码\n"
        "1\t某某小吃店\tE98765432\t某甲\tE98765432\n"
        "经核实，护照E98765432的持有人已离境。"
    )
    masked = mask_text(text).text
    assert "E98765432" not in masked
    assert masked.count("*********") == 3


def test_repeat_only_where_written_alone() -> None:
    # the hidden number inside a longer run of digits is another number, left as it is
    text = "身份证号码：110105194912310021；单号9911010519491231002188"
    masked = mask_text(text).text
    assert "9911010519491231002188" in masked


def test_paragraph_indent_is_no_table_gap() -> None:
    # a decision's paragraphs open with an indent of spaces: the line is prose, not a space-aligned row
    sentence = (
        "经核实，甲某持护照（号码E79704243）及往来港澳通行证（号码C56434192）多次出境。你单位将位于桂林市七星区"
        "人民中路82号商业广场21楼196室的经营场所出租给乙某（住武汉市武昌区滨江路127号凤凰城6栋1单元1003号）使用。"
    )
    for text in (sentence, "    " + sentence, "\u3000\u3000" + sentence):
        masked = mask_text(text).text
        assert "凤凰城6栋1单元1003号" not in masked
        assert "人民中路82号商业广场21楼196室" in masked


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("某某（性别：女，出生日期：1986年10月17日，证件号码：见卷）", "1986年10月17日"),
        ("出生年月 1990.3，籍贯不详", "1990.3"),
        ("其生日为2001-02-03。", "2001-02-03"),
        ("申请人：某某，男，1988年7月3日出生，汉族", "1988年7月3日"),
    ],
)
def test_birth_date_under_its_label_hidden(text: str, date: str) -> None:
    assert date not in mask_text(text).text


def test_other_dates_kept() -> None:
    text = "证人某某，男，1979年出生。本局于2026年1月5日受理，该规定自2026年3月1日生效。"
    assert mask_text(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "执行完毕。\n当事人签收：某某某\n承办人：甲某  电话：0797-31501572\n税务机关地址：株洲市长青街254号\n如有疑问，可拨打纳税服务热线12366。",
        "依法起诉。\n联系人 甲某，联系电话：0717-67758402\n地址：温州市迎宾大道219号\n如有疑问，可拨打12366。",
        "特此公告。\n联系地址：湘潭市岳塘区人民西路228号\n联系电话：0731-82389151\n联系人：某某",
    ],
)
def test_bureau_contact_lines_keep_phone_and_address(text: str) -> None:
    masked = mask_text(text).text
    for value in (
        "0797-31501572",
        "0717-67758402",
        "0731-82389151",
        "长青街254号",
        "迎宾大道219号",
        "人民西路228号",
    ):
        if value in text:
            assert value in masked


def test_address_of_a_tax_office_kept_under_any_label() -> None:
    text = "依法起诉。\n当事人签收：某某\n地址：河池市解放西路177号税务大楼\n执法人员：某甲\n地址：长沙市新华街132号办税服务厅"
    masked = mask_text(text).text
    assert "解放西路177号税务大楼" in masked
    assert "新华街132号办税服务厅" in masked


def test_party_contact_lines_still_hidden() -> None:
    text = "当事人：某某\n联系电话：0731-82389151\n联系地址：湘潭市岳塘区人民西路228号5栋2单元301室"
    masked = mask_text(text).text
    assert "82389151" not in masked
    assert "301室" not in masked


@pytest.mark.parametrize(
    "text",
    [
        # the group's last label cut by the page width
        "特此公告。\n联系地址：长沙市岳麓区金星中路387号；联系电话：0731-88281368；纳\n税服务热线：12366",
        # at the top of the text, signed by the hotline
        "联系地址：长沙市岳麓区金星中路387号；联系电话：0731-85859678；纳税服务热线：12366。\n国家税务总局某某市税务局\n阻止出境决定书",
    ],
)
def test_bureau_contact_group_cut_or_on_top_keeps_its_line(text: str) -> None:
    masked = mask_text(text).text
    assert "金星中路387号" in masked
    assert ("0731-88281368" in text) <= ("0731-88281368" in masked)
    assert ("0731-85859678" in text) <= ("0731-85859678" in masked)


def test_contact_group_with_a_mobile_is_a_persons() -> None:
    text = "请你于十日内到本局说明情况。\n联系地址：宜昌市西陵区东山大道100号；联系电话：0717-6543210；手机13912345678；纳税服务热线：12366"
    masked = mask_text(text).text
    assert "东山大道100号" not in masked
    assert "13912345678" not in masked


def test_officer_line_without_colon_before_the_certificate_is_a_fixed_point() -> None:
    # a space parts a two-character name from the next field's word, 执法证件号, which takes no colon
    text = "依法起诉。\n执法人员：黄涛、周梅 执法证件号 45813840007\n如有疑问，可拨打12366。"
    once = mask_text(text).text
    assert "执法证件号 45813840007" in once
    assert mask_text(once).text == once
