"""RFC 8785 canonical JSON against the RFC's own examples and the JCS reference test data.

Sources of the vectors:
* RFC 8785 §3.2.2 (the "numbers"/"string"/"literals" example), §3.2.3 (property sorting) and
  Appendix B (IEEE 754 bit patterns and their ECMAScript strings);
* github.com/cyberphone/json-canonicalization, testdata/input/*.json and
  testdata/output/*.json (the RFC author's reference implementation), inlined below.
"""

from __future__ import annotations

import json
import math
import struct

import pytest

from sanxiang.lib.canonicaljson import MAX_SAFE_INTEGER, canonical_text, canonicalize, es_number, loads_strict


def from_bits(hex_bits: str) -> float:
    return struct.unpack(">d", bytes.fromhex(hex_bits))[0]


# RFC 8785 Appendix B.
APPENDIX_B = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


@pytest.mark.parametrize(("bits", "expected"), APPENDIX_B)
def test_it_writes_the_appendix_b_numbers_like_ecmascript(bits: str, expected: str) -> None:
    assert es_number(from_bits(bits)) == expected
    assert canonicalize(from_bits(bits)) == expected.encode("ascii")


@pytest.mark.parametrize("bits", ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])
def test_it_refuses_nan_and_infinities(bits: str) -> None:
    with pytest.raises(ValueError):
        canonicalize({"x": from_bits(bits)})


def test_it_reproduces_the_rfc_3_2_2_example() -> None:
    source = (
        '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",'
        ' "literals": [null, true, false]}'
    )
    expected = (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    )
    assert canonical_text(loads_strict(source)) == expected
    # §3.2.4: the same result as UTF-8 bytes (the euro sign is e2 82 ac).
    assert canonicalize(loads_strict(source)).startswith(b'{"literals":[null,true,false],"numbers":[')
    assert b'"string":"\xe2\x82\xac$\\u000f\\nA' in canonicalize(loads_strict(source))


def test_it_sorts_properties_by_utf16_code_units_as_in_rfc_3_2_3() -> None:
    source = (
        '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",'
        ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",'
        ' "\\u00f6": "Latin Small Letter O With Diaeresis"}'
    )
    result = canonical_text(loads_strict(source))
    assert result == (
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",'
        '"\u20ac":"Euro Sign","\U0001f600":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
    )
    # Code-point order would put U+FB33 before U+1F600; UTF-16 order does not.
    assert result.index("\U0001f600") < result.index("\ufb33")


