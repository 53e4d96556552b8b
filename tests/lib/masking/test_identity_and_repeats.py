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
    ],
)
def test_birth_date_under_its_label_hidden(text: str, date: str) -> None:
    assert date not in mask_text(text).text


def test_other_dates_kept() -> None:
    text = "你于2025年11月3日出生证明办理时提交的材料，本局于2026年1月5日受理。"
    assert mask_text(text).text == text
