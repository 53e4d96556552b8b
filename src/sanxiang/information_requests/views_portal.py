"""Public pages: file a request, follow it with the request code and private token, read the
published annual reports. Nothing here shows anyone's identity or contact."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.kernel.exceptions import DomainError
from sanxiang.portal.pagecache import public_page
from sanxiang.portal.services import throttle_hit

from . import forms, selectors, services

NOINDEX = "noindex, nofollow, noarchive"


def _key(request: HttpRequest, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"inforeq-{scope}:{digest}"


def _throttled(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count this request in the portal's database-backed throttle; True when over the limit."""
    return not throttle_hit(key=_key(request, scope), limit=limit, window_seconds=window, now=timezone.now())


def _blocked(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Whether the client already used up its failed lookups in this window (read only)."""
    from sanxiang.portal.models import ThrottleCounter

    now_window = int(timezone.now().timestamp()) // window
    count = (
        ThrottleCounter.objects.filter(key=_key(request, scope), window=now_window)
        .values_list("count", flat=True)
        .first()
    )
    return (count or 0) >= limit


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = NOINDEX
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    # Not a cached public page: it holds the follow-up form with its CSRF token.
    return render(
        request,
        "information_requests/portal/index.html",
        {"reports": selectors.published_reports()[:20], "follow": forms.FollowForm()},
    )


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    form = forms.PortalRequestForm(request.POST or None, request.FILES or None)
    status = 200
    throttled = False
    if request.method == "POST":
        limit = getattr(settings, "SANXIANG_INFOREQ_SUBMIT_LIMIT", 5)
        if _throttled(request, "apply", limit, 3600):
            throttled, status = True, 429
        elif form.is_valid():
            data = dict(form.cleaned_data)
            authority = data.pop("authority")
            data.pop("captcha", None)
            proof = data.pop("identity_proof", None)
            try:
                created, token = services.request_submit_online(
                    authority=authority, data=data, identity_proof=proof, today=timezone.localdate()
                )
            except DomainError as error:
                form.add_error(None, str(error.message))
                status = 400
            else:
                return _private(
                    render(
                        request,
                        "information_requests/portal/filed.html",
                        {"code": created.code, "token": token},
                    )
                )
        else:
            status = 400
    return _private(
        render(
            request,
            "information_requests/portal/apply.html",
            {"form": form, "throttled": throttled},
            status=status,
        )
    )


def _show(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Look the request up; only failed lookups count against the client (guessing tokens is the
    attack), and a client over its limit gets no answer at all, right or wrong."""
    limit = getattr(settings, "SANXIANG_PORTAL_LOOKUP_LIMIT", 10)
    if _blocked(request, "follow", limit, 600):
        return _private(
            render(
                request,
                "information_requests/portal/follow.html",
                {"form": forms.FollowForm(), "throttled": True},
                status=429,
            )
        )
    found = selectors.request_find_by_token(code=code, token=token)
    if found is None:
        _throttled(request, "follow", limit, 600)
        return _private(
            render(
                request,
                "information_requests/portal/follow.html",
                {"form": forms.FollowForm(), "not_found": True},
                status=404,
            )
        )
    return _private(
        render(request, "information_requests/portal/follow.html", {"view": selectors.public_view(found)})
    )


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    form = forms.FollowForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            return _show(request, form.cleaned_data["code"], form.cleaned_data["token"])
    return _private(render(request, "information_requests/portal/follow.html", {"form": form}))


@require_GET
def follow_link(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """The applicant's private link; throttled like the lookup form."""
    return _show(request, code, token)


@public_page
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.published_reports().filter(pk=pk).first()
    if report is None:
        raise Http404
    return render(
        request, "information_requests/portal/report.html", {"report": report, "figures": report.figures}
    )
