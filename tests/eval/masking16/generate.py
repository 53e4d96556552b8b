"""Generate the independent masking evaluation set 16 (corpus.jsonl).

Deterministic: fixed seed, no network; rerunning writes byte-identical output.
Run: PYTHONPATH=src python tests/eval/masking16/generate.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 16_2026
OUT = Path(__file__).with_name("corpus.jsonl")
N_DOCS = 400

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢覃韦廖莫蓝"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕金凤德胜文彬雪婷晓东永红俊宇子涵思远嘉怡浩然"
)

# (province, city, district, 6-digit division code, phone area code, roads)
PLACES = [
    ("湖南省", "长沙市", "芙蓉区", "430102", "0731", ["五一大道", "解放西路", "韶山北路"]),
    ("广东省", "广州市", "天河区", "440106", "020", ["天河北路", "体育东路", "黄埔大道西"]),
    ("江苏省", "南京市", "玄武区", "320102", "025", ["中山路", "北京东路", "珠江路"]),
    ("四川省", "成都市", "锦江区", "510104", "028", ["春熙路", "东大街", "红星路二段"]),
    ("广西壮族自治区", "南宁市", "青秀区", "450103", "0771", ["民族大道", "东葛路", "云景路"]),
    ("浙江省", "杭州市", "西湖区", "330106", "0571", ["文三路", "天目山路", "教工路"]),
    ("湖北省", "武汉市", "武昌区", "420106", "027", ["中南路", "徐东大街", "武珞路"]),
    ("山东省", "济南市", "历下区", "370102", "0531", ["泉城路", "经十路", "解放路"]),
    ("陕西省", "西安市", "雁塔区", "610113", "029", ["长安南路", "小寨东路", "科技路"]),
    ("福建省", "厦门市", "思明区", "350203", "0592", ["湖滨南路", "厦禾路", "思明南路"]),
    ("河北省", "石家庄市", "桥西区", "130104", "0311", ["中华南大街", "自强路", "裕华西路"]),
    ("河南省", "郑州市", "金水区", "410105", "0371", ["花园路", "农业路", "纬五路"]),
]
COUNTIES = [
    ("浏阳市", "430181", "大瑶镇", "南山村"),
    ("宾阳县", "450126", "黎塘镇", "三联村"),
    ("简阳市", "510185", "石桥镇", "白果村"),
    ("长垣市", "410783", "魏庄街道", "东孟岗村"),
    ("安溪县", "350524", "龙门镇", "桂林村"),
    ("寿光市", "370783", "洛城街道", "东斟灌村"),
]
ESTATES = [
    "锦绣华庭",
    "幸福嘉园",
    "阳光新城",
    "翠湖苑",
    "金色家园",
    "滨江花园",
    "紫薇小区",
    "和平里",
    "春晖花园",
]
TRADES = ["商贸", "建材", "科技", "物流", "餐饮管理", "电子", "供应链", "装饰工程", "农业开发", "贸易"]
BRANDS = [
    "恒信",
    "鑫盛",
    "联创",
    "瑞丰",
    "华拓",
    "金禹",
    "永泰",
    "博远",
    "东瑞",
    "嘉合",
    "宏达",
    "润通",
    "天成",
]
LAW_FIRMS = [
    "湖南金州律师事务所",
    "广东广信君达律师事务所",
    "北京大成（南宁）律师事务所",
    "浙江天册律师事务所",
    "四川发现律师事务所",
    "福建联合信实律师事务所",
]
PINYIN = {
    "湖南省": "hunan",
    "广东省": "guangdong",
    "江苏省": "jiangsu",
    "四川省": "sichuan",
    "广西壮族自治区": "guangxi",
    "浙江省": "zhejiang",
    "湖北省": "hubei",
    "山东省": "shandong",
    "陕西省": "shaanxi",
    "福建省": "fujian",
    "河北省": "hebei",
    "河南省": "henan",
}
TAXES = ["增值税", "企业所得税", "个人所得税", "城市维护建设税", "印花税", "房产税", "城镇土地使用税"]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FULLWIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")
UNFULL = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")


class Doc:
    """Text builder that records labelled spans as it appends."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []

    def t(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def v(
        self, s: str, kind: str, typ: str, tags: tuple[str, ...] = (), core: tuple[int, int] | None = None
    ) -> None:
        span: dict = {
            "start": self.pos,
            "end": self.pos + len(s),
            "kind": kind,
            "type": typ,
            "tags": list(tags),
        }
        if core is not None:
            span["core_start"] = self.pos + core[0]
            span["core_end"] = self.pos + core[1]
        self.spans.append(span)
        self.t(s)

    def p(self, value: tuple[str, str, tuple[int, int] | None, tuple[str, ...]]) -> None:
        s, typ, core, tags = value
        self.v(s, "personal", typ, tags, core)

    def pub(self, s: str, typ: str, tags: tuple[str, ...] = ()) -> None:
        self.v(s, "public", typ, tags)

    def off(self, s: str) -> None:
        self.v(s, "public", "official_name", ("published_by_policy",))

    def m(self, s: str, typ: str) -> None:
        self.v(s, "masked", typ)

    def text(self) -> str:
        return "".join(self.parts)


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.used_names: set[str] = set()

    # ---------- personal values: (text, type, core, tags) ----------
    def name(self, tags: tuple[str, ...] = ()):
        r = self.r
        for _ in range(100):
            sur = r.choice(COMPOUND) if r.random() < 0.05 else r.choice(SURNAMES)
            given = "".join(r.choice(GIVEN) for _ in range(1 if r.random() < 0.35 else 2))
            n = sur + given
            if n not in self.used_names:
                break
        self.used_names.add(n)
        t = (
            tags
            + (("single_char_given",) if len(given) == 1 else ())
            + (("compound_surname",) if len(sur) == 2 else ())
        )
        return n, "person_name", (len(sur), len(n)), t

    def id_number(self, place: str | None = None, birth_year: int | None = None):
        r = self.r
        area = place or r.choice([p[3] for p in PLACES] + [c[1] for c in COUNTIES])
        y = birth_year or r.randint(1958, 2003)
        body = f"{area}{y}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = "10X98765432"[sum(int(c) * k for c, k in zip(body, w, strict=True)) % 11]
        return body + check

    def id_written(self, tags: tuple[str, ...] = ()):
        r = self.r
        raw = self.id_number()
        style = r.random()
        if style < 0.6:
            s, t = raw, ()
        elif style < 0.72:
            s, t = f"{raw[:6]} {raw[6:14]} {raw[14:]}", ("spaced_digits",)
        elif style < 0.8:
            s, t = raw[:6] + " " + raw[6:10] + " " + raw[10:14] + " " + raw[14:], ("spaced_digits",)
        elif style < 0.88:
            s, t = raw.translate(FULLWIDTH), ("fullwidth",)
        elif style < 0.95 and raw.endswith("X"):
            s, t = raw[:-1] + "x", ("lowercase_x",)
        else:
            s, t = raw, ()
        # core = birth date + sequence: characters after the first six digits, before the check digit
        digits_seen = 0
        start = end = 0
        for i, ch in enumerate(s):
            if ch.strip():
                if digits_seen == 6:
                    start = i
                if digits_seen == 16:
                    end = i + 1
                digits_seen += 1
        return s, "id_number", (start, end), tags + t

    def personal_tin(self, tags: tuple[str, ...] = (), id_raw: str | None = None):
        raw = (id_raw or self.id_number()) + f"{self.r.randint(0, 99):02d}"
        return raw, "personal_taxpayer_id", (6, 18), tags

    def mobile(self, tags: tuple[str, ...] = ()):
        r = self.r
        raw = (
            r.choice(["13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + f"{r.randint(0, 99999999):08d}"
        )
        style = r.random()
        if style < 0.55:
            return raw, "phone", (3, 11), tags
        if style < 0.7:
            s = f"{raw[:3]}-{raw[3:7]}-{raw[7:]}"
            return s, "phone", (4, 13), tags + ("separated_digits",)
        if style < 0.82:
            s = f"{raw[:3]} {raw[3:7]} {raw[7:]}"
            return s, "phone", (4, 13), tags + ("spaced_digits",)
        if style < 0.92:
            s = "+86 " + raw
            return s, "phone", (7, 15), tags + ("country_code",)
        s = raw.translate(FULLWIDTH)
        return s, "phone", (3, 11), tags + ("fullwidth",)

    def home_phone(self, place, tags: tuple[str, ...] = ()):
        code = place[4]
        num = f"{self.r.randint(2, 8)}{self.r.randint(0, 9999999):07d}"
        s = f"{code}-{num}"
        return s, "phone", (len(code) + 1, len(s)), tags + ("home_landline",)

    def home_address(self, place=None, tags: tuple[str, ...] = ()):
        r = self.r
        style = r.random()
        if style < 0.2:
            cty = r.choice(COUNTIES)
            head = (
                r.choice(
                    [
                        "湖南省长沙市",
                        "广西壮族自治区南宁市",
                        "四川省成都市",
                        "河南省新乡市",
                        "福建省泉州市",
                        "山东省潍坊市",
                    ]
                )
                if r.random() < 0.5
                else ""
            ) + cty[0]
            tail = f"{cty[2]}{cty[3]}{r.choice(['', '一', '三', '五', '八'])}{'组' if r.random() < 0.7 else '屯'}{r.randint(1, 120)}号"
            return head + tail, "home_address", (len(head), len(head + tail)), tags + ("rural",)
        pl = place or r.choice(PLACES)
        head = ("" if r.random() < 0.3 else pl[0]) + pl[1] + pl[2]
        road = r.choice(pl[5])
        if style < 0.55:
            tail = f"{road}{r.randint(1, 399)}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 4)}单元{r.randint(1, 33)}{r.randint(1, 8):02d}室"
            t = ("urban",)
        elif style < 0.7:
            tail = f"{road}{r.choice(['文化', '长寿', '青石', '梧桐', '福禄'])}{r.choice(['巷', '弄', '里'])}{r.randint(1, 80)}号{r.randint(1, 6)}0{r.randint(1, 4)}"
            t = ("lane",)
        elif style < 0.82:
            tail = f"{road}{r.randint(1, 399)}号{r.randint(1, 12)}-{r.randint(1, 30)}-{r.randint(1, 6)}"
            t = ("dash_house_number",)
        elif style < 0.92:
            tail = f"{r.choice(['经济技术开发区', '高新技术开发区'])}{r.choice(['人才公寓', '职工宿舍'])}{r.randint(1, 9)}号楼{r.randint(1, 20)}0{r.randint(1, 9)}房"
            t = ("development_zone",)
        else:
            tail = f"{road}{r.randint(1, 399)}号{r.choice(ESTATES)}{r.randint(1, 30)}幢{r.randint(101, 2804)}"
            t = ("urban",)
        return head + tail, "home_address", (len(head), len(head + tail)), tags + t

    def email(self, tags: tuple[str, ...] = ()):
        r = self.r
        local = r.choice(["zhang", "liwei", "wang", "chen", "hy", "xm", "lucky", "tax"]) + str(
            r.randint(10, 99999)
        )
        if r.random() < 0.4:
            local = str(r.randint(10000000, 3999999999))
        dom = r.choice(["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"])
        return f"{local}@{dom}", "email", (0, len(local)), tags

    def bank_card(self, tags: tuple[str, ...] = ()):
        r = self.r
        prefix = r.choice(["622848", "621700", "622202", "623058", "622588", "621483"])
        length = r.choice([16, 19, 19])
        body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        total = 0
        for i, ch in enumerate(reversed(body)):
            d = int(ch)
            if i % 2 == 0:
                d *= 2
                d -= 9 if d > 9 else 0
            total += d
        raw = body + str((10 - total % 10) % 10)
        if r.random() < 0.3:
            s = " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
            return s, "bank_card", (7, len(s) - 5), tags + ("spaced_digits",)
        return raw, "bank_card", (6, len(raw) - 4), tags

    def passport(self, tags: tuple[str, ...] = ()):
        r = self.r
        kind = r.random()
        if kind < 0.4:
            s = "E" + f"{r.randint(0, 99999999):08d}"
            label = "护照号码"
        elif kind < 0.7:
            s = "C" + f"{r.randint(0, 99999999):08d}"
            label = "往来港澳通行证号码"
        else:
            s = r.choice(["H", "M"]) + f"{r.randint(0, 9999999999):010d}"
            label = "港澳居民来往内地通行证号码"
        return (s, "passport_permit", (1, len(s)), tags), label

    # ---------- public values ----------
    def uscc(self) -> str:
        r = self.r
        area = r.choice([p[3] for p in PLACES])
        org = [r.choice(ORG_CHARS[:10] if i < 2 else ORG_CHARS) for i in range(8)]
        s = sum(ORG_CHARS.index(c) * w for c, w in zip(org, ORG_W, strict=True))
        c9 = 11 - s % 11
        org_check = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
        body = "91" + area + "".join(org) + org_check
        total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W, strict=True))
        ck = (31 - total % 31) % 31
        return body + USCC_CHARS[ck]

    def company(self, pl) -> str:
        r = self.r
        form = r.choice(["有限公司", "有限责任公司", "股份有限公司", "有限公司"])
        b1, b2 = r.sample(BRANDS, 2)
        return f"{pl[1].rstrip('市')}{b1}{b2}{r.choice(TRADES)}{form}"

    def biz_address(self, pl) -> str:
        r = self.r
        road = r.choice(pl[5])
        return f"{pl[1]}{pl[2]}{road}{r.randint(1, 599)}号{r.choice(['门面', '一楼门面', '商铺', '写字楼' + str(r.randint(3, 28)) + '层', '物流园B区' + str(r.randint(1, 40)) + '号仓'])}"

    def shop(self, pl, owner_surname: str) -> str:
        r = self.r
        style = r.choice(["{d}{s}记{t}店", "{d}{b}{t}店", "{c}市{d}{b}{t}经营部", "{d}老{s}{t}馆"])
        return style.format(
            d=pl[2],
            s=owner_surname,
            t=r.choice(["粉", "烟酒", "五金", "建材", "小吃", "服装"]),
            b=r.choice(BRANDS),
            c=pl[1].rstrip("市"),
        )

    def bureau(self, pl, level: str = "稽查局") -> str:
        if level == "区":
            return f"国家税务总局{pl[1]}{pl[2]}税务局"
        return f"国家税务总局{pl[1]}税务局{level}"

    def date(self, y0: int = 2022, y1: int = 2026) -> str:
        r = self.r
        y = r.randint(y0, y1)
        return f"{y}年{r.randint(1, 12)}月{r.randint(1, 28)}日"

    def amount(self) -> str:
        r = self.r
        v = r.randint(100, 9_999_999) + r.randint(0, 99) / 100
        return f"{v:,.2f}元" if r.random() < 0.4 else f"{v:.2f}元"

    def docno(self, pl, kind: str) -> str:
        r = self.r
        short = pl[1][:1]
        return f"{short}税稽{kind}〔{r.randint(2022, 2026)}〕{r.randint(1, 300)}号"

    def bureau_phone(self, pl) -> str:
        return f"{pl[4]}-{self.r.randint(2, 8)}{self.r.randint(0, 9999999):07d}"

    def masked_name(self) -> str:
        r = self.r
        return r.choice(
            [
                r.choice(SURNAMES) + "某某",
                r.choice(SURNAMES) + "某",
                r.choice(SURNAMES) + "**",
                r.choice(SURNAMES) + "*" + r.choice(GIVEN),
                "XXX",
            ]
        )

    def masked_number(self) -> tuple[str, str]:
        r = self.r
        c = r.random()
        if c < 0.4:
            raw = self.id_number()
            return raw[:4] + "*" * 10 + raw[-4:], "id_number"
        if c < 0.7:
            return f"1{r.randint(30, 99)}****{r.randint(0, 9999):04d}", "phone"
        raw = self.id_number()
        return raw[:6] + "********" + raw[-4:], "id_number"


PROSE_CATS = [
    "penalty_simple",
    "penalty_general",
    "handling_decision",
    "service_notice",
    "foi_reply",
    "review_decision",
    "report_reply",
    "major_case_prose",
]
LIST_CATS = ["abnormal_list", "arrears_list", "major_case_list", "shuanggongshi", "service_list"]
LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "kv", "csv", "html", "semicolon"]


