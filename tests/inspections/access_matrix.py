"""Access matrix of random inspections: staff pages, API and public pages.

Objects belong to 宝鸡市税务局 (city): its organiser (city_inspection), leader (city_leader) and the
all-scope administrator see them; district leaders and administrators hold a viewing role but
not the scope (404); every other login lacks the role (403); anonymous visitors go to the login
page (302; the API answers 401). Only leaders approve plans. POST-only actions answer 405 to a GET from a login that passes the role check. The
public pages answer everyone.
"""

from __future__ import annotations

from django.db import transaction


def cases(demo):
    from sanxiang.enforcement.models import Taxpayer
    from sanxiang.inspections import services
    from sanxiang.inspections.choices import DirectoryKind
    from sanxiang.inspections.models import InspectionTask
    from sanxiang.org.models import User

    organiser = demo.users["city_inspection"]
    city = demo.authorities["city"]
    today = demo.today
    item = services.item_upsert(actor=organiser, authority=city, code="SJ-M1", data={"name": "税收检查"})
    classified = services.directory_get_or_create(
        actor=organiser, authority=city, kind=DirectoryKind.CLASSIFIED
    )
    inspectors = services.directory_get_or_create(
        actor=organiser, authority=city, kind=DirectoryKind.INSPECTOR
    )
    for n in range(3):
        taxpayer = Taxpayer.objects.create(
            kind="organisation",
            name=f"宝鸡市矩阵测试第{n}有限公司",
            uscc=f"91610300MA6M{n:06d}",
            authority=demo.authorities["jintai"],
        )
        services.target_upsert(
            actor=organiser,
            directory=classified,
            taxpayer=taxpayer,
            data={"target_class": "other_enterprise"},
        )
    for username in ("city_officer", "jt_officer", "jt_risk", "wb_officer"):
        services.inspector_upsert(
            actor=organiser, directory=inspectors, user=User.objects.get(username=username), data={}
        )
    plan = services.plan_create(
        actor=organiser, authority=city, year=today.year, title="矩阵计划", items=[item]
    )
    services.plan_approve(actor=demo.users["city_leader"], plan=plan)
    snapshot = services.snapshot_take(actor=organiser, directory=classified, today=today)
    draw = services.draw_commit(
        actor=organiser,
        plan=plan,
        snapshot=snapshot,
        title="矩阵抽取",
        mode="undirected",
        today=today,
        count=1,
    )
    with transaction.atomic():
        services.log_beacon_append(actor=organiser, authority=city)
    draw = services.draw_run(actor=organiser, draw=draw, today=today)
    task = InspectionTask.objects.get(draw=draw)
    inspector_draw = services.inspectors_commit(actor=organiser, task=task, today=today)
    with transaction.atomic():
        services.log_beacon_append(actor=organiser, authority=city)
    services.draw_run(actor=organiser, draw=inspector_draw, today=today)
    assignment = task.assignments.first()

    view = {"default": 403, "anonymous": 302, "city_inspection": 200, "city_leader": 200, "sysadmin": 200}
    # Index pages: every holder of a viewing role gets the page (scoped lists).
    index = {**view, "jt_admin": 200, "jt_leader": 200, "wb_leader": 200}
    # Object pages: district holders of a viewing role are outside the city's scope.
    detail = {**view, "jt_admin": 404, "jt_leader": 404, "wb_leader": 404}
    organise_post = {
        "default": 403,
        "anonymous": 302,
        "city_inspection": 405,
        "sysadmin": 405,
        "jt_admin": 405,
    }
    approve_post = {"default": 403, "anonymous": 302, "city_leader": 405, "jt_leader": 405, "wb_leader": 405}
    api_view = {
        "default": 403,
        "anonymous": 401,
        "city_inspection": 200,
        "city_leader": 200,
        "sysadmin": 200,
        "jt_admin": 200,
        "jt_leader": 200,
        "wb_leader": 200,
    }
    api_detail = {**api_view, "jt_admin": 404, "jt_leader": 404, "wb_leader": 404}
    api_post = {
        **api_view,
        "city_inspection": 405,
        "sysadmin": 405,
        "jt_admin": 405,
        "city_leader": 405,
        "jt_leader": 405,
        "wb_leader": 405,
    }
    public = {"default": 200}
    return [
        ("inspections:index", {}, index),
        ("inspections:overdue", {}, index),
        ("inspections:plan_create", {}, organise_post),
        ("inspections:plan_detail", {"pk": plan.pk}, detail),
        ("inspections:plan_approve", {"pk": plan.pk}, approve_post),
        ("inspections:plan_publish", {"pk": plan.pk}, organise_post),
        ("inspections:draw_create", {"pk": plan.pk}, organise_post),
        ("inspections:directory_detail", {"pk": classified.pk}, detail),
        ("inspections:directory_import", {"pk": classified.pk}, organise_post),
        ("inspections:snapshot_create", {"pk": classified.pk}, organise_post),
        ("inspections:draw_detail", {"pk": draw.pk}, detail),
        ("inspections:draw_run", {"pk": draw.pk}, organise_post),
        ("inspections:beacon_create", {"pk": draw.pk}, organise_post),
        ("inspections:task_detail", {"pk": task.pk}, detail),
        ("inspections:task_inspectors", {"pk": task.pk}, organise_post),
        ("inspections:task_result", {"pk": task.pk}, organise_post),
        ("inspections:task_publish", {"pk": task.pk}, organise_post),
        ("inspections:assignment_recuse", {"pk": assignment.pk}, organise_post),
        ("api:inspections:directory-list", {}, api_view),
        ("api:inspections:directory-targets", {"pk": classified.pk}, api_post),
        ("api:inspections:plan-list", {}, api_view),
        ("api:inspections:plan-draws", {"pk": plan.pk}, api_post),
        ("api:inspections:draw-list", {}, api_view),
        ("api:inspections:draw-detail", {"pk": draw.pk}, api_detail),
        ("api:inspections:draw-run", {"pk": draw.pk}, api_post),
        ("inspections_public:index", {}, public),
        ("inspections_public:draw_detail", {"pk": draw.pk}, public),
        ("inspections_public:draw_verify", {"pk": draw.pk}, public),
        ("inspections_public:snapshot_json", {"snapshot_hash": snapshot.snapshot_hash}, public),
    ]
