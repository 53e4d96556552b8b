"""GK-01 to GK-04 on hand-made rows of the open-government modules."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from sanxiang.disclosure.models import Consultation, OfficialDocument, ServiceRating
from sanxiang.evaluation import selectors
from sanxiang.information_requests.models import InformationRequest
from sanxiang.kernel.measures import Period

pytestmark = pytest.mark.django_db
D = datetime.date
NOV = Period.month(2026, 11)


def _request(org, n, *, due, closed):
    return InformationRequest.objects.create(
        authority=org.district_a,
        code=f"GK-TEST-{n}",
        token_hash="x" * 64,
        channel="online",
        applicant_type="citizen",
        applicant_name="申请人",
        due_on=due,
        closed_on=closed,
        holding_department=org.a_collection,
    )


def test_requests_answered_on_time(org, library):
    _request(org, 1, due=D(2026, 11, 10), closed=D(2026, 11, 9))
    _request(org, 2, due=D(2026, 11, 12), closed=D(2026, 11, 13))
    _request(org, 3, due=D(2026, 11, 20), closed=None)
    _request(org, 4, due=D(2026, 12, 20), closed=None)  # not due in November
    unit = selectors.authority_results(library, NOV)[org.district_a.pk]
    assert unit.cell("GK-01").pair == [1, 3]
    department = {d.key: d for d in selectors.department_results(library, NOV, org.district_a)}
    assert department[org.a_collection.pk].cell("GK-01").pair == [1, 3]


def test_good_ratings_share(org, library):
    ct = ContentType.objects.get_for_model(OfficialDocument)
    at = timezone.make_aware(datetime.datetime(2026, 11, 5, 10))
    for score in (5, 4, 2, 5):
        ServiceRating.objects.create(
            authority=org.district_a,
            content_type=ct,
            object_id=1,
            target_label="办税指南",
            score=score,
            rated_at=at,
            is_low=score <= 2,
        )
    assert selectors.authority_results(library, NOV)[org.district_a.pk].cell("GK-02").pair == [3, 4]


def test_consultation_periods(org, library):
    common = {"authority": org.district_a, "kind": "normative"}
    Consultation.objects.create(title="满30日", opens_on=D(2026, 10, 1), closes_on=D(2026, 11, 2), **common)
    Consultation.objects.create(
        title="不足且无理由", opens_on=D(2026, 10, 20), closes_on=D(2026, 11, 5), **common
    )
    Consultation.objects.create(
        title="不足有理由",
        opens_on=D(2026, 10, 25),
        closes_on=D(2026, 11, 9),
        short_period_reason="落实上级紧急部署",
        **common,
    )
    assert selectors.authority_results(library, NOV)[org.district_a.pk].cell("GK-03").pair == [2, 3]


def test_interpretations_in_step(org, library):
    from sanxiang.holidays.models import Deadline

    common = {
        "authority": org.district_a,
        "issuer": "金台区税务局",
        "kind": "normative",
        "in_policy_library": True,
        "status": "published",
        "published_on": D(2026, 11, 2),
    }
    together = OfficialDocument.objects.create(title="随文件发布解读", **common)
    together.interpretations.create(title="解读", status="published")
    late = OfficialDocument.objects.create(title="解读晚于期限", **common)
    Deadline.objects.create(
        content_type=ContentType.objects.get_for_model(OfficialDocument),
        object_id=late.pk,
        purpose="disclosure.interpretation",
        label="政策解读发布",
        start=D(2026, 11, 2),
        rule_unit="working_days",
        rule_n=5,
        due=D(2026, 11, 9),
        closed_at=timezone.make_aware(datetime.datetime(2026, 11, 12, 9)),
    )
    assert selectors.authority_results(library, NOV)[org.district_a.pk].cell("GK-04").pair == [1, 2]


def test_a_request_past_its_limit_is_a_loop_finding(org, library):
    from sanxiang.evaluation.models import LoopFinding
    from sanxiang.evaluation.services import loop_findings_refresh

    late = _request(org, 9, due=D(2026, 11, 20), closed=None)
    _request(org, 10, due=D(2026, 11, 20), closed=D(2026, 11, 19))
    loop_findings_refresh(now=timezone.make_aware(datetime.datetime(2026, 12, 1, 9)))
    finding = LoopFinding.objects.get(check_code="information_requests.overdue")
    assert finding.key == f"information_requests.request:{late.pk}"
    assert finding.department == org.a_collection and finding.due == D(2026, 11, 20)