def contact_block(d: Doc, g: Gen, pl, bureau: str) -> None:
    r = g.r
    d.t(r.choice(["\n联系人：", "\n税务机关联系人：", "\n（联系人："]))
    d.off(g.name()[0])
    d.t(r.choice(["；联系电话：", "  电话：", "，联系电话："]))
    d.pub(g.bureau_phone(pl), "bureau_phone")
    d.t("；地址：")
    d.pub(f"{pl[1]}{pl[2]}{r.choice(pl[5])}{r.randint(1, 300)}号", "bureau_address")
    if r.random() < 0.6:
        d.t("；纳税服务热线：")
        d.pub("12366", "hotline")
    if r.random() < 0.5:
        d.t("；网址：")
        d.pub(f"https://{PINYIN[pl[0]]}.chinatax.gov.cn", "web_address")
    d.t("）\n" if r.random() < 0.3 else "。\n")


def person_intro(d: Doc, g: Gen, pl, role: str, rich: bool) -> str:
    """Introduce a natural person in a role with some of their numbers; returns the name used."""
    r = g.r
    nm = g.name((f"role_{role}",))
    d.t(f"{role}")
    d.t(r.choice(["", "：", "为"]))
    d.p(nm)
    opts = []
    if rich or r.random() < 0.6:
        opts.append("id")
    if r.random() < 0.45:
        opts.append("phone")
    if r.random() < 0.3:
        opts.append("addr")
    if r.random() < 0.12:
        opts.append("card")
    if r.random() < 0.1:
        opts.append("mail")
    if r.random() < 0.07:
        opts.append("passport")
    if not opts:
        d.t("，")
        return nm[0]
    opener = r.choice(["（", "，", "("])
    d.t(opener)
    for i, o in enumerate(opts):
        if i:
            d.t(r.choice(["，", "；", "、"]))
        if o == "id":
            d.t(r.choice(["身份证号码：", "居民身份证号：", "身份证件号码", "公民身份号码：", "证件号码:"]))
            d.p(g.id_written())
        elif o == "phone":
            d.t(r.choice(["联系电话：", "手机：", "电话", "手机号码:"]))
            d.p(g.mobile() if r.random() < 0.85 else g.home_phone(pl))
        elif o == "addr":
            d.t(r.choice(["住址：", "家庭住址：", "住", "现住"]))
            d.p(g.home_address(pl if r.random() < 0.6 else None))
        elif o == "card":
            d.t(r.choice(["个人银行卡号：", "银行账号", "收款账户："]))
            d.p(g.bank_card())
        elif o == "mail":
            d.t("电子邮箱：")
            d.p(g.email())
        else:
            v, label = g.passport()
            d.t(label + "：")
            d.p(v)
    d.t({"（": "）", "，": "。", "(": ")"}[opener])
    return nm[0]


