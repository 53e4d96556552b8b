"""Generate masking evaluation set 10 (corpus.jsonl), deterministically.

Usage: python generate.py [--out PATH] [--n 400]

Every value is invented. IDs carry valid GB 11643 check digits, bank cards pass Luhn,
USCCs are valid GB 32100 codes (with a valid GB 11714 organisation code inside).
Written without looking at the masker or at the other evaluation sets.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SEED = 20261207
HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- reference data

CITIES = [
    # province, city, [(district, region code)], area code, city bureau short
    ("陕西省", "汉中市", [("汉台区", "610702"), ("南郑区", "610703"), ("城固县", "610722")], "0916", "汉"),
    ("四川省", "绵阳市", [("涪城区", "510703"), ("游仙区", "510704"), ("江油市", "510781")], "0816", "绵"),
    ("江西省", "赣州市", [("章贡区", "360702"), ("南康区", "360703"), ("赣县区", "360704")], "0797", "赣"),
    ("山东省", "临沂市", [("兰山区", "371302"), ("罗庄区", "371311"), ("河东区", "371312")], "0539", "临"),
    (
        "广西壮族自治区",
        "柳州市",
        [("城中区", "450202"), ("鱼峰区", "450203"), ("柳北区", "450205")],
        "0772",
        "柳",
    ),
    ("湖南省", "株洲市", [("荷塘区", "430202"), ("芦淞区", "430203"), ("天元区", "430211")], "0731", "株"),
]
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "慕容"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞建国志宏海波宁辉斌俊晓东雪琳倩颖婷浩然宇轩子涵欣怡佳琪思远文博嘉懿瑞泽云龙德胜春生秋菊冬梅金凤银花永福"
)
UYGHUR = ["买买提", "艾力", "阿不都", "热合曼", "吐尔逊", "古丽", "阿依", "努尔", "帕提曼", "依明"]
LATIN = [
    "John Smith",
    "Maria Garcia",
    "David Chen",
    "Anna Müller",
    "Kim Min-jun",
    "Tanaka Hiroshi",
    "Peter Wong",
    "Sarah O'Neil",
    "Nguyen Van An",
    "Ali Hassan",
]
STREETS = [
    "人民路",
    "解放路",
    "建设路",
    "中山路",
    "和平街",
    "朝阳路",
    "新华路",
    "滨江路",
    "文化路",
    "胜利街",
    "东风路",
    "光明巷",
]
COMMUNITIES = ["幸福家园", "锦绣华庭", "阳光小区", "丽景花园", "翠湖苑", "金色港湾", "书香名邸", "龙湖世家"]
TRADE = [
    "商贸",
    "建材",
    "机械设备",
    "物流",
    "餐饮管理",
    "电子科技",
    "农业开发",
    "建筑劳务",
    "医药",
    "广告传媒",
]
WORDS = [
    "鑫瑞",
    "华通",
    "恒达",
    "宏远",
    "金桥",
    "盛源",
    "博雅",
    "锦程",
    "天泽",
    "润丰",
    "嘉禾",
    "永昌",
    "凯旋",
    "晨曦",
]
BANKS = [
    ("中国农业银行", "622848"),
    ("中国建设银行", "621700"),
    ("中国工商银行", "622202"),
    ("中国银行", "621661"),
    ("中国邮政储蓄银行", "621799"),
    ("农村商业银行", "623190"),
]
EMAIL_DOM = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com"]
PINYIN = [
    "wanghong",
    "lijun",
    "zhangwei88",
    "liuyang",
    "chenjing",
    "yangfan",
    "zhaolei",
    "hxm1987",
    "sunny_li",
    "tax.help",
    "zq2020",
    "mingyue",
    "xiaofeng",
    "dengke",
    "luoxi_99",
]
TAX_AGENT = ["税务师事务所有限公司", "财税咨询有限公司", "代理记账有限公司", "会计师事务所（普通合伙）"]
LAWFIRM = ["律师事务所"]
SHOP_KIND = ["面馆", "烧烤店", "理发店", "便利店", "五金店", "干洗店", "修车铺", "水果店"]

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def ch(self, seq):
        return self.r.choice(seq)

    # -- identifiers
    def id_number(self, region: str, lower_x: bool = False) -> str:
        r = self.r
        y = r.randint(1955, 2003)
        m = r.randint(1, 12)
        d = r.randint(1, 28)
        body = f"{region}{y:04d}{m:02d}{d:02d}{r.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        s = sum(int(c) * wi for c, wi in zip(body, w, strict=True))
        check = "10X98765432"[s % 11]
        if lower_x and check == "X":
            check = "x"
        return body + check

    def uscc(self, region: str) -> str:
        r = self.r
        org = "".join(r.choice(ORG_CHARS[:10] if i < 2 else ORG_CHARS) for i in range(8))
        s = sum(ORG_CHARS.index(c) * w for c, w in zip(org, ORG_W, strict=True))
        c9 = 11 - s % 11
        org += "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
        body = r.choice(["91", "92", "93", "52"]) + region + org
        s = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W, strict=True))
        c = (31 - s % 31) % 31
        return body + USCC_CHARS[c]

    def bank_card(self, prefix: str, length: int = 19) -> str:
        r = self.r
        body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        total = 0
        for i, c in enumerate(reversed(body)):
            n = int(c)
            if i % 2 == 0:
                n *= 2
                if n > 9:
                    n -= 9
            total += n
        return body + str((10 - total % 10) % 10)

    def mobile(self) -> str:
        r = self.r
        return (
            r.choice(["13", "15", "18", "17", "19"])
            + str(r.randint(0, 9))
            + "".join(str(r.randint(0, 9)) for _ in range(8))
        )

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(n - 1))

    # -- names
    def name(self, kind: str = "han"):
        """Return (name, core_start)."""
        r = self.r
        if kind == "compound":
            s = r.choice(COMPOUND)
            return s + "".join(r.choice(GIVEN) for _ in range(r.randint(1, 2))), len(s)
        if kind == "dot":
            a, b = r.sample(UYGHUR, 2)
            return f"{a}·{b}", 1
        if kind == "latin":
            return r.choice(LATIN), 1
        if kind == "single":
            return r.choice(SURNAMES) + r.choice(GIVEN), 1
        s = r.choice(SURNAMES)
        return s + "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2, 2, 2]))), 1

    def any_name(self):
        k = self.r.choices(["han", "compound", "dot", "latin", "single"], [80, 5, 5, 4, 6])[0]
        n, c = self.name(k)
        tags = {
            "compound": ["compound_surname"],
            "dot": ["minority_dot_name"],
            "latin": ["latin_name"],
            "single": ["two_char_name"],
        }.get(k, [])
        return n, c, tags

    def company(self, city):
        w = self.ch(WORDS)
        t = self.ch(TRADE)
        return self.ch(
            [
                f"{city[1]}{w}{t}有限公司",
                f"{city[0][:2]}{w}{t}有限责任公司",
                f"{w}{t}（{city[1][:-1]}）有限公司",
            ]
        )

    def district(self, city):
        return self.ch(city[2])


# ---------------------------------------------------------------- document builder


class S:
    """A span to be placed: value, kind, type, core (relative), tags."""

    def __init__(self, value, kind, typ, core=None, tags=()):
        self.value = value
        self.kind = kind
        self.type = typ
        self.core = core
        self.tags = list(tags)


def digit_core(value: str, first: int, last_keep: int):
    idx = [i for i, c in enumerate(value) if c.isdigit()]
    cs = idx[first]
    ce = idx[len(idx) - last_keep - 1] + 1
    return cs, ce


class Doc:
    def __init__(self):
        self.buf = []
        self.n = 0
        self.spans = []

    def t(self, s: str):
        self.buf.append(s)
        self.n += len(s)

    def add(self, x):
        if isinstance(x, str):
            self.t(x)
            return
        if isinstance(x, (list, tuple)):
            for y in x:
                self.add(y)
            return
        start = self.n
        self.t(x.value)
        sp = {"start": start, "end": self.n, "kind": x.kind, "type": x.type, "tags": list(x.tags)}
        if x.kind == "personal":
            sp["core_start"] = start + x.core[0]
            sp["core_end"] = start + x.core[1]
        self.spans.append(sp)

    def text(self):
        return "".join(self.buf)


def insert_chars(text: str, spans: list, inserts: list, span_tag: str):
    """inserts: list of (pos, string). Positions refer to the original text."""
    inserts = sorted(inserts)
    out = []
    prev = 0
    for p, s in inserts:
        out.append(text[prev:p])
        out.append(s)
        prev = p
    out.append(text[prev:])

    def shift(p, inclusive):
        return p + sum(len(s) for q, s in inserts if (q <= p if inclusive else q < p))

    for sp in spans:
        s0, e0 = sp["start"], sp["end"]
        if any(s0 < q < e0 for q, _ in inserts) and span_tag not in sp["tags"]:
            sp["tags"].append(span_tag)
        sp["start"] = shift(s0, True)
        sp["end"] = shift(e0, False)
        if "core_start" in sp:
            sp["core_start"] = shift(sp["core_start"], True)
            sp["core_end"] = max(sp["core_start"], shift(sp["core_end"], False))
    return "".join(out)


def pdf_wrap(text: str, spans: list, rng: random.Random, width: int):
    """Hard line breaks every `width` chars of a line, as PDF extraction produces (also inside values)."""
    inserts = []
    col = 0
    for i, c in enumerate(text):
        if c == "\n":
            col = 0
            continue
        col += 1
        if col >= width and i + 1 < len(text) and text[i + 1] != "\n":
            inserts.append((i + 1, "\n"))
            col = 0
    return insert_chars(text, spans, inserts, "pdf_wrapped")


def ocr_noise(text: str, spans: list, rng: random.Random, rate: float):
    """Noise characters inserted only outside labelled spans (and not touching them)."""
    blocked = set()
    for sp in spans:
        blocked.update(range(sp["start"], sp["end"] + 1))
    inserts = []
    for i in range(1, len(text)):
        if i in blocked or text[i - 1] == "\n":
            continue
        if rng.random() < rate:
            inserts.append((i, rng.choice(["丨", " ", "．", "'", "〃", "l", "，", "_", "囗"])))
    return insert_chars(text, spans, inserts, "ocr_inside")


# ---------------------------------------------------------------- span factories


class F:
    def __init__(self, g: Gen):
        self.g = g
        self.r = g.r

    def person(self, extra=(), kind=None):
        if kind:
            n, c = self.g.name(kind)
            t = []
        else:
            n, c, t = self.g.any_name()
        return S(n, "personal", "person_name", (c, len(n)), t + list(extra))

    def idn(self, city, extra=(), typ="id_number", fullwidth=False, spaced=False):
        reg = self.g.district(city)[1]
        v = self.g.id_number(reg, lower_x=self.r.random() < 0.3)
        tags = list(extra)
        if v.endswith("x"):
            tags.append("lowercase_x")
        core = (6, 14)
        if spaced:
            v = f"{v[:6]} {v[6:14]} {v[14:]}"
            core = (7, 15)
            tags.append("spaced_digits")
        if fullwidth:
            v = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in v)
            tags.append("fullwidth")
        return S(v, "personal", typ, core, tags)

    def mobile(self, extra=(), style=None):
        v = self.g.mobile()
        style = style or self.r.choices(["plain", "dash", "space", "plus86"], [70, 10, 10, 10])[0]
        tags = list(extra)
        if style == "dash":
            v = f"{v[:3]}-{v[3:7]}-{v[7:]}"
        elif style == "space":
            v = f"{v[:3]} {v[3:7]} {v[7:]}"
        elif style == "plus86":
            v = "+86 " + v
            tags.append("plus86")
        if style != "plain":
            tags.append("formatted_phone")
        idx = [i for i, c in enumerate(v) if c.isdigit()]
        off = 2 if style == "plus86" else 0
        return S(v, "personal", "mobile", (idx[off + 3], idx[off + 6] + 1), tags)

    def landline(self, city, extra=()):
        sub = self.g.digits(7)
        style = self.r.choice(["dash", "paren", "none"])
        pre = {"dash": city[3] + "-", "paren": f"（{city[3]}）", "none": ""}[style]
        v = pre + sub
        return S(v, "personal", "landline_private", (len(pre), len(pre) + 5), list(extra))

    def hall_phone(self, city, typ="hall_phone"):
        return S(f"{city[3]}-{self.g.digits(7)}", "public", typ, tags=["same_shape_as_private"])

    def email(self, extra=()):
        local = self.r.choice(PINYIN) + (str(self.r.randint(1, 999)) if self.r.random() < 0.5 else "")
        v = f"{local}@{self.r.choice(EMAIL_DOM)}"
        return S(v, "personal", "email", (0, len(local)), list(extra))

    def home_address(self, city, extra=(), with_province=None):
        d = self.g.district(city)[0]
        head = (
            (city[0] if (with_province if with_province is not None else self.r.random() < 0.4) else "")
            + city[1]
            + d
        )
        kind = self.r.random()
        if kind < 0.5:
            det = f"{self.r.choice(STREETS)}{self.r.randint(1, 300)}号{self.r.choice(COMMUNITIES)}{self.r.randint(1, 30)}栋{self.r.randint(1, 6)}单元{self.r.randint(1, 30)}0{self.r.randint(1, 4)}室"
        elif kind < 0.8:
            det = f"{self.r.choice(['城关镇', '龙岗镇', '新集镇', '白马乡'])}{self.r.choice(['东关村', '河西村', '柳树湾村', '王家庄村'])}{self.r.randint(1, 12)}组{self.r.randint(1, 99)}号"
        else:
            det = f"{self.r.choice(STREETS)}{self.r.randint(1, 99)}号院{self.r.randint(1, 20)}号楼{self.r.randint(101, 2605)}"
        return S(head + det, "personal", "home_address", (len(head), len(head + det)), list(extra))

    def bank(self, extra=(), spaced=None):
        bank, prefix = self.r.choice(BANKS)
        v = self.g.bank_card(prefix, self.r.choice([16, 19, 19]))
        tags = list(extra)
        if spaced if spaced is not None else self.r.random() < 0.25:
            v = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
            tags.append("spaced_digits")
        return bank, S(v, "personal", "bank_card", digit_core(v, 6, 4), tags)

    def passport(self, extra=()):
        v = self.r.choice(["E", "EA", "EB"])
        v += "".join(str(self.r.randint(0, 9)) for _ in range(9 - len(v)))
        return S(v, "personal", "passport", (1, len(v) - 2), list(extra))

    def hk_permit(self, extra=()):
        v = "C" + self.g.digits(8)
        return S(v, "personal", "hk_macao_permit", (1, len(v) - 2), list(extra))

    def tw_permit(self, extra=()):
        v = self.r.choice(["T", ""]) + self.g.digits(8)
        return S(v, "personal", "taiwan_permit", (1, len(v) - 2), list(extra))

    def official(self, extra=()):
        n, _ = self.g.name("han")
        return S(n, "personal_policy", "official_name", None, ["published_by_policy"] + list(extra))

    # public
    def pub(self, v, typ, tags=()):
        return S(v, "public", typ, tags=tags)

    def company(self, city, tags=()):
        return self.pub(self.g.company(city), "company_name", tags)

    def uscc(self, city):
        return self.pub(self.g.uscc(self.g.district(city)[1]), "uscc")

    def authority(self, city, level=None):
        d = self.g.district(city)[0]
        level = level or self.r.choice(["city", "district", "inspect"])
        v = {
            "city": f"国家税务总局{city[1]}税务局",
            "district": f"国家税务总局{city[1]}{d}税务局",
            "inspect": f"国家税务总局{city[1]}税务局第{self.r.choice('一二三')}稽查局",
        }[level]
        return self.pub(v, "authority_name")

    def auth_address(self, city):
        d = self.g.district(city)[0]
        return self.pub(
            f"{city[1]}{d}{self.r.choice(STREETS)}{self.r.randint(1, 200)}号",
            "authority_address",
            ["address_shape"],
        )

    def amount(self):
        r = self.r
        style = r.random()
        x = r.randint(100, 2_000_000) + r.randint(0, 99) / 100
        if style < 0.6:
            return self.pub(f"{x:,.2f}元", "amount")
        if style < 0.85:
            return self.pub(f"{x:.2f}元", "amount")
        return self.pub(f"{int(x) // 100 * 100}元", "amount")

    def amount_capital(self):
        n = self.r.randint(1, 9999) * 100 + self.r.choice([0, 0, 50])
        digits = "零壹贰叁肆伍陆柒捌玖"

        def four(x):
            out, zero = "", False
            for unit, div in (("仟", 1000), ("佰", 100), ("拾", 10), ("", 1)):
                q = x // div % 10
                if q:
                    if zero and out:
                        out += "零"
                    out += digits[q] + unit
                    zero = False
                else:
                    zero = True
            return out

        hi, lo = divmod(n, 10000)
        txt = (four(hi) + "万" if hi else "") + (
            ("零" if hi and lo < 1000 and lo else "") + four(lo) if lo else ""
        )
        return [
            "（大写）",
            self.pub(f"{txt}元整", "amount", ["capital_amount"]),
            "（",
            self.pub(f"¥{n:,.2f}", "amount"),
            "）",
        ]

    def date(self, y=None):
        r = self.r
        y = y or r.choice([2024, 2025, 2026])
        m, d = r.randint(1, 12), r.randint(1, 28)
        style = r.random()
        if style < 0.7:
            return self.pub(f"{y}年{m}月{d}日", "date")
        if style < 0.9:
            return self.pub(f"{y}-{m:02d}-{d:02d}", "date")
        cn = "〇一二三四五六七八九"
        yy = "".join(cn[int(c)] for c in str(y))

        def num(n):
            return (
                (
                    "十"
                    if n == 10
                    else (
                        "十" + cn[n - 10] if n < 20 else cn[n // 10] + "十" + (cn[n % 10] if n % 10 else "")
                    )
                )
                if n >= 10
                else cn[n]
            )

        return self.pub(f"{yy}年{num(m)}月{num(d)}日", "date", ["chinese_numeral_date"])

    def date_range(self):
        a, b = sorted(
            [
                (self.r.choice([2023, 2024, 2025]), self.r.randint(1, 12), self.r.randint(1, 28))
                for _ in range(2)
            ]
        )
        fmt = self.r.choice(["{}年{}月{}日", "{}-{:02d}-{:02d}"])
        return [self.pub(fmt.format(*a), "date"), "至", self.pub(fmt.format(*b), "date")]

    def docno(self, city, kind="罚"):
        y = self.r.choice([2024, 2025, 2026])
        a = city[4]
        pre = self.r.choice(
            [
                f"{a}税稽{kind}",
                f"{a}税{self.r.choice('一二三')}稽{kind}",
                f"{a}{self.r.choice([d[0][0] for d in city[2]])}税{kind}",
            ]
        )
        return self.pub(f"{pre}〔{y}〕{self.r.randint(1, 300)}号", "doc_number")

    def invoice_code(self):
        return self.pub(self.g.digits(self.r.choice([10, 12])), "invoice_code", ["long_digits"])

    def invoice_number(self):
        if self.r.random() < 0.4:
            return self.pub("2" + self.g.digits(19), "invoice_number", ["long_digits", "e_invoice_20"])
        return self.pub(f"{self.r.randint(0, 99999999):08d}", "invoice_number", ["long_digits"])

    def url(self, city):
        host = self.r.choice(["chinatax.gov.cn", "tax.gov.cn"])
        return self.pub(
            f"https://{self.r.choice(['shaanxi', 'sichuan', 'jiangxi', 'shandong', 'guangxi', 'hunan'])}.{host}/art/{self.r.randint(2024, 2026)}/{self.r.randint(1, 12)}/{self.r.randint(1, 28)}/art_{self.g.digits(5)}_{self.g.digits(7)}.html",
            "url",
        )

    def hotline(self):
        return self.pub(self.r.choice(["12366", "12345", "12366-1"]), "hotline")

    def shop(self, city, owner_surname):
        d = self.g.district(city)[0]
        return self.pub(
            f"{city[1][:-1]}{d}{owner_surname}{self.r.choice(['记', '氏', '家'])}{self.r.choice(SHOP_KIND)}",
            "shop_name",
            ["named_after_owner"],
        )

    def law_firm(self, city):
        return self.pub(f"{city[0][:2]}{self.r.choice(WORDS)}{self.r.choice(LAWFIRM)}", "law_firm")

    def tax_agency(self, city):
        return self.pub(f"{city[1]}{self.r.choice(WORDS)}{self.r.choice(TAX_AGENT)}", "tax_agency_name")

    def law(self):
        return self.pub(
            self.r.choice(
                [
                    "《中华人民共和国税收征收管理法》第六十三条第一款",
                    "《中华人民共和国行政复议法》第六十八条",
                    "《中华人民共和国政府信息公开条例》第三十六条第（三）项",
                    "《中华人民共和国税收征收管理法》第四十条",
                    "《中华人民共和国税收征收管理法》第四十四条",
                    "《社会保险费征缴暂行条例》第十三条",
                    "《纳税信用管理办法（试行）》第二十一条",
                    "《涉税专业服务监管办法（试行）》第十九条",
                ]
            ),
            "law_citation",
        )

    # already masked
    def masked_name(self):
        s = self.r.choice(SURNAMES)
        v = self.r.choice([s + "**", s + "某", s + "某某", s + "*", s + "××"])
        return S(v, "masked", "masked_name")

    def masked_id(self, city):
        reg = self.g.district(city)[1]
        v = self.r.choice(
            [
                reg + "********" + self.g.digits(4),
                "9144********",
                reg[:4] + "**********" + self.g.digits(3) + "X",
            ]
        )
        return S(v, "masked", "masked_id")

    def masked_phone(self):
        m = self.g.mobile()
        return S(m[:3] + "****" + m[7:], "masked", "masked_phone")

    def placeholder(self):
        return S(self.r.choice(["XXX", "×××", "＊＊＊", "XX"]), "masked", "placeholder")

    def surname_title(self):
        return S(
            self.r.choice(SURNAMES) + self.r.choice(["老师", "女士", "先生", "师傅", "科长"]),
            "masked",
            "surname_title",
        )


# ---------------------------------------------------------------- tables


def render_table(doc: Doc, r: random.Random, layout: str, header, rows, merged=None):
    """header: list of str; rows: list of list of cells (str | S | list). merged: optional top header row."""

    def cell_text(c):
        if isinstance(c, S):
            return c.value
        if isinstance(c, (list, tuple)):
            return "".join(cell_text(x) for x in c)
        return c

    if layout == "tab":
        if merged:
            doc.t("\t".join(merged) + "\n")
        doc.t("\t".join(header) + "\n")
        for row in rows:
            for i, c in enumerate(row):
                if i:
                    doc.t("\t")
                doc.add(c)
            doc.t("\n")
    elif layout == "pipe":
        if merged:
            doc.t("| " + " | ".join(merged) + " |\n")
        doc.t("| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n")
        for row in rows:
            doc.t("| ")
            for i, c in enumerate(row):
                if i:
                    doc.t(" | ")
                doc.add(c)
            doc.t(" |\n")
    elif layout == "cell_per_line":
        if merged:
            for m in merged:
                if m:
                    doc.t(m + "\n")
        for h in header:
            doc.t(h + "\n")
        for row in rows:
            for c in row:
                doc.add(c)
                doc.t("\n")
    elif layout == "space_aligned":
        widths = [
            max([len(header[i])] + [len(cell_text(row[i])) for row in rows]) + 2 for i in range(len(header))
        ]
        if merged:
            doc.t("".join(m.ljust(w) for m, w in zip(merged, widths, strict=True)).rstrip() + "\n")
        doc.t("".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
        for row in rows:
            for i, c in enumerate(row):
                doc.add(c)
                if i < len(row) - 1:
                    doc.t(" " * (widths[i] - len(cell_text(c))))
            doc.t("\n")
    elif layout == "csv":

        def q(s):
            return '"' + s + '"' if any(ch in s for ch in ',"\n') or r.random() < 0.3 else s

        doc.t(",".join(q(h) for h in header) + "\n")
        for row in rows:
            for i, c in enumerate(row):
                if i:
                    doc.t(",")
                txt = cell_text(c)
                quoted = any(ch in txt for ch in ",\n") or r.random() < 0.3
                if quoted:
                    doc.t('"')
                doc.add(c)
                if quoted:
                    doc.t('"')
            doc.t("\r\n" if r.random() < 0.2 else "\n")
    elif layout == "html":
        doc.t("<table>\n<thead>\n")
        if merged:
            doc.t("<tr>" + "".join(f'<th colspan="2">{m}</th>' if m else "" for m in merged) + "</tr>\n")
        doc.t("<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>\n</thead>\n<tbody>\n")
        for row in rows:
            doc.t("<tr>")
            for c in row:
                doc.t("<td>")
                doc.add(c)
                doc.t("</td>")
            doc.t("</tr>\n")
        doc.t("</tbody>\n</table>\n")
    elif layout == "key_value":
        for row in rows:
            for h, c in zip(header, row, strict=True):
                doc.t(f"{h}：")
                doc.add(c)
                doc.t("\n")
            doc.t("\n")
    elif layout == "semicolon":
        for row in rows:
            for i, (h, c) in enumerate(zip(header, row, strict=True)):
                if i:
                    doc.t("；")
                doc.t(f"{h}：")
                doc.add(c)
            doc.t("。\n")
    else:
        raise ValueError(layout)


TABLE_LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "csv", "html", "key_value", "semicolon"]


def newline_in(s: S, r: random.Random):
    """Put a newline inside a cell value (CSV cell or wrapped cell); keeps core offsets right."""
    if len(s.value) < 8:
        return s
    k = r.randint(3, len(s.value) - 3)
    v = s.value[:k] + "\n" + s.value[k:]
    core = s.core
    if core:
        cs, ce = core
        if k <= cs:
            cs += 1
            ce += 1
        elif k < ce:
            ce += 1
        core = (cs, ce)
    return S(v, s.kind, s.type, core, s.tags + ["newline_in_cell"])


# ---------------------------------------------------------------- document kinds


def k_info_reply(doc, f, city, r):
    """政府信息公开申请答复书 to a natural person."""
    auth = f.authority(city)
    p = f.person(["applicant"])
    doc.add([auth, "\n政府信息公开申请答复书\n"])
    doc.add([f.docno(city, "依申复"), "\n\n"])
    title = r.choice(["", "先生", "女士"])
    if title:
        p.tags.append("after_title")
    doc.add(
        [
            p,
            title,
            "：\n本机关于",
            f.date(),
            "收到您通过",
            r.choice(["信函", "电子邮件", "政府网站", "当面"]),
            "方式提交的政府信息公开申请（申请人：",
            p if r.random() < 0.5 else S(p.value, p.kind, p.type, p.core, p.tags + ["repeat"]),
            "，身份证号码：",
            f.idn(city),
            "，通信地址：",
            f.home_address(city, ["mailing_address"]),
            "，联系电话：",
            f.mobile(),
        ]
    )
    if r.random() < 0.6:
        doc.add(["，电子邮箱：", f.email()])
    doc.add(
        [
            "），申请获取“",
            f.company(city),
            "（统一社会信用代码：",
            f.uscc(city),
            "）",
            f.date(),
            "的税务行政处罚决定书”。经审查，现答复如下：\n",
        ]
    )
    doc.add(
        [
            "您申请获取的信息已于",
            f.date(),
            "在本机关门户网站主动公开，网址为",
            f.url(city),
            "，文号为",
            f.docno(city),
            "。根据",
            f.law(),
            "的规定，告知您获取该政府信息的方式和途径。\n",
        ]
    )
    if r.random() < 0.5:
        tp = f.person(["third_party"])
        doc.add(
            [
                "该信息涉及第三方",
                tp,
                "的个人隐私，本机关已书面征求其意见，",
                tp.value[:1] if False else "",
                "第三方不同意公开，故不予公开其身份证号码、住址。\n",
            ]
        )
    doc.add(
        [
            "如对本答复不服，可以在收到本答复之日起六十日内向",
            f.authority(city, "city"),
            "申请行政复议，或者在六个月内向人民法院提起行政诉讼。\n",
        ]
    )
    doc.add(
        [
            "联系人：",
            f.official(),
            "    联系电话：",
            f.hall_phone(city),
            "\n地址：",
            f.auth_address(city),
            "\n",
        ]
    )
    doc.add([auth.value if False else "", f.date(), "\n"])


def k_disclosure_register(doc, f, city, r, layout):
    """依申请公开 register (申请人 name/address/phone/e-mail)."""
    doc.add([f.authority(city), "依申请公开政府信息登记表（", f.date(), "）\n"])
    header = [
        "序号",
        "申请人",
        "证件号码",
        "通信地址",
        "联系电话",
        "电子邮箱",
        "申请内容",
        "答复日期",
        "答复类型",
    ]
    merged = ["", "申请人信息", "", "", "", "", "申请事项", "办理情况", ""]
    rows = []
    for i in range(r.randint(3, 6)):
        kind = r.random()
        if kind < 0.15:
            who = [f.company(city)]
            idc = f.uscc(city)
        else:
            who = [f.person(["in_table"])]
            idc = r.choice([f.idn(city), f.passport(), f.hk_permit(), f.tw_permit()])
        addr = f.home_address(city)
        if layout in ("csv", "cell_per_line") and r.random() < 0.4:
            addr = newline_in(addr, r)
        phone = r.choice([f.mobile(), f.landline(city)])
        if kind < 0.15:
            # A company applicant's mailing address and office landline are the company's, not a person's
            # (labelling fix after the first score; the random draws are unchanged, so is the text).
            addr = S(addr.value, "public", "company_address", tags=["address_shape", "applicant_company"])
            if phone.type == "landline_private":
                phone = S(
                    phone.value,
                    "public",
                    "company_phone",
                    tags=["same_shape_as_private", "applicant_company"],
                )
        rows.append(
            [
                str(i + 1),
                who,
                idc,
                addr,
                phone,
                f.email() if r.random() < 0.7 else "—",
                ["关于", f.company(city), "欠税情况的信息"],
                f.date(),
                r.choice(["予以公开", "部分公开", "不予公开", "信息不存在"]),
            ]
        )
    render_table(doc, r, layout, header, rows, merged if r.random() < 0.5 else None)


def k_review_decision(doc, f, city, r):
    """税务行政复议决定书 with 申请人, 委托代理人, 第三人, 被申请人."""
    auth = f.authority(city, "city")
    doc.add([auth, "\n行政复议决定书\n", f.docno(city, "复决"), "\n\n"])
    p = f.person(["party"])
    sex = r.choice(["男", "女"])
    doc.add(
        [
            "申请人：",
            p,
            "，",
            sex,
            "，",
            r.choice(["汉族", "回族", "壮族", "维吾尔族"]),
            "，",
            f.date(r.randint(1960, 1999)) if False else "",
            "公民身份号码",
            f.idn(city),
            "，住",
            f.home_address(city),
            "。\n",
        ]
    )
    if r.random() < 0.7:
        lw = f.person(["agent"])
        doc.add(["委托代理人：", lw, "，", f.law_firm(city), "律师。\n"])
    if r.random() < 0.5:
        ag = f.person(["agent"])
        doc.add(
            [
                "委托代理人：",
                ag,
                "，系申请人之",
                r.choice(["妻", "子", "兄", "女"]),
                "，住",
                f.home_address(city),
                "，联系电话",
                f.mobile(),
                "。\n",
            ]
        )
    d = f.authority(city, "district")
    doc.add(
        [
            "被申请人：",
            d,
            "，住所地",
            f.auth_address(city),
            "。\n法定代表人：",
            f.official(["bureau_head"]),
            "，局长。\n",
        ]
    )
    if r.random() < 0.5:
        tp = f.person(["third_party"])
        doc.add(["第三人：", tp, "，住", f.home_address(city), "。\n"])
    doc.add(
        [
            "申请人不服被申请人",
            f.date(),
            "作出的",
            f.docno(city),
            "《税务行政处罚决定书》，于",
            f.date(),
            "向本机关申请行政复议，本机关依法予以受理。\n",
        ]
    )
    p2 = S(p.value, p.kind, p.type, p.core, p.tags + ["verb_context"])
    doc.add(
        [
            "经审理查明：",
            p2,
            r.choice(["于", "在"]),
            f.date(),
            "取得",
            f.company(city),
            "支付的劳务报酬",
            f.amount(),
            "，未按规定申报个人所得税。被申请人经调查核实，认定",
            S(p.value, p.kind, p.type, p.core, p.tags + ["verb_context"]),
            "少缴税款",
            f.amount(),
            "，并处罚款",
            f.amount(),
            "。",
            S(p.value, p.kind, p.type, p.core, p.tags + ["possessive"]),
            "的银行账户（",
            f.bank()[0],
            "，账号",
            f.bank()[1],
            "）收款记录可证实上述事实。\n",
        ]
    )
    doc.add(
        [
            "本机关认为，被申请人作出的处罚决定认定事实清楚，证据确凿，适用依据正确。根据",
            f.law(),
            "之规定，本机关决定：维持被申请人作出的",
            f.docno(city),
            "。\n",
            auth.value if False else "",
            f.date(),
            "\n",
        ]
    )


def k_enforcement(doc, f, city, r):
    """税收强制执行决定书 / 扣缴税收款项通知书 for an individual."""
    auth = f.authority(city)
    p = f.person(["party"])
    v = r.random()
    if v < 0.2:
        bank, card = f.bank(["bank_with_branch"])
        doc.add(
            [
                auth,
                "\n冻结存款通知书\n",
                f.docno(city, "冻通"),
                "\n\n",
                bank,
                city[1],
                f.g.district(city)[0],
                "支行：\n根据",
                f.law(),
                "规定，经",
                f.authority(city, "city"),
                "局长批准，请从",
                f.date(),
                str(r.randint(8, 17)),
                "时起冻结",
                p,
                "在你处的存款帐户",
                card,
                "号的存款",
                f.amount_capital(),
                "。\n",
            ]
        )
    elif v < 0.6:
        doc.add(
            [
                auth,
                "\n税收强制执行决定书\n",
                f.docno(city, "强扣"),
                "\n\n",
                p,
                "（纳税人识别号：",
                f.idn(city, ["id_as_tin"], typ="taxpayer_id_person"),
                "）：\n",
            ]
        )
        doc.add(
            [
                "你",
                r.choice(["于", "在"]),
                f.date(),
                "未缴纳",
                f.docno(city, "处"),
                "《税务处理决定书》确定的税款",
                f.amount(),
                "，经",
                f.docno(city, "限改"),
                "《责令限期改正通知书》催缴，逾期仍未缴纳。根据",
                f.law(),
                "的规定，经",
                f.authority(city, "city"),
                "局长批准，决定从你在",
            ]
        )
        bank, card = f.bank(["bank_with_branch"])
        doc.add(
            [
                bank,
                city[1],
                r.choice(["分行", "支行", "营业部"]),
                "的存款账户（账号：",
                card,
                "）中扣缴税款",
                f.amount(),
                "、滞纳金",
                f.amount(),
                "。\n",
            ]
        )
    else:
        bank, card = f.bank(["bank_with_branch"])
        doc.add(
            [
                auth,
                "\n扣缴税收款项通知书\n",
                f.docno(city, "扣通"),
                "\n\n",
                bank,
                city[1],
                "支行：\n根据",
                f.law(),
                "的规定，经",
                f.authority(city, "city"),
                "局长批准，请从纳税人",
                p,
                "（身份证件号码",
                f.idn(city),
                "）在你处开设的账户（账号",
                card,
                "）中扣缴税款",
                f.amount(),
                "，并于",
                f.date(),
                "前将税款缴入国库。\n",
            ]
        )
        doc.add(["纳税人住址：", f.home_address(city), "    联系电话：", f.mobile(), "\n"])
    doc.add(
        [
            "执法人员：",
            f.official(),
            "、",
            f.official(),
            "\n咨询电话：",
            f.hall_phone(city),
            "；纳税服务热线：",
            f.hotline(),
            "\n",
            f.date(),
            "\n",
        ]
    )


def k_exit_ban(doc, f, city, r):
    """阻止出境决定书 / 边控对象通知书 with passport / permit numbers."""
    auth = f.authority(city, "city")
    p = f.person(["party"])
    doc.add([auth, "\n", r.choice(["阻止出境决定书", "边控对象通知书"]), "\n", f.docno(city, "阻"), "\n\n"])
    if r.random() < 0.5:
        doc.add(
            [
                "被阻止出境人：",
                p,
                "\n性别：",
                r.choice(["男", "女"]),
                "\n证件类型：",
            ]
        )
        c = r.random()
        if c < 0.4:
            doc.add(["护照\n证件号码：", f.passport()])
        elif c < 0.7:
            doc.add(["往来港澳通行证\n证件号码：", f.hk_permit()])
        else:
            doc.add(["大陆居民往来台湾通行证\n证件号码：", f.tw_permit()])
        doc.add(
            [
                "\n身份证号码：",
                f.idn(city, spaced=r.random() < 0.15, fullwidth=r.random() < 0.1),
                "\n户籍地址：",
                f.home_address(city, ["hukou_address"]),
                "\n",
            ]
        )
        doc.add(["关联企业：", f.company(city), "（", f.uscc(city), "），系该企业法定代表人。\n"])
    else:
        comp = f.company(city)
        doc.add(
            [
                p,
                "：\n你作为",
                comp,
                "（统一社会信用代码",
                f.uscc(city),
                "）的法定代表人，该企业欠缴税款",
                f.amount(),
                "，未结清税款、滞纳金又不提供担保。根据",
                f.law(),
                "的规定，本局决定自",
                f.date(),
                "起阻止你出境。你持有的护照（号码",
                f.passport(),
                "）、往来港澳通行证（号码",
                f.hk_permit(),
                "）在阻止出境期间不得使用。\n",
            ]
        )
    doc.add(
        [
            "执法人员：",
            f.official(),
            "（执法证号",
            f.g.digits(11),
            "）\n联系电话：",
            f.hall_phone(city),
            "\n",
            f.date(),
            "\n",
        ]
    )


def k_complaint(doc, f, city, r):
    """举报/投诉 答复 and 举报奖励."""
    auth = f.authority(city, r.choice(["inspect", "district"]))
    rep = f.person(["reporter"])
    doc.add(
        [
            auth,
            "\n",
            r.choice(["检举事项处理情况告知书", "投诉答复书", "检举奖励领取通知书"]),
            "\n",
            f.docno(city, "检告"),
            "\n\n",
        ]
    )
    title = r.choice(["先生", "女士", "同志", ""])
    if title:
        rep.tags.append("after_title")
    if r.random() < 0.15:
        rep = f.masked_name()
    doc.add(
        [
            rep,
            title,
            "：\n您于",
            f.date(),
            "通过",
            r.choice(["12366纳税服务热线", "信函", "电子邮件", "网上检举平台"]),
            "检举",
            f.company(city),
            "（地址：",
            f.pub(
                f"{city[1]}{f.g.district(city)[0]}{r.choice(STREETS)}{r.randint(1, 300)}号",
                "company_address",
                ["address_shape"],
            ),
            "）",
            r.choice(["少开发票", "隐匿收入", "虚开增值税专用发票"]),
            "的问题，本局已受理。经检查，该单位",
            "开具的发票（发票代码",
            f.invoice_code(),
            "，发票号码",
            f.invoice_number(),
            "）存在问题，本局已依法查补税款",
            f.amount(),
            "。\n",
        ]
    )
    if r.random() < 0.6:
        bank, card = f.bank()
        doc.add(
            [
                "根据检举奖励规定，拟对您发放奖金",
                f.amount(),
                "，将汇入您提供的",
                bank,
                "账户",
                card,
                "（户名：",
                S(rep.value, rep.kind, rep.type, rep.core, rep.tags + ["repeat"]),
                "）。请携带身份证（",
                f.idn(city),
                "）于",
                f.date(),
                "前到本局领取。\n",
            ]
        )
    if r.random() < 0.4:
        emp = f.person(["verb_context"])
        doc.add(["经查，", emp, "于", f.date(), "以个人账户收取货款", f.amount(), "，未入账。\n"])
    doc.add(
        [
            "您留存的联系方式：",
            f.mobile(),
            r.choice(["；", "，"]),
            f.email() if r.random() < 0.5 else f.landline(city),
            "。\n",
        ]
    )
    doc.add(["承办人：", f.official(), "    联系电话：", f.hall_phone(city), "\n", f.date(), "\n"])


def k_si_arrears(doc, f, city, r, layout):
    """社会保险费 欠费 公告 with employees."""
    comp = f.company(city)
    doc.add([f.authority(city), "关于", comp, "欠缴社会保险费的公告\n"])
    doc.add(
        [
            "经核查，",
            comp,
            "（统一社会信用代码：",
            f.uscc(city),
            "）自",
            f.date(),
            "起欠缴职工社会保险费，共计",
            f.amount(),
            "。根据",
            f.law(),
            "，现将欠费明细公告如下：\n",
        ]
    )
    header = ["序号", "职工姓名", "公民身份号码", "欠费期间", "欠费险种", "欠费金额"]
    rows = []
    for i in range(r.randint(3, 7)):
        nm = f.person(["employee", "in_table"])
        rows.append(
            [
                str(i + 1),
                nm,
                f.idn(city, fullwidth=r.random() < 0.05) if r.random() < 0.8 else f.masked_id(city),
                f.date_range(),
                r.choice(["养老保险", "医疗保险", "失业保险", "工伤保险"]),
                f.amount(),
            ]
        )
    render_table(
        doc, r, layout, header, rows, ["", "职工信息", "", "欠费信息", "", ""] if r.random() < 0.4 else None
    )
    doc.add(
        [
            "\n请该单位于公告之日起",
            "十五日内到",
            f.authority(city, "district"),
            "办税服务厅（",
            f.auth_address(city),
            "）缴纳。咨询电话：",
            f.hall_phone(city),
            "\n",
        ]
    )


def k_credit_a(doc, f, city, r, layout):
    """纳税信用A级名单 — all public, plus 个体工商户 named after owners."""
    doc.add(
        [
            f.authority(city, "city"),
            "关于公布",
            r.choice(["2024", "2025"]),
            "年度纳税信用A级纳税人名单的公告\n",
        ]
    )
    header = ["序号", "纳税人识别号", "纳税人名称", "评价年度", "主管税务机关"]
    rows = []
    for i in range(r.randint(4, 8)):
        if r.random() < 0.25:
            sn = r.choice(SURNAMES)
            nm = f.shop(city, sn)
            tin = f.uscc(city)
        else:
            nm = f.company(city, ["name_like_person"] if False else ())
            tin = f.uscc(city)
        rows.append([str(i + 1), tin, nm, r.choice(["2024", "2025"]), f.authority(city, "district")])
    render_table(doc, r, layout, header, rows)
    doc.add(["公告查询网址：", f.url(city), "\n"])


def k_agent_dishonest(doc, f, city, r, layout):
    """涉税专业服务失信名单 — agencies and their staff."""
    doc.add([f.authority(city, "city"), "涉税专业服务失信名录（", f.date(), "）\n"])
    header = [
        "机构名称",
        "统一社会信用代码",
        "涉税服务人员",
        "职业资格证书编号",
        "身份证件号码",
        "失信行为",
        "列入日期",
    ]
    rows = []
    for _ in range(r.randint(3, 6)):
        staff = f.person(["tax_agent_staff", "in_table"])
        rows.append(
            [
                f.tax_agency(city),
                f.uscc(city),
                staff,
                "—" if r.random() < 0.5 else f"{r.choice(['2016', '2019', '2021'])}{f.g.digits(8)}",
                f.idn(city) if r.random() < 0.7 else f.masked_id(city),
                r.choice(["虚假纳税申报", "出具虚假涉税证明", "违规代开发票"]),
                f.date(),
            ]
        )
    render_table(doc, r, layout, header, rows)
    doc.add(["监督电话：", f.hall_phone(city), "\n"])


def k_abnormal(doc, f, city, r, layout):
    """非正常户 公告 — companies and 个体工商户 (业主 + 经营地址 + 户籍地址)."""
    doc.add(
        [
            f.authority(city, "district"),
            "关于认定非正常户的公告\n根据",
            f.law(),
            "，下列纳税人已被认定为非正常户：\n",
        ]
    )
    header = ["纳税人名称", "纳税人识别号", "业主/法定代表人", "身份证件号码", "经营地址", "认定日期"]
    rows = []
    for _ in range(r.randint(3, 6)):
        owner = f.person(["owner", "in_table"])
        if r.random() < 0.5:
            sn = owner.value[:1] if "·" not in owner.value and " " not in owner.value else r.choice(SURNAMES)
            nm = f.shop(city, sn)
            tin = (
                f.idn(city, ["id_as_tin"], typ="taxpayer_id_person")
                if r.random() < 0.5
                else f.pub(f.g.uscc(f.g.district(city)[1]), "uscc")
            )
            owner.tags.append("sole_trader_owner")
        else:
            nm = f.company(city)
            tin = f.uscc(city)
            owner.tags.append("legal_rep")
        rows.append(
            [
                nm,
                tin,
                owner,
                f.idn(city),
                f.pub(
                    f"{city[1]}{f.g.district(city)[0]}{r.choice(STREETS)}{r.randint(1, 300)}号",
                    "company_address",
                    ["address_shape"],
                ),
                f.date(),
            ]
        )
    render_table(doc, r, layout, header, rows)


def k_hearing(doc, f, city, r):
    """听证笔录 / 陈述申辩笔录 with several speakers."""
    auth = f.authority(city, "inspect")
    doc.add(
        [
            auth,
            "\n",
            r.choice(["听证笔录", "陈述申辩笔录"]),
            "\n时间：",
            f.date(),
            "\n地点：",
            f.auth_address(city),
            "\n",
        ]
    )
    host = f.official()
    rec = f.official()
    p = f.person(["party"])
    ag = f.person(["agent"])
    doc.add(
        [
            "主持人：",
            host,
            "    记录人：",
            rec,
            "\n当事人：",
            p,
            "，身份证号",
            f.idn(city),
            "，住址",
            f.home_address(city),
            "，电话",
            f.mobile(),
            "\n",
        ]
    )
    doc.add(
        [
            "委托代理人：",
            ag,
            "，",
            f.law_firm(city),
            "律师，电话",
            f.mobile(),
            "\n案件调查人员：",
            f.official(),
            "、",
            f.official(),
            "\n\n",
        ]
    )
    for _ in range(r.randint(3, 6)):
        who = r.random()
        if who < 0.3:
            doc.add([S(host.value, host.kind, host.type, None, host.tags), "：请当事人陈述。\n"])
        elif who < 0.6:
            doc.add(
                [
                    S(p.value, p.kind, p.type, p.core, p.tags + ["speaker_label"]),
                    "：我",
                    f.date(),
                    "收到的",
                    f.amount(),
                    "是借款，不是经营收入，",
                    r.choice(["转账记录在我妻子", "钱打到了我表弟"]),
                    f.person(["third_party"]),
                    "的卡上（卡号",
                    f.bank()[1],
                    "）。\n",
                ]
            )
        elif who < 0.8:
            doc.add(
                [
                    S(ag.value, ag.kind, ag.type, ag.core, ag.tags + ["speaker_label"]),
                    "：对",
                    f.docno(city, "告"),
                    "《税务行政处罚事项告知书》认定的罚款",
                    f.amount(),
                    "有异议，请求从轻处罚。\n",
                ]
            )
        else:
            doc.add(
                [
                    "调查人员：经查，",
                    S(p.value, p.kind, p.type, p.core, p.tags + ["verb_context"]),
                    "未按规定于",
                    f.date(),
                    "前办理个人所得税综合所得汇算清缴，",
                    "发票代码",
                    f.invoice_code(),
                    "、号码",
                    f.invoice_number(),
                    "的发票系其取得。\n",
                ]
            )
    doc.add(
        ["当事人签字：", S(p.value, p.kind, p.type, p.core, p.tags + ["signature"]), "  ", f.date(), "\n"]
    )


def k_penalty_person(doc, f, city, r):
    """税务行政处罚决定书 on a natural person, quoting a previous decision's 文号 and dates."""
    auth = f.authority(city, "inspect")
    p = f.person(["party"])
    doc.add([auth, "\n税务行政处罚决定书\n", f.docno(city), "\n\n"])
    form = r.random()
    if form < 0.33:
        doc.add([p, "（纳税人识别号：", f.idn(city, ["id_as_tin"], typ="taxpayer_id_person"), "）：\n"])
    elif form < 0.66:
        doc.add(
            [
                "当事人：",
                p,
                "\n证件号码：",
                f.idn(city),
                "\n住所：",
                f.home_address(city, ["hukou_address"]),
                "\n经营地址：",
                f.pub(
                    f"{city[1]}{f.g.district(city)[0]}{r.choice(STREETS)}{r.randint(1, 300)}号",
                    "company_address",
                    ["address_shape"],
                ),
                "\n",
            ]
        )
    else:
        p.tags.append("after_title")
        doc.add([p, r.choice(["先生", "女士"]), "：\n"])
    doc.add(
        [
            "经我局（所）于",
            f.date_range(),
            "对你",
            r.choice(["2023", "2024"]),
            "年度涉税情况进行检查，",
            "本局曾于",
            f.date(),
            "以",
            f.docno(city, "处"),
            "《税务处理决定书》追缴税款",
            f.amount(),
            "。经查，",
            S(p.value, p.kind, p.type, p.core, p.tags + ["verb_context"]),
            r.choice(["未按规定", "在", "于"]),
            f.date(),
            "取得",
            f.company(city),
            "支付的股权转让收入",
            f.amount(),
            "，未申报缴纳个人所得税。\n",
        ]
    )
    if r.random() < 0.5:
        doc.add(
            [
                "上述款项通过",
                S(p.value, p.kind, p.type, p.core, p.tags + ["possessive"]),
                "的",
                f.bank()[0],
                "账户",
                f.bank()[1],
                "收取。\n",
            ]
        )
    if r.random() < 0.4:
        sn = p.value[0] if "·" not in p.value and " " not in p.value else r.choice(SURNAMES)
        doc.add(["你经营的", f.shop(city, sn), "同期取得收入", f.amount(), "。\n"])
    doc.add(
        [
            "根据",
            f.law(),
            "规定，决定对你处以少缴税款百分之五十的罚款",
            f.amount(),
            "。\n限你自本决定书送达之日起十五日内到",
            f.authority(city, "district"),
            "缴纳入库。如对本决定不服，可以自收到本决定书之日起六十日内依法向",
            f.authority(city, "city"),
            "申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n",
        ]
    )
    doc.add([f.date(), "\n本决定书公示网址：", f.url(city), "\n"])


