"""Readers of random inspections: staff lists, plan progress, public (published) data, overdue
publications and to-dos."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import has_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.modules import Todo
from sanxiang.lib import merkle
from sanxiang.portal import publog

from . import rules
from .choices import DirectoryKind, DrawKind, DrawStatus, PlanStatus, TaskStatus
from .models import Directory, DirectorySnapshot, Draw, InspectionPlan, InspectionTask
from .verification import DrawVerification, check_published_draw

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

STAFF_ROLES = (
    RoleCode.INSPECTION_ORGANISER,
    RoleCode.LEADER,
    RoleCode.ENFORCEMENT_OFFICER,
    RoleCode.ADMINISTRATOR,
)


def plan_list(*, actor: User) -> QuerySet[InspectionPlan]:
    return (
        InspectionPlan.objects.visible_to(actor)
        .select_related("authority")
        .order_by("-year", "authority__code")
    )


def directory_list(*, actor: User) -> QuerySet[Directory]:
    return Directory.objects.visible_to(actor).select_related("authority").order_by("authority__code", "kind")


def draw_list(*, actor: User) -> QuerySet[Draw]:
    return Draw.objects.visible_to(actor).select_related("plan", "authority", "snapshot__directory")


def task_list(*, actor: User) -> QuerySet[InspectionTask]:
    return (
        InspectionTask.objects.visible_to(actor)
        .select_related("plan", "authority", "draw")
        .prefetch_related("assignments__inspector")
    )


def plan_progress(plan: InspectionPlan) -> list[rules.RatioProgress]:
    """How far the plan year's target draws meet the ratios: population from the latest snapshot of
    each target directory, drawn from the tasks opened in that year."""
    populations: Counter[str] = Counter()
    for directory in Directory.objects.filter(
        authority=plan.authority, kind__in=(DirectoryKind.CLASSIFIED, DirectoryKind.ABNORMAL)
    ):
        for target_class in directory.targets.filter(active=True).values_list("target_class", flat=True):
            populations[rules.ratio_group(directory_kind=directory.kind, target_class=target_class)] += 1
    drawn: Counter[str] = Counter()
    for task in InspectionTask.objects.filter(plan=plan).select_related("draw__snapshot"):
        row = next(
            (r for r in task.draw.snapshot.rows if r["key"] == rules.target_key(task.taxpayer_id)), None
        )
        if row is not None:
            drawn[row["group"]] += 1
    return rules.ratio_progress(populations=populations, drawn=drawn, ratios=plan.ratios)


def key_source_cycle(plan: InspectionPlan) -> tuple[int, int]:
    """Key sources inspected in the 5-year cycle ending with the plan year, out of all key sources."""
    directory = Directory.objects.filter(authority=plan.authority, kind=DirectoryKind.CLASSIFIED).first()
    if directory is None:
        return 0, 0
    population = [
        t.taxpayer_id
        for t in directory.targets.filter(active=True, target_class__in=rules.KEY_SOURCE_CLASSES)
    ]
    since = datetime.date(plan.year - rules.KEY_SOURCE_CYCLE_YEARS + 1, 1, 1)
    inspected = InspectionTask.objects.filter(taxpayer_id__in=population, started_on__gte=since).values_list(
        "taxpayer_id", flat=True
    )
    recorded = directory.targets.filter(last_inspected_on__gte=since).values_list("taxpayer_id", flat=True)
    return rules.cycle_coverage(
        population=[str(p) for p in population], inspected=[str(i) for i in [*inspected, *recorded]]
    )


def overdue_publications(*, authority: Authority, on: datetime.date) -> QuerySet[InspectionTask]:
    """Finished inspections of ``authority`` whose result was due for publication before ``on`` and
    is still unpublished (read by the evaluation module)."""
    return (
        InspectionTask.objects.filter(authority=authority, status=TaskStatus.FINISHED, publish_due_on__lt=on)
        .select_related("plan")
        .order_by("publish_due_on")
    )


def overdue_publications_visible(*, actor: User, on: datetime.date) -> QuerySet[InspectionTask]:
    """The same list across the actor's data scope (the staff page)."""
    return (
        InspectionTask.objects.visible_to(actor)
        .filter(status=TaskStatus.FINISHED, publish_due_on__lt=on)
        .select_related("plan", "authority")
        .order_by("publish_due_on")
    )


