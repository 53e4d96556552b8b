"""Tables as other authors flatten them (issue 15, brief masker3): a web page's table text (<td> cells),
a column's header naming an identity number or a bank account, header vocabulary of social-insurance
and licence lists, a role word that is a header cell (not a label) one cell per line, and a second
pass over a masked table that finds nothing new. Every example here is written for these tests."""

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, id_shaped, is_enterprise_tin15, luhn_ok
from tests.lib.masking.helpers import hidden

PERSON_ID = "51010419770415123" + id_check_digit("51010419770415123")
# An old 15-digit ID number that also passes the check of an enterprise's old taxpayer number (region
# code + organisation code): its shape alone cannot tell, its column and row can.
OLD_ID = "510104720315107"
CARD_18 = "622848012345670006"
CARD_19 = "6217003812345678006"


def test_the_examples_have_the_shapes_they_stand_for():
    assert id_shaped(OLD_ID) and is_enterprise_tin15(OLD_ID)
    assert luhn_ok(CARD_18) and luhn_ok(CARD_19) and not id_shaped(CARD_18)


HTML_LIST = (
    "<table>\n"
    "<tr><th>序号</th><th>企业名称</th><th>统一社会信用代码</th><th>法定代表人</th><th>身份证件号码</th></tr>\n"
    "<tr><td>1</td><td>成都蓉锦茶业有限公司</td><td>91510104MA6CKQ1Y2G</td><td>和平</td>"
    f"<td>{OLD_ID}</td></tr>\n"
    "<tr><td>2</td><td>成都市锦江区冉晓梅茶社</td><td>92510104MA6DD0FW8K</td><td>冉晓梅</td>"
    f"<td>{PERSON_ID}</td></tr>\n"
    "<tr><td>3</td><td>四川岷江物流有限公司</td><td>91510104MA61XR3L2B</td><td>欧阳　青山</td>"
    "<td>E51836274</td></tr>\n"
    "</table>\n"
)


def test_a_web_pages_table_text_is_read_by_its_header():
    masked = hidden(HTML_LIST, "和平", "冉晓梅</td>", "青山", OLD_ID, PERSON_ID[6:14], "51836274")
    assert "成都蓉锦茶业有限公司" in masked and "91510104MA6CKQ1Y2G" in masked
    assert "<td>成都市锦江区冉晓梅茶社</td>" in masked  # the shop named after its owner stays


def test_an_old_id_number_under_an_identity_header_in_a_persons_row():
    text = f"受送达人\t证件号码\t文书名称\n庞飞燕\t{OLD_ID}\t税务事项通知书\n"
    hidden(text, OLD_ID[6:12])


SOCIAL_INSURANCE = (
    "缴费人 | 社会保障号码 | 险种 | 欠费金额 | 联系人 | 联系人电话 | 扣款账号\n"
    f"| 巫山月 | {OLD_ID} | 城乡居民养老保险 | 12,400.00元 | 巫山月 | 13408112231 | {CARD_19[:15]} {CARD_19[15:]} |\n"
    f"| 成都锦程物业有限公司 | 91510104MA62N9TX7D | 职工基本养老保险 | 3,200.00元 | 阮星 | 028-61234567 | — |\n"
)


def test_a_social_insurance_list_its_payer_account_and_number():
    masked = hidden(SOCIAL_INSURANCE, "巫山月", OLD_ID, CARD_19[:8], CARD_19[-4:], "阮星")
    assert "91510104MA62N9TX7D" in masked and "12,400.00元" in masked


def test_an_account_broken_over_two_lines_one_cell_a_line():
    text = (
        "姓名\n联系电话\n扣款账号\n险种\n"
        f"钟灵秀\n13608011234\n{CARD_18[:9]}\n{CARD_18[9:]}\n城乡居民医疗保险\n"
        f"邓北辰\n13908015678\n{CARD_19}\n城乡居民养老保险\n"
    )
    hidden(text, "钟灵秀", CARD_18[:9], CARD_18[9:], "邓北辰", CARD_19[4:12])


