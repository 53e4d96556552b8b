import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from sanxiang.kernel.exceptions import ScopeViolation
from sanxiang.notifications import selectors, services
from sanxiang.notifications.models import Notification


def make(user, title, minutes_ago):
    (n,) = services.notify(recipients=[user], title=title, category="test.note")
    Notification.objects.filter(pk=n.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return n


def test_it_lists_only_the_users_own_notifications_unread_first(officer, sibling_bureau_officer):
    old_unread = make(officer, "旧未读", 30)
    new_read = make(officer, "新已读", 1)
    new_unread = make(officer, "新未读", 5)
    make(sibling_bureau_officer, "别人的", 2)
    services.notification_mark_read(actor=officer, notification=new_read)

    assert [n.title for n in selectors.inbox_list(officer)] == ["新未读", "旧未读", "新已读"]
    assert [n.pk for n in selectors.inbox_list(officer)[:2]] == [new_unread.pk, old_unread.pk]
    assert selectors.unread_count(officer) == 2
    assert selectors.unread_count(sibling_bureau_officer) == 1


def test_it_gives_an_anonymous_visitor_nothing(officer):
    make(officer, "消息", 1)

    assert list(selectors.inbox_list(AnonymousUser())) == []
    assert selectors.unread_count(AnonymousUser()) == 0


def test_it_hides_another_users_notification(officer, sibling_bureau_officer):
    mine = make(officer, "消息", 1)

    assert selectors.notification_get(actor=officer, pk=mine.pk) == mine
    with pytest.raises(ScopeViolation):
        selectors.notification_get(actor=sibling_bureau_officer, pk=mine.pk)
    with pytest.raises(Http404):
        selectors.notification_get(actor=officer, pk=mine.pk + 1000)


def test_it_counts_unread_in_one_query(officer, django_assert_num_queries):
    for i in range(5):
        make(officer, f"消息{i}", i)

    with django_assert_num_queries(1):
        assert selectors.unread_count(officer) == 5
    with django_assert_num_queries(1):
        assert len(list(selectors.inbox_list(officer)[:8])) == 5
