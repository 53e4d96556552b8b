"""What the organisation counts for the evaluation: officers holding a valid enforcement certificate."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.measures import DrillRow, Figure, Level, Measure, MeasureKind, Period, register_measure

SYSTEM = "org"
_KEYS = {Level.AUTHORITY: "authority_id", Level.DEPARTMENT: "department_id"}


def _valid_certificate(period: Period) -> Exists:
    from sanxiang.org.models import EnforcementCertificate

    return Exists(
        EnforcementCertificate.objects.filter(
            holder=OuterRef("pk"), valid_from__lte=period.cutoff, valid_until__gte=period.cutoff
        )
    )


def _officers() -> object:
    from sanxiang.org.models import User

    return User.objects.filter(is_active=True, roles__code=RoleCode.ENFORCEMENT_OFFICER)


def certified_counts(period: Period, level: Level) -> dict[int, Figure]:
    """执法人员持证率: active enforcement officers holding a certificate valid at the cutoff."""
    key = _KEYS[level]
    rows = (
        _officers()
        .values(key)  # type: ignore[attr-defined]
        .annotate(
            n=Count("pk", distinct=True),
            ok=Count("pk", filter=Q(_valid_certificate(period)), distinct=True),
        )
    )
    return {r[key]: Figure(r["ok"], r["n"]) for r in rows if r[key] is not None}


def certified_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    people = (
        _officers()
        .filter(**{_KEYS[level]: key})  # type: ignore[attr-defined]
        .annotate(certified=_valid_certificate(period))
        .select_related("department")
    )
    for user in people.order_by("certified", "username"):
        yield DrillRow(
            label=user.display_name,
            url=reverse("org:user_detail", args=[user.pk]),
            state=str(_("持有效执法证") if user.certified else _("无有效执法证")),
            counts_against=not user.certified,
            department=user.department.name if user.department else "",
        )


def register() -> None:
    register_measure(
        Measure(
            code="org.certified_officers",
            system=SYSTEM,
            label=_("持有效执法证的执法人员数 / 执法人员数"),
            kind=MeasureKind.RATIO,
            compute=certified_counts,
            drill=certified_rows,
            levels=(Level.AUTHORITY, Level.DEPARTMENT),
        )
    )