# ------------------------------------------------------------------------------------- public


def public_plans() -> QuerySet[InspectionPlan]:
    return (
        InspectionPlan.objects.filter(status=PlanStatus.PUBLISHED)
        .select_related("authority")
        .order_by("-year", "authority__code")
    )


def public_draws() -> QuerySet[Draw]:
    """Draws whose commitment is in the log (committed or drawn): their inputs are public."""
    return (
        Draw.objects.exclude(commitment_leaf_index=None)
        .select_related("authority", "plan", "snapshot__directory")
        .order_by("-committed_at", "-pk")
    )


def public_draw_get(pk: int) -> Draw:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(public_draws(), pk=pk)


def public_snapshot_get(snapshot_hash: str) -> DirectorySnapshot:
    """A snapshot is public once a committed draw names it."""
    from django.http import Http404

    snapshot = DirectorySnapshot.objects.filter(
        snapshot_hash=snapshot_hash, draws__commitment_leaf_index__isnull=False
    ).first()
    if snapshot is None:
        raise Http404
    return snapshot


def public_results() -> QuerySet[InspectionTask]:
    return (
        InspectionTask.objects.filter(status=TaskStatus.PUBLISHED)
        .select_related("authority")
        .order_by("-published_at")
    )


def _leaf_document(index: int | None) -> bytes | None:
    leaf = publog.leaf_at(index)
    if leaf is None or not leaf.document:
        return None
    data = leaf.document.encode("utf-8")
    return data if merkle.leaf_hash(data).hex() == leaf.leaf_hash else None


def public_record(index: int | None) -> dict[str, Any] | None:
    """The body of a record in the publication log."""
    data = _leaf_document(index)
    if data is None:
        return None
    return merkle.parse_leaf(data).body


def verify_draw(draw: Draw) -> DrawVerification:
    """Recompute a drawn draw from what the log and the public snapshot page publish."""
    commitment = _leaf_document(draw.commitment_leaf_index)
    result = _leaf_document(draw.result_leaf_index)
    if commitment is None or result is None or draw.commitment_leaf_index is None:
        report = DrawVerification(draw=draw.pk)
        report.check("承诺记录与结果记录已发布", False)
        return report
    return check_published_draw(
        commitment_leaf=commitment,
        commitment_index=draw.commitment_leaf_index,
        result_leaf=result,
        rows=list(draw.snapshot.rows),
        verifier_key=publog.verifier_key(),
    )


# -------------------------------------------------------------------------------------- to-dos


def todos_for(user: Any, today: datetime.date) -> list[Todo]:
    """For organisers: committed draws waiting to run, tasks lacking inspectors, results to publish."""
    if not has_role(user, RoleCode.INSPECTION_ORGANISER):
        return []
    todos: list[Todo] = []
    for draw in Draw.objects.visible_to(user).filter(status=DrawStatus.COMMITTED)[:10]:
        todos.append(
            Todo(
                label=_("待抽取摇号：%(title)s") % {"title": draw.title[:40]},
                url=reverse("inspections:draw_detail", args=[draw.pk]),
                module="inspections",
            )
        )
    for task in (
        InspectionTask.objects.visible_to(user)
        .filter(status=TaskStatus.FINISHED)
        .order_by("publish_due_on")[:10]
    ):
        todos.append(
            Todo(
                label=_("待公开抽查结果：%(name)s") % {"name": task.target_name[:40]},
                url=reverse("inspections:task_detail", args=[task.pk]),
                module="inspections",
                overdue=bool(task.publish_due_on and task.publish_due_on < today),
            )
        )
    return todos


def draw_counts(plan: InspectionPlan) -> dict[str, int]:
    draws = plan.draws.filter(kind=DrawKind.TARGET)
    return {
        "committed": draws.filter(status=DrawStatus.COMMITTED).count(),
        "drawn": draws.filter(status=DrawStatus.DRAWN).count(),
    }
