"""Generate the independent masking evaluation set 15 (long narrative tax documents).

Deterministic: fixed seed, no network. Writes corpus.jsonl next to this file.
Each document is built as a list of characters labelled with the span they belong to
(and whether the character is in the span's identifying core), so line wrapping and
OCR noise can be applied afterwards while the span offsets stay exact.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 15015
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤农蒙"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫"]
GIVEN = list(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏斌辉宇浩凯健俊帆嘉琪雪晨欣怡梓涵子轩思远文博德福贵荣海建国春梅冬生秋菊志坚永安少华翠莲"
)
REGIONS = [
    ("450103", "南宁市青秀区"),
    ("450102", "南宁市兴宁区"),
    ("450305", "桂林市七星区"),
    ("451202", "河池市金城江区"),
    ("430102", "长沙市芙蓉区"),
    ("440304", "深圳市福田区"),
    ("320106", "南京市鼓楼区"),
    ("510107", "成都市武侯区"),
    ("350102", "福州市鼓楼区"),
    ("420106", "武汉市武昌区"),
    ("370212", "青岛市崂山区"),
    ("451302", "来宾市兴宾区"),
]
ROADS = [
    "民族大道",
    "云景路",
    "明月路",
    "长湖路",
    "七星路",
    "解放路",
    "人民中路",
    "建设路",
    "滨江路",
    "新华街",
    "朝阳路",
    "桃源路",
    "金湖路",
    "友爱北路",
]
ESTATES = [
    "幸福嘉园",
    "春晖花园",
    "锦绣华庭",
    "凤凰城",
    "翠竹苑",
    "金色家园",
    "御景湾",
    "阳光小区",
    "荔园新村",
    "东盟花园",
]
COMPANY_MID = [
    "洪谦",
    "槟咪",
    "侯珏",
    "鑫达",
    "恒之星",
    "永壮达",
    "粤海",
    "盛信",
    "维世",
    "金禹信",
    "邦粮",
    "汇通",
    "瑞丰",
    "桂和",
    "南盛",
    "聚源",
    "华拓",
    "乾元",
    "茂林",
    "德润",
]
COMPANY_IND = [
    "贸易",
    "商贸",
    "建材",
    "电子科技",
    "物流",
    "酒店",
    "餐饮管理",
    "建筑劳务",
    "农业开发",
    "医药",
    "装饰工程",
    "网络科技",
]
PROVINCES = ["广西", "湖南", "广东", "江苏", "四川", "福建", "湖北", "山东"]
BANKS = [
    "中国农业银行南宁民族支行",
    "中国工商银行长沙芙蓉支行",
    "中国建设银行深圳福田支行",
    "广西北部湾银行南宁市财富国际支行",
    "中国银行成都武侯支行",
    "交通银行武汉武昌支行",
]
BANK_BINS = ["622848", "621700", "622202", "621661", "622262", "623668"]
GOODS = ["钢材", "电子产品", "农副产品", "办公家具", "建筑材料", "玉米", "一级豆油", "医疗器械", "劳务费"]
AREA = {
    "南宁": "0771",
    "桂林": "0773",
    "河池": "0778",
    "来宾": "0772",
    "长沙": "0731",
    "深圳": "0755",
    "南京": "025",
    "成都": "028",
    "福州": "0591",
    "武汉": "027",
    "青岛": "0532",
}
CITIES = ["南宁", "桂林", "河池", "来宾", "长沙", "深圳", "南京", "成都", "福州", "武汉", "青岛"]
LAWFIRM = [
    "广西万益",
    "湖南启元",
    "广东信达",
    "江苏世纪同仁",
    "四川恒和信",
    "福建至理",
    "湖北松之盛",
    "山东德衡",
]
SHOPS = ["老友粉店", "记螺蛳粉", "家便利店", "氏五金店", "记烧腊", "家小厨", "记修车行"]
ROLES_TAX = ["法定代表人", "财务负责人", "办税人员", "出纳", "实际控制人", "股东", "销售经理", "仓库管理员"]
RELATIONS = ["配偶", "胞弟", "胞姐", "岳父", "儿子", "女儿", "母亲", "表兄"]


class Doc:
    """Character list with span labels."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.labels: list[tuple[int, bool] | None] = []
        self.spans: list[dict] = []

    def t(self, s: str) -> None:
        self.chars.extend(s)
        self.labels.extend([None] * len(s))

    def span(self, value: str, kind: str, typ: str, tags=(), core: tuple[int, int] | None = None) -> str:
        idx = len(self.spans)
        self.spans.append(
            {"kind": kind, "type": typ, "tags": sorted(set(tags)), "has_core": core is not None}
        )
        for i, ch in enumerate(value):
            self.chars.append(ch)
            in_core = core is not None and core[0] <= i < core[1]
            self.labels.append((idx, in_core))
        return value

    def p(self, v, typ, tags=(), core=None):
        return self.span(v, "personal", typ, tags, core)

    def pub(self, v, typ, tags=()):
        return self.span(v, "public", typ, tags)

    def msk(self, v, typ, tags=()):
        return self.span(v, "masked", typ, tags)

    def off(self, v, tags=()):
        return self.span(v, "public", "official_name", ("published_by_policy", *tags))


