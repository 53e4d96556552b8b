"""The authority tree and what hangs off it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from sanxiang.kernel.choices import AuthorityLevel


class Authority(MP_Node):
    """A tax authority 税务机关: national → provincial → municipal → county → branch.

    A materialised path tree: "this unit and below" is one ``path__startswith`` filter, which is
    what the data-scope mechanism relies on.
    """

    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    code = models.CharField(_("机关代码"), max_length=20, unique=True)
    level = models.CharField(_("层级"), max_length=20, choices=AuthorityLevel.choices)
    public_phone = models.CharField(_("对外电话"), max_length=40, blank=True)
    public_email = models.EmailField(_("对外邮箱"), blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    node_order_by = ["code"]

    class Meta:
        verbose_name = _("税务机关")
        verbose_name_plural = _("税务机关")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Department(models.Model):
    """A department 部门/科室 of one authority."""

    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="departments", verbose_name=_("所属机关")
    )
    name = models.CharField(_("名称"), max_length=100)
    code = models.CharField(_("部门代码"), max_length=40, blank=True)
    aliases = models.JSONField(
        _("别名"), default=list, blank=True, help_text=_("导入任务表时用于匹配的其他写法")
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["authority__path", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "name"], name="department_unique_name_per_authority"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority.display_name}·{self.name}"


class ExternalUnit(models.Model):
    """Another government body named in plans (区发改局, 公安分局 …); it has no users.

    Work assigned to it is tracked through ``lead_department``.
    """

    name = models.CharField(_("名称"), max_length=100, unique=True)
    aliases = models.JSONField(_("别名"), default=list, blank=True)
    authority = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        related_name="external_units",
        verbose_name=_("对接机关"),
        help_text=_("与该单位对接的税务机关"),
    )
    lead_department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("对接部门"),
    )

    class Meta:
        verbose_name = _("外部单位")
        verbose_name_plural = _("外部单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    """A post 岗位 within a department."""

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="posts", verbose_name=_("部门")
    )
    name = models.CharField(_("名称"), max_length=100)

    class Meta:
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="post_unique_name_per_department"),
        ]

    def __str__(self) -> str:
        return self.name
