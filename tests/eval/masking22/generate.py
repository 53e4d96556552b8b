"""Generate masking evaluation set 22: publications as put on a bureau website and 信用中国.

Deterministic (seed 222026), no network. Writes corpus.jsonl next to this file.
All people, bureaus and companies are fictional.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 222026
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

R = random.Random(SEED)

# ---------------------------------------------------------------- validators / value makers
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(first17: str) -> str:
    return ID_C[sum(int(a) * w for a, w in zip(first17, ID_W, strict=True)) % 11]


def valid_id18(s: str) -> bool:
    return len(s) == 18 and s[:17].isdigit() and id_check(s[:17]) == s[17]


AREAS = ["360102", "360111", "360421", "362202", "361002", "440106", "330105", "510107", "650102", "540102"]


def make_id18(want_x: bool | None = None) -> str:
    while True:
        y = R.randint(1955, 2002)
        m = R.randint(1, 12)
        d = R.randint(1, 28)
        s17 = f"{R.choice(AREAS)}{y:04d}{m:02d}{d:02d}{R.randint(0, 999):03d}"
        c = id_check(s17)
        if want_x is None or (c == "X") == want_x:
            return s17 + c


def make_id15() -> str:
    y = R.randint(40, 84)
    return f"{R.choice(AREAS)}{y:02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"


def luhn_ok(s: str) -> bool:
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        t += d
    return t % 10 == 0


def make_card() -> str:
    n = R.choice([16, 19])
    body = R.choice(["622848", "621700", "622202", "623668", "621483"]) + "".join(
        str(R.randint(0, 9)) for _ in range(n - 7)
    )
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(s17: str) -> str:
    t = sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W, strict=True))
    return USCC_CH[(31 - t % 31) % 31]


def valid_uscc(s: str) -> bool:
    return len(s) == 18 and uscc_check(s[:17]) == s[17]


def make_uscc(kind: str = "91") -> str:
    area = R.choice(AREAS)
    mid = "MA" + "".join(R.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    if R.random() < 0.4:
        mid = "".join(R.choice("0123456789") for _ in range(8)) + R.choice("0123456789X")
    s17 = kind + area + mid
    return s17 + uscc_check(s17)


def make_mobile() -> str:
    return (
        R.choice(["13", "15", "18", "17", "19"])
        + str(R.randint(0, 9))
        + "".join(str(R.randint(0, 9)) for _ in range(8))
    )


FW = str.maketrans("0123456789X-", "０１２３４５６７８９Ｘ－")


def fullwidth(s: str) -> str:
    return s.translate(FW)


def write_mobile(m: str) -> tuple[str, list[str]]:
    k = R.random()
    if k < 0.35:
        return m, []
    if k < 0.45:
        return f"{m[:3]} {m[3:7]} {m[7:]}", ["spaced"]
    if k < 0.55:
        return f"{m[:3]}-{m[3:7]}-{m[7:]}", ["hyphenated"]
    if k < 0.65:
        return fullwidth(m), ["fullwidth"]
    if k < 0.75:
        return "+86 " + m, ["plus86"]
    if k < 0.82:
        return "+86-" + m, ["plus86"]
    if k < 0.9:
        return "0086" + m, ["0086"]
    return f"{m[:3]}\n{m[3:]}", ["linebreak"]


def make_landline() -> tuple[str, list[str]]:
    area = R.choice(["0797", "0791", "0795", "021", "0571", "010"])
    n = str(R.randint(2, 8)) + "".join(str(R.randint(0, 9)) for _ in range(7 if len(area) == 3 else 6))
    k = R.random()
    if k < 0.3:
        return f"{area}-{n}", ["landline"]
    if k < 0.45:
        return f"({area}){n}", ["landline"]
    if k < 0.55:
        return f"（{area}）{n}", ["landline"]
    if k < 0.7:
        return f"{area}-{n}转{R.randint(100, 899)}", ["extension"]
    if k < 0.8:
        return f"{area}-{n}-{R.randint(10, 899)}", ["extension"]
    if k < 0.9:
        return fullwidth(f"{area}-{n}"), ["fullwidth"]
    return f"{area} {n[:4]} {n[4:]}", ["spaced"]


def write_id(i: str) -> tuple[str, list[str]]:
    tags = ["id_x"] if i.endswith("X") else []
    k = R.random()
    if k < 0.7:
        return i, tags
    if k < 0.8:
        return fullwidth(i), tags + ["fullwidth"]
    if k < 0.9:
        return f"{i[:6]} {i[6:14]} {i[14:]}", tags + ["spaced"]
    return f"{i[:9]}\n{i[9:]}", tags + ["linebreak"]


def hide_id(i: str) -> str:
    k = R.random()
    if k < 0.5:
        return i[:6] + "********" + i[14:]
    if k < 0.8:
        return i[:6] + "*" * (len(i) - 10) + i[-4:]
    return i[:10] + "****" + i[14:]


def money() -> str:
    v = R.randint(100, 9_999_999) / 100
    k = R.random()
    if k < 0.6:
        return f"{v:,.2f}"
    if k < 0.8:
        return f"{v:.2f}"
    return f"{v / 10000:.2f}"


def date_cn(y: int = 2026) -> str:
    return f"{y}年{R.randint(1, 12)}月{R.randint(1, 28)}日"


def date_iso(y: int = 2026) -> str:
    return f"{y}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"


# ---------------------------------------------------------------- names
SURN = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容", "东方", "皇甫", "令狐", "端木", "尉迟", "公孙", "夏侯"]
GIVEN1 = list("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玲")
GIVEN2 = [
    "建国",
    "志强",
    "秀英",
    "海燕",
    "晓雯",
    "文博",
    "子涵",
    "浩然",
    "雨桐",
    "嘉怡",
    "俊杰",
    "思远",
    "红梅",
    "国庆",
    "立新",
    "春生",
    "玉兰",
    "德明",
]
PLACE_GIVEN = [
    "北京",
    "长江",
    "天津",
    "海南",
    "成都",
    "黄河",
    "泰山",
    "中华",
    "平安",
    "和平",
    "发财",
    "新华",
    "金山",
    "南京",
    "公正",
]
DOTTED = [
    "阿依古丽·买买提",
    "热依拉·艾力",
    "买买提·吐尔逊",
    "古丽娜尔·阿不都",
    "艾尔肯·司马义",
    "努尔兰·哈力克",
    "迪丽娜尔·赛买提",
    "阿不都热合曼·依明",
    "帕提古丽·肉孜",
]
DOTTED_VARIANTS = ["·", "•", "．", "・"]
LATIN = [
    "John SMITH",
    "Maria GARCIA",
    "David LEE",
    "Anna MÜLLER",
    "KIM Min-jun",
    "Peter O'NEIL",
    "Olga Ivanova",
    "Tanaka Hiroshi",
    "NGUYEN Van An",
    "Sarah Brown",
]


def name(style: str | None = None) -> tuple[str, list[str]]:
    s = (
        style
        or R.choices(
            ["two", "three", "compound", "place", "dotted", "latin", "latin_cn", "padded"],
            weights=[18, 30, 12, 10, 8, 6, 6, 10],
        )[0]
    )
    if s == "two":
        return R.choice(SURN) + R.choice(GIVEN1), ["two_char"]
    if s == "three":
        return R.choice(SURN) + R.choice(GIVEN2), []
    if s == "compound":
        g = R.choice(GIVEN1) if R.random() < 0.5 else R.choice(GIVEN2)
        return R.choice(COMPOUND) + g, ["compound_surname"]
    if s == "place":
        return R.choice(SURN) + R.choice(PLACE_GIVEN), ["word_given_name"]
    if s == "dotted":
        n = R.choice(DOTTED).replace("·", R.choice(DOTTED_VARIANTS))
        return n, ["dotted_name"]
    if s == "latin":
        return R.choice(LATIN), ["latin_name"]
    if s == "latin_cn":
        cn = R.choice(SURN) + R.choice(GIVEN2)
        return f"{R.choice(LATIN)}（{cn}）", ["latin_name", "latin_before_cn"]
    # padded
    n = R.choice(SURN) + R.choice(GIVEN1)
    sep = R.choice([" ", "　", "  ", "　　"])
    return n[0] + sep + n[1], ["padded_name", "two_char"]


def cn_name() -> tuple[str, list[str]]:
    return name(R.choice(["two", "three", "three", "compound", "place", "padded"]))


def masked_name() -> str:
    s = R.choice(SURN)
    return R.choice([s + "**", s + "*", s + "某", s + "某某", "XXX", s + "××", R.choice(COMPOUND) + "**"])


# ---------------------------------------------------------------- organisations / places
PROV = "江川省"
CITY = "青枫市"
DISTRICTS = ["澄江区", "鹤岭区", "云溪县", "枫林区", "石门县", "临川新区"]
ROADS = [
    "滨江大道",
    "鹤鸣路",
    "青云街",
    "枫桥路",
    "望湖路",
    "工业大道",
    "文昌路",
    "解放北路",
    "兴业路",
    "五一路",
]
ESTATES = ["锦绣花园", "翠湖苑", "幸福嘉园", "金域华府", "碧桂小区", "江景名都", "和谐家园"]
CO_WORDS = [
    "鑫源",
    "恒达",
    "瑞丰",
    "鼎盛",
    "汇通",
    "润泽",
    "华晟",
    "佳禾",
    "盛世",
    "远航",
    "天成",
    "宏图",
    "锦程",
    "永泰",
    "博远",
]
CO_TRADE = [
    "商贸",
    "建筑工程",
    "科技",
    "物流",
    "餐饮管理",
    "建材",
    "农业开发",
    "电子",
    "医药",
    "劳务服务",
    "装饰工程",
    "供应链",
]
CO_FORM = ["有限公司", "有限责任公司", "股份有限公司"]
SHOP_TRADE = [
    "便利店",
    "五金店",
    "小吃店",
    "建材经营部",
    "汽车修理厂",
    "服装店",
    "水果店",
    "餐馆",
    "理发店",
    "烟酒商行",
]


def company() -> str:
    pre = R.choice([PROV.replace("省", ""), CITY.replace("市", ""), ""])
    return f"{pre}{R.choice(CO_WORDS)}{R.choice(CO_TRADE)}{R.choice(CO_FORM)}"


def biz_address() -> str:
    return f"{PROV}{CITY}{R.choice(DISTRICTS)}{R.choice(ROADS)}{R.randint(1, 399)}号" + R.choice(
        ["", f"{R.randint(1, 30)}层", f"{R.randint(101, 2208)}室", "商铺", f"综合楼{R.randint(1, 5)}栋"]
    )


def home_address() -> str:
    return (
        f"{CITY}{R.choice(DISTRICTS)}{R.choice(ROADS)}{R.randint(1, 399)}号{R.choice(ESTATES)}"
        f"{R.randint(1, 30)}栋{R.randint(1, 4)}单元{R.randint(101, 2806)}室"
    )


BUREAUS = [
    "国家税务总局青枫市税务局",
    "国家税务总局青枫市澄江区税务局",
    "国家税务总局青枫市鹤岭区税务局",
    "国家税务总局云溪县税务局",
    "国家税务总局青枫市税务局第一稽查局",
    "国家税务总局青枫市税务局第二稽查局",
    "国家税务总局石门县税务局第一税务所",
]
BUREAU_ADDR = {b: f"{CITY}{R.choice(DISTRICTS)}{R.choice(ROADS)}{R.randint(1, 200)}号" for b in BUREAUS}
BUREAU_TEL = {b: f"0797-8{R.randint(100000, 999999)}" for b in BUREAUS}
DOC_ABBR = {
    BUREAUS[0]: "青枫税",
    BUREAUS[1]: "青澄税",
    BUREAUS[2]: "青鹤税",
    BUREAUS[3]: "云溪税",
    BUREAUS[4]: "青税一稽",
    BUREAUS[5]: "青税二稽",
    BUREAUS[6]: "石税一所",
}
TAXES = [
    "增值税",
    "企业所得税",
    "个人所得税",
    "城市维护建设税",
    "房产税",
    "城镇土地使用税",
    "印花税",
    "资源税",
    "教育费附加",
]


def docno(b: str, kind: str = "罚") -> str:
    br = R.choice(["〔", "[", "（", "("])
    close = {"〔": "〕", "[": "]", "（": "）", "(": ")"}[br]
    return f"{DOC_ABBR[b]}{kind}{br}{R.choice([2025, 2026])}{close}{R.randint(1, 480)}号"


def cert_no() -> str:
    return R.choice(["36", "36"]) + "".join(str(R.randint(0, 9)) for _ in range(R.choice([9, 11])))


# ---------------------------------------------------------------- builder
class B:
    def __init__(self) -> None:
        self.parts: list[tuple[str, dict | None]] = []

    def t(self, s: str) -> B:
        self.parts.append((s, None))
        return self

    def v(self, s: str, kind: str, typ: str, tags: list[str] | None = None) -> B:
        assert s, (kind, typ)
        self.parts.append((s, {"kind": kind, "type": typ, "tags": list(tags or [])}))
        return self

    # helpers
    def pers(self, s: str, typ: str, tags: list[str] | None = None) -> B:
        return self.v(s, "personal", typ, tags)

    def pub(self, s: str, typ: str, tags: list[str] | None = None) -> B:
        return self.v(s, "public", typ, tags)

    def msk(self, s: str, typ: str, tags: list[str] | None = None) -> B:
        return self.v(s, "masked", typ, tags)

    def build(self) -> tuple[str, list[dict]]:
        text, spans, pos = [], [], 0
        for s, lab in self.parts:
            if lab is not None:
                spans.append({"start": pos, "end": pos + len(s), **lab})
            text.append(s)
            pos += len(s)
        return "".join(text), spans


def hard_wrap(text: str, spans: list[dict], n: int) -> tuple[str, list[dict]]:
    """PDF-style hard wrap: insert a newline after every n characters of a line (also inside values)."""
    out, mapping, col = [], [], 0
    for ch in text:
        if ch == "\n":
            col = 0
        elif col == n:
            out.append("\n")
            col = 0
        mapping.append(len(out))
        out.append(ch)
        if ch != "\n":
            col += 1
    mapping.append(len(out))
    new = "".join(out)
    ns = []
    for sp in spans:
        s, e = mapping[sp["start"]], mapping[sp["end"] - 1] + 1
        sp = dict(sp)
        if "\n" in new[s:e] and "\n" not in text[sp["start"] : sp["end"]]:
            sp["tags"] = sp["tags"] + ["pdf_wrap_inside"]
        sp["start"], sp["end"] = s, e
        ns.append(sp)
    return new, ns


# ---------------------------------------------------------------- page chrome
def chrome_head(b: B, bureau: str, title: str, column: str) -> None:
    b.t(f"首页 > 信息公开 > {column}\n")
    b.t(title + "\n")
    b.t("发布时间：").pub(date_iso(), "date").t("　来源：").pub(bureau, "authority_name")
    b.t("　浏览次数：" + str(R.randint(12, 4000)) + "\n字号：[大] [中] [小]　【打印本页】【关闭窗口】\n\n")


def chrome_foot(b: B, bureau: str) -> None:
    if R.random() < 0.8:
        b.t("\n\n上一篇：")
        prev_titles = [
            "关于公布2026年第二季度欠税纳税人名单的公告",
            "国家税务总局青枫市税务局关于开展税收宣传月活动的通知",
            "行政执法人员名单（" + str(R.randint(2024, 2026)) + "年更新）",
            "关于送达《税务处理决定书》的公告",
        ]
        b.t(R.choice(prev_titles))
        b.t("\n下一篇：")
        if R.random() < 0.3:
            b.t("关于").msk(masked_name(), "masked_name").t(f"等{R.randint(2, 30)}户非正常户认定的公告")
        else:
            b.t(R.choice(prev_titles))
    b.t("\n\n【相关链接】 国家税务总局 | 江川省税务局 | 信用中国\n")
    b.t("主办单位：").pub(bureau, "authority_name")
    b.t(R.choice(["　", "  |  ", "\n"]) + "地址：").pub(BUREAU_ADDR[bureau], "authority_address")
    b.t(R.choice(["　", "  |  ", "\n"]) + "邮编：" + str(R.randint(330000, 339999)))
    b.t(R.choice(["\n", "　"]) + "纳税服务热线：").pub("12366", "authority_phone")
    b.t("　办公室电话：").pub(BUREAU_TEL[bureau], "authority_phone")
    b.t("\n网站标识码：").pub(f"bm29{R.randint(10000000, 99999999)}", "site_code")
    b.t("　").pub(f"京ICP备{R.randint(10000000, 99999999)}号", "icp")
    b.t("　").pub(f"赣公网安备 {R.randint(36010000000000, 36019999999999)}号", "beian")
    b.t("\n网站地址：").pub(
        f"https://jiangchuan.chinatax.gov.cn/qingfeng/index{R.randint(1, 99)}.html", "url"
    )
    b.t("\n")


# ---------------------------------------------------------------- record helpers
def person_party(b_rows: list, role_kind: str = "public", tags: list[str] | None = None):
    n, t = name()
    return n, t


def emit_cells(
    b: B, cells: list[tuple], layout: str, header: list[str] | None = None, last: bool = False
) -> None:
    """cells: list of (text, kind|None, type, tags)."""
    seps = {"tab": "\t", "pipe": " | ", "cell_per_line": "\n", "space": "  "}
    sep = seps[layout]
    if layout == "pipe":
        b.t("| ")
    for i, (s, kind, typ, tags) in enumerate(cells):
        if i:
            b.t(sep)
        if kind is None:
            b.t(s)
        else:
            b.v(s, kind, typ, tags)
    if layout == "pipe":
        b.t(" |")
    b.t("\n\n" if layout == "cell_per_line" else "\n")


def emit_header(b: B, header: list[str], layout: str) -> None:
    seps = {"tab": "\t", "pipe": " | ", "cell_per_line": "\n", "space": "  "}
    b.t(("| " if layout == "pipe" else "") + seps[layout].join(header) + (" |" if layout == "pipe" else ""))
    b.t("\n\n" if layout == "cell_per_line" else "\n")
    if layout == "pipe":
        b.t("|" + "---|" * len(header) + "\n")


def id_cell(full_prob: float = 0.5) -> tuple:
    """ID of a person as published: full (personal) or birth-date-hidden (masked)."""
    r = R.random()
    if r < full_prob:
        k = R.random()
        if k < 0.12:
            return (make_id15(), "personal", "id15", ["id15"])
        if k < 0.3:
            s, tg = write_id(make_id18(want_x=True))
            return (s, "personal", "id18", tg)
        s, tg = write_id(make_id18())
        return (s, "personal", "id18", tg)
    return (hide_id(make_id18()), "masked", "masked_id", [])


# ---------------------------------------------------------------- document kinds
def doc_arrears(layout: str) -> B:
    b = B()
    bureau = R.choice(BUREAUS[:4])
    q = R.randint(1, 4)
    title = f"{bureau}关于公布2026年第{q}季度欠税情况的公告"
    chrome_head(b, bureau, title, "欠税公告")
    b.t(f"{bureau}公告2026年第{R.randint(1, 30)}号\n\n")
    b.t("根据《中华人民共和国税收征收管理法》第四十五条和《欠税公告办法（试行）》的规定，现将截至")
    b.pub(date_cn(), "date").t("欠缴税款的纳税人名单公告如下：\n\n")
    header = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人、业主）姓名",
        "身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额（元）",
        "本期新发生欠税（元）",
    ]
    emit_header(b, header, layout)
    nrows = R.randint(6, 12)
    for i in range(1, nrows + 1):
        if i > 1 and i % 5 == 1 and layout != "cell_per_line" and R.random() < 0.6:
            emit_header(b, header, layout)  # header repeated (list page)
        kind = R.random()
        cells: list[tuple] = [(str(i), None, "", [])]
        if kind < 0.45:
            co = company()
            rep, rt = name()
            cells += [(co, "public", "company", []), (make_uscc(), "public", "uscc", [])]
            cells += [(rep, "public", "party_name", rt + ["published_by_policy", "legal_rep"])]
            cells.append(id_cell(0.5))
        elif kind < 0.85:
            owner, ot = cn_name()
            plain_owner = owner.replace(" ", "").replace("　", "")
            shop = (
                plain_owner + R.choice(SHOP_TRADE)
                if R.random() < 0.5
                else f"{CITY}{R.choice(DISTRICTS)}{R.choice(CO_WORDS)}{R.choice(SHOP_TRADE)}"
            )
            named = shop.startswith(plain_owner)
            cells.append((shop, "public", "shop", ["shop_named_after_owner"] if named else []))
            idv = make_id18()
            tin = idv + R.choice(["01", "02", "00"]) if R.random() < 0.6 else None
            if tin:
                cells.append((tin, "personal", "taxpayer_no_person", ["id_plus_2"]))
            else:
                cells.append((make_uscc("92"), "public", "uscc", ["individual_business"]))
            cells.append(
                (
                    owner,
                    "public",
                    "party_name",
                    ot + ["published_by_policy", "operator"] + (["owner_of_named_shop"] if named else []),
                )
            )
            cells.append(id_cell(0.6))
        else:
            p, pt = cn_name()
            cells.append((p, "public", "party_name", pt + ["published_by_policy", "natural_person"]))
            cells.append((make_id18() + "01", "personal", "taxpayer_no_person", ["id_plus_2"]))
            cells.append(
                (
                    p,
                    "public",
                    "party_name",
                    pt + ["published_by_policy", "natural_person", "name_repeated_in_row"],
                )
            )
            cells.append(id_cell(0.7))
        cells.append((biz_address(), "public", "business_address", []))
        cells.append((R.choice(TAXES), None, "", []))
        cells.append((money(), "public", "amount", []))
        cells.append((money(), "public", "amount", []))
        emit_cells(b, cells, layout)
    b.t("\n特此公告。\n\n")
    b.pub(bureau, "authority_name").t("\n").pub(date_cn(), "date").t("\n")
    chrome_foot(b, bureau)
    return b


def doc_abnormal(layout: str) -> B:
    b = B()
    bureau = R.choice(BUREAUS[:4] + BUREAUS[6:])
    chrome_head(b, bureau, f"{bureau}非正常户认定公告", "通知公告")
    b.t("下列纳税人未按照规定期限办理纳税申报，经税务机关责令限期改正后逾期仍未改正，经实地核查，查无下落，")
    b.t(
        "根据《税务登记管理办法》第四十条的规定，已认定为非正常户。现予以公告。\n如有疑问，请联系主管税务机关，联系电话："
    )
    b.pub(BUREAU_TEL[bureau], "authority_phone").t("。\n\n")
    header = [
        "序号",
        "纳税人名称",
        "纳税人识别号/统一社会信用代码",
        "法定代表人（负责人）",
        "证件号码",
        "经营地址",
        "认定日期",
    ]
    emit_header(b, header, layout)
    for i in range(1, R.randint(6, 12) + 1):
        if i > 1 and i % 6 == 1 and layout != "cell_per_line" and R.random() < 0.6:
            emit_header(b, header, layout)
        cells: list[tuple] = [(str(i), None, "", [])]
        r = R.random()
        rep, rt = name()
        if r < 0.5:
            cells += [(company(), "public", "company", []), (make_uscc(), "public", "uscc", [])]
        elif r < 0.6:
            # old 15-char enterprise taxpayer number with letters (not an ID)
            tn = (
                R.choice(AREAS)
                + "".join(R.choice("0123456789") for _ in range(6))
                + R.choice("ABCDEFGHJK")
                + R.choice("0123456789")
                + R.choice("0123456789X")
            )
            cells += [(company(), "public", "company", []), (tn, "public", "taxpayer_no_org", ["old_15"])]
        else:
            plain = rep.replace(" ", "").replace("　", "")
            named = R.random() < 0.5 and "（" not in plain
            shop = (
                (plain + R.choice(SHOP_TRADE))
                if named
                else f"{CITY}{R.choice(DISTRICTS)}{R.choice(CO_WORDS)}{R.choice(SHOP_TRADE)}"
            )
            cells.append((shop, "public", "shop", ["shop_named_after_owner"] if named else []))
            cells.append(
                (make_id18() + "0" + str(R.randint(0, 2)), "personal", "taxpayer_no_person", ["id_plus_2"])
            )
        cells.append((rep, "public", "party_name", rt + ["published_by_policy", "legal_rep"]))
        cells.append(id_cell(0.55))
        cells.append((biz_address(), "public", "business_address", []))
        cells.append((date_iso() if R.random() < 0.5 else date_cn(), "public", "date", []))
        emit_cells(b, cells, layout)
    b.t("\n").pub(bureau, "authority_name").t("\n").pub(date_cn(), "date").t("\n")
    chrome_foot(b, bureau)
    return b


def doc_blacklist(layout: str) -> B:
    b = B()
    bureau = R.choice(BUREAUS[:4])
    chrome_head(b, bureau, "重大税收违法失信主体信息公布（" + date_iso() + "）", "重大税收违法失信主体")
    sep = "：" if layout == "kv" else "\t"
    nl = "\n"
    natural = R.random() < 0.3
    if natural:
        p, pt = name()
        b.t("纳税人名称" + sep).pub(p, "party_name", pt + ["published_by_policy", "natural_person"]).t(nl)
        b.t("性别" + sep + R.choice(["男", "女"]) + nl)
        b.t("证件名称" + sep + "居民身份证" + nl)
        b.t("证件号码" + sep)
        s, k, ty, tg = id_cell(0.2)
        b.v(s, k, ty, tg).t(nl)
        if R.random() < 0.5:
            b.t("纳税人识别号" + sep).pers(make_id18() + "01", "taxpayer_no_person", ["id_plus_2"]).t(nl)
    else:
        b.t("纳税人名称" + sep).pub(company(), "company").t(nl)
        b.t("统一社会信用代码（纳税人识别号）" + sep).pub(make_uscc(), "uscc").t(nl)
        b.t("注册地址" + sep).pub(biz_address(), "business_address").t(nl)
        rep, rt = name()
        b.t("违法期间法定代表人或者负责人姓名" + sep).pub(
            rep, "party_name", rt + ["published_by_policy", "legal_rep"]
        )
        b.t("，性别" + sep + R.choice(["男", "女"]) + "，证件名称" + sep + "居民身份证，证件号码" + sep)
        s, k, ty, tg = id_cell(0.25)
        b.v(s, k, ty, tg).t(nl)
        fin, ft = name()
        b.t("负有直接责任的财务负责人姓名" + sep).pub(
            fin, "party_name", ft + ["published_by_policy", "finance_head"]
        )
        b.t("，性别" + sep + R.choice(["男", "女"]) + "，证件名称" + sep + "居民身份证，证件号码" + sep)
        s, k, ty, tg = id_cell(0.25)
        b.v(s, k, ty, tg).t(nl)
        if R.random() < 0.4:
            b.t("负有直接责任的中介机构信息及其从业人员信息" + sep).pub(
                company().replace("有限公司", "税务师事务所有限公司"), "company"
            )
            ag, at = name()
            b.t("，从业人员").pub(ag, "party_name", at + ["published_by_policy", "agent_staff"]).t(nl)
        else:
            b.t("负有直接责任的中介机构信息及其从业人员信息" + sep + "无" + nl)
    b.t("主要违法事实" + sep + "经").pub(
        bureau.replace("税务局", "税务局第一稽查局") if "稽查" not in bureau else bureau, "authority_name"
    )
    b.t("检查，发现其在").pub(date_cn(2024), "date").t("至").pub(date_cn(2025), "date")
    b.t(f"期间，主要存在以下问题：虚开增值税专用发票{R.randint(10, 300)}份，")
    b.t("发票代码").pub(str(R.randint(10**11, 10**12 - 1)), "invoice_code").t("、发票号码").pub(
        f"{R.randint(0, 99999999):08d}", "invoice_no"
    )
    b.t("等，金额").pub(money(), "amount").t("元，税额").pub(money(), "amount").t("元；")
    b.t("另取得数电发票号码").pub(
        "2636" + "".join(str(R.randint(0, 9)) for _ in range(16)), "invoice_no", ["twenty_digits"]
    )
    b.t("。" + nl)
    b.t(
        "相关法律依据及税务处理处罚情况"
        + sep
        + "依照《中华人民共和国税收征收管理法》等相关法律法规的有关规定，对其处以追缴税款"
    )
    b.pub(money(), "amount").t("元的行政处理、处以罚款").pub(money(), "amount").t("元的行政处罚（").pub(
        docno(bureau), "doc_no"
    ).t("）。" + nl)
    if R.random() < 0.5:
        w, wt = name()
        b.t("（检查中，该单位开票员").pers(w, "name", wt + ["third_party"]).t(
            "称相关发票由其本人在家中开具，其住址为"
        )
        b.pers(home_address(), "home_address").t("，联系电话")
        m, mt = write_mobile(make_mobile())
        b.pers(m, "mobile", mt).t("。）" + nl)
    b.t("确定失信主体的税务机关" + sep).pub(bureau, "authority_name").t(nl)
    chrome_foot(b, bureau)
    return b


def doc_xyzg_penalty(layout: str) -> B:
    """信用中国 双公示 行政处罚 record (detail page copied as text)."""
    b = B()
    bureau = R.choice(BUREAUS)
    b.t("信用中国 > 信用信息 > 双公示 > 行政处罚\n行政处罚信息详情\n\n")
    fields: list[tuple[str, list[tuple]]] = []
    cat = R.choice(["法人及非法人组织", "自然人", "个体工商户"])
    fields.append(("行政相对人类别", [(cat, None, "", [])]))
    if cat == "法人及非法人组织":
        rep, rt = name()
        fields.append(("行政相对人名称", [(company(), "public", "company", [])]))
        fields.append(("统一社会信用代码", [(make_uscc(), "public", "uscc", [])]))
        fields.append(
            ("法定代表人", [(rep, "public", "party_name", rt + ["published_by_policy", "legal_rep"])])
        )
        fields.append(("法定代表人证件类型", [("身份证", None, "", [])]))
        fields.append(("法定代表人证件号码", [id_cell(0.4)]))
    elif cat == "个体工商户":
        rep, rt = cn_name()
        plain = rep.replace(" ", "").replace("　", "")
        shop = plain + R.choice(SHOP_TRADE)
        fields.append(("行政相对人名称", [(shop, "public", "shop", ["shop_named_after_owner"])]))
        fields.append(("统一社会信用代码", [(make_uscc("92"), "public", "uscc", ["individual_business"])]))
        fields.append(
            (
                "法定代表人",
                [
                    (
                        rep,
                        "public",
                        "party_name",
                        rt + ["published_by_policy", "operator", "owner_of_named_shop"],
                    )
                ],
            )
        )
        fields.append(("法定代表人证件类型", [("身份证", None, "", [])]))
        fields.append(("法定代表人证件号码", [id_cell(0.5)]))
    else:
        p, pt = name()
        fields.append(
            ("行政相对人名称", [(p, "public", "party_name", pt + ["published_by_policy", "natural_person"])])
        )
        typ = R.random()
        if typ < 0.6:
            fields.append(("证件类型", [("身份证", None, "", [])]))
            fields.append(("证件号码", [id_cell(0.6)]))
        elif typ < 0.75:
            fields.append(("证件类型", [("护照", None, "", [])]))
            fields.append(
                (
                    "证件号码",
                    [
                        (
                            R.choice("EGP") + "".join(str(R.randint(0, 9)) for _ in range(8)),
                            "personal",
                            "passport",
                            [],
                        )
                    ],
                )
            )
        elif typ < 0.9:
            fields.append(("证件类型", [("港澳居民来往内地通行证", None, "", [])]))
            fields.append(
                (
                    "证件号码",
                    [
                        (
                            R.choice("HM")
                            + "".join(str(R.randint(0, 9)) for _ in range(8))
                            + R.choice(["", "00", "01"]),
                            "personal",
                            "hk_macao_permit",
                            [],
                        )
                    ],
                )
            )
        else:
            fields.append(("证件类型", [("台湾居民来往大陆通行证", None, "", [])]))
            fields.append(
                (
                    "证件号码",
                    [("".join(str(R.randint(0, 9)) for _ in range(8)), "personal", "taiwan_permit", [])],
                )
            )
    fields.append(("行政处罚决定书文号", [(docno(bureau), "public", "doc_no", [])]))
    fields.append(
        (
            "违法行为类型",
            [
                (
                    R.choice(
                        [
                            "未按照规定期限办理纳税申报和报送纳税资料",
                            "虚开发票",
                            "偷税",
                            "未按规定开具发票",
                            "丢失发票",
                        ]
                    ),
                    None,
                    "",
                    [],
                )
            ],
        )
    )
    fields.append(
        (
            "违法事实",
            [(R.choice(["当事人未按规定期限办理", "当事人于"]) + "2026年度相关纳税申报", None, "", [])],
        )
    )
    fields.append(("处罚依据", [("《中华人民共和国税收征收管理法》第六十二条", None, "", [])]))
    fields.append(
        ("处罚类别", [(R.choice(["罚款", "警告;罚款", "没收违法所得、没收非法财物"]), None, "", [])])
    )
    amt = money()
    fields.append(("处罚内容", [("罚款", None, "", []), (amt, "public", "amount", []), ("元", None, "", [])]))
    fields.append(("罚款金额（万元）", [(f"{R.randint(1, 5000) / 10000:.4f}", "public", "amount", [])]))
    fields.append(("处罚决定日期", [(date_iso(), "public", "date", [])]))
    fields.append(("处罚有效期", [(date_iso(2027), "public", "date", [])]))
    fields.append(("公示截止期", [(date_iso(2027), "public", "date", [])]))
    fields.append(("处罚机关", [(bureau, "public", "authority_name", [])]))
    fields.append(("处罚机关统一社会信用代码", [(make_uscc("11"), "public", "uscc", ["authority_code"])]))
    fields.append(("数据来源单位", [(bureau, "public", "authority_name", [])]))
    fields.append(("数据来源单位统一社会信用代码", [(make_uscc("11"), "public", "uscc", ["authority_code"])]))
    fields.append(("备注", [("—", None, "", [])]))
    emit_fields(b, fields, layout)
    b.t("\n数据更新时间：").pub(date_iso(), "date").t(
        "\n信用中国网站主办单位：国家发展和改革委员会　国家公共信用信息中心\n"
    )
    b.t("网站标识码：").pub("bm04000007", "site_code").t("　").pub(
        f"京ICP备{R.randint(10000000, 99999999)}号", "icp"
    ).t("\n")
    return b


def emit_fields(b: B, fields: list[tuple[str, list[tuple]]], layout: str) -> None:
    for label, vals in fields:
        if layout == "kv":
            b.t(label + "：")
        elif layout == "cell_per_line":
            b.t(label + "\n")
        elif layout == "tab":
            b.t(label + "\t")
        elif layout == "pipe":
            b.t("| " + label + " | ")
        else:  # space aligned
            b.t(label + " " * max(2, 24 - 2 * len(label)))
        for s, k, ty, tg in vals:
            if k is None:
                b.t(s)
            else:
                b.v(s, k, ty, tg)
        b.t(" |\n" if layout == "pipe" else "\n")


def doc_xyzg_permit(layout: str) -> B:
    b = B()
    bureau = R.choice(BUREAUS[:4] + BUREAUS[6:])
    b.t("信用中国 > 信用信息 > 双公示 > 行政许可\n行政许可信息详情\n\n")
    fields: list[tuple[str, list[tuple]]] = []
    indiv = R.random() < 0.45
    if indiv:
        rep, rt = cn_name()
        plain = rep.replace(" ", "").replace("　", "")
        fields.append(
            ("行政相对人名称", [(plain + R.choice(SHOP_TRADE), "public", "shop", ["shop_named_after_owner"])])
        )
        fields.append(("行政相对人类别", [("个体工商户", None, "", [])]))
        fields.append(
            (
                "行政相对人代码_1(统一社会信用代码)",
                [(make_uscc("92"), "public", "uscc", ["individual_business"])],
            )
        )
        fields.append(
            (
                "法定代表人",
                [
                    (
                        rep,
                        "public",
                        "party_name",
                        rt + ["published_by_policy", "operator", "owner_of_named_shop"],
                    )
                ],
            )
        )
        fields.append(("法定代表人证件号码", [id_cell(0.5)]))
    else:
        rep, rt = name()
        fields.append(("行政相对人名称", [(company(), "public", "company", [])]))
        fields.append(("行政相对人类别", [("法人及非法人组织", None, "", [])]))
        fields.append(("行政相对人代码_1(统一社会信用代码)", [(make_uscc(), "public", "uscc", [])]))
        fields.append(
            ("法定代表人", [(rep, "public", "party_name", rt + ["published_by_policy", "legal_rep"])])
        )
    fields.append(("行政许可决定书文号", [(docno(bureau, "许准字"), "public", "doc_no", [])]))
    fields.append(
        (
            "项目名称",
            [
                (
                    R.choice(
                        [
                            "增值税专用发票（增值税税控系统）最高开票限额审批",
                            "对纳税人延期缴纳税款的核准",
                            "对纳税人延期申报的核准",
                        ]
                    ),
                    None,
                    "",
                    [],
                )
            ],
        )
    )
    fields.append(("许可类别", [(R.choice(["普通", "核准", "其他"]), None, "", [])]))
    fields.append(("许可证书名称", [("准予税务行政许可决定书", None, "", [])]))
    fields.append(("许可编号", [(docno(bureau, "许准字"), "public", "doc_no", ["permit_no"])]))
    fields.append(("许可内容", [("最高开票限额" + R.choice(["十万元", "一百万元", "一万元"]), None, "", [])]))
    fields.append(("许可决定日期", [(date_iso(), "public", "date", [])]))
    fields.append(("有效期自", [(date_iso(), "public", "date", [])]))
    fields.append(("有效期至", [("2099-12-31", "public", "date", [])]))
    fields.append(("许可机关", [(bureau, "public", "authority_name", [])]))
    fields.append(("许可机关统一社会信用代码", [(make_uscc("11"), "public", "uscc", ["authority_code"])]))
    fields.append(("当前状态", [("有效", None, "", [])]))
    if R.random() < 0.8:
        c, ct = name()
        m, mt = write_mobile(make_mobile())
        fields.append(
            ("经办人（申请材料联系人）", [(c, "personal", "name", ct + ["contact_person", "doubtful"])])
        )
        fields.append(("联系电话", [(m, "personal", "mobile", mt)]))
    emit_fields(b, fields, layout)
    b.t("\n数据来源：").pub(bureau, "authority_name").t("\n")
    return b


def doc_penalty_prose(layout: str) -> B:
    b = B()
    bureau = R.choice(BUREAUS)
    no = docno(bureau)
    chrome_head(b, bureau, f"{bureau}税务行政处罚决定书（{no}）", "行政执法公示 > 事后公开")
    b.pub(bureau, "authority_name").t("\n税务行政处罚决定书\n").pub(no, "doc_no").t("\n\n")
    p, pt = name()
    indiv_shop = R.random() < 0.4
    if indiv_shop:
        plain = p.replace(" ", "").replace("　", "")
        shop = plain + R.choice(SHOP_TRADE)
        b.pub(shop, "shop", ["shop_named_after_owner"]).t("（经营者：").pub(
            p, "party_name", pt + ["published_by_policy", "operator", "owner_of_named_shop"]
        ).t("）：\n")
    else:
        b.pub(p, "party_name", pt + ["published_by_policy", "natural_person"]).t("：\n")
    b.t("（纳税人识别号：")
    b.pers(make_id18(R.random() < 0.3) + "01", "taxpayer_no_person", ["id_plus_2"])
    if "latin_name" in pt and "latin_before_cn" not in pt:
        b.t("；护照号码：").pers(
            R.choice("EGP") + "".join(str(R.randint(0, 9)) for _ in range(8)), "passport"
        )
    elif R.random() < 0.1:
        b.t("；港澳居民来往内地通行证号码：").pers(
            R.choice("HM") + "".join(str(R.randint(0, 9)) for _ in range(8)), "hk_macao_permit"
        )
    else:
        b.t("；身份证件号码：")
        s, k, ty, tg = id_cell(0.85)
        b.v(s, k, ty, tg)
    b.t("；住址：").pers(home_address(), "home_address")
    b.t("；联系电话：")
    if R.random() < 0.6:
        m, mt = write_mobile(make_mobile())
        b.pers(m, "mobile", mt)
    else:
        ll, lt = make_landline()
        b.pers(ll, "landline", lt)
    b.t("）\n")
    b.t("经我局（所）于").pub(date_cn(), "date").t("至").pub(date_cn(), "date").t("对你（单位）")
    b.pub(date_cn(2024), "date").t("至").pub(date_cn(2025), "date").t(
        "期间的涉税情况进行检查，发现你（单位）存在违法事实如下：\n"
    )
    b.t("你于2025年取得劳务报酬收入")
    b.pub(money(), "amount").t("元，未按规定申报个人所得税，少缴税款").pub(money(), "amount").t("元。")
    if R.random() < 0.95:
        w, wt = name()
        rel = R.choice(["你的配偶", "你的会计", "证人", "你的亲属", "收款人"])
        b.t(f"经调取银行流水，上述款项由{rel}").pers(w, "name", wt + ["third_party"]).t("名下银行卡")
        b.pers(make_card(), "bank_card", ["luhn"]).t("收取")
        if R.random() < 0.4:
            b.t("；").pers(w, "name", wt + ["third_party", "repeated"]).t("称其另有一账户")
            acct = "".join(str(R.randint(0, 9)) for _ in range(R.choice([17, 19, 21])))
            acct = " ".join(acct[i : i + 4] for i in range(0, len(acct), 4)) if R.random() < 0.5 else acct
            b.pers(acct, "bank_account", ["spaced"] if " " in acct else [])
        b.t("。")
        if R.random() < 0.5:
            e = f"{R.choice(['zhang', 'liwei', 'hm', 'yang', 'ouyang', 'qq'])}{R.randint(1, 9999)}"
            at = R.choice(["@", "＠", "@"])
            dom = R.choice(["163.com", "qq.com", "126.com", "sina.com", "foxmail.com"])
            b.t("其电子邮箱为").pers(f"{e}{at}{dom}", "email", ["fullwidth_at"] if at == "＠" else [])
            b.t("。")
    if R.random() < 0.6:
        c, ct = name()
        m, mt = write_mobile(make_mobile())
        b.t("你指定的送达代收人为").pers(c, "name", ct + ["third_party", "contact_person"]).t(
            "，联系电话"
        ).pers(m, "mobile", mt)
        b.t("，送达地址").pers(home_address(), "home_address").t("。")
    if R.random() < 0.6:
        b.t("另查明，你与上游企业").msk(R.choice(["9136", "9144", "9151"]) + "****", "masked_uscc").t(
            "（法定代表人"
        ).msk(masked_name(), "masked_name")
        b.t("，联系电话").msk(make_mobile()[:3] + "****" + str(R.randint(1000, 9999)), "masked_phone").t(
            "）存在资金往来。"
        )
    b.t("\n以上事实有").pub(docno(bureau, "检通一"), "doc_no").t(
        "《税务检查通知书》、询问笔录、发票（发票代码"
    )
    b.pub(str(R.randint(10**11, 10**12 - 1)), "invoice_code").t("，发票号码").pub(
        f"{R.randint(0, 99999999):08d}", "invoice_no"
    ).t("）等证据证明。\n")
    b.t("根据《中华人民共和国税收征收管理法》第六十三条第一款的规定，对你处少缴税款百分之五十的罚款，计").pub(
        money(), "amount"
    ).t("元。\n")
    b.t("限你（单位）自本决定书送达之日起十五日内到").pub(bureau, "authority_name").t(
        "缴纳入库。到期不缴纳罚款，我局（所）可依照《中华人民共和国行政处罚法》第七十二条第一款第（一）项规定，每日按罚款数额的百分之三加处罚款。\n"
    )
    b.t("如对本决定不服，可以自收到本决定书之日起六十日内依法向").pub(
        R.choice(BUREAUS[:1]) if "稽查" in bureau else "国家税务总局江川省税务局", "authority_name"
    )
    b.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n\n")
    b.t("（税务机关印章）\n").pub(date_cn(), "date").t("\n")
    b.t("本机关地址：").pub(BUREAU_ADDR[bureau], "authority_address").t("　联系电话：").pub(
        BUREAU_TEL[bureau], "authority_phone"
    ).t("\n")
    chrome_foot(b, bureau)
    return b


def doc_gongkai_reply(layout: str) -> B:
    b = B()
    bureau = R.choice(BUREAUS[:4])
    no = f"{DOC_ABBR[bureau]}依公开〔2026〕{R.randint(1, 120)}号"
    chrome_head(b, bureau, "政府信息公开申请答复书（" + no + "）", "政府信息公开 > 依申请公开")
    b.pub(bureau, "authority_name").t("\n政府信息公开申请答复书\n").pub(no, "doc_no").t("\n\n")
    app, at = name()
    shop_case = R.random() < 0.35 and "（" not in app
    b.pers(app, "name", at + ["applicant"]).t("：\n")
    b.t("本机关于").pub(date_cn(), "date").t("收到您通过")
    b.t(R.choice(["信函", "在线申请平台", "当面"]) + "方式提交的《政府信息公开申请表》（申请人：")
    b.pers(app, "name", at + ["applicant", "repeated"])
    if shop_case:
        plain = app.replace(" ", "").replace("　", "")
        b.t("，").pub(plain + R.choice(SHOP_TRADE), "shop", ["shop_named_after_owner"]).t("经营者")
    b.t("，身份证号码：")
    s, tg = write_id(make_id18(R.random() < 0.3))
    b.pers(s, "id18", tg)
    b.t("，联系电话：")
    m, mt = write_mobile(make_mobile())
    b.pers(m, "mobile", mt)
    if R.random() < 0.5:
        ll, lt = make_landline()
        b.t("、").pers(ll, "landline", lt)
    b.t("，通讯地址：").pers(home_address(), "home_address")
    if R.random() < 0.6:
        e = f"{R.choice(['wang', 'li.na', 'appl', 'xx_user', 'chen88'])}{R.randint(1, 999)}"
        at_ = R.choice(["@", "＠"])
        b.t("，电子邮箱：").pers(
            f"{e}{at_}{R.choice(['163.com', 'qq.com', 'outlook.com'])}",
            "email",
            ["fullwidth_at"] if at_ == "＠" else [],
        )
    b.t("），申请获取“").pub(company(), "company").t("2025年度纳税信用评价结果”的信息。\n")
    b.t(
        "经审查，现答复如下：\n您申请获取的信息属于第三方商业秘密，根据《中华人民共和国政府信息公开条例》第十五条的规定，本机关书面征求了第三方意见，第三方不同意公开，决定不予公开。\n"
    )
    if R.random() < 0.5:
        b.t("您同时提出的关于").msk(masked_name(), "masked_name").t("行政处罚决定书（").pub(
            docno(bureau), "doc_no"
        ).t("）的申请，该信息已在本机关网站主动公开，网址为")
        b.pub(
            f"https://jiangchuan.chinatax.gov.cn/qingfeng/c{R.randint(100000, 999999)}/content.html", "url"
        ).t("。\n")
    b.t("如对本答复不服，可以自收到本答复之日起六十日内向").pub(
        "国家税务总局江川省税务局", "authority_name"
    ).t("申请行政复议，或者在六个月内向")
    b.t(CITY + R.choice(DISTRICTS) + "人民法院提起行政诉讼。\n\n")
    b.pub(bureau, "authority_name").t("（政府信息公开专用章）\n").pub(date_cn(), "date").t("\n")
    b.t("联系部门：办公室　联系电话：").pub(BUREAU_TEL[bureau], "authority_phone")
    b.t("　电子邮箱：").pub(f"xxgk{R.randint(1, 9)}@qingfeng.chinatax.gov.cn", "authority_email").t("\n")
    chrome_foot(b, bureau)
    return b


def doc_enforce_pre(layout: str) -> B:
    """事前公示: 执法主体 and 执法人员 lists."""
    b = B()
    bureau = R.choice(BUREAUS)
    chrome_head(b, bureau, f"{bureau}行政执法人员信息公示", "行政执法公示 > 事前公开")
    b.t("一、执法主体\n")
    emit_header(b, ["执法主体名称", "主要职责", "办公地址", "联系电话"], layout)
    for bb in R.sample(BUREAUS, 3):
        emit_cells(
            b,
            [
                (bb, "public", "authority_name", []),
                ("负责辖区内税收征收管理", None, "", []),
                (BUREAU_ADDR[bb], "public", "authority_address", []),
                (BUREAU_TEL[bb], "public", "authority_phone", []),
            ],
            layout,
        )
    b.t("\n二、执法人员（持有税务检查证）\n")
    header = ["序号", "姓名", "单位", "执法证号", "执法类别"]
    emit_header(b, header, layout)
    for i in range(1, R.randint(8, 16) + 1):
        if i > 1 and i % 7 == 1 and layout != "cell_per_line" and R.random() < 0.6:
            emit_header(b, header, layout)
        n, nt = name(R.choice(["two", "three", "three", "compound", "dotted", "padded", "place"]))
        emit_cells(
            b,
            [
                (str(i), None, "", []),
                (n, "public", "officer_name", nt + ["published_by_policy", "officer"]),
                (R.choice(BUREAUS), "public", "authority_name", []),
                (cert_no(), "public", "cert_no", ["published_by_policy"]),
                (R.choice(["税务检查", "税务行政执法"]), None, "", []),
            ],
            layout,
        )
    chrome_foot(b, bureau)
    return b


def doc_enforce_mid(layout: str) -> B:
    """事中公示 / 送达公告 text: officers shown, party's contact details (not published)."""
    b = B()
    bureau = R.choice(BUREAUS[4:6])
    chrome_head(b, bureau, f"{bureau}税务文书送达公告", "行政执法公示 > 事中公示")
    co = company()
    b.pub(co, "company").t("（统一社会信用代码：").pub(make_uscc(), "uscc").t("）：\n")
    b.t("我局依法对你单位").pub(date_cn(2025), "date").t("至").pub(date_cn(2025), "date").t(
        "期间涉税情况进行检查，因无法联系到你单位及法定代表人"
    )
    rep, rt = name()
    b.pub(rep, "party_name", rt + ["published_by_policy", "legal_rep"])
    b.t("（身份证件号码：")
    s, k, ty, tg = id_cell(0.5)
    b.v(s, k, ty, tg)
    b.t("），经向你单位登记的财务负责人")
    f, ft = name()
    b.pers(f, "name", ft + ["contact_person", "third_party"]).t("（联系电话：")
    m, mt = write_mobile(make_mobile())
    b.pers(m, "mobile", mt).t("）、办税人员")
    g, gt = name()
    b.pers(g, "name", gt + ["contact_person", "third_party"]).t("（联系电话：")
    ll, lt = make_landline()
    b.pers(ll, "landline", lt).t("）联系，均无人应答。")
    b.t(
        "根据《中华人民共和国税收征收管理法实施细则》第一百零六条的规定，现向你单位公告送达《税务检查通知书》（"
    )
    b.pub(docno(bureau, "检通一"), "doc_no").t("）。自公告之日起满三十日，即视为送达。\n")
    b.t("执法人员：")
    o1, o1t = name(R.choice(["two", "three", "compound", "padded"]))
    o2, o2t = name(R.choice(["three", "dotted", "place"]))
    b.pub(o1, "officer_name", o1t + ["published_by_policy", "officer"]).t("（执法证号：").pub(
        cert_no(), "cert_no", ["published_by_policy"]
    ).t("）、")
    b.pub(o2, "officer_name", o2t + ["published_by_policy", "officer"]).t("（执法证号：").pub(
        cert_no(), "cert_no", ["published_by_policy"]
    ).t("）\n")
    b.t("联系人：").pub(o1, "officer_name", o1t + ["published_by_policy", "officer", "repeated"]).t(
        "　联系电话："
    ).pub(BUREAU_TEL[bureau], "authority_phone").t("\n联系地址：")
    b.pub(BUREAU_ADDR[bureau], "authority_address").t("\n\n").pub(bureau, "authority_name").t("\n").pub(
        date_cn(), "date"
    ).t("\n")
    chrome_foot(b, bureau)
    return b


