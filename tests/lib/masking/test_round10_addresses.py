"""Round 10: home addresses by their shape in running text, the bureau's closing contact block, a reader's
own number, and scanned tables read across their box-drawing rules."""

from __future__ import annotations

from sanxiang.lib.masking import STRICTEST, mask_text


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="gated").text


def test_village_household_after_any_verb_is_hidden() -> None:
    text = "据村干部介绍，该户早已迁离攸县皇图岭镇石桥村7组21号，去向不明。"
    out = _masked(text)
    assert "石桥村7组21号" not in out
    assert "皇图岭镇" not in out
    assert "去向不明" in out


def test_named_village_group_without_house_number_is_hidden() -> None:
    text = "文书已寄往醴陵市白兔潭镇樟树村下屋组，请其注意查收。"
    out = _masked(text)
    assert "樟树村下屋组" not in out
    assert "请其注意查收" in out


def test_lane_house_with_annex_number_is_hidden() -> None:
    text = "经走访，当事人实际居于湘潭市雨湖区建设北路3巷14号附2号，系租住。"
    out = _masked(text)
    assert "3巷14号附2号" not in out
    assert "系租住" in out


def test_closing_block_signed_with_the_hotline_keeps_the_bureau_address() -> None:
    text = (
        "关于补缴税款的通知\n"
        "请于十日内到主管税务机关补缴税款及滞纳金。\n"
        "联系地址：株洲市天元区黄河南路88号\n"
        "联系电话：0731-22334455\n"
        "纳税服务热线：12366\n"
    )
    out = _masked(text)
    assert "株洲市天元区黄河南路88号" in out
    assert "0731-22334455" in out


def test_address_in_a_block_without_hotline_after_a_blank_line_stays_hidden() -> None:
    text = (
        "请你于十日内补缴税款。\n"
        "送达地址：株洲市天元区泰山路5号金色家园3栋2单元601室\n"
        "\n"
        "纳税服务热线：12366\n"
    )
    out = _masked(text)
    assert "3栋2单元601室" not in out


def test_readers_landline_after_a_sentence_naming_the_bureau_is_hidden() -> None:
    text = "你举报的问题经本区税务局查实，已依法处理。你所留的座机0734-83127765多次拨打未接通，特此函告。"
    out = _masked(text)
    assert "83127765" not in out
    assert "已依法处理" in out


def test_scanned_table_rows_are_read_across_box_rules_and_bars() -> None:
    text = (
        "┃ 纳税人名称 │ 身份证件号码 ┃ 经营地点 │ 欠税税种 ┃\n"
        "──────────────\n"
        "│ 星城五金有限公司 ┃ 91430100MA4L0AB12X │ 长沙市开福区芙蓉中路9号写字楼3楼 ┃ 增值税 │\n"
        "┼────┼────┼\n"
        "│ 刘建华 ┃ 430105198503124412 │ 长沙市开福区湘江世纪城8栋2单元1503室 ┃ 个人所得税 │\n"
    )
    out = _masked(text)
    assert "8栋2单元1503室" not in out
    assert "刘建华" not in out
    assert "长沙市开福区芙蓉中路9号写字楼3楼" in out
    assert "星城五金有限公司" in out


def test_company_with_its_city_in_brackets_is_kept_whole() -> None:
    text = "纳税人名称：宋韵（杭州）文化传播有限公司；纳税人识别号：91330100MA4R1XYZ2K；法定代表人：欧阳春"
    out = _masked(text)
    assert "宋韵（杭州）文化传播有限公司" in out
    assert "欧阳春" not in out


def test_a_phone_labelled_as_the_units_own_is_kept_beside_a_clerks_name() -> None:
    text = "缴费单位经办人：柯文静  单位联系电话：0733-28561102\n国家税务总局株洲市税务局\n"
    out = _masked(text)
    assert "0733-28561102" in out
    assert "柯文静" not in out


def test_a_landline_in_the_cell_after_a_companys_name_is_kept() -> None:
    text = (
        "<tr><td>2</td><td>株洲恒远物流有限公司</td><td>0733-22889911</td>"
        "<td>株洲市芦淞区建设中路18号物流园3楼</td></tr>"
    )
    assert _masked(text) == text


