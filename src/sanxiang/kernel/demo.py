"""The demo framework: each app contributes steps with ``register_demo_step`` from its
``AppConfig.ready`` (or its ``demo`` module); ``load_demo`` runs them in order through the same
services the UI uses, so the demo leaves audit events. Every step is idempotent: it looks its
objects up by natural keys before creating them. The organisation itself is ``sanxiang.org.demo``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sanxiang.lib.fakedata import Faker

DEMO_PASSWORD = "Sanxiang-2026"


@dataclass
class DemoContext:
    today: datetime.date
    faker: Faker
    out: Callable[[str], None]
    authorities: dict[str, Any] = field(default_factory=dict)
    departments: dict[tuple[str, str], Any] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    step_label: str = ""
    _reported: int = -1

    def begin_step(self, label: str) -> None:
        self.step_label = label
        self._reported = -1

    def progress(self, done: int, total: int, unit: str = "条") -> None:
        """Report the count of a long step: one line each time another fifth is done (and at the end)."""
        if total <= 0:
            return
        fifth = min(5, done * 5 // total)
        if fifth <= self._reported:
            return
        self._reported = fifth
        self.out(f"    {self.step_label}：已处理 {done} / {total} {unit}")

    @property
    def system_actor(self) -> Any:
        """The demo's administrator, acting for steps that need an actor."""
        return self.users["sysadmin"]


@dataclass(frozen=True)
class DemoStep:
    order: int
    name: str
    run: Callable[[DemoContext], None]
    label: str = ""  # shown in the progress lines (Chinese); the name when empty


_steps: dict[str, DemoStep] = {}


def register_demo_step(order: int, name: str, run: Callable[[DemoContext], None], label: Any = "") -> None:
    _steps[name] = DemoStep(order, name, run, str(label) if label else name)


def demo_steps() -> list[DemoStep]:
    return sorted(_steps.values(), key=lambda s: (s.order, s.name))


_finishers: list[Callable[[], Any]] = []


def register_demo_finisher(finish: Callable[[], Any]) -> None:
    """Something ``load_demo`` runs once after all its steps (e.g. signing the audit chain's head)."""
    if finish not in _finishers:
        _finishers.append(finish)


def demo_finishers() -> list[Callable[[], Any]]:
    return list(_finishers)
