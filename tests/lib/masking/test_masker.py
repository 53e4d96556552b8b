"""Table-driven cases for ``mask_text``: what must be hidden and what must stay."""

import pytest
from stdnum.cn import uscc

from sanxiang.lib.masking import (
    STRICTEST,
    Category,
    FieldType,
    SubjectType,
    default_policy,
    mask_text,
)

VALID_ID = "110101199003071233"
OLD_ID = "110101900307123"
VALID_CARD = "6222021903001234567"  # passes Luhn


def _both_valid_number() -> str:
    """An all-digit 18-character number that passes both the ID and the USCC check."""
    for seq in range(1000):
        body = f"11010119900307{seq:03d}"
        from sanxiang.lib.masking.idcodes import id_check_digit

        number = body + id_check_digit(body)
        if number[-1] != "X" and uscc.is_valid(number):
            return number
    raise AssertionError("no number passes both checks")


@pytest.mark.parametrize(
    ("text", "secret", "kind"),
    [
        (f"当事人：张三，身份证号码：{VALID_ID}。", VALID_ID, "id_number"),
        (f"号码{VALID_ID}已登记", VALID_ID, "id_number"),
        ("身份证110101199003071234（校验位错误）", "110101199003071234", "id_number"),
        ("编号110101199003071234", "110101199003071234", "id_number"),  # ID-shaped, wrong checksum
        (f"其旧身份证{OLD_ID}", OLD_ID, "id_number"),
        (f"登记号码{OLD_ID}", OLD_ID, "id_number"),
        ("联系电话：13812345678", "13812345678", "phone"),
        ("手机138-1234-5678", "138-1234-5678", "phone"),
        ("电话：+86 13812345678", "13812345678", "phone"),
        ("住宅电话0731-88886666", "0731-88886666", "phone"),
        ("联系电话：88886666", "88886666", "phone"),
        (f"通过其个人银行卡{VALID_CARD}收款", VALID_CARD, "bank_account"),
        ("开户行：中国工商银行长沙分行，账号：430501783608000012", "430501783608000012", "bank_account"),
        ("账号：6222 0219 0300 1234 567", "6222 0219 0300 1234 567", "bank_account"),
        ("电子邮箱：zhangsan88@qq.com", "zhangsan88@qq.com", "email"),
        (
            "家庭住址：湖南省长沙市岳麓区麓山南路88号3栋501室",
            "湖南省长沙市岳麓区麓山南路88号3栋501室",
            "home_address",
        ),
        ("当事人：李四，男，住所：长沙市天心区书院路9号2栋", "长沙市天心区书院路9号2栋", "home_address"),
        ("护照号码E12345678", "E12345678", "travel_document"),
        ("港澳通行证C12345678", "C12345678", "travel_document"),
        ("法定代表人：王小明", "王小明", "representative_name"),
        ("法定代表人（负责人）：欧阳娜娜，", "欧阳娜娜", "representative_name"),
        ("办税人张治淇在系统中备案", "张治淇", "third_party_name"),
        ("购票人肖双喜备案的电话", "肖双喜", "third_party_name"),
        ("经与刘洋先生联系", "刘洋", "third_party_name"),
        ("证人陈静，女，1980年出生", "陈静", "third_party_name"),
        ("赵敏（系你公司财务负责人）", "赵敏", "third_party_name"),
        ("股东张三、李四均", "李四", "third_party_name"),
        ("执法人员：吴芳、姚华亮", "姚华亮", "official_name"),
        ("上述款项由孙霞负责转账", "孙霞", "third_party_name"),
    ],
)
def test_it_hides_personal_data(text, secret, kind):
    result = mask_text(text)
    assert secret not in result.text
    start = text.index(secret)
    assert any(s.start <= start and s.end >= start + len(secret) and s.kind == kind for s in result.spans)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("统一社会信用代码：91110000600037341L", "91110000600037341L"),
        ("纳税人识别号：91451202MAK718N46N", "91451202MAK718N46N"),
        ("京税稽罚〔2024〕12号", "京税稽罚〔2024〕12号"),
        ("根据《中华人民共和国税收征收管理法》第六十三条第一款", "第六十三条第一款"),
        ("罚款1,736,519.42元，少缴税款5935324.79元", "5935324.79"),
        ("于2024年3月1日", "2024年3月1日"),
        ("如有疑问，请拨打12366。", "12366"),
        ("国家税务总局长沙市税务局稽查局联系电话：0731-84567890", "0731-84567890"),
        ("经营地址：长沙市岳麓区麓山路1号", "长沙市岳麓区麓山路1号"),
        ("长沙某某商贸有限公司，住所：长沙市开福区三一大道9号", "长沙市开福区三一大道9号"),
        ("你公司（地址：河池市金城江区明月路21号幸福嘉园6栋2-108号）", "河池市金城江区明月路21号"),
        ("发票代码：5200193130，发票号码：02614748", "02614748"),
        ("数电发票号码24442000000012345678", "24442000000012345678"),
        ("来函请寄 shuiwu@hunan.chinatax.gov.cn", "shuiwu@hunan.chinatax.gov.cn"),
        ("当事人：张伟便利店（个体工商户）", "张伟便利店"),
        ("当事人不服本决定的，可以申请行政复议", "当事人不服本决定"),
        ("当事人陈述申辩的权利", "当事人陈述申辩"),
        ("你公司法定代表人、财务负责人均无法联系", "财务负责人均无法联系"),
        ("纳税人应当自收到本决定书之日起十五日内缴纳", "纳税人应当自收到"),
    ],
)
def test_it_keeps_public_information(text, kept):
    result = mask_text(text)
    assert kept in result.text
    assert result.spans == () or all(text[s.start : s.end] not in kept for s in result.spans)


