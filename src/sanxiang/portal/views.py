"""The public portal: reads only published, masked data, through the visibility policy.

Views parse input with a form, call one selector or service and render. Public JSON, feeds and
exports are plain Django responses (the DRF API is for staff and source systems).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import publog, selectors, services
from .choices import Stage
from .forms import ProgressLookupForm, SearchForm
from .models import PublicEntry
from .pagecache import public_page
from .visibility import visible_entries

NOINDEX = "noindex, nofollow, noarchive"


def _now() -> datetime.datetime:
    return timezone.now()


def _client_key(request: HttpRequest, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"{scope}:{digest}"


def _throttled(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    return not services.throttle_hit(
        key=_client_key(request, scope), limit=limit, window_seconds=window, now=_now()
    )


def _too_many() -> HttpResponse:
    response = HttpResponse(
        _("请求过于频繁，请稍后再试。"), status=429, content_type="text/plain; charset=utf-8"
    )
    response["Retry-After"] = "60"
    return response


def _params(form: SearchForm) -> selectors.SearchParams:
    data = form.cleaned_data
    return selectors.SearchParams(
        q=data.get("q") or "",
        category=data.get("category") or "",
        authority=data.get("authority"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        page=data.get("page") or 1,
    )


def _search_form(request: HttpRequest) -> tuple[SearchForm, selectors.SearchParams | None]:
    form = SearchForm(request.GET or None)
    if not request.GET:
        return form, selectors.SearchParams()
    if not form.is_valid():
        return form, None
    return form, _params(form)


# ---------------------------------------------------------------------------------------- pages


@public_page
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    now = _now()
    stats = selectors.entry_statistics(now=now)
    return render(
        request,
        "portal/home.html",
        {
            "stats": stats,
            "latest": selectors.entry_latest(now=now, limit=10),
            "stage_counts": [(label, stats["by_stage"].get(code, 0)) for code, label in Stage.choices],
        },
    )


@public_page
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    now = _now()
    form, params = _search_form(request)
    page = (
        selectors.entry_search_page(params=params, now=now) if params is not None else selectors.SearchPage()
    )
    query = request.GET.copy()
    query.pop("page", None)
    response = render(
        request,
        "portal/search.html",
        {
            "form": form,
            "page": page,
            "query_string": query.urlencode(),
            "categories": selectors.entry_statistics(now=now)["by_category"],
            # The authority options drawn by the template: a form widget renders a template per option.
            "authorities": selectors.authority_choices(),
            "searched": bool(request.GET),
        },
    )
    response.no_public_cache = params is None  # type: ignore[attr-defined]  # never cache a form error
    return response


@public_page
@require_GET
def entry_detail(request: HttpRequest, key: str) -> HttpResponse:
    """A visible entry; a withdrawn one answers 410 Gone with the date and the published reason (the
    address existed and was taken down on purpose: crawlers drop it, a person learns why)."""
    try:
        entry = selectors.entry_get(key=key, now=_now())
    except Http404:
        withdrawn = selectors.entry_withdrawn(key=key)
        if withdrawn is None:
            raise
        return render(request, "portal/entry_withdrawn.html", {"entry": withdrawn}, status=410)
    return render(request, "portal/entry_detail.html", {"entry": entry})


@require_GET
def entry_proof(request: HttpRequest, key: str) -> JsonResponse:
    """A verification bundle for one visible entry: its leaf data, salt, inclusion proof and the
    signed checkpoint the proof leads to (downloadable as a file)."""
    entry = selectors.entry_get(key=key, now=_now())
    checkpoint = publog.latest_checkpoint()
    if checkpoint is None or entry.leaf_index is None or entry.leaf_index >= checkpoint.size:
        raise Http404
    leaf = publog.leaf_at(entry.leaf_index)
    data = publog.public_leaf_data(leaf, entry) if leaf is not None else None
    if data is None:
        raise Http404
    response = JsonResponse(
        {
            "key": entry.source_key,
            "version": entry.version,
            "leaf_index": entry.leaf_index,
            "leaf_data": data.decode("utf-8"),
            "inclusion": publog.inclusion(entry.leaf_index, checkpoint.size),
            "checkpoint": checkpoint.note,
            "verifier_key": publog.verifier_key(),
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = f'attachment; filename="proof-{entry.leaf_index}.json"'
    return response


@public_page
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    stats = selectors.entry_statistics(now=_now())
    chart = {
        "categories": [{"name": row["label"], "value": row["count"]} for row in stats["by_category"]],
        "authorities": [{"name": row["name"], "value": row["count"]} for row in stats["by_authority"][:20]],
    }
    return render(request, "portal/statistics.html", {"stats": stats, "chart": chart})


# -------------------------------------------------------------------------------------- exports


def _export_allowed(request: HttpRequest) -> bool:
    limit = settings.SANXIANG_PORTAL_EXPORT_LIMIT
    return not _throttled(request, "export", limit, 60)


def _row(entry: PublicEntry) -> dict[str, Any]:
    return {
        "key": entry.source_key,
        "version": entry.version,
        "category": entry.category_label,
        "stage": entry.get_stage_display(),
        "authority": entry.authority.name,
        "title": entry.title,
        "party_name": entry.party_name,
        "document_number": entry.document_number,
        "decided_on": entry.decided_on.isoformat() if entry.decided_on else "",
        "published_at": timezone.localtime(entry.published_at).isoformat(timespec="seconds"),
        "display_until": entry.display_until.isoformat() if entry.display_until else "",
        "url": reverse("portal:entry_detail", kwargs={"key": entry.source_key}),
    }


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    if not _export_allowed(request):
        return _too_many()
    form, params = _search_form(request)
    if params is None:
        return HttpResponse(_("查询条件有误。"), status=400, content_type="text/plain; charset=utf-8")
    rows = selectors.entry_export_rows(params=params, now=_now())
    headers = [
        _("编号"),
        _("版本"),
        _("类别"),
        _("阶段"),
        _("公示机关"),
        _("标题"),
        _("当事人"),
        _("文书号"),
        _("决定日期"),
        _("公示时间"),
        _("公示截止"),
        _("链接"),
    ]

    def lines() -> Iterator[str]:
        writer = csv.writer(_Echo())
        yield "\ufeff" + writer.writerow(headers)
        for entry in rows.iterator(chunk_size=500) if rows is not None else ():
            yield writer.writerow(list(_row(entry).values()))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="publicity-{timezone.localdate():%Y%m%d}.csv"'
    return response


@require_GET
def export_json(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    if not _export_allowed(request):
        return _too_many()
    form, params = _search_form(request)
    if params is None:
        return JsonResponse({"error": form.errors}, status=400)
    rows = selectors.entry_export_rows(params=params, now=_now())

    def chunks() -> Iterator[str]:
        yield "["
        first = True
        for entry in rows.iterator(chunk_size=500) if rows is not None else ():
            yield ("" if first else ",\n") + json.dumps(_row(entry), ensure_ascii=False)
            first = False
        yield "]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="publicity-{timezone.localdate():%Y%m%d}.json"'
    return response


# ------------------------------------------------------------------------------------- JSON API


def _api_entry(entry: PublicEntry) -> dict[str, Any]:
    return {
        **_row(entry),
        "fields": entry.fields,
        "text": entry.text,
        "leaf_index": entry.leaf_index,
        "salt": entry.salt,
    }


@public_page
@require_GET
def api_entries(request: HttpRequest) -> JsonResponse:
    form, params = _search_form(request)
    if params is None:
        return JsonResponse({"error": form.errors}, status=400)
    page = selectors.entry_search_page(params=params, now=_now())
    return JsonResponse(
        {
            "count": page.total,
            "capped": page.capped,
            "page": page.page,
            "pages": page.pages,
            "results": [_row(entry) for entry in page.entries],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@public_page
@require_GET
def api_entry(request: HttpRequest, key: str) -> JsonResponse:
    entry = selectors.entry_get(key=key, now=_now())
    return JsonResponse(_api_entry(entry), json_dumps_params={"ensure_ascii": False})


@public_page
@require_GET
def api_statistics(request: HttpRequest) -> JsonResponse:
    return JsonResponse(selectors.entry_statistics(now=_now()), json_dumps_params={"ensure_ascii": False})


# ----------------------------------------------------------------------------------------- feeds


class LatestEntriesFeed(Feed):
    """RSS of the latest visible entries (the Atom feed below shares it)."""

    def title(self) -> str:
        return _("税务行政执法信息公示 · 最新公示")

    def description(self) -> str:
        return _("最新发布的行政执法公示信息")

    def link(self) -> str:
        return reverse("portal:search")

    def items(self) -> list[PublicEntry]:
        return list(visible_entries(_now()).order_by("-id")[:50])

    def item_title(self, item: PublicEntry) -> str:
        return item.title

    def item_description(self, item: PublicEntry) -> str:
        return f"{item.category_label} · {item.authority.name} · {item.document_number}"

    def item_link(self, item: PublicEntry) -> str:
        return reverse("portal:entry_detail", kwargs={"key": item.source_key})

    def item_pubdate(self, item: PublicEntry) -> datetime.datetime:
        return item.published_at


class LatestEntriesAtomFeed(LatestEntriesFeed):
    feed_type = feedgenerator.Atom1Feed

    def subtitle(self) -> str:
        return self.description()


# ------------------------------------------------------------------------------------- progress


@require_http_methods(["GET", "POST"])
def progress(request: HttpRequest) -> HttpResponse:
    """Progress of one's own matter: number plus code → stage and dates only; never indexed."""
    result = None
    not_found = False
    status = 200
    form = ProgressLookupForm(request.POST or None)
    if request.method == "POST":
        limit = settings.SANXIANG_PORTAL_LOOKUP_LIMIT
        if _throttled(request, "lookup", limit, 600):
            status = 429
            form = ProgressLookupForm()
        elif form.is_valid():
            result = selectors.matter_progress_lookup(
                matter_number=form.cleaned_data["matter_number"],
                code=form.cleaned_data["code"],
                today=timezone.localdate(),
            )
            not_found = result is None
    response = render(
        request,
        "portal/progress.html",
        {"form": form, "result": result, "not_found": not_found, "throttled": status == 429},
        status=status,
    )
    response["X-Robots-Tag"] = NOINDEX
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", f"Disallow: {reverse('portal:progress')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# ------------------------------------------------------------------------------ publication log


def _int_param(request: HttpRequest, name: str) -> int:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        raise Http404 from None


@public_page
@require_GET
def log_about(request: HttpRequest) -> HttpResponse:
    checkpoint = publog.latest_checkpoint()
    return render(
        request, "portal/log_about.html", {"checkpoint": checkpoint, "verifier_key": publog.verifier_key()}
    )


@public_page
@require_GET
def log_checkpoint(request: HttpRequest) -> HttpResponse:
    checkpoint = publog.latest_checkpoint()
    if checkpoint is None:
        raise Http404
    return HttpResponse(checkpoint.note, content_type="text/plain; charset=utf-8")


@public_page
@require_GET
def log_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(publog.verifier_key() + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def log_inclusion(request: HttpRequest) -> JsonResponse:
    try:
        return JsonResponse(publog.inclusion(_int_param(request, "index"), _int_param(request, "size")))
    except ValueError:
        return JsonResponse({"error": "index or size out of range"}, status=400)


@require_GET
def log_consistency(request: HttpRequest) -> JsonResponse:
    try:
        return JsonResponse(publog.consistency(_int_param(request, "first"), _int_param(request, "second")))
    except ValueError:
        return JsonResponse({"error": "sizes out of range"}, status=400)


@require_GET
def log_entry(request: HttpRequest, index: int) -> HttpResponse:
    """The exact leaf data bytes (SHA-256(0x00 ‖ body) is the leaf hash), for the current leaf of a
    visible entry or a withdrawal notice; 404 for anything else."""
    leaf = publog.leaf_at(index)
    if leaf is None:
        raise Http404
    entry = visible_entries(_now()).filter(pk=leaf.entry_id).first()
    data = publog.public_leaf_data(leaf, entry)
    if data is None:
        raise Http404
    return HttpResponse(data, content_type="application/json; charset=utf-8")
