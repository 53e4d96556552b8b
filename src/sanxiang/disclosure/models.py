"""Models of proactive disclosure 主动公开: official documents with their disclosure attribute, the
policy library (articles, validity history, interpretations), consultations, service ratings,
public-opinion incidents and case-specific rulings.

What the public sees of a document is what ``sanxiang.portal`` published (the masked, logged
``PublicEntry``); these rows are the back office. Commenters' and raters' contact data live only
here and never reach a public page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

from .choices import (
    CatalogueHeading,
    CommentAnswer,
    CommentStatus,
    ConsultationKind,
    ConsultationStatus,
    DisclosureAttribute,
    DocumentKind,
    DocumentStatus,
    IncidentSeverity,
    InterpretationKind,
    InterpretationStatus,
    RectificationStatus,
    RulingStatus,
    Validity,
    WithheldReason,
)

USER = settings.AUTH_USER_MODEL


class TaxType(models.Model):
    """A tax or fee type 税费种 used to file policy documents (administrators edit the list)."""

    code = models.CharField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40)
    order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("税费种")
        verbose_name_plural = _("税费种")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class ValidityLabel(models.Model):
    """A validity label 效力状态 as shown on the policy library (全文有效, 部分条款失效 …).

    The complete SAT set is ❓ in RULES.md §7, so the labels are data; each maps to one of the four
    base validities the counters and filters work with.
    """

    code = models.CharField(_("代码"), max_length=40, unique=True)
    label = models.CharField(_("名称"), max_length=40)
    validity = models.CharField(_("效力"), max_length=20, choices=Validity.choices)
    needs_articles = models.BooleanField(_("须注明条款"), default=False)
    order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("效力状态")
        verbose_name_plural = _("效力状态")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.label


class SensitiveWord(models.Model):
    """A word that holds a public comment for the moderator's attention (pre-moderation applies anyway)."""

    word = models.CharField(_("敏感词"), max_length=60, unique=True)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class OfficialDocument(models.Model):
    """An official document 公文 with its disclosure attribute; proactive ones are published into
    the 主动公开目录 and, when ``in_policy_library``, form the 税费政策库.

    ``own_issue``: issued by ``authority`` itself (counted in its annual report); False for a
    superior body's document kept in the library for reference (seed 001 #9).
    """

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    drafting_department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("起草部门"),
    )
    drafter = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("拟稿人")
    )
    title = models.CharField(_("标题"), max_length=300)
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    issuer = models.CharField(_("发布机关"), max_length=200)
    own_issue = models.BooleanField(_("本机关制发"), default=True)
    kind = models.CharField(
        _("文件类型"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    heading = models.CharField(
        _("目录类别"), max_length=20, choices=CatalogueHeading.choices, default=CatalogueHeading.OTHER
    )
    subject_terms = models.CharField(_("主题词"), max_length=200, blank=True)
    attribute = models.CharField(
        _("公开属性"), max_length=20, choices=DisclosureAttribute.choices, blank=True
    )
    withheld_reason = models.CharField(
        _("不予公开理由"), max_length=30, choices=WithheldReason.choices, blank=True
    )
    attribute_note = models.TextField(_("属性说明"), blank=True)
    in_policy_library = models.BooleanField(_("收入税费政策库"), default=False)
    tax_types = models.ManyToManyField(
        TaxType, blank=True, related_name="documents", verbose_name=_("税费种")
    )
    signed_on = models.DateField(_("成文日期"), null=True, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    text = models.TextField(_("正文"), blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    return_reason = models.TextField(_("退文理由"), blank=True)
    index_number = models.CharField(_("索引号"), max_length=60, blank=True)
    public_key = models.CharField(_("门户编号"), max_length=100, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    validity_label = models.ForeignKey(
        ValidityLabel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("效力状态"),
    )
    validity_version = models.PositiveIntegerField(_("效力版本"), default=0)
    public_version = models.PositiveIntegerField(_("门户版本"), default=0)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    # Department-scoped staff see their own department's drafts (the 三同步 flag reaches them).
    scope = ScopeSpec(authority="authority", department="drafting_department")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("公文")
        verbose_name_plural = _("公文")
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["index_number"],
                condition=~models.Q(index_number=""),
                name="disclosure_doc_index_unique",
            )
        ]

    def __str__(self) -> str:
        return self.title


class DocumentTransition(models.Model):
    """One step of a document's workflow: who moved it, when, and why (退文 reasons included)."""

    document = models.ForeignKey(OfficialDocument, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=DocumentStatus.choices)
    to_status = models.CharField(_("新状态"), max_length=20, choices=DocumentStatus.choices)
    actor = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("操作人")
    )
    at = models.DateTimeField(_("时间"))
    comment = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("公文流转记录")
        verbose_name_plural = _("公文流转记录")
        ordering = ["document", "id"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.from_status} → {self.to_status}"


class IndexCounter(models.Model):
    """The last sequence number of 索引号 given per authority, heading and year (locked on use)."""

    authority = models.ForeignKey("core.Authority", on_delete=models.CASCADE, related_name="+")
    heading = models.CharField(max_length=20)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "heading", "year"], name="disclosure_index_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority_id}/{self.heading}/{self.year}: {self.last}"


class DocumentArticle(models.Model):
    """One article 条 of a document's full text (article 0: the preamble)."""

    document = models.ForeignKey(OfficialDocument, on_delete=models.CASCADE, related_name="articles")
    number = models.PositiveIntegerField(_("序号"))
    label = models.CharField(_("条号"), max_length=20, blank=True)
    text = models.TextField(_("内容"))

    class Meta:
        verbose_name = _("条款")
        verbose_name_plural = _("条款")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="disclosure_article_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.label}"


class DocumentAttachment(models.Model):
    """An attachment of a document, kept in the one file store."""

    document = models.ForeignKey(OfficialDocument, on_delete=models.CASCADE, related_name="attachments")
    file = models.ForeignKey("files.StoredFile", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("附件名称"), max_length=200)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["document", "id"]

    def __str__(self) -> str:
        return self.title


class ValidityChange(models.Model):
    """One version of a document's validity: the label, which articles, by which document, from when.

    Never edited nor deleted: the history on the document page is these rows in order.
    """

    document = models.ForeignKey(OfficialDocument, on_delete=models.CASCADE, related_name="validity_changes")
    version = models.PositiveIntegerField(_("版本"))
    label = models.ForeignKey(
        ValidityLabel, on_delete=models.PROTECT, related_name="+", verbose_name=_("效力状态")
    )
    validity = models.CharField(_("效力"), max_length=20, choices=Validity.choices)
    articles = models.CharField(_("涉及条款"), max_length=200, blank=True)
    by_document = models.ForeignKey(
        OfficialDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments_made",
        verbose_name=_("依据文件"),
    )
    by_document_text = models.CharField(_("依据文件（文号）"), max_length=200, blank=True)
    effective_on = models.DateField(_("生效日期"))
    note = models.TextField(_("说明"), blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("登记时间"))

    class Meta:
        verbose_name = _("效力变更")
        verbose_name_plural = _("效力变更")
        ordering = ["document", "version"]
        constraints = [
            models.UniqueConstraint(fields=["document", "version"], name="disclosure_validity_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.version} {self.validity}"


class Interpretation(models.Model):
    """A policy interpretation 政策解读 (text, diagram, Q&A) of a document, released with it (三同步)."""

    document = models.ForeignKey(OfficialDocument, on_delete=models.CASCADE, related_name="interpretations")
    title = models.CharField(_("标题"), max_length=300)
    kind = models.CharField(
        _("形式"), max_length=20, choices=InterpretationKind.choices, default=InterpretationKind.TEXT
    )
    body = models.TextField(_("解读内容"), blank=True)
    qa = models.JSONField(_("问答"), default=list, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=InterpretationStatus.choices, default=InterpretationStatus.DRAFT
    )
    author = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    scope = ScopeSpec(authority="document__authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")
        ordering = ["document", "id"]

    def __str__(self) -> str:
        return self.title


class Consultation(models.Model):
    """A draft opened for public comment 征求意见 with its explanation and period."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("起草部门"),
    )
    title = models.CharField(_("标题"), max_length=300)
    kind = models.CharField(
        _("类型"), max_length=20, choices=ConsultationKind.choices, default=ConsultationKind.NORMATIVE
    )
    explanation = models.TextField(_("起草说明"))
    draft_text = models.TextField(_("征求意见稿"))
    opens_on = models.DateField(_("开始日期"), null=True, blank=True)
    closes_on = models.DateField(_("截止日期"), null=True, blank=True)
    short_period_reason = models.TextField(_("期限少于规定天数的理由"), blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=ConsultationStatus.choices, default=ConsultationStatus.DRAFT
    )
    summary = models.TextField(_("意见采纳情况说明"), blank=True)
    summary_published_at = models.DateTimeField(_("采纳情况公布时间"), null=True, blank=True)
    final_document = models.ForeignKey(
        OfficialDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("正式文件"),
    )
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope = ScopeSpec(authority="authority", department="department")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title


class ConsultationParagraph(models.Model):
    """One paragraph (article) of a consultation draft, the anchor of per-paragraph comments."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveIntegerField(_("序号"))
    label = models.CharField(_("条号"), max_length=20, blank=True)
    text = models.TextField(_("内容"))

    class Meta:
        verbose_name = _("征求意见稿段落")
        verbose_name_plural = _("征求意见稿段落")
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="disclosure_paragraph_unique")
        ]

    def __str__(self) -> str:
        return self.label or str(self.number)


class ConsultationComment(models.Model):
    """A public comment on a whole draft or on one paragraph; pre-moderated, then answered.

    ``commenter_name`` and ``contact`` are never shown publicly; ``client_key`` is a hash of the
    submitting client used for rate limits only.
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.ForeignKey(
        ConsultationParagraph, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    body = models.TextField(_("意见内容"))
    commenter_name = models.CharField(_("姓名或单位"), max_length=100, blank=True)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    client_key = models.CharField(max_length=64, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"))
    status = models.CharField(
        _("审核状态"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    flagged_words = models.JSONField(_("命中敏感词"), default=list, blank=True)
    rejection_reason = models.TextField(_("未通过理由"), blank=True)
    moderated_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    answer = models.CharField(_("采纳情况"), max_length=20, choices=CommentAnswer.choices, blank=True)
    answer_reason = models.TextField(_("答复理由"), blank=True)
    answered_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)

    scope = ScopeSpec(authority="consultation__authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("公众意见")
        verbose_name_plural = _("公众意见")
        ordering = ["consultation", "id"]

    def __str__(self) -> str:
        return f"{self.consultation_id}#{self.pk}"


class ServiceRating(models.Model):
    """A 好差评 rating of any rated object (a published document or service guide, an answered
    disclosure request …) through a generic key. ``contact`` is never public."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    target_label = models.CharField(_("评价对象"), max_length=300)
    score = models.PositiveSmallIntegerField(_("评分"))
    reason = models.TextField(_("评价理由"), blank=True)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    rated_at = models.DateTimeField(_("评价时间"))
    is_low = models.BooleanField(_("差评"), default=False)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("好差评")
        verbose_name_plural = _("好差评")
        ordering = ["-rated_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="disclosure_rating_target_idx")]

    def __str__(self) -> str:
        return f"{self.target_label}: {self.score}"


class Rectification(models.Model):
    """The rectification of a bad rating 差评整改: assigned, answered within the limit, reported."""

    rating = models.OneToOneField(ServiceRating, on_delete=models.CASCADE, related_name="rectification")
    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("整改部门"),
    )
    assigned_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    assigned_at = models.DateTimeField(_("交办时间"))
    due_on = models.DateField(_("整改期限"))
    status = models.CharField(
        _("状态"), max_length=20, choices=RectificationStatus.choices, default=RectificationStatus.ASSIGNED
    )
    answer = models.TextField(_("整改情况"), blank=True)
    answered_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority", department="department")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("差评整改")
        verbose_name_plural = _("差评整改")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.rating_id}: {self.status}"


