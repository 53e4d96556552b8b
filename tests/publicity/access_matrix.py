"""Access matrix of publicity (entries, catalogue, masking policies; staff pages and API)."""

from __future__ import annotations

from sanxiang.publicity import services
from sanxiang.publicity.models import Category, Item, MaskPolicy
from tests.publicity.conftest import penalty_data

WITHOUT_PUBLICITY_ROLE = (
    "city_archivist",
    "city_inspection",
    "city_opengov",
    "city_opengov_head",
    "city_supervisor",
    "jt_liaison",
    "jt_opengov",
    "wb_liaison",
)
OUTSIDE_JINTAI = ("city_officer", "jt_risk", "wb_approver", "wb_leader", "wb_legal", "wb_officer")


def each(users, status):
    return dict.fromkeys(users, status)


def cases(demo):
    item = Item.objects.get(code="penalty_decision")
    entry = services.entry_create(
        actor=demo.users["jt_officer"],
        item=item,
        authority=demo.authorities["jintai"],
        data=penalty_data(),
        today=demo.today,
        source_system="ctais",
        source_id="MATRIX-1",
    )
    ref = {"pk": entry.pk}
    code = {"code": item.code}
    rule = item.rules.order_by("pk").first()
    return [
        ("publicity:entry_list", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)}),
        (
            "publicity:entry_create",
            code,
            {
                "default": 403,
                "city_officer": 200,
                "jt_admin": 200,
                "jt_officer": 200,
                "jt_risk": 200,
                "sysadmin": 200,
                "wb_officer": 200,
                "anonymous": 302,
            },
        ),
        (
            "publicity:entry_detail",
            ref,
            {
                "default": 200,
                "anonymous": 302,
                **each(WITHOUT_PUBLICITY_ROLE, 403),
                **each(OUTSIDE_JINTAI, 404),
            },
        ),
        (
            "publicity:entry_edit",
            ref,
            {
                "default": 403,
                "jt_admin": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 302,
                **each(OUTSIDE_JINTAI, 404),
            },
        ),
        (
            "publicity:entry_correct",
            ref,
            {
                "default": 403,
                "jt_admin": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 302,
                **each(OUTSIDE_JINTAI, 404),
            },
        ),
        (
            "publicity:entry_submit",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_recall",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_approve",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_return",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_withdraw",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_credit_repair",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_add_mask",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_lift_mask",
            ref,
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:entry_import",
            {},
            {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:item_template",
            code,
            {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        ("publicity:catalogue", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)}),
        (
            "publicity:category_create",
            {},
            {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "publicity:category_edit",
            {"pk": Category.objects.order_by("pk").first().pk},
            {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        ("publicity:item_create", {}, {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        ("publicity:item_edit", code, {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        ("publicity:rule_create", code, {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        (
            "publicity:rule_edit",
            {"code": item.code, "pk": rule.pk},
            {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        (
            "publicity:mask_policies",
            {},
            {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        (
            "publicity:mask_policy_edit",
            {"pk": MaskPolicy.objects.order_by("pk").first().pk},
            {"default": 403, "anonymous": 302, "jt_admin": 405, "sysadmin": 405},
        ),
        ("publicity:overdue", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)}),
        # A POST creates the export job (tests/publicity/test_views.py); a GET is refused.
        (
            "publicity:overdue_export",
            {},
            {"default": 405, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        ("publicity:statistics", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)}),
        (
            "api:publicity_entry_push",
            {"system": "ctais", "source_id": "MATRIX-1"},
            {"default": 405, "anonymous": 401},
        ),
        (
            "api:publicity_entry_detail",
            ref,
            {"default": 200, "anonymous": 401, **each(OUTSIDE_JINTAI, 404), "wb_liaison": 404},
        ),
        (
            "publicity:document_import",
            {},
            {"default": 200, "anonymous": 302, **each(WITHOUT_PUBLICITY_ROLE, 403)},
        ),
        ("api:publicity_documents_import", {}, {"default": 405, "anonymous": 401}),
    ]
