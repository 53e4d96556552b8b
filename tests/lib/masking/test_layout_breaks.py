"""Numbers, contacts and addresses cut or hidden by layout (masker round 5, part a): a line break inside
a number in a CSV cell or a wrapped line, a landline cut inside its local number, an e-mail cut before
its dot, the phone column of a list that names persons, the address of a property 坐落于…, the place
of service in a receipt, and OCR's 丨 for a table's pipe."""

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, is_enterprise_tin15, is_valid_uscc, luhn_ok
from tests.lib.masking.helpers import hidden

PERSON_ID = "46010519800214351" + id_check_digit("46010519800214351")


def _luhn(head: str) -> str:
    """``head`` completed with its Luhn check digit."""
    return next(head + d for d in "0123456789" if luhn_ok(head + d))


CARD = _luhn("621483012345678")  # 16 digits, UnionPay
# a credit code of digits only (its check character a digit too)
DIGIT_CODE = next(
    code for n in range(100, 999) for d in "0123456789" if is_valid_uscc(code := f"91460100300012{n}{d}")
)


def test_the_examples_have_their_shapes():
    assert luhn_ok(CARD) and len(CARD) == 16
    assert DIGIT_CODE.isdigit() and is_valid_uscc(DIGIT_CODE)


# ------------------------------------------------------------------------- numbers cut by a line break


def test_an_id_number_cut_by_a_line_in_a_csv_cell():
    text = (
        "序号,单位名称,信用代码,负责人,证件号码,地址\n"
        f"3,海口海风建材有限公司,91460105MA5TGQ8X2R,岳峰,{PERSON_ID[:9]}\n{PERSON_ID[9:]},海口市龙华区滨海大道1号\n"
    )
    hidden(text, PERSON_ID[:9], PERSON_ID[9:])


def test_a_mobile_cut_by_a_line_in_the_cell_after_a_number():
    text = "姓名,证件号码,联系方式,等级\n岳峰,略,1390898\n1234,A\n冼丽," + PERSON_ID + ",13907551234,B\n"
    masked = hidden(text, "1390898", "13907551234")
    assert "\n1234," not in masked


def test_a_card_cut_by_a_line_is_a_card_with_or_without_a_bank_word():
    hidden(f"违法所得经{CARD[:9]}\n{CARD[9:]}账户转入。", CARD[:9], CARD[9:])
    hidden(f"相关款项转入{CARD[:7]}\n{CARD[7:]}后提现。", CARD[:7], CARD[7:])


def test_a_credit_code_of_digits_cut_by_a_line_stays():
    text = f"纳税人名称\n统一社会信用代码\n认定日期\n海口海风建材有限公司\n{DIGIT_CODE[:11]}\n{DIGIT_CODE[11:]}\n2026-01-04\n"
    assert f"{DIGIT_CODE[:11]}\n{DIGIT_CODE[11:]}" in mask_text(text).text


def test_amounts_and_a_date_cut_by_a_line_stay():
    text = "经多次通过电话均无法联系，2026-1\n2-10被认定为非正常户。\n单位名称,税种,欠税金额\n海风公司,增值税,25,298.91\n"
    masked = mask_text(text).text
    assert "2026-1\n2-10" in masked and "25,298.91" in masked


# --------------------------------------------------------------------------------------------- contacts


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "经营地址：海口市龙华区滨海大道1号；家庭住址：海口市美兰区海府路2号；固定电话：（0898）66\n012345\n",
            "012345",
        ),
        ("当事人岳峰，住海口市美兰区海府路2号，固定电话：66012\n345\n", "66012"),
    ],
    ids=["area code in brackets", "local number alone"],
)
def test_a_landline_cut_inside_its_local_number(text, secret):
    masked = hidden(text, secret)
    assert "0898" not in masked


def test_the_bureaus_contact_line_cut_before_its_hyphen_stays():
    text = (
        "请你于2026年1月5日到本局接受询问。\n如有疑问请与本局第一科联系，电话0898\n-66011234。\n\n"
        "国家税务总局海口市税务局第一稽查局\n2026年1月2日\n"
    )
    assert "0898\n-66011234" in mask_text(text).text


