"""A name that is also an ordinary word (成立, 高峰) is still a name where an ID number or gender follows it."""

import pytest

from sanxiang.lib.masking import mask_text


@pytest.mark.parametrize(
    "text, name",
    [
        ("经查，财务负责人成立（身份证号110105199001019765）对上述事实予以确认。", "成立"),
        ("办税人员，成立，男，1985年出生", "成立"),
        ("当事人高峰，男，1980年生", "高峰"),
    ],
)
def test_it_masks_a_word_like_name_followed_by_an_id_or_gender(text, name):
    assert name not in mask_text(text).text


@pytest.mark.parametrize(
    "text", ["该公司于2020年成立，经营范围包括批发零售。", "该公司成立（以下简称本公司）后"]
)
def test_it_keeps_the_word_where_nothing_marks_a_person(text):
    assert mask_text(text).text == text
