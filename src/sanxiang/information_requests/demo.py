"""Demo data: a year of disclosure requests (filled in by ``demo_information_requests``)."""

from __future__ import annotations

from typing import Any


def demo_information_requests(ctx: Any) -> None:
    from .demo_data import run

    run(ctx)
