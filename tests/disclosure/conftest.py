"""Disclosure fixtures: the city bureau's open-government officer and head, a drafter in a
policy department, and a district officer outside the city's own documents."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from sanxiang.disclosure import services
from sanxiang.disclosure.models import OfficialDocument, TaxType
from sanxiang.org.models import Department, User
from tests import factories


@dataclass
class People:
    org: object
    policy_dept: Department
    officer: User
    head: User
    drafter: User
    district_officer: User


@pytest.fixture
def people(org) -> People:
    policy = factories.department(org.city, "货物和劳务税科")
    return People(
        org=org,
        policy_dept=policy,
        officer=factories.user(
            org.city, org.city_office, roles=["open_government_officer"], scope="unit_and_below"
        ),
        head=factories.user(
            org.city, org.city_office, roles=["open_government_head"], scope="unit_and_below"
        ),
        drafter=factories.user(org.city, policy, roles=["liaison"], scope="unit"),
        district_officer=factories.user(
            org.district_a, None, roles=["open_government_officer"], scope="unit"
        ),
    )


POLICY_TEXT = (
    "为贯彻落实增值税留抵退税政策，现将有关事项公告如下：\n"
    "第一条 纳税人申请留抵退税，应当同时符合下列条件。\n"
    "第二条 纳税人应当在增值税纳税申报期内申请退还留抵税额。\n"
    "第三条 本公告自2019年4月1日起施行。"
)


def publish_policy(
    p: People,
    *,
    title: str = "关于深化增值税改革有关事项的公告",
    number: str = "国家税务总局公告2019年第14号",
    kind: str = "normative",
    text: str = POLICY_TEXT,
    published_on: datetime.date = datetime.date(2019, 3, 21),
    interpretation: bool = True,
    issuer: str = "",
    tax_types: tuple[str, ...] = ("vat",),
    subject_terms: str = "增值税 留抵退税",
) -> OfficialDocument:
    """Draft, submit, register, review and publish a proactive policy-library document."""
    document = services.document_create(
        actor=p.drafter,
        authority=p.org.city,
        title=title,
        document_number=number,
        issuer=issuer,
        kind=kind,
        heading="tax_policy",
        subject_terms=subject_terms,
        attribute="proactive",
        in_policy_library=True,
        tax_types=list(TaxType.objects.filter(code__in=tax_types)),
        signed_on=published_on - datetime.timedelta(days=2),
        published_on=published_on,
        effective_on=published_on,
        text=text,
    )
    if interpretation:
        services.interpretation_create(
            actor=p.drafter,
            document=document,
            title=f"《{title}》解读",
            body=f"本文件明确了{subject_terms}的有关事项。",
            kind="qa",
            qa=[{"q": "哪些纳税人可以申请？", "a": "同时符合条件的纳税人。"}],
        )
    services.document_submit(actor=p.drafter, document=document)
    services.document_register(actor=p.officer, document=document)
    services.document_review(actor=p.head, document=document)
    return services.document_publish(actor=p.officer, document=document, today=published_on)
