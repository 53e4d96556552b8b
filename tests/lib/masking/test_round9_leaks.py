"""Leaks found by set 11 (masker round 9, brief masker9), read as general mechanisms rather than sentence
shapes: a home address known by its shape (place levels down to a flat's or a village household's number)
after any verb of place or in a bare cell; an address hidden once is hidden wherever the document repeats
it, also broken by a PDF line; people the bureau's prose names by what is said of them (X所在的…事务所,
X的家属Y来电, A、B及Y如对上述…不服, X之母, 感谢X对…). Every example here is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from tests.lib.masking.helpers import hidden


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "本局工作人员于2025年3月2日前往湖北省宜昌市西陵区东山大道12号翠柳苑5栋2单元603室直接送达，无人。",
            "翠柳苑",
        ),
        ("并将纸质答复邮寄至您留存的地址湖北省宜昌市西陵区东山大道12号翠柳苑5栋2单元603室。", "翠柳苑"),
        ("继承取得房产一处，坐落于湖北省宜昌市夷陵区小溪塔街道石桥村3组17号，由监护人代为办理。", "石桥村"),
        ("回访情况：满意。联系地址：|西陵区东山大道88号附3号702房\n承办单位：本局", "东山大道"),
        ("13912345678\n夷陵区小溪塔街道石桥村3组17号\nabc@qq.com", "石桥村"),
    ],
)
def test_a_dwelling_is_known_by_its_shape(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "你公司位于宜昌市西陵区东山大道12号商务中心15层1203室。",
        "经营地址：宜昌市西陵区东山大道12号翠柳苑5栋2单元603室，经营范围：零售。",
        "当事人可到宜昌市西陵区东山大道100号办税服务厅领取文书。",
        "注册地址为宜昌市西陵区东山大道12号写字楼8层802室。",
        # a document number run into the next line by the extractor is no place's name (北市…)
        "《税务行政处罚决定书》北市税稽罚〔2023〕124号原址宜昌市西陵区东山大道12号5栋2单元603室",
        # an organisation's row of a list, by tabs, commas or ；
        "宜昌恒达商贸有限公司\t91420500MA4KXXXX1B\t宜昌市西陵区东山大道12号翠柳苑5栋2单元603室\t—",
        "宜昌恒达商贸有限公司,91420500MA4KXXXX1B,宜昌市西陵区东山大道12号翠柳苑5栋2单元603室,—",
        "宜昌恒达商贸有限公司；91420500MA4KXXXX1B；宜昌市西陵区东山大道12号翠柳苑5栋2单元603室；—",
    ],
)
def test_offices_shops_and_held_premises_stay(text):
    assert mask_text(text).text == text


def test_a_sentence_with_ocr_commas_is_no_table_row():
    hidden(
        "本局工作入员甘露于2025年7月14日前往湖北省宜昌市西陵区东山大道12号翠柳苑5栋2单元603室直接送达,无人。",
        "翠柳苑",
    )


def test_an_address_hidden_once_is_hidden_where_it_is_repeated_and_wrapped():
    text = (
        "本局曾按其户籍地址湖北省宜昌市西陵区东山大道12号附3号702房邮寄送达，邮件被退回。\n"
        "本局工作人员于2025年3月2日到湖北省宜昌市西陵区东山大道12\n号附3号702房送达。"
    )
    masked = hidden(text, "东山大道")
    assert "702房" not in masked
    assert masked.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("多次虚填专项附加扣除，祁文豪所在的宜昌某某税务师事务所有限公司负有管理责任。", "祁文豪"),
        ("丁华丽的家属严可馨来电（13912345678）询问补缴进度。", "严可馨"),
        ("甘露、车子明及蓝启文如对上述文书不服，可在公告期满之日起六十日内依法申请行政复议。", "蓝启文"),
        ("感谢聂思远对税收工作的支持。", "聂思远"),
        ("即视为送达。尹晓峰可到宜昌市西陵区东山大道100号领取文书。", "尹晓峰"),
        ("钱银女士（苗子航之母）：\n钱银代苗子航申报的稿酬所得1000元。", "苗子航"),
        ("经核实，苗航未满十八周岁，本通知书由其母亲代为签收。", "苗航"),
        ("苗航（未成年人，身份证号码略）的法定监护人：", "苗航"),
        ("史文娜的父亲廖兰、母亲钱银均为其法定监护人。", "史文娜"),
    ],
)
def test_people_named_by_what_the_prose_says_of_them(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "纳税人如对上述决定不服，可依法申请行政复议。",
        "纳税人可到办税服务厅领取文书。",
        "感谢您对税收工作的支持。",
    ],
)
def test_role_words_before_the_same_phrases_stay(text):
    assert mask_text(text).text == text


def test_a_dwelling_broken_by_a_line_inside_a_cell():
    text = "<tr><td>甘露</td><td>宜昌市西陵区三塘镇石\n门村2组28号</td><td>443000</td></tr>"
    masked = hidden(text, "门村2组28号", "三塘镇石")
    assert masked.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("尊敬的聂思远：\n根据《检举纳税人税收违法行为奖励暂行办法》，决定奖励。", "聂思远"),
        ("投诉内容：聂思远反映2025年11月1日在办税服务厅等候过久。", "聂思远"),
        # stray marks OCR left before a name
        ("多次虚填专项附加扣除，·祁文豪所在的宜昌某某代理记账有限公司负有管理责任o", "祁文豪"),
        ("处理情况：已电话回访'祁文豪本人。经核实，丨祁文豪表示满意。", "祁文豪"),
    ],
)
def test_salutations_complaints_and_ocr_marks(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize("text", ["尊敬的纳税人：\n您好。", "群众反映2025年的问题已办结。"])
def test_no_name_after_a_salutation_or_before_a_report_of_no_one(text):
    assert mask_text(text).text == text


def test_a_cell_per_line_list_with_a_grade_column():
    text = (
        "序号\n纳税人名称\n纳税人识别号\n法定代表人\n信用级别\n"
        "1\n宜昌恒达商贸有限公司\n91420500MA4KXXXX1B\n祁文豪\nB\n"
        "2\n宜昌恒远物流有限公司\n91420500MA4KXXXX2C\n甘露\nA\n"
    )
    masked = hidden(text, "祁文豪", "甘露")
    assert "宜昌恒达商贸有限公司" in masked


def test_a_repeated_address_broken_by_a_line_is_found_without_a_pattern_per_value():
    text = "户籍地址：宜昌市西陵区东山大道12号5栋2单元603室\n本局前往宜昌市西陵区东山大道12号5\n栋2单元603室送达。"
    masked = hidden(text, "东山大道")
    assert masked.count("\n") == 2


def test_the_bureaus_contact_block_marked_by_its_hall_keeps_its_address():
    text = (
        "甘露称已将营业执照借给祁文豪使用。\n\n"
        "联系地址：宜昌市西陵区东山大道100号\n联系电话：0717-6221234（办税服务厅）\n纳税服务热线：12366\n"
    )
    masked = hidden(text, "甘露", "祁文豪")
    assert "宜昌市西陵区东山大道100号" in masked


@pytest.mark.parametrize(
    "text",
    [
        "请你于十日内到本局说明情况。\n送达地址：宜昌市西陵区东山大道100号\n纳税服务热线：12366",
        "请你于十日内到本局说明情况。\n联系地址：宜昌市西陵区东山大道100号\n联系电话：13912345678",
    ],
)
def test_a_persons_contact_block_under_a_hotline_stays_hidden(text):
    hidden(text, "东山大道100号")


@pytest.mark.parametrize(
    "text",
    [
        "自公告之日起满三十日，即视为送达。甘露可到宜昌市西陵区东山大道100号领取文书，联系人：祁文豪，联系电话：0717-6221234。",
        "甘露可到宜昌市西陵区东山大道100号领取文书\n，联系人：祁文豪，联系电话：0717-6221234。",
    ],
)
def test_the_contact_where_the_reader_is_asked_to_come_is_the_bureaus(text):
    masked = hidden(text, "甘露")
    assert "0717-6221234" in masked


def test_a_persons_landline_in_a_sentence_of_the_body_stays_hidden():
    hidden("经查，甘露的联系电话为0717-6221234，其本人于2025年到场。", "6221234")


def test_a_stray_pipe_before_为_makes_no_table_row():
    hidden(
        "经实地核查，宜昌甘记小吃店已停止经营，其户籍地址|为湖北省宜昌市夷陵区小溪塔街道石桥村3组17号。",
        "石桥村",
    )


@pytest.mark.parametrize(
    "text",
    [
        "你可到本局领取文书，你的联系电话0717-6221234。",
        "请到本局办理，您的联系电话：0717-6221234。",
        "国家税务总局宜昌市税务局\n当事人本人联系电话：0717-6221234",
    ],
)
def test_the_readers_own_number_after_the_bureaus_name_stays_hidden(text):
    hidden(text, "6221234")


def test_the_bureaus_number_after_its_name_is_still_kept():
    text = "国家税务总局宜昌市税务局第一稽查局\n联系电话：0717-6221234"
    assert mask_text(text).text == text
