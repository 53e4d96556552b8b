"""Access matrix of the public portal: the same for everyone, signed in or not."""

from __future__ import annotations

from tests.portal.conftest import publish


def cases(demo):
    entry = publish(demo.authorities["jintai"])
    key = {"key": entry.source_key}
    return [
        ("portal:home", {}, {"default": 200}),
        ("portal:search", {}, {"default": 200}),
        (
            "portal:export_csv",
            {},
            {
                "default": 429,
                "anonymous": 200,
                "city_approver": 200,
                "city_archivist": 200,
                "city_inspection": 200,
                "city_leader": 200,
                "city_legal": 200,
                "city_officer": 200,
                "city_opengov": 200,
                "city_opengov_head": 200,
                "city_supervisor": 200,
            },
        ),
        ("portal:export_json", {}, {"default": 429}),
        ("portal:entry_detail", key, {"default": 200}),
        ("portal:entry_proof", key, {"default": 200}),
        ("portal:statistics", {}, {"default": 200}),
        ("portal:feed_rss", {}, {"default": 200}),
        ("portal:feed_atom", {}, {"default": 200}),
        ("portal:api_entries", {}, {"default": 200}),
        ("portal:api_entry", key, {"default": 200}),
        ("portal:api_statistics", {}, {"default": 200}),
        ("portal:progress", {}, {"default": 200}),
        ("portal:robots", {}, {"default": 200}),
        ("portal:log_about", {}, {"default": 200}),
        ("portal:log_checkpoint", {}, {"default": 200}),
        ("portal:log_key", {}, {"default": 200}),
        ("portal:log_inclusion", {}, {"default": 404}),
        ("portal:log_consistency", {}, {"default": 404}),
        ("portal:log_entry", {"index": 0}, {"default": 200}),
    ]
