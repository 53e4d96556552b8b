"""Registry of staff modules and to-do providers, filled by each app in ``AppConfig.ready``.

The staff home page lists the modules a user's roles open and the to-dos every provider returns
for that user, so a later module appears on the right home pages by registering here, without
touching the kernel.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from sanxiang.org.models import User


@dataclass(frozen=True)
class StaffModule:
    code: str
    label: StrOrPromise
    url_name: str
    description: StrOrPromise = ""
    roles: tuple[str, ...] = ()  # empty: every staff member
    order: int = 100

    def open_to(self, user: User) -> bool:
        from sanxiang.kernel.access import has_role

        return not self.roles or has_role(user, *self.roles)


@dataclass(frozen=True)
class Todo:
    """One thing a user should act on: shown on the home page, ordered by due date."""

    label: str
    url: str
    module: str
    due: datetime.date | None = None
    overdue: bool = False
    provisional: bool = False
    extra: dict = field(default_factory=dict)


TodoProvider = Callable[["User", datetime.date], Iterable[Todo]]

_modules: dict[str, StaffModule] = {}
_todo_providers: list[TodoProvider] = []


def register_module(module: StaffModule) -> None:
    _modules[module.code] = module


def register_todo_provider(provider: TodoProvider) -> None:
    if provider not in _todo_providers:
        _todo_providers.append(provider)


def modules_for(user: User) -> list[StaffModule]:
    return sorted((m for m in _modules.values() if m.open_to(user)), key=lambda m: (m.order, m.code))


def todos_for(user: User, today: datetime.date) -> list[Todo]:
    todos: list[Todo] = []
    for provider in _todo_providers:
        todos.extend(provider(user, today))
    far = datetime.date.max
    return sorted(todos, key=lambda t: (not t.overdue, t.due or far, t.label))


@dataclass(frozen=True)
class HomePanel:
    """A block on the staff home page (a leader's evaluation summary …), rendered from ``template``
    with the context ``context(user, today)`` returns; None hides the panel for that user."""

    code: str
    template: str
    context: Callable[[User, datetime.date], dict | None]
    order: int = 100


_home_panels: dict[str, HomePanel] = {}


def register_home_panel(panel: HomePanel) -> None:
    _home_panels[panel.code] = panel


def home_panels_for(user: User, today: datetime.date) -> list[tuple[HomePanel, dict]]:
    shown: list[tuple[HomePanel, dict]] = []
    for panel in sorted(_home_panels.values(), key=lambda p: (p.order, p.code)):
        context = panel.context(user, today)
        if context is not None:
            shown.append((panel, context))
    return shown
