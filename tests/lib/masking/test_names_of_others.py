"""Names as other authors write them (issue 15, brief masker3): minority names with no surname and
no dot under a role word or in a role column, the name a streamer goes by, names letter-spaced right
after a word of running text, employees listed with their social-security number, a role column
whose header carries a qualifier, and a space-aligned table whose cells must not be run together.
Every example here is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit
from tests.lib.masking.helpers import hidden

PERSON_ID = "46010519830709441" + id_check_digit("46010519830709441")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("法定代表人：尼玛旺堆\n注册地址：拉萨市城关区北京中路8号", "尼玛旺堆"),
        ("当事人：吉克阿呷（身份证件号码：513401199002021234）", "吉克阿呷"),
        ("联系人：白玛曲珍\n联系电话：0891-6321456", "白玛曲珍"),
        ("纳税人名称\t法定代表人\t证件号码\n拉萨雪域茶业有限公司\t索朗次旦\t" + PERSON_ID + "\n", "索朗次旦"),
    ],
)
def test_a_minority_name_without_a_surname_under_a_role(text, secret):
    hidden(text, secret)


def test_words_of_a_form_under_a_role_stay():
    for text in ("联系人：另行通知\n", "负责人：同上见表\n", "代理人\t经办人\n无\t详见附件\n"):
        assert mask_text(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "当事人：梁晓彤（网络主播，艺名“小鹿乱撞”）\n经查，小鹿乱撞于2025年通过直播打赏取得收入。",
        "当事人：梁晓彤（昵称：鹿鹿Lulu）。鹿鹿Lulu在平台带货取得收入未申报。",
    ],
)
def test_the_name_a_streamer_goes_by_is_hidden_everywhere(text):
    masked = hidden(text, "梁晓彤", "小鹿乱撞", "鹿鹿Lulu")
    assert "网络主播" in masked and "直播打赏" in masked or "带货" in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("你公司法定代表人与其配偶甘\u3000若\u3000兰（身份证号码：" + PERSON_ID + "）共同控制资金。", "若"),
        ("经查，你单位出纳员邵  永  明（联系电话：13807551234）负责转账。", "永"),
        ("你公司法定代表人柏 宁（居民身份证号码：" + PERSON_ID + "）", "柏 宁"),
    ],
)
def test_a_letter_spaced_name_right_after_a_word(text, secret):
    hidden(text, secret)


def test_ocr_spaces_inside_words_change_nothing_else():
    text = "上述发 票系通过中间人介绍购买，款项经个人银行账 户回流，税 款已入库。"
    assert mask_text(text).text == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "下列职工未足额缴纳社会保险费：\n  1.严谨，社会保障号码：" + PERSON_ID + "，欠缴1200.00元；",
            "严谨",
        ),
        ("  2.蔺晓川，社会保障号码：" + PERSON_ID + "，欠缴300.00元；", "蔺晓川"),
    ],
)
def test_employees_listed_with_their_social_security_number(text, secret):
    hidden(text, secret, PERSON_ID[6:14])


def test_a_credit_code_under_a_mixed_social_security_label_stays():
    text = "缴费人：海口椰风物业有限公司\n社会保障号码或信用代码：91460105MA5TGQ8X2R\n"
    assert "91460105MA5TGQ8X2R" in mask_text(text).text


def test_a_role_column_with_a_qualifier_before_its_role_word():
    text = (
        "纳税人名称\t法定代表人姓名\t负有直接责任的财务负责人\t负有直接责任的中介机构\n"
        "海南椰林贸易有限公司\t符海生\t云小蕾\t海口华信税务师事务所有限公司\n"
    )
    masked = hidden(text, "符海生", "云小蕾")
    assert "海口华信税务师事务所有限公司" in masked


def test_cells_of_a_space_aligned_table_are_not_run_together():
    text = (
        "缴费人        险种              欠费金额        联系人\n"
        "蒙晓光        城乡居民养老保险  12,402.00元  蒙晓光\n"
        "海口椰风物业有限公司  职工基本养老保险  3,000.00元  冼丽\n"
    )
    hidden(text, "蒙晓光", "冼丽")


def test_a_name_padded_at_the_start_of_a_cell_and_a_figure_before_a_name():
    text = (
        "序号  纳税人名称            法定代表人    欠税金额\n"
        "1     海口椰风物业有限公司  林\u3000\u3000海燕    12,402.00元\n"
        "2     海南椰林贸易有限公司  冼  家豪      3,000.00元  \n"
    )
    hidden(text, "海燕", "家豪")


def test_a_signature_line_under_its_label_with_the_date_beside_it():
    text = "受送达人签名或盖章\n滕远航  2026年5月12日\n代收人及代收理由\n卜月华（配偶）\n"
    masked = hidden(text, "滕远航", "卜月华")
    assert "2026年5月12日" in masked and "（配偶）" in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # the addressee under the decision's number, whatever the next line says
        (
            "税务行政处罚事项告知书\n      琼龙税稽罚告〔2026〕87号\n\n石磊：\n（法定代理人：韩梅，联系电话：13700001111）\n",
            "石磊",
        ),
        (
            "阻止出境决定书\n      海美税阻[ 2025 ]1203号\n\n岳峰：\n  证件类型及号码：护照，E12345678\n本局已通知阻止岳峰出境。",
            "岳峰",
        ),
    ],
)
def test_the_addressee_under_the_decisions_number(text, secret):
    hidden(text, secret)


def test_a_title_under_a_number_is_no_addressee():
    text = "琼龙税稽罚告〔2026〕87号\n\n附件：\n"
    assert mask_text(text).text == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("你公司委托海口信达税务师事务所有限公司的庞一鸣（税务师，电话：0898-66001122）代理申报。", "庞一鸣"),
        ("其经纪人卫东（手机13900002222）负责签订合同。", "卫东"),
        ("发票系通过中间人Mark JOHNSON介绍购买。", "JOHNSON"),
        ("款项经中间人黎  正  航介绍转入，黎  正  航个人账户收取。", "正"),
        ("OCR 文本：法定代表 人莫小川：请于十日内缴纳。", "莫小川"),
    ],
)
def test_professions_agents_intermediaries_and_spaced_names_in_sentences(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "你公司法定代表人与其配偶莫  兰（身份证号码：略）共同控制资金，款项经莫  兰个人账户收取。",
            "莫  兰",
        ),
        ("职工贝  宁于二〇二五年三月二日投诉，本局已书面答复其本人。", "贝  宁"),
        ("证人高新（系你公司原出纳，联系电话：13900001111）证实上述事实。", "高新"),
    ],
)
def test_two_character_names_spaced_out_and_a_word_name_before_its_post(text, secret):
    hidden(text, secret)


def test_a_space_table_whose_cells_hold_sentences_keeps_its_cells_apart():
    text = (
        "纳税人名称          法定代表人姓名  法定代表人性别  负有直接责任的财务负责人  主要违法事实\n"
        "海南椰林贸易有限公司  符海生        男            高新                  经查，虚开发票12份，金额30万元。\n"
    )
    masked = hidden(text, "符海生", "高新")
    assert "经查，虚开发票12份" in masked and "  男  " in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "下列职工未足额缴纳社会保险费：\n  1．旺堆次仁，社会保障号码：" + PERSON_ID + "，欠缴300.00元；",
            "旺堆次仁",
        ),
        ("你公司法定代表人高新（居民身份证号码：" + PERSON_ID + "）与其配偶共同控制资金。", "高新"),
    ],
)
def test_a_listed_minority_name_and_a_word_name_before_a_resident_id(text, secret):
    hidden(text, secret)


def test_a_shop_after_a_preposition_is_no_minority_name():
    text = "经查，冉晓梅开办的南明区向阳小卖部未按期申报，身份证号码见附件。"
    assert "向阳小卖部" in mask_text(text).text


PARAGRAPH = (
    "经查，你公司于二〇二五年三月至六月期间取得的收入未按规定申报纳税，法定代表人：旺堆次仁（身份证号码："
    "略）对上述事实无异议，其配偶ZHANG Li在场见证，税务机关依法作出处理决定如下所述内容，你公司应当于收到"
    "本决定书之日起十五日内缴清税款，逾期不缴的税务机关将依法加收滞纳金并采取强制执行措施。"
)


@pytest.mark.parametrize("width", [30, 33, 36, 41])
def test_a_name_cut_by_the_width_of_a_pdf_line(width):
    wrapped = "\n".join(PARAGRAPH[i : i + width] for i in range(0, len(PARAGRAPH), width)) + "\n"
    masked = mask_text(wrapped).text
    assert masked.count("\n") == wrapped.count("\n")
    flat = masked.replace("\n", "")
    assert "旺堆" not in flat and "次仁" not in flat and "ZHANG" not in flat, masked
    assert "缴清税款" in flat and mask_text(masked).text == masked


def test_a_key_value_record_is_not_joined_to_its_next_field():
    text = "".join(
        f"纳税人名称：海南椰林贸易有限公司第{n}分公司\n生产经营地址：海口市龙华区滨海大道105号\n"
        f"认定非正常户日期：2026-0{n}-05\n主管税务机关：国家税务总局海口市龙华区税务局\n\n"
        for n in range(1, 5)
    )
    masked = mask_text(text).text
    assert "2026-01-05" in masked and "滨海大道105号" in masked


def test_a_role_word_cut_by_the_width_of_an_indented_pdf_line():
    body = "税务机关依法作出处理决定如下所述内容你公司应当于收到本决定书之日起十五日内缴清税款逾期不缴的将依法加收滞纳金"
    lines = [body[i : i + 24] for i in range(0, 72, 24)]
    indented = "  送达回证于当日由当事人委托的同住亲属即其配"[:23] + "配"
    assert len(indented) == 24 == len(lines[0])
    text = "\n".join([*lines, indented]) + "\n偶柏青云代收，签收电话略。\n"
    masked = hidden(text, "柏青云")
    assert masked.count("\n") == text.count("\n")


@pytest.mark.parametrize("name", ["LIN  Chih-Hao（林志豪）", "吐尔洪．克里木"])
def test_a_doubled_space_in_a_latin_name_and_a_full_width_period_in_a_dotted_one(name):
    text = (
        "受送达人\t证件号码\t最后已知地址\t联系电话\n"
        f"{name}\tG53697545\t海口市美兰区海府路12号椰林苑3栋801号\t13900001111\n"
    )
    masked = hidden(text, "海府路12号", "13900001111")
    assert "林志豪" not in masked and "克里木" not in masked and "Chih" not in masked
