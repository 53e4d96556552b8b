"""What disclosure requests count for the evaluation (registered in the app's ``ready``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
)

from .choices import RequestStatus
from .models import InformationRequest

SYSTEM = "information_requests"
_KEYS = {
    Level.AUTHORITY: "authority_id",
    Level.DEPARTMENT: "holding_department_id",
    Level.OFFICER: "handler_id",
}


def _due_in(period: Period) -> object:
    """Requests whose reply limit (recomputed from the clock's events) fell in the period."""
    return InformationRequest.objects.filter(due_on__gte=period.start, due_on__lte=period.cutoff).exclude(
        status=RequestStatus.ROUTED_AWAY
    )


def _on_time() -> Q:
    return Q(closed_on__isnull=False, closed_on__lte=F("due_on"))


def on_time_counts(period: Period, level: Level) -> dict[int, Figure]:
    """依申请公开按时答复率: requests due in the period answered by their (extended) limit."""
    key = _KEYS[level]
    rows = _due_in(period).values(key).annotate(due=Count("pk"), ok=Count("pk", filter=_on_time()))  # type: ignore[attr-defined]
    return {r[key]: Figure(r["ok"], r["due"]) for r in rows if r[key] is not None}


def on_time_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    requests = _due_in(period).filter(**{_KEYS[level]: key}).select_related("holding_department")  # type: ignore[attr-defined]
    for r in requests.order_by("due_on", "pk")[:500]:
        late = r.closed_on is None or r.closed_on > r.due_on
        yield DrillRow(
            label=str(_("申请 {code}")).format(code=r.code),
            url=reverse("information_requests:request_detail", args=[r.pk]),
            on=r.due_on,
            state=str(r.get_status_display()),
            counts_against=late,
            department=r.holding_department.name if r.holding_department else "",
        )


def overdue_loop(today: datetime.date) -> Iterable[LoopItem]:
    overdue = InformationRequest.objects.filter(due_on__lt=today, closed_on__isnull=True).exclude(
        status=RequestStatus.ROUTED_AWAY
    )
    for r in overdue.order_by("due_on", "pk"):
        yield LoopItem(
            key=f"information_requests.request:{r.pk}",
            label=str(_("政府信息公开申请 {code} 超过答复期限未答复")).format(code=r.code),
            url=reverse("information_requests:request_detail", args=[r.pk]),
            authority_id=r.authority_id,
            department_id=r.holding_department_id,
            officer_id=r.handler_id,
            due=r.due_on,
        )


def register() -> None:
    register_measure(
        Measure(
            code="information_requests.on_time",
            system=SYSTEM,
            label=_("按期答复的申请数 / 答复期限届满的申请数"),
            kind=MeasureKind.RATIO,
            compute=on_time_counts,
            drill=on_time_rows,
        )
    )
    register_loop_check(
        LoopCheck(
            code="information_requests.overdue",
            system=SYSTEM,
            label=_("依申请公开超期"),
            description=_("政府信息公开申请超过法定答复期限仍未答复。"),
            find=overdue_loop,
        )
    )
