"""Pure rules of proactive disclosure (no database)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from sanxiang.disclosure import rules

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("attribute", "reason", "problem"),
    [
        ("", "", "missing_attribute"),
        ("public", "", "missing_attribute"),
        ("withheld", "", "missing_reason"),
        ("withheld", "because", "missing_reason"),
        ("withheld", "process_information", None),
        ("proactive", "", None),
        ("on_request", "", None),
        ("proactive", "state_secret", "reason_not_allowed"),
    ],
)
def test_it_finds_attribute_problems(attribute, reason, problem):
    assert rules.attribute_problem(attribute, reason) == problem


def test_it_builds_index_numbers_by_the_documented_rule():
    assert rules.index_number("16103000000", 5, 2025, 12) == "1610300000005/2025-00012"
    with pytest.raises(ValueError):
        rules.index_number("", 5, 2025, 1)


def test_it_splits_articles_with_a_preamble():
    articles = rules.split_articles("现公告如下：\n第一条 甲。\n第二条 乙\n丙。\n第十二条 丁。")
    assert [(a.number, a.label) for a in articles] == [(0, ""), (1, "第一条"), (2, "第二条"), (3, "第十二条")]
    assert articles[2].text == "乙\n丙。"


def test_it_splits_a_text_without_articles_into_paragraphs():
    articles = rules.split_articles("一、总体要求\n\n二、主要任务")
    assert [(a.number, a.label, a.text) for a in articles] == [
        (1, "第1段", "一、总体要求"),
        (2, "第2段", "二、主要任务"),
    ]


def test_it_counts_documents_for_the_annual_report():
    d = datetime.date
    docs = [
        rules.DocumentFacts("normative", d(2024, 3, 1)),
        rules.DocumentFacts("normative", d(2023, 5, 1), ((d(2024, 6, 1), "repealed"),)),
        rules.DocumentFacts("normative", d(2022, 5, 1), ((d(2024, 6, 1), "partly_void"),)),
        rules.DocumentFacts("normative", d(2022, 5, 1), ((d(2025, 1, 1), "repealed"),)),
        rules.DocumentFacts("rule", d(2024, 12, 31)),
        rules.DocumentFacts("rule", d(2025, 1, 1)),
        rules.DocumentFacts("other", d(2024, 1, 1)),
    ]
    assert rules.document_counts(docs, 2024) == {
        "rule": {"issued": 1, "repealed": 0, "in_force": 1},
        "normative": {"issued": 1, "repealed": 1, "in_force": 3},
    }


def test_it_measures_the_comment_period_without_the_opening_day():
    check = rules.consultation_period(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31), minimum_days=30)
    assert (check.days, check.short) == (30, False)
    check = rules.consultation_period(datetime.date(2025, 3, 1), datetime.date(2025, 3, 30), minimum_days=30)
    assert (check.days, check.short) == (29, True)
    with pytest.raises(ValueError):
        rules.consultation_period(datetime.date(2025, 3, 1), datetime.date(2025, 3, 1), minimum_days=30)


def test_it_tells_the_consultation_phase_from_today():
    opens, closes = datetime.date(2025, 3, 1), datetime.date(2025, 3, 31)
    assert rules.consultation_phase(opens, closes, datetime.date(2025, 2, 28)) == "not_open"
    assert rules.consultation_phase(opens, closes, opens) == "open"
    assert rules.consultation_phase(opens, closes, closes) == "open"
    assert rules.consultation_phase(opens, closes, datetime.date(2025, 4, 1)) == "closed"


def test_it_finds_sensitive_words_ignoring_case_and_spaces():
    assert rules.sensitive_words_in("可以 代 开发票吗 ABC", ["代开发票", "abc", "刷单"]) == [
        "代开发票",
        "abc",
    ]


def test_it_counts_adoption():
    counts = rules.adoption_counts(
        [
            ("published", "adopted"),
            ("published", "partly"),
            ("published", ""),
            ("rejected", ""),
            ("pending", ""),
        ]
    )
    assert counts == rules.AdoptionCounts(
        received=5, published=3, answered=2, adopted=1, partly=1, not_adopted=0
    )


@pytest.mark.parametrize(
    ("score", "reason", "problem"),
    [
        (0, "", "bad_score"),
        (6, "x", "bad_score"),
        (1, "", "reason_required"),
        (2, " ", "reason_required"),
        (2, "慢", None),
        (3, "", None),
    ],
)
def test_it_requires_a_reason_for_a_low_rating(score, reason, problem):
    assert rules.rating_problem(score, reason, low_score=2) == problem


def test_opinion_timers_run_across_midnight_in_clock_hours():
    discovered = datetime.datetime(2025, 3, 5, 21, 30, tzinfo=SHANGHAI)  # a Wednesday evening
    info, press = rules.opinion_due_times(discovered, "major", info_hours=5, press_hours=24)
    assert info.astimezone(SHANGHAI) == datetime.datetime(2025, 3, 6, 2, 30, tzinfo=SHANGHAI)
    assert press.astimezone(SHANGHAI) == datetime.datetime(2025, 3, 6, 21, 30, tzinfo=SHANGHAI)


def test_opinion_timers_run_through_a_weekend():
    discovered = datetime.datetime(2025, 3, 7, 22, 0, tzinfo=SHANGHAI)  # a Friday night
    info, press = rules.opinion_due_times(discovered, "especially_major", info_hours=5, press_hours=24)
    assert info.astimezone(SHANGHAI) == datetime.datetime(2025, 3, 8, 3, 0, tzinfo=SHANGHAI)  # Saturday
    assert press.astimezone(SHANGHAI) == datetime.datetime(2025, 3, 8, 22, 0, tzinfo=SHANGHAI)  # Saturday


def test_an_ordinary_incident_has_no_press_conference_timer():
    discovered = datetime.datetime(2025, 3, 7, 22, 0, tzinfo=SHANGHAI)
    assert rules.opinion_due_times(discovered, "ordinary", info_hours=5, press_hours=24)[1] is None
    with pytest.raises(ValueError):
        rules.opinion_due_times(discovered.replace(tzinfo=None), "major", info_hours=5, press_hours=24)


def test_timer_states():
    due = datetime.datetime(2025, 3, 8, 3, 0, tzinfo=SHANGHAI)
    hour = datetime.timedelta(hours=1)
    assert rules.Timer(due, None).state(due - 2 * hour, alert_before=hour) == "running"
    assert rules.Timer(due, None).state(due - hour / 2, alert_before=hour) == "alert"
    assert rules.Timer(due, None).state(due + hour, alert_before=hour) == "overdue"
    assert rules.Timer(due, due - hour).state(due + hour, alert_before=hour) == "met"
    assert rules.Timer(due, due + hour).state(due + hour, alert_before=hour) == "late"


def test_ruling_publication_limit_counts_from_the_next_day():
    assert rules.ruling_publish_due(datetime.date(2025, 1, 31), days=30) == datetime.date(2025, 3, 2)
