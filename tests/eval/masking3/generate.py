"""Generate the masking3 evaluation corpus (corpus.jsonl) from a fixed seed.

Run: python tests/eval/masking3/generate.py   (rerun = byte-identical corpus.jsonl)

Every value is written through the `Doc` builder, which records its character span and label as it
appends text, so the offsets are exact by construction (check.py verifies them again).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import values as v  # noqa: E402

SEED = 20261207
N_DOCS = 405
OUT = Path(__file__).resolve().parent / "corpus.jsonl"
FLATTENINGS = ["tab", "pipe", "space", "cell_per_line", "kv", "semicolon"]

# --- builder ------------------------------------------------------------------------------------------

Part = tuple[str, str | None, str | None, tuple[str, ...]]
Place = tuple[str, str, str, str, str]


def T(s: str) -> Part:
    return (s, None, None, ())


def P(s: str, typ: str, tags: list[str] | tuple[str, ...] = ()) -> Part:
    return (s, "personal", typ, tuple(tags))


def U(s: str, typ: str, tags: list[str] | tuple[str, ...] = ()) -> Part:
    return (s, "public", typ, tuple(tags))


def A(s: str) -> Part:
    return (s, "already_masked", "masked", ())


TRAD = str.maketrans(
    "税务总处罚决书号证码护电话门湾区广东经营业发币万当国华为违规应缴纳报关于据条与个对实检现时间说记账"
    "你单位进行费规定内复议诉讼权利请务须责令限改正执法负责联系传真邮编档案价额缴滞金资产书面送达"
    "达后视日满该项办厅签这们认条例财产缴罚",
    "稅務總處罰決書號證碼護電話門灣區廣東經營業發幣萬當國華為違規應繳納報關於據條與個對實檢現時間說記賬"
    "你單位進行費規定內複議訴訟權利請務須責令限改正執法負責聯繫傳真郵編檔案價額繳滯金資產書面送達"
    "達後視日滿該項辦廳簽這們認條例財產繳罰",
)


ADDRESS_LABELS = [
    "户籍地址",
    "家庭住址",
    "现住址",
    "送达地址",
    "送达地点",
    "居住地",
    "住址",
    "住所",
    "现住",
    "地址",
]


def address_label(before: str) -> str:
    """Tag a home address with the label written before it ("addr:住址"), or "addr:table" in a table."""
    before = before.rstrip("：: （(")
    for label in ADDRESS_LABELS:
        if before.endswith(label):
            return "addr:" + label
    return "addr:table"


WRAP_WIDTH = 38


def wrap(text: str, span_lists: list[list[dict]]) -> str:
    """Break every line after WRAP_WIDTH characters, as text extracted from a PDF comes (a break may fall
    inside a name, a number or an address); move the spans and tag those cut by a break "wrap_break"."""
    cuts, col = [], 0
    for i, c in enumerate(text):
        if c == "\n":
            col = 0
            continue
        if col == WRAP_WIDTH:
            cuts.append(i)
            col = 0
        col += 1
    for spans in span_lists:
        for span in spans:
            s, e = span["start"], span["end"]
            inside = sum(1 for c in cuts if s < c < e)
            span["start"] = s + sum(1 for c in cuts if c <= s)
            span["end"] = span["start"] + (e - s) + inside
            if inside and "tags" in span:
                span["tags"].append("wrap_break")
    out, prev = [], 0
    for c in cuts:
        out.append(text[prev:c])
        prev = c
    out.append(text[prev:])
    return "\n".join(out)


class Doc:
    def __init__(self, kind: str, flat: str = "prose", trad: bool = False):
        self.kind = kind
        self.flat = flat
        self.trad = trad
        self.parts: list[Part] = []
        self.tags: list[str] = []

    def add(self, *parts: Part | list[Part]) -> Doc:
        for p in parts:
            if isinstance(p, list):
                self.parts.extend(p)
            else:
                self.parts.append(p)
        return self

    def t(self, s: str) -> Doc:
        return self.add(T(s))

    def build(self, doc_id: str) -> dict:
        text: list[str] = []
        pos = 0
        personal, public, masked = [], [], []
        for s, cls, typ, tags in self.parts:
            if cls is None and self.trad:
                s = s.translate(TRAD)
            if cls == "personal":
                personal.append({"start": pos, "end": pos + len(s), "type": typ, "tags": list(tags)})
            elif cls == "public":
                public.append({"start": pos, "end": pos + len(s), "type": typ, "tags": list(tags)})
            elif cls == "already_masked":
                masked.append({"start": pos, "end": pos + len(s)})
            text.append(s)
            pos += len(s)
        full = "".join(text)
        for span in personal:
            if span["type"] == "home_address":
                span["tags"].append(address_label(full[max(0, span["start"] - 10) : span["start"]]))
        if self.flat == "pdf_wrapped":
            full = wrap(full, [personal, public, masked])
        tags = [self.kind, "flat:" + self.flat] + (["traditional"] if self.trad else []) + self.tags
        return {
            "id": doc_id,
            "kind": self.kind,
            "text": full,
            "tags": tags,
            "personal": personal,
            "public": public,
            "already_masked": masked,
        }


def table(doc: Doc, headers: list[str], rows: list[list[list[Part]]]) -> None:
    """Append a table in the document's flattening; each cell is a list of parts."""
    flat = doc.flat

    def width(cell: list[Part]) -> int:
        return sum(len(p[0]) + sum(1 for c in p[0] if ord(c) > 0x2E80) for p in cell)

    if flat == "tab":
        doc.t("\t".join(headers) + "\n")
        for row in rows:
            for i, cell in enumerate(row):
                doc.add(cell)
                doc.t("\t" if i < len(row) - 1 else "\n")
    elif flat == "pipe":
        doc.t("| " + " | ".join(headers) + " |\n|" + "---|" * len(headers) + "\n")
        for row in rows:
            doc.t("| ")
            for i, cell in enumerate(row):
                doc.add(cell)
                doc.t(" | " if i < len(row) - 1 else " |\n")
    elif flat == "space":
        widths = [max([width([T(h)])] + [width(r[i]) for r in rows]) + 2 for i, h in enumerate(headers)]
        doc.t("".join(h + " " * (widths[i] - width([T(h)])) for i, h in enumerate(headers)).rstrip() + "\n")
        for row in rows:
            for i, cell in enumerate(row):
                doc.add(cell)
                if i < len(row) - 1:
                    doc.t(" " * (widths[i] - width(cell)))
            doc.t("\n")
    elif flat == "cell_per_line":
        doc.t("\n".join(headers) + "\n")
        for row in rows:
            for cell in row:
                doc.add(cell)
                doc.t("\n")
    elif flat == "kv":
        for row in rows:
            for h, cell in zip(headers, row, strict=True):
                doc.t(h + "：")
                doc.add(cell)
                doc.t("\n")
            doc.t("\n")
    elif flat == "semicolon":
        for n, row in enumerate(rows):
            doc.t(f"{n + 1}.")
            for i, (h, cell) in enumerate(zip(headers, row, strict=True)):
                doc.t(h + "：")
                doc.add(cell)
                doc.t("；" if i < len(row) - 1 else "。\n")
    else:
        raise ValueError(flat)


