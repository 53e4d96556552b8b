"""Leak and keep classes found on an independent fifth evaluation set (issue 15, brief masker4), each
pinned on text of its own: the foreigner's permanent residence ID card, permit and passport numbers
split by a space or a PDF line break, a person's document number given as his taxpayer number (after
a label and in a table's column), a Chinese name with its romanised name in brackets as a row's
party, the bureau's closing contact block with a web address line, a place name wrapped at its
district word."""

import pytest

from sanxiang.lib.masking import STRICTEST, mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, id_shaped, is_valid_uscc
from tests.lib.masking.helpers import hidden

# 外国人永久居留身份证 (2023): 9, province 11 (Beijing), nationality 840, birth date, sequence, check
PR_CARD = "91184019761103052" + id_check_digit("91184019761103052")
PERSON_ID = "32010219870615231" + id_check_digit("32010219870615231")


def _masked(text: str) -> str:
    return mask_text(text).text


def test_a_permanent_residence_card_is_id_shaped_and_a_credit_code_is_not():
    assert id_shaped(PR_CARD)
    assert not id_shaped("999" + PR_CARD[3:])  # 99: no province has that code
    assert not id_shaped("91184019761303052" + "1")  # month 13: no birth date


@pytest.mark.parametrize(
    "written",
    [
        PR_CARD,
        f"{PR_CARD[:6]} {PR_CARD[6:14]} {PR_CARD[14:]}",
        f"{PR_CARD[:6]}-{PR_CARD[6:14]}\n-{PR_CARD[14:]}",
        f"{PR_CARD[:9]}\n{PR_CARD[9:]}",
    ],
)
def test_a_permanent_residence_card_is_hidden_however_written(written):
    hidden(f"当事人：JONES Peter Alan，证件号码：{written}；住所：略。\n", PR_CARD[6:14], PR_CARD[14:])


def test_a_credit_code_beginning_with_9_stays():
    code = "91320102MA1XK2B41D"
    assert is_valid_uscc(code)
    masked = _masked(f"纳税人名称：南京鼎盛贸易有限公司\n统一社会信用代码：{code}\n")
    assert code in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("港澳居民来往内地通行证：H6120 3398\n", "6120"),
        ("回乡证 M41207\n733051，有效期至2030年\n", "41207"),
        ("序号\t姓名\t证件号码\n1\t区国强\tH3087 112604\n", "3087"),
    ],
)
def test_a_hong_kong_or_macao_permit_split_by_a_space_or_a_line_break_ishidden(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("经查，你的护照号码为K30\n5518274，入境后", ("5518274",)),
        ("护照号：PE7731\n062，签发地：曼谷", ("PE7731", "7731")),
        ("（护照号码：XQ\n551 8302）", ("8302", "551")),
        ("台胞证号码：712 30985，系你单位员工", ("30985",)),
    ],
)
def test_a_document_number_broken_after_its_label_ishidden(text, secrets):
    hidden(text, *secrets)


def test_a_document_number_under_a_label_keeps_the_next_datum_apart():
    masked = _masked("护照号码：E58213370，发票号码：12345678\n")
    assert "E58213370" not in masked and "12345678" in masked


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("纳税人名称：NGUYEN Van Minh；纳税人识别号：C77104825；经营地点：略\n", "77104825"),
        ("纳税人名称：周文杰；纳\n税人识别号：20518837；欠税余额：300元\n", "20518837"),
    ],
)
def test_a_short_number_given_as_a_taxpayer_number_is_a_persons_document(text, secret):
    hidden(text, secret)


def test_a_companys_taxpayer_number_after_its_label_stays():
    masked = _masked("纳税人名称：杭州恒远科技有限公司；纳税人识别号：91330106679371846K；\n")
    assert "91330106679371846K" in masked


def test_a_persons_number_under_the_taxpayer_column_is_hidden_in_his_row():
    text = (
        "纳税人名称\t纳税人识别号\t法定代表人\t证件号码\t注册地址\n"
        "林志豪（LAM Chi Ho）\t30917724\t林志豪（LAM Chi Ho）\t３０９１７７２４\t越秀区东风路8号\n"
        "KOVACS Anna\tRB5520917\tKOVACS Anna\tRB5520 917\t西湖区文二路3号\n"
        "杭州恒远科技有限公司\t91330106679371846K\t赵某\t略\t西湖区文一路9号\n"
    )
    masked = hidden(text, "30917724", "RB5520917", "RB5520 917", "志豪", "KOVACS")
    assert "91330106679371846K" in masked


def test_the_bureaus_address_stays_above_a_web_address_line():
    text = (
        "兰州宏图商贸有限公司（纳税人识别号：91330106679371846K）：\n（地址：七里河区建兰路9号；"
        "法定代表人：KIM Min Jun，证件号码（护照）：M12345678）\n经查，你公司少缴税款1000元。\n\n"
        "联系地址：甘肃省兰州市城关区金城路12号办税服务厅\n"
        "联系电话：0931-8123456\n"
        "网址：https://gansu.chinatax.gov.cn\n\n"
        "国家税务总局兰州市城关区税务局\n2026年3月2日\n"
    )
    masked = hidden(text, "12345678", "KIM")
    assert "城关区金城路12号办税服务厅" in masked


def test_a_number_in_a_wrapped_sentence_above_the_closing_block_ishidden():
    text = (
        "请按时到达。你登记的联系电话为\n"
        "0931-2233445，电子邮箱如有变更请告知。\n\n"
        "办公地址：城关区庆阳路1号\n联系电话：12366\n\n"
        "国家税务总局兰州市城关区税务局\n"
    )
    hidden(text, "2233445")