def test_it_masks_a_known_name_alone_but_not_inside_a_shop_or_company_name():
    text = "经营者张伟在张伟便利店收款，长沙张伟商贸有限公司与张伟无关，张伟在某某有限公司任职。"
    result = mask_text(text, known_names=["张伟"])
    assert result.text == "经营者**在张伟便利店收款，长沙张伟商贸有限公司与**无关，**在某某有限公司任职。"
    assert {s.kind for s in result.spans} == {"person_name"}


def test_it_masks_a_name_found_by_a_trigger_wherever_else_it_stands():
    text = "办税人王建华于2024年离职。经查，王建华仍持有公章。"
    assert mask_text(text).text == "办税人***于2024年离职。经查，***仍持有公章。"


def test_it_uses_the_kind_given_with_a_known_name():
    text = "经查，周杰在账簿上多列支出。"
    result = mask_text(text, known_names={"周杰": FieldType.REPRESENTATIVE_NAME})
    assert [s.kind for s in result.spans] == ["representative_name"]


def test_it_keeps_public_phones_and_gov_mail_passed_in_and_hides_others():
    text = "举报电话0731-85551234，邮箱jubao@example.com，经办人电话0731-85559999"
    result = mask_text(text, public_phones=["0731-85551234"], public_emails=["jubao@example.com"])
    assert "0731-85551234" in result.text and "jubao@example.com" in result.text
    assert "0731-85559999" not in result.text


def test_it_calls_an_id_a_number_that_passes_both_the_id_and_the_uscc_check():
    number = _both_valid_number()
    for text in (f"纳税人识别号：{number}", f"身份证号码：{number}", f"号码{number}"):
        assert number not in mask_text(text).text, text


def test_it_keeps_a_uscc_that_is_id_shaped_but_fails_the_id_checksum():
    for seq in range(1000):
        body = f"11010119900307{seq:03d}"
        number = body + uscc.calc_check_digit(body + "0")
        from sanxiang.lib.masking.idcodes import id_checksum_ok

        if number[-1].isdigit() and uscc.is_valid(number) and not id_checksum_ok(number):
            break
    assert mask_text(f"统一社会信用代码：{number}").text.endswith(number)
    assert number not in mask_text(f"身份证号码：{number}").text  # explicit context wins


def test_it_applies_the_policy_to_free_text():
    text = f"当事人：张三，身份证号码：{VALID_ID}，联系电话：13812345678，经与李四女士核实。"
    row = default_policy(Category.PENALTY_DECISION, SubjectType.NATURAL_PERSON)
    result = mask_text(text, policy=row, known_names=["张三"])
    assert (
        result.text == "当事人：张三，身份证号码：110101********1233，联系电话：***********，经与**女士核实。"
    )
    strict = mask_text(text, policy=STRICTEST, known_names=["张三"])
    assert "张三" not in strict.text and "110101" not in strict.text


def test_it_reports_spans_in_original_coordinates():
    text = f"电话13812345678，身份证{VALID_ID}"
    result = mask_text(text)
    assert [(text[s.start : s.end], s.kind, s.original_len) for s in result.spans] == [
        ("13812345678", "phone", 11),
        (VALID_ID, "id_number", 18),
    ]
    assert all(len(s.replacement) == s.original_len for s in result.spans)


def test_it_leaves_text_without_personal_data_unchanged():
    text = "根据《中华人民共和国税收征收管理法》第六十三条的规定，处以罚款1,000.00元。"
    result = mask_text(text)
    assert result.text == text and result.spans == ()
