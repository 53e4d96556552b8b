"""Names in a person's slot (brief masker5b): wherever the text speaks of a natural person — a column of
people, a role word, a personal identifier after the name — a name-shaped value is hidden, whatever role
words one author's forms use. Every example here is written for these tests."""

from tests.lib.masking.helpers import hidden


def test_a_column_headed_by_any_kind_of_person_is_a_column_of_names():
    table = (
        "机构名称\t从业人员\t职业资格\t送达人\n"
        "长沙明德财税咨询有限公司\t卢振宇\t税务师\t柏青\n"
        "长沙启明会计服务有限公司\t达娃次仁\t注册会计师\tJohn Miller\n"
    )
    masked = hidden(table, "卢振宇", "柏青", "达娃次仁", "John Miller")
    assert "长沙明德财税咨询有限公司" in masked and "注册会计师" in masked


def test_a_three_character_name_without_a_surname_under_a_role_column():
    table = "纳税人名称 | 法定代表人 | 评价年度\n株洲恒达机械有限公司 | 其木格 | 2025\n"
    masked = hidden(table, "其木格")
    assert "株洲恒达机械有限公司" in masked and "2025" in masked


def test_a_column_of_people_keeps_words_that_are_no_name():
    table = "文书名称\t受送达人\t代收人\t送达日期\n《税务事项通知书》\t向东\t本人\t2025-03-02\n"
    masked = hidden(table, "向东")
    assert "\t本人\t2025-03-02" in masked


def test_a_personal_identifier_in_brackets_makes_the_name_before_it_a_persons():
    text = (
        "该仓库另有住客柴文斌（手机13907315562）居住，房主之侄达瓦扎西（身份证号见附件）亦知情；"
        "代购人Peter Hansen（护照E12345678）签字确认。"
    )
    masked = hidden(text, "柴文斌", "达瓦扎西", "Peter Hansen")
    assert "该仓库另有住客" in masked


def test_an_office_or_a_company_before_its_phone_in_brackets_stays():
    text = "请到办税服务厅（电话0731-88886666）或长沙湘江商贸有限公司（电话0731-88889999）办理。"
    masked = hidden(text)
    assert "办税服务厅（电话0731-88886666）" in masked and "长沙湘江商贸有限公司" in masked


def test_a_name_with_no_surname_right_after_a_role_word():
    text = "其妻乌日娜、司机巴桑次仁协助收款。记录人：其木格。"
    hidden(text, "乌日娜", "巴桑次仁", "其木格")


def test_a_role_word_of_kin_or_tenancy_opens_a_name():
    text = "款项由买方之母阎淑华转入，另有租户黎国梁承租一楼。"
    hidden(text, "淑华", "国梁")


def test_a_dotted_name_may_end_in_a_character_of_a_function_word():
    masked = hidden("〔2025〕7号\n阿依古丽·吐尔和：\n你于2025年……", "吐尔和", "阿依古丽")
    assert "〔2025〕7号" in masked


def test_the_person_to_contact_between_yu_and_lianxi():
    masked = hidden("如有疑问，请与邝伟杰联系；也可与本局联系。", "邝伟杰")
    assert "也可与本局联系" in masked


def test_a_role_words_last_character_is_no_surname():
    masked = hidden("你的邻居马国（联系电话：13812345678）证实了上述事实。", "马国")
    assert "你的邻居" in masked


def test_a_header_word_in_a_column_of_people_is_no_name():
    table = (
        "受送达人              证件号码\n"
        "  法定代表人（负责人）          地址\n"
        "郑州市金水区卢记饭店  410105197702143318\n"
        "  卢德成      郑州市金水区花园路8号\n"
        "\n联系地址：郑州市金水区经三路1号\n"
    )
    masked = hidden(table, "卢德成")
    assert "（负责人）          地址\n" in masked and "联系地址：" in masked


def test_a_name_that_is_also_a_place_after_a_kin_word_keeps_the_kin_word():
    masked = hidden("本告知书由你的女儿叶海南（电话：13898765432）代为签收。", "海南")
    assert "你的女儿" in masked


