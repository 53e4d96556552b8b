"""Generate evaluation set 23: one month of a fictional municipal tax bureau's published output.

Deterministic (seed 232026), no network. Writes corpus.jsonl next to this file.
Each document: {"id","category","layout","text","spans":[{"start","end","kind","type","tags"}]}.
kind: personal (must be hidden), public (must be kept verbatim), masked (already masked, unchanged).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 232026
N_DOCS = 400
OUT = Path(__file__).with_name("corpus.jsonl")

R = random.Random(SEED)

BUREAU = "国家税务总局筑南市税务局"
DISTRICTS = ["云岩区", "南明区", "观山湖区", "花溪区", "乌当区", "白云区"]
BUREAU_ADDR = "筑南市观山湖区林城东路18号"
BUREAU_PHONE = "0851-85561236"
SITE = "https://guizhou.chinatax.gov.cn/zhunan/"

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "东方", "慕容", "尉迟", "公孙"]
GIVEN1 = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉红建飞玲")
GIVEN2 = [
    "志强",
    "秀英",
    "海燕",
    "建国",
    "晓东",
    "丽娟",
    "国华",
    "文斌",
    "春梅",
    "德明",
    "玉兰",
    "子涵",
    "思远",
    "雨桐",
    "家豪",
    "俊杰",
    "婷婷",
    "明辉",
    "红梅",
    "永福",
]
WORD_NAMES = [
    "高和平",
    "谭中华",
    "钟上海",
    "文明",
    "黄金",
    "高山",
    "齐心",
    "江河",
    "任重",
    "万里",
    "夏天",
    "向前进",
    "田野",
]
DOTTED = [
    "阿不都·热合曼",
    "买买提·艾力",
    "古丽娜尔·吐尔逊",
    "艾合买提·托乎提",
    "迪丽拜尔·阿不力米提",
    "扎西·多吉",
]
LATIN = [
    "John SMITH",
    "Maria GONZALEZ",
    "Kim Min-jun",
    "TANAKA Hiroshi",
    "Nguyen Van An",
    "Peter O'Brien",
    "Anna-Lena MÜLLER",
]
AREA = ["520102", "520103", "520111", "520112", "520115", "522301", "522601", "510104", "430102", "330106"]
ROADS = [
    "中华北路",
    "延安东路",
    "宝山南路",
    "北京路",
    "和平路",
    "市西路",
    "遵义路",
    "瑞金南路",
    "黔灵西路",
    "浣沙路",
]
COMMUNITIES = [
    "花果园",
    "世纪城",
    "未来方舟",
    "中天未来方舟",
    "碧海花园",
    "金阳新世界",
    "保利云山",
    "恒大名都",
]
GOODS_WORDS = ["黄金饰品", "文明施工", "和平饭店", "中华烟", "上海路", "高山茶"]
SHOP_KIND = ["便利店", "餐馆", "五金店", "小吃店", "服装店", "烟酒行", "理发店", "建材经营部", "副食店"]
CO_KIND = [
    "商贸有限公司",
    "建筑工程有限公司",
    "科技有限公司",
    "餐饮管理有限公司",
    "物流有限公司",
    "房地产开发有限公司",
    "劳务有限公司",
]
CO_WORD = [
    "鑫盛",
    "黔丰",
    "筑城",
    "恒达",
    "金源",
    "宏图",
    "和平",
    "中华",
    "文明",
    "瑞祥",
    "宇航",
    "博远",
    "聚力",
    "黄金",
]
TAXES = [
    "增值税",
    "个人所得税",
    "城市维护建设税",
    "企业所得税",
    "印花税",
    "房产税",
    "城镇土地使用税",
    "土地增值税",
]
BANKS = ["中国工商银行筑南分行", "中国农业银行筑南云岩支行", "贵州银行南明支行", "中国建设银行观山湖支行"]
OFFICERS = ["罗成", "陈静", "吴晓峰", "杨帆", "王雪", "赵磊", "刘洋", "李娜"]


# ---------------------------------------------------------------- number helpers
def id18(area: str | None = None, year: int | None = None) -> str:
    area = area or R.choice(AREA)
    y = year or R.randint(1950, 2003)
    body = f"{area}{y:04d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body, w, strict=True))
    return body + "10X98765432"[s % 11]


def force_x_id() -> str:
    for _ in range(200):
        v = id18()
        if v.endswith("X"):
            return v
    return v


def id15() -> str:
    return f"{R.choice(AREA)}{R.randint(50, 85):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"


def luhn(prefix: str, length: int) -> str:
    body = prefix + "".join(str(R.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc() -> str:
    body = "91" + "520" + R.choice(["102", "103", "111", "112", "115", "100"])
    body += (
        "".join(R.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(2))
        + "".join(R.choice("0123456789") for _ in range(3))
        + "".join(R.choice(USCC_CH) for _ in range(4))
    )
    s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W, strict=True))
    return body + USCC_CH[(31 - s % 31) % 31]


def mobile() -> str:
    return R.choice(["138", "139", "135", "150", "151", "158", "177", "186", "189", "199", "166"]) + "".join(
        str(R.randint(0, 9)) for _ in range(8)
    )


FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def mobile_writing(m: str) -> tuple[str, str]:
    k = R.randint(0, 9)
    if k == 0:
        return f"{m[:3]} {m[3:7]} {m[7:]}", "spaced"
    if k == 1:
        return f"{m[:3]}-{m[3:7]}-{m[7:]}", "hyphen"
    if k == 2:
        return f"+86 {m[:3]}-{m[3:7]}-{m[7:]}", "plus86"
    if k == 3:
        return f"0086{m}", "0086"
    if k == 4:
        return m.translate(FW), "fullwidth"
    if k == 5:
        return f"+86{m}", "plus86"
    return m, "plain"


def landline() -> tuple[str, str]:
    n = f"{R.randint(5, 8)}{R.randint(0, 9999999):07d}"
    k = R.randint(0, 6)
    if k == 0:
        return f"(0851){n[:4]}-{n[4:]}", "paren"
    if k == 1:
        return f"0851—{n}", "emdash"
    if k == 2:
        return f"0851-{n}转{R.randint(100, 999)}", "extension"
    if k == 3:
        return f"（0851）{n}", "paren"
    if k == 4:
        return f"0851 {n[:4]} {n[4:]}", "spaced"
    if k == 5:
        return f"0851-{n}".translate(FW), "fullwidth"
    return f"0851-{n}", "plain"


def ocr(v: str) -> str:
    out = []
    for c in v:
        if c == "0" and R.random() < 0.5:
            out.append("O")
        elif c == "1" and R.random() < 0.5:
            out.append("l")
        else:
            out.append(c)
    return "".join(out)


def person_name() -> tuple[str, str]:
    k = R.random()
    if k < 0.10:
        return R.choice(COMPOUND) + R.choice(GIVEN1 + GIVEN2), "compound_surname"
    if k < 0.20:
        return R.choice(WORD_NAMES), "word_name"
    if k < 0.26:
        return R.choice(DOTTED), "dotted"
    if k < 0.31:
        return R.choice(LATIN), "latin"
    if k < 0.50:
        return R.choice(SURNAMES) + R.choice(GIVEN1), "two_char"
    if k < 0.56:
        n = R.choice(SURNAMES) + R.choice(GIVEN1)
        return n[0] + R.choice(["  ", "　", " "]) + n[1], "padded"
    return R.choice(SURNAMES) + R.choice(GIVEN2), "three_char"


def home_address() -> str:
    d = R.choice(DISTRICTS)
    return f"筑南市{d}{R.choice(ROADS)}{R.randint(1, 300)}号{R.choice(COMMUNITIES)}{R.randint(1, 30)}栋{R.randint(1, 4)}单元{R.randint(1, 32)}{R.randint(1, 8):02d}室"


def biz_address() -> str:
    return f"筑南市{R.choice(DISTRICTS)}{R.choice(ROADS)}{R.randint(1, 400)}号{R.choice(['门面', '1楼', '商铺', '附' + str(R.randint(1, 9)) + '号'])}"


def company() -> str:
    return "筑南" + R.choice(CO_WORD) + R.choice(CO_WORD) + R.choice(CO_KIND)


def date() -> str:
    return f"2026年{R.randint(1, 11)}月{R.randint(1, 28)}日"


def amount() -> str:
    return (
        f"{R.randint(100, 3_000_000):,}.{R.randint(0, 99):02d}"
        if R.random() < 0.5
        else f"{R.randint(50, 900000)}.{R.randint(0, 99):02d}"
    )


def docno(kind: str) -> str:
    d = R.choice(["筑税稽", "筑云税", "筑南税", "筑观税"])
    return f"{d}{kind}〔2026〕{R.randint(1, 400)}号"


# ---------------------------------------------------------------- document builder
class Doc:
    def __init__(self) -> None:
        self.segs: list[tuple[str, dict | None]] = []

    def t(self, s: str) -> Doc:
        self.segs.append((s, None))
        return self

    def v(self, s: str, kind: str, typ: str, *tags: str) -> Doc:
        self.segs.append((s, {"kind": kind, "type": typ, "tags": [t for t in tags if t]}))
        return self

    # personal helpers
    def pname(self, *tags: str) -> Doc:
        n, nt = person_name()
        return self.v(n, "personal", "name", nt, *tags)

    def pubname(self, *tags: str) -> str:
        n, nt = person_name()
        self.v(n, "public", "name", nt, "published_by_policy", *tags)
        return n

    def pid(self, *tags: str) -> Doc:
        r = R.random()
        if r < 0.12:
            return self.v(id15(), "personal", "id15", *tags)
        v = force_x_id() if r < 0.25 else id18()
        t = ["x_check"] if v.endswith("X") else []
        if R.random() < 0.08:
            v, t = ocr(v), t + ["ocr"]
        return self.v(v, "personal", "id18", *t, *tags)

    def ptin(self) -> Doc:
        v = id18() + f"{R.randint(1, 99):02d}"
        return self.v(v, "personal", "person_tin")

    def pphone(self) -> Doc:
        if R.random() < 0.7:
            m = mobile()
            if R.random() < 0.06:
                return self.v(ocr(m), "personal", "mobile", "ocr")
            w, tag = mobile_writing(m)
            return self.v(w, "personal", "mobile", tag)
        w, tag = landline()
        return self.v(w, "personal", "landline", tag)

    def pcard(self) -> Doc:
        c = luhn(R.choice(["622202", "622848", "621700", "623668", "6217"]), R.choice([16, 19]))
        if R.random() < 0.3:
            c = " ".join(c[i : i + 4] for i in range(0, len(c), 4))
            return self.v(c, "personal", "bank_card", "spaced")
        return self.v(c, "personal", "bank_card")

    def pemail(self) -> Doc:
        user = R.choice(["zhang", "liwei", "hp", "wm", "yang", "chen"]) + str(R.randint(10, 9999))
        at = "＠" if R.random() < 0.25 else "@"
        return self.v(
            f"{user}{at}{R.choice(['163.com', 'qq.com', '126.com', 'sina.com'])}",
            "personal",
            "email",
            "fullwidth_at" if at == "＠" else "",
        )

    def ppass(self) -> Doc:
        k = R.randint(0, 3)
        if k == 0:
            return self.v("E" + str(R.randint(10**7, 10**8 - 1)), "personal", "passport")
        if k == 1:
            return self.v(R.choice("HM") + str(R.randint(10**7, 10**8 - 1)), "personal", "hkmo_permit")
        if k == 2:
            return self.v(str(R.randint(10**7, 10**8 - 1)), "personal", "tw_permit")
        return self.v(R.choice(["G", "P"]) + str(R.randint(10**7, 10**8 - 1)), "personal", "passport")

    def paddr(self) -> Doc:
        return self.v(home_address(), "personal", "home_address")

    # public helpers
    def co(self) -> str:
        c = company()
        self.v(c, "public", "company")
        return c

    def uscc_(self) -> Doc:
        return self.v(uscc(), "public", "uscc")

    def bizaddr(self) -> Doc:
        return self.v(biz_address(), "public", "business_address")

    def amt(self) -> Doc:
        return self.v(amount(), "public", "amount")

    def dt(self) -> Doc:
        return self.v(date(), "public", "date")

    def dn(self, kind: str) -> Doc:
        return self.v(docno(kind), "public", "doc_number")

    def officer(self) -> Doc:
        self.v(R.choice(OFFICERS), "public", "officer_name")
        self.t("（执法证号：")
        self.v(f"52{R.randint(10000000000, 99999999999)}", "public", "officer_cert")
        return self.t("）")

    def masked(self) -> Doc:
        v = R.choice(
            [
                "陶**",
                "9144****",
                "XXX",
                "张某",
                "李某某",
                "5201**********1234",
                "138****5678",
                "王*",
                "筑南市云岩区****",
            ]
        )
        return self.v(v, "masked", "already_masked")

    def bureau_footer(self) -> Doc:
        self.t("\n\n")
        self.v(
            BUREAU + R.choice(["稽查局", "云岩区税务局", "南明区税务局", "第一稽查局"]), "public", "authority"
        )
        self.t("\n")
        self.dt()
        self.t("\n联系地址：")
        self.v(BUREAU_ADDR, "public", "authority_address")
        self.t("  联系电话：")
        self.v(BUREAU_PHONE, "public", "authority_phone")
        self.t("  纳税服务热线：")
        self.v("12366", "public", "authority_phone")
        self.t("\n网址：")
        self.v(SITE, "public", "url")
        return self.t("\n")

    def build(self, wrap: int | None) -> tuple[str, list[dict]]:
        segs = [(s, lab) for s, lab in self.segs if s]
        if wrap:
            col = 0
            new = []
            for s, lab in segs:
                out = []
                for c in s:
                    if c == "\n":
                        col = 0
                        out.append(c)
                        continue
                    out.append(c)
                    col += 1
                    if col >= wrap:
                        out.append("\n")
                        col = 0
                ns = "".join(out)
                if lab and "\n" in ns.rstrip("\n"):
                    lab = {**lab, "tags": lab["tags"] + ["wrapped"]}
                new.append((ns, lab))
            segs = new
        text = ""
        spans = []
        for s, lab in segs:
            if lab:
                v = s.rstrip("\n")  # a wrap just after the value is not part of it
                spans.append({"start": len(text), "end": len(text) + len(v), **lab})
            text += s
        return text, spans


# ---------------------------------------------------------------- prose decisions
def intro_person(d: Doc, self_employed: bool) -> None:
    d.pubname("party")
    if self_employed:
        d.t("（")
        d.v(
            R.choice(SURNAMES) + "记"
            if R.random() < 0.3
            else "筑南市"
            + R.choice(DISTRICTS)
            + R.choice(WORD_NAMES + ["老王", "张三"])
            + R.choice(SHOP_KIND),
            "public",
            "shop_name",
            "owner_named_shop",
        )
        d.t("，个体工商户，经营地址：")
        d.bizaddr()
        d.t("，身份证件号码：")
        d.pid("party")
        d.t("）：\n")
    else:
        d.t("（身份证件号码：")
        d.pid("party")
        d.t("，住址：")
        d.paddr()
        d.t("，联系电话：")
        d.pphone()
        d.t("）：\n")


def decision_prose(d: Doc) -> str:
    kind = R.choice(["simple_penalty", "penalty", "iit_handling", "company_penalty", "company_handling"])
    title = {
        "simple_penalty": "税务行政处罚决定书（简易）",
        "penalty": "税务行政处罚决定书",
        "iit_handling": "税务处理决定书",
        "company_penalty": "税务行政处罚决定书",
        "company_handling": "税务处理决定书",
    }[kind]
    d.v(BUREAU + R.choice(["稽查局", "云岩区税务局"]), "public", "authority")
    d.t("\n" + title + "\n")
    d.dn("罚" if "penalty" in kind else "处")
    d.t("\n\n")
    if kind in ("simple_penalty", "penalty", "iit_handling"):
        intro_person(d, self_employed=R.random() < 0.4)
        if kind == "simple_penalty":
            d.t("    你（单位）于")
            d.dt()
            d.t(
                "未按照规定期限办理纳税申报和报送纳税资料，违反了《中华人民共和国税收征收管理法》第六十二条的规定。依据该条规定，现决定处以罚款"
            )
            d.amt()
            d.t("元。经办人：")
            d.officer()
            d.t("、")
            d.officer()
            d.t("。\n")
        else:
            d.t("    我局于")
            d.dt()
            d.t("至")
            d.dt()
            d.t("对你2023年1月1日至2025年12月31日期间的涉税情况进行了检查。经查，你取得")
            d.co()
            d.t("（统一社会信用代码：")
            d.uscc_()
            d.t("）支付的劳务报酬")
            d.amt()
            d.t("元，款项转入你名下")
            d.v(R.choice(BANKS), "public", "bank_name")
            d.t("账户（卡号：")
            d.pcard()
            d.t("），另有部分款项由你的配偶")
            d.pname("relative")
            d.t("（身份证件号码：")
            d.pid("relative")
            d.t("）代收。你的母亲")
            d.pname("relative")
            d.t("于")
            d.dt()
            d.t("来电（")
            d.pphone()
            d.t("）说明情况。你委托的律师")
            d.pname("lawyer", "doubtful")
            d.t("（执业证号")
            d.v(f"1520{R.randint(10**11, 10**12 - 1)}", "personal", "lawyer_licence", "doubtful")
            d.t("，电子邮箱")
            d.pemail()
            d.t(
                "）提交了书面陈述。你未申报缴纳"
                + R.choice(TAXES)
                + "。\n    根据《中华人民共和国个人所得税法》第二条规定，追缴税款"
            )
            d.amt()
            d.t("元，并从滞纳税款之日起按日加收万分之五的滞纳金。")
            if kind == "penalty":
                d.t("对你处以少缴税款0.5倍罚款")
                d.amt()
                d.t("元。")
            d.t("\n    你的纳税人识别号为")
            d.ptin()
            d.t("。请于收到本决定书之日起15日内到")
            d.v(BUREAU + "云岩区税务局第一税务分局", "public", "authority")
            d.t("（地址：")
            d.v(BUREAU_ADDR, "public", "authority_address")
            d.t("）缴纳。\n")
    else:
        d.co()
        d.t("（纳税人识别号：")
        d.uscc_()
        d.t("）：\n    我局于")
        d.dt()
        d.t("对你公司（地址：")
        d.bizaddr()
        d.t("；法定代表人：")
        d.pubname("legal_rep")
        d.t("）进行检查。你公司财务负责人")
        d.pname("finance_head", "doubtful")
        d.t("（联系电话：")
        d.pphone()
        d.t("）称，部分工资经由员工")
        d.pname("employee")
        d.t("（身份证件号码：")
        d.pid("employee")
        d.t("）的个人银行卡")
        d.pcard()
        d.t("发放，员工")
        d.pname("employee")
        d.t("（护照号码：")
        d.ppass()
        d.t("）未代扣个人所得税。你公司2025年开具增值税专用发票（发票代码：")
        d.v(f"52001{R.randint(10000, 99999)}", "public", "invoice_code")
        d.t("，发票号码：")
        d.v(f"{R.randint(0, 99999999):08d}", "public", "invoice_number")
        d.t("）金额")
        d.amt()
        d.t("元，其中黄金饰品、和平路门面租金等未申报。相关人员")
        d.masked()
        d.t("、")
        d.masked()
        d.t("已另案处理。\n    根据《中华人民共和国税收征收管理法》第六十三条，")
        d.t("追缴" + R.choice(TAXES))
        d.amt()
        d.t("元，处罚款")
        d.amt()
        d.t("元。\n    联系人：")
        d.officer()
        d.t("，电话：")
        d.v(BUREAU_PHONE, "public", "authority_phone")
        d.t("。\n")
    d.t("    如对本决定不服，可自收到本决定书之日起六十日内依法向")
    d.v(BUREAU, "public", "authority")
    d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")
    d.bureau_footer()
    return kind


# ---------------------------------------------------------------- lists
LIST_KINDS = ["arrears", "abnormal", "dishonest", "penalty_list"]


def list_doc(d: Doc, layout: str) -> str:
    kind = R.choice(LIST_KINDS)
    title = {
        "arrears": "欠税公告",
        "abnormal": "非正常户公告",
        "dishonest": "重大税收违法失信主体信息公布",
        "penalty_list": "行政处罚信息公示（双公示）",
    }[kind]
    d.v(BUREAU, "public", "authority")
    d.t(title + "\n")
    d.v(f"{BUREAU[6:]}公告2026年第{R.randint(1, 60)}号", "public", "doc_number")
    d.t("\n根据有关规定，现将下列纳税人信息予以公告：\n")
    cols = [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人）",
        "身份证件号码",
        "经营地址",
        "税种",
        "金额（元）",
    ]
    if kind == "dishonest":
        cols += ["财务负责人", "财务负责人证件号码"]
    if kind == "penalty_list":
        cols = [
            "行政相对人名称",
            "统一社会信用代码",
            "法定代表人",
            "证件号码",
            "处罚决定书文号",
            "处罚金额（元）",
            "处罚日期",
        ]
    rows = R.randint(4, 9)
    sep = {
        "tab": "\t",
        "pipe": " | ",
        "cell_per_line": "\n",
        "space_aligned": "    ",
        "semicolon": "；",
        "key_value": "\n",
    }[layout]
    if layout not in ("key_value", "semicolon"):
        d.t(sep.join(cols) + "\n")
    for _ in range(rows):
        cells: list = []
        person = R.random() < 0.4
        if person:
            cells.append(lambda: d.pubname("party"))
            cells.append(lambda: d.ptin() if R.random() < 0.5 else d.pid("party"))
            cells.append(lambda: d.t("—"))
            cells.append(lambda: d.t("—"))
        else:
            cells.append(lambda: d.co())
            cells.append(lambda: d.uscc_())
            cells.append(lambda: d.pubname("legal_rep"))
            cells.append(lambda: d.masked() if R.random() < 0.2 else d.pid("legal_rep"))
        if kind == "penalty_list":
            cells += [lambda: d.dn("罚"), lambda: d.amt(), lambda: d.dt()]
        else:
            cells += [lambda: d.bizaddr(), lambda: d.t(R.choice(TAXES)), lambda: d.amt()]
        if kind == "dishonest":
            if person:
                cells += [lambda: d.t("—"), lambda: d.t("—")]
            else:
                cells += [lambda: d.pubname("finance_head"), lambda: d.pid("finance_head")]
        for i, (c, fn) in enumerate(zip(cols, cells, strict=True)):
            if layout == "key_value":
                d.t(c + "：")
            elif layout == "semicolon":
                d.t(c + "：")
            fn()
            if i < len(cols) - 1:
                d.t(sep if layout != "key_value" else "\n")
        d.t("\n" if layout != "key_value" else "\n\n")
        if layout == "cell_per_line":
            d.t("\n")
    d.t("如对上述信息有异议，请与主管税务机关联系。纳税人联系电话有误的，可致电")
    d.v("12366", "public", "authority_phone")
    d.t("。\n")
    d.bureau_footer()
    return kind


# ---------------------------------------------------------------- notices and replies
def notice_doc(d: Doc) -> str:
    kind = R.choice(["service", "review", "disclosure", "report_reply", "hearing", "matter_notice"])
    d.v(BUREAU + R.choice(["稽查局", "南明区税务局", "观山湖区税务局"]), "public", "authority")
    if kind == "service":
        d.t("\n税务文书送达公告\n")
        d.dn("公告")
        d.t("\n")
        d.pubname("party")
        d.t("（纳税人识别号：")
        d.ptin()
        d.t("）：\n    我局依法对你作出")
        d.dn("罚")
        d.t(
            "《税务行政处罚决定书》。因采用直接送达、留置送达、委托送达、邮寄送达等方式均无法送达，你在登记的联系电话"
        )
        d.pphone()
        d.t("及住所")
        d.paddr()
        d.t(
            "均无法联系，现依照《中华人民共和国税收征收管理法实施细则》第一百零六条规定公告送达。自公告之日起满三十日，即视为送达。\n    你的同住人"
        )
        d.pname("relative")
        d.t("亦无法联系。联系人：")
        d.officer()
        d.t("。\n")
    elif kind == "review":
        d.t("\n税务行政复议决定书\n")
        d.dn("复决字")
        d.t("\n申请人：")
        d.pubname("party")
        d.t("，性别：男，住址：")
        d.paddr()
        d.t("，公民身份号码：")
        d.pid("party")
        d.t("。\n委托代理人：")
        d.pname("lawyer", "doubtful")
        d.t("，")
        d.v(R.choice(["贵州黔南律师事务所", "贵州筑信律师事务所"]), "public", "company")
        d.t("律师，联系电话：")
        d.pphone()
        d.t("。\n被申请人：")
        d.v(BUREAU + "云岩区税务局", "public", "authority")
        d.t("，住所地")
        d.v(BUREAU_ADDR, "public", "authority_address")
        d.t("。\n    申请人不服被申请人")
        d.dt()
        d.t("作出的")
        d.dn("处")
        d.t("《税务处理决定书》，于")
        d.dt()
        d.t("向本机关申请行政复议。第三人")
        d.pname("third_party")
        d.t("（身份证号")
        d.pid("third_party")
        d.t("）未参加。申请人称其与")
        d.co()
        d.t("之间系借贷关系，款项")
        d.amt()
        d.t("元经其女儿")
        d.pname("relative")
        d.t("的账户")
        d.pcard()
        d.t("转入。本机关维持原决定。\n")
    elif kind == "disclosure":
        d.t("\n政府信息公开申请答复书\n")
        d.dn("依复")
        d.t("\n")
        d.pname("applicant")
        d.t("：\n    本机关于")
        d.dt()
        d.t("收到你通过电子邮件（")
        d.pemail()
        d.t("）提出的政府信息公开申请，你的通信地址为")
        d.paddr()
        d.t("，身份证件号码")
        d.pid("applicant")
        d.t("，联系电话")
        d.pphone()
        d.t("。你申请公开")
        d.co()
        d.t(
            "2025年度纳税情况。经审查，该信息涉及商业秘密，依据《中华人民共和国政府信息公开条例》第十五条，不予公开。\n"
        )
    elif kind == "report_reply":
        d.t("\n检举事项处理情况答复\n")
        d.dn("检答")
        d.t("\n检举人")
        d.pname("reporter")
        d.t("：\n    你于")
        d.dt()
        d.t("通过电话")
        d.pphone()
        d.t("检举")
        d.co()
        d.t("（统一社会信用代码")
        d.uscc_()
        d.t("）及其实际控制人")
        d.pname("third_party", "doubtful")
        d.t("偷逃税款一事，我局已立案检查。被检举人亲属")
        d.pname("relative")
        d.t("（港澳居民来往内地通行证")
        d.ppass()
        d.t("）名下账户")
        d.pcard()
        d.t("已调取。查补税款")
        d.amt()
        d.t("元。根据《检举纳税人税收违法行为奖励暂行办法》，你可持身份证件（")
        d.pid("reporter")
        d.t("）领取奖金。\n")
    elif kind == "hearing":
        d.t("\n税务行政处罚事项告知书（听证）\n")
        d.dn("罚告")
        d.t("\n")
        d.pubname("party")
        d.t("（")
        d.v(
            f"筑南市{R.choice(DISTRICTS)}{R.choice(WORD_NAMES)}{R.choice(SHOP_KIND)}",
            "public",
            "shop_name",
            "owner_named_shop",
        )
        d.t("经营者，居民身份证")
        d.pid("party")
        d.t("）：\n    拟对你处以罚款")
        d.amt()
        d.t("元。你有陈述、申辩及要求听证的权利，可自收到本告知书之日起五日内向")
        d.v(BUREAU + "南明区税务局", "public", "authority")
        d.t("书面提出听证申请。听证主持人：")
        d.officer()
        d.t("。你可委托")
        d.pname("agent")
        d.t("（电话")
        d.pphone()
        d.t("）代理出席。\n")
    else:
        d.t("\n税务事项通知书\n")
        d.dn("通")
        d.t("\n")
        d.co()
        d.t("（纳税人识别号：")
        d.uscc_()
        d.t("）：\n    事由：责令限期改正。你单位办税人员")
        d.pname("employee")
        d.t("（手机")
        d.pphone()
        d.t("，邮箱")
        d.pemail()
        d.t("）于")
        d.dt()
        d.t("报送资料不全，台湾居民来往大陆通行证号码")
        d.ppass()
        d.t("所属员工的个人所得税未申报。请于")
        d.dt()
        d.t("前补正。已掌握的开户账号")
        d.pcard()
        d.t("为个人账户。\n")
    d.bureau_footer()
    return kind


def main() -> None:
    docs = []
    flat = ["tab", "pipe", "cell_per_line", "space_aligned", "key_value", "semicolon"]
    for i in range(N_DOCS):
        d = Doc()
        r = i % 10
        if r < 4:
            cat, layout = "decision:" + decision_prose(d), "prose"
        elif r < 7:
            layout = flat[(i // 10 + r) % 6]
            cat = "list:" + list_doc(d, layout)
        else:
            cat, layout = "notice:" + notice_doc(d), "prose"
        wrap = None
        if layout in ("prose", "cell_per_line") and R.random() < 0.3:
            wrap = R.choice([28, 33, 36, 40])
            layout += f"+wrap{wrap}"
        text, spans = d.build(wrap)
        last = -1
        for s in spans:
            assert s["start"] >= last, "overlap"
            assert s["end"] > s["start"]
            last = s["end"]
        docs.append({"id": f"s23-{i:03d}", "category": cat, "layout": layout, "text": text, "spans": spans})
    with OUT.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    n = {"personal": 0, "public": 0, "masked": 0}
    for doc in docs:
        for s in doc["spans"]:
            n[s["kind"]] += 1
    print(len(docs), n)


if __name__ == "__main__":
    main()
