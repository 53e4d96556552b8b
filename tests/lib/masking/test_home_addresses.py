"""Home addresses of natural persons (issue 15): masked after running-text labels, in a 你（住：…）
bracket, across a line wrapped after 号 / 楼, in tables; an organisation's seat under 住址 stays."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text

PERSON_ID = "320583198807150016"


@pytest.mark.parametrize("label", ["现住", "居住于", "现居住于", "暂住", "暂住于"])
def test_it_masks_a_home_address_after_a_running_text_label(label):
    text = f"当事人吕文杰，男，汉族，1979年4月出生，{label}绵阳市涪城区桥北街71号福康家园5栋2单元302室，公民身份号码{PERSON_ID}。"
    masked = mask_text(text).text
    assert "桥北街" not in masked and "福康家园" not in masked
    assert "1979年4月出生" in masked


def test_running_text_labels_need_an_address_after_them():
    text = "经查，该户现住院治疗，其暂住证已失效，现住人员3人。"
    assert mask_text(text).text == text


def test_it_masks_an_address_without_a_city_after_a_running_text_label():
    masked = mask_text(f"当事人黄海，女，现住清姜路12号院3单元401室，公民身份号码{PERSON_ID}。").text
    assert "清姜路" not in masked and "401室" not in masked


@pytest.mark.parametrize("address", ["涪城区紫薇苑17号楼3单元304", "信丰县大塘埠镇龙井村5组", "清姜路88号"])
def test_it_masks_the_address_in_a_bracket_after_you(address):
    masked = mask_text(f"经查，你（住：{address}）2025年度取得的财产转让所得未申报。").text
    assert address[-4:] not in masked
    assert "2025年度取得的财产转让所得未申报" in masked


@pytest.mark.parametrize(
    ("first", "second"), [("城厢区世纪城小区3号", "楼1单元1001"), ("铁西区丽景名都2号楼", "1单元2402")]
)
def test_it_follows_an_address_wrapped_after_a_number_or_a_building(first, second):
    text = f"当事人萧春梅，女，汉族，住址：{first}\n{second}，于2025年在经营活动中未按规定开具发票。\n"
    masked = mask_text(text).text
    assert second[:-1] not in masked and first[-4:] not in masked
    assert "于2025年在经营活动中" in masked


def test_a_line_after_a_finished_address_that_is_no_continuation_stays():
    text = (
        "当事人萧春梅，女，汉族，住址：铁西区丽景名都2号楼\n2025年3月，当事人在经营活动中未按规定开具发票。\n"
    )
    masked = mask_text(text).text
    assert "2025年3月，当事人在经营活动中" in masked


@pytest.mark.parametrize("sep", [" | ", "    "])
def test_a_header_row_ending_in_an_address_label_is_no_label_and_value(sep):
    text = (
        f"纳税人名称{sep}证件号码{sep}住址\n"
        f"天水佳和机械有限公司{sep}91330106MAHB1ERYW9{sep}天水市秦州区经二路119号\n"
        f"程春{sep}{PERSON_ID}{sep}株洲市陇县东风镇杜阳村9组\n"
    )
    masked = mask_text(text).text
    assert "天水佳和机械有限公司" in masked and "91330106MAHB1ERYW9" in masked
    assert "天水市秦州区经二路119号" in masked  # an organisation's seat under 住址
    assert "杜阳村" not in masked and "程春" not in masked


def test_an_organisations_seat_under_a_bare_zhuzhi_field_stays_a_representatives_home_does_not():
    text = (
        "纳税人名称：洛阳金穗商贸有限公司\n证件号码：91330106MAHB1ERYW9\n住址：洛阳市涧西区汇丰路24号\n"
        "法定代表人：宋春秀\n法定代表人住址：洛阳市涧西区滨河南路147号枫林苑9栋5单元904室\n\n"
        f"纳税人名称：董芳丽\n证件号码：{PERSON_ID}\n住址：洛阳市涧西区青云路160号\n"
    )
    masked = mask_text(text).text
    assert "洛阳市涧西区汇丰路24号" in masked
    assert "枫林苑" not in masked and "青云路160号" not in masked


def test_a_label_wrapped_before_its_colon_still_hides_its_value():
    text = f"委托人：萧春梅，公民身份号码{PERSON_ID}，住址\n：甘肃省兰州市城关区胜利东路175号。\n"
    assert "胜利东路" not in mask_text(text).text


def test_it_masks_an_address_after_ju_zhu_zai():
    masked = mask_text("经查，当事人长期居住在陇县东风镇杜阳村1组，未办理税务登记。").text
    assert "杜阳村" not in masked and "未办理税务登记" in masked


def test_the_service_address_of_an_individual_business_is_its_owners_and_is_masked():
    text = (
        "受送达人：芦淞区唐华玉副食店（个体工商户，经营者：唐华玉）\n送达地址：汇丰路97号\n"
        "经营场所：株洲市芦淞区建设路18号\n"
    )
    masked = mask_text(text).text
    assert "汇丰路97号" not in masked
    assert "株洲市芦淞区建设路18号" in masked  # its place of business is published (setting on)


def test_the_service_address_of_an_enterprise_stays():
    text = (
        "受送达人：株洲瑞祥建材有限公司\n纳税人识别号：91330106MAHB1ERYW9\n送达地址：株洲市芦淞区汇丰路97号\n"
    )
    assert "株洲市芦淞区汇丰路97号" in mask_text(text).text


@pytest.mark.parametrize("inner", ["（南湖新村）", "(清姜路口)", "（原城关镇）"])
def test_it_masks_the_part_of_an_address_after_a_bracket_inside_it(inner):
    text = f"当事人：萧春梅，家庭住址：宝鸡市渭滨区清姜路11号{inner}8单元2004室，联系电话：13912345678。"
    masked = mask_text(text).text
    assert "2004室" not in masked and "清姜路11号" not in masked


def test_the_bracket_closing_you_still_ends_the_address():
    masked = mask_text("经查，你（住：宝鸡市渭滨区清姜路11号）于2025年取得的所得未申报。").text
    assert "清姜路11号" not in masked and "于2025年取得的所得未申报" in masked


def test_it_masks_an_address_after_zhu_at_the_start_of_a_line():
    masked = mask_text("当事人：萧春梅\n住：渭滨区丽景名都17号楼1单元2504\n经查，当事人未按期申报。\n").text
    assert "丽景名都" not in masked and "经查，当事人未按期申报" in masked


def test_the_bureaus_name_under_a_persons_address_line_is_no_wrapped_address():
    text = (
        "当事人：萧春梅\n经查，当事人未按期申报。请当事人于15日内到本局接受处理。\n"
        "当事人联系地址：宝鸡市渭滨区清姜路11号世纪城小区3栋\n宝鸡市渭滨区税务局\n2026年5月6日\n"
    )
    masked = mask_text(text).text
    assert "世纪城小区" not in masked and "\n宝鸡市渭滨区税务局\n" in masked


@pytest.mark.parametrize("header", ["居所", "戶籍地址"])
def test_it_masks_a_traditional_home_address_column(header):
    text = f"編號\t姓名\t身分證統一編號\t{header}\n1\t萧春梅\t{PERSON_ID}\t昌乐縣鄌郚鎮西朱村8组\n"
    assert "西朱村" not in mask_text(text).text


@pytest.mark.parametrize("label", ["法定代表人通讯地址", "法定代表人联系地址", "经营者送达地址"])
def test_an_address_headed_by_a_persons_role_is_that_persons(label):
    text = (
        "被处罚单位：株洲瑞祥建材有限公司\n统一社会信用代码：91330106MAHB1ERYW9\n"
        f"住所：株洲市芦淞区建设路18号\n法定代表人：唐华玉\n{label}：株洲市芦淞区汇丰路97号2单元301室\n"
    )
    masked = mask_text(text).text
    assert "汇丰路97号" not in masked and "株洲市芦淞区建设路18号" in masked


@pytest.mark.parametrize(
    "text",
    [
        "当事人张建国住在宝鸡市渭滨区清姜路12号院3单元401室，2025年取得劳务报酬。",
        "当事人：张建国\n户口所在地：宝鸡市渭滨区清姜路12号\n",
    ],
)
def test_it_masks_an_address_after_zhu_zai_and_hukou_labels(text):
    assert "清姜路12号" not in mask_text(text).text


def test_the_address_of_a_school_or_village_committee_stays():
    for party in ("宝鸡市渭滨区清姜路小学", "陇县东风镇杜阳村村民委员会"):
        text = f"当事人：{party}\n地址：宝鸡市渭滨区清姜路12号\n"
        assert "宝鸡市渭滨区清姜路12号" in mask_text(text).text


def test_the_zhuzhi_of_an_individual_business_is_its_owners_home():
    text = (
        "纳税人名称\t纳税人识别号\t住址\n"
        "渭滨区张建国百货店\t92610302MA6X8Y3L2K\t宝鸡市渭滨区清姜路12号院3单元401室\n"
    )
    assert "清姜路12号" not in mask_text(text).text
    record = "纳税人名称：渭滨区张建国百货店（个体工商户）\n住址：宝鸡市渭滨区清姜路12号院3单元401室\n"
    assert "清姜路12号" not in mask_text(record).text


def test_a_header_cell_after_an_address_label_is_no_address():
    text = f"姓名\t户籍所在地\t身份证号\n张建国\t陇县东风镇杜阳村3组\t{PERSON_ID}\n"
    masked = mask_text(text).text
    assert masked.startswith("姓名\t户籍所在地\t身份证号\n") and "杜阳村" not in masked


@pytest.mark.parametrize(
    "text",
    [
        "对居住在本市的纳税人，主管税务机关可以上门服务。",
        "经查，该小区住户大多住在同一小区内，物业公司未代扣税款。",
        "外籍个人暂住于本市期间取得的所得，应依法申报。",
    ],
)
def test_running_text_labels_in_a_rules_wording_mask_nothing(text):
    assert mask_text(text).text == text


def test_a_running_text_address_wrapped_after_its_district_is_masked_whole():
    text = "张建国，男，1980年5月生，汉族，住宝鸡市渭滨区\n清姜路12号院3单元401室，个体经营者。"
    assert "清姜路12号" not in mask_text(text).text
