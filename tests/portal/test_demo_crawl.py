"""The public side of a (reduced) demo leaks no personal data: the crawl of ``bench/crawl_public_demo.py``
over every public page and API response finds no ID number, mobile phone or bank card in clear and no
natural person's full name beyond what a category's policy publishes (issue 3, Done when)."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from stdnum import luhn
from stdnum.cn import ric

from sanxiang.portal.models import PublicEntry
from sanxiang.publicity.models import Entry, EntryStatus

_PATH = Path(__file__).resolve().parents[2] / "bench" / "crawl_public_demo.py"
_spec = importlib.util.spec_from_file_location("crawl_public_demo", _PATH)
crawler = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("crawl_public_demo", crawler)
_spec.loader.exec_module(crawler)

ENTRIES_PER_DISTRICT = 120  # the full demo has 1,100: same mix of categories and subjects, a tenth of it


@pytest.fixture
def demo(db, monkeypatch):
    """Organisation, enforcement records and publicity entries of the demo, through its own steps."""
    from sanxiang.enforcement import demo as enforcement_demo
    from sanxiang.publicity import demo as publicity_demo

    monkeypatch.setattr(publicity_demo, "PER_DISTRICT", ENTRIES_PER_DISTRICT)
    monkeypatch.setattr(enforcement_demo, "PER_DISTRICT", 30)
    call_command("load_demo", only=["enforcement", "publicity"], stdout=io.StringIO())
    return crawler.gather_corpus()


def test_it_finds_no_personal_data_on_any_public_page_of_the_demo(demo, client):
    corpus = demo
    # The demo really carries what must not leak, and some of it is public.
    assert len(corpus.visible_keys) > 150
    assert len(corpus.ids) > 100 and len(corpus.phones) > 100 and len(corpus.cards) > 50
    assert len(corpus.hidden_names) > 30
    assert any(corpus.allowed_names.values())

    result = crawler.crawl(client, corpus)

    detail_pages = result.by_path["/entries/…"]
    assert detail_pages == len(corpus.visible_keys)
    assert result.by_path["/entries/…/proof.json"] == len(corpus.visible_keys)
    assert result.by_path["/public-api/v1/entries/…"] == len(corpus.visible_keys)
    for path in ("/search/export.csv", "/search/export.json", "/feeds/latest.atom", "/log/entries/…"):
        assert result.by_path[path] > 0, path
    assert result.hidden_searches > 0
    assert result.statuses[200] > 3 * len(corpus.visible_keys)
    shown = "\n".join(str(f) for f in result.findings[:30])
    assert result.findings == [], f"{len(result.findings)} findings {result.counts()}:\n{shown}"


def test_it_shows_nothing_of_an_entry_that_is_not_public_and_never_leaves_the_public_site(demo, client):
    hidden = Entry.objects.exclude(status__in=[EntryStatus.PUBLISHED, EntryStatus.CORRECTING])
    assert hidden.filter(status=EntryStatus.WITHDRAWN).exists() or hidden.exists()
    for entry in hidden[:20]:
        assert not PublicEntry.objects.visible(crawler_now()).filter(source_key=entry.source_key).exists()
        assert client.get(f"/entries/{entry.source_key}/").status_code == 404
        assert client.get(f"/public-api/v1/entries/{entry.source_key}/").status_code == 404
    # The staff side is not public: an anonymous visitor is sent to the login page.
    response = client.get("/staff/publicity/")
    assert response.status_code == 302
    assert "/staff/" in response["Location"] and "login" in response["Location"]


def crawler_now():
    from django.utils import timezone

    return timezone.now()


def test_it_flags_each_kind_of_planted_leak():
    """The checker is not vacuous: every kind of clear datum is reported, allowed names are not."""
    id_number = "61030219800307123" + ric.calc_check_digit("610302198003071230")  # 610302198003071234
    card = "622202020011223344" + luhn.calc_check_digit("622202020011223344")
    corpus = crawler.Corpus(
        names={"王秀英", "李建华", "张伟"},
        hidden_names={"李建华"},
        org_names={"金台区张伟便利店"},
        allowed_names={"k1": {"王秀英"}},
        partial_ids={"610302********1234": {"k1"}},
        ids={id_number},
        phones={"13812345678"},
        cards={card},
    )
    text = (
        f"当事人王秀英，财务负责人李建华（身份证号{id_number}），手机13812345678，"
        f"卡号{card}，经营金台区张伟便利店，身份证号码610302********1234。"
    )
    kinds = {f.kind for f in crawler.check_text("/x", text, corpus, {"k1"})}
    assert {"id_number", "mobile_phone", "bank_card", "raw_id_number", "raw_phone", "raw_card"} <= kinds
    assert {"lib_id_number", "lib_phone", "person_name"} <= kinds
    names = {f.value for f in crawler.check_text("/x", text, corpus, {"k1"}) if f.kind == "person_name"}
    assert names == {"李建华"}  # 王秀英 is shown by k1's policy; 张伟 only inside a shop name
    # Without the entry on the page its party's name and partly shown ID number are findings too.
    elsewhere = crawler.check_text("/y", text, corpus, set())
    assert {f.value for f in elsewhere if f.kind == "person_name"} == {"王秀英", "李建华"}
    assert "partial_id_beyond_policy" in {f.kind for f in elsewhere}
    clean = "当事人王秀英，身份证号码610302********1234，罚款500元，咨询电话12366。"
    assert crawler.check_text("/z", clean, corpus, {"k1"}) == []
