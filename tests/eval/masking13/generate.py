"""Generate masking evaluation set 13 (deterministic; writes corpus.jsonl next to this file).

Written without reading the masker or any earlier evaluation set. Every value is invented.
Run: python tests/eval/masking13/generate.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20261207
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")


# ----------------------------------------------------------------------------- values
class V:
    """A labelled value: text, kind (personal|public|masked), type, core (relative), tags."""

    def __init__(self, text, kind, typ, core=None, tags=()):
        self.text, self.kind, self.typ, self.core, self.tags = text, kind, typ, core, list(tags)

    def tag(self, *t):
        return V(self.text, self.kind, self.typ, self.core, self.tags + list(t))


CITIES = [
    # province, city, [(district, id prefix)], area code, bureau short, streets
    (
        "湖南省",
        "长沙市",
        [("芙蓉区", "430102"), ("天心区", "430103"), ("岳麓区", "430104"), ("雨花区", "430111")],
        "0731",
        "长",
        ["五一大道", "韶山北路", "劳动西路", "麓谷大道", "桐梓坡路", "万家丽中路"],
    ),
    (
        "广西壮族自治区",
        "南宁市",
        [("青秀区", "450103"), ("兴宁区", "450102"), ("西乡塘区", "450107")],
        "0771",
        "南",
        ["民族大道", "友爱南路", "竹溪大道", "大学东路", "朝阳路"],
    ),
    (
        "四川省",
        "成都市",
        [("武侯区", "510107"), ("锦江区", "510104"), ("青羊区", "510105"), ("金牛区", "510106")],
        "028",
        "成",
        ["人民南路四段", "红星路三段", "蜀都大道", "一环路北三段", "玉林西路"],
    ),
    (
        "江苏省",
        "苏州市",
        [("姑苏区", "320508"), ("吴中区", "320506"), ("相城区", "320507")],
        "0512",
        "苏",
        ["干将西路", "东吴北路", "人民路", "阳澄湖大道", "宝带东路"],
    ),
    (
        "湖北省",
        "武汉市",
        [("武昌区", "420106"), ("江汉区", "420103"), ("洪山区", "420111")],
        "027",
        "武",
        ["中北路", "解放大道", "珞喻路", "友谊大道", "建设大道"],
    ),
    (
        "陕西省",
        "西安市",
        [("雁塔区", "610113"), ("碑林区", "610103"), ("未央区", "610112")],
        "029",
        "西",
        ["小寨东路", "长安北路", "凤城八路", "太白南路", "朱雀大街"],
    ),
    (
        "福建省",
        "厦门市",
        [("思明区", "350203"), ("湖里区", "350206"), ("集美区", "350211")],
        "0592",
        "厦",
        ["湖滨南路", "嘉禾路", "厦禾路", "集源路", "莲前西路"],
    ),
    (
        "山东省",
        "青岛市",
        [("市南区", "370202"), ("市北区", "370203"), ("崂山区", "370212")],
        "0532",
        "青",
        ["香港中路", "延吉路", "辽阳西路", "海尔路", "敦化路"],
    ),
]
RURAL = [  # county, id prefix, towns
    ("浏阳市", "430181", ["大瑶镇", "永安镇", "官渡镇"]),
    ("宁乡市", "430182", ["花明楼镇", "灰汤镇"]),
    ("横州市", "450181", ["峦城镇", "六景镇"]),
    ("大邑县", "510129", ["安仁镇", "晋原街道"]),
    ("蓝田县", "610122", ["汤峪镇", "玉山镇"]),
    ("胶州市", "370281", ["李哥庄镇", "胶莱街道"]),
    ("同安区", "350212", ["五显镇", "汀溪镇"]),
    ("黄陂区", "420116", ["前川街道", "李家集街道"]),
]
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "慕容", "端木", "皇甫"]
GIVEN1 = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞斌宇浩凯健俊帆琳雪慧颖")
GIVEN2 = [
    "建国",
    "红梅",
    "志强",
    "海燕",
    "晓东",
    "丽华",
    "国庆",
    "春花",
    "德明",
    "秀英",
    "立新",
    "文博",
    "子涵",
    "雨萱",
    "浩然",
    "思远",
    "金凤",
    "永红",
    "家乐",
    "明轩",
    "桂兰",
    "宏伟",
    "淑珍",
    "少华",
    "嘉怡",
    "振宇",
]
MINORITY = ["阿依古丽·买买提", "艾合买提·吐尔逊", "扎西·多吉", "古丽娜尔·阿不都", "巴特尔·其木格"]
LATIN = ["David LIU", "Michael Chen", "CHAN Tai Man", "Jason WONG", "Emily ZHAO", "Kevin Lam"]
MIXED = ["陈Jason", "王Lily", "李Kevin"]
COMPANY_CORE = [
    "恒盛",
    "瑞丰",
    "泓达",
    "锦程",
    "润邦",
    "嘉禾",
    "华拓",
    "弘业",
    "鑫源",
    "天瑞",
    "联创",
    "博通",
    "裕隆",
    "腾远",
    "汇智",
    "正茂",
    "宏泰",
    "凯越",
    "安信",
    "金桥",
]
COMPANY_TAIL = [
    "贸易有限公司",
    "建筑工程有限公司",
    "科技有限公司",
    "餐饮管理有限公司",
    "商贸有限责任公司",
    "物流有限公司",
    "装饰工程有限公司",
    "电子科技有限公司",
    "农业开发有限公司",
    "劳务服务有限公司",
]
SHOP_TAIL = ["烧烤店", "便利店", "五金店", "理发店", "小吃店", "水果店", "汽修部", "服装店", "副食店", "面馆"]
BANKS = [
    "中国工商银行",
    "中国农业银行",
    "中国银行",
    "中国建设银行",
    "交通银行",
    "招商银行",
    "中国邮政储蓄银行",
    "长沙银行",
    "广西北部湾银行",
    "成都农村商业银行",
]
BANK_BIN = {
    "中国工商银行": "622202",
    "中国农业银行": "622848",
    "中国银行": "621661",
    "中国建设银行": "621700",
    "交通银行": "622262",
    "招商银行": "621483",
    "中国邮政储蓄银行": "621799",
    "长沙银行": "623096",
    "广西北部湾银行": "623165",
    "成都农村商业银行": "621449",
}
XIAOQU = [
    "阳光花园",
    "金色家园",
    "锦绣华庭",
    "翠湖苑",
    "南湖新村",
    "幸福里小区",
    "滨江名城",
    "芙蓉公寓",
    "恒大绿洲",
    "桂花园",
    "书香门第",
    "东方明珠小区",
    "新华里",
]
MAIL = ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "outlook.com"]
SYL = ["li", "wang", "hm", "xiao", "jun", "mei", "hong", "chen", "yu", "feng", "lin", "zhao", "tao", "qing"]
LAW_FIRM_CORE = ["君合", "湘楚", "金诚", "天册", "德恒", "启元", "远闻", "海润"]
AGENCY_CORE = ["信达", "中瑞", "华税", "正则", "明德", "诚信通"]


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    # --- helpers
    def ch(self, seq):
        return self.r.choice(seq)

    def digits(self, n):
        return "".join(str(self.r.randrange(10)) for _ in range(n))

    # --- people
    def name(self, style=None):
        r = self.r
        x = r.random() if style is None else style
        if x < 0.04:
            t = self.ch(MINORITY)
            return V(t, "personal", "person_name", (1, len(t)), ["minority_name"])
        if x < 0.07:
            t = self.ch(LATIN)
            return V(t, "personal", "person_name", (1, len(t)), ["latin_name"])
        if x < 0.09:
            t = self.ch(MIXED)
            return V(t, "personal", "person_name", (1, len(t)), ["mixed_script_name"])
        if x < 0.14:
            s = self.ch(COMPOUND)
            t = s + (self.ch(GIVEN1) if r.random() < 0.5 else self.ch(GIVEN2))
            return V(t, "personal", "person_name", (2, len(t)), ["compound_surname"])
        s = self.ch(SURNAMES)
        g = self.ch(GIVEN1) if r.random() < 0.35 else self.ch(GIVEN2)
        t = s + g
        return V(t, "personal", "person_name", (1, len(t)), ["single_char_given"] if len(g) == 1 else [])

    def official(self):
        s = self.ch(SURNAMES)
        t = s + (self.ch(GIVEN2) if self.r.random() < 0.6 else self.ch(GIVEN1))
        return V(t, "public", "official_name", None, ["published_by_policy"])

    def birth(self, minor=False):
        y = self.r.randrange(2010, 2016) if minor else self.r.randrange(1958, 2001)
        return y, self.r.randrange(1, 13), self.r.randrange(1, 29)

    def id_number(self, prefix, minor=False, sep=""):
        y, m, d = self.birth(minor)
        body = f"{prefix}{y:04d}{m:02d}{d:02d}{self.digits(3)}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        c = "10X98765432"[sum(int(a) * b for a, b in zip(body, w, strict=False)) % 11]
        t = body + c
        if sep:
            t = t[:6] + sep + t[6:14] + sep + t[14:]
            return V(t, "personal", "id_number", (7, 15), ["id_spaced"])
        return V(t, "personal", "id_number", (6, 14), ["minor"] if minor else [])

    def tin_person(self, idv):
        return V(idv.text.replace(" ", ""), "personal", "taxpayer_id_person", (6, 14), ["tin_equals_id"])

    def mobile(self, style=None):
        d = "1" + self.ch("3456789") + self.digits(9)
        x = self.r.random() if style is None else style
        if x < 0.12:
            return V(f"{d[:3]}-{d[3:7]}-{d[7:]}", "personal", "mobile", (4, 8), ["mobile_dashed"])
        if x < 0.22:
            return V(f"{d[:3]} {d[3:7]} {d[7:]}", "personal", "mobile", (4, 8), ["mobile_spaced"])
        if x < 0.28:
            return V("+86 " + d, "personal", "mobile", (7, 11), ["mobile_intl"])
        return V(d, "personal", "mobile", (3, 7))

    def landline(self, city):
        area = city[3]
        n = self.ch("2345678") + self.digits(7)
        t = f"{area}-{n}" if self.r.random() < 0.7 else f"（{area}）{n}"
        start = len(t) - len(n)
        return V(t, "personal", "landline_private", (start, len(t) - 2))

    def email(self):
        local = self.ch(SYL) + self.ch(["", ".", "_"]) + self.ch(SYL) + self.digits(self.r.randrange(0, 5))
        t = f"{local}@{self.ch(MAIL)}"
        return V(t, "personal", "email", (0, len(local)))

    def bank_card(self, bank, spaced=None):
        bin6 = BANK_BIN.get(bank, "621700")
        body = bin6 + self.digits(self.ch([12, 12, 13]) - 1 + 0)
        total = 0
        for i, ch in enumerate(reversed(body)):
            v = int(ch)
            if i % 2 == 0:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
        t = body + str((10 - total % 10) % 10)
        spaced = self.r.random() < 0.2 if spaced is None else spaced
        if spaced:
            g = " ".join(t[i : i + 4] for i in range(0, len(t), 4))
            # map digit positions 6..len-4 onto the spaced string
            pos = [i for i, c in enumerate(g) if c.isdigit()]
            return V(g, "personal", "bank_card", (pos[6], pos[len(t) - 4]), ["card_spaced"])
        return V(t, "personal", "bank_card", (6, len(t) - 4))

    def passport(self):
        pre = self.ch(["E", "E", "EA", "EB", "G"])
        t = pre + self.digits(9 - len(pre))
        return V(t, "personal", "passport", (1, len(t) - 2))

    def hk_permit(self):
        t = "C" + self.digits(8) if self.r.random() < 0.6 else "H" + self.digits(10)
        return V(t, "personal", "hk_macao_permit", (1, len(t) - 2))

    def tw_permit(self):
        t = "L" + self.digits(8) if self.r.random() < 0.5 else self.digits(8)
        return V(t, "personal", "taiwan_permit", (1, len(t) - 2))

    # --- addresses
    def home_address(self, city, district=None, with_prov=None, rural=None):
        r = self.r
        rural = r.random() < 0.3 if rural is None else rural
        if rural:
            county, _p, towns = self.ch(RURAL)
            head = county
            detail = (
                self.ch(towns)
                + self.ch(["石门", "杨柳", "新塘", "白沙", "高桥", "枫林", "油麻"])
                + "村"
                + (
                    f"{r.randrange(1, 15)}组"
                    if r.random() < 0.8
                    else self.ch(["上屋", "下湾", "老屋场"]) + "组"
                )
                + (f"{r.randrange(1, 120)}号" if r.random() < 0.7 else "")
            )
            t = head + detail
            return V(t, "personal", "home_address", (len(head), len(t)), ["rural_address"])
        prov, cname, dists = city[0], city[1], city[2]
        dname = district or self.ch(dists)[0]
        with_prov = r.random() < 0.3 if with_prov is None else with_prov
        head = (prov if with_prov else "") + (cname if r.random() < 0.85 else "") + dname
        x = r.random()
        st = self.ch(city[5])
        if x < 0.45:
            detail = f"{st}{r.randrange(1, 600)}号{self.ch(XIAOQU)}{r.randrange(1, 30)}栋{r.randrange(1, 6)}单元{r.randrange(1, 33)}{r.randrange(1, 9):02d}室"
            tags = ["xiaoqu_address"]
        elif x < 0.7:
            detail = f"{self.ch(XIAOQU)}{r.randrange(1, 20)}幢{r.randrange(101, 2802)}室"
            tags = ["xiaoqu_address"]
        elif x < 0.85:
            detail = f"{st}{r.randrange(1, 300)}号{r.randrange(1, 9)}栋{r.randrange(101, 1802)}房"
            tags = []
        else:
            detail = f"{st}{r.randrange(1, 90)}巷{r.randrange(1, 40)}号附{r.randrange(1, 9)}号"
            tags = ["lane_address"]
        t = head + detail
        return V(t, "personal", "home_address", (len(head), len(t)), tags)

    def company(self, city):
        t = city[1].rstrip("市") + self.ch(COMPANY_CORE) + self.ch(COMPANY_TAIL)
        if self.r.random() < 0.3:
            t = (
                self.ch(COMPANY_CORE)
                + self.ch(["（" + city[1].rstrip("市") + "）", ""])
                + self.ch(COMPANY_TAIL)
            )
        return V(t, "public", "company_name")

    def company_address(self, city):
        d = self.ch(city[2])[0]
        t = f"{city[1]}{d}{self.ch(city[5])}{self.r.randrange(1, 800)}号{self.ch(['', '写字楼', '大厦A座', '商务中心'])}{self.r.randrange(2, 30)}楼"
        return V(t, "public", "company_address")

    def uscc(self, prefix="91"):
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        body = prefix + self.ch(
            ["430102", "450103", "510107", "320506", "420106", "610113", "350203", "370212"]
        )
        body += "".join(self.ch(chars) for _ in range(17 - len(body)))
        s = sum(chars.index(c) * wi for c, wi in zip(body, w, strict=False))
        c = (31 - s % 31) % 31
        return V(body + chars[c], "public", "uscc")

    def amount(self):
        x = self.r.random()
        if x < 0.5:
            t = f"{self.r.randrange(100, 9999999) / 100:.2f}元"
        elif x < 0.8:
            v = self.r.randrange(1000, 99999999) / 100
            t = f"{v:,.2f}元"
        else:
            t = f"{self.r.randrange(1, 900)}.{self.r.randrange(10, 99)}万元"
        return V(t, "public", "amount")

    def date(self, year=None):
        y = year or self.ch([2024, 2025, 2026])
        m, d = self.r.randrange(1, 13), self.r.randrange(1, 29)
        x = self.r.random()
        t = f"{y}年{m}月{d}日" if x < 0.75 else (f"{y}-{m:02d}-{d:02d}" if x < 0.9 else f"{y}.{m}.{d}")
        return V(t, "public", "date")

    def bureau(self, city, level=None):
        dname = self.ch(city[2])[0]
        x = self.r.random() if level is None else level
        if x < 0.35:
            t = f"国家税务总局{city[1]}{dname}税务局"
        elif x < 0.6:
            t = f"国家税务总局{city[1]}税务局第{self.ch('一二三')}稽查局"
        elif x < 0.8:
            t = f"国家税务总局{city[1]}税务局"
        else:
            t = f"国家税务总局{city[1]}{dname}税务局{self.ch(['第一税务所', '第二税务分局', '办税服务厅'])}"
        return V(t, "public", "authority_name")

    def docno(self, city, kind="罚"):
        pre = city[4] + self.ch(["税稽", "市税一稽", "市税二稽", "税", "税三稽"]) + kind
        return V(
            f"{pre}〔{self.ch([2024, 2025, 2026])}〕{self.r.randrange(1, 400)}号", "public", "doc_number"
        )

    def bureau_address(self, city):
        d = self.ch(city[2])[0]
        return V(f"{city[1]}{d}{self.ch(city[5])}{self.r.randrange(1, 400)}号", "public", "authority_address")

    def hall_phone(self, city):
        return V(f"{city[3]}-{self.ch('2345678')}{self.digits(7)}", "public", "hall_phone")

    def shop(self, owner: V):
        return V(owner.text + self.ch(SHOP_TAIL), "public", "shop_name", None, ["shop_named_after_owner"])


HOTLINE = V("12366", "public", "hotline")
MASKED_SAMPLES = [
    lambda g: V(g.ch(SURNAMES) + "**", "masked", "masked_name"),
    lambda g: V(g.ch(SURNAMES) + "某某", "masked", "masked_name"),
    lambda g: V(g.ch(SURNAMES) + "某", "masked", "masked_name"),
    lambda g: V(
        g.ch(["4301", "4501", "5101", "9144", "3205"]) + "********" + g.digits(4), "masked", "masked_id"
    ),
    lambda g: V(g.ch(["138", "139", "186", "151"]) + "****" + g.digits(4), "masked", "masked_phone"),
    lambda g: V("XXX", "masked", "placeholder"),
    lambda g: V("×××", "masked", "placeholder"),
    lambda g: V(g.ch(SURNAMES) + g.ch(["老师", "女士", "先生", "师傅", "科长"]), "masked", "official_title"),
]


# ----------------------------------------------------------------------------- assembly
class Doc:
    def __init__(self):
        self.parts: list = []  # str or V
        self.layouts: list = []  # table flattenings used

    def add(self, *items):
        for it in items:
            if isinstance(it, (list, tuple)):
                self.add(*it)
            elif it is not None:
                self.parts.append(it)

    def fmt(self, tpl: str, **kw):
        """Append a template; {key} is a V (span) or a str; {key:tag1,tag2} adds tags to that occurrence."""
        pos = 0
        for m in re.finditer(r"\{(\w+)(?::([\w,]+))?\}", tpl):
            self.parts.append(tpl[pos : m.start()])
            v = kw[m.group(1)]
            if isinstance(v, V) and m.group(2):
                v = v.tag(*m.group(2).split(","))
            self.parts.append(v)
            pos = m.end()
        self.parts.append(tpl[pos:])

    def render(self):
        text, spans, seen = [], [], {}
        n = 0
        for p in self.parts:
            if isinstance(p, V):
                tags = list(p.tags)
                if p.kind == "personal":
                    key = (p.typ, p.text)
                    if key in seen:
                        tags.append("repeated")
                    seen[key] = 1
                sp = {
                    "start": n,
                    "end": n + len(p.text),
                    "kind": p.kind,
                    "type": p.typ,
                    "tags": sorted(set(tags)),
                }
                if p.kind == "personal":
                    sp["core_start"], sp["core_end"] = n + p.core[0], n + p.core[1]
                spans.append(sp)
                text.append(p.text)
                n += len(p.text)
            else:
                text.append(p)
                n += len(p)
        return "".join(text), spans


def insert_chars(text, spans, inserts):
    """inserts: list of (position, string) with insertion before old index position."""
    inserts = sorted(inserts, key=lambda x: x[0])

    def shift(i, inclusive):
        return i + sum(len(s) for p, s in inserts if (p <= i if inclusive else p < i))

    out, last = [], 0
    for p, s in inserts:
        out.append(text[last:p])
        out.append(s)
        last = p
    out.append(text[last:])
    new = []
    for sp in spans:
        sp = dict(sp)
        for k in ("start", "core_start"):
            if k in sp:
                sp[k] = shift(sp[k], True)
        for k in ("end", "core_end"):
            if k in sp:
                sp[k] = shift(sp[k] - 1, True) + 1
        new.append(sp)
    return "".join(out), new


def pdf_wrap(text, spans, rng, width):
    """Hard line breaks every `width` characters of a line, also inside values (tag wrapped)."""
    inserts, col = [], 0
    for i, c in enumerate(text):
        if c == "\n":
            col = 0
            continue
        col += 1
        if col >= width and i + 1 < len(text) and text[i + 1] != "\n":
            inserts.append((i + 1, "\n"))
            col = 0
    new_text, new_spans = insert_chars(text, spans, inserts)
    for sp in new_spans:
        if "\n" in new_text[sp["start"] : sp["end"]]:
            sp["tags"] = sorted(set(sp["tags"]) | {"pdf_wrapped"})
    return new_text, new_spans


NOISE = ["·", "'", "丨", "|", "─", "、", " ", "．", "`", "_", "﹒", "〃"]


def ocr_noise(text, spans, rng, rate):
    inside = set()
    for sp in spans:
        inside.update(range(sp["start"] + 1, sp["end"]))
    edges = {sp["start"] for sp in spans} | {sp["end"] for sp in spans}
    inserts = []
    for i in range(1, len(text)):
        if i in inside:
            continue
        if rng.random() < (rate * 4 if i in edges else rate):
            inserts.append((i, rng.choice(NOISE)))
    new_text, new_spans = insert_chars(text, spans, inserts)
    pos = {p for p, _ in inserts}
    for sp, old in zip(new_spans, spans, strict=False):
        if old["start"] in pos or old["end"] in pos:
            sp["tags"] = sorted(set(sp["tags"]) | {"ocr_touching"})
    return new_text, new_spans


# ----------------------------------------------------------------------------- tables
def cell_len(cell):
    return sum(len(p.text if isinstance(p, V) else p) for p in cell)


def as_cell(c):
    return list(c) if isinstance(c, (list, tuple)) else [c]


def table(doc: Doc, header_rows, rows, layout, rng):
    doc.layouts.append(layout)
    rows = [[as_cell(c) for c in row] for row in rows]
    heads = [[as_cell(c) for c in row] for row in header_rows]
    if layout == "tab":
        for row in heads + rows:
            for j, c in enumerate(row):
                if j:
                    doc.add("\t")
                doc.add(c)
            doc.add("\n")
    elif layout == "pipe":
        for k, row in enumerate(heads + rows):
            doc.add("| ")
            for c in row:
                doc.add(c, " | ")
            doc.add("\n")
            if k == len(heads) - 1:
                doc.add("|" + "---|" * len(row) + "\n")
    elif layout == "cells":
        for row in heads + rows:
            for c in row:
                doc.add(c, "\n")
    elif layout == "space":
        ncol = max(len(r) for r in heads + rows)
        widths = [max(cell_len(r[j]) if j < len(r) else 0 for r in heads + rows) for j in range(ncol)]
        for row in heads + rows:
            for j, c in enumerate(row):
                doc.add(c)
                if j < len(row) - 1:
                    doc.add(" " * (widths[j] - cell_len(c) + 2))
            doc.add("\n")
    elif layout == "kv":
        keys = heads[-1]
        for row in rows:
            for k, c in zip(keys, row, strict=False):
                doc.add(k, rng.choice(["：", ":", "： "]), c, "\n")
            doc.add("\n")
    elif layout == "csv":
        for row in heads + rows:
            for j, c in enumerate(row):
                if j:
                    doc.add(",")
                plain = "".join(p.text if isinstance(p, V) else p for p in c)
                if any(x in plain for x in ',"\n') or rng.random() < 0.3:
                    doc.add('"', [p if isinstance(p, V) else p.replace('"', '""') for p in c], '"')
                else:
                    doc.add(c)
            doc.add("\r\n" if rng.random() < 0.1 else "\n")
    elif layout == "html":
        doc.add('<table border="1">\n')
        for k, row in enumerate(heads):
            doc.add("<tr>")
            for c in row:
                span = (
                    ' colspan="2"'
                    if (k == 0 and len(heads) > 1 and cell_len(c) and rng.random() < 0.3)
                    else ""
                )
                doc.add(f"<th{span}>", c, "</th>")
            doc.add("</tr>\n")
        for row in rows:
            doc.add("<tr>")
            for c in row:
                doc.add("<td>", c, "</td>")
            doc.add("</tr>\n")
        doc.add("</table>\n")
    elif layout == "semicolon":
        keys = heads[-1]
        for row in rows:
            for j, (k, c) in enumerate(zip(keys, row, strict=False)):
                if j:
                    doc.add("；")
                doc.add(k, "：", c)
            doc.add("。\n")
    elif layout == "scan":
        for row in heads + rows:
            doc.add(rng.choice(["│", "|", "┃ "]))
            for c in row:
                doc.add(" ", c, rng.choice([" │", " |", "|", " ┃"]))
            doc.add("\n" + "─" * rng.randrange(10, 40) + "\n")
    else:
        raise ValueError(layout)


TABLE_LAYOUTS = ["tab", "pipe", "cells", "space", "kv", "csv", "html", "semicolon", "scan"]


# ----------------------------------------------------------------------------- document kinds
def contact_block(doc, g, city, bureau, rng):
    """The bureau's own public contacts (must stay)."""
    addr, phone = g.bureau_address(city), g.hall_phone(city)
    shapes = [
        "\n联系地址：{a}\n联系电话：{p}\n纳税服务热线：{h}\n",
        "\n如有疑问，请拨打{h}纳税服务热线或{p}咨询，也可到{a}办税服务厅办理。\n",
        "\n办税服务厅地址：{a}；咨询电话：{p}（工作日9:00-17:00）；{h}。\n",
        "\n（受理机关：{b}，地址：{a}，电话：{p}）\n",
        "\n{b}\n地址 {a}    电话 {p}    网址 {u}\n",
        "\n联系人：{o}  联系电话：{p}\n",
    ]
    site = {
        "湖南省": "hunan",
        "广西壮族自治区": "guangxi",
        "四川省": "sichuan",
        "江苏省": "jiangsu",
        "湖北省": "hubei",
        "陕西省": "shaanxi",
        "福建省": "fujian",
        "山东省": "shandong",
    }[city[0]]
    url = V(
        f"https://{site}.chinatax.gov.cn"
        + rng.choice(["", "/col/col" + str(rng.randrange(1000, 30000)) + "/index.html"]),
        "public",
        "url",
    )
    doc.fmt(rng.choice(shapes), a=addr, p=phone, h=HOTLINE, b=bureau, u=url, o=g.official())


