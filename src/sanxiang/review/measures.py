"""What legal review counts for the evaluation (registered in ``ReviewConfig.ready``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import cast

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.choices import RoleCode
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

from .models import ReviewCase

SYSTEM = "review"
_KEYS = {Level.AUTHORITY: "authority_id", Level.DEPARTMENT: "department_id", Level.OFFICER: "created_by_id"}


def _grouped(queryset: object, level: Level, **counts: object) -> dict[int, dict[str, int]]:
    key = _KEYS[level]
    return {
        row[key]: row
        for row in queryset.values(key).annotate(**counts)  # type: ignore[attr-defined]
        if row[key] is not None
    }


def _decided_in(period: Period) -> Q:
    return Q(needs_review=True, decided_on__gte=period.start, decided_on__lte=period.end)


def coverage_counts(period: Period, level: Level) -> dict[int, Figure]:
    """应审尽审率: decisions that needed review, taken in the period, that had it."""
    rows = _grouped(
        ReviewCase.objects.filter(_decided_in(period)),
        level,
        due=Count("pk"),
        reviewed=Count("pk", filter=Q(unreviewed=False)),
    )
    return {k: Figure(r["reviewed"], r["due"]) for k, r in rows.items()}


def _case_row(case: ReviewCase, *, on: datetime.date | None, against: bool) -> DrillRow:
    return DrillRow(
        label=case.title,
        url=reverse("review:case_detail", args=[case.pk]),
        on=on,
        state=str(case.get_status_display()) + (str(_("（应审未审）")) if case.unreviewed else ""),
        counts_against=against,
        department=case.department.name if case.department else "",
    )


def coverage_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    cases = ReviewCase.objects.filter(_decided_in(period), **{_KEYS[level]: key}).select_related("department")
    for case in cases.order_by("-unreviewed", "decided_on")[:500]:
        yield _case_row(case, on=case.decided_on, against=case.unreviewed)


def _submitted_in(period: Period) -> Q:
    return Q(submitted_on__gte=period.start, submitted_on__lte=period.end)


def return_counts(period: Period, level: Level) -> dict[int, Figure]:
    """退回率: cases submitted in the period that the reviewer returned at least once."""
    rows = _grouped(
        ReviewCase.objects.filter(_submitted_in(period)),
        level,
        submitted=Count("pk"),
        returned=Count("pk", filter=Q(was_returned=True)),
    )
    return {k: Figure(r["returned"], r["submitted"]) for k, r in rows.items()}


def return_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    cases = ReviewCase.objects.filter(_submitted_in(period), **{_KEYS[level]: key}).select_related(
        "department"
    )
    for case in cases.order_by("-was_returned", "submitted_on")[:500]:
        yield _case_row(case, on=case.submitted_on, against=case.was_returned)


def _approved_in(period: Period) -> Q:
    return Q(submitted_on__isnull=False, approved_on__gte=period.start, approved_on__lte=period.end)


def _durations(period: Period) -> list[tuple[int | None, int | None, int | None, int, int]]:
    """(authority, department, officer, working days, cases) of the cases approved in the period,
    grouped by owner and dates in the database, read once for every level of a computation."""
    from sanxiang.holidays.selectors import current_calendar

    def build() -> list[tuple[int | None, int | None, int | None, int, int]]:
        cal = current_calendar()
        days: dict[tuple[datetime.date, datetime.date], int] = {}
        result: list[tuple[int | None, int | None, int | None, int, int]] = []
        for row in (
            ReviewCase.objects.filter(_approved_in(period))
            .order_by()
            .values("authority_id", "department_id", "created_by_id", "submitted_on", "approved_on")
            .annotate(n=Count("pk"))
        ):
            # approved cases (filtered) have both dates
            span = (cast(datetime.date, row["submitted_on"]), cast(datetime.date, row["approved_on"]))
            if span not in days:
                days[span] = cal.working_days_between(*span)
            result.append(
                (row["authority_id"], row["department_id"], row["created_by_id"], days[span], row["n"])
            )
        return result

    return shared(("review.durations", period), build)


_POSITION = {Level.AUTHORITY: 0, Level.DEPARTMENT: 1, Level.OFFICER: 2}


def duration_counts(period: Period, level: Level) -> dict[int, Figure]:
    """审核平均用时: working days from first submission to approval, for cases approved in the period."""
    at = _POSITION[level]
    result: dict[int, Figure] = {}
    for row in _durations(period):
        own = row[at]
        if own is not None:
            result[own] = result.get(own, Figure(0, 0)) + Figure(row[3] * row[4], row[4])
    return result


def duration_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    cases = ReviewCase.objects.filter(_approved_in(period), **{_KEYS[level]: key}).select_related(
        "department"
    )
    for case in cases.order_by("approved_on")[:500]:
        yield _case_row(case, on=case.approved_on, against=False)


def reviewer_share_counts(period: Period, level: Level) -> dict[int, Figure]:
    """法制审核人员占比: active legal reviewers per active enforcement officer of each unit."""
    from sanxiang.org.models import User

    rows = (
        User.objects.filter(is_active=True, authority__isnull=False)
        .values("authority_id")
        .annotate(
            reviewers=Count("pk", filter=Q(roles__code=RoleCode.LEGAL_REVIEWER), distinct=True),
            officers=Count("pk", filter=Q(roles__code=RoleCode.ENFORCEMENT_OFFICER), distinct=True),
        )
    )
    return {r["authority_id"]: Figure(r["reviewers"], r["officers"]) for r in rows if r["officers"]}


def reviewer_share_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    from sanxiang.org.models import User

    people = (
        User.objects.filter(is_active=True, authority_id=key, roles__code=RoleCode.LEGAL_REVIEWER)
        .select_related("department")
        .distinct()
    )
    for user in people.order_by("username"):
        yield DrillRow(
            label=user.display_name,
            url=reverse("org:user_detail", args=[user.pk]),
            state=str(_("法制审核人员")),
            department=user.department.name if user.department else "",
        )


def _deviating(period: Period, level: Level, key: int | None = None) -> Iterable[tuple[ReviewCase, bool]]:
    """Cases decided in the period with a violation code and a proposed fine, each with whether
    the fine lies outside the benchmark's lawful range (the discretion engine decides)."""
    from sanxiang.lib.discretion import evaluate

    from .selectors import benchmark_set, discretion_request

    benchmarks = benchmark_set()
    cases = ReviewCase.objects.filter(
        decided_on__gte=period.start,
        decided_on__lte=period.end,
        violation_date__isnull=False,
    ).exclude(violation_code="")
    if key is not None:
        cases = cases.filter(**{_KEYS[level]: key})
    for case in cases.select_related("department").iterator():
        assert case.decided_on is not None  # filtered on decided_on__gte
        result = evaluate(discretion_request(case), benchmarks, today=case.decided_on)
        yield case, result.get("within_range") is False


