"""The masker's shortcuts find exactly what the plain forms they replace find (no database)."""

import re

import pytest

from sanxiang.lib.masking import detect
from sanxiang.lib.masking.policy import FieldType

from .corpus.generate import generate

TEXTS = [doc.text for doc in generate()] + [
    "电话 138 1234 5678，账号 6222-0219-0300-1234-567，传真(0731)84561234，护照E12345678。",
    "现住址：长沙市岳麓区麓山路1号；户籍地：湖南省邵阳市；住所地：长沙市开福区。",
    "张三张三丰与张三丰商贸有限公司，张三、张三丰。欧阳娜娜欧阳娜",
]
LOOKAHEAD = re.compile(r"^\(\?=(?:\\d|\[[^\]]+\])\)")
PATTERNS = ["_NUMBER", "_MOBILE_GROUPED", "_LANDLINE", "_PASSPORT", "_ADDRESS"]


@pytest.mark.parametrize("name", PATTERNS)
def test_it_matches_the_same_with_and_without_the_leading_lookahead(name):
    pattern = getattr(detect, name)
    head = LOOKAHEAD.match(pattern.pattern)
    assert head is not None
    plain = re.compile(pattern.pattern[head.end() :], pattern.flags)
    for text in TEXTS:
        fast = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert fast == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert sum(1 for text in TEXTS for _ in pattern.finditer(text)) > 0


def _occurrences_by_regex(text: str, names: dict) -> list[detect.Finding]:
    """The former implementation: one alternation of the names, longest first."""
    usable = [name for name in names if len(name) >= 2]
    if not usable:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(usable, key=len, reverse=True)))
    return [
        detect.Finding(m.start(), m.end(), names[m.group()])
        for m in pattern.finditer(text)
        if not detect._in_org_name(text, m.end())
    ]


def test_it_finds_name_occurrences_as_the_alternation_of_the_names_did():
    checked = 0
    for text in TEXTS:
        _found, names = detect._find_names(
            text, {"张三": FieldType.PERSON_NAME, "张三丰": FieldType.PERSON_NAME}
        )
        names["欧阳娜"] = FieldType.REPRESENTATIVE_NAME
        names["X"] = FieldType.PERSON_NAME  # too short to be searched
        expected = _occurrences_by_regex(text, names)
        assert detect._find_name_occurrences(text, names) == expected
        checked += len(expected)
    assert checked > 100


def test_it_prefers_the_longest_name_at_a_position_and_skips_overlaps():
    names = {
        "张三": FieldType.PERSON_NAME,
        "张三丰": FieldType.THIRD_PARTY_NAME,
        "三丰": FieldType.PERSON_NAME,
    }
    found = detect._find_name_occurrences("张三丰见张三。", names)
    assert [(f.start, f.end, f.field_type) for f in found] == [
        (0, 3, FieldType.THIRD_PARTY_NAME),
        (4, 6, FieldType.PERSON_NAME),
    ]


def test_an_address_unit_after_a_number_is_no_candidate_for_the_model():
    from sanxiang.lib.masking import ner

    text = "住所：清姜路12号3单元401室，8楼、5区；款项转给单明、路远，经区华签收。"
    found = {text[a:b] for a, b in ner.candidates(text, lambda _a, _b: False)}
    assert not found & {"单元", "单元4", "楼", "区", "楼、"}
    assert not any(name.startswith(("单元", "楼", "区；")) for name in found)
    assert {"单明", "路远"} <= found