def signature(doc, g, bureau, rng):
    doc.fmt(
        rng.choice(["\n{b}\n{d}\n", "\n\n{b}（印章）\n{d}", "\n{b}\n二〇二六年{m}月{dd}日\n"]),
        b=bureau,
        d=g.date(),
        m=rng.choice("一二三四五六七八九十"),
        dd=rng.choice(["三", "十二", "二十一"]),
    )


def maybe_masked(doc, g, rng, p=0.5):
    if rng.random() < p:
        mv = rng.choice(MASKED_SAMPLES)(g)
        doc.fmt(
            rng.choice(
                [
                    "\n（本文书公开时已对{m}等信息作技术处理。）\n",
                    "\n另查明，案件线索由{m}提供。\n",
                    "\n备注：原件中{m}已按规定隐去。\n",
                    "\n经办人员已电话告知{m}。\n",
                ]
            ),
            m=mv,
        )


def k_ysqgk_reply(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.1)
    n, addr, mob, em = g.name(), g.home_address(city), g.mobile(), g.email()
    d.fmt("{b}\n政府信息公开申请答复书\n", b=b)
    d.fmt(
        "{no}\n\n",
        no=V(
            f"{city[4]}税信公开〔{rng.choice([2025, 2026])}〕{rng.randrange(1, 90)}号", "public", "doc_number"
        ),
    )
    heads = [
        "{n}：\n",
        "申请人：{n}\n通讯地址：{a}\n联系电话：{m}\n电子邮箱：{e}\n\n",
        "{n}（住{a}，电话{m}）：\n",
        "{n}女士/先生：\n",
        "申请人姓名：{n}    固定电话：{ll}\n证件号码：{i}\n",
        "申请人：{n}（香港居民，来往内地通行证号码{hk}），通讯地址：{a}\n",
        "申请人：{n}，证件类型：护照，证件号码：{pp}，电子邮箱{e}\n",
        "申请人：{n}（台湾居民，台湾居民来往大陆通行证{tw}），手机{m}\n",
        "致：{n}（邮寄地址：{a}）\n",
    ]
    idv = g.id_number(rng.choice(city[2])[1])
    d.fmt(
        rng.choice(heads),
        n=n,
        a=addr,
        m=mob,
        e=em,
        ll=g.landline(city),
        i=idv,
        hk=g.hk_permit(),
        pp=g.passport(),
        tw=g.tw_permit(),
    )
    dt = g.date()
    bodies = [
        "本机关于{dt}收到您通过互联网在线平台提交的政府信息公开申请，您申请获取“{c}{y}年度增值税缴纳情况”的信息。",
        "{n}于{dt}向本机关邮寄《政府信息公开申请表》，要求公开本机关对{c}作出的{no}号文书及相关检查报告。",
        "您在申请中称，{n:object_context}本人系{c}原职工，要求本机关提供该公司为其代扣代缴个人所得税的明细。",
        "本机关于{dt}收到{n:possessive}的申请，申请表中所留地址为{a}，联系电话为{m}。",
        "经登记，申请人{n}于{dt}当面提交申请，并出示身份证（号码{i}），申请获取其本人{y}年的纳税记录。",
        "现对{n}提出的申请答复如下：您申请公开的信息涉及第三方{t}的个人隐私，本机关已书面征求其意见，{t}不同意公开。",
    ]
    third = g.name()
    k = rng.sample(range(len(bodies)), 3)
    for j in k:
        d.fmt(
            bodies[j],
            n=n,
            dt=dt,
            c=g.company(city),
            y=str(rng.choice([2022, 2023, 2024])),
            no=g.docno(city),
            a=addr,
            m=mob,
            i=idv,
            t=third,
        )
        d.add("\n")
    d.fmt(
        rng.choice(
            [
                "根据《中华人民共和国政府信息公开条例》第三十六条第{x}项的规定，现将有关信息以电子邮件方式发送至{e}，请查收。\n",
                "本机关已将答复材料通过EMS寄往{a}，请注意签收；如{n}对本答复不服，可在收到之日起六十日内向{ub}申请行政复议。\n",
                "如您对本答复不服，可以自收到本答复书之日起六十日内向{ub}申请行政复议，或者六个月内向人民法院提起行政诉讼。\n",
            ]
        ),
        x=rng.choice("一二三四五六七"),
        e=em,
        a=addr,
        n=n,
        ub=g.bureau(city, 0.7),
    )
    maybe_masked(d, g, rng)
    contact_block(d, g, city, b, rng)
    signature(d, g, b, rng)
    return d, "ysqgk_reply"


