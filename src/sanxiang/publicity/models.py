"""Enforcement publicity: the catalogue, the masking policy table, entries and their versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec
from sanxiang.org.models import SourcedRecord

from .rules import RuleKind, Status


class Stage(models.TextChoices):
    BEFORE = "before", _("事前公开")
    DURING = "during", _("事中公示")
    AFTER = "after", _("事后公开")


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", _("已确认")
    PARTLY = "partly", _("部分确认")
    UNCONFIRMED = "unconfirmed", _("未确认")


class SubjectType(models.TextChoices):
    NATURAL_PERSON = "natural_person", _("自然人")
    INDIVIDUAL_BUSINESS = "individual_business", _("个体工商户")
    ORGANISATION = "organisation", _("法人及非法人组织")


class CreditClass(models.TextChoices):
    MINOR = "minor", _("轻微")
    GENERAL = "general", _("一般")
    SERIOUS = "serious", _("严重")


class EntryStatus(models.TextChoices):
    DRAFT = Status.DRAFT.value, _("草稿")
    SUBMITTED = Status.SUBMITTED.value, _("待审核")
    PUBLISHED = Status.PUBLISHED.value, _("已公示")
    CORRECTING = Status.CORRECTING.value, _("更正待审核")
    WITHDRAWN = Status.WITHDRAWN.value, _("已撤回")
    EXPIRED = Status.EXPIRED.value, _("已停止公示")


class Category(models.Model):
    """A publicity category 公示类别 (行政处罚, 欠税公告 …) of one stage."""

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    label = models.CharField(_("名称"), max_length=100)
    stage = models.CharField(_("阶段"), max_length=10, choices=Stage.choices)
    order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        verbose_name = _("公示类别")
        verbose_name_plural = _("公示类别")
        ordering = ["stage", "order", "code"]

    def __str__(self) -> str:
        return self.label


class Item(models.Model):
    """A publicity item 公示事项: its fields (schema as data), roles and masking category.

    ``fields`` is a list of ``{"key", "label", "type", "required", "aliases", "choices",
    "mask"}``: ``type`` is text/longtext/date/decimal/choice/uscc/id_number; ``mask`` the
    masking field type (person_name, id_number …) a value is masked as, or absent for public data.
    """

    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="items", verbose_name=_("类别")
    )
    code = models.SlugField(_("代码"), max_length=60, unique=True)
    label = models.CharField(_("名称"), max_length=100)
    fields = models.JSONField(_("字段"), default=list)
    masking_category = models.CharField(
        _("脱敏类别"), max_length=60, blank=True, help_text=_("对应脱敏策略表的类别代码")
    )
    event_label = models.CharField(_("起算事件"), max_length=60, default="决定日期")
    draft_roles = models.JSONField(_("可起草角色"), default=list)
    approve_roles = models.JSONField(_("可审批角色"), default=list)
    withdraw_on_outcome = models.BooleanField(
        _("决定变更后须撤回"), default=False, help_text=_("行政处罚法第四十八条：3个工作日内撤回")
    )
    is_active = models.BooleanField(_("启用"), default=True)
    order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        verbose_name = _("公示事项")
        verbose_name_plural = _("公示事项")
        ordering = ["category__stage", "category__order", "order", "code"]

    def __str__(self) -> str:
        return self.label

    def field_map(self) -> dict[str, dict]:
        return {f["key"]: f for f in self.fields}


class ItemRule(models.Model):
    """One version of an item's time-limit and display rule, in force from ``effective_from``."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="rules", verbose_name=_("事项"))
    effective_from = models.DateField(_("生效日期"))
    kind = models.CharField(_("时限类型"), max_length=30, choices=[(k.value, k.value) for k in RuleKind])
    params = models.JSONField(_("时限参数"), default=dict)
    display = models.JSONField(_("公示期限"), default=dict, blank=True)
    source = models.CharField(_("依据"), max_length=300)
    certainty = models.CharField(_("确认程度"), max_length=20, choices=Certainty.choices)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("时限规则")
        verbose_name_plural = _("时限规则")
        ordering = ["item", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["item", "effective_from"], name="publicity_rule_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.effective_from:%Y-%m-%d}"


class MaskPolicy(models.Model):
    """One cell of the masking policy table: category × subject type × field type → display mode.

    ``liftable``: an approver may show this datum in full for one entry (with a reason, audited).
    """

    category = models.CharField(_("脱敏类别"), max_length=60)
    subject_type = models.CharField(_("主体类型"), max_length=30, choices=SubjectType.choices)
    field_type = models.CharField(_("字段类型"), max_length=40)
    mode = models.CharField(
        _("显示方式"),
        max_length=20,
        choices=[
            ("shown", _("显示")),
            ("partial", _("部分显示")),
            ("hidden", _("隐藏")),
            ("not_published", _("不公开")),
        ],
    )
    liftable = models.BooleanField(_("审批人可解除"), default=False)

    class Meta:
        verbose_name = _("脱敏策略")
        verbose_name_plural = _("脱敏策略")
        ordering = ["category", "subject_type", "field_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "subject_type", "field_type"], name="publicity_mask_policy_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}/{self.subject_type}/{self.field_type}={self.mode}"


class EntryQuerySet(ScopedQuerySet):
    def public(self) -> EntryQuerySet:
        return self.filter(status__in=[EntryStatus.PUBLISHED, EntryStatus.CORRECTING])


class Entry(SourcedRecord):
    """A publicity entry 公示信息: the raw record (with personal data) and its workflow state.

    ``source_key`` names the entry on the portal (``portal:entry_detail``). Raw values stay here,
    the portal receives only the masked content of an approved version.
    """

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="entries", verbose_name=_("事项"))
    authority = models.ForeignKey(
        "core.Authority",
        on_delete=models.PROTECT,
        related_name="publicity_entries",
        verbose_name=_("公示机关"),
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publicity_entries",
        verbose_name=_("承办部门"),
    )
    source_key = models.CharField(_("公示编号"), max_length=60, unique=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.DRAFT
    )
    subject_type = models.CharField(_("主体类型"), max_length=30, choices=SubjectType.choices)
    party_name = models.CharField(_("当事人"), max_length=200)
    document_number = models.CharField(_("文书号"), max_length=100, blank=True)
    event_date = models.DateField(_("起算日期"), null=True, blank=True)
    credit_class = models.CharField(_("失信程度"), max_length=20, choices=CreditClass.choices, blank=True)
    is_minor = models.BooleanField(_("未成年人"), default=False)
    decision = models.ForeignKey(
        "enforcement.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publicity_entries",
        verbose_name=_("执法决定"),
    )
    current_version = models.PositiveIntegerField(_("当前版本"), default=1)
    published_version = models.PositiveIntegerField(_("已公示版本"), null=True, blank=True)
    published_at = models.DateTimeField(_("首次公示时间"), null=True, blank=True)
    display_until = models.DateField(_("公示截止日"), null=True, blank=True)
    due_on = models.DateField(_("应公示日期"), null=True, blank=True)
    withdraw_due_on = models.DateField(_("应撤回日期"), null=True, blank=True)
    ended_reason = models.TextField(_("撤回/停止原因"), blank=True)
    ended_at = models.DateTimeField(_("撤回/停止时间"), null=True, blank=True)
    # An entry's registrar is its drafter: the two fields keep their own labels.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("起草人"),
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope = ScopeSpec(authority="authority", department="department", owner="created_by")
    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("公示信息")
        verbose_name_plural = _("公示信息")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "document_number"],
                condition=~models.Q(document_number=""),
                name="publicity_entry_unique_document_number",
            ),
            models.UniqueConstraint(
                fields=["source_system", "source_id"],
                condition=~models.Q(source_id=""),
                name="publicity_entry_unique_source_id",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            # The evaluation counts by period: due, published and withdrawn on a day range.
            models.Index(fields=["due_on"], name="publicity_entry_due_on"),
            models.Index(fields=["published_at"], name="publicity_entry_published_at"),
            models.Index(fields=["ended_at"], name="publicity_entry_ended_at"),
            models.Index(fields=["status", "display_until"]),
        ]

    def __str__(self) -> str:
        return f"{self.item.label}·{self.document_number or self.source_key}"

    @property
    def is_public(self) -> bool:
        """Shown on the portal now (published, or published while a correction awaits approval)."""
        return self.status in (EntryStatus.PUBLISHED, EntryStatus.CORRECTING) and bool(self.published_version)


