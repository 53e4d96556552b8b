"""Leaks found by set 9 (masker round 8, brief masker8a): the address of a house a person sold, written
without 的 (转让位于…1栋1001房房产), or with the dwelling named first (该房屋位于…). Every example here is
written for these tests."""

import pytest

from sanxiang.lib.masking import mask_text
from tests.lib.masking.helpers import hidden


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("经查，你于2023年5月转让位于雨花区韶山路18号金桂苑3栋1202房房产，未申报个人所得税。", "金桂苑"),
        ("对你在转\n让位于雨花区韶山路18号金桂苑3栋1202房房产的涉\n税情况进行检查。", "金桂苑"),
        ("经查，该房屋位于长沙市岳麓区麓山路12号枫林苑3栋201室，面积120平方米。", "枫林苑"),
        ("你名下住房地址为长沙市开福区湘江中路5号5-2-301，于2020年出租。", "5-2-301"),
    ],
)
def test_the_address_of_a_house_a_person_sold_or_owns(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "经查，你公司转让位于雨花区韶山路18号金桂苑3栋1202房房产，未申报土地增值税。",
        "你公司名下房产坐落于南宁市青秀区民族大道8号，用于出租。",
        "本局办税服务厅位于长沙市岳麓区麓山路1号门面，欢迎前来办理。",
        "你单位于2024年在长沙市岳麓区购入房产一处。",
    ],
)
def test_a_companys_or_the_bureaus_premises_stay(text):
    assert mask_text(text).text == text
