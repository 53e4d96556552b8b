"""The one data-scope mechanism, exercised as a matrix over personas, objects, views and API.

Every persona tries every object of every district through every read path; what lies outside
the persona's scope must answer 404 (never 403, which would confirm the object exists), and
every such refusal must leave an audit event.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.enforcement.models import EnforcementAct, Taxpayer
from sanxiang.kernel.access import get_visible_or_404
from sanxiang.kernel.exceptions import ScopeViolation
from tests import factories
from tests.enforcement import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org):
    """One taxpayer and act in each district and in the city bureau, owned by its own officer."""
    officers = {
        "a": factories.user(
            org.district_a, org.a_collection, roles=["enforcement_officer"], scope="department"
        ),
        "b": factories.user(
            org.district_b, org.b_collection, roles=["enforcement_officer"], scope="department"
        ),
        "city": factories.user(org.city, org.city_office, roles=["enforcement_officer"], scope="department"),
    }
    places = {
        "a": (org.district_a, org.a_collection),
        "b": (org.district_b, org.b_collection),
        "city": (org.city, org.city_office),
    }
    objects = {}
    for key, (authority, department) in places.items():
        payer = ef.taxpayer(authority, department=department, created_by=officers[key])
        act = ef.act(payer, department=department, created_by=officers[key])
        objects[key] = {"taxpayer": payer, "act": act}
    return {"org": org, "officers": officers, "objects": objects}


def persona(world, name):
    org = world["org"]
    return {
        # scope, home authority, home department
        "all": lambda: factories.user(org.city, org.city_office, roles=["leader"], scope="all"),
        "city_and_below": lambda: factories.user(
            org.city, org.city_legal, roles=["legal_reviewer"], scope="unit_and_below"
        ),
        "city_unit": lambda: factories.user(org.city, org.city_legal, roles=["legal_reviewer"], scope="unit"),
        "a_unit": lambda: factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit"),
        "a_department": lambda: world["officers"]["a"],
        "a_other_department": lambda: factories.user(
            org.district_a, org.a_legal, roles=["enforcement_officer"], scope="department"
        ),
        "a_self": lambda: factories.user(
            org.district_a, org.a_collection, roles=["enforcement_officer"], scope="self"
        ),
    }[name]()


# persona → which districts' objects it may see
EXPECTED = {
    "all": {"a", "b", "city"},
    "city_and_below": {"a", "b", "city"},
    "city_unit": {"city"},
    "a_unit": {"a"},
    "a_department": {"a"},
    "a_other_department": set(),
    "a_self": set(),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_filters_querysets_by_data_scope(world, name):
    user = persona(world, name)
    for model, kind in ((Taxpayer, "taxpayer"), (EnforcementAct, "act")):
        visible = set(model.objects.visible_to(user).values_list("pk", flat=True))
        expected = {world["objects"][k][kind].pk for k in EXPECTED[name]}
        assert visible == expected, (name, kind)


def test_it_shows_own_records_to_a_self_scoped_user(world, org):
    user = persona(world, "a_self")
    mine = ef.taxpayer(org.district_a, department=org.a_collection, created_by=user)
    assert list(Taxpayer.objects.visible_to(user)) == [mine]


def test_it_shows_nothing_to_anonymous_users(world):
    from django.contrib.auth.models import AnonymousUser

    assert not Taxpayer.objects.visible_to(AnonymousUser()).exists()
    assert not Taxpayer.objects.visible_to(None).exists()


def test_it_raises_scope_violation_for_existing_objects_and_404_for_missing(world, sibling_bureau_officer):
    from django.http import Http404

    act_a = world["objects"]["a"]["act"]
    with pytest.raises(ScopeViolation):
        get_visible_or_404(EnforcementAct, sibling_bureau_officer, pk=act_a.pk)
    with pytest.raises(Http404) as missing:
        get_visible_or_404(EnforcementAct, sibling_bureau_officer, pk=10**9)
    assert not isinstance(missing.value, ScopeViolation)


def _staff_urls(objects):
    return [
        reverse("enforcement:taxpayer_detail", args=[objects["taxpayer"].pk]),
        reverse("enforcement:act_detail", args=[objects["act"].pk]),
        reverse("enforcement:act_edit", args=[objects["act"].pk]),
    ]


def _api_urls(objects):
    return [
        reverse("api:enforcement:taxpayer-detail", args=[objects["taxpayer"].pk]),
        reverse("api:enforcement:act-detail", args=[objects["act"].pk]),
    ]


def test_it_answers_404_and_audits_each_refusal_in_staff_views(client, world):
    intruder = world["officers"]["b"]
    client.force_login(intruder)
    for url in _staff_urls(world["objects"]["a"]):
        before = AuditEvent.objects.filter(outcome="refused").count()
        response = client.get(url)
        assert response.status_code == 404, url
        assert AuditEvent.objects.filter(outcome="refused").count() == before + 1, url
        event = AuditEvent.objects.filter(outcome="refused").latest("seq")
        assert event.actor_id == intruder.pk
    # Their own district's objects open normally.
    for url in _staff_urls(world["objects"]["b"])[:2]:
        assert client.get(url).status_code == 200, url


def test_it_answers_404_and_audits_each_refusal_in_the_api(client, world):
    intruder = world["officers"]["b"]
    client.force_login(intruder)
    for url in _api_urls(world["objects"]["a"]):
        before = AuditEvent.objects.filter(outcome="refused").count()
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"
        assert AuditEvent.objects.filter(outcome="refused").count() == before + 1, url
        assert client.patch(url, {"matter": "篡改"}, content_type="application/json").status_code == 404
    for url in _api_urls(world["objects"]["b"]):
        assert client.get(url).status_code == 200, url


def test_it_lists_nothing_of_another_district_through_the_api(client, world):
    client.force_login(world["officers"]["b"])
    for name in ("api:enforcement:taxpayer-list", "api:enforcement:act-list"):
        body = client.get(reverse(name)).json()
        ids = {row["id"] for row in body["results"]}
        assert world["objects"]["a"]["act"].pk not in ids or name.endswith("taxpayer-list")
        assert world["objects"]["a"]["taxpayer"].pk not in ids or name.endswith("act-list")
        assert body["count"] == 1


def test_it_grants_access_to_one_assigned_object_only(world, org):
    from sanxiang.org.services import access_grant_create, access_grant_revoke

    admin = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    reviewer = factories.user(org.district_b, org.b_legal, roles=["legal_reviewer"], scope="unit")
    act_a = world["objects"]["a"]["act"]
    other_a = ef.act(world["objects"]["a"]["taxpayer"], department=org.a_collection)

    grant = access_grant_create(actor=admin, target=act_a, user=reviewer, reason="交叉审核")
    visible = set(EnforcementAct.objects.visible_to(reviewer).values_list("pk", flat=True))
    assert act_a.pk in visible
    assert other_a.pk not in visible
    assert get_visible_or_404(EnforcementAct, reviewer, pk=act_a.pk) == act_a
    assert AuditEvent.objects.filter(action="core.access_grant.created").exists()

    access_grant_revoke(actor=admin, grant=grant)
    with pytest.raises(ScopeViolation):
        get_visible_or_404(EnforcementAct, reviewer, pk=act_a.pk)
    assert AuditEvent.objects.filter(action="core.access_grant.revoked").exists()


def test_it_grants_access_to_a_whole_department(world, org):
    from sanxiang.org.services import access_grant_create

    admin = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    city_act = world["objects"]["city"]["act"]
    access_grant_create(actor=admin, target=city_act, department=org.b_collection, reason="市局任务交办")
    member = world["officers"]["b"]
    assert EnforcementAct.objects.visible_to(member).filter(pk=city_act.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_it_keeps_the_refusal_when_the_surrounding_transaction_rolls_back(world):
    from sanxiang.audit.services import audit_flush_pending, audit_scope_refusal

    intruder = world["officers"]["b"]
    act_a = world["objects"]["a"]["act"]
    with pytest.raises(RuntimeError), transaction.atomic():
        try:
            get_visible_or_404(EnforcementAct, intruder, pk=act_a.pk)
        except ScopeViolation as violation:
            audit_scope_refusal(actor=intruder, violation=violation)
        raise RuntimeError("the business operation fails afterwards")
    audit_flush_pending()
    assert AuditEvent.objects.filter(outcome="refused", actor=intruder).exists()


def test_it_grants_many_objects_to_departments_in_bulk_and_audits_each(world, org):
    from sanxiang.org.services import access_grant_create_many

    admin = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    city_act = world["objects"]["city"]["act"]
    a_act = world["objects"]["a"]["act"]
    pairs = {(city_act.pk, org.b_collection.pk), (a_act.pk, org.b_collection.pk)}
    before = AuditEvent.objects.filter(action="core.access_grant.created").count()
    grants = access_grant_create_many(actor=admin, model=EnforcementAct, pairs=pairs, reason="批量交办")
    assert len(grants) == 2
    assert AuditEvent.objects.filter(action="core.access_grant.created").count() == before + 2
    member = world["officers"]["b"]
    assert set(EnforcementAct.objects.visible_to(member).values_list("pk", flat=True)) >= {
        city_act.pk,
        a_act.pk,
    }
    # Repeating the call reuses the active grants.
    assert access_grant_create_many(actor=admin, model=EnforcementAct, pairs=pairs, reason="批量交办") == []
