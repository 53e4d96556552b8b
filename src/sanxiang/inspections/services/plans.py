"""Annual plans (create, approve, publish) and inspection results (record, publish)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.enforcement.choices import ActStatus
from sanxiang.enforcement.services import act_update
from sanxiang.holidays.services import deadline_close, deadline_set
from sanxiang.kernel.access import authority_in_scope, require_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.lib.masking import mask_text
from sanxiang.portal import publog

from .. import rules
from ..choices import AssignmentStatus, PlanStatus, ResultCategory, TaskStatus
from ..models import InspectionItem, InspectionPlan, InspectionTask
from .directories import require_organiser
from .draws import TASK_PURPOSE

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

PLAN_KIND = "inspections.plan"
RESULT_PUBLICATION_KIND = "inspections.result"
PUBLICATION_PURPOSE = "inspections.publication"


def default_ratios() -> dict[str, str]:
    try:
        return rules.ratios_with_overrides(settings.SANXIANG_INSPECTIONS_RATIOS)
    except ValueError as exc:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"SANXIANG_INSPECTIONS_RATIOS: {exc}") from exc


@transaction.atomic
def plan_create(
    *,
    actor: User,
    authority: Authority,
    year: int,
    title: str,
    items: list[InspectionItem],
    ratios: dict[str, str] | None = None,
) -> InspectionPlan:
    require_organiser(actor, authority)
    if not title.strip():
        raise ValidationFailed(_("请填写计划名称。"))
    if InspectionPlan.objects.filter(authority=authority, year=year).exists():
        raise ValidationFailed(_("本机关 %(year)d 年度的抽查计划已经存在。") % {"year": year})
    merged = default_ratios()
    for group, value in (ratios or {}).items():
        if group not in merged:
            raise ValidationFailed(_("未知的抽查比例类别。"))
        try:
            merged[group] = rules.check_ratio(str(value))
        except ValueError as exc:
            raise ValidationFailed(_("抽查比例须为 0 到 1 之间的小数。")) from exc
    plan = InspectionPlan.objects.create(
        authority=authority, year=year, title=title.strip(), ratios=merged, created_by=actor
    )
    plan.items.set([i for i in items if i.authority_id == authority.pk])
    audit_log(
        actor=actor, action="inspections.plan.created", target=plan, after={"year": year, "ratios": merged}
    )
    return plan


@transaction.atomic
def plan_approve(*, actor: User, plan: InspectionPlan) -> InspectionPlan:
    """A leader 局领导 approves the plan; draws may run from then on."""
    require_role(actor, RoleCode.LEADER, message=_("只有局领导可以批准抽查计划。"))
    if not authority_in_scope(actor, plan.authority):
        raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))
    if plan.status != PlanStatus.DRAFT:
        raise InvalidTransition(_("该计划已经批准。"))
    plan.status = PlanStatus.APPROVED
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    plan.save()
    audit_log(actor=actor, action="inspections.plan.approved", target=plan)
    return plan


def plan_document(plan: InspectionPlan) -> dict[str, Any]:
    return {
        "authority": {"code": plan.authority.code, "name": plan.authority.name},
        "year": plan.year,
        "title": plan.title,
        "ratios": plan.ratios,
        "items": [
            {
                "code": i.code,
                "name": i.name,
                "sub_item": i.sub_item,
                "basis": i.basis,
                "method": i.method,
                "content": i.content,
            }
            for i in plan.items.order_by("code")
        ],
    }


@transaction.atomic
def plan_publish(*, actor: User, plan: InspectionPlan) -> InspectionPlan:
    """Publish the approved plan and its items as a record of the publication log."""
    require_organiser(actor, plan.authority)
    if plan.status != PlanStatus.APPROVED:
        raise InvalidTransition(_("只有已批准且未公开的计划可以公开。"))
    leaf = publog.record_append(kind=PLAN_KIND, body={"plan": plan.pk, **plan_document(plan)})
    plan.status = PlanStatus.PUBLISHED
    plan.published_leaf_index = leaf.index
    plan.published_at = timezone.now()
    plan.save()
    audit_log(actor=actor, action="inspections.plan.published", target=plan, after={"leaf_index": leaf.index})
    return plan


# ------------------------------------------------------------------------------------ results


def publish_working_days() -> int:
    return int(settings.SANXIANG_INSPECTIONS_PUBLISH_WORKING_DAYS)


@transaction.atomic
def task_record_result(
    *, actor: User, task: InspectionTask, ended_on: datetime.date, category: str, outcome: str = ""
) -> InspectionTask:
    """Record the end of an inspection and its result in the national categories; the result is
    then due for publication within N working days (default 20, 🟡 RULES.md §8)."""
    require_organiser(actor, task.authority)
    task = InspectionTask.objects.select_for_update().get(pk=task.pk)
    if task.status != TaskStatus.OPEN:
        raise InvalidTransition(_("该检查任务已经结束。"))
    if category not in ResultCategory.values:
        raise ValidationFailed(_("检查结果类别无效。"))
    if ended_on < task.started_on:
        raise ValidationFailed(_("检查结束日期不能早于开始日期。"))
    if task.assignments.filter(status=AssignmentStatus.ACTIVE).count() < rules.MIN_INSPECTORS:
        raise InvalidTransition(_("每个检查对象须有至少两名检查人员。"))
    task.status = TaskStatus.FINISHED
    task.ended_on = ended_on
    task.result_category = category
    task.outcome = outcome.strip()
    deadline = deadline_set(
        owner=task,
        purpose=PUBLICATION_PURPOSE,
        label=_("抽查结果公开期限：%(name)s") % {"name": task.target_name},
        start=ended_on,
        working_days=publish_working_days(),
        actor=actor,
    )
    task.publish_due_on = deadline.due
    task.save()
    deadline_close(owner=task, purpose=TASK_PURPOSE, actor=actor)
    if task.act is not None and task.act.status == ActStatus.IN_PROGRESS:
        act_update(actor=actor, act=task.act, data={"status": ActStatus.CONCLUDED, "concluded_on": ended_on})
    audit_log(
        actor=actor,
        action="inspections.task.result_recorded",
        target=task,
        after={"category": category, "ended_on": ended_on.isoformat()},
    )
    return task


def result_document(task: InspectionTask) -> dict[str, Any]:
    """The published result, masked as publicity is: target name (masked for persons) and USCC,
    inspectors (officials acting in office), dates, result and outcome (free text through the masker)."""
    inspectors = [
        {"name": a.inspector.display_name, "role": str(a.get_role_display())}
        for a in task.assignments.filter(status=AssignmentStatus.ACTIVE)
        .select_related("inspector")
        .order_by("role")
    ]
    return {
        "task": task.pk,
        "authority": {"code": task.authority.code, "name": task.authority.name},
        "plan": {"year": task.plan.year, "title": task.plan.title},
        "item": task.draw.item.name if task.draw.item is not None else "",
        "draw": task.draw_id,
        "target": {"name": task.target_name, "uscc": task.target_uscc},
        "inspectors": inspectors,
        "started_on": task.started_on.isoformat(),
        "ended_on": task.ended_on.isoformat() if task.ended_on else None,
        "result": {"code": task.result_category, "label": str(ResultCategory(task.result_category).label)},
        "outcome": mask_text(task.outcome).text if task.outcome else "",
    }


@transaction.atomic
def task_publish_result(*, actor: User, task: InspectionTask) -> InspectionTask:
    """Publish a finished inspection's result as a record of the publication log (一公开)."""
    require_organiser(actor, task.authority)
    task = InspectionTask.objects.select_for_update().get(pk=task.pk)
    if task.status != TaskStatus.FINISHED:
        raise InvalidTransition(_("只有已结束且未公开的检查可以公开结果。"))
    document = result_document(task)
    leaf = publog.record_append(kind=RESULT_PUBLICATION_KIND, body=document)
    task.status = TaskStatus.PUBLISHED
    task.published_at = timezone.now()
    task.published_leaf_index = leaf.index
    task.published_document = document
    task.save()
    deadline_close(owner=task, purpose=PUBLICATION_PURPOSE, actor=actor)
    audit_log(actor=actor, action="inspections.task.published", target=task, after={"leaf_index": leaf.index})
    return task
