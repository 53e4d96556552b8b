"""Import of task tables (wrapping ``sanxiang.lib.tasktables``), correction in the preview, confirmation."""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_store, file_store_from_upload
from sanxiang.holidays.services import deadline_set_many
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.lib.tasktables import (
    Measure,
    ParseResult,
    TaskTableError,
    parse_deadline,
    parse_file,
    parse_units,
)
from sanxiang.lib.tasktables.units import ROLE_COOPERATING, ROLE_LEAD, ROLE_RESPONSIBLE
from sanxiang.notifications.services import notify
from sanxiang.org.models import Authority, ExternalUnit, User
from sanxiang.org.services import access_grant_create_many

from ..choices import EventKind, MatchKind, PlanStatus, UnitRole
from ..matching import UnitMatcher
from ..models import Milestone, Task, TaskEvent, TaskPlan, TaskUnit
from ..roles import can_manage
from ..rules import milestone_specs
from ._common import MILESTONE_PURPOSE, department_contacts, record_event
from .recurrence import cycle_report_milestones


class ImportRefused(ValidationFailed):
    """The file cannot be imported as it stands; ``extra`` lists the reasons or unmatched names."""

    code = "import_refused"


@dataclass
class ImportOutcome:
    """What an import (or a dry run) found and did."""

    result: ParseResult | None
    matcher: UnitMatcher
    plan: TaskPlan | None = None
    created: bool = False
    unmatched: list[str] = field(default_factory=list)

    def to_json(self) -> list[dict[str, Any]]:
        """One object per measure (``import_tasks --json``), with the layouts the file was read as."""
        if not self.result:
            return []
        layouts = self.result.layout_labels()
        return [{**row, "layout": layouts} for row in self.result.to_json(self.matcher)]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _parse(path: Path, plan_year: int | None, name: str | None) -> ParseResult:
    try:
        result = parse_file(path, plan_year=plan_year)
    except TaskTableError as exc:
        if name and exc.file and exc.file != name:
            exc.file = name
        raise ImportRefused(str(exc), extra={"file": exc.file, "row": exc.row}) from None
    if not result.measures:
        reasons = "；".join(result.errors) or _("文件中没有可导入的任务。")
        raise ImportRefused(
            _("文件“%(file)s”：%(reasons)s") % {"file": name or path.name, "reasons": reasons},
            code="no_measures",
            extra={"file": name or path.name, "errors": result.errors},
        )
    return result


def plan_preview(
    *, path: Path, authority: Authority | None, plan_year: int | None = None, name: str | None = None
) -> ImportOutcome:
    """Parse and match without writing anything (``import_tasks --dry-run``).

    ``authority`` None (an empty database) parses and reports every department name as
    unmatched. Raises ``ImportRefused`` for a broken file or a file without measures only.
    """
    matcher = UnitMatcher(authority)
    result = _parse(Path(path), plan_year, name)
    names = [n for m in result.measures for n in m.unit_names()]
    return ImportOutcome(result=result, matcher=matcher, unmatched=matcher.unmatched(names))


def check_manage(actor: User | None, authority: Authority) -> None:
    # ``None`` is the system (the import_tasks command run by an operator on the server).
    if actor is not None and not can_manage(actor, authority):
        raise PermissionDeniedError(_("只有本机关的督办员可以导入和确认任务计划。"))


