"""OPTIONS responses that never fail: DRF's metadata builds a serializer per writable method and,
for PUT, looks up the object by ``pk`` — which the by-source push endpoints do not have."""

from __future__ import annotations

from typing import Any

from rest_framework.metadata import SimpleMetadata
from rest_framework.request import clone_request


class SafeMetadata(SimpleMetadata):
    def determine_actions(self, request: Any, view: Any) -> dict:
        actions: dict[str, Any] = {}
        for method in {"PUT", "POST"} & set(view.allowed_methods):
            view.request = clone_request(request, method)
            try:
                serializer = view.get_serializer()
                actions[method] = self.get_serializer_info(serializer)
            except Exception:  # noqa: S112 - describing the body is optional; the method stays allowed
                continue
            finally:
                view.request = request
        return actions