class PublicOpinionIncident(models.Model):
    """A public-opinion incident 政务舆情 with its two response timers in clock hours (seed 001 #60)."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    title = models.CharField(_("舆情标题"), max_length=300)
    summary = models.TextField(_("舆情摘要"), blank=True)
    source = models.CharField(_("来源"), max_length=200, blank=True)
    severity = models.CharField(
        _("级别"), max_length=20, choices=IncidentSeverity.choices, default=IncidentSeverity.ORDINARY
    )
    discovered_at = models.DateTimeField(_("发现时间"))
    info_due_at = models.DateTimeField(_("权威信息发布时限"))
    press_due_at = models.DateTimeField(_("新闻发布会时限"), null=True, blank=True)
    info_released_at = models.DateTimeField(_("权威信息发布时间"), null=True, blank=True)
    info_note = models.TextField(_("发布情况"), blank=True)
    press_held_at = models.DateTimeField(_("新闻发布会时间"), null=True, blank=True)
    press_note = models.TextField(_("发布会情况"), blank=True)
    info_alerted_at = models.DateTimeField(null=True, blank=True)
    press_alerted_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    # Computed states the API sets from ``selectors.IncidentRow`` before serialising (annotations only).
    info_state: str
    press_state: str | None

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("政务舆情")
        verbose_name_plural = _("政务舆情")
        ordering = ["-discovered_at", "-id"]

    def __str__(self) -> str:
        return self.title


class CaseRuling(models.Model):
    """A case-specific ruling 个案批复, published within a configurable limit (seed 001 #10)."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("批复机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办部门"),
    )
    document_number = models.CharField(_("批复文号"), max_length=100)
    title = models.CharField(_("标题"), max_length=300)
    text = models.TextField(_("批复内容"))
    decided_on = models.DateField(_("批复日期"))
    publish_due_on = models.DateField(_("公布期限"))
    status = models.CharField(
        _("状态"), max_length=20, choices=RulingStatus.choices, default=RulingStatus.REGISTERED
    )
    public_key = models.CharField(_("门户编号"), max_length=100, blank=True)
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)
    registered_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("个案批复")
        verbose_name_plural = _("个案批复")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return self.title
