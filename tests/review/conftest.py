from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from sanxiang.org.models import Qualification
from sanxiang.review import services
from tests import factories as org_factories
from tests.enforcement import factories

TODAY = datetime.date(2026, 3, 2)  # a Monday


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def reviewer(org):
    user = org_factories.user(
        org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit", full_name="何守法"
    )
    Qualification.objects.create(
        holder=user, kind="legal_profession", number=f"A{user.pk:08d}", obtained_on=datetime.date(2019, 9, 1)
    )
    return user


@pytest.fixture
def leader(org):
    return org_factories.user(org.district_a, org.a_legal, roles=["leader"], scope="unit", full_name="刘金台")


@pytest.fixture
def committee(org):
    return org_factories.user(org.district_a, org.a_legal, roles=["review_committee_member"], scope="unit")


@pytest.fixture
def company(org):
    return factories.taxpayer(org.district_a)


@pytest.fixture
def act(company, org, officer):
    return factories.act(company, department=org.a_collection, officers=[officer])


def make_case(officer, act, today=TODAY, **kwargs):
    data = {
        "decision_kind": "penalty",
        "facts": "逾期申报增值税",
        "legal_basis": "《税收征收管理法》第六十二条",
        "proposal": "罚款",
        "case_file": "调查终结报告；询问笔录；申报记录",
        "penalty_amount": Decimal("20000"),
    }
    data.update(kwargs)
    return services.case_create(actor=officer, act=act, today=today, **data)


ALL_OK = [
    {"point": p, "finding": "ok"}
    for p in (
        "subject",
        "procedure",
        "facts",
        "law",
        "discretion",
        "authority",
        "documents",
        "criminal_transfer",
    )
]


@pytest.fixture
def case(officer, act):
    return make_case(officer, act)


def refused_actions() -> list[str]:
    """Refusals written to the trail plus those deferred until the test transaction ends (SQLite)."""
    from sanxiang.audit.models import AuditEvent
    from sanxiang.audit.services import _pending

    written = list(AuditEvent.objects.filter(outcome="refused").values_list("action", flat=True))
    return written + [draft["action"] for draft in (_pending.get() or [])]
