"""Generate the sixth held-out masking corpus (corpus.jsonl), seeded and byte-identical on rerun.

Written without reading the masker (see README.md). Every labelled value is a span of the document
text: {start, end, text, value, type, cls (personal/public/already_masked), tags, allow_prefix}.
`allow_prefix` is how many leading characters of a personal value may stay in clear (a surname before
a mask, an address's province/city/district) -- see README.md.

Run: python tests/eval/masking6/generate.py   (writes corpus.jsonl next to this file)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261207
N_DOCS = 400
HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- value generators

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾韦夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤"
)
COMPOUND = [
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "司徒",
    "夏侯",
    "端木",
]
GIVEN1 = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁琳晨雪倩婷欣怡"
)
GIVEN_WORDS = [
    "高明",
    "建国",
    "海燕",
    "国庆",
    "春生",
    "和平",
    "长江",
    "泰山",
    "文化",
    "振兴",
    "红旗",
    "光明",
    "平安",
    "永康",
    "新华",
]
MINORITY_DOT = [
    "阿不都·热合曼",
    "古丽娜尔·买买提",
    "艾力·吐尔逊",
    "买买提江·阿不力孜",
    "热依汗古丽·艾散",
    "努尔兰·哈力别克",
    "巴特尔·孟和",
    "吐尔洪·依明",
]
MINORITY_NODOT = [
    "扎西顿珠",
    "格桑卓玛",
    "次仁央宗",
    "巴图孟和",
    "其其格",
    "乌兰图雅",
    "阿旺罗布",
    "索朗次仁",
]
LATIN = [
    ("JOHN SMITH", None),
    ("MARIA GARCIA", None),
    ("Chan Tai Man", "陈大文"),
    ("Lee Siu Ming", "李小明"),
    ("WANG XIAOMING", "王小明"),
    ("Tanaka Hiroshi", None),
    ("KIM MIN JUN", "金敏俊"),
    ("Nguyen Van An", "阮文安"),
    ("Wong Ka Yan", "黄嘉欣"),
    ("DAVID MILLER", None),
]
CITIES = [
    ("广东省", "广州市", "天河区", "440106", "粤", "穗", "020"),
    ("广东省", "深圳市", "南山区", "440305", "粤", "深", "0755"),
    ("湖北省", "武汉市", "江汉区", "420103", "鄂", "武", "027"),
    ("浙江省", "杭州市", "西湖区", "330106", "浙", "杭", "0571"),
    ("四川省", "成都市", "武侯区", "510107", "川", "成", "028"),
    ("江苏省", "南京市", "鼓楼区", "320106", "苏", "宁", "025"),
    ("山东省", "济南市", "历下区", "370102", "鲁", "济", "0531"),
    ("河南省", "郑州市", "金水区", "410105", "豫", "郑", "0371"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102", "新", "乌", "0991"),
    ("福建省", "厦门市", "思明区", "350203", "闽", "厦", "0592"),
]
STREETS = [
    "中山路",
    "人民路",
    "解放大道",
    "建设路",
    "和平街",
    "新华路",
    "文化路",
    "长江路",
    "黄河路",
    "光明大道",
    "滨江东路",
    "学府路",
]
TRADES = [
    "贸易",
    "建材",
    "餐饮管理",
    "信息科技",
    "物流",
    "装饰工程",
    "电子",
    "商务咨询",
    "医疗器械",
    "服装",
    "食品",
    "劳务派遣",
]
SHOPS = [
    "五金店",
    "小吃店",
    "便利店",
    "汽车修理厂",
    "服装店",
    "水果店",
    "理发店",
    "建材经营部",
    "烟酒商行",
    "副食店",
]
BANKS = ["中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "招商银行", "交通银行"]


class G:
    def __init__(self, rng: random.Random):
        self.r = rng

    def han_name(self, kind: str | None = None) -> tuple[str, int, str]:
        """(name, surname length, tag)."""
        r = self.r
        kind = (
            kind
            or r.choices(
                ["han3", "han2", "compound", "word", "dot", "nodot", "latin"], [40, 14, 9, 8, 8, 6, 6]
            )[0]
        )
        if kind == "han3":
            s = r.choice(SURNAMES)
            return s + r.choice(GIVEN1) + r.choice(GIVEN1), 1, "name_han"
        if kind == "han2":
            s = r.choice(SURNAMES)
            return s + r.choice(GIVEN1), 1, "name_two_char"
        if kind == "compound":
            s = r.choice(COMPOUND)
            return s + r.choice(GIVEN1) + (r.choice(GIVEN1) if r.random() < 0.6 else ""), 2, "name_compound"
        if kind == "word":
            return r.choice(SURNAMES) + r.choice(GIVEN_WORDS), 1, "name_word_given"
        if kind == "dot":
            return r.choice(MINORITY_DOT), 0, "name_minority_dot"
        if kind == "nodot":
            return r.choice(MINORITY_NODOT), 0, "name_minority_nodot"
        latin, han = r.choice(LATIN)
        return latin, 0, "name_latin"

    def id18(self, area: str, x: bool | None = None) -> str:
        r = self.r
        while True:
            y = r.randint(1955, 2003)
            body = f"{area}{y}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
            w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            c = "10X98765432"[sum(int(a) * b for a, b in zip(body, w, strict=False)) % 11]
            if x is None or (c == "X") == x:
                return body + c

    def id15(self, area: str) -> str:
        r = self.r
        return f"{area}{r.randint(55, 85)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"

    def uscc(self, area: str, prefix: str | None = None) -> str:
        r = self.r
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        while True:
            org = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
            ow = [3, 7, 9, 10, 5, 8, 4, 2]
            oc = 11 - sum(chars.index(a) * b for a, b in zip(org, ow, strict=False)) % 11
            oc_s = "X" if oc == 10 else ("0" if oc == 11 else str(oc))
            body = (prefix or r.choice(["91", "91", "92", "93"])) + area + org + oc_s
            c = 31 - sum(chars.index(a) * b for a, b in zip(body, w, strict=False)) % 31
            return body + chars[0 if c == 31 else c]

    def old_tin(self, area: str) -> str:
        r = self.r
        org = "".join(str(r.randint(0, 9)) for _ in range(8))
        ow = [3, 7, 9, 10, 5, 8, 4, 2]
        oc = 11 - sum(int(a) * b for a, b in zip(org, ow, strict=False)) % 11
        return area + org + ("X" if oc == 10 else ("0" if oc == 11 else str(oc)))

    def bank(self) -> str:
        r = self.r
        n = r.choice([16, 19, 19, 17])
        prefix = r.choice(["622202", "621700", "622848", "621226", "623668", "622588"])
        body = prefix + "".join(str(r.randint(0, 9)) for _ in range(n - len(prefix) - 1))
        s = 0
        for i, d in enumerate(reversed(body)):
            v = int(d)
            if i % 2 == 0:
                v *= 2
                v -= 9 if v > 9 else 0
            s += v
        return body + str((10 - s % 10) % 10)

    def mobile(self) -> str:
        r = self.r
        return r.choice(
            ["138", "139", "135", "137", "150", "152", "158", "186", "187", "177", "199", "166"]
        ) + "".join(str(r.randint(0, 9)) for _ in range(8))

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))


FW = str.maketrans("0123456789X-@.", "０１２３４５６７８９Ｘ－＠．")


def group(s: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for k in sizes:
        out.append(s[i : i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


# ---------------------------------------------------------------- document builder


class V:
    """A labelled value waiting to be placed."""

    def __init__(self, text, typ, cls, tags=(), allow=0, value=None):
        self.text, self.typ, self.cls, self.tags, self.allow = text, typ, cls, list(tags), allow
        self.value = value if value is not None else text


class Doc:
    def __init__(self):
        self.buf: list[str] = []
        self.n = 0
        self.spans: list[dict] = []

    def add(self, *items):
        for it in items:
            if isinstance(it, V):
                self.spans.append(
                    {
                        "start": self.n,
                        "end": self.n + len(it.text),
                        "text": it.text,
                        "value": it.value,
                        "type": it.typ,
                        "cls": it.cls,
                        "tags": it.tags,
                        "allow_prefix": it.allow,
                    }
                )
                self.buf.append(it.text)
                self.n += len(it.text)
            else:
                self.buf.append(it)
                self.n += len(it)

    def text(self) -> str:
        return "".join(self.buf)


def pdf_wrap(text: str, spans: list[dict], width: int) -> str:
    """Break every line longer than `width` by inserting newlines, shifting the spans."""
    out, inserts, col = [], [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            col = 0
        elif col >= width:
            out.append("\n")
            inserts.append(i)
            col = 0
        out.append(ch)
        if ch != "\n":
            col += 1
    import bisect

    for s in spans:
        s["start"] += bisect.bisect_right(inserts, s["start"])
        s["end"] += bisect.bisect_left(inserts, s["end"])
    new = "".join(out)
    for s in spans:
        s["text"] = new[s["start"] : s["end"]]
    return new


# ---------------------------------------------------------------- the world of one document


class World:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.g = G(rng)
        c = rng.choice(CITIES)
        self.prov, self.city, self.dist, self.area, self.abbr1, self.abbr2, self.tel = c
        self.bureau = f"国家税务总局{self.city}{self.dist}税务局"
        self.bureau_city = f"国家税务总局{self.city}税务局"
        self.insp = f"国家税务总局{self.city}税务局第{rng.choice('一二三四')}稽查局"
        self.hall_tel = f"{self.tel}-{rng.randint(2000, 8999)}{rng.randint(1000, 9999)}"
        self.year = rng.randint(2021, 2026)

    # --- personal values
    def name(
        self, role: str, published: bool = False, kind: str | None = None, variant: str | None = None
    ) -> V:
        r = self.r
        name, sl, tag = self.g.han_name(kind)
        tags = [tag, "role_" + role] + (["policy_published"] if published else [])
        text = name
        variant = variant or r.choices(["plain", "pad", "latin_han"], [88, 7, 5])[0]
        if variant == "pad" and len(name) in (2, 3) and "·" not in name:
            sep = r.choice([" ", "\u3000"])
            text = sep.join(name)
            tags.append("name_padded")
            sl = sl if sl == 1 else 0
        elif variant == "latin_han" and tag == "name_latin":
            han = dict(LATIN).get(name)
            if han:
                text = f"{name}（{han}）"
                tags.append("name_latin_with_han")
        return V(text, "name", "personal", tags, sl, name)

    def masked(self, typ: str = "name") -> V:
        r = self.r
        k = r.randint(0, 5) if typ == "name" else (6 if typ == "id" else 7)
        s = r.choice(SURNAMES)
        t = [
            s + "*",
            s + "**",
            s + "某",
            s + "某某",
            "XXX",
            "某某",
            f"{self.area[:4]}**********{self.g.digits(3)}X",
            f"138****{self.g.digits(4)}",
        ][k]
        typ = "name" if k < 6 else ("id" if k == 6 else "mobile")
        return V(t, typ, "already_masked", ["already_masked"])

    def id_value(self, tags=()) -> V:
        r = self.r
        k = r.choices(["plain", "x", "15", "space", "fw", "break", "lower_x"], [40, 14, 8, 10, 10, 10, 8])[0]
        if k == "15":
            v = self.g.id15(self.area)
            return V(v, "id", "personal", ["id15", *tags])
        v = self.g.id18(self.area, True if k in ("x", "lower_x") else None)
        text = v
        tg = ["id18_x" if v.endswith("X") else "id18", *tags]
        if k == "space":
            text = group(v, [6, 8, 4], " ")
            tg.append("num_spaced")
        elif k == "fw":
            text = v.translate(FW)
            tg.append("num_fullwidth")
        elif k == "break":
            cut = r.randint(5, 14)
            text = v[:cut] + "\n" + v[cut:]
            tg.append("num_linebreak")
        elif k == "lower_x" and v.endswith("X"):
            text = v[:-1] + "x"
            tg.append("id_lower_x")
        return V(text, "id", "personal", tg, 0, v)

    def tin_person(self) -> V:
        v = self.g.id18(self.area) + self.g.digits(2)
        if self.r.random() < 0.3:
            return V(
                self.g.id18(self.area, True) + self.g.digits(2),
                "tin_person",
                "personal",
                ["tin_id_suffix", "id_x"],
            )
        return V(v, "tin_person", "personal", ["tin_id_suffix"])

    def mobile(self, tags=()) -> V:
        r = self.r
        m = self.g.mobile()
        k = r.choices(["plain", "space", "dash", "+86", "0086", "fw", "break"], [40, 12, 12, 10, 6, 10, 10])[
            0
        ]
        text = {
            "plain": m,
            "space": group(m, [3, 4, 4], " "),
            "dash": group(m, [3, 4, 4], "-"),
            "+86": "+86 " + m,
            "0086": "0086-" + m,
            "fw": m.translate(FW),
            "break": "",
        }[k]
        if k == "break":
            cut = r.randint(3, 8)
            text = m[:cut] + "\n" + m[cut:]
        tg = ["mobile_" + k.strip("+"), *tags]
        return V(text, "mobile", "personal", tg, 0, m)

    def landline(self) -> V:
        r = self.r
        n = self.g.digits(8 if len(self.tel) == 3 else 7)
        n = str(r.randint(2, 8)) + n[1:]
        k = r.choice(["dash", "paren", "ext", "space", "plain"])
        text = {
            "dash": f"{self.tel}-{n}",
            "paren": f"（{self.tel}）{n}",
            "ext": f"{self.tel}-{n}-{r.randint(100, 899)}",
            "space": f"{self.tel} {n}",
            "plain": n,
        }[k]
        return V(text, "landline", "personal", ["landline_" + k])

    def email(self) -> V:
        r = self.r
        user = r.choice(["zhang", "liwei", "wxm", "chenfang", "hy", "tax", "lucky", "sun"]) + self.g.digits(
            r.randint(2, 6)
        )
        dom = r.choice(["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "hotmail.com"])
        text = f"{user}@{dom}"
        tags = ["email"]
        if r.random() < 0.2:
            text = f"{user}＠{dom}"
            tags = ["email_fullwidth_at"]
        # the domain is not personal: what may stay is scored by the leak rule on the user part only
        return V(text, "email", "personal", tags, 0, f"{user}@{dom}")

    def home(self, tags=()) -> V:
        r = self.r
        pre = f"{self.prov}{self.city}{self.dist}" if r.random() < 0.6 else f"{self.city}{self.dist}"
        rest = f"{r.choice(STREETS)}{r.randint(1, 399)}号{r.choice(['', str(r.randint(1, 30)) + '栋'])}{r.randint(1, 3)}{r.randint(0, 2)}{r.randint(1, 8)}{r.choice(['室', '房'])}"
        if r.random() < 0.25:
            rest = f"{r.choice(['幸福', '阳光', '金色', '碧水'])}{r.choice(['花园', '小区', '家园'])}{r.randint(1, 20)}栋{r.randint(1, 3)}单元{r.randint(101, 2808)}"
        return V(pre + rest, "home_address", "personal", ["home_address", *tags], len(pre))

    def passport(self) -> V:
        r = self.r
        k = r.choice(["cn", "foreign", "hk", "tw", "mo", "res"])
        if k == "cn":
            v = r.choice("EG") + self.g.digits(8)
            return V(v, "passport", "personal", ["passport_cn"])
        if k == "foreign":
            v = r.choice(["K", "P", "X", "M"]) + self.g.digits(7) + r.choice(["", "A", "B"])
            return V(v, "passport", "personal", ["passport_foreign"])
        if k == "hk":
            return V("H" + self.g.digits(8), "permit", "personal", ["permit_hk"])
        if k == "mo":
            return V("M" + self.g.digits(8), "permit", "personal", ["permit_mo"])
        if k == "tw":
            return V(self.g.digits(8), "permit", "personal", ["permit_tw"])
        # residence permit for HK/MO/TW residents: 810000/820000/830000 + date + checksum
        area = r.choice(["810000", "820000", "830000"])
        return V(self.g.id18(area), "permit", "personal", ["permit_residence"])

    def bank(self) -> V:
        r = self.r
        v = self.g.bank()
        k = r.choice(["plain", "plain", "group4", "fw", "break"])
        text = {
            "plain": v,
            "group4": group(v, [4] * 5, " "),
            "fw": v.translate(FW),
            "break": v[:9] + "\n" + v[9:],
        }[k]
        return V(text, "bank_card", "personal", ["bank_" + k], 0, v)

    # --- public values
    def company(self, owner: str | None = None) -> V:
        r = self.r
        if owner:
            return V(
                f"{self.city}{self.dist}{owner}{r.choice(SHOPS)}",
                "org_name",
                "public",
                ["shop_named_after_owner"],
            )
        word = r.choice(
            ["恒达", "鑫源", "华盛", "宏图", "金桥", "瑞丰", "聚力", "顺发", "海纳", "博远", "天成", "永信"]
        )
        if r.random() < 0.15:
            # an enterprise named after a person-like word
            word = r.choice(SURNAMES) + r.choice(["记", "氏"])
        return V(f"{self.city}{word}{r.choice(TRADES)}有限公司", "org_name", "public", ["company"])

    def uscc(self, shop=False) -> V:
        v = self.g.uscc(self.area)
        if shop:
            v = self.g.uscc(self.area)
        return V(v, "uscc", "public", ["uscc"])

    def old_tin(self) -> V:
        return V(self.g.old_tin(self.area), "tin_enterprise", "public", ["tin_old15"])

    def docno(self, kind: str) -> V:
        r = self.r
        pre = self.abbr2 + r.choice(["税稽", "税", self.dist[:1] + "税"])
        return V(f"{pre}{kind}〔{self.year}〕{r.randint(1, 999)}号", "doc_number", "public", ["doc_number"])

    def amount(self) -> V:
        r = self.r
        a = r.randint(50, 9_999_999) / 100
        k = r.choice(["comma", "plain", "wan"])
        text = {"comma": f"{a:,.2f}元", "plain": f"{a:.2f}元", "wan": f"{a / 10000:.2f}万元"}[k]
        return V(text, "amount", "public", ["amount"])

    def date(self) -> V:
        r = self.r
        y, m, d = self.year, r.randint(1, 12), r.randint(1, 28)
        text = r.choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m:02d}.{d:02d}", f"{y}/{m}/{d}"])
        return V(text, "date", "public", ["date"])

    def invoice_code(self) -> V:
        if self.r.random() < 0.5:
            return V("0" + self.area[:4] + self.g.digits(7), "invoice_code", "public", ["invoice_code12"])
        return V(self.area[:4] + self.g.digits(6), "invoice_code", "public", ["invoice_code10"])

    def invoice_no(self) -> V:
        if self.r.random() < 0.3:
            return V(
                f"{self.year % 100}{self.area[:2]}2000000{self.g.digits(9)}",
                "invoice_number",
                "public",
                ["invoice_number20"],
            )
        return V(self.g.digits(8), "invoice_number", "public", ["invoice_number8"])

    def url(self) -> V:
        sub = {
            "广州": "guangdong",
            "深圳": "shenzhen",
            "武汉": "hubei",
            "杭州": "zhejiang",
            "成都": "sichuan",
            "南京": "jiangsu",
            "济南": "shandong",
            "郑州": "henan",
            "乌鲁": "xinjiang",
            "厦门": "xiamen",
        }[self.city[:2]]
        return V(
            f"https://{sub}.chinatax.gov.cn/art/{self.year}/{self.r.randint(1, 12)}/{self.g.digits(11)}.html",
            "url",
            "public",
            ["url"],
        )

    def bureau_v(self, which: str = "bureau") -> V:
        return V(getattr(self, which), "authority", "public", ["authority_name"])

    def biz_addr(self) -> V:
        r = self.r
        return V(
            f"{self.city}{self.dist}{r.choice(STREETS)}{r.randint(1, 999)}号{r.choice(['', '商铺', str(r.randint(1, 30)) + '楼'])}",
            "business_address",
            "public",
            ["business_address"],
        )

    def auth_addr(self) -> V:
        return V(
            f"{self.city}{self.dist}{self.r.choice(STREETS)}{self.r.randint(1, 300)}号",
            "authority_address",
            "public",
            ["authority_address"],
        )

    def pub_phone(self, k: str | None = None) -> V:
        k = k or self.r.choice(["12366", "hall"])
        if k == "12366":
            return V("12366", "public_phone", "public", ["phone_12366"])
        return V(self.hall_tel, "public_phone", "public", ["phone_hall"])


# ---------------------------------------------------------------- tables


def render_table(doc: Doc, header: list[str], rows: list[list], flat: str, rng: random.Random):
    def cell_len(c):
        return len(c.text) if isinstance(c, V) else len(c)

    if flat == "tab":
        doc.add("\t".join(header), "\n")
        for row in rows:
            for i, c in enumerate(row):
                doc.add(c, "\t" if i < len(row) - 1 else "\n")
    elif flat == "pipe":
        doc.add("| " + " | ".join(header) + " |\n", "|" + "---|" * len(header) + "\n")
        for row in rows:
            doc.add("| ")
            for i, c in enumerate(row):
                doc.add(c, " | " if i < len(row) - 1 else " |\n")
    elif flat == "cells":
        for h in header:
            doc.add(h, "\n")
        for row in rows:
            for c in row:
                doc.add(c, "\n")
    elif flat == "space":
        widths = [max([len(h) * 2] + [cell_len(row[i]) + 2 for row in rows]) for i, h in enumerate(header)]
        doc.add("  ".join(h + " " * (widths[i] - len(h)) for i, h in enumerate(header)).rstrip(), "\n")
        for row in rows:
            for i, c in enumerate(row):
                doc.add(c)
                if i < len(row) - 1:
                    doc.add(" " * max(2, widths[i] - cell_len(c)))
            doc.add("\n")
    elif flat == "kv":
        for j, row in enumerate(rows):
            doc.add(f"（{j + 1}）\n")
            for h, c in zip(header, row, strict=False):
                doc.add(h, rng.choice(["：", ": ", "："]), c, "\n")
    elif flat == "csv":
        doc.add(",".join(header), "\n")
        for row in rows:
            for i, c in enumerate(row):
                doc.add(c, "," if i < len(row) - 1 else "\n")
    elif flat == "html":
        doc.add("<table>\n<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>\n")
        for row in rows:
            doc.add("<tr>")
            for c in row:
                doc.add("<td>", c, "</td>")
            doc.add("</tr>\n")
        doc.add("</table>\n")
    elif flat == "semicolon":
        for row in rows:
            for i, (h, c) in enumerate(zip(header, row, strict=False)):
                doc.add(h, "：", c, "；" if i < len(row) - 1 else "。\n")


FLATS = ["tab", "pipe", "cells", "space", "kv", "csv", "html", "semicolon"]


def contact_block(doc: Doc, w: World):
    r = w.r
    doc.add("\n联系单位：", w.bureau_v(r.choice(["bureau", "insp"])), "\n地址：", w.auth_addr(), "\n")
    doc.add(
        "联系电话：",
        w.pub_phone("hall"),
        r.choice(["；纳税服务热线：", "，咨询电话："]),
        w.pub_phone("12366"),
        "\n",
    )
    if r.random() < 0.5:
        doc.add("网址：", w.url(), "\n")


def sign_off(doc: Doc, w: World, which="bureau"):
    doc.add("\n", w.bureau_v(which), "\n", w.date(), "\n")


# ---------------------------------------------------------------- document kinds


def k_penalty(doc: Doc, w: World):
    """税务行政处罚决定书 (个人 or 企业), narrative with several people."""
    r = w.r
    doc.add(w.bureau_v("insp"), "\n税务行政处罚决定书\n", w.docno("罚"), "\n\n")
    if r.random() < 0.5:
        doc.add("当事人：", w.name("party", published=True), "\n身份证件号码：", w.id_value(), "\n")
        if r.random() < 0.5:
            doc.add("纳税人识别号：", w.tin_person(), "\n")
        doc.add("住址：", w.home(), "\n")
        who = "你"
    else:
        doc.add("纳税人名称：", w.company(), "\n统一社会信用代码：", w.uscc(), "\n")
        doc.add("法定代表人：", w.name("legal_rep", published=True), "（身份证号码：", w.id_value(), "）\n")
        doc.add("注册地址：", w.biz_addr(), "\n")
        who = "你单位"
    doc.add(f"\n经我局对{who}", w.date(), "至", w.date(), "期间涉税情况进行检查，查明：")
    doc.add(
        f"{who}通过",
        w.company(),
        "取得增值税专用发票",
        str(r.randint(2, 30)),
        "份（发票代码",
        w.invoice_code(),
        "，发票号码",
        w.invoice_no(),
        "等），金额合计",
        w.amount(),
        "。经询问该公司业务员",
        w.name("witness"),
        "（联系电话",
        w.mobile(),
        "）及财务人员",
        w.name("accountant"),
        "，证实上述发票无真实货物交易。资金经",
        w.name("family"),
        "（系法定代表人之妻）个人账户",
        w.bank(),
        "回流。\n",
    )
    doc.add(
        "另据证人", w.masked(), "陈述，", w.masked(), "曾参与开票（其身份证号码", w.masked("id"), "）。\n"
    )
    doc.add(
        "以上事实有询问笔录、银行流水等证据为证。\n依据《中华人民共和国税收征收管理法》第六十三条第一款，对",
        who,
        "处以少缴税款",
        w.amount(),
        "百分之五十的罚款，计",
        w.amount(),
        "。\n",
    )
    doc.add(
        "限你（单位）自本决定书送达之日起十五日内到",
        w.bureau_v(),
        "缴纳入库。如对本决定不服，可以自收到本决定书之日起六十日内依法向",
        w.bureau_v("bureau_city"),
        "申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n",
    )
    sign_off(doc, w, "insp")


def k_simple_penalty(doc: Doc, w: World):
    r = w.r
    doc.add("税务行政处罚决定书（简易）\n", w.docno("简罚"), "\n")
    shop_owner = w.name("owner", published=True, kind="han3", variant="plain")
    doc.add(
        "被处罚人名称：",
        w.company(owner=shop_owner.value),
        "\n经营者：",
        shop_owner,
        "\n统一社会信用代码：",
        w.uscc(shop=True),
        "\n",
    )
    doc.add("经营地址：", w.biz_addr(), "\n联系电话：", w.mobile(), "\n")
    doc.add(
        "违法事实：未按照规定期限办理纳税申报（所属期",
        w.date(),
        "）。\n处罚依据：《中华人民共和国税收征收管理法》第六十二条。\n",
    )
    doc.add("罚款金额：", w.amount(), "\n执法人员：", w.name("officer"), "、", w.name("officer"), "\n")
    doc.add("当事人签名：", w.masked() if r.random() < 0.4 else w.name("party", published=True), "\n")
    sign_off(doc, w)


def k_notice_delivery(doc: Doc, w: World):
    """公告送达 with a list."""
    r = w.r
    doc.add(w.bureau_v("insp"), "\n税务文书送达公告\n", w.docno("公告"), "\n")
    n = r.randint(2, 5)
    doc.add(
        "因下列当事人下落不明，我局无法采用其他方式送达税务文书，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，现公告送达：\n"
    )
    for i in range(n):
        doc.add(f"{i + 1}. ")
        if r.random() < 0.5:
            doc.add(
                w.name("party", published=True),
                "（居民身份证：",
                w.id_value(),
                "）：",
                w.docno("罚"),
                "《税务行政处罚决定书》；\n",
            )
        else:
            doc.add(
                w.company(),
                "（纳税人识别号：",
                w.uscc(),
                "，法定代表人：",
                w.name("legal_rep", published=True),
                "）：",
                w.docno("处"),
                "《税务处理决定书》；\n",
            )
    doc.add("自公告之日起满三十日，即视为送达。\n")
    contact_block(doc, w)
    sign_off(doc, w, "insp")


def k_arrears(doc: Doc, w: World, flat: str):
    r = w.r
    doc.add(
        w.bureau_v(),
        "\n欠税公告（",
        str(w.year),
        "年第",
        str(r.randint(1, 4)),
        "期）\n根据《中华人民共和国税收征收管理法》第四十五条，现将欠税情况公告如下：\n",
    )
    header = [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人、业主）姓名",
        "证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额",
    ]
    rows = []
    for _ in range(r.randint(3, 6)):
        person = r.random() < 0.35
        if person:
            owner = w.name(
                "owner", published=True, kind=r.choice(["han3", "han2", "compound"]), variant="plain"
            )
            org = w.company(owner=owner.value)
            tin = w.uscc(shop=True) if r.random() < 0.6 else w.tin_person()
        else:
            owner = w.name("legal_rep", published=True)
            org = w.company()
            tin = w.uscc() if r.random() < 0.7 else w.old_tin()
        idv = w.id_value() if r.random() < 0.8 else w.masked("id")
        rows.append(
            [
                org,
                tin,
                owner,
                idv,
                w.biz_addr(),
                r.choice(["增值税", "个人所得税", "城市维护建设税", "印花税"]),
                w.amount(),
            ]
        )
    render_table(doc, header, rows, flat, r)
    contact_block(doc, w)
    sign_off(doc, w)


def k_abnormal(doc: Doc, w: World, flat: str):
    r = w.r
    doc.add(
        w.bureau_v(),
        "\n关于认定非正常户的公告\n",
        w.docno("告"),
        "\n下列纳税人未按规定期限进行纳税申报，经我局实地核查查无下落，已认定为非正常户：\n",
    )
    header = ["序号", "纳税人名称", "统一社会信用代码", "负责人", "身份证件号码", "生产经营地址", "认定日期"]
    rows = []
    for i in range(r.randint(3, 7)):
        owner = w.name("legal_rep" if r.random() < 0.6 else "owner", published=True)
        org = (
            w.company(owner=owner.value)
            if ("role_owner" in owner.tags and "name_han" in owner.tags and owner.text == owner.value)
            else w.company()
        )
        rows.append(
            [
                str(i + 1),
                org,
                w.uscc(),
                owner,
                w.id_value() if r.random() < 0.85 else w.passport(),
                w.biz_addr(),
                w.date(),
            ]
        )
    render_table(doc, header, rows, flat, r)
    doc.add("请上述纳税人自公告之日起十五日内到主管税务机关办理相关涉税事宜。\n")
    contact_block(doc, w)
    sign_off(doc, w)


def k_credit(doc: Doc, w: World, flat: str):
    r = w.r
    doc.add(w.bureau_v("bureau_city"), "\n", str(w.year), "年度纳税信用D级纳税人名单\n")
    header = ["纳税人识别号", "纳税人名称", "法定代表人", "财务负责人", "联系电话", "评价年度"]
    rows = []
    for _ in range(r.randint(3, 6)):
        rows.append(
            [
                w.uscc(),
                w.company(),
                w.name("legal_rep", published=True),
                w.name("accountant"),
                w.mobile() if r.random() < 0.7 else w.landline(),
                str(w.year - 1),
            ]
        )
    render_table(doc, header, rows, flat, r)
    doc.add("附：", w.url(), "\n")
    contact_block(doc, w)


def k_major_case(doc: Doc, w: World):
    r = w.r
    doc.add("重大税收违法失信主体信息公布\n")
    if r.random() < 0.5:
        doc.add("纳税人名称：", w.company(), "\n纳税人识别号：", w.uscc(), "\n注册地址：", w.biz_addr(), "\n")
        doc.add(
            "法定代表人或者负责人姓名：",
            w.name("legal_rep", published=True),
            "，性别：",
            r.choice("男女"),
            "，身份证件号码：",
            w.id_value(),
            "\n",
        )
        doc.add(
            "负有直接责任的财务负责人姓名：",
            w.name("accountant", published=True),
            "，身份证件号码：",
            w.id_value(),
            "\n",
        )
        doc.add(
            "负有直接责任的中介机构信息：",
            w.company(),
            "，从业人员：",
            w.name("intermediary", published=True),
            "，税务师职业资格证书编号：",
            V(f"{w.year - 5}{w.g.digits(8)}", "cert_number", "public", ["cert_number"]),
            "\n",
        )
    else:
        doc.add(
            "自然人姓名：",
            w.name("party", published=True),
            "\n",
            r.choice(["身份证件号码", "证件号码"]),
            "：",
            w.id_value(),
            "\n",
        )
        doc.add("住所：", w.home(), "\n")
    doc.add(
        "主要违法事实：经",
        w.bureau_v("insp"),
        "检查，发现其在",
        w.date(),
        "至",
        w.date(),
        "期间，采取虚假申报手段少缴个人所得税",
        w.amount(),
        "。其配偶",
        w.name("family"),
        "、雇员",
        w.name("employee"),
        "协助转移收入，相关款项经",
        w.bank(),
        "账户收取。\n",
    )
    doc.add(
        "相关法律依据及税务处理处罚情况：依照《中华人民共和国税收征收管理法》第六十三条，处以罚款",
        w.amount(),
        "。\n",
    )
    doc.add("公布日期：", w.date(), "\n")


def k_inspection_notice(doc: Doc, w: World):
    doc.add(w.bureau_v("insp"), "\n税务检查通知书\n", w.docno("检通"), "\n")
    org = w.company()
    doc.add(
        org,
        "：\n根据《中华人民共和国税收征收管理法》第五十四条规定，决定派",
        w.name("officer"),
        "、",
        w.name("officer"),
        "等人，自",
        w.date(),
        "起对你单位",
        w.date(),
        "至",
        w.date(),
        "期间的纳税情况进行检查。请你单位法定代表人",
        w.name("legal_rep", published=True),
        "或财务负责人",
        w.name("accountant"),
        "（手机",
        w.mobile(),
        "）予以配合。\n",
    )
    doc.add("检查人员联系电话：", w.pub_phone("hall"), "\n")
    sign_off(doc, w, "insp")


def k_inquiry(doc: Doc, w: World):
    r = w.r
    doc.add("询问通知书\n", w.docno("询"), "\n")
    p = w.name(r.choice(["witness", "employee", "buyer"]))
    doc.add(
        p,
        "：\n根据《中华人民共和国税收征收管理法》第五十四条第（四）项规定，请你于",
        w.date(),
        "上午9时到",
        w.auth_addr(),
        "接受询问。请携带本人",
        r.choice(["居民身份证", "护照", "港澳居民来往内地通行证"]),
        "（号码",
        w.passport() if r.random() < 0.5 else w.id_value(),
        "）。\n",
    )
    doc.add(
        "你的联系地址：",
        w.home(),
        "；电子邮箱：",
        w.email(),
        "。\n如有疑问请与",
        w.name("officer"),
        "联系，电话",
        w.pub_phone("hall"),
        "。\n",
    )
    sign_off(doc, w, "insp")


def k_receipt(doc: Doc, w: World, flat: str):
    r = w.r
    doc.add("税务文书送达回证\n")
    header = [
        "送达文书名称",
        "受送达人",
        "送达地点",
        "受送达人签名或盖章",
        "送达时间",
        "代收人",
        "代收理由",
        "送达人",
    ]
    rows = []
    for _ in range(r.randint(1, 3)):
        rec = w.name("party", published=True)
        rows.append(
            [
                "《税务事项通知书》" + w.docno("通").text,
                rec,
                w.home(),
                V(rec.text, "name", "personal", [*rec.tags, "name_repeated_in_row"], rec.allow, rec.value),
                w.date(),
                w.name("family"),
                "同住成年家属",
                w.name("officer"),
            ]
        )
    # docno inserted as plain text above; relabel it as a cell value
    for row in rows:
        row[0] = V(row[0], "doc_number", "public", ["doc_number_with_title"])
    render_table(doc, header, rows, flat, r)
    sign_off(doc, w)


def k_hearing(doc: Doc, w: World):
    doc.add(w.bureau_v(), "\n税务行政处罚听证通知书\n", w.docno("听通"), "\n")
    p = w.name("party", published=True)
    doc.add(
        p,
        "：\n根据你（单位）",
        w.date(),
        "提出的听证要求，决定于",
        w.date(),
        "在",
        w.auth_addr(),
        "举行听证。主持人：",
        w.name("officer"),
        "；书记员：",
        w.name("officer"),
        "。你可以委托一至二人代理，委托代理人",
        w.name("agent"),
        "（律师执业证号",
        V(
            "1" + w.area[:4] + str(w.year - 8) + "1" + w.g.digits(7),
            "cert_number",
            "public",
            ["lawyer_licence"],
        ),
        "，手机",
        w.mobile(),
        "）应提交授权委托书。\n",
    )
    doc.add("送达地址：", w.home(), "\n")
    contact_block(doc, w)
    sign_off(doc, w)


def k_inform(doc: Doc, w: World):
    doc.add("税务行政处罚事项告知书\n", w.docno("罚告"), "\n")
    shop_owner = w.name("owner", published=True, kind="han3", variant="plain")
    doc.add(
        w.company(owner=shop_owner.value),
        "（经营者：",
        shop_owner,
        "，纳税人识别号：",
        w.tin_person(),
        "）：\n",
    )
    doc.add(
        "对你",
        w.date(),
        "的税收违法行为，拟作出如下处罚决定：罚款",
        w.amount(),
        "。你有陈述、申辩的权利；罚款超过",
        w.amount(),
        "的，有要求听证的权利。可自收到本告知书之日起五日内向本机关书面提出。\n",
    )
    doc.add("经营地址：", w.biz_addr(), "；家庭住址：", w.home(), "；固定电话：", w.landline(), "\n")
    sign_off(doc, w)


def k_review(doc: Doc, w: World):
    r = w.r
    doc.add(w.bureau_v("bureau_city"), "\n行政复议决定书\n", w.docno("复决"), "\n\n")
    doc.add(
        "申请人：",
        w.name("party", published=True),
        "，",
        r.choice("男女"),
        "，",
        str(r.randint(1955, 2000)),
        "年出生，",
        r.choice(["汉族", "维吾尔族", "藏族", "蒙古族"]),
        "，住",
        w.home(),
        "，公民身份号码",
        w.id_value(),
        "。\n",
    )
    doc.add(
        "委托代理人：", w.name("lawyer"), "，", r.choice(["广东", "湖北", "浙江"]), w.name_firm(), "律师。\n"
    )
    doc.add(
        "被申请人：",
        w.bureau_v("insp"),
        "，住所地",
        w.auth_addr(),
        "。\n法定代表人：",
        w.name("authority_head", published=True),
        "，局长。\n\n",
    )
    doc.add(
        "申请人不服被申请人作出的",
        w.docno("罚"),
        "《税务行政处罚决定书》，于",
        w.date(),
        "申请行政复议。申请人称：其于",
        w.date(),
        "将位于",
        w.home(tags=["sold_property"]),
        "的房屋出售给",
        w.name("buyer"),
        "（港澳居民来往内地通行证",
        w.passport(),
        "），成交价",
        w.amount(),
        "，房款由买方之父",
        w.name("family"),
        "通过",
        w.bank(),
        "支付，已由中介",
        w.company(),
        "经纪人",
        w.name("intermediary"),
        "（电话",
        w.mobile(),
        "）代为申报。\n",
    )
    doc.add(
        "经审理查明，申请人未如实申报财产转让所得，被申请人认定事实清楚。根据《中华人民共和国行政复议法》第六十八条，决定维持。\n"
    )
    doc.add("申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。\n")
    sign_off(doc, w, "bureau_city")


def k_agency(doc: Doc, w: World, flat: str):
    r = w.r
    doc.add(w.bureau_v("bureau_city"), "\n关于涉税专业服务机构及从业人员信用信息的公告\n")
    header = ["机构名称", "统一社会信用代码", "从业人员", "职业资格", "证件号码", "联系方式", "信用等级"]
    rows = []
    for _ in range(r.randint(3, 5)):
        firm = V(
            f"{w.city}{r.choice(['中信', '华税', '正平', '明理', '德勤信'])}{r.choice(['税务师事务所有限公司', '代理记账有限公司', '财税咨询有限公司'])}",
            "org_name",
            "public",
            ["tax_agency"],
        )
        contact = w.email() if r.random() < 0.4 else w.mobile()
        rows.append(
            [
                firm,
                w.uscc(),
                w.name("intermediary"),
                r.choice(["税务师", "注册会计师", "代理记账从业人员"]),
                w.id_value(),
                contact,
                r.choice(["TSC1", "TSC3", "TSC5", "TSC4"]),
            ]
        )
    render_table(doc, header, rows, flat, r)
    contact_block(doc, w)


def k_iit_letter(doc: Doc, w: World):
    """个人所得税 case letter / 税务事项通知书 to a foreign or HK/TW party."""
    r = w.r
    doc.add(w.bureau_v(), "\n税务事项通知书\n", w.docno("通"), "\n\n")
    p = w.name("party", published=True, kind=r.choice(["latin", "latin", "han3"]), variant="latin_han")
    doc.add(p, "：\n（护照/通行证号码：", w.passport(), "；出生日期：", w.date(), "）\n")
    doc.add(
        "经核查，你在",
        w.date(),
        "至",
        w.date(),
        "期间取得",
        w.company(),
        "支付的工资薪金所得",
        w.amount(),
        "，未办理",
        str(w.year - 1),
        "年度个人所得税综合所得汇算清缴。你的雇主联系人",
        w.name("employee"),
        "已于",
        w.date(),
        "告知你。请于收到本通知之日起十五日内补缴税款",
        w.amount(),
        "。\n",
    )
    doc.add("你的中国境内联系方式：", w.mobile(), "，", w.email(), "；境内住址：", w.home(), "\n")
    doc.add(
        "收款账户（退税用）：",
        r.choice(BANKS),
        "，户名",
        V(p.text, "name", "personal", [*p.tags, "name_repeated"], p.allow, p.value),
        "，账号",
        w.bank(),
        "\n",
    )
    contact_block(doc, w)
    sign_off(doc, w)


def k_double_public(doc: Doc, w: World):
    """双公示 record as key-value."""
    r = w.r
    person = r.random() < 0.4
    doc.add("行政处罚信息（双公示）\n")
    doc.add("行政处罚决定书文号：", w.docno("罚"), "\n")
    if person:
        doc.add(
            "行政相对人类别：自然人\n行政相对人名称：",
            w.name("party", published=True),
            "\n证件类型：身份证\n证件号码：",
            w.id_value(),
            "\n",
        )
    else:
        owner = w.name("legal_rep", published=True)
        doc.add(
            "行政相对人类别：法人及非法人组织\n行政相对人名称：",
            w.company(),
            "\n统一社会信用代码：",
            w.uscc(),
            "\n法定代表人：",
            owner,
            "\n法定代表人证件号码：",
            w.masked("id") if r.random() < 0.5 else w.id_value(),
            "\n",
        )
    doc.add(
        "违法行为类型：",
        r.choice(["发票违法", "未按规定申报", "逃避追缴欠税"]),
        "\n处罚内容：罚款",
        w.amount(),
        "\n罚款金额（万元）：",
        V(f"{r.randint(1, 9999) / 100:.2f}", "amount", "public", ["amount_bare"]),
        "\n处罚决定日期：",
        w.date(),
        "\n处罚机关：",
        w.bureau_v(),
        "\n处罚机关统一社会信用代码：",
        V(w.g.uscc(w.area, "11"), "uscc", "public", ["uscc_authority"]),
        "\n",
    )
    doc.add("数据来源：", w.bureau_v(), "\n")


def k_landlord(doc: Doc, w: World):
    """Narrative: rental income case with landlord, tenant, witness -- PDF-like page."""
    r = w.r
    doc.add(w.bureau_v("insp"), "\n税务处理决定书\n", w.docno("处"), "\n")
    land = w.name("landlord", published=True)
    doc.add(
        land,
        "：\n我局于",
        w.date(),
        "至",
        w.date(),
        "对你出租房屋取得收入的纳税情况进行了检查。违法事实及处理决定如下：\n",
    )
    doc.add(
        "你将坐落于",
        w.home(tags=["rented_property"]),
        "的房产出租给",
        w.company(),
        "作仓库使用，该公司经办人",
        w.name("agent"),
        "（身份证",
        w.id_value(),
        "）与你签订租赁合同，约定月租金",
        w.amount(),
        "，租金汇入你的",
        r.choice(BANKS),
        "账户",
        w.bank(),
        "。另有租户",
        w.name("tenant"),
        "（电话",
        w.mobile(),
        "，电子邮箱",
        w.email(),
        "）证实上述事实。\n",
    )
    doc.add("前任租户", w.masked(), "（电话", w.masked("mobile"), "）已另案处理。\n")
    doc.add("你未申报房产税及个人所得税，应补缴税款", w.amount(), "及滞纳金。附件：", w.url(), "\n")
    doc.add(
        "你的手机号码",
        w.mobile() if r.random() < 0.6 else w.masked("mobile"),
        "已于",
        w.date(),
        "收到电子送达提醒（邮箱",
        w.email(),
        "）。\n",
    )
    sign_off(doc, w, "insp")


def name_firm(self) -> str:
    return f"{self.r.choice(['正义', '德和', '中伦', '明察', '天平'])}律师事务所"


World.name_firm = name_firm  # type: ignore[attr-defined]

NARRATIVE = {
    "penalty": k_penalty,
    "simple_penalty": k_simple_penalty,
    "delivery_notice": k_notice_delivery,
    "major_case": k_major_case,
    "inspection_notice": k_inspection_notice,
    "inquiry_notice": k_inquiry,
    "hearing_notice": k_hearing,
    "inform_notice": k_inform,
    "review_decision": k_review,
    "iit_letter": k_iit_letter,
    "double_public": k_double_public,
    "landlord_decision": k_landlord,
}
TABLES = {
    "arrears": k_arrears,
    "abnormal": k_abnormal,
    "credit_d": k_credit,
    "receipt": k_receipt,
    "agency_list": k_agency,
}


def ocr_noise(text: str, spans: list[dict], rng: random.Random) -> str:
    """Replace some punctuation outside the spans (same length): ： -> :, ，-> , and a stray 丨 for |."""
    covered = set()
    for s in spans:
        covered.update(range(s["start"], s["end"]))
    out = list(text)
    for i, ch in enumerate(out):
        if i in covered:
            continue
        if ch == "：" and rng.random() < 0.5:
            out[i] = ":"
        elif ch == "，" and rng.random() < 0.3:
            out[i] = ","
        elif ch == "|" and rng.random() < 0.3:
            out[i] = "丨"
    return "".join(out)


def main():
    rng = random.Random(SEED)
    out = []
    kinds = list(NARRATIVE) + list(TABLES)
    for i in range(N_DOCS):
        kind = kinds[i % len(kinds)]
        w = World(rng)
        doc = Doc()
        if kind in TABLES:
            flat = FLATS[(i // len(kinds)) % len(FLATS)]
            TABLES[kind](doc, w, flat)
        else:
            flat = (
                rng.choice(["narrative", "narrative", "letter"])
                if kind not in ("double_public",)
                else "kv_record"
            )
            NARRATIVE[kind](doc, w)
        text = doc.text()
        spans = doc.spans
        extras = []
        if flat in ("narrative", "letter") and rng.random() < 0.35:
            text = pdf_wrap(text, spans, rng.choice([28, 33, 38, 45]))
            extras.append("pdf_wrap")
        if rng.random() < 0.2:
            text = ocr_noise(text, spans, rng)
            extras.append("ocr_noise")
        for s in spans:
            s["text"] = text[s["start"] : s["end"]]
        out.append(
            {
                "id": f"m6-{i:04d}",
                "kind": kind,
                "flattening": flat,
                "extras": extras,
                "text": text,
                "spans": spans,
            }
        )
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(out)} documents, {sum(len(d['spans']) for d in out)} spans")


if __name__ == "__main__":
    main()
