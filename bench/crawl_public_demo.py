"""Crawl every public page and API response of the demo and look for personal data in clear.

    .venv/bin/python bench/crawl_public_demo.py              # fresh SQLite demo in a temp dir (~2 min)
    .venv/bin/python bench/crawl_public_demo.py --var-dir D  # reuse (or build once and keep) a demo in D

Standalone: points ``SANXIANG_VAR_DIR`` at a temporary directory (SQLite, whatever ``DATABASE_URL``
says) before ``django.setup()``, migrates, runs ``load_demo`` in full, then crawls the public site as
an anonymous visitor with Django's test ``Client``:

- breadth-first from the home page, the search page, statistics, feeds, the log and progress pages,
  following every same-site link outside /staff/, /admin/, /api/ and /static/ (so every search
  result page, category and authority filter, CSV and JSON export and entry detail page);
- for every visible entry its detail page, its proof bundle and its public API record; every page of
  the public API list, overall and by category; every publication log leaf, inclusion and
  consistency proofs for a sample of indices; the progress lookup (GET and a POST);
- searches (HTML and API) for a sample of the hidden raw values themselves.

Every body is decoded (JSON recursively, nested JSON strings too; HTML and XML unescaped) and checked:

(a) no ID number (18 digits with a valid GB 11643 checksum and birth date, or 15 digits with a real
    region code and a plausible birth date), mobile phone or Luhn-valid bank card in clear — by plain
    regexes validated with python-stdnum, by the masking library's own detectors, and by the exact raw
    values of the demo's records; a search for a raw ID number, phone or card finds nothing;
(b) no natural person's full name from the raw data (natural-person taxpayers and parties, legal
    representatives, names inside raw texts, from the enforcement and publicity models) appears,
    except a name the category's policy table shows for an entry that the page is about (its detail,
    proof, API record or log leaf, or a list naming it); a partly shown ID number only where the
    policy of an entry on the page shows it partly.

Prints a table: pages crawled, bytes, findings by type, time. Figures and findings only; the test
``tests/portal/test_demo_crawl.py`` runs the same crawl over a reduced demo and asserts no finding.
"""

from __future__ import annotations

import argparse
import bisect
import html
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, urlencode, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]

# /captcha/: a fresh challenge image per form; the Excel export is binary (the CSV has the same rows).
EXCLUDED_PREFIXES = (
    "/staff/",
    "/admin/",
    "/api/",
    "/static/",
    "/media/",
    "/captcha/",
    "/open/library/export.xlsx",
)
START_URLS = (
    "/",
    "/open/",
    "/open/library/",
    "/open/consultations/",
    "/search/",
    "/statistics/",
    "/feeds/latest.rss",
    "/feeds/latest.atom",
    "/public-api/v1/entries/",
    "/public-api/v1/statistics/",
    "/log/",
    "/log/checkpoint",
    "/log/key",
    "/progress/",
    "/robots.txt",
    "/information-requests/",
    "/information-requests/apply/",
    "/information-requests/follow/",
    "/random-inspections/",
)
CJK = "\u4e00-\u9fff"

# ------------------------------------------------------------------------------------ second net

ID18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
ID15 = re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z])")
CARD = re.compile(r"(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])")
CARD_GROUPED = re.compile(r"(?<![0-9A-Za-z])\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])")
PARTIAL_ID = re.compile(r"(?<![0-9A-Za-z*])\d{6}\*{8}\d{3}[\dXx](?![0-9A-Za-z*])")
ENTRY_LINK = re.compile(r"/entries/([^/\"'<>\s?#]+)/")
HREF = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"']+)["']|<link>([^<]+)</link>""")
# Names in the demo's raw texts: after the word that introduces a person, before their ID number.
RAW_NAME = re.compile(
    rf"(?:当事人|法定代表人|负责人|经营者|联系人|纳税人)([{CJK}]{{2,3}})(?=[（(，,]\s*(?:身份证|公民身份|法定代表人|经营者))"
    rf"|([{CJK}]{{2,3}})(?=[（(]\s*身份证)"
)
RAW_PHONE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")
RAW_CARD = re.compile(r"(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])")
RAW_ID = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")


