import datetime

import pytest

from sanxiang.publicity.models import Item
from tests import factories

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def approver(org):
    return factories.user(
        org.district_a, org.a_legal, roles=["publicity_approver"], scope="unit", full_name="审批人"
    )


@pytest.fixture
def officer_approver(org):
    """An officer who also approves: may draft and approve, but never their own versions."""
    return factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer", "publicity_approver"], scope="unit"
    )


@pytest.fixture
def sibling_approver(org):
    return factories.user(org.district_b, org.b_legal, roles=["publicity_approver"], scope="unit")


@pytest.fixture
def penalty_item(db):
    return Item.objects.get(code="penalty_decision")


def penalty_data(**overrides):
    data = {
        "party_name": "宝鸡市金台区顺达商贸有限公司",
        "uscc": "91610303MA6X0A0A0G",
        "legal_representative": "王小明",
        "document_number": "宝金税稽罚〔2026〕1号",
        "event_date": "2026-02-10",
        "facts": "少缴增值税。",
        "result": "罚款5000元",
        "credit_class": "general",
    }
    data.update(overrides)
    return data


BODY = (
    "经查，当事人法定代表人王小明（身份证号110101199003071233，电话13812345678）少缴增值税，咨询电话12366。"
)