def k_penalty_rows(doc, f, city, r, layout):
    """行政处罚结果 spreadsheet rows (双公示), people and companies."""
    header = [
        "行政相对人名称",
        "行政相对人类别",
        "统一社会信用代码/证件号码",
        "法定代表人",
        "处罚决定书文号",
        "违法事实",
        "罚款金额（万元）",
        "处罚决定日期",
        "处罚机关",
    ]
    rows = []
    for _ in range(r.randint(3, 6)):
        if r.random() < 0.5:
            p = f.person(["in_table", "party"])
            rows.append(
                [
                    p,
                    "自然人",
                    f.idn(city),
                    "",
                    f.docno(city),
                    ["未按规定申报", f.pub("劳务报酬所得", "income_item")],
                    f.pub(f"{r.randint(1, 999) / 100:.2f}", "amount"),
                    f.date(),
                    f.authority(city),
                ]
            )
        else:
            lr = f.person(["in_table", "legal_rep"])
            rows.append(
                [
                    f.company(city),
                    "法人及非法人组织",
                    f.uscc(city),
                    lr,
                    f.docno(city),
                    "虚开发票",
                    f.pub(f"{r.randint(1, 999) / 100:.2f}", "amount"),
                    f.date(),
                    f.authority(city),
                ]
            )
    render_table(
        doc,
        r,
        layout,
        header,
        rows,
        ["行政相对人", "", "", "", "处罚信息", "", "", "", ""] if r.random() < 0.3 else None,
    )


