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

from sanxiang.publicity.models import Entry, EntryStatus

_PATH = Path(__file__).resolve().parents[2] / "bench" / "crawl_public_demo.py"
_spec = importlib.util.spec_from_file_location("crawl_public_demo", _PATH)
crawler = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("crawl_public_demo", crawler)
_spec.loader.exec_module(crawler)

ENTRIES_PER_DISTRICT = 90  # the full demo has 1,100; same mix of categories and subjects


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
    assert len(corpus.visible_keys) > 120
    assert len(corpus.ids) > 100 and len(corpus.phones) > 100 and len(corpus.cards) > 50
    assert len(corpus.hidden_names) > 30
    assert any(corpus.allowed_names.values())

    result = crawler.crawl(client, corpus)

    for path in ("/entries/…", "/entries/…/proof.json", "/public-api/v1/entries/…"):
        assert result.by_path[path] == len(corpus.visible_keys), path
    for path in ("/search/export.csv", "/search/export.json", "/feeds/latest.atom", "/log/entries/…"):
        assert result.by_path[path] > 0, path
    assert result.hidden_searches > 0
    assert result.statuses[200] > 3 * len(corpus.visible_keys)
    shown = "\n".join(str(f) for f in result.findings[:30])
    assert result.findings == [], f"{len(result.findings)} findings {result.counts()}:\n{shown}"

    # Denied: an entry that is not public (draft, submitted) is not found, a withdrawn one is gone
    # (410, its date and reason only), and the staff side, which the crawl leaves alone, sends an
    # anonymous visitor to the login page.
    not_public = Entry.objects.exclude(status__in=[EntryStatus.PUBLISHED, EntryStatus.CORRECTING])
    assert not_public.filter(status=EntryStatus.WITHDRAWN).exists()
    for entry in not_public[:20]:
        assert entry.source_key not in corpus.visible_keys
        page = client.get(f"/entries/{entry.source_key}/")
        assert page.status_code == (410 if entry.status == EntryStatus.WITHDRAWN else 404)
        assert not entry.party_name or entry.party_name not in page.content.decode()
        assert client.get(f"/public-api/v1/entries/{entry.source_key}/").status_code == 404
    response = client.get("/staff/publicity/")
    assert response.status_code == 302
    assert "login" in response["Location"]


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


@pytest.fixture
def word_named_third_party(db):
    """One penalty decision of the demo's kind, through the demo's own path (import, submit,
    approve), whose raw text names a third party 成立: surname 成, given name 立 — also a word."""
    from django.utils import timezone

    from sanxiang.org.models import Authority, User
    from sanxiang.publicity import services
    from sanxiang.publicity.imports import entries_bulk_create
    from sanxiang.publicity.models import Item

    call_command("load_demo", only=["org"], stdout=io.StringIO())
    today = timezone.localdate()
    authority = Authority.objects.get(code="16103030000")
    officer, approver = User.objects.get(username="wb_officer"), User.objects.get(username="wb_approver")
    item = Item.objects.get(code="penalty_decision")
    raw = {
        "party_name": "金台区岳强汽修厂",
        "subject_type": "individual_business",
        "uscc": "91610302MA6X4T2B5G",
        "legal_representative": "岳强",
        "event_date": today.isoformat(),
        "document_number": "宝渭税稽罚〔2026〕9001号",
        "facts": "少缴增值税及附加税费，经查属实。",
        "basis": "《中华人民共和国税收征收管理法》第六十三条",
        "result": "追缴税款并处罚款3000元",
        "penalty_amount": "3000",
        "credit_class": "general",
    }
    clean, errors = services.clean_data(item, raw, today=today)
    assert errors == {}
    clean["_text"] = (
        "经查，当事人金台区岳强汽修厂，法定代表人岳强，收取货款未按规定申报，"
        "财务负责人成立（身份证号110105198201279765）对上述事实予以确认。决定处以罚款3000元。"
    )
    (entry,) = entries_bulk_create(actor=officer, item=item, rows=[(authority, clean)], today=today)
    services.entry_submit(actor=officer, entry=entry)
    services.entry_approve(actor=approver, entry=entry)
    return entry


def test_it_keeps_a_third_party_whose_name_is_also_a_word_off_the_portal(word_named_third_party, client):
    """KNOWN LEAK found by the full demo crawl (bench/crawl_public_demo.py): the entry
    penalty_decision-95d49790c84b4687 shows "财务负责人成立（身份证号110105********9765）" in clear on
    /entries/<key>/, its proof.json, /public-api/v1/entries/<key>/ and its /log/entries/<index> leaf.
    The masking library's name detector (src/sanxiang/lib/masking/detect.py, the stop-word list
    with "成立") drops a real name right after 负责人 and right before （身份证号, so the third party's
    name, which no policy shows, is published. This test fails until the masker is fixed."""
    corpus = crawler.gather_corpus()
    assert "成立" in corpus.hidden_names  # the crawl's own reading of the raw text finds the name
    result = crawler.crawl(client, corpus)
    assert result.by_path["/entries/…"] == 1
    names = sorted({(f.url, f.value) for f in result.findings if f.kind == "person_name"})
    assert names == []
    assert result.findings == []
