"""Generate the masking5 held-out corpus: ~400 labelled Chinese tax publications.

Written without reading the masker, its tests or the other evaluation sets. Every value is labelled
at generation time with its character span, its type, its class (personal / public /
already_masked) and tags (writing, origin, role, policy). Seeded: a rerun is byte-identical.

    /work/main/.venv/bin/python tests/eval/masking5/generate.py
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
N_DOCS = 400

# --------------------------------------------------------------------------------------------
# Checksums
# --------------------------------------------------------------------------------------------
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def uscc_check(first17: str) -> str:
    r = 31 - sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True)) % 31
    return USCC_CHARS[0 if r == 31 else r]


def org_check(first8: str) -> str:
    r = 11 - sum(ORG_CHARS.index(c) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True)) % 11
    return "0" if r == 11 else ("X" if r == 10 else str(r))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# --------------------------------------------------------------------------------------------
# Vocabulary (written for this set)
# --------------------------------------------------------------------------------------------
REGIONS = [
    # province, city, district, id prefix, area code, street names
    ("广西壮族自治区", "南宁市", "青秀区", "450103", "0771", ["民族大道", "竹溪大道", "青山路", "凤岭北路"]),
    ("广西壮族自治区", "柳州市", "城中区", "450202", "0772", ["文惠路", "三中路", "龙城路"]),
    ("广东省", "广州市", "天河区", "440106", "020", ["天河北路", "黄埔大道西", "五山路", "中山大道"]),
    ("广东省", "深圳市", "福田区", "440304", "0755", ["深南中路", "彩田路", "福华三路"]),
    ("北京市", "北京市", "朝阳区", "110105", "010", ["朝阳路", "望京街", "建国路"]),
    ("上海市", "上海市", "浦东新区", "310115", "021", ["张杨路", "世纪大道", "浦东南路"]),
    ("浙江省", "杭州市", "西湖区", "330106", "0571", ["文三路", "天目山路", "教工路"]),
    ("四川省", "成都市", "武侯区", "510107", "028", ["人民南路四段", "武侯祠大街", "科华北路"]),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102", "0991", ["解放南路", "新华北路", "和平南路"]),
    ("西藏自治区", "拉萨市", "城关区", "540102", "0891", ["北京中路", "金珠西路", "江苏路"]),
    ("内蒙古自治区", "呼和浩特市", "新城区", "150102", "0471", ["新华大街", "兴安北路", "成吉思汗大街"]),
    ("湖南省", "长沙市", "岳麓区", "430104", "0731", ["麓山南路", "枫林三路", "金星中路"]),
    ("云南省", "昆明市", "五华区", "530102", "0871", ["人民中路", "青年路", "滇缅大道"]),
    ("湖北省", "武汉市", "武昌区", "420106", "027", ["中南路", "武珞路", "徐东大街"]),
    ("福建省", "厦门市", "思明区", "350203", "0592", ["湖滨南路", "厦禾路", "莲前西路"]),
]
ESTATES = [
    "金湖花园",
    "锦绣家园",
    "翠苑小区",
    "阳光新城",
    "东方明珠苑",
    "幸福里",
    "兴业小区",
    "碧水湾",
    "南湖名都",
    "和谐家园",
    "书香门第",
    "滨江一号",
]
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝"
    "龚邵万覃武戴孔汤庞樊兰殷莫农蒙"
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
    "端木",
    "宇文",
    "司徒",
    "夏侯",
    "长孙",
    "独孤",
    "南宫",
    "申屠",
]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞鑫波宁琳燕玲晨婷瑶峰凯浩然思雨欣怡"
    "子涵梓轩俊杰嘉怡宇航志远泽楷雅琴秋菊永福德胜春兰桂芬振东晓东卫红海燕"
)
WORD_GIVEN = [
    "建国",
    "国庆",
    "海南",
    "平安",
    "长江",
    "胜利",
    "和平",
    "春生",
    "文化",
    "红旗",
    "建设",
    "振华",
    "金山",
    "东方",
    "光明",
    "富贵",
    "新民",
    "天津",
]
DOTTED = [
    "艾合买提·吐尔逊",
    "买买提江·阿不都热依木",
    "阿依古丽·努尔买买提",
    "古丽娜尔·艾力",
    "热合曼·托合提",
    "迪力夏提·热西提",
    "努尔兰·哈力木",
    "帕提古丽·阿布都拉",
    "吐尔洪·依明",
    "阿不都沙拉木·肉孜",
]
DOTS = ["·", "•", "・", "．", "·"]
NODOT = [
    "扎西顿珠",
    "次仁卓玛",
    "格桑多吉",
    "巴特尔",
    "乌云其木格",
    "阿旺罗布",
    "央金拉姆",
    "那仁图雅",
    "其木格",
    "索朗次仁",
    "达瓦",
    "白玛曲珍",
]
HKTW = [
    ("陈家豪", "CHAN Ka Ho", "HK"),
    ("黄美玲", "WONG Mei Ling", "HK"),
    ("李志明", "LEE Chi Ming", "HK"),
    ("何嘉欣", "HO Ka Yan", "MO"),
    ("梁永康", "LEONG Weng Hong", "MO"),
    ("林淑芬", "LIN Shu-Fen", "TW"),
    ("张雅婷", "CHANG Ya-Ting", "TW"),
    ("吴建宏", "WU Chien-Hung", "TW"),
    ("郑家伟", "CHENG Chia-Wei", "TW"),
]
FOREIGN = [
    ("SMITH John David", None),
    ("Maria GARCIA LOPEZ", None),
    ("TANAKA Hiroshi", "田中宏"),
    ("KIM Minsu", "金敏洙"),
    ("NGUYEN Van Nam", "阮文南"),
    ("Olga IVANOVA", None),
    ("PATEL Rajesh Kumar", None),
    ("Thomas MÜLLER", None),
    ("SATO Yuki", "佐藤由纪"),
    ("PARK Ji-hoon", "朴智勋"),
    ("Ahmed HASSAN", None),
    ("O'BRIEN Sean", None),
]
SHOP_KINDS = [
    "五金店",
    "餐馆",
    "便利店",
    "汽车修理部",
    "服装店",
    "粮油店",
    "建材经营部",
    "理发店",
    "水果店",
    "烟酒商行",
    "小吃店",
    "电器维修部",
]
CO_WORDS = [
    "恒达",
    "鑫源",
    "博远",
    "华信",
    "瑞丰",
    "通泰",
    "宏图",
    "金桥",
    "众诚",
    "启明",
    "汇川",
    "嘉禾",
    "远航",
    "盛世",
    "联创",
    "佳和",
    "润泽",
    "永兴",
    "天成",
    "振邦",
]
CO_TRADES = [
    "贸易有限公司",
    "建筑工程有限公司",
    "商贸有限责任公司",
    "科技有限公司",
    "物流有限公司",
    "餐饮管理有限公司",
    "劳务有限公司",
    "供应链管理有限公司",
    "建材有限公司",
    "文化传媒有限公司",
]
AGENCIES = ["税务师事务所有限公司", "代理记账有限公司", "财务咨询有限公司", "会计师事务所（普通合伙）"]
LAWFIRMS = ["律师事务所"]

FW = str.maketrans("0123456789-@.()X", "０１２３４５６７８９－＠．（）Ｘ")


class Doc:
    """Text built from parts; a part is (text, label or None)."""

    def __init__(self, kind: str, flattening: str) -> None:
        self.kind = kind
        self.flattening = flattening
        self.parts: list[tuple[str, dict | None]] = []

    def t(self, s: str) -> None:
        self.parts.append((s, None))

    def v(self, s: str, typ: str, cls: str, tags=(), **extra) -> None:
        label = {"type": typ, "class": cls, "tags": sorted(set(tags))}
        label.update(extra)
        self.parts.append((s, label))

    def add(self, parts) -> None:
        self.parts.extend(parts)

    def render(self, wrap: int | None) -> tuple[str, list[dict]]:
        out: list[str] = []
        spans = []
        col = 0
        pos = 0
        for text, label in self.parts:
            start = pos
            for ch in text:
                if wrap and ch != "\n" and col >= wrap:
                    out.append("\n")
                    pos += 1
                    col = 0
                out.append(ch)
                pos += 1
                col = 0 if ch == "\n" else col + 1
            if label is not None:
                # a line break put before the first character belongs outside the span
                while start < pos and out_char(out, start) == "\n" and text[:1] != "\n":
                    start += 1
                spans.append({**label, "start": start, "end": pos})
        s = "".join(out)
        for sp in spans:
            sp["text"] = s[sp["start"] : sp["end"]]
            if "\n" in sp["text"] and wrap:
                sp["tags"] = sorted(set(sp["tags"]) | {"pdf_wrap_inside"})
        return s, spans


def out_char(out: list[str], i: int) -> str:
    return out[i]


# --------------------------------------------------------------------------------------------
# Value generators
# --------------------------------------------------------------------------------------------
class Gen:
    def __init__(self, rnd: random.Random) -> None:
        self.r = rnd

    def region(self):
        return self.r.choice(REGIONS)

    # ---- numbers ------------------------------------------------------------------------------
    def birth(self) -> str:
        y = self.r.randint(1952, 2003)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        return f"{y:04d}{m:02d}{d:02d}"

    def id18(self, reg, want_x: bool = False) -> str:
        while True:
            body = reg[3] + self.birth() + f"{self.r.randint(0, 999):03d}"
            c = id_check(body)
            if want_x == (c == "X"):
                return body + c

    def id15(self, reg) -> str:
        return reg[3] + self.birth()[2:] + f"{self.r.randint(0, 999):03d}"

    def uscc(self, reg, kind: str = "91") -> str:
        org = "".join(self.r.choice(ORG_CHARS[:36]) for _ in range(8))
        org = "".join(c if c in USCC_CHARS else "M" for c in org)
        first = kind + reg[3] + org[:8] + org_check(org[:8])
        return first + uscc_check(first)

    def ent_tin15(self, reg) -> str:
        org = "".join(self.r.choice("0123456789") for _ in range(8))
        return reg[3] + org + org_check(org)

    def mobile(self) -> str:
        p = self.r.choice(
            [
                "130",
                "133",
                "135",
                "136",
                "137",
                "138",
                "139",
                "150",
                "152",
                "158",
                "159",
                "166",
                "173",
                "177",
                "180",
                "181",
                "186",
                "187",
                "189",
                "191",
                "198",
                "199",
            ]
        )
        return p + "".join(self.r.choice(string.digits) for _ in range(8))

    def landline(self, reg) -> str:
        n = 7 if len(reg[4]) == 3 or self.r.random() < 0.5 else 6
        return reg[4], str(self.r.randint(2, 8)) + "".join(self.r.choice(string.digits) for _ in range(n))

    def bank(self) -> str:
        prefix = self.r.choice(
            ["622202", "621700", "622848", "621483", "623052", "436742", "622588", "621226"]
        )
        length = self.r.choice([16, 19, 19])
        while True:
            body = prefix + "".join(self.r.choice(string.digits) for _ in range(length - len(prefix)))
            if luhn_ok(body):
                return body

    def passport_cn(self) -> str:
        k = self.r.random()
        if k < 0.5:
            return "E" + "".join(self.r.choice(string.digits) for _ in range(8))
        if k < 0.8:
            return "E" + self.r.choice("ABCDEFGH") + "".join(self.r.choice(string.digits) for _ in range(7))
        return "G" + "".join(self.r.choice(string.digits) for _ in range(8))

    def passport_foreign(self) -> str:
        return (
            self.r.choice(["", "X", "P", "K", "M"])
            + "".join(self.r.choice(string.digits) for _ in range(self.r.choice([7, 8, 9])))
            if self.r.random() < 0.3
            else self.r.choice(string.ascii_uppercase)
            + self.r.choice(string.ascii_uppercase + string.digits)
            + "".join(self.r.choice(string.digits) for _ in range(7))
        )

    def hkmo_permit(self, origin: str) -> str:
        head = "H" if origin == "HK" else "M"
        n = 8 if self.r.random() < 0.5 else 10
        return head + "".join(self.r.choice(string.digits) for _ in range(n))

    def tw_permit(self) -> str:
        return "".join(self.r.choice(string.digits) for _ in range(8))

    def residence_permit(self, origin: str) -> str:
        head = {"HK": "810000", "MO": "820000", "TW": "830000"}.get(origin)
        if head is None:  # foreigner's permanent residence ID card (2023 format, 18 digits, leading 9)
            head = (
                "9"
                + self.r.choice(["11", "31", "44", "45"])
                + self.r.choice(["156", "392", "410", "840", "276"])
            )
        body = head + self.birth() + f"{self.r.randint(0, 999):03d}"
        return body + id_check(body)

    def email(self, latin: str) -> str:
        local = latin + self.r.choice(
            ["", str(self.r.randint(1960, 2005)), str(self.r.randint(1, 999)), "_tax", ".work"]
        )
        return (
            local
            + "@"
            + self.r.choice(
                [
                    "163.com",
                    "qq.com",
                    "126.com",
                    "sina.com",
                    "gmail.com",
                    "hotmail.com",
                    "foxmail.com",
                    "139.com",
                ]
            )
        )

    # ---- names ---------------------------------------------------------------------------
    def han_name(self, kind: str | None = None):
        """Return (name, surname, tags, latin_handle)."""
        r = self.r
        k = kind or r.choices(["plain3", "two", "compound", "word"], [55, 15, 15, 15])[0]
        if k == "compound":
            s = r.choice(COMPOUND)
            g = "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2])))
            return s + g, s, ["compound_surname"]
        s = r.choice(SURNAMES)
        if k == "two":
            return s + r.choice(GIVEN), s, ["two_char"]
        if k == "word":
            return s + r.choice(WORD_GIVEN), s, ["word_given_name"]
        return s + r.choice(GIVEN) + r.choice(GIVEN), s, []

    def person(self, origin: str | None = None):
        """A natural person: dict with name variants and documents."""
        r = self.r
        reg = self.region()
        origin = (
            origin
            or r.choices(["han", "dotted", "nodot", "HK", "MO", "TW", "foreign"], [62, 8, 6, 6, 3, 6, 9])[0]
        )
        p = {"origin": origin, "reg": reg}
        if origin == "han":
            name, sur, tags = self.han_name()
            p.update(name=name, surname=sur, tags=tags)
        elif origin == "dotted":
            n = r.choice(DOTTED)
            dot = r.choice(DOTS)
            p.update(name=n.replace("·", dot), surname="", tags=["minority_dot"])
            reg = next(x for x in REGIONS if x[3] == "650102")
            p["reg"] = reg
        elif origin == "nodot":
            p.update(name=r.choice(NODOT), surname="", tags=["minority_nodot"])
            reg = r.choice([x for x in REGIONS if x[3] in ("540102", "150102")])
            p["reg"] = reg
        elif origin in ("HK", "MO", "TW"):
            cn, latin, o = r.choice([x for x in HKTW if x[2] == origin] or HKTW)
            p.update(name=cn, surname=cn[0], latin=latin, tags=["hk_mo_tw"])
        else:
            latin, cn = r.choice(FOREIGN)
            p.update(name=latin, surname="", latin=latin, cn=cn, tags=["foreign", "latin_script"])
        handle = "".join(r.choice(string.ascii_lowercase) for _ in range(r.randint(4, 8)))
        p["handle"] = handle
        return p


# --------------------------------------------------------------------------------------------
# Writing variants: return list of parts for one value
# --------------------------------------------------------------------------------------------
def fullwidth(s: str) -> str:
    return s.translate(FW)


class Writer:
    def __init__(self, rnd: random.Random, doc_noise: float) -> None:
        self.r = rnd
        self.noise = doc_noise

    def pick(self, options, weights):
        return self.r.choices(options, weights)[0]

    def name(self, p, role: str, policy: str | None, extra_tags=(), allow_pad=True):
        """Parts for a person's name as written in the text."""
        r = self.r
        tags = list(p["tags"]) + [f"role:{role}"] + list(extra_tags)
        if policy:
            tags.append(f"policy:{policy}")
        name = p["name"]
        sur = p.get("surname", "")
        origin = p["origin"]
        parts = []
        if origin in ("HK", "MO", "TW") and r.random() < 0.5:
            # Chinese name with the romanised name in brackets; both are personal
            parts.append((name, lab("name", tags, surname=sur)))
            parts.append(("（", None))
            parts.append((p["latin"], lab("name", tags + ["latin_script"])))
            parts.append(("）", None))
            return parts
        if origin == "foreign" and p.get("cn") and r.random() < 0.6:
            parts.append((p["latin"], lab("name", tags)))
            parts.append(("（", None))
            parts.append((p["cn"], lab("name", [t for t in tags if t != "latin_script"], surname=p["cn"][0])))
            parts.append(("）", None))
            return parts
        if origin == "han" and allow_pad and r.random() < 0.08 * (1 + self.noise * 4):
            sep = r.choice([" ", "  ", "\u3000"])
            padded = sep.join(name)
            return [(padded, lab("name", tags + ["padded"], surname=sep.join(sur) if sur else ""))]
        return [(name, lab("name", tags, surname=sur))]

    def digits(self, value: str, typ: str, tags, groups=None, allow_break=True):
        """Digit-string value in one of the common writings."""
        r = self.r
        tags = list(tags)
        w = self.pick(
            ["plain", "fullwidth", "spaced", "break", "hyphen"],
            [60, 10 + 20 * self.noise, 12, 8 if allow_break else 0, 6 if groups else 0],
        )
        s = value
        if w in ("spaced", "hyphen") and groups:
            sep = " " if w == "spaced" else "-"
            out, i = [], 0
            for g in groups:
                out.append(s[i : i + g])
                i += g
            if i < len(s):
                out.append(s[i:])
            s = sep.join(x for x in out if x)
            tags.append(w)
        elif w == "spaced":
            cut = r.randint(3, len(s) - 3)
            s = s[:cut] + " " + s[cut:]
            tags.append("spaced")
        elif w == "break":
            cut = r.randint(3, len(s) - 3)
            s = s[:cut] + "\n" + s[cut:]
            tags.append("linebreak")
        elif w == "fullwidth":
            s = fullwidth(s)
            tags.append("fullwidth")
        if value.endswith("X"):
            tags.append("x_checksum")
        return [(s, lab(typ, tags, norm=value))]

    def mobile(self, m: str, tags):
        r = self.r
        tags = list(tags)
        w = self.pick(
            ["plain", "+86", "0086", "dash", "space", "fullwidth", "break"],
            [45, 10, 5, 10, 10, 12 + 20 * self.noise, 8],
        )
        if w == "plain":
            s = m
        elif w == "+86":
            s = r.choice(["+86 ", "+86-", "(+86)", "+86"]) + m
            tags.append("plus86")
        elif w == "0086":
            s = "0086-" + m
            tags.append("plus86")
        elif w == "dash":
            s = f"{m[:3]}-{m[3:7]}-{m[7:]}"
            tags.append("hyphen")
        elif w == "space":
            s = f"{m[:3]} {m[3:7]} {m[7:]}"
            tags.append("spaced")
        elif w == "fullwidth":
            s = fullwidth(m)
            tags.append("fullwidth")
        else:
            s = m[:5] + "\n" + m[5:]
            tags.append("linebreak")
        return [(s, lab("mobile", tags, norm=m))]

    def landline(self, area: str, num: str, typ: str, tags, cls="personal"):
        r = self.r
        tags = list(tags)
        w = self.pick(
            ["dash", "paren", "space", "ext", "fullwidth", "plain"],
            [32, 18, 10, 18, 10 + 15 * self.noise, 10],
        )
        if w == "dash":
            s = f"{area}-{num}"
        elif w == "paren":
            s = r.choice([f"({area}){num}", f"（{area}）{num}"])
        elif w == "space":
            s = f"{area} {num[:4]} {num[4:]}"
            tags.append("spaced")
        elif w == "ext":
            s = f"{area}-{num}" + r.choice(["转", "-", " ext. ", "转分机"]) + str(r.randint(100, 8999))
            tags.append("extension")
        elif w == "fullwidth":
            s = fullwidth(f"{area}-{num}")
            tags.append("fullwidth")
        else:
            s = area + num
        return [(s, lab(typ, tags, cls=cls, norm=area + num, area_len=len(area)))]

    def email(self, e: str, tags):
        tags = list(tags)
        w = self.pick(["plain", "fw_at", "spaces", "upper"], [70, 12 + 10 * self.noise, 8, 6])
        s = e
        if w == "fw_at":
            s = e.replace("@", "＠")
            tags.append("fullwidth")
        elif w == "spaces":
            s = e.replace("@", " @ ")
            tags.append("spaced")
        elif w == "upper":
            s = e.upper()
        return [(s, lab("email", tags, local_len=len(s.split("@")[0].split("＠")[0])))]