def facts(d: Doc, g: Gen, pl, company: str | None) -> None:
    r = g.r
    d.t(r.choice(["经查，", "经检查发现，", "违法事实："]))
    d.t(f"{'你公司' if company else '你'}于")
    d.pub(g.date(2020, 2024), "date")
    d.t("至")
    d.pub(g.date(2024, 2025), "date")
    d.t(f"期间少申报{r.choice(TAXES)}")
    d.pub(g.amount(), "amount")
    if r.random() < 0.5:
        d.t("，开具增值税专用发票（发票代码：")
        d.pub(
            f"{r.choice([p[3][:4] for p in PLACES])}{r.randint(15, 25)}{r.randint(3100, 3199)}",
            "invoice_code",
        )
        d.t("，发票号码：")
        d.pub(f"{r.randint(0, 99999999):08d}", "invoice_number")
        d.t("）")
    d.t("。")


def opener(d: Doc, g: Gen, pl, cat: str, bureau: str) -> None:
    r = g.r
    if cat == "service_notice":
        d.t(
            "因采用直接送达、邮寄送达等方式无法送达，现依照《中华人民共和国税收征收管理法实施细则》第一百零六条规定，向你公告送达《"
        )
        d.t(r.choice(["税务行政处罚决定书", "税务处理决定书", "税务事项通知书"]) + "》（")
        d.pub(g.docno(pl, r.choice(["罚", "处", "通"])), "doc_number")
        d.t("）。自公告之日起满30日，即视为送达。\n")
    elif cat == "foi_reply":
        d.t("你于")
        d.pub(g.date(2024, 2026), "date")
        d.t(
            r.choice(["通过信函方式", "通过网上申请平台", "当面"])
            + "向本机关提出的政府信息公开申请收悉。经审查，现答复如下：\n"
        )
    elif cat == "review_decision":
        d.t("被申请人：")
        d.pub(bureau, "authority")
        d.t("。申请人不服被申请人作出的")
        d.pub(g.docno(pl, "罚"), "doc_number")
        d.t("决定，于")
        d.pub(g.date(2024, 2026), "date")
        d.t("向本机关申请行政复议，本机关依法予以受理。\n")
    elif cat == "report_reply":
        d.t("你反映的被检举人涉嫌偷逃税款问题，本局已依法处理，现将处理情况答复如下：\n")
    elif cat == "major_case_prose":
        d.t("主要违法事实：经" + r.choice(["稽查局", "税务机关"]) + "检查，发现其在")
        d.pub(g.date(2019, 2023), "date")
        d.t("至")
        d.pub(g.date(2023, 2025), "date")
        d.t("期间，主要存在以下问题：\n")


