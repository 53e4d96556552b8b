"""The evaluation's pure rules: values, grades, totals, roll-up, ranks, differences, digests."""

from __future__ import annotations

import pytest

from sanxiang.evaluation import rules


def test_value_of_ratio_count_and_average():
    assert rules.value_of("ratio", 49, 50) == pytest.approx(0.98)
    assert rules.value_of("ratio", 0, 0) is None  # nothing to measure is not zero
    assert rules.value_of("count", 3, 1) == 3
    assert rules.value_of("count", 0, 0) == 0
    assert rules.value_of("average", 30, 4) == 7.5


@pytest.mark.parametrize(
    ("value", "direction", "grade"),
    [
        (0.99, "higher", "A"),
        (0.98, "higher", "A"),
        (0.96, "higher", "B"),
        (0.90, "higher", "C"),
        (0.50, "higher", "D"),
        (None, "higher", None),
    ],
)
def test_grade_of_higher_is_better(value, direction, grade):
    assert rules.grade_of(value, direction, [["A", 0.98], ["B", 0.95], ["C", 0.90]]) == grade


def test_grade_of_lower_is_better_counts():
    bands = [["A", 0], ["B", 2], ["C", 5]]
    assert [rules.grade_of(v, "lower", bands) for v in (0, 1, 2, 5, 6)] == ["A", "B", "B", "C", "D"]


def test_total_ignores_indicators_without_data():
    assert rules.total_of([(10, 100.0), (5, None), (10, 70.0)]) == 85.0
    assert rules.total_of([(10, None)]) is None
    assert rules.total_grade(85.0) == "B"
    assert rules.total_grade(None) is None


def test_roll_up_adds_each_unit_to_its_ancestors():
    paths = {1: "0001", 2: "00010001", 3: "00010002", 4: "000100010001"}
    figures = {2: (1.0, 2.0), 3: (3.0, 4.0), 4: (5.0, 5.0)}
    totals = rules.roll_up(figures, paths, 4)
    assert totals[1] == (9.0, 11.0)
    assert totals[2] == (6.0, 7.0)
    assert totals[3] == (3.0, 4.0)
    assert totals[4] == (5.0, 5.0)


def test_ranks_share_places_on_ties_and_skip_missing():
    assert rules.ranks({1: 90.0, 2: 95.0, 3: 90.0, 4: None}, "higher") == {2: 1, 1: 2, 3: 2}
    assert rules.ranks({1: 3.0, 2: 1.0}, "lower") == {2: 1, 1: 2}


def test_differences_list_every_changed_or_missing_figure():
    frozen = {"1": {"GS-01": [9, 10], "SH-01": [1, 1]}}
    current = {"1": {"GS-01": [8, 10], "SH-01": [1, 1]}, "2": {"GS-01": [1, 1]}}
    found = rules.differences(frozen, current)
    assert [(d.unit, d.indicator, d.frozen, d.current) for d in found] == [
        ("1", "GS-01", (9.0, 10.0), (8.0, 10.0)),
        ("2", "GS-01", None, (1.0, 1.0)),
    ]


def test_snapshot_digest_links_and_changes_with_content():
    a = rules.snapshot_digest(rules.GENESIS, {"units": {"1": {"total": 90}}})
    b = rules.snapshot_digest(rules.GENESIS, {"units": {"1": {"total": 91}}})
    c = rules.snapshot_digest(a, {"units": {"1": {"total": 90}}})
    assert len({a, b, c}) == 3
    assert a == rules.snapshot_digest(rules.GENESIS, {"units": {"1": {"total": 90}}})
