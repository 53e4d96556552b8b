"""What a decision document (文书) is and what it says: its type and its fields, each with its span.

Works on the cleaned text (``clean.clean_text``): one paragraph per line, the heading first
(authority, title, document number), then the party's line, the facts, the decision, the remedies and
the date. Every field keeps the span it was read from, so the approver sees it highlighted in the source.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sanxiang.lib.masking.surnames import SURNAMES


@dataclass(frozen=True)
class DocumentType:
    """A kind of 文书: its title, the catalogue item it is published under, and its document kind."""

    title: str
    item_code: str | None


# Longest title first: 不予行政处罚决定书 contains 行政处罚决定书.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("不予税务行政处罚决定书", "penalty_decision"),
    DocumentType("不予行政处罚决定书", "penalty_decision"),
    DocumentType("税务行政处罚决定书", "penalty_decision"),
    DocumentType("行政处罚决定书", "penalty_decision"),
    DocumentType("税务处理决定书", "handling_decision"),
    DocumentType("税务事项通知书", None),
    DocumentType("文书送达公告", None),
    DocumentType("送达公告", None),
    DocumentType("公告送达", None),
)
# The document kind each title is recorded under (the catalogue's 文书类型 choices).
DOCUMENT_KIND = {
    "不予税务行政处罚决定书": "不予行政处罚决定书",
    "不予行政处罚决定书": "不予行政处罚决定书",
    "税务行政处罚决定书": "税务行政处罚决定书",
    "行政处罚决定书": "税务行政处罚决定书",
    "税务处理决定书": "税务处理决定书",
}


@dataclass(frozen=True)
class FieldValue:
    """A field's value and the span of the cleaned text it was read from."""

    value: str
    start: int
    end: int
    more: tuple[tuple[int, int], ...] = ()  # further spans (each law cited in the legal basis)

    @property
    def marks(self) -> list[tuple[int, int]]:
        return [(self.start, self.end), *self.more]


@dataclass
class DecisionFields:
    doc_type: DocumentType | None
    fields: dict[str, FieldValue] = field(default_factory=dict)

    def value(self, key: str) -> str | None:
        found = self.fields.get(key)
        return found.value if found else None