def lab(typ: str, tags, cls: str = "personal", **extra) -> dict:
    d = {"type": typ, "class": cls, "tags": sorted(set(tags))}
    d.update({k: v for k, v in extra.items() if v is not None})
    return d


# --------------------------------------------------------------------------------------------
# Addresses and public facts
# --------------------------------------------------------------------------------------------
def address(g: Gen, reg, home: bool, noise: float):
    r = g.r
    prefix_opts = [reg[0] + reg[1] + reg[2], reg[1] + reg[2], reg[2]]
    if reg[0] == reg[1]:
        prefix_opts = [reg[1] + reg[2], reg[2]]
    prefix = r.choice(prefix_opts)
    street = r.choice(reg[5])
    no = str(r.randint(1, 399))
    if home:
        tail = r.choice(
            [
                f"{street}{no}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}室",
                f"{street}{no}号{r.randint(1, 20)}幢{r.randint(101, 2804)}房",
                f"{r.choice(['城东', '河西', '新村', '长乐', '塘坊'])}村{r.randint(1, 12)}组{r.randint(1, 99)}号",
                f"{street}{no}号{r.choice(ESTATES)}{r.choice('ABCDEFG')}区{r.randint(1, 15)}-{r.randint(1, 3)}-{r.randint(101, 1802)}",
            ]
        )
    else:
        tail = r.choice(
            [
                f"{street}{no}号{r.choice(['', '一楼', '101铺', '2层201', 'A座1205'])}",
                f"{street}{no}号{r.choice(['商业街', '综合市场', '工业园'])}{r.randint(1, 40)}号门面",
                f"{street}与{r.choice(reg[5])}交汇处{r.choice(['东南角', '西北侧'])}",
            ]
        )
    full = prefix + tail
    tags = []
    if r.random() < 0.15 + 0.3 * noise:
        full = prefix + fullwidth(tail)
        tags.append("fullwidth")
    return full, len(prefix), tags


