"""Readers of the legal review; every queryset reachable from a request goes through ``visible_to``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from sanxiang.enforcement.choices import ActKind, DecisionKind
from sanxiang.enforcement.models import ActOfficer
from sanxiang.holidays.models import Deadline
from sanxiang.kernel.access import (
    authorities_in_scope,
    get_visible_or_404,
    has_role,
    holds_role,
    lineage_paths,
    sees_all,
)
from sanxiang.kernel.choices import QualificationKind, RoleCode
from sanxiang.org.models import Authority, User

from . import rules
from .choices import CaseStatus, Opinion
from .models import (
    BenchmarkVersion,
    ChecklistItem,
    ExemptionBatch,
    ReviewCase,
    ReviewCatalogue,
    ReviewOpinion,
)

OPEN_STATES = (
    CaseStatus.SUBMITTED,
    CaseStatus.IN_REVIEW,
    CaseStatus.CHANGES_PROPOSED,
    CaseStatus.REFERRED,
    CaseStatus.DELIBERATION,
    CaseStatus.APPROVED,
)


def case_list(
    *, actor: User, status: str | None = None, q: str | None = None, unreviewed: bool | None = None
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


def case_get(*, actor: User, pk: int, action: str = "view") -> ReviewCase:
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


def reviewer_queue(*, actor: User) -> models.QuerySet[ReviewCase]:
    """The cases waiting for this reviewer, and the unassigned ones the reviewer's unit sees."""
    qs = case_list(actor=actor)
    return qs.filter(
        models.Q(
            reviewer=actor,
            status__in=[CaseStatus.IN_REVIEW, CaseStatus.CHANGES_PROPOSED, CaseStatus.REFERRED],
        )
        | models.Q(status=CaseStatus.SUBMITTED)
    )


def _first_review(reviewer: User) -> bool:
    """Whether the reviewer has never given a review opinion (初次从事法制审核)."""
    return not ReviewOpinion.objects.filter(reviewer=reviewer).exists()


def reviewer_eligibility(*, case: ReviewCase, reviewer: User) -> rules.Eligibility:
    handled = (
        ActOfficer.objects.filter(act=case.act, user=reviewer).exists() or case.created_by_id == reviewer.pk
    )
    return rules.reviewer_eligibility(
        is_reviewer=holds_role(reviewer, RoleCode.LEGAL_REVIEWER),
        handled_case=handled,
        first_review=_first_review(reviewer),
        holds_legal_qualification=reviewer.qualifications.filter(
            kind=QualificationKind.LEGAL_PROFESSION
        ).exists(),
    )


def eligible_reviewers(*, case: ReviewCase) -> list[User]:
    """Legal reviewers of the case's authority and its superiors who may review it."""
    paths = lineage_paths(case.authority)
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

    cases = ReviewCase.objects.filter(violation_code=violation, decision__isnull=False)
    if exclude_case is not None:
        cases = cases.exclude(pk=exclude_case)
    rows = cases.select_related("decision").order_by("-decision__decided_on")[:500]
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
        if row.decision is not None  # always: filtered decision__isnull=False
    ]


@dataclass(frozen=True)
class DiscretionView:
    result: dict[str, Any]
    similar: dict[str, Any] | None
    missing_labels: tuple[str, ...] = ()
    statutory_text: str = ""

    @property
    def needs_reason(self) -> bool:
        return self.result.get("within_range") is False


def _view(request: dict[str, Any], today: datetime.date, exclude_case: int | None) -> DiscretionView:
    from sanxiang.lib.discretion import FACTS, DiscretionError, evaluate, parse_request, similar_decisions
    from sanxiang.lib.discretion import violations as all_violations

    result = evaluate(request, benchmark_set(), today=today)
    parsed = parse_request(request)
    similar = None
    if not isinstance(parsed, DiscretionError):
        similar = similar_decisions(
            parsed, past_decisions(violation=request["violation"], exclude_case=exclude_case)
        ).to_json()
    missing = tuple(FACTS[k].label for k in result.get("missing_facts", []) if k in FACTS)
    violation = all_violations().get(request["violation"])
    return DiscretionView(
        result=result,
        similar=similar,
        missing_labels=missing,
        statutory_text=f"{violation.basis}：{violation.statutory_text}" if violation else "",
    )


def discretion_questions(*, violation: str, subject: str, on: datetime.date) -> list[Any]:
    """The circumstance questions (``FactSpec``) the benchmark in force and the 首违不罚 lists ask."""
    from sanxiang.lib.discretion import questions

    if not violation:
        return []
    return questions(benchmark_set(), violation=violation, subject=subject, on=on)