_HEAD_LINES = 8
_DOCNO = re.compile(r"[\u4e00-\u9fff]{1,16}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d*\s*号")
_CODE_LABEL = r"(?:统一社会信用代码|社会信用代码|纳税人识别号|识别号|信用代码)"
_PARTY = re.compile(
    rf"^(?P<party>[^\n：:（(]{{2,80}}?)\s*[：:]?\s*[（(]\s*{_CODE_LABEL}\s*[：:]?\s*(?P<code>[0-9A-Za-z*]{{15,20}})\s*[）)]",
    re.M,
)
_PARTY_PLAIN = re.compile(r"^(?P<party>[^\n：:，。（(]{2,80}?)\s*[：:]\s*$", re.M)
_CODE_ANYWHERE = re.compile(rf"{_CODE_LABEL}\s*[：:]\s*(?P<code>[0-9A-Z*]{{15,20}})")
_REPRESENTATIVE = re.compile(
    r"(?:法定代表人|负责人|经营者|业主)(?:[（(][^）)\n]{0,10}[）)])?\s*[：:]\s*(?P<name>[^\s，,。；;：:（()）\n]{2,12})"
)
# The party's own representative named in the body: 你公司法定代表人蔡海振在… / 你单位法定代表人蒋金明的…
_SURNAME_CLASS = "".join(sorted(SURNAMES))
_OWN_REPRESENTATIVE = re.compile(
    rf"(?:你公司|你单位|你企业)(?:原)?(?:法定代表人|负责人)[：:]?\s*"
    rf"(?P<name>[{_SURNAME_CLASS}][\u4e00-\u9fff*＊]{{1,2}}?)"
    r"(?=[，,。；、（(\s]|在|的|中国|私人|个人|账户|向|于|称|为|转|等|签|名下)"
)
_ADDRESS_START = re.compile(r"[（(]\s*(?:地\s*址|住\s*所|经营地址|注册地址)\s*[：:]")
_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十]+[）)])?\s*"
    r"(?P<title>违法事实(?:及证据)?|检查情况|(?:税务)?处理决定(?:及依据)?|(?:行政)?处罚决定(?:及依据)?|"
    r"不予(?:行政)?处罚(?:决定)?(?:的)?(?:理由|依据)?)\s*$",
    re.M,
)
_REMEDY = re.compile(r"^.*(?:申请行政复议|向人民法院起诉|如对本决定不服).*$", re.M)
_LAW = re.compile(r"《[^》\n]{2,80}》")
_AMOUNT = r"(?P<amount>\d[\d,，]*(?:\.\d+)?)\s*(?P<unit>万元|元)(?!以上|以下|至|到)"
_PENALTY_TOTAL = re.compile(rf"(?:以上)?应缴(?:款项|罚款)?(?:共计|合计)\s*(?:人民币)?\s*{_AMOUNT}")
_PENALTY = re.compile(
    rf"(?:处以?|并处|决定处以|罚款金额为?)\s*(?:罚款)?\s*(?:人民币)?\s*{_AMOUNT}(?:的)?(?:罚款)?"
    rf"|罚款\s*(?:人民币)?\s*{_AMOUNT.replace('amount', 'amount2').replace('unit', 'unit2')}"
)
_TAX_TOTAL = re.compile(
    rf"以上[^。\n]{{0,15}}?(?:共计|合计)\s*(?:应)?(?:追缴|补缴|追补)[^\d。\n]{{0,20}}?{_AMOUNT}"
    rf"|(?:合计|共计)\s*(?:应)?(?:追缴|补缴|追补)(?:税款)?[^\d。\n]{{0,10}}?"
    rf"{_AMOUNT.replace('amount', 'amount2').replace('unit', 'unit2')}"
)
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "零": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE_CN = re.compile(
    r"(?P<y>[〇○ＯO零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日"
)
_DATE_AR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def _parse_date(m: re.Match[str]) -> datetime.date | None:
    try:
        if m.re is _DATE_CN:
            year = int("".join(str(_CN_DIGITS[c]) for c in m.group("y")))
            return datetime.date(year, _cn_number(m.group("m")), _cn_number(m.group("d")))
        return datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except (KeyError, ValueError):
        return None


