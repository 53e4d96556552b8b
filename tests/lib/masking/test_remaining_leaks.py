"""The masker's remaining leak classes (issue 15, brief masker2), each pinned on text of its own:
港澳台 numbers, an individual's taxpayer number as ID + suffix, private landlines and whose block they
stand in, persons' addresses under ambiguous labels, unusual e-mail writings, names in narrative."""

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, id_shaped, is_valid_id

PERSON_ID = "44010419850312123" + id_check_digit("44010419850312123")
HK_PERMIT = "81000019900101123" + id_check_digit("81000019900101123")  # 港澳台居民居住证, Hong Kong
TW_PERMIT = "83000019781224004" + id_check_digit("83000019781224004")  # … Taiwan


def _hidden(text: str, *secrets: str) -> None:
    masked = mask_text(text).text
    for secret in secrets:
        assert secret not in masked, (secret, masked)


# ------------------------------------------------------------------------------------- 港澳台 numbers


def test_a_residence_permit_number_is_an_id_number():
    assert id_shaped(HK_PERMIT) and is_valid_id(TW_PERMIT)
    assert not id_shaped("820000" + "123456789012")  # the prefix alone is not enough: a birth date


@pytest.mark.parametrize(
    "text",
    [
        f"居住证号码 {HK_PERMIT}\n",
        f"经查，曹立（{TW_PERMIT}）于2025年取得劳务报酬",  # no label: the format is distinctive
        f"另查明，谢铭，{HK_PERMIT} 系其合伙人。",
        f"序号\n姓名\n证件类型\n证件号码\n1\n曹立\n港澳台居民居住证\n{TW_PERMIT}\n2026年1月4日\n",
    ],
)
def test_residence_permits_are_hidden_anywhere(text):
    number = HK_PERMIT if HK_PERMIT in text else TW_PERMIT
    _hidden(text, number[6:14])


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("台湾居民来往大陆通行证⏎2523718991(D)⏎".replace("⏎", "\n"), "2523718991"),
        ("台胞证号码：1234567890（B）", "1234567890"),
        ("港澳居民来往内地通行证号码：H0381896712", "038189671"),
        ("回乡证号码 M03818967", "038189"),
        ("澳门居民身份证号码：5169604(0)", "516960"),
        ("香港居民身份证号码：A221636(9)", "22163"),
    ],
)
def test_permits_and_identity_cards_of_hong_kong_macao_taiwan(text, secret):
    _hidden(text, secret)


# ------------------------------------------------------------------------ taxpayer number ID + suffix


@pytest.mark.parametrize(
    "written",
    [
        f"{PERSON_ID}01",
        f"{PERSON_ID}-01",
        f"{PERSON_ID} 02",
        f"{PERSON_ID}（11）",
        f"{PERSON_ID}\n03",  # wrapped in a one-cell-a-line list: a leading zero is no row number
        f"{TW_PERMIT}01",  # a 港澳台 resident's taxpayer number
    ],
)
def test_the_whole_taxpayer_number_is_hidden(written):
    masked = mask_text(f"纳税人识别号\n{written}\n欠税金额\n1,234.50\n").text
    assert sum(ch.isdigit() for ch in masked.split("欠税金额")[0]) == 0, masked
    assert "1,234.50" in masked


def test_a_row_number_after_an_id_number_stays():
    text = f"序号\n姓名\n身份证号码\n1\n张立\n{PERSON_ID}\n12\n李华\n"
    assert "\n12\n" in mask_text(text).text


def test_a_credit_code_under_a_generic_number_header_stays():
    masked = mask_text("纳税人名称：曲靖宏达建材有限公司\n证件号码：913101049443934110\n").text
    assert "913101049443934110" in masked
    _hidden(f"姓名：张立\n证件号码：{PERSON_ID}\n", PERSON_ID[6:14])


