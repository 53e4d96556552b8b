"""Loop checks find each broken loop (and close it once fixed); a frozen snapshot never changes,
and a later data correction shows as a difference."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sanxiang.audit.models import AuditEvent
from sanxiang.evaluation import selectors, services
from sanxiang.evaluation.models import LoopFinding, Snapshot
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from tests import factories
from tests.enforcement import factories as ef

from . import builders as b

pytestmark = pytest.mark.django_db
D = datetime.date
NOW = timezone.make_aware(datetime.datetime(2026, 12, 6, 9, 0))


def test_unreviewed_decision_is_found_with_its_owner_then_resolved(org, library):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    case = b.case(
        org.district_a,
        department=org.a_collection,
        needs_review=True,
        unreviewed=True,
        decided_on=D(2026, 11, 3),
    )
    case.act.created_by = officer
    case.act.save()
    result = services.loop_findings_refresh(now=NOW)
    finding = LoopFinding.objects.get(check_code="review.unreviewed")
    assert result.found >= 1
    assert finding.authority == org.district_a and finding.department == org.a_collection
    assert finding.officer == officer and finding.url.endswith(f"/cases/{case.pk}/")
    # Idempotent: a second run finds nothing new.
    assert services.loop_findings_refresh(now=NOW).found == 0
    # Fixed at the source: the finding is closed, not deleted.
    case.unreviewed = False
    case.save()
    services.loop_findings_refresh(now=NOW)
    finding.refresh_from_db()
    assert finding.resolved_at is not None


def test_decision_not_published_in_time_is_found(org, library):
    act = ef.act(ef.taxpayer(org.district_a), department=org.a_collection)
    decision = ef.decision(act, decided_on=D(2026, 11, 2))
    services.loop_findings_refresh(now=NOW)
    finding = LoopFinding.objects.get(check_code="publicity.unpublished")
    assert finding.key == f"enforcement.decision:{decision.pk}"
    assert finding.due is not None and finding.due > D(2026, 11, 2)


def test_loop_findings_are_seen_through_the_data_scope(org, library):
    b.case(org.district_a, needs_review=True, unreviewed=True, decided_on=D(2026, 11, 3))
    services.loop_findings_refresh(now=NOW)
    city = factories.user(org.city, org.city_legal, roles=["legal_reviewer"], scope="unit_and_below")
    other = factories.user(org.district_b, org.b_legal, roles=["legal_reviewer"], scope="unit")
    assert selectors.loop_findings(actor=city).count() == 1
    assert selectors.loop_findings(actor=other).count() == 0


def test_closed_month_is_frozen_and_a_later_correction_shows_as_a_difference(org, library, legal):
    entry = b.entry(org.district_a, due=D(2026, 11, 12), published=D(2026, 11, 13))  # late
    snapshot = services.period_close(actor=legal, authority=org.city, year=2026, month=11, now=NOW)
    frozen = dict(snapshot.results)
    assert frozen["units"][str(org.district_a.pk)]["cells"]["GS-01"] == [0, 1]
    assert AuditEvent.objects.filter(action="evaluation.snapshot.frozen").exists()
    assert selectors.snapshot_compare(snapshot=snapshot) == []
    # A data correction after the period was closed …
    entry.published_at = b.at(D(2026, 11, 12))
    entry.save()
    differences = selectors.snapshot_compare(snapshot=snapshot)
    # … is reported for the district and the city above it, and the snapshot is unchanged.
    assert {(d.unit, d.indicator) for d in differences} == {
        (str(org.district_a.pk), "GS-01"),
        (str(org.city.pk), "GS-01"),
    }
    assert all(d.frozen == (0.0, 1.0) and d.current == (1.0, 1.0) for d in differences)
    snapshot.refresh_from_db()
    assert snapshot.results == frozen
    assert services.snapshot_chain_verify() == []
    with pytest.raises(InvalidTransition):
        services.period_close(actor=legal, authority=org.city, year=2026, month=11, now=NOW)


def test_snapshot_chain_detects_an_edit(org, library, legal):
    services.period_close(actor=legal, authority=org.city, year=2026, month=10, now=NOW)
    second = services.period_close(actor=legal, authority=org.city, year=2026, month=11, now=NOW)
    assert second.previous_digest == Snapshot.objects.order_by("pk").first().digest
    Snapshot.objects.filter(pk=second.pk).update(results={**second.results, "units": {}})
    assert len(services.snapshot_chain_verify()) == 1


def test_a_running_month_cannot_be_closed(org, library, legal):
    with pytest.raises(ValidationFailed):
        services.period_close(actor=legal, authority=org.city, year=2026, month=12, now=NOW)


def test_special_evaluation_with_manual_finding_and_deduction(org, library, legal):
    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 5))
    campaign = services.campaign_create(
        actor=legal,
        name="公示专项评估",
        authority=org.city,
        period_start=D(2026, 11, 1),
        period_end=D(2026, 11, 30),
        indicator_codes=["GS-01", "GS-03"],
    )
    services.finding_add(
        actor=legal,
        campaign=campaign,
        authority=org.district_a,
        description="抽查发现1条公示信息字段缺漏",
        deduction=__import__("decimal").Decimal("5"),
        indicator_code="GS-01",
    )
    with pytest.raises(ValidationFailed):
        services.finding_add(
            actor=legal,
            campaign=campaign,
            authority=org.district_a,
            description="x",
            deduction=__import__("decimal").Decimal("1"),
            indicator_code="SH-01",
        )
    snapshot = services.campaign_close(actor=legal, campaign=campaign, now=NOW)
    unit = snapshot.results["units"][str(org.district_a.pk)]
    assert set(unit["cells"]) == {"GS-01", "GS-03"}
    assert unit["deduction"] == 5 and unit["total"] == 95.0
    with pytest.raises(InvalidTransition):
        services.campaign_close(actor=legal, campaign=campaign, now=NOW)


def test_only_the_legal_department_or_administrators_close_periods(org, library, leader):
    from sanxiang.kernel.exceptions import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        services.period_close(actor=leader, authority=org.city, year=2026, month=11, now=NOW)