def k_ysqgk_register(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.7)
    d.fmt("{b}{y}年依申请公开政府信息办理情况登记表\n", b=b, y=str(rng.choice([2025, 2026])))
    heads = (
        [
            ["序号", "申请人", "申请人信息", "", "申请内容", "受理日期", "答复情况"],
            ["", "", "联系方式", "通讯地址", "", "", ""],
        ]
        if rng.random() < 0.5
        else [["序号", "申请人", "联系方式", "通讯地址", "申请内容", "受理日期", "答复情况"]]
    )
    rows = []
    for i in range(rng.randrange(3, 7)):
        x = rng.random()
        who = g.name() if x < 0.65 else (g.company(city) if x < 0.85 else MASKED_SAMPLES[rng.randrange(3)](g))
        if who.kind == "personal":
            contact = rng.choice([g.mobile(), g.email(), g.landline(city), g.passport()])
            addr = g.home_address(city)
        elif who.kind == "masked":
            contact = MASKED_SAMPLES[4](g)
            addr = V(rng.choice(["XXX", "×××", "（已隐去）"]), "masked", "placeholder")
        else:
            contact = V(g.hall_phone(city).text, "public", "company_phone")
            addr = g.company_address(city)
        rows.append(
            [
                str(i + 1),
                who,
                contact,
                addr,
                rng.choice(
                    [
                        "本人社保缴费记录",
                        "某企业欠税情况",
                        "行政处罚决定书",
                        "纳税信用评价结果",
                        "发票查验规则",
                    ]
                ),
                g.date(),
                rng.choice(["予以公开", "部分公开", "不予公开（涉及个人隐私）", "信息不存在"]),
            ]
        )
    table(d, heads, rows, rng.choice(TABLE_LAYOUTS), rng)
    contact_block(d, g, city, b, rng)
    return d, "ysqgk_register"


