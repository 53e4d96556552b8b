"""Generate masking evaluation set 20: a year of publications of a fictional south-western /
north-western provincial tax bureau (国家税务总局云黔省税务局), with many minority names.

Deterministic (seed 202026), no network. Writes corpus.jsonl next to this file.
Run: python tests/eval/masking20/generate.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 202026
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

R = random.Random(SEED)

# ---------------------------------------------------------------- check digits


def id_check(body17: str) -> str:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * x for c, x in zip(body17, w, strict=False))
    return "10X98765432"[s % 11]


def id_valid(v: str) -> bool:
    return len(v) == 18 and id_check(v[:17]) == v[17]


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc_check(body17: str) -> str:
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CHARS.index(c) * x for c, x in zip(body17, w, strict=False))
    c = 31 - s % 31
    return USCC_CHARS[0 if c == 31 else c]


def luhn_ok(num: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


# ---------------------------------------------------------------- values

REGIONS = [
    "520102",
    "520103",
    "520113",
    "522601",
    "522701",
    "530102",
    "530111",
    "532901",
    "620102",
    "620104",
    "622901",
    "650102",
    "650104",
    "652901",
    "653101",
    "540102",
]
BIZ_REGIONS = ["520102", "520115", "522701", "530112", "620105", "650103", "652301"]


def gen_id(force_x: bool = False) -> str:
    while True:
        y = R.randint(1956, 2003)
        m = R.randint(1, 12)
        d = R.randint(1, 28)
        body = f"{R.choice(REGIONS)}{y}{m:02d}{d:02d}{R.randint(0, 999):03d}"
        v = body + id_check(body)
        if not force_x or v.endswith("X"):
            assert id_valid(v)
            return v


def gen_id15() -> str:
    y = R.randint(50, 84)
    return f"{R.choice(REGIONS)}{y:02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"


def gen_uscc(kind: str = "91") -> str:
    org = "".join(R.choice(USCC_CHARS) for _ in range(9))
    if kind == "91" and R.random() < 0.6:
        org = "MA" + "".join(R.choice(USCC_CHARS) for _ in range(7))
    body = kind + R.choice(BIZ_REGIONS) + org
    return body + uscc_check(body)


def gen_old_tin() -> str:
    # 15-character enterprise taxpayer number of the old style: region + organisation code
    return (
        R.choice(BIZ_REGIONS)
        + str(R.randint(55, 79))
        + "".join(R.choice("0123456789") for _ in range(6))
        + R.choice("0123456789X")
    )


CARD_BINS = ["622202", "621700", "622848", "621799", "623668", "622609", "621226"]


def gen_card() -> str:
    n = R.choice([16, 19, 19])
    body = R.choice(CARD_BINS) + "".join(R.choice("0123456789") for _ in range(n - 7))
    v = luhn_complete(body)
    assert luhn_ok(v)
    return v


def gen_corp_account() -> str:
    return R.choice(["2402", "5200", "1350", "2703"]) + "".join(
        R.choice("0123456789") for _ in range(R.choice([15, 16, 17]))
    )


SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢龙石杨吉韦岑覃蒙"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容", "皇甫", "令狐", "东方", "尉迟", "夏侯", "公孙", "端木"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯健俊帆帅旭宁琳雪婷倩颖")
UY_PARTS = [
    "艾力",
    "买买提",
    "阿不都热合曼",
    "吐尔逊",
    "古丽娜尔",
    "艾买提",
    "迪丽拜尔",
    "阿不都拉",
    "热依拉",
    "努尔",
    "依明",
    "帕尔哈提",
    "库尔班",
    "阿依古丽",
    "麦合木提",
    "热孜万古丽",
    "吾斯曼",
    "托合提",
    "叶尔兰",
    "努尔兰",
    "哈力别克",
    "阿依达娜",
    "巴合提",
    "玉素甫",
]
UY_LATIN = {
    "艾力": "Aili",
    "买买提": "Maimaiti",
    "阿不都热合曼": "Abudureheman",
    "吐尔逊": "Tuerxun",
    "古丽娜尔": "Gulinaer",
    "艾买提": "Aimaiti",
    "迪丽拜尔": "Dilibaier",
    "阿不都拉": "Abudula",
    "热依拉": "Reyila",
    "努尔": "Nuer",
    "依明": "Yiming",
    "帕尔哈提": "Paerhati",
    "库尔班": "Kuerban",
    "阿依古丽": "Ayiguli",
    "麦合木提": "Maihemuti",
    "热孜万古丽": "Reziwanguli",
    "吾斯曼": "Wusiman",
    "托合提": "Tuoheti",
    "叶尔兰": "Yeerlan",
    "努尔兰": "Nuerlan",
    "哈力别克": "Halibieke",
    "阿依达娜": "Ayidana",
    "巴合提": "Baheti",
    "玉素甫": "Yusufu",
}
YI_TIBETAN = [
    "阿支拉哈",
    "吉克伍沙",
    "沙马阿果",
    "阿苏日古",
    "扎西次仁",
    "次旦多吉",
    "格桑拉姆",
    "央金卓玛",
    "洛桑尼玛",
    "曲比阿呷",
    "卓玛",
    "央金",
    "达瓦",
    "罗布",
]
DOTS = ["·", "·", "·", "•", "・", "．", "‧", "."]
LATIN_EXTRA = ["John SMITH", "Maria GARCIA", "NGUYEN VAN AN", "Kim Min-jun", "Ahmed KHAN", "Aung Kyaw Moe"]


def han_name(kind: str | None = None) -> tuple[str, list[str]]:
    kind = kind or R.choice(["h2", "h3", "h3", "h3", "compound", "padded"])
    if kind == "compound":
        return R.choice(COMPOUND) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2]))), [
            "compound_surname"
        ]
    if kind == "h2":
        return R.choice(SURNAMES) + R.choice(GIVEN), ["two_char"]
    if kind == "padded":
        return R.choice(SURNAMES) + R.choice(["  ", " ", "　"]) + R.choice(GIVEN), ["two_char", "padded"]
    return R.choice(SURNAMES) + R.choice(GIVEN) + R.choice(GIVEN), ["han"]


def person_name() -> tuple[str, list[str]]:
    """Mixed pool with the set's emphasis on minority names."""
    r = R.random()
    if r < 0.22:
        a, b = R.sample(UY_PARTS, 2)
        return a + R.choice(DOTS) + b, ["minority", "dotted"]
    if r < 0.32:
        a, b = R.sample(UY_PARTS, 2)
        return a + b, ["minority", "undotted"]
    if r < 0.40:
        return R.choice(YI_TIBETAN), ["minority", "yi_tibetan"]
    if r < 0.46:
        a, b = R.sample(UY_PARTS, 2)
        la, lb = UY_LATIN[a], UY_LATIN[b]
        v = R.choice([f"{la} {lb}", f"{la.upper()} {lb.upper()}", f"{la}·{lb}"])
        return v, ["latin"]
    if r < 0.49:
        return R.choice(LATIN_EXTRA), ["latin", "foreign"]
    return han_name()


FW = str.maketrans("0123456789-+()", "０１２３４５６７８９－＋（）")
AREA = ["0851", "0931", "0871", "0991", "0854", "0998", "0891", "0937"]


def mobile() -> str:
    return (
        R.choice(["13", "15", "17", "18", "19"])
        + str(R.randint(0, 9))
        + "".join(R.choice("0123456789") for _ in range(8))
    )


def phone() -> tuple[str, list[str]]:
    m = mobile()
    st = R.choice(
        [
            "plain",
            "plain",
            "space",
            "hyphen",
            "fullwidth",
            "plus86",
            "0086",
            "land",
            "land_paren",
            "land_ext",
            "land_space",
            "land_fw",
            "linebreak",
            "land_dash_ext",
        ]
    )
    if st == "plain":
        return m, ["mobile"]
    if st == "space":
        return f"{m[:3]} {m[3:7]} {m[7:]}", ["mobile", "spaces"]
    if st == "hyphen":
        return f"{m[:3]}-{m[3:7]}-{m[7:]}", ["mobile", "hyphen"]
    if st == "fullwidth":
        return m.translate(FW), ["mobile", "fullwidth"]
    if st == "plus86":
        return R.choice([f"+86 {m}", f"+86-{m}", f"(+86){m}", f"+86 {m[:3]} {m[3:7]} {m[7:]}"]), [
            "mobile",
            "plus86",
        ]
    if st == "0086":
        return R.choice([f"0086{m}", f"0086-{m}", f"0086 {m}"]), ["mobile", "0086"]
    if st == "linebreak":
        k = R.randint(3, 8)
        return m[:k] + "\n" + m[k:], ["mobile", "linebreak"]
    a = R.choice(AREA)
    loc = str(R.randint(2, 8)) + "".join(R.choice("0123456789") for _ in range(7))
    if st == "land":
        return f"{a}-{loc}", ["landline"]
    if st == "land_paren":
        return f"({a}){loc}", ["landline", "paren"]
    if st == "land_ext":
        return f"{a}-{loc}转{R.randint(100, 8999)}", ["landline", "extension"]
    if st == "land_dash_ext":
        return f"{a}-{loc}-{R.randint(10, 899)}", ["landline", "extension"]
    if st == "land_space":
        return f"{a} {loc[:4]} {loc[4:]}", ["landline", "spaces"]
    return f"{a}-{loc}".translate(FW), ["landline", "fullwidth"]