def test_a_landline_after_a_persons_name_in_the_same_row_stays_hidden() -> None:
    text = "<tr><td>3</td><td>罗卫东</td><td>0733-55667788</td><td>株洲市芦淞区梧桐苑2栋1单元502室</td></tr>"
    out = _masked(text)
    assert "55667788" not in out


def test_a_hearing_venue_given_down_to_its_room_stays_public() -> None:
    text = "本局定于2026年5月8日上午9时在衡阳市蒸湘区解放大道20号5楼502室举行听证，请准时参加。"
    assert _masked(text) == text


def test_an_address_broken_by_a_wrapped_line_is_masked_line_by_line() -> None:
    width = "本局依法对下列纳税人送达税务文书，因其下落不明，现予公告送达如下"
    text = (
        f"{width}\n"
        "当事人：邓某，身份证号码：430421198807126611，住株洲市\n"
        "荷塘区茨菇塘街道金钩山村5组18号，联系电话13807331234。\n"
        f"{width}\n"
        f"{width}\n"
    )
    once = _masked(text)
    assert "金钩山村" not in once
    assert once.count("\n") == text.count("\n")
    assert _masked(once) == once


def test_a_science_park_office_in_a_list_of_companies_stays_on_a_second_pass() -> None:
    # (a published list: the representative's name and the ID number wrapped over two lines masked already)
    text = (
        "纳税人识别号\n纳税人名称\n法定代表人\n证件号码\n注册地址\n认定日期\n"
        "91430211MA4Q7LXC2B\n株洲云启信息技术有限公司\n**\n*********\n*********\n"
        "株洲市天元区珠江北路88号创新科学园1203室\n2025年3月2日\n"
    )
    assert _masked(text) == text


def test_a_bank_addressed_above_holds_no_debtors_home() -> None:
    text = "中国农业银行株洲分行营业部：\n经查，欠税人谭某住茶陵县腰潞镇大塘村6组12号，在你行开有个人账户。"
    out = _masked(text)
    assert "大塘村6组12号" not in out
    assert "中国农业银行株洲分行营业部" in out


def test_a_space_aligned_row_whose_amounts_have_thousands_commas_is_read() -> None:
    text = (
        "纳税人名称   纳税人识别号   法定代表人或负责人   身份证件号码   经营地点   欠税税种   欠税余额   新发生欠税\n"
        "易桂香    430281197903142626     易桂香     430281197903142626    醴陵市来龙门街道杉仙岭社区9栋2单元401室"
        "    个人所得税    1,204,518.20元     2,309,771.05元\n"
    )
    out = _masked(text)
    assert "9栋2单元401室" not in out
    assert "易桂香" not in out
    assert "1,204,518.20元" in out


def test_a_village_household_broken_by_a_line_inside_its_number_is_hidden() -> None:
    text = "回复寄往茶陵县腰潞镇大塘村6\n组12号，请查收。\n另，该户所在的大塘村干部组织了走访。"
    out = _masked(text)
    assert "大塘村6" not in out
    assert "组12号" not in out
    assert "村干部组织" in out


def test_a_persons_dwelling_verb_outweighs_a_unit_named_earlier_in_the_sentence() -> None:
    text = "职工反映所在单位拖欠社保费，该职工住茶陵县腰潞镇大塘村6组12号，联系电话另附。"
    out = _masked(text)
    assert "大塘村6组12号" not in out


def test_a_companys_seat_in_its_bracket_of_particulars_stays_when_wrapped() -> None:
    text = (
        "株洲云启信息技术有限公司（统一社会信\n"
        "用代码：91430211MA4Q7L\n"
        "XC2B；地址：株洲市天元区珠江北路\n"
        "88号大厦B座12楼；法定代表人：\n"
        "欧阳春）：\n"
        "你单位未按规定开具发票。"
    )
    out = _masked(text)
    assert "株洲市天元区珠江北路\n88号大厦B座12楼" in out
    assert "欧阳春" not in out


def test_an_office_label_ending_the_line_above_labels_the_number_below() -> None:
    text = "办税服务厅地址：株洲市天元区黄河南路88号；咨询电话：\n0731-22881199（工作日）；\n12366。\n"
    assert "0731-22881199" in _masked(text)


def test_specks_of_a_scan_inside_an_office_label_do_not_hide_its_number() -> None:
    text = "如有疑问，请拨打纳税服_务热线或0731-22881199咨询。"
    assert "0731-22881199" in _masked(text)