def k_already_masked(doc, f, city, r):
    """A published notice already masked by hand, plus public facts; must stay unchanged."""
    doc.add(
        [
            f.authority(city),
            "\n行政处罚决定书（公示版）\n",
            f.docno(city),
            "\n\n当事人：",
            f.masked_name(),
            "\n证件号码：",
            f.masked_id(city),
            "\n联系电话：",
            f.masked_phone(),
            "\n住址：",
            f.placeholder(),
            "\n",
        ]
    )
    doc.add(
        [
            "经查，",
            f.masked_name(),
            "于",
            f.date(),
            "未按规定开具发票，涉及金额",
            f.amount(),
            "。",
            f.company(city),
            "（",
            f.uscc(city),
            "）",
            "的经办人",
            f.masked_name(),
            "协助检查。\n",
        ]
    )
    if r.random() < 0.6:
        st = f.person(["company_staff", "legal_rep"])
        doc.add(
            [
                "经拨打该公司法定代表人、财务负责人、办税人",
                st,
                "在金税三期税收征管系统中备案的联系电话",
                f.masked_phone(),
                "、",
                f.masked_phone(),
                "，语音提示为关机或暂停服务。\n",
            ]
        )
    doc.add(
        [
            "本案经",
            f.surname_title(),
            "及",
            f.surname_title(),
            "核对，纳税人识别号",
            f.masked_id(city),
            "。根据",
            f.law(),
            "，处罚款",
            f.amount(),
            "。\n",
        ]
    )
    doc.add(["咨询：", f.hotline(), "；办税服务厅电话", f.hall_phone(city), "；", f.date(), "\n"])


