"""Staff, roles, certificates and per-object access grants."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.choices import DataScope, QualificationKind, RoleCode

from .org import Authority, Department, Post


class Role(models.Model):
    """A role 角色; the set of codes is fixed (``RoleCode``), rows exist so users can hold several."""

    code = models.CharField(_("代码"), max_length=40, unique=True, choices=RoleCode.choices)

    class Meta:
        verbose_name = _("角色")
        verbose_name_plural = _("角色")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(RoleCode(self.code).label)

    @classmethod
    def for_codes(cls, codes: list[str] | tuple[str, ...] | set[str]) -> list[Role]:
        """The rows for valid role codes, created if missing.

        Migration 0002 creates every row, but a flushed database (transactional tests, a restored
        dump) may lack them; roles are a fixed vocabulary, so recreating a row is always safe.
        """
        return [cls.objects.get_or_create(code=code)[0] for code in codes if code in RoleCode.values]


class User(AbstractUser):
    """A staff member of an authority (the public never logs in)."""

    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    authority = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("所属机关"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("所属部门"),
    )
    posts = models.ManyToManyField(Post, blank=True, related_name="staff", verbose_name=_("岗位"))
    roles = models.ManyToManyField(Role, blank=True, related_name="users", verbose_name=_("角色"))
    data_scope = models.CharField(
        _("数据权限"), max_length=20, choices=DataScope.choices, default=DataScope.DEPARTMENT
    )
    phone = models.CharField(_("办公电话"), max_length=40, blank=True)

    # Per-instance cache of role_codes() (annotation only: set lazily, reset by services).
    _role_codes: set[str] | None

    class Meta:
        verbose_name = _("工作人员")
        verbose_name_plural = _("工作人员")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def role_codes(self) -> set[str]:
        """The user's role codes, cached per instance (roles change only through services)."""
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = set(self.roles.values_list("code", flat=True))
            self._role_codes = cached
        return cached

    def has_role(self, *codes: str) -> bool:
        return bool(self.role_codes() & set(codes))


class EnforcementCertificate(models.Model):
    """An enforcement certificate 执法证件 held by a staff member."""

    holder = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("持证人")
    )
    number = models.CharField(_("证件编号"), max_length=40, unique=True)
    issued_by = models.CharField(_("发证机关"), max_length=100)
    valid_from = models.DateField(_("有效期起"))
    valid_until = models.DateField(_("有效期至"))
    enforcement_area = models.CharField(_("执法区域"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("执法证件")
        verbose_name_plural = _("执法证件")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day <= self.valid_until


class Qualification(models.Model):
    """A professional qualification, notably 法律职业资格 (行政处罚法 §58 ¶2 for first-time reviewers)."""

    holder = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="qualifications", verbose_name=_("持有人")
    )
    kind = models.CharField(_("类别"), max_length=40, choices=QualificationKind.choices)
    number = models.CharField(_("证书编号"), max_length=60)
    obtained_on = models.DateField(_("取得日期"))

    class Meta:
        verbose_name = _("资格")
        verbose_name_plural = _("资格")
        constraints = [
            models.UniqueConstraint(fields=["kind", "number"], name="qualification_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class AccessGrantQuerySet(models.QuerySet):
    def active(self, now: datetime.datetime | None = None) -> AccessGrantQuerySet:
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class AccessGrant(models.Model):
    """Access to one object outside the user's data scope, granted by a workflow assignment.

    A case sent to a reviewer in another department, a city task assigned to a district
    department: the assignee sees that object alone. Created and revoked only through
    ``sanxiang.org.services.access_grant_create`` / ``access_grant_revoke``, which audit both.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="access_grants",
        verbose_name=_("被授权人"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="access_grants",
        verbose_name=_("被授权部门"),
        help_text=_("授权给整个部门时填写（如市局任务交办区局部门）"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("授权事由"), max_length=200)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("授权人"),
    )
    granted_at = models.DateTimeField(_("授权时间"), default=timezone.now)
    expires_at = models.DateTimeField(_("到期时间"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    objects = AccessGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("对象授权")
        verbose_name_plural = _("对象授权")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(department__isnull=False),
                name="access_grant_has_grantee",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model}#{self.object_id} → {self.user_id or self.department_id}"
