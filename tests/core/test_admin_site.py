"""Entry to Django's admin site follows the access rule: 系统管理员 with all-data scope only."""

import pytest

from sanxiang.org import services
from sanxiang.org.models import User
from tests import factories


def _create(actor, org, username, roles, scope):
    return services.user_create(
        actor=actor,
        username=username,
        full_name="测试",
        authority=org.city,
        department=org.city_office,
        roles=roles,
        data_scope=scope,
        password="Sanxiang-Test-2026!",
    )


@pytest.fixture
def boss(org):
    admin = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    services.user_sync_admin_site_access(admin)
    return admin


def test_a_system_administrator_opens_the_admin_site(client, org, boss):
    created = _create(boss, org, "sysadmin2", ["administrator"], "all")
    assert created.is_staff and not created.is_superuser
    client.force_login(created)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/core/user/").status_code == 200


def test_a_district_administrator_is_kept_out_of_the_unscoped_admin_site(client, org, boss):
    district = _create(boss, org, "jt_admin2", ["administrator"], "unit_and_below")
    assert not district.is_staff
    client.force_login(district)
    assert client.get("/admin/").status_code == 302
    User.objects.filter(pk=district.pk).update(is_staff=True)  # set by hand: still no permissions
    client.force_login(User.objects.get(pk=district.pk))
    assert client.get("/admin/core/user/").status_code == 403


def test_admin_site_entry_follows_role_and_scope_changes(org, boss):
    user = _create(boss, org, "clerk", ["enforcement_officer"], "all")
    assert not user.is_staff
    services.user_set_roles(actor=boss, user=user, roles=["administrator"])
    assert User.objects.get(pk=user.pk).is_staff
    services.user_update(
        actor=boss, user=user, full_name="测试", authority=org.city, department=org.city_office,
        data_scope="unit",
    )  # fmt: skip
    assert not User.objects.get(pk=user.pk).is_staff
