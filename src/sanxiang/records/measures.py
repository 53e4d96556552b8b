"""What the records archive counts for the evaluation (registered in ``RecordsConfig.ready``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.enforcement.models import EnforcementAct
from sanxiang.kernel.measures import (
    DrillRow,
    Figure,
    Level,
    LoopCheck,
    LoopItem,
    Measure,
    MeasureKind,
    Period,
    register_loop_check,
    register_measure,
    shared,
)

from . import rules
from .choices import MEDIA_KINDS, FixityOutcome, Obligation
from .models import FixityCheck, Record
from .selectors import RequiredActs, matter_list_current, missing_recordings, required_acts

SYSTEM = "records"
_ACT_KEYS = {
    Level.AUTHORITY: "authority_id",
    Level.DEPARTMENT: "department_id",
    Level.OFFICER: "created_by_id",
}


def _acts(period: Period) -> QuerySet[EnforcementAct]:
    return EnforcementAct.objects.filter(started_on__gte=period.start, started_on__lte=period.cutoff)


def _required(period: Period) -> list[tuple[EnforcementAct, bool]]:
    """Acts started in the period that the matter list says must be filmed, each with whether a
    media record of it exists."""
    version = matter_list_current(period.cutoff)
    if version is None:
        return []
    rows = [m for m in version.rows.all() if m.obligation == Obligation.MUST]
    acts = _acts(period)
    kinds = {m.act_kind for m in rows}
    if rows and "" not in kinds:
        acts = acts.filter(kind__in=kinds)
    recorded = set(
        Record.objects.filter(act__in=acts, kind__in=MEDIA_KINDS, disposed_at__isnull=True).values_list(
            "act_id", flat=True
        )
    )
    return [
        (act, act.pk in recorded)
        for act in acts.select_related("department")
        if any(rules.matter_matches(act.kind, act.matter, m.act_kind, m.matter_keyword) for m in rows)
    ]


def _required_values(period: Period) -> list[RequiredActs]:
    """Shared by both measures and every level of one computation."""
    return shared(
        ("records.required", period), lambda: required_acts(acts=_acts(period), today=period.cutoff)
    )


def _owner(act: RequiredActs, level: Level) -> int | None:
    return {
        Level.AUTHORITY: act.authority_id,
        Level.DEPARTMENT: act.department_id,
        Level.OFFICER: act.officer_id,
    }[level]


def coverage_counts(period: Period, level: Level) -> dict[int, Figure]:
    """音像记录覆盖率: acts on the matter list started in the period that have their recording."""
    result: dict[int, Figure] = {}
    for act in _required_values(period):
        own = _owner(act, level)
        if own is not None:
            result[own] = result.get(own, Figure(0, 0)) + Figure(act.count if act.recorded else 0, act.count)
    return result


def coverage_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for act, recorded in _required(period):
        if getattr(act, _ACT_KEYS[level]) == key:
            yield DrillRow(
                label=act.matter,
                url=reverse("enforcement:act_detail", args=[act.pk]),
                on=act.started_on,
                state=str(_("已留存音像记录") if recorded else _("未留存音像记录")),
                counts_against=not recorded,
                department=act.department.name if act.department else "",
            )


def _missing(period: Period) -> list:
    return missing_recordings(acts=_acts(period), today=period.cutoff)


def missing_counts(period: Period, level: Level) -> dict[int, Figure]:
    """应录未录: acts started in the period still without their required recording after the grace period."""
    counts: dict[int, int] = {}
    for act in _required_values(period):
        own = _owner(act, level)
        if own is not None and act.overdue(period.cutoff):
            counts[own] = counts.get(own, 0) + act.count
    return {k: Figure(n, 1) for k, n in counts.items()}


def missing_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for item in _missing(period):
        if getattr(item.act, _ACT_KEYS[level]) == key:
            yield DrillRow(
                label=item.act.matter,
                url=reverse("enforcement:act_detail", args=[item.act.pk]),
                on=item.grace_deadline,
                state=str(_("应录未录")),
                counts_against=True,
                department=item.act.department.name if item.act.department else "",
                officer="、".join(item.officers),
            )


_RECORD_KEYS = {Level.AUTHORITY: "record__authority_id", Level.DEPARTMENT: "record__department_id"}


def _failed_checks(period: Period) -> object:
    return FixityCheck.objects.filter(at__date__gte=period.start, at__date__lte=period.end).exclude(
        outcome=FixityOutcome.PASSED
    )


def fixity_counts(period: Period, level: Level) -> dict[int, Figure]:
    """记录完整性校验异常: records whose fixity check failed (changed, missing, error) in the period."""
    key = _RECORD_KEYS[level]
    rows = _failed_checks(period).values(key).annotate(n=Count("record_id", distinct=True))  # type: ignore[attr-defined]
    return {r[key]: Figure(r["n"], 1) for r in rows if r[key] is not None}


def fixity_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    checks = _failed_checks(period).filter(**{_RECORD_KEYS[level]: key}).select_related("record")  # type: ignore[attr-defined]
    for check in checks.order_by("-at")[:500]:
        yield DrillRow(
            label=check.record.title,
            url=reverse("records:record_detail", args=[check.record.public_id]),
            on=check.at.date(),
            state=str(check.get_outcome_display()),
            counts_against=True,
        )


def missing_loop(today: datetime.date) -> Iterable[LoopItem]:
    acts = EnforcementAct.objects.filter(started_on__gte=today - datetime.timedelta(days=730))
    for item in missing_recordings(acts=acts, today=today):
        act = item.act
        yield LoopItem(
            key=f"enforcement.act:{act.pk}",
            label=str(_("{matter}：清单要求的音像记录未留存")).format(matter=act.matter),
            url=reverse("enforcement:act_detail", args=[act.pk]),
            authority_id=act.authority_id,
            department_id=act.department_id,
            officer_id=act.created_by_id,
            due=item.grace_deadline,
        )


def register() -> None:
    register_measure(
        Measure(
            code="records.coverage",
            system=SYSTEM,
            label=_("留存音像记录的清单内执法行为数 / 清单内执法行为数"),
            kind=MeasureKind.RATIO,
            compute=coverage_counts,
            drill=coverage_rows,
        )
    )
    register_measure(
        Measure(
            code="records.missing",
            system=SYSTEM,
            label=_("应录未录的执法行为数"),
            kind=MeasureKind.COUNT,
            compute=missing_counts,
            drill=missing_rows,
            unit=_("件"),
        )
    )
    register_measure(
        Measure(
            code="records.fixity_failures",
            system=SYSTEM,
            label=_("完整性校验异常的记录数"),
            kind=MeasureKind.COUNT,
            compute=fixity_counts,
            drill=fixity_rows,
            levels=(Level.AUTHORITY, Level.DEPARTMENT),
            unit=_("条"),
        )
    )
    register_loop_check(
        LoopCheck(
            code="records.missing_recording",
            system=SYSTEM,
            label=_("应录未录"),
            description=_("音像记录事项清单内的执法行为在宽限期届满后仍未留存音像记录。"),
            find=missing_loop,
        )
    )
