import datetime

import pytest
from django.core import mail
from django.utils import timezone

from sanxiang.kernel.exceptions import ScopeViolation
from sanxiang.notifications import services
from sanxiang.notifications.models import Notification
from sanxiang.notifications.tasks import send_notification_email_task
from tests import factories


def notify_one(user, **kwargs):
    defaults = {"recipients": [user], "title": "公示即将超期", "category": "publicity.overdue"}
    return services.notify(**(defaults | kwargs))


def test_it_creates_one_notification_per_distinct_active_recipient(officer, sibling_bureau_officer, org):
    inactive = factories.user(org.district_a, roles=["enforcement_officer"])
    inactive.is_active = False
    inactive.save()

    created = services.notify(
        recipients=[officer, sibling_bureau_officer, officer, inactive],
        title="新任务",
        body="请及时处理",
        url="/staff/",
        category="supervision.assigned",
    )

    assert sorted(n.recipient_id for n in created) == sorted([officer.pk, sibling_bureau_officer.pk])
    assert all(n.pk for n in created)
    stored = Notification.objects.get(recipient=officer)
    assert (stored.title, stored.body, stored.url, stored.category) == (
        "新任务",
        "请及时处理",
        "/staff/",
        "supervision.assigned",
    )
    assert stored.read_at is None
    assert not Notification.objects.filter(recipient=inactive).exists()


def test_it_does_not_repeat_a_notification_with_the_same_dedupe_key(officer, sibling_bureau_officer):
    first = notify_one(officer, dedupe_key="publication:7:overdue")
    again = notify_one(officer, dedupe_key="publication:7:overdue")
    both = services.notify(
        recipients=[officer, sibling_bureau_officer],
        title="公示即将超期",
        category="publicity.overdue",
        dedupe_key="publication:7:overdue",
    )

    assert len(first) == 1
    assert again == []
    assert [n.recipient_id for n in both] == [sibling_bureau_officer.pk]
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_it_repeats_notifications_without_a_dedupe_key(officer):
    notify_one(officer)
    notify_one(officer)

    assert Notification.objects.filter(recipient=officer).count() == 2


def test_it_notifies_users_with_a_role_in_the_authority(org):
    approver = factories.user(org.district_a, roles=["publicity_approver"])
    factories.user(org.district_a, roles=["enforcement_officer"])
    factories.user(org.district_b, roles=["publicity_approver"])
    city_approver = factories.user(org.city, roles=["publicity_approver", "leader"])

    local = services.notify_users_with_role(
        authority=org.district_a, roles=["publicity_approver"], title="待审批", category="publicity.approval"
    )
    upwards = services.notify_users_with_role(
        authority=org.district_a,
        roles=["publicity_approver", "leader"],
        include_ancestors=True,
        title="待审批",
        category="publicity.approval",
    )

    assert [n.recipient_id for n in local] == [approver.pk]
    assert sorted(n.recipient_id for n in upwards) == sorted([approver.pk, city_approver.pk])


def test_it_marks_one_notification_read_once(officer):
    (notification,) = notify_one(officer)

    services.notification_mark_read(actor=officer, notification=notification)
    first_read = Notification.objects.get(pk=notification.pk).read_at
    services.notification_mark_read(actor=officer, notification=notification)

    assert first_read is not None
    assert Notification.objects.get(pk=notification.pk).read_at == first_read


def test_it_refuses_to_mark_another_users_notification(officer, sibling_bureau_officer):
    (notification,) = notify_one(officer)

    with pytest.raises(ScopeViolation):
        services.notification_mark_read(actor=sibling_bureau_officer, notification=notification)
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_it_marks_all_of_the_actors_notifications_read(officer, sibling_bureau_officer):
    notify_one(officer)
    notify_one(officer)
    notify_one(sibling_bureau_officer)

    assert services.notification_mark_all_read(actor=officer) == 2
    assert services.notification_mark_all_read(actor=officer) == 0
    assert not Notification.objects.filter(recipient=officer, read_at__isnull=True).exists()
    assert Notification.objects.get(recipient=sibling_bureau_officer).read_at is None


@pytest.fixture
def email_on(settings):
    settings.USE_EMAIL_NOTIFICATIONS = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SANXIANG_BASE_URL = "https://sanxiang.example"


