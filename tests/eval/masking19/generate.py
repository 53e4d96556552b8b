"""Generate an independent masking evaluation corpus (set 19).

Deterministic: fixed seed, no network. Writes corpus.jsonl next to this file.
Each document: {"id","category","layout","text","spans"}; each span has start, end,
kind (personal/public/masked), type, tags and optional core_start/core_end.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 19_2026
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万覃武钱戴严莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞宇浩然子轩梓涵欣怡诗琪俊峰海燕春梅晓东"
)
CITY = "湘江市"
DISTRICTS = ["岳麓区", "芙蓉区", "天心区", "开福区", "雨花区", "望城区"]
ROADS = [
    "麓山南路",
    "五一大道",
    "韶山北路",
    "芙蓉中路",
    "劳动西路",
    "人民东路",
    "桐梓坡路",
    "金星北路",
    "远大二路",
    "车站北路",
]
ESTATES = ["阳光新城", "桃花苑", "金色家园", "万科城", "湘江世纪城", "碧桂园", "梅溪湖壹号", "和馨园"]
VILLAGES = ["白沙村", "黄花镇杨林村", "乌山街道团山湖村", "雷锋街道桐木村", "高塘岭街道郭亮村"]
PROVINCE_CODES = [
    "430102",
    "430103",
    "430104",
    "430105",
    "430111",
    "430112",
    "430121",
    "430181",
    "432524",
    "360102",
    "440305",
]
CO_PREFIX = ["湘江", "湘江市", "湖南"]
CO_MID = [
    "鑫源",
    "恒瑞",
    "金泰",
    "宏达",
    "盛世",
    "华美",
    "顺发",
    "利民",
    "天成",
    "博远",
    "嘉禾",
    "众诚",
    "荣昌",
    "汇丰源",
]
CO_IND = ["商贸", "建材", "物流", "餐饮管理", "科技", "贸易", "建筑工程", "劳务", "文化传媒", "医药"]
SHOP_KIND = ["便利店", "小吃店", "五金店", "汽车修理部", "理发店", "水果店", "服装店", "烟酒商行"]
BANKS = [
    "中国工商银行湘江岳麓支行",
    "中国建设银行湘江芙蓉支行",
    "中国农业银行湘江天心支行",
    "湘江农村商业银行开福支行",
    "中国银行湘江雨花支行",
]
BANK_BINS = ["622202", "621700", "622848", "623058", "621661", "622588"]
LAW_FIRMS = ["湖南湘楚律师事务所", "湖南金州律师事务所", "湖南启元律师事务所"]
VIOLATIONS = [
    "未按照规定期限办理纳税申报和报送纳税资料",
    "未按照规定开具发票",
    "丢失增值税专用发票",
    "少缴个人所得税",
    "虚开增值税普通发票",
    "未按规定设置、保管账簿",
    "取得不合规发票入账",
]

ROLES_ENTITY = ["法定代表人", "负责人", "财务负责人", "办税人员", "经营者", "投资人"]

GB_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


class Doc:
    """A document assembled from plain text and labelled values."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.owner: list[int] = []  # span index per char, -1 = none
        self.meta: list[dict] = []

    def t(self, text: str) -> None:
        self.chars.extend(text)
        self.owner.extend([-1] * len(text))

    def v(self, text: str, kind: str, typ: str, tags=(), core: tuple[int, int] | None = None) -> None:
        idx = len(self.meta)
        self.meta.append({"kind": kind, "type": typ, "tags": list(tags), "core": core, "len": len(text)})
        self.chars.extend(text)
        self.owner.extend([idx] * len(text))

    def insert(self, pos: int, text: str, inside: bool) -> None:
        own = self.owner[pos - 1] if inside and pos > 0 else -1
        for i, ch in enumerate(text):
            self.chars.insert(pos + i, ch)
            self.owner.insert(pos + i, own)

    def spans(self) -> list[dict]:
        out = []
        pos: dict[int, list[int]] = {}
        for i, o in enumerate(self.owner):
            if o >= 0:
                pos.setdefault(o, []).append(i)
        for idx, m in enumerate(self.meta):
            p = pos[idx]
            start, end = p[0], p[-1] + 1
            s = {
                "start": start,
                "end": end,
                "kind": m["kind"],
                "type": m["type"],
                "tags": sorted(set(m["tags"])),
            }
            if m["core"] is not None:
                # core given on original value offsets; map through inserted chars
                orig = [i for i in range(start, end) if self.owner[i] == idx]
                cs, ce = m["core"]
                if len(orig) == m["len"]:
                    s["core_start"] = orig[cs]
                    s["core_end"] = orig[ce - 1] + 1
            out.append(s)
        return out


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    # ---------- values ----------
    def name(self) -> tuple[str, tuple[int, int]]:
        r = self.r
        sur = r.choice(COMPOUND) if r.random() < 0.05 else r.choice(SURNAMES)
        given = "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2, 2, 2])))
        return sur + given, (len(sur), len(sur) + len(given))

    def id_number(self) -> str:
        r = self.r
        body = (
            r.choice(PROVINCE_CODES)
            + f"{r.randint(1955, 2004)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        )
        s = sum(int(c) * w for c, w in zip(body, GB_W, strict=True)) % 11
        return body + "10X98765432"[s]

    def uscc(self) -> str:
        r = self.r
        body = "9143" + r.choice(["01", "02", "03", "11", "12", "81"]) + "0" + r.choice(["0", "5", "M", "3"])
        body += "".join(r.choice(USCC_CHARS) for _ in range(17 - len(body)))
        s = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W, strict=True)) % 31
        return body + USCC_CHARS[(31 - s) % 31]

    def card(self) -> str:
        r = self.r
        body = r.choice(BANK_BINS) + "".join(str(r.randint(0, 9)) for _ in range(r.choice([9, 12])))
        total = 0
        for i, c in enumerate(reversed(body)):
            d = int(c)
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        return body + str((10 - total % 10) % 10)

    def card_written(self, card: str) -> str:
        if self.r.random() < 0.3:
            return " ".join(card[i : i + 4] for i in range(0, len(card), 4))
        return card

    def mobile(self) -> str:
        r = self.r
        m = r.choice(["138", "139", "150", "151", "158", "177", "186", "188", "199", "135"]) + "".join(
            str(r.randint(0, 9)) for _ in range(8)
        )
        f = r.random()
        if f < 0.15:
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if f < 0.25:
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if f < 0.3:
            return "+86 " + m
        return m

    def landline_home(self) -> str:
        return f"0731-8{self.r.randint(1000000, 9999999)}"

    def bureau_phone(self) -> str:
        return f"0731-{self.r.choice(['84', '85', '88'])}{self.r.randint(100000, 999999)}"

    def home_addr(self) -> tuple[str, tuple[int, int], str]:
        r = self.r
        d = r.choice(DISTRICTS)
        f = r.random()
        if f < 0.45:
            tail = f"{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 4)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}室"
            head = f"{CITY}{d}{r.choice(ROADS)}{r.randint(1, 999)}号"
            style = "estate"
        elif f < 0.7:
            tail = f"{r.randint(1, 12)}组{r.randint(1, 99)}号"
            head = f"{CITY}{d}{r.choice(VILLAGES)}"
            style = "village"
        elif f < 0.85:
            tail = f"{r.randint(1, 30)}-{r.randint(1, 4)}-{r.randint(101, 3204)}"
            head = f"{d}{r.choice(ESTATES)}"
            style = "short_dash"
        else:
            tail = f"{r.randint(1, 300)}号{r.randint(1, 9)}栋{r.randint(101, 1808)}房"
            head = f"湖南省{CITY}{d}{r.choice(ROADS)}"
            style = "province_prefix"
        return head + tail, (len(head), len(head) + len(tail)), style

    def biz_addr(self) -> str:
        r = self.r
        return f"{CITY}{r.choice(DISTRICTS)}{r.choice(ROADS)}{r.randint(1, 999)}号{r.choice(['', '商铺', '门面', '写字楼' + str(r.randint(2, 30)) + '层'])}"

    def company(self) -> str:
        r = self.r
        return f"{r.choice(CO_PREFIX)}{r.choice(CO_MID)}{r.choice(CO_IND)}有限公司"

    def shop(self, owner_name: str | None = None) -> str:
        r = self.r
        base = (
            r.choice(DISTRICTS)
            + (owner_name[0] if owner_name and r.random() < 0.3 else r.choice(CO_MID))
            + r.choice(SHOP_KIND)
        )
        return base

    def masked_name(self, full: str) -> str:
        return self.r.choice([full[0] + "某某", full[0] + "某", full[0] + "**", full[0] + "XX"])

    def masked_id(self, idn: str) -> str:
        return self.r.choice(
            [idn[:4] + "*" * 10 + idn[-4:], idn[:6] + "********" + idn[-4:], idn[:3] + "*" * 14 + idn[-1]]
        )

    def masked_phone(self, m: str) -> str:
        d = "".join(c for c in m if c.isdigit())[-11:]
        return d[:3] + "****" + d[-4:]

    def date(self) -> str:
        return f"2026年{self.r.randint(1, 11)}月{self.r.randint(1, 28)}日"

    def amount(self) -> str:
        v = self.r.randint(100, 9_000_000) / 100
        return f"{v:,.2f}" if self.r.random() < 0.3 else f"{v:.2f}"