def build_prose(g: Gen, cat: str) -> Doc:
    r = g.r
    d = Doc()
    pl = r.choice(PLACES)
    bureau = g.bureau(pl, r.choice(["稽查局", "第一稽查局", "区"]))
    contact_pos = r.choice(["top", "middle", "end", "none", "end"])
    d.pub(bureau, "authority")
    d.t("\n")
    title = {
        "penalty_simple": "税务行政处罚决定书（简易）",
        "penalty_general": "税务行政处罚决定书",
        "handling_decision": "税务处理决定书",
        "service_notice": "税务文书送达公告",
        "foi_reply": "政府信息公开申请答复书",
        "review_decision": "行政复议决定书",
        "report_reply": "检举事项处理情况答复",
        "major_case_prose": "重大税收违法失信主体案件信息",
    }[cat]
    d.t(title + "\n")
    d.pub(
        g.docno(
            pl, {"penalty_simple": "简罚", "penalty_general": "罚", "handling_decision": "处"}.get(cat, "告")
        ),
        "doc_number",
    )
    d.t("\n")
    if contact_pos == "top":
        contact_block(d, g, pl, bureau)
    n_people = r.randint(2, 8)
    roles_company = [
        "法定代表人",
        "财务负责人",
        "办税人员",
        "出纳",
        "股东",
        "实际控制人",
        "会计",
        "销售经理",
        "仓库保管员",
        "购买方",
        "承租人",
        "出租人",
        "证人",
        "委托代理人",
        "法定代表人之配偶",
        "经营者之子",
    ]
    company = None
    if (
        cat in ("penalty_simple",)
        or (cat in ("service_notice", "foi_reply", "review_decision") and r.random() < 0.5)
        or r.random() < 0.2
    ):
        # natural person (individual trader) as the party
        nm = g.name(("role_party",))
        d.t(r.choice(["被处罚人姓名：", "当事人：", "申请人：", "纳税人："]) if cat != "foi_reply" else "")
        d.p(nm)
        if cat == "foi_reply":
            d.t("：\n")
        d.t(r.choice(["（纳税人识别号：", "，纳税人识别号", "，身份证件号码："]))
        if r.random() < 0.5:
            d.p(g.personal_tin())
        else:
            d.p(g.id_written())
        d.t(r.choice(["，住址：", "；地址：", "，现住", "，家住"]))
        d.p(g.home_address(pl if r.random() < 0.7 else None))
        d.t("）" if r.random() < 0.5 else "。")
        if r.random() < 0.6:
            d.t("经营场所：")
            d.pub(g.biz_address(pl), "business_address", ("shop_premises",))
            d.t("，字号：")
            d.pub(
                g.shop(pl, nm[0][:1]),
                "shop_name",
                ("shop_name_contains_surname",) if nm[0][:1] in "".join(SURNAMES) else (),
            )
            d.t("。")
        d.t("\n")
        n_people -= 1
    else:
        company = g.company(pl)
        d.pub(company, "company_name")
        d.t(r.choice(["（统一社会信用代码：", "（纳税人识别号：", "，统一社会信用代码"]))
        d.pub(g.uscc(), "uscc")
        d.t(r.choice(["）：\n", "）\n", "\n"]))
        d.t("地址：" if r.random() < 0.5 else "经营地址：")
        d.pub(g.biz_address(pl), "business_address")
        d.t("\n")
    opener(d, g, pl, cat, bureau)
    # body: facts and persons in varied roles
    for i in range(n_people):
        if i == 0 or r.random() < 0.4:
            facts(d, g, pl, company)
        if contact_pos == "middle" and i == 1:
            contact_block(d, g, pl, bureau)
        role = r.choice(
            roles_company
            if company
            else ["经营者之配偶", "雇员", "购买方", "承租人", "委托代理人", "证人", "举报人", "亲属"]
        )
        if role == "委托代理人" and r.random() < 0.6:
            d.t("委托代理人")
            d.p(g.name(("role_agent",)))
            d.t("，")
            d.pub(r.choice(LAW_FIRMS), "law_firm")
            d.t("律师。")
            continue
        rich = role in ("法定代表人", "财务负责人", "实际控制人")
        person_intro(d, g, pl, role, rich)
        if r.random() < 0.25:
            d.t(r.choice(["另查明，涉案人员", "原审记录显示", "相关人员"]))
            d.m(g.masked_name(), "person_name")
            if r.random() < 0.6:
                s, t = g.masked_number()
                d.t("（证件号码：" if t == "id_number" else "（电话：")
                d.m(s, t)
                d.t("）")
            d.t("已另案处理。")
    # decision part
    d.t(
        "\n"
        + r.choice(
            [
                "根据《中华人民共和国税收征收管理法》第六十三条第一款规定，",
                "依据《中华人民共和国税收征收管理法》第六十四条第二款，",
                "根据《中华人民共和国发票管理办法》第三十五条规定，",
            ]
        )
    )
    d.t("决定处以罚款")
    d.pub(g.amount(), "amount")
    d.t("。请于收到本决定书之日起15日内到")
    d.pub(g.bureau(pl, "区"), "authority")
    d.t("缴纳入库。\n")
    if cat in ("penalty_simple", "penalty_general", "handling_decision") and r.random() < 0.7:
        d.t(r.choice(["执法人员：", "税务执法人员："]))
        d.off(g.name()[0])
        d.t("、")
        d.off(g.name()[0])
        d.t("\n")
    if cat == "review_decision":
        d.t("复议机关：")
        d.pub(f"国家税务总局{pl[1]}税务局", "authority")
        d.t("  主持人：")
        d.off(g.name()[0])
        d.t("  记录人：")
        d.off(g.name()[0])
        d.t("\n")
    if cat in ("penalty_simple",) and r.random() < 0.6:
        d.t("被处罚人签收：")
        d.p(g.name(("signature",)))
        d.t("\n")
    if contact_pos == "end":
        contact_block(d, g, pl, bureau)
    d.pub(bureau, "authority")
    d.t("\n")
    d.pub(g.date(2025, 2026), "date")
    d.t("\n")
    return d


