"""A professional's practising certificate number (律师执业证号) is personal; an officer's 执法证号 and a
firm's 执业许可证 are not."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import FieldType, find_personal_data, mask_text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("委托甲律师事务所律师某人（执业证号13701201910345678）代理本案", "13701201910345678"),
        ("代理人律师执业证号：14401201810123456，联系电话见卷", "14401201810123456"),
        ("涉税专业服务人员职业资格证书编号 2019440000123", "2019440000123"),
        ("其律师证号为11101200911223344。", "11101200911223344"),
        ("委托律师某人（执业证号1370120\n1910345678）代理", "1370120\n1910345678"),
        ("委托律师某人(执业证号 13701 201910345678)代理", "13701 201910345678"),
    ],
)
def test_practice_certificate_hidden(text: str, number: str) -> None:
    findings = find_personal_data(text)
    assert any(
        text[f.start : f.end] == number and f.field_type is FieldType.PRACTICE_CERTIFICATE for f in findings
    )
    assert number not in mask_text(text).text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("执法人员：张三，执法证号：14501792588", "14501792588"),
        ("某律师事务所（执业许可证号31110000E00017891X）", "31110000E00017891X"),
    ],
)
def test_officer_certificate_and_firm_licence_kept(text: str, number: str) -> None:
    assert number in mask_text(text).text