def _valid_id18(number: str) -> bool:
    """GB 11643 checksum and a real birth date (stdnum); the region is not required, because
    stdnum's region list lacks some current codes (610302, 渭滨区) and a second net must not miss."""
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError

    if len(number) != 18 or not number[:17].isdigit() or number[17] != ric.calc_check_digit(number):
        return False
    try:
        ric.get_birth_date(number)
    except ValidationError:
        return False
    return True


def _valid_id15(number: str) -> bool:
    from sanxiang.lib.masking.idcodes import id_shaped

    return id_shaped(number)


def _luhn(number: str) -> bool:
    from stdnum import luhn

    return luhn.is_valid(number)


# ---------------------------------------------------------------------------------------- corpus


@dataclass
class Corpus:
    """What the demo's raw records hold, and what the policy table lets each visible entry show."""

    names: set[str] = field(default_factory=set)  # every natural person's full name in the raw data
    org_names: set[str] = field(default_factory=set)  # organisation and shop names (kept everywhere)
    allowed_names: dict[str, set[str]] = field(default_factory=dict)  # entry key → names shown
    partial_ids: dict[str, set[str]] = field(default_factory=dict)  # partly shown ID → entry keys allowed
    ids: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)
    hidden_names: set[str] = field(default_factory=set)  # names no policy shows anywhere (third parties)
    public_phones: list[str] = field(default_factory=list)
    public_codes: set[str] = field(default_factory=set)  # authority codes: 11 digits, look like mobiles
    visible_keys: list[str] = field(default_factory=list)
    leaf_keys: dict[int, str] = field(default_factory=dict)  # log index → key of a visible entry
    categories: list[str] = field(default_factory=list)
    _name_re: re.Pattern | None = None
    _org_re: re.Pattern | None = None

    def name_pattern(self) -> re.Pattern:
        if self._name_re is None:
            self._name_re = (
                re.compile(f"(?=({_trie_regex(self.names)}))") if self.names else re.compile("(?!)")
            )
        return self._name_re

    def org_pattern(self) -> re.Pattern:
        if self._org_re is None:
            self._org_re = re.compile(_trie_regex(self.org_names)) if self.org_names else re.compile("(?!)")
        return self._org_re


