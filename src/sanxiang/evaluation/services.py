"""Writers of the evaluation: loop findings, frozen snapshots, special evaluations, the library."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import authority_in_scope, require_role
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.kernel.measures import Period, loop_checks

from . import rules
from .choices import CampaignStatus, SnapshotKind
from .defaults import DEFAULT_INDICATORS
from .models import Campaign, Finding, Indicator, IndicatorLibrary, LoopFinding, Snapshot
from .selectors import (
    MANAGE_ROLES,
    authority_results,
    computed_pairs,
    is_computed,
    library_for,
    library_indicators,
    results_pairs,
)

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, Department, User


# --- library ----------------------------------------------------------------------------------


@transaction.atomic
def library_install_default(*, effective_from: datetime.date = datetime.date(2024, 1, 1)) -> IndicatorLibrary:
    """Version 1 of the library from ``defaults.DEFAULT_INDICATORS``; idempotent."""
    library, created = IndicatorLibrary.objects.get_or_create(
        version=1,
        defaults={
            "name": _("“三项制度”执行情况评估指标库"),
            "effective_from": effective_from,
            "grade_scores": dict(rules.DEFAULT_GRADE_SCORES),
            "total_bands": [list(b) for b in rules.DEFAULT_TOTAL_BANDS],
            "note": _("默认指标库：实体、程序、技术、其他四个维度，按制度、事项、层级、部门、岗位分级定档。"),
        },
    )
    if created:
        Indicator.objects.bulk_create(
            Indicator(library=library, position=index, **{**row, "weight": Decimal(str(row["weight"]))})
            for index, row in enumerate(DEFAULT_INDICATORS)
        )
        audit_log(actor=None, action="evaluation.library.created", target=library, data={"version": 1})
    return library


# --- loop checks ------------------------------------------------------------------------------


@dataclass
class LoopRefresh:
    found: int = 0
    resolved: int = 0
    open: int = 0


@transaction.atomic
def loop_findings_refresh(*, now: datetime.datetime) -> LoopRefresh:
    """Run every registered loop check: record new broken loops, close the ones that were fixed.

    Idempotent: a finding is keyed by (check, object); running twice changes nothing; a loop that
    breaks again after it was fixed is reopened."""
    result = LoopRefresh()
    today = timezone.localtime(now).date()
    for check in loop_checks():
        seen: set[str] = set()
        existing = {f.key: f for f in LoopFinding.objects.filter(check_code=check.code)}
        for item in check.find(today):
            if item.key in seen:
                continue
            seen.add(item.key)
            finding = existing.get(item.key)
            if finding is None:
                LoopFinding.objects.create(
                    check_code=check.code,
                    key=item.key,
                    label=item.label[:300],
                    url=item.url,
                    authority_id=item.authority_id,
                    department_id=item.department_id,
                    officer_id=item.officer_id,
                    due=item.due,
                    found_at=now,
                )
                result.found += 1
            elif finding.resolved_at is not None:
                LoopFinding.objects.filter(pk=finding.pk).update(resolved_at=None, found_at=now, due=item.due)
                result.found += 1
        stale = [f.pk for key, f in existing.items() if key not in seen and f.resolved_at is None]
        if stale:
            result.resolved += LoopFinding.objects.filter(pk__in=stale).update(resolved_at=now)
        result.open += len(seen)
    if result.found or result.resolved:
        audit_log(
            actor=None,
            action="evaluation.loops.recomputed",
            data={"found": result.found, "resolved": result.resolved, "open": result.open},
        )
    return result


# --- snapshots --------------------------------------------------------------------------------


def _snapshot_content(
    *,
    kind: str,
    authority: Authority,
    period: Period,
    library: IndicatorLibrary,
    codes: Sequence[str] | None,
    deductions: dict[int, float] | None = None,
) -> dict[str, Any]:
    from sanxiang.org.models import Authority

    results = authority_results(library, period, codes=codes, deductions=deductions, fresh=True)
    subtree = list(Authority.objects.get_tree(authority).values_list("pk", flat=True))
    units = {}
    pairs = results_pairs(results[pk] for pk in subtree)
    for pk in subtree:
        r = results[pk]
        units[str(pk)] = {
            "name": r.name,
            "cells": pairs[str(pk)],
            "total": r.total,
            "grade": r.grade,
            "deduction": r.deduction,
        }
    return {
        "kind": kind,
        "authority": authority.pk,
        "period": [period.start.isoformat(), period.end.isoformat()],
        "as_of": period.cutoff.isoformat(),
        "library": library.version,
        "indicators": list(codes) if codes else [i.code for i in library_indicators(library)],
        "units": units,
    }


def _freeze(
    *,
    actor: User | None,
    kind: str,
    authority: Authority,
    period: Period,
    library: IndicatorLibrary,
    campaign: Campaign | None = None,
    deductions: dict[int, float] | None = None,
    now: datetime.datetime,
) -> Snapshot:
    codes = campaign.indicator_codes if campaign else None
    content = _snapshot_content(
        kind=kind, authority=authority, period=period, library=library, codes=codes, deductions=deductions
    )
    # The chain head is read under a row lock, so two freezes cannot both link to the same digest.
    head = Snapshot.objects.select_for_update().order_by("-pk").first()
    previous = head.digest if head else rules.GENESIS
    digest = rules.snapshot_digest(previous, content)
    snapshot = Snapshot.objects.create(
        kind=kind,
        campaign=campaign,
        authority=authority,
        period_start=period.start,
        period_end=period.end,
        as_of=period.cutoff,
        library=library,
        results=content,
        previous_digest=previous,
        digest=digest,
        created_by=actor,
        created_at=now,
    )
    audit_log(
        actor=actor,
        action="evaluation.snapshot.frozen",
        target=snapshot,
        authority=authority,
        data={"digest": digest, "previous": previous, "period": content["period"], "kind": kind},
    )
    return snapshot


@transaction.atomic
def period_close(
    *, actor: User | None, authority: Authority, year: int, month: int, now: datetime.datetime
) -> Snapshot:
    """Freeze a month's routine evaluation (月度定档) of ``authority`` and its subordinate units."""
    if actor is not None:
        require_role(actor, *MANAGE_ROLES, message=_("只有法制部门或系统管理员可以定档。"))
        if not authority_in_scope(actor, authority):
            raise ValidationFailed(_("该单位不在您的数据权限范围内。"))
    period = Period.month(year, month)
    if period.end >= timezone.localtime(now).date():
        raise ValidationFailed(_("{label}尚未结束，不能定档。").format(label=period.label))
    if Snapshot.objects.filter(
        kind=SnapshotKind.MONTH, authority=authority, period_start=period.start, period_end=period.end
    ).exists():
        raise InvalidTransition(_("{label}已定档，结果不可更改。").format(label=period.label))
    return _freeze(
        actor=actor,
        kind=SnapshotKind.MONTH,
        authority=authority,
        period=period,
        library=library_for(period.start),
        now=now,
    )