def test_a_place_name_wrapped_before_its_district_word_is_no_owners_name():
    text = (
        "名单如下：\n"
        "| 名称 | 业主 | 经营地点 |\n"
        "| 兰州市七里河区马兰花面馆（个体工商户） | 马兰花 | 兰州市七里\n河区西津路5号 |\n"
        "| 兰州市城关区丁记商店 | 丁宏 | 甘肃省兰州市七里河区西津东路8号 |\n"
        "马兰花经营期间未申报。\n"
    )
    masked = _masked(text)
    assert "七里河区西津东路8号" in masked and "马兰花经营" not in masked


def test_dates_in_a_key_value_record_under_an_identity_label_stay():
    # (a record of label-tab-value lines reads as a two-column table whose header is its first line)
    text = (
        "行政相对人名称\t郑雅琴\n行政相对人类别\t自然人\n证件类型\t身份证\n"
        f"证件号码\t{PERSON_ID}\n处罚决定日期\t2026-03-09\n公示截止期\t2027-03-09\n"
    )
    masked = mask_text(text, policy=STRICTEST).text
    assert "2026-03-09" in masked and "2027-03-09" in masked and PERSON_ID[6:14] not in masked


# ------------------------------------------------------------------------- names: aliases, addressees


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("法定代表人：何国梁（HO Kwok\nLeung），联系电话略。\n", ("Kwok", "Leung")),
        ("经查，会计邓美仪（TANG Mei Yee）负责登记账簿。\n", ("TANG", "Mei Yee")),
        ("将其房产出售给NAKAMURA Kenji（中村健二），成交价80万元。\n", ("中村健二", "NAKAMURA")),
    ],
)
def test_a_persons_other_name_in_brackets_is_hidden_with_him(text, secrets):
    hidden(text, *secrets)


@pytest.mark.parametrize(
    "text",
    [
        "业主：黄志强（个体工商户）经营期间\n",
        "代收人：李秀英（社区工作人员）\n",
        "委托代理人：周建平（律师），联系电话略。\n",
    ],
)
def test_a_role_in_brackets_after_a_name_stays(text):
    inside = text[text.index("（") + 1 : text.index("）")]
    assert f"（{inside}）" in _masked(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("兰税稽罚〔2026〕77号\n\n旦增曲珍：\n（居民身份证号码：略）\n经查，你于2025年", "旦增曲珍"),
        ("兰税稽罚〔2026〕78号\n\nSILVA Ana Maria：\n（护照号码：略）\n经查，你于2025年", "SILVA"),
        ("兰税稽罚〔2026〕79号\n\n孙北京（证件号码：略）：\n经查，你于2025年", "孙北京"),
    ],
)
def test_the_addressee_under_the_number_is_hidden_whatever_his_name(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("代收人代收理由、签名或盖章：受送达人外出，由其同住成年兄弟代收 魏长青\n见证人签名：略\n", "长青"),
        ("<td>代收人签名</td><td>受送达人住院，由其母亲代收 欧阳春</td>", "阳春"),
        ("代收理由：外出务工；其妻子代收　黎　秀　英\n", "秀"),
    ],
)
def test_a_name_signed_on_the_addressees_behalf_ishidden(text, secret):
    hidden(text, secret)


def test_a_thing_received_on_someones_behalf_is_no_name():
    masked = _masked("税款由银行代收，代收理由、签名或盖章：\n")
    assert "代收理由" in masked and "银行代收" in masked


@pytest.mark.parametrize(
    "text",
    ["送达时在场：郝丽萍（居委会工作人员，电话略）\n", "<td>在场</td><td>韦国庆（小区管理人员）</td>\n"],
)
def test_a_witness_named_before_his_post_in_brackets_ishidden(text):
    hidden(text, text[text.index("（") - 2 : text.index("（")])


# ------------------------------------------------------------------------------------ home addresses


def test_the_place_of_an_inspection_of_a_person_is_his_home():
    text = (
        "税务检查通知书\n吕振宇：\n（居民身份证号码：略）\n根据规定，我局派员于2026年4月1日起对你的纳税情况进行检查。\n"
        "检查地点：兰州市安宁区银滩路66号银河小区3栋2单元502室\n"
    )
    hidden(text, "银河小区3栋2单元502室")


def test_the_place_of_an_inspection_of_a_company_stays():
    text = (
        "税务检查通知书\n兰州宏图商贸有限公司：\n（纳税人识别号：91330106679371846K）\n"
        "根据规定，我局派员于2026年4月1日起对你公司进行检查。\n检查地点：兰州市安宁区银滩路66号宏图大厦一楼\n"
    )
    assert "银滩路66号宏图大厦一楼" in _masked(text)


def test_a_dwelling_introduced_by_juso_wei_is_a_home_address():
    hidden("经查，你在中国境内的居所为兰州市城关区雁南路18号雁园小区7栋402室。\n", "雁园小区7栋402室")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("委托代理人：Søren JØRGENSEN，电话略。\n", "JØRGENSEN"),
        ("申请人：José GARCÍA，男，护照号码略。\n", "GARCÍA"),
    ],
)
def test_a_latin_name_with_european_letters_ishidden(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("委托代理人：尼玛，公民身份号码略。\n", "尼玛"),
        ("（法定代表人：巴桑）提出的听证申请\n", "巴桑"),
    ],
)
def test_a_two_character_name_without_surname_as_a_roles_whole_value_ishidden(text, secret):
    hidden(text, secret)


def test_a_placeholder_as_a_roles_value_stays():
    masked = _masked("法定代表人：同上；委托代理人：暂无。\n")
    assert "同上" in masked and "暂无" in masked
