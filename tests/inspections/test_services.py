"""Random inspections end to end through the services: draws, exclusions, inspectors, results."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from sanxiang.inspections import selectors, services
from sanxiang.inspections.choices import AssignmentStatus, DrawStatus, TaskStatus
from sanxiang.inspections.models import Assignment, InspectionTask
from sanxiang.inspections.rules import target_key
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.portal.verification import verify_publications

from .conftest import TODAY, beacon, committed_and_drawn, make_taxpayer

pytestmark = pytest.mark.django_db


def test_a_draw_cannot_run_before_a_later_checkpoint_exists(world):
    snapshot = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    draw = services.draw_commit(
        actor=world.organiser,
        plan=world.plan,
        snapshot=snapshot,
        title="抽取",
        mode="undirected",
        today=TODAY,
        count=3,
    )
    assert draw.commitment_leaf_index is not None
    with pytest.raises(InvalidTransition):
        services.draw_run(actor=world.organiser, draw=draw, today=TODAY)
    beacon(world)
    drawn = services.draw_run(actor=world.organiser, draw=draw, today=TODAY)
    assert drawn.status == DrawStatus.DRAWN and len(drawn.result) == 3
    assert drawn.checkpoint_size >= draw.commitment_leaf_index + 2
    with pytest.raises(InvalidTransition):
        services.draw_run(actor=world.organiser, draw=drawn, today=TODAY)


def test_a_draw_cannot_run_when_its_commitment_is_not_in_the_log(world):
    from sanxiang.inspections.models import Draw

    snapshot = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    draw = services.draw_commit(
        actor=world.organiser,
        plan=world.plan,
        snapshot=snapshot,
        title="抽取",
        mode="undirected",
        today=TODAY,
        count=3,
    )
    beacon(world)
    Draw.objects.filter(pk=draw.pk).update(commitment_hash="00" * 32)
    with pytest.raises(InvalidTransition):
        services.draw_run(actor=world.organiser, draw=draw, today=TODAY)


def test_a_draw_needs_an_approved_plan_and_the_organiser_role(world, org):
    from tests import factories

    plan = services.plan_create(
        actor=world.organiser, authority=org.city, year=2027, title="2027年度计划", items=[]
    )
    snapshot = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    with pytest.raises(InvalidTransition):
        services.draw_commit(
            actor=world.organiser,
            plan=plan,
            snapshot=snapshot,
            title="抽取",
            mode="undirected",
            today=TODAY,
            count=1,
        )
    officer = factories.user(org.city, org.city_office, roles=["enforcement_officer"], scope="unit_and_below")
    with pytest.raises(PermissionDeniedError):
        services.draw_commit(
            actor=officer,
            plan=world.plan,
            snapshot=snapshot,
            title="抽取",
            mode="undirected",
            today=TODAY,
            count=1,
        )
    with pytest.raises(PermissionDeniedError):
        services.plan_approve(actor=world.organiser, plan=plan)


def test_a_published_draw_recomputes_from_published_inputs(world, capsys):
    draw = committed_and_drawn(world, count=4, filters={"class": {"in": ["other_enterprise"]}})
    report = selectors.verify_draw(draw)
    assert report.ok, report.steps
    assert report.recomputed == draw.result
    call_command("verify_draw", str(draw.pk))
    assert "一致" in capsys.readouterr().out
    assert verify_publications().ok


def test_verification_fails_when_a_published_row_changes(world):
    draw = committed_and_drawn(world, count=4)
    draw.snapshot.rows[0]["industry"] = "采矿业"
    report = selectors.verify_draw(draw)
    assert not report.ok


def test_targets_inspected_within_three_years_are_excluded(world):
    recent, old = world.taxpayers[5], world.taxpayers[6]
    services.target_upsert(
        actor=world.organiser,
        directory=world.classified,
        taxpayer=recent,
        data={"target_class": "other_enterprise", "last_inspected_on": datetime.date(2023, 6, 1)},
    )
    services.target_upsert(
        actor=world.organiser,
        directory=world.classified,
        taxpayer=old,
        data={"target_class": "other_enterprise", "last_inspected_on": datetime.date(2022, 6, 1)},
    )
    draw = committed_and_drawn(world, count=100, filters={"class": {"in": ["other_enterprise"]}})
    assert target_key(recent.pk) not in draw.result
    assert target_key(old.pk) in draw.result
    assert draw.eligible == 24
    assert "last_random_inspection" in draw.filters
    # once drawn, a target is excluded from the next draw in the same window
    again = committed_and_drawn(world, count=100, filters={"class": {"in": ["other_enterprise"]}})
    assert again.eligible == 0


def test_a_target_draw_opens_inspection_tasks_with_acts_and_due_dates(world):
    draw = committed_and_drawn(world, count=2, filters={"class": {"in": ["key_municipal"]}})
    tasks = list(InspectionTask.objects.filter(draw=draw).order_by("position"))
    assert len(tasks) == 2
    for task in tasks:
        assert (
            task.act is not None
            and task.act.kind == "inspection"
            and task.act.taxpayer_id == task.taxpayer_id
        )
        assert task.due_on > TODAY
        assert task.target_uscc


def _staffed_task(world):
    draw = committed_and_drawn(world, count=1, filters={"class": {"in": ["key_municipal"]}})
    task = InspectionTask.objects.get(draw=draw)
    inspector_draw = services.inspectors_commit(actor=world.organiser, task=task, today=TODAY)
    beacon(world)
    return task, services.draw_run(actor=world.organiser, draw=inspector_draw, today=TODAY)


def test_each_target_gets_a_lead_and_an_assistant_inspector(world):
    task, inspector_draw = _staffed_task(world)
    roles = sorted(task.assignments.values_list("role", flat=True))
    assert roles == ["assistant", "lead"]
    assert len(set(task.assignments.values_list("inspector_id", flat=True))) == 2
    assert selectors.verify_draw(inspector_draw).ok


def test_inspectors_with_conflicts_cases_or_recent_inspection_of_the_target_are_excluded(world, settings):
    draw = committed_and_drawn(world, count=1, filters={"class": {"in": ["key_municipal"]}})
    task = InspectionTask.objects.get(draw=draw)
    a, b, c, d = world.inspectors[:4]
    services.conflict_declare(
        actor=world.organiser,
        inspector=a,
        taxpayer=task.taxpayer,
        kind="relative",
        note="配偶任该公司财务负责人",
    )
    from sanxiang.inspections.models import InspectorEntry

    InspectorEntry.objects.filter(user=b).update(other_cases_in_hand=3)
    # c inspected the same taxpayer two years ago
    earlier = InspectionTask.objects.create(
        authority=task.authority,
        plan=task.plan,
        draw=task.draw,
        position=99,
        target=task.target,
        taxpayer=task.taxpayer,
        target_name=task.target_name,
        started_on=datetime.date(2024, 5, 1),
        due_on=datetime.date(2024, 8, 1),
        status=TaskStatus.PUBLISHED,
    )
    Assignment.objects.create(
        authority=task.authority, task=earlier, inspector=c, role="lead", draw=task.draw
    )
    inspector_draw = services.inspectors_commit(actor=world.organiser, task=task, today=TODAY)
    excluded = set(inspector_draw.filters["key"]["not_in"])
    assert {f"IN{a.pk:06d}", f"IN{c.pk:06d}"} <= excluded
    assert inspector_draw.filters["cases_in_hand"] == {"max": 2}
    beacon(world)
    services.draw_run(actor=world.organiser, draw=inspector_draw, today=TODAY)
    assigned = set(task.assignments.values_list("inspector_id", flat=True))
    assert not assigned & {a.pk, b.pk, c.pk}
    settings.SANXIANG_INSPECTIONS_MAX_CASES_IN_HAND = 5
    assert services.inspectors_commit(actor=world.organiser, task=task, today=TODAY).filters[
        "cases_in_hand"
    ] == {"max": 4}


def test_too_few_eligible_inspectors_is_refused(world):
    from sanxiang.inspections.models import InspectorEntry

    draw = committed_and_drawn(world, count=1, filters={"class": {"in": ["key_municipal"]}})
    task = InspectionTask.objects.get(draw=draw)
    InspectorEntry.objects.exclude(user=world.inspectors[0]).update(other_cases_in_hand=5)
    with pytest.raises(ValidationFailed):
        services.inspectors_commit(actor=world.organiser, task=task, today=TODAY)


def test_a_recusal_triggers_a_recorded_redraw_of_that_slot(world):
    task, _draw = _staffed_task(world)
    lead = task.assignments.get(role="lead")
    redraw = services.assignment_recuse(
        actor=world.organiser, assignment=lead, kind="former_employment", reason="曾在该公司任职", today=TODAY
    )
    lead.refresh_from_db()
    assert lead.status == AssignmentStatus.RECUSED
    assert redraw.replaces_id == lead.pk and redraw.count == 1
    assert f"IN{lead.inspector_id:06d}" in redraw.filters["key"]["not_in"]
    beacon(world)
    redraw = services.draw_run(actor=world.organiser, draw=redraw, today=TODAY)
    active = task.assignments.filter(status=AssignmentStatus.ACTIVE)
    assert sorted(active.values_list("role", flat=True)) == ["assistant", "lead"]
    assert lead.inspector_id not in active.values_list("inspector_id", flat=True)
    assert selectors.verify_draw(redraw).ok


def test_results_are_published_within_the_working_day_limit_and_overdue_ones_listed(world):
    task, _draw = _staffed_task(world)
    ended = datetime.date(2026, 4, 30)
    services.task_record_result(
        actor=world.organiser, task=task, ended_on=ended, category="corrected", outcome="补缴税款1200元"
    )
    task.refresh_from_db()
    # 20 working days after 30 April 2026: 1–5 May off, Saturday 9 May an adjusted working day
    assert task.publish_due_on == datetime.date(2026, 6, 1)
    assert task.act.status == "concluded"
    assert list(selectors.overdue_publications(authority=task.authority, on=task.publish_due_on)) == []
    late = task.publish_due_on + datetime.timedelta(days=1)
    assert list(selectors.overdue_publications(authority=task.authority, on=late)) == [task]
    services.task_publish_result(actor=world.organiser, task=task)
    task.refresh_from_db()
    assert task.status == TaskStatus.PUBLISHED
    assert task.published_document["result"]["label"] == "发现问题已责令改正"
    assert len(task.published_document["inspectors"]) == 2
    assert list(selectors.overdue_publications(authority=task.authority, on=late)) == []
    assert verify_publications().ok


def test_a_result_needs_two_inspectors(world):
    draw = committed_and_drawn(world, count=1, filters={"class": {"in": ["key_municipal"]}})
    task = InspectionTask.objects.get(draw=draw)
    with pytest.raises(InvalidTransition):
        services.task_record_result(actor=world.organiser, task=task, ended_on=TODAY, category="no_problem")


def test_the_publish_deadline_is_configurable(world, settings):
    settings.SANXIANG_INSPECTIONS_PUBLISH_WORKING_DAYS = 5
    task, _draw = _staffed_task(world)
    services.task_record_result(
        actor=world.organiser, task=task, ended_on=datetime.date(2026, 3, 2), category="no_problem"
    )
    task.refresh_from_db()
    assert task.publish_due_on == datetime.date(2026, 3, 9)


def test_natural_person_names_are_masked_in_public_rows(world, org):
    person = make_taxpayer(org, 99, kind="natural_person")
    services.target_upsert(
        actor=world.organiser,
        directory=world.classified,
        taxpayer=person,
        data={"target_class": "non_enterprise"},
    )
    snapshot = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    row = next(r for r in snapshot.rows if r["key"] == target_key(person.pk))
    assert row["name"] != "王小明" and row["name"].startswith("王") and row["uscc"] == ""
    assert "tax_paid" not in row
    company = next(r for r in snapshot.rows if r["key"] == target_key(world.taxpayers[0].pk))
    assert company["name"] == world.taxpayers[0].name and company["uscc"] == world.taxpayers[0].uscc


def test_snapshots_are_versioned_and_frozen(world):
    first = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    assert services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY) == first
    services.target_upsert(
        actor=world.organiser,
        directory=world.classified,
        taxpayer=world.taxpayers[0],
        data={"target_class": "key_provincial"},
    )
    second = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    assert second.version == first.version + 1 and second.snapshot_hash != first.snapshot_hash
    first.refresh_from_db()
    assert any(
        r["class"] == "key_municipal" and r["key"] == target_key(world.taxpayers[0].pk) for r in first.rows
    )


def test_the_plan_shows_how_far_the_draws_meet_the_ratios(world):
    committed_and_drawn(world, count=1, filters={"class": {"in": ["key_municipal"]}})
    committed_and_drawn(world, count=1, filters={"class": {"in": ["other_enterprise"]}})
    committed_and_drawn(
        world,
        directory=world.abnormal,
        count=None,
        ratio="0.5",
        weights=[{"field": "risk", "values": {"high": 4, "medium": 2}, "default": 1}],
    )
    progress = {p.group: p for p in selectors.plan_progress(world.plan)}
    assert progress["key_source"].population == 5 and progress["key_source"].drawn == 1
    assert progress["key_source"].expected == 1 and progress["key_source"].status == "met"
    assert progress["other_enterprise"].population == 25 and progress["other_enterprise"].status == "within"
    assert progress["abnormal"].drawn == 3 and progress["abnormal"].status == "met"
    assert progress["non_enterprise"].drawn == 0
    committed_and_drawn(world, count=2, filters={"class": {"in": ["other_enterprise"]}})
    progress = {p.group: p for p in selectors.plan_progress(world.plan)}
    assert progress["other_enterprise"].status == "exceeded"  # 3 of 25 = 12% > 3%