def email(name_hint: str = "") -> tuple[str, list[str]]:
    user = R.choice(
        ["aili", "gulnar", "zhaxi", "wang", "li.ming", "abdulla", "yerlan", "lmy", "xc_tax", "mmt"]
    ) + str(R.randint(1, 9999))
    dom = R.choice(["163.com", "qq.com", "126.com", "sina.com", "yeah.net", "outlook.com"])
    if R.random() < 0.3:
        return f"{user}＠{dom}", ["fullwidth_at"]
    return f"{user}@{dom}", []


def passport() -> tuple[str, list[str], str]:
    k = R.choice(["passport", "hk_macao", "taiwan", "hk_permit", "foreign_passport"])
    if k == "passport":
        return "E" + "".join(R.choice("0123456789") for _ in range(8)), ["passport"], "护照号码"
    if k == "hk_macao":
        return (
            R.choice("HM") + "".join(R.choice("0123456789") for _ in range(8)),
            ["hk_macao"],
            "港澳居民来往内地通行证号码",
        )
    if k == "taiwan":
        return "".join(R.choice("0123456789") for _ in range(8)), ["taiwan"], "台湾居民来往大陆通行证号码"
    if k == "hk_permit":
        return (
            "C" + R.choice("0123456789ABCDEFGHJ") + "".join(R.choice("0123456789") for _ in range(7)),
            ["exit_permit"],
            "往来港澳通行证号码",
        )
    return (
        R.choice(["P", "K", "G"]) + "".join(R.choice("0123456789") for _ in range(7)),
        ["foreign_passport"],
        "护照号码",
    )


PROV = "云黔省"
CITIES = [
    ("雪川市", ["青云区", "白鹭区", "南湖区", "观山湖区"]),
    ("木兰哈萨克自治州", ["伊宁市", "达坂县", "察布县"]),
    ("黔岭布依族苗族自治州", ["都匀市", "荔波县", "平塘县"]),
    ("金沙市", ["城关区", "七里河区", "西固区"]),
    ("红河谷州", ["蒙自市", "个旧市", "建水县"]),
]
ROADS = [
    "迎宾大道",
    "解放路",
    "人民南路",
    "团结路",
    "天山路",
    "友好北路",
    "民族路",
    "花溪大道",
    "滨河路",
    "北京东路",
    "文化巷",
    "幸福里",
    "石榴园路",
    "红旗街",
]
ESTATES = ["阳光花园", "天山雅苑", "丽都小区", "金桥家园", "苗岭新村", "团结小区", "石榴籽家园", "翠湖苑"]


def city() -> tuple[str, str]:
    c, ds = R.choice(CITIES)
    return c, R.choice(ds)


def home_address() -> str:
    c, d = city()
    pre = R.choice([PROV + c + d, c + d, d])
    if R.random() < 0.35:
        return f"{pre}{R.choice(['团结乡', '红星镇', '阿克苏乡', '牧业镇', '布依寨乡'])}{R.choice(['巴扎', '大寨', '草原', '河口'])}村{R.randint(1, 12)}组{R.randint(1, 99)}号"
    return f"{pre}{R.choice(ROADS)}{R.randint(1, 399)}号{R.choice(ESTATES)}{R.randint(1, 30)}栋{R.randint(1, 6)}单元{R.randint(1, 28)}{R.randint(1, 4):02d}室"


def biz_address() -> str:
    c, d = city()
    return f"{R.choice([PROV, ''])}{c}{d}{R.choice(ROADS)}{R.randint(1, 399)}号{R.choice(['', '1楼', '门面', 'B座12层', '商铺A-' + str(R.randint(1, 99))])}"


CO_WORDS = [
    "雪域",
    "天山",
    "苗岭",
    "金穗",
    "丝路",
    "高原",
    "石榴籽",
    "云杉",
    "红土",
    "昆仑",
    "乌江",
    "珠穆",
    "胡杨",
    "格桑",
]
CO_TRADE = [
    "商贸",
    "建筑工程",
    "农牧科技",
    "矿业",
    "物流",
    "餐饮管理",
    "茶业",
    "民族服饰",
    "文化旅游",
    "建材",
    "劳务",
]


def company() -> str:
    c, _ = city()
    return f"{R.choice([c, PROV, ''])}{R.choice(CO_WORDS)}{R.choice(CO_TRADE)}{R.choice(['有限公司', '有限责任公司', '股份有限公司', '合作社'])}"


def shop(owner: str | None) -> tuple[str, bool]:
    c, d = city()
    kinds = [
        "烤肉店",
        "五金店",
        "馕坑店",
        "民族服饰店",
        "手抓饭馆",
        "便利店",
        "茶叶店",
        "摩托车修理部",
        "建材经营部",
    ]
    if owner and R.random() < 0.45:
        return f"{c}{d}{owner}{R.choice(kinds)}", True
    return f"{c}{d}{R.choice(CO_WORDS)}{R.choice(kinds)}", False


BUREAUS = [
    "国家税务总局云黔省税务局",
    "国家税务总局雪川市税务局",
    "国家税务总局雪川市税务局第一稽查局",
    "国家税务总局雪川市税务局第二稽查局",
    "国家税务总局雪川市青云区税务局",
    "国家税务总局木兰哈萨克自治州税务局",
    "国家税务总局达坂县税务局",
    "国家税务总局黔岭布依族苗族自治州税务局稽查局",
    "国家税务总局荔波县税务局第一税务分局",
    "国家税务总局金沙市七里河区税务局",
    "国家税务总局红河谷州税务局稽查局",
    "国家税务总局蒙自市税务局",
]
ABBR = [
    "云黔税",
    "雪税",
    "雪税一稽",
    "雪税二稽",
    "雪青税",
    "木税",
    "达税",
    "黔岭税稽",
    "荔税一",
    "金七税",
    "红税稽",
    "蒙税",
]


def bureau() -> tuple[str, str]:
    i = R.randrange(len(BUREAUS))
    return BUREAUS[i], ABBR[i]


def bureau_address() -> str:
    c, d = city()
    return f"{c}{d}{R.choice(ROADS)}{R.randint(1, 200)}号"


def bureau_phone() -> str:
    return f"{R.choice(AREA)}-{R.choice(['8', '6'])}{R.randint(1000000, 9999999)}"


def amount() -> str:
    v = R.randint(100, 9_000_000) + R.choice([0, 0, R.randint(1, 99) / 100])
    s = f"{v:,.2f}" if R.random() < 0.5 else (f"{v:.2f}" if R.random() < 0.5 else f"{int(v)}")
    return s


CN_DIG = "〇一二三四五六七八九"


def date() -> str:
    y, m, d = 2026, R.randint(1, 12), R.randint(1, 28)
    st = R.random()
    if st < 0.6:
        return f"{y}年{m}月{d}日"
    if st < 0.75:
        return f"{y}-{m:02d}-{d:02d}"
    if st < 0.85:
        return f"{y}/{m:02d}/{d:02d}"
    cm = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][m]
    cd = (("二" if d >= 20 else "") + "十" + (CN_DIG[d % 10] if d % 10 else "")) if d >= 10 else CN_DIG[d]
    if 10 <= d < 20:
        cd = "十" + (CN_DIG[d % 10] if d % 10 else "")
    return "二〇二六年" + cm + "月" + cd + "日"


def docno(abbr: str, kind: str) -> str:
    return f"{abbr}{kind}〔2026〕{R.randint(1, 999)}号"