BUREAUS = [
    ("国家税务总局湘江市税务局", "湘税", "湘江市岳麓区金星中路387号"),
    ("国家税务总局湘江市税务局第一稽查局", "湘税一稽", "湘江市开福区三一大道188号"),
    ("国家税务总局湘江市税务局第二稽查局", "湘税二稽", "湘江市雨花区劳动东路139号"),
    ("国家税务总局湘江市岳麓区税务局", "湘岳税", "湘江市岳麓区枫林三路1001号"),
    ("国家税务总局湘江市芙蓉区税务局", "湘芙税", "湘江市芙蓉区八一路58号"),
    ("国家税务总局湘江市望城区税务局", "湘望税", "湘江市望城区郭亮中路369号"),
]

CATEGORIES = [
    ("penalty_simple", "prose"),
    ("penalty_general_person", "prose"),
    ("penalty_company", "prose"),
    ("penalty_individual_business", "prose"),
    ("tax_handling", "prose"),
    ("no_penalty", "prose"),
    ("matters_notice", "prose"),
    ("rectify_notice", "prose"),
    ("service_announcement", "prose"),
    ("arrears_announcement", "table"),
    ("abnormal_list", "table"),
    ("double_publicity", "table"),
    ("disclosure_reply", "prose"),
    ("disclosure_register", "table"),
    ("review_decision", "prose"),
    ("report_reply", "prose"),
    ("hearing_notice", "prose"),
    ("exit_ban", "prose"),
    ("enforcement_notice", "prose"),
    ("withholding_notice", "prose"),
]