def list_shape(g: Gen, cat: str) -> dict:
    r = g.r
    return {
        "fin": cat in ("major_case_list", "shuanggongshi") and r.random() < 0.6,
        "agent": cat == "shuanggongshi" and r.random() < 0.4,
        "phone": cat == "service_list" and r.random() < 0.4,
        "note": r.random() < 0.15,
    }


def list_row(g: Gen, cat: str, pl, shape: dict) -> list[tuple[str, tuple]]:
    """One record: list of (header, cell); cell is ('pub', text, type) / ('p', value) / ('m', text, type).

    Every row of one document has the same headers, so any flattening can be used.
    """
    r = g.r
    row: list = []
    if r.random() < 0.4:
        # individual trader: the taxpayer is a natural person
        nm = g.name(("role_party", "list_cell"))
        row.append(("纳税人名称", ("p", nm)))
        idv = g.id_written(("list_cell",))
        digits = "".join(ch for ch in idv[0].translate(UNFULL) if ch.isalnum()).upper()
        if r.random() < 0.6:
            tin = g.personal_tin(("list_cell",), id_raw=digits)
        else:
            tin = (digits, "personal_taxpayer_id", (6, 17), ("list_cell", "tin_equals_id"))
        row.append(("纳税人识别号", ("p", tin)))
        row.append(("法定代表人（负责人）姓名", ("p", (nm[0], nm[1], nm[2], nm[3] + ("repeated_name",)))))
        row.append(("身份证件号码", ("p", idv)))
        if r.random() < 0.5:
            row.append(
                ("经营地点", ("p", g.home_address(pl, ("list_cell", "individual_registered_address"))))
            )
        else:
            row.append(("经营地点", ("pub", g.biz_address(pl), "business_address")))
    else:
        row.append(("纳税人名称", ("pub", g.company(pl), "company_name")))
        row.append(("纳税人识别号", ("pub", g.uscc(), "uscc")))
        row.append(("法定代表人（负责人）姓名", ("p", g.name(("role_法定代表人", "list_cell")))))
        row.append(("身份证件号码", ("p", g.id_written(("list_cell",)))))
        row.append(("经营地点", ("pub", g.biz_address(pl), "business_address")))
    if cat == "arrears_list":
        row.append(("欠税税种", ("pub", r.choice(TAXES), "tax_type")))
        row.append(("欠税余额", ("pub", g.amount(), "amount")))
        row.append(("当期新发生欠税金额", ("pub", g.amount(), "amount")))
    elif cat in ("major_case_list", "shuanggongshi"):
        if shape["fin"]:
            row.append(("负有直接责任的财务负责人", ("p", g.name(("role_财务负责人", "list_cell")))))
            row.append(("财务负责人身份证件号码", ("p", g.id_written(("list_cell",)))))
        row.append(("处罚决定书文号", ("pub", g.docno(pl, "罚"), "doc_number")))
        row.append(("罚款金额", ("pub", g.amount(), "amount")))
        if shape["agent"]:
            row.append(("负有直接责任的中介机构从业人员", ("p", g.name(("role_中介人员", "list_cell")))))
    elif cat == "service_list":
        row.append(("送达文书名称及文号", ("pub", g.docno(pl, r.choice(["罚", "处", "通"])), "doc_number")))
        if shape["phone"]:
            row.append(("联系电话", ("p", g.mobile(("list_cell",)))))
    row.append(("认定日期" if cat == "abnormal_list" else "公告日期", ("pub", g.date(2024, 2026), "date")))
    if shape["note"]:
        row.append(("备注", ("m", g.masked_name(), "person_name")))
    return row


