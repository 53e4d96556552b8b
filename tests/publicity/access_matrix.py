"""Access matrix of the publicity URLs added for decision documents (see BRIEF: access matrix)."""

from __future__ import annotations


def cases(demo) -> list[tuple[str, dict, dict[str, int]]]:
    return [
        (
            "publicity:document_import",
            {},
            {
                "city_officer": 200,
                "city_approver": 200,
                "city_archivist": 403,
                "city_inspection": 403,
                "anonymous": 302,
                "default": 200,
            },
        ),
    ]