# ---------------------------------------------------------------- value makers
def id_check(body: str) -> str:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * k for c, k in zip(body, w, strict=True)) % 11]


def make_id(r: random.Random) -> str:
    reg = r.choice(REGIONS)[0]
    y, m, d = r.randint(1955, 2002), r.randint(1, 12), r.randint(1, 28)
    body = f"{reg}{y:04d}{m:02d}{d:02d}{r.randint(1, 999):03d}"
    return body + id_check(body)


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def make_uscc(r: random.Random) -> str:
    reg = r.choice(REGIONS)[0]
    org_chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = "".join(r.choice(org_chars) for _ in range(8))
    val = {c: (int(c) if c.isdigit() else ord(c) - 55) for c in org_chars}
    s = sum(val[c] * w for c, w in zip(org, [3, 7, 9, 10, 5, 8, 4, 2], strict=True))
    c9 = 11 - s % 11
    org += "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    body = "91" + reg + org
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CH.index(c) * k for c, k in zip(body, w, strict=True))
    return body + USCC_CH[(31 - s % 31) % 31]


def make_card(r: random.Random) -> str:
    n = r.choice([16, 19])
    body = r.choice(BANK_BINS) + "".join(str(r.randint(0, 9)) for _ in range(n - 7))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return body + str((10 - total % 10) % 10)


def make_mobile(r: random.Random) -> str:
    return (
        r.choice(["13", "15", "18", "17", "19"])
        + str(r.randint(0, 9))
        + "".join(str(r.randint(0, 9)) for _ in range(8))
    )


def make_name(r: random.Random, used: set[str]) -> tuple[str, int, list[str]]:
    while True:
        tags = []
        if r.random() < 0.06:
            sur = r.choice(COMPOUND)
            tags.append("compound_surname")
        else:
            sur = r.choice(SURNAMES)
        given = r.choice(GIVEN) if r.random() < 0.3 else r.choice(GIVEN) + r.choice(GIVEN)
        if len(given) == 1:
            tags.append("single_given")
        name = sur + given
        if name not in used:
            used.add(name)
            return name, len(sur), tags


class Person:
    def __init__(self, r: random.Random, used: set[str], role: str) -> None:
        self.name, self.slen, self.ntags = make_name(r, used)
        self.role = role
        self.id = make_id(r)
        self.mobile = make_mobile(r)
        reg = r.choice(REGIONS)
        self.addr = f"{reg[1]}{r.choice(ROADS)}{r.randint(1, 188)}号{r.choice(ESTATES)}{r.randint(1, 20)}栋{r.randint(1, 3)}单元{r.randint(1, 32)}0{r.randint(1, 6)}号"
        self.addr_core = len(reg[1])
        self.card = make_card(r)
        self.email = f"{''.join(r.choice('abcdefghjkmnpqrstwxyz') for _ in range(r.randint(4, 8)))}{r.randint(10, 99)}@{r.choice(['qq.com', '163.com', '126.com', 'sina.com'])}"
        self.passport = "E" + "".join(str(r.randint(0, 9)) for _ in range(8))
        self.hkpermit = "C" + "".join(str(r.randint(0, 9)) for _ in range(8))


class Company:
    def __init__(self, r: random.Random) -> None:
        self.name = f"{r.choice(PROVINCES)}{r.choice(COMPANY_MID)}{r.choice(COMPANY_IND)}有限公司"
        self.uscc = make_uscc(r)
        reg = r.choice(REGIONS)
        self.addr = f"{reg[1]}{r.choice(ROADS)}{r.randint(1, 300)}号{r.choice(['商务大厦', '工业园', '写字楼', '商业广场'])}{r.randint(1, 28)}楼{r.randint(1, 20)}{r.randint(0, 9)}室"


class Bureau:
    def __init__(self, r: random.Random) -> None:
        reg = r.choice(REGIONS)[1]
        city, district = reg.split("市", 1)
        self.city = city
        self.name = f"国家税务总局{city}市税务局{r.choice(['第一稽查局', '第二稽查局', '第三稽查局'])}"
        self.district = f"国家税务总局{city}市{district}税务局"
        self.abbr = city[0]
        self.addr = f"{city}市{district}{r.choice(ROADS)}{r.randint(1, 200)}号"
        area = AREA[city]
        self.area = area
        self.phone = f"{area}-{r.randint(2, 8)}{r.randint(100000, 999999)}"
        self.phone2 = f"{area}-{r.randint(2, 8)}{r.randint(100000, 999999)}"
        self.url = r.choice(
            [
                "https://guangxi.chinatax.gov.cn",
                "http://hunan.chinatax.gov.cn",
                "https://www.chinatax.gov.cn",
                "https://etax.guangxi.chinatax.gov.cn",
                "guangdong.chinatax.gov.cn/gdsw/",
            ]
        )
        self.officers = []