def test_a_list_of_people_ended_by_deng_ren():
    masked = hidden(
        "根据有关规定，决定派邬海涛、苗淑兰等人于2025年3月1日起对你单位进行检查。", "邬海涛", "淑兰"
    )
    assert "等人于2025年3月1日" in masked


def test_a_latin_name_goes_on_a_roles_list():
    hidden("执法人员：颜丽华、Martin Dubois\n当事人签名：", "颜丽华", "Dubois")


def test_a_three_character_name_without_a_surname_addressed_under_the_number():
    masked = hidden("长税稽通〔2025〕41号\n其木格：\n你于2025年……", "其木格")
    assert "长税稽通〔2025〕41号" in masked


def test_a_web_pages_row_broken_inside_a_cell_keeps_the_table_going():
    table = (
        "<table>\n<tr><th>纳税人名称</th><th>法定代表人</th><th>财务负责人</th><th>评价年度</th></tr>\n"
        "<tr><td>湘潭恒丰机械有限公司</td><td>蒲建国</td><td>蔺红\n霞</td><td>2025</td></tr>\n"
        "<tr><td>湘潭众合贸易有限公司</td><td>覃立伟</td><td>柯秋月</td><td>2025</td></tr>\n</table>\n"
    )
    masked = hidden(table, "蒲建国", "覃立伟", "柯秋月")
    assert "湘潭众合贸易有限公司" in masked and "<td>2025</td>" in masked


def test_an_ocr_pipe_separates_cells():
    table = "纳税人名称 | 法定代表人 | 身份证件号码\n株洲恒达机械有限公司 丨 龙光辉 | 4302********1234\n"
    masked = hidden(table, "龙光辉")
    assert "株洲恒达机械有限公司" in masked


def test_a_columns_role_gives_its_names_kind_under_the_ordinary_policy():
    from sanxiang.lib.masking import mask_text
    from sanxiang.lib.masking.policy import default_policy

    table = (
        "纳税人名称\t法定代表人\t代收人\t从业人员\t送达人\n"
        "株洲恒达机械有限公司\t龙光辉\t龙小雨\t聂文静\t田建军\n"
    )
    masked = mask_text(table, policy=default_policy("penalty_decision", "organisation")).text
    # RULES.md §1.5: the representative and the officer acting in office shown, other persons hidden
    assert "龙光辉" in masked and "田建军" in masked
    assert "龙小雨" not in masked and "聂文静" not in masked


def test_a_dotted_addressee_under_the_number_is_the_party():
    from sanxiang.lib.masking import mask_text
    from sanxiang.lib.masking.policy import default_policy

    text = "郑税处〔2021〕18号\n阿依古丽·吐尔逊：\n我局于2021年7月9日对你进行了检查。"
    assert (
        "阿依古丽·吐尔逊："
        in mask_text(text, policy=default_policy("handling_decision", "natural_person")).text
    )
    hidden(text, "吐尔逊")


def test_the_model_reads_a_name_standing_alone_in_a_web_pages_cell():
    masked = hidden("<tr><td>龚丽萍</td><td>收银</td></tr>", "丽萍")
    assert "<td>收银</td>" in masked


def test_the_model_leaves_a_document_numbers_head_and_a_companys_name():
    text = "根据《关于印发的通知》（桂政发〔2004〕1号）规定。\n兰州佳和餐饮服务有限公司\n"
    assert hidden(text) == text
    assert hidden("当事人：孟辉商行（个体工商户）\n") == "当事人：孟辉商行（个体工商户）\n"


def test_a_label_and_its_value_in_cells_of_a_pipe_row():
    text = "| 文书名称 | 税务处理决定书 |\n| 送达人 | 沈和平 |\n| 送达地点 | 武昌区中南路319号 |\n"
    masked = hidden(text, "和平")
    assert "| 文书名称 | 税务处理决定书 |" in masked


def test_a_transliterated_name_between_yu_and_lianxi():
    masked = hidden("如有疑问请与达瓦次仁联系；也可与主管机关联系。", "达瓦次仁")
    assert "也可与主管机关联系" in masked
