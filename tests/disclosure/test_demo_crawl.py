"""The demo's open-government pages leak no commenter's or rater's name or contact: the crawl of
``bench/crawl_public_demo.py`` over the organisation and disclosure demo steps finds nothing."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from sanxiang.disclosure.models import ConsultationComment, OfficialDocument, ServiceRating

_PATH = Path(__file__).resolve().parents[2] / "bench" / "crawl_public_demo.py"
_spec = importlib.util.spec_from_file_location("crawl_public_demo", _PATH)
crawler = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("crawl_public_demo", crawler)
_spec.loader.exec_module(crawler)

pytestmark = pytest.mark.django_db


def test_the_disclosure_demo_shows_no_commenter_contact(client):
    call_command("load_demo", only=["org", "disclosure"], stdout=io.StringIO())
    contacts = [c for c in ConsultationComment.objects.values_list("contact", flat=True) if c]
    contacts += [c for c in ServiceRating.objects.values_list("contact", flat=True) if c]
    assert len(contacts) >= 5
    corpus = crawler.gather_corpus()
    assert set(crawler.RAW_PHONE.findall(" ".join(contacts))) <= corpus.phones
    result = crawler.crawl(client, corpus)
    crawled = set(result.by_path)
    assert any(p.startswith("/open/consultations") for p in crawled), crawled
    assert any(p.startswith("/open/documents") for p in crawled), crawled
    assert any(p.startswith("/open/library/export.csv") for p in crawled), crawled
    shown = "\n".join(str(f) for f in result.findings[:30])
    assert result.findings == [], f"{len(result.findings)} findings {result.counts()}:\n{shown}"
    assert OfficialDocument.objects.filter(status="published").count() >= 10
