"""Pure rules: the bigram tokenizer, query compilation and the last check for personal data."""

from __future__ import annotations

import pytest
from stdnum import luhn
from stdnum.cn import ric

from sanxiang.portal import rules


def test_it_indexes_overlapping_bigrams_and_the_last_character():
    assert rules.index_text(["行政处罚"]) == "行政 政处 处罚 罚"


def test_it_keeps_words_and_numbers_whole_and_lower_case():
    assert rules.index_text(["宝税罚〔2026〕12号 ABC"]) == "宝税 税罚 罚 2026 12 号 abc"


def test_it_indexes_a_single_character_run():
    assert rules.index_text(["罚", "A"]) == "罚 a"


def test_it_parses_a_two_character_query_into_one_phrase():
    assert rules.parse_query("罚款") == [rules.QueryRun(("罚款",))]


def test_it_parses_a_longer_query_into_consecutive_bigrams():
    assert rules.parse_query("税务局") == [rules.QueryRun(("税务", "务局"))]


def test_it_parses_one_character_as_a_prefix_and_drops_punctuation():
    assert rules.parse_query("罚 ，。!") == [rules.QueryRun(("罚",), prefix=True)]
    assert rules.parse_query("，。!") == []


def test_it_builds_fts5_and_tsquery_expressions():
    runs = rules.parse_query("税务局 罚 2026")
    assert rules.fts5_match(runs) == '"税务 务局" AND "罚"* AND "2026"'
    assert rules.pg_tsquery(runs) == "'税务' & '务局' & '罚':* & '2026'"


def test_it_names_each_token_of_the_tsquery_once():
    assert rules.pg_tsquery(rules.parse_query("税务税务")) == "'税务' & '务税'"


def test_its_like_patterns_match_a_run_only_where_its_tokens_stand_side_by_side():
    runs = rules.parse_query("税务局 罚 2026")
    assert rules.like_patterns(runs) == ["% 税务 务局 %", "% 罚%", "% 2026 %"]
    padded = " " + rules.index_text(["宝鸡市税务局罚款 20261"]) + " "
    patterns = rules.like_patterns(rules.parse_query("税务局"))
    assert all(_like(padded, pattern) for pattern in patterns)
    assert not _like(padded, rules.like_patterns(rules.parse_query("2026"))[0])
    assert not _like(padded, rules.like_patterns(rules.parse_query("税局"))[0])
    assert _like(padded, rules.like_patterns(rules.parse_query("罚"))[0])


def _like(text: str, pattern: str) -> bool:
    """SQL LIKE for patterns whose only wildcards are leading and trailing %."""
    inner = pattern.strip("%")
    if pattern.endswith("%") and not pattern.startswith("%"):
        return text.startswith(inner)
    return inner in text


def test_it_caps_the_number_of_query_runs():
    assert len(rules.parse_query(" ".join(["税务"] * 20))) == rules.MAX_QUERY_RUNS


def _id_number() -> str:
    body = "61030219900307123"
    return body + ric.calc_check_digit(body)


def _bank_card() -> str:
    body = "622202020011223344"
    return body + luhn.calc_check_digit(body)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"当事人身份证号码{_id_number()}", "id_number"),
        (f"住所地某小区，{_id_number()}", "id_number"),
        ("联系电话13812345678", "phone"),
        (f"银行账号{_bank_card()}", "bank_account"),
    ],
)
def test_it_finds_personal_data_in_clear(text, kind):
    assert kind in rules.personal_data_in_clear([text])


def test_it_accepts_masked_values_and_public_numbers():
    texts = ["身份证号码610302********1230", "联系电话138****5678", "纳税服务热线12366", "罚款500元"]
    assert rules.personal_data_in_clear(texts) == []
