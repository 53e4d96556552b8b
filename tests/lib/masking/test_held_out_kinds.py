"""The kinds of leak the held-out masking set reports (issue 15, second round), on text of their own."""

from __future__ import annotations

from sanxiang.lib.masking import mask_text

PERSON_ID = "320583198807150016"


def test_it_masks_every_name_under_a_role_column_of_an_evidence_list_one_cell_a_line():
    text = (
        "证据清单\n序号\n证据名称\n提供人\n页数\n备注\n"
        "1\n询问笔录\n简　明\n3\n—\n"
        "2\n银行账户流水\n当事人提供\n2\n原件\n"  # a value that reads like a header word
        "3\n情况说明\n欧阳家嘉\n4\n—\n"
        "4\n购销合同\n福州联创网络科技有限公司\n5\n复印件\n"
    )
    masked = mask_text(text).text
    assert "简　明" not in masked
    assert "家嘉" not in masked
    assert "福州联创网络科技有限公司" in masked
    assert "当事人提供" in masked


def test_it_masks_a_column_whose_header_qualifies_the_role_word():
    text = (
        "序号\t纳税人名称\t法定代表人（负责人）姓名\t居民身份证（或其他有效身份证件）号码\t经营地点\n"
        f"1\t宁波德信印务有限公司\t符太平\t{PERSON_ID}\t宁波市海曙区五一路8号\n"
        f"2\t黎磊泽\t黎磊泽\t{PERSON_ID}\t浙江省宁波市海曙区府前街48号\n"
    )
    masked = mask_text(text).text
    assert "太平" not in masked and "磊泽" not in masked
    assert "宁波德信印务有限公司" in masked and "宁波市海曙区五一路8号" in masked
    assert "府前街48号" not in masked  # a natural person's row: the address is a home


def test_it_masks_the_names_and_address_of_a_service_receipt():
    text = (
        "税务文书送达回证\n受送达人\t司徒永\n送达地点\t云南省昆明市五华区金桥路369号2单元2504室\n"
        "受送达人签名或盖章\t穆旭  2026年6月16日\n代收人及代收理由\t方安徽，系其子\n"
    )
    masked = mask_text(text).text
    for clear in ("永", "金桥路", "旭", "安徽"):
        assert clear not in masked


def test_it_keeps_the_bureaus_number_but_masks_a_partys_landline_beside_it():
    text = (
        "轩辕彦：\n    你涉嫌少缴税款，请于2026年12月24日前到本局办理有关事宜。\n\n"
        "纳税人固定电话：0898-56124440\n"
        "联系人：辛晨慧\n联系电话：0898-62592431\n联系地址：海口市秀英区金桥路504号\n"
        "见证人姚焱，电话：0898 60023579\n"
        "你的预留电话：（0898）72871681\n\n"
        "国家税务总局海口市秀英区税务局\n2025年9月9日\n"
    )
    masked = mask_text(text).text
    assert "0898-62592431" in masked and "海口市秀英区金桥路504号" in masked
    for private in ("56124440", "60023579", "72871681"):
        assert private not in masked


def test_it_masks_the_addressee_of_a_notice_and_the_name_wherever_it_recurs():
    text = (
        "税务行政处罚听证通知书\n穗越税听通〔2026〕6号\n伍昆仑：\n"
        "    你于2025年3月2日提出的听证申请，经审查，本机关决定举行听证。\n"
        "    经查，伍昆仑，住广东省广州市越秀区文昌路178号，系本案当事人。\n"
        "宁波德信印务有限公司：\n    你单位于2025年3月2日提出听证申请。\n"
    )
    masked = mask_text(text).text
    assert "昆仑" not in masked and "文昌路178号" not in masked
    assert "宁波德信印务有限公司" in masked


def test_it_masks_a_person_introduced_by_a_bracketed_home_address():
    masked = mask_text("其同住人员上官妍鹏（现居住地：山西省太原市小店区环城南路6号）签字确认。").text
    assert "妍鹏" not in masked and "环城南路6号" not in masked


def test_a_name_ending_at_a_comma_keeps_its_last_character_even_when_it_is_a_verb():
    text = "你委托的代理人荣跃进，联系电话：13912345678。负责人王五等，已到场。"
    masked = mask_text(text, model="off").text  # the rules alone (the model may take 等 in)
    assert "跃进" not in masked and "进，" not in masked
    assert "等，已到场" in masked


def test_it_masks_passports_of_every_letter_and_foreign_ones_in_context():
    masked = mask_text("Passport No.: K48528270；护照号码：C01X00T47；所持护照D02397648已核实。").text
    for number in ("48528", "01X00", "02397"):
        assert number not in masked


def test_the_bureaus_own_masks_stay_byte_identical():
    text = "违法事实：张**于2025年取得收入未申报，其同伙欧阳**、上官子铭等三人，证件号码4601**********6169，电话158****5091。"
    masked = mask_text(text).text
    for kept in ("张**", "欧阳**", "4601**********6169", "158****5091"):
        assert kept in masked
    assert "子铭" not in masked