LICENCES = (
    "行政相对人名称\n统一社会信用代码\n法定代表人\n许可决定书文号\n许可内容\n有效期至\n许可机关\n"
    "成都市青羊区童春生面馆\n92510105MA6BQRF47W\n童春生\n青羊税许准〔2025〕17号\n最高开票限额十万元\n"
    "2026-03-31\n国家税务总局成都市青羊区税务局\n"
    "成都天府云谷科技有限公司\n91510105MA68W2Y13U\n柯　远\n青羊税许准〔2025〕18号\n最高开票限额一百万元\n"
    "2026年6月30日\n国家税务总局成都市青羊区税务局\n"
)


def test_a_licence_list_one_cell_a_line_and_its_header_cells():
    masked = hidden(LICENCES, "\n童春生\n", "柯")
    # 法定代表人 above 许可决定书文号 is a header cell, not a label: 许可 is no name
    assert "许可决定书文号\n许可内容" in masked and "青羊税许准〔2025〕17号" in masked
    assert "成都市青羊区童春生面馆" in masked


def test_a_masked_table_masks_the_same_twice():
    for text in (HTML_LIST, SOCIAL_INSURANCE, LICENCES):
        once = mask_text(text).text
        assert mask_text(once).text == once


MAJOR_CASES_ONE_CELL_A_LINE = (
    "纳税人名称\n统一社会信用代码\n法定代表人姓名\n法定代表人性别\n负有直接责任的财务负责人\n"
    "主要违法事实\n处罚情况\n"
    "海南椰林贸易有限公司\n91460105MA5TGQ8X2R\n符海生\n男\n云小蕾\n"
    "经查，该纳税人虚开增值税专用发票12份，金额30万元。\n处以罚款15万元\n"
    "海口椰风物业有限公司\n91460100MA5T2N3K8P\n岳峰\n女\n冼丽\n"
    "经查，该纳税人虚开增值税普通发票8份，金额12万元。\n处以罚款6万元\n"
)


def test_a_list_whose_cells_hold_sentences_goes_on_past_a_full_stop():
    masked = hidden(MAJOR_CASES_ONE_CELL_A_LINE, "符海生", "云小蕾", "岳峰", "冼丽")
    assert "\n男\n" in masked and "法定代表人性别" in masked  # 性别 is no name column


def test_a_padded_name_after_a_cell_ending_in_a_figure_and_a_character():
    text = (
        "纳税人名称          注册地址                法定代表人姓名  法定代表人性别\n"
        "海南椰林贸易有限公司  海口市龙华区滨海大道105号1203室  符  海     男\n"
    )
    masked = hidden(text, "符  海")
    assert "1203室" in masked


def test_a_phone_above_an_e_mail_one_cell_a_line_keeps_its_lines():
    text = (
        "姓名\n联系电话\n电子邮箱\n扣款账号\n"
        f"钟灵秀\n13608011 234\nlingxiu88 @ 163.com\n{CARD_18[:7]}\n{CARD_18[7:]}\n"
        f"邓北辰\n13908015678\nbeichen@qq.com\n{CARD_19}\n"
    )
    masked = hidden(text, "钟灵秀", "234", "lingxiu88", CARD_18[7:], "邓北辰")
    assert masked.count("\n") == text.count("\n")  # no mask swallows a line break
    assert mask_text(masked).text == masked


def test_a_companys_old_taxpayer_number_in_its_own_column_stays():
    text = (
        "纳税人识别号\n纳税人名称\n法定代表人\n证件号码\n认定日期\n"
        f"{OLD_ID}\n成都蓉锦茶业有限公司\n和平\n{PERSON_ID}\n2026-01-05\n"
        f"91510104MA6CKQ1Y2G\n成都锦江物流有限公司\n莫兰\n{PERSON_ID}\n2026-01-06\n"
    )
    masked = hidden(text, "和平", "莫兰", PERSON_ID[6:14])
    assert f"{OLD_ID}\n成都蓉锦茶业有限公司" in masked
