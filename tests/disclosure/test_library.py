"""Policy-library search on the portal's bigram index: two characters, filters, export."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sanxiang.disclosure import selectors
from sanxiang.disclosure.selectors import LibraryParams

from .conftest import publish_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(people):
    vat = publish_policy(people, published_on=datetime.date(2019, 3, 21))
    iit = publish_policy(
        people,
        title="关于个人所得税综合所得汇算清缴事项的公告",
        number="国家税务总局公告2019年第44号",
        text="第一条 居民个人取得综合所得需要办理汇算清缴。\n第二条 汇算清缴期限为次年3月1日至6月30日。",
        published_on=datetime.date(2019, 12, 7),
        tax_types=("iit",),
        subject_terms="个人所得税 汇算",
        issuer="国家税务总局",
    )
    stamp = publish_policy(
        people,
        title="关于实施小微企业普惠性税收减免政策的通知",
        number="财税〔2019〕13号",
        text="第一条 对月销售额10万元以下的增值税小规模纳税人，免征增值税。",
        published_on=datetime.date(2020, 1, 17),
        tax_types=("vat", "stamp"),
        subject_terms="小微企业 减免",
        issuer="财政部 税务总局",
    )
    return vat, iit, stamp


def _search(**kwargs):
    return selectors.policy_library_search(params=LibraryParams(**kwargs), now=timezone.now())


def test_two_characters_find_documents_by_their_text(library):
    vat, iit, stamp = library
    assert set(_search(q="汇算")) == {iit}
    assert set(_search(q="留抵")) == {vat}
    assert set(_search(q="小微")) == {stamp}
    assert set(_search(q="增值")) == {vat, stamp}


def test_interpretations_are_searched_with_their_document(library):
    vat, _iit, _stamp = library
    assert vat in set(_search(q="哪些纳税人"))


def test_filters_by_issuer_tax_type_validity_and_year(library):
    vat, iit, stamp = library
    assert set(_search(issuer="国家税务总局")) == {iit}
    assert set(_search(tax_type="stamp")) == {stamp}
    assert set(_search(tax_type="vat")) == {vat, stamp}
    assert set(_search(year=2019)) == {vat, iit}
    assert set(_search(validity="in_force", q="增值", year=2020)) == {stamp}
    assert set(_search(validity="full_repealed")) == set()


def test_nothing_searchable_gives_none(library):
    assert _search(q="，。") is None