def doc_list_page(layout: str) -> B:
    """Column list page: titles + dates, header repeated per page, pagination."""
    b = B()
    bureau = R.choice(BUREAUS[:4])
    b.t("首页 > 信息公开 > 行政执法公示 > 事后公开\n")
    for page in range(R.randint(1, 3)):
        emit_header(b, ["标题", "发布日期"], layout)
        for _ in range(R.randint(5, 9)):
            r = R.random()
            if r < 0.3:
                cells = [
                    ("关于对", None, "", []),
                    (masked_name(), "masked", "masked_name", []),
                    ("的税务行政处罚决定书（", None, "", []),
                    (docno(bureau), "public", "doc_no", []),
                    ("）", None, "", []),
                ]
            elif r < 0.55:
                cells = [
                    ("关于", None, "", []),
                    (company(), "public", "company", []),
                    ("的税务处理决定书送达公告", None, "", []),
                ]
            elif r < 0.75:
                p, pt = name()
                cells = [
                    ("重大税收违法失信主体信息（", None, "", []),
                    (p, "public", "party_name", pt + ["published_by_policy", "natural_person"]),
                    ("）", None, "", []),
                ]
            else:
                cells = [(f"{bureau}2026年第{R.randint(1, 4)}季度欠税公告", None, "", [])]
            b.parts.extend(cells_to_parts(cells))
            b.t({"tab": "\t", "pipe": " | ", "cell_per_line": "\n", "space": "    "}[layout])
            b.pub(date_iso(), "date").t("\n")
        b.t(f"共{R.randint(20, 400)}条　首页　上一页　{page + 1}　下一页　尾页　跳转到第 页\n\n")
    chrome_foot(b, bureau)
    return b