class EntryVersion(models.Model):
    """One version of an entry's content: raw data, the masked result and who approved it.

    Never deleted or rewritten once approved; a correction is a new version.
    """

    entry = models.ForeignKey(
        Entry, on_delete=models.PROTECT, related_name="versions", verbose_name=_("公示信息")
    )
    number = models.PositiveIntegerField(_("版本"))
    data = models.JSONField(_("原始字段"), default=dict)
    text = models.TextField(_("正文"), blank=True)
    legal_representative = models.CharField(_("法定代表人（负责人）"), max_length=50, blank=True)
    id_number = models.CharField(_("身份证件号码"), max_length=30, blank=True)
    masked_title = models.CharField(_("公示标题"), max_length=300, blank=True)
    masked_fields = models.JSONField(_("脱敏后字段"), default=list)
    masked_text = models.TextField(_("脱敏后正文"), blank=True)
    spans = models.JSONField(_("遮盖位置"), default=list)
    manual_spans = models.JSONField(_("人工遮盖"), default=list)
    field_masks = models.JSONField(_("字段遮盖"), default=dict, blank=True)
    lifted = models.JSONField(_("解除遮盖"), default=dict, blank=True)
    reason = models.TextField(_("更正原因"), blank=True)
    # An entry's registrar is its drafter: the two fields keep their own labels.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("起草人"),
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("审批时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("公示版本")
        verbose_name_plural = _("公示版本")
        ordering = ["entry", "number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="publicity_version_unique_number"),
        ]
        indexes = [models.Index(fields=["approved_at"], name="publicity_version_approved_at")]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.number}"


class Transition(models.Model):
    """A workflow step of an entry: who moved it from which status to which, and why."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="transitions")
    action = models.CharField(_("操作"), max_length=20)
    from_status = models.CharField(_("原状态"), max_length=20)
    to_status = models.CharField(_("新状态"), max_length=20)
    version = models.PositiveIntegerField(_("版本"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    comment = models.TextField(_("意见"), blank=True)
    at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("流转记录")
        verbose_name_plural = _("流转记录")
        ordering = ["entry", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.action}"


class DocumentSource(models.Model):
    """The decision document (文书) an entry was drafted from: its file, its recognised type and the
    fields read from it with their spans in the entry's first version's text (for the approver)."""

    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, related_name="document_source", verbose_name=_("公示信息")
    )
    file_name = models.CharField(_("文件名"), max_length=300)
    digest = models.CharField(_("文件摘要"), max_length=64)
    document_type = models.CharField(_("文书类型"), max_length=40)
    fields = models.JSONField(_("识别出的字段"), default=dict)
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    scope = ScopeSpec(authority="entry__authority", department="entry__department", owner="entry__created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("来源文书")
        verbose_name_plural = _("来源文书")

    def __str__(self) -> str:
        return self.file_name
