"""Full-page cache of the anonymous public pages, keyed by the publication generation.

Every public page (the portal, /open/, /information-requests/, /random-inspections/) is the same
for every anonymous visitor until something is published, corrected or withdrawn. Such a page is
rendered once per *publication generation*: an opaque value in the shared cache (a file cache
every server process reads) that every publication point replaces when its transaction commits
(``publication_changed``). A page's key is generation + URL + language + day (entries leave the
portal at midnight without a publication), so a bump makes every older page unreachable at once;
an entry published for a later time bumps the generation when it comes due (``NEXT_DUE_KEY``);
``SANXIANG_PUBLIC_PAGE_SECONDS`` bounds how long a page is kept in any case.

Bodies live in the shared cache and, in front of it, in a small per-process memory cache (safe: the
key holds the generation, which is read from the shared cache on every request). Cached pages carry
``ETag`` (generation + URL + language), ``Last-Modified`` (when the generation changed) and
``Cache-Control: public, max-age=SANXIANG_PUBLIC_MAX_AGE`` so a reverse proxy may cache them too;
``If-None-Match`` is answered with 304.

Bypassed: any request with a session cookie or an authenticated user, anything but GET/HEAD. Never
stored: a response that is not a plain 200, sets a cookie, used a CSRF token (a form), already says
how to be cached, or is marked with ``no_public_cache``. Every response that is not a cached public
page gets ``Cache-Control: private, no-store`` (``PrivateByDefaultMiddleware``), so no proxy keeps
a staff page or one visitor's page for another.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, quote_etag
from django.utils.translation import get_language

from .choices import EntryStatus

GENERATION_KEY = "sanxiang:publication-generation"
# When the next entry published for a later time comes due (epoch seconds, 0 for none): then the
# generation is replaced, so no cached page hides it until the page expires.
NEXT_DUE_KEY = "sanxiang:publication-next-due"
PAGE_PREFIX = "sanxiang:public-page:"
# Headers a cached page keeps; the rest (CSP, frame options, Vary) are added by the middleware on
# every response, hit or miss.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "X-Robots-Tag")

View = Callable[..., HttpResponse]


def _shared() -> BaseCache:
    return caches[settings.SANXIANG_PUBLIC_CACHE]


def _local() -> BaseCache:
    return caches[settings.SANXIANG_PUBLIC_CACHE_LOCAL]


# ---------------------------------------------------------------------------- the generation


def publication_generation() -> str:
    """The current generation: ``<nanoseconds>-<random>``, created on first use, and replaced when
    an entry published for a later time (``published_at`` in the future) comes due."""
    shared = _shared()
    found = shared.get_many([GENERATION_KEY, NEXT_DUE_KEY])
    value, due = found.get(GENERATION_KEY), found.get(NEXT_DUE_KEY)
    if value is not None and due and time.time() >= due:
        _bump()
        value, due = None, None
    if value is None:
        shared.add(GENERATION_KEY, _new_generation(), None)
        value = shared.get(GENERATION_KEY) or _new_generation()
    if due is None:
        shared.set(NEXT_DUE_KEY, _next_due(), None)
    return value


def _next_due() -> float:
    """When the earliest entry published for a later time becomes visible (epoch seconds; 0: none)."""
    from .models import PublicEntry  # the page cache is wired before the models are ready

    now = timezone.now()
    first = (
        PublicEntry.objects.filter(published_at__gt=now, status__in=(EntryStatus.LIVE, EntryStatus.CORRECTED))
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return first.timestamp() if first else 0.0


def _new_generation() -> str:
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def _bump() -> None:
    _shared().set(GENERATION_KEY, _new_generation(), None)
    _shared().delete(NEXT_DUE_KEY)


def publication_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Something public changed: every cached public page becomes stale once the current
    transaction commits (at once outside a transaction; never if it rolls back). Called at each
    publication point; one bump per transaction however many rows it publishes."""
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and any(func is _bump for _ids, func, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_bump, using=using)


def _changed(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    publication_changed(using)


def invalidate_on_change(app_config: AppConfig) -> None:
    """Every save or delete of a model of ``app_config`` bumps the generation: for the apps whose
    public pages (/open/, /information-requests/, /random-inspections/) show their own rows."""
    for model in app_config.get_models():
        post_save.connect(_changed, sender=model, dispatch_uid=f"public-page:{model._meta.label}:save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"public-page:{model._meta.label}:delete")


# ------------------------------------------------------------------------------- the decorator


def bypasses_cache(request: HttpRequest) -> bool:
    """Logged-in users, anyone with a session, and anything but a read see the live page."""
    if request.method not in ("GET", "HEAD"):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "no_public_cache", False)
    )


def _identity(request: HttpRequest, generation: str) -> str:
    language = get_language() or settings.LANGUAGE_CODE
    day = timezone.localdate().isoformat()
    text = "\n".join((generation, request.get_full_path(), language, day))
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def _public_headers(response: HttpResponse, etag: str, generation: str) -> HttpResponse:
    response["ETag"] = etag
    seconds = int(generation.split("-", 1)[0]) / 1e9 if generation.split("-", 1)[0].isdigit() else None
    if seconds:
        response["Last-Modified"] = http_date(seconds)
    patch_cache_control(response, public=True, max_age=settings.SANXIANG_PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    response.public_page = True  # type: ignore[attr-defined]
    return response


def public_page(view: View) -> View:
    """Serve ``view`` from the page cache to anonymous visitors (see the module docstring)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if bypasses_cache(request):
            return view(request, *args, **kwargs)
        generation = publication_generation()
        identity = _identity(request, generation)
        etag = quote_etag(identity)
        if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
            return _public_headers(HttpResponseNotModified(), etag, generation)
        key = PAGE_PREFIX + identity
        stored = _local().get(key)
        if stored is None:
            stored = _shared().get(key)
            if stored is not None:
                _local().set(key, stored, settings.SANXIANG_PUBLIC_PAGE_SECONDS)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return _public_headers(response, etag, generation)
        response = view(request, *args, **kwargs)
        if not _storable(request, response):
            return response
        stored = (
            response.content,
            {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        )
        _shared().set(key, stored, settings.SANXIANG_PUBLIC_PAGE_SECONDS)
        _local().set(key, stored, settings.SANXIANG_PUBLIC_PAGE_SECONDS)
        return _public_headers(response, etag, generation)

    return wrapped


class PrivateByDefaultMiddleware:
    """Every response that is not a cached public page and says nothing about caching is
    ``private, no-store``: staff pages, a logged-in user's view of a public page, forms."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(response, "public_page", False) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