def k_review(g, rng, city):
    d = Doc()
    rb = g.bureau(city, 0.7)
    lb = g.bureau(city, 0.1)
    ap, ag, tp = g.name(), g.name(), g.name()
    idv = g.id_number(rng.choice(city[2])[1])
    firm = V(
        city[1].rstrip("市") + "".join(rng.sample(LAW_FIRM_CORE, 1)) + "律师事务所", "public", "law_firm"
    )
    addr = g.home_address(city)
    d.fmt(
        "{b}\n税务行政复议决定书\n{no}\n\n",
        b=rb,
        no=V(f"{city[4]}税复决字〔2026〕{rng.randrange(1, 60)}号", "public", "doc_number"),
    )
    heads = [
        "申请人：{ap}，{sex}，{y}年出生，公民身份号码{i}，住{a}。\n委托代理人：{ag}，{f}律师。\n被申请人：{lb}。\n",
        "申请人{ap}，住所地{a}，身份证号码：{i}。\n委托代理人{ag}，系申请人之{rel}。\n被申请人：{lb}，住所地{la}。\n第三人：{tp}，联系电话{m}。\n",
        "申请人：{ap}\n  住址：{a}\n  联系电话：{m}\n被申请人：{lb}\n  法定代表人：{o}，局长\n",
    ]
    d.fmt(
        rng.choice(heads),
        ap=ap,
        sex="男" if int(idv.text[16]) % 2 else "女",
        y=idv.text[6:10],
        i=idv,
        a=addr,
        ag=ag,
        f=firm,
        lb=lb,
        rel=rng.choice(["配偶", "儿子", "女儿", "兄长"]),
        la=g.bureau_address(city),
        tp=tp,
        m=g.mobile(),
        o=g.official(),
    )
    no0, dt0 = g.docno(city), g.date(2025)
    body = [
        "申请人不服被申请人于{dt0}作出的{no0}《税务行政处罚决定书》，于{dt1}向本机关申请行政复议，本机关依法受理。",
        "{ap}称：{q}",
        "被申请人答复称，经查，{ap}于{y}年取得劳务报酬{amt}，未依法申报个人所得税。",
        "第三人{tp}述称，其与{ap:repeat_ctx}之间的房屋买卖合同约定税费由买方承担，{tp:repeat_ctx}已按约定支付{amt}。",
        "本机关查明：{dt0}，被申请人向{ap:object}送达了{no0}；{dt1}，{ag}代{ap:possessive_ctx}提交了复议申请书及授权委托书。",
        "复议期间，本机关听取了{ap}、{ag}的意见，并向{tp}、{tp2}等人调查核实。",
        "另查明，{ap}的银行账户（{bk}，账号{card}）于{dt1}被冻结。",
        "本机关认为，被申请人作出的{no0}认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。",
    ]
    q = rng.choice(
        [
            "“我从没收到过任何通知，地址一直是" + "{a}" + "。”",
            "“被申请人认定的收入有误，请求撤销。”",
            "“{tp}才是实际收款人，请复议机关查明。”",
        ]
    )
    bank = rng.choice(BANKS)
    for s in rng.sample(body, rng.randrange(4, 7)):
        s2 = s.replace("{q}", q)
        d.fmt(
            s2,
            ap=ap,
            ag=ag,
            tp=tp,
            tp2=g.name(),
            dt0=dt0,
            no0=no0,
            dt1=g.date(2026),
            y=str(rng.choice([2023, 2024])),
            amt=g.amount(),
            a=addr,
            bk=V(bank + city[1] + rng.choice(["分行营业部", "支行"]), "public", "bank_branch"),
            card=g.bank_card(bank),
        )
        d.add("\n")
    d.fmt(
        rng.choice(
            [
                "根据《中华人民共和国行政复议法》第六十八条的规定，本机关决定：维持被申请人作出的{no0}。\n",
                "本机关决定：撤销{no0}，责令被申请人在六十日内重新作出行政行为。申请人{ap}如不服本决定，可以自收到之日起十五日内向人民法院提起行政诉讼。\n",
            ]
        ),
        no0=no0,
        ap=ap,
    )
    maybe_masked(d, g, rng)
    signature(d, g, rb, rng)
    return d, "review_decision"


