"""Normalisation before detection: full-width, broken numbers, spaced names, mapped back to the original."""

import pytest

from sanxiang.lib.masking import STRICTEST, mask_text
from sanxiang.lib.masking.idcodes import id_check_digit
from sanxiang.lib.masking.normalize import fold, normalise

VALID_ID = "110101199003071233"
X_BODY = next(
    f"11010119900307{n:03d}" for n in range(1000) if id_check_digit(f"11010119900307{n:03d}") == "X"
)
X_ID = X_BODY + "X"
CARD = "6222021903001234567"


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_fold_keeps_length_and_chinese_punctuation():
    text = "电话：１３８　００１３＠ｑｑ．ｃｏｍ（注）"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "电话：138 0013@qq.com（注）"


def test_spaced_words_are_closed_up_and_map_back():
    text = "当事人：张　三，男"
    n = normalise(text)
    assert n.text == "当事人：张三，男"
    start = n.text.index("张三")
    assert n.span(start, start + 2) == (4, 7)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"身份证号：{_full_width(VALID_ID)}", _full_width(VALID_ID)),
        (f"身份证号：{X_ID}，", X_ID),
        (f"号码 {X_ID.lower()}", X_ID.lower()),
        (f"纳税人识别号：{VALID_ID}01", f"{VALID_ID}01"),
        (f"纳税人识别号：{X_ID}02", f"{X_ID}02"),
        ("证件 1101 0119 9003 0712 33 已核", "1101 0119 9003 0712 33"),
        ("号码110101\n199003071233", "110101\n199003071233"),
        ("手机：１３８１２３４５６７８", "１３８１２３４５６７８"),
        ("电话 +86 138 1234 5678", "+86 138 1234 5678"),
        ("电话 0086-13812345678", "0086-13812345678"),
        ("电话（+86）13812345678", "（+86）13812345678"),
        ("联系电话：0731-8888 6666 转 123", "0731-8888 6666 转 123"),
        ("电话 (0731) 88886666-12", "(0731) 88886666-12"),
        ("邮箱 zhangsan＠qq.com", "zhangsan＠qq.com"),
        (f"卡号 {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:16]} {CARD[16:]}", None),
        ("回乡证H12345678", "H12345678"),
        ("当事人：欧阳　娜娜", "欧阳　娜娜"),
        ("辩护人：李明，某律师事务所律师", "李明"),
        ("股东买买提·艾力系该公司股东", "买买提·艾力"),
        ("当事人 ZHANG San（张三）", "ZHANG San"),
        ("员工 WANG XIAOMING 已离职", "WANG XIAOMING"),
    ],
)
def test_it_masks_data_written_in_other_ways(text, secret):
    masked = mask_text(text, policy=STRICTEST).text
    if secret is None:
        secret = text.split(" ", 1)[1]
    assert secret not in masked, masked
    assert len(masked) == len(text)  # the layout of the original is kept
    assert mask_text(masked, policy=STRICTEST).text == masked  # masking twice = once


@pytest.mark.parametrize(
    "text",
    [
        "发票代码：340015\n3130，发票号码：00427965-00427989（25份）、01479071-\n01479095（25份）",
        "发票代码051002000611，发票号码19685049-\n19685052（4份）",
        "详见 http://www.chinatax.gov.cn/n810341/c13812345678/content.html 。",
        "统一社会信用代码：91450103MA5K9WHY7U",
        "纳税服务热线12366",
        "金额 277,511,870.10 元，2015-12-02 至 2016-12-31",
        "（纳税人识别号：330326********3536），陶**，XXX",
        "广西苒炙机械设备有限公司（纳税人识别号：91451202MAK718N46N）",
    ],
)
def test_it_keeps_public_facts_and_masked_text(text):
    assert mask_text(text, policy=STRICTEST).text == text


def test_a_known_name_spaced_out_is_masked_and_the_shop_named_after_it_stays():
    text = "业主 张　伟 经营张伟便利店；张伟于2025年…"
    masked = mask_text(text, known_names=["张伟"], policy=STRICTEST).text
    assert "张伟便利店" in masked
    assert "张　伟" not in masked and "张伟于" not in masked


def test_flattened_tables_mask_cells_by_their_header():
    tab = (
        "序号\t纳税人名称\t法定代表人\t证件号码\t地址\t欠税金额\n"
        "1\t长沙某某贸易有限公司\t王建国\t110101199003071233\t长沙市岳麓区麓山路1号\t1000.00\n"
        "2\t李小红\t李小红\t110101199003071233\t长沙市天心区书院路9号2栋\t300.00\n"
        "3\t张伟便利店\t张伟\t\t长沙市开福区中山路3号\t50.00"
    )
    masked = mask_text(tab, policy=STRICTEST).text
    assert "王建国" not in masked and "李小红" not in masked and "张伟\t" not in masked
    assert "长沙市天心区书院路9号2栋" not in masked  # a natural person's address
    for public in (
        "长沙某某贸易有限公司",
        "长沙市岳麓区麓山路1号",
        "张伟便利店",
        "长沙市开福区中山路3号",
        "1000.00",
    ):
        assert public in masked
    cells = "序号\n纳税人名称\n业主\n住所\n1\n李小红\n李小红\n长沙市天心区书院路9号2栋\n2\n张伟便利店\n张伟\n长沙市开福区中山路3号"
    masked = mask_text(cells, policy=STRICTEST).text
    assert "李小红" not in masked and "书院路" not in masked and "\n张伟\n" not in masked
    assert "张伟便利店" in masked and "长沙市开福区中山路3号" in masked


def test_a_records_subject_decides_whose_address_it_is():
    records = (
        "纳税人名称：长沙某某贸易有限公司\n法定代表人：王建国\n地址：长沙市岳麓区麓山路1号\n\n"
        "纳税人名称：李小红\n纳税人识别号：11010119900307123301\n地址：长沙市天心区书院路9号2栋\n\n"
        "名称：张伟便利店；经营者：张伟；经营地点：长沙市开福区中山路3号\n"
        "纳税人姓名：赵六；证件号码：110101199003071233；经营地点：长沙市开福区中山路5号"
    )
    masked = mask_text(records, policy=STRICTEST).text
    assert "长沙市岳麓区麓山路1号" in masked and "长沙市开福区中山路3号" in masked
    assert "书院路" not in masked and "中山路5号" not in masked


def test_a_dotted_name_written_with_a_full_width_period():
    masked = mask_text("股东阿依古丽．吐尔逊签字", policy=STRICTEST).text
    assert "阿依古丽" not in masked and "吐尔逊" not in masked