def k_mixed_script(doc, f, city, r):
    """Foreign nationals and HK/Macao/Taiwan residents: mixed Chinese/Latin names and permit numbers."""
    auth = f.authority(city)
    p = f.person(["party", "foreign"], kind=r.choice(["latin", "latin", "dot"]))
    doc.add(
        [
            auth,
            "\n",
            r.choice(["税务事项通知书", "责令限期改正通知书"]),
            "\n",
            f.docno(city, "通"),
            "\n\n",
            p,
            "：\n",
        ]
    )
    c = r.random()
    if c < 0.4:
        doc.add(
            [
                "你（护照号码：",
                f.passport(["foreign_passport"]),
                "，国籍：",
                r.choice(["美国", "德国", "韩国", "日本", "越南"]),
                "）",
            ]
        )
    elif c < 0.7:
        doc.add(
            [
                "你（港澳居民来往内地通行证号码：",
                S("H" + f.g.digits(8), "personal", "hk_macao_permit", (1, 7), []),
                "）",
            ]
        )
    else:
        doc.add(["你（台湾居民来往大陆通行证号码：", f.tw_permit(), "）"])
    doc.add(
        [
            "在",
            f.company(city),
            "任职期间取得工资薪金所得",
            f.amount(),
            "，未按期办理个人所得税自行申报。请于",
            f.date(),
            "前到",
            f.authority(city, "district"),
            "（",
            f.auth_address(city),
            "）办理。\n联系人：",
            f.official(),
            "，电话",
            f.hall_phone(city),
            "，电子邮件通知已发送至",
            f.email(["foreign"]),
            "。\n",
        ]
    )
    doc.add(["English note: Please contact the bureau at ", f.hall_phone(city), " before ", f.date(), ".\n"])


