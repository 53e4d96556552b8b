"""Access matrix of the file store (staff pages and API)."""

from __future__ import annotations

from tests.files.factories import stored_file

OUTSIDE_JINTAI = (
    "city_officer",
    "jt_risk",
    "wb_approver",
    "wb_leader",
    "wb_legal",
    "wb_liaison",
    "wb_officer",
)


def each(users, status):
    return dict.fromkeys(users, status)


def cases(demo):
    stored = stored_file(demo.users["jt_officer"])
    ref = {"public_id": stored.public_id}
    return [
        ("files:upload", {}, {"default": 200, "anonymous": 302}),
        ("files:detail", ref, {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)}),
        ("files:download", ref, {"default": 200, "anonymous": 302, **each(OUTSIDE_JINTAI, 404)}),
        ("api:files:upload", {}, {"default": 405, "anonymous": 401}),
        ("api:files:detail", ref, {"default": 200, "anonymous": 401, **each(OUTSIDE_JINTAI, 404)}),
        ("api:files:download", ref, {"default": 200, "anonymous": 401, **each(OUTSIDE_JINTAI, 404)}),
    ]
