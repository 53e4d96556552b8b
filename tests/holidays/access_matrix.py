"""Access matrix of the holiday calendar pages."""

from __future__ import annotations


def cases(demo):
    year = demo.today.year
    return [
        ("holidays:index", {}, {"default": 200, "anonymous": 302}),
        ("holidays:calculate", {}, {"default": 405, "anonymous": 302}),
        ("holidays:year", {"year": year}, {"default": 200, "anonymous": 302}),
        (
            "holidays:year_edit",
            {"year": year},
            {"default": 403, "jt_admin": 200, "sysadmin": 200, "anonymous": 302},
        ),
        ("holidays:year_delete", {"year": year}, {"default": 405, "anonymous": 302}),
    ]
