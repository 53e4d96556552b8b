"""Disclosure requests (依申请公开), their clock events, handling, replies, remedies and annual reports.

Personal data of the applicant (name, identity number, contact) lives only on ``InformationRequest``
and is never read by a public page: the portal shows a request through ``public_view`` selectors that
pick the code, dates, status and reply documents.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

from .choices import (
    ApplicantType,
    Channel,
    ClockKind,
    ClockState,
    ConsultationKind,
    ConsultationOpinion,
    DeliveryMethod,
    IdType,
    InformationForm,
    RemedyKind,
    RemedyOutcome,
    ReplyType,
    ReportStatus,
    RequestStatus,
    WithheldReason,
)

User = settings.AUTH_USER_MODEL


class InformationRequest(models.Model):
    """One application for government information (条例第二十九条).

    ``received_on`` follows the channel (条例第三十一条) and is set by the services. ``due_on``,
    ``clock_state`` and ``days_used`` are a cache of ``rules.clock_state`` over the request's
    ``ClockEventRow``s, rewritten by ``services.request_refresh_clock`` after every event and never
    edited by hand. ``token_hash`` is the SHA-256 of the applicant's private link token.
    """

    authority = models.ForeignKey(
        "core.Authority",
        on_delete=models.PROTECT,
        related_name="information_requests",
        verbose_name=_("受理机关"),
    )
    code = models.CharField(_("申请编号"), max_length=32, unique=True)
    token_hash = models.CharField(_("查询凭证摘要"), max_length=64, editable=False)
    channel = models.CharField(_("申请方式"), max_length=20, choices=Channel.choices)
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("申请人姓名/名称"), max_length=200)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    legal_representative = models.CharField(_("法定代表人/负责人"), max_length=100, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    postal_code = models.CharField(_("邮政编码"), max_length=10, blank=True)
    identity_proof = models.ForeignKey(
        "files.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("身份证明"),
    )
    description = models.TextField(_("所需政府信息的描述"))
    document_number = models.CharField(_("文件名称、文号或其他特征"), max_length=300, blank=True)
    information_form = models.CharField(
        _("信息的指定提供形式"),
        max_length=20,
        choices=InformationForm.choices,
        default=InformationForm.ELECTRONIC,
    )
    delivery_method = models.CharField(
        _("获取信息的方式"), max_length=20, choices=DeliveryMethod.choices, default=DeliveryMethod.ONLINE
    )
    oral_record = models.TextField(_("口头申请记录"), blank=True)

    submitted_on = models.DateField(_("提交日期"), null=True, blank=True)
    signed_for_on = models.DateField(_("签收日期"), null=True, blank=True)
    confirmed_on = models.DateField(_("双方确认日期"), null=True, blank=True)
    mail_received_on = models.DateField(_("邮件系统收到日期"), null=True, blank=True)
    received_on = models.DateField(_("收到申请之日"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)

    status = models.CharField(
        _("办理状态"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    register_number = models.CharField(_("登记号"), max_length=40, blank=True)
    handler = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("经办人")
    )
    holding_department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name=_("承办部门"),
    )
    needs_legal_review = models.BooleanField(_("需法制审查"), default=False)
    needs_confidentiality_review = models.BooleanField(_("需保密审查"), default=False)
    routed_channel = models.TextField(_("转办渠道说明"), blank=True)

    # Cache of the clock, rewritten by the services only.
    clock_state = models.CharField(
        _("计时状态"), max_length=30, choices=ClockState.choices, default=ClockState.NOT_RECEIVED
    )
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    days_used = models.PositiveSmallIntegerField(_("已用工作日"), default=0)
    extension_days = models.PositiveSmallIntegerField(_("延期工作日"), default=0)
    clock_refreshed_on = models.DateField(_("计时刷新日期"), null=True, blank=True)

    fee_method = models.CharField(_("信息处理费计收方式"), max_length=20, blank=True)
    fee_amount = models.DecimalField(_("信息处理费（元）"), max_digits=10, decimal_places=2, default=0)
    fee_paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("录入人")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    # Only the open-government office and legal reviewers see requests in their scope (they hold
    # the applicant's identity); the holding department sees its assigned request through a grant.
    scope = ScopeSpec(
        authority="authority",
        department="holding_department",
        roles=("open_government_officer", "open_government_head", "legal_reviewer"),
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["authority", "status"]), models.Index(fields=["received_on"])]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        from .choices import OPEN_STATUSES

        return self.status in OPEN_STATUSES


class ClockEventRow(models.Model):
    """One stop, restart or change of a request's clock; the due date is derived from these rows."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(_("事件"), max_length=30, choices=ClockKind.choices)
    on = models.DateField(_("日期"))
    days = models.PositiveSmallIntegerField(_("工作日数"), null=True, blank=True)
    until = models.DateField(_("期限"), null=True, blank=True)
    ref = models.CharField(_("关联"), max_length=40, blank=True)
    note = models.TextField(_("说明"), blank=True)
    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    scope = ScopeSpec(authority="request__authority", department="request__holding_department")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("计时事件")
        verbose_name_plural = _("计时事件")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%Y-%m-%d}"


