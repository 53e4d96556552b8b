"""The pure hash chain: canonical JSON, SM3, checkpoint signatures and the streaming verifier."""

from __future__ import annotations

import datetime
import decimal
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sanxiang.lib.hashchain import (
    GENESIS_HASH,
    ChainVerifier,
    canonical_json,
    chain_hash,
    format_checkpoint_line,
    hmac_sm3_hex,
    key_id_of,
    normalize,
    parse_checkpoint_line,
    sign_checkpoint,
    sm3_hex,
    utc_iso,
    verify_checkpoint,
)

UTC = datetime.UTC


def test_it_computes_sm3_of_the_standard_test_vector():
    # GB/T 32905-2016, appendix A, example 1: SM3("abc").
    assert sm3_hex(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_it_keys_the_hmac():
    assert hmac_sm3_hex(b"k1", b"110101199003071234") != hmac_sm3_hex(b"k2", b"110101199003071234")
    assert hmac_sm3_hex(b"k1", b"x") == hmac_sm3_hex(b"k1", b"x")
    assert len(hmac_sm3_hex(b"k1", b"x")) == 64


def test_it_writes_canonical_json_with_sorted_keys_and_no_whitespace():
    assert canonical_json({"b": 1, "a": [1, "税"], "c": None}) == '{"a":[1,"税"],"b":1,"c":null}'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (decimal.Decimal("12.50"), "12.50"),
        (datetime.date(2026, 3, 1), "2026-03-01"),
        (
            datetime.datetime(2026, 3, 1, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))),
            "2026-03-01T00:00:00.000000+00:00",
        ),
        (1.5, "1.5"),
        (1e20, "1e+20"),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        ("a\x00b", "ab"),
        (True, True),
        (7, 7),
    ],
)
def test_it_normalizes_values_to_round_trip_safe_json(value, expected):
    assert normalize(value) == expected


def test_it_normalizes_nested_keys_tuples_and_sets():
    assert normalize({1: (1, 2), "s": {"b", "a"}}) == {"1": [1, 2], "s": ["a", "b"]}


def test_it_refuses_naive_datetimes_in_utc_iso():
    with pytest.raises(ValueError):
        utc_iso(datetime.datetime(2026, 1, 1))


def test_it_chains_the_previous_hash_into_each_hash():
    content = {"seq": 1, "action": "a.b"}
    assert chain_hash(GENESIS_HASH, content) != chain_hash("1" * 64, content)
    assert chain_hash(GENESIS_HASH, content) != chain_hash(GENESIS_HASH, {**content, "action": "a.c"})
    assert chain_hash(GENESIS_HASH, content) == chain_hash(GENESIS_HASH, dict(reversed(content.items())))


def test_it_signs_and_verifies_checkpoints_and_rejects_changes():
    key = Ed25519PrivateKey.generate()
    signed = sign_checkpoint(key, 42, "ab" * 32, "2026-01-01T00:00:00.000000+00:00")
    assert signed.key_id == key_id_of(key.public_key())
    assert verify_checkpoint(key.public_key(), signed)
    forged = signed.__class__(**{**signed.__dict__, "head_hash": "cd" * 32})
    assert not verify_checkpoint(key.public_key(), forged)
    assert not verify_checkpoint(Ed25519PrivateKey.generate().public_key(), signed)
    garbage = signed.__class__(**{**signed.__dict__, "signature": "not base64!"})
    assert not verify_checkpoint(key.public_key(), garbage)


def test_it_round_trips_checkpoint_log_lines():
    key = Ed25519PrivateKey.generate()
    signed = sign_checkpoint(key, 7, "ab" * 32, "2026-01-01T00:00:00.000000+00:00")
    line = format_checkpoint_line(signed)
    assert line.endswith("\n") and line.count("\n") == 1
    assert parse_checkpoint_line(line) == signed
    with pytest.raises(ValueError):
        parse_checkpoint_line("v1 x y")


# --- the verifier -------------------------------------------------------------------------------


