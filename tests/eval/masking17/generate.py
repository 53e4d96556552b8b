"""Generate masking evaluation set 17 (independent of the masker and earlier sets).

Deterministic: fixed seed, no network. Writes ``corpus.jsonl`` next to this file.
Usage: python tests/eval/masking17/generate.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 17_2026
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

# ---------------------------------------------------------------- value pools
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "皇甫", "司徒", "令狐", "东方", "慕容", "尉迟", "长孙", "公孙"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅鹏飞斌宇浩凯健俊帆帅旭宁龙林欣悦婷雪琳晨阳佳怡子轩梓涵浩然思远雨桐家豪志强建国海燕春生秋菊德胜永福金凤晓东"
)
MINORITY = [
    "买买提·艾力",
    "古丽娜尔·吐尔逊",
    "阿不都热合曼·依明",
    "热依拉·阿布都",
    "艾尔肯·吾斯曼",
    "巴图·额尔敦",
    "娜仁·其其格",
    "扎西·顿珠",
    "阿依古丽·买合木提",
    "努尔兰·沙肯",
]
TIBETAN = ["次仁多吉", "格桑卓玛", "洛桑旦增", "央金拉姆"]
LATIN = [
    "John Michael Smith",
    "Maria Gonzalez",
    "KIM Min-jun",
    "Tanaka Hiroshi",
    "David Lee",
    "NGUYEN Van An",
    "Anna Petrova",
    "Park Ji-woo",
    "Ahmed Hassan",
    "SMITH Robert James",
]
PINYIN = ["ZHANG Wei", "Li Na", "WANG Xiaoming", "Chen Jiahui", "LIU Yang"]
HKTW = ["陈志明", "黄嘉欣", "林佩珊", "李家豪", "吴淑芬", "张美玲", "梁国荣"]

PROVINCES = [
    ("广西壮族自治区", "南宁市", ["青秀区", "兴宁区", "西乡塘区", "江南区"], "450103"),
    ("湖南省", "长沙市", ["岳麓区", "芙蓉区", "天心区", "雨花区"], "430104"),
    ("四川省", "成都市", ["武侯区", "锦江区", "青羊区", "金牛区"], "510107"),
    ("广东省", "佛山市", ["南海区", "顺德区", "禅城区"], "440605"),
    ("浙江省", "杭州市", ["西湖区", "拱墅区", "余杭区"], "330106"),
    ("山东省", "临沂市", ["兰山区", "罗庄区", "河东区"], "371302"),
    ("河南省", "郑州市", ["金水区", "二七区", "中原区"], "410105"),
    ("新疆维吾尔自治区", "乌鲁木齐市", ["天山区", "沙依巴克区", "水磨沟区"], "650102"),
]
AREA_CODES = [
    "450103",
    "450102",
    "430104",
    "430111",
    "510107",
    "440605",
    "330106",
    "371302",
    "410105",
    "650102",
    "542621",
    "152502",
    "320582",
    "350203",
    "130104",
    "610113",
]
ROADS = [
    "民族大道",
    "云景路",
    "金湖路",
    "人民中路",
    "解放西路",
    "建设北路",
    "友爱南路",
    "长江路",
    "望城坡路",
    "锦绣路",
    "花园街",
    "幸福巷",
    "滨江东路",
    "科技园路",
    "桂花街",
]
ESTATES = [
    "春晖花园",
    "幸福嘉园",
    "锦绣江南",
    "阳光小区",
    "翡翠城",
    "金色家园",
    "碧桂园",
    "水岸名都",
    "东方明珠苑",
    "青秀山庄",
]
TOWNS = ["五塘镇", "长塘镇", "金凤镇", "新安镇", "城关镇", "双河乡"]
VILLAGES = ["红星村", "大坪村", "石桥村", "新华村", "团结村", "桃源村"]
CO_PREFIX = [
    "洪谦",
    "融创世通",
    "继备",
    "金禹信",
    "维世鑫",
    "粤海",
    "盛信",
    "万鑫达",
    "永健达",
    "恒之星",
    "范帮",
    "互悦",
    "槟咪",
    "星耀",
    "鼎晟",
    "华卓",
    "嘉禾源",
    "锐捷达",
    "宏图",
    "汇丰隆",
]
CO_TRADE = [
    "贸易",
    "商贸",
    "科技",
    "电子",
    "建材",
    "物资供应",
    "文化传媒",
    "网络科技",
    "医疗器械",
    "进出口",
    "房地产开发",
    "劳务派遣",
    "餐饮管理",
    "影视文化",
]
CO_FORM = ["有限公司", "有限责任公司", "股份有限公司"]
LAW_FIRMS = [
    "广西万益律师事务所",
    "湖南金州律师事务所",
    "北京市中伦律师事务所",
    "四川恒和信律师事务所",
    "浙江天册律师事务所",
]
SHOP_KIND = ["粉店", "烧烤店", "便利店", "五金店", "美发店", "副食店", "服装店", "汽修店", "茶庄"]
SHOP_WORD = ["老友", "好再来", "聚福", "顺心", "兴隆", "阿香", "湘味", "乐购", "惠民", "名剪"]
EMAIL_DOM = ["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "foxmail.com", "outlook.com"]
BANKS = [
    ("中国农业银行", "622848"),
    ("中国建设银行", "621700"),
    ("中国工商银行", "622202"),
    ("中国银行", "621661"),
    ("招商银行", "622588"),
    ("广西农村信用社", "623062"),
]
NATIONS = ["美国", "加拿大", "韩国", "日本", "越南", "俄罗斯", "英国", "马来西亚"]

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    # -- identifiers --------------------------------------------------------
    def id_number(self, area: str | None = None, hkmt: str | None = None) -> str:
        r = self.r
        a = hkmt or area or r.choice(AREA_CODES)
        y = r.randint(1958, 2003)
        m = r.randint(1, 12)
        d = r.randint(1, 28)
        body = f"{a}{y:04d}{m:02d}{d:02d}{r.randint(0, 999):03d}"
        s = sum(int(c) * w for c, w in zip(body, ID_W, strict=True))
        return body + ID_CHECK[s % 11]

    def uscc(self) -> str:
        r = self.r
        org_body = [r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8)]
        s = sum(ORG_CHARS.index(c) * w for c, w in zip(org_body, ORG_W, strict=True))
        c9 = 11 - s % 11
        org = "".join(org_body) + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
        head = r.choice(["91", "92", "93", "52"]) + r.choice(AREA_CODES) + org
        s = sum(USCC_CHARS.index(c) * w for c, w in zip(head, USCC_W, strict=True))
        return head + USCC_CHARS[(31 - s % 31) % 31]

    def bank_card(self) -> tuple[str, str]:
        bank, bin_ = self.r.choice(BANKS)
        length = self.r.choice([16, 19, 19])
        body = bin_ + "".join(str(self.r.randint(0, 9)) for _ in range(length - len(bin_) - 1))
        total = 0
        for i, c in enumerate(reversed(body)):
            d = int(c)
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return bank, body + str((10 - total % 10) % 10)

    def mobile(self) -> str:
        return (
            self.r.choice(["13", "15", "17", "18", "19"])
            + str(self.r.randint(0, 9))
            + "".join(str(self.r.randint(0, 9)) for _ in range(8))
        )

    def han_name(self) -> tuple[str, int, list[str]]:
        r = self.r
        tags: list[str] = []
        if r.random() < 0.12:
            sur = r.choice(COMPOUND)
            tags.append("compound_surname")
        else:
            sur = r.choice(SURNAMES)
        if r.random() < 0.35:
            given = r.choice(GIVEN)
            tags.append("single_char_given")
        else:
            given = r.choice(GIVEN) + r.choice(GIVEN)
        return sur + given, len(sur), tags

    def person(self) -> dict:
        """A natural person with a background; name core = given name (Han) or whole."""
        r = self.r
        x = r.random()
        if x < 0.62:
            name, core, tags = self.han_name()
            return {"name": name, "core": core, "tags": tags, "origin": "mainland"}
        if x < 0.72:
            return {"name": r.choice(MINORITY), "core": 0, "tags": ["minority_name"], "origin": "mainland"}
        if x < 0.76:
            return {
                "name": r.choice(TIBETAN),
                "core": 0,
                "tags": ["minority_name", "no_dot"],
                "origin": "mainland",
            }
        if x < 0.84:
            return {
                "name": r.choice(HKTW),
                "core": 1,
                "tags": ["hk_mo_tw"],
                "origin": r.choice(["HK", "MO", "TW"]),
            }
        if x < 0.95:
            return {
                "name": r.choice(LATIN),
                "core": 0,
                "tags": ["latin_name", "foreigner"],
                "origin": "foreign",
            }
        return {"name": r.choice(PINYIN), "core": 0, "tags": ["latin_name", "pinyin"], "origin": "mainland"}

    def company(self) -> str:
        p = self.r.choice(PROVINCES)
        return p[1] + self.r.choice(CO_PREFIX) + self.r.choice(CO_TRADE) + self.r.choice(CO_FORM)

    def home_address(self) -> tuple[str, int]:
        """Return (address, core offset) - core is the part below district level."""
        r = self.r
        prov, city, dists, _ = r.choice(PROVINCES)
        dist = r.choice(dists)
        form = r.randint(0, 5)
        if form == 0:
            head = prov + city + dist
            tail = f"{r.choice(ROADS)}{r.randint(1, 399)}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 4)}单元{r.randint(1, 33)}{r.randint(1, 8):02d}室"
        elif form == 1:
            head = city + dist
            tail = f"{r.choice(ROADS)}{r.randint(1, 399)}号{r.randint(1, 20)}-{r.randint(1, 3)}-{r.randint(101, 2808)}"
        elif form == 2:
            head = prov + r.choice(["横县", "宾阳县", "浏阳市", "简阳市", "沂南县"])
            tail = f"{r.choice(TOWNS)}{r.choice(VILLAGES)}{r.randint(1, 12)}组{r.randint(1, 99)}号"
        elif form == 3:
            head = dist
            tail = f"{r.choice(ESTATES)}{r.randint(1, 30)}幢{r.randint(101, 2606)}号"
        elif form == 4:
            head = city
            tail = f"{r.choice(ROADS)}{r.randint(1, 200)}号大院{r.randint(1, 9)}栋{r.randint(1, 6)}楼左"
        else:
            head = ""
            tail = f"{r.choice(VILLAGES)}{r.choice(['一', '二', '三', '五'])}队{r.randint(1, 60)}号"
        return head + tail, len(head)

    def biz_address(self, city_name: str | None = None) -> str:
        r = self.r
        _, city, dists, _ = r.choice([p for p in PROVINCES if p[1] == city_name] or PROVINCES)
        return f"{city}{r.choice(dists)}{r.choice(ROADS)}{r.randint(1, 399)}号{r.choice(['商务大厦', '写字楼', '工业园', '国际广场'])}{r.randint(1, 30)}{r.randint(1, 20):02d}号"

    def email(self) -> str:
        r = self.r
        user = r.choice(["zhangwei", "liyan", "wxm", "chen", "huanghao", "star", "yy", "lucky"]) + str(
            r.randint(1, 9999)
        )
        if r.random() < 0.4:
            user = str(r.randint(10000000, 3999999999))
        return f"{user}@{r.choice(EMAIL_DOM)}"

    def city_bureau(self) -> tuple[str, str, str]:
        r = self.r
        _, city, dists, _ = r.choice(PROVINCES)
        short = city[:2]
        kind = r.choice(["稽查局", "第一稽查局", "第二稽查局", dists[0] + "税务局"])
        return (
            f"国家税务总局{city}税务局{kind}" if "区" not in kind else f"国家税务总局{city}{kind}",
            short,
            city,
        )

    def amount(self) -> str:
        r = self.r
        v = r.randint(1000, 99999999) / 100
        return f"{v:,.2f}元" if r.random() < 0.3 else f"{v:.2f}元"

    def date(self) -> str:
        r = self.r
        return f"{r.randint(2022, 2026)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"


# ------------------------------------------------------------------ doc builder
class Doc:
    def __init__(self) -> None:
        self.buf: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []

    def t(self, s: str) -> Doc:
        self.buf.append(s)
        self.pos += len(s)
        return self

    def v(self, s: str, kind: str, typ: str, tags=(), core: tuple[int, int] | None = None) -> Doc:
        sp = {
            "start": self.pos,
            "end": self.pos + len(s),
            "kind": kind,
            "type": typ,
            "tags": sorted(set(tags)),
        }
        if core is not None and core != (0, len(s)):
            sp["core_start"] = self.pos + core[0]
            sp["core_end"] = self.pos + core[1]
        self.spans.append(sp)
        return self.t(s)

    # shortcuts
    def pub(self, s: str, typ: str, tags=()) -> Doc:
        return self.v(s, "public", typ, tags)

    def name(self, p: dict, tags=()) -> Doc:
        n = p["name"]
        return self.v(n, "personal", "person_name", list(p["tags"]) + list(tags), (p["core"], len(n)))

    def idno(self, s: str, tags=(), typ: str = "id_number") -> Doc:
        digits = [i for i, c in enumerate(s) if c.isalnum()]
        # core = birth date + sequence (7th..17th significant character)
        return self.v(s, "personal", typ, tags, (digits[6], digits[16] + 1))

    def phone(self, s: str, tags=()) -> Doc:
        digits = [i for i, c in enumerate(s) if c.isdigit()]
        return self.v(s, "personal", "phone", tags, (digits[-8], digits[-1] + 1))

    def official(self, s: str) -> Doc:
        return self.v(s, "public", "official_name", ["published_by_policy"])

    def masked(self, s: str, typ: str) -> Doc:
        return self.v(s, "masked", typ, ["pre_masked"])

    @property
    def text(self) -> str:
        return "".join(self.buf)


class Builder:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.g = Gen(rng)

    # ----- person identity helpers ----------------------------------------
    def person_ident(self, d: Doc, p: dict, label: bool = True) -> None:
        """Write the identity document of a person (depends on origin)."""
        if "ident" not in p:
            sub = Doc()
            self._person_ident(sub, p)
            p["ident"] = (sub.buf, sub.spans)
        bufs, spans = p["ident"]
        labels = bufs[0] if len(bufs) > 1 else ""
        if label and labels:
            d.t(labels)
        value_span = spans[0]
        off = value_span["start"]
        val = "".join(bufs)[off : value_span["end"]]
        core = None
        if "core_start" in value_span:
            core = (value_span["core_start"] - off, value_span["core_end"] - off)
        d.v(val, "personal", value_span["type"], value_span["tags"], core)

    def _person_ident(self, d: Doc, p: dict) -> None:
        label = True
        r, g = self.r, self.g
        o = p["origin"]
        if o == "mainland":
            s = g.id_number()
            tags = []
            if r.random() < 0.08:
                s = s[:6] + " " + s[6:14] + " " + s[14:]
                tags.append("spaced_digits")
            elif r.random() < 0.06:
                s = s.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
                tags.append("fullwidth_digits")
            elif s.endswith("X") and r.random() < 0.5:
                s = s[:-1] + "x"
                tags.append("lowercase_x")
            lab = r.choice(
                ["身份证号码：", "居民身份证号码：", "身份证件号码：", "证件号码：", "纳税人识别号："]
            )
            if label:
                d.t(lab)
            d.idno(s, tags, "taxpayer_id_personal" if "纳税人" in lab else "id_number")
        elif o in ("HK", "MO", "TW"):
            if r.random() < 0.5:
                prefix = {"HK": "810000", "MO": "820000", "TW": "830000"}[o]
                s = g.id_number(hkmt=prefix)
                d.t("港澳台居民居住证号码：" if label else "")
                d.idno(s, ["hk_mo_tw", "residence_permit"], "permit_number")
            else:
                if o == "TW":
                    s = "".join(str(r.randint(0, 9)) for _ in range(8))
                    d.t("台湾居民来往大陆通行证号码：" if label else "")
                else:
                    s = ("H" if o == "HK" else "M") + "".join(str(r.randint(0, 9)) for _ in range(8))
                    d.t("港澳居民来往内地通行证号码：" if label else "")
                d.v(s, "personal", "permit_number", ["hk_mo_tw"], (len(s) - 6, len(s)))
        else:
            nat = r.choice(NATIONS)
            s = r.choice("EGPKMN") + "".join(str(r.randint(0, 9)) for _ in range(8))
            d.t(f"国籍：{nat}，护照号码：" if label else "")
            d.v(s, "personal", "passport", ["foreigner"], (len(s) - 6, len(s)))

    def home(self, d: Doc, tags=()) -> None:
        a, c = self.g.home_address()
        d.v(a, "personal", "home_address", list(tags), (c, len(a)))

    def email(self, d: Doc) -> None:
        e = self.g.email()
        d.v(e, "personal", "email", [], (0, e.index("@")))

    def bank(self, d: Doc) -> None:
        bank, card = self.g.bank_card()
        d.t(f"开户行：{bank}，银行卡号：")
        d.v(card, "personal", "bank_card", [], (6, len(card)))

    def header(self, d: Doc, title: str) -> tuple[str, str, str]:
        bureau, short, city = self.g.city_bureau()
        d.pub(bureau, "authority_name").t("\n" + title + "\n")
        num = f"{short}税{self.r.choice(['稽', '一稽', '二稽'])}{self.r.choice(['罚', '处', '告', '通'])}〔{self.r.randint(2023, 2026)}〕{self.r.randint(1, 300)}号"
        d.pub(num, "doc_number").t("\n")
        return bureau, short, city

    def footer(self, d: Doc, bureau: str, city: str) -> None:
        r = self.r
        if r.random() < 0.5:
            d.t("联系人：")
            n, _, _ = self.g.han_name()
            d.official(n)
            d.t("，联系电话：")
            d.pub(f"0{r.randint(10, 999)}-{r.randint(2000000, 89999999)}", "bureau_phone")
            d.t("\n")
        if r.random() < 0.5:
            d.t("地址：")
            d.pub(self.g.biz_address(city).replace("商务大厦", "税务大楼"), "bureau_address")
            d.t("\n")
        if r.random() < 0.4:
            d.t("纳税服务热线：").pub("12366", "hotline").t("，网址：")
            d.pub(
                r.choice(
                    [
                        "https://guangxi.chinatax.gov.cn",
                        "http://hunan.chinatax.gov.cn/",
                        "https://www.chinatax.gov.cn",
                    ]
                ),
                "url",
            ).t("\n")
        d.pub(bureau, "authority_name").t("\n").pub(self.g.date(), "date").t("\n")

    def officers(self, d: Doc) -> None:
        d.t("执法人员：")
        for i in range(2):
            n, _, _ = self.g.han_name()
            if i:
                d.t("、")
            d.official(n)
            d.t("（执法证号：")
            d.v(
                f"{self.r.randint(45000000000, 45999999999)}",
                "public",
                "badge_number",
                ["published_by_policy"],
            )
            d.t("）")
        d.t("。")

    # ----- prose documents --------------------------------------------------
    def prose(self, cat: str) -> Doc:
        r, g = self.r, self.g
        d = Doc()
        title = {
            "iit_annual": "税务行政处罚决定书",
            "property": "税务处理决定书",
            "invoice": "税务行政处罚决定书",
            "export_refund": "税务处理决定书",
            "social_fee": "社会保险费催缴通知书",
            "nontax": "非税收入欠缴公告",
            "quota": "个体工商户定额核定通知书",
            "penalty": "税务行政处罚决定书",
            "service": "税务文书送达公告",
            "reply": "政府信息公开申请答复书",
            "review": "税务行政复议决定书",
            "tipoff": "检举事项处理情况答复",
        }[cat]
        bureau, short, city = self.header(d, title)
        p = g.person()
        d.name(p).t("（")
        self.person_ident(d, p)
        if r.random() < 0.6:
            d.t(r.choice(["，住址：", "，住所：", "，户籍地址：", "，现住", "，经常居住地："]))
            self.home(d)
        d.t("）：\n")
        if cat == "iit_annual":
            job = r.choice(
                ["网络主播", "某明星工作室工作人员", "医生", "带货主播", "自由职业者", "演员经纪人"]
            )
            d.t(f"经查，你系{job}，")
            if "主播" in job:
                d.t("在")
                d.pub(g.company(), "company_name")
                d.t("旗下平台直播，")
            if "医生" in job:
                d.t("任职于")
                d.pub(city + r.choice(["第一人民医院", "中医院", "妇幼保健院"]), "company_name")
                d.t("，")
            d.t(
                f"{r.randint(2020, 2024)}年度取得工资薪金、劳务报酬等综合所得，未依法办理个人所得税综合所得汇算清缴，少缴个人所得税"
            )
            d.pub(g.amount(), "amount").t("。")
            if r.random() < 0.5:
                d.t("相关款项经由你本人")
                self.bank(d)
                d.t("收取。")
        elif cat == "property":
            d.t("你于")
            d.pub(g.date(), "date")
            d.t("将位于")
            self.home(d, ["property_address"])
            d.t("的住房出售给")
            q = g.person()
            d.name(q, ["counterparty"]).t("（")
            self.person_ident(d, q)
            d.t("），合同价")
            d.pub(g.amount(), "amount")
            d.t("，申报价格明显偏低且无正当理由，少缴个人所得税、增值税及附加")
            d.pub(g.amount(), "amount").t("。")
        elif cat == "invoice":
            co = g.company()
            d.t("经查，你作为")
            d.pub(co, "company_name")
            d.t("（统一社会信用代码：").pub(g.uscc(), "uscc").t("）实际控制人，")
            d.t(r.choice(["在无真实交易的情况下，为", "通过税务机关代开发票，为"]))
            d.pub(g.company(), "company_name")
            d.t("虚开增值税专用发票")
            d.t(f"{r.randint(2, 80)}份，发票代码：")
            d.pub(f"{r.randint(3100, 5100)}{r.randint(15, 23)}{r.randint(1000, 3999)}", "invoice_code")
            d.t("，发票号码：").pub(f"{r.randint(0, 99999999):08d}", "invoice_number")
            d.t("，金额合计").pub(g.amount(), "amount").t("。开票人")
            q = g.person()
            d.name(q, ["name_after_role"]).t("，收款人")
            q2 = g.person()
            d.name(q2, ["name_after_role"]).t("，受票方经办人")
            q3 = g.person()
            d.name(q3, ["name_after_role"]).t("（联系电话：")
            d.phone(g.mobile())
            d.t("）。")
        elif cat == "export_refund":
            co = city + r.choice(CO_PREFIX) + "进出口有限公司"
            d.t("你作为").pub(co, "company_name").t("（纳税人识别号：").pub(g.uscc(), "uscc")
            d.t("，地址：").pub(g.biz_address(), "company_address")
            d.t("）法定代表人，该公司以假报出口方式骗取出口退税")
            d.pub(g.amount(), "amount").t("，报关单号").pub(
                f"{r.randint(5000, 5399)}{r.randint(2023, 2026)}{r.randint(0, 999999999):09d}",
                "customs_number",
            )
            d.t("。")
        elif cat in ("social_fee", "nontax"):
            kind = "城乡居民基本养老保险费" if cat == "social_fee" else "土地闲置费"
            d.t("截至").pub(g.date(), "date").t(f"，你欠缴{kind}").pub(g.amount(), "amount")
            d.t("，请于收到本通知之日起15日内缴清。联系电话（本人预留）：")
            d.phone(g.mobile())
            d.t("。")
        elif cat == "quota":
            shop = city + r.choice(SHOP_WORD) + r.choice(SHOP_KIND)
            d.t("你经营的").pub(shop, "shop_name").t("（经营地址：").pub(g.biz_address(), "company_address")
            d.t("），经典型调查核定月定额营业额").pub(g.amount(), "amount").t("，执行期限自").pub(
                g.date(), "date"
            ).t("起。")
        elif cat == "penalty":
            d.t("经我局于").pub(g.date(), "date").t("对你").t("进行检查，发现你")
            d.t(
                r.choice(["取得应税所得未申报纳税，", "转让股权未申报个人所得税，", "隐匿收入进行虚假申报，"])
            )
            d.t("少缴税款").pub(g.amount(), "amount").t(
                "。依据《中华人民共和国税收征收管理法》第六十三条第一款，对你处以罚款"
            )
            d.pub(g.amount(), "amount").t("。")
        elif cat == "service":
            d.t("因采用其他送达方式无法送达，现将").pub(
                f"{short}税稽处〔2026〕{r.randint(1, 99)}号", "doc_number"
            )
            d.t("予以公告送达。你的电子邮箱")
            self.email(d)
            d.t("及手机").phone(g.mobile()).t("均无法联系。")
        elif cat == "reply":
            d.t("你于").pub(g.date(), "date").t("通过电子邮件（")
            self.email(d)
            d.t("）提出政府信息公开申请，要求公开").pub(g.company(), "company_name").t(
                "的处罚信息。经审查，相关信息已主动公开。"
            )
            if r.random() < 0.5:
                d.t("你的委托代理人").pub(r.choice(LAW_FIRMS), "law_firm").t("律师")
                d.name(g.person(), ["lawyer"]).t("。")
        elif cat == "review":
            d.t("申请人不服被申请人").pub(bureau, "authority_name").t("作出的")
            d.pub(f"{short}税稽罚〔2025〕{r.randint(1, 99)}号", "doc_number").t("处罚决定，委托代理人")
            d.pub(r.choice(LAW_FIRMS), "law_firm").t("律师").name(g.person(), ["lawyer"])
            d.t("，联系电话").phone(g.mobile()).t("。本机关决定维持原决定。")
        else:  # tipoff
            d.t("你检举").pub(g.company(), "company_name").t("（统一社会信用代码：").pub(g.uscc(), "uscc")
            d.t("）的事项，经查，该公司股东").name(g.person(), ["name_no_label"]).t("名下")
            self.bank(d)
            d.t("存在收取货款未入账情况，已依法处理。")
        # already-masked references
        if r.random() < 0.35:
            d.t("另查明，").masked(r.choice(["张某某", "陶**", "李某", "XXX", "王某甲"]), "masked_name")
            d.t("（证件号码").masked(
                r.choice(["4301********1234", "450103********002X", "5101**********3215"]), "masked_id"
            )
            d.t("，电话").masked(r.choice(["138****5678", "159****0021", "186****3307"]), "masked_phone").t(
                "）已另案处理。"
            )
        if r.random() < 0.15:
            d.t("你登记的退（扣）款账户")
            self.bank(d)
            d.t("。")
        if r.random() < 0.4:
            d.t("你的联系电话")
            d.phone(r.choice(["", "+86 ", "0086-"]) + g.mobile())
            d.t("，电子邮箱")
            self.email(d)
            d.t("。")
        d.t("\n如对本决定不服，可自收到本决定书之日起六十日内依法向").pub(
            bureau.split("税务局")[0] + "税务局", "authority_name"
        ).t("申请行政复议。\n")
        if r.random() < 0.6:
            self.officers(d)
            d.t("\n")
        self.footer(d, bureau, city)
        return d

    # ----- table documents ------------------------------------------------
    def table(self, cat: str) -> tuple[Doc, str]:
        r, g = self.r, self.g
        d = Doc()
        title = {
            "credit_d": "纳税信用D级纳税人名单",
            "abnormal_release": "非正常户解除名单",
            "deregister": "注销税务登记公告",
            "arrears": "欠税公告",
            "social_fee": "社会保险费欠缴人员名单",
            "quota": "个体工商户定额核定公示",
            "service": "税务文书公告送达名单",
            "shuanggongshi": "行政处罚双公示信息",
        }[cat]
        bureau, _, city = self.header(d, title)
        flat = r.choice(["pipe", "tab", "kv", "csv", "space", "cells_per_line"])
        cols = ["序号", "纳税人名称", "纳税人识别号", "法定代表人（负责人）姓名", "身份证件号码"]
        if cat in ("arrears", "social_fee"):
            cols += ["经营地点", "欠缴金额"]
        elif cat == "quota":
            cols += ["经营地址", "月定额"]
        elif cat == "service":
            cols += ["文书名称", "联系电话"]
        else:
            cols += ["认定日期"]
        rows = r.randint(2, 6)
        sep = {"pipe": " | ", "tab": "\t", "csv": ",", "space": "  ", "cells_per_line": "\n"}.get(flat, "")
        if flat != "kv":
            if flat == "pipe":
                d.t("| ")
            d.t(sep.join(cols))
            d.t(" |\n" if flat == "pipe" else "\n")
            if flat == "cells_per_line":
                d.t("\n")
        for i in range(rows):
            p = g.person()
            individual = r.random() < 0.45 or cat == "social_fee"
            cells: list = []
            cells.append(("t", str(i + 1)))
            if individual:
                if cat == "quota" or (cat != "social_fee" and r.random() < 0.5):
                    cells.append(("pub", city + r.choice(SHOP_WORD) + r.choice(SHOP_KIND), "shop_name"))
                else:
                    cells.append(("name", p, ["table_cell"]))
                cells.append(("ident", p))
                cells.append(("name", p, ["table_cell", "repeated"]))
                cells.append(("ident", p))
            else:
                cells.append(("pub", g.company(), "company_name"))
                cells.append(("pub", g.uscc(), "uscc"))
                cells.append(("name", p, ["table_cell", "legal_rep"]))
                cells.append(("ident", p))
            if cat in ("arrears", "social_fee"):
                if individual and r.random() < 0.6:
                    cells.append(("home", ["table_cell", "individual_business_place"]))
                else:
                    cells.append(("pub", g.biz_address(), "company_address"))
                cells.append(("pub", g.amount(), "amount"))
            elif cat == "quota":
                cells.append(("pub", g.biz_address(), "company_address"))
                cells.append(("pub", g.amount(), "amount"))
            elif cat == "service":
                cells.append(("t", r.choice(["税务处理决定书", "税务行政处罚决定书", "责令限期改正通知书"])))
                cells.append(("phone",))
            else:
                cells.append(("pub", g.date(), "date"))
            if flat == "kv":
                d.t(f"【{i + 1}】\n")
            elif flat == "pipe":
                d.t("| ")
            for j, c in enumerate(cells):
                if flat == "kv":
                    if j == 0:
                        continue
                    d.t(cols[j] + "：")
                elif j:
                    d.t(sep)
                self.cell(d, c)
                if flat == "kv":
                    d.t("\n")
            d.t(" |\n" if flat == "pipe" else "\n")
            if flat == "cells_per_line":
                d.t("\n")
        if r.random() < 0.3:
            d.t("（注：已公开人员").masked(r.choice(["刘某某", "黄**", "XXX"]), "masked_name").t(
                "信息已脱敏）\n"
            )
        self.footer(d, bureau, city)
        return d, flat

    def cell(self, d: Doc, c: tuple) -> None:
        if c[0] == "t":
            d.t(c[1])
        elif c[0] == "pub":
            d.pub(c[1], c[2])
        elif c[0] == "name":
            d.name(c[1], c[2])
        elif c[0] == "ident":
            self.person_ident(d, c[1], label=False)
        elif c[0] == "home":
            self.home(d, c[1])
        elif c[0] == "phone":
            d.phone(self.g.mobile(), ["table_cell"])


# --------------------------------------------------------------- degradations
def pdf_wrap(text: str, spans: list[dict], rng: random.Random) -> tuple[str, list[dict]]:
    """Insert hard line breaks every ~36-40 chars, as pdftotext does; shift spans."""
    width = rng.randint(34, 40)
    inserts: list[int] = []
    col = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            col = 0
            continue
        col += 1
        if col >= width and i + 1 < len(text) and text[i + 1] != "\n":
            inserts.append(i + 1)
            col = 0
    out = []
    prev = 0
    for k in inserts:
        out.append(text[prev:k])
        out.append("\n")
        prev = k
    out.append(text[prev:])

    def shift(x: int, is_end: bool) -> int:
        # positions strictly before x (or equal for starts) get a newline inserted
        return x + sum(1 for k in inserts if (k < x if is_end else k <= x))

    for sp in spans:
        inside = any(sp["start"] < k < sp["end"] for k in inserts)
        sp["start"] = shift(sp["start"], False)
        sp["end"] = shift(sp["end"], True)
        if "core_start" in sp:
            sp["core_start"] = shift(sp["core_start"], False)
            sp["core_end"] = shift(sp["core_end"], True)
        sp["tags"] = sorted(set(sp["tags"]) | {"pdf_wrap_doc"} | ({"wrap_inside"} if inside else set()))
    return "".join(out), spans


OCR_MAP = {
    "0": "O",
    "1": "l",
    "5": "S",
    "8": "B",
    "：": ":",
    "，": ",",
    "（": "(",
    "）": ")",
    "号": "弓",
    "区": "囚",
}


def ocr_noise(text: str, spans: list[dict], rng: random.Random, inside: bool) -> str:
    """Same-length character confusions, either inside personal values or only outside any span."""
    chars = list(text)
    covered = [None] * len(text)
    for sp in spans:
        for i in range(sp["start"], sp["end"]):
            covered[i] = sp
    if inside:
        personal = [sp for sp in spans if sp["kind"] == "personal" and sp["type"] != "person_name"]
        for sp in rng.sample(personal, min(len(personal), 2)):
            cand = [i for i in range(sp["start"], sp["end"]) if chars[i] in "0158"]
            if cand:
                i = rng.choice(cand)
                chars[i] = OCR_MAP[chars[i]]
                sp["tags"] = sorted(set(sp["tags"]) | {"ocr_inside"})
    else:
        cand = [i for i, c in enumerate(chars) if covered[i] is None and c in OCR_MAP]
        for i in rng.sample(cand, min(len(cand), 6)):
            chars[i] = OCR_MAP[chars[i]]
        for sp in spans:
            sp["tags"] = sorted(set(sp["tags"]) | {"ocr_outside_doc"})
    return "".join(chars)


PROSE_CATS = (
    ["iit_annual"] * 4
    + ["property"] * 3
    + ["invoice"] * 4
    + ["export_refund"] * 2
    + [
        "social_fee",
        "nontax",
        "quota",
        "penalty",
        "penalty",
        "penalty",
        "service",
        "service",
        "reply",
        "review",
        "tipoff",
    ]
)
TABLE_CATS = [
    "credit_d",
    "abnormal_release",
    "deregister",
    "arrears",
    "social_fee",
    "quota",
    "service",
    "shuanggongshi",
]


def build() -> list[dict]:
    rng = random.Random(SEED)
    b = Builder(rng)
    docs = []
    for n in range(N_DOCS):
        if n % 5 < 3:
            cat = rng.choice(PROSE_CATS)
            d = b.prose(cat)
            layout = "prose"
        else:
            cat = rng.choice(TABLE_CATS)
            d, flat = b.table(cat)
            layout = "table_" + flat
        text, spans = d.text, d.spans
        x = rng.random()
        if x < 0.30:
            text, spans = pdf_wrap(text, spans, rng)
            layout += "+pdf_wrap"
        y = rng.random()
        if y < 0.18:
            inside = rng.random() < 0.5
            text = ocr_noise(text, spans, rng, inside)
            layout += "+ocr_inside" if inside else "+ocr_outside"
        doc = {"id": f"m17-{n:03d}", "category": cat, "layout": layout, "text": text, "spans": spans}
        check(doc, d)
        docs.append(doc)
    return docs


def check(doc: dict, d: Doc) -> None:
    spans = sorted(doc["spans"], key=lambda s: s["start"])
    text = doc["text"]
    for a, b2 in zip(spans, spans[1:], strict=False):
        assert a["end"] <= b2["start"], (doc["id"], a, b2)
    for sp in spans:
        v = text[sp["start"] : sp["end"]]
        assert v and v == v.strip(), (doc["id"], sp, v)
        if "wrap_inside" not in sp["tags"]:
            assert "\n" not in v, (doc["id"], sp, v)
        if "core_start" in sp:
            assert sp["start"] <= sp["core_start"] < sp["core_end"] <= sp["end"], (doc["id"], sp)


def main() -> None:
    docs = build()
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(docs)} documents to {OUT}")


if __name__ == "__main__":
    main()
