"""The shared enforcement domain: taxpayers, enforcement acts and their decisions.

Defined once here; other modules link to these models and add their own around them. A natural
person is a ``Taxpayer`` of kind ``natural_person`` (the key of the 一人式 archive), never a
second model.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec
from sanxiang.lib import idnumbers
from sanxiang.org.models import SourcedRecord

from .choices import (
    ActKind,
    ActStatus,
    DecisionKind,
    DecisionOutcome,
    Handling,
    MatterStage,
    OfficerRole,
    TaxpayerKind,
    TimeUnit,
)

_NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Taxpayer(models.Model):
    """A taxpayer 纳税人/缴费人: organisation, individual business or natural person.

    The key of the per-taxpayer archive (一户式); for natural persons also of the per-person
    archive (一人式), which follows ``represented_taxpayers``. ``id_number`` is personal data: it
    is stored in full and shown masked unless a permitted user reveals it (audited).
    """

    kind = models.CharField(_("类型"), max_length=30, choices=TaxpayerKind.choices)
    name = models.CharField(_("名称/姓名"), max_length=200)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, null=True, blank=True)
    tin = models.CharField(_("纳税人识别号"), max_length=30, blank=True, db_index=True)
    id_number = models.CharField(
        _("居民身份证号"), max_length=18, blank=True, help_text=_("自然人本人或个体工商户业主")
    )
    birth_date = models.DateField(_("出生日期"), null=True, blank=True, editable=False)
    legal_representative = models.CharField(_("法定代表人（负责人）"), max_length=50, blank=True)
    legal_representative_person = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="represented_taxpayers",
        limit_choices_to={"kind": TaxpayerKind.NATURAL_PERSON},
        verbose_name=_("法定代表人（自然人档案）"),
    )
    registered_address = models.CharField(_("注册地址"), max_length=300, blank=True)
    business_address = models.CharField(_("经营地址"), max_length=300, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="taxpayers", verbose_name=_("主管税务机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="taxpayers",
        verbose_name=_("主管科（所）"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("登记人"),
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    scope = ScopeSpec(authority="authority", department="department", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("纳税人")
        verbose_name_plural = _("纳税人")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["uscc"], condition=models.Q(uscc__isnull=False), name="taxpayer_unique_uscc"
            ),
            models.UniqueConstraint(
                fields=["kind", "id_number"],
                condition=models.Q(kind="natural_person") & ~models.Q(id_number=""),
                name="taxpayer_unique_natural_person_id_number",
            ),
            models.CheckConstraint(condition=~models.Q(uscc=""), name="taxpayer_uscc_null_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_natural_person(self) -> bool:
        return self.kind == TaxpayerKind.NATURAL_PERSON

    @property
    def id_number_masked(self) -> str:
        return idnumbers.mask_id_number(self.id_number)

    @property
    def display_name(self) -> str:
        """The name as lists show it: natural persons masked (张*), organisations in full."""
        return idnumbers.mask_name(self.name) if self.is_natural_person else self.name

    def is_minor_on(self, day: datetime.date) -> bool:
        """A natural person under 18 on ``day`` (行政处罚法第三十条); False if unknown."""
        return bool(self.is_natural_person and self.birth_date and idnumbers.is_minor(self.birth_date, day))

    @property
    def is_minor(self) -> bool:
        return self.is_minor_on(timezone.localdate())


class EnforcementAct(SourcedRecord):
    """An enforcement act 执法行为 on one taxpayer: its kind, matter, dates and handling officers.

    ``source_system``/``source_id`` identify the act in the system it was pushed from
    (金税三期 …); a repeated push with the same pair updates the act instead of duplicating it.
    """

    kind = models.CharField(_("执法类别"), max_length=30, choices=ActKind.choices)
    matter = models.CharField(_("执法事项"), max_length=200)
    taxpayer = models.ForeignKey(
        Taxpayer, on_delete=models.PROTECT, related_name="acts", verbose_name=_("纳税人")
    )
    authority = models.ForeignKey(
        "core.Authority",
        on_delete=models.PROTECT,
        related_name="enforcement_acts",
        verbose_name=_("执法机关"),
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enforcement_acts",
        verbose_name=_("承办部门"),
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ActOfficer",
        related_name="enforcement_acts",
        blank=True,
        verbose_name=_("执法人员"),
    )
    started_on = models.DateField(_("开始日期"), null=True, blank=True)
    concluded_on = models.DateField(_("办结日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=ActStatus.choices, default=ActStatus.IN_PROGRESS
    )

    scope = ScopeSpec(authority="authority", department="department", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("执法行为")
        verbose_name_plural = _("执法行为")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_system", "source_id"],
                condition=~models.Q(source_id=""),
                name="act_unique_source_id",
            ),
            models.CheckConstraint(
                condition=models.Q(concluded_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(concluded_on__gte=models.F("started_on")),
                name="act_concluded_after_started",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}·{self.matter}"


class ActOfficer(models.Model):
    """A handling officer of an act and their role in it (主办/协办)."""

    act = models.ForeignKey(EnforcementAct, on_delete=models.CASCADE, related_name="officer_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("角色"), max_length=20, choices=OfficerRole.choices, default=OfficerRole.LEAD)

    class Meta:
        verbose_name = _("执法人员")
        verbose_name_plural = _("执法人员")
        ordering = ["role", "pk"]
        constraints = [models.UniqueConstraint(fields=["act", "user"], name="act_officer_unique")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Decision(SourcedRecord):
    """A decision 决定 closing (part of) an act: document number, dates, amounts and later outcome.

    ``authority`` repeats the act's authority so that document numbers are unique per authority
    and the scope filter needs no join. ``outcome`` records what became of the decision
    (changed, revoked, held unlawful, void — 行政处罚法第四十八条).
    """

    act = models.ForeignKey(
        EnforcementAct, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("执法行为")
    )
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="decisions", verbose_name=_("作出机关")
    )
    kind = models.CharField(_("决定类别"), max_length=30, choices=DecisionKind.choices)
    document_number = models.CharField(
        _("文书号"), max_length=100, blank=True, help_text=_("如 京税稽罚〔2024〕12号")
    )
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    tax_amount = models.DecimalField(
        _("税款"), max_digits=16, decimal_places=2, default=0, validators=_NON_NEGATIVE
    )
    penalty_amount = models.DecimalField(
        _("罚款"), max_digits=16, decimal_places=2, default=0, validators=_NON_NEGATIVE
    )
    late_fee_amount = models.DecimalField(
        _("滞纳金"), max_digits=16, decimal_places=2, default=0, validators=_NON_NEGATIVE
    )
    legal_basis = models.TextField(_("法律依据"), blank=True)
    facts = models.TextField(_("违法事实"), blank=True)
    outcome = models.CharField(
        _("决定状态"), max_length=20, choices=DecisionOutcome.choices, default=DecisionOutcome.IN_FORCE
    )
    outcome_on = models.DateField(_("状态变化日期"), null=True, blank=True)
    outcome_reason = models.TextField(_("状态变化原因"), blank=True)

    scope = ScopeSpec(authority="authority", department="act__department", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("执法决定")
        verbose_name_plural = _("执法决定")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "document_number"],
                condition=~models.Q(document_number=""),
                name="decision_unique_document_number",
            ),
            models.UniqueConstraint(
                fields=["source_system", "source_id"],
                condition=~models.Q(source_id=""),
                name="decision_unique_source_id",
            ),
            models.CheckConstraint(
                condition=models.Q(tax_amount__gte=0)
                & models.Q(penalty_amount__gte=0)
                & models.Q(late_fee_amount__gte=0),
                name="decision_amounts_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.document_number or f"{self.get_kind_display()} #{self.pk}"


class MatterCatalogueItem(models.Model):
    """One row of the matter catalogue 执法事项目录: whether acts of a kind (or whose matter names
    ``matter_keyword``) are settled on the spot (即办件) or accepted with a promised time limit
    (承诺件). A 承诺件 gets a progress ticket (事项编号 + 查询码) and an acknowledgement receipt
    (受理回执) when it is registered; its time limit runs on the working-day calendar.
    """

    act_kind = models.CharField(_("执法类别"), max_length=30, choices=ActKind.choices, blank=True)
    matter_keyword = models.CharField(
        _("匹配关键词"),
        max_length=100,
        blank=True,
        help_text=_("执法事项包含此关键词即适用；留空则适用该类别全部执法行为"),
    )
    name = models.CharField(_("事项名称"), max_length=200)
    handling = models.CharField(_("办理方式"), max_length=20, choices=Handling.choices)
    time_limit = models.PositiveIntegerField(_("办理时限"), default=0)
    time_unit = models.CharField(
        _("时限单位"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    basis = models.CharField(_("时限依据"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("执法事项目录")
        verbose_name_plural = _("执法事项目录")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(handling="immediate") | models.Q(time_limit__gt=0),
                name="matter_catalogue_promised_has_limit",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def time_limit_label(self) -> str:
        if self.handling == Handling.IMMEDIATE:
            return str(_("即时办结"))
        return f"{self.time_limit}{self.get_time_unit_display()}"


class MatterTicket(models.Model):
    """The progress lookup 执法进度网上查询 of one 承诺件: its number, the hashed verification
    code and the stages reached with their dates.

    The code is checked against ``code_hash`` (PBKDF2, constant-time); ``code_sealed`` keeps it
    encrypted under a key derived from SECRET_KEY only so that the officer can print the receipt
    again. The lookup shows stages and dates, nothing about the party or the officers.
    """

    act = models.OneToOneField(
        EnforcementAct, on_delete=models.PROTECT, related_name="matter_ticket", verbose_name=_("执法行为")
    )
    matter_number = models.CharField(_("事项编号"), max_length=40, unique=True)
    code_salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    code_sealed = models.CharField(max_length=200, blank=True)
    stage = models.CharField(
        _("阶段"), max_length=20, choices=MatterStage.choices, default=MatterStage.ACCEPTED
    )
    stage_dates = models.JSONField(_("各阶段日期"), default=dict)
    matter_name = models.CharField(
        _("事项名称"), max_length=200, blank=True, help_text=_("执法事项目录中的名称，可公开")
    )
    received_on = models.DateField(_("受理日期"))
    time_limit_label = models.CharField(_("办理时限"), max_length=40, blank=True)
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    due_provisional = models.BooleanField(_("期限按暂定日历计算"), default=False)
    issued_at = models.DateTimeField(_("签发时间"), default=timezone.now)

    scope = ScopeSpec(authority="act__authority", department="act__department", owner="act__created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("办理进度凭证")
        verbose_name_plural = _("办理进度凭证")

    def __str__(self) -> str:
        return self.matter_number