def _trie_regex(words: Iterable[str]) -> str:
    """One regex matching any of ``words``, longest first, as a trie (fast on thousands of names)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _is_person_name(value: str) -> bool:
    from sanxiang.lib.masking.surnames import SURNAMES

    return (
        2 <= len(value) <= 4
        and bool(re.fullmatch(f"[{CJK}]+", value))
        and (value[0] in SURNAMES or value[:2] in SURNAMES)
    )


def _names_in_raw_text(text: str, known: dict[str, str]) -> set[str]:
    """Person names in a raw text: the masking library's findings, and the demo templates' pattern."""
    from sanxiang.lib.masking import find_personal_data
    from sanxiang.lib.masking.policy import NAME_FIELDS, FieldType

    names = set()
    known_types = {k: FieldType(v) for k, v in known.items() if k}
    for finding in find_personal_data(text, known_names=known_types):
        if finding.field_type in NAME_FIELDS:
            names.add(text[finding.start : finding.end])
    for match in RAW_NAME.finditer(text):
        names.add(match.group(1) or match.group(2))
    return {n for n in names if _is_person_name(n)}


def _raw_numbers(corpus: Corpus, text: str) -> None:
    for match in RAW_ID.finditer(text):
        number = match.group()
        if (len(number) == 18 and _valid_id18(number.upper())) or (len(number) == 15 and _valid_id15(number)):
            corpus.ids.add(number)
    corpus.phones.update(RAW_PHONE.findall(text))
    corpus.cards.update(c for c in RAW_CARD.findall(text) if _luhn(c) and c not in corpus.ids)


def gather_corpus(now: Any = None) -> Corpus:
    """Read the raw records of the enforcement and publicity apps and the policy table."""
    from django.utils import timezone

    from sanxiang.enforcement.models import Decision, Taxpayer
    from sanxiang.lib.masking import DisplayMode, FieldType, display_mode, partial_text
    from sanxiang.org.models import Authority, Department, ExternalUnit
    from sanxiang.portal.models import LogLeaf, PublicEntry
    from sanxiang.publicity.masking import PolicyTable, party_field_type
    from sanxiang.publicity.models import Entry, EntryVersion

    now = now or timezone.now()
    corpus = Corpus()
    for authority in Authority.objects.all():
        corpus.org_names.update(n for n in (authority.name, authority.short_name) if n)
        if authority.public_phone:
            corpus.public_phones.append(authority.public_phone)
        corpus.public_codes.add(authority.code)
    corpus.org_names.update(Department.objects.values_list("name", flat=True))
    corpus.org_names.update(ExternalUnit.objects.values_list("name", flat=True))

    # Enforcement: taxpayers and the facts of their decisions.
    for payer in Taxpayer.objects.all():
        if payer.kind == "natural_person":
            corpus.names.add(payer.name)
        else:
            corpus.org_names.add(payer.name)
        if payer.legal_representative:
            corpus.names.add(payer.legal_representative)
        for number in (payer.id_number, payer.tin):
            if number:
                _raw_numbers(corpus, number)
        if payer.phone:
            corpus.phones.update(RAW_PHONE.findall(payer.phone))
    for facts in Decision.objects.values_list("facts", flat=True):
        corpus.names.update(_names_in_raw_text(facts, {}))
        _raw_numbers(corpus, facts)
    # Disclosure requests: the applicants' identity and contact never appear on a public page.
    from django.apps import apps

    if apps.is_installed("sanxiang.information_requests"):
        from sanxiang.information_requests.models import InformationRequest
        from sanxiang.information_requests.selectors import REPORT_LABELS

        # The annual report's fixed national wording is no one's name (收费金额 holds 费金).
        corpus.org_names.update(REPORT_LABELS)

        for row in InformationRequest.objects.values(
            "applicant_type",
            "applicant_name",
            "legal_representative",
            "contact_name",
            "id_number",
            "phone",
            "email",
        ):
            person = row["applicant_type"] == "natural_person"
            (corpus.names if person else corpus.org_names).add(row["applicant_name"])
            corpus.names.update(n for n in (row["legal_representative"], row["contact_name"]) if n)
            if row["id_number"]:
                _raw_numbers(corpus, row["id_number"])
            corpus.phones.update(RAW_PHONE.findall(row["phone"] or ""))
            if row["email"]:
                corpus.phones.add(row["email"])  # matched as an exact raw value, like a phone

    # Publicity: every version's raw data and text.
    table = PolicyTable()
    visible = dict(PublicEntry.objects.visible(now).values_list("source_key", "version"))
    corpus.visible_keys = sorted(visible)
    entries = {e.pk: e for e in Entry.objects.select_related("item")}
    for version in EntryVersion.objects.order_by("entry_id", "number").iterator(chunk_size=1000):
        entry = entries[version.entry_id]
        specs = entry.item.fields
        data = version.data or {}
        party = str(data.get("party_name") or entry.party_name or "")
        representative = str(data.get("legal_representative") or version.legal_representative or "")
        party_spec = next((s for s in specs if s["key"] == "party_name"), {})
        party_type = party_field_type(entry.subject_type, party_spec)
        known: dict[str, str] = {}
        if party_type:
            corpus.names.add(party)
            known[party] = party_type
        elif party:
            corpus.org_names.add(party)
        if representative:
            corpus.names.add(representative)
            known[representative] = FieldType.REPRESENTATIVE_NAME.value
        texts = [version.text or ""] + [
            str(v) for k, v in data.items() if isinstance(v, str) and k != "party_name"
        ]
        found: set[str] = set()
        for text in texts:
            found |= _names_in_raw_text(text, known)
            _raw_numbers(corpus, text)
        for number in (version.id_number, str(data.get("id_number") or "")):
            if number:
                _raw_numbers(corpus, number)
        third = found - set(known)
        corpus.names |= third
        corpus.hidden_names |= third
        # What this entry may show, at the version the portal holds.
        if visible.get(entry.source_key) != version.number:
            continue
        row = table.row(
            entry.item.masking_category,
            entry.subject_type,
            minor=entry.is_minor,
            lifted=(version.lifted or {}).keys(),
        )
        allowed = corpus.allowed_names.setdefault(entry.source_key, set())
        for name, kind in known.items():
            if display_mode(row, kind) is DisplayMode.SHOWN:
                allowed.add(name)
        if party and not party_type:
            allowed.add(party)
        if display_mode(row, FieldType.ID_NUMBER) is DisplayMode.PARTIAL:
            numbers = {version.id_number, str(data.get("id_number") or "")}
            for text in texts:
                numbers.update(m.group() for m in RAW_ID.finditer(text))
            for number in numbers - {""}:
                corpus.partial_ids.setdefault(partial_text(number, FieldType.ID_NUMBER), set()).add(
                    entry.source_key
                )
    # Open government: commenters' and raters' names and contacts are never public.
    from sanxiang.disclosure.models import ConsultationComment, ServiceRating

    for name, contact in ConsultationComment.objects.values_list("commenter_name", "contact"):
        if name:
            corpus.names.add(name)
            corpus.hidden_names.add(name)
        corpus.phones.update(RAW_PHONE.findall(contact or ""))
    for contact in ServiceRating.objects.values_list("contact", flat=True):
        corpus.phones.update(RAW_PHONE.findall(contact or ""))
    shown_somewhere = set().union(*corpus.allowed_names.values()) if corpus.allowed_names else set()
    corpus.hidden_names -= shown_somewhere
    corpus.names -= corpus.org_names
    corpus.names = {n for n in corpus.names if _is_person_name(n)}
    key_by_pk = dict(PublicEntry.objects.visible(now).values_list("pk", "source_key"))
    for index, entry_id in LogLeaf.objects.values_list("index", "entry_id"):
        if entry_id in key_by_pk:
            corpus.leaf_keys[index] = key_by_pk[entry_id]
    corpus.categories = sorted(set(PublicEntry.objects.visible(now).values_list("category_code", flat=True)))
    return corpus


# ----------------------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Finding:
    kind: str
    url: str
    value: str
    context: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.url}: {self.value!r} … {self.context}"


def _strings(value: Any) -> Iterator[str]:
    """Every string in decoded JSON, keys included; a string holding JSON is decoded too."""
    if isinstance(value, str):
        yield value
        stripped = value.strip()
        if stripped[:1] in "[{" and stripped[-1:] in "]}":
            try:
                yield from _strings(json.loads(stripped))
            except ValueError:
                pass
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def decode_body(content: bytes, content_type: str) -> tuple[str, Any]:
    """The text to check and, for JSON, the decoded document."""
    text = content.decode("utf-8", errors="replace").lstrip("\ufeff")
    if "json" in content_type:
        try:
            document = json.loads(text)
        except ValueError:
            return text, None
        return "\n".join(_strings(document)), document
    return html.unescape(text), None


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 25) : end + 25].replace("\n", " ")


def _covered(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    while i >= 0 and spans[i][0] <= start:
        if spans[i][1] >= end:
            return True
        i -= 1
    return False


def check_text(url: str, text: str, corpus: Corpus, page_keys: set[str]) -> list[Finding]:
    """Findings of personal data in clear in one response's text; ``page_keys`` are the entries the
    page is about (their policy decides which names and partial ID numbers it may show)."""
    from sanxiang.lib.masking import FieldType, find_personal_data

    findings: list[Finding] = []

    def add(kind: str, start: int, end: int) -> None:
        if text[start:end] in corpus.public_codes:
            return
        findings.append(Finding(kind, url, text[start:end], _context(text, start, end)))

    # (a) numbers, first net: regexes validated with stdnum.
    for match in ID18.finditer(text):
        if _valid_id18(match.group().upper()):
            add("id_number", *match.span())
    for match in ID15.finditer(text):
        if _valid_id15(match.group()):
            add("id_number", *match.span())
    for match in MOBILE.finditer(text):
        add("mobile_phone", *match.span())
    for pattern in (CARD, CARD_GROUPED):
        for match in pattern.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            if 16 <= len(digits) <= 19 and _luhn(digits) and not _valid_id18(digits):
                add("bank_card", *match.span())
    # Second net: the masking library's detectors.
    kinds = {
        FieldType.ID_NUMBER: "lib_id_number",
        FieldType.PHONE: "lib_phone",
        FieldType.BANK_ACCOUNT: "lib_bank",
    }
    for finding in find_personal_data(text, public_phones=corpus.public_phones):
        if finding.field_type in kinds:
            add(kinds[finding.field_type], finding.start, finding.end)
    # Third net: the exact raw values of the demo's records.
    for kind, values in (
        ("raw_id_number", corpus.ids),
        ("raw_phone", corpus.phones),
        ("raw_card", corpus.cards),
    ):
        for value in values:
            start = text.find(value)
            if start >= 0:
                add(kind, start, start + len(value))
    # Partly shown ID numbers only where an entry of the page shows them partly.
    for match in PARTIAL_ID.finditer(text):
        keys = corpus.partial_ids.get(match.group())
        if keys is not None and not keys & page_keys:
            add("partial_id_beyond_policy", *match.span())

    # (b) names: a raw person's name not shown by the policy of an entry the page is about, and not
    # inside an organisation or shop name (张伟便利店 stays) or inside a longer name the page may show.
    allowed = set().union(*(corpus.allowed_names.get(k, ()) for k in page_keys)) if page_keys else set()
    spans = [m.span() for m in corpus.org_pattern().finditer(text)]
    for name in allowed:
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    spans.sort()
    starts = [s for s, _e in spans]
    for match in corpus.name_pattern().finditer(text):
        name = match.group(1)
        start, end = match.start(1), match.end(1)
        if name in allowed or _covered(spans, starts, start, end):
            continue
        add("person_name", start, end)
    return findings


# ------------------------------------------------------------------------------------------ crawl


@dataclass
class CrawlResult:
    pages: int = 0
    bytes: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    by_path: Counter = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    hidden_searches: int = 0

    def counts(self) -> Counter:
        return Counter(f.kind for f in self.findings)


def _path_group(url: str) -> str:
    path = urlsplit(url).path
    for prefix in ("/entries/", "/public-api/v1/entries/", "/log/entries/", "/log/proof/"):
        if path.startswith(prefix) and path != prefix:
            tail = "proof.json" if path.endswith("proof.json") else ""
            return prefix + "…" + (("/" + tail) if tail else "")
    return path


def _links(base: str, text: str, document: Any) -> Iterator[str]:
    for match in HREF.finditer(text):
        yield urljoin(base, html.unescape((match.group(1) or match.group(2)).strip()))
    for value in _json_urls(document):
        yield urljoin(base, value)


def _json_urls(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield item
            else:
                yield from _json_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_urls(item)


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(EXCLUDED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(
    client: Any,
    corpus: Corpus,
    *,
    max_pages: int | None = None,
    log_indices: Iterable[int] | None = None,
    hidden_sample: int = 40,
    out: Any = None,
) -> CrawlResult:
    """Crawl the public site with ``client`` (an anonymous ``django.test.Client``) and check every body."""
    from django.test.utils import override_settings

    from sanxiang.portal.models import LogLeaf

    result = CrawlResult()
    seen: set[str] = set()
    queue: deque[str] = deque()

    def enqueue(url: str | None) -> None:
        if url and url not in seen:
            seen.add(url)
            queue.append(url)

    for url in START_URLS:
        enqueue(url)
    for key in corpus.visible_keys:
        for suffix in ("/entries/{}/", "/entries/{}/proof.json", "/public-api/v1/entries/{}/"):
            enqueue(suffix.format(key))
    for category in ["", *corpus.categories]:
        query = {"category": category} if category else {}
        for path in ("/search/export.csv", "/search/export.json"):
            enqueue(path + ("?" + urlencode(query) if query else ""))
    for q in ("罚款", "有限公司", "便利店", "身份证", "电话", "账号", "法定代表人", "负责人"):
        enqueue("/search/?" + urlencode({"q": q}))
        enqueue("/search/export.csv?" + urlencode({"q": q}))
        enqueue("/search/export.json?" + urlencode({"q": q}))
        enqueue("/public-api/v1/entries/?" + urlencode({"q": q}))
    size = LogLeaf.objects.count()
    indices = range(size) if log_indices is None else [i for i in log_indices if 0 <= i < size]
    for index in indices:
        enqueue(f"/log/entries/{index}")
    for index in sorted({0, size // 3, size // 2, size - 1} - {-1}):
        enqueue(f"/log/proof/inclusion?index={index}&size={size}")
        enqueue(f"/log/proof/consistency?first={index + 1}&second={size}")
    # Searches for the hidden raw values: the index is built from masked text only.
    hidden = (
        sorted(corpus.ids)[:hidden_sample]
        + sorted(corpus.phones)[:hidden_sample]
        + sorted(corpus.cards)[:hidden_sample]
    )
    hidden_urls = set()
    for value in hidden:
        for path in ("/search/", "/public-api/v1/entries/"):
            url = path + "?" + urlencode({"q": value})
            hidden_urls.add(url)
            enqueue(url)
    for name in sorted(corpus.hidden_names)[:hidden_sample]:
        enqueue("/search/?" + urlencode({"q": name}))

    started = time.monotonic()
    with override_settings(SANXIANG_PORTAL_EXPORT_LIMIT=10**9, SANXIANG_PORTAL_LOOKUP_LIMIT=10**9):
        posted = False
        while queue and (max_pages is None or result.pages < max_pages):
            url = queue.popleft()
            response = client.get(url)
            _record(result, corpus, url, response, enqueue, hidden_urls)
            if not posted and urlsplit(url).path == "/progress/":
                posted = True
                response = client.post(url, {"matter_number": "DEMO-0001", "code": "000000"})
                _record(result, corpus, url + " [POST]", response, enqueue, hidden_urls)
            if out and result.pages % 1000 == 0:
                out(f"  … {result.pages} pages, {len(queue)} queued, {len(result.findings)} findings")
    result.seconds = time.monotonic() - started
    return result


def _without_echo(text: str, url: str) -> str:
    """The page without the visitor's own query echoed back (the search box's value, the query in
    the page's export and pagination links): what one typed is not a leak. Results are still
    checked, and a search for a raw value must find nothing (``index_holds_raw_value``)."""
    for key, value in parse_qsl(urlsplit(url.split(" ")[0]).query):
        if not value:
            continue
        text = text.replace(f'value="{value}"', 'value=""')
        for encoded in {quote_plus(value), quote(value), value}:
            text = text.replace(f"{key}={encoded}", f"{key}=")
    return text


def _record(
    result: CrawlResult, corpus: Corpus, url: str, response: Any, enqueue: Any, hidden_urls: set
) -> None:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    result.pages += 1
    result.bytes += len(content)
    result.statuses[response.status_code] += 1
    result.by_path[_path_group(url)] += 1
    if response.status_code >= 500:
        result.findings.append(Finding("server_error", url, str(response.status_code), ""))
    if response.status_code in (301, 302) and response.get("Location"):
        enqueue(_local(urljoin(url, response["Location"])))
    raw_text, document = decode_body(content, response.get("Content-Type", ""))
    text = _without_echo(raw_text, url)
    page_keys = set(ENTRY_LINK.findall(text))
    if isinstance(document, dict):
        for item in [document, *document.get("results", [])]:
            if isinstance(item, dict) and isinstance(item.get("key"), str):
                page_keys.add(item["key"])
    if isinstance(document, list):
        page_keys.update(i["key"] for i in document if isinstance(i, dict) and isinstance(i.get("key"), str))
    match = re.fullmatch(r"/log/entries/(\d+)", urlsplit(url).path)
    if match and int(match.group(1)) in corpus.leaf_keys:
        page_keys.add(corpus.leaf_keys[int(match.group(1))])
    result.findings.extend(check_text(url, text, corpus, page_keys))
    if url in hidden_urls:
        result.hidden_searches += 1
        count = document.get("count", 0) if isinstance(document, dict) else len(page_keys)
        if count:
            result.findings.append(
                Finding("index_holds_raw_value", url, str(count), "results for a raw value")
            )
    if response.status_code == 200:
        for link in _links(url.split(" ")[0], raw_text, document):
            enqueue(_local(link))
        if isinstance(document, dict) and isinstance(document.get("pages"), int) and "/public-api/" in url:
            parts = urlsplit(url)
            base = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
            if "page" not in base:
                for page in range(2, document["pages"] + 1):
                    enqueue(parts.path + "?" + parts.query + ("&" if parts.query else "") + f"page={page}")
        if urlsplit(url).path == "/public-api/v1/statistics/" and isinstance(document, dict):
            for row in document.get("by_category", []):
                enqueue("/public-api/v1/entries/?" + urlencode({"category": row["code"]}))
            for row in document.get("by_authority", []):
                enqueue("/public-api/v1/entries/?" + urlencode({"authority": row["id"]}))


def report(
    result: CrawlResult, corpus: Corpus, *, load_seconds: float | None = None, out: Any = print
) -> None:
    counts = result.counts()
    out("")
    out("Public crawl of the demo")
    out(f"  {'pages crawled':34} {result.pages:>12,}")
    out(f"  {'bytes':34} {result.bytes:>12,}")
    out(f"  {'status codes':34} {dict(sorted(result.statuses.items()))}")
    out(f"  {'visible entries':34} {len(corpus.visible_keys):>12,}")
    out(
        f"  {'raw values watched':34} {len(corpus.ids):,} ID / {len(corpus.phones):,} phone / "
        f"{len(corpus.cards):,} card / {len(corpus.names):,} names ({len(corpus.hidden_names):,} never shown)"
    )
    out(f"  {'searches for hidden raw values':34} {result.hidden_searches:>12,}")
    if load_seconds is not None:
        out(f"  {'demo load (s)':34} {load_seconds:>12.1f}")
    out(f"  {'crawl time (s)':34} {result.seconds:>12.1f}")
    out(f"  {'pages per second':34} {result.pages / max(result.seconds, 1e-9):>12.0f}")
    out("  pages by path:")
    for path, n in result.by_path.most_common():
        out(f"    {path:40} {n:>8,}")
    out("  findings by type:")
    kinds = [
        "id_number",
        "mobile_phone",
        "bank_card",
        "lib_id_number",
        "lib_phone",
        "lib_bank",
        "raw_id_number",
        "raw_phone",
        "raw_card",
        "partial_id_beyond_policy",
        "person_name",
        "index_holds_raw_value",
        "server_error",
    ]
    for kind in kinds + sorted(set(counts) - set(kinds)):
        out(f"    {kind:32} {counts.get(kind, 0):>8,}")
    out(f"  {'total findings':34} {len(result.findings):>12,}")
    shown: Counter = Counter()
    for finding in result.findings:
        if shown[finding.kind] < 10:
            out(f"  {finding}")
        shown[finding.kind] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", help="use this var dir (built once if empty) instead of a temp dir")
    parser.add_argument("--max-pages", type=int, default=None)
    args = parser.parse_args(argv)

    var_dir = Path(args.var_dir) if args.var_dir else Path(tempfile.mkdtemp(prefix="sanxiang-crawl-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["SANXIANG_VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)  # always the SQLite file under the var dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # expected 404s: stale log leaves
    from django.core.management import call_command
    from django.test import Client

    from sanxiang.org.models import Authority

    print(f"var dir: {var_dir}")
    load_seconds = None
    call_command("migrate", verbosity=0)
    if not Authority.objects.exists():
        started = time.monotonic()
        call_command("load_demo")
        load_seconds = time.monotonic() - started
    started = time.monotonic()
    corpus = gather_corpus()
    print(f"corpus gathered in {time.monotonic() - started:.1f}s")
    result = crawl(Client(), corpus, max_pages=args.max_pages, out=print)
    report(result, corpus, load_seconds=load_seconds)
    return 1 if result.findings else 0


if __name__ == "__main__":
    sys.exit(main())
