"""Leaks found by set 9 (masker round 8, brief masker8a): the address of a house a person sold, written
without 的 (转让位于…1栋1001房房产), or with the dwelling named first (该房屋位于…); lists flattened one cell a
line, or by tabs, pipes and commas and then wrapped by a PDF line's width (long bracketed header cells,
empty cells, wrapped headers and rows); a relative named before a bracketed kinship (…（你的妻子）); a given
name that is a word before what the person does; an e-mail address broken over a line. Every example here
is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from tests.lib.masking.helpers import hidden


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("经查，你于2023年5月转让位于雨花区韶山路18号金桂苑3栋1202房房产，未申报个人所得税。", "金桂苑"),
        ("对你在转\n让位于雨花区韶山路18号金桂苑3栋1202房房产的涉\n税情况进行检查。", "金桂苑"),
        ("经查，该房屋位于长沙市岳麓区麓山路12号枫林苑3栋201室，面积120平方米。", "枫林苑"),
        ("你名下住房地址为长沙市开福区湘江中路5号5-2-301，于2020年出租。", "5-2-301"),
    ],
)
def test_the_address_of_a_house_a_person_sold_or_owns(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "经查，你公司转让位于雨花区韶山路18号金桂苑3栋1202房房产，未申报土地增值税。",
        "你公司名下房产坐落于南宁市青秀区民族大道8号，用于出租。",
        "本局办税服务厅位于长沙市岳麓区麓山路1号门面，欢迎前来办理。",
        "你单位于2024年在长沙市岳麓区购入房产一处。",
    ],
)
def test_a_companys_or_the_bureaus_premises_stay(text):
    assert mask_text(text).text == text


def test_a_cell_per_line_header_with_a_long_bracketed_qualifier():
    # (the qualifier makes the header cell longer than a header's usual twenty characters; without it
    # the table was read from its third header on, and every name cell fell under 文书名称)
    text = (
        "向下列受送达人公告送达税务文书。\n受送达人\n纳税人识别号（统一社会信用代码或身份证号码）\n"
        "法定代表人或负责人\n文书名称\n文书文号\n"
        "衡阳市雁城五金有限公司\n91430400MA4L7KXW13\n钟上海\n税务检查通知书\n衡税稽检〔2024〕18号\n"
        "衡阳市蒸湘区宁宇副食店\n43040219860419786202\n宁宇\n税务事项通知书\n衡税通〔2024〕7号\n"
    )
    masked = hidden(text, "钟上海", "宁宇\n")
    assert "衡阳市雁城五金有限公司" in masked and "衡税稽检〔2024〕18号" in masked


def test_empty_cells_of_a_cell_per_line_row_keep_the_columns():
    # (a company's row leaves 证件类型 and 证件号码 blank: the blank lines are its empty cells, so the next
    # rows stay under their headers and the owner under 法定代表人 is read as a name)
    text = (
        "行政处罚信息公示\n行政相对人名称\n统一社会信用代码\n法定代表人\n证件类型\n证件号码\n处罚决定书文号\n"
        "长沙市岳麓区湘岳贸易有限公司\n91430104MA4P2QX1XD\n周敏强\n\n\n长税稽罚〔2025〕24号\n"
        "长沙市岳麓区雅兰服装店\n92430104MA4P2QX1XA\n秦杰红\n身份证\n430104197005223397\n长税稽罚〔2025〕25号\n"
        "数据来源：国家税务总局长沙市岳麓区税务局\n"
    )
    masked = hidden(text, "秦杰红", "430104197005223397")
    assert "长沙市岳麓区雅兰服装店" in masked and "长税稽罚〔2025〕25号" in masked


def test_a_blank_line_after_a_cell_per_line_list_still_ends_it():
    # (the list's last row is whole, but a wrapped account makes its count of lines look like a row
    # begun: the signature under the blank line is no row's rest, and the last row keeps its columns)
    text = (
        "欠费人员公示\n缴费人\n联系人\n联系人电话\n扣款账号\n"
        "焦娟晨\n焦娟晨\n18273771378\n6212263\n71208015046\n"
        "苏州市中联建筑工程有限责任公司\n江山\n0512-3954683\n—\n\n"
        "国家税务总局苏州市税务局\n2026年2月19日\n"
    )
    masked = hidden(text, "焦娟晨", "江山", "18273771378")
    assert masked.endswith("国家税务总局苏州市税务局\n2026年2月19日\n")


def test_a_postcode_and_a_mobile_header_keep_a_cell_per_line_header_whole():
    # (邮政编码 and 手机 were no header words: the header run broke after 送达地址 and the address cell
    # fell under another column)
    text = (
        "送达地址确认书\n受送达人\n手机\n邮政编码\n送达地址\n"
        "刘英燕\n15909927094\n410006\n长沙市岳麓区麓山路350号5-2269室\n"
        "送达人：国家税务总局长沙市税务局稽查局\n"
    )
    masked = hidden(text, "刘英燕", "5-2269室", "15909927094")
    assert "410006" in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("成交价120万元，购房款由扎西多吉（你的妻子）名下中国农业银行账户收取。", "扎西多吉"),
        ("成交价120万元，购房款由令狐磊（你之子）名下中国银行账户收取。", "令狐磊"),
        ("购房款由陆勇雪(系你配偶）\n名下招商银行账户收取。", "陆勇雪"),
        # (a Uyghur name ending in 江, -jan)
        ("租金由你收取，资金转入你弟弟阿迪力江在中国建设银行的账户。", "阿迪力江"),
    ],
)
def test_a_relative_of_the_party_in_running_text(text, secret):
    hidden(text, secret)


def test_an_organisations_kin_in_brackets_stays():
    text = "该款项由本公司（你的子公司）支付。"
    assert mask_text(text).text == text


def test_a_given_name_that_is_a_word_before_what_the_person_does():
    # (上海 opens no given name as a rule; the act after the whole name, 均无法联系, says it is one)
    masked = hidden("法定代表人李明、财务负责人钟上海均无法联系。", "钟上海", "李明")
    assert masked.endswith("均无法联系。")


def test_a_tab_header_with_a_long_bracketed_qualifier():
    # (the long header cell did not count as a header word: the line was no header, and no row was read)
    text = (
        "受送达人\t纳税人识别号（统一社会信用代码或身份证号码）\t法\n定代表人或负责人\t文书名称\n"
        "衡阳市雁城五金有限公司\t91430400MA4L7KX\nW13\t范华力\t税务事项通知书\n"
    )
    masked = hidden(text, "范华力")
    assert "衡阳市雁城五金有限公司\t91430400MA4L7KX\nW13\t" in masked and "文书名称" in masked


def test_a_csv_list_goes_on_after_a_wrapped_value_and_reads_a_grouped_id():
    # (the line holding only the end of row 1's amount ended the list; row 2's ID number written in
    # groups did not fit its column, so its longer row was not read from the left)
    text = (
        "序号,纳税人名称,纳税人识别号,法定代表人（负责人/业主）姓名,证件种类,证件号码,经营地点,欠税税种,欠税余额\n"
        "1,衡阳市雁城五金有限公司,91430400MA4L7KXW13,李明,居民身份证,430104197005223397,衡阳市蒸湘区解放路5号门面,印花税,9062695.5\n"
        "4\n"
        "2,汪勇艳,43010419700522339700,汪勇艳,居民身份证,430104 19700522 3397,衡阳市蒸湘区桃源路115号7-2232室,房产税,3447408.9,3\n"
    )
    masked = hidden(text, "7-2232室", "汪勇艳")
    assert "衡阳市蒸湘区解放路5号门面" in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # (a PDF line broke inside the domain's first label, or inside the local part in a table's cell)
        ("受送达人\t电子邮箱\t委托代理人\n刘英燕\twxm052@fo\nxmail.com\t顾霞超\n", "wxm052"),
        ("<tr><td>龙敏伟</td><td>zhangwei5\n74@qq.com</td><td>410006</td></tr>", "zhangwei5"),
    ],
)
def test_an_email_address_broken_over_a_line(text, secret):
    hidden(text, secret)


def test_a_pipe_list_with_a_wrapped_header_qualifier_and_wrapped_rows():
    # (the header's qualifier cut before its closing bracket made the line no header; a row's last value
    # wrapped onto a line of its own ended the list before the owner 白兰 was read)
    text = (
        "| 受送达人 | 纳税人识别号（统一社会信用代码或身份证号\n码） | 法定代表人或负责人 | 文书名称 | 文书文号 \n|\n"
        "|---|---|---|---|---|\n"
        "| 衡阳市雁城五金有限公司 | 91430400MA4L7KXW13 | 李明 | 税务事项通知书 | 衡\n税通〔2024〕7号 |\n"
        "| 蒸湘区白兰服装店 | 43040219860419786202 | 白兰 | 税务事项通知书 | 衡税通〔2024〕8号 |\n"
    )
    masked = hidden(text, "| 白兰 |", "李明")
    assert "蒸湘区白兰服装店" in masked and "衡\n税通〔2024〕7号" in masked


def test_a_pipe_header_wrapped_where_the_next_line_opens_a_cell():
    # (…| 证件号码⏎| 经营地点 |…: the pipe opening the line starts a new header cell; joined as one word,
    # 证件号码经营地点, the columns after it were lost and the person's dwelling was not read as his address)
    text = (
        "| 序号 | 纳税人名称 | 纳税人识别号 | 法定代\n表人（负责人/业主）姓名 | 证件种类 | 证件号码 \n"
        "| 经营地点 | 欠税税种 | 欠税余额 |\n|---|---|---|---|---|---|---|---|---|\n"
        "| 1 | 衡阳市雁城五金有限公司 | 91430400MA4L7KXW13 | 李明 | 居民身份证 | 430104197005223397 "
        "| 衡阳市蒸湘区解放路5号门面 | 印花税 | 4490150.67 |\n"
        "| 2 | 汪勇艳 | 43010419700522339700 | 汪勇艳 | 居民身份证 | 430104197005223397 "
        "| 衡阳市蒸湘区桃源路115号金桂苑8栋2单元2405号 | 房产税 | 3447408.93 |\n"
    )
    masked = hidden(text, "金桂苑", "汪勇艳")
    assert "衡阳市蒸湘区解放路5号门面" in masked


def test_a_pipe_row_broken_where_the_next_line_opens_a_cell():
    # (… | 二〇二五年八月二十二日⏎ | 存在逃避追缴欠税行为 |: the line's opening pipe starts the last cell; read as
    # the date's end, the row lacked a cell, took the next row's lines, and the list ended there)
    text = (
        "| 纳税人名称 | 纳税人识别号 | 法定代表人 | 证件号码 | 评价日期 | 主要失信行为 |\n"
        "|---|---|---|---|---|---|\n"
        "| 衡阳市雁城五金有限公司 | 91430400MA4L7KXW13 | 白兰 | 430104197005223397 | 二〇二五年八月二十二日\n"
        " | 存在逃避追缴欠税行为 |\n"
        "| 衡阳市蒸湘区雅兰商贸有限公司 | 91430104MA4P2QX1XD | 李明 | 4301041970\n05223397 | 2025年8月2日 | 虚开发票 |\n"
    )
    masked = hidden(text, "| 白兰 |", "李明")
    assert "存在逃避追缴欠税行为" in masked and "衡阳市蒸湘区雅兰商贸有限公司" in masked


def test_a_csv_header_wrapped_before_a_comma():
    # (the header's first line holds two commas only, too few for a CSV row: the list was never read)
    text = (
        "受送达人,纳税人识别号（统一社会信用代码或身份证号码）,法定代表人或负责人\n,文书名称,文书文号\n"
        "衡阳市蒸湘区雁城五金店,43040219860419786202,黎北京,责令限期改正通知书,衡税罚〔2024〕15号\n"
    )
    masked = hidden(text, ",黎北京,")
    assert "衡阳市蒸湘区雁城五金店" in masked and "衡税罚〔2024〕15号" in masked