def invoice_code() -> str:
    return (
        R.choice(["5200", "6200", "6500", "5300"])
        + R.choice(["19", "22", "23"])
        + R.choice(["3130", "4130", "1320"])
    )


def invoice_no() -> str:
    return "".join(R.choice("0123456789") for _ in range(8))


def einvoice_no() -> str:
    return (
        "2"
        + R.choice(["4", "5", "6"])
        + R.choice(["52", "62", "65", "53"])
        + "2"
        + "".join(R.choice("0123456789") for _ in range(15))
    )


def cert_no(prefix: str = "52") -> str:
    return prefix + "".join(R.choice("0123456789") for _ in range(9))


def masked_value() -> tuple[str, str]:
    k = R.choice(["name", "name2", "id", "phone", "uscc", "xxx", "mou", "card"])
    if k == "name":
        return R.choice(SURNAMES) + R.choice(["**", "*", "＊＊", "某某"]), "name"
    if k == "name2":
        return R.choice(["XXX", "×××", "张某", "艾力·某某", "某某某"]), "name"
    if k == "id":
        v = gen_id()
        return v[:6] + "********" + v[14:], "id_number"
    if k == "phone":
        v = mobile()
        return v[:3] + "****" + v[7:], "phone"
    if k == "uscc":
        return "9152" + "****" + "".join(R.choice("0123456789") for _ in range(4)), "uscc"
    if k == "xxx":
        return R.choice(["XXXXXXXX", "xxxx", "＊＊＊＊"]), "other"
    if k == "mou":
        return R.choice(["王某", "马某某", "阿某", "李某"]), "name"
    v = gen_card()
    return v[:4] + " **** **** " + v[-4:], "bank_card"


# ---------------------------------------------------------------- document builder


class Doc:
    def __init__(self) -> None:
        self.parts: list[tuple[str, str | None, str, list[str]]] = []

    def t(self, s: str) -> Doc:
        if s:
            self.parts.append((s, None, "", []))
        return self

    def v(self, s: str, kind: str, typ: str, tags: list[str] | None = None) -> Doc:
        self.parts.append((s, kind, typ, list(tags or [])))
        return self

    def p(self, s: str, typ: str, tags: list[str] | None = None) -> Doc:
        return self.v(s, "personal", typ, tags)

    def u(self, s: str, typ: str, tags: list[str] | None = None) -> Doc:
        return self.v(s, "public", typ, tags)

    def m(self, s: str, typ: str) -> Doc:
        return self.v(s, "masked", typ, [])

    def extend(self, other: Doc) -> Doc:
        self.parts.extend(other.parts)
        return self

    def render(self) -> tuple[str, list[dict]]:
        text, spans, pos = [], [], 0
        for s, kind, typ, tags in self.parts:
            if kind:
                spans.append({"start": pos, "end": pos + len(s), "kind": kind, "type": typ, "tags": tags})
            text.append(s)
            pos += len(s)
        return "".join(text), spans


def C(*items) -> Doc:  # a table cell from ("text") or (value, kind, type, tags)
    d = Doc()
    for it in items:
        if isinstance(it, str):
            d.t(it)
        else:
            d.v(*it)
    return d


def cell_len(d: Doc) -> int:
    return sum(len(s) + sum(1 for ch in s if ord(ch) > 0x2E80) for s, *_ in d.parts)


def table(title: Doc, header: list[str], rows: list[list[Doc]], layout: str, footer: Doc) -> Doc:
    d = Doc().extend(title)
    if layout == "tab":
        d.t("\t".join(header) + "\n")
        for r in rows:
            for i, c in enumerate(r):
                d.extend(c).t("\t" if i < len(r) - 1 else "\n")
    elif layout == "pipe":
        d.t("| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n")
        for r in rows:
            d.t("| ")
            for i, c in enumerate(r):
                d.extend(c).t(" | " if i < len(r) - 1 else " |\n")
    elif layout == "cell_per_line":
        for h in header:
            d.t(h + "\n")
        for r in rows:
            for c in r:
                d.extend(c).t("\n")
    elif layout == "space_aligned":
        widths = [max([cell_len(C(h))] + [cell_len(r[i]) for r in rows]) + 2 for i, h in enumerate(header)]
        d.t("".join(h + " " * (widths[i] - cell_len(C(h))) for i, h in enumerate(header)).rstrip() + "\n")
        for r in rows:
            for i, c in enumerate(r):
                d.extend(c)
                if i < len(r) - 1:
                    d.t(" " * max(2, widths[i] - cell_len(c)))
            d.t("\n")
    elif layout == "key_value":
        for n, r in enumerate(rows):
            d.t(f"（{n + 1}）\n" if R.random() < 0.5 else "\n")
            for h, c in zip(header, r, strict=False):
                d.t(h + R.choice(["：", ":", "： "])).extend(c).t("\n")
    elif layout == "semicolon":
        for r in rows:
            for i, (h, c) in enumerate(zip(header, r, strict=False)):
                d.t(h + "：").extend(c).t("，" if i < len(r) - 1 else "；")
            d.t("\n" if R.random() < 0.5 else "")
    else:
        raise ValueError(layout)
    return d.extend(footer)


TABLE_LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "key_value", "semicolon"]


# ---------------------------------------------------------------- post-processing


def hard_wrap(text: str, spans: list[dict], n: int) -> tuple[str, list[dict]]:
    out, newpos, col = [], [], 0
    breaks_before: set[int] = set()
    for i, ch in enumerate(text):
        if ch == "\n":
            col = 0
        elif col >= n:
            out.append("\n")
            breaks_before.add(i)
            col = 0
        newpos.append(len(out))
        out.append(ch)
        if ch != "\n":
            col += 1
    newpos.append(len(out))
    ns = []
    for s in spans:
        a, b = s["start"], s["end"]
        crossed = any(k in breaks_before for k in range(a + 1, b))
        s2 = dict(
            s, start=newpos[a], end=newpos[b - 1] + 1, tags=list(s["tags"]) + (["wrapped"] if crossed else [])
        )
        ns.append(s2)
    return "".join(out), ns


OCR_SWAP = {"：": ":", "，": ",", "（": "(", "）": ")", "；": ";", "。": "．"}


def ocr_noise(d: Doc) -> Doc:
    nd = Doc()
    for s, kind, typ, tags in d.parts:
        if kind is None:
            s2 = []
            for ch in s:
                r = R.random()
                if ch in OCR_SWAP and r < 0.4:
                    s2.append(OCR_SWAP[ch])
                elif "\u4e00" <= ch <= "\u9fff" and r < 0.04:
                    s2.append(ch + " ")
                else:
                    s2.append(ch)
            nd.t("".join(s2))
        else:
            if kind == "personal" and typ in ("phone", "id_number", "bank_card") and R.random() < 0.3:
                s = s.replace("0", "O", 1) if "0" in s else s.replace("1", "l", 1)
                tags = tags + ["ocr_letter"]
            nd.v(s, kind, typ, tags)
    return nd


# ---------------------------------------------------------------- shared fragments


def officers(d: Doc, pfx: str = "52") -> None:
    d.t(R.choice(["执法人员：", "承办人员：", "检查人员："]))
    for i in range(2):
        n, tg = han_name(R.choice(["h2", "h3", "h3", "compound"]))
        d.u(n, "officer_name", tg)
        d.t(R.choice(["，执法证号：", " 执法证件号：", "（税务执法证号", "，证号"]))
        d.u(cert_no(pfx), "enforcement_cert")
        d.t("）" if d.parts[-2][0].startswith("（") else "")
        d.t("；" if i == 0 else "。\n")


def contact_block(d: Doc, bname: str) -> None:
    d.t("联系地址：").u(bureau_address(), "authority_address").t("\n")
    d.t(R.choice(["联系电话：", "咨询电话：", "联系方式："])).u(bureau_phone(), "authority_phone").t(
        "；纳税服务热线："
    ).u("12366", "authority_phone").t("\n")
    if R.random() < 0.5:
        d.t("网址：").u(
            R.choice(
                [
                    "https://yunqian.chinatax.gov.cn",
                    "http://yunqian.chinatax.gov.cn/xxgk/",
                    "https://etax.yunqian.chinatax.gov.cn/",
                ]
            ),
            "url",
        ).t("\n")


