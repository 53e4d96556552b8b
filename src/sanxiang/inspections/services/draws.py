"""Commit–reveal draws of targets and inspectors, recorded in the publication log.

1. ``draw_commit`` fixes the inputs (snapshot hash, filters, count or ratio, weights, algorithm,
   and the hash of a fresh server secret) as a ``inspections.draw_commitment`` record.
2. ``draw_run`` refuses until the log has a signed checkpoint covering at least one leaf appended
   after the commitment; it then reveals the secret, derives the seed from it and that checkpoint's
   root (``lib.draw.derive_seed``), selects, and publishes an ``inspections.draw_result`` record.
   Target draws open inspection tasks; inspector draws assign 主查 and 辅查.
3. ``log_beacon_append`` adds a record holding fresh server randomness, for a quiet log: whoever
   commits cannot choose the next checkpoint's root, because the beacon's nonce is not theirs.
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.enforcement.choices import ActKind
from sanxiang.enforcement.services import act_create
from sanxiang.holidays.services import deadline_set
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.lib import draw as drawlib
from sanxiang.portal import publog
from sanxiang.portal.models import LogCheckpoint, LogLeaf

from .. import rules
from ..choices import (
    AssignmentStatus,
    DirectoryKind,
    DrawKind,
    DrawMode,
    DrawStatus,
    InspectorRole,
    PlanStatus,
    TaskStatus,
)
from ..models import (
    Assignment,
    Conflict,
    Directory,
    DirectorySnapshot,
    Draw,
    InspectionPlan,
    InspectionTask,
    TargetEntry,
)
from ..rules import inspector_key, target_key
from .directories import require_organiser, snapshot_take

if TYPE_CHECKING:
    from sanxiang.org.models import User

COMMITMENT_KIND = "inspections.draw_commitment"
RESULT_KIND = "inspections.draw_result"
BEACON_KIND = "inspections.beacon"
TASK_PURPOSE = "inspections.task"


def spec_of(draw: Draw) -> drawlib.DrawSpec:
    return drawlib.DrawSpec(
        snapshot_hash=draw.snapshot.snapshot_hash,
        filters=draw.filters,
        count=draw.count,
        ratio=draw.ratio or None,
        weights=draw.weights,
        algorithm=draw.algorithm,
    )


def commitment_body(draw: Draw) -> dict[str, Any]:
    """What the commitment record publishes: the draw's identity and every input except the rows
    (fixed by their hash; the rows themselves are published with the result)."""
    return {
        "draw": draw.pk,
        "authority": {"code": draw.authority.code, "name": draw.authority.name},
        "title": draw.title,
        "kind": draw.kind,
        "mode": draw.mode,
        "directory": {"kind": draw.snapshot.directory.kind, "version": draw.snapshot.version},
        "inputs": drawlib.inputs_document(spec_of(draw), draw.secret_hash),
    }


@transaction.atomic
def draw_commit(
    *,
    actor: User,
    plan: InspectionPlan,
    snapshot: DirectorySnapshot,
    title: str,
    mode: str,
    today: datetime.date,
    filters: dict[str, Any] | None = None,
    count: int | None = None,
    ratio: str | None = None,
    weights: list[dict[str, Any]] | None = None,
    item: Any = None,
    kind: str = DrawKind.TARGET,
    task: InspectionTask | None = None,
    replaces: Assignment | None = None,
) -> Draw:
    """Commit a draw's inputs to the publication log; the draw itself runs later (``draw_run``).

    A target draw always excludes anyone randomly inspected within the exclusion window (3 years,
    税总发〔2015〕104号): that filter is part of the committed inputs, so the public sees it.
    """
    require_organiser(actor, plan.authority)
    if plan.status == PlanStatus.DRAFT:
        raise InvalidTransition(_("抽查计划尚未批准，不能抽取。"))
    if mode not in DrawMode.values:
        raise ValidationFailed(_("抽取方式无效。"))
    if not title.strip():
        raise ValidationFailed(_("请填写摇号名称。"))
    target_dirs = (DirectoryKind.CLASSIFIED, DirectoryKind.ABNORMAL)
    if (kind == DrawKind.TARGET) != (snapshot.directory.kind in target_dirs):
        raise ValidationFailed(_("名录库与抽取类别不符。"))
    all_filters = dict(filters or {})
    if kind == DrawKind.TARGET:
        all_filters.update(
            rules.exclusion_filter(today=today, years=int(settings.SANXIANG_INSPECTIONS_EXCLUSION_YEARS))
        )
    secret = os.urandom(32).hex()
    draw = Draw(
        authority=plan.authority,
        plan=plan,
        item=item,
        kind=kind,
        mode=mode,
        title=title.strip(),
        snapshot=snapshot,
        filters=all_filters,
        count=count,
        ratio=ratio or "",
        weights=list(weights or []),
        algorithm=drawlib.ALGORITHM_VERSION,
        secret=secret,
        secret_hash=drawlib.secret_hash(secret),
        committed_by=actor,
        task=task,
        replaces=replaces,
    )
    try:  # a dry run with a zero seed: a bad filter or weight fails before anything is published
        drawlib.select(snapshot.rows, spec_of(draw), bytes(32))
    except drawlib.DrawError as exc:
        raise ValidationFailed(_("抽取条件无效：%(error)s") % {"error": str(exc)}) from exc
    draw.save()
    leaf = publog.record_append(kind=COMMITMENT_KIND, body=commitment_body(draw))
    draw.commitment_leaf_index = leaf.index
    draw.commitment_hash = leaf.leaf_hash
    draw.save(update_fields=["commitment_leaf_index", "commitment_hash"])
    audit_log(
        actor=actor,
        action="inspections.draw.committed",
        target=draw,
        after={
            "commitment_leaf_index": leaf.index,
            "snapshot_hash": snapshot.snapshot_hash,
            "secret_hash": draw.secret_hash,
        },
    )
    return draw


def seed_checkpoint(draw: Draw) -> LogCheckpoint | None:
    """The first signed checkpoint that covers a leaf appended after the draw's commitment."""
    if draw.commitment_leaf_index is None:
        return None
    return LogCheckpoint.objects.filter(size__gte=draw.commitment_leaf_index + 2).order_by("size").first()


