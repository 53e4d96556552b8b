"""Confirmation in bulk: deadlines, grants and audit events, in a number of queries that does not grow with the rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sanxiang.audit.models import AuditEvent
from sanxiang.holidays.models import Deadline
from sanxiang.org.models import AccessGrant
from sanxiang.org.services import access_grant_create
from sanxiang.supervision import services
from sanxiang.supervision.models import Milestone, Task

from .conftest import TODAY

DEADLINES = ["2019年9月底前完成", "持续开展", "文件公开后5个工作日", "2019年12月31日前"]


def table(rows: int) -> str:
    lines = ["基准任务分解表", "\t序号\n\t工作措施\n\t牵头部门\n\t责任部门\n\t配合部门\n\t完成时限\n"]
    for i in range(1, rows + 1):
        lines.append(
            f"\t{i}\n\t落实第{i}项工作措施。\n\t法制科\n\t征收管理科\n\t办公室\n\t{DEADLINES[i % len(DEADLINES)]}\n"
        )
    return "\n".join(lines)


def import_rows(sup, tmp_path, rows):
    path = tmp_path / f"table_{rows}.txt"
    path.write_text(table(rows), encoding="utf-8")
    return services.plan_import(actor=sup.supervisor, path=path, authority=sup.org.city).plan


def confirm_queries(sup, plan) -> int:
    with CaptureQueriesContext(connection) as captured:
        services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)
    return len(captured)


def count(action):
    return AuditEvent.objects.filter(action=action).count()


def test_it_audits_every_deadline_and_grant_created_by_a_confirmation(sup, tmp_path):
    plan = import_rows(sup, tmp_path, 40)
    services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)
    deadlines = Deadline.objects.filter(purpose="supervision.milestone")
    grants = AccessGrant.objects.filter(object_id__in=plan.tasks.values("pk"))
    # 20 dated rows (by_date) and two departments besides the owner on each of the 40 rows.
    assert deadlines.count() == 20
    assert grants.count() == 80
    assert count("holidays.deadline.set") == 20
    assert count("core.access_grant.created") == 80
    granted = AuditEvent.objects.filter(action="core.access_grant.created").values_list(
        "target_id", flat=True
    )
    assert set(map(str, grants.values_list("pk", flat=True))) == set(map(str, granted))
    assert {grant.granted_by_id for grant in grants} == {sup.supervisor.pk}
    dated = Milestone.objects.filter(task__plan=plan, planned_date__isnull=False)
    assert all(m.deadline is not None and m.deadline.due == m.planned_date for m in dated)
    task = Task.objects.filter(plan=plan).first()
    assert Task.objects.visible_to(sup.office_liaison).filter(pk=task.pk).exists()


def test_it_reuses_an_active_grant_instead_of_repeating_it(sup, tmp_path):
    plan = import_rows(sup, tmp_path, 4)
    task = Task.objects.filter(plan=plan).first()
    access_grant_create(actor=sup.supervisor, target=task, department=sup.depts["办公室"], reason="先行交办")
    services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)
    assert AccessGrant.objects.filter(object_id=task.pk, department=sup.depts["办公室"]).count() == 1
    assert count("core.access_grant.created") == 1 + 4 * 2 - 1


@pytest.mark.parametrize("small, large", [(8, 80)])
def test_it_confirms_in_queries_that_do_not_grow_with_the_rows(sup, tmp_path, small, large):
    few = confirm_queries(sup, import_rows(sup, tmp_path, small))
    many = confirm_queries(sup, import_rows(sup, tmp_path, large))
    assert many - few <= 4
