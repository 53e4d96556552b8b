"""Access matrix of the shell (core) and organisation administration (org) pages."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from sanxiang.org.models import AccessGrant, ExternalUnit


def cases(demo):
    jintai = demo.authorities["jintai"]
    department = demo.departments[("jintai", "法制科")]
    person = demo.users["jt_officer"]
    unit = ExternalUnit.objects.filter(authority=jintai).first()
    grant = AccessGrant.objects.create(
        user=person,
        content_type=ContentType.objects.get_for_model(ExternalUnit),
        object_id=unit.pk,
        reason="矩阵测试",
        granted_by=demo.users["sysadmin"],
    )
    return [
        ("core:home", {}, {"default": 200, "anonymous": 302}),
        ("core:todos", {}, {"default": 200, "anonymous": 302}),
        (
            "core:overview_items",
            {"check": "publicity.unpublished", "authority": jintai.pk},
            {"default": 403, "anonymous": 302, "city_leader": 200, "jt_leader": 200, "wb_leader": 404},
        ),
        ("core:login", {}, {"default": 302, "anonymous": 200}),
        ("core:logout", {}, {"default": 405}),
        ("org:overview", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        ("org:authority_create", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        (
            "org:authority_detail",
            {"pk": jintai.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:authority_edit",
            {"pk": jintai.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:department_create",
            {"pk": jintai.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:access_grant_list",
            {"pk": jintai.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:department_edit",
            {"pk": department.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        ("org:external_unit_list", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        (
            "org:external_unit_create",
            {},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:external_unit_edit",
            {"pk": unit.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        ("org:user_list", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        ("org:user_create", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        (
            "org:user_detail",
            {"pk": person.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:user_edit",
            {"pk": person.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:user_password",
            {"pk": person.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:user_deactivate",
            {"pk": person.pk},
            {"default": 404, "anonymous": 302, "jt_admin": 405, "sysadmin": 405},
        ),
        (
            "org:certificate_add",
            {"pk": person.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:qualification_add",
            {"pk": person.pk},
            {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "org:access_grant_revoke",
            {"pk": grant.pk},
            {"default": 404, "anonymous": 302, "jt_admin": 405, "sysadmin": 405},
        ),
        ("org:import", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        ("org:import_confirm", {}, {"default": 404, "anonymous": 302, "jt_admin": 405, "sysadmin": 405}),
        ("org:import_template", {}, {"default": 404, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
    ]