# ---------------------------------------------------------------- writers
class W:
    """Document writer: holds the doc, random, bureau, people and companies."""

    def __init__(self, r: random.Random, cat: str, table: bool) -> None:
        self.r = r
        self.d = Doc()
        self.cat = cat
        self.b = Bureau(r)
        used: set[str] = set()
        n = r.randint(3, 10)
        roles = ["party"] + [
            r.choice(["relative", "employee", "buyer", "lessee", "witness", "agent", "lawyer", "employee"])
            for _ in range(n - 1)
        ]
        self.people = [Person(r, used, role) for role in roles]
        self.cos = [Company(r) for _ in range(r.randint(1, 4))]
        self.officers = []
        for _ in range(r.randint(1, 3)):
            nm, _, _ = make_name(r, used)
            self.officers.append(nm)
        self.table = table
        self.year = r.choice([2023, 2024, 2025, 2026])
        self.seen: set[str] = set()

    # person-value helpers
    def name(self, p: Person, *tags: str) -> None:
        t = ["role_" + p.role, *p.ntags, *tags]
        if p.name in self.seen:
            t.append("name_backref")
        self.seen.add(p.name)
        self.d.p(p.name, "person_name", t, (p.slen, len(p.name)))

    def idn(self, p: Person, typ="id_number", *tags: str) -> None:
        self.d.p(p.id, typ, ["role_" + p.role, *tags], (6, 17))

    def mob(self, p: Person, *tags: str) -> None:
        v = p.mobile
        r = self.r.random()
        if r < 0.15:
            v = f"{v[:3]}-{v[3:7]}-{v[7:]}"
            tags = (*tags, "phone_dashed")
            core = (4, 13)
        elif r < 0.25:
            v = f"{v[:3]} {v[3:7]} {v[7:]}"
            tags = (*tags, "phone_spaced")
            core = (4, 13)
        else:
            core = (3, 11)
        self.d.p(v, "phone", ["role_" + p.role, *tags], core)

    def home(self, p: Person, *tags: str) -> None:
        self.d.p(p.addr, "home_address", ["role_" + p.role, *tags], (p.addr_core, len(p.addr)))

    def card(self, p: Person, *tags: str) -> None:
        self.d.p(p.card, "bank_card", ["role_" + p.role, *tags], (6, len(p.card) - 4))

    def co(self, c: Company) -> None:
        self.co_seen = True
        self.d.pub(c.name, "company_name")

    def date(self) -> str:
        y = self.year - self.r.randint(0, 2)
        v = f"{y}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"
        self.d.pub(v, "date")
        return v

    def amount(self) -> None:
        v = f"{self.r.randint(1000, 9999999)}.{self.r.randint(0, 99):02d}元"
        if self.r.random() < 0.3:
            n = self.r.randint(10000, 9999999)
            v = f"{n:,}.{self.r.randint(0, 99):02d}元"
        self.d.pub(v, "amount")

    def docno(self, kind="处") -> None:
        v = f"{self.b.abbr}税{self.r.choice(['一', '二', '三'])}稽{kind}〔{self.year}〕{self.r.randint(1, 300)}号"
        self.d.pub(v, "doc_number")

    def masked_value(self) -> None:
        r = self.r
        k = r.random()
        if k < 0.35:
            self.d.msk(r.choice(SURNAMES) + "某某", "masked_name")
        elif k < 0.55:
            self.d.msk(r.choice(SURNAMES) + "**", "masked_name")
        elif k < 0.75:
            self.d.msk(f"{r.choice(REGIONS)[0][:4]}********{r.randint(1000, 9999)}", "masked_id")
        elif k < 0.9:
            self.d.msk(f"1{r.choice('3589')}{r.randint(0, 9)}****{r.randint(1000, 9999)}", "masked_phone")
        else:
            self.d.msk("XXX", "masked_placeholder")

    def contact_block(self) -> None:
        d, b, r = self.d, self.b, self.r
        form = r.randint(0, 3)
        if form == 0:
            d.t("\n联系地址：")
            d.pub(b.addr, "bureau_address")
            d.t("\n联系电话：")
            d.pub(b.phone, "bureau_phone")
            d.t("\n联系人：")
            d.off(self.officers[0])
            d.t("\n")
        elif form == 1:
            d.t("如有疑问，请拨打纳税服务热线")
            d.pub("12366", "hotline_12366")
            d.t("或办税服务厅电话")
            d.pub(b.phone, "bureau_phone")
            d.t("咨询，也可登录")
            d.pub(b.url, "url")
            d.t("查询。")
        elif form == 2:
            d.t("（我局地址：")
            d.pub(b.addr, "bureau_address")
            d.t("；电话：")
            d.pub(b.phone, "bureau_phone")
            d.t("、")
            d.pub(b.phone2, "bureau_phone")
            d.t("）")
        else:
            d.t("\n受理机关：")
            d.pub(b.name, "authority")
            d.t(" 地址：")
            d.pub(b.addr, "bureau_address")
            d.t(" 咨询电话：")
            d.pub("12366", "hotline_12366")
            d.t(" 网址：")
            d.pub(b.url, "url")
            d.t("\n")

    def header(self, title: str, kind: str) -> None:
        d = self.d
        d.pub(self.b.name, "authority")
        d.t("\n" + title + "\n")
        self.docno(kind)
        d.t("\n\n")

    def party_line(self, p: Person) -> None:
        d = self.d
        self.name(p)
        r = self.r.random()
        if r < 0.5:
            d.t("（纳税人识别号：")
            self.idn(p, "taxpayer_id")
            d.t("）：\n")
        else:
            d.t("（身份证件号码：")
            self.idn(p)
            d.t("，住址：")
            self.home(p)
            d.t("）：\n")

    def company_party(self, c: Company) -> None:
        d = self.d
        self.co(c)
        d.t("（纳税人识别号：")
        d.pub(c.uscc, "uscc")
        d.t("）：\n")

    def fact_sentence(self) -> None:
        """One sentence of 经查 facts about a random person."""
        d, r = self.d, self.r
        unseen = [q for q in self.people if q.name not in self.seen]
        p = r.choice(unseen) if unseen else r.choice(self.people)
        c = r.choice(self.cos)
        k = r.randint(0, 11)
        if k == 0:
            d.t("经查，你单位")
            d.t(r.choice(ROLES_TAX))
            self.name(p)
            d.t("（身份证号码：")
            self.idn(p)
            d.t("，联系电话：")
            self.mob(p)
            d.t("）负责公司日常财务工作，")
            self.date()
            d.t("起通过其个人银行账户（")
            d.t(r.choice(BANKS))
            d.t("，账号")
            self.card(p)
            d.t("）收取货款")
            self.amount()
            d.t("，未计入公司账簿。")
        elif k == 1:
            q = r.choice(self.people)
            d.t("据")
            self.name(p)
            d.t("陈述：“我是")
            self.name(q, "name_quoted")
            d.t("的")
            d.t(r.choice(RELATIONS))
            d.t("，公司的账都是他让我管的，钱转到")
            self.name(q, "name_quoted")
            d.t("的卡上。”")
        elif k == 2:
            grp = r.sample(self.people, min(len(self.people), r.randint(2, 4)))
            d.t("经调取银行流水，")
            self.co(c)
            d.t("开具发票后资金经")
            for i, q in enumerate(grp):
                if i:
                    d.t("、")
                self.name(q, "name_listed")
            d.t("等人个人账户回流，合计")
            self.amount()
            d.t("。")
        elif k == 3:
            d.t("你单位将位于")
            d.pub(c.addr, "business_address")
            d.t("的经营场所出租给")
            self.name(p)
            d.t("（住")
            self.home(p, "home_beside_business")
            d.t("）使用，租金")
            self.amount()
            d.t("未申报缴纳房产税。")
        elif k == 4:
            d.t("购买方")
            self.name(p)
            d.t("（身份证号")
            self.idn(p)
            d.t("）于")
            self.date()
            d.t("取得你单位开具的增值税普通发票，发票代码：")
            d.pub(
                f"{r.choice(['45', '43', '44'])}00{r.randint(15, 24)}{r.randint(1000, 9999)}", "invoice_code"
            )
            d.t("，发票号码：")
            d.pub(f"{r.randint(0, 99999999):08d}", "invoice_number")
            d.t("，货物名称为")
            d.t(r.choice(GOODS))
            d.t("，金额")
            self.amount()
            d.t("。")
        elif k == 5:
            d.t("证人")
            self.name(p)
            d.t("，男，")
            d.t(str(r.randint(1960, 2000)))
            d.t("年出生，现住")
            self.home(p)
            d.t("，手机")
            self.mob(p)
            d.t("，证实其曾在")
            d.pub(c.addr, "business_address")
            d.t("的")
            self.co(c)
            d.t("仓库工作。")
        elif k == 6:
            d.t("你单位委托")
            d.pub(r.choice(LAWFIRM) + "律师事务所", "law_firm")
            d.t("律师")
            self.name(p)
            d.t("（执业证号")
            d.p(
                f"1{r.randint(4500, 4599)}{self.year - r.randint(1, 15)}{r.randint(10000000, 99999999)}",
                "lawyer_license",
                ["role_" + p.role],
                (5, 17),
            )
            d.t("）作为代理人，其电子邮箱为")
            d.p(p.email, "email", ["role_" + p.role], (0, p.email.index("@")))
            d.t("。")
        elif k == 7:
            d.t("经核实，")
            self.name(p)
            d.t("持护照（号码")
            d.p(p.passport, "passport", ["role_" + p.role], (1, 9))
            d.t("）及往来港澳通行证（号码")
            d.p(p.hkpermit, "hk_permit", ["role_" + p.role], (1, 9))
            d.t("）多次出境。")
        elif k == 8:
            shop_owner = p.name[: p.slen]
            d.t("个体工商户")
            d.pub(f"{self.b.city}市{shop_owner}{r.choice(SHOPS)}", "shop_name", ["shop_has_surname"])
            d.t("（经营者")
            self.name(p)
            d.t("，经营地址")
            d.pub(c.addr, "business_address")
            d.t("，家庭住址")
            self.home(p, "home_beside_business")
            d.t("）")
            d.t("未按规定办理纳税申报。")
        elif k == 9:
            d.t("此前已作出处理的相关人员")
            self.masked_value()
            d.t("、")
            self.masked_value()
            d.t("的情况不再赘述。")
        elif k == 10:
            d.t("你单位")
            d.t(r.choice(ROLES_TAX))
            self.name(p)
            d.t("的")
            d.t(r.choice(RELATIONS))
            q = r.choice(self.people)
            self.name(q)
            d.t("名下账户")
            self.card(q, "card_after_name")
            d.t("于")
            self.date()
            d.t("收到")
            self.co(c)
            d.t("转入款项")
            self.amount()
            d.t("。")
        else:
            d.t("经电话（")
            v = f"{self.b.area}-{r.randint(2, 8)}{r.randint(100000, 999999)}"
            d.p(v, "phone", ["role_" + p.role, "landline_personal"], (len(self.b.area) + 1, len(v)))
            d.t("）联系")
            self.name(p)
            d.t("，其称已不在")
            self.co(c)
            d.t("任职。")

    def cover(self) -> None:
        """Mention every person not yet named, as a listed group."""
        if not getattr(self, "co_seen", False):
            self.d.t("上述款项最终流向")
            self.co(self.cos[0])
            self.d.t("。")
        unseen = [q for q in self.people if q.name not in self.seen]
        if not unseen:
            return
        self.d.t(self.r.choice(["\n    另查明，", "\n    此外，", "\n    经询问，"]))
        for i, q in enumerate(unseen):
            if i:
                self.d.t("、")
            self.name(q, "name_listed")
        self.d.t(
            self.r.choice(
                ["均参与了上述资金的收付。", "对上述事实予以确认。", "系你单位员工，其证言与账簿记载一致。"]
            )
        )

    def facts(self, n: int) -> None:
        for i in range(n):
            if i and self.r.random() < 0.4:
                self.d.t("\n    ")
            self.fact_sentence()


