"""Staff views of the file store: upload, detail with access log, streamed download.

Uploads are parsed by Django's default handlers: with ``FILE_UPLOAD_MAX_MEMORY_SIZE`` at 2 MiB a
larger body is spooled to a temporary file, never held in memory, and ``file_store_from_upload``
then copies it in 1 MiB chunks. Multi-GB media go through the raw ``PUT /api/v1/files/upload/``.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest

from .forms import FileUploadForm
from .selectors import file_access_list, file_get
from .services import file_open_for_download, file_store_from_upload


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: StaffHttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = FileUploadForm(
        request.POST if posted else None, request.FILES if posted else None, actor=request.user
    )
    if posted and form.is_valid():
        try:
            stored = file_store_from_upload(
                actor=request.user, upload=form.cleaned_data["file"], authority=form.cleaned_data["authority"]
            )
        except DomainError as refused:  # over the size limit, or the disk under its floor
            form.add_error("file", str(refused.message))
            return render(request, "files/upload.html", {"form": form}, status=refused.http_status)
        return redirect("files:detail", public_id=stored.public_id)
    return render(request, "files/upload.html", {"form": form})


@login_required
@require_GET
def detail(request: StaffHttpRequest, public_id: str) -> HttpResponse:
    stored = file_get(actor=request.user, public_id=public_id)
    accesses = file_access_list(actor=request.user, file=stored)[:50]
    return render(request, "files/detail.html", {"file": stored, "accesses": accesses})


@login_required
@require_GET
def download(request: StaffHttpRequest, public_id: str) -> HttpResponse | FileResponse:
    stored = file_get(actor=request.user, public_id=public_id, action="download")
    try:
        return file_open_for_download(
            actor=request.user, file=stored, inline=request.GET.get("inline") == "1"
        )
    except DomainError as refused:  # failed fixity check, or bytes missing: say so, never a 500
        return render(
            request,
            "files/refused.html",
            {"file": stored, "message": refused.message},
            status=refused.http_status,
        )
