"""Pages read figures the background refresh computed; a batch reads shared rows once."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sanxiang.evaluation import selectors, services
from sanxiang.kernel import measures as registry
from sanxiang.kernel.measures import Level, Period, computing, shared

from . import builders as b

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def served(settings, tmp_path):
    """Figures are served for 30 minutes from a cache every worker shares (as in production)."""
    settings.SANXIANG_EVALUATION_CACHE_SECONDS = 1800
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    from django.core.cache import caches

    caches["shared"].clear()
    return settings


def _counting(monkeypatch):
    """Count the measure computations (every registered measure, every level)."""
    calls: list[tuple[str, str]] = []
    wrapped = {}
    for code, measure in registry._measures.items():

        def compute(period, level, _m=measure):
            calls.append((_m.code, str(level)))
            return _m.compute(period, level)

        wrapped[code] = registry.Measure(**{**measure.__dict__, "compute": compute})
    monkeypatch.setattr(registry, "_measures", wrapped)
    return calls


def test_unit_page_reads_the_refreshed_figures_without_computing(
    client, served, org, library, leader, monkeypatch
):
    today = timezone.localdate()
    b.entry(org.district_a, due=today.replace(day=1), published=today.replace(day=1))
    done = services.results_refresh(now=timezone.now())
    assert done == {"computed": 13}  # this month and the twelve before (trend, 环比, 同比): none frozen
    calls = _counting(monkeypatch)
    client.force_login(leader)
    page = client.get(reverse("evaluation:unit", args=[org.city.pk]))
    assert page.status_code == 200
    assert calls == []  # nothing computed in the request
    assert "数据计算于" in page.content.decode()
    # The figure is the refreshed one: the on-time entry counts for the city (rolled up).
    period = Period.month(today.year, today.month, as_of=today)
    pairs = selectors.level_computed(selectors.library_for(period.start), period, Level.AUTHORITY).pairs
    assert pairs["GS-01"][org.city.pk] == (1, 1)


def test_figures_older_than_the_serving_time_are_recomputed(served, org, library, monkeypatch):
    today = timezone.localdate()
    period = Period.month(today.year, today.month, as_of=today)
    library_ = selectors.library_for(period.start)
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    selectors.computed_pairs(library_, period, now=long_ago)
    b.entry(org.district_a, due=today.replace(day=1), published=today.replace(day=1))
    calls = _counting(monkeypatch)
    computed = selectors.level_computed(library_, period, Level.AUTHORITY)
    assert calls  # stale: computed again
    assert computed.at > long_ago
    assert computed.pairs["GS-01"][org.district_a.pk] == (1, 1)


def test_refresh_skips_months_that_are_frozen_or_already_computed(served, org, library):
    now = timezone.now()
    first = services.results_refresh(now=now, months_back=2)
    assert first == {"computed": 3}  # this month and the two before
    again = services.results_refresh(now=now, months_back=2)
    assert again == {"computed": 1}  # only the running month is computed each time


def test_one_batch_computes_both_levels_and_shares_what_a_measure_reads(served, org, library, monkeypatch):
    built = []

    def build():
        built.append(1)
        return 42

    with computing():
        assert shared("k", build) == 42 and shared("k", build) == 42
    assert built == [1]
    assert shared("k", build) == 42 and shared("k", build) == 42  # outside a batch: nothing kept
    assert built == [1, 1, 1]
    calls = _counting(monkeypatch)
    today = timezone.localdate()
    period = Period.month(today.year, today.month, as_of=today)
    selectors.computed_pairs(selectors.library_for(period.start), period, now=timezone.now())
    levels = {level for _code, level in calls}
    assert levels == {"authority", "department"}
