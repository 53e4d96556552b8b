"""Readers of the legal review; every queryset reachable from a request goes through ``visible_to``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from sanxiang.core.choices import RoleCode
from sanxiang.core.models import Authority, User
from sanxiang.core.scope import authorities_in_scope, get_visible_or_404
from sanxiang.holidays.models import Deadline

from . import rules
from .choices import CaseStatus
from .models import BenchmarkVersion, ChecklistItem, ExemptionBatch, ReviewCase

OPEN_STATES = (
    CaseStatus.SUBMITTED,
    CaseStatus.IN_REVIEW,
    CaseStatus.CHANGES_PROPOSED,
    CaseStatus.REFERRED,
    CaseStatus.DELIBERATION,
    CaseStatus.APPROVED,
)


def case_list(
    *, actor: Any, status: str | None = None, q: str | None = None, unreviewed: bool | None = None
) -> models.QuerySet[ReviewCase]:
    qs = ReviewCase.objects.visible_to(actor).select_related("act__taxpayer", "authority", "reviewer")
    if status:
        qs = qs.filter(status=status)
    if unreviewed is not None:
        qs = qs.filter(unreviewed=unreviewed)
    q = (q or "").strip()
    if q:
        qs = qs.filter(models.Q(title__icontains=q) | models.Q(act__taxpayer__name__icontains=q))
    return qs


def case_get(*, actor: Any, pk: int, action: str = "view") -> ReviewCase:
    return get_visible_or_404(
        ReviewCase.objects.select_related(
            "act__taxpayer",
            "authority",
            "department",
            "reviewer",
            "decided_by",
            "catalogue",
            "decision",
            "created_by",
        ),
        actor,
        action=action,
        pk=pk,
    )


def case_deadlines(case: ReviewCase) -> list[Deadline]:
    return list(Deadline.objects.for_owner(case).order_by("purpose"))


def reviewer_queue(*, actor: Any) -> models.QuerySet[ReviewCase]:
    """The cases waiting for this reviewer, and the unassigned ones the reviewer's unit sees."""
    qs = case_list(actor=actor)
    return qs.filter(
        models.Q(
            reviewer=actor,
            status__in=[CaseStatus.IN_REVIEW, CaseStatus.CHANGES_PROPOSED, CaseStatus.REFERRED],
        )
        | models.Q(status=CaseStatus.SUBMITTED)
    )


def eligible_reviewers(*, case: ReviewCase) -> list[User]:
    """Legal reviewers of the case's authority and its superiors who may review it."""
    from .services import reviewer_eligibility

    paths = [
        case.authority.path[:end]
        for end in range(Authority.steplen, len(case.authority.path) + 1, Authority.steplen)
    ]
    candidates = (
        User.objects.filter(is_active=True, roles__code=RoleCode.LEGAL_REVIEWER, authority__path__in=paths)
        .distinct()
        .order_by("pk")
    )
    return [u for u in candidates if reviewer_eligibility(case=case, reviewer=u).ok]


def checklist_items(authority: Authority | None) -> list[ChecklistItem]:
    """The active checklist of the authority (its own items if it has any, else the default)."""
    own = list(ChecklistItem.objects.filter(authority=authority, is_active=True)) if authority else []
    return own or list(ChecklistItem.objects.filter(authority__isnull=True, is_active=True))


# --- discretion ---------------------------------------------------------------------------------


def benchmark_set() -> Any:
    """The stored benchmark versions and exemption batches as the lib's ``BenchmarkSet``."""
    from sanxiang.lib.discretion import Benchmark, BenchmarkSet, ExemptionItem, shipped_benchmark_set

    versions = [Benchmark.from_json(v.payload) for v in BenchmarkVersion.objects.all()]
    items = [ExemptionItem.from_json(item) for batch in ExemptionBatch.objects.all() for item in batch.items]
    if not versions:
        return shipped_benchmark_set()
    return BenchmarkSet.of(versions, items)


def discretion_request(case: ReviewCase) -> dict[str, Any]:
    """The case as a request in the ``sanxiang discretion`` input shape."""
    return {
        "violation": case.violation_code,
        "subject": case.subject,
        "facts": dict(case.discretion_facts or {}),
        "violation_date": case.violation_date.isoformat() if case.violation_date else None,
        "proposed_penalty": float(case.penalty_amount)
        if case.penalty_amount == int(case.penalty_amount)
        else str(case.penalty_amount),
    }


