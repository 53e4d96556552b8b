import pytest
from django.urls import reverse

from sanxiang.notifications import services
from sanxiang.notifications.models import Notification


def login(client, user):
    client.force_login(user)
    return client


def make(user, title="公示待审批", url="/staff/"):
    (n,) = services.notify(
        recipients=[user], title=title, body="请审批", url=url, category="publicity.approval"
    )
    return n


def test_it_shows_the_users_inbox_with_unread_badge(client, officer, sibling_bureau_officer):
    make(officer, "我的消息")
    make(sibling_bureau_officer, "别人的消息")

    response = login(client, officer).get(reverse("notifications:inbox"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "我的消息" in html
    assert "别人的消息" not in html
    assert "1 条未读" in html
    assert "<script>" not in html


def test_it_redirects_anonymous_visitors_to_login(client, officer):
    n = make(officer)

    for response in [
        client.get(reverse("notifications:inbox")),
        client.post(reverse("notifications:mark_read", args=[n.pk])),
        client.post(reverse("notifications:mark_all_read")),
    ]:
        assert response.status_code == 302
        assert response.url.startswith(reverse("core:login"))
    assert Notification.objects.get(pk=n.pk).read_at is None


def test_it_marks_one_read_and_returns_a_fragment_to_htmx(client, officer):
    n = make(officer)

    response = login(client, officer).post(
        reverse("notifications:mark_read", args=[n.pk]), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li id="notification-{n.pk}"')
    assert "已读" in html
    assert Notification.objects.get(pk=n.pk).read_at is not None


def test_it_marks_one_read_without_javascript(client, officer):
    n = make(officer)

    response = login(client, officer).post(reverse("notifications:mark_read", args=[n.pk]))

    assert response.status_code == 302
    assert response.url == reverse("notifications:inbox")
    assert Notification.objects.get(pk=n.pk).read_at is not None


def test_it_refuses_get_for_state_changes(client, officer):
    n = make(officer)

    assert login(client, officer).get(reverse("notifications:mark_read", args=[n.pk])).status_code == 405
    assert Notification.objects.get(pk=n.pk).read_at is None


@pytest.mark.parametrize("url_name", ["notifications:mark_read", "notifications:open"])
def test_it_returns_404_for_another_users_notification(client, officer, sibling_bureau_officer, url_name):
    n = make(officer)

    response = login(client, sibling_bureau_officer).post(reverse(url_name, args=[n.pk]))

    assert response.status_code == 404
    assert Notification.objects.get(pk=n.pk).read_at is None


def test_it_opens_a_notification_by_following_its_link(client, officer):
    n = make(officer, url="/staff/publicity/7/")

    response = login(client, officer).post(reverse("notifications:open", args=[n.pk]))

    assert response.status_code == 302
    assert response.url == "/staff/publicity/7/"
    assert Notification.objects.get(pk=n.pk).read_at is not None


def test_it_does_not_follow_a_link_off_the_site(client, officer):
    n = make(officer, url="https://evil.example/phish")

    response = login(client, officer).post(reverse("notifications:open", args=[n.pk]))

    assert response.status_code == 302
    assert response.url == reverse("notifications:inbox")


def test_it_marks_all_read_for_the_user_only(client, officer, sibling_bureau_officer):
    make(officer)
    make(officer)
    other = make(sibling_bureau_officer)

    response = login(client, officer).post(reverse("notifications:mark_all_read"))

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=officer, read_at__isnull=True).exists()
    assert Notification.objects.get(pk=other.pk).read_at is None


def test_it_shows_the_inbox_on_the_staff_home_page(client, officer):
    make(officer, "首页可见的消息")

    html = login(client, officer).get(reverse("core:home")).content.decode()

    assert "首页可见的消息" in html


def test_the_home_page_shows_the_latest_messages_and_the_shell_the_unread_badge(client, officer):
    # The inbox reaches the organisation's home page through the notifications context processor
    # (the organisation no longer imports notifications).
    make(officer, "首页可见的消息")

    html = login(client, officer).get(reverse("core:home")).content.decode()

    assert "首页可见的消息" in html
    assert '<span class="badge bad">1</span>' in html


def test_the_portal_gets_no_staff_inbox(client, officer):
    make(officer, "不在门户显示")

    response = login(client, officer).get("/")

    assert "shell_inbox" not in response.context
    assert "不在门户显示" not in response.content.decode()
