"""``chain_hash_normalized`` and the exact-type shortcuts of ``normalize`` change no hash (no DB)."""

from __future__ import annotations

import datetime
import decimal
import enum

from sanxiang.lib.hashchain import GENESIS_HASH, canonical_json, chain_hash, chain_hash_normalized, normalize


class Colour(enum.StrEnum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


CONTENTS = [
    {"seq": 1, "action": "a.b.c", "after": {"n": 1, "ok": True, "none": None}},
    {"seq": 2, "text": "nul\x00here", "nested": {"k\x00": ["x\x00", 1.5, 10**20]}},
    {
        "seq": 3,
        "when": datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC),
        "amount": decimal.Decimal("1.10"),
    },
    {"seq": 4, "outcome": Colour.RED, "level": Level.HIGH, "flag": False, 7: "int key", "set": {3, 1, 2}},
    {"seq": 5, "中文": "税务局", "list": [{"b": 1, "a": 2}, (1, 2)]},
]


def test_it_hashes_normalised_content_as_chain_hash_hashes_the_original():
    for content in CONTENTS:
        normal = normalize(content)
        assert normalize(normal) == normal
        assert chain_hash_normalized(GENESIS_HASH, normal) == chain_hash(GENESIS_HASH, content)


def test_it_keeps_the_normal_form_of_exact_and_derived_types():
    assert normalize("a\x00b") == "ab" and normalize({"k\x00": "v"}) == {"k": "v"}
    assert normalize(True) is True and normalize(Level.HIGH) == 3 and type(normalize(Level.HIGH)) is int
    assert normalize(Colour.RED) == "red" and type(normalize(Colour.RED)) is str
    assert normalize({1: 2}) == {"1": 2}
    assert canonical_json({"b": 1, "a": [1, "é"]}) == '{"a":[1,"é"],"b":1}'