def third_person_contact(d: Doc, role: str) -> None:
    n, tg = person_name()
    d.t(role).p(n, "name", tg + ["third_party"])
    if R.random() < 0.7:
        ph, pt = phone()
        d.t(R.choice(["，联系电话：", "（电话：", "，手机", "，联系方式 "])).p(ph, "phone", pt)
        d.t("）" if d.parts[-2][0].startswith("（") else "")
    if R.random() < 0.4:
        d.t("，身份证号码：").p(gen_id(R.random() < 0.2), "id_number", [])
    d.t("。")


def receipt(d: Doc) -> None:
    n, tg = person_name()
    d.t(
        "\n"
        + R.choice(["送达回证：", "签收情况：", "附：送达信息 "])
        + R.choice(["代收人：", "同住成年家属代收，姓名："])
    ).p(n, "name", tg + ["third_party", "receiver"])
    d.t("（与受送达人关系：" + R.choice(["配偶", "父亲", "母亲", "子女", "雇员", "兄弟"]) + "）")
    iv, it, itg = id_value()
    d.t(R.choice(["，身份证号码：", "，证件号 ", "；公民身份号码"])).p(iv, it, itg)
    ph, pt = phone()
    d.t(R.choice(["，联系电话：", "；手机：", "，电话 "])).p(ph, "phone", pt)
    if R.random() < 0.6:
        d.t("，签收地点：").p(home_address(), "home_address", ["receiver"])
    d.t("。\n")


def signoff(d: Doc, bname: str) -> None:
    if R.random() < 0.6:
        receipt(d)
    maybe_masked(d, 0.35)
    d.t("\n").u(bname, "authority_name").t("\n").u(date(), "date").t("\n")


def maybe_masked(d: Doc, prob: float = 0.5) -> None:
    if R.random() < prob:
        mv, mt = masked_value()
        lab = {
            "name": "（原经办人：",
            "id_number": "（证件号码已按规定隐去：",
            "phone": "（原登记联系电话：",
            "uscc": "（原公告代码：",
            "bank_card": "（原扣款账户：",
            "other": "（此前已公开信息：",
        }[mt]
        d.t(lab).m(mv, mt).t("）")


def id_value(tags_extra: list[str] | None = None) -> tuple[str, str, list[str]]:
    r = R.random()
    if "arrears_notice" in (tags_extra or []) and R.random() < 0.2:
        v = gen_id()
        return (
            v[:6] + R.choice(["********", "＊＊＊＊＊＊＊＊", "xxxxxxxx"]) + v[14:],
            "id_number",
            ["already_masked"],
        )
    if r < 0.12:
        return gen_id15(), "id_number", ["id15"] + (tags_extra or [])
    if r < 0.25:
        return gen_id(True), "id_number", ["id_x"] + (tags_extra or [])
    if r < 0.35:
        return gen_id() + f"{R.randint(0, 99):02d}", "person_tin", ["id_plus_suffix"] + (tags_extra or [])
    return gen_id(), "id_number", list(tags_extra or [])


def party_person(d: Doc, policy_tags: list[str]) -> str:
    n, tg = person_name()
    d.t(R.choice(["当事人：", "纳税人姓名：", "被处罚人："])).u(n, "name", tg + policy_tags)
    if tg and "latin" in tg and "foreign" in tg:
        pv, ptg, lab = passport()
        d.t(f"\n{lab}：").p(pv, "passport_or_permit", ptg)
    else:
        iv, it, itg = id_value()
        d.t(R.choice(["\n身份证件号码：", "\n居民身份证号码：", "，证件号码", "\n纳税人识别号："])).p(
            iv, it, itg
        )
        if R.random() < 0.25:
            pv, ptg, lab = passport()
            d.t(f"；{lab}：").p(pv, "passport_or_permit", ptg)
    d.t(R.choice(["\n住址：", "\n家庭住址：", "\n住所：", "，户籍所在地："])).p(
        home_address(), "home_address", []
    )
    if R.random() < 0.7:
        ph, pt = phone()
        d.t(R.choice(["\n联系电话：", "\n手机号码：", "，电话 "])).p(ph, "phone", pt)
    if R.random() < 0.3:
        e, et = email()
        d.t("\n电子邮箱：").p(e, "email", et)
    d.t("\n")
    return n


def party_company(d: Doc) -> tuple[str, str]:
    co = company()
    code = gen_uscc()
    d.u(co, "company_name").t(
        R.choice(["（统一社会信用代码：", "（纳税人识别号：", "\n统一社会信用代码："])
    ).u(code, "uscc")
    d.t("）：\n" if d.parts[-2][0].startswith("（") else "\n")
    n, tg = person_name()
    d.t(R.choice(["法定代表人：", "法定代表人（负责人）：", "负责人："])).u(
        n, "name", tg + ["published_by_policy", "legal_rep"]
    )
    d.t("\n地址：").u(biz_address(), "business_address").t("\n")
    return co, code


# ---------------------------------------------------------------- categories (prose)


def cat_simple_penalty_person() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n税务行政处罚决定书（简易）\n")
        .u(docno(ab, "简罚"), "doc_number")
        .t("\n")
    )
    party_person(d, ["published_by_policy", "party"])
    d.t("你（单位）于").u(date(), "date").t(
        "发生了下列违法行为：未按照规定期限办理个人所得税纳税申报，违反了《中华人民共和国税收征收管理法》第六十二条的规定。根据该条规定，决定处以罚款"
    ).u(amount(), "amount").t("元。\n")
    d.t(
        "罚款缴纳方式：当场缴纳或于收到本决定书之日起十五日内缴纳。如对本决定不服，可以自收到本决定书之日起六十日内依法向"
    ).u(R.choice(BUREAUS[:3]), "authority_name").t(
        "申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n"
    )
    officers(d)
    if R.random() < 0.4:
        d.t("代收人：")
        n2, tg2 = person_name()
        d.p(n2, "name", tg2 + ["third_party"]).t("（与当事人关系：配偶），电话：")
        ph, pt = phone()
        d.p(ph, "phone", pt).t("\n")
    maybe_masked(d, 0.3)
    signoff(d, bname)
    return d


def facts_company(d: Doc) -> None:
    k = R.randint(1, 3)
    for i in range(k):
        d.t(f"{'一二三'[i]}、你单位").u(date(), "date").t("取得").u(company(), "company_name").t(
            "（纳税人识别号"
        ).u(gen_uscc() if R.random() < 0.7 else gen_old_tin(), "uscc" if R.random() < 2 else "tin").t(
            R.choice(["）开具的增值税专用发票", "）开具的增值税普通发票"])
        ).t(f"{R.randint(1, 40)}份，发票代码：").u(invoice_code(), "invoice_code").t("，发票号码：").u(
            invoice_no(), "invoice_no"
        )
        if R.random() < 0.4:
            d.t("；数电发票号码：").u(einvoice_no(), "invoice_no", ["einvoice20"])
        d.t("，金额").u(amount(), "amount").t("元，税额").u(amount(), "amount").t("元，无真实货物交易。\n")


def cat_penalty_company() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n税务行政处罚决定书\n")
        .u(docno(ab, "罚"), "doc_number")
        .t("\n\n")
    )
    party_company(d)
    d.t("经我局（所）于").u(date(), "date").t("至").u(date(), "date").t(
        "对你（单位）的涉税情况进行检查，发现你（单位）存在违法事实及处罚决定如下：\n一、违法事实及证据\n"
    )
    facts_company(d)
    if R.random() < 0.6:
        third_person_contact(
            d, R.choice(["经询问你单位财务负责人", "据你单位办税人员", "经调取开票人", "据证人"])
        )
        d.t("\n")
    if R.random() < 0.4:
        d.t("经查，上述款项通过" + R.choice(["你单位出纳个人银行卡", "出纳个人账户", "股东个人账户"])).p(
            gen_card(), "bank_card", ["card"]
        ).t("（户名：")
        n, tg = person_name()
        d.p(n, "name", tg + ["third_party"]).t("）回流。\n")
    d.t(
        "二、处罚决定\n根据《中华人民共和国税收征收管理法》第六十三条第一款的规定，对你单位少缴的税款处百分之"
    ).u(str(R.choice([50, 60, 80, 100])), "amount").t("的罚款").u(amount(), "amount").t("元。\n")
    d.t("以上应缴款项共计").u(amount(), "amount").t(
        f"元。限你（单位）自本决定书送达之日起十五日内到{R.choice(['国家税务总局雪川市青云区税务局办税服务厅', '主管税务机关'])}缴纳入库。到期不缴纳罚款，我局（所）可依照《中华人民共和国行政处罚法》第七十二条第一款第（一）项规定，每日按罚款数额的百分之三加处罚款。\n"
    )
    d.t("如对本决定不服，可以自收到本决定书之日起六十日内依法向").u(
        BUREAUS[R.randrange(2)], "authority_name"
    ).t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")
    if R.random() < 0.5:
        contact_block(d, bname)
    maybe_masked(d)
    signoff(d, bname)
    return d