def person(g: Gen, d: Doc, tags=(), with_id=True) -> dict:
    """Emit nothing; return a fresh person's values."""
    name, core = g.name()
    return {"name": name, "core": core, "id": g.id_number(), "mobile": g.mobile(), "card": g.card()}


def put_name(d: Doc, p: dict, tags=()) -> None:
    d.v(p["name"], "personal", "person_name", tags, p["core"])


def put_id(d: Doc, g: Gen, p: dict, tags=()) -> None:
    idn = p["id"]
    f = g.r.random()
    t = list(tags)
    if f < 0.1:
        idn = idn[:6] + " " + idn[6:14] + " " + idn[14:]
        t.append("id_spaced")
        d.v(idn, "personal", "id_number", t, (7, 20))
        return
    if f < 0.15 and idn[-1] == "X":
        idn = idn[:-1] + "x"
        t.append("id_lower_x")
    d.v(idn, "personal", "id_number", t, (6, 17))


def put_taxpayer_no(d: Doc, g: Gen, p: dict, tags=()) -> None:
    # individual taxpayer number = ID number
    d.v(p["id"], "personal", "individual_taxpayer_no", tags, (6, 17))


def put_mobile(d: Doc, p: dict, tags=()) -> None:
    m = p["mobile"]
    digits_before = [i for i, c in enumerate(m) if c.isdigit()]
    core = (digits_before[-8], len(m)) if len(digits_before) >= 8 else None
    d.v(m, "personal", "phone", tags, core)


def put_addr(d: Doc, g: Gen, tags=()) -> None:
    a, core, style = g.home_addr()
    d.v(a, "personal", "home_address", [*tags, "addr_" + style], core)


def bureau_block(d: Doc, g: Gen, b: tuple, where: str) -> None:
    d.t("联系地址：")
    d.v(b[2], "public", "bureau_address", [where])
    d.t("；联系电话：")
    d.v(g.bureau_phone(), "public", "bureau_phone", [where])
    d.t("；纳税服务热线：")
    d.v("12366", "public", "hotline", [where])
    if g.r.random() < 0.5:
        d.t("；网址：")
        d.v("https://hunan.chinatax.gov.cn", "public", "web_address", [where])
    if g.r.random() < 0.6:
        d.t("；联系人：")
        n, c = g.name()
        d.v(n, "public", "official_name", ["published_by_policy", "contact_officer"], c)
    d.t("。\n")


def doc_no(d: Doc, g: Gen, b: tuple, kind: str) -> None:
    d.v(f"{b[1]}{kind}〔2026〕{g.r.randint(1, 999)}号", "public", "document_number")


def header(d: Doc, g: Gen, b: tuple, title: str, kind: str) -> None:
    d.v(b[0], "public", "authority")
    d.t("\n" + title + "\n")
    doc_no(d, g, b, kind)
    d.t("\n")


