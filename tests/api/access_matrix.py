"""Access matrix of the API root: the OpenAPI schema and its documentation pages."""

from __future__ import annotations


def cases(demo):
    return [
        ("api:schema", {}, {"default": 200}),
        ("api:docs", {}, {"default": 200}),
        ("api:redoc", {}, {"default": 200}),
        # Any other path under /api/ answers a JSON 404 (the catch-all), whoever asks.
        ("api:not_found", {}, {"default": 404}),
    ]