def cat_penalty_getihu() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n税务行政处罚决定书\n")
        .u(docno(ab, "罚"), "doc_number")
        .t("\n\n")
    )
    n, tg = person_name()
    sh, named = shop(n)
    d.u(sh, "shop_name", ["shop_named_after_owner"] if named else []).t("（统一社会信用代码：").u(
        gen_uscc("92"), "uscc"
    ).t("）：\n经营者：").u(n, "name", tg + ["published_by_policy", "party", "owner"])
    iv, it, itg = id_value(["owner"])
    d.t("，身份证号码：").p(iv, it, itg).t("\n经营地址：").u(biz_address(), "business_address").t("\n")
    if R.random() < 0.5:
        d.t("经营者住所：").p(home_address(), "home_address", []).t("\n")
    d.t("经我局于").u(date(), "date").t("对你户检查，发现你户").u(date(), "date").t("至").u(date(), "date").t(
        "期间取得经营收入"
    ).u(amount(), "amount").t("元未申报纳税，少缴增值税").u(amount(), "amount").t(
        "元、个人所得税（经营所得）"
    ).u(amount(), "amount").t("元。\n")
    d.t("你户收款使用经营者本人").p(gen_card(), "bank_card", ["card"]).t("账户及微信收款（绑定手机").p(
        mobile(), "phone", ["mobile"]
    ).t("）。\n")
    d.t("根据《中华人民共和国税收征收管理法》第六十四条第二款的规定，对你户处少缴税款百分之五十的罚款").u(
        amount(), "amount"
    ).t("元。\n")
    officers(d, R.choice(["52", "65", "62"]))
    maybe_masked(d, 0.4)
    signoff(d, bname)
    return d


def cat_tax_handling() -> Doc:
    bname, ab = bureau()
    d = Doc().u(bname, "authority_name").t("\n税务处理决定书\n").u(docno(ab, "处"), "doc_number").t("\n\n")
    if R.random() < 0.5:
        party_company(d)
    else:
        party_person(d, ["published_by_policy", "party"])
    d.t("我局于").u(date(), "date").t("至").u(date(), "date").t("对你（单位）").u(date(), "date").t("至").u(
        date(), "date"
    ).t("期间的涉税情况进行了检查，违法事实及处理决定如下：\n一、违法事实\n")
    facts_company(d)
    if R.random() < 0.5:
        d.t("你单位向个人")
        n, tg = person_name()
        d.p(n, "name", tg + ["third_party"]).t("（身份证号：")
        iv, it, itg = id_value()
        d.p(iv, it, itg).t("）支付劳务报酬").u(amount(), "amount").t("元，未代扣代缴个人所得税。\n")
    d.t("二、处理决定及依据\n追缴增值税").u(amount(), "amount").t("元、城市维护建设税").u(
        amount(), "amount"
    ).t("元，并从滞纳税款之日起至实际缴纳之日止按日加收滞纳税款万分之五的滞纳金。\n")
    d.t("你（单位）必须自收到本决定书之日起十五日内到").u(R.choice(BUREAUS), "authority_name").t(
        "将上述税款及滞纳金缴纳入库，并按照规定进行相关账务调整。\n"
    )
    contact_block(d, bname)
    signoff(d, bname)
    return d


def cat_no_penalty() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n不予税务行政处罚决定书\n")
        .u(docno(ab, "不罚"), "doc_number")
        .t("\n")
    )
    if R.random() < 0.5:
        party_person(d, ["published_by_policy", "party"])
    else:
        party_company(d)
    d.t("你（单位）于").u(date(), "date").t(
        "未按规定期限办理纳税申报，属于首次发生且危害后果轻微，在税务机关发现前主动改正（或在税务机关责令限期改正的期限内改正）。根据《中华人民共和国行政处罚法》第三十三条第一款和《国家税务总局关于发布〈税务行政处罚“首违不罚”事项清单〉的公告》（国家税务总局公告2021年第6号）的规定，决定不予行政处罚。\n"
    )
    if R.random() < 0.5:
        third_person_contact(d, "本决定书由受托人")
        d.t("代为签收。\n")
    officers(d)
    signoff(d, bname)
    return d


def cat_hearing() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n税务行政处罚事项告知书（听证）\n")
        .u(docno(ab, "罚告"), "doc_number")
        .t("\n")
    )
    if R.random() < 0.5:
        party_person(d, ["published_by_policy", "party"])
    else:
        party_company(d)
    d.t("对你（单位）").u(date(), "date").t("的税收违法行为，拟处罚款").u(amount(), "amount").t(
        "元。根据《中华人民共和国行政处罚法》第六十三条、第六十四条规定，你（单位）有陈述、申辩和要求听证的权利。可自收到本告知书之日起五日内向本局书面或口头提出听证要求，逾期不提出，视为放弃听证权利。\n"
    )
    d.t("听证联系人：")
    on, otg = han_name("h3")
    d.u(on, "officer_name", otg).t("，联系电话：").u(bureau_phone(), "authority_phone").t("\n")
    if R.random() < 0.5:
        d.t("你单位委托代理人")
        n2, tg2 = person_name()
        d.p(n2, "name", tg2 + ["third_party", "agent"]).t("（律师执业证号：").u(
            "1" + "".join(R.choice("0123456789") for _ in range(16)), "lawyer_licence", ["doubtful"]
        ).t("，手机：")
        ph, pt = phone()
        d.p(ph, "phone", pt).t("）已于").u(date(), "date").t("提交授权委托书。\n")
    signoff(d, bname)
    return d


def cat_reconsideration() -> Doc:
    bname = R.choice(BUREAUS[:3])
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n行政复议决定书\n")
        .u(docno("云黔税", "复决字"), "doc_number")
        .t("\n申请人：")
    )
    ind = R.random() < 0.6
    if ind:
        n, tg = person_name()
        d.u(n, "name", tg + ["published_by_policy", "party", "doubtful"])
        sexes = R.choice(["男", "女"])
        d.t(f"，{sexes}，").t(R.choice(["维吾尔族", "哈萨克族", "苗族", "布依族", "彝族", "藏族", "汉族"])).t(
            "，公民身份号码："
        )
        iv, it, itg = id_value()
        d.p(iv, it, itg).t("，住").p(home_address(), "home_address", []).t("。\n")
    else:
        d.u(company(), "company_name").t("，统一社会信用代码").u(gen_uscc(), "uscc").t("，住所地").u(
            biz_address(), "business_address"
        ).t("。\n法定代表人：")
        n, tg = person_name()
        d.u(n, "name", tg + ["published_by_policy", "legal_rep"]).t("。\n")
    d.t("委托代理人：")
    n2, tg2 = person_name()
    d.p(n2, "name", tg2 + ["third_party", "agent"]).t("，").t(
        R.choice(["申请人之子", "申请人配偶", "云黔天正律师事务所律师"])
    ).t("，联系电话")
    ph, pt = phone()
    d.p(ph, "phone", pt).t("。\n")
    d.t("被申请人：").u(R.choice(BUREAUS[3:]), "authority_name").t("，住所地").u(
        bureau_address(), "authority_address"
    ).t("。\n")
    d.t("申请人不服被申请人作出的").u(docno(R.choice(ABBR), "罚"), "doc_number").t(
        "《税务行政处罚决定书》，于"
    ).u(date(), "date").t("向本机关申请行政复议，本机关依法予以受理。本案现已审理终结。\n")
    d.t(
        "本机关认为，被申请人作出的行政处罚认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。根据《中华人民共和国行政复议法》第六十八条之规定，本机关决定：维持被申请人作出的处罚决定。\n"
    )
    signoff(d, bname)
    return d