def test_it_aligns_a_list_without_row_numbers_whose_addresses_wrap():
    text = (
        "非正常户认定名单\n纳税人名称\n纳税人识别号\n负责人姓名\n身份证件号码\n经营地址\n"
        f"贵阳佳和运输有限公司\n91520102MA6DKT2L3X\n冯富贵\n{PERSON_ID}\n贵阳市南明区桃源路294号一楼\n"
        f"诸葛凡梦\n{PERSON_ID}\n诸葛凡梦\n{PERSON_ID}\n贵州省贵阳市南明区中华北路8\n9号翠湖山庄11栋1单元2801室\n"
        f"南明区袁红梅快餐店\n{PERSON_ID}01\n袁红梅\n{PERSON_ID}\n贵阳市南明区青云街383号\n"
    )
    masked = mask_text(text).text
    assert "富贵" not in masked and "凡梦" not in masked and "红梅\n" not in masked
    assert "中华北路8" not in masked and "翠湖山庄" not in masked
    assert "南明区袁红梅快餐店" in masked and "贵阳市南明区青云街383号" in masked
    assert "贵阳佳和运输有限公司" in masked and "贵阳市南明区桃源路294号一楼" in masked


def test_it_masks_passport_numbers_under_a_passport_column_and_hyphenated_latin_names():
    text = (
        "序号\t姓名\t国籍\t护照号码\t应补税额\n"
        "1\tJEAN-PIERRE DUPONT\t法国\tPE7098695\t281,526.14\n"
        "2\tJAMES O'BRIEN\t爱尔兰\t025372180\t10,283.35\n"
    )
    masked = mask_text(text).text
    for clear in ("PIERRE", "DUPONT", "BRIEN", "70986", "53721"):
        assert clear not in masked
    assert "281,526.14" in masked and "10,283.35" in masked


def test_it_masks_a_decision_written_in_traditional_characters_for_taiwan_and_hong_kong_parties():
    taiwan = (
        "受處分人：陳志明\n身分證統一編號：A123456789\n通訊地址：臺北市大安區忠孝東路4段1號7樓\n"
        "聯絡電話：0912-345-678\n    經查，陳志明於2025年取得勞務報酬未申報。"
    )
    masked = mask_text(taiwan).text
    for clear in ("志明", "23456", "忠孝東路", "345-678"):
        assert clear not in masked
    hong_kong = "當事人：黃家豪（WONG Ka Ho）\n香港身份證號碼：A123456(3)\n居所：香港九龍旺角彌敦道288號28樓A室\n手機：+852 5311 2288\n"
    masked = mask_text(hong_kong).text
    for clear in ("家豪", "WONG", "23456", "彌敦道", "5311"):
        assert clear not in masked


def test_it_masks_the_people_a_case_narrative_names_by_their_part_in_it():
    text = (
        "经查，你公司总经理季明安排会计欧阳雪于2025年1月至6月期间收取货款，未入账核算。"
        "上述款项后转入黄三峡名下银行账户。季明对上述事实无异议。另查明，欧阳雪与黄三峡系夫妻关系。"
        "款项转入公司的账户后由董事会决议分配。"
    )
    masked = mask_text(text).text
    for clear in ("季明", "阳雪", "三峡"):
        assert clear not in masked
    assert "安排会计" in masked and "转入公司的账户" in masked and "董事会决议" in masked


def test_it_masks_names_in_a_layout_evidence_list_spread_or_inside_an_evidence_title():
    text = (
        "序号    材料名称    制作人    张数\n"
        "1    营业执照复印件      苏    昊      2\n"
        "2    齐彦证人证言      东方锋玲      3\n"
        "3    购销合同      海口博雅建筑劳务有限责任公司      19\n"
    )
    masked = mask_text(text).text
    assert "    昊" not in masked and "锋玲" not in masked and "齐彦" not in masked
    assert "海口博雅建筑劳务有限责任公司" in masked and "营业执照复印件" in masked


def test_it_reads_combined_headers_and_never_joins_cells_across_a_tab():
    text = (
        "行政相对人名称（姓名）\t统一社会信用代码（身份证号码）\t法定代表人（负责人、业主）\t处罚决定书文号\t处罚内容\n"
        "兰州天成服饰有限责任公司\t91620102MAX46TC1CU\t栾立新\t甬海税罚〔2026〕315号\t罚款457,746.84元\n"
        f"关长青\t{PERSON_ID}\t关长青\t郑金税罚〔2026〕153号\t罚款139,142.67元\n"
    )
    masked = mask_text(text).text
    assert "立新" not in masked and "长青" not in masked
    assert "甬海税罚〔2026〕315号\t罚款457,746.84元" in masked
    assert "兰州天成服饰有限责任公司" in masked


def test_a_name_before_its_residents_id_label_in_running_text_is_masked():
    masked = mask_text(f"欠缴税款的纳税人：上官一，居民身份证号码{PERSON_ID}，欠缴个人所得税500.00元。").text
    assert "上官一" not in masked


