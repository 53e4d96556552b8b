"""Round 13, phones: a person's landline however it is written or labelled (4-3 grouped, a bracket cut by a
line break, a spare or home line, under the recipient of a service-address form), a mobile whose first
three digits are bracketed like an area code, a phone in which OCR read digits as letters, and the
bureau's own contact kept. Every example here is written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from tests.lib.masking.helpers import hidden


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("经查，你店将门面转租给柯文涛（电话0898 6523 417）经营。", "6523 417"),
        ("出纳员符雅琴（联系电话：0898-6687\n213）负责收款。", "6687"),
        ("会计覃丽娜（联系电话：（\n0898）6623418）。经查，该款项未入账。", "6623418"),
        ("签收人：冯晓东  手机：13807561234  家庭电话：0898-65231199", "65231199"),
        ("收件人：骆晓兰  联系电话：13807569876  备用电话：０８９８－６５２３１１８８", "６５２３１１８８"),
    ],
)
def test_a_persons_landline(text, secret):
    hidden(text, secret)


def test_the_recipient_of_an_organisations_service_address_form():
    text = (
        "送达地址确认书\n受送达人：海口椰风物业有限公司\n送达地址：海口市龙华区滨海大道105号\n"
        "收件人：吴晓波\n联系电话：0898-6652378\n电子邮箱：wxb@example.com\n"
    )
    hidden(text, "6652378", "吴晓波")


def test_a_bracket_a_width_cut_sent_to_the_next_line_is_the_persons():
    text = (
        "经查，你公司法定代表人林国栋，财务负责人钟美玲，办税员何家辉\n"
        "（联系电话：0898-6671234）。你公司未按期申报。\n"
    )
    hidden(text, "6671234")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("将铺面出租给邝子健（承租人，电话(139)76543210）经营。", "76543210"),
        ("将铺面出租给邝子健（承租人，电话(186\n)76543211）经营。", "76543211"),
        ("证人邓美霞（手机：（135）7654 3212）证实。", "7654 3212"),
    ],
)
def test_a_mobile_with_its_first_digits_in_brackets(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("当事人黎振华，手机：137 6612 3O45。", "3O45"),
        ("当事人黎振华，手机：l37-6612-3045。", "6612"),
        ("当事人黎振华，手机：137661\n23O45，地址见上。", "23O45"),
        ("代收人：黎振华（电话：(O898)66123456）", "66123456"),
        ("| 黎振华 | O898-66123457转123 | 2025 |", "66123457"),
    ],
)
def test_a_phone_with_look_alike_letters(text, secret):
    hidden(text, secret)


def test_the_bureaus_contact_lines_stay():
    text = (
        "请于收到本通知之日起十五日内到本局办理。\n"
        "联系人：高明  联系电话：0898-65301234\n"
        "纳税服务热线：12366\n\n国家税务总局海口市税务局\n2026年5月6日\n"
    )
    masked = mask_text(text).text
    assert "0898-65301234" in masked and "12366" in masked


def test_an_invoice_code_in_groups_is_no_phone():
    text = "发票代码 1440 2312 3456，发票号码 0123 4567，金额 1234 567 元。"
    assert mask_text(text).text == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "特此通知。\n2026年4月2日\n本局地址：海口市龙华区金贸路18号\n联系人：符志强（执法证号：46012345678）\n"
            "联系电话：0898-6652001\n\n税务文书送达回证\n受送达人：王明\n"
            "签收情况：代收人：王海，身份证号码：460100198001010012，电话 13800001111。\n",
            ["0898-6652001", "金贸路18号"],
        ),
        (
            "2026年4月2日\n税务机关地址：海口市美兰区海甸路6号  联系人：陈家豪（执法证\n号：46087654321）  "
            "电话：0898-6652002\n\n税务文书送达回证\n",
            ["0898-6652002"],
        ),
        (
            "逾期不提出，视为放弃听证权利。\n听证联系人：林美玉，联系电话：0898-66520033\n"
            "你单位委托代理人黄志明（律师执业证号：14601201911111111）已提交授权委托书。\n",
            ["0898-66520033"],
        ),
        (
            "序号：2，纳税人名称：海南椰岛贸易有限公司，欠税余额：1200.00；联系地址：海口市秀英区滨海路9号\n"
            "联系电话：0898-66520044；纳税服务热线：12366\n\n"
            "签收情况：代收人：王海（与受送达人关系：父亲），身份证号码：460100198001010012，电话 13800001111。\n",
            ["0898-66520044", "滨海路9号"],
        ),
        (
            "请上述纳税人及时办理。\n联系 地址：海口市龙华区椰风巷18号\n联系方式：0898-66520055；纳税服务热线：12366\n"
            "（原登记联系电话：138****1234）\n",
            ["0898-66520055", "椰风巷18号"],
        ),
        (
            "申请人身份证件：460100 19800101 0012\n联系人：吴丽  电话：0898-66520066\n"
            "如有疑问，可拨打纳税服务热线12366。\n",
            ["0898-66520066"],
        ),
    ],
)
def test_the_bureaus_own_contact_group_as_other_authors_write_it(text, kept):
    masked = mask_text(text).text
    for value in kept:
        assert value in masked, (value, masked)


def test_the_licence_handlers_line_is_hidden_in_a_row_of_the_licensing_office():
    text = (
        "行政相对人名称\t许可文书编号\t许可机关\t经办人联系电话\n"
        "海南椰林贸易有限公司\t琼龙税许准〔2026〕7号\t国家税务总局海口市龙华区税务局\t0898-66017777转12\n"
        "海南蓝海贸易有限公司\t琼龙税许准〔2026〕8号\t国家税务总局海口市龙华区税务局\t(0898)66018888\n"
        "海南绿洲贸易有限公司\t琼龙税许准〔2026〕9号\t国家税务总局海口市龙华区税务局\t0898-12366\n"
    )
    masked = hidden(text, "66017777", "66018888")
    assert "0898-12366" in masked  # (the hotline is nobody's)


def test_the_licence_handlers_line_after_the_licensing_office_in_a_record():
    text = "许可机关：国家税务总局三亚市税务局，经办人联系电话：0898-88271234；\n行政相对人名称：三亚椰风酒店有限公司\n"
    hidden(text, "88271234")