def run_ready_tasks():
    from django.core.management import call_command

    call_command("worker", "--once", "--no-schedule", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_it_emails_a_notification_after_commit_when_enabled(email_on, org):
    user = factories.user(org.district_a, roles=["enforcement_officer"])
    user.email = "li@example.cn"
    user.save()

    (notification,) = notify_one(user, body="第7号公示将于明日超期", url="/staff/publicity/7/")
    assert mail.outbox == []  # sent by the worker, not inside the request
    run_ready_tasks()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["li@example.cn"]
    assert message.subject == "【三项制度平台】公示即将超期"
    assert "第7号公示将于明日超期" in message.body
    assert "https://sanxiang.example/staff/publicity/7/" in message.body
    assert Notification.objects.get(pk=notification.pk).emailed_at is not None


@pytest.mark.django_db(transaction=True)
def test_it_sends_no_email_when_disabled_or_without_address(settings, org):
    settings.USE_EMAIL_NOTIFICATIONS = False
    with_address = factories.user(org.district_a)
    with_address.email = "wang@example.cn"
    with_address.save()
    notify_one(with_address)

    settings.USE_EMAIL_NOTIFICATIONS = True
    without_address = factories.user(org.district_a)
    notify_one(without_address)
    run_ready_tasks()

    assert mail.outbox == []
    assert not Notification.objects.filter(emailed_at__isnull=False).exists()


@pytest.mark.django_db(transaction=True)
def test_it_enqueues_no_email_when_the_transaction_rolls_back(email_on, org):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    user = factories.user(org.district_a)
    user.email = "zhao@example.cn"
    user.save()

    with pytest.raises(RuntimeError), transaction.atomic():
        notify_one(user)
        raise RuntimeError("the calling service failed")

    assert not DBTaskResult.objects.exists()
    assert not Notification.objects.exists()


def test_it_sends_the_email_at_most_once(email_on, officer):
    officer.email = "chen@example.cn"
    officer.save()
    (notification,) = notify_one(officer)

    assert services.notification_email_send(notification_id=notification.pk) is True
    assert services.notification_email_send(notification_id=notification.pk) is False
    assert send_notification_email_task.call(notification.pk) is False
    assert len(mail.outbox) == 1


def test_it_releases_the_email_claim_when_sending_fails(email_on, officer, monkeypatch):
    officer.email = "chen@example.cn"
    officer.save()
    (notification,) = notify_one(officer)

    def broken(*args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr(services, "send_mail", broken)
    with pytest.raises(OSError):
        services.notification_email_send(notification_id=notification.pk)
    assert Notification.objects.get(pk=notification.pk).emailed_at is None

    monkeypatch.undo()
    assert services.notification_email_send(notification_id=notification.pk) is True
    assert len(mail.outbox) == 1


def test_it_digests_each_unread_notification_once(email_on, officer, sibling_bureau_officer):
    officer.email = "chen@example.cn"
    officer.save()
    now = timezone.now()
    old, read = notify_one(officer, title="旧消息", url="/staff/x/"), notify_one(officer, title="已读消息")
    fresh = notify_one(officer, title="新消息")
    notify_one(sibling_bureau_officer, title="无邮箱")  # no e-mail address: no digest
    Notification.objects.filter(pk__in=[old[0].pk, read[0].pk]).update(
        created_at=now - datetime.timedelta(days=2)
    )
    services.notification_mark_read(actor=officer, notification=read[0])

    assert services.notification_digest_send(now=now) == 1
    assert services.notification_digest_send(now=now + datetime.timedelta(minutes=1)) == 0

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "您有 1 条未读消息" in body
    assert "旧消息" in body and "https://sanxiang.example/staff/x/" in body
    assert "已读消息" not in body and "新消息" not in body
    assert Notification.objects.get(pk=fresh[0].pk).digested_at is None


def test_it_sends_no_digest_when_email_is_disabled(settings, officer):
    settings.USE_EMAIL_NOTIFICATIONS = False
    officer.email = "chen@example.cn"
    officer.save()
    notify_one(officer)

    assert services.notification_digest_send(now=timezone.now() + datetime.timedelta(days=2)) == 0
    assert mail.outbox == []


def test_it_audits_creation_and_reading_but_not_deduplicated_repeats(officer, parent_bureau_officer):
    from sanxiang.audit.models import AuditEvent

    (notification,) = notify_one(officer, dedupe_key="k1", actor=parent_bureau_officer)
    notify_one(officer, dedupe_key="k1", actor=parent_bureau_officer)
    services.notification_mark_read(actor=officer, notification=notification)
    services.notification_mark_read(actor=officer, notification=notification)

    created = AuditEvent.objects.get(action="notifications.notification.created")
    assert created.actor_id == parent_bureau_officer.pk
    assert created.data["recipient_ids"] == [officer.pk]
    assert created.data["category"] == "publicity.overdue"
    read = AuditEvent.objects.get(action="notifications.notification.read")
    assert (read.actor_id, read.target_id) == (officer.pk, str(notification.pk))
