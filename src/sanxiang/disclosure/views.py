"""Staff pages of proactive disclosure: documents and the policy library, consultations,
ratings, public-opinion incidents and case rulings. Each POST parses one form and calls one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import ChoiceField, Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanxiang.files.services import file_store_from_upload
from sanxiang.kernel.access import authorities_in_scope, get_visible_or_404, has_role, role_required
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest
from sanxiang.org.models import Department

from . import forms, selectors, services
from .choices import DocumentStatus
from .models import (
    CaseRuling,
    Consultation,
    ConsultationComment,
    Interpretation,
    OfficialDocument,
    PublicOpinionIncident,
    Rectification,
    ServiceRating,
)
from .services._common import OPEN_GOV_ROLES


def _errors(form: Form) -> str:
    return "；".join(
        f"{form.fields[f].label if f in form.fields else ''}：{' '.join(str(m) for m in e)}".lstrip("：")
        for f, e in form.errors.items()
    )


def _run(
    request: StaffHttpRequest, form: Form, call: Callable[[dict], Any], back: str, ok: str
) -> HttpResponse:
    """Validate ``form``, call one service with its data, and go back to ``back`` with a message."""
    if not form.is_valid():
        messages.error(request, _("输入有误：%(errors)s") % {"errors": _errors(form)})
        return redirect(back)
    try:
        call(form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, ok)
    return redirect(back)


def _authority_of(request: StaffHttpRequest):
    authority = request.user.authority
    if authority is None:
        raise PermissionDenied
    return authority


# ----------------------------------------------------------------------------- documents


@role_required()
def home(request: StaffHttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    documents = selectors.document_list(
        actor=request.user, status=status if status in DocumentStatus.values else ""
    )
    return render(
        request,
        "disclosure/home.html",
        {
            "documents": documents[:200],
            "statuses": DocumentStatus.choices,
            "status": status,
            "is_open_gov": has_role(request.user, *OPEN_GOV_ROLES),
        },
    )


@role_required()
def document_create(request: StaffHttpRequest) -> HttpResponse:
    form = forms.DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(
                actor=request.user, authority=_authority_of(request), **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("公文已登记为拟稿。"))
            return redirect("disclosure:document_detail", pk=document.pk)
    return render(request, "disclosure/document_form.html", {"form": form})


@role_required()
def document_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
    library = selectors.published_documents().filter(in_policy_library=True).exclude(pk=document.pk)
    return render(
        request,
        "disclosure/document_detail.html",
        {
            "document": document,
            "transitions": document.transitions.select_related("actor"),
            "history": document.validity_changes.select_related("label", "by_document"),
            "interpretations": document.interpretations.all(),
            "attachments": document.attachments.select_related("file"),
            "attribute_form": forms.AttributeForm(
                initial={"attribute": document.attribute, "withheld_reason": document.withheld_reason}
            ),
            "validity_form": forms.ValidityForm(documents=library),
            "interpretation_form": forms.InterpretationForm(),
            "attachment_form": forms.AttachmentForm(),
            "reason_form": forms.ReasonForm(),
            "is_open_gov": has_role(request.user, *OPEN_GOV_ROLES),
            "is_head": has_role(request.user, "open_government_head"),
        },
    )


def _document_step(service: Callable[..., Any], ok: str, form_class: type[Form] = Form, **fixed: Any):
    @require_POST
    @role_required()
    def view(request: StaffHttpRequest, pk: int) -> HttpResponse:
        document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
        back = reverse("disclosure:document_detail", args=[pk])
        return _run(
            request,
            form_class(request.POST),
            lambda d: service(actor=request.user, document=document, **d, **fixed),
            back,
            ok,
        )

    return view


document_submit = _document_step(services.document_submit, _("已报送办公室审核。"))
document_register = _document_step(services.document_register, _("已完成公开属性审核。"))
document_review = _document_step(services.document_review, _("保密审查已通过。"))
document_publish = _document_step(services.document_publish, _("已发布到主动公开目录。"))
document_attribute = _document_step(
    services.document_set_attribute, _("公开属性已更新。"), forms.AttributeForm
)
document_return = _document_step(services.document_return, _("已退文。"), forms.ReasonForm)


@require_POST
@role_required()
def document_validity(request: StaffHttpRequest, pk: int) -> HttpResponse:
    document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
    form = forms.ValidityForm(
        request.POST, documents=selectors.published_documents().filter(in_policy_library=True)
    )
    back = reverse("disclosure:document_detail", args=[pk])
    return _run(
        request,
        form,
        lambda d: services.document_validity_change(actor=request.user, document=document, **d),
        back,
        _("效力状态已更新。"),
    )


@require_POST
@role_required()
def interpretation_add(request: StaffHttpRequest, pk: int) -> HttpResponse:
    document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
    back = reverse("disclosure:document_detail", args=[pk])
    return _run(
        request,
        forms.InterpretationForm(request.POST),
        lambda d: services.interpretation_create(actor=request.user, document=document, **d),
        back,
        _("解读已保存。"),
    )


@require_POST
@role_required(*OPEN_GOV_ROLES)
def interpretation_publish(request: StaffHttpRequest, pk: int) -> HttpResponse:
    interpretation = get_visible_or_404(Interpretation, request.user, pk=pk)
    back = reverse("disclosure:document_detail", args=[interpretation.document_id])
    return _run(
        request,
        Form(request.POST),
        lambda d: services.interpretation_publish(actor=request.user, interpretation=interpretation),
        back,
        _("解读已发布。"),
    )


@require_POST
@role_required()
def attachment_add(request: StaffHttpRequest, pk: int) -> HttpResponse:
    document = get_visible_or_404(OfficialDocument, request.user, pk=pk)
    form = forms.AttachmentForm(request.POST, request.FILES)
    back = reverse("disclosure:document_detail", args=[pk])

    def call(d: dict) -> None:
        stored = file_store_from_upload(
            actor=request.user,
            upload=d["file"],
            authority=document.authority,
            owner=document,
            purpose="disclosure.attachment",
        )
        services.attachment_add(actor=request.user, document=document, title=d["title"], stored_file=stored)

    return _run(request, form, call, back, _("附件已上传。"))


@role_required()
def interpretation_overdue(request: StaffHttpRequest) -> HttpResponse:
    rows = selectors.interpretation_overdue(actor=request.user, today=timezone.localdate())
    return render(request, "disclosure/interpretation_overdue.html", {"rows": rows})


# ----------------------------------------------------------------------------- consultations


@role_required()
def consultation_list(request: StaffHttpRequest) -> HttpResponse:
    rows = [
        (c, selectors.consultation_counts(c)) for c in selectors.consultation_list(actor=request.user)[:200]
    ]
    return render(request, "disclosure/consultation_list.html", {"rows": rows})


@role_required()
def consultation_create(request: StaffHttpRequest) -> HttpResponse:
    form = forms.ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(
                actor=request.user, authority=_authority_of(request), **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            return redirect("disclosure:consultation_detail", pk=consultation.pk)
    return render(request, "disclosure/consultation_form.html", {"form": form})


@role_required()
def consultation_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    consultation = get_visible_or_404(Consultation, request.user, pk=pk)
    finals = selectors.published_documents().filter(authority=consultation.authority)
    return render(
        request,
        "disclosure/consultation_detail.html",
        {
            "consultation": consultation,
            "comments": selectors.comment_queue(actor=request.user, consultation=consultation),
            "counts": selectors.consultation_counts(consultation),
            "open_form": forms.ConsultationOpenForm(),
            "summary_form": forms.SummaryForm(),
            "link_form": forms.LinkFinalForm(documents=finals),
            "answer_choices": cast(ChoiceField, forms.AnswerForm().fields["answer"]).choices,
            "is_open_gov": has_role(request.user, *OPEN_GOV_ROLES),
        },
    )


def _consultation_step(service: Callable[..., Any], ok: str, form_class: type[Form], **form_kwargs: Any):
    @require_POST
    @role_required()
    def view(request: StaffHttpRequest, pk: int) -> HttpResponse:
        consultation = get_visible_or_404(Consultation, request.user, pk=pk)
        back = reverse("disclosure:consultation_detail", args=[pk])
        extra: dict[str, Any] = (
            {"documents": selectors.published_documents().filter(authority=consultation.authority)}
            if form_kwargs
            else {}
        )
        return _run(
            request,
            form_class(request.POST, **extra),
            lambda d: service(actor=request.user, consultation=consultation, **d),
            back,
            ok,
        )

    return view


consultation_open = _consultation_step(
    services.consultation_open, _("已发布征求意见。"), forms.ConsultationOpenForm
)
consultation_summary = _consultation_step(
    services.consultation_publish_summary, _("意见采纳情况已公布。"), forms.SummaryForm
)
consultation_link = _consultation_step(
    services.consultation_link_final, _("已关联正式文件。"), forms.LinkFinalForm, documents=True
)


@require_POST
@role_required(*OPEN_GOV_ROLES)
def comment_moderate(request: StaffHttpRequest, pk: int) -> HttpResponse:
    comment = get_visible_or_404(ConsultationComment, request.user, pk=pk)
    back = reverse("disclosure:consultation_detail", args=[comment.consultation_id])
    return _run(
        request,
        forms.ModerateForm(request.POST),
        lambda d: services.comment_moderate(
            actor=request.user, comment=comment, approve=d["decision"] == "approve", reason=d["reason"]
        ),
        back,
        _("审核结果已保存。"),
    )


@require_POST
@role_required()
def comment_answer(request: StaffHttpRequest, pk: int) -> HttpResponse:
    comment = get_visible_or_404(ConsultationComment, request.user, pk=pk)
    back = reverse("disclosure:consultation_detail", args=[comment.consultation_id])
    return _run(
        request,
        forms.AnswerForm(request.POST),
        lambda d: services.comment_answer(actor=request.user, comment=comment, **d),
        back,
        _("答复已保存。"),
    )


# ----------------------------------------------------------------------------- ratings


@role_required()
def rating_list(request: StaffHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    departments = Department.objects.filter(authority__in=authorities_in_scope(request.user)).order_by(
        "authority__path", "name"
    )
    return render(
        request,
        "disclosure/rating_list.html",
        {
            "ratings": selectors.rating_list(actor=request.user).select_related("rectification")[:200],
            "report": selectors.rectification_report(actor=request.user, today=today),
            "assign_form": forms.AssignForm(departments=departments),
            "today": today,
            "is_open_gov": has_role(request.user, *OPEN_GOV_ROLES),
        },
    )


@require_POST
@role_required(*OPEN_GOV_ROLES)
def rectification_assign(request: StaffHttpRequest, pk: int) -> HttpResponse:
    rating = get_visible_or_404(ServiceRating, request.user, pk=pk)
    departments = Department.objects.filter(authority=rating.authority)
    return _run(
        request,
        forms.AssignForm(request.POST, departments=departments),
        lambda d: services.rectification_assign(actor=request.user, rating=rating, **d),
        reverse("disclosure:rating_list"),
        _("已交办整改。"),
    )


@require_POST
@role_required()
def rectification_answer(request: StaffHttpRequest, pk: int) -> HttpResponse:
    rectification = get_visible_or_404(Rectification, request.user, pk=pk)
    return _run(
        request,
        forms.RectificationAnswerForm(request.POST),
        lambda d: services.rectification_answer(actor=request.user, rectification=rectification, **d),
        reverse("disclosure:rating_list"),
        _("整改情况已反馈。"),
    )


# ----------------------------------------------------------------------------- public opinion


@role_required(*OPEN_GOV_ROLES)
def incident_list(request: StaffHttpRequest) -> HttpResponse:
    overdue = request.GET.get("overdue") == "1"
    form = forms.IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_record(
                actor=request.user, authority=_authority_of(request), **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("舆情已登记，时限开始计算。"))
            return redirect("disclosure:incident_detail", pk=incident.pk)
    rows = selectors.incident_rows(actor=request.user, now=timezone.now(), overdue_only=overdue)
    return render(
        request,
        "disclosure/incident_list.html",
        {"rows": rows, "form": form, "overdue": overdue, "is_open_gov": True},
    )


@role_required(*OPEN_GOV_ROLES)
def incident_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    incident = get_visible_or_404(PublicOpinionIncident, request.user, pk=pk)
    row = next(
        r
        for r in selectors.incident_rows(actor=request.user, now=timezone.now())
        if r.incident.pk == incident.pk
    )
    return render(
        request,
        "disclosure/incident_detail.html",
        {"row": row, "incident": incident, "form": forms.IncidentStepForm()},
    )


def _incident_step(service: Callable[..., Any], ok: str):
    @require_POST
    @role_required(*OPEN_GOV_ROLES)
    def view(request: StaffHttpRequest, pk: int) -> HttpResponse:
        incident = get_visible_or_404(PublicOpinionIncident, request.user, pk=pk)
        back = reverse("disclosure:incident_detail", args=[pk])
        return _run(
            request,
            forms.IncidentStepForm(request.POST),
            lambda d: service(actor=request.user, incident=incident, **d),
            back,
            ok,
        )

    return view


incident_info = _incident_step(services.incident_release_info, _("已登记权威信息发布。"))
incident_press = _incident_step(services.incident_hold_press, _("已登记新闻发布会。"))


# ----------------------------------------------------------------------------- rulings


@role_required()
def ruling_list(request: StaffHttpRequest) -> HttpResponse:
    form = forms.RulingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ruling_register(
                actor=request.user, authority=_authority_of(request), **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("个案批复已登记。"))
            return redirect("disclosure:ruling_list")
    return render(
        request,
        "disclosure/ruling_list.html",
        {
            "rulings": selectors.ruling_list(actor=request.user)[:200],
            "form": form,
            "today": timezone.localdate(),
            "is_open_gov": has_role(request.user, *OPEN_GOV_ROLES),
        },
    )


@require_POST
@role_required(*OPEN_GOV_ROLES)
def ruling_publish(request: StaffHttpRequest, pk: int) -> HttpResponse:
    ruling = get_visible_or_404(CaseRuling, request.user, pk=pk)
    return _run(
        request,
        Form(request.POST),
        lambda d: services.ruling_publish(actor=request.user, ruling=ruling),
        reverse("disclosure:ruling_list"),
        _("个案批复已公布。"),
    )
