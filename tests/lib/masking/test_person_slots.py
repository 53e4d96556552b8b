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
