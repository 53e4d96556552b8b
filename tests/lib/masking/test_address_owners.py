"""Whose address a label gives: a label's value stops at a colon (the next label's field is read on its
own), and 其 before a label refers back to the party named last (a person's role or an organisation)."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text


def test_a_label_value_does_not_swallow_the_next_label():
    text = (
        "请确认送达方式。送达地址确认：负责人住所杭州市西湖区文三路88号枫林小区2栋1单元301室，"
        "邮政编码310012。\n"
    )
    masked = mask_text(text).text
    assert "文三路" not in masked and "枫林小区" not in masked
    assert "邮政编码310012" in masked


@pytest.mark.parametrize("label", ["住所地址", "住址（户籍）", "现居住地址"])
def test_the_words_between_a_label_and_its_colon_belong_to_the_label(label):
    text = f"委托人：宁海涛，公民身份号码320583198807150016\n{label}：合肥市蜀山区长江西路15号\n"
    assert "长江西路" not in mask_text(text).text


def test_its_address_after_a_representative_is_a_persons():
    text = (
        "检查人员多次电话联系你公司法定代表人，均无人接听；随后前往其住所昆明市五华区龙泉路6号"
        "翠园小区3栋502室，未见本人。\n"
    )
    masked = mask_text(text).text
    assert "龙泉路" not in masked and "翠园小区" not in masked


def test_its_address_after_a_spouse_wrapped_before_the_label_is_a_persons():
    text = "经查，纳税人周某的配偶长期代为收款，检查人员前往其\n住所贵阳市云岩区中华北路20号，无人应答。\n"
    assert "中华北路" not in mask_text(text).text


def test_its_address_after_a_company_stays():
    text = "昆明恒达商贸有限公司成立于2019年，其住所昆明市官渡区春城路199号金融大厦12楼，主营建材。\n"
    assert "春城路199号金融大厦12楼" in mask_text(text).text


def test_an_individual_business_residence_beside_its_shop_address_is_the_owners():
    text = (
        "当事人：西安雁塔区李记面馆\n经营者：李建国\n经营地址：西安市雁塔区小寨东路12号一楼\n"
        "住所：西安市长安区韦曲街道南街村5组31号\n    经查，你户2024年少缴增值税。\n"
    )
    masked = mask_text(text).text
    assert "西安市雁塔区小寨东路12号一楼" in masked
    assert "南街村5组31号" not in masked


def test_an_individual_business_residence_without_a_shop_address_stays():
    text = (
        "序号：1；纳税人名称：碑林区王氏早餐店；证件号码：92610103MA6XXXXX3K；"
        "住所：西安市碑林区东大街45号一楼；欠税金额：12,000.00\n"
    )
    assert "西安市碑林区东大街45号一楼" in mask_text(text).text


def test_an_address_cell_after_a_persons_id_cell_in_a_semicolon_record_is_hidden():
    text = (
        "1；受送达人：邓立新；11010519491231002X；太原市小店区长风街8号丽华苑5栋2单元601室；联系电话：—\n"
        "2；苏昊；证件号码：110105********002X；大同市平城区新建北路3号；联系电话：—\n"
    )
    masked = mask_text(text).text
    assert "长风街" not in masked and "新建北路" not in masked


def test_an_address_cell_after_a_representatives_id_in_a_business_record_stays():
    text = (
        "1；太原恒业商贸有限公司；91140105MA0KXXXX1B；邓立新；320583198807150016；"
        "太原市小店区长风街8号综合楼1201；欠税税种：增值税\n"
    )
    assert "太原市小店区长风街8号综合楼1201" in mask_text(text).text


def test_a_shops_address_stays_when_a_first_pass_masked_part_of_the_shops_name():
    text = (
        "当事人：西安*******\n纳税人识别号：********************\n经营者：***    身份证件号码：******************\n"
        "经营地址：西安市雁塔区小寨东路12号写字楼209\n住所：***\n"
    )
    assert mask_text(text).text == text


def test_a_companys_service_address_stays_whatever_its_codes_type_digits():
    text = (
        "1；太原恒业工程机械租赁有限责任公司；证件号码：9214010534ED158YX2；"
        "送达地址：太原市小店区长风街8号综合楼1601；—；责令限期改正通知书\n"
    )
    assert "太原市小店区长风街8号综合楼1601" in mask_text(text).text


def test_a_service_address_after_a_persons_id_under_the_same_label_is_hidden():
    text = "1；邓立新；证件号码：11010519491231002X；送达地址：太原市小店区长风街8号丽华苑5栋2单元601室；—\n"
    assert "丽华苑" not in mask_text(text).text


def test_a_companys_place_of_business_stays_after_its_representatives_id():
    text = (
        "1；91140105MA0KXXXX1B；太原恒业商贸有限公司；邓立新；证件号码：11010519491231002X；"
        "生产经营地址：太原市小店区长风街8号丽华苑5栋2单元601室；认定日期：2025年1月4日\n"
    )
    assert "太原市小店区长风街8号丽华苑5栋2单元601室" in mask_text(text).text