def cells_to_parts(cells: list[tuple]) -> list[tuple[str, dict | None]]:
    out: list[tuple[str, dict | None]] = []
    for s, k, ty, tg in cells:
        out.append((s, None if k is None else {"kind": k, "type": ty, "tags": list(tg)}))
    return out


def doc_arrears_prose(layout: str) -> B:
    """Arrears notice for individuals as `；`-joined records (semicolon layout)."""
    b = B()
    bureau = R.choice(BUREAUS[:4])
    chrome_head(b, bureau, f"{bureau}2026年上半年个体工商户和其他个人欠税公告", "欠税公告")
    b.t(
        "依照《中华人民共和国税收征收管理法》第四十五条规定，现对下列个体工商户和其他个人的欠税情况予以公告：\n"
    )
    for i in range(R.randint(5, 10)):
        p, pt = cn_name()
        plain = p.replace(" ", "").replace("　", "")
        named = R.random() < 0.5
        shop = (
            plain + R.choice(SHOP_TRADE)
            if named
            else f"{R.choice(DISTRICTS)}{R.choice(CO_WORDS)}{R.choice(SHOP_TRADE)}"
        )
        b.t(f"{i + 1}.业户名称：").pub(shop, "shop", ["shop_named_after_owner"] if named else [])
        b.t("；业主姓名：").pub(
            p,
            "party_name",
            pt + ["published_by_policy", "operator"] + (["owner_of_named_shop"] if named else []),
        )
        if R.random() < 0.25:
            b.t("；负责人：").pub(
                p, "party_name", pt + ["published_by_policy", "operator", "name_repeated_in_row"]
            )
        b.t("；身份证号码：")
        s, k, ty, tg = id_cell(0.6)
        b.v(s, k, ty, tg)
        b.t("；纳税人识别号：").pers(
            make_id18() + "0" + str(R.randint(0, 9)), "taxpayer_no_person", ["id_plus_2"]
        )
        b.t("；经营地点：").pub(biz_address(), "business_address")
        b.t("；欠税税种：" + R.choice(TAXES) + "；欠税余额：").pub(money(), "amount").t("元")
        if R.random() < 0.3:
            m, mt = write_mobile(make_mobile())
            b.t("；业主联系电话：").pers(m, "mobile", mt)
        b.t("。\n")
    b.t("\n").pub(bureau, "authority_name").t("\n").pub(date_cn(), "date").t("\n")
    chrome_foot(b, bureau)
    return b


