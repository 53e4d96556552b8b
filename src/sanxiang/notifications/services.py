"""The one notification mechanism: later modules call ``notify`` (or ``notify_users_with_role``).

A notification lands in the recipient's in-app inbox (shown on every staff home page) and, when
``settings.USE_EMAIL_NOTIFICATIONS`` is on and the recipient has an e-mail address, is also sent
by e-mail from the worker once the calling transaction commits.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import lineage_paths
from sanxiang.kernel.exceptions import ScopeViolation
from sanxiang.kernel.tasks import enqueue_on_commit
from sanxiang.org.models import Authority, User

from .models import Notification

__all__ = [
    "notification_digest_send",
    "notification_email_send",
    "notification_mark_all_read",
    "notification_mark_read",
    "notify",
    "notify_users_with_role",
]


def _email_wanted(user: User) -> bool:
    return bool(settings.USE_EMAIL_NOTIFICATIONS and user.email)


@transaction.atomic
def notify(
    *,
    recipients: Iterable[User],
    title: str,
    body: str = "",
    url: str = "",
    category: str,
    dedupe_key: str | None = None,
    actor: User | None = None,
) -> list[Notification]:
    """Put a message in each recipient's inbox; return the notifications created.

    ``category`` is a dotted code such as ``"publicity.overdue"``; ``url`` a site path
    (a staff page, from ``reverse()``) the message links to. With ``dedupe_key`` a recipient who already has a
    notification with that key gets no new one (and is left out of the result), so a periodic
    reminder can call this every run. Inactive users and repeated recipients are skipped. ``actor``
    is the user whose action caused the message (None for a scheduled job), for the audit trail.
    """
    unique: dict[int, User] = {}
    for user in recipients:
        if user.is_active and user.pk not in unique:
            unique[user.pk] = user
    if not unique:
        return []
    now = timezone.now()

    def build(user: User) -> Notification:
        return Notification(
            recipient=user,
            title=title,
            body=body,
            url=url,
            category=category,
            dedupe_key=dedupe_key,
            created_at=now,
        )

    created: list[Notification] = []
    if dedupe_key is None:
        created = Notification.objects.bulk_create([build(user) for user in unique.values()])
    else:
        already = set(
            Notification.objects.filter(recipient_id__in=unique, dedupe_key=dedupe_key).values_list(
                "recipient_id", flat=True
            )
        )
        for user in unique.values():
            if user.pk in already:
                continue
            try:
                # A concurrent call with the same key may insert first; its savepoint keeps
                # this transaction usable and the recipient is told once.
                with transaction.atomic():
                    notification = build(user)
                    notification.save()
            except IntegrityError:
                continue
            created.append(notification)

    if created:
        audit_log(
            actor=actor,
            action="notifications.notification.created",
            data={
                "category": category,
                "title": title,
                "dedupe_key": dedupe_key,
                "recipient_ids": [n.recipient_id for n in created],
            },
        )
    # Imported here because tasks.py imports this module (tasks call services).
    from .tasks import send_notification_email_task

    for notification in created:
        if _email_wanted(notification.recipient):
            enqueue_on_commit(send_notification_email_task, notification.pk)
    return created


def notify_users_with_role(
    *,
    authority: Authority,
    roles: Iterable[str],
    include_ancestors: bool = False,
    title: str,
    body: str = "",
    url: str = "",
    category: str,
    dedupe_key: str | None = None,
    actor: User | None = None,
) -> list[Notification]:
    """``notify`` the active staff of ``authority`` holding any of ``roles`` (``RoleCode`` values).

    With ``include_ancestors`` the staff of every superior authority holding those roles are told
    too (e.g. the publicity approvers of the district bureau and of the city bureau above it).
    """
    paths = [authority.path]
    if include_ancestors:
        paths = lineage_paths(authority)
    users = (
        User.objects.filter(is_active=True, authority__path__in=paths, roles__code__in=list(roles))
        .distinct()
        .order_by("pk")
    )
    return notify(
        recipients=users,
        title=title,
        body=body,
        url=url,
        category=category,
        dedupe_key=dedupe_key,
        actor=actor,
    )


@transaction.atomic
def notification_mark_read(*, actor: User, notification: Notification) -> Notification:
    """Mark one of the actor's own notifications read; reading it again changes nothing."""
    if notification.recipient_id != actor.pk:
        # Selectors never hand out another user's notification; this guards other callers.
        raise ScopeViolation(
            model_label=Notification._meta.label, object_ref=f"pk={notification.pk}", action="read"
        )
    now = timezone.now()
    if Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now) == 1:
        audit_log(actor=actor, action="notifications.notification.read", target=notification)
    notification.refresh_from_db(fields=["read_at"])
    return notification


@transaction.atomic
def notification_mark_all_read(*, actor: User) -> int:
    """Mark every unread notification of the actor read; return how many changed."""
    count = Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        audit_log(actor=actor, action="notifications.notification.all_read", data={"count": count})
    return count


def _subject(title: str) -> str:
    return _("【三项制度平台】%(title)s") % {"title": title}


def _link(url: str) -> str:
    base = settings.SANXIANG_BASE_URL.rstrip("/")
    return f"{base}{url}" if url else ""


def notification_email_send(*, notification_id: int) -> bool:
    """E-mail one notification to its recipient, at most once; return whether it was sent.

    The conditional update claims the notification (it must return 1), so a retried or duplicated
    task never sends twice. If sending fails the claim is released and the error re-raised, so
    the task is recorded as failed and the notification can be sent by a later attempt.
    """
    if not settings.USE_EMAIL_NOTIFICATIONS:
        return False
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or not notification.recipient.email:
        return False
    now = timezone.now()
    if Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(emailed_at=now) != 1:
        return False
    lines = [notification.body, _link(notification.url)]
    try:
        send_mail(
            _subject(notification.title),
            "\n\n".join(line for line in lines if line),
            None,
            [notification.recipient.email],
        )
    except Exception:
        Notification.objects.filter(pk=notification_id, emailed_at=now).update(emailed_at=None)
        raise
    return True


def notification_digest_send(*, now: datetime.datetime, unread_for: datetime.timedelta | None = None) -> int:
    """E-mail each staff member one list of their messages still unread after ``unread_for``.

    Each notification appears in at most one digest: a conditional update of ``digested_at``
    claims the user's pending notifications before the mail is built. Returns the number of
    e-mails sent. Does nothing unless e-mail notifications are on.
    """
    if not settings.USE_EMAIL_NOTIFICATIONS:
        return 0
    cutoff = now - (unread_for if unread_for is not None else datetime.timedelta(days=1))
    pending = Notification.objects.filter(
        read_at__isnull=True,
        digested_at__isnull=True,
        created_at__lte=cutoff,
        recipient__is_active=True,
    ).exclude(recipient__email="")
    sent = 0
    for user_id in pending.values_list("recipient_id", flat=True).distinct().order_by("recipient_id"):
        claimed = pending.filter(recipient_id=user_id).update(digested_at=now)
        if not claimed:
            continue
        items = list(
            Notification.objects.filter(recipient_id=user_id, digested_at=now)
            .select_related("recipient")
            .order_by("created_at")
        )
        if not items:
            continue
        recipient = items[0].recipient
        lines = [_("您有 %(count)d 条未读消息：") % {"count": len(items)}, ""]
        for item in items:
            link = _link(item.url)
            lines.append(
                f"· {timezone.localtime(item.created_at):%Y-%m-%d %H:%M} {item.title} {link}".rstrip()
            )
        send_mail(_subject(_("未读消息提醒")), "\n".join(lines), None, [recipient.email])
        sent += 1
    return sent