def entity_line(d: Doc, g: Gen, shape: str) -> dict:
    """Write the addressee line; returns context dict."""
    r = g.r
    ctx: dict = {}
    if shape == "person":
        p = person(g, d)
        ctx["p"] = p
        if r.random() < 0.15:
            d.v(g.masked_name(p["name"]), "masked", "masked_name")
            d.t("（身份证件号码：")
            d.v(g.masked_id(p["id"]), "masked", "masked_id")
            d.t("）：\n")
            ctx["masked"] = True
            return ctx
        put_name(d, p, ["addressee"])
        d.t(r.choice(["（身份证件号码：", "（居民身份证号码：", "（纳税人识别号：", "（证件号码"]))
        if r.random() < 0.5:
            put_id(d, g, p)
        else:
            put_taxpayer_no(d, g, p)
        if r.random() < 0.6:
            d.t("；住址：" if r.random() < 0.5 else "，居住地址：")
            put_addr(d, g)
        d.t("）：\n")
    elif shape == "company":
        c = g.company()
        ctx["co"] = c
        d.v(c, "public", "company_name")
        d.t("（统一社会信用代码：" if r.random() < 0.7 else "（纳税人识别号：")
        d.v(g.uscc(), "public", "uscc")
        d.t("）：\n")
    else:  # individual business
        p = person(g, d)
        ctx["p"] = p
        s = g.shop(p["name"])
        ctx["shop"] = s
        d.v(s, "public", "shop_name", ["shop_may_contain_surname"] if p["name"][0] in s else [])
        d.t("（经营者：")
        put_name(d, p, ["operator_in_parens"])
        d.t("，纳税人识别号：")
        if r.random() < 0.5:
            put_taxpayer_no(d, g, p, ["itin_of_business"])
        else:
            d.v(g.uscc(), "public", "uscc", ["uscc_of_business"])
        d.t("）：\n")
    return ctx


def facts(d: Doc, g: Gen, ctx: dict) -> None:
    r = g.r
    subj = "你" if "co" not in ctx else "你公司"
    d.t(f"经我局查明，{subj}于")
    d.v(g.date(), "public", "date")
    d.t(f"{r.choice(VIOLATIONS)}，涉及金额")
    d.v(g.amount(), "public", "amount")
    d.t("元。")
    if r.random() < 0.4:
        d.t("上述事实有")
        if r.random() < 0.5 and "p" in ctx:
            put_name(d, ctx["p"], ["subject_of_sentence_after_you"])
            d.t("本人的询问笔录、")
        else:
            d.t("询问笔录、")
        d.t("发票代码")
        d.v(f"43{r.randint(10, 99)}{r.randint(100000, 999999)}", "public", "invoice_code")
        d.t("、发票号码")
        d.v(f"{r.randint(0, 99999999):08d}", "public", "invoice_number", ["invoice_number_8digit"])
        d.t("的发票等证据证实。")
    if "co" in ctx:
        lp = person(g, d)
        d.t(r.choice(["你公司法定代表人", "经询问，财务负责人", "办税人员", "你公司股东"]))
        put_name(d, lp, ["role_prefix"])
        d.t(r.choice(["（身份证号", "（身份证号码：", "，身份证件号码"]))
        put_id(d, g, lp)
        if r.random() < 0.6:
            d.t("，联系电话")
            put_mobile(d, lp)
        d.t(r.choice(["）", ""]) + "对上述事实予以确认。")
        if r.random() < 0.5:
            d.t("你公司生产经营地址为")
            d.v(g.biz_addr(), "public", "business_address")
            d.t("，对公账户开户银行")
            d.v(r.choice(BANKS), "public", "bank_name")
            d.t("，账号")
            d.v(g.card_written(g.card()), "personal", "bank_account", ["legal_person_account"])
            d.t("。")
    elif "p" in ctx and not ctx.get("masked"):
        if r.random() < 0.5:
            d.t("经电话")
            put_mobile(d, ctx["p"], ["phone_in_prose"])
            d.t("联系，")
            put_name(d, ctx["p"], ["name_mid_sentence"])
            d.t("本人表示认可。")
        if r.random() < 0.3:
            d.t("其个人银行账户（")
            d.v(r.choice(BANKS), "public", "bank_name")
            d.t("，卡号")
            d.v(g.card_written(ctx["p"]["card"]), "personal", "bank_card")
            d.t("）收取了相关款项。")
        if r.random() < 0.2:
            d.t("其电子邮箱")
            e = "".join(r.choice("abcdefghjkmnpqrstwxyz") for _ in range(r.randint(4, 8))) + str(
                r.randint(10, 9999)
            )
            mail = e + r.choice(["@qq.com", "@163.com", "@126.com"])
            d.v(mail, "personal", "email", [], (0, len(e)))
            d.t("用于接收发票。")
        if r.random() < 0.15:
            d.t("其持有的港澳通行证号码")
            pp = "C" + "".join(str(r.randint(0, 9)) for _ in range(8))
            d.v(pp, "personal", "passport_permit")
            d.t("。")
    d.t("\n")


def decision(d: Doc, g: Gen, ctx: dict, law_kind: str) -> None:
    r = g.r
    d.t(
        f"根据《中华人民共和国税收征收管理法》第{r.choice(['六十', '六十二', '六十三', '六十四', '七十'])}条的规定，"
    )
    if law_kind == "penalty":
        d.t("决定处以罚款")
        d.v(g.amount(), "public", "amount")
        d.t("元。\n")
    elif law_kind == "handling":
        d.t("决定追缴税款")
        d.v(g.amount(), "public", "amount")
        d.t("元，并从滞纳税款之日起按日加收万分之五的滞纳金。\n")
    elif law_kind == "review":
        d.t("本机关决定维持被申请人作出的上述决定。\n")
        d.t("申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。\n")
        return
    else:
        d.t("决定不予行政处罚。\n")
    d.t("限你（单位）自本决定书送达之日起十五日内到")
    d.v(r.choice(BUREAUS)[0] + "办税服务厅", "public", "authority")
    d.t("缴纳入库。如对本决定不服，可以自收到本决定书之日起六十日内依法向")
    d.v(BUREAUS[0][0], "public", "authority")
    d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")


