"""Search: two-character queries, filters, the authority subtree, pagination, masked-only index."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sanxiang.lib.masking import mask_text
from sanxiang.portal import search, selectors
from sanxiang.portal.selectors import SearchParams

from .conftest import publish

pytestmark = pytest.mark.django_db


def _keys(**params) -> list[str]:
    queryset = selectors.entry_search(params=SearchParams(**params), now=timezone.now())
    return [] if queryset is None else list(queryset.values_list("source_key", flat=True))


def test_it_finds_a_two_character_word_and_a_longer_phrase(org):
    publish(org.district_a, source_key="a", text="当事人逾期未申报，处以罚款。", fields=[])
    publish(org.district_a, source_key="b", text="准予行政许可。", title="准予许可决定书", fields=[])
    assert _keys(q="罚款") == ["a"]
    assert _keys(q="许可") == ["b"]
    assert _keys(q="逾期未申报") == ["a"]
    assert _keys(q="未申许") == []


def test_it_matches_a_phrase_only_where_its_characters_are_adjacent(org):
    publish(org.district_a, source_key="a", title="税务稽查", party_name="", text="", fields=[])
    assert _keys(q="税务稽查") == ["a"]
    assert _keys(q="务稽") == ["a"]
    assert _keys(q="税稽") == []


def test_it_searches_document_numbers_and_single_characters(org):
    publish(org.district_a, source_key="a", document_number="宝税罚〔2026〕77号")
    assert _keys(q="2026 77") == ["a"]
    assert _keys(q="罚〔2026〕77号") == ["a"]
    assert "a" in _keys(q="宝")


def test_it_filters_by_category_date_and_authority_with_subordinates(org):
    now = timezone.now()
    publish(org.city, source_key="city", text="罚款", category_code="x", category_label="X")
    publish(org.district_a, source_key="a", text="罚款", published_at=now - datetime.timedelta(days=10))
    publish(org.district_b, source_key="b", text="罚款")
    assert _keys(q="罚款", authority=org.city) == ["b", "a", "city"]
    assert _keys(q="罚款", authority=org.district_a) == ["a"]
    assert _keys(q="罚款", category="x") == ["city"]
    today = timezone.localdate()
    assert _keys(date_from=today - datetime.timedelta(days=3)) == ["b", "city"]
    assert _keys(date_to=today - datetime.timedelta(days=5)) == ["a"]


def test_it_indexes_only_the_masked_text_so_a_hidden_name_or_id_finds_nothing(org):
    raw = "当事人王建国，身份证号码610302199003071230，经营地址宝鸡市金台区。"
    masked = mask_text(raw, known_names=["王建国"]).text
    assert "王建国" not in masked
    entry = publish(org.district_a, source_key="a", text=masked, party_name="王**")
    assert _keys(q="王建国") == [] and _keys(q="建国") == []
    assert _keys(q="610302199003071230") == []
    assert _keys(q="经营地址") == ["a"]
    assert "建国" not in search.entry_tokens(entry)


def test_it_shows_nothing_for_a_query_of_punctuation_only(org, client):
    publish(org.district_a)
    assert _keys(q="，。") == []
    response = client.get(reverse("portal:search"), {"q": "，。"})
    assert response.status_code == 200 and response.context["page"].entries == []


def test_it_pages_and_caps_the_count(org, monkeypatch):
    for n in range(7):
        publish(org.district_a, source_key=f"k{n}")
    page = selectors.entry_search_page(params=SearchParams(q="罚款", page=2), now=timezone.now(), per_page=3)
    assert [e.source_key for e in page.entries] == ["k3", "k2", "k1"]
    assert (page.total, page.pages, page.has_next, page.has_previous) == (7, 3, True, True)
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    capped = selectors.entry_search_page(params=SearchParams(q="罚款"), now=timezone.now(), per_page=3)
    assert (capped.total, capped.capped) == (5, True)


def test_the_search_page_renders_results_filters_and_errors(org, client):
    publish(org.district_a, source_key="a", title="宝鸡某商店处罚决定书")
    response = client.get(reverse("portal:search"), {"q": "商店", "authority": org.city.pk})
    assert response.status_code == 200
    assert "宝鸡某商店处罚决定书" in response.content.decode()
    bad = client.get(reverse("portal:search"), {"date_from": "2026-03-10", "date_to": "2026-03-01"})
    assert bad.status_code == 200 and bad.context["page"].entries == []
    assert "起始日期不能晚于截止日期" in bad.content.decode()


def test_the_detail_page_shows_a_visible_entry_and_404s_otherwise(org, client):
    entry = publish(org.district_a, source_key="a", fields=[("处罚内容", "罚款800元")])
    response = client.get(reverse("portal:entry_detail", kwargs={"key": "a"}))
    assert response.status_code == 200
    body = response.content.decode()
    assert entry.title in body and "罚款800元" in body and entry.salt in body
    assert client.get(reverse("portal:entry_detail", kwargs={"key": "missing"})).status_code == 404


def test_the_statistics_count_by_category_and_authority(org, client):
    publish(org.district_a, category_code="x", category_label="类别X")
    publish(org.district_a, category_code="x", category_label="类别X")
    publish(org.district_b, category_code="y", category_label="类别Y")
    stats = selectors.entry_statistics(now=timezone.now())
    assert stats["total"] == 3
    assert [(r["label"], r["count"]) for r in stats["by_category"]] == [("类别X", 2), ("类别Y", 1)]
    assert {r["name"]: r["count"] for r in stats["by_authority"]} == {
        org.district_a.name: 2,
        org.district_b.name: 1,
    }
    page = client.get(reverse("portal:statistics"))
    body = page.content.decode()
    assert page.status_code == 200 and 'id="chart-data"' in body and "<script>" not in body
    assert "portal/statistics.js" in body
    home = client.get(reverse("portal:home"))
    assert home.status_code == 200 and "类别X" in home.content.decode()


def test_exports_stream_csv_and_json_and_are_throttled(org, client, settings):
    settings.SANXIANG_PORTAL_EXPORT_LIMIT = 2
    publish(org.district_a, source_key="a", title="宝鸡某商店处罚决定书")
    csv_response = client.get(reverse("portal:export_csv"), {"q": "商店"})
    assert csv_response.status_code == 200 and csv_response.streaming
    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("编号,") and "宝鸡某商店处罚决定书" in text
    json_response = client.get(reverse("portal:export_json"), {"q": "商店"})
    import json

    rows = json.loads(b"".join(json_response.streaming_content))
    assert [row["key"] for row in rows] == ["a"]
    assert client.get(reverse("portal:export_csv")).status_code == 429


def test_the_public_api_lists_and_shows_entries(org, client):
    entry = publish(org.district_a, source_key="a")
    listing = client.get(reverse("portal:api_entries"), {"q": "罚款"}).json()
    assert listing["count"] == 1 and listing["results"][0]["key"] == "a"
    detail = client.get(reverse("portal:api_entry", kwargs={"key": "a"})).json()
    assert detail["salt"] == entry.salt and detail["leaf_index"] == entry.leaf_index
    assert client.get(reverse("portal:api_entry", kwargs={"key": "zz"})).status_code == 404
    assert client.get(reverse("portal:api_entries"), {"date_from": "x"}).status_code == 400


def test_feeds_list_the_latest_entries(org, client):
    publish(org.district_a, title="最新公示的处罚决定书")
    for name in ("portal:feed_rss", "portal:feed_atom"):
        response = client.get(reverse(name))
        assert response.status_code == 200 and "最新公示的处罚决定书" in response.content.decode()


def test_a_text_search_returns_at_most_the_limit_of_newest_matching_ids(org):
    entries = [
        publish(org.district_a, source_key=f"w{n}", text="罚款" if n % 2 else "许可", fields=[])
        for n in range(6)
    ]
    queryset = selectors._filtered(SearchParams(), timezone.now())
    fined = [e.pk for e in reversed(entries) if e.source_key in {"w1", "w3", "w5"}]
    assert search.matching_ids(queryset, "罚款", limit=2).ids == fined[:2]
    assert search.matching_ids(queryset, "罚款", limit=10).ids == fined
    assert search.matching_ids(queryset, "，。", limit=10) is None


def test_a_search_page_past_the_matches_is_empty_but_keeps_the_count(org):
    for n in range(3):
        publish(org.district_a, source_key=f"p{n}")
    page = selectors.entry_search_page(params=SearchParams(q="罚款", page=3), now=timezone.now(), per_page=2)
    assert (page.entries, page.total, page.pages) == ([], 3, 2)


def test_the_statistics_are_served_stale_while_one_refresh_recomputes_them(org, monkeypatch):
    from types import SimpleNamespace

    from sanxiang.portal import selectors as sel

    publish(org.district_a)
    now = timezone.now()
    assert sel.entry_statistics(now=now)["total"] == 1
    publish(org.district_a)
    assert sel.entry_statistics(now=now)["total"] == 1
    spawned = []
    monkeypatch.setattr(sel, "_spawn", spawned.append)
    later = now + datetime.timedelta(seconds=sel.STATS_TTL)
    assert sel.entry_statistics(now=later)["total"] == 1
    assert sel.entry_statistics(now=later)["total"] == 1
    assert len(spawned) == 1  # one refresh at a time
    monkeypatch.setattr(sel, "connection", SimpleNamespace(close=lambda: None))
    spawned[0]()
    assert sel.entry_statistics(now=later)["total"] == 2
    assert not sel._stats_refreshing.locked()


def test_only_one_server_process_refreshes_stale_statistics(org, monkeypatch):
    """Another worker holds the shared refresh lock: this one serves the stale figures and
    starts no count of its own (before, every worker recomputed over all entries at once)."""
    from sanxiang.portal import selectors as sel

    publish(org.district_a)
    now = timezone.now()
    sel.statistics_refresh(now=now)
    spawned = []
    monkeypatch.setattr(sel, "_spawn", spawned.append)
    sel._stats_cache().set(sel.STATS_LOCK_KEY, 999_999, 60)  # another process's refresh
    later = now + datetime.timedelta(seconds=sel.STATS_TTL)
    assert sel.entry_statistics(now=later)["total"] == 1
    assert spawned == []
    assert not sel._stats_refreshing.locked()
    sel._stats_cache().delete(sel.STATS_LOCK_KEY)  # that refresh ended
    sel.entry_statistics(now=later)
    assert len(spawned) == 1


def test_a_text_search_stops_at_its_budget_once_a_page_is_found_and_says_there_may_be_more(org, monkeypatch):
    entries = [
        publish(org.district_a, source_key=f"b{n}", text="罚款" if n % 2 else "许可", fields=[])
        for n in range(6)
    ]
    fined = [e.pk for e in reversed(entries) if e.source_key in {"b1", "b3", "b5"}]
    monkeypatch.setattr(search, "FIRST_WINDOW", 1)
    monkeypatch.setattr(search, "SCAN_BUDGET", 2)
    queryset = selectors._filtered(SearchParams(), timezone.now())
    early = search.matching_ids(queryset, "罚款", limit=10, enough=1)
    assert (early.ids, early.complete) == (fined[:2], False)
    full = search.matching_ids(queryset, "罚款", limit=10, enough=5)
    assert (full.ids, full.complete) == (fined, True)
    page = selectors.entry_search_page(params=SearchParams(q="罚款"), now=timezone.now(), per_page=1)
    assert (page.total, page.capped, [e.source_key for e in page.entries]) == (2, True, ["b5"])
    licensed = search.matching_ids(queryset, "许可", limit=10, enough=4)
    assert licensed.complete and len(licensed.ids) == 3


def test_a_common_term_under_narrow_filters_stops_at_the_walk_limit_and_says_so(org, monkeypatch, client):
    publish(org.district_a, source_key="old", text="欠税公告", fields=[])
    for n in range(4):
        publish(org.district_a, source_key=f"new{n}", text="许可", fields=[])
    monkeypatch.setattr(search, "FIRST_WINDOW", 1)
    monkeypatch.setattr(search, "SCAN_BUDGET", 1)
    monkeypatch.setattr(search, "WALK_LIMIT", 2)
    monkeypatch.setattr(search, "_index_is_cheap", lambda runs, below, top: False)
    queryset = selectors._filtered(SearchParams(), timezone.now())
    stopped = search.matching_ids(queryset, "欠税", limit=10, enough=1)
    assert (stopped.ids, stopped.complete) == ([], False)
    body = client.get(reverse("portal:search"), {"q": "欠税"}).content.decode()
    assert "在最近的公示中没有找到，更早的公示中可能还有" in body
    dated = SearchParams(q="欠税", date_to=timezone.localdate())
    page = selectors.entry_search_page(params=dated, now=timezone.now())
    assert [e.source_key for e in page.entries] == ["old"] and not page.capped
    assert _keys(q="欠税") == ["old"]  # exports search everything
    monkeypatch.setattr(search, "_index_is_cheap", lambda runs, below, top: True)
    found = search.matching_ids(queryset, "欠税", limit=10, enough=1)
    assert found.complete and len(found.ids) == 1


def test_the_search_page_reads_only_what_it_shows(org, client, settings):
    """Query count does not grow with the results (no query per row), and no list query reads an
    entry's body or field table. A session cookie bypasses the page cache."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_search() -> list[str]:
        selectors.statistics_refresh(now=timezone.now())  # the periodic job's figures, not counted here
        client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"q": "商贸"})
        assert response.status_code == 200
        return [q["sql"] for q in captured.captured_queries if "django_session" not in q["sql"]]

    publish(org.district_a, party_name="宝鸡市甲商贸有限公司")
    few = queries_for_search()
    for n in range(5):
        publish(org.district_b, party_name=f"宝鸡市乙{n}商贸有限公司")
    many = queries_for_search()
    assert len(many) == len(few)
    listing = [sql for sql in many if '"portal_publicentry"."title"' in sql]
    assert listing
    assert all('"portal_publicentry"."text"' not in sql for sql in listing)
    assert all('"portal_publicentry"."fields"' not in sql for sql in listing)