def discretion_preview(
    *,
    actor: User,
    act_id: int | None,
    violation: str,
    violation_date: datetime.date | None,
    facts: dict[str, Any],
    proposed_penalty: Decimal | None,
    today: datetime.date,
) -> DiscretionView | None:
    """The live assistant of the case form: the assessment of what the clerk has entered so far.

    The subject (个人/单位) comes from the act's taxpayer, read through the actor's data scope."""
    from sanxiang.enforcement.models import EnforcementAct

    if not violation or violation_date is None or act_id is None:
        return None
    act = EnforcementAct.objects.visible_to(actor).select_related("taxpayer").filter(pk=act_id).first()
    if act is None:
        return None
    request: dict[str, Any] = {
        "violation": violation,
        "subject": rules.subject_of(act.taxpayer.kind),
        "facts": facts,
        "violation_date": violation_date.isoformat(),
    }
    if proposed_penalty is not None:
        request["proposed_penalty"] = (
            int(proposed_penalty) if proposed_penalty == int(proposed_penalty) else float(proposed_penalty)
        )
    return _view(request, today, None)


def case_discretion(*, case: ReviewCase, today: datetime.date) -> DiscretionView | None:
    """Within range, first-violation exemption and similar past decisions for the case's proposal."""
    if not case.violation_code or case.violation_date is None:
        return None
    return _view(discretion_request(case), today, case.pk)


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

    @property
    def share_percent(self) -> str:
        return f"{self.share * 100:.1f}%" if self.officers else "—"


@dataclass(frozen=True)
class LabelledStats:
    """One row of the statistics with its Chinese label and labelled outcome counts."""

    label: str
    stats: rules.KindStats
    outcomes: list[tuple[str, int]]

    @property
    def return_percent(self) -> str:
        return f"{self.stats.return_rate * 100:.2f}%"


@dataclass(frozen=True)
class Statistics:
    year: int
    per_kind: list[LabelledStats]
    per_decision_kind: list[LabelledStats]
    overall: LabelledStats
    outcome_labels: list[str]
    unreviewed: int
    staffing: list[StaffingRow]


def outcome_labels() -> dict[str, str]:
    """Final opinions and, for cases without one, their status, in Chinese."""
    return {k: str(v) for k, v in (dict(CaseStatus.choices) | dict(Opinion.choices)).items()}


def _labelled(stats: rules.KindStats, labels: dict[str, str], outcomes: dict[str, str]) -> LabelledStats:
    return LabelledStats(
        label=labels.get(stats.kind, stats.kind),
        stats=stats,
        outcomes=[(outcomes.get(k, k), n) for k, n in sorted(stats.outcomes.items(), key=lambda kv: -kv[1])],
    )


def review_statistics(*, actor: User, year: int) -> Statistics:
    """Reviews by act kind, by proposed decision kind and by outcome, return rate, days taken, and
    reviewer staffing per unit (国办发〔2018〕118号: 不少于执法人员的5%). A fixed number of queries:
    the cases with their final opinions, the 应审未审 count, and one staffing query."""
    cases = (
        case_list(actor=actor)
        .filter(submitted_on__year=year)
        .select_related(None)
        .select_related("act")
        .prefetch_related(
            models.Prefetch(
                "opinions", queryset=ReviewOpinion.objects.only("pk", "case_id", "round", "opinion")
            )
        )
    )
    rows, decision_rows = [], []
    for case in cases:
        final = case.opinions.all()
        outcome = final[len(final) - 1].opinion if final else case.status
        days = rules.days_between(case.submitted_on, case.approved_on)
        rows.append(rules.ReviewRow(case.act.kind, outcome, case.was_returned, days))
        decision_rows.append(rules.ReviewRow(case.decision_kind, outcome, case.was_returned, days))
    outcomes = outcome_labels()
    act_labels = {k: str(v) for k, v in ActKind.choices} | {"all": _("合计")}
    decision_labels = {k: str(v) for k, v in DecisionKind.choices}
    per_kind, overall = rules.summarise(rows)
    per_decision_kind, _overall = rules.summarise(decision_rows)
    unreviewed = case_list(actor=actor, unreviewed=True).filter(decided_on__year=year).count()
    return Statistics(
        year=year,
        per_kind=[_labelled(s, act_labels, outcomes) for s in per_kind],
        per_decision_kind=[_labelled(s, decision_labels, outcomes) for s in per_decision_kind],
        overall=_labelled(overall, act_labels, outcomes),
        outcome_labels=[outcomes.get(k, k) for k in sorted(overall.outcomes)],
        unreviewed=unreviewed,
        staffing=staffing(actor=actor),
    )


def staffing(*, actor: User) -> list[StaffingRow]:
    """Active legal reviewers and enforcement officers per unit in the actor's scope (one query)."""
    active = models.Q(staff__is_active=True)
    authorities = (
        authorities_in_scope(actor)
        .annotate(
            officers=models.Count(
                "staff",
                filter=active & models.Q(staff__roles__code=RoleCode.ENFORCEMENT_OFFICER),
                distinct=True,
            ),
            reviewers=models.Count(
                "staff", filter=active & models.Q(staff__roles__code=RoleCode.LEGAL_REVIEWER), distinct=True
            ),
        )
        .filter(models.Q(officers__gt=0) | models.Q(reviewers__gt=0))
        .order_by("path")
    )
    return [StaffingRow(a, a.reviewers, a.officers) for a in authorities]