def put_cell(d: Doc, cell) -> None:
    if cell[0] == "p":
        d.p(cell[1])
    elif cell[0] == "pub":
        d.pub(cell[1], cell[2])
    else:
        d.m(cell[1], cell[2])


def cell_text(cell) -> str:
    return cell[1][0] if cell[0] == "p" else cell[1]


def build_list(g: Gen, cat: str, layout: str) -> Doc:
    r = g.r
    d = Doc()
    pl = r.choice(PLACES)
    bureau = g.bureau(pl, r.choice(["稽查局", "区"]))
    title = {
        "abnormal_list": "非正常户认定公告",
        "arrears_list": "欠税公告",
        "major_case_list": "重大税收违法失信主体信息公布",
        "shuanggongshi": "行政处罚双公示信息",
        "service_list": "税务文书公告送达清单",
    }[cat]
    d.pub(bureau, "authority")
    d.t(f"{title}\n")
    if r.random() < 0.5:
        d.t("根据《中华人民共和国税收征收管理法》及其实施细则的规定，现将有关信息公告如下：\n")
    shape = list_shape(g, cat)
    rows = [list_row(g, cat, pl, shape) for _ in range(r.randint(2, 6))]
    # all rows share the header set of the first row in tabular layouts; other rows may differ in kv/semicolon forms
    if layout in ("tab", "pipe", "csv", "html", "space_aligned", "cell_per_line"):
        headers = [h for h, _ in rows[0]]
        if layout == "html":
            d.t("<table><tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>\n")
            for row in rows:
                d.t("<tr>")
                for _, c in row:
                    d.t("<td>")
                    put_cell(d, c)
                    d.t("</td>")
                d.t("</tr>\n")
            d.t("</table>\n")
        elif layout == "cell_per_line":
            for h in headers:
                d.t(h + "\n")
            for row in rows:
                for _, c in row:
                    put_cell(d, c)
                    d.t("\n")
        else:
            sep = {"tab": "\t", "pipe": " | ", "csv": ",", "space_aligned": "  "}[layout]
            widths = [
                max(len(h), *(len(cell_text(c)) for row in rows for hh, c in row if hh == h)) for h in headers
            ]
            if layout == "pipe":
                d.t("| ")
            for i, h in enumerate(headers):
                d.t(
                    h
                    + (" " * (widths[i] - len(h)) if layout == "space_aligned" else "")
                    + (sep if i < len(headers) - 1 else "")
                )
            d.t(" |\n" if layout == "pipe" else "\n")
            for row in rows:
                if layout == "pipe":
                    d.t("| ")
                for i, (_, c) in enumerate(row):
                    quote = layout == "csv" and "," in cell_text(c)
                    d.t('"' if quote else "")
                    put_cell(d, c)
                    d.t('"' if quote else "")
                    if layout == "space_aligned":
                        d.t(" " * (widths[i] - len(cell_text(c))))
                    if i < len(row) - 1:
                        d.t(sep)
                d.t(" |\n" if layout == "pipe" else "\n")
    else:
        for n, row in enumerate(rows, 1):
            d.t(f"{n}.")
            for i, (h, c) in enumerate(row):
                if layout == "kv":
                    d.t(f"{h}：")
                    put_cell(d, c)
                    d.t("\n")
                else:
                    d.t(f"{h}：")
                    put_cell(d, c)
                    d.t("；" if i < len(row) - 1 else "。\n")
    if r.random() < 0.7:
        contact_block(d, g, pl, bureau)
    d.pub(g.date(2025, 2026), "date")
    d.t("\n")
    return d