def company(g: Gen, reg, with_person: str | None = None) -> str:
    r = g.r
    place = r.choice([reg[1], reg[1].rstrip("市"), reg[1] + reg[2], ""])
    if with_person:
        return f"{place}{with_person}{r.choice(CO_TRADES)}"
    return f"{place}{r.choice(CO_WORDS)}{r.choice(CO_WORDS)}{r.choice(CO_TRADES)}"


def shop(g: Gen, reg, owner_name: str) -> str:
    r = g.r
    style = r.random()
    if style < 0.5:
        return f"{reg[1]}{reg[2]}{owner_name}{r.choice(SHOP_KINDS)}"
    if style < 0.8:
        return f"{reg[2]}{owner_name}{r.choice(SHOP_KINDS)}（个体工商户）"
    return f"{reg[1].rstrip('市')}{reg[2]}{r.choice(CO_WORDS)}{r.choice(SHOP_KINDS)}"


def bureau(g: Gen, reg, level: str | None = None) -> str:
    r = g.r
    level = level or r.choice(["district", "city_inspect", "city", "district", "branch"])
    if level == "district":
        return f"国家税务总局{reg[1]}{reg[2]}税务局"
    if level == "city_inspect":
        return f"国家税务总局{reg[1]}税务局{r.choice(['第一', '第二', '第三', ''])}稽查局"
    if level == "city":
        return f"国家税务总局{reg[1]}税务局"
    return f"国家税务总局{reg[1]}{reg[2]}税务局{r.choice(['第一', '第二', '城东', '新区'])}税务所"


def docno(g: Gen, reg, kind: str) -> str:
    r = g.r
    abbr = reg[1][0] + reg[2][0] + "税" + r.choice(["", "一稽", "稽", "简"])
    yr = r.choice(["〔2026〕", "[2026]", "（2026）", "〔2025〕"])
    return f"{abbr}{kind}{yr}{r.randint(1, 3999)}号"


def amount(g: Gen) -> str:
    r = g.r
    v = r.choice(
        [r.randint(50, 2000), r.randint(2000, 500000) + r.randint(0, 99) / 100, r.randint(1, 90) * 1000]
    )
    w = r.random()
    if isinstance(v, float):
        return f"{v:,.2f}元" if w < 0.4 else f"{v:.2f}元"
    return f"{v}元" if w < 0.6 else f"{v / 10000:g}万元"


