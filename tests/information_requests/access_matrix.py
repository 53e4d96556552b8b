"""Access matrix of every URL of the disclosure-request module (GET status per demo login).

``cases(demo)`` runs after ``load_demo --only org``; it creates what it needs through the services.
Keys: demo usernames, ``"anonymous"`` and ``"default"`` (everyone else).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

READERS = {
    "city_opengov": 200,
    "city_opengov_head": 200,
    "city_legal": 200,
    "jt_opengov": 200,
    "jt_legal": 200,
    "wb_legal": 200,
}
HANDLERS = {"city_opengov": 200, "city_opengov_head": 200, "jt_opengov": 200}
STAFF_DEFAULT = {"anonymous": 302, "default": 403}


def cases(demo: Any) -> list[tuple[str, dict, dict[str, int]]]:
    from sanxiang.information_requests import services

    today = timezone.localdate()
    city = demo.authorities["city"]
    officer = demo.users["city_opengov"]
    head = demo.users["city_opengov_head"]
    request, token = services.request_create_by_staff(
        actor=officer,
        authority=city,
        channel="in_person",
        data={
            "applicant_type": "natural_person",
            "applicant_name": "矩阵测试人",
            "phone": "13700000000",
            "description": "访问矩阵用的申请",
        },
        today=today,
    )
    services.request_register(actor=officer, request=request, today=today)
    inspection = demo.departments[("city", "稽查局")]
    services.request_assign(actor=officer, request=request, department=inspection)
    last_year = today.year - 1
    report = services.annual_report_save(
        actor=officer, authority=city, year=last_year, overview="总体情况", problems="问题", other_matters=""
    )
    services.annual_report_publish(actor=head, report=report, now=timezone.now())
    detail = {
        "city_opengov": 200,
        "city_opengov_head": 200,
        "city_legal": 200,
        "city_officer": 200,  # the holding department (稽查局) through its grant
        "city_inspection": 200,  # also in 稽查局
        # Without an open-government or legal-review role nobody sees the applicant's data, not
        # even the administrator with data scope "all".
        "anonymous": 302,
        "default": 404,
    }
    post_only = {"anonymous": 302, "default": 405}
    in_scope_reports = {"city_opengov": 200, "city_opengov_head": 200, "jt_opengov": 404}
    year_kwargs = {"authority_id": city.pk, "year": last_year}
    api_readers = {**READERS, "anonymous": 401, "default": 403}
    return [
        ("information_requests:request_list", {}, {**READERS, **STAFF_DEFAULT}),
        ("information_requests:request_create", {}, {**HANDLERS, **STAFF_DEFAULT}),
        ("information_requests:overdue", {}, {**READERS, **STAFF_DEFAULT}),
        ("information_requests:statistics", {}, {**READERS, **STAFF_DEFAULT}),
        ("information_requests:report_list", {}, {**HANDLERS, **STAFF_DEFAULT}),
        ("information_requests:report_edit", year_kwargs, {**in_scope_reports, **STAFF_DEFAULT}),
        ("information_requests:report_docx", year_kwargs, {**in_scope_reports, **STAFF_DEFAULT}),
        ("information_requests:report_publish", year_kwargs, {"city_opengov_head": 405, **STAFF_DEFAULT}),
        ("information_requests:template_list", {}, {**HANDLERS, **STAFF_DEFAULT}),
        ("information_requests:template_edit", {"reply_type": "disclosed"}, {**HANDLERS, **STAFF_DEFAULT}),
        ("information_requests:request_detail", {"pk": request.pk}, detail),
        ("information_requests:request_action", {"pk": request.pk, "action": "register"}, post_only),
        # No reply issued yet: no document for anyone.
        (
            "information_requests:reply_document",
            {"pk": request.pk, "fmt": "docx"},
            {"anonymous": 302, "default": 404},
        ),
        ("information_requests_portal:index", {}, {"default": 200}),
        ("information_requests_portal:apply", {}, {"default": 200}),
        ("information_requests_portal:follow", {}, {"default": 200}),
        ("information_requests_portal:follow_link", {"code": request.code, "token": token}, {"default": 200}),
        ("information_requests_portal:report_detail", {"pk": report.pk}, {"default": 200}),
        ("api:information_requests:request-list", {}, api_readers),
        (
            "api:information_requests:request-detail",
            {"pk": request.pk},
            {**detail, "anonymous": 401, "default": 404},
        ),
        *[
            (
                f"api:information_requests:request-{action}",
                {"pk": request.pk},
                {**{k: 405 for k in READERS}, "anonymous": 401, "default": 403},
            )
            for action in ACTIONS
        ],
    ]


# Every workflow action is a POST endpoint: a GET is 405 for those who may read requests.
ACTIONS = (
    "register",
    "assign",
    "correction-notice",
    "correction-received",
    "extend",
    "consultations",
    "consultation-replies",
    "fee-notice",
    "fee-paid",
    "route-away",
    "draft",
    "review",
    "approve",
    "return",
    "issue",
    "deliver",
    "archive",
    "remedies",
    "remedy-outcomes",
)

__all__ = ["cases"]