def past_decisions(*, violation: str, exclude_case: int | None = None) -> list[Any]:
    """Issued decisions (enforcement ``Decision`` rows) of cases with the same violation code."""
    from sanxiang.lib.discretion import PastDecision

    rows = (
        ReviewCase.objects.filter(violation_code=violation, decision__isnull=False)
        .exclude(pk=exclude_case)
        .select_related("decision")
        .order_by("-decision__decided_on")[:500]
    )
    return [
        PastDecision(
            reference=row.decision.document_number or row.title,
            violation=row.violation_code,
            subject=row.subject,
            facts=row.discretion_facts or {},
            penalty=Decimal(row.decision.penalty_amount),
            decision_date=row.decision.decided_on or row.created_at.date(),
            exempted=row.decision.kind == "no_penalty",
        )
        for row in rows
    ]


@dataclass(frozen=True)
class DiscretionView:
    result: dict[str, Any]
    similar: dict[str, Any] | None


def case_discretion(*, case: ReviewCase, today: datetime.date) -> DiscretionView | None:
    """Within range, first-violation exemption and similar past decisions for the case's proposal."""
    if not case.violation_code or case.violation_date is None:
        return None
    from sanxiang.lib.discretion import DiscretionError, evaluate, parse_request, similar_decisions

    request = discretion_request(case)
    result = evaluate(request, benchmark_set(), today=today)
    parsed = parse_request(request)
    similar = None
    if not isinstance(parsed, DiscretionError):
        similar = similar_decisions(
            parsed, past_decisions(violation=case.violation_code, exclude_case=case.pk)
        ).to_json()
    return DiscretionView(result=result, similar=similar)


# --- statistics --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffingRow:
    authority: Authority
    reviewers: int
    officers: int

    @property
    def share(self) -> float:
        return self.reviewers / self.officers if self.officers else 0.0

    @property
    def ok(self) -> bool:
        return rules.staffing_ok(self.reviewers, self.officers)


@dataclass(frozen=True)
class Statistics:
    year: int
    per_kind: list[rules.KindStats]
    overall: rules.KindStats
    unreviewed: int
    staffing: list[StaffingRow]


def review_statistics(*, actor: Any, year: int) -> Statistics:
    """Reviews by kind and outcome, return rate, days taken, and reviewer staffing per unit."""
    cases = (
        case_list(actor=actor)
        .filter(submitted_on__year=year)
        .select_related("act")
        .prefetch_related("opinions")
    )
    rows = []
    for case in cases:
        final = case.opinions.all()
        outcome = final[len(final) - 1].opinion if final else case.status
        rows.append(
            rules.ReviewRow(
                kind=case.act.kind,
                outcome=outcome,
                returned=case.was_returned,
                days_taken=rules.days_between(case.submitted_on, case.approved_on),
            )
        )
    per_kind, overall = rules.summarise(rows)
    unreviewed = case_list(actor=actor, unreviewed=True).filter(decided_on__year=year).count()
    staffing = []
    for authority in authorities_in_scope(actor).order_by("path"):
        staff = User.objects.filter(authority=authority, is_active=True)
        officers = staff.filter(roles__code=RoleCode.ENFORCEMENT_OFFICER).distinct().count()
        reviewers = staff.filter(roles__code=RoleCode.LEGAL_REVIEWER).distinct().count()
        if officers or reviewers:
            staffing.append(StaffingRow(authority, reviewers, officers))
    return Statistics(year, per_kind, overall, unreviewed, staffing)


def unreviewed_by_unit(*, actor: Any) -> list[tuple[Authority, list[ReviewCase]]]:
    """The 应审未审 decisions the actor may see, grouped by unit."""
    grouped: dict[int, tuple[Authority, list[ReviewCase]]] = {}
    for case in case_list(actor=actor, unreviewed=True).order_by("authority__path", "-decided_on"):
        grouped.setdefault(case.authority_id, (case.authority, []))[1].append(case)
    return list(grouped.values())