def k_enforce(g, rng, city):
    d = Doc()
    b = g.bureau(city, rng.random() * 0.8)
    n = g.name()
    idv = g.id_number(rng.choice(city[2])[1])
    bank = rng.choice(BANKS)
    branch = V(
        bank + city[1] + rng.choice(["分行", "支行", "营业部", rng.choice(city[2])[0] + "支行"]),
        "public",
        "bank_branch",
    )
    card = g.bank_card(bank)
    amt, dt = g.amount(), g.date()
    if rng.random() < 0.5:
        d.fmt(
            "{b}\n税收强制执行决定书\n{no}\n\n{n}（纳税人识别号：{t}）：\n",
            b=b,
            no=g.docno(city, "强"),
            n=n,
            t=g.tin_person(idv),
        )
        shapes = [
            "你（地址：{a}）于{dt}前未缴纳{no0}确定的税款及滞纳金{amt}，经催告后仍未缴纳。根据《中华人民共和国税收征收管理法》第四十条规定，经{lb}局长批准，决定从你在{br}开立的账户（账号：{c}）中扣缴上述款项。\n",
            "经查，{n}名下存款账户为{br}{c}，本机关决定扣缴{amt}入库。{n:repeat_ctx}如对本决定不服，可依法申请行政复议。\n",
            "因你未按照规定期限缴纳税款{amt}，现决定强制执行。执行账户：开户银行 {br}；账号 {c}；户名 {n}。\n",
            "本机关曾于{dt}向你送达{no0}，限期缴纳{amt}。你至今未缴，本机关决定书面通知{br}从你的存款（{c}）中扣缴税款。{n:repeat_ctx}户籍所在地为{a}。\n",
            "鉴于你名下位于{a}的房产已被查封，且你在{br}的账户{c}余额足以清偿，本机关决定先行扣缴存款{amt}。\n",
            "经{lb}负责人批准，对你采取如下强制执行措施：一、扣缴存款，账户{c}（{br}）；二、扣押、查封价值相当于{amt}的财产。\n",
        ]
    else:
        d.fmt("{b}\n扣缴税收款项通知书\n{no}\n\n{br}：\n", b=b, no=g.docno(city, "扣"), br=branch)
        shapes = [
            "根据《中华人民共和国税收征收管理法》第四十条规定，经{lb}局长批准，请从纳税人{n}（身份证号码{i}）在你处开设的{c}账户中扣缴税款{amt}，并于{dt}前划解入库。\n",
            "纳税人{n}，住{a}，存款账号{c}。请你行自收到本通知书之日起立即扣缴{amt}。\n",
            "兹有{n}欠缴个人所得税，根据有关规定，请协助将其账户{c}内存款{amt}划缴国库。{n:repeat_ctx}的联系电话{m}仅供核对，不得外传。\n",
            "户名：{n}\n账号：{c}\n扣缴金额：{amt}\n扣缴理由：逾期未缴纳{no0}确定的税款\n",
            "请将{n}（{i}）账号为{c}的活期储蓄存款中的{amt}，于收到本通知书当日扣缴，并将税收缴款书回执联退回本机关。\n",
            "经查，欠税人{n:subject}住{a}，在你行开有个人结算账户{c}。请依法协助扣缴{amt}。\n",
        ]
    d.fmt(
        rng.choice(shapes),
        a=g.home_address(city),
        dt=dt,
        no0=g.docno(city, "处"),
        amt=amt,
        lb=b,
        br=branch,
        c=card,
        n=n,
        i=idv,
        m=g.mobile(),
    )
    maybe_masked(d, g, rng)
    contact_block(d, g, city, b, rng)
    signature(d, g, b, rng)
    return d, "enforcement"


def k_exit_ban(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.7)
    n = g.name()
    idv = g.id_number(rng.choice(city[2])[1])
    pp = rng.choice([g.passport, g.passport, g.passport, g.hk_permit, g.tw_permit])()
    com = g.company(city)
    amt = g.amount()
    d.fmt("{b}\n阻止出境决定书\n{no}\n\n", b=b, no=g.docno(city, "阻"))
    shapes = [
        "{n}（{com}法定代表人，身份证件号码：{i}，护照号码：{pp}）：\n{com}欠缴税款{amt}，未结清税款、滞纳金，又未提供纳税担保。根据《中华人民共和国税收征收管理法》第四十四条规定，决定阻止你出境。\n",
        "被阻止出境人：{n}\n证件类型：{ptype}\n证件号码：{pp}\n公民身份号码：{i}\n户籍地址：{a}\n欠税单位：{com}（统一社会信用代码：{u}）\n欠税金额：{amt}\n",
        "经查，你作为{com}的法定代表人，该公司截至{dt}尚欠税款{amt}。本局已于{dt}通知出入境管理机关对{n}（持{ptype}，号码{pp}）实施边控。\n",
        "{com}：\n你单位欠缴税款{amt}。经{b2}批准，决定对你单位法定代表人{n}阻止出境，其证件为{ptype}{pp}，现居住地{a}。\n",
        "{n}：\n你于{dt}前应缴未缴个人所得税{amt}。你持有的{ptype}（{pp}）已通报出入境边防检查机关，在结清税款前不得出境。\n",
        "关于对{n}阻止出境的决定\n欠税人{n:repeat_ctx}，身份证号{i}，联系电话{m}。因其未结清{com}所欠税款{amt}，本局决定阻止其出境。\n",
        "我局在检查中发现，{com}的实际控制人{n}持{ptype}多次往返境外，证件号码{pp}。该公司欠缴税款{amt}，已无可供执行财产。\n",
        "{ptype}号码：{pp}；姓名：{n}；户籍：{a}；欠税金额：{amt}；所在单位：{com}\n",
    ]
    ptype = {"passport": "普通护照", "hk_macao_permit": "往来港澳通行证", "taiwan_permit": "往来台湾通行证"}[
        pp.typ
    ]
    d.fmt(
        rng.choice(shapes),
        n=n.tag("legal_rep"),
        com=com,
        i=idv,
        pp=pp,
        amt=amt,
        ptype=ptype,
        a=g.home_address(city),
        u=g.uscc(),
        dt=g.date(),
        b2=g.bureau(city, 0.7),
        m=g.mobile(),
    )
    d.fmt(
        rng.choice(
            [
                "{n}结清税款或提供担保后，可向本局申请解除阻止出境。\n",
                "如不服本决定，可自收到之日起六十日内申请行政复议。\n",
            ]
        ),
        n=n,
    )
    contact_block(d, g, city, b, rng)
    signature(d, g, b, rng)
    return d, "exit_ban"


