"""The audit trail: a hash-chained, append-only event log with signed checkpoints."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

AUDIT_ROLES = ("administrator", "leader")


class AuditOutcome(models.TextChoices):
    OK = "ok", _("成功")
    REFUSED = "refused", _("被拒绝")


class AuditEvent(models.Model):
    """One create, state change or refused attempt, in any module (issue 2 §5).

    Written only by ``sanxiang.audit.services``; never updated or deleted (database triggers
    refuse it, and ``verify_audit`` detects it where the triggers were dropped). ``seq`` is the
    position in the chain: consecutive from 1. ``hash`` = SM3(``prev_hash`` || canonical JSON of
    the content fields, ``seq`` included); see ``sanxiang.lib.hashchain``. Personal data in
    ``before``/``after``/``data`` is stored masked with a keyed hash (``sanxiang.audit.rules``).
    ``authority`` is the unit the target belongs to (else the actor's), which scopes the views.
    """

    seq = models.PositiveBigIntegerField(_("序号"), unique=True)
    occurred_at = models.DateTimeField(_("时间"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
    )
    actor_label = models.CharField(_("操作人名称"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=100, db_index=True)
    target_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    target_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    target_label = models.CharField(_("对象"), max_length=200, blank=True)
    authority = models.ForeignKey(
        "core.Authority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("所属机关"),
    )
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    data = models.JSONField(_("附加信息"), null=True, blank=True)
    source_address = models.CharField(_("来源地址"), max_length=64, blank=True)
    user_agent = models.CharField(_("客户端"), max_length=200, blank=True)
    outcome = models.CharField(
        _("结果"), max_length=10, choices=AuditOutcome.choices, default=AuditOutcome.OK
    )
    prev_hash = models.CharField(_("前序哈希"), max_length=64)
    hash = models.CharField(_("哈希"), max_length=64)

    scope = ScopeSpec(authority="authority", owner="actor", roles=AUDIT_ROLES)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_event_target")]
        constraints = [
            models.CheckConstraint(condition=models.Q(seq__gte=1), name="audit_event_seq_positive")
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    @property
    def action_label(self) -> str:
        from sanxiang.audit.labels import action_label

        return action_label(self.action, self.target_type)

    @property
    def target_type_label(self) -> str:
        from sanxiang.audit.labels import target_type_label

        return target_type_label(self.target_type) if self.target_type else ""


class AuditCheckpoint(models.Model):
    """A signed statement of the chain head: "at ``seq`` the hash was ``head_hash``".

    The Ed25519 key lives in ``SANXIANG_KEY_DIR``, outside the database, and every checkpoint is
    also appended to a log file there; a rewritten or truncated chain no longer matches.
    """

    seq = models.PositiveBigIntegerField(_("序号"), unique=True)
    head_hash = models.CharField(_("链头哈希"), max_length=64)
    created_at = models.DateTimeField(_("时间"))
    key_id = models.CharField(_("密钥标识"), max_length=32)
    signature = models.CharField(_("签名"), max_length=200)

    class Meta:
        verbose_name = _("审计检查点")
        verbose_name_plural = _("审计检查点")
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.head_hash[:12]}"


class AuditVerification(models.Model):
    """One run of the chain verification (command, periodic task), shown on the audit page."""

    started_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    finished_at = models.DateTimeField(_("结束时间"))
    ok = models.BooleanField(_("完整"))
    event_count = models.PositiveBigIntegerField(_("事件数"))
    checkpoint_count = models.PositiveIntegerField(_("检查点数"))
    first_broken_seq = models.PositiveBigIntegerField(_("首个异常事件"), null=True, blank=True)
    problem_code = models.CharField(_("问题代码"), max_length=40, blank=True)
    message = models.TextField(_("结论"), blank=True)
    problems = models.JSONField(_("问题列表"), default=list, blank=True)
    triggered_by = models.CharField(_("触发方式"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("审计链校验")
        verbose_name_plural = _("审计链校验")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {'ok' if self.ok else self.problem_code}"
