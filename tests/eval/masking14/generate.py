"""Generate masking evaluation set 14 (independent of the masker and of earlier sets).

Deterministic: fixed seed, no network; rerunning rewrites corpus.jsonl byte-identically.
Usage: python tests/eval/masking14/generate.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 14_2026
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

# ---------------------------------------------------------------- value pools
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏飞宇浩凯俊峰波亮琳婷雪梅慧颖佳欣怡晨阳海燕春霞秋菊德福贵荣祥瑞"
)
MINORITY = ["阿不都·热合曼", "买买提·艾力", "古丽娜尔·吐尔逊", "扎西·次仁", "巴特尔·孟和"]
OFFICER_ROLE = ["执法人员", "主持人", "记录人", "局长", "联系人", "承办人", "检查人员"]

PROVINCES = [
    ("湖南省", "长沙市", "岳麓区", "430104"),
    ("湖南省", "株洲市", "芦淞区", "430203"),
    ("广西壮族自治区", "南宁市", "青秀区", "450103"),
    ("广西壮族自治区", "河池市", "金城江区", "451202"),
    ("湖北省", "宜昌市", "西陵区", "420502"),
    ("四川省", "绵阳市", "涪城区", "510703"),
    ("江西省", "赣州市", "章贡区", "360702"),
    ("河南省", "洛阳市", "涧西区", "410305"),
    ("浙江省", "温州市", "鹿城区", "330302"),
    ("山东省", "临沂市", "兰山区", "371302"),
]
ROADS = [
    "建设路",
    "人民中路",
    "解放西路",
    "新华街",
    "迎宾大道",
    "桂花路",
    "东风路",
    "滨江路",
    "红旗路",
    "学府路",
    "长青街",
    "振兴大道",
]
ESTATES = [
    "幸福嘉园",
    "春晖花园",
    "碧桂园",
    "金色家园",
    "阳光小区",
    "锦绣华庭",
    "翠湖苑",
    "和平新村",
    "丽景湾",
    "紫荆城",
]
VILLAGES = ["大坪村", "石桥村", "李家湾村", "新塘村", "白沙村", "枫林村", "杨柳村", "黄土岭村"]
TOWNS = ["花桥镇", "柳塘乡", "石门镇", "白马乡", "清水镇", "龙潭镇"]
COMPANY_WORDS = [
    "鑫达",
    "恒泰",
    "华瑞",
    "宏远",
    "盛世",
    "金桥",
    "博源",
    "润丰",
    "中联",
    "天成",
    "永安",
    "锦程",
    "弘毅",
    "嘉禾",
    "信诚",
]
COMPANY_TRADES = ["商贸", "建材", "科技", "物流", "贸易", "建筑工程", "餐饮管理", "农业开发", "电子", "劳务"]
COMPANY_FORMS = ["有限公司", "有限责任公司", "股份有限公司"]
SHOP_TAILS = [
    "面馆",
    "五金店",
    "便利店",
    "烟酒行",
    "小吃店",
    "理发店",
    "建材经营部",
    "汽车修理厂",
    "服装店",
    "水果店",
]
BANKS = ["中国农业银行", "中国工商银行", "中国建设银行", "中国银行", "中国邮政储蓄银行", "农村商业银行"]
CARD_PREFIX = ["622848", "621700", "622202", "621799", "622588", "623052", "622260"]
LAW_FIRMS = [
    "湖南湘军律师事务所",
    "广西万益律师事务所",
    "北京市中伦律师事务所长沙分所",
    "四川恒和信律师事务所",
    "浙江天册律师事务所",
]
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


class Doc:
    """Text builder that records labelled spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.spans: list[dict] = []

    def t(self, s: str) -> None:
        self.parts.append(s)
        self.n += len(s)

    def v(self, value, kind: str, typ: str, tags=(), core=None) -> str:
        """Append a labelled value: value is a str or (str, core_start, core_end)."""
        if isinstance(value, tuple):
            value, cs, ce = value
            core = (cs, ce)
        span = {
            "start": self.n,
            "end": self.n + len(value),
            "kind": kind,
            "type": typ,
            "tags": sorted(set(tags)),
        }
        if core is not None:
            span["core_start"] = self.n + core[0]
            span["core_end"] = self.n + core[1]
        self.spans.append(span)
        self.t(value)
        return value

    def p(self, value, typ: str, tags=()) -> str:
        return self.v(value, "personal", typ, tags)

    def pub(self, value, typ: str, tags=()) -> str:
        return self.v(value, "public", typ, tags)

    def text(self) -> str:
        return "".join(self.parts)


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.ocr = False

    # ---- personal values; each returns (text, core_start, core_end)
    def name(self, tags: list[str] | None = None):
        r = self.r
        x = r.random()
        if x < 0.05:
            v = r.choice(MINORITY)
            if tags is not None:
                tags.append("minority_name")
            return (v, 0, len(v))
        if x < 0.10:
            s = r.choice(COMPOUND)
            if tags is not None:
                tags.append("compound_surname")
        else:
            s = r.choice(SURNAMES)
        g = r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.7 else "")
        if len(g) == 1 and tags is not None:
            tags.append("two_char_name")
        return (s + g, len(s), len(s) + len(g))

    def id_number(self, area: str | None = None):
        r = self.r
        area = area or r.choice(PROVINCES)[3]
        y = r.randint(1958, 2002)
        body = f"{area}{y}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        chk = "10X98765432"[sum(int(c) * k for c, k in zip(body, w, strict=True)) % 11]
        return body + chk

    def id_written(self, tags: list[str]):
        raw = self.id_number()
        r = self.r
        x = r.random()
        if x < 0.08 and raw.endswith("X"):
            raw = raw[:-1] + "x"
            tags.append("lowercase_x")
        if x < 0.15:
            v = f"{raw[:6]} {raw[6:14]} {raw[14:]}"
            tags.append("spaced_number")
            return (v, 7, len(v))
        if x < 0.22:
            tags.append("fullwidth_digits")
            return (raw.translate(FULLWIDTH), 6, 18)
        if self.ocr and r.random() < 0.4:
            i = r.randint(7, 16)
            raw = raw[:i] + " " + raw[i:]
            tags.append("ocr_in_value")
            return (raw, 6, 19)
        return (raw, 6, 18)

    def phone(self, tags: list[str]):
        r = self.r
        n = r.choice(["13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + f"{r.randint(0, 99999999):08d}"
        x = r.random()
        if x < 0.15:
            tags.append("spaced_number")
            v = f"{n[:3]} {n[3:7]} {n[7:]}"
            return (v, 4, len(v))
        if x < 0.25:
            tags.append("dashed_number")
            v = f"{n[:3]}-{n[3:7]}-{n[7:]}"
            return (v, 4, len(v))
        if x < 0.32:
            tags.append("country_code")
            v = "+86 " + n
            return (v, 7, len(v))
        if x < 0.37:
            tags.append("fullwidth_digits")
            return (n.translate(FULLWIDTH), 3, 11)
        if x < 0.45:
            tags.append("home_landline")
            code = r.choice(["0731", "0771", "0717", "0816", "0797", "0379"])
            v = f"{code}-{r.randint(2, 8)}{r.randint(0, 9999999):07d}"
            return (v, 5, len(v))
        return (n, 3, 11)

    def card(self, tags: list[str]):
        r = self.r
        ln = r.choice([16, 19, 19])
        body = r.choice(CARD_PREFIX) + "".join(str(r.randint(0, 9)) for _ in range(ln - 7))
        total = 0
        for i, c in enumerate(reversed(body)):
            d = int(c)
            if i % 2 == 0:
                d *= 2
                d -= 9 if d > 9 else 0
            total += d
        num = body + str((10 - total % 10) % 10)
        if r.random() < 0.25:
            tags.append("spaced_number")
            v = " ".join(num[i : i + 4] for i in range(0, len(num), 4))
            return (v, 7, len(v) - 5)
        return (num, 6, len(num) - 4)

    def email(self, person: str, tags: list[str]):
        r = self.r
        local = r.choice(["zhang", "li", "wang", "liu", "chen", "yang", "huang", "zhao"]) + r.choice(
            ["xm", "hong", "wei", "jun", "lin", "fang", "_tax", "2019", "88"]
        )
        if r.random() < 0.4:
            local += str(r.randint(1, 9999))
        if r.random() < 0.3:
            local = str(r.randint(10000000, 2999999999))
            tags.append("qq_number_mail")
        dom = r.choice(["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com"])
        return (f"{local}@{dom}", 0, len(local))

    def passport(self, tags: list[str]):
        r = self.r
        x = r.random()
        if x < 0.4:
            v = "E" + f"{r.randint(0, 99999999):08d}"
            return ("护照", v)
        if x < 0.7:
            v = "C" + f"{r.randint(0, 99999999):08d}"
            return ("港澳居民来往内地通行证" if r.random() < 0.5 else "往来港澳通行证", v)
        v = f"{r.randint(0, 99999999):08d}"
        tags.append("digits_only_permit")
        return ("台湾居民来往大陆通行证", v)

    def home_address(self, tags: list[str]):
        r = self.r
        prov, city, dist, _ = r.choice(PROVINCES)
        form = r.randrange(9)
        pre = ""
        q = r.random()
        if q < 0.3:
            pre = prov + city + dist
        elif q < 0.6:
            pre = city + dist
        elif q < 0.8:
            pre = dist
        else:
            tags.append("addr_no_region")
        road = r.choice(ROADS)
        if form == 0:
            tail = f"{road}{r.randint(1, 399)}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}室"
            tags.append("addr_urban_estate")
        elif form == 1:
            tail = f"{r.choice(ESTATES)}{r.randint(1, 20)}-{r.randint(1, 4)}-{r.randint(101, 2604)}"
            tags.append("addr_dash_triplet")
        elif form == 2:
            tail = f"{r.choice(TOWNS)}{r.choice(VILLAGES)}{r.randint(1, 12)}组{r.randint(1, 99)}号"
            tags.append("addr_rural")
        elif form == 3:
            tail = f"{r.choice(TOWNS)}{r.choice(VILLAGES)}{r.choice(['一', '三', '五', '七'])}社"
            tags.append("addr_rural")
        elif form == 4:
            tail = f"{r.choice(['解放', '太平', '西牌楼', '白果园', '三角'])}巷{r.randint(1, 80)}号"
            tags.append("addr_lane")
        elif form == 5:
            tail = f"{road}{r.randint(10, 300)}弄{r.randint(1, 40)}号{r.randint(101, 602)}室"
            tags.append("addr_lane")
        elif form == 6:
            tail = f"经济技术开发区{r.choice(ESTATES)}{r.randint(1, 12)}幢{r.randint(101, 1802)}房"
            tags.append("addr_devzone")
        elif form == 7:
            tail = f"{r.choice(TOWNS)}{r.choice(VILLAGES)}{r.choice(['村民自建房', '自建房'])}{r.randint(1, 60)}号"
            tags.append("addr_selfbuilt")
        else:
            tail = f"{road}{r.randint(1, 500)}号附{r.randint(1, 9)}号{r.randint(1, 7)}楼"
            tags.append("addr_annex")
        v = pre + tail
        return (v, len(pre), len(v))

    # ---- public values
    def uscc(self, prefix: str = "91") -> str:
        r = self.r
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        body = prefix + r.choice(PROVINCES)[3] + "".join(r.choice(chars) for _ in range(9))
        s = sum(chars.index(c) * k for c, k in zip(body, w, strict=True))
        return body + chars[(31 - s % 31) % 31]

    def company(self) -> str:
        r = self.r
        _, city, _, _ = r.choice(PROVINCES)
        return f"{city[:-1]}{r.choice(COMPANY_WORDS)}{r.choice(COMPANY_TRADES)}{r.choice(COMPANY_FORMS)}"

    def shop(self, surname: str) -> str:
        r = self.r
        return r.choice(
            [
                f"{r.choice(PROVINCES)[2]}{surname}记{r.choice(SHOP_TAILS)}",
                f"{r.choice(ROADS)}{r.choice(COMPANY_WORDS)}{r.choice(SHOP_TAILS)}",
            ]
        )

    def bureau(self):
        r = self.r
        prov, city, dist, _ = r.choice(PROVINCES)
        x = r.random()
        if x < 0.4:
            return f"国家税务总局{city}税务局第{r.choice('一二三')}稽查局", city
        if x < 0.8:
            return f"国家税务总局{city}{dist}税务局", city
        return f"国家税务总局{city}{dist}税务局{r.choice(TOWNS)[:-1]}税务所", city

    def docno(self, kind: str) -> str:
        r = self.r
        abbr = r.choice(
            ["长税稽", "株芦税", "南市税一稽", "宜西税", "绵涪税", "赣章税", "洛涧税", "温鹿税", "临兰税"]
        )
        return f"{abbr}{kind}〔{r.randint(2024, 2026)}〕{r.randint(1, 350)}号"

    def date(self) -> str:
        r = self.r
        return f"{r.randint(2023, 2026)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"

    def amount(self) -> str:
        r = self.r
        x = r.random()
        v = r.randint(50, 9_000_000) / (100 if r.random() < 0.6 else 1)
        if x < 0.4:
            return f"{v:.2f}元"
        if x < 0.6:
            return f"{v:,.2f}元"
        if x < 0.8:
            return f"{v / 10000:.2f}万元"
        return f"人民币{int(v)}元"

    def bureau_phone(self) -> str:
        r = self.r
        return f"{r.choice(['0731', '0771', '0717', '0816', '0797', '0379'])}-{r.randint(2, 8)}{r.randint(0, 9999999):07d}"

    def bureau_addr(self, city: str) -> str:
        r = self.r
        return f"{city}{r.choice(ROADS)}{r.randint(1, 300)}号{r.choice(['', '税务大楼', '办税服务厅'])}"

    def company_addr(self, city: str) -> str:
        r = self.r
        return f"{city}{r.choice(ROADS)}{r.randint(1, 500)}号{r.choice(['', r.choice(ESTATES) + '商铺', '工业园' + str(r.randint(1, 9)) + '号厂房', '写字楼' + str(r.randint(301, 2210)) + '室'])}"

    def url(self) -> str:
        r = self.r
        return r.choice(
            [
                "https://hunan.chinatax.gov.cn",
                "http://guangxi.chinatax.gov.cn",
                "https://etax.chinatax.gov.cn",
                "www.creditchina.gov.cn",
                "https://hubei.chinatax.gov.cn/hbsw/",
            ]
        )

    def invoice(self) -> tuple[str, str]:
        r = self.r
        return (
            f"{r.choice(['43', '45', '42', '51'])}00{r.randint(151, 243)}130",
            f"{r.randint(0, 99999999):08d}",
        )


# ---------------------------------------------------------------- helpers
def add_name(d: Doc, g: Gen, tags=(), role_tags=()) -> str:
    t: list[str] = list(tags) + list(role_tags)
    v = g.name(t)
    d.p(v, "person_name", t)
    return v[0]


def add_official(d: Doc, g: Gen) -> None:
    t: list[str] = ["published_by_policy"]
    v = g.name(None)
    d.v(v, "public", "official_name", t)


def add_masked(d: Doc, g: Gen, what: str) -> None:
    r = g.r
    if what == "name":
        s = r.choice(SURNAMES)
        d.v(r.choice([s + "某某", s + "**", s + "某", s + "××", "XXX"]), "masked", "masked_name")
    elif what == "id":
        raw = g.id_number()
        d.v(r.choice([raw[:4] + "*" * 10 + raw[-4:], raw[:6] + "********" + raw[-4:]]), "masked", "masked_id")
    else:
        d.v(f"1{r.randint(30, 99)}****{r.randint(0, 9999):04d}", "masked", "masked_phone")


NAME_INTRO = [
    lambda d, g: (d.t("当事人："), add_name(d, g), d.t("，")),
    lambda d, g: (d.t("当事人姓名："), add_name(d, g), d.t("\n")),
    lambda d, g: (d.t("纳税人"), add_name(d, g, ["name_after_role"]), d.t("：\n")),
    lambda d, g: (add_name(d, g, ["name_at_line_start"]), d.t("：\n")),
    lambda d, g: (d.t("被处罚人 "), add_name(d, g), d.t(" ，")),
    lambda d, g: (d.t("姓名 "), add_name(d, g), d.t("  性别 "), d.t(g.r.choice("男女")), d.t("\n")),
    lambda d, g: (d.t("受处罚自然人"), add_name(d, g, ["name_after_role"]), d.t("（")),
    lambda d, g: (d.t("当事人（自然人）："), add_name(d, g), d.t("；")),
    lambda d, g: (d.t("你（"), add_name(d, g, ["name_in_brackets"]), d.t("）")),
]


def person_block(d: Doc, g: Gen, full: bool = True) -> None:
    """Identity block of a natural person in varied phrasings."""
    r = g.r
    t: list[str] = []
    r.choice(NAME_INTRO)(d, g)
    opts = ["id", "addr", "phone"] + (["mail", "card", "pass"] if full else [])
    r.shuffle(opts)
    for o in opts[: r.randint(2, len(opts))]:
        t = []
        if o == "id":
            label = r.choice(
                [
                    "身份证号码：",
                    "居民身份证号：",
                    "公民身份号码",
                    "证件号码:",
                    "身份证号 ",
                    "（身份证号",
                    "个人纳税人识别号：",
                ]
            )
            d.t(label)
            typ = "taxpayer_id_person" if "纳税人" in label else "id_number"
            d.p(g.id_written(t), typ, t)
            d.t("）" if label.startswith("（") else r.choice(["，", "；", "\n", "。"]))
        elif o == "addr":
            label = r.choice(
                ["住址：", "家庭住址：", "住所", "户籍地址：", "现住", "居住地：", "住", "联系地址："]
            )
            d.t(label)
            d.p(g.home_address(t), "home_address", t)
            d.t(r.choice(["，", "；", "\n", "。"]))
        elif o == "phone":
            label = r.choice(
                ["联系电话：", "手机：", "电话 ", "手机号码", "联系方式：", "Tel:", "本人电话："]
            )
            d.t(label)
            d.p(g.phone(t), "phone", t)
            d.t(r.choice(["，", "；", "\n", "。"]))
        elif o == "mail":
            d.t(r.choice(["电子邮箱：", "邮箱 ", "E-mail:", "电子邮件地址"]))
            d.p(g.email("", t), "email", t)
            d.t(r.choice(["，", "\n"]))
        elif o == "card":
            d.t(
                r.choice(["开户银行：", "开户行"])
                + r.choice(BANKS)
                + r.choice(["，账号：", "，银行卡号 ", " 卡号"])
            )
            d.p(g.card(t), "bank_card", t)
            d.t(r.choice(["，", "。", "\n"]))
        else:
            label, num = g.passport(t)
            d.t(label + r.choice(["号码：", "号", "："]))
            d.p((num, 1 if num[0].isalpha() else 0, len(num)), "passport", t)
            d.t("，")
    d.t("\n")


def company_block(d: Doc, g: Gen, city: str) -> tuple[str, str]:
    r = g.r
    comp = g.company()
    d.t(r.choice(["当事人：", "被处罚单位：", "纳税人名称：", ""]))
    d.pub(comp, "company_name")
    d.t(r.choice(["（纳税人识别号：", "\n统一社会信用代码：", "，统一社会信用代码 ", "（社会信用代码"]))
    d.pub(g.uscc(), "uscc")
    d.t(r.choice(["）\n", "\n", "；"]))
    d.t(r.choice(["地址：", "经营地址：", "注册地址："]))
    d.pub(g.company_addr(city), "company_address")
    d.t("\n")
    # legal representative: a natural person
    d.t(r.choice(["法定代表人：", "法定代表人 ", "负责人："]))
    nm = add_name(d, g, ["legal_representative"])
    if r.random() < 0.5:
        opener, closer = r.choice([("，身份证号码：", ""), ("（证件号码", "）"), (" 身份证号 ", "")])
        d.t(opener)
        t: list[str] = ["legal_representative"]
        d.p(g.id_written(t), "id_number", t)
        d.t(closer)
    if r.random() < 0.4:
        t = ["legal_representative"]
        d.t(r.choice(["，联系电话：", "，手机 ", "。电话："]))
        d.p(g.phone(t), "phone", t)
    d.t("\n")
    return comp, nm


def bureau_footer(d: Doc, g: Gen, bur: str, city: str) -> None:
    r = g.r
    if r.random() < 0.6:
        d.t(r.choice(["联系人：", "联系人 ", "承办人："]))
        add_official(d, g)
        d.t(r.choice(["，联系电话：", "  电话："]))
        d.pub(g.bureau_phone(), "bureau_phone")
        d.t("\n")
    if r.random() < 0.5:
        d.t(r.choice(["本局地址：", "地址：", "税务机关地址："]))
        d.pub(g.bureau_addr(city), "bureau_address")
        d.t("\n")
    if r.random() < 0.4:
        d.t("如有疑问，可拨打纳税服务热线")
        d.pub("12366", "hotline")
        d.t("或登录")
        d.pub(g.url(), "url")
        d.t("查询。\n")
    d.pub(bur, "authority")
    d.t("\n")
    d.pub(g.date(), "date")
    d.t("\n")


def third_party_sentence(d: Doc, g: Gen) -> None:
    """Names of other natural persons inside the facts (hidden per RULES §1.5)."""
    r = g.r
    k = r.randrange(10)
    if k == 0:
        d.t("经查，你单位通过财务人员")
        add_name(d, g, ["third_party", "name_mid_sentence"])
        d.t("个人银行账户")
        t: list[str] = ["third_party"]
        d.p(g.card(t), "bank_card", t)
        d.t("收取货款")
        d.pub(g.amount(), "amount")
        d.t("，未入账申报。\n")
    elif k == 1:
        d.t("货款收到后随即转出给")
        add_name(d, g, ["third_party", "name_list"])
        d.t("、")
        add_name(d, g, ["third_party", "name_list"])
        d.t("等个人账户。\n")
    elif k == 2:
        d.t("该单位实际控制人为")
        add_name(d, g, ["third_party"])
        d.t("，其于")
        d.pub(g.date(), "date")
        d.t("接受询问时承认上述事实。\n")
    elif k == 3:
        d.t("证人")
        add_name(d, g, ["third_party", "name_after_role"])
        d.t("（电话")
        t = ["third_party"]
        d.p(g.phone(t), "phone", t)
        d.t("）证实，")
        d.pub(g.company(), "company_name")
        d.t("未实际发生购销业务。\n")
    elif k == 4:
        d.t("你公司将房屋出租给")
        add_name(d, g, ["third_party"])
        d.t("使用，租金")
        d.pub(g.amount(), "amount")
        d.t("未申报缴纳房产税。\n")
    elif k == 5:
        d.t("经向开票人员")
        nm = add_name(d, g, ["third_party"])
        d.t("核实，")
        d.v(nm[0] + "某", "masked", "masked_name", ["surname_only_reference"])
        d.t("称发票由他人代开。\n")
    elif k == 6:
        d.t("支付给股东")
        add_name(d, g, ["third_party"])
        d.t("的分红")
        d.pub(g.amount(), "amount")
        d.t("未代扣代缴个人所得税。\n")
    elif k == 7:
        d.t("据办税人员")
        add_masked(d, g, "name")
        d.t("陈述，相关账簿已于")
        d.pub(g.date(), "date")
        d.t("遗失。\n")
    elif k == 8:
        d.t("与")
        add_name(d, g, ["third_party", "name_before_verb"])
        d.t("签订的购销合同无真实货物交付，")
        d.t("其中发票代码")
        code, num = g.invoice()
        d.pub(code, "invoice_code")
        d.t("、发票号码")
        d.pub(num, "invoice_number")
        d.t("的发票金额为")
        d.pub(g.amount(), "amount")
        d.t("。\n")
    else:
        d.t("财务负责人")
        add_name(d, g, ["third_party"])
        d.t("、办税人")
        add_name(d, g, ["third_party", "name_list"])
        d.t("电话均无法联系。\n")


# ---------------------------------------------------------------- document kinds
def penalty(d: Doc, g: Gen, sub: str, simple: bool = False) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    d.t("\n" + ("税务行政处罚决定书（简易）" if simple else "税务行政处罚决定书") + "\n")
    d.pub(g.docno("简罚" if simple else "罚"), "doc_number")
    d.t("\n\n")
    if sub == "company":
        comp, _ = company_block(d, g, city)
        who = "你公司"
    elif sub == "ind":
        d.t(r.choice(["个体工商户：", "当事人（个体工商户）：", "纳税人名称："]))
        sur = r.choice(SURNAMES)
        d.pub(g.shop(sur), "shop_name")
        opener, closer = r.choice([("（经营者：", "）\n"), ("，经营者", "\n"), ("\n业主：", "\n")])
        d.t(opener)
        t: list[str] = ["individual_business_owner"]
        v = g.name(t)
        d.p(v, "person_name", t)
        d.t(closer)
        d.t(r.choice(["纳税人识别号：", "社会信用代码（纳税人识别号）："]))
        if r.random() < 0.6:
            t = ["ind_business_tin"]
            d.p(g.id_written(t), "taxpayer_id_person", t)
        else:
            d.pub(g.uscc("92"), "uscc_individual_business")
        d.t("\n经营地址：")
        d.pub(g.company_addr(city), "company_address")
        d.t("\n")
        if r.random() < 0.6:
            d.t(r.choice(["经营者住址：", "业主家庭住址：", "住所："]))
            t = ["individual_business_owner"]
            d.p(g.home_address(t), "home_address", t)
            d.t("\n")
        who = "你"
    else:
        person_block(d, g, full=r.random() < 0.5)
        who = "你"
    # facts
    d.t(r.choice(["经我局于", "我局于", "经查，"]))
    d.pub(g.date(), "date")
    d.t(f"对{who}")
    d.pub(g.date(), "date")
    d.t("至")
    d.pub(g.date(), "date")
    d.t("期间涉税情况进行了检查，")
    if simple:
        d.t(
            r.choice(
                [f"{who}未按照规定期限办理纳税申报和报送纳税资料", f"{who}丢失发票", f"{who}未按规定保管账簿"]
            )
        )
        d.t("，违反了《中华人民共和国税收征收管理法》第六十二条的规定。根据该条规定，决定处以罚款")
        d.pub(g.amount(), "amount")
        d.t("。\n")
    else:
        d.t(f"{who}存在以下违法事实：\n")
        for _ in range(r.randint(1, 3)):
            third_party_sentence(d, g)
        if r.random() < 0.5:
            d.t(f"{who}少缴个人所得税")
            d.pub(g.amount(), "amount")
            d.t("，增值税")
            d.pub(g.amount(), "amount")
            d.t("。\n")
        d.t(
            "以上事实有询问笔录、银行流水等证据证实。根据《中华人民共和国税收征收管理法》第六十三条第一款的规定，对"
            + who
            + "处少缴税款"
        )
        d.t(r.choice(["百分之五十", "0.5倍", "一倍"]) + "的罚款")
        d.pub(g.amount(), "amount")
        d.t("。\n")
    d.t(f"以上应缴款项，限{who}自本决定书送达之日起十五日内到")
    d.pub(bur, "authority")
    d.t("缴纳入库。")
    if r.random() < 0.5:
        d.t(
            "到期不缴纳罚款，我局将依照《中华人民共和国行政处罚法》第七十二条第一款第一项规定，每日按罚款数额的百分之三加处罚款。"
        )
    d.t("\n如对本决定不服，可以自收到本决定书之日起六十日内依法向")
    d.pub(f"国家税务总局{city}税务局", "authority")
    d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")
    if r.random() < 0.4:
        d.t("执法人员：")
        add_official(d, g)
        d.t("、")
        add_official(d, g)
        opener, closer = r.choice([("（执法证号：", "）\n"), (" 执法证件号 ", "\n")])
        d.t(opener)
        d.pub(f"{r.choice(['43', '45', '42'])}{r.randint(100000000, 999999999)}", "officer_cert")
        d.t(closer)
    if r.random() < 0.2:
        d.t("当事人签收：")
        add_masked(d, g, "name")
        d.t("\n")
    bureau_footer(d, g, bur, city)


def handling(d: Doc, g: Gen) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    d.t("\n税务处理决定书\n")
    d.pub(g.docno("处"), "doc_number")
    d.t("\n")
    if r.random() < 0.6:
        company_block(d, g, city)
        who = "你公司"
    else:
        person_block(d, g)
        who = "你"
    d.t("我局于")
    d.pub(g.date(), "date")
    d.t("至")
    d.pub(g.date(), "date")
    d.t(f"对{who}的涉税情况进行了检查，违法事实及处理决定如下：\n一、违法事实\n")
    for _ in range(r.randint(2, 4)):
        third_party_sentence(d, g)
    if r.random() < 0.5:
        d.t(f"{who}于")
        d.pub(g.date(), "date")
        d.t("转让位于")
        t: list[str] = ["property_address"]
        d.p(g.home_address(t), "home_address", t)
        d.t("的住房一套，取得收入")
        d.pub(g.amount(), "amount")
        d.t("，未申报个人所得税。\n")
    d.t("二、处理决定及依据\n追缴增值税")
    d.pub(g.amount(), "amount")
    d.t("、城市维护建设税")
    d.pub(g.amount(), "amount")
    d.t("，并从滞纳税款之日起按日加收万分之五的滞纳金。\n")
    d.t("你（单位）必须按照规定的期限缴纳税款，可通过")
    d.pub(g.url(), "url")
    d.t("办理。\n")
    bureau_footer(d, g, bur, city)


def table_render(rows: list[list[tuple]], header: list[str], layout: str, d: Doc) -> None:
    """rows: list of cells, each cell (value, kind, type, tags) or plain str."""

    def cell(c) -> None:
        if isinstance(c, str):
            d.t(c)
        else:
            d.v(*c)

    def clen(c) -> int:
        return len(c if isinstance(c, str) else (c[0][0] if isinstance(c[0], tuple) else c[0]))

    if layout == "html":
        d.t("<table>\n<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>\n")
        for row in rows:
            d.t("<tr>")
            for c in row:
                d.t("<td>")
                cell(c)
                d.t("</td>")
            d.t("</tr>\n")
        d.t("</table>\n")
        return
    if layout == "key_value":
        for row in rows:
            for h, c in zip(header, row, strict=True):
                d.t(f"{h}：")
                cell(c)
                d.t("\n")
            d.t("\n")
        return
    if layout == "cell_per_line":
        d.t("\n".join(header) + "\n")
        for row in rows:
            for c in row:
                cell(c)
                d.t("\n")
        return
    if layout == "semicolon":
        for row in rows:
            for i, (h, c) in enumerate(zip(header, row, strict=True)):
                d.t(("；" if i else "") + f"{h}：")
                cell(c)
            d.t("。\n")
        return
    sep = {"tab": "\t", "pipe": " | ", "csv": ",", "space_aligned": None}[layout]
    if sep is None:
        widths = [max(len(h) * 2, *(clen(row[i]) for row in rows)) + 2 for i, h in enumerate(header)]
        d.t("".join(h.ljust(w - len(h)) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
        for row in rows:
            for i, c in enumerate(row):
                cell(c)
                if i < len(row) - 1:
                    d.t(" " * max(2, widths[i] - clen(c)))
            d.t("\n")
        return
    if layout == "pipe":
        d.t("| " + " | ".join(header) + " |\n")
    else:
        d.t(sep.join(header) + "\n")
    for row in rows:
        if layout == "pipe":
            d.t("| ")
        for i, c in enumerate(row):
            if i:
                d.t(sep)
            cell(c)
        d.t(" |\n" if layout == "pipe" else "\n")


TABLE_LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "key_value", "csv", "html", "semicolon"]


def person_cell(g: Gen, extra=()):
    t: list[str] = ["table_cell", *extra]
    v = g.name(t)
    return (v, "personal", "person_name", t)


def listing(d: Doc, g: Gen, kind: str, layout: str) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    title = {"arrears": "欠税公告", "abnormal": "非正常户认定公告", "dual": "行政处罚信息公示（双公示）"}[
        kind
    ]
    d.t(f"\n{title}\n")
    if kind == "arrears":
        d.t(
            "根据《中华人民共和国税收征收管理法》第四十五条及《欠税公告办法》的规定，现将欠税情况公告如下：\n"
        )
        header = [
            "纳税人名称",
            "纳税人识别号",
            "法定代表人（负责人）",
            "身份证件号码",
            "经营地点",
            "欠税税种",
            "欠税金额",
        ]
    elif kind == "abnormal":
        d.t("下列纳税人未按规定期限办理纳税申报，经实地核查查无下落，现认定为非正常户：\n")
        header = ["纳税人名称", "纳税人识别号", "法定代表人", "证件号码", "认定日期"]
    else:
        d.t("")
        header = [
            "行政相对人名称",
            "统一社会信用代码",
            "法定代表人",
            "处罚决定书文号",
            "处罚内容",
            "处罚机关",
            "处罚日期",
        ]
    rows = []
    for _ in range(r.randint(2, 6)):
        personal_party = r.random() < 0.35
        row: list = []
        if personal_party:
            sur = r.choice(SURNAMES)
            if r.random() < 0.5:
                row.append((g.shop(sur), "public", "shop_name", ["table_cell"]))
                t: list[str] = ["table_cell", "ind_business_tin"]
                row.append((g.id_written(t), "personal", "taxpayer_id_person", t))
            else:
                row.append(person_cell(g, ["natural_person_party"]))
                t = ["table_cell"]
                row.append((g.id_written(t), "personal", "id_number", t))
        else:
            row.append((g.company(), "public", "company_name", ["table_cell"]))
            row.append((g.uscc(), "public", "uscc", ["table_cell"]))
        row.append(person_cell(g, ["legal_representative"]))
        if kind != "dual":
            t = ["table_cell", "legal_representative"]
            if r.random() < 0.2:
                raw = g.id_number()
                row.append((raw[:6] + "********" + raw[-4:], "masked", "masked_id", ["table_cell"]))
            else:
                row.append((g.id_written(t), "personal", "id_number", t))
        if kind == "arrears":
            row.append((g.company_addr(city), "public", "company_address", ["table_cell"]))
            row.append(r.choice(["增值税", "企业所得税", "个人所得税", "房产税", "城镇土地使用税"]))
            row.append((g.amount(), "public", "amount", ["table_cell"]))
        elif kind == "abnormal":
            row.append((g.date(), "public", "date", ["table_cell"]))
        else:
            row.append((g.docno("罚"), "public", "doc_number", ["table_cell"]))
            row.append(("罚款" + g.amount(), "public", "amount", ["table_cell"]))
            row.append((bur, "public", "authority", ["table_cell"]))
            row.append((g.date(), "public", "date", ["table_cell"]))
        rows.append(row)
    table_render(rows, header, layout, d)
    if kind == "abnormal" and r.random() < 0.5:
        d.t("请上述纳税人的法定代表人自公告之日起三十日内到")
        d.pub(g.bureau_addr(city), "bureau_address")
        d.t("办理相关涉税事宜。联系电话：")
        d.pub(g.bureau_phone(), "bureau_phone")
        d.t("\n")
    d.pub(bur, "authority")
    d.t("\n")
    d.pub(g.date(), "date")
    d.t("\n")


def service_notice(d: Doc, g: Gen) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    d.t(r.choice(["\n送达公告\n", "\n税务文书公告送达书\n"]))
    d.pub(g.docno("告"), "doc_number")
    d.t("\n")
    variant = r.randrange(3)
    if variant == 0:
        add_name(d, g, ["name_at_line_start"])
        d.t("（身份证号码：")
        t: list[str] = []
        d.p(g.id_written(t), "id_number", t)
        d.t("）：\n")
    elif variant == 1:
        d.pub(g.company(), "company_name")
        d.t("（纳税人识别号：")
        d.pub(g.uscc(), "uscc")
        d.t("）、法定代表人")
        add_name(d, g, ["legal_representative", "name_after_role"])
        d.t("：\n")
    else:
        d.t("受送达人：")
        add_name(d, g)
        d.t("，最后已知住址")
        t = []
        d.p(g.home_address(t), "home_address", t)
        d.t("。\n")
    d.t(
        "因采用直接送达、邮寄送达等方式无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条的规定，现将"
    )
    d.pub(g.docno(r.choice(["罚", "处", "通"])), "doc_number")
    d.t(
        "《"
        + r.choice(["税务行政处罚决定书", "税务处理决定书", "责令限期改正通知书", "税务事项通知书"])
        + "》公告送达。"
    )
    d.t("自公告之日起满三十日，即视为送达。请于公告期满后到")
    d.pub(g.bureau_addr(city), "bureau_address")
    d.t("领取文书。\n")
    if r.random() < 0.3:
        d.t("你的联系电话")
        t = ["phone_says_yours"]
        d.p(g.phone(t), "phone", t)
        d.t("多次拨打无人接听。\n")
    bureau_footer(d, g, bur, city)


def foi_reply(d: Doc, g: Gen) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    d.t("\n政府信息公开申请答复书\n")
    d.pub(g.docno("信复"), "doc_number")
    d.t("\n")
    add_name(d, g, ["name_at_line_start"])
    d.t(r.choice(["：\n", "先生：\n", "女士：\n"]))
    d.t("本机关于")
    d.pub(g.date(), "date")
    d.t("收到您通过")
    k = r.randrange(3)
    if k == 0:
        d.t("电子邮件（")
        t: list[str] = []
        d.p(g.email("", t), "email", t)
        d.t("）")
    elif k == 1:
        d.t("信函（寄件地址：")
        t = []
        d.p(g.home_address(t), "home_address", t)
        d.t("）")
    else:
        d.t("当面方式（联系电话")
        t = []
        d.p(g.phone(t), "phone", t)
        d.t("）")
    d.t("提交的政府信息公开申请，申请获取“")
    d.pub(g.company(), "company_name")
    d.t("2024年度纳税情况”。经审查，")
    d.t(
        r.choice(
            [
                "该信息涉及商业秘密，根据《中华人民共和国政府信息公开条例》第十五条的规定，不予公开。",
                "该信息已主动公开，您可通过",
            ]
        )
    )
    d.pub(g.url(), "url")
    d.t("查询。\n")
    if r.random() < 0.5:
        d.t("申请人身份证件：")
        t = []
        d.p(g.id_written(t), "id_number", t)
        d.t("\n")
    bureau_footer(d, g, bur, city)


def review(d: Doc, g: Gen) -> None:
    r = g.r
    bur, city = g.bureau()
    up = f"国家税务总局{city}税务局"
    d.pub(up, "authority")
    d.t("\n行政复议决定书\n")
    d.pub(g.docno("复决"), "doc_number")
    d.t("\n申请人：")
    add_name(d, g)
    d.t(r.choice(["，男，", "，女，"]) + f"{r.randint(1960, 2000)}年出生，汉族，住")
    t: list[str] = []
    d.p(g.home_address(t), "home_address", t)
    d.t("，公民身份号码")
    t = []
    d.p(g.id_written(t), "id_number", t)
    d.t("。\n")
    if r.random() < 0.6:
        d.t("委托代理人：")
        add_name(d, g, ["agent_lawyer"])
        d.t("，")
        d.pub(r.choice(LAW_FIRMS), "law_firm")
        d.t("律师。\n")
    d.t("被申请人：")
    d.pub(bur, "authority")
    d.t("，住所地")
    d.pub(g.bureau_addr(city), "bureau_address")
    d.t("。\n法定代表人：")
    add_official(d, g)
    d.t("，局长。\n")
    d.t("申请人不服被申请人作出的")
    d.pub(g.docno("罚"), "doc_number")
    d.t("《税务行政处罚决定书》，于")
    d.pub(g.date(), "date")
    d.t("向本机关申请行政复议。本机关依法受理。\n申请人称：")
    d.t(r.choice(["其配偶", "其弟弟", "其同事"]))
    add_name(d, g, ["third_party", "name_after_kin"])
    d.t("代为签收文书，")
    d.t("本人并不知情。\n经审理查明：")
    third_party_sentence(d, g)
    d.t(
        "本机关认为，被申请人作出的处罚决定认定事实清楚。根据《中华人民共和国行政复议法》第六十八条的规定，决定维持。\n"
    )
    d.pub(up, "authority")
    d.t("\n")
    d.pub(g.date(), "date")
    d.t("\n")


def report_reply(d: Doc, g: Gen) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    d.t("\n检举处理情况答复\n")
    add_name(d, g, ["name_at_line_start", "whistleblower"])
    d.t("：\n你（单位）于")
    d.pub(g.date(), "date")
    d.t("通过")
    d.pub("12366", "hotline")
    d.t(r.choice(["热线", "纳税服务平台"]) + "检举")
    x = r.random()
    if x < 0.5:
        d.pub(g.company(), "company_name")
        d.t("（地址：")
        d.pub(g.company_addr(city), "company_address")
        d.t("）")
    else:
        d.pub(g.shop(r.choice(SURNAMES)), "shop_name")
        d.t("经营者")
        add_name(d, g, ["reported_person", "name_after_role"])
    d.t("涉嫌" + r.choice(["不开发票", "偷逃税款", "虚开发票", "隐匿收入"]) + "一案，经查，")
    d.t(r.choice(["检举事项部分属实，已依法处理。", "检举事项查无实据。", "已补缴税款"]))
    if r.random() < 0.5:
        d.pub(g.amount(), "amount")
        d.t("。")
    d.t("\n你留存的联系方式")
    t: list[str] = ["whistleblower"]
    d.p(g.phone(t), "phone", t)
    d.t(r.choice(["仅用于本次答复。\n", "，我局将严格保密。\n"]))
    if r.random() < 0.4:
        d.t("奖励金将汇入你提供的")
        d.t(r.choice(BANKS) + "账户")
        t = ["whistleblower"]
        d.p(g.card(t), "bank_card", t)
        d.t("。\n")
    bureau_footer(d, g, bur, city)


def hearing(d: Doc, g: Gen) -> None:
    r = g.r
    bur, city = g.bureau()
    d.pub(bur, "authority")
    d.t("\n税务行政处罚听证通知书\n")
    d.pub(g.docno("听通"), "doc_number")
    d.t("\n")
    if r.random() < 0.5:
        add_name(d, g, ["name_at_line_start"])
        d.t("：\n根据你")
    else:
        d.pub(g.company(), "company_name")
        d.t("：\n根据你单位法定代表人")
        add_name(d, g, ["legal_representative", "name_after_role"])
        d.t("于")
        d.pub(g.date(), "date")
        d.t("提出的")
    d.t("听证要求，决定于")
    d.pub(g.date(), "date")
    d.t("在")
    d.pub(g.bureau_addr(city), "bureau_address")
    d.t("举行听证。主持人：")
    add_official(d, g)
    d.t("，记录人：")
    add_official(d, g)
    d.t("。\n")
    if r.random() < 0.5:
        d.t("请携带身份证件原件，并确认送达地址")
        t: list[str] = []
        d.p(g.home_address(t), "home_address", t)
        d.t("及手机")
        t = []
        d.p(g.phone(t), "phone", t)
        d.t("无误。\n")
    bureau_footer(d, g, bur, city)


# ---------------------------------------------------------------- post-processing
def wrap(text: str, spans: list[dict], width: int) -> tuple[str, list[dict]]:
    """Insert hard line breaks at width, as PDF extraction gives; remap spans."""
    res = []
    mapping = []
    col = 0
    for ch in text:
        if ch != "\n" and col >= width:
            res.append("\n")
            col = 0
        mapping.append(len(res))
        res.append(ch)
        col = 0 if ch == "\n" else col + 1
    mapping.append(len(res))
    new = []
    for s in spans:
        s2 = dict(s)
        for k in ("start", "core_start"):
            if k in s:
                s2[k] = mapping[s[k]]
        for k in ("end", "core_end"):
            if k in s:
                s2[k] = mapping[s[k] - 1] + 1
        if "\n" in "".join(res[s2["start"] : s2["end"]]) and "\n" not in text[s["start"] : s["end"]]:
            s2["tags"] = sorted(set(s2["tags"]) | {"split_by_wrap"})
        new.append(s2)
    return "".join(res), new


OCR_SWAP = {
    "：": ":",
    "（": "(",
    "）": ")",
    "，": ",",
    "号": "弓",
    "局": "扃",
    "日": "曰",
    "0": "O",
    "1": "l",
}


def ocr_noise(rng: random.Random, text: str, spans: list[dict]) -> str:
    """Length-preserving OCR-like substitutions outside labelled spans."""
    inside = [False] * len(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            inside[i] = True
    chars = list(text)
    for i, c in enumerate(chars):
        if not inside[i] and c in OCR_SWAP and rng.random() < 0.25:
            chars[i] = OCR_SWAP[c]
    return "".join(chars)


def build() -> list[dict]:
    rng = random.Random(SEED)
    g = Gen(rng)
    plan: list[tuple[str, str]] = []
    plan += (
        [("penalty", "person")] * 40
        + [("penalty", "company")] * 44
        + [("penalty", "ind")] * 25
        + [("penalty", "simple")] * 25
    )
    plan += [("handling", "")] * 40 + [("dual", "")] * 40 + [("arrears", "")] * 40 + [("abnormal", "")] * 30
    plan += (
        [("service", "")] * 30
        + [("foi", "")] * 22
        + [("review", "")] * 22
        + [("report", "")] * 22
        + [("hearing", "")] * 20
    )
    assert len(plan) == N_DOCS
    rng.shuffle(plan)
    docs = []
    for i, (cat, sub) in enumerate(plan):
        d = Doc()
        g.ocr = rng.random() < 0.15
        layout = "prose"
        if cat == "penalty":
            psub = sub if sub != "simple" else rng.choice(["person", "company", "ind"])
            penalty(d, g, psub, simple=sub == "simple")
            if sub == "simple":
                layout = "prose_simple"
        elif cat == "handling":
            handling(d, g)
        elif cat in ("dual", "arrears", "abnormal"):
            layout = (
                TABLE_LAYOUTS[i % len(TABLE_LAYOUTS)] if rng.random() < 0.5 else rng.choice(TABLE_LAYOUTS)
            )
            listing(d, g, cat, layout)
        elif cat == "service":
            service_notice(d, g)
        elif cat == "foi":
            foi_reply(d, g)
        elif cat == "review":
            review(d, g)
        elif cat == "report":
            report_reply(d, g)
        else:
            hearing(d, g)
        text, spans = d.text(), d.spans
        tags_doc = []
        if g.ocr:
            text = ocr_noise(rng, text, spans)
            tags_doc.append("ocr_doc")
        if layout not in ("html", "csv", "tab", "pipe", "space_aligned") and rng.random() < 0.33:
            text, spans = wrap(text, spans, rng.choice([34, 36, 38, 40, 42]))
            tags_doc.append("pdf_wrapped")
            layout += "+wrapped"
        for s in spans:
            s["tags"] = sorted(set(s["tags"]) | set(tags_doc))
        for s in spans:
            s["value"] = text[s["start"] : s["end"]]
        category = {"penalty": f"penalty_{sub}"}.get(cat, cat)
        docs.append(
            {"id": f"s14-{i + 1:03d}", "category": category, "layout": layout, "text": text, "spans": spans}
        )
    return docs


def self_check(docs: list[dict]) -> None:
    for doc in docs:
        last = 0
        for s in sorted(doc["spans"], key=lambda s: s["start"]):
            assert s["start"] >= last, (doc["id"], s)
            assert s["end"] > s["start"], (doc["id"], s)
            assert s["kind"] in ("personal", "public", "masked")
            assert doc["text"][s["start"] : s["end"]] == s["value"], (doc["id"], s)
            if "core_start" in s:
                assert s["start"] <= s["core_start"] < s["core_end"] <= s["end"], (doc["id"], s)
            last = s["end"]


def main() -> None:
    docs = build()
    self_check(docs)
    with OUT.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(docs)} documents to {OUT}")


if __name__ == "__main__":
    main()
