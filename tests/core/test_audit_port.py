"""The kernel's audit port: the organisation audits through it, the audit app is plugged in."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from sanxiang.audit.models import AuditEvent
from sanxiang.kernel import auditing
from sanxiang.org import services
from sanxiang.org.models import Department

pytestmark = pytest.mark.django_db


def test_an_org_service_writes_its_event_to_the_audit_trail_through_the_port(org, admin_user):
    department = services.department_create(
        actor=admin_user, authority=org.district_a, name="新设股", code="XS"
    )

    event = AuditEvent.objects.get(action="core.department.created")
    assert event.target_id == str(department.pk)
    assert event.actor_id == admin_user.pk


def test_without_an_audit_writer_an_audited_change_is_refused(org, admin_user, monkeypatch):
    monkeypatch.setattr(auditing, "_writers", {})

    with pytest.raises(ImproperlyConfigured):
        services.department_create(actor=admin_user, authority=org.district_a, name="未审计股", code="WS")
    assert not Department.objects.filter(name="未审计股").exists()
