"""Public pages of proactive disclosure (/open/): the 主动公开目录, the policy library with its
search and export, document pages with ratings, consultations with per-paragraph comments and
the adoption summary. Only published data; never a commenter's or rater's name or contact."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanxiang.kernel.exceptions import DomainError
from sanxiang.portal.pagecache import public_page
from sanxiang.portal.services import throttle_hit

from . import forms, selectors, services
from .choices import CatalogueHeading
from .models import TaxType, ValidityLabel

EXPORT_LIMIT = 2000
RATINGS_PER_HOUR = 10


def _client(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


@public_page
def catalogue(request: HttpRequest) -> HttpResponse:
    heading = request.GET.get("heading", "")
    if heading not in CatalogueHeading.values:
        heading = ""
    documents = selectors.catalogue(heading=heading)[:200]
    rulings = selectors.published_rulings()[:200] if heading in ("", CatalogueHeading.RULINGS) else []
    return render(
        request,
        "disclosure/public/catalogue.html",
        {
            "documents": documents,
            "rulings": rulings,
            "headings": CatalogueHeading.choices,
            "heading": heading,
        },
    )


@public_page
def document(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.document_public_get(pk=pk)
    if page is None:
        raise Http404
    return render(
        request, "disclosure/public/document.html", {"page": page, "rating_form": forms.RatingForm()}
    )


@require_POST
def document_rate(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.document_public_get(pk=pk)
    if page is None:
        raise Http404
    form = forms.RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("评价未提交：请检查评分和验证码。"))
    elif not throttle_hit(
        key=f"disclosure-rate:{services.client_key(_client(request))[:40]}",
        limit=RATINGS_PER_HOUR,
        window_seconds=3600,
        now=timezone.now(),
    ):
        messages.error(request, _("提交过于频繁，请稍后再试。"))
    else:
        try:
            services.rating_submit(
                target=page.document,
                score=form.cleaned_data["score"],
                reason=form.cleaned_data["reason"],
                contact=form.cleaned_data["contact"],
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("感谢您的评价。"))
    return redirect("open:document", pk=pk)


def _library_params(request: HttpRequest) -> tuple[forms.LibrarySearchForm, selectors.LibraryParams]:
    form = forms.LibrarySearchForm(request.GET or None)
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    return form, selectors.LibraryParams(
        q=data.get("q") or "",
        issuer=data.get("issuer") or "",
        tax_type=data.get("tax_type") or "",
        validity=data.get("validity") or "",
        year=data.get("year"),
    )


@public_page
def library(request: HttpRequest) -> HttpResponse:
    form, params = _library_params(request)
    results = selectors.policy_library_search(params=params, now=timezone.now())
    return render(
        request,
        "disclosure/public/library.html",
        {
            "form": form,
            "documents": list(results[:100]) if results is not None else [],
            "total": results.count() if results is not None else 0,
            "issuers": selectors.issuer_choices(),
            "tax_types": TaxType.objects.all(),
            "validity_labels": ValidityLabel.objects.filter(is_active=True),
            "query_string": request.GET.urlencode(),
        },
    )


EXPORT_HEADER = [
    "标题",
    "文号",
    "发布机关",
    "文件类型",
    "税费种",
    "成文日期",
    "发布日期",
    "施行日期",
    "效力状态",
    "索引号",
]


def _export_rows(request: HttpRequest) -> list[list[str]]:
    _form, params = _library_params(request)
    results = selectors.policy_library_search(params=params, now=timezone.now())
    rows = []
    for d in (results or [])[:EXPORT_LIMIT]:
        rows.append(
            [
                d.title,
                d.document_number,
                d.issuer,
                d.get_kind_display(),
                "、".join(t.name for t in d.tax_types.all()),
                d.signed_on.isoformat() if d.signed_on else "",
                d.published_on.isoformat() if d.published_on else "",
                d.effective_on.isoformat() if d.effective_on else "",
                d.validity_label.label if d.validity_label else "",
                d.index_number,
            ]
        )
    return rows


def library_export_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    for row in _export_rows(request):
        # A leading =, +, - or @ would be read as a formula by spreadsheet programs.
        writer.writerow(["'" + v if v[:1] in "=+-@" else v for v in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="policy-library.csv"'
    return response


def library_export_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("税费政策库"))
    sheet.append(EXPORT_HEADER)
    for row in _export_rows(request):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="policy-library.xlsx"'
    return response


@public_page
def consultations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = [
        (c, selectors.rules.consultation_phase(c.opens_on, c.closes_on, today))
        for c in selectors.public_consultations()[:100]
    ]
    return render(request, "disclosure/public/consultations.html", {"rows": rows})


@public_page
def consultation(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.consultation_public_get(pk=pk, today=timezone.localdate())
    if page is None:
        raise Http404
    return render(request, "disclosure/public/consultation.html", {"page": page, "form": forms.CommentForm()})


@require_POST
def consultation_comment(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.consultation_public_get(pk=pk, today=timezone.localdate())
    if page is None:
        raise Http404
    form = forms.CommentForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "disclosure/public/consultation.html",
            {"page": page, "form": form, "failed": True},
            status=400,
        )
    data = form.cleaned_data
    paragraph = None
    if data.get("paragraph"):
        paragraph = page.consultation.paragraphs.filter(pk=data["paragraph"]).first()
        if paragraph is None:
            raise Http404
    try:
        services.comment_submit(
            consultation=page.consultation,
            paragraph=paragraph,
            body=data["body"],
            commenter_name=data["commenter_name"],
            contact=data["contact"],
            client=_client(request),
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("意见已提交，审核通过后公开显示。感谢您的参与。"))
    return redirect("open:consultation", pk=pk)


@public_page
def adoption(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.consultation_public_get(pk=pk, today=timezone.localdate())
    if page is None or not page.summary_published:
        raise Http404
    return render(request, "disclosure/public/adoption.html", {"page": page})
