"""Generate masking evaluation set 18: one year of publications of an invented
Hunan provincial tax bureau. Deterministic (fixed seed), no network.

Usage: python generate.py  -> writes corpus.jsonl next to this file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 18_2026
HERE = Path(__file__).resolve().parent
R = random.Random(SEED)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
COMPOUND = ["欧阳", "司马", "诸葛", "上官"]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌辉鹏宇浩凯晨欣雨婷子涵梓轩思远海波德胜春梅永新继承"
CITIES = [
    ("长沙市", "430100", ["岳麓区", "芙蓉区", "天心区", "开福区", "雨花区"], "0731"),
    ("株洲市", "430200", ["荷塘区", "芦淞区", "天元区"], "0731"),
    ("湘潭市", "430300", ["雨湖区", "岳塘区"], "0731"),
    ("衡阳市", "430400", ["蒸湘区", "石鼓区", "珠晖区"], "0734"),
    ("岳阳市", "430600", ["岳阳楼区", "云溪区"], "0730"),
    ("常德市", "430700", ["武陵区", "鼎城区"], "0736"),
]
ROADS = [
    "麓山南路",
    "五一大道",
    "芙蓉中路",
    "韶山北路",
    "车站北路",
    "人民西路",
    "解放东路",
    "建设路",
    "迎宾路",
    "光明街",
]
ESTATES = ["金域华府", "橘园小区", "湘江世纪城", "碧桂园", "幸福里小区", "阳光100", "凤凰新村", "桃花苑"]
TRADES = ["贸易", "建材", "商贸", "科技", "物流", "餐饮管理", "建筑劳务", "医药", "农业开发", "电子"]
WORDS = ["鑫盛", "华瑞", "湘润", "宏达", "恒通", "荣昌", "麓谷", "天成", "聚源", "金桥", "新锐", "博远"]
SHOPS = ["粉店", "五金店", "便利店", "小吃店", "烟酒店", "理发店", "建材经营部", "手机维修部"]
LAWFIRMS = ["湖南湘江律师事务所", "湖南金州律师事务所", "湖南启元律师事务所", "湖南天地人律师事务所"]
MASKED = ["张某某", "陶**", "李某", "王某某", "XXX", "刘*"]


def pick(seq):
    return seq[R.randrange(len(seq))]


# ---------------------------------------------------------------- values


def name() -> tuple[str, int]:
    """Return (full name, length of surname)."""
    s = pick(COMPOUND) if R.random() < 0.05 else pick(SURNAMES)
    g = "".join(pick(GIVEN) for _ in range(R.choice([1, 2, 2, 2])))
    return s + g, len(s)


def id_number(city_code: str) -> str:
    area = city_code[:4] + R.choice(["02", "03", "04", "11", "21", "81"])
    y = R.randint(1955, 2002)
    body = f"{area}{y}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    c = "10X98765432"[sum(int(a) * b for a, b in zip(body, w, strict=True)) % 11]
    return body + c


def luhn_card() -> str:
    prefix = pick(["622202", "621700", "622848", "621226", "623052", "622588"])
    n = R.choice([16, 19])
    body = prefix + "".join(str(R.randrange(10)) for _ in range(n - 7))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(city_code: str) -> str:
    body = "91" + city_code[:4] + R.choice(["02", "03", "04", "05"])
    body += "".join(pick(USCC_CHARS) for _ in range(9))
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CHARS.index(c) * x for c, x in zip(body, w, strict=True))
    return body + USCC_CHARS[(31 - s % 31) % 31]


def mobile() -> str:
    return pick(["138", "139", "152", "158", "173", "180", "186", "199"]) + "".join(
        str(R.randrange(10)) for _ in range(8)
    )


def fmt_mobile(m: str) -> tuple[str, str]:
    style = R.choice(["plain", "plain", "dash", "space", "plus86"])
    if style == "dash":
        return f"{m[:3]}-{m[3:7]}-{m[7:]}", "phone_dashed"
    if style == "space":
        return f"{m[:3]} {m[3:7]} {m[7:]}", "phone_spaced"
    if style == "plus86":
        return "+86 " + m, "phone_plus86"
    return m, ""


def fmt_id(i: str) -> tuple[str, str]:
    style = R.random()
    if style < 0.12:
        return f"{i[:6]} {i[6:14]} {i[14:]}", "id_spaced"
    if style < 0.2 and i.endswith("X"):
        return i[:-1] + "x", "id_lower_x"
    return i, ""


# ---------------------------------------------------------------- builder


class Doc:
    def __init__(self, category: str, layout: str) -> None:
        self.category = category
        self.layout = layout
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.pos = 0

    def t(self, s: str) -> Doc:
        self.parts.append(s)
        self.pos += len(s)
        return self

    def v(self, value: str, kind: str, typ: str, tags=(), core: tuple[int, int] | None = None) -> Doc:
        sp = {
            "start": self.pos,
            "end": self.pos + len(value),
            "kind": kind,
            "type": typ,
            "tags": [t for t in tags if t],
        }
        if core is not None:
            sp["core_start"] = self.pos + core[0]
            sp["core_end"] = self.pos + core[1]
        self.spans.append(sp)
        return self.t(value)

    # personal values
    def person(self, role: str, tags=()) -> Doc:
        n, sl = name()
        return self.v(n, "personal", "person_name", [f"role:{role}", *tags], (sl, len(n)))

    def idno(self, city, tags=(), typ="id_number") -> Doc:
        raw = id_number(city[1])
        val, tag = fmt_id(raw)
        core_s = 7 if " " in val else 6
        core_e = len(val) - 1
        return self.v(val, "personal", typ, [tag, *tags], (core_s, core_e))

    def phone(self, tags=()) -> Doc:
        val, tag = fmt_mobile(mobile())
        return self.v(
            val,
            "personal",
            "phone",
            [tag, *tags],
            (len(val) - 9 if "-" in val or " " in val[-5:] else len(val) - 8, len(val)),
        )

    def home(self, city, tags=()) -> Doc:
        c, _, dists, _ = city
        style = R.random()
        road = pick(ROADS)
        num = f"{R.randint(1, 399)}号"
        est = pick(ESTATES)
        unit = f"{R.randint(1, 30)}栋{R.randint(1, 4)}单元{R.randint(1, 32)}{R.randint(1, 8):02d}室"
        if style < 0.35:
            pre = "湖南省" + c + pick(dists)
            rest = road + num + est + unit
            tag = "addr_full"
        elif style < 0.6:
            pre = c + pick(dists)
            rest = est + unit.replace("栋", "-").replace("单元", "-").replace("室", "")
            tag = "addr_dash_form"
        elif style < 0.8:
            pre = pick(dists)
            rest = (
                pick(["东塘街道", "望月湖街道", "洞井镇", "黄花镇"])
                + pick(["联丰村", "新桥村", "光明村"])
                + f"{R.randint(1, 20)}组{R.randint(1, 80)}号"
            )
            tag = "addr_rural"
        else:
            pre = ""
            rest = est + unit
            tag = "addr_estate_only"
        val = pre + rest
        return self.v(val, "personal", "home_address", [tag, *tags], (len(pre), len(val)))

    def email(self, tags=()) -> Doc:
        local = pick(["zhang", "liwei", "hnwang", "chenxi", "yang", "tanglin"]) + str(R.randint(10, 9999))
        val = local + "@" + pick(["qq.com", "163.com", "126.com", "sina.com"])
        if R.random() < 0.5:
            val = str(R.randint(10000000, 999999999)) + "@qq.com"
        return self.v(val, "personal", "email", tags, (0, val.index("@")))

    def card(self, tags=()) -> Doc:
        c = luhn_card()
        tag = ""
        if R.random() < 0.2:
            c = " ".join(c[i : i + 4] for i in range(0, len(c), 4))
            tag = "card_grouped"
        return self.v(c, "personal", "bank_card", [tag, *tags], (6, len(c) - 4))

    def passport(self, tags=()) -> Doc:
        style = R.random()
        if style < 0.4:
            val, typ = "E" + str(R.randint(10000000, 99999999)), "passport"
        elif style < 0.7:
            val, typ = "C" + str(R.randint(10000000, 99999999)), "hk_macau_permit"
        else:
            val, typ = "H" + str(R.randint(1000000000, 9999999999)), "home_return_permit"
        return self.v(val, "personal", typ, tags, (1, len(val)))

    # public values
    def pub(self, value: str, typ: str, tags=()) -> Doc:
        return self.v(value, "public", typ, tags)

    def official(self) -> Doc:
        n, _ = name()
        return self.v(n, "public", "official_name", ["published_by_policy"])

    def masked(self) -> Doc:
        return self.v(pick(MASKED), "masked", "masked_name")

    def masked_num(self) -> Doc:
        style = R.random()
        if style < 0.5:
            val = "4301" + "*" * 10 + str(R.randint(1000, 9999))
            typ = "masked_id"
        else:
            val = pick(["138", "139", "186"]) + "****" + str(R.randint(1000, 9999))
            typ = "masked_phone"
        return self.v(val, "masked", typ)

    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------- world

PROV_BUREAU = "国家税务总局湖南省税务局"


def city_bureau(city) -> dict:
    c, code, dists, area = city
    n = R.choice(["第一", "第二", "第三"])
    return {
        "name": f"国家税务总局{c}税务局{n}稽查局",
        "abbr": "湘" + c[:1] + "税" + n[1:] + "稽",
        "addr": f"{c}{pick(dists)}{pick(ROADS)}{R.randint(1, 300)}号",
        "phone": f"{area}-8{R.randint(1000000, 9999999)}",
        "dist_bureau": f"国家税务总局{c}{pick(dists)}税务局",
    }


def company(city) -> dict:
    c, code, dists, area = city
    return {
        "name": f"{c[:-1]}{pick(WORDS)}{pick(TRADES)}有限公司",
        "uscc": uscc(code),
        "addr": f"{c}{pick(dists)}{pick(ROADS)}{R.randint(1, 500)}号{pick(['', '财富中心', '创业大厦'])}{R.randint(2, 30)}楼{R.randint(1, 20):02d}号",
        "phone": f"{area}-8{R.randint(1000000, 9999999)}",
    }


def docno(b, kind="罚") -> str:
    return f"{b['abbr']}{kind}〔{R.choice([2025, 2026])}〕{R.randint(1, 300)}号"


def date() -> str:
    return f"{R.choice([2025, 2026])}年{R.randint(1, 12)}月{R.randint(1, 28)}日"


def amount() -> str:
    return f"{R.randint(1, 9999999) / 100:,.2f}".replace(",", R.choice([",", ""]))


def footer(d: Doc, b) -> None:
    d.t("\n联系地址：").pub(b["addr"], "bureau_address").t("\n联系电话：").pub(b["phone"], "bureau_phone")
    if R.random() < 0.6:
        d.t("\n联系人：").official()
    if R.random() < 0.5:
        d.t("\n纳税服务热线：").pub("12366", "hotline")
    if R.random() < 0.5:
        d.t("\n网址：").pub("https://hunan.chinatax.gov.cn", "web_address")
    d.t("\n\n").pub(b["name"], "authority_name").t("\n").pub(date(), "date").t("\n")


# ---------------------------------------------------------------- prose documents


def penalty_company(d: Doc, city, b) -> None:
    co = company(city)
    d.pub(b["name"], "authority_name").t("\n税务行政处罚决定书\n").pub(docno(b), "doc_number").t("\n\n")
    d.pub(co["name"], "company_name").t("（纳税人识别号：").pub(co["uscc"], "uscc").t("）：\n地址：").pub(
        co["addr"], "business_address"
    )
    d.t("\n法定代表人：").person("legal_rep").t("，身份证件号码：").idno(city).t("\n")
    d.t("    经我局（所）于").pub(date(), "date").t("至").pub(date(), "date").t("对你（单位）")
    d.t("的涉税情况进行检查，发现你单位取得").pub(
        co["name"][:2] + pick(WORDS) + "商贸有限公司", "company_name"
    )
    d.t("开具的增值税专用发票，发票代码：").pub(str(R.randint(4300000000, 4399999999)), "invoice_code")
    d.t("，发票号码：").pub(f"{R.randint(0, 99999999):08d}", "invoice_number").t("，金额").pub(
        amount(), "amount"
    ).t("元。")
    d.t("经查，上述发票系你单位财务负责人").person("finance_head", ["name_mid_sentence"]).t(
        "（联系电话："
    ).phone().t("）联系他人代开。")
    d.t("根据《中华人民共和国税收征收管理法》第六十三条，决定处以罚款").pub(amount(), "amount").t("元。\n")
    d.t("    执法人员：").official().t("、").official().t("\n")
    if R.random() < 0.4:
        d.t("    另查，前任出纳").masked().t("（手机").masked_num().t("）已另案处理。\n")
    d.t("    如对本决定不服，可自收到本决定书之日起六十日内依法向").pub(PROV_BUREAU, "authority_name").t(
        "申请行政复议。"
    )
    footer(d, b)


def penalty_person(d: Doc, city, b) -> None:
    d.pub(b["dist_bureau"], "authority_name").t("\n税务行政处罚决定书（简易）\n").pub(
        docno(b), "doc_number"
    ).t("\n\n被处罚人：")
    d.person("party")
    d.t("\n身份证号码：").idno(city).t("\n住址：").home(city).t("\n")
    if R.random() < 0.5:
        d.t("电子邮箱：").email().t("\n")
    d.t(f"    你（{pick(['个体工商户', '自然人', '其他个人'])}）于").pub(date(), "date").t(
        "未按规定期限办理纳税申报，"
    )
    d.t("违反了《中华人民共和国税收征收管理法》第二十五条规定。现决定对你处以").pub(
        f"{R.randint(2, 20) * 100}", "amount"
    ).t("元罚款。")
    d.t("罚款请于15日内缴至").pub(pick(["国家金库长沙市中心支库", "中国工商银行长沙分行"]), "bank_name").t(
        "。"
    )
    d.t("\n税务人员：").official()
    if R.random() < 0.5:
        d.t("\n被处罚人签字：").person("party_signature", ["signature_line"])
    footer(d, b)


def geti_penalty(d: Doc, city, b) -> None:
    d.pub(b["dist_bureau"], "authority_name").t("\n税务行政处罚决定书\n").pub(docno(b), "doc_number").t(
        "\n\n"
    )
    c = city
    shop = f"{c[0][:2]}{pick(['湘味', '福记', '老街', '顺发'])}{pick(SHOPS)}"
    d.t("当事人：").pub(shop, "shop_name").t("（经营者：").person("operator", ["name_in_parens"]).t("）\n")
    d.t("纳税人识别号：").idno(city, ["individual_tin"], typ="taxpayer_id_person").t("\n经营地址：")
    d.pub(f"{c[0]}{pick(c[2])}{pick(ROADS)}{R.randint(1, 300)}号门面", "business_address").t("\n")
    d.t("    经查，你户").pub(date(), "date").t("至").pub(date(), "date").t("期间取得经营收入").pub(
        amount(), "amount"
    )
    d.t("元未申报。经营者").person("operator", ["repeat_name"]).t("通过个人银行账户（账号").card().t(
        "）收取货款。"
    )
    d.t("决定处以少缴税款百分之五十的罚款").pub(amount(), "amount").t("元。\n执法人员：").official().t(
        "（执法证号："
    )
    d.pub(f"{R.randint(43000000000, 43999999999)}", "officer_cert_number").t("）")
    footer(d, b)


def treatment(d: Doc, city, b) -> None:
    co = company(city)
    d.pub(b["name"], "authority_name").t("\n税务处理决定书\n").pub(docno(b, "处"), "doc_number").t("\n\n")
    d.pub(co["name"], "company_name").t("（纳税人识别号：").pub(co["uscc"], "uscc").t("）：\n")
    d.t("    我局于").pub(date(), "date").t("对你公司（地址：").pub(co["addr"], "business_address").t(
        "）进行了检查。"
    )
    d.t("你公司向股东").person("shareholder", ["name_after_title"]).t("（身份证号：").idno(city).t("）借款")
    d.pub(amount(), "amount").t("元，年度终了未归还，应视同分红代扣代缴个人所得税。另，你公司以员工")
    d.person("employee").t("、").person("employee", ["name_list"]).t("名义发放工资，转入其个人账户").card().t(
        "。\n"
    )
    d.t("    限你公司自收到本决定书之日起15日内到").pub(b["dist_bureau"], "authority_name").t(
        "缴纳上述税款及滞纳金。"
    )
    footer(d, b)


def no_penalty(d: Doc, city, b) -> None:
    d.pub(b["dist_bureau"], "authority_name").t("\n不予税务行政处罚决定书\n").pub(
        docno(b, "不罚"), "doc_number"
    ).t("\n\n当事人：")
    d.person("party").t("，性别：").t(R.choice(["男", "女"])).t("，证件类型：居民身份证，证件号码：").idno(
        city
    )
    d.t("，联系电话：").phone().t("，住所：").home(city).t("\n    你于").pub(date(), "date")
    d.t(
        "首次发生未按期申报的违法行为，危害后果轻微，并在税务机关发现前主动改正。依据《税务行政处罚“首违不罚”事项清单》，决定不予行政处罚。"
    )
    footer(d, b)


def notice(d: Doc, city, b) -> None:
    co = company(city)
    d.pub(b["dist_bureau"], "authority_name").t("\n税务事项通知书\n").pub(docno(b, "通"), "doc_number").t(
        "\n\n"
    )
    d.pub(co["name"], "company_name").t("：\n    事由：责令限期改正。\n    你单位法定代表人").person(
        "legal_rep", ["name_after_title"]
    )
    d.t("、办税人员").person("tax_agent").t("（手机").phone().t("）未在规定期限内报送").pub(date(), "date").t(
        "所属期财务报表。"
    )
    d.t("请于").pub(date(), "date").t("前到").pub(b["addr"], "bureau_address").t(
        "办税服务厅办理。咨询电话："
    ).pub(b["phone"], "bureau_phone").t("。")
    footer(d, b)


def service_notice(d: Doc, city, b) -> None:
    d.t("送达公告\n").pub(docno(b, "公告"), "doc_number").t("\n\n")
    n = R.randint(1, 3)
    d.t(
        "    因下列受送达人下落不明，采用其他方式无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条，现将有关税务文书予以公告送达：\n"
    )
    for i in range(n):
        if R.random() < 0.5:
            co = company(city)
            d.t(f"    {i + 1}. ").pub(co["name"], "company_name").t("（统一社会信用代码").pub(
                co["uscc"], "uscc"
            ).t("，法定代表人")
            d.person("legal_rep").t("）：").pub(docno(b), "doc_number").t("；\n")
        else:
            d.t(f"    {i + 1}. ").person("addressee").t("（居民身份证号码").idno(city).t("，户籍地址：").home(
                city
            ).t("）：")
            d.pub(docno(b, "通"), "doc_number").t("；\n")
    d.t("    自公告之日起满三十日，即视为送达。")
    if R.random() < 0.3:
        d.t("此前已公告的").masked().t("（身份证号").masked_num().t("）不再重复公告。")
    footer(d, b)


def owed_tax(d: Doc, city, b) -> None:
    d.pub(PROV_BUREAU, "authority_name").t("欠税公告\n").pub(
        f"{R.choice([2025, 2026])}年第{R.randint(1, 4)}号", "doc_number"
    ).t("\n")
    d.t("    根据《中华人民共和国税收征收管理法》第四十五条，现将欠税情况公告如下：")
    for _ in range(R.randint(1, 3)):
        co = company(city)
        d.t("\n    纳税人名称：").pub(co["name"], "company_name").t("，纳税人识别号：").pub(
            co["uscc"], "uscc"
        )
        d.t("，法定代表人（负责人）姓名：").person("legal_rep").t("，身份证件号码：").idno(city)
        d.t("，经营地点：").pub(co["addr"], "business_address").t("，欠税余额：").pub(amount(), "amount").t(
            "元。"
        )
    footer(d, b)


def abnormal(d: Doc, city, b) -> None:
    d.pub(b["dist_bureau"], "authority_name").t(
        "关于认定非正常户的公告\n    下列纳税人未按规定期限申报，经实地核查，查无下落，认定为非正常户："
    )
    for _ in range(R.randint(1, 3)):
        if R.random() < 0.6:
            co = company(city)
            d.t("\n    ").pub(co["name"], "company_name").t("，").pub(co["uscc"], "uscc").t(
                "，负责人"
            ).person("legal_rep").t("；")
        else:
            d.t("\n    个体工商户").person("operator", ["name_after_title"]).t("，纳税人识别号").idno(
                city, ["individual_tin"], typ="taxpayer_id_person"
            ).t("；")
    footer(d, b)


def blacklist(d: Doc, city, b) -> None:
    co = company(city)
    d.t("重大税收违法失信主体信息\n纳税人名称：").pub(co["name"], "company_name").t(
        "\n统一社会信用代码："
    ).pub(co["uscc"], "uscc")
    d.t("\n注册地址：").pub(co["addr"], "business_address")
    d.t("\n法定代表人或者负责人姓名、性别、证件名称及号码：").person("legal_rep").t("，").t(
        R.choice(["男", "女"])
    ).t("，居民身份证，").idno(city)
    d.t("\n负有直接责任的财务负责人：").person("finance_head").t("，").t(R.choice(["男", "女"])).t(
        "，护照，"
    ).passport()
    d.t("\n负有直接责任的中介机构信息及其从业人员信息：").pub(pick(LAWFIRMS), "law_firm").t("，").person(
        "intermediary"
    )
    d.t("\n主要违法事实：经").pub(b["name"], "authority_name").t("检查，").pub(date(), "date").t("至").pub(
        date(), "date"
    )
    d.t("期间，对外虚开增值税专用发票").pub(str(R.randint(10, 900)), "amount").t("份，金额").pub(
        amount(), "amount"
    ).t("元。")
    d.t("\n相关法律依据及税务处理处罚情况：依法移送公安机关。")
    footer(d, b)


def ogi_reply(d: Doc, city, b) -> None:
    d.pub(PROV_BUREAU, "authority_name").t("\n政府信息公开申请答复书\n").pub(
        docno(b, "依复"), "doc_number"
    ).t("\n\n")
    d.person("applicant").t("：\n    本机关于").pub(date(), "date").t(
        "收到你通过信函方式提交的政府信息公开申请（你在申请表中登记的地址为"
    )
    d.home(city).t("，邮箱").email().t("），申请获取").pub(company(city)["name"], "company_name").t(
        "的纳税信用评价结果。"
    )
    d.t("经审查，该信息属于可以公开的范围，现随本答复书提供。")
    if R.random() < 0.4:
        d.t("你委托的代理人").person("agent", ["lawyer"]).t("律师（").pub(pick(LAWFIRMS), "law_firm").t(
            "，执业证号"
        ).v(f"1430{R.randint(10000000000, 99999999999)}", "personal", "lawyer_license", []).t(
            "）可一并领取。"
        )
    footer(d, b)


def review(d: Doc, city, b) -> None:
    d.pub(PROV_BUREAU, "authority_name").t("\n行政复议决定书\n").pub(docno(b, "复决"), "doc_number").t(
        "\n\n申请人："
    )
    d.person("applicant").t("，").t(R.choice(["男", "女"])).t("，").t(
        f"{R.randint(1950, 2000)}年{R.randint(1, 12)}月生"
    ).t("，公民身份号码")
    d.idno(city).t("，住").home(city).t("。\n委托代理人：").person("agent", ["lawyer"]).t("，").pub(
        pick(LAWFIRMS), "law_firm"
    ).t("律师。\n")
    d.t("被申请人：").pub(b["name"], "authority_name").t("，住所地").pub(b["addr"], "bureau_address").t(
        "。\n法定代表人："
    ).official().t("，局长。\n")
    d.t("    申请人不服被申请人作出的").pub(docno(b), "doc_number").t("《税务行政处罚决定书》，于").pub(
        date(), "date"
    )
    d.t("向本机关申请行政复议。本机关依法受理。申请人称，其已将款项转入").person(
        "third_party", ["name_mid_sentence"]
    ).t("的账户（")
    d.card().t("），不应认定为隐匿收入。\n    本机关认为……决定维持。")
    footer(d, b)


def report_reply(d: Doc, city, b) -> None:
    co = company(city)
    d.t("检举答复\n").person("whistleblower", ["salutation"]).t(R.choice(["先生", "女士"])).t(
        "：\n    你于"
    ).pub(date(), "date")
    d.t("通过12366热线（来电号码").phone().t("）检举").pub(co["name"], "company_name").t("（地址：").pub(
        co["addr"], "business_address"
    )
    d.t("）涉嫌少缴税款一案，经").pub(b["name"], "authority_name").t("查实，检举内容部分属实，已依法处理。")
    d.t("根据《检举纳税人税收违法行为奖励暂行办法》，你可凭身份证件（").idno(city).t("）到").pub(
        b["addr"], "bureau_address"
    )
    d.t("领取奖金").pub(amount(), "amount").t("元，或提供本人银行卡号").card().t("由我局转账。")
    footer(d, b)


def hearing(d: Doc, city, b) -> None:
    co = company(city)
    d.pub(b["name"], "authority_name").t("\n税务行政处罚听证通知书\n").pub(docno(b, "听通"), "doc_number").t(
        "\n\n"
    )
    d.pub(co["name"], "company_name").t("：\n    根据你单位提出的听证要求，决定于").pub(date(), "date").t(
        "在"
    )
    d.pub(b["addr"], "bureau_address").t("第三会议室举行听证。主持人：").official().t(
        "，书记员："
    ).official().t("。")
    d.t("你单位委托").person("agent").t("（港澳居民来往内地通行证").passport().t(
        "）出席的，应提交授权委托书。"
    )
    d.t("联系人：").official().t("，电话：").pub(b["phone"], "bureau_phone").t("。")
    footer(d, b)


def exit_block(d: Doc, city, b) -> None:
    co = company(city)
    d.pub(b["dist_bureau"], "authority_name").t("\n阻止出境决定书\n").pub(docno(b, "阻"), "doc_number").t(
        "\n\n"
    )
    d.person("legal_rep").t("（性别：").t(R.choice(["男", "女"])).t("，出生日期：").v(
        f"{R.randint(1955, 1999)}年{R.randint(1, 12)}月{R.randint(1, 28)}日", "personal", "birth_date", []
    ).t("，证件号码：").idno(city).t("，护照号码：").passport().t("）：\n    你作为").pub(
        co["name"], "company_name"
    )
    d.t("的法定代表人，该单位欠缴税款").pub(amount(), "amount").t(
        "元，未结清且未提供担保。依据《中华人民共和国税收征收管理法》第四十四条，"
    )
    d.t("本局已通知出入境管理机关阻止你出境。")
    footer(d, b)


def enforcement(d: Doc, city, b) -> None:
    co = company(city)
    d.pub(b["dist_bureau"], "authority_name").t("\n税收强制执行决定书\n").pub(docno(b, "强"), "doc_number").t(
        "\n\n"
    )
    d.pub(co["name"], "company_name").t("（").pub(co["uscc"], "uscc").t("）：\n    你单位").pub(
        date(), "date"
    )
    d.t("前欠缴税款").pub(amount(), "amount").t("元。经").pub(b["dist_bureau"], "authority_name").t(
        "局长"
    ).official()
    d.t("批准，决定从你单位在").pub(pick(["中国建设银行长沙河西支行", "长沙银行芙蓉支行"]), "bank_name").t(
        "的存款账户"
    )
    d.pub(f"4300{R.randint(10**15, 10**16 - 1)}", "company_account").t(
        "中扣缴。如你单位对查封财产有异议，可由担保人"
    )
    d.person("guarantor").t("（").t(pick(["电话", "手机", "联系方式"])).t("：").phone().t("，固话").v(
        f"{pick(CITIES)[3]}-{R.randint(2000000, 8999999)}", "personal", "phone_landline", [], None
    ).t("）提出。")
    footer(d, b)


def shuanggong_prose(d: Doc, city, b) -> None:
    co = company(city)
    d.t("行政处罚信息公示：行政相对人名称").pub(co["name"], "company_name").t("，统一社会信用代码").pub(
        co["uscc"], "uscc"
    )
    d.t("，法定代表人").person("legal_rep").t("，处罚决定书文号").pub(docno(b), "doc_number").t(
        "，处罚内容：罚款"
    ).pub(amount(), "amount")
    d.t("元，处罚决定日期").pub(date(), "date").t("，处罚机关").pub(b["name"], "authority_name").t("。")
    if R.random() < 0.5:
        d.t("（更正：原公示中经办人").masked().t("信息有误。）")
    footer(d, b)


PROSE = [
    penalty_company,
    penalty_person,
    geti_penalty,
    treatment,
    no_penalty,
    notice,
    service_notice,
    owed_tax,
    abnormal,
    blacklist,
    ogi_reply,
    review,
    report_reply,
    hearing,
    exit_block,
    enforcement,
    shuanggong_prose,
]


# ---------------------------------------------------------------- tables


def table_rows(city, b, category):
    """Yield (headers, rows); each cell is (text, kind, type, tags, core) or plain str."""
    rows = []
    if category == "shuanggong_table":
        headers = [
            "行政相对人名称",
            "统一社会信用代码",
            "法定代表人",
            "身份证号",
            "处罚决定书文号",
            "罚款金额（元）",
            "处罚机关",
        ]
        for _ in range(R.randint(2, 4)):
            co = company(city)
            rows.append(
                [
                    ("pub", co["name"], "company_name"),
                    ("pub", co["uscc"], "uscc"),
                    ("name", "legal_rep"),
                    ("id", None),
                    ("pub", docno(b), "doc_number"),
                    ("pub", amount(), "amount"),
                    ("pub", b["name"], "authority_name"),
                ]
            )
    elif category == "abnormal_table":
        headers = ["序号", "纳税人名称", "纳税人识别号", "负责人", "证件号码", "经营地址"]
        for i in range(R.randint(2, 4)):
            if R.random() < 0.5:
                co = company(city)
                rows.append(
                    [
                        str(i + 1),
                        ("pub", co["name"], "company_name"),
                        ("pub", co["uscc"], "uscc"),
                        ("name", "legal_rep"),
                        ("id", None),
                        ("pub", co["addr"], "business_address"),
                    ]
                )
            else:
                shop = f"{city[0][:2]}{pick(WORDS)}{pick(SHOPS)}"
                rows.append(
                    [
                        str(i + 1),
                        ("pub", shop, "shop_name"),
                        ("tin", None),
                        ("name", "operator"),
                        ("id", None),
                        ("home", None),
                    ]
                )
    elif category == "owed_tax_table":
        headers = ["纳税人名称", "纳税人识别号", "法定代表人", "证件号码", "联系电话", "欠税税种", "欠税余额"]
        for _ in range(R.randint(2, 4)):
            co = company(city)
            rows.append(
                [
                    ("pub", co["name"], "company_name"),
                    ("pub", co["uscc"], "uscc"),
                    ("name", "legal_rep"),
                    ("id", None),
                    ("phone", None),
                    "增值税",
                    ("pub", amount(), "amount"),
                ]
            )
    elif category == "natural_person_owed_table":
        headers = ["姓名", "身份证件号码", "住址", "手机", "银行账号", "欠缴金额"]
        for _ in range(R.randint(2, 3)):
            rows.append(
                [
                    ("name", "taxpayer"),
                    ("id", None),
                    ("home", None),
                    ("phone", None),
                    ("card", None),
                    ("pub", amount(), "amount"),
                ]
            )
    else:  # service_table
        headers = ["受送达人", "证件号码", "文书名称", "文书文号", "送达地址", "电子邮箱"]
        for _ in range(R.randint(2, 4)):
            rows.append(
                [
                    ("name", "addressee"),
                    ("id", None),
                    "税务事项通知书",
                    ("pub", docno(b, "通"), "doc_number"),
                    ("home", None),
                    ("email", None),
                ]
            )
    return headers, rows


def emit_cell(d: Doc, cell, city, tags):
    if isinstance(cell, str):
        d.t(cell)
        return
    k = cell[0]
    if k == "pub":
        d.pub(cell[1], cell[2], tags)
    elif k == "name":
        d.person(cell[1], tags)
    elif k == "id":
        d.idno(city, tags)
    elif k == "tin":
        d.idno(city, ["individual_tin", *tags], typ="taxpayer_id_person")
    elif k == "home":
        d.home(city, tags)
    elif k == "phone":
        d.phone(tags)
    elif k == "card":
        d.card(tags)
    elif k == "email":
        d.email(tags)


def table_doc(d: Doc, city, b, category) -> None:
    headers, rows = table_rows(city, b, category)
    title = {
        "shuanggong_table": "行政处罚信息双公示",
        "abnormal_table": "非正常户认定名单",
        "owed_tax_table": "欠税公告",
        "natural_person_owed_table": "自然人欠税公告",
        "service_table": "送达公告清单",
    }[category]
    d.pub(b["dist_bureau"], "authority_name").t(title + "\n")
    lay = d.layout
    tags = [f"table:{lay}"]
    if lay == "pipe":
        d.t("| " + " | ".join(headers) + " |\n|" + "---|" * len(headers) + "\n")
        for r in rows:
            d.t("| ")
            for j, c in enumerate(r):
                emit_cell(d, c, city, tags)
                d.t(" | " if j < len(r) - 1 else " |\n")
    elif lay == "tab":
        d.t("\t".join(headers) + "\n")
        for r in rows:
            for j, c in enumerate(r):
                emit_cell(d, c, city, tags)
                d.t("\t" if j < len(r) - 1 else "\n")
    elif lay == "kv":
        for r in rows:
            for h, c in zip(headers, r, strict=True):
                d.t(h + "：")
                emit_cell(d, c, city, tags)
                d.t("\n")
            d.t("\n")
    elif lay == "cellrows":  # pdf-table extraction: one cell per line, headers first
        d.t("\n".join(headers) + "\n")
        for r in rows:
            for c in r:
                emit_cell(d, c, city, tags + ["cell_per_line"])
                d.t("\n")
    else:  # csv
        d.t(",".join(headers) + "\n")
        for r in rows:
            for j, c in enumerate(r):
                emit_cell(d, c, city, tags)
                d.t("," if j < len(r) - 1 else "\n")
    footer(d, b)


TABLE_CATS = [
    "shuanggong_table",
    "abnormal_table",
    "owed_tax_table",
    "natural_person_owed_table",
    "service_table",
]
TABLE_LAYOUTS = ["pipe", "tab", "kv", "cellrows", "csv"]


# ---------------------------------------------------------------- noise


OCR_MAP = {"0": "O", "1": "l", "5": "S", "号": "亏", "市": "巿", "路": "踣", "：": ":"}


def apply_noise(text: str, spans: list[dict], wrap: bool, ocr: bool) -> str:
    chars = list(text)
    inside = [None] * len(chars)
    for i, s in enumerate(spans):
        for p in range(s["start"], s["end"]):
            inside[p] = i
    if ocr:
        cands = [p for p, ch in enumerate(chars) if ch in OCR_MAP]
        R.shuffle(cands)
        for p in cands[: R.randint(2, 5)]:
            chars[p] = OCR_MAP[chars[p]]
            si = inside[p]
            tag = "ocr_outside_values" if si is None else "ocr_in_value"
            if si is not None and tag not in spans[si]["tags"]:
                spans[si]["tags"].append(tag)
    # insert line breaks (pdf wraps) every ~32-40 characters of a line
    inserts = []
    if wrap:
        col = 0
        limit = R.randint(30, 40)
        for p, ch in enumerate(chars):
            col = 0 if ch == "\n" else col + 1
            if col >= limit:
                inserts.append(p + 1)
                col = 0
    out = []
    shift = [0] * (len(chars) + 1)
    ins = set(inserts)
    k = 0
    for p, ch in enumerate(chars):
        shift[p] = k
        out.append(ch)
        if p + 1 in ins and p + 1 < len(chars) and chars[p + 1] != "\n":
            out.append("\n")
            k += 1
            si = inside[p]
            if si is not None and inside[p + 1] == si:
                spans[si]["tags"].append("wrap_in_value")
    shift[len(chars)] = k
    for s in spans:
        s["start"] += shift[s["start"]]
        end_shift = shift[s["end"] - 1]
        s["end"] += end_shift
        for c in ("core_start", "core_end"):
            if c in s:
                s[c] += shift[s[c]] if s[c] < len(chars) else k
                if c == "core_end":
                    s[c] = min(s[c], s["end"])
    return "".join(out)


# ---------------------------------------------------------------- main


def build(i: int) -> dict:
    city = pick(CITIES)
    b = city_bureau(city)
    if i % 20 < 11:  # 55 % prose
        fn = PROSE[i % len(PROSE)]
        d = Doc(fn.__name__, "prose")
        fn(d, city, b)
    else:
        cat = TABLE_CATS[i % len(TABLE_CATS)]
        d = Doc(cat, TABLE_LAYOUTS[(i // 5) % len(TABLE_LAYOUTS)])
        table_doc(d, city, b, cat)
    text = d.text()
    spans = d.spans
    wrap = R.random() < 0.30
    ocr = R.random() < 0.15
    text = apply_noise(text, spans, wrap, ocr)
    doc_tags = (["pdf_wrap"] if wrap else []) + (["ocr"] if ocr else [])
    for s in spans:
        s["tags"] = sorted(set(s["tags"]) | set(doc_tags))
    return {"id": f"m18-{i:03d}", "category": d.category, "layout": d.layout, "text": text, "spans": spans}


def check(doc: dict) -> None:
    last = 0
    for s in sorted(doc["spans"], key=lambda s: s["start"]):
        assert s["start"] >= last, (doc["id"], s)
        assert s["end"] > s["start"]
        last = s["end"]
        if "core_start" in s:
            assert s["start"] <= s["core_start"] < s["core_end"] <= s["end"], (doc["id"], s)


def main() -> None:
    docs = [build(i) for i in range(400)]
    for d in docs:
        check(d)
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