# ---------------------------------------------------------------- categories
def narrative(w: W) -> None:
    d, r, b = w.d, w.r, w.b
    party = w.people[0]
    cat = w.cat
    if cat in ("税务处理决定书", "税务行政处罚决定书"):
        w.header(cat, "处" if cat == "税务处理决定书" else "罚")
        if r.random() < 0.5:
            w.company_party(w.cos[0])
            w.co_party = True
            d.t("    我局于")
            w.date()
            d.t("至")
            w.date()
            d.t("对你公司（地址：")
            d.pub(w.cos[0].addr, "business_address")
            d.t("）涉税情况进行了检查，违法事实及处理决定如下：\n一、违法事实\n    ")
        else:
            w.party_line(party)
            d.t("    我局于")
            w.date()
            d.t("起对你")
            d.t("的涉税情况进行了检查，违法事实及处理决定如下：\n一、违法事实\n    ")
        w.facts(r.randint(4, 9))
        d.t("\n二、处理决定\n    ")
        d.t("根据《中华人民共和国税收征收管理法》第六十三条第一款规定，")
        if cat == "税务处理决定书":
            d.t("追缴增值税")
            w.amount()
            d.t("，并从滞纳税款之日起按日加收万分之五的滞纳金。")
        else:
            d.t("对你处以少缴税款百分之五十的罚款")
            w.amount()
            d.t("。")
        d.t("\n    你公司" if getattr(w, "co_party", False) else "\n    你")
        d.t("若同我局在纳税上有争议，可自收到本决定书之日起六十日内依法向")
        d.pub(f"国家税务总局{b.city}市税务局", "authority")
        d.t("申请行政复议。")
        w.cover()
        w.contact_block()
        d.t("\n执法人员：")
        for i, o in enumerate(w.officers):
            if i:
                d.t("、")
            d.off(o)
        d.t("\n\n")
        d.pub(b.name, "authority")
        d.t("\n")
        w.date()
    elif cat == "行政复议决定书":
        d.pub(f"国家税务总局{b.city}市税务局", "authority")
        d.t("\n行政复议决定书\n")
        d.pub(f"{b.abbr}税复决字〔{w.year}〕{r.randint(1, 60)}号", "doc_number")
        d.t("\n\n申请人：")
        w.name(party)
        d.t("，")
        d.t(r.choice(["男", "女"]))
        d.t("，身份证号码")
        w.idn(party)
        d.t("，住所")
        w.home(party)
        d.t("。\n委托代理人：")
        lw = next((p for p in w.people if p.role == "lawyer"), w.people[-1])
        w.name(lw)
        d.t("，")
        d.pub(r.choice(LAWFIRM) + "律师事务所", "law_firm")
        d.t("律师，联系电话")
        w.mob(lw)
        d.t("。\n被申请人：")
        d.pub(b.name, "authority")
        d.t("，住所地")
        d.pub(b.addr, "bureau_address")
        d.t("。\n    申请人不服被申请人作出的《税务处理决定书》（")
        w.docno()
        d.t("），于")
        w.date()
        d.t("向本机关申请行政复议。本机关依法受理，并指定")
        d.off(w.officers[0])
        d.t("主持审理。\n    申请人称：")
        w.facts(r.randint(2, 4))
        d.t("\n    被申请人称：")
        w.facts(r.randint(2, 4))
        d.t("\n    经审理查明：")
        w.facts(r.randint(2, 4))
        d.t(
            "\n    本机关决定：维持被申请人作出的处理决定。申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。\n"
        )
        w.date()
    elif cat == "检举答复":
        d.pub(b.name, "authority")
        d.t("\n税收违法行为检举答复书\n")
        w.docno("检答")
        d.t("\n\n")
        w.name(party)
        d.t("：\n    您于")
        w.date()
        d.t("通过")
        d.pub("12366", "hotline_12366")
        d.t("纳税缴费服务热线检举")
        w.co(w.cos[0])
        d.t("（经营地址：")
        d.pub(w.cos[0].addr, "business_address")
        d.t("）涉嫌偷税一案，您留下的联系电话为")
        w.mob(party)
        d.t("，通讯地址为")
        w.home(party)
        d.t("。经检查，现将有关情况答复如下：\n    ")
        w.facts(r.randint(3, 7))
        d.t("\n    感谢您对税收工作的支持。")
        w.cover()
        w.contact_block()
        d.t("\n")
        w.date()
    elif cat == "依申请公开答复":
        d.pub(f"国家税务总局{b.city}市税务局", "authority")
        d.t("\n政府信息公开申请答复书\n")
        d.pub(f"{b.abbr}税依复〔{w.year}〕{r.randint(1, 99)}号", "doc_number")
        d.t("\n\n")
        w.name(party)
        d.t("：\n    本机关于")
        w.date()
        d.t("收到您提交的《政府信息公开申请表》（申请人身份证号")
        w.idn(party)
        d.t("，邮寄地址")
        w.home(party)
        d.t("，电子邮箱")
        d.p(party.email, "email", ["role_party"], (0, party.email.index("@")))
        d.t("），申请公开")
        w.co(w.cos[0])
        d.t("的欠税信息。经审查，答复如下：\n    ")
        w.facts(r.randint(2, 5))
        d.t("\n    您申请的信息中涉及第三方")
        w.name(r.choice(w.people[1:]))
        d.t("的个人隐私，依据《中华人民共和国政府信息公开条例》第十五条不予公开。")
        w.cover()
        w.contact_block()
        d.t("\n")
        w.date()
    elif cat == "听证笔录摘要":
        d.t("税务行政处罚听证笔录（摘要）\n案由：")
        w.co(w.cos[0])
        d.t("涉嫌偷税案\n听证时间：")
        w.date()
        d.t("\n听证地点：")
        d.pub(b.addr, "bureau_address")
        d.t("听证室\n主持人：")
        d.off(w.officers[0])
        d.t("  记录人：")
        d.off(w.officers[-1])
        d.t("\n当事人：")
        w.name(party)
        d.t("，联系电话")
        w.mob(party)
        d.t("\n委托代理人：")
        ag = r.choice(w.people[1:])
        w.name(ag)
        d.t("，身份证号")
        w.idn(ag)
        d.t("\n    当事人陈述：")
        w.facts(r.randint(2, 5))
        d.t("\n    调查人员意见：")
        w.facts(r.randint(2, 4))
        d.t("\n    ")
        w.name(party)
        d.t("最后陈述：“我对")
        w.name(ag, "name_quoted")
        d.t("代我说的没有异议。”")
        w.cover()
    elif cat in ("非正常户认定公告", "非正常户解除公告"):
        d.pub(w.b.district, "authority")
        d.t("\n关于" + ("认定" if "认定" in cat else "解除") + "非正常户的公告\n")
        d.pub(f"{b.abbr}税公告〔{w.year}〕{r.randint(1, 99)}号", "doc_number")
        d.t("\n    根据《税务登记管理办法》第四十条规定，下列纳税人")
        d.t("经我局实地核查，")
        for i, c in enumerate(w.cos):
            if i:
                d.t("；")
            w.co(c)
            d.t("（统一社会信用代码")
            d.pub(c.uscc, "uscc")
            d.t("，法定代表人")
            w.name(w.people[i % len(w.people)])
            d.t("，身份证号")
            w.idn(w.people[i % len(w.people)])
            d.t("，生产经营地址")
            d.pub(c.addr, "business_address")
            d.t("）")
        d.t("，" + ("已于" if "认定" in cat else "已于"))
        w.date()
        d.t("认定为非正常户。" if "认定" in cat else "补办纳税申报并缴纳罚款，解除非正常户认定。")
        d.t("\n    ")
        w.facts(r.randint(1, 4))
        d.t("\n    特此公告。\n")
        w.cover()
        w.contact_block()
        w.date()
    elif cat == "阻止出境通知":
        d.pub(b.district, "authority")
        d.t("\n阻止出境决定书\n")
        w.docno("阻")
        d.t("\n\n")
        w.name(party)
        d.t("（性别：")
        d.t(r.choice(["男", "女"]))
        d.t("，公民身份号码：")
        w.idn(party)
        d.t("，护照号码：")
        d.p(party.passport, "passport", ["role_party"], (1, 9))
        d.t("）：\n    你系")
        w.co(w.cos[0])
        d.t("的法定代表人，该公司欠缴税款")
        w.amount()
        d.t("，滞纳金")
        w.amount()
        d.t("，未结清税款又未提供担保。")
        w.facts(r.randint(2, 5))
        d.t("\n    根据《中华人民共和国税收征收管理法》第四十四条，我局决定通知出入境管理机关对你阻止出境。")
        w.cover()
        w.contact_block()
        d.t("\n局长：")
        d.off(w.officers[0])
        d.t("\n")
        w.date()
    else:  # 送达公告
        d.pub(b.name, "authority")
        d.t("\n税务文书送达公告\n")
        d.pub(f"{b.abbr}税稽公告〔{w.year}〕{r.randint(1, 99)}号", "doc_number")
        d.t("\n")
        w.name(party)
        d.t("（身份证号码：")
        w.idn(party)
        d.t(
            "）：\n    因采用直接送达、邮寄送达等方式均无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，现将《税务处理决定书》（"
        )
        w.docno()
        d.t("）向你公告送达。主要内容如下：")
        w.facts(r.randint(3, 6))
        d.t("\n    自公告之日起满30日，即视为送达。")
        w.cover()
        w.contact_block()
        w.date()