@transaction.atomic
def plan_import(
    *,
    actor: User | None,
    path: Path,
    authority: Authority,
    name: str | None = None,
    plan_year: int | None = None,
    accept_unmatched: bool = False,
    confirm: bool = False,
    upload: UploadedFile | None = None,
    source_file: StoredFile | None = None,
    today: datetime.date | None = None,
) -> ImportOutcome:
    """Import a task table as a plan of ``authority``, in one transaction.

    The same file (by SHA-256) for the same authority returns the existing plan (``created`` is
    False). Unmatched unit names refuse the import unless ``accept_unmatched`` (the web preview
    accepts them and asks again at confirmation). ``confirm`` confirms at once (the command) as of
    ``today``, which it then requires. ``source_file``: the table already in the file store (a
    background job's input), kept as the plan's source instead of storing the bytes again.
    """
    if confirm and today is None:
        raise TypeError("plan_import(confirm=True) needs today")
    check_manage(actor, authority)
    path = Path(path)
    name = name or path.name
    sha = _sha256(path)
    matcher = UnitMatcher(authority)
    existing = TaskPlan.objects.filter(authority=authority, source_sha256=sha).first()
    if existing is not None:
        return ImportOutcome(result=None, matcher=matcher, plan=existing, created=False)
    outcome = plan_preview(path=path, authority=authority, plan_year=plan_year, name=name)
    assert outcome.result is not None  # a preview always carries the parsed table
    outcome.matcher = matcher
    outcome.unmatched = matcher.unmatched([n for m in outcome.result.measures for n in m.unit_names()])
    if outcome.unmatched and not accept_unmatched:
        raise ImportRefused(
            _("以下单位名称未能匹配到本机关的部门或外部单位，请先在组织机构中补充名称或别名：%(names)s")
            % {"names": "、".join(outcome.unmatched)},
            code="unmatched_units",
            extra={"unmatched": outcome.unmatched},
        )
    result = outcome.result
    plan = TaskPlan.objects.create(
        authority=authority,
        title=(result.title or Path(name).stem)[:300],
        source_name=name[:255],
        source_sha256=sha,
        plan_year=result.plan_year,
        notes=result.notes,
        warnings=list(
            dict.fromkeys(
                [
                    *result.warnings,
                    *matcher.ambiguity_warnings([n for m in result.measures for n in m.unit_names()]),
                ]
            )
        ),
        layouts=result.layouts,
        imported_by=actor,
    )
    if source_file is not None:
        plan.source_file = source_file
    elif upload is not None:
        assert actor is not None  # uploads come from the web, where someone is signed in
        plan.source_file = file_store_from_upload(
            actor=actor, upload=upload, authority=authority, owner=plan, purpose="supervision.plan"
        )
    elif actor is not None:
        with path.open("rb") as stream:
            plan.source_file = file_store(
                actor=actor,
                stream=stream,
                name=name,
                content_type=None,
                authority=authority,
                owner=plan,
                purpose="supervision.plan",
            )
    if plan.source_file_id:
        plan.save(update_fields=["source_file"])
    count = create_tasks(plan=plan, measures=result.measures, matcher=matcher, actor=actor)
    audit_log(
        actor=actor,
        action="supervision.plan.imported",
        target=plan,
        after={"title": plan.title, "source_name": plan.source_name, "sha256": sha, "tasks": count},
        data={"unmatched": outcome.unmatched, "warnings": result.warnings[:20]},
    )
    outcome.plan, outcome.created = plan, True
    if confirm:
        assert today is not None  # checked on entry
        plan_confirm(actor=actor, plan=plan, accept_unmatched=accept_unmatched, today=today)
    return outcome


def _owner_department(units: list[TaskUnit], externals: dict[int, ExternalUnit]) -> int | None:
    for role in (UnitRole.LEAD, UnitRole.RESPONSIBLE, UnitRole.COOPERATING):
        for unit in units:
            if unit.role != role:
                continue
            if unit.department_id:
                return unit.department_id
            if unit.external_unit_id and externals[unit.external_unit_id].lead_department_id:
                return externals[unit.external_unit_id].lead_department_id
    return None


def _units_for(measure_roles: Any, matcher: UnitMatcher) -> list[TaskUnit]:
    units: list[TaskUnit] = []
    for role, names in (
        (UnitRole.LEAD, measure_roles.lead),
        (UnitRole.RESPONSIBLE, measure_roles.responsible),
        (UnitRole.COOPERATING, measure_roles.cooperating),
    ):
        for name in names:
            found = matcher.match(name)
            units.append(
                TaskUnit(
                    name=name[:200],
                    role=role,
                    match_kind=found.kind,
                    department_id=found.id if found.kind == MatchKind.DEPARTMENT else None,
                    external_unit_id=found.id if found.kind == MatchKind.EXTERNAL else None,
                    position=len(units),
                )
            )
    return units


def _milestones_for(task: Task, measure_suggested: list[Any], plan_year: int | None) -> list[Milestone]:
    label = task.deadline_text or _("完成")
    rows: list[Milestone] = []
    for spec in milestone_specs(task.schedule, label=label, plan_year=plan_year):
        rows.append(
            Milestone(
                task=task,
                position=len(rows),
                label=spec.label[:300],
                schedule=spec.schedule or None,
                planned_date=spec.planned_date,
                awaits_event=spec.awaits_event,
                event_label=spec.event_label[:300],
                owner_department_id=task.owner_department_id,
                level_note=spec.level_note,
            )
        )
    for suggestion in measure_suggested:
        schedule = suggestion.schedule.to_json()
        rows.append(
            Milestone(
                task=task,
                position=len(rows),
                label=suggestion.text[:300],
                schedule=schedule,
                planned_date=datetime.date.fromisoformat(schedule["date"]) if schedule.get("date") else None,
                provisional=True,
                owner_department_id=task.owner_department_id,
            )
        )
    return rows