def test_people_named_under_the_bureaus_name_and_a_number_the_bureau_called_keep_their_landlines_hidden():
    text = (
        "国家税务总局惠州市惠城区税务局\n税务处理决定书\n惠城税处〔2026〕3号\n惠州德信印务有限公司：\n"
        "证人：姚焱，联系电话：0752-49186876\n委托代理人：郑伟，办公电话：（0752）22669488\n"
        "    经查，你单位少缴增值税5,000.00元。本局于2025年2月9日通过电话（0752-33445566）通知你单位出纳到局说明情况。\n"
        "    如对本决定不服，可依法申请行政复议。咨询电话：0752-2812366。\n"
        "国家税务总局惠州市惠城区税务局\n2026年3月1日\n"
    )
    masked = mask_text(text).text
    for private in ("49186876", "22669488", "33445566"):
        assert private not in masked
    assert "0752-2812366" in masked


def test_the_owner_named_alone_is_masked_while_the_shop_named_after_them_stays():
    text = (
        "惠城区耿春风杂货店（统一社会信用代码：92441302MA51XQ8E3L）：\n"
        "    经查，耿春风于2026年1月18日至3月1日期间以惠城区耿春风杂货店名义对外销售货物。"
        "收银员令狐晨协助记账。耿春风主动改正，决定不予行政处罚。\n"
        "国家税务总局惠州市惠城区税务局\n许可机关统一社会信用代码：11441302MB2C8437X0\n"
    )
    masked = mask_text(text).text
    assert masked.count("惠城区耿春风杂货店") == 2
    assert "经查，耿春风" not in masked and "耿春风主动" not in masked and "狐晨" not in masked
    assert "国家税务总局惠州市惠城区税务局" in masked and "许可机关" in masked


def test_a_decision_wrapped_at_a_fixed_width_keeps_its_names_numbers_and_addresses_hidden():
    text = (
        "当事人：邵瑞天，公民身份号码：32058319610224711\nX，住址：广东省惠州市惠城区文昌路66号世纪花\n"
        "城14栋1单元701室。委托代理人：李明。经查，上述事实有邵瑞\n天的陈述等证据证明。\n"
    )
    masked = mask_text(text).text
    assert "\nX，" not in masked and "瑞\n天" not in masked
    assert "文昌路" not in masked and "14栋1单元701室" not in masked


def test_a_latin_name_after_the_chinese_one_or_under_an_english_name_label_is_masked():
    masked = mask_text("当事人：黄志明 O'NEIL Kate\n    经查，O'NEIL Kate于2025年取得所得。").text
    assert "NEIL" not in masked and "Kate" not in masked
    masked = mask_text("当事人：黄志明（英文名：Tanaka Yuki）\n    经查，Tanaka Yuki于2025年取得所得。").text
    assert "Tanaka" not in masked and "Yuki" not in masked


def test_a_forms_labels_spread_to_their_column_width_still_label_their_values():
    text = "姓    名：王芳\n性    别：女\n住    址：浙江省杭州市西湖区文三路100号3幢201室\n"
    masked = mask_text(text).text
    assert "王芳" not in masked and "文三路" not in masked
    assert "性    别：女" in masked


def test_a_name_spread_after_its_label_and_a_spaced_compound_surname_are_masked():
    masked = mask_text("受送达人：杨    洋\n负责人姓名：欧阳  娜娜\n").text
    assert "洋" not in masked and "娜娜" not in masked


def test_the_model_reads_names_the_narrative_puts_before_other_verbs():
    text = (
        "截至目前，马晓光仍未缴纳税款。吴昊天是该公司的实际控制人。请陈丽华于收到本通知书之日起15日内缴纳。"
    )
    masked = mask_text(text).text  # the model gated to these candidates
    for name in ("晓光", "昊天", "丽华"):
        assert name not in masked
    assert mask_text("洪东税不罚〔2026〕3号").text == "洪东税不罚〔2026〕3号"


def test_a_one_cell_a_line_list_whose_header_cells_wrap_keeps_its_columns():
    text = (
        "欠税公告名单\n序号\n纳税人名称\n法定代表人\n（负责人）\n身份证件\n号码\n欠税金额\n"
        f"1\n惠城区符珊鹏干洗店\n符珊鹏\n{PERSON_ID}\n1,000.00\n"
        f"2\n惠州德信服饰有限公司\n余杰\n{PERSON_ID}\n2,000.00\n"
    )
    masked = mask_text(text).text
    assert "\n符珊鹏\n" not in masked and "余杰" not in masked
    assert "惠城区符珊鹏干洗店" in masked and "2,000.00" in masked
    assert mask_text(masked).text == masked


def test_names_and_addresses_the_bureau_masked_by_hand_stay_byte_identical():
    for text in (
        "纳税人名称：×××商店\n经营者：×××\n住址：×××市×××区\n",
        "欧阳**、司马*、张某、李某某、王**等5人均已到案。",
        "受送达人：吕**\n送达地点：上海市徐汇区****路**号\n签收人：吕**\n",
        "序号\t姓名\t身份证号码\t电话\n1\t吕**\t3101**********0952\t185****4140\n2\tXXX\t×××\t185****4140\n",
    ):
        assert mask_text(text).text == text
