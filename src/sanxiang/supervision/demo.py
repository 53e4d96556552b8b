"""Demo step (order 50): import seeds 000 (city) and 004 (district) and add progress and overdue examples."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings

from sanxiang.core.choices import AuthorityLevel
from sanxiang.core.models import Authority, ExternalUnit

from .models import Task
from .services import ImportRefused, plan_import, progress_report_create, supervision_daily

# Other government bodies named by seed 004 (金台区 plan), tracked through the district's office.
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


def demo_supervision(ctx: Any) -> None:
    city = Authority.objects.filter(level=AuthorityLevel.MUNICIPAL).order_by("path").first()
    district = Authority.objects.filter(level=AuthorityLevel.COUNTY).order_by("path").first()
    if city is None or _seed("000") is None:
        ctx.out("supervision: no municipal authority or no seeds, skipped")
        return
    actor = ctx.system_actor
    imported = []
    try:
        imported.append(
            plan_import(
                actor=actor,
                path=_seed("000"),
                authority=city,
                accept_unmatched=True,
                confirm=True,
                today=ctx.today,
            )
        )
    except ImportRefused as exc:
        ctx.out(f"supervision: seed 000 refused: {exc.message}")
    if district is not None and _seed("004") is not None:
        office = district.departments.order_by("pk").first()
        for name in SEED_004_EXTERNAL:
            ExternalUnit.objects.get_or_create(
                name=name, defaults={"authority": district, "lead_department": office}
            )
        try:
            imported.append(
                plan_import(
                    actor=actor,
                    path=_seed("004"),
                    authority=district,
                    accept_unmatched=True,
                    confirm=True,
                    today=ctx.today,
                )
            )
        except ImportRefused as exc:
            ctx.out(f"supervision: seed 004 refused: {exc.message}")
    for outcome in imported:
        if not outcome.created:
            continue
        # A progress example on the first task with a department, reported by the system actor.
        task = (
            Task.objects.filter(plan=outcome.plan, owner_department__isnull=False)
            .order_by("position")
            .first()
        )
        if task is not None:
            progress_report_create(
                actor=actor, task=task, text="已制定工作方案，正在推进。", percent=40, today=ctx.today
            )
    # The seeds' 2019–2020 deadlines are long past: the daily job marks them overdue and escalates.
    supervision_daily(today=ctx.today + datetime.timedelta(days=0))
    ctx.out(f"supervision: {len(imported)} plans")