def unreviewed_by_unit(*, actor: User) -> list[tuple[Authority, list[ReviewCase]]]:
    """The 应审未审 decisions the actor may see, grouped by unit."""
    grouped: dict[int, tuple[Authority, list[ReviewCase]]] = {}
    for case in case_list(actor=actor, unreviewed=True).order_by("authority__path", "-decided_on"):
        grouped.setdefault(case.authority_id, (case.authority, []))[1].append(case)
    return list(grouped.values())


# --- catalogue and checklist (administration) -----------------------------------------------------


@dataclass(frozen=True)
class CatalogueRow:
    """A catalogue version with its filing state (报上级备案, within a month of the change)."""

    catalogue: ReviewCatalogue
    due: datetime.date | None
    filing: str  # rules.filing_status, or "" for the default catalogue

    @property
    def filing_label(self) -> str:
        labels = {
            "on_time": _("按期备案"),
            "late": _("逾期备案"),
            "missing": _("未备案（已逾期）"),
            "pending": _("待备案"),
        }
        return labels[self.filing] if self.filing else _("默认清单，无需备案")

    @property
    def filing_problem(self) -> bool:
        return self.filing in ("missing", "late")


def catalogue_list(*, actor: User, today: datetime.date) -> list[CatalogueRow]:
    """The default catalogue versions and those of the authorities in the actor's scope and above
    (the version in force may be a superior's), newest first, with their filing state."""
    own = authorities_in_scope(actor)
    above = lineage_paths(actor.authority) if actor.authority is not None else []
    versions = (
        ReviewCatalogue.objects.filter(
            models.Q(authority__isnull=True)
            | models.Q(authority__in=own)
            | models.Q(authority__path__in=above)
        )
        .select_related("authority")
        .annotate(rule_count=models.Count("rules"))
        .order_by(models.F("authority__path").asc(nulls_first=True), "-effective_from", "-pk")
    )
    rows = []
    for catalogue in versions:
        if catalogue.authority_id is None:
            rows.append(CatalogueRow(catalogue, None, ""))
            continue
        rows.append(
            CatalogueRow(
                catalogue,
                rules.filing_due(catalogue.effective_from),
                rules.filing_status(
                    changed_on=catalogue.effective_from, filed_on=catalogue.filed_on, today=today
                ),
            )
        )
    return rows


def catalogue_filing_problems(*, actor: User, today: datetime.date) -> list[CatalogueRow]:
    """Versions of authorities in the actor's scope not filed within a month, or not at all."""
    own = set(authorities_in_scope(actor).values_list("pk", flat=True))
    return [
        row
        for row in catalogue_list(actor=actor, today=today)
        if row.filing_problem and row.catalogue.authority_id in own
    ]


def catalogue_get(*, actor: User, pk: int, today: datetime.date) -> CatalogueRow:
    from django.http import Http404

    for row in catalogue_list(actor=actor, today=today):
        if row.catalogue.pk == pk:
            return row
    raise Http404


def catalogue_rules(catalogue: ReviewCatalogue) -> list[dict[str, Any]]:
    """The rows of a version with Chinese labels for kinds, condition and amount basis."""
    kinds = dict(ActKind.choices)
    result = []
    for rule in catalogue.rules.all():
        result.append(
            {
                "rule": rule,
                "kinds": "、".join(str(kinds.get(k, k)) for k in rule.act_kinds) or _("不限"),
                "condition": rules.CONDITIONS.get(rule.condition, ""),
                "amount_field": rules.AMOUNT_FIELDS.get(rule.amount_field, ""),
            }
        )
    return result


def catalogue_admin_authorities(*, actor: User) -> models.QuerySet[Authority]:
    """The authorities whose catalogue and checklist the actor may maintain."""
    if not has_role(actor, RoleCode.ADMINISTRATOR):
        return Authority.objects.none()
    return authorities_in_scope(actor).order_by("path")


def checklist_admin(*, actor: User, authority: Authority | None) -> tuple[list[ChecklistItem], bool]:
    """Every item (active or not) of the authority's checklist and whether it is the authority's
    own list (False: it uses the default until the first change)."""
    own = list(ChecklistItem.objects.filter(authority=authority)) if authority else []
    if own:
        return own, True
    return list(ChecklistItem.objects.filter(authority__isnull=True)), authority is None


def checklist_item_get(*, actor: User, pk: int) -> ChecklistItem:
    """An item the actor may maintain: of an authority in scope, or a default one for those who
    see everything; otherwise ``ScopeViolation`` (404)."""
    from sanxiang.kernel.exceptions import ScopeViolation

    item = ChecklistItem.objects.select_related("authority").filter(pk=pk).first()
    if item is None:
        from django.http import Http404

        raise Http404
    allowed = (
        authorities_in_scope(actor).filter(pk=item.authority_id).exists()
        if item.authority_id
        else sees_all(actor)
    )
    if not allowed:
        raise ScopeViolation(model_label=ChecklistItem._meta.label, object_ref=f"pk={pk}", action="change")
    return item
