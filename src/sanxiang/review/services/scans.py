"""Decisions issued elsewhere (应审未审): acceptance, the scan and overdue reminders."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.enforcement.models import Decision
from sanxiang.kernel.choices import RoleCode
from sanxiang.org.models import Authority

from .. import rules
from ..choices import CaseStatus
from ..models import (
    ReviewCase,
)
from .base import case_snapshot
from .cases import case_clean, case_detect

# --- decisions issued elsewhere (应审未审) -----------------------------------------------------

if TYPE_CHECKING:
    from sanxiang.org.models import User


def _act_kind_conditions(decision: Decision) -> list[str]:
    if decision.kind == "licensing_refused":
        return ["licence_refused"]
    return []


@transaction.atomic
def case_accept_issued(
    *,
    actor: User | None,
    decision: Decision,
    today: datetime.date,
    conditions: Sequence[str] = (),
    violation_code: str = "",
    violation_date: datetime.date | None = None,
    discretion_facts: Mapping[str, Any] | None = None,
) -> ReviewCase:
    """Accept a decision a source system reports as already issued: it is a fact, so it is recorded
    as is, and flagged 应审未审 when the catalogue says it needed a review it did not get."""
    existing = ReviewCase.objects.filter(decision=decision).first()
    if existing is not None:
        return existing
    act = decision.act
    case = ReviewCase(
        act=act,
        authority=decision.authority,
        department=act.department,
        title=f"{act.taxpayer.name}{act.matter}案",
        subject=rules.subject_of(act.taxpayer.kind),
        decision_kind=decision.kind,
        facts=decision.facts,
        legal_basis=decision.legal_basis,
        penalty_amount=decision.penalty_amount,
        tax_amount=decision.tax_amount,
        conditions=sorted(set(conditions) | set(_act_kind_conditions(decision))),
        violation_code=violation_code,
        violation_date=violation_date,
        discretion_facts=dict(discretion_facts or {}),
        status=CaseStatus.ISSUED_EXTERNALLY,
        decision=decision,
        decided_on=decision.decided_on,
        source_system=decision.source_system,
        source_id=f"decision:{decision.pk}",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    case_clean(case)
    case_detect(case, today)
    case.unreviewed = case.needs_review
    case.save()
    audit_log(
        actor=actor,
        action="review.case.issued_accepted",
        target=case,
        after=case_snapshot(case) | {"decision": decision.pk, "unreviewed": case.unreviewed},
    )
    return case


def unreviewed_scan(*, today: datetime.date, since_days: int = 400) -> dict[int, int]:
    """The daily scan: every issued decision without a case is accepted (and flagged where it needed
    review); each unit's legal reviewers are told how many 应审未审 decisions it has. Returns the
    count per authority id. Idempotent: a decision gets one case, a unit one message a day."""
    from sanxiang.notifications.services import notify_users_with_role

    start = today - datetime.timedelta(days=since_days)
    pending = (
        Decision.objects.filter(review_case__isnull=True, decided_on__gte=start, decided_on__lte=today)
        .select_related("act", "act__taxpayer", "authority")
        .order_by("pk")
    )
    for decision in pending:
        case_accept_issued(actor=None, decision=decision, today=today)
    counts: dict[int, int] = {}
    for authority_id in ReviewCase.objects.filter(unreviewed=True).values_list("authority_id", flat=True):
        counts[authority_id] = counts.get(authority_id, 0) + 1
    for authority in Authority.objects.filter(pk__in=counts):
        notify_users_with_role(
            authority=authority,
            roles=[RoleCode.LEGAL_REVIEWER],
            title=_("应审未审决定 %(n)d 件") % {"n": counts[authority.pk]},
            url=reverse("review:unreviewed"),
            category="review.unreviewed",
            dedupe_key=f"review.unreviewed.{authority.pk}.{today.isoformat()}",
        )
    return counts


def overdue_remind(*, today: datetime.date) -> int:
    """Remind each reviewer of cases whose stage clock ran out (once per case and due date)."""
    from django.contrib.contenttypes.models import ContentType

    from sanxiang.holidays.models import Deadline
    from sanxiang.notifications.services import notify

    content_type = ContentType.objects.get_for_model(ReviewCase)
    sent = 0
    for deadline in Deadline.objects.overdue(today).filter(
        content_type=content_type, purpose__startswith="review."
    ):
        case = ReviewCase.objects.filter(pk=deadline.object_id).select_related("reviewer").first()
        if case is None or case.reviewer is None:
            continue
        sent += len(
            notify(
                recipients=[case.reviewer],
                title=_("法制审核已超期：%(title)s") % {"title": case.title},
                url=reverse("review:case_detail", args=[case.pk]),
                category="review.overdue",
                dedupe_key=f"review.overdue.{case.pk}.{deadline.purpose}.{deadline.due.isoformat()}",
            )
        )
    return sent