def officers(d: Doc, g: Gen) -> None:
    r = g.r
    for role in r.sample(["执法人员", "承办人", "局长", "记录人"], 2):
        d.t(role + "：")
        n, c = g.name()
        d.v(n, "public", "official_name", ["published_by_policy", "officer_" + role], c)
        if role == "执法人员" and r.random() < 0.5:
            d.t("（执法证号：")
            d.v(
                f"143{r.randint(10000000, 99999999)}",
                "public",
                "enforcement_cert_no",
                ["published_by_policy"],
            )
            d.t("）")
        d.t("  ")
    d.t("\n")


def footer(d: Doc, g: Gen, b: tuple) -> None:
    d.v(b[0], "public", "authority")
    d.t("\n")
    d.v(g.date(), "public", "date")
    d.t("\n")


def gen_decision_doc(d: Doc, g: Gen, cat: str) -> None:
    r = g.r
    b = r.choice(BUREAUS)
    titles = {
        "penalty_simple": ("税务行政处罚决定书（简易）", "简罚", "person", "penalty"),
        "penalty_general_person": ("税务行政处罚决定书", "罚", "person", "penalty"),
        "penalty_company": ("税务行政处罚决定书", "罚", "company", "penalty"),
        "penalty_individual_business": ("税务行政处罚决定书", "罚", "business", "penalty"),
        "tax_handling": ("税务处理决定书", "处", r.choice(["company", "person"]), "handling"),
        "no_penalty": ("不予行政处罚决定书", "不罚", r.choice(["company", "person", "business"]), "none"),
        "review_decision": ("行政复议决定书", "复决", "person", "none"),
        "exit_ban": ("阻止出境决定书", "阻", r.choice(["company", "person"]), "handling"),
        "enforcement_notice": ("税收强制执行决定书", "强", r.choice(["company", "business"]), "handling"),
        "withholding_notice": ("扣缴税收款项通知书", "扣", r.choice(["company", "person"]), "handling"),
    }
    title, kind, shape, law = titles[cat]
    if r.random() < 0.3:
        bureau_block(d, g, b, "bureau_contact_top")
    header(d, g, b, title, kind)
    if cat == "review_decision":
        d.t("申请人：")
        p = person(g, d)
        put_name(d, p, ["role_申请人"])
        d.t("，" + r.choice(["男", "女"]) + "，")
        d.v(
            f"{r.randint(1955, 2000)}年{r.randint(1, 12)}月{r.randint(1, 28)}日",
            "personal",
            "birth_date",
            ["birth_date"],
        )
        d.t("出生，公民身份号码")
        put_id(d, g, p)
        d.t("，住")
        put_addr(d, g, ["addr_after_住"])
        d.t("。\n委托代理人：")
        q = person(g, d)
        put_name(d, q, ["agent_lawyer"])
        d.t("，")
        d.v(r.choice(LAW_FIRMS), "public", "law_firm")
        d.t("律师。\n被申请人：")
        d.v(b[0], "public", "authority")
        d.t("，住所地")
        d.v(b[2], "public", "bureau_address", ["bureau_contact_middle"])
        d.t("。\n申请人")
        d.v(p["name"][0] + p["name"][1:], "personal", "person_name", ["repeat_mention"], p["core"])
        d.t("不服被申请人作出的")
        doc_no(d, g, b, "罚")
        d.t("，于")
        d.v(g.date(), "public", "date")
        d.t("向本机关申请行政复议。本机关依法予以受理。\n")
        decision(d, g, {"p": p}, "review")
    else:
        if cat == "exit_ban":
            ctx = entity_line(d, g, shape)
            d.t("因你（单位）欠缴税款")
            d.v(g.amount(), "public", "amount")
            d.t(
                "元，未结清税款、滞纳金又不提供担保，根据《中华人民共和国税收征收管理法》第四十四条规定，已通知出入境管理机关阻止"
            )
            lp = person(g, d)
            if "co" in ctx:
                d.t("你单位法定代表人")
            put_name(d, lp if "co" in ctx else ctx["p"], ["exit_ban_subject"])
            d.t("（护照号码：")
            pp = r.choice("EGP") + "".join(str(r.randint(0, 9)) for _ in range(8))
            d.v(pp, "personal", "passport_permit", [], (1, 9))
            d.t("）出境。\n")
        else:
            ctx = entity_line(d, g, shape)
            facts(d, g, ctx)
            decision(d, g, ctx, law)
    if r.random() < 0.35:
        bureau_block(d, g, b, "bureau_contact_middle")
    if r.random() < 0.5:
        officers(d, g)
    footer(d, g, b)


