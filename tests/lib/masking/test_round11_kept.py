"""Round 11: public facts the masker used to hide (the bureau's own contact group) and idempotence."""

from __future__ import annotations

from sanxiang.lib.masking import STRICTEST, mask_text


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="gated").text


def test_bureau_contact_group_in_brackets_keeps_office_phone_and_address() -> None:
    text = (
        "你单位于2022年度少缴房产税一万余元。\n"
        "（联系人：程立新，电话：0755-23118866；地址：深圳市福田区深南大道6011号；纳税服务热线：12366）\n"
        "请按期缴纳。"
    )
    out = _masked(text)
    assert "0755-23118866" in out
    assert "深圳市福田区深南大道6011号" in out


def test_bureau_contact_group_after_officers_with_wrapped_address() -> None:
    text = (
        "请于十五日内缴纳入库。\n执法人员：冷月华、甘小路\n\n"
        "联系人：冷月华；联系电话：0851-86620371；地址：贵阳市南明区\n遵义路18号。\n"
        "国家税务总局贵阳市南明区税务局"
    )
    out = _masked(text)
    assert "0851-86620371" in out
    assert "遵义路18号" in out


def test_contact_group_of_a_list_record_stays_masked() -> None:
    text = (
        "纳税人名称：远航商贸有限公司\n联系人：单晓红，电话：0851-86620999；地址：贵阳市南明区花果园大街9号"
    )
    out = _masked(text)
    assert "0851-86620999" not in out


def test_contact_group_with_identity_data_stays_masked() -> None:
    text = "经查明：\n联系人：单晓红，证件号码：520102199001011234，电话：0851-86620999；地址：贵阳市南明区花果园大街9号。"
    out = _masked(text)
    assert "0851-86620999" not in out


def test_contact_group_mobile_and_flat_stay_masked() -> None:
    text = "\n联系人：单晓红，电话：13985012345；地址：贵阳市南明区花果园大街9号3栋2单元501室。"
    out = _masked(text)
    assert "13985012345" not in out
    assert "2单元501室" not in out


def test_shop_named_after_the_owners_home_is_published_and_stays_so() -> None:
    text = (
        "当事人：邝雨桐，身份证件号码：430104198805126617，现住株洲市芦淞区建设路88号枫林苑3栋2单元701室。"
        "经营场所：株洲市芦淞区服饰城东路17号门面，字号：芦淞区雨桐服饰店。\n经查，"
    )
    out = _masked(text)
    assert "枫林苑3栋2单元701室" not in out
    assert "株洲市芦淞区服饰城东路17号门面" in out
    assert _masked(out) == out  # the hidden home (现住***) still tells the shop apart on a second pass


def test_flat_given_as_the_place_of_business_after_the_home_stays_hidden() -> None:
    text = (
        "当事人：邝雨桐，现住株洲市芦淞区建设路88号枫林苑3栋2单元701室。"
        "经营场所：株洲市芦淞区建设路90号翠竹苑5栋1单元302室，字号：芦淞区雨桐服饰店。"
    )
    assert "1单元302室" not in _masked(text)


def test_address_above_the_signing_authority_is_the_bureaus() -> None:
    # every record's first line and the address line have one length: it reads as a page width, yet the
    # authority's name alone on the next line is a signature, never the rest of a wrapped address
    record = (
        "纳税人名称：株洲市天元区恒远新型建筑材料科技有限公司\n"
        "法定代表人（负责人）姓名：邝雨桐\n身份证件号码：430104198805126617\n\n"
    )
    text = (
        "国家税务总局株洲市天元区税务局\n非正常户认定公告\n"
        + record * 3
        + "地址：株洲市天元区黄河北路1515号税务综合大楼东座\n国家税务总局株洲市天元区税务局\n2025年3月18日\n"
    )
    out = _masked(text)
    assert "株洲市天元区黄河北路1515号税务综合大楼东座\n国家税务总局株洲市天元区税务局\n2025年3月18日" in out
    assert "430104198805126617" not in out


def test_address_above_a_title_is_no_signature() -> None:
    text = "当事人：邝雨桐\n地址：株洲市芦淞区建设路88号\n国家税务总局株洲市芦淞区税务局\n税务事项通知书\n"
    assert "建设路88号" not in _masked(text)


