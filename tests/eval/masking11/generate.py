"""Generate masking evaluation set 11 (corpus.jsonl), deterministically.

Written without reading the masker or the earlier evaluation sets. Every value is invented:
IDs carry valid GB 11643 check digits, bank cards pass Luhn, USCCs are valid GB 32100.

Usage: python generate.py [--out corpus.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED = 20261207
N_DOCS = 400

# --------------------------------------------------------------------------- segments


class S:
    """A labelled span inside a document under construction."""

    def __init__(self, text, kind, type_, tags=(), core=None):
        self.text = text
        self.kind = kind
        self.type = type_
        self.tags = list(tags)
        self.core = core  # (rel_start, rel_end) for personal spans

    def tag(self, *tags):
        c = S(self.text, self.kind, self.type, self.tags + list(tags), self.core)
        return c


def fmt(template, **kw):
    """Split a template on {key} into literal strings and segments."""
    out = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        if m.start() > pos:
            out.append(template[pos : m.start()])
        v = kw[m.group(1)]
        if isinstance(v, list):
            out.extend(v)
        else:
            out.append(v)
        pos = m.end()
    if pos < len(template):
        out.append(template[pos:])
    return out


def render(segs):
    text = []
    spans = []
    pos = 0
    for s in segs:
        if isinstance(s, str):
            text.append(s)
            pos += len(s)
            continue
        d = {
            "start": pos,
            "end": pos + len(s.text),
            "kind": s.kind,
            "type": s.type,
            "tags": sorted(set(s.tags)),
        }
        if s.kind == "personal" and s.type != "official_name":
            cs, ce = s.core
            d["core_start"] = pos + cs
            d["core_end"] = pos + ce
        spans.append(d)
        text.append(s.text)
        pos += len(s.text)
    return "".join(text), spans


def insert_at(text, spans, inserts):
    """Insert strings at positions; inserts = list of (pos, str). Remaps offsets."""
    inserts = sorted(inserts, key=lambda x: x[0])
    out = []
    prev = 0
    for p, s in inserts:
        out.append(text[prev:p])
        out.append(s)
        prev = p
    out.append(text[prev:])

    def shift(off, is_start):
        d = 0
        for p, s in inserts:
            if p < off or (is_start and p == off):
                d += len(s)
        return off + d

    for sp in spans:
        sp["start"] = shift(sp["start"], True)
        sp["end"] = shift(sp["end"], False)
        if "core_start" in sp:
            sp["core_start"] = shift(sp["core_start"], True)
            sp["core_end"] = shift(sp["core_end"], False)
    return "".join(out), spans


def pdf_wrap(rng, text, spans, width):
    """Hard line breaks every `width` characters of a line, even inside values (PDF extraction)."""
    inserts = []
    col = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            col = 0
            continue
        col += 1
        if col >= width and i + 1 < len(text) and text[i + 1] != "\n":
            inserts.append((i + 1, "\n"))
            col = 0
    text, spans = insert_at(text, spans, inserts)
    for sp in spans:
        if "\n" in text[sp["start"] : sp["end"]]:
            sp["tags"] = sorted(set(sp["tags"]) | {"wrapped_inside"})
    return text, spans


OCR_SUBS = {
    "，": ",",
    "。": "o",
    "：": ":",
    "（": "(",
    "）": ")",
    "；": ";",
    "日": "曰",
    "人": "入",
    "己": "已",
}


def ocr_noise(rng, text, spans, rate=0.03):
    """Substitutions and stray characters outside labelled values; neighbours may be touched."""
    inside = [False] * len(text)
    for sp in spans:
        for i in range(sp["start"], sp["end"]):
            inside[i] = True
    chars = list(text)
    for i, ch in enumerate(chars):
        if not inside[i] and ch in OCR_SUBS and rng.random() < rate * 8:
            chars[i] = OCR_SUBS[ch]
    text = "".join(chars)
    inserts = []
    boundaries = sorted({sp["start"] for sp in spans} | {sp["end"] for sp in spans})
    for b in boundaries:
        if rng.random() < rate * 3:
            inserts.append((b, rng.choice(["|", "─", "丨", "'", "`", " ", "·"])))
    for i in range(len(text)):
        if not (0 < i < len(text) and inside[i - 1] and inside[i]) and rng.random() < rate / 3:
            inserts.append((i, rng.choice(["|", "─", "▁", "．", "、"])))
    # never insert strictly inside a value
    ok = []
    for p, s in inserts:
        if any(sp["start"] < p < sp["end"] for sp in spans):
            continue
        ok.append((p, s))
    text, spans = insert_at(text, spans, ok)
    for sp in spans:
        sp["tags"] = sorted(set(sp["tags"]) | {"ocr_doc"})
    return text, spans


# --------------------------------------------------------------------------- value makers

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金韦贾夏付方邹熊孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "慕容", "令狐", "皇甫", "东方", "尉迟", "端木"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅海燕志斌雪琳晨宇浩然子轩梓涵欣怡嘉俊思远雨桐博文晓东立新春生秋菊冬梅德福永庆金凤银花宝珠振华国强文静丹"
)
LATIN = [
    ("SMITH", "John"),
    ("NGUYEN", "Van An"),
    ("KIM", "Minjun"),
    ("TANAKA", "Hiroshi"),
    ("MÜLLER", "Anna"),
    ("GARCIA", "Maria"),
    ("PETROV", "Ivan"),
    ("LEE", "Wai Man"),
    ("CHAN", "Siu Ming"),
    ("OKAFOR", "Chidi"),
]
UYGHUR = ["买买提·艾力", "阿依古丽·吐尔逊", "热合曼·阿不都", "古丽娜尔·艾山", "艾尔肯·依明"]

PLACES = [
    ("湖南省", "长沙市", "岳麓区", "0731", "430104", "湘", "长"),
    ("湖南省", "株洲市", "天元区", "0731", "430211", "湘", "株"),
    ("广西壮族自治区", "南宁市", "青秀区", "0771", "450103", "桂", "南"),
    ("广西壮族自治区", "柳州市", "城中区", "0772", "450202", "桂", "柳"),
    ("四川省", "成都市", "武侯区", "028", "510107", "川", "成"),
    ("浙江省", "宁波市", "鄞州区", "0574", "330212", "浙", "甬"),
    ("江苏省", "苏州市", "吴中区", "0512", "320506", "苏", "苏"),
    ("河南省", "洛阳市", "涧西区", "0379", "410305", "豫", "洛"),
    ("山东省", "潍坊市", "奎文区", "0536", "370705", "鲁", "潍"),
    ("广东省", "佛山市", "顺德区", "0757", "440606", "粤", "佛"),
    ("贵州省", "遵义市", "汇川区", "0851", "520303", "黔", "遵"),
    ("江西省", "赣州市", "章贡区", "0797", "360702", "赣", "赣"),
]
STREETS = [
    "人民路",
    "解放西路",
    "建设大道",
    "滨江路",
    "新华街",
    "迎宾路",
    "中山北路",
    "学府路",
    "桂花巷",
    "工业园三路",
    "望城坡街",
    "长丰路",
    "文昌阁路",
    "和平里",
]
ESTATES = [
    "幸福嘉园",
    "锦绣华庭",
    "阳光花园",
    "金色家园",
    "翠湖小区",
    "东方名苑",
    "梧桐苑",
    "香樟里",
    "丽景湾",
    "书香门第",
]
TOWNS = ["坪塘街道", "观沙岭街道", "新开铺街道", "城关镇", "白沙镇", "河西街道", "东湖街道"]
COMPANY_MID = [
    "鑫达",
    "恒远",
    "华泰",
    "宏图",
    "瑞丰",
    "嘉禾",
    "润泽",
    "博信",
    "众诚",
    "天衡",
    "隆盛",
    "汇川",
    "锦程",
    "新源",
    "晟达",
    "永联",
    "沐辰",
    "禾丰",
    "卓越",
    "信和",
]
COMPANY_IND = [
    "商贸有限公司",
    "建筑工程有限公司",
    "科技有限公司",
    "物流有限公司",
    "餐饮管理有限公司",
    "贸易有限责任公司",
    "机械设备有限公司",
    "农业开发有限公司",
    "劳务服务有限公司",
    "房地产开发有限公司",
    "文化传媒有限公司",
    "医药连锁有限公司",
]
SHOP_KIND = [
    "便利店",
    "面馆",
    "五金店",
    "汽车修理厂",
    "服装店",
    "水果店",
    "理发店",
    "副食店",
    "家电维修部",
    "养殖场",
    "小吃店",
    "建材经营部",
]
BANKS = [
    ("中国农业银行", "622848"),
    ("中国建设银行", "621700"),
    ("中国工商银行", "622202"),
    ("中国银行", "621661"),
    ("交通银行", "622262"),
    ("招商银行", "621483"),
    ("长沙银行", "623161"),
    ("广西北部湾银行", "623203"),
    ("农村商业银行", "621779"),
]
LAW_FIRMS = [
    "湖南天衡律师事务所",
    "广西万益律师事务所",
    "四川蜀鼎律师事务所",
    "浙江甬明律师事务所",
    "江苏苏城律师事务所",
    "北京市中闻律师事务所长沙分所",
]
AGENT_FIRMS = ["税务师事务所有限公司", "财税咨询有限公司", "会计服务有限公司", "代理记账有限公司"]
TAXES = [
    "增值税",
    "个人所得税",
    "企业所得税",
    "城市维护建设税",
    "印花税",
    "房产税",
    "城镇土地使用税",
    "土地增值税",
    "资源税",
]


def pick_place(rng):
    return rng.choice(PLACES)


def person_name(rng, tags=()):
    r = rng.random()
    if r < 0.06:
        s = rng.choice(COMPOUND)
        g = "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
        return S(
            s + g, "personal", "person_name", list(tags) + ["compound_surname"], (len(s), len(s) + len(g))
        )
    if r < 0.09:
        sur, giv = rng.choice(LATIN)
        t = f"{sur} {giv}" if rng.random() < 0.5 else f"{giv} {sur}"
        if t.startswith(sur):
            core = (len(sur) + 1, len(t))
        else:
            core = (0, len(giv))
        return S(t, "personal", "person_name", list(tags) + ["latin_name"], core)
    if r < 0.11:
        t = rng.choice(UYGHUR)
        return S(t, "personal", "person_name", list(tags) + ["dot_name"], (1, len(t)))
    s = rng.choice(SURNAMES)
    g = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    return S(s + g, "personal", "person_name", list(tags), (1, 1 + len(g)))


def official(rng):
    s = rng.choice(SURNAMES)
    g = "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
    return S(s + g, "personal", "official_name", ["published_by_policy"])


def id_number(rng, region=None, minor=False, type_="id_number", tags=()):
    region = region or rng.choice(PLACES)[4]
    y = rng.randint(2010, 2016) if minor else rng.randint(1955, 2001)
    body = f"{region}{y:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    c = "10X98765432"[sum(int(a) * b for a, b in zip(body, w, strict=False)) % 11]
    return S(body + c, "personal", type_, tags, (6, 14))


def mobile(rng, tags=()):
    t = (
        rng.choice(["13", "15", "17", "18", "19"])
        + str(rng.randint(0, 9))
        + f"{rng.randint(0, 99999999):08d}"
    )
    if rng.random() < 0.15:
        t2 = f"{t[:3]}-{t[3:7]}-{t[7:]}"
        return S(t2, "personal", "mobile", list(tags) + ["dashed"], (4, 8))
    if rng.random() < 0.1:
        t2 = f"{t[:3]} {t[3:7]} {t[7:]}"
        return S(t2, "personal", "mobile", list(tags) + ["spaced"], (4, 8))
    return S(t, "personal", "mobile", tags, (3, 7))


def landline(rng, area, tags=()):
    sub = f"{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}"
    t = f"{area}-{sub}" if rng.random() < 0.7 else f"（{area}）{sub}"
    start = len(t) - len(sub)
    return S(t, "personal", "landline_private", tags, (start, len(t) - 2))


def email(rng, tags=()):
    local = rng.choice(
        ["zhang", "lihong", "wmei", "chen.jun", "hy_liu", "tax2023", "xiaoyu", "qiu.feng", "dengmin", "lzh"]
    )
    local += str(rng.randint(10, 9999))
    dom = rng.choice(["qq.com", "163.com", "126.com", "sina.com", "outlook.com", "foxmail.com", "139.com"])
    t = f"{local}@{dom}"
    return S(t, "personal", "email", tags, (0, len(local)))


def home_address(rng, place=None, full=True, tags=()):
    p = place or pick_place(rng)
    head = (p[0] + p[1] + p[2]) if full else p[2]
    r = rng.random()
    if r < 0.5:
        det = f"{rng.choice(STREETS)}{rng.randint(1, 399)}号{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 32)}0{rng.randint(1, 6)}室"
    elif r < 0.8:
        det = f"{rng.choice(TOWNS)}{rng.choice(['新村', '红星村', '向阳村', '双江村'])}{rng.randint(1, 12)}组{rng.randint(1, 99)}号"
    else:
        det = f"{rng.choice(STREETS)}{rng.randint(1, 200)}号附{rng.randint(1, 9)}号{rng.randint(1, 9)}0{rng.randint(1, 9)}房"
    return S(head + det, "personal", "home_address", tags, (len(head), len(head) + len(det)))


def passport(rng, tags=()):
    t = rng.choice(["E", "EA", "EB", "G"]) + "".join(str(rng.randint(0, 9)) for _ in range(8 if True else 7))
    if t.startswith(("EA", "EB")):
        t = t[:9]
    return S(t, "personal", "passport", tags, (1, len(t) - 2))


def hk_permit(rng, tags=()):
    t = "C" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return S(t, "personal", "hk_macao_permit", tags, (1, len(t) - 2))


def tw_permit(rng, tags=()):
    t = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return S(t, "personal", "taiwan_permit", tags, (1, len(t) - 2))


def luhn_complete(prefix, length, rng):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def bank_card(rng, tags=()):
    bank, prefix = rng.choice(BANKS)
    num = luhn_complete(prefix, rng.choice([16, 19, 19]), rng)
    if rng.random() < 0.2:
        grouped = " ".join(num[i : i + 4] for i in range(0, len(num), 4))

        # core: between first 6 and last 4 digits, in grouped coordinates
        def gpos(k):
            return k + k // 4

        return bank, S(
            grouped, "personal", "bank_card", list(tags) + ["grouped"], (gpos(6), gpos(len(num) - 4 - 1) + 1)
        )
    return bank, S(num, "personal", "bank_card", tags, (6, len(num) - 4))


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(rng, region):
    body8 = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body8]
    c9 = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2], strict=False)) % 11
    c9s = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    first17 = rng.choice(["91", "91", "92", "93"]) + region + body8 + c9s
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CHARS.index(c) * wi for c, wi in zip(first17, w, strict=False))
    c = (31 - s % 31) % 31
    return S(first17 + USCC_CHARS[c], "public", "uscc")


def company(rng, place):
    t = place[1].rstrip("市") + rng.choice(COMPANY_MID) + rng.choice(COMPANY_IND)
    if rng.random() < 0.3:
        t = place[1] + place[2] + rng.choice(COMPANY_MID) + rng.choice(COMPANY_IND)
    return S(t, "public", "company_name")


def company_address(rng, place):
    t = f"{place[1]}{place[2]}{rng.choice(STREETS)}{rng.randint(1, 500)}号{rng.choice(['', '写字楼', '商务中心'])}{rng.randint(1, 25)}层{rng.randint(1, 30):02d}号"
    return S(t, "public", "company_address")


def shop_from_owner(rng, place, owner):
    t = f"{place[1]}{place[2]}{owner.text}{rng.choice(SHOP_KIND)}"
    if rng.random() < 0.4:
        t = f"{place[2]}{owner.text[0]}记{rng.choice(SHOP_KIND)}"
    return S(t, "public", "shop_name", ["owner_named"] if owner.text in t else [])


def authority(rng, place, kind=None):
    kind = kind or rng.choice(["district", "city", "inspect"])
    if kind == "district":
        t = f"国家税务总局{place[1]}{place[2]}税务局"
    elif kind == "city":
        t = f"国家税务总局{place[1]}税务局"
    elif kind == "province":
        t = f"国家税务总局{place[0].replace('壮族自治区', '壮族自治区')}税务局"
    else:
        t = f"国家税务总局{place[1]}税务局{rng.choice(['第一', '第二', '第三', ''])}稽查局"
    return S(t, "public", "authority_name")


def auth_address(rng, place):
    t = f"{place[1]}{place[2]}{rng.choice(STREETS)}{rng.randint(1, 600)}号"
    return S(t, "public", "authority_address")


def hall_phone(rng, place):
    return S(f"{place[3]}-{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}", "public", "hall_phone")


def docno(rng, place, kind="罚"):
    org = rng.choice(
        [place[6] + "税稽", place[6] + "市税一稽", place[6] + place[2][0] + "税", place[5] + "税"]
    )
    y = rng.choice([2024, 2025, 2026])
    t = f"{org}{kind}〔{y}〕{rng.randint(1, 400)}号"
    if rng.random() < 0.15:
        t = f"{org}{kind}〔{y}〕第{rng.randint(1, 400)}号"
    return S(t, "public", "doc_number")


def date(rng, y0=2024, y1=2026):
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    t = f"{y}年{m}月{d}日" if r < 0.75 else (f"{y}-{m:02d}-{d:02d}" if r < 0.9 else f"{y}.{m}.{d}")
    return S(t, "public", "date")


def amount(rng, lo=100, hi=900000):
    v = rng.randint(lo * 100, hi * 100) / 100
    t = f"{v:,.2f}" if rng.random() < 0.4 else f"{v:.2f}"
    return S(t, "public", "amount")


def inv_code(rng):
    return S("".join(str(rng.randint(0, 9)) for _ in range(rng.choice([10, 12]))), "public", "invoice_code")


def inv_no(rng):
    n = rng.choice([8, 8, 20])
    return S("".join(str(rng.randint(0, 9)) for _ in range(n)), "public", "invoice_number")


def url(rng, place):
    prov = {
        "湖南省": "hunan",
        "广西壮族自治区": "guangxi",
        "四川省": "sichuan",
        "浙江省": "zhejiang",
        "江苏省": "jiangsu",
        "河南省": "henan",
        "山东省": "shandong",
        "广东省": "guangdong",
        "贵州省": "guizhou",
        "江西省": "jiangxi",
    }[place[0]]
    t = f"https://{prov}.chinatax.gov.cn/art/{rng.randint(2024, 2026)}/{rng.randint(1, 12)}/{rng.randint(1, 28)}/art_{rng.randint(1000, 99999)}_{rng.randint(100000, 999999)}.html"
    return S(t, "public", "url")


def hotline():
    return S("12366", "public", "hotline")


def law_firm(rng):
    return S(rng.choice(LAW_FIRMS), "public", "law_firm")


def masked_name(rng):
    s = rng.choice(SURNAMES)
    t = rng.choice(
        [
            s + "**",
            s + "某某",
            s + "某",
            s + "*" + rng.choice(GIVEN),
            s + "××",
            s + "*",
            s + "女士",
            s + "先生",
            s + "某某先生",
        ]
    )
    return S(t, "masked", "masked_name")


def masked_id(rng):
    region = rng.choice(PLACES)[4]
    r = rng.random()
    if r < 0.5:
        t = region + "********" + f"{rng.randint(0, 999):03d}" + rng.choice("0123456789X")
    elif r < 0.75:
        t = region[:4] + "*" * 10 + f"{rng.randint(0, 9999):04d}"
    elif r < 0.9:
        t = region[:4] + "**************"
    else:
        t = rng.choice(["91", "92"]) + region[:2] + "*" * rng.choice([8, 10, 14])
    return S(t, "masked", "masked_id")


def masked_phone(rng):
    return S(
        rng.choice(["13", "15", "18", "19"])
        + str(rng.randint(0, 9))
        + "****"
        + f"{rng.randint(0, 9999):04d}",
        "masked",
        "masked_phone",
    )


def placeholder(rng):
    return S(rng.choice(["XXX", "×××", "XX", "***", "某某"]), "masked", "placeholder")


def title_name(rng):
    return S(
        rng.choice(SURNAMES) + rng.choice(["老师", "科长", "所长", "会计", "经理"]),
        "masked",
        "official_title",
    )


def contact_block(rng, place):
    """Realistic 12366 / 办税服务厅 contact block (all public)."""
    a = authority(rng, place, "district")
    forms = [
        "\n联系地址：{addr}\n联系电话：{ph}（办税服务厅）\n纳税服务热线：{hl}\n",
        "\n如有疑问，请拨打纳税服务热线{hl}，或到{auth}办税服务厅（{addr}）咨询，咨询电话{ph}。\n",
        "\n{auth}第一税务分局办税服务厅  地址：{addr}  电话：{ph}  工作时间：工作日9:00-17:00\n",
        "\n咨询方式：{hl}纳税缴费服务热线；{auth}纳税服务科，{ph}；网站：{u}\n",
    ]
    return fmt(
        rng.choice(forms),
        addr=auth_address(rng, place),
        ph=hall_phone(rng, place),
        hl=hotline(),
        auth=a,
        u=url(rng, place),
    )


# --------------------------------------------------------------------------- tables

TABLE_LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "csv", "html", "kv", "semicolon"]


def cell_text(c):
    return "".join(x if isinstance(x, str) else x.text for x in c)


def as_cell(x):
    if isinstance(x, list):
        return x
    return [x]


def table(rng, layout, header, rows, merged=None, title=None, scan=False):
    """Render a table; header = list of str; rows = list of list of cells (str / S / list)."""
    rows = [[as_cell(c) for c in r] for r in rows]
    out = []
    if title:
        out.append(title + "\n")
    if layout == "html":
        out.append("<table>\n")
        if merged:
            out.append(
                "<tr>"
                + "".join(
                    f'<th colspan="{n}">{h}</th>' if n > 1 else f'<th rowspan="2">{h}</th>' for h, n in merged
                )
                + "</tr>\n<tr>"
            )
            sub = [h for h, n in zip(header, _expand(merged, header), strict=False) if n]
            out.append("".join(f"<th>{h}</th>" for h in sub) + "</tr>\n")
        else:
            out.append("<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>\n")
        for r in rows:
            out.append("<tr>")
            for c in r:
                out.append("<td>")
                out.extend(c)
                out.append("</td>")
            out.append("</tr>\n")
        out.append("</table>\n")
        return out
    if layout == "kv":
        for i, r in enumerate(rows):
            out.append(f"【第{i + 1}条】\n")
            for h, c in zip(header, r, strict=False):
                out.append(f"{h}：")
                out.extend(c)
                out.append("\n")
        return out
    if layout == "semicolon":
        for r in rows:
            first = True
            for h, c in zip(header, r, strict=False):
                if not first:
                    out.append("；")
                first = False
                out.append(f"{h}：")
                out.extend(c)
            out.append("。\n")
        return out
    if layout == "csv":
        out.append(",".join(header) + "\n")
        for r in rows:
            for j, c in enumerate(r):
                if j:
                    out.append(",")
                if rng.random() < 0.5:
                    c = [_csv_break(x) for x in c]
                t = cell_text(c)
                if any(ch in t for ch in ',"\n'):
                    out.append('"')
                    out.extend(c)
                    out.append('"')
                else:
                    out.extend(c)
            out.append("\n")
        return out
    if layout == "cell_per_line":
        if merged:
            out.extend(h + "\n" for h, n in merged)
        out.extend(h + "\n" for h in header)
        for r in rows:
            for c in r:
                out.extend(c)
                out.append("\n")
        return out
    sep = {"tab": "\t", "pipe": " | ", "space_aligned": None}[layout]
    widths = [max([len(h)] + [len(cell_text(r[j])) for r in rows]) + 2 for j, h in enumerate(header)]
    if merged and layout != "space_aligned":
        line = []
        for h, n in merged:
            line.extend([h] + [""] * (n - 1))
        out.append((sep.join(line)).rstrip() + "\n")
    elif merged:
        out.append("".join(h.ljust(sum(widths[:n]) if n else 0) for h, n in merged).rstrip() + "\n")
    if layout == "pipe":
        out.append("| " + " | ".join(header) + " |\n")
        out.append("|" + "|".join("---" for _ in header) + "|\n")
    elif layout == "tab":
        out.append("\t".join(header) + "\n")
    else:
        out.append(
            "".join(
                h.ljust(w - len(h) + len(h)) + "  " for h, w in zip(header, widths, strict=False)
            ).rstrip()
            + "\n"
        )
    for r in rows:
        if layout == "pipe":
            out.append("| ")
        for j, c in enumerate(r):
            if j:
                out.append(sep if sep else "")
            out.extend(c)
            if layout == "space_aligned" and j < len(r) - 1:
                out.append(" " * max(2, widths[j] - len(cell_text(c))))
        if layout == "pipe":
            out.append(" |")
        out.append("\n")
        if scan and rng.random() < 0.4:
            out.append(rng.choice(["─" * 20, "|  |  |", "┼──┼──┼", "─ ─ ─"]) + "\n")
    return out


def _csv_break(x):
    """Spreadsheet exports keep a newline typed inside an address cell."""
    if not isinstance(x, S) or x.type not in ("home_address", "company_address", "business_address"):
        return x
    k = x.text.find("区") + 1
    if k <= 0 or k >= len(x.text):
        return x
    core = None if x.core is None else (x.core[0] + 1 if x.core[0] >= k else x.core[0], x.core[1] + 1)
    return S(x.text[:k] + "\n" + x.text[k:], x.kind, x.type, x.tags + ["newline_in_cell"], core)


def _expand(merged, header):
    flags = []
    for _h, n in merged:
        flags.extend([1] * n if n > 1 else [0])
    return flags[: len(header)]


# --------------------------------------------------------------------------- document builders


def pick(rng, pool, k):
    """A random subset of sentence shapes, kept in document order."""
    idx = sorted(rng.sample(range(len(pool)), min(k, len(pool))))
    return [pool[i] for i in idx]


def head(rng, place, title, kind):
    a = authority(rng, place, rng.choice(["district", "city", "inspect"]))
    dn = docno(rng, place, kind)
    return a, dn, fmt("{a}\n" + title + "\n{dn}\n\n", a=a, dn=dn)


def rep(s):
    return s.tag("repeat")


def enforcers(rng, pl):
    """执法人员 block: officers are published by policy, their certificate numbers are public."""
    o1, o2 = official(rng), official(rng)
    c1 = S(f"{pl[4][:2]}{rng.randint(10000000000, 99999999999)}", "public", "enforcement_cert")
    c2 = S(f"{pl[4][:2]}{rng.randint(10000000000, 99999999999)}", "public", "enforcement_cert")
    return fmt(
        rng.choice(
            [
                "执法人员：{o1}（执法证号{c1}）、{o2}（执法证号{c2}）\n",
                "检查人员{o1}、{o2}（执法证件号码：{c1}、{c2}）向当事人出示了税务检查证。\n",
            ]
        ),
        o1=o1,
        o2=o2,
        c1=c1,
        c2=c2,
    )


def b_disclosure_reply(rng):
    pl = pick_place(rng)
    a, dn, segs = head(
        rng,
        pl,
        rng.choice(["政府信息公开申请答复书", "政府信息公开告知书", "依申请公开政府信息答复书"]),
        "信公开",
    )
    n = person_name(rng, ["applicant"])
    d1, d2 = date(rng), date(rng)
    addr = home_address(rng, pl)
    pool = [
        "{n}：\n本机关于{d1}收到您提交的《政府信息公开申请表》，您申请公开“{c}{d3}以来的纳税信用评价结果”。",
        "申请人：{n}，身份证号码：{id}，通信地址：{addr}，联系电话：{m}。\n",
        "{n}女士：\n您于{d1}通过互联网在线平台提出的政府信息公开申请（本机关登记编号：{dn}）收悉。",
        "经审查，您申请获取的{c}（统一社会信用代码：{u}）相关涉税信息属于纳税人的涉税保密信息，根据《中华人民共和国税收征收管理法》第八条的规定，本机关不予公开。",
        "本机关已于{d2}通过电子邮件（{e}）向您提供了可以公开的部分，并将纸质答复邮寄至您留存的地址{addr2}。",
        "申请人{n}在申请表中称其系{c}原职工，请求公开该公司为其代扣代缴个人所得税的明细；经核实，{nr}本人可登录个人所得税APP自行查询。",
        "{n}申请公开的信息中涉及第三方{t}的个人信息，本机关书面征求了{t}的意见，{t}不同意公开。",
        "如对本答复不服，可以在收到本答复之日起六十日内向{up}申请行政复议，或者在六个月内向人民法院提起行政诉讼。",
        "经检索，本机关未制作或获取您所描述的“{d3}{c}注销清税证明”，该信息不存在。",
        "您在申请表中留存的联系人为{agent}（{m2}），本机关已电话告知其领取方式。",
    ]
    c = company(rng, pl)
    kw = dict(
        n=n,
        nr=rep(n),
        d1=d1,
        d2=d2,
        d3=date(rng, 2019, 2023),
        c=c,
        u=uscc(rng, pl[4]),
        id=id_number(rng, pl[4]),
        addr=addr,
        addr2=rep(addr),
        m=mobile(rng),
        m2=mobile(rng),
        e=email(rng),
        dn=docno(rng, pl, "信申"),
        t=person_name(rng, ["third_party"]),
        up=authority(rng, pl, "city"),
        agent=person_name(rng, ["contact_person"]),
    )
    for t in pick(rng, pool, rng.randint(4, 7)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    if rng.random() < 0.6:
        segs += contact_block(rng, pl)
    return segs, "letter"


def b_disclosure_register(rng):
    pl = pick_place(rng)
    rows = []
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.25:
            who = company(rng, pl)
            cert = uscc(rng, pl[4])
            adr = company_address(rng, pl)
            ph = hall_phone(rng, pl).tag("company_phone")
            ph = S(ph.text, "public", "company_phone")
        else:
            who = person_name(rng, ["in_table", "applicant"])
            cert = id_number(rng, rng.choice(PLACES)[4], tags=["in_table"])
            adr = home_address(rng, pl, full=rng.random() < 0.5, tags=["in_table"])
            ph = mobile(rng, ["in_table"]) if rng.random() < 0.8 else landline(rng, pl[3], ["in_table"])
        em = email(rng, ["in_table"]) if not isinstance(who, S) or who.kind == "personal" else "—"
        rows.append(
            [
                who,
                cert,
                ph,
                adr,
                em,
                rng.choice(
                    [
                        "本单位纳税信用等级",
                        "2023年度个税汇算退税进度",
                        "某项目土地增值税清算结论",
                        "举报处理结果",
                    ]
                ),
                date(rng),
                date(rng),
                docno(rng, pl, "依申请"),
            ]
        )
    layout = rng.choice(TABLE_LAYOUTS)
    header = [
        "申请人",
        "证件号码",
        "联系电话",
        "通信地址",
        "电子邮箱",
        "申请内容",
        "收到日期",
        "答复日期",
        "答复文号",
    ]
    merged = [("申请人信息", 5), ("申请内容", 1), ("办理情况", 3)] if rng.random() < 0.5 else None
    segs = fmt(
        "{a}依申请公开政府信息办理情况登记表（{y}年第{q}季度）\n",
        a=authority(rng, pl),
        y=str(rng.randint(2024, 2026)),
        q=str(rng.randint(1, 4)),
    )
    segs += table(rng, layout, header, rows, merged=merged, scan=rng.random() < 0.3)
    return segs, layout


def b_review_decision(rng):
    pl = pick_place(rng)
    up = authority(rng, pl, "city")
    dn = docno(rng, pl, "复决")
    segs = fmt("{up}\n税务行政复议决定书\n{dn}\n\n", up=up, dn=dn)
    ap_ = person_name(rng, ["applicant"])
    sex = rng.choice(["男", "女"])
    ag = person_name(rng, ["agent"])
    tp = person_name(rng, ["third_party"])
    resp = authority(rng, pl, "district")
    boss = official(rng)
    lf = law_firm(rng)
    prev = docno(rng, pl, "罚")
    kw = dict(
        ap=ap_,
        apr=rep(ap_),
        ag=ag,
        agr=rep(ag),
        tp=tp,
        tpr=rep(tp),
        resp=resp,
        boss=boss,
        lf=lf,
        prev=prev,
        prevr=rep(prev),
        id=id_number(rng),
        addr=home_address(rng),
        m=mobile(rng),
        d1=date(rng),
        d2=date(rng),
        d3=date(rng),
        amt=amount(rng),
        tax=rng.choice(TAXES),
        c=company(rng, pl),
        sex=sex,
        by=str(rng.randint(1955, 2000)),
        mn=masked_name(rng),
    )
    parties = [
        "申请人：{ap}，{sex}，{by}年出生，公民身份号码{id}，住{addr}，联系电话{m}。\n",
        "委托代理人：{ag}，{lf}律师。\n",
        "被申请人：{resp}，住所地{ra}。\n法定代表人：{boss}，局长。\n",
        "第三人：{tp}，系申请人{apr}之配偶。\n",
    ]
    kw["ra"] = auth_address(rng, pl)
    for t in parties:
        if t.startswith("第三人") and rng.random() < 0.4:
            continue
        segs += fmt(t, **kw)
    body = [
        "申请人{apr}不服被申请人于{d1}作出的《税务行政处罚决定书》（{prev}），于{d2}向本机关申请行政复议，本机关依法受理。",
        "申请人请求：撤销{prevr}处罚决定。申请人称：其于{d3}将房屋转让给{tpr}，转让价格已如实申报，不存在少缴{tax}的情形。",
        "被申请人称：经查，{apr}于{d3}取得{c}支付的劳务报酬{amt}元，未申报缴纳{tax}，事实清楚，证据确凿。",
        "{agr}代理意见认为，被申请人认定的计税依据有误，且未充分听取{apr}的陈述申辩。",
        "本机关查明：{tpr}与{apr}共同签订的《存量房买卖合同》载明成交价款{amt}元，与网签价格一致。",
        "另查明，{c}财务人员{mn}证实，{apr}的劳务报酬系通过其本人银行账户收取。",
        "“我当时并不知道需要自行申报，”{apr}在复议听证中陈述，“公司说已经代扣了。”",
        "第三人{tpr}陈述：“{apr}收到的那笔钱我完全不知情，我只是把卡借给了{apr}。”",
        "本机关认为，被申请人作出的{prevr}处罚决定认定事实清楚，适用依据正确，程序合法，内容适当。",
        "根据《中华人民共和国行政复议法》第六十八条的规定，本机关决定：维持被申请人作出的{prevr}处罚决定。",
        "申请人{apr}、第三人{tpr}如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。",
    ]
    segs += ["\n"]
    for t in pick(rng, body, rng.randint(5, 8)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{up}\n{d}\n", up=rep(up), d=date(rng))
    return segs, "prose"


def b_enforcement(rng):
    pl = pick_place(rng)
    title = rng.choice(
        ["税收强制执行决定书（扣缴税收款项适用）", "扣缴税收款项通知书", "税收保全措施决定书（冻结存款适用）"]
    )
    a, dn, segs = head(rng, pl, title, "强扣")
    n = person_name(rng, ["party"])
    bank, card = bank_card(rng, ["with_branch"])
    branch = S(f"{bank}{pl[1]}{pl[2]}{rng.choice(['支行', '营业部', '分理处'])}", "public", "bank_branch")
    prev = docno(rng, pl, "限")
    kw = dict(
        n=n,
        nr=rep(n),
        tin=id_number(rng, pl[4], type_="taxpayer_id_person"),
        card=card,
        cardr=rep(card),
        br=branch,
        prev=prev,
        d1=date(rng),
        d2=date(rng),
        amt=amount(rng),
        amt2=amount(rng, 10, 9000),
        tax=rng.choice(TAXES),
        shop=None,
        addr=home_address(rng, pl),
        boss=official(rng),
    )
    first = rng.choice(
        [
            "{n}（纳税人识别号：{tin}）：\n",
            "{br}：\n根据《中华人民共和国税收征收管理法》第四十条规定，经{boss}局长批准，请从纳税人{n}（纳税人识别号{tin}）在你处开设的账户（账号：{card}）中扣缴税款{amt}元、滞纳金{amt2}元，缴入国库。\n",
            "当事人：{n}\n纳税人识别号：{tin}\n住所：{addr}\n",
        ]
    )
    segs += fmt(first, **kw)
    body = [
        "你于{d1}收到本局《责令限期改正通知书》（{prev}），限期缴纳{tax}{amt}元，逾期仍未缴纳。",
        "{nr}在{br}开立的储蓄账户（账号{card}）内存款已足额冻结。",
        "经{boss}批准，本局决定从{nr}的存款账户中扣缴税款{amt}元，开户银行：{br}，账号：{cardr}。",
        "{nr}名下账户{cardr}的余额不足以扣缴时，本局将依法拍卖、变卖其价值相当于应纳税款的商品、货物或者其他财产。",
        "在规定期限内，{nr}既未缴纳税款，也未提供纳税担保。",
        "请{br}于收到本通知书当日办理扣缴手续，并将回执送回本局。",
        "如对本决定不服，{nr}可以自收到本决定书之日起六十日内申请行政复议。",
        "滞纳金自{d2}起按日加收滞纳税款万分之五计算，截至扣缴之日为{amt2}元。",
    ]
    for t in pick(rng, body, rng.randint(4, 6)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}（印章）\n{d}\n", a=rep(a), d=date(rng))
    return segs, rng.choice(["prose", "letter"])


def b_exit_ban(rng):
    pl = pick_place(rng)
    a, dn, segs = head(
        rng, pl, rng.choice(["阻止出境决定书", "阻止欠税人出境通知书", "边控对象通知书"]), "阻出"
    )
    n = person_name(rng, ["exit_ban"])
    c = company(rng, pl)
    r = rng.random()
    doc = passport(rng) if r < 0.5 else (hk_permit(rng) if r < 0.8 else tw_permit(rng))
    dname = {
        "passport": "护照",
        "hk_macao_permit": "往来港澳通行证",
        "taiwan_permit": "台湾居民来往大陆通行证",
    }[doc.type]
    kw = dict(
        n=n,
        nr=rep(n),
        c=c,
        u=uscc(rng, pl[4]),
        doc=doc,
        dn_=dname,
        id=id_number(rng),
        amt=amount(rng, 1000, 5000000),
        d1=date(rng),
        d2=date(rng),
        ps=S(f"{pl[1]}公安局出入境管理支队", "public", "authority_name"),
        sex=rng.choice(["男", "女"]),
        addr=home_address(rng),
    )
    first = rng.choice(
        [
            "{n}：\n",
            "欠税人：{c}（统一社会信用代码：{u}）\n法定代表人：{n}，{sex}，身份证件号码：{id}，{dn_}号码：{doc}\n\n",
            "被阻止出境人员：{n}（证件种类：{dn_}；证件号码：{doc}；公民身份号码：{id}）\n",
        ]
    )
    segs += fmt(first, **kw)
    body = [
        "因你担任法定代表人的{c}欠缴税款{amt}元，在出境前未按照规定结清应纳税款、滞纳金，又不提供纳税担保，",
        "根据《中华人民共和国税收征收管理法》第四十四条规定，本局已通知出入境管理机关阻止{nr}出境。",
        "{nr}持有的{dn_}（号码{doc}）自{d1}起在边控期限内不得使用。",
        "本局于{d2}函告{ps}，对{nr}（{dn_}{doc}）实施边控。",
        "如{nr}结清税款、滞纳金或者提供纳税担保，本局将及时通知解除阻止出境。",
        "经核实，{nr}户籍地址为{addr}，曾于{d1}持{dn_}出境。",
        "{c}的欠税由其法定代表人{nr}负责清缴，截至{d2}仍有{amt}元未缴。",
        "{nr}对本决定不服的，可以依法申请行政复议或者提起行政诉讼。",
    ]
    for t in pick(rng, body, rng.randint(4, 6)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    return segs, "letter"


def b_report_reply(rng):
    pl = pick_place(rng)
    a, dn, segs = head(
        rng, pl, rng.choice(["税收违法行为举报答复书", "检举处理情况答复", "检举奖励通知书"]), "举复"
    )
    n = person_name(rng, ["reporter"])
    bank, card = bank_card(rng)
    c = company(rng, pl)
    kw = dict(
        n=n,
        nr=rep(n),
        c=c,
        cr=rep(c),
        u=uscc(rng, pl[4]),
        m=mobile(rng),
        e=email(rng),
        card=card,
        bank=bank,
        d1=date(rng),
        d2=date(rng),
        amt=amount(rng, 100, 50000),
        amt2=amount(rng),
        code=inv_code(rng),
        no=inv_no(rng),
        boss=person_name(rng, ["reported_person"]),
        mn=masked_name(rng),
        ph=placeholder(rng),
        ti=title_name(rng),
        mp=masked_phone(rng),
    )
    first = rng.choice(["{n}先生：\n", "检举人{n}：\n", "{ph}同志：\n", "尊敬的{n}：\n"])
    segs += fmt(first, **kw)
    body = [
        "您于{d1}通过12366热线检举{c}（统一社会信用代码{u}）取得虚开增值税专用发票的问题，本局已依法受理。",
        "经查，{cr}取得的发票（发票代码{code}，发票号码{no}）确系虚开，已追缴税款{amt2}元。",
        "您检举的{c}实际控制人{boss}通过其个人账户收取货款的问题，经查属实。",
        "根据《检举纳税人税收违法行为奖励暂行办法》，决定给予检举人{nr}奖励{amt}元，奖金将转入您提供的{bank}账户{card}。",
        "请{nr}于{d2}前携带本人身份证件到本局领取奖金，联系人{ti}，电话{mp}。",
        "您留存的联系方式为{m}、{e}，本局将通过上述方式告知处理结果。",
        "{mn}先生反映的情况与您的检举内容相同，已并案处理。",
        "感谢{nr}对税收工作的支持。本局将对检举人信息严格保密。",
        "经核实，{boss}系{cr}股东，其于{d1}签署的情况说明已附卷。",
    ]
    for t in pick(rng, body, rng.randint(4, 7)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    if rng.random() < 0.5:
        segs += contact_block(rng, pl)
    return segs, "letter"


def b_si_arrears(rng):
    pl = pick_place(rng)
    c = company(rng, pl)
    segs = fmt(
        "关于{c}欠缴社会保险费的公告\n\n{c2}（统一社会信用代码：{u}）未按规定为以下职工足额缴纳社会保险费，现予公告：\n",
        c=c,
        c2=rep(c),
        u=uscc(rng, pl[4]),
    )
    rows = []
    for i in range(rng.randint(3, 8)):
        n = person_name(rng, ["employee", "in_table"])
        rows.append(
            [
                str(i + 1),
                n,
                id_number(rng, pl[4], tags=["in_table"]) if rng.random() < 0.8 else masked_id(rng),
                rng.choice(["基本养老保险费", "失业保险费", "职工基本医疗保险费", "工伤保险费"]),
                f"{rng.randint(2023, 2025)}年{rng.randint(1, 12)}月至{rng.randint(2025, 2026)}年{rng.randint(1, 12)}月",
                amount(rng, 100, 30000),
            ]
        )
    layout = rng.choice(TABLE_LAYOUTS)
    merged = [("序号", 1), ("职工信息", 2), ("欠费情况", 3)] if rng.random() < 0.5 else None
    segs += table(
        rng,
        layout,
        ["序号", "姓名", "身份证号码", "费种", "欠费所属期", "欠费金额（元）"],
        rows,
        merged=merged,
        scan=rng.random() < 0.4,
    )
    e0, e1 = rows[0][1], rows[-1][1]
    tail = [
        "职工{x}、{y}等人已于{d}向本局反映欠费情况。",
        "其中{x}的欠费所属期最长，{y}已办理个人补缴。",
        "经核实，{x}于{d}离职，离职前单位未为{x}申报缴费基数。",
        "单位负责人{z}称资金困难，承诺分期补缴。",
        "{y}的家属{w}来电（{m}）询问补缴进度。",
    ]
    for t in pick(rng, tail, rng.randint(1, 3)):
        segs += ["\n"] + fmt(
            t,
            x=rep(e0),
            y=rep(e1),
            d=date(rng),
            z=person_name(rng, ["legal_rep"]),
            w=person_name(rng, ["relative"]),
            m=mobile(rng),
        )
    segs += fmt(
        "\n请上述单位自公告之日起十五日内到{a}办税服务厅（{addr}）缴纳，联系电话：{ph}。\n{a2}\n{d}\n",
        a=authority(rng, pl, "district"),
        addr=auth_address(rng, pl),
        ph=hall_phone(rng, pl),
        a2=authority(rng, pl, "district"),
        d=date(rng),
    )
    return segs, layout


def b_credit_list(rng):
    pl = pick_place(rng)
    rows = []
    for i in range(rng.randint(4, 9)):
        if rng.random() < 0.3:
            own = person_name(rng, ["getihu_owner", "in_table"])
            rows.append(
                [
                    str(i + 1),
                    shop_from_owner(rng, pl, own),
                    id_number(
                        rng, pl[4], type_="taxpayer_id_person", tags=["in_table", "tin_in_name_column"]
                    ),
                    own,
                    "A",
                ]
            )
        else:
            rows.append(
                [
                    str(i + 1),
                    company(rng, pl),
                    uscc(rng, pl[4]),
                    person_name(rng, ["legal_rep", "in_table"]) if rng.random() < 0.6 else masked_name(rng),
                    rng.choice(["A", "A", "B", "M"]),
                ]
            )
    layout = rng.choice(TABLE_LAYOUTS)
    segs = fmt(
        "{a}关于公布{y}年度纳税信用A级纳税人名单的公告\n",
        a=authority(rng, pl, "city"),
        y=str(rng.randint(2023, 2025)),
    )
    segs += table(
        rng, layout, ["序号", "纳税人名称", "纳税人识别号", "法定代表人（负责人、经营者）", "信用级别"], rows
    )
    tail = [
        "\n名单中{s}的经营者{o}连续三年评为A级。",
        "\n如对评价结果有异议，可向{a}提出复评申请，联系人{off}，电话{ph}。",
        "\n查询网址：{u}",
    ]
    shops = [r for r in rows if isinstance(r[3], S) and r[3].kind == "personal" and r[1].type == "shop_name"]
    if not shops:
        tail = tail[1:]
    for t in pick(rng, tail, rng.randint(1, len(tail))):
        kw = dict(a=authority(rng, pl, "district"), off=official(rng), ph=hall_phone(rng, pl), u=url(rng, pl))
        if shops:
            kw.update(s=rep(shops[0][1]), o=rep(shops[0][3]))
        segs += fmt(t, **kw)
    segs += ["\n"]
    return segs, layout


def b_agent_list(rng):
    pl = pick_place(rng)
    rows = []
    for _ in range(rng.randint(2, 5)):
        firm = S(
            pl[1].rstrip("市") + rng.choice(COMPANY_MID) + rng.choice(AGENT_FIRMS),
            "public",
            "company_name",
            ["tax_agent"],
        )
        staff = person_name(rng, ["agent_staff", "in_table"])
        rows.append(
            [
                firm,
                uscc(rng, pl[4]),
                person_name(rng, ["legal_rep", "in_table"]),
                staff,
                id_number(rng, tags=["in_table"]) if rng.random() < 0.7 else masked_id(rng),
                rng.choice(
                    ["出具虚假涉税文书", "违规代理导致委托人少缴税款", "未按规定办理涉税专业服务业务备案"]
                ),
                date(rng),
            ]
        )
    layout = rng.choice(TABLE_LAYOUTS)
    segs = fmt("{a}涉税专业服务失信主体名单公告\n", a=authority(rng, pl, "province"))
    segs += table(
        rng,
        layout,
        [
            "机构名称",
            "统一社会信用代码",
            "法定代表人",
            "涉税服务人员",
            "身份证件号码",
            "失信行为",
            "列入日期",
        ],
        rows,
        merged=[("机构信息", 3), ("人员信息", 2), ("失信情况", 2)] if rng.random() < 0.5 else None,
        scan=rng.random() < 0.3,
    )
    first = rows[0]
    segs += fmt(
        "\n其中，{s}在为委托人办理个人所得税汇算时，多次虚填专项附加扣除，{s2}所在的{f}负有管理责任。\n",
        s=rep(first[3]),
        s2=rep(first[3]),
        f=rep(first[0]),
    )
    return segs, layout


def b_hearing(rng):
    pl = pick_place(rng)
    a = authority(rng, pl, "inspect")
    host, clerk, inv = official(rng), official(rng), official(rng)
    p = person_name(rng, ["party", "speaker"])
    ag = person_name(rng, ["agent", "speaker"])
    lf = law_firm(rng)
    prev = docno(rng, pl, "罚告")
    kw = dict(
        a=a,
        host=host,
        hostr=host,
        clerk=clerk,
        inv=inv,
        p=p,
        pr=rep(p),
        ag=ag,
        agr=rep(ag),
        lf=lf,
        prev=prev,
        d1=date(rng),
        amt=amount(rng),
        id=id_number(rng),
        m=mobile(rng),
        addr=home_address(rng),
        w=person_name(rng, ["witness"]),
        mn=masked_name(rng),
        c=company(rng, pl),
        kin=person_name(rng, ["relative"]),
        kin2=person_name(rng, ["relative"]),
    )
    segs = fmt(
        "听证笔录\n\n案由：{pr}涉嫌少缴个人所得税一案\n时间：{d1}\n地点：{a}听证室\n主持人：{host}  记录人：{clerk}\n"
        "当事人：{p}，身份证号码{id}，联系电话{m}，住址{addr}\n委托代理人：{ag}，{lf}律师\n调查人员：{inv}\n\n",
        **kw,
    )
    lines = [
        "主持人{host}：现在宣布听证开始。当事人{pr}，你是否申请主持人回避？\n{pr}：不申请。\n",
        "调查人员{inv}：经查，当事人{pr}于{d1}从{c}取得股权转让收入，未申报，拟处罚款{amt}元（{prev}）。\n",
        "{agr}：我方认为，{pr}的股权转让价格明显偏低有正当理由，{w}可以作证。\n",
        "主持人：请证人{w}陈述。\n{w}：我和{pr}是邻居，当时{pr}确实急于用钱。\n",
        "{pr}：“我不是故意不报，”她说，“是{mn}会计告诉我不用报的。”\n",
        "主持人：{agr}，你对调查人员出示的证据有无异议？\n{agr}：对第三组证据的关联性有异议。\n",
        "{pr}最后陈述：请求减轻处罚。\n",
        "记录人{clerk}宣读笔录，{pr}、{agr}核对无误后签字。\n",
        "（{pr}签名）（{agr}签名）\n",
        "旁听人员：{w}、{kin}、{kin2}\n",
        "{w}：“{pr}当时跟我说，这笔钱是{c}打给{kin}的。”\n",
    ]
    for t in pick(rng, lines, rng.randint(5, 8)):
        segs += fmt(t, **kw)
    return segs, "prose"


FACT_PERSON = [
    "经查，{nr}于{d1}至{d2}期间，通过网络直播取得收入{amt}元，未按规定申报缴纳个人所得税。",
    "{nr}未按规定办理{y}年度个人所得税综合所得汇算清缴，少缴税款{amt2}元。",
    "你在{c}任职期间，{nr}的工资薪金由{c2}通过其他人员账户发放，隐匿收入{amt}元。",
    "{nr}的配偶{sp}名下房产于{d1}出售，{nr}作为共有人未申报财产转让所得。",
    "本局于{d1}向{nr}送达了《税务事项通知书》（{prev}），{nr}在规定期限内未予改正。",
    "上述事实有{nr}的询问笔录、银行流水及{c}提供的支付凭证等证据为证。",
    "王某某（{mn}）证实，{nr}曾要求其代为开具发票。",
    "根据{nr}提交的陈述申辩意见，本局复核后认为其理由不能成立。",
    "你（{n2}）持有的银行卡{card}于{d2}收到{c}转入款项{amt}元。",
    "经本局依法送达《税务行政处罚事项告知书》（{prev}），{nr}在法定期限内未提出陈述、申辩，也未要求听证。",
]


def b_penalty_person(rng):
    pl = pick_place(rng)
    a, dn, segs = head(rng, pl, "税务行政处罚决定书", "罚")
    n = person_name(rng, ["party"])
    bank, card = bank_card(rng)
    c = company(rng, pl)
    kw = dict(
        n=n,
        nr=rep(n),
        n2=rep(n),
        id=id_number(rng, pl[4]),
        addr=home_address(rng, pl),
        m=mobile(rng),
        d1=date(rng),
        d2=date(rng),
        amt=amount(rng),
        amt2=amount(rng, 10, 90000),
        y=str(rng.randint(2021, 2024)),
        c=c,
        c2=rep(c),
        sp=person_name(rng, ["spouse"]),
        prev=docno(rng, pl, "通"),
        mn=masked_name(rng),
        card=card,
    )
    first = rng.choice(
        [
            "{n}（公民身份号码：{id}）：\n",
            "当事人：{n}\n身份证件号码：{id}\n住址：{addr}\n联系电话：{m}\n\n",
            "{n}（纳税人识别号{id}，住所{addr}）：\n",
            "被处罚人姓名：{n}  证件号码：{id}\n",
        ]
    )
    segs += fmt(first, **kw)
    for t in pick(rng, FACT_PERSON, rng.randint(4, 6)):
        segs += fmt(t, **kw) + ["\n"]
    if rng.random() < 0.5:
        segs += enforcers(rng, pl)
    segs += fmt(
        "根据《中华人民共和国税收征收管理法》第六十三条第一款规定，决定对{nr}处少缴税款0.5倍的罚款{amt}元。\n\n{a}\n{d}\n",
        nr=rep(n),
        amt=amount(rng),
        a=rep(a),
        d=date(rng),
    )
    if rng.random() < 0.5:
        segs += contact_block(rng, pl)
    return segs, "prose"


def b_penalty_getihu(rng):
    pl = pick_place(rng)
    a, dn, segs = head(
        rng,
        pl,
        rng.choice(["税务行政处罚决定书（简易）", "税务行政处罚决定书", "税务处理决定书"]),
        rng.choice(["罚", "简罚", "处"]),
    )
    own = person_name(rng, ["getihu_owner"])
    shop = shop_from_owner(rng, pl, own)
    kw = dict(
        shop=shop,
        shopr=rep(shop),
        o=own,
        orr=rep(own),
        tin=id_number(rng, pl[4], type_="taxpayer_id_person"),
        ba=S(f"{pl[1]}{pl[2]}{rng.choice(STREETS)}{rng.randint(1, 300)}号门面", "public", "business_address"),
        ha=home_address(rng, pl),
        m=mobile(rng),
        d1=date(rng),
        d2=date(rng),
        amt=amount(rng, 50, 20000),
        code=inv_code(rng),
        no=inv_no(rng),
        mp=masked_phone(rng),
        tax=rng.choice(TAXES),
    )
    first = rng.choice(
        [
            "{shop}（经营者：{o}，纳税人识别号：{tin}）：\n",
            "纳税人名称：{shop}\n纳税人识别号：{tin}\n经营者姓名：{o}\n经营地址：{ba}\n户籍地址：{ha}\n联系电话：{m}\n\n",
            "{o}（{shop}业主，经营地址{ba}）：\n",
        ]
    )
    segs += fmt(first, **kw)
    body = [
        "你户{d1}所属期的{tax}未按期申报，本局于{d2}责令限期改正，逾期仍未申报。",
        "{orr}经营的{shopr}自{d1}起未向主管税务机关报送纳税申报表。",
        "经实地核查，{shopr}已停止经营，{orr}本人联系电话{m}无人接听，其户籍地址为{ha}。",
        "{orr}于{d2}在{ba}接受询问时承认，其将发票（发票代码{code}，发票号码{no}）转借他人使用。",
        "{orr}的妻子接听了检查人员拨打的{mp}，表示{orr}外出打工。",
        "以上事实有{shopr}的申报记录及{orr}签字确认的询问笔录为证。",
        "根据《中华人民共和国税收征收管理法》第六十二条的规定，对{shopr}处以罚款{amt}元。",
        "{orr}应自收到本决定书之日起十五日内将罚款缴纳至国库。",
    ]
    for t in pick(rng, body, rng.randint(4, 6)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    return segs, rng.choice(["prose", "letter"])


def b_penalty_company(rng):
    pl = pick_place(rng)
    a, dn, segs = head(
        rng, pl, rng.choice(["税务处理决定书", "税务行政处罚决定书"]), rng.choice(["处", "罚"])
    )
    c = company(rng, pl)
    lr = person_name(rng, ["legal_rep"])
    tx = person_name(rng, ["tax_clerk"])
    p3 = person_name(rng, ["fund_recipient"])
    p4 = person_name(rng, ["fund_recipient"])
    bank, card = bank_card(rng)
    kw = dict(
        c=c,
        cr=rep(c),
        u=uscc(rng, pl[4]),
        ca=company_address(rng, pl),
        lr=lr,
        lrr=rep(lr),
        tx=tx,
        txr=rep(tx),
        p3=p3,
        p3r=rep(p3),
        p4=p4,
        m=mobile(rng),
        m2=mobile(rng),
        mp=masked_phone(rng),
        mn=masked_name(rng),
        d1=date(rng),
        d2=date(rng),
        amt=amount(rng),
        amt2=amount(rng),
        code=inv_code(rng),
        no=inv_no(rng),
        no2=inv_no(rng),
        c2=company(rng, pl),
        card=card,
        bank=bank,
        prev=docno(rng, pl, "处"),
        prev2=docno(rng, pl, "罚告"),
        id=id_number(rng),
        mi=masked_id(rng),
    )
    segs += fmt(
        rng.choice(["{c}（统一社会信用代码：{u}）：\n", "{c}（纳税人识别号：{u}，地址：{ca}）：\n"]), **kw
    )
    body = [
        "我局于{d1}至{d2}对你公司（地址：{ca}）的涉税情况进行了检查。",
        "你公司法定代表人{lr}、办税人员{tx}在金税系统中备案的联系电话{m}、{m2}均无法接通。",
        "拨打办税人{tx}备案的电话{mp}，提示为空号。",
        "你公司取得{c2}开具的增值税专用发票（发票代码：{code}，发票号码：{no}、{no2}），金额合计{amt}元。",
        "资金流显示，{c2}收到货款后随即转给{p3}、{p4}等个人账户，其中{p3r}在{bank}开立的账户{card}收款{amt2}元。",
        "{lrr}在询问笔录中承认，上述发票系通过{mn}介绍购买。",
        "实际经营人{p3r}（身份证号{id}）于{d2}到案说明情况。",
        "另经查，你公司股东{mn}（证件号码{mi}）已于{d1}办理股权变更。",
        "本案此前已作出《税务处理决定书》（{prev}）和《税务行政处罚事项告知书》（{prev2}）。",
        "以上事实有{lrr}的询问笔录、银行流水和发票资料为证。",
        "根据相关规定，追缴你公司增值税{amt}元，并处罚款{amt2}元。",
    ]
    for t in pick(rng, body, rng.randint(5, 8)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    if rng.random() < 0.4:
        segs += contact_block(rng, pl)
    return segs, "prose"


def b_double_publicity(rng):
    pl = pick_place(rng)
    rows = []
    lic = rng.random() < 0.35
    for _ in range(rng.randint(3, 6)):
        kind = rng.random()
        if kind < 0.4:
            n = person_name(rng, ["in_table", "party"])
            rows.append(
                [
                    n,
                    "自然人",
                    "—",
                    "—",
                    "身份证",
                    id_number(rng, tags=["in_table"]) if rng.random() < 0.8 else masked_id(rng),
                ]
            )
        elif kind < 0.6:
            own = person_name(rng, ["in_table", "getihu_owner"])
            rows.append(
                [
                    shop_from_owner(rng, pl, own),
                    "个体工商户",
                    id_number(rng, pl[4], type_="taxpayer_id_person", tags=["in_table"]),
                    own,
                    "身份证",
                    masked_id(rng),
                ]
            )
        else:
            rows.append(
                [
                    company(rng, pl),
                    "法人及非法人组织",
                    uscc(rng, pl[4]),
                    person_name(rng, ["legal_rep", "in_table"]),
                    "—",
                    "—",
                ]
            )
    for r in rows:
        if lic:
            r += [
                docno(rng, pl, "许"),
                rng.choice(["增值税防伪税控系统最高开票限额审批", "对纳税人延期缴纳税款的核准"]),
                date(rng),
                authority(rng, pl, "district"),
            ]
        else:
            r += [
                docno(rng, pl, "罚"),
                rng.choice(["未按期申报", "虚开发票", "未按规定保管发票"]),
                amount(rng, 50, 50000),
                date(rng),
                authority(rng, pl, "district"),
            ]
    h = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码"]
    h += (
        ["许可决定书文号", "许可内容", "许可决定日期", "许可机关"]
        if lic
        else ["处罚决定书文号", "违法行为类型", "罚款金额（万元）", "处罚决定日期", "处罚机关"]
    )
    layout = rng.choice(TABLE_LAYOUTS)
    merged = [("行政相对人", 6), ("决定信息", len(h) - 6)] if rng.random() < 0.4 else None
    segs = [("行政许可" if lic else "行政处罚") + "信息公示（双公示）\n"]
    segs += table(rng, layout, h, rows, merged=merged, scan=rng.random() < 0.3)
    segs += fmt(
        "\n数据来源：{a}  公示网址：{u}  更新日期：{d}\n",
        a=authority(rng, pl, "city"),
        u=url(rng, pl),
        d=date(rng),
    )
    return segs, layout


def b_arrears_notice(rng):
    pl = pick_place(rng)
    rows = []
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.35:
            own = person_name(rng, ["in_table", "getihu_owner"])
            rows.append(
                [
                    shop_from_owner(rng, pl, own),
                    id_number(rng, pl[4], type_="taxpayer_id_person", tags=["in_table"]),
                    own,
                    id_number(rng, pl[4], tags=["in_table"]) if rng.random() < 0.6 else masked_id(rng),
                    S(
                        f"{pl[1]}{pl[2]}{rng.choice(STREETS)}{rng.randint(1, 300)}号",
                        "public",
                        "business_address",
                    ),
                ]
            )
        else:
            rows.append(
                [
                    company(rng, pl),
                    uscc(rng, pl[4]),
                    person_name(rng, ["in_table", "legal_rep"]),
                    id_number(rng, tags=["in_table", "legal_rep_id"])
                    if rng.random() < 0.5
                    else masked_id(rng),
                    company_address(rng, pl),
                ]
            )
    for r in rows:
        r += [rng.choice(TAXES), amount(rng, 1000, 9000000), amount(rng, 0, 50000)]
    layout = rng.choice(TABLE_LAYOUTS)
    segs = fmt(
        "{a}欠税公告（{y}年第{q}期）\n根据《中华人民共和国税收征收管理法》第四十五条规定，现将欠税情况公告如下：\n",
        a=authority(rng, pl, "city"),
        y=str(rng.randint(2024, 2026)),
        q=str(rng.randint(1, 4)),
    )
    segs += table(
        rng,
        layout,
        [
            "纳税人名称",
            "纳税人识别号",
            "法定代表人或负责人姓名",
            "身份证件号码",
            "经营地点",
            "欠税税种",
            "欠税余额",
            "当期新发生欠税余额",
        ],
        rows,
        merged=[("纳税人信息", 5), ("欠税情况（元）", 3)] if rng.random() < 0.5 else None,
        scan=rng.random() < 0.3,
    )
    n0 = rows[0][2]
    segs += fmt(
        rng.choice(
            [
                "\n特别提示：{n}作为欠税企业的法定代表人，在欠税结清前出境的，税务机关可以通知出入境管理机关阻止其出境。\n",
                "\n欠税人{n}的欠税已由其担保人{g}（身份证号码{gid}）提供纳税担保。\n",
                "\n本期公告截至{d}。\n",
            ]
        ),
        n=rep(n0),
        g=person_name(rng, ["guarantor"]),
        gid=id_number(rng),
        d=date(rng),
    )
    return segs, layout


def b_abnormal(rng):
    pl = pick_place(rng)
    rows = []
    for _ in range(rng.randint(3, 8)):
        if rng.random() < 0.4:
            own = person_name(rng, ["in_table", "getihu_owner"])
            rows.append(
                [
                    shop_from_owner(rng, pl, own) if rng.random() < 0.7 else own,
                    id_number(rng, pl[4], type_="taxpayer_id_person", tags=["in_table"]),
                    own.tag("name_repeat_in_row"),
                    date(rng),
                ]
            )
        else:
            rows.append(
                [company(rng, pl), uscc(rng, pl[4]), person_name(rng, ["in_table", "legal_rep"]), date(rng)]
            )
    layout = rng.choice(TABLE_LAYOUTS)
    segs = fmt(
        "关于认定非正常户的公告\n{a}依法对下列纳税人认定为非正常户，请有关人员于公告之日起30日内到办税服务厅办理相关涉税事宜。\n",
        a=authority(rng, pl, "district"),
    )
    segs += table(
        rng,
        layout,
        ["纳税人名称", "纳税人识别号", "法定代表人（负责人）", "认定日期"],
        rows,
        scan=rng.random() < 0.3,
    )
    names = [r[2] for r in rows if isinstance(r[2], S)]
    if len(names) >= 2 and rng.random() < 0.7:
        segs += fmt(
            rng.choice(
                [
                    "\n上述纳税人的法定代表人（负责人）{a}、{b}等经电话（{m}）联系均未到场。\n",
                    "\n{a}称已将营业执照借给{b}使用，相关事项由{b}负责。\n",
                    "\n经查，{b}的户籍地为{h}，已向其户籍地邮寄告知书。\n",
                ]
            ),
            a=rep(names[0]),
            b=rep(names[1]),
            m=mobile(rng),
            h=home_address(rng, pl),
        )
    segs += contact_block(rng, pl)
    return segs, layout


def b_service_notice(rng):
    pl = pick_place(rng)
    a = authority(rng, pl, "inspect")
    n = person_name(rng, ["party"])
    kw = dict(
        a=a,
        n=n,
        nr=rep(n),
        id=id_number(rng) if rng.random() < 0.6 else masked_id(rng),
        prev=docno(rng, pl, "罚"),
        prev2=docno(rng, pl, "处"),
        d1=date(rng),
        d2=date(rng),
        addr=home_address(rng, pl),
        c=company(rng, pl),
        u=uscc(rng, pl[4]),
        ad=auth_address(rng, pl),
        ph=hall_phone(rng, pl),
        off=official(rng),
        lr=person_name(rng, ["legal_rep"]),
        kin=person_name(rng, ["relative"]),
    )
    segs = fmt("{a}\n公告送达文书\n\n", **kw)
    body = [
        "{n}（身份证件号码：{id}）：",
        "因采用直接送达、邮寄送达等方式均无法向{nr}送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，向你公告送达《税务行政处罚决定书》（{prev}）。",
        "本局曾于{d1}按{nr}户籍地址{addr}邮寄送达，邮件被退回。",
        "{c}（统一社会信用代码{u}）及其法定代表人{lr}：本局对你公司作出的《税务处理决定书》（{prev2}）现予公告送达。",
        "自公告之日起满三十日，即视为送达。{nr}可到{ad}领取文书，联系人：{off}，联系电话：{ph}。",
        "{lr}于{d2}被公安机关采取强制措施，无法直接送达。",
        "主要内容：{nr}于{d1}取得的劳务报酬未申报，决定处以罚款。",
        "经向{nr}的近亲属{kin}了解，{nr}已长期在外地务工，下落不明。",
        "本局工作人员{off}于{d2}前往{addr}直接送达，{nr}家中无人。",
        "{nr}、{lr}及{kin}如对上述文书不服，可在公告期满之日起六十日内依法申请行政复议。",
    ]
    for t in pick(rng, body, rng.randint(4, 6)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    return segs, rng.choice(["prose", "letter"])


def b_minor(rng):
    pl = pick_place(rng)
    a, dn, segs = head(
        rng, pl, rng.choice(["税务事项通知书", "不予行政处罚决定书", "个人所得税退税审核结果告知书"]), "通"
    )
    ch = person_name(rng, ["minor"])
    g = person_name(rng, ["guardian"])
    kw = dict(
        ch=ch,
        chr=rep(ch),
        g=g,
        gr=rep(g),
        cid=id_number(rng, pl[4], minor=True, tags=["minor"]),
        gid=id_number(rng, pl[4]),
        m=mobile(rng, ["guardian"]),
        addr=home_address(rng, pl, tags=["minor"]),
        d1=date(rng),
        amt=amount(rng),
        amt2=amount(rng, 10, 9000),
        school=S(f"{pl[1]}{pl[2]}实验小学", "public", "organization_name"),
        e=email(rng),
        f=person_name(rng, ["guardian"]),
        bank=BANKS[0][0],
        card=bank_card(rng, ["guardian"])[1],
    )
    first = rng.choice(
        [
            "{ch}（未成年人，身份证号码{cid}）的法定监护人{g}：\n",
            "纳税人：{ch}，{chr}系未成年人\n监护人：{g}（身份证件号码{gid}，联系电话{m}）\n\n",
            "{g}女士（{ch}之母）：\n",
        ]
    )
    segs += fmt(first, **kw)
    body = [
        "{chr}于{d1}继承取得房产一处，坐落于{addr}，由监护人{gr}代为办理相关涉税事项。",
        "{gr}代{chr}申报的稿酬所得{amt}元，经审核应退税款{amt2}元。",
        "经核实，{chr}就读于{school}，其监护人{gr}的联系方式为{m}、{e}。",
        "鉴于当事人{chr}为未成年人，违法行为轻微并及时纠正，决定不予行政处罚。",
        "请{gr}持本人身份证件（{gid}）及监护关系证明到办税服务厅办理。",
        "{gr}称，“孩子的奖学金是学校直接发放的，我们并不知道要报税。”",
        "因{chr}未满十八周岁，本通知书由其母亲{gr}代为签收。",
        "经查，{gr}与{chr}系母子关系，{gr}户籍地址为{addr}。",
        "{chr}的父亲{f}、母亲{gr}均为其法定监护人，现由{gr}实际履行监护职责。",
        "退税款将退至{gr}名下{bank}账户{card}，请核对。",
    ]
    for t in pick(rng, body, rng.randint(3, 5)):
        segs += fmt(t, **kw) + ["\n"]
    segs += fmt("\n{a}\n{d}\n", a=rep(a), d=date(rng))
    return segs, "letter"


def b_complaint_reply(rng):
    pl = pick_place(rng)
    a = authority(rng, pl, "district")
    n = person_name(rng, ["complainant"])
    st = official(rng)
    kw = dict(
        a=a,
        n=n,
        nr=rep(n),
        st=st,
        m=mobile(rng),
        lm=landline(rng, pl[3]),
        d1=date(rng),
        ti=title_name(rng),
        ph=placeholder(rng),
        hl=hotline(),
        addr=home_address(rng, pl, full=False),
        mn=masked_name(rng),
        hp=hall_phone(rng, pl),
    )
    segs = fmt("12366纳税缴费服务热线投诉处理回复单\n", **kw)
    rows = [
        "工单编号：{wo}\n",
        "投诉人：{n}  联系电话：{m}  固定电话：{lm}\n",
        "投诉内容：{nr}反映{d1}在{a}办税服务厅排队时间过长，窗口工作人员{st}态度生硬。\n",
        "处理情况：经调取监控核实，{st}在为{nr}办理业务时未使用文明用语，已对其批评教育。{ti}已电话回访{nr}本人。\n",
        "回访情况：{nr}表示满意。联系地址：{addr}\n",
        "备注：投诉人要求匿名，对外显示为{mn}；被投诉窗口{ph}号。\n",
        "承办单位：{a}纳税服务股  电话：{hp}  热线：{hl}\n",
    ]
    kw["wo"] = S(f"GD{rng.randint(2024, 2026)}{rng.randint(10000000, 99999999)}", "public", "ticket_number")
    for t in rows:
        if rng.random() < 0.85:
            segs += fmt(t, **kw)
    return segs, "kv"


KINDS = [
    ("disclosure_reply", b_disclosure_reply),
    ("disclosure_register", b_disclosure_register),
    ("review_decision", b_review_decision),
    ("enforcement", b_enforcement),
    ("exit_ban", b_exit_ban),
    ("report_reply", b_report_reply),
    ("social_insurance_arrears", b_si_arrears),
    ("credit_list", b_credit_list),
    ("tax_agent_list", b_agent_list),
    ("hearing_record", b_hearing),
    ("penalty_person", b_penalty_person),
    ("penalty_getihu", b_penalty_getihu),
    ("penalty_company", b_penalty_company),
    ("double_publicity", b_double_publicity),
    ("arrears_notice", b_arrears_notice),
    ("abnormal_household", b_abnormal),
    ("service_notice", b_service_notice),
    ("minor_guardian", b_minor),
    ("complaint_reply", b_complaint_reply),
]


VERB_START = set("未于在称表系将承取持向通对代收已曾均不与经担作出自为就")


def context_tags(text, spans):
    """Tag person names by their grammatical surroundings (computed on the clean text)."""
    for sp in spans:
        if sp["type"] != "person_name":
            continue
        before = text[max(0, sp["start"] - 2) : sp["start"]]
        after = text[sp["end"] : sp["end"] + 2]
        tags = set(sp["tags"])
        if after.startswith("的") or after.startswith("之"):
            tags.add("ctx_possessive")
        if after.startswith("、") or before.endswith("、"):
            tags.add("ctx_list")
        if after[:1] in VERB_START:
            tags.add("ctx_before_verb")
        if after.startswith(("先生", "女士", "同志", "律师", "局长")):
            tags.add("ctx_before_title")
        if before.endswith(("“", "「")) or "“" in text[max(0, sp["start"] - 30) : sp["start"]].split("”")[-1]:
            tags.add("ctx_in_quote")
        if after[:1] in ("：", ":") and (sp["start"] == 0 or text[sp["start"] - 1] == "\n"):
            tags.add("ctx_speaker_or_salutation")
        sp["tags"] = sorted(tags)


def build(rng, i):
    cat, builder = KINDS[i % len(KINDS)]
    segs, layout = builder(rng)
    text, spans = render(segs)
    context_tags(text, spans)
    post = None
    if layout in ("prose", "letter") and rng.random() < 0.3:
        text, spans = pdf_wrap(rng, text, spans, rng.randint(26, 40))
        post = "pdf_wrapped"
    elif rng.random() < 0.14:
        text, spans = ocr_noise(rng, text, spans)
        post = "ocr"
    if post:
        layout = f"{layout}+{post}"
    return {"id": f"m11-{i:04d}", "category": cat, "layout": layout, "text": text, "spans": spans}


def _id_ok(v):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return (
        len(v) == 18 and "10X98765432"[sum(int(a) * b for a, b in zip(v[:17], w, strict=False)) % 11] == v[17]
    )


def _luhn_ok(v):
    total = 0
    for i, ch in enumerate(reversed(v)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _uscc_ok(v):
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CHARS.index(c) * wi for c, wi in zip(v[:17], w, strict=False))
    return len(v) == 18 and USCC_CHARS[(31 - s % 31) % 31] == v[17]


def validate(d):
    """Self-check: offsets in range, cores inside values, check digits valid."""
    text = d["text"]
    for sp in d["spans"]:
        assert 0 <= sp["start"] < sp["end"] <= len(text), d["id"]
        v = re.sub(r"\s", "", text[sp["start"] : sp["end"]])
        if "core_start" in sp:
            assert sp["start"] <= sp["core_start"] < sp["core_end"] <= sp["end"], d["id"]
        if sp["type"] in ("id_number", "taxpayer_id_person"):
            assert _id_ok(v), (d["id"], v)
        elif sp["type"] == "bank_card":
            assert _luhn_ok(v), (d["id"], v)
        elif sp["type"] == "uscc":
            assert _uscc_ok(v), (d["id"], v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).with_name("corpus.jsonl")))
    a = ap.parse_args()
    rng = random.Random(SEED)
    docs = [build(rng, i) for i in range(N_DOCS)]
    for d in docs:
        validate(d)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(docs)} documents to {a.out}")


if __name__ == "__main__":
    main()