KINDS = [
    ("arrears_notice", doc_arrears, ["tab", "pipe", "cell_per_line", "space"], 55),
    ("arrears_individual", doc_arrears_prose, ["semicolon"], 30),
    ("abnormal_list", doc_abnormal, ["tab", "pipe", "cell_per_line", "space"], 50),
    ("blacklist", doc_blacklist, ["kv", "tab"], 45),
    ("xyzg_penalty", doc_xyzg_penalty, ["kv", "cell_per_line", "tab", "pipe", "space"], 55),
    ("xyzg_permit", doc_xyzg_permit, ["kv", "cell_per_line", "tab", "pipe"], 30),
    ("penalty_decision", doc_penalty_prose, ["prose"], 55),
    ("gongkai_reply", doc_gongkai_reply, ["prose"], 45),
    ("enforce_pre", doc_enforce_pre, ["tab", "pipe", "cell_per_line", "space"], 25),
    ("enforce_mid", doc_enforce_mid, ["prose"], 40),
    ("list_page", doc_list_page, ["tab", "pipe", "cell_per_line", "space"], 15),
]  # weights; the shuffled plan is cut to N_DOCS


def check(text: str, spans: list[dict]) -> None:
    last = 0
    for sp in sorted(spans, key=lambda s: s["start"]):
        assert sp["start"] >= last, ("overlap", sp)
        last = sp["end"]
        v = text[sp["start"] : sp["end"]]
        assert v == sp["value"], (v, sp)
        assert v.strip() == v or sp["type"] == "name", repr(v)
        norm = (
            v.replace(" ", "")
            .replace("\n", "")
            .translate(str.maketrans("０１２３４５６７８９Ｘ", "0123456789X"))
        )
        if sp["type"] == "id18" and "pdf_wrap_inside" not in sp["tags"]:
            assert valid_id18(norm), v
        if sp["type"] == "taxpayer_no_person":
            assert valid_id18(norm[:18]), v
        if sp["type"] == "bank_card":
            assert luhn_ok(norm), v
        if sp["type"] == "uscc":
            assert valid_uscc(norm), v


