from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from sanxiang.org.models import User
from sanxiang.review.models import ReviewCase
from sanxiang.review.selectors import review_statistics

pytestmark = pytest.mark.django_db


def test_it_loads_a_year_of_reviews_with_meaningful_statistics():
    out = io.StringIO()
    call_command("load_demo", only=["enforcement", "review"], stdout=out)
    demo = ReviewCase.objects.filter(source_system="demo")
    assert demo.count() == 200
    city_legal = User.objects.get(username="city_legal")
    year = demo.filter(submitted_on__isnull=False).latest("submitted_on").submitted_on.year
    stats = review_statistics(actor=city_legal, year=year)
    assert stats.overall.stats.total > 50
    assert 0.02 < stats.overall.stats.return_rate < 0.10
    assert ReviewCase.objects.filter(unreviewed=True).exists()
    assert demo.filter(deliberations__isnull=False).exists()
    assert demo.filter(needs_review=True).count() > 150
    assert set(demo.values_list("decision_kind", flat=True)) == {
        "penalty",
        "compulsory_measure",
        "licensing_refused",
    }
    shares = {row.authority.name: row for row in stats.staffing}
    assert shares["国家税务总局宝鸡市金台区税务局"].ok is False  # one reviewer for 26 officers
    assert shares["国家税务总局宝鸡市渭滨区税务局"].ok is True
    assert "法制审核：新增 200 件" in out.getvalue()
    call_command("load_demo", only=["enforcement", "review"], stdout=io.StringIO())
    assert ReviewCase.objects.filter(source_system="demo").count() == 200