@transaction.atomic
def log_beacon_append(*, actor: User, authority: Any) -> LogLeaf:
    """Append a record of fresh server randomness so that a later checkpoint exists."""
    require_organiser(actor, authority)
    leaf = publog.record_append(
        kind=BEACON_KIND, body={"nonce": os.urandom(32).hex(), "at": publog.utc_text(timezone.now())}
    )
    audit_log(
        actor=actor,
        action="inspections.beacon.created",
        target_label=f"#{leaf.index}",
        data={"index": leaf.index},
    )
    return leaf


def result_body(draw: Draw, checkpoint: LogCheckpoint, result: drawlib.DrawResult) -> dict[str, Any]:
    """The result record: the revealed secret, the checkpoint the seed came from, the rows and the list."""
    rows = {row["key"]: row for row in draw.snapshot.rows}
    return {
        "draw": draw.pk,
        "commitment": {"index": draw.commitment_leaf_index, "leaf_hash": draw.commitment_hash},
        "secret": draw.secret,
        "checkpoint": {"size": checkpoint.size, "root": checkpoint.root_hash, "note": checkpoint.note},
        "eligible": result.eligible,
        "count": result.count,
        "selected": [
            {"key": key, "name": rows[key]["name"], "uscc": rows[key].get("uscc", "")} for key in result.keys
        ],
    }


