"""Expected GET status of every evaluation URL for each demo login (see the access-matrix test)."""

from __future__ import annotations

from typing import Any


def cases(demo: Any) -> list[tuple[str, dict, dict[str, int]]]:
    import datetime

    from django.utils import timezone

    from sanxiang.evaluation.services import campaign_create, library_install_default, period_close

    library_install_default()
    city, jintai = demo.authorities["city"], demo.authorities["jintai"]
    legal = demo.users["city_legal"]
    campaign = campaign_create(
        actor=legal,
        name="矩阵测试专项评估",
        authority=city,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        indicator_codes=["GS-01"],
    )
    snapshot = period_close(actor=legal, authority=city, year=2026, month=1, now=timezone.now())
    viewers = {"city_leader": 200, "city_legal": 200, "city_supervisor": 200, "sysadmin": 200}
    district = {"jt_leader": 200, "jt_legal": 200, "jt_admin": 200, "wb_leader": 404, "wb_legal": 404}
    officer = demo.users["jt_officer"]
    rows = [
        (
            "evaluation:home",
            {},
            {**{k: 302 for k in [*viewers, *district]}, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:unit",
            {"pk": city.pk},
            {**viewers, **{k: 404 for k in district}, "default": 403, "anonymous": 302},
        ),
        ("evaluation:unit", {"pk": jintai.pk}, {**viewers, **district, "default": 403, "anonymous": 302}),
        (
            "evaluation:drill",
            {"pk": jintai.pk, "code": "GS-01"},
            {**viewers, **district, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:unit_xlsx",
            {"pk": jintai.pk},
            {**viewers, **district, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:unit_docx",
            {"pk": jintai.pk},
            {**viewers, **district, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:period_close",
            {"pk": city.pk},
            {
                "city_legal": 405,
                "sysadmin": 405,
                "jt_legal": 405,
                "jt_admin": 405,
                "wb_legal": 405,
                "default": 403,
            },
        ),
        (
            "evaluation:officer",
            {"pk": officer.pk},
            {
                "jt_officer": 200,
                "city_leader": 200,
                "sysadmin": 200,
                "jt_leader": 200,
                "jt_admin": 200,
                "default": 404,
            },
        ),
        ("evaluation:loops", {}, {"default": 200, "anonymous": 302}),
        (
            "evaluation:library",
            {},
            {**viewers, **{k: 200 for k in district}, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:campaign_list",
            {},
            {**viewers, **{k: 200 for k in district}, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:campaign_create",
            {},
            {
                "city_legal": 200,
                "sysadmin": 200,
                "jt_legal": 200,
                "jt_admin": 200,
                "wb_legal": 200,
                "default": 403,
            },
        ),
        (
            "evaluation:campaign_detail",
            {"pk": campaign.pk},
            {**viewers, **{k: 404 for k in district}, "default": 403},
        ),
        (
            "evaluation:finding_create",
            {"pk": campaign.pk},
            {
                "city_legal": 405,
                "sysadmin": 405,
                "jt_legal": 405,
                "jt_admin": 405,
                "wb_legal": 405,
                "default": 403,
            },
        ),
        (
            "evaluation:campaign_close",
            {"pk": campaign.pk},
            {
                "city_legal": 405,
                "sysadmin": 405,
                "jt_legal": 405,
                "jt_admin": 405,
                "wb_legal": 405,
                "default": 403,
            },
        ),
        (
            "evaluation:snapshot_list",
            {},
            {**viewers, **{k: 200 for k in district}, "default": 403, "anonymous": 302},
        ),
        (
            "evaluation:snapshot_detail",
            {"pk": snapshot.pk},
            {**viewers, **{k: 404 for k in district}, "default": 403},
        ),
    ]
    # Every evaluation page is staff-only: anonymous visitors are sent to the login page.
    return [(name, kwargs, {**expected, "anonymous": 302}) for name, kwargs, expected in rows]