OCR_MAP = {"0": "O", "1": "l", "5": "S", "8": "B", "：": ":", "，": ",", "号": "导", "路": "璐", "2": "Z"}


def finish(d: Doc, g: Gen, wrap: bool, ocr: bool) -> tuple[str, list[dict]]:
    """Apply PDF line wraps (inserted newlines, offsets remapped) and OCR noise (same-length swaps)."""
    r = g.r
    text = d.text()
    spans = [dict(s) for s in d.spans]
    if wrap:
        width = r.randint(24, 38)
        out: list[str] = []
        col = 0
        for ch in text:
            out.append(ch)
            col = 0 if ch == "\n" else col + 1
            if col >= width:
                out.append("\n")
                col = 0
        # offsets: position i of the old text maps to i + newlines inserted before it
        inserted_before = []
        ins = 0
        col = 0
        for ch in text:
            inserted_before.append(ins)
            col = 0 if ch == "\n" else col + 1
            if col >= width:
                ins += 1
                col = 0
        inserted_before.append(ins)
        new_text = "".join(out)

        def mp(i: int, is_end: bool) -> int:
            if is_end:
                return i - 1 + inserted_before[i - 1] + 1 if i > 0 else 0
            return i + inserted_before[i]

        for s in spans:
            old_val = text[s["start"] : s["end"]]
            s["start"], s["end"] = mp(s["start"], False), mp(s["end"], True)
            if "core_start" in s:
                s["core_start"], s["core_end"] = mp(s["core_start"], False), mp(s["core_end"], True)
            if "\n" in new_text[s["start"] : s["end"]] and "\n" not in old_val:
                s["tags"].append("line_wrap")
        text = new_text
    if ocr:
        chars = list(text)
        hit = [False] * len(chars)
        for i, ch in enumerate(chars):
            if ch in OCR_MAP and r.random() < 0.06:
                chars[i] = OCR_MAP[ch]
                hit[i] = True
        text = "".join(chars)
        for s in spans:
            if any(hit[s["start"] : s["end"]]):
                s["tags"].append("ocr_noise")
    return text, spans


