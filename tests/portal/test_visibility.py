"""Every public output path goes through the one visibility policy.

The test walks the portal's URLconf: a new public path fails this test until it is listed in
``REQUESTS`` with the requests that could leak a hidden entry through it.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import URLPattern, reverse
from django.utils import timezone

from sanxiang.portal import services, urls
from sanxiang.portal.models import LogLeaf, PublicEntry, SearchDocument

from .conftest import publish

pytestmark = pytest.mark.django_db

VISIBLE = "公开标记甲乙"
HIDDEN = {
    "withdrawn": "撤下标记丙丁",
    "expired": "期满标记戊己",
    "ended": "过期标记庚辛",
    "scheduled": "预约标记壬癸",
}


@pytest.fixture
def entries(org):
    now = timezone.now()
    publish(org.district_a, source_key="visible", title=f"{VISIBLE}处罚决定书", party_name=VISIBLE)
    for key, marker in HIDDEN.items():
        overrides = {
            "source_key": key,
            "title": f"{marker}处罚决定书",
            "party_name": marker,
            "text": f"{marker}。",
        }
        if key == "ended":
            overrides["display_until"] = timezone.localdate() - datetime.timedelta(days=1)
        if key == "scheduled":
            overrides["published_at"] = now + datetime.timedelta(days=2)
        publish(org.district_a, **overrides)
    services.public_entry_withdraw(actor=None, source_key="withdrawn", reason="决定已撤销", withdrawn_at=now)
    services.public_entry_expire(source_key="expired", at=now)


def _requests() -> dict[str, list[tuple[str, dict]]]:
    keys = ["visible", *HIDDEN]
    markers = [VISIBLE, *HIDDEN.values()]
    size = LogLeaf.objects.count()
    per_key = lambda name: [(reverse(name, kwargs={"key": k}), {}) for k in keys]  # noqa: E731
    # Queries are the markers' last four characters, so that the echoed query is not a full marker.
    searches = lambda name: [(reverse(name), {"q": m[2:]}) for m in markers] + [(reverse(name), {})]  # noqa: E731
    return {
        "home": [(reverse("portal:home"), {})],
        "search": searches("portal:search"),
        "export_csv": searches("portal:export_csv"),
        "export_json": searches("portal:export_json"),
        "entry_detail": per_key("portal:entry_detail"),
        "entry_proof": per_key("portal:entry_proof"),
        "statistics": [(reverse("portal:statistics"), {})],
        "feed_rss": [(reverse("portal:feed_rss"), {})],
        "feed_atom": [(reverse("portal:feed_atom"), {})],
        "api_entries": searches("portal:api_entries"),
        "api_entry": per_key("portal:api_entry"),
        "api_statistics": [(reverse("portal:api_statistics"), {})],
        "progress": [(reverse("portal:progress"), {})],
        "robots": [(reverse("portal:robots"), {})],
        "log_about": [(reverse("portal:log_about"), {})],
        "log_checkpoint": [(reverse("portal:log_checkpoint"), {})],
        "log_key": [(reverse("portal:log_key"), {})],
        "log_inclusion": [(reverse("portal:log_inclusion"), {"index": i, "size": size}) for i in range(size)],
        "log_consistency": [(reverse("portal:log_consistency"), {"first": 1, "second": size})],
        "log_entry": [(reverse("portal:log_entry", kwargs={"index": i}), {}) for i in range(size)],
    }


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def test_every_portal_path_is_enumerated_and_none_shows_a_hidden_entry(entries, client, settings):
    settings.SANXIANG_PORTAL_EXPORT_LIMIT = 1000
    names = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)}
    requests = _requests()
    assert names == set(requests), "a portal path is not covered by the visibility test"
    seen_visible: set[str] = set()
    for name, calls in requests.items():
        for url, params in calls:
            response = client.get(url, params)
            assert response.status_code in (200, 400, 404, 410), (url, params, response.status_code)
            body = _body(response)
            for marker in HIDDEN.values():
                assert marker not in body, f"{name} {url} {params} shows a hidden entry"
            if VISIBLE in body:
                seen_visible.add(name)
    # The positive control: the visible entry does come out where it should.
    assert {
        "home",
        "search",
        "export_csv",
        "export_json",
        "entry_detail",
        "api_entries",
        "api_entry",
        "feed_rss",
        "feed_atom",
        "log_entry",
        "entry_proof",
    } <= seen_visible


def test_hidden_entries_are_404_on_every_per_entry_path(entries, client):
    for key in HIDDEN:
        for name in ("portal:entry_detail", "portal:entry_proof", "portal:api_entry"):
            # A withdrawn entry's page is 410 Gone: it says when and why, never what it held.
            expected = 410 if (key, name) == ("withdrawn", "portal:entry_detail") else 404
            assert client.get(reverse(name, kwargs={"key": key})).status_code == expected, (key, name)


def test_the_search_index_holds_only_live_entries(entries):
    live = set(PublicEntry.objects.filter(status__in=["live", "corrected"]).values_list("pk", flat=True))
    indexed = set(SearchDocument.objects.values_list("entry_id", flat=True))
    assert indexed == live
    assert not SearchDocument.objects.filter(tokens__contains="撤下").exists()
    assert not SearchDocument.objects.filter(tokens__contains="期满").exists()


def test_the_statistics_count_only_visible_entries(entries, client):
    stats = client.get(reverse("portal:api_statistics")).json()
    assert stats["total"] == 1