def k_report_reply(g, rng, city):
    d = Doc()
    b = g.bureau(city, rng.random())
    rp, tgt = g.name(), g.name()
    shop = g.shop(tgt) if rng.random() < 0.5 else g.company(city)
    d.fmt(rng.choice(["检举事项处理情况告知书\n", "关于{n}举报事项的答复\n", "税收违法行为检举答复\n"]), n=rp)
    d.fmt(
        rng.choice(["{n}：\n", "{n}先生：\n", "举报人{n}（联系电话：{m}）：\n", "尊敬的{n}：\n"]),
        n=rp,
        m=g.mobile(),
    )
    body = [
        "你于{dt}通过{h}热线反映{s}销售商品不开具发票的问题，本局已受理。",
        "您反映的{s}（经营者{t}）少缴税款问题，经检查，{t:repeat_ctx}于{y}年少申报收入{amt}，本局已依法追缴。",
        "经核查，被举报人{t}住所为{a2}，其经营的{s}已办理税务登记，未发现您反映的违法事实。",
        "您在来信中留下的地址{a}及电话{m}，本局仅用于答复，不对外公开。",
        "根据《检举纳税人税收违法行为奖励暂行办法》，您可获得奖励{amt2}，请携带身份证件于{dt2}前到{ba}领取。",
        "{rp:subject}反映的问题中，关于{t}虚开发票一事已移交{b2}处理。",
        "对您的监督，我们表示感谢。",
    ]
    for s in rng.sample(body, rng.randrange(3, 6)):
        d.fmt(
            s,
            dt=g.date(),
            h=HOTLINE,
            s=shop,
            t=tgt,
            y=str(rng.choice([2024, 2025])),
            amt=g.amount(),
            a2=g.home_address(city),
            a=g.home_address(city),
            m=g.mobile(),
            amt2=g.amount(),
            dt2=g.date(2026),
            ba=g.bureau_address(city),
            rp=rp,
            b2=g.bureau(city, 0.5),
        )
        d.add("\n")
    contact_block(d, g, city, b, rng)
    signature(d, g, b, rng)
    return d, "report_reply"


def k_ss_arrears(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.1)
    com = g.company(city)
    d.fmt(rng.choice(["关于{c}欠缴社会保险费的公告\n", "社会保险费欠费催缴公告（{c}）\n"]), c=com)
    d.fmt(
        "{c}（统一社会信用代码{u}）截至{dt}欠缴职工基本养老保险费等共计{amt}。涉及职工如下：\n",
        c=com,
        u=g.uscc(),
        dt=g.date(),
        amt=g.amount(),
    )
    heads = [["序号", "职工姓名", "公民身份号码", "欠费月份", "欠费金额（元）"]]
    if rng.random() < 0.4:
        heads = [["序号", "职工信息", "", "欠费情况", ""], ["", "姓名", "身份证号", "所属期", "金额"]]
    rows = []
    for i in range(rng.randrange(3, 9)):
        rows.append(
            [
                str(i + 1),
                g.name(),
                g.id_number(rng.choice(city[2])[1], sep=" " if rng.random() < 0.05 else ""),
                f"{rng.choice([2024, 2025])}{rng.randrange(1, 13):02d}-{rng.choice([2025, 2026])}{rng.randrange(1, 13):02d}",
                V(f"{rng.randrange(300, 90000) / 100:.2f}", "public", "amount"),
            ]
        )
    table(d, heads, rows, rng.choice(TABLE_LAYOUTS), rng)
    if rng.random() < 0.5:
        d.fmt(
            rng.choice(
                [
                    "经核实，{x}、{y}、{z}等职工已离职，其欠费由{c}继续补缴。\n",
                    "其中{x}的欠费已由本人于{dt}缴清；{y}、{z}对欠费金额提出异议。\n",
                    "职工{x}反映单位长期未为其缴费，{x:repeat_ctx}现住{a}，联系电话{m}。\n",
                ]
            ),
            x=rows[0][1],
            y=rows[1][1],
            z=rows[2][1],
            c=com,
            dt=g.date(),
            a=g.home_address(city),
            m=g.mobile(),
        )
    d.fmt(
        rng.choice(["请{c}于公告之日起十五日内到{a}缴纳。\n", "职工可拨打{p}查询本人缴费情况。\n"]),
        c=com,
        a=g.bureau_address(city),
        p=g.hall_phone(city),
    )
    signature(d, g, b, rng)
    return d, "ss_arrears_list"


def k_credit_list(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.7)
    d.fmt("{b}关于公布{y}年度纳税信用A级纳税人名单的公告\n", b=b, y=str(rng.choice([2024, 2025])))
    heads = [["序号", "纳税人识别号", "纳税人名称", "法定代表人（负责人）"]]
    rows = []
    for i in range(rng.randrange(4, 9)):
        if rng.random() < 0.3:
            own = g.name()
            rows.append([str(i + 1), g.uscc("92"), g.shop(own), own.tag("owner_of_listed_shop")])
        else:
            rows.append([str(i + 1), g.uscc(), g.company(city), g.name().tag("legal_rep")])
    table(d, heads, rows, rng.choice(TABLE_LAYOUTS), rng)
    contact_block(d, g, city, b, rng)
    return d, "credit_list"


def k_agent_dishonest(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.7)
    ag = V(
        city[1].rstrip("市")
        + rng.choice(AGENCY_CORE)
        + rng.choice(["税务师事务所有限公司", "财务咨询有限公司", "代理记账有限公司"]),
        "public",
        "company_name",
    )
    staff = [g.name() for _ in range(rng.randrange(1, 4))]
    d.fmt(
        "涉税专业服务失信名录公告\n\n{b}依据《涉税专业服务监管办法（试行）》，将下列机构及人员列入涉税专业服务失信名录：\n",
        b=b,
    )
    if rng.random() < 0.5:
        heads = [["名称/姓名", "统一社会信用代码/证件号码", "失信行为", "列入日期"]]
        rows = [[ag, g.uscc(), "出具虚假涉税鉴证报告", g.date()]]
        for s in staff:
            rows.append([s, g.id_number(rng.choice(city[2])[1]), "作为从业人员参与上述行为", g.date()])
        table(d, heads, rows, rng.choice(TABLE_LAYOUTS), rng)
    else:
        d.fmt("{ag}及其从业人员", ag=ag)
        for j, s in enumerate(staff):
            if j:
                d.add("、")
            d.add(s)
        d.fmt(
            rng.choice(
                [
                    "等人，于{dt}为委托人编造虚假计税依据，情节严重。",
                    "在{dt}至{dt2}期间违规代理{n}户纳税人申报。",
                ]
            ),
            dt=g.date(),
            dt2=g.date(2026),
            n=str(rng.randrange(3, 40)),
        )
        d.fmt(
            "其中{s}（身份证号码{i}，手机{m}）为该所执业负责人。\n",
            s=staff[0],
            i=g.id_number(rng.choice(city[2])[1]),
            m=g.mobile(),
        )
    contact_block(d, g, city, b, rng)
    signature(d, g, b, rng)
    return d, "agent_dishonest"


def k_hearing(g, rng, city):
    d = Doc()
    g.bureau(city, rng.random())
    host, clerk = g.official(), g.official()
    party, agent = g.name(), g.name()
    wit = g.name()
    d.fmt(rng.choice(["听证笔录\n", "陈述申辩笔录\n", "税务行政处罚听证会记录\n"]))
    d.fmt(
        "时间：{dt} 9时30分\n地点：{a}\n主持人：{h}  记录人：{c}\n当事人：{p}，身份证号码{i}，住{ha}\n委托代理人：{ag}，电话{m}\n\n",
        dt=g.date(),
        a=g.bureau_address(city),
        h=host,
        c=clerk,
        p=party,
        i=g.id_number(rng.choice(city[2])[1]),
        ha=g.home_address(city),
        ag=agent,
        m=g.mobile(),
    )
    lines = [
        "{h}：现在开始听证。请当事人核对身份。",
        "{p}：我是{p:repeat_ctx}，地址没有变。",
        "{ag}：我是{p:possessive}的代理人，对案件调查人员{c2}提出的事实有异议。",
        "调查人员{c2}：经查，当事人于{y}年通过{sh}取得经营收入{amt}，未申报。",
        "{p}：那笔钱是{w}转给我的，{w:repeat_ctx}可以作证，他的电话是{wm}。",
        "{h}：{ag}，你还有什么补充？",
        "{ag}：请求从轻处罚。{p}家庭困难，住在{ha}，是租的房子。",
        "{h}：听证结束，请{p}、{ag}阅核笔录后签字。",
    ]
    owner_shop = g.shop(party)
    for s in lines[: rng.randrange(5, 9)]:
        d.fmt(
            s + "\n",
            h=host,
            p=party,
            ag=agent,
            c2=g.official(),
            y=str(rng.choice([2023, 2024])),
            sh=owner_shop,
            amt=g.amount(),
            w=wit,
            wm=g.mobile(),
            ha=g.home_address(city, rural=False),
        )
    return d, "hearing_record"