def build_chain(n: int) -> list[dict]:
    """Rows as the database would hold them: seq, prev_hash, hash, content."""
    rows, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        content = {"seq": seq, "action": "case.file.created", "data": {"n": seq}}
        digest = chain_hash(prev, content)
        rows.append({"seq": seq, "prev_hash": prev, "hash": digest, "content": content})
        prev = digest
    return rows


def run(rows: list[dict], checkpoints: dict[int, str] | None = None):
    verifier = ChainVerifier(checkpoints)
    for row in sorted(rows, key=lambda r: r["seq"]):
        verifier.feed(row["seq"], row["prev_hash"], row["hash"], row["content"])
    return verifier, verifier.finish()


def first(problems):
    return (problems[0].code, problems[0].seq)


def test_it_accepts_an_intact_chain():
    rows = build_chain(10)
    verifier, problems = run(rows, {5: rows[4]["hash"], 10: rows[9]["hash"]})
    assert problems == []
    assert verifier.count == 10


def test_it_accepts_an_empty_chain_without_checkpoints():
    assert run([])[1] == []


def test_it_names_an_altered_event():
    rows = build_chain(10)
    rows[3]["content"] = {**rows[3]["content"], "data": {"n": 999}}
    assert first(run(rows)[1]) == ("altered", 4)


def test_it_names_an_event_whose_hash_was_altered():
    rows = build_chain(10)
    rows[3]["hash"] = "f" * 64
    problems = run(rows)[1]
    assert first(problems) == ("altered", 4)
    assert len(problems) == 1  # the broken link of event 5 points at the same event


def test_it_names_the_predecessor_of_a_broken_link_when_an_event_was_rehashed():
    rows = build_chain(10)
    row = rows[3]
    row["content"] = {**row["content"], "data": {"n": 999}}
    row["hash"] = chain_hash(row["prev_hash"], row["content"])
    problems = run(rows)[1]
    assert first(problems) == ("altered", 4)
    assert problems[0].params == {"link_of": 5}


def test_it_names_the_first_removed_event():
    rows = build_chain(10)
    del rows[4:6]
    problems = run(rows)[1]
    assert first(problems) == ("removed", 5)
    assert problems[0].params == {"first": 5, "last": 6}
    assert len(problems) == 1


def test_it_names_swapped_events_as_reordered():
    rows = build_chain(10)
    rows[4]["seq"], rows[5]["seq"] = 6, 5
    rows[4]["content"] = {**rows[4]["content"], "seq": 6}
    rows[5]["content"] = {**rows[5]["content"], "seq": 5}
    problems = run(rows)[1]
    assert first(problems) == ("reordered", 5)
    assert problems[0].params == {"original": 6}
    assert ("reordered", 6) in [(p.code, p.seq) for p in problems]


def test_it_detects_truncation_before_the_newest_checkpoint():
    rows = build_chain(10)
    checkpoints = {8: rows[7]["hash"]}
    problems = run(rows[:6], checkpoints)[1]
    assert first(problems) == ("truncated", 7)
    assert problems[0].params == {"checkpoint": 8}


def test_it_cannot_see_truncation_after_the_newest_checkpoint():
    rows = build_chain(10)
    assert run(rows[:9], {8: rows[7]["hash"]})[1] == []


def test_it_detects_a_chain_recomputed_without_the_signing_key():
    rows = build_chain(10)
    checkpoints = {4: rows[3]["hash"], 10: rows[9]["hash"]}
    forged, prev = [], GENESIS_HASH
    for row in rows:
        content = {**row["content"], "data": {"n": 0}} if row["seq"] == 6 else row["content"]
        digest = chain_hash(prev, content)
        forged.append({"seq": row["seq"], "prev_hash": prev, "hash": digest, "content": content})
        prev = digest
    problems = run(forged, checkpoints)[1]
    assert first(problems) == ("checkpoint_mismatch", 10)
    assert problems[0].params == {"since": 5}


def test_it_caps_the_number_of_problems():
    rows = build_chain(30)
    for row in rows:
        row["hash"] = "e" * 64
    verifier = ChainVerifier(max_problems=5)
    for row in rows:
        verifier.feed(row["seq"], row["prev_hash"], row["hash"], row["content"])
    assert len(verifier.finish()) == 5
