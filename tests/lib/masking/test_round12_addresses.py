"""Round 12: whose a 送达地址 is (the notice's addressee's) and whose a landline is."""

from __future__ import annotations

from tests.lib.masking.helpers import hidden


def test_service_address_is_the_person_addressed_not_the_firm_in_a_lawyer_bracket() -> None:
    text = (
        "国家税务总局某市税务局\n税务行政处罚事项告知书\n某税罚告〔2025〕31号\n"
        "周立新：\n    对你虚开发票的行为，拟对你处以罚款3000元。你有陈述、申辩的权利。\n"
        "    委托律师：马文（广州正平律师事务所）\n"
        "    送达地址：广州市白云区同和街道云景路12号翠园小区3栋1201房\n"
        "本局联系电话：020-81234567\n\n国家税务总局某市税务局\n2025年3月2日\n"
    )
    out = hidden(text, "云景路12号翠园小区3栋1201房")
    assert "020-81234567" in out


def test_service_address_of_a_person_addressed_with_an_alias_and_a_number() -> None:
    text = (
        "国家税务总局某县税务局\n税务事项通知书\n某税通〔2024〕7号\n"
        "WANG Lei（王磊）：（纳税人识别号：440106199001011234）\n"
        "    送达地址：佛山市南海区桂城镇平洲村5组18号\n"
        "    事由：责令限期改正\n    通知内容：限你于2024年6月1日前办理变更登记。\n"
        "联系电话：0757-86112233；地址：佛山市南海区南海大道9号\n\n国家税务总局某县税务局\n2024年5月6日\n"
    )
    out = hidden(text, "平洲村5组18号", "440106199001011234")
    assert "佛山市南海区南海大道9号" in out


def test_service_address_of_a_company_addressed_stays() -> None:
    text = (
        "国家税务总局某区税务局\n税务事项通知书\n某税通〔2024〕8号\n"
        "佛山市恒通五金制品有限公司：（纳税人识别号：91440605MA4UABCD1X）\n"
        "    送达地址：佛山市南海区狮山镇工业大道18号\n"
        "    事由：责令限期改正\n\n国家税务总局某区税务局\n2024年5月6日\n"
    )
    assert "佛山市南海区狮山镇工业大道18号" in hidden(text)


def test_service_address_after_the_body_above_the_bureau_contact_line() -> None:
    text = (
        "国家税务总局某市税务局\n税务行政处罚事项告知书\n某税罚告〔2025〕40号\n"
        "林海燕：\n    对你未按规定保管发票的行为，拟对你处以罚款500元。\n"
        "    送达地址：厦门市湖里区江头街道吕岭路88号海天花园6幢702室；电子送达邮箱：lhy@example.com\n"
        "联系电话：0592-5123456；地址：厦门市思明区湖滨南路2号\n\n国家税务总局某市税务局\n2025年6月1日\n"
    )
    out = hidden(text, "海天花园6幢702室", "lhy@example.com")
    assert "0592-5123456" in out
    assert "厦门市思明区湖滨南路2号" in out


def test_applicant_handler_phone_after_the_body_is_the_partys() -> None:
    text = (
        "国家税务总局某区税务局\n准予税务行政许可决定书\n某税许准字〔2025〕12号\n"
        "广州市顺达物流有限公司：\n    你单位提出的最高开票限额审批申请，经审查，决定准予行政许可。\n"
        "    企业经办人：何晓东，联系电话：020-38765432-106\n"
        "本局联系电话：020-87654321\n\n国家税务总局某区税务局\n2025年4月3日\n"
    )
    out = hidden(text, "38765432")
    assert "020-87654321" in out


def test_home_landline_grouped_like_a_mobile_under_its_label() -> None:
    text = (
        "被处罚人：苏晓梅\n家庭电话：0898 6612 345\n违法事实：你于2025年1月5日未按期申报。\n"
        "见证人：吴刚，电话：0898-6612-678\n"
    )
    hidden(text, "6612 345", "6612-678")


def test_flush_left_contact_line_under_the_indented_party_lines_is_the_bureaus() -> None:
    text = (
        "国家税务总局某县税务局\n准予税务行政许可决定书\n某税许准字〔2025〕9号\n"
        "昆明云岭茶业有限公司：\n    你单位提出的申请，经审查，决定准予行政许可。\n"
        "    法定代表人：杨春华\n    委托代理人：李文（云南众信律师事务所）\n"
        "联系电话：0871-65432109；地址：昆明市盘龙区北京路66号\n\n国家税务总局某县税务局\n2025年7月1日\n"
    )
    out = hidden(text, "杨春华")
    assert "0871-65432109" in out
    assert "昆明市盘龙区北京路66号" in out


def test_a_wrapped_lawyer_line_flush_left_keeps_its_phone_hidden() -> None:
    text = (
        "国家税务总局某县税务局\n税务行政处罚决定书\n某税罚〔2025〕9号\n"
        "    当事人：周强。你的行为违反了规定，决定处以罚款。\n"
        "    委托代理人：吴敏，云南众信律师事务所，\n联系电话：0871-63317788\n\n"
        "国家税务总局某县税务局\n2025年7月1日\n"
    )
    hidden(text, "63317788")


def test_an_indented_paragraph_under_an_unfinished_address_is_no_wrap_of_it() -> None:
    text = (
        "当事人：罗志军，性别：男，证件类型：居民身份证，联系电话：13912345678，住所：益阳市赫山区金山花园7-2-1803\n"
        "    你于2025年3月9日首次发生未按期申报的违法行为，危害后果轻微，决定不予行政处罚。\n"
    )
    out = hidden(text, "金山花园7-2-1803")
    assert "2025年3月9日" in out


def test_dwelling_named_by_its_estate_and_building_after_zhu() -> None:
    text = "申请人：孙丽华，女，公民身份号码略，住翠湖名苑12栋2单元901室。\n委托代理人：王东，律师。\n"
    out = hidden(text, "翠湖名苑12栋2单元901室")
    assert "委托代理人" in out


def test_ocr_damaged_taxpayer_number_with_its_check_character_inside() -> None:
    hidden("被申请人纳税人识别号为44010619850312S14X07，现予以公告。", "S14X07", "4401061985")