def test_an_e_mail_cut_before_its_dot():
    hidden("你的联系地址：略；电子邮箱：yuefeng1980@qq\n.com。\n", "yuefeng1980")


def test_a_number_in_a_web_address_cut_by_a_line_stays():
    text = "附件：https://hainan.chinatax.gov.cn/art\n/2026/1/13907551234.html\n"
    assert "13907551234" in mask_text(text).text


@pytest.mark.parametrize("layout", ["\t", ",", " | "], ids=["tab", "csv", "pipe"])
def test_the_phone_column_of_a_list_naming_persons_is_hidden_in_a_companys_row(layout):
    header = ["纳税人识别号", "纳税人名称", "法定代表人", "财务负责人", "联系电话", "评价年度"]
    row = ["91460105MA5TGQ8X2R", "海口海风建材有限公司", "岳峰", "冼丽", "0898-66013333", "2025"]
    text = layout.join(header) + "\n" + layout.join(row) + "\n"
    hidden(text, "66013333", "岳峰", "冼丽")


def test_a_companys_own_number_in_a_list_naming_no_person_stays():
    text = "纳税人名称\t经营地址\t联系电话\n海口海风建材有限公司\t海口市龙华区滨海大道1号\t0898-66013333\n"
    assert "0898-66013333" in mask_text(text).text


# -------------------------------------------------------------------------------------------- addresses


def test_the_address_of_a_property_standing_at_a_place():
    hidden("你将坐落于海口市美兰区海府路2号3栋401室的房产出租给海风公司作仓库使用。", "海府路2号3栋401室")


@pytest.mark.parametrize(
    "text",
    [
        "送达文书名称：《税务事项通知书》琼税通〔2026〕12号\n受送达人：岳峰\n送达地点：海口市美兰区海府路2号3栋401室\n",
        "送达文书名称：《税务事项通知书》琼税通〔2026〕12号；受送达人：岳峰；送达地点：海口市美兰区海府路2号3栋401室；"
        "送达人：冼丽。\n",
        "送达文书名称\n受送达人\n送达地点\n送达时间\n代收人\n代收理由\n送达人\n"
        "《税务事项通知书》琼税通〔2026〕12号\n岳峰\n海口市美兰区海府路2号3栋401室\n2026-01-05\n冼丽\n同住成年家属\n黎明\n"
        "《税务事项通知书》琼税通〔2026〕13号\n黎明辉\n海口市美兰区海府路2号3栋402室\n2026-01-06\n冼丽\n同住成年家属\n黎明\n",
    ],
    ids=["lines", "semicolons", "one cell a line"],
)
def test_the_place_of_service_on_a_person_is_hidden(text):
    hidden(text, "海府路2号3栋40", "岳峰")


def test_ocr_gun_strokes_read_as_a_tables_pipes():
    text = (
        "| 送达文书名称 丨 受送达人 | 送达地点 丨 送达时间 |\n"
        "| 《税务事项通知书》琼税通〔2026〕12号 | 岳峰 丨 海口市美兰区海府路2号3栋401室 | 2026-01-05 |\n"
    )
    hidden(text, "海府路2号3栋401室", "岳峰")


@pytest.mark.parametrize(
    "writing", ["898-66012345", "86-898-66012345", "86 898 66012345"], ids=["no trunk 0", "86-", "86 "]
)
def test_a_landline_whose_area_code_lost_its_trunk_zero(writing):
    hidden(f"当事人：岳峰，联系电话：{writing}。", "66012345")


# ------------------------------------------------------------------------------ rows broken over lines


WRAPPED_TABLE = (
    "纳税人名称\t纳税人识别号\t法定代表人（负责人、\n业主）姓名\t身份证件号码\t经营地点\t欠税余\n额\n"
    "海口海风建材有限公司\t91460105MA5T\nGQ8X2R\t冼丽\t"
    + PERSON_ID
    + "\t海口市龙华区滨海大\n道1号\t3,000.00元\n"
    "黎明辉\t" + PERSON_ID + "\t黎明\n辉\t" + PERSON_ID + "\t海口市美兰区海府\n路2号3栋401室\t1,200.00元\n"
)


