"""Round 11: personal values that still leaked — a CSV row whose amount groups its thousands with commas,
a person's particulars in the bracket after the name under a bureau's letterhead, and a place of
business that is a dwelling where no company trades."""

from __future__ import annotations

from sanxiang.lib.masking import STRICTEST, mask_text, tables


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="gated").text


def _cells(line: str) -> list[str]:
    parsed = tables._cells(line)
    assert parsed is not None
    return [line[a:b] for a, b in parsed[1]]


def test_comma_after_an_address_separates_cells_before_a_grouped_amount() -> None:
    assert _cells("7,赵海,湘潭市岳塘区东风路16号大院3栋2楼右,126,650.40元") == [
        "7",
        "赵海",
        "湘潭市岳塘区东风路16号大院3栋2楼右",
        "126,650.40元",
    ]
    # a house number's last group is no amount's head: 3-2-401 then 128,000.00
    assert _cells("8,钱敏,株洲市芦淞区车站路9号3-2-401,128,000.00元") == [
        "8",
        "钱敏",
        "株洲市芦淞区车站路9号3-2-401",
        "128,000.00元",
    ]
    assert _cells('9,孙丽,"1,234,567.89",2024-03-01') == ["9", "孙丽", "1,234,567.89", "2024-03-01"]


def test_person_row_with_grouped_amount_hides_the_flat() -> None:
    text = (
        "序号,纳税人名称,纳税人识别号,经营地点,欠缴金额\n"
        "1,赵海,430203198807153318,湘潭市岳塘区东风路16号大院3栋2楼右,126,650.40元\n"
    )
    out = _masked(text)
    assert "东风路16号大院3栋2楼右" not in out
    assert "126,650.40元" in out


def test_home_in_bracket_after_a_persons_name_under_a_letterhead() -> None:
    text = (
        "国家税务总局湘潭市税务局第一稽查局\n"
        "税务事项通知书\n"
        "潭税一稽通〔2025〕12号\n"
        "赵海（纳税人识别号：430203198807153318，住所：湘潭市雨湖区韶山西路7号大院5栋3楼左）：\n"
        "经核实，你少缴个人所得税1200.00元。\n"
    )
    out = _masked(text)
    assert "韶山西路7号大院5栋3楼左" not in out
    assert "国家税务总局湘潭市税务局第一稽查局" in out


def test_home_in_bracket_after_a_foreigners_passport_is_hidden() -> None:
    text = (
        "国家税务总局株洲市税务局\n"
        "Maria Lopez（国籍：西班牙，护照号码：PA1234567，住所：株洲市天元区泰山路22号2栋1单元501室）：\n"
        "请于十五日内缴纳税款。\n"
    )
    assert "泰山路22号2栋1单元501室" not in _masked(text)


def test_company_bracket_keeps_its_seat() -> None:
    text = (
        "国家税务总局株洲市税务局\n"
        "株洲华鑫机械有限公司（统一社会信用代码：91430200MA4L12345X，住所：株洲市天元区珠江北路8号商务大厦6楼）：\n"
    )
    assert "珠江北路8号商务大厦6楼" in _masked(text)


def test_farmhouse_as_an_individual_shops_place_is_hidden() -> None:
    text = (
        "序号,纳税人名称,纳税人识别号,经营地点,欠缴金额\n"
        "1,湘潭县周记小吃店,430321197002114412,花石镇长乐村3组18号,6200.00元\n"
        "2,湘潭县顺发建材店,430321197512093317,湘潭县易俗河镇商业街12号门面,8800.00元\n"
        "3,湘潭宏达机械有限公司,91430300MA4L9K2X1B,湘潭县天易示范区金霞苑2栋,9100.00元\n"
    )
    out = _masked(text)
    assert "长乐村3组18号" not in out
    assert "周记小吃店" in out
    assert "易俗河镇商业街12号门面" in out  # a shopfront: published
    assert "金霞苑2栋" in out  # a company's seat, whatever it looks like


def test_farmhouse_as_place_of_business_in_a_key_value_record_is_hidden() -> None:
    text = (
        "纳税人名称：株洲县刘记米粉店\n"
        "负责人姓名：刘敏\n"
        "经营地点：株洲县渌口镇湾塘村五组27号\n"
        "欠缴金额：3,100.00元\n"
        "\n"
        "纳税人名称：株洲市芦淞区王记干洗店\n"
        "负责人姓名：王芳\n"
        "经营地点：株洲市芦淞区建设南路5号明珠花园2栋1304室\n"
        "欠缴金额：2,800.00元\n"
    )
    out = _masked(text)
    assert "湾塘村五组27号" not in out
    assert "3,100.00元" in out
    # a flat an individual business trades from is its published place of business (RULES.md §2A)
    assert "明珠花园2栋1304室" in out


def test_garden_street_in_commercial_premises_is_no_dwelling() -> None:
    assert tables.commercial_premises("长沙市天心区花园街88号国际广场1203号")
    assert not tables.names_dwelling("长沙市天心区花园街88号")
    assert tables.names_dwelling("长沙市天心区芙蓉花园3栋")
    assert tables.names_dwelling("长沙市雨花区韶山路9号2-l-302")  # OCR: l for 1
    assert tables.village_house("醴陵市东富镇枫林村十二组5号")
    assert not tables.village_house("株洲市荷塘区新村路12号")


def test_name_set_right_after_buyer_is_hidden() -> None:
    out = _masked(
        "经核实，购买方刘建华，联系电话13973312345，已补缴税款。受票方利用他人发票抵扣的，依法处理。"
    )
    assert "刘建华" not in out
    assert "受票方利用他人发票抵扣的" in out


def test_home_after_an_enumeration_comma_is_hidden() -> None:
    out = _masked("承租人吴丽（电话：13575312345、住株洲市石峰区响石岭路18号4-12-3）已另案处理。")
    assert "响石岭路18号4-12-3" not in out
    assert "已另案处理" in out


def test_cells_per_line_under_an_ocr_damaged_header_are_read() -> None:
    text = (
        "个体工商户定额核定公示\n"
        "序弓\n"
        "纳税人名称\n"
        "纳税人识别弓\n"
        "负责人姓名\n"
        "身份证件号码\n"
        "经营地址\n"
        "月定额\n"
        "\n"
        "1\n"
        "湘潭市老街面馆\n"
        "27419930\n"  # a Taiwan resident's permit: eight digits, no shape of its own
        "林佳慧\n"
        "27419930\n"
        "湘潭市雨湖区中山路8号商业街12号门面\n"
        "4200.00元\n"
    )
    out = _masked(text)
    assert "27419930" not in out
    assert "林佳慧" not in out
    assert "湘潭市老街面馆" in out
    assert "4200.00元" in out


def test_name_after_buyer_with_copula_or_line_break_is_hidden() -> None:
    out = _masked(
        "另查明，购买方为柏云（居民身份证号430104198807153318）。\n购买方邹建国\n（电话13973354321）已补税。"
    )
    assert "柏云" not in out
    assert "邹建国" not in out
    assert "购买方为一般纳税人的" in _masked("购买方为一般纳税人的，可以抵扣进项税额。")


def test_name_signed_for_receipt_is_hidden() -> None:
    text = "执法人员：李明、王强\n被处罚人签收：欧阳晓\n国家税务总局株洲市税务局稽查局\n"
    out = mask_text(text, policy=STRICTEST, model="off").text  # (the label alone, not the model's guess)
    assert "欧阳晓" not in out
    assert "国家税务总局株洲市税务局稽查局" in out