def k_penalty(g, rng, city):
    d = Doc()
    b = g.bureau(city, rng.random() * 0.8)
    n = g.name()
    idv = g.id_number(rng.choice(city[2])[1])
    subj = rng.choice(["person", "getihu", "company"])
    no, no_prev = g.docno(city, "罚"), g.docno(city, "处")
    d.fmt("{b}\n税务行政处罚决定书\n{no}\n\n", b=b, no=no)
    if subj == "person":
        d.fmt(
            rng.choice(
                [
                    "{n}（纳税人识别号：{t}）：\n",
                    "当事人：{n}，性别{sx}，身份证号码：{i}，户籍地址：{a}，现住{a2}。\n",
                    "{n}（居民身份证号码{i}；联系地址{a}）：\n",
                ]
            ),
            n=n,
            t=g.tin_person(idv),
            i=idv,
            a=g.home_address(city),
            a2=g.home_address(city),
            sx=rng.choice("男女"),
        )
        lead = n
    elif subj == "getihu":
        shop = g.shop(n)
        d.fmt(
            rng.choice(
                [
                    "{s}（经营者：{n}，统一社会信用代码：{u}）：\n",
                    "当事人：{s}\n经营者：{n}\n经营地址：{ba}\n户籍地址：{a}\n",
                    "{s}，{n}：\n",
                ]
            ),
            s=shop,
            n=n,
            u=g.uscc("92"),
            a=g.home_address(city),
            ba=V(
                city[1] + rng.choice(city[2])[0] + rng.choice(city[5]) + f"{rng.randrange(1, 300)}号门面",
                "public",
                "business_address",
            ),
        )
        lead = shop
    else:
        com = g.company(city)
        d.fmt(
            "{c}（统一社会信用代码：{u}；地址：{ca}；法定代表人：{n}）：\n",
            c=com,
            u=g.uscc(),
            ca=g.company_address(city),
            n=n.tag("legal_rep"),
        )
        lead = com
    body = [
        "经我局于{dt}至{dt2}对{lead}{y}年度涉税情况检查，违法事实如下：",
        "经查，{n}于{y}年{mo}月将位于{a}的住房出租给{o2}，取得租金收入{amt}，未申报缴纳个人所得税。",
        "{n:subject_before_verb}未按规定期限办理纳税申报，经{b}于{dt}责令限期改正（{prev}），逾期仍未改正。",
        "{lead}在{dt}通过其本人{bank}账户（{card}）收取货款{amt}，未开具发票，也未申报纳税。",
        "{o2}、{o3}等人证实，{n:object}曾向他们销售货物并收取现金。",
        "另查明，你于{dt2}向{c}虚开增值税普通发票，发票代码{ic}，发票号码{inum}，金额{amt}。",
        "该事实有{n:possessive}询问笔录、银行流水、{o2}的证言等证据证实。",
        "本局已于{dt2}以{prev}《税务处理决定书》追缴税款{amt}，{n}已于{dt3}缴纳。",
        "你在陈述申辩中称，相关收入系{o3}代收，但未提供证据，本局不予采纳。",
        "以上事实，有{n}签字确认的《询问（调查）笔录》、{o2}（身份证号码{i2}）的证言为证。",
    ]
    bank = rng.choice(BANKS)
    for s in rng.sample(body, rng.randrange(4, 7)):
        d.fmt(
            s,
            dt=g.date(),
            dt2=g.date(),
            dt3=g.date(2026),
            lead=lead,
            y=str(rng.choice([2022, 2023, 2024])),
            mo=str(rng.randrange(1, 13)),
            n=n,
            a=g.home_address(city),
            o2=g.name(),
            o3=g.name(),
            amt=g.amount(),
            b=b,
            prev=no_prev,
            bank=bank,
            card=g.bank_card(bank),
            c=g.company(city),
            ic=V(g.digits(12), "public", "invoice_code"),
            inum=V(g.digits(8), "public", "invoice_number"),
            i2=g.id_number(rng.choice(city[2])[1]),
        )
        d.add("\n")
    d.fmt(
        rng.choice(
            [
                "根据《中华人民共和国税收征收管理法》第六十三条第一款规定，对你处少缴税款0.5倍的罚款{amt}。\n",
                "决定对{n}处以罚款{amt}。限你自本决定书送达之日起十五日内缴纳入库。\n",
            ]
        ),
        amt=g.amount(),
        n=n,
    )
    maybe_masked(d, g, rng)
    contact_block(d, g, city, b, rng)
    signature(d, g, b, rng)
    return d, "penalty_" + subj


def k_double_public(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.7)
    d.fmt("行政处罚信息公示（{dt}更新）\n", dt=g.date(2026))
    heads = [
        [
            "行政相对人名称",
            "行政相对人类别",
            "统一社会信用代码",
            "法定代表人",
            "证件号码",
            "处罚决定书文号",
            "处罚内容",
            "罚款金额（万元）",
            "处罚决定日期",
            "处罚机关",
        ]
    ]
    rows = []
    for _ in range(rng.randrange(3, 7)):
        x = rng.random()
        if x < 0.35:
            n = g.name()
            rows.append(
                [
                    n,
                    "自然人",
                    "",
                    "",
                    g.id_number(rng.choice(city[2])[1]),
                    g.docno(city),
                    "少缴个人所得税，处罚款",
                    V(f"{rng.randrange(1, 9999) / 100:.2f}", "public", "amount"),
                    g.date(),
                    b,
                ]
            )
        elif x < 0.65:
            n = g.name()
            rows.append(
                [
                    g.shop(n),
                    "个体工商户",
                    g.uscc("92"),
                    n,
                    "",
                    g.docno(city),
                    "未按规定开具发票",
                    V(f"{rng.randrange(1, 500) / 100:.2f}", "public", "amount"),
                    g.date(),
                    b,
                ]
            )
        else:
            rows.append(
                [
                    g.company(city),
                    "法人及非法人组织",
                    g.uscc(),
                    g.name().tag("legal_rep"),
                    "",
                    g.docno(city),
                    "虚开增值税普通发票",
                    V(f"{rng.randrange(1, 9999) / 100:.2f}", "public", "amount"),
                    g.date(),
                    b,
                ]
            )
    table(d, heads, rows, rng.choice(TABLE_LAYOUTS), rng)
    return d, "double_publicity"


def k_arrears_notice(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.7)
    d.fmt(
        "{b}欠税公告（{y}年第{q}期）\n根据《中华人民共和国税收征收管理法》第四十五条规定，现将欠税情况公告如下：\n",
        b=b,
        y="2026",
        q=rng.choice("一二三四"),
    )
    heads = [
        [
            "纳税人名称",
            "纳税人识别号",
            "法定代表人或负责人姓名",
            "证件号码",
            "经营地点",
            "欠税税种",
            "欠税余额",
        ]
    ]
    rows = []
    for _ in range(rng.randrange(3, 7)):
        n = g.name()
        if rng.random() < 0.4:
            idv = g.id_number(rng.choice(city[2])[1])
            rows.append(
                [
                    n,
                    g.tin_person(idv),
                    n,
                    idv,
                    g.home_address(city).tag("as_business_place"),
                    "个人所得税",
                    g.amount(),
                ]
            )
        else:
            rows.append(
                [
                    g.company(city),
                    g.uscc(),
                    n.tag("legal_rep"),
                    g.id_number(rng.choice(city[2])[1]),
                    g.company_address(city),
                    rng.choice(["增值税", "企业所得税", "房产税、城镇土地使用税"]),
                    g.amount(),
                ]
            )
    table(d, heads, rows, rng.choice(TABLE_LAYOUTS), rng)
    contact_block(d, g, city, b, rng)
    return d, "arrears_notice"


