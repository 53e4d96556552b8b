"""Access matrix of enforcement (taxpayer archive, acts, decisions; staff pages and API)."""

from __future__ import annotations

import datetime

from sanxiang.enforcement import tickets
from tests.enforcement import factories

WITHOUT_READ_ROLE = (
    "city_approver",
    "city_archivist",
    "city_inspection",
    "city_opengov",
    "city_opengov_head",
    "city_supervisor",
    "jt_approver",
    "jt_liaison",
    "jt_opengov",
    "wb_approver",
    "wb_liaison",
)
OUTSIDE_JINTAI = ("city_officer", "jt_risk", "wb_leader", "wb_legal", "wb_officer")


def each(users, status):
    return dict.fromkeys(users, status)


def cases(demo):
    jintai = demo.authorities["jintai"]
    taxpayer = factories.taxpayer(jintai)
    act = factories.act(
        taxpayer,
        department=demo.departments[("jintai", "征收管理科")],
        officers=[demo.users["jt_officer"]],
        source_system="ctais",
        source_id="MATRIX-1",
    )
    decision = factories.decision(act)
    tickets.matter_ticket_issue(actor=demo.users["jt_officer"], act=act, on=datetime.date(2026, 3, 2))
    return [
        ("enforcement:act_list", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_READ_ROLE, 403)}),
        (
            "enforcement:act_create",
            {},
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
            "enforcement:act_detail",
            {"pk": act.pk},
            {
                "default": 403,
                "city_leader": 200,
                "city_legal": 200,
                "jt_admin": 200,
                "jt_leader": 200,
                "jt_legal": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 302,
                **each(OUTSIDE_JINTAI, 404),
            },
        ),
        (
            "enforcement:act_edit",
            {"pk": act.pk},
            {
                "default": 403,
                "jt_admin": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 302,
                "city_officer": 404,
                "jt_risk": 404,
                "wb_officer": 404,
            },
        ),
        (
            "enforcement:act_receipt",
            {"pk": act.pk, "fmt": "docx"},
            {
                "default": 403,
                "jt_admin": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 302,
                "city_officer": 404,
                "jt_risk": 404,
                "wb_officer": 404,
            },
        ),
        (
            "enforcement:act_attach",
            {"pk": act.pk},
            {
                "default": 403,
                "anonymous": 302,
                "city_officer": 405,
                "jt_admin": 405,
                "jt_officer": 405,
                "jt_risk": 405,
                "sysadmin": 405,
                "wb_officer": 405,
            },
        ),
        (
            "enforcement:decision_create",
            {"act_pk": act.pk},
            {
                "default": 403,
                "jt_admin": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 302,
                "city_officer": 404,
                "jt_risk": 404,
                "wb_officer": 404,
            },
        ),
        (
            "enforcement:decision_outcome",
            {"pk": decision.pk},
            {
                "default": 403,
                "anonymous": 302,
                "city_officer": 405,
                "jt_admin": 405,
                "jt_officer": 405,
                "jt_risk": 405,
                "sysadmin": 405,
                "wb_officer": 405,
            },
        ),
        ("enforcement:taxpayer_list", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_READ_ROLE, 403)}),
        (
            "enforcement:taxpayer_detail",
            {"pk": taxpayer.pk},
            {
                "default": 403,
                "city_leader": 200,
                "city_legal": 200,
                "jt_admin": 200,
                "jt_leader": 200,
                "jt_legal": 200,
                "sysadmin": 200,
                "anonymous": 302,
                **each(OUTSIDE_JINTAI, 404),
                "jt_officer": 404,
            },
        ),
        (
            "enforcement:taxpayer_reveal_id",
            {"pk": taxpayer.pk},
            {"default": 405, "anonymous": 302, **each(WITHOUT_READ_ROLE, 403)},
        ),
        (
            "api:enforcement:taxpayer-list",
            {},
            {"default": 200, "anonymous": 401, **each(WITHOUT_READ_ROLE, 403)},
        ),
        (
            "api:enforcement:taxpayer-detail",
            {"pk": taxpayer.pk},
            {
                "default": 403,
                "city_leader": 200,
                "city_legal": 200,
                "jt_admin": 200,
                "jt_leader": 200,
                "jt_legal": 200,
                "sysadmin": 200,
                "anonymous": 401,
                **each(OUTSIDE_JINTAI, 404),
                "jt_officer": 404,
            },
        ),
        ("api:enforcement:act-list", {}, {"default": 200, "anonymous": 401, **each(WITHOUT_READ_ROLE, 403)}),
        (
            "api:enforcement:act-detail",
            {"pk": act.pk},
            {
                "default": 403,
                "city_leader": 200,
                "city_legal": 200,
                "jt_admin": 200,
                "jt_leader": 200,
                "jt_legal": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 401,
                **each(OUTSIDE_JINTAI, 404),
            },
        ),
        (
            "api:enforcement:act-by-source",
            {"system": "ctais", "source_id": "MATRIX-1"},
            {"default": 405, "anonymous": 401, **each(WITHOUT_READ_ROLE, 403)},
        ),
        (
            "api:enforcement:decision-list",
            {},
            {"default": 200, "anonymous": 401, **each(WITHOUT_READ_ROLE, 403)},
        ),
        (
            "api:enforcement:decision-detail",
            {"pk": decision.pk},
            {
                "default": 403,
                "city_leader": 200,
                "city_legal": 200,
                "jt_admin": 200,
                "jt_leader": 200,
                "jt_legal": 200,
                "jt_officer": 200,
                "sysadmin": 200,
                "anonymous": 401,
                **each(OUTSIDE_JINTAI, 404),
            },
        ),
        (
            "api:enforcement:decision-outcome",
            {"pk": decision.pk},
            {"default": 405, "anonymous": 401, **each(WITHOUT_READ_ROLE, 403)},
        ),
    ]
