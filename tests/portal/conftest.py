"""Fixtures of the portal tests: published entries built through the portal's own services."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from sanxiang.portal import services

_seq = itertools.count(1)


def publish(authority, **overrides: Any):
    """Publish one entry (already masked content) through ``public_entry_publish``."""
    n = next(_seq)
    fields: dict[str, Any] = {
        "actor": None,
        "source_key": f"pub-{n}",
        "version": 1,
        "category_code": "penalty_decision",
        "category_label": "行政处罚决定",
        "stage": "after",
        "authority": authority,
        "title": f"宝鸡市某商贸有限公司行政处罚决定书{n}",
        "party_name": "宝鸡市某商贸有限公司",
        "document_number": f"宝税罚〔2026〕{n}号",
        "decided_on": datetime.date(2026, 3, 2),
        "published_at": timezone.now() - datetime.timedelta(days=1),
        "display_until": timezone.localdate() + datetime.timedelta(days=365),
        "fields": [("处罚内容", "罚款500元"), ("法律依据", "《中华人民共和国税收征收管理法》第六十二条")],
        "text": "当事人未按照规定期限办理纳税申报，根据税收征收管理法第六十二条，处以罚款。",
    }
    fields.update(overrides)
    return services.public_entry_publish(**fields)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()