def cat_disclosure_reply() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n政府信息公开申请答复书\n")
        .u(docno(ab, "信公开"), "doc_number")
        .t("\n")
    )
    n, tg = person_name()
    d.p(n, "name", tg + ["applicant"]).t("：\n本机关于").u(date(), "date").t("收到你通过").t(
        R.choice(["信函", "网上申请平台", "当面提交"])
    ).t("方式提出的政府信息公开申请（你提供的身份证号码：")
    iv, it, itg = id_value()
    d.p(iv, it, itg).t("，通讯地址：").p(home_address(), "home_address", []).t("，联系电话：")
    ph, pt = phone()
    d.p(ph, "phone", pt)
    if R.random() < 0.5:
        e, et = email()
        d.t("，电子邮箱：").p(e, "email", et)
    d.t("），申请获取“").u(company(), "company_name").t(
        R.choice(["2025年度纳税信用评价结果", "欠税情况", "被处罚的决定书"])
    ).t(
        "”。经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，现将有关信息提供给你。\n"
    )
    d.t("如对本答复不服，可以在收到本答复之日起60日内向").u(BUREAUS[0], "authority_name").t(
        "申请行政复议。\n联系人："
    )
    on, otg = han_name()
    d.u(on, "officer_name", otg).t("，电话：").u(bureau_phone(), "authority_phone").t("\n")
    signoff(d, bname)
    return d


def cat_tipoff_reply() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n税收违法行为检举答复书\n")
        .u(docno(ab, "检答"), "doc_number")
        .t("\n")
    )
    n, tg = person_name()
    d.p(n, "name", tg + ["informant"]).t(R.choice(["：\n", "（检举人）：\n"])).t("你于").u(date(), "date").t(
        "通过"
    ).t(R.choice(["12366纳税缴费服务热线", "信函", "电子邮件"])).t("检举").u(company(), "company_name").t(
        "（纳税人识别号："
    ).u(gen_uscc(), "uscc").t("）涉嫌偷逃税款一案，我局已依法处理。")
    d.t("经查，被检举单位少缴税款").u(amount(), "amount").t("元，我局已作出").u(
        docno(ab, "罚"), "doc_number"
    ).t("处罚决定。\n")
    d.t("你留存的联系方式为：")
    ph, pt = phone()
    d.p(ph, "phone", pt)
    if R.random() < 0.6:
        e, et = email()
        d.t("，").p(e, "email", et)
    d.t("。根据《检举纳税人税收违法行为奖励暂行办法》，你可凭身份证件（").p(gen_id(), "id_number", []).t(
        "）及本答复书到我局领取检举奖金"
    ).u(amount(), "amount").t("元，奖金将转入你提供的银行账户").p(gen_card(), "bank_card", ["card"]).t(
        "。\n我局将对检举人信息严格保密。\n"
    )
    signoff(d, bname)
    return d


def cat_exit_ban() -> Doc:
    bname, ab = bureau()
    d = Doc().u(bname, "authority_name").t("\n阻止出境决定书\n").u(docno(ab, "阻"), "doc_number").t("\n")
    n, tg = person_name()
    d.u(n, "name", tg + ["published_by_policy", "party", "doubtful"]).t("：\n")
    iv, it, itg = id_value()
    d.t("证件名称：居民身份证；证件号码：").p(iv, it, itg).t("\n")
    if R.random() < 0.6:
        pv, ptg, lab = passport()
        d.t(f"{lab}：").p(pv, "passport_or_permit", ptg).t("\n")
    d.t("你作为").u(company(), "company_name").t("（统一社会信用代码：").u(gen_uscc(), "uscc").t(
        "）的法定代表人，该单位欠缴税款"
    ).u(amount(), "amount").t("元、滞纳金").u(amount(), "amount").t(
        "元，未结清且未提供担保。根据《中华人民共和国税收征收管理法》第四十四条规定，决定阻止你出境。\n"
    )
    d.t("送达地址：").p(home_address(), "home_address", []).t("\n")
    signoff(d, bname)
    return d


def cat_enforcement_bank() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n税收强制执行决定书（扣缴税收款项适用）\n")
        .u(docno(ab, "强扣"), "doc_number")
        .t("\n")
    )
    co = company()
    d.u(co, "company_name").t("（纳税人识别号：").u(gen_uscc(), "uscc").t("）：\n你单位未按规定期限缴纳").u(
        docno(ab, "处"), "doc_number"
    ).t("确定的税款").u(amount(), "amount").t(
        "元，经催告仍未缴纳。根据《中华人民共和国税收征收管理法》第四十条规定，经"
    ).u(bname, "authority_name").t("局长批准，决定从你单位在").t(
        R.choice(["中国农业银行雪川青云支行", "中国工商银行木兰分行", "雪川农村商业银行"])
    ).t("的存款账户（账号：").p(gen_corp_account(), "bank_account", ["company_account"]).t("）中扣缴税款").u(
        amount(), "amount"
    ).t("元。\n")
    if R.random() < 0.5:
        d.t("另查明法定代表人个人账户").p(gen_card(), "bank_card", ["card"]).t("（户名：")
        n, tg = person_name()
        d.p(n, "name", tg + ["third_party"]).t("）。\n")
    signoff(d, bname)
    return d


def cat_correction_notice() -> Doc:
    bname, ab = bureau()
    d = (
        Doc()
        .u(bname, "authority_name")
        .t("\n责令限期改正通知书\n")
        .u(docno(ab, "责改"), "doc_number")
        .t("\n")
    )
    if R.random() < 0.5:
        n, tg = person_name()
        sh, named = shop(n)
        d.u(sh, "shop_name", ["shop_named_after_owner"] if named else []).t("（经营者：").u(
            n, "name", tg + ["published_by_policy", "owner"]
        ).t("，纳税人识别号：")
        iv, it, itg = id_value(["owner"])
        d.p(iv, it, itg).t("）：\n")
    else:
        d.u(company(), "company_name").t("（").u(gen_old_tin(), "tin", ["old15"]).t("）：\n")
    d.t("你（单位）未按照规定期限办理").u(date(), "date").t(
        "所属期的纳税申报。根据《中华人民共和国税收征收管理法》第六十二条规定，限你（单位）于"
    ).u(date(), "date").t("前改正。\n")
    third_person_contact(d, "本通知书经电话告知办税人员")
    d.t("\n")
    officers(d)
    signoff(d, bname)
    return d


def cat_service_notice_prose() -> Doc:
    bname, ab = bureau()
    d = Doc().u(bname, "authority_name").t("\n税务文书送达公告\n").u(docno(ab, "送公"), "doc_number").t("\n")
    d.t(
        "因采用直接送达、留置送达、委托送达、邮寄送达方式均无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，现将以下税务文书公告送达：\n"
    )
    for i in range(R.randint(1, 3)):
        if R.random() < 0.5:
            n, tg = person_name()
            d.t(f"{i + 1}. 受送达人：").u(n, "name", tg + ["published_by_policy", "party"]).t("，证件号码：")
            iv, it, itg = id_value()
            d.p(iv, it, itg).t("，原送达地址：").p(home_address(), "home_address", [])
        else:
            d.t(f"{i + 1}. 受送达人：").u(company(), "company_name").t("，统一社会信用代码：").u(
                gen_uscc(), "uscc"
            ).t("，法定代表人：")
            n, tg = person_name()
            d.u(n, "name", tg + ["published_by_policy", "legal_rep"])
        d.t("；送达文书：").u(docno(ab, R.choice(["罚", "处", "通"])), "doc_number").t("。\n")
    d.t("自公告之日起满30日，即视为送达。\n")
    contact_block(d, bname)
    signoff(d, bname)
    return d


