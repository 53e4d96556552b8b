"""The one file store: every attachment of every module is a ``StoredFile``."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec


class StoredFile(models.Model):
    """One stored file: content-addressed on disk, fingerprinted (SHA-256 and SM3), never overwritten.

    Rows are written only by ``sanxiang.files.services.file_store``; the bytes live at
    ``SANXIANG_FILE_ROOT / storage_path`` and are read-only once stored. ``owner`` (generic) and
    ``purpose`` let any module attach files to any object without a second upload path.
    """

    public_id = models.UUIDField(_("文件编号"), default=uuid.uuid4, unique=True, editable=False)
    original_name = models.CharField(_("原文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=200, default="application/octet-stream")
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    sm3 = models.CharField(_("SM3"), max_length=64)
    storage_path = models.CharField(_("存储路径"), max_length=200, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("上传人"),
    )
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    destroyed_at = models.DateTimeField(
        _("销毁时间"),
        null=True,
        blank=True,
        help_text=_("经批准销毁后内容已删除；指纹保留，不再参加完整性校验"),
    )
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="stored_files", verbose_name=_("所属机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stored_files",
        verbose_name=_("所属部门"),
        help_text=_("所属对象的承办部门，否则为上传人部门；决定“本部门”数据权限能否看到"),
    )
    owner_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("所属对象类型"),
    )
    owner_id = models.PositiveBigIntegerField(_("所属对象"), null=True, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")
    purpose = models.CharField(
        _("用途"), max_length=60, blank=True, help_text=_("如 attachment、media_record")
    )

    scope = ScopeSpec(authority="authority", department="department", owner="uploaded_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("文件")
        verbose_name_plural = _("文件")
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="storedfile_owner_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_type__isnull=True, owner_id__isnull=True)
                | models.Q(owner_type__isnull=False, owner_id__isnull=False),
                name="storedfile_owner_complete",
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class FileAccessAction(models.TextChoices):
    VIEW = "view", _("查看")
    DOWNLOAD = "download", _("下载")
    FIXITY = "fixity", _("完整性校验")


class FileAccess(models.Model):
    """One access to a stored file: who opened or checked it, when, and from where (append-only)."""

    file = models.ForeignKey(
        StoredFile, on_delete=models.PROTECT, related_name="accesses", verbose_name=_("文件")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("访问人"),
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    action = models.CharField(_("操作"), max_length=20, choices=FileAccessAction.choices)
    source_address = models.CharField(_("来源地址"), max_length=64, blank=True)
    ok = models.BooleanField(_("校验通过"), null=True, blank=True, help_text=_("仅完整性校验时填写"))

    class Meta:
        verbose_name = _("文件访问记录")
        verbose_name_plural = _("文件访问记录")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_id} {self.action} {self.at:%Y-%m-%d %H:%M}"
