"""Organisation administration pages (/staff/org/): thin views over selectors_org and services.

Only administrators reach these pages (anyone else gets a 404, as if the pages did not exist), and
every object is fetched through a ``selectors_org.*_get`` so that another district's object is a
``ScopeViolation`` — an audited 404.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps
from io import BytesIO
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanxiang.kernel import access
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest
from sanxiang.kernel.jobs import job_create, job_get
from sanxiang.org import forms, selectors_org, services
from sanxiang.org import jobs as org_jobs
from sanxiang.org.services import chart_import

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def org_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first; then anyone but an administrator gets a 404."""

    @login_required
    @wraps(view)
    def wrapper(request: StaffHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.is_org_admin(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _form_page(
    request: StaffHttpRequest,
    form: django_forms.Form,
    *,
    title: str,
    back_url: str,
    on_valid: Callable[[dict[str, Any]], str],
    success: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Render ``form``; on a valid POST call the service through ``on_valid`` and redirect."""
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            url = on_valid(form.cleaned_data)
        except DomainError as exc:
            field = exc.extra.get("field")
            field = "password1" if field == "password" else field
            form.add_error(field if field in form.fields else None, str(exc.message))
            status = exc.http_status
        else:
            messages.success(request, success)
            return redirect(url)
    elif request.method == "POST":
        status = 400
    ctx = {"form": form, "title": title, "back_url": back_url, **(context or {})}
    return render(request, "core/org/form.html", ctx, status=status)


# ---------------------------------------------------------------------------------------------
# Overview and authorities


@org_admin_required
def overview(request: StaffHttpRequest) -> HttpResponse:
    actor = request.user
    return render(
        request,
        "core/org/overview.html",
        {
            "tree": selectors_org.authority_tree(actor=actor),
            "writable": set(selectors_org.authority_writable_list(actor=actor).values_list("pk", flat=True)),
            "may_create_root": access.sees_all(actor),
        },
    )


@org_admin_required
def authority_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    authority = selectors_org.authority_get(actor=actor, pk=pk)
    return render(
        request,
        "core/org/authority_detail.html",
        {
            "authority": authority,
            "children": selectors_org.authority_list(actor=actor).filter(
                pk__in=access.subtree(authority).filter(depth=authority.depth + 1).values("pk")
            ),
            "departments": selectors_org.department_list(actor=actor, authority=authority),
            "staff": selectors_org.user_list(actor=actor, authority=authority)[:200],
            "external_units": selectors_org.external_unit_list(actor=actor, authority=authority),
            "writable": selectors_org.authority_writable_list(actor=actor).filter(pk=authority.pk).exists(),
        },
    )


@org_admin_required
def authority_create(request: StaffHttpRequest) -> HttpResponse:
    actor = request.user
    parent_pk = request.GET.get("parent", "")
    if parent_pk and not parent_pk.isdigit():
        raise Http404
    parent = (
        selectors_org.authority_get(actor=actor, pk=int(parent_pk), action="change") if parent_pk else None
    )
    form = forms.AuthorityForm(request.POST or None)

    def create(data: dict[str, Any]) -> str:
        authority = services.authority_create(actor=actor, parent=parent, **data)
        return reverse("org:authority_detail", args=[authority.pk])

    back = reverse("org:authority_detail", args=[parent.pk]) if parent else reverse("org:overview")
    title = _("新增下级机关") if parent else _("新增顶级机关")
    return _form_page(
        request,
        form,
        title=title,
        back_url=back,
        on_valid=create,
        success=_("已新增机关。"),
        context={"parent": parent},
    )


@org_admin_required
def authority_edit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    authority = selectors_org.authority_get(actor=actor, pk=pk, action="change")
    initial = {f: getattr(authority, f) for f in forms.AuthorityEditForm.base_fields}
    form = forms.AuthorityEditForm(request.POST or None, initial=initial)

    def update(data: dict[str, Any]) -> str:
        services.authority_update(actor=actor, authority=authority, **data)
        return reverse("org:authority_detail", args=[authority.pk])

    return _form_page(
        request,
        form,
        title=_("编辑机关"),
        back_url=reverse("org:authority_detail", args=[authority.pk]),
        on_valid=update,
        success=_("已保存机关信息。"),
    )


# ---------------------------------------------------------------------------------------------
# Departments


@org_admin_required
def department_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    authority = selectors_org.authority_get(actor=actor, pk=pk, action="change")
    form = forms.DepartmentForm(request.POST or None)

    def create(data: dict[str, Any]) -> str:
        services.department_create(actor=actor, authority=authority, **data)
        return reverse("org:authority_detail", args=[authority.pk])

    return _form_page(
        request,
        form,
        title=_("新增部门"),
        back_url=reverse("org:authority_detail", args=[authority.pk]),
        on_valid=create,
        success=_("已新增部门。"),
        context={"parent": authority},
    )


@org_admin_required
def department_edit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    department = selectors_org.department_get(actor=actor, pk=pk, action="change")
    initial = {f: getattr(department, f) for f in forms.DepartmentEditForm.base_fields}
    form = forms.DepartmentEditForm(request.POST or None, initial=initial)

    def update(data: dict[str, Any]) -> str:
        services.department_update(actor=actor, department=department, **data)
        return reverse("org:authority_detail", args=[department.authority_id])

    return _form_page(
        request,
        form,
        title=_("编辑部门"),
        back_url=reverse("org:authority_detail", args=[department.authority_id]),
        on_valid=update,
        success=_("已保存部门信息。"),
    )


# ---------------------------------------------------------------------------------------------
# External units


@org_admin_required
def external_unit_list(request: StaffHttpRequest) -> HttpResponse:
    return render(
        request,
        "core/org/external_unit_list.html",
        {"units": selectors_org.external_unit_list(actor=request.user)},
    )


def _external_unit_form(
    request: StaffHttpRequest, initial: dict[str, Any] | None = None
) -> forms.ExternalUnitForm:
    actor = request.user
    writable = selectors_org.authority_writable_list(actor=actor)
    return forms.ExternalUnitForm(
        request.POST or None,
        initial=initial,
        authorities=writable,
        departments=selectors_org.department_list(actor=actor).filter(authority__in=writable),
    )


@org_admin_required
def external_unit_create(request: StaffHttpRequest) -> HttpResponse:
    actor = request.user
    form = _external_unit_form(request, initial={"authority": request.GET.get("authority")})

    def create(data: dict[str, Any]) -> str:
        services.external_unit_create(actor=actor, **data)
        return reverse("org:external_unit_list")

    return _form_page(
        request,
        form,
        title=_("新增外部单位"),
        back_url=reverse("org:external_unit_list"),
        on_valid=create,
        success=_("已新增外部单位。"),
    )


@org_admin_required
def external_unit_edit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    unit = selectors_org.external_unit_get(actor=actor, pk=pk, action="change")
    form = _external_unit_form(
        request,
        initial={
            "name": unit.name,
            "aliases": unit.aliases,
            "authority": unit.authority_id,
            "lead_department": unit.lead_department_id,
        },
    )

    def update(data: dict[str, Any]) -> str:
        services.external_unit_update(actor=actor, unit=unit, **data)
        return reverse("org:external_unit_list")

    return _form_page(
        request,
        form,
        title=_("编辑外部单位"),
        back_url=reverse("org:external_unit_list"),
        on_valid=update,
        success=_("已保存外部单位。"),
    )


# ---------------------------------------------------------------------------------------------
# Staff


@org_admin_required
def user_list(request: StaffHttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    return render(
        request,
        "core/org/user_list.html",
        {"users": selectors_org.user_list(actor=request.user, q=q or None)[:500], "q": q},
    )


def _user_choices(request: StaffHttpRequest) -> dict[str, Any]:
    actor = request.user
    return {
        "authorities": selectors_org.authority_list(actor=actor),
        "departments": selectors_org.department_list(actor=actor),
    }


@org_admin_required
def user_create(request: StaffHttpRequest) -> HttpResponse:
    actor = request.user
    initial = {"authority": request.GET.get("authority") or actor.authority_id}
    form = forms.UserCreateForm(request.POST or None, initial=initial, **_user_choices(request))

    def create(data: dict[str, Any]) -> str:
        user = services.user_create(
            actor=actor,
            username=data["username"],
            full_name=data["full_name"],
            authority=data["authority"],
            department=data["department"],
            roles=data["roles"],
            data_scope=data["data_scope"],
            phone=data["phone"],
            password=data["password1"],
        )
        return reverse("org:user_detail", args=[user.pk])

    return _form_page(
        request,
        form,
        title=_("新增人员"),
        back_url=reverse("org:user_list"),
        on_valid=create,
        success=_("已新增人员。"),
    )


@org_admin_required
def user_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    user = selectors_org.user_get(actor=request.user, pk=pk)
    return render(
        request,
        "core/org/user_detail.html",
        {
            "person": user,
            "certificates": user.certificates.all(),
            "qualifications": user.qualifications.all(),
        },
    )


@org_admin_required
def user_edit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    user = selectors_org.user_get(actor=actor, pk=pk, action="change")
    initial = {
        "full_name": user.full_name,
        "authority": user.authority_id,
        "department": user.department_id,
        "roles": sorted(user.role_codes()),
        "data_scope": user.data_scope,
        "phone": user.phone,
    }
    form = forms.UserEditForm(request.POST or None, initial=initial, **_user_choices(request))

    def update(data: dict[str, Any]) -> str:
        services.user_update(actor=actor, user=user, **data)
        return reverse("org:user_detail", args=[user.pk])

    return _form_page(
        request,
        form,
        title=_("编辑人员"),
        back_url=reverse("org:user_detail", args=[user.pk]),
        on_valid=update,
        success=_("已保存人员信息。"),
    )


@org_admin_required
def user_password(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    user = selectors_org.user_get(actor=actor, pk=pk, action="change")
    form = forms.PasswordForm(request.POST or None)

    def set_password(data: dict[str, Any]) -> str:
        services.user_set_password(actor=actor, user=user, password=data["password1"])
        return reverse("org:user_detail", args=[user.pk])

    return _form_page(
        request,
        form,
        title=_("设置密码"),
        back_url=reverse("org:user_detail", args=[user.pk]),
        on_valid=set_password,
        success=_("已设置密码。"),
        context={"person": user},
    )


@org_admin_required
@require_POST
def user_deactivate(request: StaffHttpRequest, pk: int) -> HttpResponse:
    user = selectors_org.user_get(actor=request.user, pk=pk, action="change")
    try:
        services.user_deactivate(actor=request.user, user=user)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已停用该账号。"))
    return redirect("org:user_detail", pk=user.pk)


@org_admin_required
def certificate_add(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    user = selectors_org.user_get(actor=actor, pk=pk, action="change")
    form = forms.CertificateForm(request.POST or None)

    def add(data: dict[str, Any]) -> str:
        services.certificate_add(actor=actor, holder=user, **data)
        return reverse("org:user_detail", args=[user.pk])

    return _form_page(
        request,
        form,
        title=_("登记执法证件"),
        back_url=reverse("org:user_detail", args=[user.pk]),
        on_valid=add,
        success=_("已登记执法证件。"),
        context={"person": user},
    )


@org_admin_required
def qualification_add(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    user = selectors_org.user_get(actor=actor, pk=pk, action="change")
    form = forms.QualificationForm(request.POST or None)

    def add(data: dict[str, Any]) -> str:
        services.qualification_add(actor=actor, holder=user, **data)
        return reverse("org:user_detail", args=[user.pk])

    return _form_page(
        request,
        form,
        title=_("登记资格证书"),
        back_url=reverse("org:user_detail", args=[user.pk]),
        on_valid=add,
        success=_("已登记资格证书。"),
        context={"person": user},
    )


# ---------------------------------------------------------------------------------------------
# Access grants


@org_admin_required
def access_grant_list(request: StaffHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    authority = selectors_org.authority_get(actor=actor, pk=pk)
    show_all = request.GET.get("all") == "1"
    return render(
        request,
        "core/org/access_grant_list.html",
        {
            "authority": authority,
            "grants": selectors_org.access_grant_list(
                actor=actor, authority=authority, include_inactive=show_all
            ),
            "show_all": show_all,
        },
    )


@org_admin_required
@require_POST
def access_grant_revoke(request: StaffHttpRequest, pk: int) -> HttpResponse:
    grant = selectors_org.access_grant_get(actor=request.user, pk=pk, action="revoke")
    try:
        services.access_grant_revoke(actor=request.user, grant=grant)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已撤销授权。"))
    grantee = grant.user if grant.user_id else grant.department
    assert grantee is not None  # constraint access_grant_has_grantee
    return redirect("org:access_grant_list", pk=grantee.authority_id)


# ---------------------------------------------------------------------------------------------
# Organisation chart import


# The dry run's page offers the confirmation for this long (as the signed token did before).
PREVIEW_MAX_AGE = datetime.timedelta(hours=1)


def _job_authority(user: Any) -> Any:
    """The unit an administrator's import job works for: their own, else the first one they manage."""
    return user.authority or access.org_authorities(user).order_by("pk").first()


@org_admin_required
def org_chart_import(request: StaffHttpRequest) -> HttpResponse:
    """Upload → dry-run job (its page previews every change and error) → confirm → import job."""
    form = forms.OrgChartUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        authority = _job_authority(request.user)
        if authority is None:
            form.add_error(None, _("还没有任何机关：请先新增机关，再导入组织架构。"))
        else:
            try:
                job = job_create(
                    actor=request.user,
                    kind=org_jobs.CHART_PREVIEW,
                    authority=authority,
                    params={"file_name": upload.name},
                    uploads=[upload],
                )
            except DomainError as exc:  # over the file store's size limit, or the disk under its floor
                form.add_error(None, str(exc.message))
            else:
                return redirect("jobs:detail", job_id=job.pk)
    return render(
        request, "core/org/import.html", {"form": form}, status=400 if request.method == "POST" else 200
    )


def _confirmable_preview(request: StaffHttpRequest, form: forms.OrgChartConfirmForm) -> Any:
    """The actor's own finished, error-free dry run at most an hour old (confirmed once: ``once_key``)."""
    if not form.is_valid():
        return None
    try:
        preview = job_get(actor=request.user, job_id=form.cleaned_data["job"], action="confirm")
    except Http404:
        return None
    if (
        preview.kind != org_jobs.CHART_PREVIEW
        or preview.owner_id != request.user.pk
        or preview.status != "done"
        or not preview.result.get("ok")
        or preview.finished_at is None
        or timezone.now() - preview.finished_at > PREVIEW_MAX_AGE
    ):
        return None
    return preview


@org_admin_required
@require_POST
def org_chart_import_confirm(request: StaffHttpRequest) -> HttpResponse:
    preview = _confirmable_preview(request, forms.OrgChartConfirmForm(request.POST))
    if preview is None:
        messages.error(request, _("导入预览已过期、已确认或无效，请重新上传文件。"))
        return redirect("org:import")
    try:
        job = job_create(
            actor=request.user,
            kind=org_jobs.CHART_IMPORT,
            authority=preview.authority,
            params={"preview_job": preview.pk, "file_name": preview.params.get("file_name", "")},
            once_key=f"{org_jobs.CHART_IMPORT}:{preview.pk}",
        )
    except DomainError:  # confirmed already, maybe a moment ago in a second tab
        messages.error(request, _("导入预览已过期、已确认或无效，请重新上传文件。"))
        return redirect("org:import")
    return redirect("jobs:detail", job_id=job.pk)


@org_admin_required
def org_chart_template(request: StaffHttpRequest) -> HttpResponse:
    buffer = BytesIO()
    chart_import.org_chart_template(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''org-chart-template.xlsx"
    return response