def _amount(m: re.Match[str]) -> tuple[str, int, int] | None:
    group = "amount" if m.group("amount") else "amount2"
    unit = m.group("unit" if group == "amount" else "unit2")
    try:
        value = Decimal(m.group(group).replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    if unit == "万元":
        value *= 10000
    return (
        f"{value.quantize(Decimal('0.01'))}",
        m.start(group),
        m.end("unit" if group == "amount" else "unit2"),
    )


def detect_type(text: str) -> tuple[DocumentType, int, int] | None:
    """The document's type from its title among the first lines (span of the title)."""
    head = "\n".join(text.split("\n")[:_HEAD_LINES])
    for doc_type in DOCUMENT_TYPES:
        at = head.find(doc_type.title)
        if at >= 0:
            return doc_type, at, at + len(doc_type.title)
    return None


def _address(text: str, start: int) -> FieldValue | None:
    m = _ADDRESS_START.search(text, start, start + 400)
    if m is None:
        return None
    depth = 0
    for i in range(m.end(), min(len(text), m.end() + 200)):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                value_start = m.end()
                while value_start < i and text[value_start].isspace():
                    value_start += 1
                return FieldValue(text[value_start:i], value_start, i)
            depth -= 1
        elif ch == "\n":
            return None
    return None


def _sections(text: str) -> list[tuple[str, int, int, int]]:
    """(title, heading start, body start, body end) of the numbered sections."""
    heads = list(_SECTION.finditer(text))
    out = []
    for i, m in enumerate(heads):
        body_start = m.end() + 1 if m.end() < len(text) else m.end()
        body_end = heads[i + 1].start() - 1 if i + 1 < len(heads) else len(text)
        out.append((m.group("title"), m.start(), body_start, max(body_start, body_end)))
    return out


def extract_fields(text: str) -> DecisionFields:
    """The type and the fields of a cleaned decision document; a field not found is absent."""
    found = detect_type(text)
    doc_type = found[0] if found else None
    fields: dict[str, FieldValue] = {}
    lines = text.split("\n")
    head_end = sum(len(line) + 1 for line in lines[:_HEAD_LINES])
    title_start = found[1] if found else 0
    if found:
        assert doc_type is not None  # found[0]
        fields["document_kind"] = FieldValue(
            DOCUMENT_KIND.get(doc_type.title, doc_type.title), found[1], found[2]
        )
        # The authority: the heading lines above the title (a long name may run over two lines).
        authority_start = 0
        authority = text[authority_start:title_start].strip()
        if authority:
            first = text.index(authority[0])
            value = re.sub(r"\s+", "", authority)
            fields["authority"] = FieldValue(value, first, first + len(authority))
    docno = _DOCNO.search(text, title_start, head_end)
    if docno:
        fields["document_number"] = FieldValue(re.sub(r"\s+", "", docno.group()), docno.start(), docno.end())
    party_from = docno.end() if docno else title_start
    party = _PARTY.search(text, party_from, party_from + 400)
    if party:
        name = party.group("party").strip().rstrip("：:")
        start = party.start("party")
        fields["party_name"] = FieldValue(name, start, start + len(name))
        fields["uscc"] = FieldValue(party.group("code").upper(), party.start("code"), party.end("code"))
        after_party = party.end()
    else:
        plain = _PARTY_PLAIN.search(text, party_from, party_from + 200)
        after_party = party_from
        if plain:
            fields["party_name"] = FieldValue(plain.group("party"), plain.start("party"), plain.end("party"))
            after_party = plain.end()
            code = _CODE_ANYWHERE.search(text, after_party, after_party + 200)
            if code:
                fields["uscc"] = FieldValue(code.group("code"), code.start("code"), code.end("code"))
    representative = _REPRESENTATIVE.search(text, party_from, party_from + 600) or _OWN_REPRESENTATIVE.search(
        text, party_from
    )
    if representative:
        fields["legal_representative"] = FieldValue(
            representative.group("name"), representative.start("name"), representative.end("name")
        )
    address = _address(text, after_party)
    if address:
        fields["address"] = address
    sections = _sections(text)
    facts = next((s for s in sections if "违法事实" in s[0] or s[0] == "检查情况"), None)
    decision = next((s for s in sections if "决定" in s[0] or s[0].startswith("不予")), None)
    if facts:
        end = decision[1] - 1 if decision and decision[1] > facts[2] else facts[3]
        fields["facts"] = FieldValue(
            text[facts[2] : end].strip(), facts[2], facts[2] + len(text[facts[2] : end].rstrip())
        )
    if decision:
        remedy = _REMEDY.search(text, decision[2])
        end = remedy.start() - 1 if remedy else len(text)
        body = text[decision[2] : end]
        fields["result"] = FieldValue(body.strip(), decision[2], decision[2] + len(body.rstrip()))
        laws: list[str] = []
        spans: list[tuple[int, int]] = []
        for m in _LAW.finditer(text, decision[2], end):
            if m.group() not in laws:
                laws.append(m.group())
                spans.append((m.start(), m.end()))
        if laws:
            fields["basis"] = FieldValue("、".join(laws), spans[0][0], spans[0][1], tuple(spans[1:]))
        if (
            doc_type is not None
            and doc_type.item_code == "penalty_decision"
            and not doc_type.title.startswith("不予")
        ):
            total = _PENALTY_TOTAL.search(text, decision[2], end) or _PENALTY.search(text, decision[2], end)
            if total and (amount := _amount(total)):
                fields["penalty_amount"] = FieldValue(*amount)
        else:
            total = _TAX_TOTAL.search(text, decision[2], end)
            if total and (amount := _amount(total)):
                fields["tax_amount"] = FieldValue(*amount)
    tail_from = max(0, len(text) - 400)
    dates = [m for pattern in (_DATE_CN, _DATE_AR) for m in pattern.finditer(text, tail_from)]
    dates.sort(key=lambda m: m.start())
    for m in reversed(dates):
        date = _parse_date(m)
        if date is not None:
            fields["event_date"] = FieldValue(date.isoformat(), m.start(), m.end())
            break
    return DecisionFields(doc_type, fields)