def check(text: str, spans: list[dict]) -> None:
    last = 0
    for s in sorted(spans, key=lambda x: x["start"]):
        assert s["start"] >= last, ("overlap", s)
        assert 0 <= s["start"] < s["end"] <= len(text)
        if "core_start" in s:
            assert s["start"] <= s["core_start"] < s["core_end"] <= s["end"], s
        last = s["end"]


def main() -> None:
    g = Gen(SEED)
    n_prose = N_DOCS * 60 // 100
    lines = []
    for i in range(N_DOCS):
        if i < n_prose:
            cat = PROSE_CATS[i % len(PROSE_CATS)]
            d = build_prose(g, cat)
            layout = "prose"
        else:
            cat = LIST_CATS[i % len(LIST_CATS)]
            layout = LAYOUTS[(i // len(LIST_CATS)) % len(LAYOUTS)]
            d = build_list(g, cat, layout)
        wrap = layout in ("prose", "kv", "semicolon") and g.r.random() < 0.42
        ocr = g.r.random() < 0.15
        text, spans = finish(d, g, wrap, ocr)
        check(text, spans)
        if wrap:
            layout += "+pdf_wrap"
        if ocr:
            layout += "+ocr"
        lines.append(
            json.dumps(
                {"id": f"s16-{i:03d}", "category": cat, "layout": layout, "text": text, "spans": spans},
                ensure_ascii=False,
                sort_keys=True,
            )
        )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