def cat_major_violation() -> Doc:
    bname, ab = bureau()
    d = Doc().t("重大税收违法失信主体信息公布\n")
    lay = R.choice(["key_value", "prose"])
    sep = "\n" if lay == "key_value" else "；"
    ind = R.random() < 0.35
    if ind:
        n, tg = person_name()
        d.t("纳税人名称：").u(n, "name", tg + ["published_by_policy", "party"]).t(
            sep + "性别：" + R.choice(["男", "女"]) + sep + "身份证件号码："
        )
        iv, it, itg = id_value()
        d.p(iv, it, itg).t(sep)
    else:
        d.t("纳税人名称：").u(company(), "company_name").t(sep + "纳税人识别号：").u(gen_uscc(), "uscc").t(
            sep + "注册地址："
        ).u(biz_address(), "business_address").t(sep)
        d.t("违法期间法定代表人或者负责人姓名：")
        n, tg = person_name()
        d.u(n, "name", tg + ["published_by_policy", "legal_rep"]).t(
            "，性别：" + R.choice(["男", "女"]) + "，身份证件号码："
        )
        iv, it, itg = id_value()
        d.p(iv, it, itg).t(sep)
        if R.random() < 0.5:
            d.t("负有直接责任的财务负责人姓名：")
            n2, tg2 = person_name()
            d.u(n2, "name", tg2 + ["published_by_policy", "finance_head"]).t("，身份证件号码：")
            d.p(gen_id(), "id_number", []).t(sep)
        if R.random() < 0.3:
            d.t("负有直接责任的中介机构信息：").u(
                R.choice(CO_WORDS) + "税务师事务所有限公司", "company_name"
            ).t("，从业人员：")
            n3, tg3 = person_name()
            d.u(n3, "name", tg3 + ["published_by_policy"]).t("，执业证号：").u(
                cert_no("65"), "practice_cert", ["doubtful"]
            ).t(sep)
    d.t("主要违法事实：经").u(bname, "authority_name").t("检查，该纳税人于").u(date(), "date").t("至").u(
        date(), "date"
    ).t("期间，虚开增值税专用发票").u(str(R.randint(5, 300)), "amount").t("份，金额").u(amount(), "amount").t(
        "元，税额"
    ).u(amount(), "amount").t("元。" + sep)
    d.t(
        "相关法律依据及税务处理处罚情况：依照《中华人民共和国税收征收管理法》等相关法律法规的有关规定，对其处以追缴税款"
    ).u(amount(), "amount").t("元的行政处理，处以罚款").u(amount(), "amount").t("元的行政处罚；" + sep)
    d.t("实施检查的单位：").u(bname, "authority_name").t(sep + "公布日期：").u(date(), "date").t("\n")
    return d


# ---------------------------------------------------------------- categories (tables)


def gen_title(title: str, bname: str) -> Doc:
    d = Doc().u(bname, "authority_name").t(f"\n{title}\n")
    return d


def tbl_arrears_company(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title(
        f"欠税公告（{R.choice(['2026年第一季度', '2026年第二季度', '2026年第三季度'])}）", bname
    ).t(
        "根据《中华人民共和国税收征收管理法》第四十五条和《欠税公告办法（试行）》规定，现将欠缴税款的企业予以公告：\n"
    )
    header = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人）姓名",
        "身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额（元）",
        "当期新发生欠税金额（元）",
    ]
    rows = []
    for i in range(R.randint(4, 9)):
        n, tg = person_name()
        iv, it, itg = id_value(["arrears_notice"])
        rows.append(
            [
                C(str(i + 1)),
                C((company(), "public", "company_name", [])),
                C((gen_uscc() if R.random() < 0.8 else gen_old_tin(), "public", "uscc", [])),
                C((n, "public", "name", tg + ["published_by_policy", "legal_rep"])),
                C((iv, "masked" if "already_masked" in itg else "personal", it, itg)),
                C((biz_address(), "public", "business_address", [])),
                C(R.choice(["增值税", "企业所得税", "城镇土地使用税", "增值税、城市维护建设税"])),
                C((amount(), "public", "amount", [])),
                C((amount(), "public", "amount", [])),
            ]
        )
    foot = Doc()
    contact_block(foot, bname)
    signoff(foot, bname)
    return table(title, header, rows, layout, foot)