def _wrapped(text: str, width: int) -> str:
    """``text`` cut at a fixed width, as a PDF extractor gives it."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
    return "\n".join(lines)


_ARREARS = (
    "国家税务总局株洲市税务局稽查局\n欠税公告\n"
    "1.纳税人名称：株洲市恒远建材有限公司；纳税人识别号：91430211MA4QX7LK2P；法定代表人（负责人）姓名：邝雨桐；"
    "身份证件号码：430104198805126617；经营地点：株洲市芦淞区服饰城东路17号门面；欠税金额：12000.00元。\n"
    "2.纳税人名称：株洲市天宝贸易有限公司；纳税人识别号：91430211MA4QX7LK3Q；法定代表人（负责人）姓名：欧阳振华；"
    "身份证件号码：430104197705126615；经营地点：株洲市天元区长江北路88号写字楼9层；欠税金额：3400.00元。\n"
)


def test_masked_values_cut_by_the_page_width_read_as_before() -> None:
    # a name cut by the width (邝雨⏎桐) comes out as **⏎*: the second pass must still join the record's lines
    text = _wrapped(_ARREARS, 31)
    once = _masked(text)
    assert "430104198805126617" not in once.replace("\n", "")
    assert _masked(once) == once


def test_shortened_line_still_continues_its_wrapped_address() -> None:
    text = _wrapped(
        "当事人：邝雨桐，纳税人识别号430104198805126617，家住株洲市芦淞区建设路88号枫林苑3栋2单元701室。"
        "经营场所：株洲市芦淞区服饰城东路17号门面，字号：芦淞区雨桐服饰店。因采用直接送达、邮寄送达等方式无法送达，"
        "现依法向你公告送达税务处理决定书。",
        35,  # (the masked home shortens its line: 家住⏎***。经营场所：株洲市芦淞⏎区…)
    )
    once = _masked(text)
    assert "枫林苑" not in once
    assert "服饰城东路17号门面" in once.replace("\n", "")
    assert _masked(once) == once


def test_a_wrapped_record_is_read_from_its_first_line() -> None:
    # cut at any width, a company's place of business stays and its representative's number goes
    for width in range(22, 40):
        once = _masked(_wrapped(_ARREARS, width))
        flat = once.replace("\n", "")
        assert "株洲市芦淞区服饰城东路17号门面" in flat, width
        assert "株洲市天元区长江北路88号写字楼9层" in flat, width
        assert "430104197705126615" not in flat, width


def test_scanned_area_code_in_the_bureau_group() -> None:
    text = (
        "经查，你单位于2O24年少缴印花税5O5133.38元。\n"
        "（联系人：程立新，联系电话：O20-38266154；地址：广州市天河区体育东路148导；纳税服务热线：12366。\n"
    )
    assert "O20-38266154" in _masked(text)


def test_premises_on_a_flower_street_or_a_square_are_commercial() -> None:
    text = (
        "【2】\n纳税人名称：温晓岚\n纳税人识别号：430104198805126617\n"
        "法定代表人（负责人）姓名：温晓岚\n身份证件号码：430104198805126617\n"
        "经营地点：株洲市荷塘区花园街45号金利广场208号\n欠缴金额：8,200.00元\n\n"
        "【3】\n纳税人名称：邝雨桐\n纳税人识别号：430104198805126625\n"
        "法定代表人（负责人）姓名：邝雨桐\n身份证件号码：430104198805126625\n"
        "经营地点：株洲市荷塘区红旗路3号翠竹苑5栋1单元302室\n欠缴金额：900.00元\n"
    )
    out = _masked(text)
    assert "株洲市荷塘区花园街45号金利广场208号" in out
    assert "1单元302室" not in out
    assert "430104198805126617" not in out


def test_a_date_after_an_account_is_no_account() -> None:
    text = "税务机关已书面通知其开户银行（账号6217003810026691234）于2025-11-03起暂停支付相应存款。"
    out = _masked(text)
    assert "2025-11-03" in out
    assert "6217003810026691234" not in out