def create_tasks(
    *, plan: TaskPlan, measures: list[Measure], matcher: UnitMatcher, actor: User | None, meeting: Any = None
) -> int:
    """Tasks, units and milestones of ``measures`` in bulk (a 1,000-row table in a few queries)."""
    externals = {e.pk: e for e in ExternalUnit.objects.all()}
    start = plan.tasks.count()
    tasks: list[Task] = []
    units_of: list[list[TaskUnit]] = []
    for offset, measure in enumerate(measures):
        units = _units_for(measure.roles, matcher)
        units_of.append(units)
        tasks.append(
            Task(
                plan=plan,
                authority_id=plan.authority_id,
                position=start + offset + 1,
                seq=measure.seq[:20],
                category=measure.category[:300],
                text=measure.task,
                level=(measure.level or "")[:40],
                deadline_text=measure.deadline_text[:500],
                schedule=measure.schedule.to_json() if measure.schedule else None,
                parts=[part.to_json() for part in measure.parts],
                doubts=list(measure.doubts),
                source_row=measure.row,
                owner_department_id=_owner_department(units, externals),
                meeting=meeting,
            )
        )
    Task.objects.bulk_create(tasks)
    all_units: list[TaskUnit] = []
    milestones: list[Milestone] = []
    events: list[TaskEvent] = []
    for task, units, measure in zip(tasks, units_of, measures, strict=True):
        for unit in units:
            unit.task = task
        all_units.extend(units)
        milestones.extend(_milestones_for(task, measure.suggested_milestones, plan.plan_year))
        events.append(TaskEvent(task=task, kind=EventKind.IMPORTED, actor=actor, data={"row": measure.row}))
    TaskUnit.objects.bulk_create(all_units)
    Milestone.objects.bulk_create(milestones)
    TaskEvent.objects.bulk_create(events)
    return len(tasks)


@transaction.atomic
def task_correct(
    *,
    actor: User | None,
    task: Task,
    lead: str,
    responsible: str,
    cooperating: str,
    deadline_text: str,
) -> Task:
    """Correct one row of a draft plan: units (re-matched) and deadline (re-parsed)."""
    task = Task.objects.select_for_update().select_related("plan__authority").get(pk=task.pk)
    check_manage(actor, task.plan.authority)
    if task.plan.status != PlanStatus.DRAFT:
        raise InvalidTransition(_("计划已确认，不能再修改导入结果。"))
    before = {"units": [f"{u.role}:{u.name}" for u in task.units.all()], "deadline_text": task.deadline_text}
    roles = parse_units(lead, ROLE_LEAD)
    roles.extend(parse_units(responsible, ROLE_RESPONSIBLE))
    roles.extend(parse_units(cooperating, ROLE_COOPERATING))
    matcher = UnitMatcher(task.plan.authority)
    units = _units_for(roles, matcher)
    task.units.all().delete()
    for unit in units:
        unit.task = task
    TaskUnit.objects.bulk_create(units)
    externals = {
        e.pk: e
        for e in ExternalUnit.objects.filter(pk__in=[u.external_unit_id for u in units if u.external_unit_id])
    }
    task.owner_department_id = _owner_department(units, externals)
    deadline_text = deadline_text.strip()
    task.deadline_text = deadline_text[:500]
    schedule = parse_deadline(deadline_text, plan_year=task.plan.plan_year) if deadline_text else None
    task.schedule = schedule.to_json() if schedule else None
    task.doubts = [d for d in task.doubts if "时限" not in d and "单位" not in d]
    task.save()
    task.milestones.filter(provisional=False).delete()
    kept = list(task.milestones.all())
    fresh = _milestones_for(task, [], task.plan.plan_year)
    for offset, milestone in enumerate(fresh):
        milestone.position = offset
    for offset, milestone in enumerate(kept, start=len(fresh)):
        milestone.position = offset
        milestone.owner_department_id = task.owner_department_id
        milestone.save(update_fields=["position", "owner_department"])
    Milestone.objects.bulk_create(fresh)
    after = {"units": [f"{u.role}:{u.name}" for u in units], "deadline_text": task.deadline_text}
    record_event(
        task, EventKind.EDITED, actor=actor, action="supervision.task.corrected", before=before, after=after
    )
    return task


