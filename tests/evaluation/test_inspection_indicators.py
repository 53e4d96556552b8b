"""SJ-01/02 on the random-inspection tests' world (a city plan with directories and draws)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.evaluation import selectors
from sanxiang.inspections import services
from sanxiang.kernel.measures import Period
from tests.inspections.conftest import world  # noqa: F401  (fixture)
from tests.inspections.test_services import _staffed_task

pytestmark = pytest.mark.django_db


def test_results_published_on_time_and_ratios(world, library):  # noqa: F811
    task, _draw = _staffed_task(world)
    services.task_record_result(
        actor=world.organiser, task=task, ended_on=datetime.date(2026, 4, 30), category="no_problem"
    )
    task.refresh_from_db()
    june = Period.month(2026, 6)  # the result was due on 1 June 2026 and never published
    city = selectors.authority_results(library, june)[world.org.city.pk]
    assert city.cell("SJ-02").pair == [0, 1]
    services.task_publish_result(actor=world.organiser, task=task)
    task.refresh_from_db()
    # Published today (after the limit): still late.
    assert selectors.authority_results(library, june)[world.org.city.pk].cell("SJ-02").pair == [0, 1]
    year = selectors.authority_results(library, Period.year(2026))[world.org.city.pk]
    ratios = year.cell("SJ-01")
    assert ratios.enabled and ratios.denominator >= 1 and ratios.numerator <= ratios.denominator


def test_an_unpublished_result_past_its_limit_is_a_loop_finding(world, library):  # noqa: F811
    from django.utils import timezone

    from sanxiang.evaluation.models import LoopFinding
    from sanxiang.evaluation.services import loop_findings_refresh

    task, _draw = _staffed_task(world)
    services.task_record_result(
        actor=world.organiser, task=task, ended_on=datetime.date(2026, 4, 30), category="no_problem"
    )
    loop_findings_refresh(now=timezone.make_aware(datetime.datetime(2026, 6, 2, 9)))
    finding = LoopFinding.objects.get(check_code="inspections.unpublished")
    assert finding.key == f"inspections.task:{task.pk}" and finding.due == datetime.date(2026, 6, 1)
    services.task_publish_result(actor=world.organiser, task=task)
    loop_findings_refresh(now=timezone.make_aware(datetime.datetime(2026, 6, 3, 9)))
    finding.refresh_from_db()
    assert finding.resolved_at is not None