def date(g: Gen) -> str:
    r = g.r
    y, m, d = r.choice([2025, 2026]), r.randint(1, 12), r.randint(1, 28)
    w = r.random()
    if w < 0.6:
        return f"{y}年{m}月{d}日"
    if w < 0.8:
        return f"{y}-{m:02d}-{d:02d}"
    if w < 0.9:
        return f"{y}.{m}.{d}"
    cn = "〇一二三四五六七八九"
    yy = "".join(cn[int(c)] for c in str(y))

    def n2(n):
        return (
            (
                "十"
                if n == 10
                else ("十" + cn[n - 10] if n < 20 else cn[n // 10] + "十" + (cn[n % 10] if n % 10 else ""))
            )
            if n >= 10
            else cn[n]
        )

    return f"{yy}年{n2(m)}月{n2(d)}日"


def invoice_code(g: Gen) -> str:
    return (
        g.r.choice(["4500", "4400", "3300", "1100", "3702"])
        + g.r.choice(["15", "16", "17", "19", "22"])
        + g.r.choice(["3130", "2130", "1320"])
        + (g.r.choice(["", "00"]))
    )


def invoice_no(g: Gen) -> str:
    if g.r.random() < 0.6:
        return "".join(g.r.choice(string.digits) for _ in range(8))
    return "2" + g.r.choice("3456") + "".join(g.r.choice(string.digits) for _ in range(18))


def url(g: Gen, reg) -> str:
    r = g.r
    prov = r.choice(
        ["guangxi", "guangdong", "beijing", "shanghai", "zhejiang", "sichuan", "xinjiang", "hunan"]
    )
    return r.choice(
        [
            f"https://{prov}.chinatax.gov.cn",
            f"http://{prov}.chinatax.gov.cn/art/2026/{r.randint(1, 12)}/{r.randint(1, 28)}/art_{r.randint(10000, 99999)}_{r.randint(10000000000, 19999999999)}.html",
            "https://etax.chinatax.gov.cn",
            f"https://{prov}.chinatax.gov.cn/col/col{r.randint(10000, 99999)}/index.html",
            "www.chinatax.gov.cn",
        ]
    )


# --------------------------------------------------------------------------------------------
# Document context and building blocks
# --------------------------------------------------------------------------------------------
class Ctx:
    def __init__(self, rnd: random.Random, noise: float) -> None:
        self.r = rnd
        self.g = Gen(rnd)
        self.w = Writer(rnd, noise)
        self.noise = noise
        self.reg = self.g.region()
        self.bureau = bureau(self.g, self.reg)
        self.masked_doc = rnd.random() < 0.15  # some people already masked by the bureau

    # ---- public ----
    def pub(self, text: str, typ: str, tags=()):
        return [(text, lab(typ, tags, cls="public"))]

    def done(self, text: str, typ: str, tags=()):
        return [(text, lab(typ, tags, cls="already_masked"))]

    def auth(self, name: str | None = None):
        return self.pub(name or self.bureau, "authority_name")

    def auth_addr(self):
        r = self.r
        prefix = r.choice([self.reg[1] + self.reg[2], self.reg[2], self.reg[0] + self.reg[1] + self.reg[2]])
        a = (
            prefix
            + r.choice(self.reg[5])
            + str(r.randint(1, 299))
            + "号"
            + r.choice(
                ["", "办税服务厅", "税务大楼", r.choice(["一楼", "三楼"]) + "办税服务厅", "综合办公楼"]
            )
        )
        return self.pub(a, "authority_address")

    def auth_phone(self):
        r = self.r
        k = r.random()
        if k < 0.35:
            return self.pub("12366", "authority_phone", ["hotline"])
        if k < 0.5:
            return self.pub(f"{self.reg[4]}-12366", "authority_phone", ["hotline"])
        area, num = self.g.landline(self.reg)
        return self.w.landline(area, num, "authority_phone", ["hall"], cls="public")

    def doc_no(self, kind: str):
        return self.pub(docno(self.g, self.reg, kind), "doc_number")

    def amt(self):
        return self.pub(amount(self.g), "amount")

    def dt(self):
        return self.pub(date(self.g), "date")

    def uscc(self, kind="91"):
        v = self.g.uscc(self.reg, kind)
        return self.pub(v, "uscc", ["getihu"] if kind == "92" else [])

    def tin_ent(self):
        return self.pub(self.g.ent_tin15(self.reg), "enterprise_tin")

    def biz_addr(self):
        a, _, tags = address(self.g, self.reg, home=False, noise=self.noise)
        return self.pub(a, "business_address", tags)

    # ---- personal ----
    def person(self, origin=None):
        return self.g.person(origin)

    def name(self, p, role, policy=None, extra=()):
        if self.masked_doc and p["origin"] == "han" and self.r.random() < 0.5:
            m = self.r.choice(["*", "**", "某", "某某", "×", "XXX", "＊＊"])
            return self.done(m if m == "XXX" else p["surname"] + m, "masked_name")
        return self.w.name(p, role, policy, extra)

    def ident(self, p, role):
        """The person's identity document number, labelled; returns (label_word, parts).

        The number is drawn once per person; each mention picks its own writing."""
        r = self.r
        tags = [f"role:{role}"] + [
            t for t in p["tags"] if t in ("hk_mo_tw", "foreign", "minority_dot", "minority_nodot")
        ]
        if "ident" not in p:
            o = p["origin"]
            if o in ("han", "dotted", "nodot"):
                k = r.random()
                if k < 0.12:
                    p["ident"] = ("id15", self.g.id15(p["reg"]), [6, 6, 3], ["身份证号码", "居民身份证号码"])
                else:
                    p["ident"] = (
                        "id18",
                        self.g.id18(p["reg"], want_x=k < 0.32),
                        [6, 8, 4],
                        ["身份证号码", "居民身份证号码", "身份证件号码", "证件号码", "公民身份号码"],
                    )
                p["pre_masked"] = self.masked_doc and r.random() < 0.4
            elif o in ("HK", "MO"):
                if r.random() < 0.6:
                    p["ident"] = (
                        "hkmo_permit",
                        self.g.hkmo_permit(o),
                        None,
                        ["港澳居民来往内地通行证号码", "回乡证号码"],
                    )
                else:
                    p["ident"] = (
                        "residence_permit",
                        self.g.residence_permit(o),
                        [6, 8, 4],
                        ["港澳台居民居住证号码"],
                    )
            elif o == "TW":
                if r.random() < 0.6:
                    p["ident"] = (
                        "tw_permit",
                        self.g.tw_permit(),
                        None,
                        ["台湾居民来往大陆通行证号码", "台胞证号码"],
                    )
                else:
                    p["ident"] = (
                        "residence_permit",
                        self.g.residence_permit("TW"),
                        [6, 8, 4],
                        ["港澳台居民居住证号码"],
                    )
            elif r.random() < 0.7:
                p["ident"] = ("passport", self.g.passport_foreign(), None, ["护照号码", "证件号码（护照）"])
            else:
                p["ident"] = (
                    "residence_permit",
                    self.g.residence_permit("F"),
                    [6, 8, 4],
                    ["外国人永久居留身份证号码"],
                )
        typ, v, groups, words = p["ident"]
        word = r.choice(words)
        if p.get("pre_masked"):
            m = v[:4] + "*" * 10 + v[-4:] if r.random() < 0.5 else v[:6] + "********" + v[-4:]
            return word, self.done(m, "masked_id")
        return word, self.w.digits(v, typ, tags, groups)

    def passport_cn(self, p, role):
        return self.w.digits(self.g.passport_cn(), "passport", [f"role:{role}"])

    def tin_person(self, p, role):
        if p.get("ident", ("",))[0] == "id18":
            base = p["ident"][1]
        else:
            base = self.g.id18(p["reg"], want_x=self.r.random() < 0.25)
            p.setdefault("ident", ("id18", base, [6, 8, 4], ["身份证号码", "居民身份证号码", "证件号码"]))
        v = base + f"{self.r.randint(1, 9):02d}"
        return self.w.digits(v, "tin_person", [f"role:{role}", "id_plus_suffix"], [6, 8, 6])

    def mobile(self, role):
        if self.masked_doc and self.r.random() < 0.4:
            m = self.g.mobile()
            return self.done(m[:3] + "****" + m[-4:], "masked_phone")
        return self.w.mobile(self.g.mobile(), [f"role:{role}"])

    def landline(self, p, role):
        area, num = self.g.landline(p["reg"])
        return self.w.landline(area, num, "landline", [f"role:{role}"])

    def bank(self, role):
        v = self.g.bank()
        return self.w.digits(v, "bank_card", [f"role:{role}"], [4, 4, 4, 4, 3])

    def email(self, p, role):
        return self.w.email(self.g.email(p["handle"]), [f"role:{role}"])

    def home(self, p, role):
        a, plen, tags = address(self.g, p["reg"], home=True, noise=self.noise)
        return [(a, lab("home_address", tags + [f"role:{role}"], admin_prefix=plen))]


def P(s: str):
    return [(s, None)]


def cat(*xs):
    out = []
    for x in xs:
        out.extend(P(x) if isinstance(x, str) else x)
    return out


# --------------------------------------------------------------------------------------------
# Table flattenings
# --------------------------------------------------------------------------------------------
FLATTENINGS = ["tab", "pipe", "cell_per_line", "space_aligned", "key_value", "csv", "html", "semicolon"]


def plain_len(cell) -> int:
    return sum(len(t) for t, _ in cell)


def table(headers: list[str], rows: list[list[list]], how: str, r: random.Random):
    out = []
    if how == "tab":
        out += P("\t".join(headers) + "\n")
        for row in rows:
            for i, c in enumerate(row):
                out += ([("\t", None)] if i else []) + c
            out += P("\n")
    elif how == "pipe":
        out += P("| " + " | ".join(headers) + " |\n|" + "---|" * len(headers) + "\n")
        for row in rows:
            out += P("| ")
            for i, c in enumerate(row):
                out += (P(" | ") if i else []) + c
            out += P(" |\n")
    elif how == "cell_per_line":
        out += P("\n".join(headers) + "\n")
        for row in rows:
            for c in row:
                out += c + P("\n")
    elif how == "space_aligned":
        widths = [max([len(h)] + [plain_len(row[i]) for row in rows]) + 2 for i, h in enumerate(headers)]
        out += P(
            "".join(h + "\u3000" * 0 + " " * (widths[i] - len(h)) for i, h in enumerate(headers)).rstrip()
            + "\n"
        )
        for row in rows:
            for i, c in enumerate(row):
                out += c
                if i < len(row) - 1:
                    out += P(" " * (widths[i] - plain_len(c)))
            out += P("\n")
    elif how == "key_value":
        for k, row in enumerate(rows):
            out += P(f"{k + 1}.\n" if r.random() < 0.5 else "")
            for h, c in zip(headers, row, strict=True):
                out += P(h + r.choice(["：", ":", "： "])) + c + P("\n")
            out += P("\n")
    elif how == "csv":
        out += P(",".join(headers) + "\n")
        for row in rows:
            for i, c in enumerate(row):
                needs = any("," in t or "\n" in t for t, _ in c)
                out += (P(",") if i else []) + (P('"') if needs else []) + c + (P('"') if needs else [])
            out += P("\n")
    elif how == "html":
        out += P("<table>\n<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>\n")
        for row in rows:
            out += P("<tr>")
            for c in row:
                out += P("<td>") + c + P("</td>")
            out += P("</tr>\n")
        out += P("</table>\n")
    else:  # semicolon
        for row in rows:
            for i, (h, c) in enumerate(zip(headers, row, strict=True)):
                out += P(("；" if i else "") + h + "：") + c
            out += P("。\n")
    return out


# --------------------------------------------------------------------------------------------
# Document kinds. Each returns a list of parts; flattening is chosen inside for tables.
# --------------------------------------------------------------------------------------------
def closing(c: Ctx):
    r = c.r
    out = P("\n" + r.choice(["联系地址：", "地址：", "办公地址："])) + c.auth_addr()
    out += P("\n" + r.choice(["联系电话：", "咨询电话：", "办税服务厅电话："])) + c.auth_phone()
    if r.random() < 0.5:
        out += P(r.choice(["，纳税服务热线：", "；", "  "])) + c.pub("12366", "authority_phone", ["hotline"])
    if r.random() < 0.4:
        out += P("\n网址：") + c.pub(url(c.g, c.reg), "url")
    out += P("\n\n") + c.auth() + P("\n") + c.dt() + P("\n")
    return out


def party_person_block(c: Ctx, p, role="party", policy="party", with_tin=False):
    r = c.r
    out = P("当事人：") + c.name(p, role, policy)
    word, ident = c.ident(p, role)
    out += P(r.choice(["\n", "，", "；"]) + word + "：") + ident
    if with_tin and p["origin"] == "han":
        out += P("\n纳税人识别号：") + c.tin_person(p, role)
    out += P(r.choice(["\n住址：", "\n家庭住址：", "，住所："])) + c.home(p, role)
    if r.random() < 0.7:
        out += P(r.choice(["\n联系电话：", "，联系方式：", "\n手机："])) + c.mobile(role)
    if r.random() < 0.3:
        out += P(r.choice(["\n固定电话：", "，住宅电话：", "；家庭电话："])) + c.landline(p, role)
    if r.random() < 0.2:
        out += P("\n电子送达邮箱：") + c.email(p, role)
    if r.random() < 0.2:
        out += P("\n退库账户（个人银行卡）：") + c.bank(role)
    return out + P("\n")


def kind_simple_penalty(c: Ctx):
    r = c.r
    out = c.auth() + P("\n税务行政处罚决定书（简易）\n") + c.doc_no("简罚") + P("\n\n")
    if r.random() < 0.5:
        p = c.person()
        out += party_person_block(c, p, with_tin=True)
        subj = "你"
    else:
        p = c.person("han")
        shopname = shop(c.g, c.reg, p["name"])
        inside = p["name"] in shopname
        out += P("被处罚人名称：") + c.pub(
            shopname, "getihu_name", ["contains_person_name"] if inside else []
        )
        out += P("\n统一社会信用代码：") + c.uscc("92")
        out += P("\n经营者：") + c.name(p, "owner", "party", ["owner_in_shop_name"] if inside else [])
        out += P("\n经营地址：") + c.biz_addr() + P("\n")
        subj = "你户"
    out += (
        P(f"\n{subj}于")
        + c.dt()
        + P(
            r.choice(
                [
                    "未按照规定期限办理纳税申报和报送纳税资料",
                    "未按规定保管发票",
                    "丢失增值税普通发票1份（发票代码：",
                ]
            )
        )
    )
    if out[-1][0].endswith("（发票代码："):
        out += (
            c.pub(invoice_code(c.g), "invoice_code")
            + P("，发票号码：")
            + c.pub(invoice_no(c.g), "invoice_number")
            + P("）")
        )
    out += (
        P(
            "，违反了《中华人民共和国税收征收管理法》第六十二条的规定。依据该条规定，决定对"
            + subj
            + "处以罚款"
        )
        + c.amt()
    )
    out += (
        P("。\n请于决定之日起15日内到")
        + c.auth()
        + P("缴纳罚款，或通过电子税务局（")
        + c.pub("https://etax.chinatax.gov.cn", "url")
        + P("）缴纳。")
    )
    if r.random() < 0.5:
        out += P("罚款可缴至指定账户，不得缴入个人银行卡。")
    out += (
        P(
            "逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。\n如对本决定不服，可以自收到本决定书之日起六十日内依法向"
        )
        + c.auth(bureau(c.g, c.reg, "city"))
        + P("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")
    )
    return out + closing(c)


def kind_general_penalty(c: Ctx):
    r = c.r
    co = company(c.g, c.reg)
    legal = c.person()
    fin = c.person("han")
    out = (
        c.auth()
        + P("\n税务行政处罚决定书\n")
        + c.doc_no("罚")
        + P("\n\n")
        + c.pub(co, "company_name")
        + P("（纳税人识别号：")
        + c.uscc()
        + P("）：\n")
    )
    out += P("（地址：") + c.biz_addr() + P("；法定代表人：") + c.name(legal, "legal_rep", "legal_rep")
    word, ident = c.ident(legal, "legal_rep")
    out += P("，" + word + "：") + ident + P("）\n")
    out += P("经我局检查，你公司于") + c.dt() + P("至") + c.dt() + P("期间存在以下违法事实：\n")
    out += P("一、你公司在财务负责人") + c.name(fin, "finance_head", "related") + P("的安排下，通过员工")
    emp = c.person()
    out += (
        c.name(emp, "employee")
        + P("（手机号")
        + c.mobile("employee")
        + P("）的个人银行卡（卡号")
        + c.bank("employee")
        + P("）收取货款")
        + c.amt()
        + P("，未按规定申报收入。")
    )
    out += (
        P("\n二、经询问，")
        + c.name(fin, "finance_head", "related")
        + P(r.choice(["承认", "确认", "对上述事实无异议，"]))
        + P("相关账簿由外聘会计")
    )
    acc = c.person()
    out += (
        c.name(acc, "accountant")
        + P("负责登记，")
        + c.name(acc, "accountant")
        + P("的联系电话为")
        + c.landline(acc, "accountant")
        + P("。")
    )
    out += (
        P("你公司取得")
        + c.pub(company(c.g, c.g.region()), "company_name")
        + P("开具的增值税专用发票，发票代码")
        + c.pub(invoice_code(c.g), "invoice_code")
        + P("，发票号码")
        + c.pub(invoice_no(c.g), "invoice_number")
        + P("，金额")
        + c.amt()
        + P("。\n")
    )
    out += P("以上事实有询问笔录、证人")
    wit = c.person()
    out += c.name(wit, "witness") + P("的证言（证人住址：") + c.home(wit, "witness") + P("）等证据证明。\n")
    out += (
        P("根据《中华人民共和国税收征收管理法》第六十三条第一款的规定，决定对你公司处以少缴税款")
        + c.amt()
        + P("百分之五十的罚款，计")
        + c.amt()
        + P("。\n以上应缴款项，限你公司自本决定书送达之日起十五日内缴纳入库。\n")
    )
    return out + closing(c)


def kind_handling_decision(c: Ctx):
    r = c.r
    co = company(c.g, c.reg)
    out = (
        c.auth(bureau(c.g, c.reg, "city_inspect"))
        + P("\n税务处理决定书\n")
        + c.doc_no("处")
        + P("\n\n")
        + c.pub(co, "company_name")
        + P(r.choice(["（统一社会信用代码：", "（纳税人识别号："]))
        + c.uscc()
        + P("）：\n")
    )
    out += (
        P("我局于")
        + c.dt()
        + P("至")
        + c.dt()
        + P("对你公司（注册地址：")
        + c.biz_addr()
        + P("）的涉税情况进行了检查，违法事实及处理决定如下：\n一、违法事实\n")
    )
    out += P("你公司法定代表人")
    legal = c.person()
    out += c.name(legal, "legal_rep", "legal_rep") + P("、办税人员")
    staff = c.person("han")
    out += c.name(staff, "tax_clerk") + P("电话均无法联系，") + c.dt() + P("被主管税务机关认定为非正常户。")
    n = r.randint(2, 4)
    out += P(f"你公司向{n}户企业开具增值税专用发票，发票代码：")
    for i in range(n):
        out += (
            (P("、") if i else [])
            + c.pub(invoice_code(c.g), "invoice_code")
            + P("，发票号码：")
            + c.pub(invoice_no(c.g), "invoice_number")
        )
    out += (
        P("，金额合计")
        + c.amt()
        + P("，税额合计")
        + c.amt()
        + P("。购方名称：")
        + c.pub(company(c.g, c.g.region()), "company_name")
        + P(
            "。\n二、处理决定\n根据《国家税务总局关于走逃（失联）企业开具增值税专用发票认定处理有关问题的公告》（国家税务总局公告2016年第76号）第二条的规定，追缴增值税"
        )
        + c.amt()
        + P("，并从滞纳税款之日起按日加收滞纳税款万分之五的滞纳金。\n")
    )
    return out + closing(c)


def kind_penalty_notice(c: Ctx):
    r = c.r
    p = c.person()
    out = (
        c.auth()
        + P("\n税务行政处罚事项告知书\n")
        + c.doc_no("罚告")
        + P("\n\n")
        + c.name(p, "party", "party")
        + P("：\n")
    )
    word, ident = c.ident(p, "party")
    out += P("（" + word + "：") + ident + P("；住址：") + c.home(p, "party") + P("）\n")
    out += (
        P(
            "对你（单位）"
            + r.choice(["取得虚开的增值税普通发票", "少缴个人所得税", "未按规定开具发票"])
            + "的行为，拟于"
        )
        + c.dt()
        + P("之前作出罚款")
        + c.amt()
        + P(
            "的行政处罚。\n根据《中华人民共和国行政处罚法》第四十四条、第六十三条规定，你有陈述、申辩的权利，有要求听证的权利。可自收到本告知书之日起五日内向本局提出听证申请。\n"
        )
    )
    if r.random() < 0.6:
        fam = c.person("han")
        out += (
            P("本告知书由你的" + r.choice(["配偶", "儿子", "女儿", "母亲", "兄长"]))
            + c.name(fam, "family")
            + P("（电话：")
            + c.mobile("family")
            + P("）代为签收。\n")
        )
    return out + closing(c)


def kind_hearing_notice(c: Ctx):
    r = c.r
    co = company(c.g, c.reg)
    legal = c.person()
    lawyer = c.person("han")
    agent = c.person()
    out = (
        c.auth()
        + P("\n税务行政处罚听证通知书\n")
        + c.doc_no("听通")
        + P("\n\n")
        + c.pub(co, "company_name")
        + P("：\n根据你单位（法定代表人：")
        + c.name(legal, "legal_rep", "legal_rep")
        + P("）的听证申请，本局决定于")
        + c.dt()
        + P("上午9时在")
        + c.auth_addr()
        + P("举行听证。\n")
    )
    out += (
        P("你单位委托代理人：")
        + c.name(lawyer, "lawyer")
        + P("，" + c.g.region()[1] + r.choice(CO_WORDS) + "律师事务所律师，联系电话")
        + c.mobile("lawyer")
        + P("，电子邮箱")
        + c.email(lawyer, "lawyer")
        + P("；\n委托代理人：")
        + c.name(agent, "agent")
        + P("，")
    )
    word, ident = c.ident(agent, "agent")
    out += (
        P(word + "：") + ident + P("，系你单位员工。\n请按时出席。无正当理由不出席的，视为放弃听证权利。\n")
    )
    return out + closing(c)


def kind_reconsideration(c: Ctx):
    r = c.r
    p = c.person()
    lawyer = c.person("han")
    out = (
        c.auth(bureau(c.g, c.reg, "city"))
        + P("\n行政复议决定书\n")
        + c.doc_no("复决")
        + P("\n\n申请人：")
        + c.name(p, "party", "party")
    )
    word, ident = c.ident(p, "party")
    out += (
        P("，" + r.choice(["男", "女"]) + "，" + word + "：")
        + ident
        + P("，住")
        + c.home(p, "party")
        + P("。\n")
    )
    out += (
        P("委托代理人：")
        + c.name(lawyer, "lawyer")
        + P("，" + c.reg[1] + r.choice(CO_WORDS) + "律师事务所律师。\n被申请人：")
        + c.auth()
        + P("，住所地")
        + c.auth_addr()
        + P("。\n")
    )
    out += (
        P("申请人不服被申请人作出的")
        + c.doc_no("罚")
        + P("《税务行政处罚决定书》，于")
        + c.dt()
        + P("向本机关申请行政复议。\n申请人称：申请人出售位于")
        + c.home(p, "party")
        + P("的房产给")
    )
    buyer = c.person()
    out += (
        c.name(buyer, "buyer")
        + P("，成交价")
        + c.amt()
        + P("，已由买方")
        + c.name(buyer, "buyer")
        + P("代为申报。被申请人认定少缴个人所得税")
        + c.amt()
        + P(
            "不当。\n本机关认为，被申请人认定事实清楚，证据确凿，适用依据正确。根据《中华人民共和国行政复议法》第六十八条的规定，决定维持。\n"
        )
    )
    return out + closing(c)


def list_rows_parties(c: Ctx, n: int, cols: str):
    """Rows for list-style announcements. cols: 'arrears' | 'abnormal' | 'credit' | 'service'."""
    r = c.r
    rows = []
    for _ in range(n):
        kind = r.choices(["company", "getihu", "person"], [50, 30, 20])[0]
        if kind == "company":
            legal = c.person()
            name_cell = c.pub(
                company(
                    c.g, c.reg, legal["name"] if (legal["origin"] == "han" and r.random() < 0.15) else None
                ),
                "company_name",
            )
            if legal["name"] in name_cell[0][0]:
                name_cell[0][1]["tags"] = ["contains_person_name"]
            code = c.uscc() if r.random() < 0.8 else c.tin_ent()
            if c.masked_doc and r.random() < 0.4:
                v = code[0][0]
                code = c.done(v[:4] + "*" * (len(v) - 8) + v[-4:], "masked_code")
            who = c.name(legal, "legal_rep", "legal_rep")
            _, ident = c.ident(legal, "legal_rep")
            addr = c.biz_addr()
        elif kind == "getihu":
            owner = c.person("han") if r.random() < 0.85 else c.person()
            s = shop(c.g, c.reg, owner["name"])
            inside = owner["name"] in s
            name_cell = c.pub(s, "getihu_name", ["contains_person_name"] if inside else [])
            code = c.uscc("92") if r.random() < 0.6 else c.tin_person(owner, "owner")
            who = c.name(owner, "owner", "party", ["owner_in_shop_name", "repeated_in_row"] if inside else [])
            _, ident = c.ident(owner, "owner")
            addr = c.biz_addr()
        else:
            p = c.person()
            name_cell = c.name(p, "party", "party")
            code = (
                c.tin_person(p, "party")
                if p["origin"] == "han" and r.random() < 0.5
                else c.ident(p, "party")[1]
            )
            who = c.name(p, "party", "party", ["repeated_in_row"])
            _, ident = c.ident(p, "party")
            addr = c.home(p, "party")
        tail = {
            "arrears": [
                P(r.choice(["增值税", "个人所得税", "城市维护建设税", "房产税", "增值税、企业所得税"])),
                c.amt(),
                c.amt(),
            ],
            "abnormal": [c.dt(), c.pub(bureau(c.g, c.reg, "branch"), "authority_name")],
            "credit": [
                P("D"),
                c.dt(),
                P(r.choice(["存在逃避追缴欠税行为", "非正常户直接判为D级", "虚开发票"])),
            ],
            "service": [
                c.doc_no(r.choice(["罚", "处", "通", "限改"])),
                P(r.choice(["税务行政处罚决定书", "税务处理决定书", "责令限期改正通知书", "税务事项通知书"])),
            ],
        }[cols]
        rows.append([name_cell, code, who, ident, addr] + tail)
    return rows


LIST_HEADERS = {
    "arrears": [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人、业主）姓名",
        "身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额",
        "当期新发生欠税金额",
    ],
    "abnormal": [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人或经营者",
        "证件号码",
        "生产经营地址",
        "认定日期",
        "认定机关",
    ],
    "credit": [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人/负责人",
        "证件号码",
        "注册地址",
        "信用级别",
        "评价日期",
        "主要失信行为",
    ],
    "service": [
        "受送达人",
        "纳税人识别号",
        "法定代表人（负责人）",
        "证件号码",
        "地址",
        "文书文号",
        "文书名称",
    ],
}
LIST_TITLES = {
    "arrears": "欠税公告",
    "abnormal": "关于认定非正常户的公告",
    "credit": "纳税信用D级纳税人名单公告",
    "service": "税务文书送达公告",
}


def make_list_kind(cols: str):
    def kind(c: Ctx):
        r = c.r
        how = c.flattening
        out = c.auth() + P("\n" + LIST_TITLES[cols] + "\n") + c.doc_no("公告") + P("\n\n")
        if cols == "service":
            out += P(
                "因下列纳税人下落不明（采用直接送达、留置送达、委托送达、邮寄送达方式均无法送达），根据《中华人民共和国税收征收管理法实施细则》第一百零六条的规定，现将有关税务文书公告送达。自公告之日起满30日，即视为送达。\n"
            )
        elif cols == "arrears":
            out += (
                P("根据《中华人民共和国税收征收管理法》第四十五条及《欠税公告办法（试行）》的规定，现将截至")
                + c.dt()
                + P("欠缴税款的纳税人公告如下：\n")
            )
        else:
            out += P("根据有关规定，现将下列纳税人名单予以公告：\n")
        rows = list_rows_parties(c, r.randint(3, 7), cols)
        out += table(LIST_HEADERS[cols], rows, how, r)
        out += P("\n特此公告。\n")
        return out + closing(c)

    return kind


def kind_major_dishonest(c: Ctx):
    r = c.r
    co = company(c.g, c.reg)
    legal = c.person()
    fin = c.person()
    agency_staff = c.person("han")
    sep = r.choice(["\n", "；", "\n"])
    out = c.auth(bureau(c.g, c.reg, "city")) + P("\n重大税收违法失信主体信息公布\n\n")
    out += (
        P("纳税人名称：")
        + c.pub(co, "company_name")
        + P(sep + "统一社会信用代码：")
        + c.uscc()
        + P(sep + "注册地址：")
        + c.biz_addr()
    )
    out += (
        P(sep + "法定代表人或者负责人姓名：")
        + c.name(legal, "legal_rep", "legal_rep")
        + P(sep + "性别：" + r.choice(["男", "女"]))
    )
    word, ident = c.ident(legal, "legal_rep")
    out += P(sep + word + "：") + ident
    out += P(sep + "负有直接责任的财务负责人姓名：") + c.name(fin, "finance_head", "related")
    word2, ident2 = c.ident(fin, "finance_head")
    out += P(sep + word2 + "：") + ident2
    agency = c.reg[1] + r.choice(CO_WORDS) + r.choice(AGENCIES)
    out += (
        P(sep + "负有直接责任的中介机构信息：")
        + c.pub(agency, "company_name")
        + P("（统一社会信用代码：")
        + c.uscc()
        + P("），从业人员")
        + c.name(agency_staff, "agency_staff", "related")
    )
    out += (
        P(sep + "主要违法事实：经" + "检查，该单位于")
        + c.dt()
        + P("至")
        + c.dt()
        + P("期间，通过个人账户收取收入")
        + c.amt()
        + P("，采取隐瞒收入的方式少缴增值税")
        + c.amt()
        + P("。")
    )
    out += (
        P(
            sep
            + "相关法律依据及税务处理处罚情况：依照《中华人民共和国税收征收管理法》第六十三条的规定，对其处以罚款"
        )
        + c.amt()
        + P("。" + sep + "确定文书文号：")
        + c.doc_no("失信确")
        + P("\n")
    )
    return out + closing(c)


def kind_inspection_notice(c: Ctx):
    r = c.r
    p = c.person()
    out = (
        c.auth(bureau(c.g, c.reg, "city_inspect"))
        + P("\n税务检查通知书\n")
        + c.doc_no("检通")
        + P("\n\n")
        + c.name(p, "party", "party")
        + P("：\n根据《中华人民共和国税收征收管理法》第五十四条规定，决定派")
    )
    out += (
        P(r.choice(["", "检查人员"]) + "自")
        + c.dt()
        + P(
            "起对你"
            + r.choice(["2023年1月1日至2025年12月31日", "2024年度"])
            + "期间的涉税情况进行检查，请予以配合。\n"
        )
    )
    out += (
        P("检查地点：") + c.home(p, "party") + P("\n你的纳税人识别号：") + c.tin_person(p, "party")
        if p["origin"] == "han"
        else P("检查地点：") + c.home(p, "party") + P("\n")
    )
    out += P("\n联系人：检查科，电话：") + c.auth_phone() + P("\n")
    return out + closing(c)


def kind_inquiry_notice(c: Ctx):
    p = c.person()
    co = company(c.g, c.reg)
    out = c.auth() + P("\n询问通知书\n") + c.doc_no("询通") + P("\n\n") + c.name(p, "witness") + P("：\n")
    word, ident = c.ident(p, "witness")
    out += (
        P("（" + word + "：")
        + ident
        + P("）\n根据《中华人民共和国税收征收管理法》第五十四条第（四）项规定，请你于")
        + c.dt()
        + P("到")
        + c.auth_addr()
        + P("，就")
        + c.pub(co, "company_name")
        + P("的有关问题接受询问。\n请携带本人身份证件。如需改期，请拨打")
        + c.auth_phone()
        + P("。你登记的联系电话")
        + c.mobile("witness")
        + P("、")
        + c.landline(p, "witness")
        + P("、电子邮箱")
        + c.email(p, "witness")
        + P("如有变更请告知。\n")
    )
    return out + closing(c)


def kind_service_receipt(c: Ctx):
    r = c.r
    p = c.person()
    proxy = c.person("han")
    wit = c.person()
    rows = [
        ("送达文书名称及文号", P("税务事项通知书（") + c.doc_no("通") + P("）")),
        ("受送达人", c.name(p, "party", "party")),
        ("送达地点", c.home(p, "party")),
        ("受送达人签名或盖章", c.name(p, "party", "party", ["signature"]) + P(" ") + c.dt()),
        (
            "代收人代收理由、签名或盖章",
            P("本人不在，由其" + r.choice(["配偶", "父亲", "同住成年子女"]) + "代收 ")
            + c.name(proxy, "family"),
        ),
        (
            "见证人签名或盖章",
            c.name(wit, "witness")
            + P("（" + r.choice(["社区工作人员", "物业管理人员"]) + "，电话")
            + c.mobile("witness")
            + P("）"),
        ),
        ("送达人签名或盖章", P("税务人员二名（签名略）")),
        ("填发税务机关", c.auth()),
    ]
    out = c.auth() + P("\n税务文书送达回证\n\n")
    how = c.flattening
    if how in ("key_value", "semicolon", "tab", "pipe", "cell_per_line", "html", "csv", "space_aligned"):
        out += (
            table(["项目", "内容"], [[P(k), v] for k, v in rows], how if how != "key_value" else "tab", r)
            if how != "key_value"
            else sum((P(k + "：") + v + P("\n") for k, v in rows), [])
        )
    return out + P("\n备注：无\n")


def kind_agency_report(c: Ctx):
    r = c.r
    out = (
        c.auth(bureau(c.g, c.reg, "city"))
        + P("\n关于涉税专业服务机构及从业人员违规行为的通报\n")
        + c.doc_no("通报")
        + P("\n\n")
    )
    n = r.randint(2, 4)
    rows = []
    for _ in range(n):
        agency = c.reg[1] + r.choice(CO_WORDS) + r.choice(AGENCIES)
        staff = c.person()
        rows.append(
            [
                c.pub(agency, "company_name"),
                c.uscc(),
                c.name(staff, "agency_staff", "related"),
                c.mobile("agency_staff"),
                P(
                    r.choice(
                        [
                            "为委托人虚假填报专项附加扣除",
                            "代理记账未按规定保存凭证",
                            "违规提供涉税鉴证报告",
                            "利用服务之便谋取不正当利益",
                        ]
                    )
                ),
                P(r.choice(["列入涉税服务失信名录", "责令限期改正", "纳入重点监管对象"])),
            ]
        )
    out += table(
        ["机构名称", "统一社会信用代码", "涉事从业人员", "从业人员联系电话", "违规行为", "处理结果"],
        rows,
        c.flattening,
        r,
    )
    out += (
        P("\n请各涉税专业服务机构引以为戒。举报电话：")
        + c.auth_phone()
        + P("，举报邮箱：")
        + c.pub(
            r.choice(["jubao", "nsfw", "zhuanfu"])
            + "@"
            + r.choice(["gx", "gd", "sc", "hn"])
            + ".chinatax.gov.cn",
            "authority_email",
        )
        + P("\n")
    )
    return out + closing(c)


def kind_licence_record(c: Ctx):
    r = c.r
    rows = []
    for _ in range(r.randint(3, 6)):
        legal = c.person()
        if r.random() < 0.7:
            cell = c.pub(company(c.g, c.reg), "company_name")
            code = c.uscc()
        else:
            s = shop(c.g, c.reg, legal["name"])
            cell = c.pub(s, "getihu_name", ["contains_person_name"] if legal["name"] in s else [])
            code = c.uscc("92")
        rows.append(
            [
                cell,
                code,
                c.name(legal, "legal_rep", "legal_rep"),
                c.doc_no("许准"),
                P("增值税防伪税控系统最高开票限额审批"),
                P("准予十万元限额"),
                c.dt(),
                c.dt(),
                c.auth(),
            ]
        )
    out = P("行政许可信息公示（双公示）\n")
    out += table(
        [
            "行政相对人名称",
            "统一社会信用代码",
            "法定代表人",
            "行政许可决定文书号",
            "许可类别",
            "许可内容",
            "许可决定日期",
            "有效期至",
            "许可机关",
        ],
        rows,
        c.flattening,
        r,
    )
    out += P("数据来源：") + c.auth() + P("  发布网址：") + c.pub(url(c.g, c.reg), "url") + P("\n")
    return out


def kind_income_case(c: Ctx):
    """Individual income tax case: streamer / landlord / foreign employee, narrative with many people."""
    r = c.r
    p = c.person()
    out = c.auth() + P("\n税务处理决定书\n") + c.doc_no("处") + P("\n\n") + c.name(p, "party", "party")
    word, ident = c.ident(p, "party")
    out += P("（" + word + "：") + ident + P("）：\n")
    if p["origin"] in ("han",) and r.random() < 0.5:
        out += P("你的护照号码为") + c.passport_cn(p, "party") + P("，")
    sub = r.choice(["landlord", "streamer", "foreign_employee"])
    if sub == "landlord":
        tenant = c.person()
        out += (
            P("经查，你将位于")
            + c.home(p, "landlord")
            + P("的住房出租给")
            + c.name(tenant, "tenant")
            + P("（电话")
            + c.mobile("tenant")
            + P("）使用，租金通过你的银行卡")
            + c.bank("party")
            + P("收取，")
            + c.dt()
            + P("至")
            + c.dt()
            + P("共取得租金收入")
            + c.amt()
            + P("，未申报缴纳个人所得税和房产税。")
        )
    elif sub == "streamer":
        agent = c.person("han")
        mcn = company(c.g, c.reg)
        out += (
            P("经查，你通过")
            + c.pub(mcn, "company_name")
            + P("从事网络直播，经纪人")
            + c.name(agent, "agent")
            + P("（微信绑定手机")
            + c.mobile("agent")
            + P("）代你收取打赏收入")
            + c.amt()
            + P("，转入你名下账户")
            + c.bank("party")
            + P("，你的电子邮箱")
            + c.email(p, "party")
            + P("收到的结算单显示少申报收入")
            + c.amt()
            + P("。")
        )
    else:
        emp = company(c.g, c.reg)
        out += (
            P("经查，你受雇于")
            + c.pub(emp, "company_name")
            + P("（纳税人识别号：")
            + c.uscc()
            + P("），其人事专员")
            + c.name(c.person("han"), "employee")
            + P("（座机")
            + c.landline(p, "employee")
            + P("）提供的工资表显示，你")
            + c.dt()
            + P("取得的境内工资薪金")
            + c.amt()
            + P("未足额代扣代缴。你在中国境内的居所为")
            + c.home(p, "party")
            + P("。")
        )
    out += (
        P("\n根据《中华人民共和国个人所得税法》第二条的规定，应补缴个人所得税")
        + c.amt()
        + P("，并加收滞纳金。\n")
    )
    return out + closing(c)


def kind_rectify_notice(c: Ctx):
    r = c.r
    owner = c.person("han")
    s = shop(c.g, c.reg, owner["name"])
    inside = owner["name"] in s
    out = (
        c.auth(bureau(c.g, c.reg, "branch"))
        + P("\n责令限期改正通知书\n")
        + c.doc_no("限改")
        + P("\n\n")
        + c.pub(s, "getihu_name", ["contains_person_name"] if inside else [])
        + P("（经营者：")
        + c.name(owner, "owner", "party", ["owner_in_shop_name"] if inside else [])
        + P("，统一社会信用代码：")
        + c.uscc("92")
        + P("）：\n")
    )
    out += (
        P(
            "你户"
            + r.choice(
                [
                    "未按照规定的期限申报办理变更税务登记",
                    "未按规定安装、使用税控装置",
                    "未按照规定设置、保管账簿",
                ]
            )
            + "，根据《中华人民共和国税收征收管理法》第六十条规定，限你户于"
        )
        + c.dt()
        + P("前改正。\n经营地址：")
        + c.biz_addr()
        + P("\n")
        + c.name(owner, "owner", "party", ["owner_in_shop_name"] if inside else [])
        + P("本人联系方式：")
        + c.mobile("owner")
        + P("；紧急联系人")
        + c.name(c.person("han"), "family")
        + P("，")
        + c.mobile("family")
        + P("\n")
    )
    return out + closing(c)


def kind_hall_notice(c: Ctx):
    r = c.r
    out = (
        c.auth()
        + P("\n关于调整办税服务厅办公时间的通告\n\n各纳税人、缴费人：\n为进一步优化纳税服务，自")
        + c.dt()
        + P("起，")
        + c.auth()
        + P("办税服务厅办公时间调整为工作日9:00—17:00。纳税人可登录")
        + c.pub(url(c.g, c.reg), "url")
        + P("办理业务。\n")
    )
    out += P("近期有不法分子冒充税务人员，以" + r.choice(["张*", "陶**", "王某某"]))
    out[-1] = ("近期有不法分子冒充税务人员，以", None)
    out += (
        c.done(r.choice(["张*", "陶**", "王某某", "李某", "XXX"]), "masked_name")
        + P("等名义拨打")
        + c.done(r.choice(["138****5678", "159****0012", "186****3321"]), "masked_phone")
        + P("等号码索要验证码，请勿相信。\n各办税服务厅地址及电话：\n")
    )
    rows = []
    for _ in range(r.randint(2, 4)):
        reg = c.reg
        rows.append(
            [c.auth(bureau(c.g, reg, r.choice(["district", "branch"]))), c.auth_addr(), c.auth_phone()]
        )
    out += table(["办税服务厅", "地址", "咨询电话"], rows, c.flattening, r)
    return out + closing(c)


KINDS = {
    "simple_penalty": (kind_simple_penalty, 30, "narrative"),
    "general_penalty": (kind_general_penalty, 32, "narrative"),
    "handling_decision": (kind_handling_decision, 22, "narrative"),
    "penalty_notice": (kind_penalty_notice, 22, "letter"),
    "hearing_notice": (kind_hearing_notice, 18, "letter"),
    "reconsideration": (kind_reconsideration, 18, "narrative"),
    "service_announcement": (make_list_kind("service"), 30, "table"),
    "arrears_announcement": (make_list_kind("arrears"), 30, "table"),
    "abnormal_list": (make_list_kind("abnormal"), 24, "table"),
    "credit_d_list": (make_list_kind("credit"), 20, "table"),
    "major_dishonest": (kind_major_dishonest, 24, "key_value"),
    "inspection_notice": (kind_inspection_notice, 16, "letter"),
    "inquiry_notice": (kind_inquiry_notice, 18, "letter"),
    "service_receipt": (kind_service_receipt, 18, "table"),
    "agency_report": (kind_agency_report, 18, "table"),
    "licence_record": (kind_licence_record, 20, "table"),
    "income_case": (kind_income_case, 28, "narrative"),
    "rectify_notice": (kind_rectify_notice, 18, "letter"),
    "hall_notice": (kind_hall_notice, 14, "table"),
}


def ocr_noise(parts, r: random.Random):
    """OCR-ish noise on the unlabelled text only: stray spaces, half-width punctuation."""
    out = []
    for text, label in parts:
        if label is None and text:
            chars = []
            for ch in text:
                if ch == "：" and r.random() < 0.4:
                    ch = r.choice([":", " : ", "： "])
                elif ch == "，" and r.random() < 0.2:
                    ch = ","
                chars.append(ch)
                if "\u4e00" <= ch <= "\u9fff" and r.random() < 0.03:
                    chars.append(" ")
            text = "".join(chars)
        out.append((text, label))
    return out


def main() -> None:
    r = random.Random(SEED)
    names = list(KINDS)
    weights = [KINDS[k][1] for k in names]
    docs = []
    for i in range(N_DOCS):
        kind = names[i % len(names)] if i < len(names) * 2 else r.choices(names, weights)[0]
        fn, _, base = KINDS[kind]
        noise = r.choice([0.0, 0.0, 0.0, 0.3, 1.0])
        c = Ctx(random.Random(r.random()), noise)
        flat = r.choice(FLATTENINGS) if base == "table" else base
        c.flattening = flat
        parts = fn(c)
        wrap = r.choice([None, None, None, 26, 32, 38]) if flat not in ("html", "csv") else None
        ocr = noise >= 1.0
        if ocr:
            parts = ocr_noise(parts, c.r)
        d = Doc(kind, flat)
        d.add(parts)
        text, spans = d.render(wrap)
        docs.append(
            {
                "id": f"m5-{i:04d}",
                "kind": kind,
                "flattening": flat,
                "pdf_wrap": bool(wrap),
                "ocr_noise": ocr,
                "text": text,
                "spans": spans,
            }
        )
    with (HERE / "corpus.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    n_sp = sum(len(d["spans"]) for d in docs)
    print(f"wrote {len(docs)} documents, {n_sp} labelled spans to {HERE / 'corpus.jsonl'}")


if __name__ == "__main__":
    main()