@transaction.atomic
def draw_run(*, actor: User, draw: Draw, today: datetime.date) -> Draw:
    """Run a committed draw: refuse before its commitment is in the log and before a later signed
    checkpoint exists; reveal the secret, select, publish the result, open tasks or assign inspectors."""
    require_organiser(actor, draw.authority)
    draw = Draw.objects.select_for_update().select_related("snapshot__directory", "authority").get(pk=draw.pk)
    if draw.status != DrawStatus.COMMITTED:
        raise InvalidTransition(_("该摇号已经抽取。"))
    leaf = publog.leaf_at(draw.commitment_leaf_index)
    if leaf is None or leaf.leaf_hash != draw.commitment_hash:
        raise InvalidTransition(_("摇号的承诺记录不在发布日志中，不能抽取。"))
    checkpoint = seed_checkpoint(draw)
    if checkpoint is None:
        raise InvalidTransition(_("发布日志中尚无承诺之后的签名检查点，请稍后再抽取。"))
    seed = drawlib.derive_seed(
        secret_hex=draw.secret,
        commitment_hash=draw.commitment_hash,
        checkpoint_size=checkpoint.size,
        checkpoint_root=checkpoint.root_hash,
        algorithm=draw.algorithm,
    )
    result = drawlib.select(draw.snapshot.rows, spec_of(draw), seed)
    draw.checkpoint_size = checkpoint.size
    draw.checkpoint_root = checkpoint.root_hash
    draw.checkpoint_note = checkpoint.note
    draw.result = list(result.keys)
    draw.eligible = result.eligible
    draw.status = DrawStatus.DRAWN
    draw.drawn_at = timezone.now()
    draw.drawn_by = actor
    draw.save()
    if draw.kind == DrawKind.TARGET:
        _open_tasks(actor, draw, today)
    else:
        _assign_inspectors(draw)
    published = publog.record_append(kind=RESULT_KIND, body=result_body(draw, checkpoint, result))
    draw.result_leaf_index = published.index
    draw.save(update_fields=["result_leaf_index"])
    audit_log(
        actor=actor,
        action="inspections.draw.drawn",
        target=draw,
        after={"result": draw.result, "checkpoint_size": checkpoint.size},
    )
    return draw


def _open_tasks(actor: User, draw: Draw, today: datetime.date) -> None:
    entries = {
        target_key(e.taxpayer_id): e
        for e in TargetEntry.objects.filter(directory=draw.snapshot.directory).select_related("taxpayer")
    }
    rows = {row["key"]: row for row in draw.snapshot.rows}
    days = int(settings.SANXIANG_INSPECTIONS_TASK_WORKING_DAYS)
    for position, key in enumerate(draw.result, start=1):
        entry = entries[key]
        act = act_create(
            actor=actor,
            kind=ActKind.INSPECTION,
            matter=_("双随机抽查：%(title)s") % {"title": draw.title},
            taxpayer=entry.taxpayer,
            authority=draw.authority,
            started_on=today,
        )
        task = InspectionTask.objects.create(
            authority=draw.authority,
            plan=draw.plan,
            draw=draw,
            position=position,
            target=entry,
            taxpayer=entry.taxpayer,
            target_name=rows[key]["name"],
            target_uscc=rows[key].get("uscc", ""),
            act=act,
            started_on=today,
            due_on=today,
        )
        deadline = deadline_set(
            owner=task,
            purpose=TASK_PURPOSE,
            label=_("双随机抽查检查期限：%(name)s") % {"name": task.target_name},
            start=today,
            working_days=days,
            actor=actor,
        )
        task.due_on = deadline.due
        task.save(update_fields=["due_on"])
        audit_log(actor=actor, action="inspections.task.created", target=task)


def _assign_inspectors(draw: Draw) -> None:
    users = {inspector_key(e.user_id): e.user_id for e in draw.snapshot.directory.inspectors.all()}
    task = draw.task
    if task is None:
        raise InvalidTransition(_("检查人员选派须属于一个检查任务。"))
    if draw.replaces is not None:
        roles: list[str] = [draw.replaces.role]
    else:
        roles = [InspectorRole.LEAD, *[InspectorRole.ASSISTANT] * (len(draw.result) - 1)]
    for key, role in zip(draw.result, roles, strict=False):
        Assignment.objects.create(
            authority=draw.authority, task=task, inspector_id=users[key], role=role, draw=draw
        )


# ------------------------------------------------------------------------------- inspectors


