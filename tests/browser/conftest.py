"""Browser tests: Debian's Chromium driven by Playwright for Python (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SANXIANG_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; Django's async-safety guard would otherwise
# refuse the ORM calls the test makes between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Browser tests run in real transactions (the live server is another thread); every flush would wipe
# the rows data migrations create (roles, the publicity catalogue, benchmarks), so each browser test
# module marks itself ``django_db(transaction=True, serialized_rollback=True)``. (pytest-django only
# serialises the test database for tests that say so in their marker, so the marker is the only way.)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium(django_db_setup, django_db_blocker):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make install` (apt-get install chromium fonts-noto-cjk)"
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        test_connection = connections["default"]
    contents = getattr(test_connection, "_test_serialized_contents", None)
    if contents is not None:
        # Playwright's loop counts as "running" in this thread, which switches asgiref's
        # thread-critical locals to context storage: Django then opens another connection (to the
        # same test database) that lacks the serialized contents, and serialized rollback would
        # silently restore nothing. Give every connection of this backend the contents.
        type(test_connection)._test_serialized_contents = contents
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def immediate_jobs(settings):
    """Background jobs run in the request that creates them, once it commits (the immediate task
    backend): a page that submits an import lands on its finished job."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
    }
