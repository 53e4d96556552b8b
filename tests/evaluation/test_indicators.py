"""Each default indicator computed on hand-made data with a known answer, including units with
no data and indicators whose module is not installed ("数据来源未启用", never zero)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.evaluation import selectors
from sanxiang.kernel.measures import Level, Period
from sanxiang.org.models import EnforcementCertificate
from tests import factories
from tests.enforcement import factories as ef

from . import builders as b

pytestmark = pytest.mark.django_db

NOV = Period.month(2026, 11)
D = datetime.date


def _unit(library, period=NOV):
    return selectors.authority_results(library, period)


def _cell(result, code):
    cell = result.cell(code)
    assert cell is not None
    return cell


def test_publicity_on_time_counts_entries_due_in_the_period(org, library):
    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 5))
    b.entry(org.district_a, due=D(2026, 11, 10), published=D(2026, 11, 3))
    b.entry(org.district_a, due=D(2026, 11, 12), published=D(2026, 11, 13))  # late
    b.entry(org.district_a, due=D(2026, 10, 12), published=None)  # due in another period
    results = _unit(library)
    a = _cell(results[org.district_a.pk], "GS-01")
    assert (a.numerator, a.denominator) == (2, 3)
    assert a.display == "66.7%" and a.grade == "D"
    # The city counts its districts (本级及下级); a district without entries has no data, not zero.
    assert _cell(results[org.city.pk], "GS-01").pair == [2, 3]
    empty = _cell(results[org.district_b.pk], "GS-01")
    assert empty.value is None and empty.display == "无数据" and empty.score is None


def test_publicity_on_time_leaves_out_what_is_not_due_yet(org, library):
    b.entry(org.district_a, due=D(2026, 11, 20), published=None)
    running = Period.month(2026, 11, as_of=D(2026, 11, 15))
    assert _cell(_unit(library, running)[org.district_a.pk], "GS-01").denominator == 0
    assert _cell(_unit(library, NOV)[org.district_a.pk], "GS-01").pair == [0, 1]


def test_publicity_corrections_and_withdrawals_per_first_publication(org, library):
    entries = [b.entry(org.district_a, due=D(2026, 11, 20), published=D(2026, 11, d)) for d in (2, 3, 4, 5)]
    b.correction(entries[0], approved=D(2026, 11, 9))
    withdrawn = entries[1]
    withdrawn.status = "withdrawn"
    withdrawn.ended_at = b.at(D(2026, 11, 10))
    withdrawn.save()
    cell = _cell(_unit(library)[org.district_a.pk], "GS-02")
    assert cell.pair == [2, 4] and cell.display == "50.0%"


def test_publicity_unpublished_decisions_counted_where_the_limit_fell(org, library):
    taxpayer = ef.taxpayer(org.district_a)
    act = ef.act(taxpayer, department=org.a_collection)
    ef.decision(act, decided_on=D(2026, 11, 2))  # no entry: its publication limit falls in November
    cell = _cell(_unit(library)[org.district_a.pk], "GS-03")
    assert cell.pair == [1, 1] and cell.grade == "B"
    assert _cell(_unit(library)[org.district_b.pk], "GS-03").pair == [0, 1]  # a real zero: grade A
    assert _cell(_unit(library)[org.district_b.pk], "GS-03").grade == "A"


def test_review_coverage_return_rate_and_duration(org, library):
    for unreviewed in (False, False, True):
        b.case(org.district_a, needs_review=True, decided_on=D(2026, 11, 16), unreviewed=unreviewed)
    b.case(org.district_a, needs_review=False, decided_on=D(2026, 11, 16))  # did not need review
    for returned in (True, False, False, False):
        b.case(org.district_a, submitted_on=D(2026, 11, 3), was_returned=returned)
    # Monday 2 → Monday 9 November: 5 working days; Tuesday 10 → Friday 13: 3.
    b.case(org.district_a, submitted_on=D(2026, 11, 2), approved_on=D(2026, 11, 9))
    b.case(org.district_a, submitted_on=D(2026, 11, 10), approved_on=D(2026, 11, 13))
    a = _unit(library)[org.district_a.pk]
    assert _cell(a, "SH-01").pair == [2, 3]
    assert _cell(a, "SH-02").pair == [1, 6]  # the two approved cases were submitted in November too
    duration = _cell(a, "SH-03")
    assert duration.pair == [8, 2] and duration.value == 4 and duration.grade == "A"


def test_reviewer_share_per_unit_only(org, library):
    factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"])
    for _ in range(20):
        factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    a = _unit(library)[org.district_a.pk]
    assert _cell(a, "SH-05").pair == [1, 20] and _cell(a, "SH-05").grade == "A"
    dept = selectors.department_results(library, NOV, org.district_a)
    assert all(not d.cell("SH-05").applicable for d in dept)  # 占比 is a unit-level indicator


def test_supervision_on_time_and_overdue(org, library):
    t1 = b.task(org.district_a, department=org.a_collection)
    b.milestone(t1, due=D(2026, 11, 5), done=D(2026, 11, 4))
    b.milestone(t1, due=D(2026, 11, 10), done=D(2026, 11, 12))  # done late
    t2 = b.task(org.district_a, department=org.a_collection)
    b.milestone(t2, due=D(2026, 11, 20), done=None)  # still open at the cutoff
    a = _unit(library)[org.district_a.pk]
    assert _cell(a, "DB-01").pair == [1, 3]
    assert _cell(a, "DB-02").pair == [2, 1]
    dept = {d.key: d for d in selectors.department_results(library, NOV, org.district_a)}
    assert dept[org.a_collection.pk].cell("DB-01").pair == [1, 3]


def test_certified_officers(org, library):
    with_cert = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    EnforcementCertificate.objects.create(
        holder=with_cert,
        number="61030000001",
        issued_by="陕西省人民政府",
        valid_from=D(2024, 1, 1),
        valid_until=D(2028, 12, 31),
    )
    assert _cell(_unit(library)[org.district_a.pk], "QT-01").pair == [1, 2]


def test_modules_not_installed_show_as_not_enabled_never_zero(org, library, monkeypatch):
    from sanxiang.kernel import measures as registry

    # As if the records archive were not installed: its measures are not registered.
    kept = {code: m for code, m in registry._measures.items() if m.system != "records"}
    monkeypatch.setattr(registry, "_measures", kept)
    a = _unit(library)[org.district_a.pk]
    for code in ("JL-01", "JL-02", "JL-03"):
        cell = _cell(a, code)
        assert not cell.enabled
        assert cell.display == "数据来源未启用"
        assert cell.value is None and cell.score is None
    assert _cell(a, "GS-01").enabled


def test_total_score_weights_only_indicators_with_data(org, library):
    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 5))  # GS-01 100% → A
    a = _unit(library)[org.district_a.pk]
    scored = [c for c in a.cells if c.has_data]
    expected = sum(float(c.indicator.weight) * c.score for c in scored) / sum(
        float(c.indicator.weight) for c in scored
    )
    assert a.total == round(expected, 2)
    assert {c.indicator.code for c in scored} >= {"GS-01", "GS-03", "DB-02"}


def test_officer_level_figures(org, library):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 9), created_by=officer)
    result = selectors.officer_result(library, NOV, officer)
    assert result.cell("GS-01").pair == [0, 1]
    assert not result.cell("DB-01").applicable  # supervision has no officer level


def test_drill_rows_lead_to_the_records_behind_a_figure(org, library, legal):
    late = b.entry(org.district_a, due=D(2026, 11, 12), published=D(2026, 11, 13))
    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 5))
    indicator = library.indicators.get(code="GS-01")
    rows = selectors.drill_rows(
        actor=legal, indicator=indicator, period=NOV, level=Level.AUTHORITY, key=org.city.pk
    )
    assert len(rows) == 2
    assert rows[0].counts_against and rows[0].url.endswith(f"/entries/{late.pk}/")


def test_discretion_deviation_counts_fines_outside_the_lawful_range(org, library):
    # 征管法§60(2), corrected 5 days late: 200–1,000 yuan under the shipped benchmark.
    common = {
        "violation_code": "征管法§60(2)",
        "violation_date": D(2026, 9, 1),
        "decided_on": D(2026, 11, 10),
        "discretion_facts": {"days_after_deadline": 5},
    }
    b.case(org.district_a, penalty_amount=18143, **common)
    b.case(org.district_a, penalty_amount=1000, **common)
    cell = _cell(_unit(library)[org.district_a.pk], "SH-04")
    assert cell.enabled and cell.pair == [1, 1] and cell.grade == "B"
