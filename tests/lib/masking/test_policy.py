import datetime

import pytest

from sanxiang.lib.masking import (
    STRICTEST,
    Category,
    DisplayMode,
    FieldType,
    SubjectType,
    default_policy,
    display_mode,
    format_value,
    is_minor,
    mask_field,
    policy_row,
)

TODAY = datetime.date(2026, 8, 1)


@pytest.mark.parametrize(
    ("value", "field_type", "expected"),
    [
        ("张三", FieldType.PERSON_NAME, "张*"),
        ("欧阳娜娜", FieldType.THIRD_PARTY_NAME, "欧阳**"),
        ("110101199003071234", FieldType.ID_NUMBER, "110101********1234"),
        ("110101900307123", FieldType.ID_NUMBER, "110101******123"),
        ("13812345678", FieldType.PHONE, "138****5678"),
        ("0731-84567890", FieldType.PHONE, "0731-****7890"),
        ("6222021903001234567", FieldType.BANK_ACCOUNT, "***************4567"),
        ("zhangsan@qq.com", FieldType.EMAIL, "z***@qq.com"),
        ("湖南省长沙市岳麓区麓山南路88号3栋501室", FieldType.HOME_ADDRESS, "湖南省长沙市岳麓区***"),
        ("E12345678", FieldType.TRAVEL_DOCUMENT, "E******78"),
    ],
)
def test_it_formats_partly_shown_fields_by_type(value, field_type, expected):
    assert format_value(value, field_type, DisplayMode.PARTIAL) == expected


def test_it_shows_hides_or_withholds_a_field():
    assert format_value("张三", FieldType.PERSON_NAME, DisplayMode.SHOWN) == "张三"
    assert format_value("张三", FieldType.PERSON_NAME, DisplayMode.HIDDEN) == "**"
    assert format_value("长沙市岳麓区x路1号", FieldType.HOME_ADDRESS, DisplayMode.HIDDEN) == "***"
    assert format_value("张三", FieldType.PERSON_NAME, DisplayMode.NOT_PUBLISHED) is None


def test_it_hides_everything_under_the_strictest_policy():
    for field_type in FieldType:
        assert display_mode(STRICTEST, field_type) is DisplayMode.HIDDEN
    assert mask_field("110101199003071234", FieldType.ID_NUMBER) == "*" * 18


def test_it_shows_the_name_and_hides_the_birth_date_for_a_major_violation_subject():
    row = default_policy(Category.MAJOR_VIOLATION, SubjectType.NATURAL_PERSON)
    assert mask_field("张三", FieldType.PERSON_NAME, policy=row) == "张三"
    assert mask_field("110101199003071234", FieldType.ID_NUMBER, policy=row) == "110101********1234"
    assert display_mode(row, FieldType.HOME_ADDRESS) is DisplayMode.HIDDEN


def test_it_publishes_the_representative_of_an_organisation_in_an_arrears_notice():
    row = default_policy(Category.ARREARS_NOTICE, SubjectType.ORGANISATION)
    assert display_mode(row, FieldType.REPRESENTATIVE_NAME) is DisplayMode.SHOWN
    assert display_mode(row, FieldType.ID_NUMBER) is DisplayMode.PARTIAL
    assert display_mode(row, FieldType.BANK_ACCOUNT) is DisplayMode.HIDDEN


def test_it_hides_third_parties_and_shows_officers_in_a_penalty_decision():
    row = default_policy(Category.PENALTY_DECISION, SubjectType.INDIVIDUAL_BUSINESS)
    assert display_mode(row, FieldType.THIRD_PARTY_NAME) is DisplayMode.HIDDEN
    assert display_mode(row, FieldType.OFFICIAL_NAME) is DisplayMode.SHOWN
    assert display_mode(row, FieldType.PHONE) is DisplayMode.HIDDEN


def test_it_never_publishes_a_minor():
    row = default_policy(Category.PENALTY_DECISION, SubjectType.NATURAL_PERSON, minor=True)
    assert not row.published
    assert mask_field("张三", FieldType.PERSON_NAME, policy=row) is None
    assert is_minor("110101201001011234", today=TODAY) is True
    assert is_minor("110101200801011234", today=TODAY) is False
    assert is_minor("110101200808021234", today=TODAY) is True
    assert is_minor("not a number", today=TODAY) is None


def test_it_falls_back_to_the_strictest_row_for_an_unknown_pair():
    assert default_policy("unknown", SubjectType.ORGANISATION) is STRICTEST


def test_it_builds_a_row_from_an_administrators_table():
    row = policy_row("penalty_decision", "natural_person", {"person_name": "partial", "phone": "shown"})
    assert mask_field("李四", "person_name", policy=row) == "李*"
    assert mask_field("13812345678", "phone", policy=row) == "13812345678"
    assert display_mode(row, "id_number") is DisplayMode.HIDDEN  # missing means hidden
