"""Round 13: public words the masker took for personal data — an autonomous prefecture's name inside a
company's or a shop's, a year written in characters after 于, an officer's certificate label a line break
cut, an individual business's place of business that is no dwelling, a sentence after a wrapped address."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text


@pytest.mark.parametrize("place", ["苏尼特哈萨克自治州", "巴音哈萨克族自治县"])
def test_an_autonomous_area_opening_a_shop_name_is_no_name(place):
    text = f"行政相对人名称： {place}胡杨五金店\n经营者：阿依古丽\n"
    assert f"{place}胡杨五金店" in mask_text(text).text


@pytest.mark.parametrize("year", ["二〇二五年三月一日", "二零二四年"])
def test_a_year_in_characters_after_the_taxpayer_is_no_name(year):
    text = f"经国家税务总局某县税务局检查，该纳税人于{year}起未申报。"
    assert mask_text(text).text == text


def test_a_surname_yu_before_a_given_name_is_still_one():
    assert "于二宝" not in mask_text("法定代表人于二宝，电话13800000000。").text


def test_an_officer_certificate_label_cut_by_a_line_break_keeps_its_number():
    text = "检查人员：刘青山，执法证号65019894818；马玉兰 执\n法证件号：65012820059。\n"
    masked = mask_text(text).text
    assert "65012820059" in masked and mask_text(masked).text == masked


SHOP = (
    "长沙市岳麓区青禾五金店（统一社会信用代码：92430104MA4L0XXX1B）：\n"
    "经营者：龙晓云，身份证号码：430104199001011234\n经营地址：{place}\n"
    "经我局于2026-03-02对你户检查，发现你户少缴增值税。"
)


@pytest.mark.parametrize("place", ["长沙市岳麓区麓山路12号", "长沙市岳麓区枫林路8号C座3层"])
def test_an_individual_business_place_that_is_no_dwelling_stays(place):
    assert place in mask_text(SHOP.format(place=place)).text


def test_an_individual_business_place_in_a_flat_is_hidden():
    masked = mask_text(SHOP.format(place="长沙市岳麓区麓山路12号枫林小区3栋2单元501室")).text
    assert "枫林小区" not in masked


def test_a_sentence_after_a_wrapped_home_address_is_not_swallowed():
    text = (
        "经营者：龙晓云，身份证号码：430104199001011234\n经营者住所：岳麓区莲花镇龙洞村5组18号\n"
        "经我局于2026-03-02对你户检查，发现你户少缴增值税。"
    )
    masked = mask_text(text).text
    assert "龙洞村" not in masked and "经我局于2026-03-02对你户检查" in masked
