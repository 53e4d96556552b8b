"""Staff and portal pages of random inspections, driven through the test client."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sanxiang.inspections.models import Draw, InspectionTask
from tests import factories

from .conftest import TODAY, beacon, committed_and_drawn

pytestmark = pytest.mark.django_db


def test_the_organiser_commits_and_runs_a_draw_through_the_pages(world, client):
    client.force_login(world.organiser)
    assert client.get(reverse("inspections:index")).status_code == 200
    assert client.get(reverse("inspections:plan_detail", args=[world.plan.pk])).status_code == 200
    response = client.post(
        reverse("inspections:draw_create", args=[world.plan.pk]),
        {
            "title": "重点税源企业定向抽取",
            "directory": "classified",
            "mode": "directed",
            "target_class": ["key_municipal"],
            "count": 2,
        },
    )
    draw = Draw.objects.get(title="重点税源企业定向抽取")
    assert response.status_code == 302 and response["Location"] == reverse(
        "inspections:draw_detail", args=[draw.pk]
    )
    assert draw.filters["class"] == {"in": ["key_municipal"]}
    page = client.get(reverse("inspections:draw_detail", args=[draw.pk])).content.decode()
    assert "追加随机信标" in page
    client.post(reverse("inspections:draw_run", args=[draw.pk]))
    draw.refresh_from_db()
    assert draw.status == "committed"  # refused: no later checkpoint yet
    client.post(reverse("inspections:beacon_create", args=[draw.pk]))
    client.post(reverse("inspections:draw_run", args=[draw.pk]))
    draw.refresh_from_db()
    assert draw.status == "drawn" and len(draw.result) == 2
    task = InspectionTask.objects.filter(draw=draw).first()
    assert client.get(reverse("inspections:task_detail", args=[task.pk])).status_code == 200


def test_a_bad_draw_form_names_the_problem(world, client):
    client.force_login(world.organiser)
    response = client.post(
        reverse("inspections:draw_create", args=[world.plan.pk]),
        {"title": "x", "directory": "classified", "mode": "undirected"},
        follow=True,
    )
    assert "请填写抽取数量或抽取比例" in response.content.decode()
    assert not Draw.objects.exists()


def test_the_public_can_see_and_verify_a_draw_but_not_its_secret_before_the_draw(world, client):
    drawn = committed_and_drawn(world, count=3)
    snapshot = drawn.snapshot
    from sanxiang.inspections import services

    pending = services.draw_commit(
        actor=world.organiser,
        plan=world.plan,
        snapshot=snapshot,
        title="待抽取",
        mode="undirected",
        today=TODAY,
        count=1,
    )
    page = client.get(reverse("inspections_public:draw_detail", args=[pending.pk])).content.decode()
    assert pending.secret_hash in page and pending.secret not in page
    verified = client.get(reverse("inspections_public:draw_verify", args=[drawn.pk])).content.decode()
    assert "抽取名单与公布的名单完全一致" in verified
    rows = client.get(reverse("inspections_public:snapshot_json", args=[snapshot.snapshot_hash])).json()
    assert len(rows) == snapshot.row_count and "tax_paid" not in rows[0]
    assert client.get(reverse("inspections_public:index")).status_code == 200
    assert client.get(reverse("inspections_public:snapshot_json", args=["0" * 64])).status_code == 404


def test_staff_without_the_role_are_refused_and_other_units_get_404(world, client, org):
    officer = factories.user(org.city, org.city_office, roles=["enforcement_officer"], scope="unit_and_below")
    client.force_login(officer)
    assert client.get(reverse("inspections:index")).status_code == 403
    other = factories.user(org.district_b, org.b_collection, roles=["inspection_organiser"], scope="unit")
    client.force_login(other)
    assert client.get(reverse("inspections:plan_detail", args=[world.plan.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("inspections:index")).status_code == 302


def test_recusal_and_result_through_the_pages(world, client):
    drawn = committed_and_drawn(world, count=1, filters={"class": {"in": ["key_municipal"]}})
    task = InspectionTask.objects.get(draw=drawn)
    client.force_login(world.organiser)
    client.post(reverse("inspections:task_inspectors", args=[task.pk]), {"industry": ""})
    inspector_draw = Draw.objects.get(task=task)
    beacon(world)
    client.post(reverse("inspections:draw_run", args=[inspector_draw.pk]))
    lead = task.assignments.get(role="lead")
    client.post(
        reverse("inspections:assignment_recuse", args=[lead.pk]),
        {"kind": "relative", "reason": "近亲属在该公司任职"},
    )
    redraw = Draw.objects.get(replaces=lead)
    beacon(world)
    client.post(reverse("inspections:draw_run", args=[redraw.pk]))
    assert task.assignments.filter(status="active").count() == 2
    client.post(
        reverse("inspections:task_result", args=[task.pk]),
        {"ended_on": "2026-04-01", "category": "no_problem", "outcome": ""},
    )
    client.post(reverse("inspections:task_publish", args=[task.pk]))
    task.refresh_from_db()
    assert task.status == "published"
    public = client.get(reverse("inspections_public:index")).content.decode()
    assert task.target_name in public and "未发现问题" in public
    assert client.get(reverse("inspections:overdue")).status_code == 200


def test_the_organiser_sees_to_dos_for_waiting_draws_and_unpublished_results(world):
    from sanxiang.inspections import selectors, services

    snapshot = services.snapshot_take(actor=world.organiser, directory=world.classified, today=TODAY)
    services.draw_commit(
        actor=world.organiser,
        plan=world.plan,
        snapshot=snapshot,
        title="待抽取摇号",
        mode="undirected",
        today=TODAY,
        count=1,
    )
    labels = [t.label for t in selectors.todos_for(world.organiser, TODAY)]
    assert any("待抽取摇号" in label for label in labels)
    assert selectors.todos_for(world.leader, TODAY) == []
