"""Generate masking evaluation set 21: text as extracted from decision documents (文书).

Deterministic (seed 212026), no network. Writes corpus.jsonl next to this file.
Run: python tests/eval/masking21/generate.py
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

SEED = 212026
HERE = Path(__file__).resolve().parent
R = random.Random(SEED)

# ---------------------------------------------------------------- checksums

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(body17: str) -> str:
    return ID_C[sum(int(c) * w for c, w in zip(body17, ID_W, strict=True)) % 11]


def id_valid(s: str) -> bool:
    return len(s) == 18 and s[:17].isdigit() and id_check(s[:17]) == s[17]


AREAS = [
    "450103",
    "450105",
    "450202",
    "330326",
    "520423",
    "110105",
    "440304",
    "510107",
    "650102",
    "370211",
    "420106",
    "320582",
    "350203",
    "130104",
    "610113",
    "460106",
]


def make_id(want_x: bool = False) -> str:
    while True:
        y = R.randint(1955, 2002)
        body = f"{R.choice(AREAS)}{y}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"
        c = id_check(body)
        if want_x == (c == "X"):
            s = body + c
            assert id_valid(s)
            return s


def make_id15() -> str:
    return f"{R.choice(AREAS)}{R.randint(50, 79)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org_code() -> str:
    body = "".join(R.choice("0123456789") for i in range(8))
    if R.random() < 0.4:
        body = "MA" + R.choice("0123456789ABCDEFGH") + body[3:]
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c = 11 - sum(v * w for v, w in zip(vals, ORG_W, strict=True)) % 11
    ch = {10: "X", 11: "0"}.get(c, str(c))
    return body + ch


def uscc_check(body17: str) -> str:
    s = sum(USCC_CH.index(c) * w for c, w in zip(body17, USCC_W, strict=True))
    return USCC_CH[(31 - s % 31) % 31]


def make_uscc(area: str) -> str:
    body = "91" + area + org_code()
    s = body + uscc_check(body)
    assert len(s) == 18 and uscc_check(s[:17]) == s[17]
    return s


def luhn_ok(s: str) -> bool:
    tot = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def make_card() -> str:
    pre = R.choice(["622848", "621700", "622202", "623668", "621226", "622588"])
    n = R.choice([16, 19, 19])
    while True:
        s = pre + "".join(R.choice("0123456789") for _ in range(n - len(pre)))
        if luhn_ok(s):
            return s


# ---------------------------------------------------------------- fictional world

CITIES = [
    ("江岚市", "450103", "0771", ["青秀区", "兴宁区", "江南区"]),
    ("青崖市", "330326", "0577", ["鳌山区", "瓯北区"]),
    ("北泉市", "450202", "0779", ["海城区", "银湾区"]),
    ("云溪市", "520423", "0851", ["西秀区", "平坝区"]),
    ("南屿市", "350203", "0592", ["思湖区", "集美区"]),
]
PROV = "澜江省"
SURN = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴莫孔向汤"
)
COMPOUND = [
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "皇甫",
    "令狐",
    "慕容",
    "东方",
    "尉迟",
    "公孙",
    "夏侯",
    "端木",
    "长孙",
    "宇文",
]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红梅海波鹏飞宇晨欣怡浩然子涵嘉琪雨轩俊凯思远婷雪慧佳琳昊天晓东春燕德福永庆文彬立新少华振宇瑞祥宏伟淑珍"
)
DOTTED = [
    "阿依古丽·买买提",
    "买买提·艾力",
    "热合曼·吐尔逊",
    "古丽娜尔·阿不都",
    "艾尔肯·吾守尔",
    "迪丽拜尔·热依木",
    "努尔兰·哈山",
    "吐尔洪·司马义",
    "帕提古丽·艾买提",
    "阿不都热西提·卡德尔",
]
LATIN = [
    "John SMITH",
    "Maria GONZALEZ",
    "KIM Min-jun",
    "NGUYEN Van An",
    "Peter Müller",
    "TANAKA Hiroshi",
    "Sarah O'Brien",
    "Ahmed Al-Farsi",
    "LEE Chang Ho",
    "Anna Kowalska",
]
BANKS = [
    "中国农业银行江岚分行营业部",
    "中国建设银行青崖鳌山支行",
    "中国工商银行北泉海城支行",
    "江岚农村商业银行南湖支行",
    "中国银行云溪西秀支行",
    "招商银行南屿思湖支行",
]
INDUS = [
    "贸易",
    "商贸",
    "建材",
    "电子科技",
    "物流",
    "餐饮管理",
    "建筑工程",
    "农产品",
    "五金机电",
    "广告传媒",
    "服装",
    "矿业",
]
WORDS = [
    "恒泰",
    "鑫源",
    "宏达",
    "锦程",
    "瑞丰",
    "盛隆",
    "华信",
    "永兴",
    "聚福",
    "博远",
    "嘉禾",
    "润通",
    "金桥",
    "天诚",
    "东岚",
    "海曦",
    "明昇",
    "越川",
]
ROADS = [
    "民族大道",
    "朝阳路",
    "东葛路",
    "云景路",
    "北京路",
    "滨江路",
    "星湖路",
    "长堤路",
    "金湖路",
    "园湖南路",
    "解放路",
    "人民东路",
]
ESTATES = ["春晖花园", "金色家园", "翠湖小区", "锦绣华庭", "阳光新城", "滨江苑", "凤凰城", "绿地中央广场"]


def name2() -> str:
    return R.choice(SURN) + R.choice(GIVEN)


def name3() -> str:
    return R.choice(SURN) + R.choice(GIVEN) + R.choice(GIVEN)


def person_name():
    """Return (name, tags)."""
    r = R.random()
    if r < 0.12:
        return R.choice(COMPOUND) + R.choice(GIVEN) + (R.choice(GIVEN) if R.random() < 0.5 else ""), [
            "compound_surname"
        ]
    if r < 0.19:
        return R.choice(DOTTED), ["dotted_name"]
    if r < 0.24:
        return R.choice(LATIN), ["latin_name"]
    if r < 0.46:
        return name2(), ["two_char_name"]
    return name3(), []


def pad_name(n: str) -> str:
    return n[0] + R.choice(["  ", "　", " "]) + n[1]


FW = str.maketrans("0123456789-+()@", "０１２３４５６７８９－＋（）＠")


def mobile() -> str:
    return R.choice(
        ["138", "139", "135", "150", "152", "186", "188", "177", "199", "136", "158", "181"]
    ) + "".join(R.choice("0123456789") for _ in range(8))


def fmt_mobile(m: str):
    r = R.random()
    if r < 0.35:
        return m, []
    if r < 0.45:
        return f"{m[:3]} {m[3:7]} {m[7:]}", ["spaced"]
    if r < 0.55:
        return f"{m[:3]}-{m[3:7]}-{m[7:]}", ["hyphenated"]
    if r < 0.63:
        return "+86 " + m, ["intl_prefix"]
    if r < 0.68:
        return "0086-" + m, ["intl_prefix"]
    if r < 0.68 + 0.17:
        return m.translate(FW), ["fullwidth"]
    return f"+86-{m[:3]} {m[3:7]} {m[7:]}".translate(FW) if R.random() < 0.3 else f"({m[:3]}){m[3:]}", [
        "odd_format"
    ]


def landline(area: str):
    num = str(R.randint(2, 8)) + "".join(R.choice("0123456789") for _ in range(6 if area != "010" else 7))
    r = R.random()
    if r < 0.4:
        return f"{area}-{num}", []
    if r < 0.55:
        return f"（{area}）{num}", []
    if r < 0.7:
        return f"{area}-{num}转{R.randint(800, 8999)}", ["extension"]
    if r < 0.85:
        return f"{area}-{num}".translate(FW), ["fullwidth"]
    return f"{area} {num[:4]} {num[4:]}", ["spaced"]


def email(n: str):
    user = R.choice(
        ["zhang", "li.wei", "hx", "wang_fang", "chen88", "lin.j", "sunny", "yy", "tax.work", "q"]
    ) + str(R.randint(1, 9999))
    dom = R.choice(["163.com", "qq.com", "126.com", "sina.com", "outlook.com", "foxmail.com"])
    if R.random() < 0.2:
        return f"{user}＠{dom}", ["fullwidth"]
    return f"{user}@{dom}", []


def home_addr(city) -> str:
    c, _, _, dists = city
    return (
        f"{R.choice(['', PROV])}{c}{R.choice(dists)}{R.choice(ROADS)}{R.randint(1, 399)}号{R.choice(ESTATES)}"
        f"{R.randint(1, 30)}栋{R.randint(1, 4)}单元{R.randint(1, 33)}0{R.randint(1, 8)}室"
    )


def biz_addr(city) -> str:
    c, _, _, dists = city
    return f"{c}{R.choice(dists)}{R.choice(ROADS)}{R.randint(1, 399)}号{R.choice(['', '一楼', '2层201号商铺', 'A座1203室', '综合楼3楼'])}"


def company(city, kind="有限公司") -> str:
    return f"{city[0]}{R.choice(WORDS)}{R.choice(WORDS)}{R.choice(INDUS)}{kind}"


def passport():
    r = R.random()
    if r < 0.35:
        return R.choice("EG") + "".join(R.choice("0123456789") for _ in range(8)), "passport", []
    if r < 0.6:
        return "C" + "".join(R.choice("0123456789") for _ in range(8)), "hk_macao_permit", []
    if r < 0.8:
        return "H" + "".join(R.choice("0123456789") for _ in range(10)), "hk_macao_permit", ["home_return"]
    return "".join(R.choice("0123456789") for _ in range(8)), "taiwan_permit", []


def money() -> str:
    v = R.randint(1000, 9_999_999) + R.randint(0, 99) / 100
    return f"{v:,.2f}" if R.random() < 0.3 else f"{v:.2f}"


def date(y0=2019, y1=2026, spaced=False) -> str:
    y, m, d = R.randint(y0, y1), R.randint(1, 12), R.randint(1, 28)
    return f"{y} 年 {m} 月 {d} 日" if spaced else f"{y}年{m}月{d}日"


def cn_date() -> str:
    dig = "〇一二三四五六七八九"
    m = R.randint(1, 12)
    d = R.randint(1, 28)

    def num(n):
        if n < 10:
            return dig[n]
        if n == 10:
            return "十"
        if n < 20:
            return "十" + dig[n % 10]
        return dig[n // 10] + "十" + (dig[n % 10] if n % 10 else "")

    return "二〇二六年" + num(m) + "月" + num(d) + "日"


# ---------------------------------------------------------------- builder


class B:
    def __init__(self):
        self.segs = []  # (text, meta|None, nowrap)
        self.nowrap = False

    def t(self, s: str):
        if s:
            self.segs.append([s, None, self.nowrap])
        return self

    def _v(self, val, kind, typ, tags):
        assert val
        self.segs.append([val, {"kind": kind, "type": typ, "tags": list(tags)}, self.nowrap])
        return self

    def p(self, val, typ, tags=()):
        return self._v(val, "personal", typ, tags)

    def u(self, val, typ, tags=()):
        return self._v(val, "public", typ, tags)

    def m(self, val, typ, tags=()):
        return self._v(val, "masked", typ, tags)


class Ctx:
    """Per-document settings chosen from the layout."""

    def __init__(self, layout: str):
        self.layout = layout
        self.spaced_dates = layout in ("pdf_layout", "pdf_ocr") and R.random() < 0.6
        self.table_style = {
            "docx_para": R.choice(["tab", "cell_per_line"]),
            "antiword": R.choice(["pipe", "pipe", "space"]),
            "pdf_layout": R.choice(["space", "cell_per_line"]),
            "pdf_ocr": R.choice(["space", "cell_per_line"]),
        }[layout]
        self.city = R.choice(CITIES)

    def d(self):
        return date(spaced=self.spaced_dates)


def drange(b, ctx):
    y = R.randint(2015, 2024)
    a = (y, R.randint(1, 12), R.randint(1, 28))
    z = (R.randint(y + 1, 2026), R.randint(1, 12), R.randint(1, 28))
    for i, (yy, mm, dd) in enumerate((a, z)):
        b.t("至" if i else "")
        b.u(f"{yy} 年 {mm} 月 {dd} 日" if ctx.spaced_dates else f"{yy}年{mm}月{dd}日", "date")


def add_person(b: B, role: str, tags=(), pad_ok=True, kind="personal"):
    n, t = person_name()
    if pad_ok and len(n) == 2 and R.random() < 0.3:
        n = pad_name(n)
        t = t + ["padded_name"]
    b._v(n, kind, "person_name", list(t) + [role] + list(tags))
    return n


def add_id(b: B, typ_tags=()):
    r = R.random()
    if r < 0.12:
        b.p(make_id(True), "resident_id", ["x_check", *typ_tags])
    elif r < 0.2:
        b.p(make_id15(), "resident_id_15", list(typ_tags))
    elif r < 0.3:
        v = make_id().translate(FW)
        b.p(v, "resident_id", ["fullwidth", *typ_tags])
    else:
        b.p(make_id(), "resident_id", list(typ_tags))


def add_phone(b: B, ctx: Ctx, tags=()):
    if R.random() < 0.75:
        v, t = fmt_mobile(mobile())
        b.p(v, "mobile", t + list(tags))
    else:
        v, t = landline(ctx.city[2])
        b.p(v, "landline", t + list(tags))


def add_card(b: B, tags=()):
    c = make_card()
    if R.random() < 0.25:
        c = " ".join(c[i : i + 4] for i in range(0, len(c), 4))
        tags = list(tags) + ["spaced"]
    b.p(c, "bank_card", tags)


def add_doc_no(b: B, ctx: Ctx, kind: str):
    abbr = {"江岚市": "岚", "青崖市": "崖", "北泉市": "泉", "云溪市": "溪", "南屿市": "屿"}[ctx.city[0]]
    v = f"{abbr}税{R.choice(['一', '二', '三', ''])}稽{kind}〔{R.choice([2025, 2026])}〕{R.randint(1, 260)}号"
    b.u(v, "document_number")
    return v


def bureau(ctx: Ctx) -> str:
    return f"国家税务总局{ctx.city[0]}税务局{R.choice(['第一稽查局', '第二稽查局', '第三稽查局', '稽查局'])}"


# ---------------------------------------------------------------- tables


def render_table(b: B, ctx: Ctx, header, rows):
    """rows: list of list of cells; a cell is a str (plain) or (val, kind, type, tags)."""
    style = ctx.table_style
    b.t("\n")
    b.nowrap = True

    def cell_len(c):
        s = c if isinstance(c, str) else c[0]
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)

    allrows = [header] + rows
    widths = [max(cell_len(r[i]) for r in allrows) + 2 for i in range(len(header))]

    def put(c):
        if isinstance(c, str):
            b.t(c)
        else:
            b._v(c[0], c[1], c[2], c[3])

    for row in allrows:
        if style == "cell_per_line":
            for c in row:
                put(c)
                b.t("\n")
            continue
        if style == "pipe":
            b.t("|")
        for i, c in enumerate(row):
            put(c)
            if style == "tab":
                b.t("\t" if i < len(row) - 1 else "")
            elif style == "pipe":
                b.t("|")
            else:
                if i < len(row) - 1:
                    b.t(" " * (widths[i] - cell_len(c)))
        b.t("\n")
    b.nowrap = False


# ---------------------------------------------------------------- long documents

LAW_63 = (
    "根据《中华人民共和国税收征收管理法》第六十三条第一款“纳税人伪造、变造、隐匿、擅自销毁账簿、记账凭证，或者在账簿上多列支出或者"
    "不列、少列收入，或者经税务机关通知申报而拒不申报或者进行虚假的纳税申报，不缴或者少缴应纳税款的，是偷税。对纳税人偷税的，"
    "由税务机关追缴其不缴或者少缴的税款、滞纳金，并处不缴或者少缴的税款百分之五十以上五倍以下的罚款”的规定，"
)
LAW_32 = (
    "根据《中华人民共和国税收征收管理法》第三十二条“纳税人未按照规定期限缴纳税款的，扣缴义务人未按照规定期限解缴税款的，"
    "税务机关除责令限期缴纳外，从滞纳税款之日起，按日加收滞纳税款万分之五的滞纳金”的规定，对你"
)
LAW_FAPIAO = (
    "根据《中华人民共和国发票管理办法》第二十一条第二款第（一）项“为他人、为自己开具与实际经营业务情况不符的发票”及第三十五条"
    "“违反本办法的规定虚开发票的，由税务机关没收违法所得；虚开金额在1万元以下的，可以并处5万元以下的罚款；虚开金额超过1万元的，"
    "并处5万元以上50万元以下的罚款”的规定，"
)
LAW_IIT = (
    "根据《中华人民共和国个人所得税法》第二条第一款第（八）项、第三条第（三）项、第六条第一款第（五）项及《股权转让所得个人所得税管理办法（试行）》"
    "（国家税务总局公告2014年第67号）第四条、第五条的规定，"
)
REMEDY = (
    "如对本决定不服，可以自收到本决定书之日起六十日内依法向{up}申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。"
    "如对处罚决定逾期不申请行政复议也不向人民法院起诉、又不履行的，我局有权采取《中华人民共和国税收征收管理法》第四十条规定的强制执行措施，"
    "或者申请人民法院强制执行。"
)
REMEDY_TAX = (
    "你（单位）若同我局在纳税上有争议，必须先依照本决定的期限缴纳税款及滞纳金或者提供相应的担保，然后可自上述款项缴清或者提供相应担保"
    "被税务机关确认之日起六十日内依法向{up}申请行政复议。"
)


def addressee(b: B, ctx: Ctx, individual: bool, shop: bool):
    """Returns dict with party info."""
    info = {}
    if individual and not shop:
        n, t = person_name()
        b.u(n, "person_name", t + ["party", "published_by_policy"])
        info["name"] = n
        b.t(R.choice(["：（", "（"]))
        r = R.random()
        if r < 0.55:
            b.t("纳税人识别号：")
            if R.random() < 0.3:
                idv = make_id()
                b.m(idv[:6] + "********" + idv[14:], "resident_id")
            else:
                idv = make_id(R.random() < 0.15)
                b.p(idv, "resident_id", ["party_id"])
        elif r < 0.75:
            b.t("证件号码：")
            v, typ, tg = passport()
            b.p(v, typ, tg + ["party_id"])
        else:
            b.t("纳税人识别号：")
            b.p(
                make_id() + f"{R.randint(1, 99):02d}",
                "individual_taxpayer_number",
                ["id_plus_suffix", "party_id"],
            )
        if R.random() < 0.6:
            b.t("，住址：")
            b.p(home_addr(ctx.city), "home_address", ["party"])
        b.t("）" + ("：" if R.random() < 0.7 else "") + "\n")
    elif shop:
        owner, t = person_name()
        if "dotted_name" in t or "latin_name" in t:
            owner = name3()
            t = []
        shopname = f"{ctx.city[0]}{R.choice(ctx.city[3])}{owner}{R.choice(['五金店', '便利店', '餐馆', '建材经营部', '服装店', '汽车修理厂'])}"
        b.u(shopname, "company_name", ["shop_owner_name"])
        info["name"] = shopname
        b.t("（经营者：")
        b.u(owner, "person_name", t + ["party", "published_by_policy"])
        b.t("，统一社会信用代码：" if R.random() < 0.6 else "，纳税人识别号：")
        if R.random() < 0.6:
            b.u(make_uscc(ctx.city[1]).replace("91", "92", 1) if False else make_uscc(ctx.city[1]), "uscc")
        else:
            b.p(make_id() + "01", "individual_taxpayer_number", ["id_plus_suffix", "party_id"])
        b.t("，经营地址：")
        b.u(biz_addr(ctx.city), "business_address")
        b.t("）：\n")
    else:
        cname = company(ctx.city)
        b.u(cname, "company_name")
        info["name"] = cname
        b.t(
            R.choice(
                ["（纳税人识别号：", "（统一社会信用代码：", "（社会信用代码：", "（统一社会信用代码：\n"]
            )
        )
        if R.random() < 0.15:
            area = ctx.city[1]
            b.u(area + org_code(), "enterprise_taxpayer_number", ["looks_like_id15"])
        else:
            b.u(make_uscc(ctx.city[1]), "uscc")
        b.t("）：\n")
    return info


def person_clause(
    b: B, ctx: Ctx, role: str, label: str, with_id=True, with_phone=False, with_addr=False, tags=()
):
    b.t(label)
    n = add_person(b, role, tags)
    if with_id or with_phone or with_addr:
        b.t("（")
        parts = 0
        if with_id:
            b.t("身份证号码：" if R.random() < 0.6 else "公民身份号码")
            add_id(b, [role])
            parts += 1
        if with_phone:
            b.t("，" if parts else "")
            b.t(R.choice(["联系电话：", "手机：", "电话", "手机号码："]))
            add_phone(b, ctx, [role])
            parts += 1
        if with_addr:
            b.t("，" if parts else "")
            b.t(R.choice(["住址：", "家庭住址：", "户籍地址："]))
            b.p(home_addr(ctx.city), "home_address", [role])
        b.t("）")
    return n


def facts_company(b: B, ctx: Ctx, party: str, false_invoice: bool):
    b.t("一、违法事实\n（一）基本情况\n你公司成立于")
    b.u(ctx.d(), "date")
    b.t("，注册地址为")
    b.u(biz_addr(ctx.city), "business_address")
    b.t("，法定代表人")
    add_person(b, "legal_rep")
    if R.random() < 0.5:
        b.t("（身份证号码：")
        add_id(b, ["legal_rep"])
        b.t("）")
    b.t("，财务负责人")
    add_person(b, "finance_head")
    b.t("，办税人员")
    add_person(b, "tax_clerk")
    if R.random() < 0.6:
        b.t("（联系电话：")
        add_phone(b, ctx, ["tax_clerk"])
        b.t("）")
    b.t("。经查，你公司实际由")
    add_person(b, "actual_controller")
    b.t("控制经营，其配偶")
    add_person(b, "relative")
    b.t("负责资金收付。")
    if R.random() < 0.5:
        b.t("你公司在")
        b.t(R.choice(BANKS))
        b.t("开立基本存款账户，账号")
        b.p(
            "".join(R.choice("0123456789") for _ in range(R.choice([15, 17, 20]))),
            "bank_account",
            ["corp_account"],
        )
        b.t("。")
    b.t("\n（二）")
    if false_invoice:
        b.t("虚开发票情况\n你公司在无真实货物交易的情况下，于")
        drange(b, ctx)
        b.t("期间向")
        buyer = company(R.choice(CITIES))
        b.u(buyer, "company_name")
        b.t("开具增值税专用发票")
        k = R.randint(3, 40)
        b.t(f"{k}份（发票代码：")
        code = f"{ctx.city[1][:4]}{R.randint(19, 25)}{R.randint(1, 4)}130"
        b.u(code, "invoice_code")
        b.t("，发票号码：")
        s = R.randint(1000000, 9999999)
        b.u(f"{s:08d}", "invoice_number")
        b.t("-")
        b.u(f"{s + k - 1:08d}", "invoice_number")
        b.t("），金额")
        b.u(money(), "amount")
        b.t("元，税额")
        b.u(money(), "amount")
        b.t("元。上述发票开具后，")
        b.u(buyer, "company_name")
        b.t("将货款转入你公司账户，当日即由你公司出纳")
        add_person(b, "employee")
        b.t("通过网银转入")
        add_person(b, "third_party")
        b.t("个人银行卡（卡号")
        add_card(b, ["third_party"])
        b.t("），再由其转回")
        b.u(buyer, "company_name")
        b.t("股东")
        add_person(b, "third_party")
        b.t("个人账户，形成资金回流。")
    else:
        b.t("少计收入情况\n你公司")
        drange(b, ctx)
        b.t("期间将部分商铺出租给")
        add_person(b, "lessee")
        b.t("（承租人，电话")
        add_phone(b, ctx, ["lessee"])
        b.t("）及")
        lessee_co = company(ctx.city)
        b.u(lessee_co, "company_name")
        b.t("，租金通过员工")
        add_person(b, "employee")
        b.t("的个人账户（")
        b.t(R.choice(BANKS))
        add_card(b, ["employee"])
        b.t("）收取，合计")
        b.u(money(), "amount")
        b.t("元，未入账、未申报纳税。另查明，你公司向购房人")
        add_person(b, "buyer")
        b.t("、")
        add_person(b, "buyer")
        b.t("销售车位取得收入")
        b.u(money(), "amount")
        b.t("元，未开具发票，也未申报。")
    b.t("\n上述违法事实，有询问笔录（被询问人：")
    add_person(b, "witness")
    b.t("、")
    add_person(b, "employee")
    b.t("）、银行流水、记账凭证、")
    b.u(party, "company_name")
    b.t("出具的《情况说明》等证据证实。")
    if R.random() < 0.4:
        b.t("证人")
        person_clause(b, ctx, "witness", "", with_id=True, with_phone=True, with_addr=R.random() < 0.5)
        b.t("证实其曾于")
        b.u(ctx.d(), "date")
        b.t("在你公司仓库见到上述情形。")
    b.t("\n")


def facts_individual(b: B, ctx: Ctx, pname: str, equity: bool):
    b.t("一、违法事实\n")
    if equity:
        target = company(ctx.city)
        b.t("经查，你原持有")
        b.u(target, "company_name")
        b.t("（统一社会信用代码：")
        b.u(make_uscc(ctx.city[1]), "uscc")
        b.t(f"）{R.randint(5, 90)}%股权。")
        b.u(ctx.d(), "date")
        b.t("，你与受让方")
        add_person(b, "buyer")
        b.t("（身份证号码：")
        add_id(b, ["buyer"])
        b.t("）签订《股权转让协议》，约定转让价款")
        b.u(money(), "amount")
        b.t("元。受让方通过其本人")
        b.t(R.choice(BANKS))
        b.t("账户（卡号")
        add_card(b, ["buyer"])
        b.t("）分三次向你支付转让款，其中一笔转入你妻子")
        add_person(b, "relative")
        b.t("名下账户")
        add_card(b, ["relative"])
        b.t("。该公司时任财务负责人")
        add_person(b, "finance_head")
        b.t(
            "在询问中证实，公司未按规定履行代扣代缴义务。你未就上述股权转让所得申报缴纳个人所得税，少缴个人所得税"
        )
        b.u(money(), "amount")
        b.t("元。\n")
    else:
        b.t("经查，你于")
        drange(b, ctx)
        b.t("期间将位于")
        b.p(home_addr(ctx.city), "home_address", ["party", "property"])
        b.t("的房产出租给")
        add_person(b, "lessee")
        b.t("（联系电话")
        add_phone(b, ctx, ["lessee"])
        b.t("）使用，收取租金")
        b.u(money(), "amount")
        b.t("元；同期向")
        shop = company(ctx.city, "商贸有限公司")
        b.u(shop, "company_name")
        b.t("提供劳务取得报酬")
        b.u(money(), "amount")
        b.t("元，报酬由该公司出纳")
        add_person(b, "employee")
        b.t("转入你本人账户（")
        add_card(b, ["party"])
        b.t("）。你的儿子")
        add_person(b, "relative")
        b.t("代你签收了")
        add_doc_no(b, ctx, "通")
        b.t("《税务事项通知书》，但你仍未申报。\n")
    b.t("上述事实有你本人及")
    add_person(b, "witness")
    b.t("的询问笔录、银行交易明细、协议等证据证明。")
    if R.random() < 0.5:
        b.t("你的委托代理人")
        add_person(b, "lawyer", ["doubtful"])
        b.t("（")
        b.u(
            f"{R.choice(['澜江', '江岚', '青崖'])}{R.choice(['正衡', '明理', '信达', '德恒远'])}律师事务所",
            "company_name",
            ["law_firm"],
        )
        b.t("律师，执业证号：")
        b.p(
            f"1{ctx.city[1][:4]}{R.randint(2005, 2022)}1{R.randint(1000000, 9999999)}",
            "lawyer_license",
            ["doubtful"],
        )
        b.t("）在陈述申辩中提出")
        b.t("你已退回部分款项，我局经复核不予采纳。")
    b.t("\n")


def tax_table(b: B, ctx: Ctx):
    b.t("补税明细如下：")
    rows = []
    for _ in range(R.randint(2, 5)):
        rows.append(
            [
                R.choice(["增值税", "企业所得税", "个人所得税", "城市维护建设税", "印花税", "房产税"]),
                (f"{R.randint(2019, 2024)}年{R.randint(1, 12)}月", "public", "date", []),
                (money(), "public", "amount", []),
                R.choice(["13%", "9%", "25%", "20%", "7%", "1.2%"]),
                (money(), "public", "amount", []),
            ]
        )
    render_table(b, ctx, ["税种", "所属期", "计税依据", "税率", "应补税额（元）"], rows)


def invoice_table(b: B, ctx: Ctx):
    b.t("涉案发票清单：")
    rows = []
    for _ in range(R.randint(2, 6)):
        if R.random() < 0.4:
            code = ("", None)
            num = (
                f"{R.randint(22, 25)}{ctx.city[1][:2]}2000000{R.randint(10**10, 10**11 - 1)}"[:20],
                "public",
                "invoice_number",
                ["looks_like_taxno"],
            )
            codecell = "—"
        else:
            codecell = (
                f"0{ctx.city[1][:4]}{R.randint(19, 25)}{R.randint(10000, 99999)}"[:12]
                if R.random() < 0.4
                else f"{ctx.city[1][:4]}{R.randint(19, 25)}{R.randint(1, 4)}130",
                "public",
                "invoice_code",
                [],
            )
            num = (f"{R.randint(0, 99999999):08d}", "public", "invoice_number", [])
            code = None
        del code
        rows.append(
            [
                codecell,
                num,
                (date(2020, 2025), "public", "date", []),
                (company(R.choice(CITIES)), "public", "company_name", []),
                (money(), "public", "amount", []),
            ]
        )
    render_table(b, ctx, ["发票代码", "发票号码", "开票日期", "销售方名称", "金额"], rows)


def fund_table(b: B, ctx: Ctx):
    b.t("资金回流明细：")
    rows = []
    for _ in range(R.randint(2, 4)):
        n, t = person_name()
        rows.append(
            [
                (date(2020, 2025), "public", "date", []),
                (n, "personal", "person_name", t + ["third_party", "in_table"]),
                (make_card(), "personal", "bank_card", ["in_table"]),
                (money(), "public", "amount", []),
            ]
        )
    render_table(b, ctx, ["交易日期", "收款人", "收款账号", "金额（元）"], rows)


def officers(b: B, ctx: Ctx, n=2):
    for i in range(n):
        b.t("、" if i else "")
        b.u(name3() if R.random() < 0.7 else name2(), "person_name", ["officer"])
        if R.random() < 0.6:
            b.t("（执法证号：")
            b.u(f"{ctx.city[1][:2]}{R.randint(100000000, 999999999)}", "enforcement_cert_no", ["officer"])
            b.t("）")


def signature(b: B, ctx: Ctx, bur: str):
    b.t("\n\n" + " " * R.randint(20, 40))
    b.u(bur, "authority_name")
    b.t(
        "\n"
        + " " * R.randint(24, 44)
        + ("（印章）\n" if R.random() < 0.5 else "\n")
        + " " * R.randint(24, 44)
    )
    b.u(cn_date() if R.random() < 0.5 else ctx.d(), "date")
    b.t("\n")
    if R.random() < 0.75:
        b.t(R.choice(["税务机关地址：", "我局地址："]))
        b.u(biz_addr(ctx.city), "authority_address")
        b.t(R.choice(["\n联系人：", "  联系人："]))
        officers(b, ctx, 1)
        b.t(R.choice(["\n联系电话：", "  电话："]))
        b.u(f"{ctx.city[2]}-{R.randint(2000000, 8999999)}", "authority_phone")
        if R.random() < 0.5:
            b.t("  纳税服务热线：")
            b.u(R.choice(["12366", f"{ctx.city[2]}-12366"]), "authority_phone")
        if R.random() < 0.4:
            b.t("\n网址：")
            b.u(f"https://{R.choice(['lanjiang', 'jianglan', 'qingya'])}.chinatax.gov.cn", "url")
        b.t("\n")


def service_receipt(b: B, ctx: Ctx, docno: str, party: str, individual: bool, bur: str):
    b.t("\n" + " " * 16 + "税务文书送达回证\n")
    kv = R.random() < 0.5
    b.t("送达文书名称、文号：" if kv else "送达文书名称\n")
    b.t("《税务处理决定书》（")
    b.u(docno, "document_number")
    b.t("）\n受送达人：" if kv else "）\n受送达人\n")
    if individual:
        b.u(party, "person_name", ["party", "published_by_policy"])
    else:
        b.u(party, "company_name")
    b.t("\n送达地点：" if kv else "\n送达地点\n")
    if individual:
        b.p(home_addr(ctx.city), "home_address", ["service_block"])
    else:
        b.u(biz_addr(ctx.city), "business_address", ["service_block"])
    b.t("\n受送达人签名或盖章：" if kv else "\n受送达人签名或盖章\n")
    if individual and R.random() < 0.5:
        b.t("拒签\n")
    else:
        add_person(b, "recipient", ["service_block"])
        b.t("  ")
        b.u(ctx.d(), "date")
        b.t("\n")
    b.t("代收人代收理由、签名或盖章：" if kv else "代收人代收理由、签名或盖章\n")
    b.t("受送达人不在，由其" + R.choice(["妻子", "丈夫", "母亲", "同住成年子女", "公司员工"]))
    add_person(b, "relative", ["service_block"])
    b.t("代收\n见证人签名或盖章：" if kv else "代收\n见证人签名或盖章\n")
    add_person(b, "witness", ["service_block"])
    if R.random() < 0.5:
        b.t("（社区工作人员，电话")
        add_phone(b, ctx, ["witness", "service_block"])
        b.t("）")
    b.t("\n送达人签名或盖章：" if kv else "\n送达人签名或盖章\n")
    officers(b, ctx, 2)
    b.t("\n填发税务机关：" if kv else "\n填发税务机关\n")
    b.u(bur, "authority_name")
    b.t("（公章）\n")


def address_confirmation(b: B, ctx: Ctx, party: str, individual: bool):
    b.t("\n" + " " * 14 + "税务文书送达地址确认书\n受送达人：")
    if individual:
        b.u(party, "person_name", ["party", "published_by_policy"])
        b.t("\n证件类型及号码：居民身份证 ")
        add_id(b, ["party_id", "service_block"])
    else:
        b.u(party, "company_name")
        b.t("\n统一社会信用代码：")
        b.u(make_uscc(ctx.city[1]), "uscc")
    b.t("\n送达地址：")
    if individual:
        b.p(home_addr(ctx.city), "home_address", ["service_block"])
    else:
        b.u(biz_addr(ctx.city), "business_address", ["service_block"])
    b.t("\n收件人：")
    add_person(b, "recipient", ["service_block"])
    b.t("\n联系电话：")
    add_phone(b, ctx, ["service_block"])
    if R.random() < 0.4:
        b.t("  备用电话：")
        add_phone(b, ctx, ["service_block"])
    b.t("\n电子邮箱：")
    e, t = email("")
    b.p(e, "email", t + ["service_block"])
    b.t("\n邮政编码：530022\n受送达人确认：本人已知悉上述送达地址的法律后果。\n确认人（签名）：")
    add_person(b, "recipient", ["service_block"])
    b.t("  ")
    b.u(ctx.d(), "date")
    b.t("\n")


def masked_bits(b: B):
    r = R.random()
    b.t("另经查，")
    if r < 0.33:
        s = R.choice(SURN)
        b.m(s + R.choice(["**", "*", "某", "某某"]), "person_name")
        b.t("（身份证号码：")
        v = make_id()
        b.m(v[:4] + "*" * 10 + v[14:], "resident_id")
        b.t("）已于案发前离职。")
    elif r < 0.66:
        b.m(R.choice(["XXX", "×××", "李*林", "王*", "陶**", "张某"]), "person_name")
        b.t("系你公司原出纳，其手机号码")
        b.m("1" + R.choice("358") + "*******" + str(R.randint(10, 99)), "mobile")
        b.t("已停机。")
    else:
        b.t("相关企业")
        b.m(
            R.choice(["9144", "9145", "9133"])
            + "****"
            + "".join(R.choice("0123456789ABCDEFGH") for _ in range(4)),
            "uscc",
        )
        b.t("的法定代表人")
        b.m(R.choice(SURN) + "某某", "person_name")
        b.t("未到案。")
    b.t("\n")


def long_doc(layout: str, category: str):
    ctx = Ctx(layout)
    b = B()
    bur = bureau(ctx)
    individual = category in ("penalty_individual", "equity_transfer_iit", "rental_iit")
    shop = category == "penalty_shop"
    penalty = category.startswith("penalty") or category == "false_invoice_penalty"
    title = "税务行政处罚决定书" if penalty else "税务处理决定书"
    ind = " " * R.randint(6, 20) if layout != "docx_para" else ""
    b.t(ind)
    b.u(bur, "authority_name")
    b.t("\n" + ind + "  " + title + "\n" + ind + "  ")
    docno = add_doc_no(b, ctx, "罚" if penalty else "处")
    b.t("\n\n")
    info = addressee(b, ctx, individual, shop)
    b.t("    我局于")
    drange(b, ctx)
    b.t("对你" + ("" if individual else ("" if shop else "公司")) + "（地址：")
    if individual:
        b.p(home_addr(ctx.city), "home_address", ["party"])
    else:
        b.u(biz_addr(ctx.city), "business_address")
    b.t("）")
    drange(b, ctx)
    b.t("期间的涉税情况进行了检查，检查人员")
    officers(b, ctx, 2)
    b.t("。违法事实及" + ("处罚" if penalty else "处理") + "决定如下：\n")
    if individual or shop:
        facts_individual(b, ctx, info["name"], category == "equity_transfer_iit")
    else:
        facts_company(b, ctx, info["name"], category == "false_invoice_penalty")
    if R.random() < 0.35:
        masked_bits(b)
    r = R.random()
    if r < 0.4:
        tax_table(b, ctx)
    elif r < 0.7:
        invoice_table(b, ctx)
    else:
        fund_table(b, ctx)
    if R.random() < 0.3:
        invoice_table(b, ctx) if r >= 0.4 else fund_table(b, ctx)
    b.t("二、" + ("处罚决定" if penalty else "处理决定及依据") + "\n")
    if category == "false_invoice_penalty":
        b.t(LAW_FAPIAO + "对你公司虚开发票的行为处以罚款")
    elif category == "equity_transfer_iit":
        b.t(LAW_IIT + "你应补缴个人所得税")
    else:
        b.t(LAW_63 + "决定对你处少缴税款百分之" + R.choice(["五十", "六十", "八十", "一百"]) + "的罚款")
    b.u(money(), "amount")
    b.t("元。")
    b.t(
        LAW_32
        + "未按规定期限缴纳的税款，从滞纳税款之日起至实际缴纳之日止按日加收滞纳税款万分之五的滞纳金。\n"
    )
    b.t("以上应缴款项共计")
    b.u(money(), "amount")
    b.t("元。限你自本决定书送达之日起15日内到")
    b.u(f"国家税务总局{ctx.city[0]}{R.choice(ctx.city[3])}税务局", "authority_name")
    b.t("缴纳入库。\n")
    up = f"国家税务总局{ctx.city[0]}税务局"
    b.t((REMEDY if penalty else REMEDY_TAX).format(up=up) + "\n")
    signature(b, ctx, bur)
    if R.random() < 0.35:
        service_receipt(b, ctx, docno, info["name"], individual, bur)
    if R.random() < 0.3:
        address_confirmation(b, ctx, info["name"], individual)
    return b, ctx


# ---------------------------------------------------------------- layout transforms


def cw(ch: str) -> int:
    return 2 if ord(ch) > 0x2E80 else 1


def wrap(segs, width):
    out = []
    col = 0
    line_nowrap = False
    for text, meta, nowrap in segs:
        buf = []
        for ch in text:
            if ch == "\n":
                col = 0
                line_nowrap = False
                buf.append(ch)
                continue
            if nowrap:
                line_nowrap = True
            w = cw(ch)
            if col + w > width and not line_nowrap and not nowrap:
                buf.append("\n")
                col = 0
            buf.append(ch)
            col += w
        out.append([("".join(buf)), meta, nowrap])
    return out


def paginate(segs, layout, lines_per_page):
    total_lines = sum(s[0].count("\n") for s in segs) + 1
    pages = max(1, total_lines // lines_per_page + 1)
    style = R.choice(["dash", "dipage", "emdash"]) if layout != "antiword" else "dipage"
    out = []
    line = 0
    page = 1

    def footer(p):
        if style == "dash":
            return "\n" + " " * R.randint(30, 44) + f"-{p}-\n"
        if style == "emdash":
            return "\n" + " " * R.randint(30, 44) + f"— {p} —\n\n"
        return f"\n第 {p} 页 共 {pages} 页\n" + ("\n" if R.random() < 0.5 else "")

    for text, meta, nowrap in segs:
        if meta is not None:
            line += text.count("\n")
            out.append([text, meta, nowrap])
            continue
        buf = []
        for ch in text:
            buf.append(ch)
            if ch == "\n":
                line += 1
                if line >= lines_per_page * page and page < pages:
                    buf.append(footer(page).lstrip("\n"))
                    page += 1
        out.append(["".join(buf), meta, nowrap])
    return out, pages


OCR_SUB = {
    "，": ",",
    "：": ":",
    "（": "(",
    "）": ")",
    "；": ";",
    "已": "己",
    "日": "曰",
    "口": "囗",
    "人": "入",
    "0": "O",
    "1": "l",
    "。": "o",
    "未": "末",
    "土": "士",
}


def ocr_noise(segs, rate):
    out = []
    for text, meta, nowrap in segs:
        if meta is None:
            buf = []
            for ch in text:
                if ch in OCR_SUB and R.random() < rate:
                    buf.append(OCR_SUB[ch])
                elif ord(ch) > 0x2E80 and R.random() < rate / 3:
                    buf.append(ch + " ")
                else:
                    buf.append(ch)
            text = "".join(buf)
        elif meta["kind"] == "personal" and R.random() < 0.06 and any(c in "01" for c in text):
            text = text.replace("0", "O", 1) if "0" in text else text.replace("1", "l", 1)
            meta = dict(meta, tags=meta["tags"] + ["ocr_noise"])
        out.append([text, meta, nowrap])
    return out


def antiword_indent(segs):
    # antiword: paragraphs indented with spaces after a newline (plain text only)
    out = []
    for text, meta, nowrap in segs:
        if meta is None and not nowrap:
            text = text.replace("\n", "\n" + " " * R.choice([0, 3, 5])) if R.random() < 0.5 else text
        out.append([text, meta, nowrap])
    return out


def finalize(segs, doc_id, category, layout):
    text = []
    spans = []
    pos = 0
    for t, meta, _ in segs:
        if meta is not None:
            tags = list(dict.fromkeys(meta["tags"] + (["wrapped"] if "\n" in t else [])))
            spans.append(
                {"start": pos, "end": pos + len(t), "kind": meta["kind"], "type": meta["type"], "tags": tags}
            )
        text.append(t)
        pos += len(t)
    full = "".join(text)
    last = -1
    for s, (t, _meta, _) in zip(spans, [x for x in segs if x[1] is not None], strict=True):
        assert full[s["start"] : s["end"]] == t
        assert s["start"] >= last, "overlap"
        last = s["end"]
    return {"id": doc_id, "category": category, "layout": layout, "text": full, "spans": spans}


def collides(d) -> bool:
    """A personal value that also occurs inside a public or masked value of the same document."""
    pub = [d["text"][s["start"] : s["end"]] for s in d["spans"] if s["kind"] != "personal"]
    for s in d["spans"]:
        if s["kind"] == "personal" and "owner_in_shop_name" not in s["tags"]:
            v = "".join(d["text"][s["start"] : s["end"]].split())
            if any(v in "".join(p.split()) for p in pub):
                return True
    return False


def process_long(b: B, ctx: Ctx):
    segs = [list(s) for s in b.segs]
    lay = ctx.layout
    if lay == "antiword":
        segs = wrap(segs, R.randint(76, 86))
        segs, _ = paginate(segs, lay, R.randint(40, 55))
    elif lay in ("pdf_layout", "pdf_ocr"):
        segs = wrap(segs, R.randint(58, 72))
        segs, _ = paginate(segs, lay, R.randint(28, 38))
        if lay == "pdf_ocr":
            segs = ocr_noise(segs, R.uniform(0.02, 0.08))
    return segs


# ---------------------------------------------------------------- short records


def short_doc(flat: str, category: str):
    ctx = Ctx("docx_para")
    b = B()
    b.nowrap = True
    if category == "arrears":
        header = [
            "纳税人名称",
            "纳税人识别号",
            "法定代表人或负责人姓名",
            "证件号码",
            "经营地址",
            "欠税税种",
            "欠税余额（元）",
        ]
    elif category == "abnormal":
        header = ["纳税人名称", "统一社会信用代码", "法定代表人", "经营地址", "认定日期"]
    else:
        header = [
            "行政相对人名称",
            "统一社会信用代码",
            "法定代表人",
            "处罚决定书文号",
            "处罚内容",
            "处罚日期",
            "处罚机关",
        ]
    rows = []
    title = {"arrears": "欠税公告", "abnormal": "非正常户公告", "shuanggongshi": "行政处罚信息公示"}[category]
    b.t(f"{ctx.city[0]}税务局{title}（{R.choice(['2026年第一期', '2026年第2号', '2025年第四季度'])}）\n")
    for _ in range(R.randint(2, 5)):
        indiv = R.random() < 0.35
        n, t = person_name()
        if indiv:
            owner = n if "latin_name" not in t else name3()
            t = [] if "latin_name" in t else t
            shop = f"{ctx.city[0]}{R.choice(ctx.city[3])}{owner}{R.choice(['便利店', '五金店', '小吃店'])}"
            name_cell = (shop, "public", "company_name", ["shop_owner_name"])
            code_cell = (
                make_id() + f"{R.randint(1, 99):02d}",
                "personal",
                "individual_taxpayer_number",
                ["id_plus_suffix"],
            )
            rep_n = owner
        else:
            name_cell = (company(ctx.city), "public", "company_name", [])
            code_cell = (make_uscc(ctx.city[1]), "public", "uscc", [])
            rep_n = n
        if category == "arrears":
            rep = (rep_n, "public", "person_name", t + ["legal_rep", "published_by_policy"])
            idv = make_id(R.random() < 0.15)
            row = [
                name_cell,
                code_cell,
                rep,
                (idv, "personal", "resident_id", ["arrears_id", "policy_partial"]),
                (biz_addr(ctx.city), "public", "business_address", ["published_by_policy"]),
                R.choice(["增值税", "个人所得税", "企业所得税", "房产税"]),
                (money(), "public", "amount", []),
            ]
        elif category == "abnormal":
            rep = (
                rep_n,
                "personal",
                "person_name",
                t + ["legal_rep", "doubtful"] + (["owner_in_shop_name"] if indiv else []),
            )
            row = [
                name_cell,
                code_cell,
                rep,
                (biz_addr(ctx.city), "public", "business_address", []),
                (date(2023, 2026), "public", "date", []),
            ]
        else:
            if R.random() < 0.3:
                rep = (R.choice(SURN) + "某", "masked", "person_name", [])
            else:
                rep = (
                    rep_n,
                    "personal",
                    "person_name",
                    t + ["legal_rep", "doubtful"] + (["owner_in_shop_name"] if indiv else []),
                )
            row = [
                name_cell,
                code_cell,
                rep,
                (f"{R.choice('岚崖泉')}税稽罚〔2026〕{R.randint(1, 300)}号", "public", "document_number", []),
                "罚款" + R.choice(["2000", "5000", "10000", "50000"]) + "元",
                (date(2025, 2026), "public", "date", []),
                (bureau(ctx), "public", "authority_name", []),
            ]
        rows.append(row)

    def put(c):
        if isinstance(c, str):
            b.t(c)
        else:
            b._v(*c)

    if flat in ("tab", "pipe", "space_aligned"):
        render = {"tab": "tab", "pipe": "pipe", "space_aligned": "space"}[flat]
        ctx.table_style = render
        render_table(b, ctx, header, rows)
    elif flat == "cell_per_line":
        ctx.table_style = "cell_per_line"
        render_table(b, ctx, header, rows)
    elif flat == "key_value":
        for row in rows:
            for h, c in zip(header, row, strict=True):
                b.t(h + "：")
                put(c)
                b.t("\n")
            b.t("\n")
    else:  # semicolon
        for row in rows:
            for i, (h, c) in enumerate(zip(header, row, strict=True)):
                b.t(("；" if i else "") + h + "：")
                put(c)
            b.t("。\n")
    if R.random() < 0.5:
        b.t("咨询电话：")
        b.u(f"{ctx.city[2]}-12366", "authority_phone")
        b.t("\n")
    return b


# ---------------------------------------------------------------- main

LONG_CATS = [
    "tax_handling_corp",
    "penalty_corp",
    "false_invoice_penalty",
    "penalty_individual",
    "equity_transfer_iit",
    "rental_iit",
    "penalty_shop",
]
LAYOUTS = ["antiword", "pdf_layout", "docx_para", "pdf_ocr"]
FLATS = ["tab", "pipe", "cell_per_line", "space_aligned", "key_value", "semicolon"]


def validate(docs) -> None:
    """Checksums: IDs GB 11643, cards Luhn, USCCs GB 32100 (values not altered by OCR noise)."""
    n = Counter()
    for d in docs:
        for s in d["spans"]:
            v = d["text"][s["start"] : s["end"]]
            if "ocr_noise" in s["tags"] or "\n" in v or s["kind"] == "masked":
                continue
            v = "".join(v.split()).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            if s["type"] == "resident_id":
                assert id_valid(v), v
            elif s["type"] == "individual_taxpayer_number":
                assert id_valid(v[:18]) and len(v) == 20, v
            elif s["type"] == "bank_card":
                assert luhn_ok(v), v
            elif s["type"] == "uscc":
                assert uscc_check(v[:17]) == v[17], v
            else:
                continue
            n[s["type"]] += 1
    print("checksums verified", dict(n))


def main(n_long=300, n_short=100):
    docs = []
    for i in range(n_long):
        lay = LAYOUTS[i % 4]
        cat = LONG_CATS[R.randrange(len(LONG_CATS))]
        for _ in range(20):
            b, ctx = long_doc(lay, cat)
            segs = process_long(b, ctx)
            d = finalize(segs, f"s21-L{i:03d}", cat, lay)
            if 1000 <= len(d["text"]) <= 4000 and not collides(d):
                break
        docs.append(d)
    for i in range(n_short):
        flat = FLATS[i % 6]
        cat = ["shuanggongshi", "arrears", "abnormal"][R.randrange(3)]
        for _ in range(20):
            b = short_doc(flat, cat)
            d = finalize([list(s) for s in b.segs], f"s21-S{i:03d}", cat, flat)
            if not collides(d):
                break
        docs.append(d)
    validate(docs)
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    kinds = Counter(s["kind"] for d in docs for s in d["spans"])
    print("documents", len(docs), dict(kinds))
    lens = [len(d["text"]) for d in docs[:n_long]]
    print("long doc chars min/max/mean", min(lens), max(lens), sum(lens) // len(lens))


if __name__ == "__main__":
    main()