class RequestTransition(models.Model):
    """A workflow step of a request: who moved it from which status to which, and why."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=RequestStatus.choices)
    action = models.CharField(_("操作"), max_length=40)
    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    comment = models.TextField(_("意见"), blank=True)
    at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        verbose_name = _("办理流转记录")
        verbose_name_plural = _("办理流转记录")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.from_status}→{self.to_status}"


class Assignment(models.Model):
    """The request sent to the department holding the information, and its answer (检索结果)."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="assignments")
    department = models.ForeignKey(
        "core.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("承办部门")
    )
    instructions = models.TextField(_("办理要求"), blank=True)
    assigned_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, related_name="+")
    assigned_at = models.DateTimeField(_("交办时间"), default=timezone.now)
    search_result = models.TextField(_("检索与办理意见"), blank=True)
    answered_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("交办记录")
        verbose_name_plural = _("交办记录")
        ordering = ["assigned_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id} → {self.department_id}"


class Consultation(models.Model):
    """A written consultation of a third party or another organ (条例第三十二条、第三十四条)."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField(_("征求对象类型"), max_length=20, choices=ConsultationKind.choices)
    party = models.CharField(_("征求对象"), max_length=200)
    sent_on = models.DateField(_("发出日期"))
    due_on = models.DateField(_("答复期限"))
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    opinion = models.CharField(
        _("意见"), max_length=20, choices=ConsultationOpinion.choices, default=ConsultationOpinion.PENDING
    )
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        ordering = ["sent_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.party}"


class Reply(models.Model):
    """The 告知书 of a request: type, text, approval, documents and delivery.

    ``released_text`` is the released document of a partial disclosure (条例第三十七条): the
    original with the masker's spans and the reviewer's ``redactions`` applied.
    """

    request = models.OneToOneField(InformationRequest, on_delete=models.CASCADE, related_name="reply")
    reply_type = models.CharField(_("答复类型"), max_length=30, choices=ReplyType.choices)
    withheld_reason = models.CharField(
        _("不予公开理由"), max_length=30, choices=WithheldReason.choices, blank=True
    )
    reasons = models.TextField(_("理由说明"), blank=True)
    responsible_organ = models.CharField(_("负责公开的机关及联系方式"), max_length=300, blank=True)
    obtain_how = models.TextField(_("获取方式说明"), blank=True)
    body = models.TextField(_("告知书正文"))
    source_text = models.TextField(_("拟公开信息原文"), blank=True)
    redactions = models.JSONField(_("审查人员选定的删除区段"), default=list, blank=True)
    released_text = models.TextField(_("公开文本（已区分处理）"), blank=True)
    drafted_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, related_name="+")
    drafted_at = models.DateTimeField(_("拟稿时间"), default=timezone.now)
    review_opinion = models.TextField(_("法制/保密审查意见"), blank=True)
    reviewed_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    issued_on = models.DateField(_("答复日期"), null=True, blank=True)
    document_docx = models.ForeignKey(
        "files.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document_pdf = models.ForeignKey(
        "files.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    delivery_method = models.CharField(
        _("送达方式"), max_length=20, choices=DeliveryMethod.choices, blank=True
    )
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    delivery_note = models.CharField(_("送达凭证说明"), max_length=300, blank=True)
    delivery_proof = models.ForeignKey(
        "files.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")

    def __str__(self) -> str:
        return f"{self.request_id} {self.get_reply_type_display()}"


class ReplyTemplate(models.Model):
    """The office's editable 告知书 text of one reply type; ``authority`` null is the default."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reply_type = models.CharField(_("答复类型"), max_length=30, choices=ReplyType.choices)
    title = models.CharField(_("文书名称"), max_length=100)
    body = models.TextField(_("正文模板"))
    legal_basis = models.CharField(_("法律依据"), max_length=300)
    updated_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("告知书模板")
        verbose_name_plural = _("告知书模板")
        constraints = [
            models.UniqueConstraint(fields=["authority", "reply_type"], name="inforeq_template_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class Remedy(models.Model):
    """A reconsideration or lawsuit against the handling of a request, with its outcome."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="remedies")
    kind = models.CharField(_("类型"), max_length=40, choices=RemedyKind.choices)
    filed_on = models.DateField(_("申请/起诉日期"))
    body = models.CharField(_("复议机关/法院"), max_length=200, blank=True)
    outcome = models.CharField(
        _("结果"), max_length=20, choices=RemedyOutcome.choices, default=RemedyOutcome.PENDING
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("复议诉讼")
        verbose_name_plural = _("复议诉讼")
        ordering = ["filed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on:%Y-%m-%d}"


class AnnualReport(models.Model):
    """政府信息公开工作年度报告 of one authority and year (国办公开办函〔2021〕30号).

    The tables are computed from data (``selectors.annual_report_tables``) until publication; then
    ``figures`` freezes them. The text sections are the office's.
    """

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    figures = models.JSONField(_("发布时的统计数据"), default=dict, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    publication_key = models.CharField(_("门户发布编号"), max_length=120, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        constraints = [models.UniqueConstraint(fields=["authority", "year"], name="inforeq_report_unique")]
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.authority} {self.year}"