def tbl_arrears_getihu(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title("个体工商户和其他个人欠税公告（2026年上半年）", bname)
    header = [
        "序号",
        "业户名称",
        "业主姓名",
        "纳税人识别号",
        "居民身份证或其他有效身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额",
        "当期新发生欠税金额",
    ]
    rows = []
    for i in range(R.randint(4, 9)):
        n, tg = person_name()
        sh, named = shop(n)
        iv, it, itg = id_value(["arrears_notice"])
        tin_cell = (
            C((gen_uscc("92"), "public", "uscc", []))
            if R.random() < 0.5
            else C(
                (
                    gen_id() + f"{R.randint(0, 99):02d}",
                    "personal",
                    "person_tin",
                    ["id_plus_suffix", "arrears_notice"],
                )
            )
        )
        rows.append(
            [
                C(str(i + 1)),
                C((sh, "public", "shop_name", ["shop_named_after_owner"] if named else [])),
                C((n, "public", "name", tg + ["published_by_policy", "owner"])),
                tin_cell,
                C((iv, "masked" if "already_masked" in itg else "personal", it, itg)),
                C((biz_address(), "public", "business_address", [])),
                C(R.choice(["个人所得税", "增值税", "房产税"])),
                C((amount(), "public", "amount", [])),
                C((amount(), "public", "amount", [])),
            ]
        )
    foot = Doc()
    contact_block(foot, bname)
    signoff(foot, bname)
    return table(title, header, rows, layout, foot)


def tbl_arrears_person(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title("自然人欠税公告", bname)
    header = ["序号", "姓名", "证件类型", "证件号码", "欠税税种", "欠税余额（元）"]
    rows = []
    for i in range(R.randint(4, 10)):
        n, tg = person_name()
        if "foreign" in tg:
            pv, ptg, lab = passport()
            idc = C((pv, "personal", "passport_or_permit", ptg + ["arrears_notice"]))
            ty = "护照"
        else:
            iv, it, itg = id_value(["arrears_notice"])
            idc = C((iv, "masked" if "already_masked" in itg else "personal", it, itg))
            ty = "居民身份证"
        rows.append(
            [
                C(str(i + 1)),
                C((n, "public", "name", tg + ["published_by_policy", "party"])),
                C(ty),
                idc,
                C(R.choice(["个人所得税", "土地增值税", "契税"])),
                C((amount(), "public", "amount", [])),
            ]
        )
    foot = Doc()
    signoff(foot, bname)
    return table(title, header, rows, layout, foot)


def tbl_abnormal(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title("非正常户公告", bname).t(
        "下列纳税人未按照规定期限办理纳税申报，经税务机关责令限期改正后逾期仍不改正，且经实地检查查无下落，现认定为非正常户，予以公告：\n"
    )
    header = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（业主）",
        "证件号码",
        "生产经营地址",
        "认定日期",
    ]
    rows = []
    for i in range(R.randint(4, 8)):
        n, tg = person_name()
        getihu = R.random() < 0.4
        name = shop(n) if getihu else (company(), False)
        iv, it, itg = id_value()
        rows.append(
            [
                C(str(i + 1)),
                C(
                    (
                        name[0],
                        "public",
                        "shop_name" if getihu else "company_name",
                        ["shop_named_after_owner"] if name[1] else [],
                    )
                ),
                C((gen_uscc("92" if getihu else "91"), "public", "uscc", [])),
                C((n, "public", "name", tg + ["published_by_policy", "legal_rep"])),
                C((iv, "personal", it, itg)),
                C((biz_address(), "public", "business_address", [])),
                C((date(), "public", "date", [])),
            ]
        )
    foot = Doc().t("请上述纳税人接到本公告后立即到主管税务机关办理相关涉税事宜。\n")
    contact_block(foot, bname)
    signoff(foot, bname)
    return table(title, header, rows, layout, foot)


def tbl_service_list(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title("税务文书送达公告", bname).t(
        "下列受送达人因其他方式无法送达，现公告送达以下文书，自公告之日起满30日即视为送达：\n"
    )
    header = ["序号", "受送达人", "纳税人识别号/证件号码", "文书名称", "文书文号", "联系人", "联系电话"]
    rows = []
    for i in range(R.randint(3, 7)):
        ind = R.random() < 0.5
        if ind:
            n, tg = person_name()
            iv, it, itg = id_value()
            a, b = (
                C((n, "public", "name", tg + ["published_by_policy", "party"])),
                C((iv, "personal", it, itg)),
            )
        else:
            a, b = C((company(), "public", "company_name", [])), C((gen_uscc(), "public", "uscc", []))
        on, otg = han_name()
        rows.append(
            [
                C(str(i + 1)),
                a,
                b,
                C(
                    R.choice(
                        [
                            "《税务事项通知书》",
                            "《税务行政处罚决定书》",
                            "《税务处理决定书》",
                            "《责令限期改正通知书》",
                        ]
                    )
                ),
                C((docno(ab, R.choice(["通", "罚", "处"])), "public", "doc_number", [])),
                C((on, "public", "officer_name", otg)),
                C((bureau_phone(), "public", "authority_phone", [])),
            ]
        )
    foot = Doc()
    signoff(foot, bname)
    return table(title, header, rows, layout, foot)


def tbl_sgs_penalty(layout: str) -> Doc:
    bname, ab = bureau()
    title = Doc().t("行政处罚信息公示（双公示）\n")
    header = [
        "行政相对人名称",
        "行政相对人类别",
        "统一社会信用代码",
        "法定代表人",
        "证件号码",
        "行政处罚决定书文号",
        "违法行为类型",
        "处罚内容",
        "罚款金额（万元）",
        "处罚决定日期",
        "处罚机关",
    ]
    rows = []
    for _i in range(R.randint(3, 6)):
        n, tg = person_name()
        kind = R.choice(["法人及非法人组织", "个体工商户", "自然人"])
        if kind == "自然人":
            iv, it, itg = id_value()
            namec, codec, lrc, idc = (
                C((n, "public", "name", tg + ["published_by_policy", "party"])),
                C(""),
                C(""),
                C((iv, "personal", it, itg)),
            )
        elif kind == "个体工商户":
            sh, named = shop(n)
            iv, it, itg = id_value()
            namec, codec = (
                C((sh, "public", "shop_name", ["shop_named_after_owner"] if named else [])),
                C((gen_uscc("92"), "public", "uscc", [])),
            )
            lrc, idc = (
                C((n, "public", "name", tg + ["published_by_policy", "owner"])),
                C((iv, "personal", it, itg)),
            )
        else:
            namec, codec = C((company(), "public", "company_name", [])), C((gen_uscc(), "public", "uscc", []))
            lrc, idc = (
                C((n, "public", "name", tg + ["published_by_policy", "legal_rep"])),
                C(R.choice(["", "——", "/"])),
            )
        rows.append(
            [
                namec,
                C(kind),
                codec,
                lrc,
                idc,
                C((docno(ab, R.choice(["罚", "简罚"])), "public", "doc_number", [])),
                C(R.choice(["未按期申报", "虚开发票", "偷税", "未按规定保管发票"])),
                C("罚款"),
                C((R.choice(["0.02", "0.5", "1.25", "12.8", "0.005"]), "public", "amount", [])),
                C((date(), "public", "date", [])),
                C((bname, "public", "authority_name", [])),
            ]
        )
    return table(title, header, rows, layout, Doc().t("数据来源：").u(bname, "authority_name").t("\n"))


def tbl_sgs_licence(layout: str) -> Doc:
    bname, ab = bureau()
    title = Doc().t("行政许可信息公示（双公示）\n")
    header = [
        "行政相对人名称",
        "统一社会信用代码",
        "法定代表人",
        "许可文书编号",
        "许可内容",
        "许可决定日期",
        "有效期至",
        "许可机关",
        "经办人联系电话",
    ]
    rows = []
    for _i in range(R.randint(3, 6)):
        n, tg = person_name()
        ph, pt = phone()
        rows.append(
            [
                C((company(), "public", "company_name", [])),
                C((gen_uscc(), "public", "uscc", [])),
                C((n, "public", "name", tg + ["published_by_policy", "legal_rep"])),
                C((docno(ab, "许准字"), "public", "doc_number", [])),
                C(
                    R.choice(
                        [
                            "增值税专用发票（增值税税控系统）最高开票限额审批",
                            "对纳税人延期缴纳税款的核准",
                            "对纳税人变更纳税定额的核准",
                        ]
                    )
                ),
                C((date(), "public", "date", [])),
                C((date(), "public", "date", [])),
                C((bname, "public", "authority_name", [])),
                C((ph, "personal", "phone", pt + ["applicant_contact"])),
            ]
        )
    return table(title, header, rows, layout, Doc())


def tbl_first_offense(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title("“首违不罚”案件公示", bname)
    header = ["序号", "纳税人名称", "纳税人识别号", "违法事实", "不予处罚决定书文号", "决定日期", "执法人员"]
    rows = []
    for i in range(R.randint(3, 6)):
        on, otg = han_name()
        if R.random() < 0.4:
            n, tg = person_name()
            iv, it, itg = id_value()
            a, b = (
                C((n, "public", "name", tg + ["published_by_policy", "party"])),
                C((iv, "personal", it, itg)),
            )
        else:
            a, b = C((company(), "public", "company_name", [])), C((gen_uscc(), "public", "uscc", []))
        rows.append(
            [
                C(str(i + 1)),
                a,
                b,
                C(R.choice(["未按期办理纳税申报", "未按规定设置账簿", "未按规定报送财务会计制度"])),
                C((docno(ab, "不罚"), "public", "doc_number", [])),
                C((date(), "public", "date", [])),
                C((on, "public", "officer_name", otg)),
            ]
        )
    return table(title, header, rows, layout, Doc())


def tbl_credit_d(layout: str) -> Doc:
    bname, ab = bureau()
    title = gen_title("2025年度纳税缴费信用D级纳税人名单", bname)
    header = [
        "序号",
        "纳税人名称",
        "统一社会信用代码",
        "法定代表人",
        "直接责任人",
        "直接责任人联系电话",
        "评价年度",
    ]
    rows = []
    for i in range(R.randint(3, 6)):
        n, tg = person_name()
        n2, tg2 = person_name()
        ph, pt = phone()
        rows.append(
            [
                C(str(i + 1)),
                C((company(), "public", "company_name", [])),
                C((gen_uscc(), "public", "uscc", [])),
                C((n, "public", "name", tg + ["published_by_policy", "legal_rep"])),
                C((n2, "personal", "name", tg2 + ["third_party", "doubtful"])),
                C((ph, "personal", "phone", pt)),
                C("2025"),
            ]
        )
    foot = Doc()
    contact_block(foot, bname)
    return table(title, header, rows, layout, foot)


PROSE = [
    cat_simple_penalty_person,
    cat_penalty_company,
    cat_penalty_getihu,
    cat_tax_handling,
    cat_no_penalty,
    cat_hearing,
    cat_reconsideration,
    cat_disclosure_reply,
    cat_tipoff_reply,
    cat_exit_ban,
    cat_enforcement_bank,
    cat_correction_notice,
    cat_service_notice_prose,
    cat_major_violation,
]
TABLES = [
    tbl_arrears_company,
    tbl_arrears_getihu,
    tbl_arrears_person,
    tbl_abnormal,
    tbl_service_list,
    tbl_sgs_penalty,
    tbl_sgs_licence,
    tbl_first_offense,
    tbl_credit_d,
]


def build(i: int) -> dict:
    cats = [(f.__name__[4:], f, None) for f in PROSE] + [(f.__name__[4:], f, "t") for f in TABLES]
    name, f, kind = cats[i % len(cats)]
    if kind:
        layout = TABLE_LAYOUTS[(i // len(cats)) % len(TABLE_LAYOUTS)]
        d = f(layout)
    else:
        layout = R.choice(["prose", "prose", "prose_wrap", "prose_ocr"])
        d = f()
    post = ""
    if layout == "prose_ocr" or (kind and R.random() < 0.1):
        d = ocr_noise(d)
        post = "+ocr" if kind else ""
    text, spans = d.render()
    if layout == "prose_wrap" or (kind and layout in ("key_value", "cell_per_line") and R.random() < 0.25):
        text, spans = hard_wrap(text, spans, R.choice([24, 28, 32, 36, 40]))
        post += "+wrap" if kind else ""
    return {"id": f"s20-{i:03d}", "category": name, "layout": layout + post, "text": text, "spans": spans}


def check(doc: dict) -> None:
    last = 0
    for s in sorted(doc["spans"], key=lambda s: s["start"]):
        assert s["start"] >= last, (doc["id"], s)
        assert s["end"] > s["start"]
        last = s["end"]
        v = doc["text"][s["start"] : s["end"]]
        assert v.strip() == v or s["type"] == "name", (doc["id"], v)
        if (
            s["kind"] != "masked"
            and s["type"] == "id_number"
            and len(v) == 18
            and "ocr_letter" not in s["tags"]
            and "\n" not in v
        ):
            assert id_valid(v), v
        if (
            s["kind"] != "masked"
            and s["type"] == "bank_card"
            and "ocr_letter" not in s["tags"]
            and "\n" not in v
        ):
            assert luhn_ok(v), v
        if s["type"] == "uscc" and s["kind"] == "public" and len(v) == 18 and "\n" not in v:
            assert uscc_check(v[:17]) == v[17], v


def main() -> None:
    docs = []
    for i in range(N_DOCS):
        doc = build(i)
        check(doc)
        for s in doc["spans"]:
            s["value"] = doc["text"][s["start"] : s["end"]]
        docs.append(doc)
    with OUT.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for d in docs:
        for s in d["spans"]:
            kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    print(len(docs), kinds)


if __name__ == "__main__":
    main()