# ----------------------------------------------------------------------------------- private landlines


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("联系电话：+86-571-87654321\n", "87654321"),
        ("固定电话：+86 551 54087462\n", "54087462"),
        ("证人邬红（住宅电话0086 871 46040873）证实了上述事实。", "46040873"),
        ("你的邻居房梦燕，电话：0086-20-6941-8078，证实了上述事实。", "6941"),
        ("座机：0871-\n37987439\n", "37987439"),  # broken after the area code's hyphen
        ("配偶张立（联系电话：0730-2569\n5714）证实", "2569"),  # … or inside the local number
        ("座机：87360312\n", "87360312"),  # a local number without its area code
        ("委托代理人：金安，联系电话：6809 2434\n", "6809"),
        ("电话 7057-2586\n", "7057"),
        ("当事人：张三，电话：0571-87654321-808，0571-87654321转808。", "87654321"),
    ],
)
def test_private_landlines_in_every_writing(text, secret):
    _hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "序号\t姓名\t联系电话\t文书名称\n1\t翁明\t42630356\t税务事项通知书\n",
        "序号 | 姓名 | 联系电话 | 文书名称\n1 | 翁明 | 4263-0356 | 税务事项通知书\n",
        "序号\n姓名\n联系电话\n文书名称\n1\n翁明\n42630356\n税务事项通知书\n",
        # a record of a list after the notice's body (姓名：…⏎联系电话：…) is the person's, not the bureau's
        "国家税务总局历下区税务局\n送达公告\n    下列纳税人经电话联系未果，现予公告送达：\n\n"
        "序号：2\n姓名：宗婧彦\n联系电话：0531-42630356 分机458\n文书名称：税务事项通知书\n",
    ],
)
def test_a_phone_in_a_persons_row_or_record_is_private(text):
    _hidden(text, "4263")


@pytest.mark.parametrize(
    ("text", "public"),
    [
        (
            "当事人：张三\n联系电话：0571-87654321\n    你于2025年未申报。\n\n联系人：李四\n联系电话：0571-86001234\n"
            "国家税务总局杭州市西湖区税务局\n2025年1月2日\n",
            "0571-86001234",
        ),
        ("序号\t单位\t电话\n1\t国家税务总局西湖区税务局办税服务厅\t0571-86001234\n", "0571-86001234"),
        ("证人王五（联系电话：+86-571-87654321）证实。纳税服务热线：12366。", "12366"),
        ("国家税务总局杭州市西湖区税务局 咨询电话：(0571)8600 1234", "(0571)8600 1234"),
        ("发票代码：033001900111 发票号码：87654321", "87654321"),
    ],
)
def test_the_authoritys_own_numbers_and_invoice_numbers_stay(text, public):
    assert public in mask_text(text).text


# ------------------------------------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("电子邮箱：liuyang4010[at]sina.com\n", "iuyang4010"),
        ("个人邮箱 zhangwei9917(at)163.com\n", "hangwei9917"),
        ("电子邮箱：liuyang7430 at sina dot com\n", "iuyang7430"),
        ("邮箱：wangfang88#126.com\n", "angfang88"),
        ("邮箱：ZHANG.WEI@163.COM；", "HANG.WEI"),
        ("电子送达地址：lihua7629@\nfoxmail.com\n", "ihua7629"),  # broken after the @
        ("E-mail：liuya\nng9740@qq.com\n", "iuya"),  # … or inside the local part
        ("邮箱：hz8683 ＠ 126.com\n", "z8683"),
    ],
)
def test_e_mail_in_unusual_writings(text, secret):
    _hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("本局邮箱：zjtax(at)chinatax.gov.cn", "zjtax(at)chinatax.gov.cn"),
        ("3#楼 B#101室", "3#楼 B#101室"),
        ("邮编 310000 at 杭州", "310000 at 杭州"),
    ],
)
def test_public_mail_and_lookalikes_stay(text, public):
    assert public in mask_text(text).text