def test_a_tab_list_wrapped_by_a_pdf_line_is_read_row_by_row():
    masked = hidden(WRAPPED_TABLE, "冼丽", "海府\n路2号3栋401室", "黎明\n辉")
    assert "91460105MA5T\nGQ8X2R" in masked and "滨海大\n道1号" in masked and "3,000.00元" in masked


def test_a_person_coded_by_an_id_number_is_a_person_whatever_the_name():
    text = (
        "| 纳税人名称 | 纳税人识别号 | 注册地址 | 信用级别 |\n|---|---|---|---|\n"
        f"| 扎西顿珠 | {PERSON_ID} | 海口市美兰区海府路2号3栋401室 | D |\n"
    )
    hidden(text, "扎西顿珠", "海府路2号")


def test_a_list_whose_first_role_column_names_a_company_keeps_its_address():
    text = (
        "受送达人\t纳税人识别号\t法定代表人\t地址\t文书名称\n"
        "海口海风建材有限公司\t91460105MA5TGQ8X2R\t冼丽\t海口市龙华区滨海大道1号\t税务事项通知书\n"
        "岳峰\t" + PERSON_ID + "\t岳峰\t海口市美兰区海府路2号3栋401室\t税务事项通知书\n"
    )
    masked = hidden(text, "冼丽", "海府路2号")
    assert "海口市龙华区滨海大道1号" in masked


def test_a_quoted_csv_cell_broken_by_a_line():
    text = (
        "纳税人名称,纳税人识别号,法定代表人或经营者,证件号码,生产经营地址,认定日期\n"
        f'岳峰,"{PERSON_ID[:8]}\n{PERSON_ID[8:]}01",岳峰,{PERSON_ID},海口市美兰区海府路2号3栋401室,2026-01-04\n'
    )
    hidden(text, "海府路2号", PERSON_ID[8:])


# ------------------------------------------------------------------------------- whose address it is


def test_the_registered_address_of_a_person_named_as_the_subject_is_hidden():
    text = (
        "纳税人名称：岳峰\n纳税人识别号："
        + PERSON_ID
        + "\n注册地址：海口市美兰区海府路2号3栋401室\n信用级别：D\n\n"
        "纳税人名称：海口海风建材有限公司\n纳税人识别号：91460105MA5TGQ8X2R\n法定代表人：冼丽\n"
        "注册地址：海口市龙华区滨海大道1号\n信用级别：D\n"
    )
    masked = hidden(text, "海府路2号")
    assert "海口市龙华区滨海大道1号" in masked


def test_a_subject_named_with_a_space_before_the_colon():
    text = "纳税人名称 :  岳峰\n法定代表人或经营者 :  岳峰\n生产经营地址 : 海口市美兰区海府路2号3栋401室\n"
    hidden(text, "海府路2号")


def test_a_two_column_table_of_a_receipt():
    text = (
        "| 项目 | 内容 |\n|---|---|\n| 受送达人 | 岳峰 |\n| 送达地点 | 海口市美兰区海府路2号3栋401室 |\n"
        "| 受送达人签名或盖章 | 岳峰 2026年1月5日 |\n"
    )
    hidden(text, "海府路2号", "岳峰")


def test_a_pipe_list_wrapped_by_a_pdf_line_with_its_rule_cut_too():
    text = (
        "| 受送达人 | 纳税人识别号 | 法定代表人（负责\n人） | 证件号码 | 地址 | 文书\n名称 |\n"
        "|---|---|---|---|---|-\n--|\n"
        "| 海口海风建材有限公司 | 91460105MA\n5TGQ8X2R | 冼\n丽 | "
        + PERSON_ID
        + " | 海口市龙华区滨海\n大道1号 |\n"
        " 税务事项通知书 |\n"
        "| 岳峰 | "
        + PERSON_ID
        + "01 | 岳峰 | "
        + PERSON_ID[:6]
        + "\n"
        + PERSON_ID[6:]
        + " | 海口市美兰区海府路\n2号3栋401室 | 税务事项通知书 |\n"
    )
    masked = hidden(text, "冼\n丽", "海府路\n2号")
    assert "海口市龙华区滨海\n大道1号" in masked and "91460105MA\n5TGQ8X2R" in masked


