"""Kinds of leak and of lost public fact found on the independent evaluation set (tests/eval/masking),
each pinned here on text of its own (no string of that set)."""

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, is_enterprise_tin15, is_valid_org_code

PERSON_ID = "33010619850312123" + id_check_digit("33010619850312123")


def _tin15() -> str:
    """An enterprise's old 15-digit taxpayer number whose digits also read as an old ID number."""
    for check in "0123456789":
        code = "80052233" + check
        if is_valid_org_code(code):
            return "330106" + code
    raise AssertionError("no check digit")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("经营者：白中华\n许可决定日期：2026年1月5日", "中华"),  # a label's value that is also a word
        ("法定代表人（负责人）：蒋和平\n身份证件号码：****", "和平"),
        ("法定代表人黎中华、财务负责人某某无法联系", "中华"),  # a given name ending at a boundary
        ("行政相对人名称\t石杰\n行政相对人类别\t自然人", "石杰"),
        ("通过个人银行账户（户名：温新，账号：6222）收取", "温新"),
        ("法定代表人或負責人姓名：陳國華\n居民身份證號碼：***", "國華"),  # traditional characters
        ("個人姓名：歐陽靜；", "靜"),
        ("法定代表人：呼延荣\n住所：***", "延荣"),  # 呼 is simplified: not read as 唿
        ("委托代理人：热合曼·阿不都拉，某律师事务所律师", "阿不都拉"),
        ("转出给JOHN SMITH等个人银行账户", "SMITH"),  # a foreigner's name in capitals
        ("从业人员MARIA GARCIA）", "GARCIA"),
        ("李某，住浙江省杭州市上城区解放路88号5幢201室，系当事人之子。", "解放路88号"),
        ("随即转出给独孤秀、张家明、李红等个人银行账户", "孤秀"),  # a name listed with names found
        ("询问笔录；5.林邦国、**、***三人的", "邦国"),  # … or with names masked already
    ],
)
def test_it_hides(text, secret):
    assert secret not in mask_text(text).text


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("纳税人名称：杭州启航房地产开发有限责任公司\n", "杭州启航房地产开发有限责任公司"),
        ("纳税人名称：乌鲁木齐市天山区春华理发店\n", "乌鲁木齐市天山区春华理发店"),
        (f"纳税人识别号：{_tin15()}\n", _tin15()),  # an enterprise's 15-digit TIN, ID-shaped
        (f"身份证号码\t{PERSON_ID}\t12,345.60\n", "12,345.60"),  # an amount in the next cell
        ("转入ABC TRADING CO LTD账户", "ABC TRADING CO LTD"),
    ],
)
def test_it_keeps(text, public):
    assert public in mask_text(text).text


@pytest.mark.parametrize(
    "text",
    [
        "当事人：王某某\n身份证件号码：420106********5556\n纳税人识别号：XXX\n",
        "委托代理人：李某；证人：张某某；财务负责人：王*明",
    ],
)
def test_text_masked_by_the_bureau_stays_as_it_is(text):
    assert mask_text(text).text == text


NOTICE = (
    "国家税务总局杭州市西湖区税务局\n税务事项通知书\n"
    "当事人：钱塘辉\n联系电话：0571-88886666\n住所：杭州市西湖区灵隐路5号\n"
    "你于2025年3月未按期申报，请于十五日内办理。\n"
    "联系人：李明\n联系电话：0571-87654321\n联系地址：杭州市西湖区文三路1号\n"
    "国家税务总局杭州市西湖区税务局\n2025年4月1日\n"
)


def test_a_notice_keeps_the_bureaus_closing_contact_and_hides_the_partys():
    masked = mask_text(NOTICE).text
    assert "0571-87654321" in masked
    assert "杭州市西湖区文三路1号" in masked
    assert "88886666" not in masked
    assert "灵隐路5号" not in masked


def test_a_contact_person_of_the_party_in_a_closing_line_is_still_personal():
    text = "请于十五日内办理。\n你单位财务负责人钱塘辉，联系电话：0571-88886666\n"
    assert "88886666" not in mask_text(text).text


def test_an_enterprise_tin15_is_told_from_an_old_id_by_its_organisation_code():
    assert is_enterprise_tin15(_tin15())
    assert not is_enterprise_tin15(_tin15()[:-1] + str((int(_tin15()[-1]) + 1) % 10))


def test_an_account_the_bureau_masked_only_in_its_last_digits_is_masked_further():
    # Fifteen digits left in clear expose the account; the published forms show at most 6 + 4.
    text = "经查询你公司账号：中国工商银行210217460930004****，银行流水显示"
    assert "210217460930004" not in mask_text(text).text


def test_a_name_wrapped_over_a_line_break_by_the_extractor_is_hidden_whole():
    text = "经查，该公司在2019年期间通过银行转账方式向该公司时任财务负责人李光\n健转款229,958.00元。"
    masked = mask_text(text).text
    assert "光" not in masked and "\n*转款" in masked


def test_a_short_line_ending_in_a_two_character_name_is_not_taken_as_wrapped():
    text = "法定代表人：李光\n健康证明：有\n"
    assert "健康证明" in mask_text(text).text


SHOP_RECORD = (
    "纳税人名称：杭州市西湖区钱塘辉便利店\n纳税人识别号：92330106MA2KX0Y04L\n"
    "业主姓名：钱塘辉\n经营地点：杭州市西湖区灵隐路5号\n欠税税种：增值税\n"
)
SHOP_ROW = (
    "纳税人名称\t纳税人识别号\t负责人\t经营地点\t欠税税种\n"
    "杭州市西湖区钱塘辉便利店\t92330106MA2KX0Y04L\t钱塘辉\t杭州市西湖区灵隐路5号\t增值税\n"
)


@pytest.mark.parametrize("text", [SHOP_RECORD, SHOP_ROW])
def test_an_individual_business_address_follows_the_setting(text):
    # 欠税公告办法第五条 publishes it (RULES.md §2A, 🟡): shown by default, hidden when switched off.
    assert "灵隐路5号" in mask_text(text).text
    hidden = mask_text(text, individual_business_address=False).text
    assert "灵隐路5号" not in hidden
    assert "杭州市西湖区钱塘辉便利店" in hidden  # the shop's name is still published


def test_a_company_address_stays_whatever_the_setting():
    text = "纳税人名称\t纳税人识别号\t经营地点\n杭州永兴贸易有限公司\t91330106MA2KX0Y04L\t杭州市西湖区文二路5号\n"
    assert "文二路5号" in mask_text(text, individual_business_address=False).text


def test_a_food_stall_named_after_its_owner_is_an_organisation_name():
    text = "業戶名稱：廈門市思明區林阿明海鮮排檔；業主姓名：林阿明；經營地點：廈門市思明區中山路88號；"
    masked = mask_text(text).text
    assert "廈門市思明區林阿明海鮮排檔" in masked
    assert "中山路88號" in masked
    assert "業主姓名：林阿明" not in masked


def test_an_address_given_after_the_bureaus_name_is_the_bureaus():
    text = (
        "当事人：李四，联系电话：0731-84561111。\n"
        "国家税务总局长沙市税务局第一稽查局（地址：长沙市芙蓉区五一大道1号，电话：0731-85551234）\n"
        "本决定自送达之日起生效。\n"
    )
    masked = mask_text(text).text
    assert "五一大道1号" in masked and "84561111" not in masked