@transaction.atomic
def daily_snapshot(*, authority: Authority, today: datetime.date, now: datetime.datetime) -> Snapshot | None:
    """日常评估: the month to date as of ``today``, frozen once a day (idempotent per day)."""
    period = Period(today.replace(day=1), today, today)
    if Snapshot.objects.filter(
        kind=SnapshotKind.DAILY, authority=authority, period_start=period.start, period_end=period.end
    ).exists():
        return None
    return _freeze(
        actor=None,
        kind=SnapshotKind.DAILY,
        authority=authority,
        period=period,
        library=library_for(today),
        now=now,
    )


def results_refresh(*, now: datetime.datetime, months_back: int = 12) -> dict[str, int]:
    """Compute what the evaluation pages show, before anyone asks: the current month's figures
    for every unit and department, and each of the last ``months_back`` months that has no frozen
    month snapshot and nothing computed yet (trends and 环比/同比 read those). Every worker
    shares the result (``selectors.level_computed``)."""
    if not IndicatorLibrary.objects.exists():
        return {"computed": 0}
    today = timezone.localtime(now).date()
    current = Period.month(today.year, today.month, as_of=today)
    computed_pairs(library_for(current.start), current, now=now)
    computed = 1
    months = (current.shifted(months=-back) for back in range(1, months_back + 1))
    for month in months:
        frozen = Snapshot.objects.filter(
            kind=SnapshotKind.MONTH, period_start=month.start, period_end=month.end, campaign__isnull=True
        ).exists()
        library = library_for(month.start)
        if not frozen and not is_computed(library, month):
            computed_pairs(library, month, now=now)
            computed += 1
    return {"computed": computed}


def evaluation_daily(*, now: datetime.datetime) -> dict[str, int]:
    """The daily job: refresh the loop checks, then a daily snapshot for every top unit."""
    from sanxiang.org.models import Authority

    loops = loop_findings_refresh(now=now)
    today = timezone.localtime(now).date()
    made = 0
    if IndicatorLibrary.objects.exists():
        for root in Authority.objects.get_root_nodes():
            made += daily_snapshot(authority=root, today=today, now=now) is not None
    return {"found": loops.found, "resolved": loops.resolved, "open": loops.open, "snapshots": made}


# --- special evaluations (专项评估) --------------------------------------------------------------


