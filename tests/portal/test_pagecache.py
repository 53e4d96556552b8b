"""The page cache of anonymous public pages: hits, invalidation, conditional requests, bypass.

A hit is recognised by the queries it runs (none: the page comes from the cache), never by time.
Publications run inside ``committed()``, which runs the on-commit callbacks registered in it and
takes them off the test transaction as a real commit would: the generation is bumped when the
publishing transaction commits.
"""

from __future__ import annotations

import datetime
import time
from contextlib import contextmanager

import pytest
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sanxiang.portal import pagecache, services
from tests import factories

from .conftest import publish


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """The test suite keeps no public page (tests/conftest.py); these tests are about keeping them."""
    settings.SANXIANG_PUBLIC_PAGE_SECONDS = 600


pytestmark = pytest.mark.django_db

HOME = "/"


@contextmanager
def committed():
    start = len(connection.run_on_commit)
    yield
    pending = connection.run_on_commit[start:]
    del connection.run_on_commit[start:]
    for _savepoints, callback, _robust in pending:
        callback()


def _get(client, path: str, **headers):
    return client.get(path, headers=headers)


def test_a_second_anonymous_request_is_served_from_the_cache(org, client, django_assert_num_queries):
    publish(org.district_a, title="缓存命中标记甲处罚决定书")
    first = _get(client, HOME)
    assert first.status_code == 200
    assert "缓存命中标记甲" in first.content.decode()
    with django_assert_num_queries(0):
        second = _get(client, HOME)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_cached_portal_pages_carry_public_cache_headers(org, client, settings):
    settings.SANXIANG_PUBLIC_MAX_AGE = 77
    entry = publish(org.district_a)
    for path in [
        HOME,
        reverse("portal:search") + "?q=商贸",
        reverse("portal:entry_detail", kwargs={"key": entry.source_key}),
        reverse("portal:statistics"),
        reverse("portal:feed_rss"),
        reverse("open:catalogue"),
        reverse("inspections_public:index"),
    ]:
        response = _get(client, path)
        assert response.status_code == 200, path
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "max-age=77" in cache_control, path
        assert response["ETag"].startswith('"'), path
        assert response.has_header("Last-Modified"), path
        assert "csrftoken" not in response.cookies, path