# github.com/cyberphone/json-canonicalization testdata: (input, expected output).
REFERENCE_FILES = {
    "arrays": (
        '[\n  56,\n  {\n    "d": true,\n    "10": null,\n    "1": [ ]\n  }\n]',
        '[56,{"1":[],"10":null,"d":true}]',
    ),
    "french": (
        '{\n  "peach": "This sorting order",\n  "péché": "is wrong according to French",\n'
        '  "pêche": "but canonicalization MUST",\n  "sin":   "ingnore locale"\n}\n',
        '{"peach":"This sorting order","péché":"is wrong according to French",'
        '"pêche":"but canonicalization MUST","sin":"ingnore locale"}',
    ),
    "structures": (
        '{\n  "1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},\n  "10": { },\n  "": "empty",\n'
        '  "a": { },\n  "111": [ { } ],\n  "A": { }\n}',
        '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}',
    ),
    "unicode": (
        '{\n  "Unnormalized Unicode":"\\u1e0d\\u0307"\n}\n',
        '{"Unnormalized Unicode":"\u1e0d\u0307"}',
    ),
    "values": (
        '{\n  "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],\n'
        '  "escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n'
        '  "literals": [null, true, false]\n}',
        '{"escaping":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/","literals":[null,true,false],'
        '"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}',
    ),
    "weird": (
        '{\n  "\\u20ac": "Euro Sign",\n  "1": "One",\n  "\\u0080": "Control\\u007f",\n'
        '  "\\ud83d\\ude02": "Smiley",\n  "\\u00f6": "Latin Small Letter O With Diaeresis",\n'
        '  "\\ufb33": "Hebrew Letter Dalet With Dagesh",\n  "</script>": "Browser Challenge"\n}\n',
        '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f",'
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\U0001f602":"Smiley",'
        '"\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    ),
}


@pytest.mark.parametrize("name", sorted(REFERENCE_FILES))
def test_it_matches_the_jcs_reference_test_data(name: str) -> None:
    source, expected = REFERENCE_FILES[name]
    assert canonicalize(loads_strict(source)) == expected.encode("utf-8")


def test_it_keeps_chinese_text_as_utf8_without_escapes() -> None:
    entry = {"当事人": "某某商贸有限公司", "处罚决定": "罚款人民币伍仟元整", "金额": 5000}
    result = canonicalize(entry)
    assert (
        result.decode("utf-8") == '{"处罚决定":"罚款人民币伍仟元整","当事人":"某某商贸有限公司","金额":5000}'
    )
    assert b"\\u" not in result


def test_it_escapes_exactly_the_mandatory_characters() -> None:
    every_control = "".join(chr(code) for code in range(0x20))
    result = canonical_text(every_control + '"\\/\u007f\u2028')
    assert result == (
        '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r'
        "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
        '\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\"\\\\/\u007f\u2028"'
    )


def test_it_canonicalizes_nested_structures_at_every_level() -> None:
    value = {"z": [{"b": 1, "a": [{"d": None, "c": False}]}, ()], "a": {"y": {}, "x": []}}
    assert canonical_text(value) == '{"a":{"x":[],"y":{}},"z":[{"a":[{"c":false,"d":null}],"b":1},[]]}'


def test_it_gives_the_same_bytes_whatever_the_insertion_order() -> None:
    first = {"b": 2, "a": {"d": 4, "c": 3}}
    second = {"a": {"c": 3, "d": 4}, "b": 2}
    assert canonicalize(first) == canonicalize(second)


def test_it_writes_integral_floats_and_negative_zero_as_integers() -> None:
    assert (
        canonical_text([56.0, -0.0, 1.0, 1e21, 1e20, 0.1, -1.5])
        == "[56,0,1,1e+21,100000000000000000000,0.1,-1.5]"
    )


def test_it_writes_safe_integers_and_refuses_larger_ones() -> None:
    assert (
        canonical_text([MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER, 0]) == "[9007199254740992,-9007199254740992,0]"
    )
    for value in (MAX_SAFE_INTEGER + 1, -MAX_SAFE_INTEGER - 1, 2**64):
        with pytest.raises(ValueError):
            canonicalize([value])


def test_it_agrees_with_repr_round_trips_for_many_doubles() -> None:
    # Every output must parse back to the same double (the shortest-digits property).
    values = [math.ldexp(1.0 + i / 977, e) for i in range(0, 977, 13) for e in range(-1074, 1024, 37)]
    for value in values:
        if value == 0 or not math.isfinite(value):
            continue
        text = es_number(value)
        assert float(text) == value
        assert es_number(-value) == "-" + text


def test_it_refuses_values_that_are_not_json_data() -> None:
    for value in ({1: "x"}, {"when": object()}, {1.5}, b"bytes"):
        with pytest.raises(TypeError):
            canonicalize(value)


def test_it_refuses_lone_surrogates() -> None:
    with pytest.raises(ValueError):
        canonicalize({"x": "\ud800"})
    with pytest.raises(ValueError):
        canonicalize({"\udc00": 1})


def test_loads_strict_refuses_duplicate_keys_and_nan() -> None:
    with pytest.raises(ValueError):
        loads_strict('{"a": 1, "a": 2}')
    with pytest.raises(ValueError):
        loads_strict('{"a": NaN}')
    with pytest.raises(ValueError):
        loads_strict("[Infinity]")
    assert loads_strict('{"a": [1, 2.5]}') == json.loads('{"a": [1, 2.5]}')
