"""Fixtures of the random-inspection tests: a city bureau with taxpayers, directories, inspectors
and an approved plan, built through the app's services."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction

from sanxiang.enforcement.models import Taxpayer
from sanxiang.inspections import services
from sanxiang.inspections.choices import DirectoryKind
from sanxiang.org.models import EnforcementCertificate
from tests import factories

TODAY = datetime.date(2026, 3, 2)
INDUSTRIES = ["制造业", "批发和零售业", "建筑业", "房地产业"]


@dataclass
class World:
    org: Any
    organiser: Any
    leader: Any
    classified: Any
    abnormal: Any
    inspector_dir: Any
    plan: Any
    item: Any
    taxpayers: list = field(default_factory=list)
    inspectors: list = field(default_factory=list)


def make_taxpayer(org, n: int, kind: str = "organisation", department=None) -> Taxpayer:
    names = {
        "organisation": f"宝鸡市第{n}机械制造有限公司",
        "individual_business": f"金台区张三小吃店{n}",
        "natural_person": "王小明",
    }
    return Taxpayer.objects.create(
        kind=kind,
        name=names[kind],
        uscc=f"916103{n:06d}MA0001" if kind == "organisation" else None,
        tin=f"61030{n:013d}",
        authority=org.district_a,
        department=department,
    )


def make_inspector(org, n: int, department=None):
    user = factories.user(
        org.city,
        department or org.city_legal,
        roles=["enforcement_officer"],
        scope="department",
        full_name=f"检查员{n}",
    )
    EnforcementCertificate.objects.create(
        holder=user,
        number=f"61000{n:05d}",
        issued_by="陕西省人民政府",
        valid_from=datetime.date(2024, 1, 1),
        valid_until=datetime.date(2029, 1, 1),
    )
    return user


@pytest.fixture
def world(org, django_capture_on_commit_callbacks) -> World:
    organiser = factories.user(
        org.city,
        org.city_office,
        roles=["inspection_organiser"],
        scope="unit_and_below",
        username="organiser",
    )
    leader = factories.user(
        org.city, org.city_office, roles=["leader"], scope="unit_and_below", username="leader"
    )
    item = services.item_upsert(
        actor=organiser,
        authority=org.city,
        code="SJ-001",
        data={
            "name": "税收检查",
            "basis": "《中华人民共和国税收征收管理法》第五十四条",
            "method": "实地检查",
        },
    )
    classified = services.directory_get_or_create(
        actor=organiser, authority=org.city, kind=DirectoryKind.CLASSIFIED
    )
    abnormal = services.directory_get_or_create(
        actor=organiser, authority=org.city, kind=DirectoryKind.ABNORMAL
    )
    inspector_dir = services.directory_get_or_create(
        actor=organiser, authority=org.city, kind=DirectoryKind.INSPECTOR
    )
    w = World(
        org=org,
        organiser=organiser,
        leader=leader,
        classified=classified,
        abnormal=abnormal,
        inspector_dir=inspector_dir,
        plan=None,
        item=item,
    )
    classes = ["key_municipal"] * 5 + ["other_enterprise"] * 25
    for n, target_class in enumerate(classes):
        tp = make_taxpayer(org, n)
        w.taxpayers.append(tp)
        services.target_upsert(
            actor=organiser,
            directory=classified,
            taxpayer=tp,
            data={
                "target_class": target_class,
                "industry": INDUSTRIES[n % 4],
                "scale": "small",
                "tax_paid": {"2025": "1000.00"},
            },
        )
    for n in range(30, 35):
        tp = make_taxpayer(org, n, kind="individual_business")
        w.taxpayers.append(tp)
        services.target_upsert(
            actor=organiser,
            directory=classified,
            taxpayer=tp,
            data={"target_class": "non_enterprise", "industry": "住宿和餐饮业"},
        )
    for n in range(40, 46):
        tp = make_taxpayer(org, n)
        w.taxpayers.append(tp)
        services.target_upsert(
            actor=organiser,
            directory=abnormal,
            taxpayer=tp,
            data={
                "target_class": "other_enterprise",
                "industry": "批发和零售业",
                "abnormal_reasons": ["high_risk"],
                "risk_level": ["high", "medium", "low"][n % 3],
            },
        )
    for n in range(6):
        user = make_inspector(org, n)
        w.inspectors.append(user)
        services.inspector_upsert(
            actor=organiser,
            directory=inspector_dir,
            user=user,
            data={"industries": [INDUSTRIES[n % 4]], "tax_types": ["增值税"], "case_types": ["偷税"]},
        )
    w.plan = services.plan_create(
        actor=organiser, authority=org.city, year=2026, title="2026年度双随机抽查计划", items=[item]
    )
    services.plan_approve(actor=leader, plan=w.plan)
    return w


def beacon(world: World) -> None:
    with transaction.atomic():
        services.log_beacon_append(actor=world.organiser, authority=world.org.city)


def committed_and_drawn(world: World, **kwargs):
    snapshot = services.snapshot_take(
        actor=world.organiser, directory=kwargs.pop("directory", world.classified), today=TODAY
    )
    draw = services.draw_commit(
        actor=world.organiser,
        plan=world.plan,
        snapshot=snapshot,
        title=kwargs.pop("title", "非重点税源企业不定向抽取"),
        mode=kwargs.pop("mode", "undirected"),
        today=TODAY,
        item=world.item,
        **kwargs,
    )
    beacon(world)
    return services.draw_run(actor=world.organiser, draw=draw, today=TODAY)