def test_if_none_match_is_answered_with_304(org, client):
    publish(org.district_a)
    etag = _get(client, HOME)["ETag"]
    again = _get(client, HOME, if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert _get(client, HOME, if_none_match='"something-else"').status_code == 200


def test_the_etag_depends_on_url_and_language(org, client):
    publish(org.district_a)
    home = _get(client, HOME)["ETag"]
    assert _get(client, reverse("portal:statistics"))["ETag"] != home
    assert _get(client, HOME, accept_language="en")["ETag"] != home


def _publish_committed(authority, **fields):
    with committed():
        return publish(authority, **fields)


def test_a_publication_invalidates_the_cached_pages(org, client):
    _publish_committed(org.district_a, title="先前标记处罚决定书")
    before = _get(client, HOME)
    assert "新发布标记" not in before.content.decode()
    _publish_committed(org.district_a, title="新发布标记处罚决定书")
    after = _get(client, HOME)
    assert "新发布标记" in after.content.decode()
    assert after["ETag"] != before["ETag"]
    assert _get(client, HOME, if_none_match=before["ETag"]).status_code == 200


def test_a_correction_invalidates_the_cached_entry_page(org, client):
    entry = _publish_committed(org.district_a, source_key="corr-1", title="更正前标题处罚决定书")
    path = reverse("portal:entry_detail", kwargs={"key": entry.source_key})
    assert "更正前标题" in _get(client, path).content.decode()
    _publish_committed(
        org.district_a,
        source_key="corr-1",
        version=2,
        title="更正后标题处罚决定书",
    )
    page = _get(client, path).content.decode()
    assert "更正后标题" in page and "更正前标题" not in page


def test_a_withdrawal_invalidates_the_cached_pages(org, client):
    entry = _publish_committed(org.district_a, source_key="wd-1", title="待撤下标记处罚决定书")
    path = reverse("portal:entry_detail", kwargs={"key": entry.source_key})
    assert _get(client, path).status_code == 200
    assert "待撤下标记" in _get(client, HOME).content.decode()
    with committed():
        services.public_entry_withdraw(
            actor=None, source_key="wd-1", reason="依法撤下", withdrawn_at=timezone.now()
        )
    withdrawn = _get(client, path)
    assert withdrawn.status_code == 410  # "本信息已于…撤回", never the cached entry
    assert "待撤下标记" not in withdrawn.content.decode()
    assert "待撤下标记" not in _get(client, HOME).content.decode()


def test_an_expiry_invalidates_the_cached_pages(org, client):
    _publish_committed(
        org.district_a,
        source_key="exp-1",
        title="期满标记处罚决定书",
        display_until=timezone.localdate() + datetime.timedelta(days=1),
    )
    assert "期满标记" in _get(client, HOME).content.decode()
    with committed():
        services.public_entry_expire(source_key="exp-1", at=timezone.now())
    assert "期满标记" not in _get(client, HOME).content.decode()


def test_an_entry_published_for_a_later_time_appears_when_it_comes_due(org, client, monkeypatch):
    from sanxiang.portal.models import PublicEntry

    later = timezone.now() + datetime.timedelta(hours=2)
    _publish_committed(org.district_a, source_key="due-1", title="定时公开标记处罚决定书", published_at=later)
    clock = {"now": time.time()}
    monkeypatch.setattr(
        pagecache, "time", type("Clock", (), {"time": lambda: clock["now"], "time_ns": time.time_ns})
    )
    assert "定时公开标记" not in _get(client, HOME).content.decode()
    # Two hours on (the database is moved instead of Django's clock): until the due time the cached
    # page stands, from then on the page is rendered anew and shows the entry.
    PublicEntry.objects.filter(source_key="due-1").update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    clock["now"] = later.timestamp() - 60
    assert "定时公开标记" not in _get(client, HOME).content.decode()
    clock["now"] = later.timestamp() + 1
    assert "定时公开标记" in _get(client, HOME).content.decode()


def test_a_rolled_back_publication_keeps_the_generation(org):
    from django.db import transaction

    before = pagecache.publication_generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        pagecache.publication_changed()
        raise RuntimeError
    assert pagecache.publication_generation() == before


def test_one_bump_per_transaction(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        publish(org.district_a)
        publish(org.district_a)
        pagecache.publication_changed()
    assert [c for c in callbacks if c is pagecache._bump] == [pagecache._bump]


def test_a_change_in_another_public_module_invalidates(org, client):
    from sanxiang.disclosure.models import TaxType

    before = _get(client, reverse("open:catalogue"))["ETag"]
    with committed():
        TaxType.objects.create(code="cache-test", name="缓存测试税")
    assert _get(client, reverse("open:catalogue"))["ETag"] != before


def test_a_logged_in_user_bypasses_the_cache(org, client):
    publish(org.district_a)
    anonymous = _get(client, HOME)
    assert "public" in anonymous["Cache-Control"]
    staff = factories.user(org.district_a, roles=["enforcement_officer"], full_name="缓存旁路张三")
    client.force_login(staff)
    response = _get(client, HOME)
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # Rendered live (it reads the database), not the stored anonymous page.
    with CaptureQueriesContext(connection) as queries:
        _get(client, HOME)
    assert len(queries) > 0


def test_no_page_of_one_user_reaches_another(org, client):
    """A logged-in user's pages are never stored: after one user browses, an anonymous visitor
    and a second user see nothing of the first (name, unit, CSRF token)."""
    first = factories.user(org.district_a, roles=["enforcement_officer"], full_name="甲用户缓存隔离")
    second = factories.user(org.district_b, roles=["enforcement_officer"], full_name="乙用户缓存隔离")
    publish(org.district_a)
    client.force_login(first)
    for path in (HOME, reverse("portal:statistics"), reverse("open:catalogue"), "/staff/"):
        client.get(path)
    staff_home = client.get("/staff/", follow=True)
    assert "甲用户缓存隔离" in staff_home.content.decode()
    token = client.cookies.get("csrftoken")
    client.logout()
    client.cookies.clear()
    for path in (HOME, reverse("portal:statistics"), reverse("open:catalogue")):
        page = _get(client, path).content.decode()
        assert "甲用户缓存隔离" not in page, path
        assert not token or token.value not in page, path
    client.force_login(second)
    mine = client.get("/staff/", follow=True).content.decode()
    assert "乙用户缓存隔离" in mine and "甲用户缓存隔离" not in mine


def test_staff_pages_are_private_and_never_cached(org, client):
    staff = factories.user(org.district_a, roles=["enforcement_officer"])
    client.force_login(staff)
    response = client.get("/staff/", follow=True)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("ETag")
    login = _get(client.__class__(), reverse("core:login"))
    assert "no-store" in login["Cache-Control"]
    assert not login.has_header("ETag")


def test_a_search_with_a_form_error_is_not_cached(org, client):
    response = _get(client, reverse("portal:search") + "?page=abc&date_from=not-a-date")
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]


def test_a_page_that_used_a_csrf_token_is_not_stored(org):
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse(f"<form>{get_token(request)}</form>")

    wrapped = pagecache.public_page(view)
    factory = RequestFactory()
    first = wrapped(factory.get("/form-page/"))
    second = wrapped(factory.get("/form-page/"))
    assert len(calls) == 2
    assert not first.has_header("ETag") and not second.has_header("ETag")


def test_a_post_and_a_session_cookie_bypass_the_cache(org, client, settings):
    calls = []

    def view(request):
        calls.append(request.method)
        return HttpResponse("public")

    wrapped = pagecache.public_page(view)
    factory = RequestFactory()
    wrapped(factory.get("/p/"))
    wrapped(factory.get("/p/"))
    assert calls == ["GET"]
    wrapped(factory.post("/p/"))
    with_session = factory.get("/p/")
    with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert not wrapped(with_session).has_header("ETag")
    assert calls == ["GET", "POST", "GET"]


def test_the_progress_lookup_is_never_cached(client):
    response = _get(client, reverse("portal:progress"))
    assert response["Cache-Control"] == "no-store"
    assert not response.has_header("ETag")
