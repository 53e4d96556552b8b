"""Hand-made rows for the evaluation's tests: each builder writes exactly what an indicator counts."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone

from sanxiang.publicity.models import Entry, EntryStatus, EntryVersion, Item
from sanxiang.review.models import ReviewCase
from sanxiang.supervision.models import Milestone, Task, TaskPlan
from tests.enforcement import factories as ef

_seq = itertools.count(1)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def entry(
    authority: Any,
    *,
    due: datetime.date,
    published: datetime.date | None,
    department: Any = None,
    **fields: Any,
) -> Entry:
    return Entry.objects.create(
        item=Item.objects.get(code="penalty_decision"),
        authority=authority,
        department=department,
        source_key=f"T-{next(_seq)}",
        subject_type="organisation",
        party_name="宝鸡测试有限公司",
        status=EntryStatus.PUBLISHED if published else EntryStatus.SUBMITTED,
        due_on=due,
        published_at=at(published) if published else None,
        **fields,
    )


def correction(e: Entry, *, approved: datetime.date) -> EntryVersion:
    return EntryVersion.objects.create(entry=e, number=2, approved_at=at(approved))


def case(authority: Any, *, department: Any = None, **fields: Any) -> ReviewCase:
    taxpayer = ef.taxpayer(authority)
    act = ef.act(taxpayer, department=department)
    defaults: dict[str, Any] = {
        "title": f"测试案{next(_seq)}",
        "subject": "organisation",
        "decision_kind": "penalty",
    }
    defaults.update(fields)
    return ReviewCase.objects.create(act=act, authority=authority, department=department, **defaults)


def task(authority: Any, *, department: Any = None) -> Task:
    plan = TaskPlan.objects.create(authority=authority, title="测试任务分解表")
    return Task.objects.create(
        plan=plan,
        authority=authority,
        position=next(_seq),
        text="推行行政执法公示制度",
        owner_department=department,
    )


def milestone(t: Task, *, due: datetime.date, done: datetime.date | None) -> Milestone:
    return Milestone.objects.create(
        task=t, label="完成", planned_date=due, done_at=at(done) if done else None
    )
