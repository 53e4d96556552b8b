"""The role x endpoint access matrix: every URL pattern of the project x every demo login.

Each app contributes ``tests/<app>/access_matrix.py`` with::

    def cases(demo) -> list[tuple[str, dict, dict[str, int]]]:
        return [("enforcement:act_detail", {"pk": act.pk}, {"default": 403, "jt_officer": 200})]

``demo`` is the ``DemoContext`` after the demo's ``org`` step (``demo.users[username]``,
``demo.authorities[key]``, ``demo.departments[(key, name)]``); the function may create the objects
it needs through services or test factories. Each expectation maps a demo username (or
``"anonymous"``) to the status a GET must return; ``"default"`` covers everyone not named.

``tests/test_access_matrix.py`` runs every module and fails when a URL pattern of the project has
no entry, so a new view without a checked access rule cannot be merged unnoticed. An app's own
tests run its cases with ``assert_cases(module.cases, org_demo())`` in a ``django_db`` test.

``SANXIANG_MATRIX_DUMP=1`` prints the statuses actually returned (to draft a new module's table;
read every line before pasting it: the table states what *should* happen).
"""

from __future__ import annotations

import importlib
import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from sanxiang.kernel.demo import DemoContext
from sanxiang.lib.fakedata import Faker
from sanxiang.org.demo import org_step

Case = tuple[str, dict[str, Any], dict[str, int]]
ANONYMOUS = "anonymous"

# Namespaces outside the matrix: Django's own admin site (its own permission system: is_staff +
# model permissions, and no demo login is staff).
EXCLUDED_NAMESPACES = ("admin",)


def org_demo() -> DemoContext:
    """The demo's organisation (authorities, departments, every demo login), as ``load_demo --only org``."""
    demo = DemoContext(today=timezone.localdate(), faker=Faker(2026), out=lambda _line: None)
    org_step(demo)
    return demo


def url_names() -> list[str]:
    """Every named URL pattern of the project (``namespace:name``), by a walk of the resolver."""
    found: list[str] = []

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                walk(
                    pattern.url_patterns,
                    f"{namespace}:{inner}" if namespace and inner else inner or namespace,
                )
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
                if pattern.name is None:
                    name = f"{namespace or ''}:<unnamed {pattern.pattern}>"
                if (namespace or "").split(":")[0] not in EXCLUDED_NAMESPACES:
                    found.append(name)

    walk(get_resolver().url_patterns, None)
    return sorted(set(found))


def matrix_modules() -> dict[str, Callable[[DemoContext], list[Case]]]:
    """``cases`` of every ``tests/<app>/access_matrix.py``, by app."""
    found = {}
    for path in sorted(Path(__file__).parent.glob("*/access_matrix.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.access_matrix")
        found[path.parent.name] = module.cases
    return found


def _clients(demo: DemoContext) -> Iterator[tuple[str, Client]]:
    yield ANONYMOUS, Client(raise_request_exception=False)
    for username, user in sorted(demo.users.items()):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        yield username, client


def actual_statuses(cases: list[Case], demo: DemoContext) -> list[tuple[Case, dict[str, int]]]:
    clients = list(_clients(demo))
    results = []
    for case in cases:
        name, kwargs, _expected = case
        url = reverse(name, kwargs=kwargs or None)
        statuses = {}
        for username, client in clients:
            cache.clear()  # rate limits (the portal's exports) count per client address
            statuses[username] = client.get(url).status_code
        results.append((case, statuses))
    return results


def compact(statuses: dict[str, int]) -> dict[str, int]:
    """The table row for ``statuses``: the commonest status as ``default`` plus the exceptions."""
    default = Counter(statuses.values()).most_common(1)[0][0]
    return {"default": default, **{u: s for u, s in sorted(statuses.items()) if s != default}}


def assert_cases(cases_fn: Callable[[DemoContext], list[Case]], demo: DemoContext) -> list[Case]:
    """Run ``cases_fn(demo)`` and GET each URL as every demo login and anonymously; fail listing
    every (url, login) whose status differs from the table."""
    cases = cases_fn(demo)
    wrong = []
    for (name, kwargs, expected), statuses in actual_statuses(cases, demo):
        unknown = set(expected) - set(statuses) - {"default"}
        assert not unknown, f"{name}: unknown logins in the table: {sorted(unknown)}"
        assert "default" in expected, f"{name}: the table row has no 'default'"
        if os.environ.get("SANXIANG_MATRIX_DUMP"):
            print(f"    ({name!r}, {kwargs!r}, {compact(statuses)!r}),")  # noqa: T201
        for username, status in statuses.items():
            want = expected.get(username, expected["default"])
            if status != want:
                wrong.append(f"{name} {kwargs} as {username}: got {status}, expected {want}")
    if os.environ.get("SANXIANG_MATRIX_DUMP"):
        return cases
    assert not wrong, "access matrix mismatches:\n" + "\n".join(wrong)
    return cases