def table(w: W) -> None:
    d, r = w.d, w.r
    flat = r.choice(["pipe", "tsv", "kv", "csv"])
    w.layout = f"table_{flat}"
    title = r.choice(["欠税公告", "双公示行政处罚信息", "非正常户名单", "重大税收违法失信主体信息"])
    d.pub(w.b.district if r.random() < 0.5 else w.b.name, "authority")
    d.t("\n" + title + "\n")
    cols = [
        "纳税人名称",
        "统一社会信用代码",
        "法定代表人",
        "身份证件号码",
        "经营地址",
        "欠税金额",
        "联系电话",
        "认定日期",
    ]
    sep = {"pipe": " | ", "tsv": "\t", "csv": ","}.get(flat, "")
    rows = []
    for i, c in enumerate(w.cos + [None] * r.randint(1, 3)):
        p = w.people[i % len(w.people)]
        rows.append((c, p))
    if flat != "kv":
        d.t(sep.join(cols) + "\n")
    for c, p in rows:
        cells = []
        if c is None:  # individual taxpayer row
            cells.append(lambda p=p: w.name(p, "in_table"))
            cells.append(lambda p=p: w.idn(p, "taxpayer_id", "in_table"))
            cells.append(lambda: d.t("—"))
            cells.append(lambda p=p: w.idn(p, "id_number", "in_table"))
            cells.append(lambda p=p: w.home(p, "in_table"))
        else:
            cells.append(lambda c=c: w.co(c))
            cells.append(lambda c=c: d.pub(c.uscc, "uscc"))
            cells.append(lambda p=p: w.name(p, "in_table"))
            cells.append(lambda p=p: w.idn(p, "id_number", "in_table"))
            cells.append(lambda c=c: d.pub(c.addr, "business_address"))
        cells.append(lambda: w.amount())
        cells.append(lambda p=p: w.mob(p, "in_table"))
        cells.append(lambda: w.date())
        for j, cell in enumerate(cells):
            if flat == "kv":
                d.t(cols[j] + "：")
                cell()
                d.t("\n")
            else:
                if j:
                    d.t(sep)
                cell()
        d.t("\n")
    if r.random() < 0.6:
        d.t("备注：")
        w.facts(r.randint(1, 3))
        d.t("\n")
    w.cover()
    w.contact_block()