def k_bureau_contacts(doc, f, city, r, layout):
    """办税服务厅 directory: all public (addresses, published phones) next to a private-looking shape."""
    header = ["办税服务厅", "地址", "咨询电话", "办公时间"]
    rows = []
    for _ in range(r.randint(3, 6)):
        rows.append(
            [f.authority(city, "district"), f.auth_address(city), f.hall_phone(city), "工作日 9:00-17:00"]
        )
    doc.add([f.authority(city, "city"), "办税服务厅地址及联系电话一览表\n"])
    render_table(doc, r, layout, header, rows)
    doc.add(["纳税服务热线：", f.hotline(), "；网址：", f.url(city), "\n"])


PROSE_KINDS = [
    ("info_disclosure_reply", k_info_reply, 40),
    ("admin_review_decision", k_review_decision, 35),
    ("enforcement_decision", k_enforcement, 30),
    ("exit_ban", k_exit_ban, 25),
    ("complaint_reply", k_complaint, 30),
    ("hearing_record", k_hearing, 25),
    ("penalty_person", k_penalty_person, 30),
    ("already_masked", k_already_masked, 20),
    ("mixed_script", k_mixed_script, 20),
]
TABLE_KINDS = [
    ("disclosure_register", k_disclosure_register, 30),
    ("si_arrears_list", k_si_arrears, 25),
    ("credit_a_list", k_credit_a, 20),
    ("tax_agent_dishonest", k_agent_dishonest, 20),
    ("abnormal_household", k_abnormal, 20),
    ("penalty_rows", k_penalty_rows, 20),
    ("bureau_contacts", k_bureau_contacts, 10),
]