def gen_notice_doc(d: Doc, g: Gen, cat: str) -> None:
    r = g.r
    b = r.choice(BUREAUS)
    if cat == "matters_notice":
        header(d, g, b, "税务事项通知书", "通")
        ctx = entity_line(d, g, r.choice(["person", "company", "business"]))
        d.t(
            "事由："
            + r.choice(["责令限期缴纳税款", "通知提供纳税资料", "约谈"])
            + "\n依据：《中华人民共和国税收征收管理法》第六十二条。\n通知内容：请于"
        )
        d.v(g.date(), "public", "date")
        d.t("前到")
        d.v(b[2], "public", "bureau_address", ["bureau_contact_middle"])
        d.t("办理。\n")
        bureau_block(d, g, b, "bureau_contact_bottom")
    elif cat == "rectify_notice":
        header(d, g, b, "责令限期改正通知书", "限改")
        ctx = entity_line(d, g, r.choice(["person", "company", "business"]))
        facts(d, g, ctx)
        d.t("限你（单位）于")
        d.v(g.date(), "public", "date")
        d.t("前改正。\n")
        bureau_block(d, g, b, "bureau_contact_bottom")
    elif cat == "hearing_notice":
        header(d, g, b, "税务行政处罚听证通知书", "听通")
        p = person(g, d)
        put_name(d, p, ["addressee"])
        d.t("：\n根据你（单位）的听证要求，决定于")
        d.v(g.date(), "public", "date")
        d.t("在")
        d.v(b[2], "public", "bureau_address", ["bureau_contact_middle"])
        d.t("举行听证。听证主持人：")
        n, c = g.name()
        d.v(n, "public", "official_name", ["published_by_policy", "officer_主持人"], c)
        d.t("，书记员：")
        n, c = g.name()
        d.v(n, "public", "official_name", ["published_by_policy", "officer_书记员"], c)
        d.t("。你可以委托")
        d.v("1至2", "public", "amount", ["number_phrase"])
        d.t("名代理人参加，联系人")
        q = person(g, d)
        put_name(d, q, ["agent_contact_not_official"])
        d.t("（电话")
        put_mobile(d, q)
        d.t("）为你方联系人。\n")
        bureau_block(d, g, b, "bureau_contact_bottom")
    elif cat == "service_announcement":
        header(d, g, b, "税务文书送达公告", "送公")
        n = r.randint(1, 3)
        d.t(
            "因下列纳税人下落不明，无法采用直接送达、留置送达、委托送达、邮寄送达方式送达税务文书，现依法公告送达：\n"
        )
        for i in range(n):
            d.t(f"{i + 1}. ")
            if r.random() < 0.5:
                p = person(g, d)
                d.t("受送达人：")
                put_name(d, p, ["service_recipient"])
                d.t("，身份证号码：")
                put_id(d, g, p)
                d.t("，最后住址：")
                put_addr(d, g)
            else:
                d.t("受送达人：")
                d.v(g.company(), "public", "company_name")
                d.t("，法定代表人：")
                p = person(g, d)
                put_name(d, p, ["legal_rep_label"])
                d.t("，注册地址：")
                d.v(g.biz_addr(), "public", "business_address")
            d.t("；文书：")
            doc_no(d, g, b, r.choice(["罚", "处"]))
            d.t("。\n")
        d.t("自公告之日起满三十日，即视为送达。\n")
        bureau_block(d, g, b, "bureau_contact_bottom")
    elif cat == "disclosure_reply":
        header(d, g, b, "政府信息公开申请答复书", "依复")
        p = person(g, d)
        put_name(d, p, ["applicant"])
        d.t(r.choice(["：\n", "先生/女士：\n"]))
        d.t("本机关于")
        d.v(g.date(), "public", "date")
        d.t("收到你通过" + r.choice(["信函", "网络", "当面"]) + "提交的政府信息公开申请（你留存的联系电话为")
        put_mobile(d, p, ["applicant_phone"])
        d.t("，通讯地址为")
        put_addr(d, g, ["applicant_postal"])
        d.t("）。经查，你申请的")
        d.v(g.company(), "public", "company_name")
        d.t("的税务行政处罚信息已在本机关网站公开。\n")
        bureau_block(d, g, b, "bureau_contact_bottom")
    elif cat == "report_reply":
        header(d, g, b, "检举事项处理情况答复", "检复")
        p = person(g, d)
        if r.random() < 0.3:
            d.v(g.masked_name(p["name"]), "masked", "masked_name")
        else:
            put_name(d, p, ["whistleblower"])
        d.t("：\n你于")
        d.v(g.date(), "public", "date")
        d.t("通过12366检举")
        d.v(g.shop() if r.random() < 0.5 else g.company(), "public", "company_name")
        d.t("（经营地址：")
        d.v(g.biz_addr(), "public", "business_address")
        d.t("）的涉税问题，检举人联系电话")
        put_mobile(d, p, ["whistleblower_phone"])
        d.t("。经查，被检举人")
        q = person(g, d)
        put_name(d, q, ["reported_person"])
        d.t("存在少缴税款问题，已依法处理。\n")
        bureau_block(d, g, b, "bureau_contact_bottom")


