"""A change made in Django's admin is audited like a change made through the services: additions,
edits (form and list columns), role changes, password changes and deletions each leave an event."""

import pytest
from django.contrib import admin
from django.utils import timezone

from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import audit_verify
from sanxiang.disclosure.models import SensitiveWord
from sanxiang.enforcement.models import MatterCatalogueItem
from sanxiang.kernel.admin import AuditedAdmin, ReadOnlyAdmin
from sanxiang.org.models import Role, User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(org):
    """The system administrator of the whole bureau, on the admin site with every permission."""
    boss = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    User.objects.filter(pk=boss.pk).update(is_staff=True, is_superuser=True)
    return User.objects.get(pk=boss.pk)


@pytest.fixture
def admin_client(client, root):
    client.force_login(root)
    return client


def _events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


def test_every_registered_admin_is_read_only_or_audited():
    kinds = {type(model_admin).__name__: model_admin for model_admin in admin.site._registry.values()}
    loose = [
        name
        for name, model_admin in kinds.items()
        if not isinstance(model_admin, AuditedAdmin | ReadOnlyAdmin)
        and type(model_admin).__module__.startswith("sanxiang")
    ]
    assert not loose
    assert any(isinstance(m, AuditedAdmin) for m in kinds.values())
    assert any(isinstance(m, ReadOnlyAdmin) for m in kinds.values())


def test_a_catalogue_change_in_the_admin_is_audited_with_before_and_after(admin_client, root):
    item = MatterCatalogueItem.objects.create(
        name="纳税信用复评", act_kind="", handling="promised", time_limit=15, time_unit="working_days"
    )
    response = admin_client.post(
        f"/admin/enforcement/mattercatalogueitem/{item.pk}/change/",
        {
            "act_kind": "",
            "matter_keyword": "",
            "name": "纳税信用复评",
            "handling": "promised",
            "time_limit": "10",
            "time_unit": "working_days",
            "basis": "",
            "order": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    (event,) = _events("admin.enforcement.mattercatalogueitem.changed")
    assert event.actor_id == root.pk and event.target_id == str(item.pk)
    assert event.before == {"time_limit": 15} and event.after == {"time_limit": 10}
    assert audit_verify(record=False).ok


def test_an_added_and_then_deleted_word_leaves_two_events(admin_client):
    response = admin_client.post(
        "/admin/disclosure/sensitiveword/add/", {"word": "暴力抗法", "is_active": "on"}
    )
    assert response.status_code == 302
    word = SensitiveWord.objects.get(word="暴力抗法")
    (added,) = _events("admin.disclosure.sensitiveword.added")
    assert added.after["word"] == "暴力抗法" and added.target_id == str(word.pk)

    response = admin_client.post(
        "/admin/disclosure/sensitiveword/",
        {"action": "delete_selected", "_selected_action": [str(word.pk)], "post": "yes"},
    )
    assert response.status_code == 302
    assert not SensitiveWord.objects.filter(word="暴力抗法").exists()
    (deleted,) = _events("admin.disclosure.sensitiveword.deleted")
    assert deleted.before["word"] == "暴力抗法"


def test_a_role_change_and_a_password_change_are_audited(admin_client, org):
    clerk = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], username="clerk9")
    page = admin_client.get(f"/admin/core/user/{clerk.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data = {k: v for k, v in data.items() if k not in {"password", "last_login", "date_joined"}}
    joined = timezone.localtime(clerk.date_joined)
    data |= {"date_joined_0": f"{joined:%Y-%m-%d}", "date_joined_1": f"{joined:%H:%M:%S}"}
    data["roles"] = [
        str(Role.objects.get(code="enforcement_officer").pk),
        str(Role.objects.get(code="publicity_approver").pk),
    ]
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{inline.formset.prefix}-{name}"] = management[name].value()
    response = admin_client.post(f"/admin/core/user/{clerk.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    (changed,) = _events("admin.core.user.changed")
    assert len(changed.after["roles"]) == 2 and len(changed.before["roles"]) == 1

    response = admin_client.post(
        f"/admin/core/user/{clerk.pk}/password/",
        {"password1": "Another-Pass-2026!", "password2": "Another-Pass-2026!", "usable_password": "true"},
    )
    assert response.status_code == 302
    events = _events("admin.core.user.changed")
    assert len(events) == 2 and "***" not in str(events[1].after) and "pbkdf2" not in str(events[1].data)