# ---------------------------------------------------------------- post-processing
def wrap(chars, labels, width):
    out_c, out_l = [], []
    col = 0
    for ch, lb in zip(chars, labels, strict=True):
        if ch == "\n":
            col = 0
        elif col >= width:
            # the break belongs to the span if both neighbours are in the same span
            out_c.append("\n")
            out_l.append(None)
            col = 0
        out_c.append(ch)
        out_l.append(lb)
        if ch != "\n":
            col += 1
    # attach newline inside spans
    for i in range(1, len(out_c) - 1):
        if (
            out_c[i] == "\n"
            and out_l[i] is None
            and out_l[i - 1] is not None
            and out_l[i + 1] is not None
            and out_l[i - 1][0] == out_l[i + 1][0]
        ):
            out_l[i] = (out_l[i - 1][0], out_l[i - 1][1] and out_l[i + 1][1])
    return out_c, out_l


OCR_SUB = {"，": ",", "：": ":", "（": "(", "）": ")", "；": ";", "。": "．"}


def ocr(r, chars, labels, spans):
    out_c, out_l = [], []
    for ch, lb in zip(chars, labels, strict=True):
        if lb is None:
            if ch in OCR_SUB and r.random() < 0.5:
                ch = OCR_SUB[ch]
            out_c.append(ch)
            out_l.append(None)
            if ch not in "\n" and r.random() < 0.03:
                out_c.append(" ")
                out_l.append(None)
        else:
            sp = spans[lb[0]]
            out_c.append(ch)
            out_l.append(lb)
            if sp["kind"] == "personal" and ch.isdigit() and r.random() < 0.025:
                out_c.append(" ")
                out_l.append(lb)
                sp["tags"] = sorted(set(sp["tags"]) | {"ocr_space"})
    return out_c, out_l


