"""What proactive disclosure counts for the evaluation (registered in the app's ``ready``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.holidays.models import Deadline
from sanxiang.kernel.measures import DrillRow, Figure, Level, Measure, MeasureKind, Period, register_measure

from . import rules
from .choices import DocumentKind, DocumentStatus, InterpretationStatus
from .models import Consultation, OfficialDocument, ServiceRating
from .services.documents import INTERPRETATION_PURPOSE

SYSTEM = "disclosure"
GOOD_SCORE = 4  # 4 and 5 stars are 好评


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _rated_in(period: Period) -> Q:
    return Q(
        rated_at__gte=_day_start(period.start),
        rated_at__lt=_day_start(period.end + datetime.timedelta(days=1)),
    )


def rating_counts(period: Period, level: Level) -> dict[int, Figure]:
    """好差评好评率: ratings of 4 or 5 among those given in the period."""
    rows = (
        ServiceRating.objects.filter(_rated_in(period))
        .values("authority_id")
        .annotate(n=Count("pk"), good=Count("pk", filter=Q(score__gte=GOOD_SCORE)))
    )
    return {r["authority_id"]: Figure(r["good"], r["n"]) for r in rows}


def rating_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for r in ServiceRating.objects.filter(_rated_in(period), authority_id=key).order_by("-rated_at")[:500]:
        yield DrillRow(
            label=f"{r.target_label}（{r.score}星）",
            url=reverse("disclosure:rating_list"),
            on=timezone.localtime(r.rated_at).date(),
            state=str(_("差评") if r.is_low else _("好评") if r.score >= GOOD_SCORE else _("中评")),
            counts_against=r.score < GOOD_SCORE,
        )


def _closed_consultations(period: Period) -> object:
    return Consultation.objects.filter(
        opens_on__isnull=False, closes_on__gte=period.start, closes_on__lte=period.cutoff
    ).select_related("department")


def _period_ok(c: Consultation) -> bool:
    assert c.opens_on is not None and c.closes_on is not None  # _closed_consultations filters them
    check = rules.consultation_period(
        c.opens_on, c.closes_on, minimum_days=settings.SANXIANG_DISCLOSURE_CONSULTATION_MIN_DAYS
    )
    return not check.short or bool(c.short_period_reason.strip())


_CONSULTATION_KEYS = {Level.AUTHORITY: "authority_id", Level.DEPARTMENT: "department_id"}


def consultation_counts(period: Period, level: Level) -> dict[int, Figure]:
    """征求意见期满30日比例: consultations closing in the period that ran the minimum period (or
    recorded why not)."""
    key = _CONSULTATION_KEYS[level]
    result: dict[int, Figure] = {}
    for c in _closed_consultations(period):  # type: ignore[attr-defined]
        own = getattr(c, key)
        if own is not None and c.closes_on > c.opens_on:
            result[own] = result.get(own, Figure(0, 0)) + Figure(1 if _period_ok(c) else 0, 1)
    return result


def consultation_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for c in _closed_consultations(period).filter(**{_CONSULTATION_KEYS[level]: key}):  # type: ignore[attr-defined]
        if c.closes_on <= c.opens_on:
            continue
        ok = _period_ok(c)
        yield DrillRow(
            label=c.title,
            url=reverse("disclosure:consultation_detail", args=[c.pk]),
            on=c.closes_on,
            state=str(_("征求期 {days} 日").format(days=(c.closes_on - c.opens_on).days)),
            counts_against=not ok,
            department=c.department.name if c.department else "",
        )


_DOCUMENT_KEYS = {Level.AUTHORITY: "authority_id", Level.DEPARTMENT: "drafting_department_id"}


def _library_published(period: Period) -> object:
    return OfficialDocument.objects.filter(
        in_policy_library=True,
        kind__in=[DocumentKind.RULE, DocumentKind.NORMATIVE],
        status=DocumentStatus.PUBLISHED,
        published_on__gte=period.start,
        published_on__lte=period.cutoff,
    ).select_related("drafting_department")


def _synchronised(documents: list[OfficialDocument], cutoff: datetime.date) -> dict[int, bool]:
    """A document is in step (三同步) when its interpretation came with it, or by the grace deadline."""
    deadlines = {
        d.object_id: d
        for d in Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(OfficialDocument),
            purpose=INTERPRETATION_PURPOSE,
            object_id__in=[d.pk for d in documents],
        )
    }
    interpreted = set(
        OfficialDocument.objects.filter(
            pk__in=[d.pk for d in documents], interpretations__status=InterpretationStatus.PUBLISHED
        ).values_list("pk", flat=True)
    )
    result: dict[int, bool] = {}
    for document in documents:
        deadline = deadlines.get(document.pk)
        if deadline is None:
            result[document.pk] = document.pk in interpreted  # published together with it
        elif deadline.closed_at is not None:
            result[document.pk] = timezone.localtime(deadline.closed_at).date() <= deadline.due
        else:
            result[document.pk] = deadline.due >= cutoff  # still within its grace period
    return result


def interpretation_counts(period: Period, level: Level) -> dict[int, Figure]:
    """政策解读同步率: regulatory documents published in the period with their interpretation in step."""
    key = _DOCUMENT_KEYS[level]
    documents = list(_library_published(period))  # type: ignore[call-overload]
    in_step = _synchronised(documents, period.cutoff)
    result: dict[int, Figure] = {}
    for document in documents:
        own = getattr(document, key)
        if own is not None:
            result[own] = result.get(own, Figure(0, 0)) + Figure(1 if in_step[document.pk] else 0, 1)
    return result


def interpretation_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    documents = list(_library_published(period).filter(**{_DOCUMENT_KEYS[level]: key}))  # type: ignore[attr-defined]
    in_step = _synchronised(documents, period.cutoff)
    for document in documents:
        yield DrillRow(
            label=f"{document.title}（{document.document_number}）"
            if document.document_number
            else document.title,
            url=reverse("disclosure:document_detail", args=[document.pk]),
            on=document.published_on,
            state=str(_("已同步解读") if in_step[document.pk] else _("解读未按时发布")),
            counts_against=not in_step[document.pk],
            department=document.drafting_department.name if document.drafting_department else "",
        )


def register() -> None:
    register_measure(
        Measure(
            code="disclosure.good_ratings",
            system=SYSTEM,
            label=_("好评数 / 评价数"),
            kind=MeasureKind.RATIO,
            compute=rating_counts,
            drill=rating_rows,
            levels=(Level.AUTHORITY,),
        )
    )
    register_measure(
        Measure(
            code="disclosure.consultation_period",
            system=SYSTEM,
            label=_("征求期达标的征求意见数 / 期内截止的征求意见数"),
            kind=MeasureKind.RATIO,
            compute=consultation_counts,
            drill=consultation_rows,
            levels=(Level.AUTHORITY, Level.DEPARTMENT),
        )
    )
    register_measure(
        Measure(
            code="disclosure.interpretation_sync",
            system=SYSTEM,
            label=_("同步发布解读的规范性文件数 / 发布的规范性文件数"),
            kind=MeasureKind.RATIO,
            compute=interpretation_counts,
            drill=interpretation_rows,
            levels=(Level.AUTHORITY, Level.DEPARTMENT),
        )
    )