def finish_spans(doc: Doc):
    out = []
    for sp in doc.spans:
        if sp["kind"] == "personal_policy":
            sp["kind"] = "public"
        out.append(sp)
    return out


def build(n: int):
    rng = random.Random(SEED)
    g = Gen(rng)
    f = F(g)
    plan = []
    for name, fn, w in PROSE_KINDS:
        plan += [(name, fn, False)] * w
    for name, fn, w in TABLE_KINDS:
        plan += [(name, fn, True)] * w
    assert len(plan) == n, len(plan)
    rng.shuffle(plan)
    docs = []
    for i, (cat, fn, is_table) in enumerate(plan):
        city = rng.choice(CITIES)
        doc = Doc()
        if is_table:
            layout = rng.choice(TABLE_LAYOUTS)
            fn(doc, f, city, rng, layout)
        else:
            layout = rng.choices(["prose", "prose_pdf", "prose_ocr"], [55, 30, 15])[0]
            fn(doc, f, city, rng)
        text = doc.text()
        spans = finish_spans(doc)
        if layout == "prose_pdf" or (is_table and layout == "cell_per_line" and rng.random() < 0.3):
            text = pdf_wrap(text, spans, rng, rng.randint(24, 40))
            if layout == "cell_per_line":
                layout = "cell_per_line_pdf"
        if layout == "prose_ocr":
            text = ocr_noise(text, spans, rng, 0.03)
        for sp in spans:
            assert 0 <= sp["start"] < sp["end"] <= len(text), sp
            if "core_start" in sp:
                assert sp["start"] <= sp["core_start"] <= sp["core_end"] <= sp["end"], (
                    sp,
                    text[sp["start"] : sp["end"]],
                )
        spans.sort(key=lambda s: (s["start"], s["end"]))
        for sp in spans:
            sp["text"] = text[sp["start"] : sp["end"]]
        docs.append(
            {"id": f"m10-{i + 1:03d}", "category": cat, "layout": layout, "text": text, "spans": spans}
        )
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE / "corpus.jsonl"))
    ap.add_argument("--n", type=int, default=400)
    a = ap.parse_args()
    docs = build(a.n)
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
