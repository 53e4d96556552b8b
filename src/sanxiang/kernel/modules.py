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
    """One thing a user should act on: shown on the home page, most urgent first.

    ``module`` is the code of a registered ``StaffModule``: the list shows its label, never the
    code. ``notice`` groups to-dos under a heading the home page counts ("待审核" …)."""

    label: str
    url: str
    module: str
    due: datetime.date | None = None
    overdue: bool = False
    provisional: bool = False
    extra: dict = field(default_factory=dict)
    notice: StrOrPromise = ""


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


def module_open_to(code: str, user: User) -> bool:
    """Whether ``user``'s roles open the registered module ``code`` (an unknown code: no)."""
    module = _modules.get(code)
    return module is not None and module.open_to(user)


def module_label(code: str) -> StrOrPromise:
    """The Chinese name of a registered module (never the raw code on a page)."""
    module = _modules.get(code)
    return module.label if module is not None else code


def todo_sort_key(todo: Todo, today: datetime.date, soon_days: int) -> tuple:
    """Overdue and due-soon first, the one nearest today first (the newest overdue, the next due);
    then later due dates in order; undated to-dos last."""
    if todo.overdue or (todo.due is not None and todo.due <= today + datetime.timedelta(days=soon_days)):
        distance = abs((todo.due - today).days) if todo.due is not None else 0
        return (0, distance, not todo.overdue, todo.label)
    if todo.due is not None:
        return (1, (todo.due - today).days, False, todo.label)
    return (2, 0, False, todo.label)


def todos_for(user: User, today: datetime.date) -> list[Todo]:
    """Every to-do the providers offer ``user``, most urgent first.

    Each provider offers only what the user may act on and open: the roles its views require, the
    user's data scope (``sanxiang.kernel.access``), or an assignment to the user's department
    (which can lead a user outside the module's usual roles to one request); tests/test_home_todos.py
    opens every to-do of every demo login."""
    from django.conf import settings

    todos = [todo for provider in _todo_providers for todo in provider(user, today)]
    return sorted(todos, key=lambda t: todo_sort_key(t, today, settings.SANXIANG_TODO_DUE_SOON_DAYS))


def todo_notices(todos: Iterable[Todo]) -> list[tuple[StrOrPromise, int]]:
    """("待审核", 3) …: how many to-dos each notice heading groups, in first-seen order."""
    counts: dict[str, tuple[StrOrPromise, int]] = {}
    for todo in todos:
        if todo.notice:
            label, count = counts.get(str(todo.notice), (todo.notice, 0))
            counts[str(todo.notice)] = (label, count + 1)
    return list(counts.values())


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
