"""A crawl of every public page and API response over realistic entries whose raw records carried
ID numbers, mobile phones and bank cards: nothing of them appears in clear."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from stdnum import luhn
from stdnum.cn import ric

from sanxiang.lib.masking import default_policy, mask_text
from sanxiang.portal.models import LogLeaf, PublicEntry

from .conftest import publish

pytestmark = pytest.mark.django_db

ID_LIKE = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
CARD = re.compile(r"(?<!\d)\d{16,19}(?!\d)")


def _id(n: int) -> str:
    body = f"610302{1980 + n}0{1 + n % 9}1{n % 10}{100 + n:03d}"
    return body + ric.calc_check_digit(body)


def _card(n: int) -> str:
    body = f"62220202001122{n:04d}"
    return body + luhn.calc_check_digit(body)


RAW = [
    "当事人{name}，男，身份证号码{id}，住宝鸡市金台区某小区3号楼，联系电话{phone}。经查，当事人2025年取得劳务报酬未申报个人所得税，"
    "税款已从其{bank}账户扣缴（卡号{card}）。根据《中华人民共和国税收征收管理法》第六十三条，处少缴税款百分之五十的罚款。",
    "{name}（公民身份号码{id}）经营的宝鸡市{name}便利店未按期申报，手机{phone}，开户银行{bank}，账号{card}。处罚款200元。",
]
NAMES = ["王建国", "李秀英", "张伟", "刘洋"]
BANKS = ["中国工商银行宝鸡分行", "中国建设银行金台支行"]


@pytest.fixture
def realistic(org):
    raw_values: list[str] = []
    policy = default_policy("penalty_decision", "natural_person")
    for n in range(8):
        name, id_number, phone, card = NAMES[n % 4], _id(n), f"1381234{n:04d}", _card(n)
        raw = RAW[n % 2].format(name=name, id=id_number, phone=phone, bank=BANKS[n % 2], card=card)
        raw_values += [id_number, phone, card]
        masked = mask_text(raw, policy=policy, known_names=[name]).text
        publish(
            org.district_a,
            source_key=f"r{n}",
            title=f"{mask_text(name, policy=policy, known_names=[name]).text}行政处罚决定书",
            party_name=mask_text(name, policy=policy, known_names=[name]).text,
            text=masked,
            fields=[("身份证号码", id_number[:6] + "********" + id_number[-4:]), ("处罚内容", "罚款200元")],
        )
    return raw_values


def _pages(client) -> list[tuple[str, dict]]:
    keys = list(PublicEntry.objects.values_list("source_key", flat=True))
    size = LogLeaf.objects.count()
    pages = [
        (reverse(name), {})
        for name in (
            "portal:home",
            "portal:search",
            "portal:statistics",
            "portal:feed_rss",
            "portal:feed_atom",
            "portal:api_entries",
            "portal:api_statistics",
            "portal:export_csv",
            "portal:export_json",
            "portal:log_about",
            "portal:log_checkpoint",
            "portal:progress",
        )
    ]
    pages += [(reverse("portal:search"), {"q": q}) for q in ("罚款", "便利店", "身份证", "账号")]
    for key in keys:
        pages += [
            (reverse(n, kwargs={"key": key}), {})
            for n in ("portal:entry_detail", "portal:entry_proof", "portal:api_entry")
        ]
    pages += [(reverse("portal:log_entry", kwargs={"index": i}), {}) for i in range(size)]
    return pages


def test_no_public_response_shows_an_id_number_phone_or_bank_card(realistic, client, settings):
    settings.SANXIANG_PORTAL_EXPORT_LIMIT = 1000
    crawled = 0
    for url, params in _pages(client):
        response = client.get(url, params)
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        body = content.decode("utf-8")
        for value in realistic:
            assert value not in body, f"{url} shows {value}"
        for pattern in (ID_LIKE, MOBILE):
            assert not pattern.search(body), f"{url}: {pattern.search(body).group()}"
        for match in CARD.finditer(body):
            assert not luhn.is_valid(match.group()), f"{url}: card {match.group()}"
        crawled += 1
    assert crawled > 40