def excluded_inspectors(task: InspectionTask, today: datetime.date) -> list[str]:
    """Keys of inspectors who may not be drawn for ``task``: declared conflicts (回避), the
    department managing the taxpayer, anyone who inspected the same taxpayer within 3 years, and
    anyone already on the task (税总发〔2016〕74号)."""
    years = int(settings.SANXIANG_INSPECTIONS_EXCLUSION_YEARS)
    since = rules.years_before(today, years)
    ids = set(Conflict.objects.filter(taxpayer_id=task.taxpayer_id).values_list("inspector_id", flat=True))
    # "Within 3 years after finishing": an inspection still open counts from its start.
    recent = Q(task__ended_on__gte=since) | Q(task__ended_on__isnull=True, task__started_on__gte=since)
    ids |= set(
        Assignment.objects.filter(recent, task__taxpayer_id=task.taxpayer_id, status=AssignmentStatus.ACTIVE)
        .exclude(task=task)
        .values_list("inspector_id", flat=True)
    )
    ids |= set(Assignment.objects.filter(task=task).values_list("inspector_id", flat=True))
    if task.taxpayer.department_id:
        from sanxiang.org.models import User

        ids |= set(
            User.objects.filter(department_id=task.taxpayer.department_id).values_list("pk", flat=True)
        )
    return sorted(inspector_key(i) for i in ids)


@transaction.atomic
def inspectors_commit(
    *,
    actor: User,
    task: InspectionTask,
    today: datetime.date,
    expertise: dict[str, str] | None = None,
    replaces: Assignment | None = None,
) -> Draw:
    """Commit the draw of a task's inspectors (2: 主查 then 辅查), or of one slot after a recusal.

    定向 when ``expertise`` names an industry, tax type or case type; 不定向 otherwise.
    """
    require_organiser(actor, task.authority)
    directory = Directory.objects.filter(authority=task.authority, kind=DirectoryKind.INSPECTOR).first()
    if directory is None:
        raise ValidationFailed(_("本机关尚未建立执法检查人员名录库。"))
    snapshot = snapshot_take(actor=actor, directory=directory, today=today)
    filters = rules.inspector_filters(
        excluded_keys=excluded_inspectors(task, today),
        max_cases_in_hand=int(settings.SANXIANG_INSPECTIONS_MAX_CASES_IN_HAND),
        expertise=expertise,
    )
    directed = bool(expertise and any(expertise.values()))
    if replaces is not None:
        title = _("检查人员重新选派：%(name)s（%(role)s）") % {
            "name": task.target_name,
            "role": replaces.get_role_display(),
        }
    else:
        title = _("检查人员选派：%(name)s") % {"name": task.target_name}
    draw = draw_commit(
        actor=actor,
        plan=task.plan,
        snapshot=snapshot,
        title=title,
        mode=DrawMode.DIRECTED if directed else DrawMode.UNDIRECTED,
        today=today,
        filters=filters,
        count=1 if replaces is not None else rules.MIN_INSPECTORS,
        kind=DrawKind.INSPECTOR,
        task=task,
        replaces=replaces,
    )
    eligible = len(drawlib.eligible_rows(snapshot.rows, filters))
    if eligible < (draw.count or 0):
        raise ValidationFailed(
            _("符合条件的检查人员只有 %(n)d 名，不足 %(count)d 名，请先补充名录库。")
            % {"n": eligible, "count": draw.count}
        )
    return draw


@transaction.atomic
def assignment_recuse(
    *, actor: User, assignment: Assignment, kind: str, reason: str, today: datetime.date
) -> Draw:
    """Record a recusal 回避 after the draw and commit the recorded redraw of that slot."""
    require_organiser(actor, assignment.authority)
    from ..choices import ConflictKind

    if kind not in ConflictKind.values or not reason.strip():
        raise ValidationFailed(_("请选择回避情形并填写理由。"))
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status != AssignmentStatus.ACTIVE:
        raise InvalidTransition(_("该检查人员已回避。"))
    if assignment.task.status != TaskStatus.OPEN:
        raise InvalidTransition(_("检查已结束，不能回避。"))
    assignment.status = AssignmentStatus.RECUSED
    assignment.recusal_kind = kind
    assignment.recusal_reason = reason.strip()
    assignment.recused_at = timezone.now()
    assignment.save()
    Conflict.objects.get_or_create(
        inspector=assignment.inspector,
        taxpayer=assignment.task.taxpayer,
        kind=kind,
        defaults={"note": reason.strip(), "authority": assignment.authority},
    )
    audit_log(
        actor=actor,
        action="inspections.assignment.recused",
        target=assignment,
        after={"kind": kind, "reason": reason},
    )
    return inspectors_commit(actor=actor, task=assignment.task, today=today, replaces=assignment)