# --- writings of personal values ------------------------------------------------------------------------

HARD = 0.4


def w_name(
    rng: random.Random, p: v.Person, tags: list[str] | None = None, latin_ok: bool = True
) -> list[Part]:
    tags = list(p.tags) + (tags or [])
    r = rng.random()
    if r < 0.12 and len(p.cn) <= 4 and "dotted_minority" not in p.tags:
        return [P(v.padded(rng, p.cn), "name", tags + ["padded"])]
    if latin_ok and p.latin and r < 0.2:
        lat = p.latin if rng.random() < 0.5 else p.latin.split(" ")[0] + " " + p.latin.split(" ")[1].title()
        if rng.random() < 0.5:
            return [
                P(p.cn, "name", tags),
                T("（"),
                P(lat, "name", tags + ["latin", "latin_after_cn"]),
                T("）"),
            ]
        return [P(lat, "name", tags + ["latin", "latin_before_cn"]), T("（"), P(p.cn, "name", tags), T("）")]
    return [P(p.cn, "name", tags)]


def w_id(rng: random.Random, value: str, typ: str = "id_number", tags: list[str] | None = None) -> Part:
    tags = list(tags or [])
    if len(value) == 15:
        tags.append("id15")
    if value.endswith("X"):
        if rng.random() < 0.4:
            value = value[:-1] + "x"
            tags.append("id_x_lower")
        else:
            tags.append("id_x_upper")
    if rng.random() < HARD:
        how = rng.choice(["fullwidth", "spaced", "linebreak", "spaced"])
        if how == "fullwidth":
            value = v.fullwidth(value)
        elif how == "spaced":
            value = v.group(value, [6, 8, 4] if len(value) >= 18 else [6, 6, 3], " ")
        else:
            value = v.break_line(rng, value)
        tags.append(how)
    return P(value, typ, tags)


def w_mobile(rng: random.Random, m: str) -> Part:
    if rng.random() >= HARD + 0.1:
        return P(m, "mobile")
    how = rng.choice(["spaced", "hyphenated", "plus86", "0086", "fullwidth", "linebreak", "plus86_spaced"])
    value = {
        "spaced": v.group(m, [3, 4, 4], " "),
        "hyphenated": v.group(m, [3, 4, 4], "-"),
        "plus86": rng.choice(["+86", "+86-", "+86 ", "(+86)", "（+86）"]) + m,
        "0086": rng.choice(["0086", "0086-", "0086 "]) + m,
        "fullwidth": v.fullwidth(m),
        "linebreak": v.break_line(rng, m),
        "plus86_spaced": "+86 " + v.group(m, [3, 4, 4], " "),
    }[how]
    tags = [how] if how != "plus86_spaced" else ["plus86", "spaced"]
    return P(value, "mobile", tags)


def landline_text(rng: random.Random, area: str) -> tuple[str, list[str]]:
    num = v.local_number(rng, area)
    how = rng.choice(["hyphen", "hyphen", "paren", "spaced", "ext", "ext_hyphen", "plus86", "fullwidth"])
    if how == "hyphen":
        return f"{area}-{num}", ["area_code"]
    if how == "paren":
        return rng.choice([f"({area}){num}", f"（{area}）{num}"]), ["area_code"]
    if how == "spaced":
        return f"{area} {num[:4]} {num[4:]}", ["area_code", "spaced"]
    if how == "ext":
        return f"{area}-{num}转{rng.randint(100, 8999)}", ["area_code", "landline_ext"]
    if how == "ext_hyphen":
        return f"{area}-{num}-{rng.randint(10, 899)}", ["area_code", "landline_ext"]
    if how == "plus86":
        return f"+86-{area[1:]}-{num}", ["area_code", "plus86"]
    return v.fullwidth(f"{area}-{num}"), ["area_code", "fullwidth"]


def w_landline(rng: random.Random, area: str) -> Part:
    s, tags = landline_text(rng, area)
    return P(s, "landline", tags + ["private_landline"])


def w_phone(rng: random.Random, area: str) -> Part:
    return w_mobile(rng, v.mobile(rng)) if rng.random() < 0.6 else w_landline(rng, area)


def w_card(rng: random.Random) -> Part:
    c = v.bank_card(rng)
    if rng.random() >= HARD + 0.1:
        return P(c, "bank_card")
    how = rng.choice(["spaced", "hyphenated", "fullwidth", "linebreak", "spaced"])
    value = {
        "spaced": v.group(c, [4, 4, 4, 4, 4], " "),
        "hyphenated": v.group(c, [4, 4, 4, 4, 4], "-"),
        "fullwidth": v.fullwidth(c),
        "linebreak": v.break_line(rng, c),
    }[how]
    return P(value, "bank_card", [how])


def w_email(rng: random.Random, p: v.Person | None) -> Part:
    e = v.email(rng, p)
    if rng.random() < 0.25:
        return P(e.replace("@", "＠"), "email", ["fullwidth_at"])
    if rng.random() < 0.1:
        return P(v.fullwidth(e), "email", ["fullwidth_at", "fullwidth"])
    return P(e, "email")


def w_tin_personal(rng: random.Random, id_value: str) -> Part:
    if rng.random() < 0.5:
        return w_id(rng, id_value + f"{rng.randint(1, 3):02d}", "taxpayer_id_personal", ["id_suffix"])
    return w_id(rng, id_value, "taxpayer_id_personal")


HOME_LABELS = ["住址", "住所", "户籍地址", "居住地", "家庭住址", "现住址"]

# --- public facts ----------------------------------------------------------------------------------------

LAWS = [
    "《中华人民共和国税收征收管理法》第六十二条",
    "《中华人民共和国税收征收管理法》第六十三条第一款",
    "《中华人民共和国税收征收管理法》第六十四条第二款",
    "《中华人民共和国税收征收管理法》第六十条第一款第（一）项",
    "《中华人民共和国发票管理办法》第三十五条第（一）项",
    "《中华人民共和国发票管理办法》第三十三条",
    "《中华人民共和国行政处罚法》第三十三条第一款",
    "《中华人民共和国税收征收管理法实施细则》第一百零六条",
    "《税务行政处罚裁量权行使规则》第十二条",
    "《中华人民共和国个人所得税法》第十条",
    "《重大税收违法失信主体信息公布管理办法》第六条第（一）项",
]
VIOLATIONS = [
    "未按照规定期限办理纳税申报和报送纳税资料",
    "未按照规定设置、保管账簿或者保管记账凭证和有关资料",
    "丢失增值税专用发票",
    "未按照规定开具发票",
    "少缴个人所得税",
    "经税务机关通知申报而拒不申报",
    "虚开增值税普通发票",
    "未按照规定办理税务登记变更",
    "取得不符合规定的发票入账",
]


