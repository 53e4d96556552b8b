"""Out-of-scope requests get 404 and their refusal is audited in a transaction of its own."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import (
    audit_flush_pending,
    audit_log,
    audit_refusal,
    audit_scope_refusal,
    audit_verify,
    pending_refusals,
)
from sanxiang.kernel.access import get_visible_or_404
from sanxiang.kernel.exceptions import ScopeViolation
from tests import factories


def refusals():
    return AuditEvent.objects.filter(outcome="refused").order_by("seq")


def test_it_audits_a_refused_page_request_through_the_middleware(org, district_admin, client):
    other = audit_log(actor=None, action="case.file.created", authority=org.district_b)
    client.force_login(district_admin)
    response = client.get(reverse("audit:detail", args=[other.seq]), REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 404
    event = refusals().get()
    assert event.action == "scope.refused"
    assert event.actor == district_admin
    assert event.authority == org.district_a
    assert event.target_type == "audit.auditevent"
    assert event.data == {"model": "audit.AuditEvent", "object_ref": f"seq={other.seq}", "action": "view"}
    assert event.source_address == "10.9.8.7"


def test_it_answers_a_missing_object_with_404_without_a_refusal(district_admin, client):
    client.force_login(district_admin)
    assert client.get(reverse("audit:detail", args=[999])).status_code == 404
    assert not refusals().exists()


def test_it_audits_a_refused_api_request_through_the_exception_handler(officer):
    from sanxiang.api.errors import exception_handler

    violation = ScopeViolation(model_label="core.Department", object_ref="pk=42", action="change")
    response = exception_handler(violation, {"request": SimpleNamespace(user=officer)})
    assert response.status_code == 404
    assert response.data == {"code": "not_found", "message": "未找到该对象。", "extra": {}}
    event = refusals().get()
    assert (event.actor, event.target_type, event.target_id) == (officer, "core.department", "42")
    assert event.data["action"] == "change"


def test_it_records_anonymous_refusals(db):
    event = audit_scope_refusal(actor=None, violation=ScopeViolation(model_label="a.B", object_ref="x=1"))
    assert (event.actor_label, event.outcome, event.target_id) == ("system", "refused", "")


def test_it_masks_personal_data_in_the_object_reference(officer):
    violation = ScopeViolation(model_label="taxpayer.Person", object_ref="id_number=11010519491231002X")
    event = audit_scope_refusal(actor=officer, violation=violation)
    assert event.data["object_ref"]["masked"] == "id_number=110105********002X"


def test_it_records_other_refused_attempts(officer, org):
    event = audit_refusal(
        actor=officer,
        action="review.case.approve_refused",
        target=org.a_legal,
        data={"reason": "not_reviewer"},
    )
    assert (event.outcome, event.target_type, event.authority) == (
        "refused",
        "core.department",
        org.district_a,
    )


@pytest.mark.django_db(transaction=True)
def test_it_keeps_a_refusal_raised_inside_a_transaction_that_rolls_back():
    org = factories.build_org()
    outsider = factories.user(org.district_b, org.b_legal, roles=["administrator"], scope="unit")
    target = audit_log(actor=None, action="case.file.created", authority=org.district_a)

    with pending_refusals():  # what ScopeRefusalMiddleware does around each request
        with pytest.raises(ScopeViolation), transaction.atomic():
            try:
                get_visible_or_404(AuditEvent, outsider, seq=target.seq)
            except ScopeViolation as exc:
                audit_scope_refusal(actor=outsider, violation=exc)
                raise

    event = refusals().get()
    assert (event.actor, event.seq) == (outsider, 2)
    assert audit_verify(record=False).ok


@pytest.mark.django_db(transaction=True)
def test_it_defers_a_refusal_after_an_audited_write_and_drops_only_the_write():
    """The transaction already holds the chain (it audited a write), so the refusal waits for its end."""
    org = factories.build_org()
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")

    with pending_refusals():
        with pytest.raises(ScopeViolation), transaction.atomic():
            audit_log(actor=officer, action="case.file.created", target=org.a_collection)
            violation = ScopeViolation(model_label="core.Department", object_ref="pk=1")
            assert audit_scope_refusal(actor=officer, violation=violation) is None
            raise violation
        assert not AuditEvent.objects.exists()

    assert list(AuditEvent.objects.values_list("seq", "action", "outcome")) == [
        (1, "scope.refused", "refused")
    ]
    assert audit_verify(record=False).ok


@pytest.mark.django_db(transaction=True)
def test_it_writes_a_deferred_refusal_when_the_transaction_commits():
    with transaction.atomic():
        audit_log(actor=None, action="case.file.created")
        assert audit_refusal(actor="source:jinsan", action="api.push.refused") is None
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", "outcome")) == [
        (1, "ok"),
        (2, "refused"),
    ]
    assert audit_flush_pending() == 0


@pytest.mark.django_db(transaction=True)
def test_it_flushes_deferred_refusals_on_demand_outside_a_request():
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_log(actor=None, action="case.file.created")
        audit_refusal(actor=None, action="task.run.refused")
        raise RuntimeError
    assert not AuditEvent.objects.exists()
    assert audit_flush_pending() == 1
    assert AuditEvent.objects.get().action == "task.run.refused"