@transaction.atomic
def campaign_create(
    *,
    actor: User,
    name: str,
    authority: Authority,
    period_start: datetime.date,
    period_end: datetime.date,
    indicator_codes: Sequence[str],
) -> Campaign:
    require_role(actor, *MANAGE_ROLES, message=_("只有法制部门或系统管理员可以发起专项评估。"))
    if not authority_in_scope(actor, authority):
        raise ValidationFailed(_("评估范围不在您的数据权限范围内。"))
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_("请填写专项评估名称。"))
    if period_end < period_start:
        raise ValidationFailed(_("评估期止不能早于评估期起。"))
    library = library_for(period_start)
    known = {i.code for i in library_indicators(library)}
    unknown = [c for c in indicator_codes if c not in known]
    if not indicator_codes or unknown:
        raise ValidationFailed(
            _("请从指标库中选择评估指标。")
            if not unknown
            else _("指标库中没有这些指标：{codes}").format(codes="、".join(unknown))
        )
    campaign = Campaign.objects.create(
        name=name,
        authority=authority,
        period_start=period_start,
        period_end=period_end,
        library=library,
        indicator_codes=list(dict.fromkeys(indicator_codes)),
        created_by=actor,
    )
    audit_log(actor=actor, action="evaluation.campaign.created", target=campaign, after={"name": name})
    return campaign


@transaction.atomic
def finding_add(
    *,
    actor: User,
    campaign: Campaign,
    authority: Authority,
    description: str,
    deduction: Decimal,
    department: Department | None = None,
    indicator_code: str = "",
    evidence: UploadedFile | None = None,
) -> Finding:
    from sanxiang.files.services import file_store_from_upload
    from sanxiang.org.models import Authority as AuthorityModel

    require_role(actor, *MANAGE_ROLES, message=_("只有法制部门或系统管理员可以登记评估发现的问题。"))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != CampaignStatus.OPEN:
        raise InvalidTransition(_("该专项评估已定档，不能再登记问题。"))
    if not AuthorityModel.objects.get_tree(campaign.authority).filter(pk=authority.pk).exists():
        raise ValidationFailed(_("被评估单位不在该专项评估的范围内。"))
    if department is not None and department.authority_id != authority.pk:
        raise ValidationFailed(_("所选部门不属于被评估单位。"))
    if indicator_code and indicator_code not in campaign.indicator_codes:
        raise ValidationFailed(_("该指标不在本次专项评估的指标中。"))
    description = (description or "").strip()
    if not description:
        raise ValidationFailed(_("请填写问题描述。"))
    if deduction < 0 or deduction > 100:
        raise ValidationFailed(_("扣分应在 0 到 100 之间。"))
    finding = Finding.objects.create(
        campaign=campaign,
        authority=authority,
        department=department,
        indicator_code=indicator_code,
        description=description,
        deduction=deduction,
        created_by=actor,
    )
    if evidence is not None:
        stored = file_store_from_upload(
            actor=actor, upload=evidence, authority=authority, owner=finding, purpose="evaluation.evidence"
        )
        Finding.objects.filter(pk=finding.pk).update(evidence=stored)
        finding.evidence = stored
    audit_log(
        actor=actor,
        action="evaluation.finding.created",
        target=finding,
        authority=authority,
        after={"campaign": campaign.pk, "deduction": str(deduction), "indicator": indicator_code},
    )
    return finding


@transaction.atomic
def campaign_close(*, actor: User, campaign: Campaign, now: datetime.datetime) -> Snapshot:
    """定档: freeze the special evaluation's computed results and its findings' deductions."""
    require_role(actor, *MANAGE_ROLES, message=_("只有法制部门或系统管理员可以定档。"))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != CampaignStatus.OPEN:
        raise InvalidTransition(_("该专项评估已定档。"))
    deductions: dict[int, float] = {}
    for finding in campaign.findings.all():
        deductions[finding.authority_id] = deductions.get(finding.authority_id, 0) + float(finding.deduction)
    period = Period(
        campaign.period_start, campaign.period_end, min(campaign.period_end, timezone.localtime(now).date())
    )
    snapshot = _freeze(
        actor=actor,
        kind=SnapshotKind.SPECIAL,
        authority=campaign.authority,
        period=period,
        library=campaign.library,
        campaign=campaign,
        deductions=deductions,
        now=now,
    )
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.CLOSED)
    audit_log(
        actor=actor, action="evaluation.campaign.closed", target=campaign, data={"snapshot": snapshot.pk}
    )
    return snapshot


def snapshot_chain_verify() -> list[str]:
    """Recompute every snapshot's digest and link; return the problems found (empty: intact)."""
    problems: list[str] = []
    previous = rules.GENESIS
    for snap in Snapshot.objects.order_by("pk").iterator():
        if snap.previous_digest != previous:
            problems.append(_("快照 {pk} 的前一摘要与链不符。").format(pk=snap.pk))
        if rules.snapshot_digest(snap.previous_digest, snap.results) != snap.digest:
            problems.append(_("快照 {pk} 的内容已被改动。").format(pk=snap.pk))
        previous = snap.digest
    return problems
