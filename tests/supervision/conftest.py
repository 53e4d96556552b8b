"""Supervision fixtures: a demo-like organisation (seed 000's departments at the city, seed 001's
处 at the province) and personas: supervisor, leader, liaisons, lead and district departments."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest

from sanxiang.org.models import Department, ExternalUnit, User
from tests import factories
from tests.shared import SEEDS

SEED_000_DEPARTMENTS = [
    "人事教育科",
    "纳税服务科",
    "征收管理科",
    "税收风险管理局",
    "纳税服务中心",
    "信息中心",
    "财务管理科",
]  # 办公室 and 法制科 come from the shared org fixture
SEED_001_DEPARTMENTS = [
    "办公室",
    "政策法规处",
    "纳税服务处",
    "征管和科技发展处",
    "财务管理处",
    "人事处",
    "教育处",
    "监察室",
    "收入规划核算处",
    "货物和劳务税处",
    "大企业税收管理处",
    "稽查局",
    "电子税务管理中心",
    "税收宣传中心",
    "教育中心",
]
TODAY = datetime.date(2019, 9, 2)


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.fail(f"seed {prefix} is missing from {SEEDS}")
    return found[0]


@dataclass
class Sup:
    org: object
    depts: dict[str, Department]
    supervisor: User
    leader: User
    lead_liaison: User  # 法制科 liaison
    lead_member: User  # 法制科 staff
    office_liaison: User  # 办公室 liaison
    district_a_liaison: User  # district A 征收管理科 liaison
    district_b_supervisor: User  # another district's supervisor: sees nothing of the city's plans


@pytest.fixture
def sup(org):
    depts = {"办公室": org.city_office, "法制科": org.city_legal}
    for name in SEED_000_DEPARTMENTS:
        depts[name] = factories.department(org.city, name)
    depts["征收管理科"].aliases = ["征管科"]
    depts["征收管理科"].save()
    for name in SEED_001_DEPARTMENTS:
        factories.department(org.province, name)
    ExternalUnit.objects.create(name="区发改局", authority=org.district_a, lead_department=org.a_collection)
    return Sup(
        org=org,
        depts=depts,
        supervisor=factories.user(
            org.city, org.city_office, roles=["supervisor"], scope="unit_and_below", username="duban"
        ),
        leader=factories.user(
            org.city, org.city_office, roles=["leader"], scope="unit_and_below", username="leader"
        ),
        lead_liaison=factories.user(org.city, org.city_legal, roles=["liaison"], username="fazhi_lly"),
        lead_member=factories.user(org.city, org.city_legal, username="fazhi_ky"),
        office_liaison=factories.user(org.city, org.city_office, roles=["liaison"], username="bgs_lly"),
        district_a_liaison=factories.user(
            org.district_a, org.a_collection, roles=["liaison"], username="jt_lly"
        ),
        district_b_supervisor=factories.user(
            org.district_b, org.b_collection, roles=["supervisor"], scope="unit", username="wb_duban"
        ),
    )


SMALL_TABLE = (
    "优化税务执法方式工作任务分解表\n"
    "\t序号\n\t工作措施\n\t牵头部门\n\t责任部门\n\t配合部门\n\t完成时限\n\n"
    "\t1\n\t全面准确及时主动公开税务执法主体信息。\n\t法制科\n\t法制科\n\t办公室\n\t2019年9月底前完成\n\n"
    "\t2\n\t制定执法公示工作规程。\n\t法制科\n\t征收管理科\n\t其他相关部门\n\t2019年12月31日前\n\n"
    "\t3\n\t区局实施方案印发后开展宣传。\n\t办公室\n\t办公室\n\t\n\t区局实施方案印发后5个工作日内\n\n"
)


@pytest.fixture
def small_table(tmp_path):
    path = tmp_path / "small_table.txt"
    path.write_text(SMALL_TABLE, encoding="utf-8")
    return path
