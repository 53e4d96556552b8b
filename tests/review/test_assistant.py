"""The discretion assistant of the case form: violation picked from a list (code hidden), the
benchmark's questions as fields, the lawful range live, a written reason for a proposal outside it."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.review import selectors
from sanxiang.review.models import ReviewCase
from tests.review.conftest import TODAY, make_case

pytestmark = pytest.mark.django_db

BOOKKEEPING = "征管法§60(2)"


def test_a_fine_outside_the_statutory_range_needs_a_written_reason(officer, act):
    with pytest.raises(ValidationFailed) as refused:
        make_case(
            officer,
            act,
            penalty_amount=Decimal("18143"),
            violation_code=BOOKKEEPING,
            violation_date=datetime.date(2025, 3, 1),
        )
    assert "penalty_reason" in refused.value.extra["fields"]
    case = make_case(
        officer,
        act,
        penalty_amount=Decimal("18143"),
        violation_code=BOOKKEEPING,
        violation_date=datetime.date(2025, 3, 1),
        penalty_reason="  经集体讨论，按情节严重从重处罚  ",
    )
    assert case.penalty_reason == "经集体讨论，按情节严重从重处罚"
    view = selectors.case_discretion(case=case, today=TODAY)
    assert view.result["within_range"] is False and view.needs_reason
    event = AuditEvent.objects.get(action="review.case.created")
    assert "经集体讨论" in str(event.after)


def test_missing_facts_show_the_statutory_range_and_what_would_narrow_it(officer, act):
    case = make_case(
        officer,
        act,
        penalty_amount=Decimal("500"),
        violation_code=BOOKKEEPING,
        violation_date=datetime.date(2025, 3, 1),
    )
    view = selectors.case_discretion(case=case, today=TODAY)
    assert "error" not in view.result
    assert view.result["range"] == [0, 10000]
    assert view.result["missing_facts"] and view.missing_labels
    assert "第六十条" in view.statutory_text


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    return client


def test_the_form_offers_violations_by_their_wording_and_no_json_box(as_officer):
    body = as_officer.get(reverse("review:case_create")).content.decode()
    assert "未按照规定设置、保管账簿或者保管记账凭证和有关资料" in body
    assert "裁量情节（JSON）" not in body and "违法行为代码" not in body
    assert ">征管法§60(2)<" not in body and "查找违法行为" in body


def test_the_assistant_asks_the_benchmarks_questions_and_flags_the_fine(as_officer, act):
    response = as_officer.get(
        reverse("review:discretion_assist"),
        {
            "act": act.pk,
            "violation_code": BOOKKEEPING,
            "violation_date": "2025-03-01",
            "penalty_amount": "18143",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="assistant"' in body and "需查明的情节" in body
    assert 'name="fact_first_time"' in body and 'name="fact_days_late"' not in body
    assert "超出幅度" in body and "登记前必须写明理由" in body
    assert "首违不罚" in body


def test_the_form_registers_the_answers_and_the_reason(as_officer, act):
    data = {
        "act": act.pk,
        "decision_kind": "penalty",
        "title": "某公司未按规定保管账簿案",
        "penalty_amount": "18143",
        "tax_amount": "0",
        "violation_code": BOOKKEEPING,
        "violation_date": "2025-03-01",
        "fact_serious": "yes",
        "fact_first_time": "no",
        "fact_days_late": "30",
    }
    refused = as_officer.post(reverse("review:case_create"), data)
    assert refused.status_code == 200 and not ReviewCase.objects.exists()
    assert "拟罚款超出裁量幅度，请填写理由。" in refused.content.decode()
    done = as_officer.post(reverse("review:case_create"), {**data, "penalty_reason": "情节特别严重"})
    assert done.status_code == 302
    case = ReviewCase.objects.get()
    assert case.violation_code == BOOKKEEPING and case.penalty_reason == "情节特别严重"
    # only the questions this violation asks are kept; days late is not one of them
    assert case.discretion_facts == {"serious": True, "first_time": False}


def test_the_discretion_command_answers_missing_facts_with_the_statutory_range(tmp_path):
    import io
    import json

    from django.core.management import call_command

    source = tmp_path / "in.jsonl"
    line = {
        "violation": "征管法§62",
        "subject": "organisation",
        "facts": {"first_time": False},
        "violation_date": "2025-03-01",
        "proposed_penalty": 18143,
    }
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n")
    out = io.StringIO()
    call_command("discretion", "--jsonl", "--input", str(source), stdout=out)
    result = json.loads(out.getvalue())
    assert "error" not in result
    assert result["range"] == [0, 10000] and result["within_range"] is False
    assert result["missing_facts"] == ["days_late"]
