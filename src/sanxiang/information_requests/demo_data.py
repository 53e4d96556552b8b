"""Demo data of the disclosure-request module (see ``run``)."""

from __future__ import annotations

from typing import Any


def run(ctx: Any) -> None:
    return None