# an old 15-digit ID number that also passes an enterprise's old taxpayer number's check
OLD_ID_LIKE_TIN = "460105800214007"


@pytest.mark.parametrize(
    "text",
    [
        f"纳税人名称：岳峰\n纳税人识别号：{OLD_ID_LIKE_TIN}\n",
        f"当事人：岳峰，纳税人识别号：{OLD_ID_LIKE_TIN}。",
        f"岳峰（纳税人识别号：{OLD_ID_LIKE_TIN}）：\n",
    ],
    ids=["record", "running text", "addressee"],
)
def test_a_persons_old_id_under_a_taxpayer_numbers_label_is_hidden(text):
    hidden(text, OLD_ID_LIKE_TIN)


def test_a_companys_old_taxpayer_number_stays():
    assert is_enterprise_tin15(OLD_ID_LIKE_TIN)
    text = f"纳税人名称：海口海风建材有限公司\n纳税人识别号：{OLD_ID_LIKE_TIN}\n"
    assert OLD_ID_LIKE_TIN in mask_text(text).text


def test_a_number_in_brackets_after_a_person_the_bureau_served_is_the_persons():
    hidden("本局向岳峰（电话：0898-66012345）送达了税务事项通知书。", "66012345", "岳峰")
    kept = "国家税务总局海口市税务局第一税务所（地址：海口市龙华区滨海大道1号，电话：0898-66012345）"
    assert "0898-66012345" in mask_text(kept).text


def test_a_receipt_one_cell_a_line_masks_twice_the_same():
    rows = [
        ("《税务事项通知书》琼税通〔2026〕12号", "岳峰", "海口市美兰区海府路2号3栋401室", "冼丽", "黎明"),
        (
            "《税务事项通知书》琼美税通〔2026〕731号",
            "符海燕",
            "海口市美兰区海府路8号",
            "吴　宇　辉",
            "任红旗",
        ),
        (
            "《税务事项通知书》琼税通〔2026〕725号",
            "王凯怡",
            "海南省海口市美兰区滨江东路189号313室",
            "武勇",
            "史平",
        ),
    ]
    text = "税务文书送达回证\n送达文书名称\n受送达人\n送达地点\n受送达人签名或盖章\n送达时间\n代收人\n代收理由\n送达人\n"
    for title, party, place, proxy, officer in rows:
        text += f"{title}\n{party}\n{place}\n{party}\n2026-01-05\n{proxy}\n同住成年家属\n{officer}\n"
    masked = hidden(text, "海府路2号", "滨江东路189号", "王凯怡")
    assert all(title in masked for title, *_ in rows)


def test_a_card_cut_by_one_space_and_an_id_with_a_multiplication_sign():
    hidden(f"款项通过{CARD[:6]} {CARD[6:]}收取。", CARD[6:])
    id_x = next(h + "X" for i in range(100, 999) if id_check_digit(h := f"46010519800214{i}") == "X")
    hidden(f"身份证号码：{id_x[:-1]}×\n", id_x[6:14])


def test_a_spaced_credit_code_is_no_card():
    text = "统一社会信用代码：91 530103 416885754 N"
    assert is_valid_uscc("91530103416885754N")
    assert text in mask_text(text).text


def test_a_two_column_table_flattened_into_item_and_content():
    text = (
        "项目：受送达人；内容：岳峰。\n项目：送达地点；内容：海口市美兰区海府路2号3栋401室。\n"
        "项目：填发税务机关；内容：国家税务总局海口市税务局。\n"
    )
    masked = hidden(text, "海府路2号", "岳峰")
    assert "国家税务总局海口市税务局" in masked


def test_an_applicants_landline_under_the_bureaus_name_is_hidden():
    hidden("复议机关：国家税务总局海口市税务局\n申请人岳峰，电话0898-66012345。", "66012345")
    text = "被申请人：国家税务总局海口市税务局，电话0898-66011234。"
    assert "0898-66011234" in mask_text(text).text