def finish(d: Doc, chars, labels) -> tuple[str, list[dict]]:
    text = "".join(chars)
    spans = []
    i = 0
    n = len(labels)
    while i < n:
        lb = labels[i]
        if lb is None:
            i += 1
            continue
        j = i
        core = []
        while j < n and labels[j] is not None and labels[j][0] == lb[0]:
            if labels[j][1]:
                core.append(j)
            j += 1
        meta = d.spans[lb[0]]
        sp = {"start": i, "end": j, "kind": meta["kind"], "type": meta["type"], "tags": list(meta["tags"])}
        if "\n" in text[i:j] and "wrapped" not in sp["tags"]:
            sp["tags"] = sorted(sp["tags"] + ["wrapped"])
        if meta["has_core"] and core:
            sp["core_start"], sp["core_end"] = core[0], core[-1] + 1
        sp["value"] = text[i:j]
        spans.append(sp)
        i = j
    return text, spans


CATS = [
    "税务处理决定书",
    "税务行政处罚决定书",
    "行政复议决定书",
    "检举答复",
    "依申请公开答复",
    "听证笔录摘要",
    "非正常户认定公告",
    "非正常户解除公告",
    "阻止出境通知",
    "送达公告",
]


def build(i: int, r: random.Random) -> dict:
    is_table = r.random() < 0.25
    cat = "公示表格" if is_table else CATS[i % len(CATS)]
    w = W(r, cat, is_table)
    w.layout = "narrative"
    (table if is_table else narrative)(w)
    chars, labels = w.d.chars, w.d.labels
    layout = w.layout
    if r.random() < 0.3:
        chars, labels = wrap(chars, labels, r.choice([38, 40, 42, 45]))
        layout += "+wrapped"
    if r.random() < 0.15:
        chars, labels = ocr(r, chars, labels, w.d.spans)
        layout += "+ocr"
    text, spans = finish(w.d, chars, labels)
    for sp in spans:
        assert text[sp["start"] : sp["end"]] == sp["value"]
        del sp["value"]
        v = text[sp["start"] : sp["end"]]
        if sp["type"] in ("id_number", "taxpayer_id"):
            digits = "".join(ch for ch in v if not ch.isspace())
            assert id_check(digits[:17]) == digits[17], v
    for a, b in zip(spans, spans[1:], strict=False):
        assert a["end"] <= b["start"]
    return {"id": f"m15-{i:03d}", "category": cat, "layout": layout, "text": text, "spans": spans}


def main() -> None:
    r = random.Random(SEED)
    with OUT.open("w", encoding="utf-8") as fh:
        for i in range(N_DOCS):
            fh.write(json.dumps(build(i, r), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