def discretion_counts(period: Period, level: Level) -> dict[int, Figure]:
    """裁量基准偏离: cases decided in the period whose fine lies outside the applicable range."""
    key = _KEYS[level]
    result: dict[int, Figure] = {}
    for case, outside in _deviating(period, level):
        own = getattr(case, key)
        if own is None:
            continue
        result[own] = Figure(result.get(own, Figure(0)).numerator + (1 if outside else 0), 1)
    return result


def discretion_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for case, outside in _deviating(period, level, key):
        yield _case_row(case, on=case.decided_on, against=outside)


def unreviewed_loop(today: datetime.date) -> Iterable[LoopItem]:
    for case in ReviewCase.objects.filter(unreviewed=True).select_related("act").order_by("pk"):
        yield LoopItem(
            key=f"review.case:{case.pk}",
            label=str(_("{title}：须法制审核的决定未经审核即作出")).format(title=case.title),
            url=reverse("review:case_detail", args=[case.pk]),
            authority_id=case.authority_id,
            department_id=case.department_id,
            officer_id=case.act.created_by_id,
            due=case.decided_on,
        )


def register() -> None:
    register_measure(
        Measure(
            code="review.coverage",
            system=SYSTEM,
            label=_("经审核的决定数 / 须审核的决定数"),
            kind=MeasureKind.RATIO,
            compute=coverage_counts,
            drill=coverage_rows,
        )
    )
    register_measure(
        Measure(
            code="review.returns",
            system=SYSTEM,
            label=_("被退回的案件数 / 送审案件数"),
            kind=MeasureKind.RATIO,
            compute=return_counts,
            drill=return_rows,
        )
    )
    register_measure(
        Measure(
            code="review.duration",
            system=SYSTEM,
            label=_("送审至审核通过的平均工作日"),
            kind=MeasureKind.AVERAGE,
            compute=duration_counts,
            drill=duration_rows,
            unit=_("个工作日"),
        )
    )
    register_measure(
        Measure(
            code="review.discretion_deviations",
            system=SYSTEM,
            label=_("罚款超出裁量基准幅度的案件数"),
            kind=MeasureKind.COUNT,
            compute=discretion_counts,
            drill=discretion_rows,
            unit=_("件"),
        )
    )
    register_measure(
        Measure(
            code="review.reviewer_share",
            system=SYSTEM,
            label=_("法制审核人员数 / 执法人员数"),
            kind=MeasureKind.RATIO,
            compute=reviewer_share_counts,
            drill=reviewer_share_rows,
            levels=(Level.AUTHORITY,),
        )
    )
    register_loop_check(
        LoopCheck(
            code="review.unreviewed",
            system=SYSTEM,
            label=_("应审未审"),
            description=_("须经法制审核的重大执法决定未经审核即已作出。"),
            find=unreviewed_loop,
        )
    )
