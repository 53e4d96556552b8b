"""Shared fixtures: the organisation, personas for each role and scope, and isolated var/ dirs."""

from __future__ import annotations

import pytest

from tests import factories


def pytest_collection_modifyitems(config, items):
    """Every test in real transactions restores the data migrations' rows (roles, catalogues,
    benchmarks) on start: without serialized rollback, one such test's flush would leave later
    ones with an empty vocabulary, and its post-migrate signal would recreate content types under
    new ids."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}), append=False
            )


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path):
    """Every test gets its own file store and key directory."""
    settings.SANXIANG_FILE_ROOT = tmp_path / "files"
    settings.SANXIANG_KEY_DIR = tmp_path / "keys"
    settings.SANXIANG_EVALUATION_CACHE_SECONDS = 0  # each test computes from its own rows
    # Public pages are not kept: a test's publications never commit, so the generation they bump
    # on commit would never change (tests/portal/test_pagecache.py turns the cache on).
    settings.SANXIANG_PUBLIC_PAGE_SECONDS = 0
    shared = {**settings.CACHES["shared"], "LOCATION": str(tmp_path / "cache")}
    settings.CACHES = {**settings.CACHES, "default": shared, "shared": shared}


@pytest.fixture(autouse=True)
def _statistics_inline(monkeypatch):
    """The portal statistics refresh runs in the test's thread, never in a background thread that
    would outlive the test (and hold its lock, or meet the test database locked)."""
    from sanxiang.portal import selectors

    if selectors._stats_refreshing.locked():  # never inherit another test's refresh in progress
        selectors._stats_refreshing.release()
    monkeypatch.setattr(selectors, "_spawn", lambda work: work())


@pytest.fixture(autouse=True)
def _own_pending_refusals():
    """Refusals deferred by one test never leak into the next (as the middleware scopes them per request)."""
    from sanxiang.audit.services import _pending

    token = _pending.set(None)
    yield
    _pending.reset(token)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2's deliberate slowness protects production logins, not test runs."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db):
    """A municipal bureau with two district bureaus, each with departments."""
    return factories.build_org()


@pytest.fixture
def officer(org):
    return factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")


@pytest.fixture
def parent_bureau_officer(org):
    return factories.user(org.city, org.city_legal, roles=["legal_reviewer"], scope="unit_and_below")


@pytest.fixture
def sibling_bureau_officer(org):
    return factories.user(org.district_b, org.b_collection, roles=["enforcement_officer"], scope="unit")


@pytest.fixture
def admin_user(org):
    return factories.user(org.city, org.city_office, roles=["administrator"], scope="all")


@pytest.fixture
def run_jobs(settings, django_capture_on_commit_callbacks):
    """Background jobs run at once: the immediate task backend, and the on-commit callbacks that
    enqueue them executed when the block ends (a test's transaction never commits).

    Use as ``with run_jobs(): client.post(...)``.
    """
    from contextlib import contextmanager

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
    }

    @contextmanager
    def running():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return running