def table_doc(d: Doc, g: Gen, cat: str, layout: str) -> None:
    r = g.r
    b = r.choice(BUREAUS)
    title = {
        "arrears_announcement": "欠税公告",
        "abnormal_list": "非正常户认定名单公告",
        "double_publicity": "行政处罚“双公示”信息",
        "disclosure_register": "依申请公开政府信息登记表",
    }[cat]
    d.v(b[0], "public", "authority")
    d.t(title + "\n")
    if r.random() < 0.4:
        bureau_block(d, g, b, "bureau_contact_top")
    if cat == "disclosure_register":
        cols = ["序号", "申请人", "联系电话", "通讯地址", "申请内容", "答复日期"]
    elif cat == "double_publicity":
        cols = [
            "行政相对人名称",
            "统一社会信用代码",
            "法定代表人",
            "法定代表人证件号码",
            "决定书文号",
            "罚款金额",
            "处罚日期",
        ]
    else:
        cols = [
            "纳税人名称",
            "纳税人识别号",
            "负责人姓名",
            "身份证件号码",
            "经营地址",
            "欠税金额" if cat == "arrears_announcement" else "认定日期",
        ]
    rows = []
    for i in range(r.randint(2, 5)):
        row = []
        p = person(g, d)
        is_person = r.random() < 0.35
        for c in cols:
            if c == "序号":
                row.append((str(i + 1), None))
            elif c == "申请人":
                row.append((p["name"], ("personal", "person_name", ["table_cell"], p["core"])))
            elif c == "联系电话":
                row.append((p["mobile"], ("personal", "phone", ["table_cell"], None)))
            elif c == "通讯地址":
                a, core, st = g.home_addr()
                row.append((a, ("personal", "home_address", ["table_cell", "addr_" + st], core)))
            elif c == "申请内容":
                row.append((f"{g.company()}欠税信息", None))
            elif c in ("行政相对人名称", "纳税人名称"):
                if is_person:
                    row.append(
                        (
                            p["name"],
                            ("personal", "person_name", ["table_cell", "person_as_taxpayer"], p["core"]),
                        )
                    )
                elif r.random() < 0.3:
                    row.append((g.shop(), ("public", "shop_name", ["table_cell"], None)))
                else:
                    row.append((g.company(), ("public", "company_name", ["table_cell"], None)))
            elif c in ("统一社会信用代码", "纳税人识别号"):
                if is_person:
                    row.append((p["id"], ("personal", "individual_taxpayer_no", ["table_cell"], (6, 17))))
                else:
                    row.append((g.uscc(), ("public", "uscc", ["table_cell"], None)))
            elif c in ("法定代表人", "负责人姓名"):
                if is_person:
                    row.append(
                        (p["name"], ("personal", "person_name", ["table_cell", "repeat_mention"], p["core"]))
                    )
                else:
                    q = person(g, d)
                    p = q
                    row.append(
                        (q["name"], ("personal", "person_name", ["table_cell", "legal_rep_cell"], q["core"]))
                    )
            elif c in ("法定代表人证件号码", "身份证件号码"):
                if r.random() < 0.25:
                    row.append((g.masked_id(p["id"]), ("masked", "masked_id", ["table_cell"], None)))
                else:
                    row.append((p["id"], ("personal", "id_number", ["table_cell"], (6, 17))))
            elif c == "经营地址":
                if is_person and r.random() < 0.5:
                    a, core, st = g.home_addr()
                    row.append(
                        (
                            a,
                            (
                                "personal",
                                "home_address",
                                ["table_cell", "home_as_business", "addr_" + st],
                                core,
                            ),
                        )
                    )
                else:
                    row.append((g.biz_addr(), ("public", "business_address", ["table_cell"], None)))
            elif c == "决定书文号":
                row.append(
                    (
                        f"{b[1]}罚〔2026〕{r.randint(1, 999)}号",
                        ("public", "document_number", ["table_cell"], None),
                    )
                )
            elif c in ("罚款金额", "欠税金额"):
                row.append((g.amount(), ("public", "amount", ["table_cell"], None)))
            else:
                row.append((g.date(), ("public", "date", ["table_cell"], None)))
        rows.append(row)
    if layout == "table_pipe":
        d.t("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols) + "\n")
        for row in rows:
            d.t("| ")
            for j, (val, m) in enumerate(row):
                if m:
                    d.v(val, m[0], m[1], m[2], m[3])
                else:
                    d.t(val)
                d.t(" | " if j < len(row) - 1 else " |\n")
    elif layout == "table_tsv":
        d.t("\t".join(cols) + "\n")
        for row in rows:
            for j, (val, m) in enumerate(row):
                if m:
                    d.v(val, m[0], m[1], m[2], m[3])
                else:
                    d.t(val)
                d.t("\t" if j < len(row) - 1 else "\n")
    elif layout == "table_kv":
        for row in rows:
            for j, (val, m) in enumerate(row):
                d.t(cols[j] + "：")
                if m:
                    d.v(val, m[0], m[1], m[2] + ["kv_layout"], m[3])
                else:
                    d.t(val)
                d.t("；" if j < len(row) - 1 else "\n")
    else:  # table_column: one cell per line, header first (pdftotext style)
        for c in cols:
            d.t(c + "\n")
        for row in rows:
            for val, m in row:
                if m:
                    d.v(val, m[0], m[1], m[2] + ["cell_per_line"], m[3])
                else:
                    d.t(val)
                d.t("\n")
    if r.random() < 0.5:
        bureau_block(d, g, b, "bureau_contact_bottom")
    footer(d, g, b)


def wrap(d: Doc, g: Gen, width: int) -> None:
    """Insert hard line breaks every `width` chars since the last newline (PDF wrap)."""
    i = 0
    col = 0
    while i < len(d.chars):
        if d.chars[i] == "\n":
            col = 0
        else:
            col += 1
            if col >= width and i + 1 < len(d.chars) and d.chars[i + 1] != "\n":
                own = d.owner[i]
                inside = own >= 0 and d.owner[i + 1] == own
                d.insert(i + 1, "\n", inside)
                if inside:
                    d.meta[own]["tags"].append("wrap_inside_value")
                i += 1
                col = 0
        i += 1


OCR_SUBS = {"0": "O", "1": "l", "5": "S", "8": "B", "：": ":", "，": ",", "（": "(", "）": ")"}


def ocr(d: Doc, g: Gen) -> tuple[bool, bool]:
    r = g.r
    inside_hit = outside_hit = False
    for i, ch in enumerate(d.chars):
        if ch in OCR_SUBS and r.random() < 0.08:
            own = d.owner[i]
            if own >= 0:
                if d.meta[own]["kind"] == "personal" and ch.isdigit():
                    d.chars[i] = OCR_SUBS[ch]
                    d.meta[own]["tags"].append("ocr_inside_value")
                    inside_hit = True
            elif not ch.isdigit():
                d.chars[i] = OCR_SUBS[ch]
                outside_hit = True
    return inside_hit, outside_hit


def main() -> None:
    rng = random.Random(SEED)
    g = Gen(rng)
    out = []
    n_table = round(N_DOCS * 0.45)
    table_cats = [c for c, lay in CATEGORIES if lay == "table"]
    prose_cats = [c for c, lay in CATEGORIES if lay == "prose"]
    plan = [("table", table_cats[i % len(table_cats)]) for i in range(n_table)]
    plan += [("prose", prose_cats[i % len(prose_cats)]) for i in range(N_DOCS - n_table)]
    rng.shuffle(plan)
    notice_cats = {
        "matters_notice",
        "rectify_notice",
        "hearing_notice",
        "service_announcement",
        "disclosure_reply",
        "report_reply",
    }
    for k, (lay, cat) in enumerate(plan):
        d = Doc()
        if lay == "table":
            layout = rng.choice(["table_pipe", "table_tsv", "table_kv", "table_column"])
            table_doc(d, g, cat, layout)
        else:
            layout = "prose"
            if cat in notice_cats:
                gen_notice_doc(d, g, cat)
            else:
                gen_decision_doc(d, g, cat)
        doc_tags = []
        if rng.random() < 0.3:
            wrap(d, g, rng.choice([28, 34, 38, 42]))
            doc_tags.append("pdf_wrap")
        if rng.random() < 0.15:
            ins, outs = ocr(d, g)
            doc_tags.append("ocr_noise")
            for m in d.meta:
                if "ocr_inside_value" not in m["tags"]:
                    m["tags"].append("ocr_doc_outside_value")
        text = "".join(d.chars)
        spans = d.spans()
        for s in spans:
            for t in doc_tags:
                if t == "pdf_wrap":
                    s["tags"] = sorted(set(s["tags"]) | {"doc_pdf_wrap"})
        # self-check
        last = -1
        for s in sorted(spans, key=lambda s: s["start"]):
            assert s["start"] >= last, "overlap"
            assert s["end"] > s["start"]
            last = s["end"]
            if "core_start" in s:
                assert s["start"] <= s["core_start"] < s["core_end"] <= s["end"]
        out.append({"id": f"m19-{k:04d}", "category": cat, "layout": layout, "text": text, "spans": spans})
    with OUT.open("w", encoding="utf-8") as f:
        for doc in out:
            f.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
