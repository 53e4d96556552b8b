"""Whole-process records 执法全过程记录: text and audio/video records of enforcement acts.

A ``Record`` documents one stage of one ``EnforcementAct`` (and so belongs to its taxpayer's
一户式 archive); its bytes are a ``StoredFile`` of the one file store. Around it: the devices and
interview rooms that made it, the audio/video matter list (versioned), custody and fixity events,
legal holds and disposal orders, and the tus upload sessions that bring the bytes in.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.enforcement.choices import ActKind
from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

from .choices import (
    MEDIA_KINDS,
    CustodyAction,
    DeviceKind,
    DeviceStatus,
    DisposalStatus,
    FixityOutcome,
    Obligation,
    RecordKind,
    RecordMethod,
    Stage,
    UploadStatus,
)


class Device(models.Model):
    """A recording device 执法记录仪 (or camera, recorder) registered to a unit."""

    kind = models.CharField(
        _("设备类型"), max_length=20, choices=DeviceKind.choices, default=DeviceKind.BODY_CAMERA
    )
    serial = models.CharField(_("设备序列号"), max_length=80, unique=True)
    model_name = models.CharField(_("型号"), max_length=100, blank=True)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("使用部门"),
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("保管人"),
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=DeviceStatus.choices, default=DeviceStatus.IN_USE
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    scope = ScopeSpec(authority="authority", department="department")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("音像记录设备")
        verbose_name_plural = _("音像记录设备")
        ordering = ["authority_id", "serial"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.serial}"


class InterviewRoom(models.Model):
    """A fixed interview (inquiry) room 约谈（询问）室 with its recording equipment."""

    name = models.CharField(_("名称"), max_length=100)
    location = models.CharField(_("位置"), max_length=200, blank=True)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=DeviceStatus.choices, default=DeviceStatus.IN_USE
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("约谈（询问）室")
        verbose_name_plural = _("约谈（询问）室")
        ordering = ["authority_id", "name"]
        constraints = [models.UniqueConstraint(fields=["authority", "name"], name="records_room_unique_name")]

    def __str__(self) -> str:
        return self.name


class MatterListVersion(models.Model):
    """One version of the audio/video matter list 音像记录事项清单; the newest effective one applies."""

    number = models.PositiveIntegerField(_("版本号"), unique=True)
    effective_from = models.DateField(_("生效日期"))
    note = models.CharField(_("修订说明"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("修订人"),
    )
    created_at = models.DateTimeField(_("修订时间"), default=timezone.now)

    class Meta:
        verbose_name = _("音像记录事项清单版本")
        verbose_name_plural = _("音像记录事项清单版本")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"v{self.number}"


class RequiredMatter(models.Model):
    """One row of the matter list (media_required_matters): which act needs which recording."""

    version = models.ForeignKey(
        MatterListVersion, on_delete=models.CASCADE, related_name="rows", verbose_name=_("版本")
    )
    order = models.PositiveIntegerField(_("序号"), default=0)
    act_kind = models.CharField(_("执法类别"), max_length=30, choices=ActKind.choices, blank=True)
    matter = models.CharField(_("执法事项"), max_length=200)
    matter_keyword = models.CharField(
        _("匹配关键词"),
        max_length=100,
        blank=True,
        help_text=_("执法行为的事项包含此关键词即适用；留空则适用该类别全部行为"),
    )
    stage = models.CharField(_("执法环节"), max_length=30, choices=Stage.choices)
    method = models.CharField(_("记录方式"), max_length=20, choices=RecordMethod.choices)
    obligation = models.CharField(_("应当/可以"), max_length=10, choices=Obligation.choices)
    devices = models.CharField(_("记录设备"), max_length=100, blank=True)
    start_trigger = models.CharField(_("开始记录"), max_length=200, blank=True)
    end_trigger = models.CharField(_("结束记录"), max_length=200, blank=True)
    access_reason_required = models.BooleanField(_("调阅须说明理由"), default=True)
    retention_months = models.PositiveIntegerField(
        _("保管期限（月）"), null=True, blank=True, help_text=_("留空表示永久保存")
    )
    remarks = models.CharField(_("备注"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("音像记录事项")
        verbose_name_plural = _("音像记录事项")
        ordering = ["version", "order", "pk"]

    def __str__(self) -> str:
        return self.matter


class Record(models.Model):
    """A record 记录 of an enforcement act: a text record (文字记录) or a media record (音像记录)."""

    public_id = models.UUIDField(_("记录编号"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("记录类型"), max_length=30, choices=RecordKind.choices)
    title = models.CharField(_("标题"), max_length=200)
    act = models.ForeignKey(
        "enforcement.EnforcementAct",
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("执法行为"),
    )
    stage = models.CharField(_("执法环节"), max_length=30, choices=Stage.choices)
    file = models.OneToOneField(
        "files.StoredFile", on_delete=models.PROTECT, related_name="record", verbose_name=_("文件")
    )
    device = models.ForeignKey(
        Device,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("记录设备"),
    )
    room = models.ForeignKey(
        InterviewRoom,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("约谈（询问）室"),
    )
    recorder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("记录人")
    )
    recorded_start = models.DateTimeField(_("开始记录时间"), null=True, blank=True)
    recorded_end = models.DateTimeField(_("结束记录时间"), null=True, blank=True)
    duration_seconds = models.FloatField(_("时长（秒）"), null=True, blank=True)
    codecs = models.CharField(_("编码"), max_length=100, blank=True)
    resolution = models.CharField(_("分辨率"), max_length=20, blank=True)
    device_serial = models.CharField(_("文件内设备序列号"), max_length=80, blank=True)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("执法机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办部门"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("上传人")
    )
    created_at = models.DateTimeField(_("入库时间"), default=timezone.now)
    disposed_at = models.DateTimeField(_("销毁时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority", department="department", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("执法记录")
        verbose_name_plural = _("执法记录")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["act", "kind"], name="records_record_act_kind")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recorded_end__isnull=True)
                | models.Q(recorded_start__isnull=True)
                | models.Q(recorded_end__gte=models.F("recorded_start")),
                name="records_record_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_media(self) -> bool:
        return self.kind in MEDIA_KINDS

    @property
    def is_video(self) -> bool:
        return self.file.content_type.startswith("video/")

    @property
    def is_audio(self) -> bool:
        return self.file.content_type.startswith("audio/")

    @property
    def is_image(self) -> bool:
        return self.file.content_type.startswith("image/")


class CustodyEvent(models.Model):
    """One event in a record's chain of custody 监管链: ingest, view, download, export, hold, disposal.

    Append-only; each event also has its entry in the audit hash chain (``audit_entry_id``).
    """

    record = models.ForeignKey(
        Record, on_delete=models.PROTECT, related_name="custody_events", verbose_name=_("记录")
    )
    action = models.CharField(_("操作"), max_length=20, choices=CustodyAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    source_address = models.CharField(_("来源地址"), max_length=64, blank=True)
    reason = models.CharField(_("事由"), max_length=300, blank=True)
    audit_entry_id = models.PositiveBigIntegerField(_("审计日志编号"), null=True, blank=True)

    class Meta:
        verbose_name = _("调阅记录")
        verbose_name_plural = _("调阅记录")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.record_id} {self.action}"


class FixityCheck(models.Model):
    """A fixity check 完整性校验 of a record's bytes, read from the file store's results."""

    record = models.ForeignKey(
        Record, on_delete=models.PROTECT, related_name="fixity_checks", verbose_name=_("记录")
    )
    file_access = models.OneToOneField(
        "files.FileAccess",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("文件校验"),
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    outcome = models.CharField(_("结果"), max_length=20, choices=FixityOutcome.choices)
    detail = models.CharField(_("说明"), max_length=300, blank=True)
    agent = models.CharField(_("校验程序"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("完整性校验")
        verbose_name_plural = _("完整性校验")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.record_id} {self.outcome}"


class LegalHold(models.Model):
    """A legal hold 保全冻结: the records of an act (or one record) may not be disposed of."""

    act = models.ForeignKey(
        "enforcement.EnforcementAct",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("执法行为"),
    )
    record = models.ForeignKey(
        Record, on_delete=models.PROTECT, null=True, blank=True, related_name="holds", verbose_name=_("记录")
    )
    reason = models.CharField(_("原因"), max_length=300)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("冻结人")
    )
    placed_at = models.DateTimeField(_("冻结时间"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("解除人"),
    )
    released_at = models.DateTimeField(_("解除时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("保全冻结")
        verbose_name_plural = _("保全冻结")
        ordering = ["-placed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(act__isnull=False) | models.Q(record__isnull=False),
                name="records_hold_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.reason


class DisposalOrder(models.Model):
    """A disposal order 销毁清单: approved before anything is destroyed; lists the fingerprints."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("机关")
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=DisposalStatus.choices, default=DisposalStatus.SUBMITTED
    )
    appraisal = models.TextField(_("鉴定意见"), help_text=_("档案法实施条例：到期销毁须先经鉴定"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("拟定人")
    )
    created_at = models.DateTimeField(_("拟定时间"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("审批人"),
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    executed_at = models.DateTimeField(_("销毁时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("销毁清单")
        verbose_name_plural = _("销毁清单")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk}"


class DisposalItem(models.Model):
    """One record of a disposal order, with the fingerprints of the bytes destroyed."""

    order = models.ForeignKey(
        DisposalOrder, on_delete=models.PROTECT, related_name="items", verbose_name=_("销毁清单")
    )
    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="+", verbose_name=_("记录"))
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sm3 = models.CharField(_("SM3"), max_length=64)
    retention_until = models.DateField(_("保管期满"), null=True, blank=True)

    class Meta:
        verbose_name = _("销毁项")
        verbose_name_plural = _("销毁项")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["order", "record"], name="records_disposal_item_unique")
        ]

    def __str__(self) -> str:
        return self.sha256


class Upload(models.Model):
    """A tus 1.0 resumable upload session; becomes a ``Record`` when its last byte arrives."""

    public_id = models.UUIDField(_("上传编号"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("上传人")
    )
    length = models.PositiveBigIntegerField(_("总大小（字节）"))
    offset = models.PositiveBigIntegerField(_("已接收（字节）"), default=0)
    metadata = models.JSONField(_("元数据"), default=dict)
    raw_metadata = models.TextField(_("原始元数据"), blank=True)
    kind = models.CharField(_("记录类型"), max_length=30, choices=RecordKind.choices)
    act = models.ForeignKey(
        "enforcement.EnforcementAct", on_delete=models.PROTECT, related_name="+", verbose_name=_("执法行为")
    )
    detected_type = models.CharField(_("识别类型"), max_length=100, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=UploadStatus.choices, default=UploadStatus.RECEIVING
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    expires_at = models.DateTimeField(_("过期时间"))
    record = models.OneToOneField(
        Record, on_delete=models.PROTECT, null=True, blank=True, related_name="upload"
    )
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("断点续传上传")
        verbose_name_plural = _("断点续传上传")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.public_id)
