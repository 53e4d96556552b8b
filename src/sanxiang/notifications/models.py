"""The in-app inbox. (``PeriodicRun``, the claim table of the periodic schedule, lives in the
kernel since the core split; its table keeps the name ``notifications_periodicrun``.)"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def for_recipient(self, user: object) -> NotificationQuerySet:
        """Only the user's own notifications; nothing for an anonymous user."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(recipient=user)


class Notification(models.Model):
    """One message in one staff member's inbox, optionally also sent by e-mail.

    Created only through ``sanxiang.notifications.services.notify``. ``dedupe_key`` (unique per
    recipient when set) lets a daily reminder job call ``notify`` for the same thing every day
    while the recipient is told once; include the date in the key to remind once a day instead.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("接收人"),
    )
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    url = models.CharField(_("链接"), max_length=500, blank=True, help_text=_("站内路径，如 /staff/…"))
    category = models.CharField(_("类别"), max_length=60, help_text=_("如 publicity.overdue"))
    dedupe_key = models.CharField(_("去重键"), max_length=200, null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("邮件发送时间"), null=True, blank=True)
    digested_at = models.DateTimeField(
        _("摘要提醒时间"), null=True, blank=True, help_text=_("未读提醒摘要邮件中已包含该消息的时间")
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("消息")
        verbose_name_plural = _("消息")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx")]
        constraints = [
            # NULL keys never collide, so notifications without a key are never deduplicated.
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="notification_unique_dedupe_key"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