@transaction.atomic
def plan_confirm(
    *,
    actor: User | None,
    plan: TaskPlan,
    accept_unmatched: bool = False,
    confirm_suggested: bool = False,
    today: datetime.date,
) -> TaskPlan:
    """Confirm a draft plan: deadlines on the calendar, access grants, notices to the departments.

    Refuses while unit names are unmatched unless ``accept_unmatched``. Suggested milestones
    (dates in a measure's own text) become deadlines only with ``confirm_suggested``.
    """
    from .progress import refresh_tasks

    plan = TaskPlan.objects.select_for_update().select_related("authority").get(pk=plan.pk)
    check_manage(actor, plan.authority)
    if plan.status != PlanStatus.DRAFT:
        raise InvalidTransition(_("该计划已确认。"))
    unmatched = sorted(
        set(
            TaskUnit.objects.filter(task__plan=plan, match_kind=MatchKind.UNMATCHED).values_list(
                "name", flat=True
            )
        )
    )
    if unmatched and not accept_unmatched:
        raise ImportRefused(
            _("以下单位名称尚未匹配，请修改或勾选“确认未匹配单位”后再确认：%(names)s")
            % {"names": "、".join(unmatched)},
            code="unmatched_units",
            extra={"unmatched": unmatched},
        )
    ongoing = Milestone.objects.filter(task__plan=plan, schedule__kind="ongoing", provisional=False)
    Milestone.objects.bulk_create(cycle_report_milestones(ongoing, today=today))
    milestones = Milestone.objects.filter(task__plan=plan, planned_date__isnull=False).order_by("pk")
    if not confirm_suggested:
        milestones = milestones.filter(provisional=False)
    set_milestone_deadlines(list(milestones), actor=actor, confirm_suggested=confirm_suggested)
    _grant_and_notify(plan, actor)
    plan.status = PlanStatus.CONFIRMED
    plan.confirmed_by = actor
    plan.confirmed_at = timezone.now()
    plan.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    TaskEvent.objects.bulk_create(
        [
            TaskEvent(task_id=pk, kind=EventKind.CONFIRMED, actor=actor)
            for pk in plan.tasks.values_list("pk", flat=True)
        ]
    )
    audit_log(
        actor=actor,
        action="supervision.plan.confirmed",
        target=plan,
        before={"status": PlanStatus.DRAFT},
        after={"status": PlanStatus.CONFIRMED},
        data={"unmatched_accepted": unmatched},
    )
    refresh_tasks(plan.tasks.all(), today=today, actor=actor, record=False)
    return plan


def set_milestone_deadlines(
    milestones: list[Milestone], *, actor: User | None, confirm_suggested: bool = False
) -> None:
    """Calendar deadlines due on each milestone's planned date, in bulk (``deadline_set_many``).

    ``deadline_set_many`` takes one label per call, so milestones are grouped by label: a plan
    repeats a handful of deadline texts ("持续开展", "2019年底前完成"), so this stays a few calls.
    """
    by_label: dict[str, list[Milestone]] = defaultdict(list)
    for milestone in milestones:
        by_label[milestone.label[:200] or _("完成")].append(milestone)
    for label, group in by_label.items():
        deadlines = deadline_set_many(
            owners=group,
            purpose=MILESTONE_PURPOSE,
            label=label,
            # callers pass milestones with a planned date (filtered planned_date__isnull=False)
            rows=[(cast(datetime.date, m.planned_date), None, 0) for m in group],
            actor=actor,
        )
        for milestone, deadline in zip(group, deadlines, strict=True):
            milestone.deadline = deadline
            if confirm_suggested:
                milestone.provisional = False
    Milestone.objects.bulk_update(milestones, ["deadline", "provisional"], batch_size=500)


def _grant_and_notify(plan: TaskPlan, actor: User | None) -> None:
    """Each assigned department sees its tasks (a grant where the owner's scope does not reach it)
    and its liaisons are told once per plan."""
    owners: dict[int, int | None] = dict(plan.tasks.values_list("pk", "owner_department_id"))
    acting: dict[int, set[int]] = {
        task_id: {owner} if owner is not None else set() for task_id, owner in owners.items()
    }
    # One flat read instead of model instances: a 1,000-row plan names some 4,000 units.
    for task_id, dept_id, contact_id in TaskUnit.objects.filter(task__plan=plan).values_list(
        "task_id", "department_id", "external_unit__lead_department_id"
    ):
        if dept_id or contact_id:
            acting[task_id].add(dept_id or contact_id)
    per_department: dict[int, int] = defaultdict(int)
    pairs: set[tuple[int, int]] = set()
    for task_id, ids in acting.items():
        for dept_id in ids:
            per_department[dept_id] += 1
            if dept_id != owners.get(task_id):
                pairs.add((task_id, dept_id))
    access_grant_create_many(actor=actor, model=Task, pairs=pairs, reason=_("督办任务交办"))
    from django.urls import reverse

    for dept_id, count in per_department.items():
        notify(
            recipients=department_contacts([dept_id]),
            title=_("新的督办任务：%(title)s") % {"title": plan.title[:60]},
            body=_("本部门有 %(n)d 项任务，请按时限推进并报送进展。") % {"n": count},
            url=reverse("supervision:my_tasks"),
            category="supervision.assigned",
            dedupe_key=f"supervision.assigned.{plan.pk}.{dept_id}",
            actor=actor,
        )
