"""Demo of the evaluation: the default library, three closed months, the loop checks and a special
evaluation with a finding. Idempotent: every step looks its objects up first."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sanxiang.kernel.measures import Period

from .choices import SnapshotKind
from .models import Campaign, Snapshot


def demo_evaluation(ctx: Any) -> None:
    from . import services

    city = ctx.authorities.get("city")
    legal = ctx.users.get("city_legal")
    if city is None or legal is None:
        ctx.out("evaluation: the organisation step has not run, skipped")
        return
    services.library_install_default()
    now = timezone.now()
    loops = services.loop_findings_refresh(now=now)
    closed = 0
    month = Period.month(ctx.today.year, ctx.today.month)
    for back in (3, 2, 1):
        period = month.shifted(months=-back)
        if not Snapshot.objects.filter(
            kind=SnapshotKind.MONTH, authority=city, period_start=period.start, period_end=period.end
        ).exists():
            services.period_close(
                actor=legal, authority=city, year=period.start.year, month=period.start.month, now=now
            )
            closed += 1
    name = "2026年重大执法决定法制审核专项评估"
    if not Campaign.objects.filter(name=name).exists():
        year = ctx.today.year
        campaign = services.campaign_create(
            actor=legal,
            name=name,
            authority=city,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            indicator_codes=["SH-01", "SH-02", "SH-03", "SH-05", "GS-01"],
        )
        jintai = ctx.authorities.get("jintai")
        if jintai is not None:
            services.finding_add(
                actor=legal,
                campaign=campaign,
                authority=jintai,
                description="抽查案卷3件，其中1件集体审议记录缺少参会人员签名。",
                deduction=Decimal("2"),
                indicator_code="SH-01",
            )
    ctx.out(
        f"评估考核：指标库已就绪，闭环检查待整改问题 {loops.open} 项，已定档 {closed} 个月，专项评估 1 项"
    )