def k_abnormal(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.0)
    d.fmt(
        "关于认定非正常户的公告\n下列纳税人未按照规定期限申报纳税，经{b}实地核查，查无下落，现认定为非正常户：\n",
        b=b,
    )
    items = []
    for _ in range(rng.randrange(2, 6)):
        n = g.name()
        items.append(
            (
                g.company(city) if rng.random() < 0.6 else g.shop(n),
                g.uscc(),
                n,
                g.id_number(rng.choice(city[2])[1]),
                g.date(),
            )
        )
    if rng.random() < 0.5:
        rows = [[c, u, n, i, dt] for c, u, n, i, dt in items]
        table(
            d,
            [["纳税人名称", "纳税人识别号", "法定代表人（负责人、业主）", "身份证件号码", "认定日期"]],
            rows,
            rng.choice(TABLE_LAYOUTS),
            rng,
        )
    else:
        for k, (c, u, n, i, dt) in enumerate(items):
            d.fmt(
                rng.choice(
                    [
                        "{k}. {c}（{u}），负责人{n}，证件号码{i}，于{dt}被认定为非正常户。\n",
                        "{k}、{c}，纳税人识别号{u}；业主{n}（{i}）；认定日期{dt}。\n",
                        "{k}．{c} {u} {n} {i} {dt}\n",
                        "{k}）{n}（身份证件号码{i}）担任负责人的{c}（{u}），自{dt}起列为非正常户。\n",
                        "{k}. 纳税人{c}的法定代表人{n}，经多次电话联系未果，于{dt}被认定为非正常户，识别号{u}，证件{i}。\n",
                    ]
                ),
                k=str(k + 1),
                c=c,
                u=u,
                n=n,
                i=i,
                dt=dt,
            )
    contact_block(d, g, city, b, rng)
    return d, "abnormal_households"


def k_service_notice(g, rng, city):
    d = Doc()
    b = g.bureau(city, rng.random())
    n = g.name()
    a = g.home_address(city)
    d.fmt("{b}\n送达公告\n{no}\n\n", b=b, no=g.docno(city, "送"))
    shapes = [
        "{n}（身份证号码：{i}）：\n因采用直接送达、邮寄送达等方式均无法向你送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，现公告送达{prev}《税务行政处罚决定书》。",
        "本局依法对{n}作出的{prev}，因其户籍地{a}无人签收，现予公告送达。自公告之日起满三十日，即视为送达。",
        "我局工作人员于{dt}前往{n:possessive_ctx}住所{a}送达文书，经邻居{o}告知，{n:repeat_ctx}已长期外出务工。现公告送达。",
        "受送达人：{n}\n送达文书：{prev}\n受送达人地址：{a}\n联系电话：{m}（无人接听）\n",
        "经查，你所经营的{s}已停业，经营者{n}的手机{m}已停机。特此公告。",
        "{n}、{o}、{o2}等{k}名纳税人：\n本局依法作出的税务文书无法直接送达，现公告如下：{n:list_item}，{prev}，原住址{a}。",
        "根据{n:possessive}邻居反映，其已搬离{a}，新住址不详。本局决定对{prev}予以公告送达。",
        "因受送达人{n}下落不明，其亲属{o}（电话{m}）拒绝代收，本局依法公告送达{prev}。",
        "公告对象：{n}（证件号码{i}）\n公告事由：{prev}无法送达\n最后已知地址：{a}",
    ]
    d.fmt(
        rng.choice(shapes),
        n=n,
        i=g.id_number(rng.choice(city[2])[1]),
        prev=g.docno(city),
        a=a,
        dt=g.date(),
        o=g.name(),
        m=g.mobile(),
        s=g.shop(n),
        o2=g.name(),
        k=str(rng.randrange(3, 9)),
    )
    d.fmt("\n{n}可到{ba}领取文书正本，联系电话{p}。\n", n=n, ba=g.bureau_address(city), p=g.hall_phone(city))
    signature(d, g, b, rng)
    return d, "service_notice"


def k_minor(g, rng, city):
    d = Doc()
    b = g.bureau(city, 0.1)
    child, guard = g.name(), g.name()
    cid = g.id_number(rng.choice(city[2])[1], minor=True)
    gid = g.id_number(rng.choice(city[2])[1])
    shapes = [
        "纳税人{c}（未成年人，身份证号码{ci}）的法定监护人{gd}（身份证号码{gi}，住{a}）代为申报其{y}年取得的网络直播收入{amt}。",
        "经查，{gd}以其女儿{c}的名义开设网店，{c:repeat_ctx}时年{age}岁。相关收入{amt}实际由{gd:repeat_ctx}控制，银行卡号{card}。",
        "监护人：{gd}，与被监护人{c}系{rel}关系，联系电话{m}，家庭住址{a}。",
        "本局约谈了{c:possessive_ctx}监护人{gd}，{gd:repeat_ctx}表示将于{dt}前补缴税款{amt}。",
        "{gd}称：“孩子{c}的直播收入都打到我卡上，我不知道要报税。”",
        "被监护人姓名：{c}\n被监护人证件号码：{ci}\n监护人姓名：{gd}\n监护人联系电话：{m}\n",
        "{c}，{age}岁，学生，与其监护人{gd}共同居住于{a}。",
        "经查，{gd:subject_before_verb}代{c}签订了演出合同，报酬{amt}由{gd}个人账户{card}收取。",
    ]
    bank = rng.choice(BANKS)
    d.fmt(rng.choice(["{b}\n税务事项通知书\n\n", "{b}\n约谈记录（摘要）\n\n"]), b=b)
    for s in rng.sample(shapes, rng.randrange(2, 5)):
        d.fmt(
            s + "\n",
            c=child,
            ci=cid,
            gd=guard,
            gi=gid,
            a=g.home_address(city),
            y=str(rng.choice([2024, 2025])),
            amt=g.amount(),
            age=str(rng.randrange(10, 17)),
            card=g.bank_card(bank),
            rel=rng.choice(["母女", "父女", "父子", "母子"]),
            m=g.mobile(),
            dt=g.date(2026),
        )
    contact_block(d, g, city, b, rng)
    return d, "minor_guardian"


KINDS = [
    (k_ysqgk_reply, 34),
    (k_ysqgk_register, 22),
    (k_review, 30),
    (k_enforce, 30),
    (k_exit_ban, 24),
    (k_report_reply, 26),
    (k_ss_arrears, 22),
    (k_credit_list, 18),
    (k_agent_dishonest, 18),
    (k_hearing, 24),
    (k_penalty, 66),
    (k_double_public, 24),
    (k_arrears_notice, 20),
    (k_abnormal, 18),
    (k_service_notice, 16),
    (k_minor, 8),
]


def main():
    rng = random.Random(SEED)
    g = Gen(rng)
    plan = []
    for fn, cnt in KINDS:
        plan.extend([fn] * cnt)
    assert len(plan) == N_DOCS, len(plan)
    rng.shuffle(plan)
    lines = []
    for i, fn in enumerate(plan):
        city = rng.choice(CITIES)
        doc, cat = fn(g, rng, city)
        text, spans = doc.render()
        layout = "+".join(["table_" + t for t in doc.layouts]) if doc.layouts else "prose"
        x = rng.random()
        if x < 0.25:
            text, spans = pdf_wrap(text, spans, rng, rng.randrange(18, 40))
            layout += "+pdf_wrap"
        elif x < 0.40:
            text, spans = ocr_noise(text, spans, rng, 0.02)
            layout += "+ocr_noise"
        elif x < 0.45:
            text, spans = pdf_wrap(text, spans, rng, rng.randrange(24, 44))
            text, spans = ocr_noise(text, spans, rng, 0.015)
            layout += "+pdf_wrap+ocr_noise"
        for sp in spans:
            assert 0 <= sp["start"] < sp["end"] <= len(text)
            if "core_start" in sp:
                assert sp["start"] <= sp["core_start"] < sp["core_end"] <= sp["end"], (
                    cat,
                    sp,
                    text[sp["start"] : sp["end"]],
                )
        lines.append(
            json.dumps(
                {"id": f"m13-{i:03d}", "category": cat, "layout": layout, "text": text, "spans": spans},
                ensure_ascii=False,
            )
        )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    self_check(lines)


def self_check(lines):
    """Spans do not overlap; IDs/TINs pass GB 11643, bank cards Luhn, USCCs GB 32100."""
    w_id = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    w_us = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    for line in lines:
        d = json.loads(line)
        spans = sorted(d["spans"], key=lambda s: s["start"])
        for a, b in zip(spans, spans[1:], strict=False):
            assert a["end"] <= b["start"], (d["id"], a, b)
        for s in spans:
            v = re.sub(r"\s", "", d["text"][s["start"] : s["end"]])
            if s["type"] in ("id_number", "taxpayer_id_person"):
                assert (
                    "10X98765432"[sum(int(a) * b for a, b in zip(v[:17], w_id, strict=False)) % 11] == v[17]
                ), v
            elif s["type"] == "bank_card":
                tot = 0
                for i, c in enumerate(reversed(v)):
                    x = int(c) * (2 if i % 2 else 1)
                    tot += x - 9 if x > 9 else x
                assert tot % 10 == 0, v
            elif s["type"] == "uscc":
                assert (
                    chars[(31 - sum(chars.index(a) * b for a, b in zip(v, w_us, strict=False)) % 31) % 31]
                    == v[17]
                ), v


if __name__ == "__main__":
    main()
