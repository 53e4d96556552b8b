"""Demo step (order 50): seed 000 issued to both districts, seed 004 in 金台区, then a year of work.

Seed 000 (the 任务分解表 of 优化税务执法方式, written for a district bureau's 科室) is imported
by the city's supervisor into 金台区 and 渭滨区 税务局; seed 004 (金台区人民政府's plan, naming
other government bodies) into 金台区. Their 2019–2022 deadlines are long past on the demo's
``today``, so the step then works through the same services the pages use: about a third of
the dated tasks of each lead department are reported, accepted and closed out (done), a third
report partial progress and get an approved extension (in progress), the rest stay overdue and the daily job escalates
them (催办 → 督办单 → 报领导). Idempotent: a plan already imported is left as it is.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings

from sanxiang.kernel.access import holds_role
from sanxiang.org.models import ExternalUnit, User
from sanxiang.org.services import external_unit_create

from .matching import UnitMatcher
from .models import Milestone, Task, TaskPlan
from .services import (
    ImportRefused,
    closeout_decide,
    closeout_request,
    extension_decide,
    extension_request,
    milestone_record_event,
    plan_confirm,
    plan_import,
    progress_report_create,
    progress_report_review,
    supervision_daily,
)

# Other government bodies named by seed 004 (金台区 plan), tracked through the district's office
# unless the organisation step already knows them by name or alias.
SEED_004_EXTERNAL = [
    "区统计局",
    "区发改局",
    "区生态环境分局",
    "区大数据产业园",
    "区人社局",
    "区住建局",
    "区自然资源和规划分局",
    "区医保局",
    "区司法局",
    "区商务局",
    "区工信局",
    "区市场监管局",
    "区教体局",
    "区行政审批服务局",
    "区财政局",
    "区金融办",
    "金台公安分局",
]


def seeds_dir() -> Path:
    return Path(settings.PROJECT_DIR).parent / "shared" / "seeds"


def _seed(prefix: str) -> Path | None:
    found = sorted(seeds_dir().glob(f"{prefix}_*.txt")) if seeds_dir().is_dir() else []
    return found[0] if found else None


def _external_units(ctx: Any, district: Any) -> None:
    matcher = UnitMatcher(district)
    office = ctx.departments.get(("jintai", "办公室")) or district.departments.order_by("pk").first()
    for name in SEED_004_EXTERNAL:
        if matcher.match(name).is_unmatched and not ExternalUnit.objects.filter(name=name).exists():
            external_unit_create(
                actor=ctx.system_actor, authority=district, name=name, lead_department=office
            )


def _import(ctx: Any, prefix: str, authority: Any, *, confirm_suggested: bool = False) -> TaskPlan | None:
    path = _seed(prefix)
    if path is None:
        ctx.out(f"supervision: seed {prefix} not found in {seeds_dir()}, skipped")
        return None
    try:
        outcome = plan_import(
            actor=ctx.users["city_supervisor"],
            path=path,
            authority=authority,
            accept_unmatched=True,
        )
    except ImportRefused as exc:
        ctx.out(f"supervision: seed {prefix} refused: {exc.message}")
        return None
    if not outcome.created or outcome.plan is None:
        return None
    # Seed 004 has no deadline column: the years in its measures' text (2022年基本实现…) are
    # the only dates, and the supervisor adopts them as milestones.
    return plan_confirm(
        actor=ctx.users["city_supervisor"],
        plan=outcome.plan,
        accept_unmatched=True,
        confirm_suggested=confirm_suggested,
        today=ctx.today,
    )


def _staff_of(department_id: int | None) -> User | None:
    """A demo user of the department to report for it: its liaison first."""
    if department_id is None:
        return None
    staff = list(User.objects.filter(department_id=department_id, is_active=True).order_by("username"))
    liaisons = [u for u in staff if holds_role(u, "liaison")]
    chosen = liaisons or staff
    return chosen[0] if chosen else None


def _work(ctx: Any, plan: TaskPlan) -> dict[str, int]:
    """Report, accept, extend and close out through the services, as the departments would."""
    supervisor, leader, admin = ctx.users["city_supervisor"], ctx.users["city_leader"], ctx.system_actor
    today = ctx.today
    counts = {"done": 0, "in_progress": 0, "events": 0}
    tasks = list(Task.objects.filter(plan=plan).order_by("position"))
    # Of each lead department's dated tasks the last is overdue, the first (if another) in
    # progress with an extension, the ones between done: each department's liaison sees its
    # laggard next to the work under way.
    dated: dict[int | None, list[int]] = {}
    for task_id, department_id in (
        Task.objects.filter(plan=plan, milestones__deadline__isnull=False, milestones__provisional=False)
        .distinct()
        .order_by("position")
        .values_list("pk", "owner_department_id")
    ):
        dated.setdefault(department_id, []).append(task_id)
    kinds: dict[int, str] = {}
    for ids in dated.values():
        for i, task_id in enumerate(ids):
            last = i == len(ids) - 1
            kinds[task_id] = "overdue" if last else "in_progress" if i == 0 else "done"
    for index, task in enumerate(tasks):
        open_dated = list(
            Milestone.objects.filter(
                task=task, provisional=False, deadline__isnull=False, done_at__isnull=True
            ).order_by("position")
        )
        awaiting = Milestone.objects.filter(task=task, awaits_event=True).first()
        reporter = _staff_of(task.owner_department_id) or supervisor
        reviewer = supervisor if reporter != supervisor else admin
        if awaiting is not None and index % 2 == 0:
            # The awaited event happened a week ago (区局实施方案印发): the clock runs from it.
            milestone_record_event(
                actor=reporter,
                milestone=awaiting,
                event_date=today - datetime.timedelta(days=7),
                due_date=None
                if (awaiting.schedule or {}).get("kind") == "after_event"
                else today + datetime.timedelta(days=45),
                today=today,
            )
            counts["events"] += 1
        if not open_dated:
            if index % 3 == 1:  # undated work under way: progress without a milestone
                report = progress_report_create(
                    actor=reporter,
                    task=task,
                    text="已召开专班会议部署，牵头单位正在起草具体措施。",
                    percent=20 + (index * 7) % 40,
                    today=today,
                )
                progress_report_review(actor=reviewer, report=report, accept=True, today=today)
                counts["in_progress"] += 1
            continue
        milestone = open_dated[0]
        kind = kinds.get(task.pk, "overdue")
        if kind == "done":
            for step in open_dated:
                report = progress_report_create(
                    actor=reporter,
                    task=task,
                    text="已按要求完成，相关制度文件和公开截图见佐证材料。",
                    percent=100,
                    milestone=step,
                    today=today,
                )
                progress_report_review(
                    actor=reviewer, report=report, accept=True, comment="材料齐全，同意。", today=today
                )
            closeout = closeout_request(
                actor=reporter, task=task, summary="各项措施均已落实，已形成长效机制。"
            )
            closeout_decide(actor=leader, closeout=closeout, approve=True, comment="同意销号。", today=today)
            counts["done"] += 1
        elif kind == "in_progress":
            report = progress_report_create(
                actor=reporter,
                task=task,
                text="已制定工作方案，正在分步推进，预计按延期后的时限完成。",
                percent=30 + (index * 7) % 50,
                milestone=milestone,
                today=today,
            )
            progress_report_review(actor=reviewer, report=report, accept=True, today=today)
            extension = extension_request(
                actor=reporter,
                milestone=milestone,
                new_date=today + datetime.timedelta(days=5 + (index * 11) % 80),
                reason="涉及系统改造，需与上级部署衔接。",
            )
            extension_decide(
                actor=leader, extension=extension, approve=True, comment="同意延期。", today=today
            )
            counts["in_progress"] += 1
    return counts


def demo_supervision(ctx: Any) -> None:
    jintai, weibin = ctx.authorities.get("jintai"), ctx.authorities.get("weibin")
    if jintai is None or "city_supervisor" not in ctx.users:
        ctx.out("supervision: the organisation step has not run, skipped")
        return
    _external_units(ctx, jintai)
    plans = [
        plan
        for plan in (
            _import(ctx, "000", jintai),
            _import(ctx, "000", weibin) if weibin is not None else None,
            _import(ctx, "004", jintai, confirm_suggested=True),
        )
        if plan is not None
    ]
    for plan in plans:
        counts = _work(ctx, plan)
        ctx.out(
            f"supervision: {plan.authority.short_name}《{plan.title[:30]}》 {plan.tasks.count()} 项，"
            f"销号 {counts['done']}，延期推进 {counts['in_progress']}，登记起算事件 {counts['events']}"
        )
    result = supervision_daily(today=ctx.today)
    ctx.out(f"supervision: daily job — 催办 {result.urged}，督办单 {result.orders}，报领导 {result.leaders}")