def main() -> None:
    plan: list[tuple[str, object, list[str]]] = []
    for cat, fn, layouts, w in KINDS:
        for _ in range(w):
            plan.append((cat, fn, layouts))
    R.shuffle(plan)
    plan = plan[:N_DOCS]
    with OUT.open("w", encoding="utf-8") as fh:
        for i, (cat, fn, layouts) in enumerate(plan):
            layout = R.choice(layouts)
            b = fn(layout)  # type: ignore[operator]
            text, spans = b.build()
            if layout in ("cell_per_line", "prose", "kv") and R.random() < 0.18:
                text, spans = hard_wrap(text, spans, R.choice([28, 33, 40]))
                layout = layout + "+pdf_wrap"
            if R.random() < 0.08:
                text = text.replace("：", ":", 3)  # light OCR/copy noise outside values
                layout = layout + "+noise"
            for sp in spans:
                sp["value"] = text[sp["start"] : sp["end"]]
            check(text, spans)
            out_spans = [{k: sp[k] for k in ("start", "end", "kind", "type", "tags")} for sp in spans]
            for o, sp in zip(out_spans, spans, strict=True):
                o["value"] = sp["value"]
            rec = {"id": f"s22-{i:03d}", "category": cat, "layout": layout, "text": text, "spans": out_spans}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
