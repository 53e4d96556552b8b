"""The publicity glue passes the masking settings to the masker (no database)."""

from django.test import override_settings

from sanxiang.lib.masking import STRICTEST
from sanxiang.publicity.masking import masked_content

TEXT = (
    "纳税人名称：杭州市西湖区钱塘辉便利店\n纳税人识别号：92330106MA2KX0Y04L\n"
    "业主姓名：钱塘辉\n经营地点：杭州市西湖区灵隐路5号\n"
)


def _body() -> str:
    return masked_content(
        item_label="欠税公告",
        field_specs=[],
        data={},
        text=TEXT,
        subject_type="individual_business",
        policy=STRICTEST,
    ).text


def test_an_individual_business_address_is_published_by_default():
    assert "灵隐路5号" in _body()


@override_settings(SANXIANG_MASK_PUBLISH_INDIVIDUAL_BUSINESS_ADDRESS=False)
def test_an_individual_business_address_is_hidden_when_the_setting_is_off():
    assert "灵隐路5号" not in _body()
