"""Access matrix of legal review (cases, documents, catalogues, checklist; staff pages and API)."""

from __future__ import annotations

from sanxiang.review import services
from sanxiang.review.models import ChecklistItem, ReviewCatalogue
from tests.enforcement import factories
from tests.review.conftest import ALL_OK, make_case

WITHOUT_REVIEW_ROLE = (
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
    officer, reviewer = demo.users["jt_officer"], demo.users["jt_legal"]
    act = factories.act(
        factories.taxpayer(demo.authorities["jintai"]),
        department=demo.departments[("jintai", "征收管理科")],
        officers=[officer],
    )
    case = make_case(officer, act, today=demo.today)
    services.case_submit(actor=officer, case=case, today=demo.today)
    services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=demo.today)
    opinion = services.review_record_opinion(
        actor=reviewer, case=case, opinion="approve", reasons="同意", findings=ALL_OK, today=demo.today
    )
    catalogue = ReviewCatalogue.objects.order_by("pk").first()
    item = ChecklistItem.objects.order_by("pk").first()
    ref = {"pk": case.pk}
    return [
        ("review:case_list", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:case_create", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        (
            "review:discretion_assist",
            {},
            {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        (
            "review:case_detail",
            ref,
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
            "review:case_action",
            {"pk": case.pk, "action": "submit"},
            {"default": 405, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        (
            "review:opinion_document",
            {"pk": case.pk, "opinion_pk": opinion.pk, "fmt": "docx"},
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
            "review:exemption_document",
            ref,
            {"default": 404, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        ("review:workflow", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:statistics", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:statistics_xlsx", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:unreviewed", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:benchmarks", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:catalogue_list", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("review:catalogue_create", {}, {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302}),
        (
            "review:catalogue_detail",
            {"pk": catalogue.pk},
            {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        (
            "review:catalogue_file",
            {"pk": catalogue.pk},
            {"default": 403, "anonymous": 302, "jt_admin": 405, "sysadmin": 405},
        ),
        ("review:checklist", {}, {"default": 200, "anonymous": 302, **each(WITHOUT_REVIEW_ROLE, 403)}),
        (
            "review:checklist_item",
            {"pk": item.pk},
            {"default": 403, "anonymous": 302, "jt_admin": 405, "sysadmin": 405},
        ),
        ("api:review:case-list", {}, {"default": 200, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("api:review:case-issued", {}, {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        (
            "api:review:case-detail",
            ref,
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
        ("api:review:case-submit", ref, {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("api:review:case-assign", ref, {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        (
            "api:review:case-opinion",
            ref,
            {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        (
            "api:review:case-confirm-changes",
            ref,
            {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        ("api:review:case-resume", ref, {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        ("api:review:case-extend", ref, {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        (
            "api:review:case-deliberate",
            ref,
            {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
        ("api:review:case-decide", ref, {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)}),
        (
            "api:review:case-withdraw",
            ref,
            {"default": 405, "anonymous": 401, **each(WITHOUT_REVIEW_ROLE, 403)},
        ),
    ]