def authority(rng: random.Random, p: tuple[str, str, str, str, str]) -> tuple[str, str]:
    prov, city, dist, _, _ = p
    c = city or prov
    short = c[0] + (dist[0] if dist else "") + "税"
    r = rng.random()
    if r < 0.45 and dist:
        return f"国家税务总局{c}{dist}税务局", short
    if r < 0.75:
        n = rng.choice(["第一", "第二", "第三"])
        return f"国家税务总局{c}税务局{n}稽查局", c[0] + "税" + n[1] + "稽"
    return f"国家税务总局{c}税务局", c[0] + "税"


def docno(rng: random.Random, short: str, suffix: str) -> Part:
    lb, rb = rng.choice([("〔", "〕"), ("〔", "〕"), ("[", "]"), ("（", "）")])
    return U(f"{short}{suffix}{lb}{rng.choice(['2025', '2026'])}{rb}{rng.randint(1, 999)}号", "doc_number")


def date(rng: random.Random) -> Part:
    y, m, d = rng.choice([2024, 2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    return U(rng.choice([f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}-{m:02d}-{d:02d}"]), "date")


def amount(rng: random.Random) -> Part:
    a = rng.choice(
        [rng.randint(1, 20) * 100, rng.randint(100, 9_999_999) / 100, rng.randint(1000, 2_000_000)]
    )
    if isinstance(a, float):
        s = f"{a:,.2f}" if rng.random() < 0.4 else f"{a:.2f}"
    else:
        s = f"{a:,}" if rng.random() < 0.3 else str(a)
    return U(s + rng.choice(["元", "元", "元整"]), "amount")


def law(rng: random.Random) -> Part:
    return U(rng.choice(LAWS), "law_article")


def url(rng: random.Random, p: tuple[str, str, str, str, str]) -> Part:
    host = rng.choice(
        [
            "www.chinatax.gov.cn",
            "shanghai.chinatax.gov.cn",
            "zhejiang.chinatax.gov.cn",
            "guangxi.chinatax.gov.cn",
            "etax.chinatax.gov.cn",
        ]
    )
    tail = rng.choice(
        [
            f"/xxgk/{rng.randint(2024, 2026)}{rng.randint(1, 12):02d}/t{rng.randint(20240101, 20261231)}_{rng.randint(1000, 99999)}.html",
            f"/art/2026/{rng.randint(1, 12)}/{rng.randint(1, 28)}/art_{rng.randint(100, 9999)}_{v.mobile(rng)}.html",
            f"/col/col{rng.randint(10000, 99999)}/index.html",
        ]
    )
    tags = ["url_with_11_digits"] if "art_" in tail else []
    return U("https://" + host + tail, "url", tags)


def invoice_parts(rng: random.Random) -> list[Part]:
    code = "".join(rng.choice("0123456789") for _ in range(rng.choice([10, 12])))
    num = "".join(rng.choice("0123456789") for _ in range(8))
    out = [
        T("发票代码："),
        U(code, "invoice", [f"invoice_code_{len(code)}"]),
        T("，发票号码："),
        U(num, "invoice", ["invoice_number"]),
    ]
    if rng.random() < 0.3:
        full = "26" + "".join(rng.choice("0123456789") for _ in range(18))
        out += [T("；全电发票号码："), U(full, "invoice", ["invoice_number_20"])]
    return out


def org_tin(rng: random.Random, p: tuple[str, str, str, str, str], individual_business: bool = False) -> Part:
    if rng.random() < 0.15 and not individual_business:
        return U(v.org_taxpayer15(rng, p[3]), "taxpayer_id_org", ["org_taxpayer_15"])
    return U(v.uscc(rng, p[3], individual_business), "uscc")


def bureau_contact(rng: random.Random, doc: Doc, p: tuple[str, str, str, str, str], auth: str) -> None:
    area = p[4]
    kind = rng.random()
    if kind < 0.3:
        doc.t("咨询电话：").add(U("12366", "authority_phone", ["12366"])).t("\n")
        return
    s, tags = landline_text(rng, area)
    doc.t(rng.choice(["办税服务厅联系电话：", "联系电话：", "本局联系电话："])).add(
        U(s, "authority_phone", tags)
    )
    doc.t("；地址：").add(U(v.business_address(rng, p), "business_address", ["authority_address"])).t("\n")


MASKED_SAMPLES = [
    "张**",
    "李某",
    "XXX",
    "×××",
    "3101**********0952",
    "185****4140",
    "王某某",
    "陈*",
    "9144********",
    "138****2201",
    "4403**********123X",
]


def masked_value(rng: random.Random) -> Part:
    return A(rng.choice(MASKED_SAMPLES))


def sep(rng: random.Random) -> str:
    return rng.choice(["：", "：", ":", "： "])


# --- document kinds ----------------------------------------------------------------------------------------


def footer(rng: random.Random, doc: Doc, auth: str) -> None:
    doc.t("\n").add(U(auth, "authority")).t("\n").add(date(rng)).t("\n")


def appeal(rng: random.Random, doc: Doc, auth: str) -> None:
    doc.t("如对本决定不服，可以自收到本决定书之日起六十日内依法向").add(
        U(
            auth.replace("第一稽查局", "")
            .replace("第二稽查局", "")
            .replace("第三稽查局", "")
            .replace("税务局", "税务局"),
            "authority",
        )
    ).t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")


def individual_block(rng: random.Random, doc: Doc, p, who: v.Person, label: str = "当事人") -> str:
    """Party block for a natural person; returns the ID number used."""
    idv = v.id18(rng, p[3], want_x=rng.random() < 0.15) if rng.random() > 0.2 else v.id15(rng, p[3])
    doc.t(label + sep(rng)).add(w_name(rng, who)).t("\n")
    fields = ["tin", "id", "addr", "phone", "home_phone"]
    rng.shuffle(fields)
    for f in fields[: rng.randint(2, 4)]:
        if f == "tin" and len(idv) == 18:
            doc.t("纳税人识别号" + sep(rng)).add(w_tin_personal(rng, idv)).t("\n")
        elif f == "id":
            doc.t(rng.choice(["居民身份证号码", "身份证件号码", "公民身份号码", "身份证号"]) + sep(rng))
            doc.add(w_id(rng, idv)).t("\n")
        elif f == "addr":
            doc.t(rng.choice(HOME_LABELS) + sep(rng)).add(P(v.home_address(rng, p), "home_address")).t("\n")
        elif f == "home_phone":
            doc.t(rng.choice(["住宅电话", "家庭电话", "固定电话"]) + sep(rng)).add(w_landline(rng, p[4])).t(
                "\n"
            )
        elif f == "phone":
            doc.t(rng.choice(["联系电话", "联系方式", "手机号码", "电话"]) + sep(rng)).add(
                w_phone(rng, p[4])
            ).t("\n")
    return idv


def org_block(rng: random.Random, doc: Doc, p, major: bool = False) -> tuple[str, v.Person]:
    org = v.org_name(rng, p)
    rep = v.person(rng)
    doc.t("当事人" + sep(rng)).add(U(org, "org_name")).t("\n")
    doc.t(rng.choice(["统一社会信用代码", "纳税人识别号", "统一社会信用代码（纳税人识别号）"]) + sep(rng))
    doc.add(org_tin(rng, p)).t("\n")
    doc.t(rng.choice(["法定代表人", "法定代表人（负责人）"]) + sep(rng))
    if major:
        doc.add(U(rep.cn, "name_public_legal_rep", rep.tags)).t("\n")
    else:
        doc.add(w_name(rng, rep, ["legal_rep"])).t("\n")
    label = rng.choice(["地址", "住所", "注册地址", "经营地址", "生产经营地址"])
    doc.t(label + sep(rng))
    doc.add(U(v.business_address(rng, p), "business_address", ["org_zhusuo"] if label == "住所" else [])).t(
        "\n"
    )
    return org, rep


def letter_head(rng: random.Random, kind: str, title: str, suffix: str) -> tuple[Place, str, str, Doc]:
    """A letter's head: the authority, the title and the document number on three lines."""
    p = v.place(rng)
    auth, short = authority(rng, p)
    doc = Doc(kind)
    doc.add(U(auth, "authority")).t(f"\n{title}\n").add(docno(rng, short, suffix)).t("\n")
    return p, auth, short, doc


def penalty_simple_individual(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "penalty_simple_individual", "税务行政处罚决定书（简易）", "简罚")
    who = v.person(rng)
    individual_block(rng, doc, p, who, rng.choice(["被处罚人名称（姓名）", "当事人", "被处罚人"]))
    doc.t("违法事实：你于").add(date(rng)).t(rng.choice(VIOLATIONS) + "。\n处罚依据：").add(law(rng)).t("\n")
    doc.t("处罚决定：罚款").add(amount(rng)).t("。\n")
    doc.t("请于收到本决定书之日起十五日内到").add(U(auth, "authority")).t(
        "缴纳罚款，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。\n"
    )
    appeal(rng, doc, auth)
    if rng.random() < 0.5:
        doc.t("当事人签收" + sep(rng)).add(w_name(rng, who, ["signer"], latin_ok=False)).t(
            "    签收日期："
        ).add(date(rng)).t("\n")
    footer(rng, doc, auth)
    return doc


def penalty_general_individual(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "penalty_general_individual", "税务行政处罚决定书", "罚")
    who = v.person(rng)
    idv = v.id18(rng, p[3], want_x=rng.random() < 0.2)
    doc.add(w_name(rng, who)).t("（纳税人识别号：").add(w_tin_personal(rng, idv)).t("）：\n")
    doc.t("    经我局于").add(date(rng)).t("至").add(date(rng)).t(
        "对你（" + rng.choice(["地址", "住址", "住所"]) + "："
    )
    doc.add(P(v.home_address(rng, p), "home_address")).t(
        "）的涉税情况进行检查，你存在违法事实及处罚决定如下：\n"
    )
    doc.t("    一、违法事实及证据\n    经查，你于2023年至2024年期间取得劳务报酬收入，").t(
        rng.choice(VIOLATIONS)
    ).t("，少缴税款")
    doc.add(amount(rng)).t("。\n    上述违法事实，主要有以下证据证明：1.")
    if rng.random() < 0.5:
        doc.add(w_name(rng, who, ["repeated"], latin_ok=False)).t("个人银行账户（户名：")
        doc.add(w_name(rng, who, ["account_holder"], latin_ok=False)).t("，账号：").add(w_card(rng)).t(
            "）交易明细；2."
        )
    else:
        fam = v.person(rng)
        doc.t("其配偶").add(w_name(rng, fam, ["family"])).t("名下银行卡（卡号").add(w_card(rng)).t(
            "）交易记录；2."
        )
    wit = v.person(rng)
    doc.t("证人").add(w_name(rng, wit, ["witness"])).t("的询问笔录；3.").add(masked_value(rng)).t(
        "出具的情况说明。\n"
    )
    doc.t("    二、处罚决定\n    根据").add(law(rng)).t("的规定，对你处以少缴税款百分之五十的罚款").add(
        amount(rng)
    ).t("。\n")
    if rng.random() < 0.5:
        doc.t("    委托代理人：").add(w_name(rng, v.person(rng), ["agent"])).t("，").add(
            U(v.law_firm(rng), "org_name")
        ).t("律师。\n")
    if rng.random() < 0.6:
        doc.t("    辩护人：").add(w_name(rng, v.person(rng), ["lawyer"])).t("，").add(
            U(v.law_firm(rng), "org_name")
        ).t("律师。\n")
    doc.t("    以上应缴款项，限你自本决定书送达之日起15日内缴纳入库。联系电子邮箱：").add(
        w_email(rng, who)
    ).t("\n")
    appeal(rng, doc, auth)
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def penalty_general_enterprise(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "penalty_general_enterprise", "税务行政处罚决定书", "罚")
    org, rep = org_block(rng, doc, p)
    fin = v.person(rng)
    same = rng.random() < 0.2
    doc.t("财务负责人" + sep(rng)).add(
        w_name(rng, rep if same else fin, ["finance"] + (["repeated"] if same else []))
    ).t("\n")
    taxman = v.person(rng)
    doc.t("办税人" + sep(rng)).add(w_name(rng, taxman, ["tax_clerk"])).t("，联系电话：").add(
        w_phone(rng, p[4])
    ).t("\n")
    doc.t("    经我局于").add(date(rng)).t("起对你公司").t(
        "的涉税情况进行了检查，你公司存在违法事实及处罚决定如下：\n"
    )
    doc.t("    你公司").t(rng.choice(VIOLATIONS)).t("，涉及").add(invoice_parts(rng)).t("，税额合计").add(
        amount(rng)
    ).t("。")
    doc.t("销方名称：").add(U(v.org_name(rng), "org_name")).t("、").add(U(v.org_name(rng), "org_name")).t(
        "。\n"
    )
    doc.t("    经查，你公司通过法定代表人").add(w_name(rng, rep, ["legal_rep", "repeated"], latin_ok=False))
    doc.t("个人账户（开户行：中国工商银行，账号：").add(w_card(rng)).t("）收取货款").add(amount(rng)).t("。")
    doc.t("询问").add(w_name(rng, v.person(rng), ["interviewee"])).t(
        "（被询问人）时，其对上述事实予以确认。\n"
    )
    doc.t("    根据").add(law(rng)).t("的规定，对你公司处以罚款").add(amount(rng)).t("。\n")
    appeal(rng, doc, auth)
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def tax_handling(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "tax_handling", "税务处理决定书", "处")
    if rng.random() < 0.5:
        org = v.org_name(rng, p)
        doc.add(U(org, "org_name")).t("（纳税人识别号：").add(org_tin(rng, p)).t("）：\n")
        doc.t("    我局于").add(date(rng)).t("至").add(date(rng)).t("对你公司（地址：")
        doc.add(U(v.business_address(rng, p), "business_address")).t(
            "）的涉税情况进行了检查，违法事实及处理决定如下：\n"
        )
        doc.t("    你公司未在税务登记注册地址和生产经营地址经营，法定代表人").add(
            w_name(rng, v.person(rng), ["legal_rep"])
        )
        doc.t("、财务负责人").add(w_name(rng, v.person(rng), ["finance"])).t("、办税人电话").add(
            w_phone(rng, p[4])
        ).t("无法联系。\n")
    else:
        who = v.person(rng)
        idv = v.id18(rng, p[3], want_x=rng.random() < 0.2)
        doc.add(w_name(rng, who)).t("（身份证件号码：").add(w_id(rng, idv)).t("）：\n")
        doc.t("    我局于").add(date(rng)).t("对你（" + rng.choice(["现住", "居住地：", "住址："]))
        doc.add(P(v.home_address(rng, p), "home_address")).t("）取得股权转让所得的纳税情况进行了检查。\n")
    doc.t("    1.领用发票情况：").add(invoice_parts(rng)).t("。发票金额合计").add(amount(rng)).t(
        "，税额合计"
    ).add(amount(rng)).t("。\n")
    doc.t("    2.处理决定：根据").add(law(rng)).t("，追缴增值税").add(amount(rng)).t("，个人所得税").add(
        amount(rng)
    )
    doc.t("，并从税款滞纳之日起按日加收万分之五的滞纳金。\n")
    doc.t("    限你（单位）自收到本决定书之日起15日内到").add(U(auth, "authority")).t(
        "将上述税款及滞纳金缴纳入库。\n"
    )
    doc.t("    公开网址：").add(url(rng, p)).t("\n")
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def no_penalty(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "no_penalty", "不予行政处罚决定书", "不罚")
    owner = v.person(rng, rng.choice(["plain", "word_given_name", "two_char", "compound_surname"]))
    shop = v.shop_name(rng, owner.cn, p)
    doc.t("当事人" + sep(rng)).add(U(shop, "shop_name", ["shop_with_owner"])).t("\n")
    doc.t("统一社会信用代码" + sep(rng)).add(U(v.uscc(rng, p[3], True), "uscc")).t("\n")
    doc.t(rng.choice(["经营者", "业主", "负责人"]) + sep(rng)).add(
        P(owner.cn, "name", owner.tags + ["owner_alone"])
    ).t("\n")
    doc.t("经营场所" + sep(rng)).add(U(v.business_address(rng, p), "business_address")).t("\n")
    if rng.random() < 0.6:
        doc.t(rng.choice(HOME_LABELS) + sep(rng)).add(P(v.home_address(rng, p), "home_address")).t("\n")
    doc.t("    你（单位）于").add(date(rng)).t(rng.choice(VIOLATIONS)).t(
        "。鉴于你（单位）系首次违反且危害后果轻微，并在税务机关发现前主动改正，根据"
    )
    doc.add(law(rng)).t("的规定，决定不予行政处罚。\n    经营者").add(
        P(owner.cn, "name", owner.tags + ["owner_alone", "repeated"])
    )
    doc.t("已于").add(date(rng)).t("在").add(U(shop, "shop_name", ["shop_with_owner", "repeated"])).t(
        "经营场所签收本决定书。\n"
    )
    appeal(rng, doc, auth)
    footer(rng, doc, auth)
    return doc


def cell_name(rng: random.Random, who: v.Person, tags: list[str]) -> list[Part]:
    return w_name(rng, who, tags, latin_ok=rng.random() < 0.3)


def shuanggongshi(rng: random.Random, flat: str) -> Doc:
    doc = Doc("shuanggongshi", flat)
    doc.t(
        rng.choice(["行政处罚信息公示（双公示）\n", "双公示 行政处罚结果信息\n", "行政处罚决定信息公开表\n"])
    )
    headers = [
        "行政相对人名称",
        "统一社会信用代码",
        "法定代表人",
        "证件号码",
        "处罚决定书文号",
        "违法行为类型",
        "处罚依据",
        "罚款金额（元）",
        "处罚决定日期",
        "处罚机关",
    ]
    rows = []
    for _ in range(rng.randint(2, 5)):
        p = v.place(rng)
        auth, short = authority(rng, p)
        r = rng.random()
        if r < 0.45:
            rep = v.person(rng)
            idv = v.id18(rng, p[3], want_x=rng.random() < 0.15)
            row = [
                [U(v.org_name(rng, p), "org_name")],
                [org_tin(rng, p)],
                cell_name(rng, rep, ["legal_rep"]),
                [w_id(rng, idv)] if rng.random() < 0.6 else [masked_value(rng)],
            ]
        elif r < 0.75:
            owner = v.person(rng)
            shop = v.shop_name(rng, owner.cn, p)
            row = [
                [U(shop, "shop_name", ["shop_with_owner"])],
                [U(v.uscc(rng, p[3], True), "uscc")],
                [P(owner.cn, "name", owner.tags + ["owner_alone", "repeated_in_row"])],
                [w_id(rng, v.id18(rng, p[3]))],
            ]
        else:
            who = v.person(rng)
            idv = v.id18(rng, p[3], want_x=rng.random() < 0.2)
            row = [
                cell_name(rng, who, []),
                [w_tin_personal(rng, idv)],
                [P(who.cn, "name", who.tags + ["repeated_in_row"])],
                [w_id(rng, idv, tags=["repeated_in_row"])],
            ]
        row += [
            [docno(rng, short, "罚")],
            [T(rng.choice(VIOLATIONS))],
            [law(rng)],
            [amount(rng)],
            [date(rng)],
            [U(auth, "authority")],
        ]
        rows.append(row)
    table(doc, headers, rows)
    doc.t("数据来源：").add(url(rng, v.place(rng))).t("\n")
    return doc


def licence(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "licence", "准予税务行政许可决定书", "许准字")
    doc.add(U(v.org_name(rng, p), "org_name")).t("（统一社会信用代码：").add(org_tin(rng, p)).t("）：\n")
    doc.t("    你单位于").add(date(rng)).t(
        "提出的增值税专用发票（增值税税控系统）最高开票限额审批申请，经审查，符合法定条件、标准，根据"
    )
    doc.add(law(rng)).t("的规定，决定准予行政许可。核定最高开票限额为").add(amount(rng)).t("。\n")
    doc.t("    申请经办人：").add(w_name(rng, v.person(rng), ["tax_clerk"])).t("，")
    doc.t(rng.choice(["联系电话：", "手机："])).add(w_phone(rng, p[4])).t("，电子邮箱：").add(
        w_email(rng, None)
    ).t("\n")
    doc.t("    法定代表人：").add(w_name(rng, v.person(rng), ["legal_rep"])).t("\n")
    if rng.random() < 0.5:
        doc.t("    代理人：").add(w_name(rng, v.person(rng), ["agent"])).t("（").add(
            U(v.org_name(rng), "org_name")
        ).t("）\n")
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def arrears_notice(rng: random.Random, flat: str) -> Doc:
    p0 = v.place(rng)
    auth, _ = authority(rng, p0)
    doc = Doc("arrears_notice", flat)
    doc.add(U(auth, "authority")).t("\n欠税公告\n").add(
        U(f"{rng.choice(['2025', '2026'])}年第{rng.randint(1, 4)}号", "doc_number")
    )
    doc.t(
        "\n    根据《中华人民共和国税收征收管理法》第四十五条及《欠税公告办法（试行）》的规定，现将欠缴税款的纳税人名单公告如下：\n"
    )
    headers = [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人、业主）姓名",
        "身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额（元）",
    ]
    rows = []
    for _ in range(rng.randint(3, 6)):
        p = v.place(rng)
        r = rng.random()
        if r < 0.4:
            rep = v.person(rng)
            row = [
                [U(v.org_name(rng, p), "org_name")],
                [org_tin(rng, p)],
                cell_name(rng, rep, ["legal_rep"]),
                [w_id(rng, v.id18(rng, p[3], want_x=rng.random() < 0.2))],
                [U(v.business_address(rng, p), "business_address")],
            ]
        elif r < 0.8:
            owner = v.person(rng)
            shop = v.shop_name(rng, owner.cn, p)
            idv = v.id18(rng, p[3], want_x=rng.random() < 0.2)
            tin = [U(v.uscc(rng, p[3], True), "uscc")] if rng.random() < 0.5 else [w_tin_personal(rng, idv)]
            row = [
                [U(shop, "shop_name", ["shop_with_owner"])],
                tin,
                [P(owner.cn, "name", owner.tags + ["owner_alone", "repeated_in_row"])],
                [w_id(rng, idv)],
                [U(v.business_address(rng, p), "business_address")],
            ]
        else:
            who = v.person(rng)
            idv = v.id18(rng, p[3]) if rng.random() < 0.85 else v.id15(rng, p[3])
            row = [
                cell_name(rng, who, []),
                [w_tin_personal(rng, idv)] if len(idv) == 18 else [T("")],
                [P(who.cn, "name", who.tags + ["repeated_in_row"])],
                [w_id(rng, idv)],
                [T("—")],
            ]
        row += [
            [T(rng.choice(["增值税", "个人所得税", "企业所得税", "城市维护建设税", "房产税"]))],
            [amount(rng)],
        ]
        rows.append(row)
    table(doc, headers, rows)
    doc.t("    特此公告。\n")
    footer(rng, doc, auth)
    return doc


def abnormal_notice(rng: random.Random, flat: str) -> Doc:
    p0 = v.place(rng)
    auth, _ = authority(rng, p0)
    doc = Doc("abnormal_notice", flat)
    doc.add(U(auth, "authority")).t("\n关于认定非正常户的公告\n")
    doc.t(
        "    下列纳税人未按照规定的期限申报纳税，经税务机关责令限期改正后逾期仍不改正，且无法查找其下落，根据《税务登记管理办法》第四十条的规定，现认定为非正常户：\n"
    )
    headers = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人）",
        "身份证件号码",
        "生产经营地址",
        "认定日期",
    ]
    rows = []
    for i in range(rng.randint(3, 7)):
        p = v.place(rng)
        if rng.random() < 0.6:
            rep = v.person(rng)
            row = [
                [T(str(i + 1))],
                [U(v.org_name(rng, p), "org_name")],
                [org_tin(rng, p)],
                cell_name(rng, rep, ["legal_rep"]),
                [w_id(rng, v.id18(rng, p[3], want_x=rng.random() < 0.2))]
                if rng.random() < 0.7
                else [masked_value(rng)],
            ]
        else:
            owner = v.person(rng)
            row = [
                [T(str(i + 1))],
                [U(v.shop_name(rng, owner.cn, p), "shop_name", ["shop_with_owner"])],
                [U(v.uscc(rng, p[3], True), "uscc")],
                [P(owner.cn, "name", owner.tags + ["owner_alone", "repeated_in_row"])],
                [w_id(rng, v.id18(rng, p[3]))],
            ]
        row += [[U(v.business_address(rng, p), "business_address")], [date(rng)]]
        rows.append(row)
    table(doc, headers, rows)
    doc.t("    特此公告。\n")
    bureau_contact(rng, doc, p0, auth)
    footer(rng, doc, auth)
    return doc


def service_notice(rng: random.Random, flat: str) -> Doc:
    p = v.place(rng)
    auth, short = authority(rng, p)
    doc = Doc("service_notice", flat)
    doc.add(U(auth, "authority")).t("\n税务文书送达公告\n").add(docno(rng, short, "送公告")).t("\n")
    if flat == "prose":
        who = v.person(rng)
        doc.add(w_name(rng, who)).t("（身份证件号码：").add(
            w_id(rng, v.id18(rng, p[3], want_x=rng.random() < 0.2))
        ).t("）：\n")
        doc.t("    因采用直接送达、邮寄送达等方式均无法向你送达（原送达地址：").add(
            P(v.home_address(rng, p), "home_address")
        )
        doc.t("），根据").add(law(rng)).t("的规定，现将").add(docno(rng, short, "罚")).t(
            "《税务行政处罚决定书》公告送达。\n"
        )
    else:
        doc.t("    下列受送达人因下落不明，根据").add(law(rng)).t("的规定，向其公告送达以下税务文书：\n")
        headers = ["受送达人", "纳税人识别号", "送达地址", "文书名称", "文书文号"]
        rows = []
        for _ in range(rng.randint(2, 5)):
            q = v.place(rng)
            if rng.random() < 0.5:
                who = v.person(rng)
                row = [
                    cell_name(rng, who, ["recipient"]),
                    [w_tin_personal(rng, v.id18(rng, q[3], want_x=rng.random() < 0.2))],
                    [P(v.home_address(rng, q), "home_address")],
                ]
            else:
                row = [
                    [U(v.org_name(rng, q), "org_name")],
                    [org_tin(rng, q)],
                    [U(v.business_address(rng, q), "business_address")],
                ]
            row += [
                [T(rng.choice(["税务处理决定书", "税务行政处罚决定书", "税务事项通知书"]))],
                [docno(rng, short, rng.choice(["罚", "处", "通"]))],
            ]
            rows.append(row)
        table(doc, headers, rows)
    doc.t("    自公告之日起满30日，即视为送达。\n")
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def matter_notice(rng: random.Random) -> Doc:
    p, auth, short, doc = letter_head(rng, "matter_notice", "税务事项通知书", "通")
    if rng.random() < 0.5:
        who = v.person(rng)
        idv = v.id18(rng, p[3], want_x=rng.random() < 0.2)
        doc.add(w_name(rng, who)).t("：（纳税人识别号：").add(w_tin_personal(rng, idv)).t("）\n")
        doc.t("    送达地址：").add(P(v.home_address(rng, p), "home_address")).t("\n")
    else:
        doc.add(U(v.org_name(rng, p), "org_name")).t("：（纳税人识别号：").add(org_tin(rng, p)).t("）\n")
        doc.t("    联系人：").add(w_name(rng, v.person(rng), ["tax_clerk"])).t("，").add(
            w_phone(rng, p[4])
        ).t("\n")
    doc.t("    事由：责令限期改正\n    依据：").add(law(rng)).t("\n    通知内容：你（单位）").t(
        rng.choice(VIOLATIONS)
    )
    doc.t("，限你（单位）于").add(date(rng)).t("前到").add(U(auth, "authority")).t("办理。\n")
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def hearing_notice(rng: random.Random) -> Doc:
    p = v.place(rng)
    auth, short = authority(rng, p)
    doc = Doc("hearing_notice")
    doc.add(U(auth, "authority")).t("\n税务行政处罚事项告知书（听证告知）\n").add(
        docno(rng, short, "罚告")
    ).t("\n")
    who = v.person(rng)
    doc.add(w_name(rng, who)).t("：\n    对你").t(rng.choice(VIOLATIONS)).t("的行为，根据").add(law(rng))
    doc.t("的规定，拟对你处以罚款").add(amount(rng)).t(
        "。根据《中华人民共和国行政处罚法》第六十三条的规定，你有要求听证的权利。"
    )
    doc.t("可自收到本告知书之日起五日内向本局书面提出听证申请。\n")
    if rng.random() < 0.6:
        doc.t("    你已委托").add(w_name(rng, v.person(rng), ["agent"]))
        if rng.random() < 0.3:
            doc.t("（护照号码：").add(P(v.passport(rng), "passport"))
        else:
            doc.t("（身份证号码：").add(w_id(rng, v.id18(rng) if rng.random() < 0.7 else v.id15(rng)))
        doc.t("，手机").add(w_mobile(rng, v.mobile(rng))).t("）为委托代理人。\n")
    if rng.random() < 0.6:
        doc.t("    辩护人：").add(w_name(rng, v.person(rng), ["lawyer"])).t("（").add(
            U(v.law_firm(rng), "org_name")
        ).t("）\n")
    doc.t("    送达地址：").add(P(v.home_address(rng, p), "home_address")).t("；电子送达邮箱：").add(
        w_email(rng, who)
    ).t("\n")
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def major_case(rng: random.Random, flat: str) -> Doc:
    doc = Doc("major_case", flat)
    doc.t("重大税收违法失信主体信息公布\n")
    headers = [
        "纳税人名称",
        "统一社会信用代码",
        "注册地址",
        "法定代表人或者负责人姓名",
        "法定代表人身份证件号码",
        "主要违法事实",
        "相关法律依据及税务处理处罚情况",
        "实施检查的单位",
    ]
    rows = []
    for _ in range(rng.randint(1, 3)):
        p = v.place(rng)
        auth, _ = authority(rng, p)
        rep = v.person(rng)
        idv = v.id18(rng, p[3], want_x=rng.random() < 0.2)
        id_cell = (
            [A(idv[:6] + "********" + idv[-4:])]
            if rng.random() < 0.7
            else [w_id(rng, idv, tags=["major_case"])]
        )
        fact = [
            T("经检查，该公司于"),
            date(rng),
            T("至"),
            date(rng),
            T("期间虚开增值税专用发票，金额"),
            amount(rng),
            T("。"),
        ]
        basis = [T("依照"), law(rng), T("，处以罚款"), amount(rng), T("。")]
        rows.append(
            [
                [U(v.org_name(rng, p), "org_name")],
                [org_tin(rng, p)],
                [U(v.business_address(rng, p), "business_address")],
                [U(rep.cn, "name_public_legal_rep", rep.tags)],
                id_cell,
                fact,
                basis,
                [U(auth, "authority")],
            ]
        )
    table(doc, headers, rows)
    if rng.random() < 0.5:
        doc.t("举报电话：").add(U("12366", "authority_phone", ["12366"])).t("\n")
    return doc


def evidence_list(rng: random.Random, flat: str) -> Doc:
    p = v.place(rng)
    auth, short = authority(rng, p)
    doc = Doc("evidence_list", flat)
    who = v.person(rng)
    doc.t("证据清单\n案件名称：").add(w_name(rng, who, latin_ok=False)).t("涉嫌").t(rng.choice(VIOLATIONS)).t(
        "案  文书号："
    )
    doc.add(docno(rng, short, "罚")).t("\n")
    headers = ["序号", "证据名称", "证据来源", "页数", "证明内容"]
    rows = []
    for i in range(rng.randint(3, 6)):
        r = rng.random()
        if r < 0.25:
            name_cell = [P(who.cn, "name", who.tags + ["repeated"]), T("询问笔录")]
        elif r < 0.45:
            name_cell = [T("证人"), P(v.person(rng).cn, "name", ["witness"]), T("证言")]
        elif r < 0.65:
            name_cell = [
                P(who.cn, "name", who.tags + ["account_holder"]),
                T("名下银行账户"),
                w_card(rng),
                T("交易流水"),
            ]
        elif r < 0.8:
            name_cell = [T("与"), masked_value(rng), T("签订的购销合同")]
        else:
            name_cell = [T("增值税发票（"), *invoice_parts(rng), T("）")]
        src = rng.choice(
            [
                [T("当事人提供")],
                [T("银行调取")],
                [U(v.org_name(rng), "org_name"), T("提供")],
                [U(auth, "authority"), T("调取")],
            ]
        )
        rows.append(
            [
                [T(str(i + 1))],
                name_cell,
                src,
                [T(str(rng.randint(1, 40)))],
                [T(rng.choice(["证明收入金额", "证明违法事实", "证明资金流向", "证明当事人身份"]))],
            ]
        )
    table(doc, headers, rows)
    doc.t("送达回证\n送达文书：").add(docno(rng, short, "罚")).t("\n受送达人：").add(
        w_name(rng, who, ["recipient"], latin_ok=False)
    )
    doc.t("\n送达地点：").add(P(v.home_address(rng, p), "home_address")).t("\n签收人：")
    signer = who if rng.random() < 0.5 else v.person(rng)
    doc.add(w_name(rng, signer, ["signer"], latin_ok=False)).t("   签收日期：").add(date(rng)).t("\n")
    if signer is not who:
        doc.t("代收理由：受送达人之").t(rng.choice(["子", "女", "配偶", "父", "母"])).t("，联系电话：").add(
            w_phone(rng, p[4])
        ).t("\n")
    doc.t("见证人：").add(w_name(rng, v.person(rng), ["witness"])).t("，联系电话：").add(
        w_phone(rng, p[4])
    ).t("\n")
    return doc


def cross_border(rng: random.Random) -> Doc:
    p = v.place(rng)
    auth, short = authority(rng, p)
    r = rng.random()
    trad = r >= 0.4
    doc = Doc("cross_border", trad=trad and rng.random() < 0.8)
    doc.add(U(auth, "authority")).t("\n税务行政处罚决定书\n").add(docno(rng, short, "罚")).t("\n")
    if r < 0.4:
        latin, cn = v.foreign_person(rng) if rng.random() < 0.75 else (rng.choice(v.ASIAN_FOREIGN), "")
        doc.t("当事人：")
        if cn and rng.random() < 0.5:
            doc.add(P(cn, "name", ["foreign", "dotted_minority"])).t("（").add(
                P(latin, "name", ["foreign", "latin", "latin_after_cn"])
            ).t("）")
        else:
            doc.add(P(latin, "name", ["foreign", "latin"]))
        doc.t("\n国籍：").t(rng.choice(["美国", "英国", "德国", "法国", "日本", "韩国", "越南", "意大利"]))
        doc.t("\n护照号码：").add(P(v.foreign_passport(rng), "passport", ["foreign"])).t("\n")
        doc.t("境内住所：").add(P(v.home_address(rng, p), "home_address")).t("\n")
        doc.t("联系电话：").add(w_mobile(rng, v.mobile(rng))).t("  电子邮箱：").add(w_email(rng, None)).t(
            "\n"
        )
    else:
        who = v.trad_person(rng)
        hk = r < 0.7
        doc.t("當事人：").add(P(who.cn, "name", who.tags + ["hk_macao" if hk else "taiwan"])).t("\n")
        if hk:
            doc.t("港澳居民來往內地通行證號碼：").add(P(v.hk_permit(rng), "hk_macao_tw_permit")).t("\n")
        else:
            doc.t("臺灣居民來往大陸通行證號碼：").add(P(v.tw_permit(rng), "hk_macao_tw_permit")).t("\n")
        if rng.random() < 0.5:
            doc.t("港澳台居民居住證號碼：").add(
                w_id(rng, v.residence_permit(rng), "hk_macao_tw_permit", ["residence_permit"])
            ).t("\n")
        if rng.random() < 0.6:
            doc.t("中國護照號碼：").add(P(v.passport(rng), "passport")).t("\n")
        doc.t("內地住址：").add(P(v.home_address(rng, p), "home_address")).t("\n")
        doc.t("聯繫電話：").add(w_mobile(rng, v.mobile(rng))).t("\n")
    doc.t("    經查，你於").add(date(rng)).t("取得境內勞務報酬所得，未按規定申報個人所得稅，少繳稅款").add(
        amount(rng)
    )
    doc.t("。根據").add(law(rng)).t("的規定，處以罰款").add(amount(rng)).t("。\n")
    if rng.random() < 0.5:
        doc.t("    收款賬戶戶名：").add(P(doc_name_for_account(rng), "name", ["account_holder"])).t(
            "，賬號："
        ).add(w_card(rng)).t("\n")
    appeal(rng, doc, auth)
    bureau_contact(rng, doc, p, auth)
    footer(rng, doc, auth)
    return doc


def doc_name_for_account(rng: random.Random) -> str:
    return v.trad_person(rng).cn


KINDS = [
    ("penalty_simple_individual", penalty_simple_individual, False),
    ("penalty_general_individual", penalty_general_individual, False),
    ("penalty_general_enterprise", penalty_general_enterprise, False),
    ("tax_handling", tax_handling, False),
    ("no_penalty", no_penalty, False),
    ("shuanggongshi", shuanggongshi, True),
    ("licence", licence, False),
    ("arrears_notice", arrears_notice, True),
    ("abnormal_notice", abnormal_notice, True),
    ("service_notice", service_notice, True),
    ("matter_notice", matter_notice, False),
    ("hearing_notice", hearing_notice, False),
    ("major_case", major_case, True),
    ("evidence_list", evidence_list, True),
    ("cross_border", cross_border, False),
    ("cross_border", cross_border, False),
]


WRAPPED_KINDS = [
    "penalty_general_individual",
    "penalty_general_enterprise",
    "tax_handling",
    "no_penalty",
    "hearing_notice",
    "cross_border",
    "matter_notice",
]


def generate() -> list[dict]:
    rng = random.Random(SEED)
    docs = []
    seen: dict[str, int] = {}
    for i in range(N_DOCS):
        name, fn, tabular = KINDS[i % len(KINDS)]
        seen[name] = seen.get(name, 0) + 1
        if tabular:
            # every tabular kind goes through all six flattenings in turn; one service notice in seven
            # is a single-recipient letter in prose
            flat = FLATTENINGS[seen[name] % len(FLATTENINGS)]
            if name == "service_notice" and seen[name] % 7 == 0:
                flat = "prose"
            doc = fn(rng, flat)
        else:
            doc = fn(rng)
            # one letter in four of these kinds as a PDF's text comes out: lines broken at a fixed width
            if name in WRAPPED_KINDS and seen[name] % 4 == 0:
                doc.flat = "pdf_wrapped"
        docs.append(doc.build(f"m3-{i + 1:04d}"))
    return docs


def main() -> None:
    docs = generate()
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {OUT}")


if __name__ == "__main__":
    main()
