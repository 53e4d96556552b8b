"""The portal's statistics: computed by the periodic job into the cache every worker shares; a
restart (an empty per-process cache) or midnight never makes a visitor wait for the count."""

from __future__ import annotations

import datetime

from django.core.cache import caches
from django.utils import timezone

from sanxiang.kernel.schedule import periodic_entries
from sanxiang.portal import selectors as sel
from sanxiang.portal.tasks import statistics_refresh_task


def test_the_job_fills_the_shared_cache_and_requests_only_read_it(db, monkeypatch):
    assert "portal.statistics" in {p.name for p in periodic_entries()}
    total = statistics_refresh_task.call()
    assert caches["shared"].get(sel.STATS_KEY)[1]["total"] == total

    def no_count(now):  # a request must not count
        raise AssertionError("a request computed the statistics")

    monkeypatch.setattr(sel, "_statistics_compute", no_count)
    spawned: list = []
    monkeypatch.setattr(sel, "_spawn", spawned.append)
    now = timezone.now()
    assert sel.entry_statistics(now=now)["total"] == total
    # The next day, right after midnight: the figures are served at once, refreshed in the background.
    tomorrow = now + datetime.timedelta(days=1)
    assert sel.entry_statistics(now=tomorrow)["total"] == total
    assert len(spawned) == 1
    sel._stats_refreshing.release()
