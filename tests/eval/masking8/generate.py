"""Generate the eighth held-out masking corpus (``corpus.jsonl``).

Deterministic: a fixed seed and no clock, so a rerun writes byte-identical output.

Every document is built from segments; a segment is plain text or a labelled value
(``personal`` / ``public`` / ``masked``).  Layout transforms (table flattenings, PDF
line wrapping, OCR noise) run on segments or shift the spans, so labels stay exact.

Run: ``python tests/eval/masking8/generate.py`` (writes next to this file).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261207
N_DOCS = 400
HERE = Path(__file__).resolve().parent

Seg = tuple[str, dict | None]

# ---------------------------------------------------------------- value makers

AREAS = [
    ("450103", "南宁市青秀区"),
    ("450105", "南宁市江南区"),
    ("450502", "北海市海城区"),
    ("330326", "平阳县"),
    ("612525", "丹凤县"),
    ("150622", "准格尔旗"),
    ("440106", "广州市天河区"),
    ("420102", "武汉市江岸区"),
    ("510107", "成都市武侯区"),
    ("320583", "昆山市"),
    ("350203", "厦门市思明区"),
    ("451202", "河池市金城江区"),
]
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "皇甫", "司徒", "令狐", "慕容"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫宇浩凯")
# given names that are ordinary words or place names
WORD_GIVEN = [
    "建国",
    "海燕",
    "春华",
    "长江",
    "桂林",
    "平安",
    "金山",
    "丽江",
    "国庆",
    "红梅",
    "建设",
    "和平",
    "永康",
    "开心",
    "冬梅",
    "志强",
]
MINORITY_DOT = ["买买提·艾力", "阿依古丽·吐尔逊", "艾尼瓦尔·买买提", "古丽娜尔·阿不都", "热合曼·吾斯曼"]
MINORITY_PLAIN = ["扎西次仁", "次仁卓玛", "格桑拉姆", "巴特尔", "乌兰其其格", "阿不都热依木"]
LATIN = ["ZHANG Wei", "Li Xiaoming", "John SMITH", "NGUYEN Van An", "Chen Jianguo", "TANAKA Hiroshi"]
MASKED_NAMES = ["张*", "陶**", "李某", "王某某", "XXX", "严*海", "刘某1", "赵某某", "朱某 1", "某某"]

ROADS = [
    "民族大道",
    "云景路",
    "明月路",
    "金湖路",
    "北京路",
    "鳌江大道",
    "中山路",
    "解放路",
    "建设路",
    "人民路",
    "新华街",
    "友爱南路",
]
ESTATES = ["春晖花园", "幸福嘉园", "海尚芭黎", "锦绣江南", "翡翠园", "龙湖名城", "金色家园", "和谐小区"]
ZIHAO = [
    "洪谦金",
    "丰赢",
    "槟咪",
    "润亨",
    "尚诺",
    "瓯华",
    "维世鑫",
    "达栝",
    "金利",
    "邦粮",
    "禹信",
    "桂鑫",
    "嘉禾",
    "恒泰",
    "瑞丰",
    "鼎盛",
]
TRADE = ["贸易", "商贸", "科技", "建材", "物流", "餐饮管理", "劳务", "房地产开发", "建筑工程", "文化传媒"]
BANKS = [
    "中国工商银行南宁分行营业部",
    "中国农业银行平阳县支行",
    "中国建设银行北海分行",
    "广西北部湾银行南宁市财富国际支行",
    "中国银行昆山支行",
    "农村信用合作社",
    "招商银行武汉分行",
]
CARD_PREFIX = ["622202", "621700", "622848", "623668", "621483", "622588", "621226"]
LAW_FIRMS = ["广西万益律师事务所", "浙江瓯瑞律师事务所", "北京大成（南宁）律师事务所", "湖北今天律师事务所"]
AGENCIES = [
    "南宁市正信税务师事务所有限公司",
    "平阳县诚信财务咨询有限公司",
    "武汉华税代理记账有限公司",
    "北海市金算盘财税服务有限公司",
]
AUTHORITIES = [
    ("国家税务总局南宁市税务局第一稽查局", "南市税一稽", "南宁市青秀区民族大道115号", "0771-5588366"),
    ("国家税务总局北海市税务局稽查局", "北市税稽", "北海市海城区北部湾中路3号", "0779-3062366"),
    ("国家税务总局温州市税务局第三稽查局", "温税三稽", "温州市鹿城区府前街88号", "0577-88963366"),
    ("国家税务总局鄂尔多斯市税务局第二稽查局", "鄂税二稽", "鄂尔多斯市康巴什区北区2号", "0477-8583366"),
    ("国家税务总局河池市税务局第二稽查局", "河市税二稽", "河池市金城江区新建路66号", "0778-2283366"),
    ("国家税务总局武汉市江岸区税务局", "武江税", "武汉市江岸区沿江大道160号", "027-82706366"),
    ("国家税务总局平阳县税务局", "平税", "平阳县昆阳镇平瑞公路2号", "0577-63736366"),
]
AREA_CODES = {"南宁": "0771", "北海": "0779", "温州": "0577", "武汉": "027", "成都": "028", "厦门": "0592"}

FW = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


def id_check(body17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w for c, w in zip(body17, weights, strict=True))
    return "10X98765432"[s % 11]


def make_id(rng: random.Random, want_x: bool = False, area: str | None = None) -> str:
    area = area or rng.choice(AREAS)[0]
    while True:
        y = rng.randint(1956, 2001)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        body = f"{area}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
        c = id_check(body)
        if (c == "X") == want_x:
            return body + c


def make_id15(rng: random.Random) -> str:
    area = rng.choice(AREAS)[0]
    return f"{area}{rng.randint(50, 79):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"


def luhn(rng: random.Random, length: int) -> str:
    body = rng.choice(CARD_PREFIX) + "".join(str(rng.randint(0, 9)) for _ in range(length - 7))
    total = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return body + str((10 - total % 10) % 10)


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def make_uscc(rng: random.Random, kind: str = "91") -> str:
    area = rng.choice(AREAS)[0]
    org8 = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    ow = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(ORG_CHARS.index(c) * w for c, w in zip(org8, ow, strict=True))
    oc = 11 - s % 11
    org = org8 + ("X" if oc == 10 else "0" if oc == 11 else str(oc))
    body = kind + area + org
    s2 = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W, strict=True))
    return body + USCC_CHARS[(31 - s2 % 31) % 31]


def make_mobile(rng: random.Random) -> str:
    return (
        rng.choice(["13", "15", "18", "17", "19"])
        + str(rng.randint(0, 9))
        + f"{rng.randint(0, 99999999):08d}"
    )


def make_name(rng: random.Random) -> tuple[str, list[str]]:
    r = rng.random()
    if r < 0.08:
        return rng.choice(COMPOUND) + rng.choice(GIVEN) + rng.choice(["", rng.choice(GIVEN)]), [
            "compound_surname"
        ]
    if r < 0.13:
        return rng.choice(MINORITY_DOT), ["minority_dotted"]
    if r < 0.17:
        return rng.choice(MINORITY_PLAIN), ["minority_undotted"]
    if r < 0.21:
        return rng.choice(LATIN), ["latin_name"]
    if r < 0.35:
        return rng.choice(SURNAMES) + rng.choice(WORD_GIVEN), ["word_given_name"]
    if r < 0.6:
        return rng.choice(SURNAMES) + rng.choice(GIVEN), ["two_char_name"]
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), []


def home_address(rng: random.Random) -> str:
    _, place = rng.choice(AREAS)
    return (
        f"{place}{rng.choice(ROADS)}{rng.randint(1, 300)}号{rng.choice(ESTATES)}"
        f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 33)}{rng.randint(1, 8):02d}号"
    )


def village_address(rng: random.Random) -> str:
    _, place = rng.choice(AREAS)
    return f"{place}{rng.choice(['鳌江镇', '昆阳镇', '沙井镇', '那洪街道', '吴圩镇'])}{rng.choice(['新兴村', '前进村', '东湖村'])}{rng.randint(1, 12)}组{rng.randint(1, 99)}号"


def biz_address(rng: random.Random) -> str:
    _, place = rng.choice(AREAS)
    return rng.choice(
        [
            f"{place}{rng.choice(ROADS)}{rng.randint(1, 300)}号{rng.choice(['商铺', '门面', '一楼'])}{rng.randint(1, 40)}号",
            f"{place}{rng.choice(ROADS)}{rng.randint(1, 300)}号{rng.choice(['写字楼', '大厦', '商务中心'])}{rng.randint(2, 30)}层{rng.randint(1, 20):02d}室",
            f"{place}{rng.choice(['工业园区', '物流园', '农贸市场'])}{rng.choice('ABCDE')}区{rng.randint(1, 60)}号",
        ]
    )


def company(rng: random.Random) -> str:
    city = rng.choice(["南宁", "北海", "温州", "武汉", "成都", "昆山", "厦门", "广西", "河池"])
    return f"{city}{rng.choice(ZIHAO)}{rng.choice(TRADE)}有限公司"


def shop_after(rng: random.Random, owner: str) -> str:
    _, place = rng.choice(AREAS)
    return f"{place}{owner}{rng.choice(['日用品店', '餐馆', '五金经营部', '副食店', '装饰材料店', '汽车修理部', '烧烤店'])}"


def shop_plain(rng: random.Random) -> str:
    _, place = rng.choice(AREAS)
    return f"{place}{rng.choice(['好运来', '鑫源', '老地方', '兴旺', '宏达'])}{rng.choice(['便利店', '餐厅', '建材经营部', '服装店'])}"


def amount(rng: random.Random) -> str:
    v = rng.randint(500, 9_000_000) + rng.randint(0, 99) / 100
    return rng.choice([f"{v:.2f}元", f"{v:,.2f}元", f"{v:.2f}"])


def date(rng: random.Random) -> str:
    y = rng.randint(2019, 2026)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return rng.choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}年{m:02d}月{d:02d}日"])


# --------------------------------------------------------------- hard formats


def fmt_digits(rng: random.Random, value: str, kind: str) -> tuple[str, list[str]]:
    """Return a published rendering of a number and the hard-case tags it carries."""
    r = rng.random()
    if r < 0.08:
        return value.translate(FW), ["full_width"]
    if r < 0.14 and kind == "mobile":
        return f"{value[:3]} {value[3:7]} {value[7:]}", ["spaced"]
    if r < 0.19 and kind == "mobile":
        return f"{value[:3]}-{value[3:7]}-{value[7:]}", ["dashed"]
    if r < 0.24 and kind == "mobile":
        return rng.choice(["+86 ", "+86-", "0086", "(+86)"]) + value, ["plus86"]
    if r < 0.16 and kind in ("bank_card",):
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4)), ["spaced"]
    if r < 0.16 and kind in ("id_card",):
        return f"{value[:6]} {value[6:14]} {value[14:]}", ["spaced"]
    return value, []


# ----------------------------------------------------------------- doc builder


class Doc:
    def __init__(self, rng: random.Random, category: str) -> None:
        self.rng = rng
        self.category = category
        self.segs: list[Seg] = []

    def t(self, text: str) -> None:
        self.segs.append((text, None))

    def lab(self, text: str, kind: str, typ: str, tags: list[str] | None = None) -> None:
        self.segs.append((text, {"kind": kind, "type": typ, "tags": sorted(set(tags or []))}))

    def p(self, text: str, typ: str, tags: list[str] | None = None) -> None:
        self.lab(text, "personal", typ, tags)

    def pub(self, text: str, typ: str, tags: list[str] | None = None) -> None:
        self.lab(text, "public", typ, tags)

    def m(self, text: str, typ: str, tags: list[str] | None = None) -> None:
        self.lab(text, "masked", typ, tags)

    # composite helpers ---------------------------------------------------
    def name(self, tags: list[str] | None = None, published: bool = False) -> str:
        n, t = make_name(self.rng)
        t = t + (tags or [])
        if self.rng.random() < 0.05 and len(n) == 2 and "·" not in n:
            n = n[0] + "  " + n[1]
            t.append("space_padded")
        if published:
            self.pub(n, "name", t + ["published_by_policy"])
        else:
            self.p(n, "name", t)
        return n

    def id_card(self, tags: list[str] | None = None) -> str:
        rng = self.rng
        r = rng.random()
        t = list(tags or [])
        if r < 0.08:
            v = make_id15(rng)
            t.append("id15")
        elif r < 0.22:
            v = make_id(rng, want_x=True)
            t.append("id_x")
            if rng.random() < 0.35:
                v = v[:-1] + "x"
                t.append("id_lower_x")
        else:
            v = make_id(rng)
        out, ft = fmt_digits(rng, v, "id_card")
        self.p(out, "id_card", t + ft)
        return v

    def tin_person(self, tags: list[str] | None = None) -> None:
        rng = self.rng
        v = make_id(rng)
        t = list(tags or [])
        if rng.random() < 0.4:
            v = v + f"{rng.randint(1, 99):02d}"
            t.append("id_plus2")
        else:
            t.append("tin_eq_id")
        out, ft = fmt_digits(rng, v, "tin")
        self.p(out, "tin_person", t + ft)

    def mobile(self) -> None:
        out, ft = fmt_digits(self.rng, make_mobile(self.rng), "mobile")
        self.p(out, "mobile", ft)

    def landline_private(self) -> None:
        rng = self.rng
        code = rng.choice(list(AREA_CODES.values()))
        num = f"{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}"[: 8 if len(code) == 3 else 7]
        r = rng.random()
        if r < 0.3:
            self.p(f"{code}-{num}转{rng.randint(100, 899)}", "landline_private", ["extension"])
        elif r < 0.5:
            self.p(f"（{code}）{num}", "landline_private", ["area_code"])
        else:
            self.p(f"{code}-{num}", "landline_private", ["area_code"])

    def email(self) -> None:
        rng = self.rng
        user = rng.choice(["zhangwei", "lxm", "wangjg", "chenhy", "liuping"]) + str(rng.randint(1, 999))
        dom = rng.choice(["qq.com", "163.com", "126.com", "sina.com", "hotmail.com"])
        if rng.random() < 0.2:
            self.p(f"{user}＠{dom}", "email", ["fullwidth_at"])
        elif rng.random() < 0.2:
            self.p(f"{rng.randint(10000000, 999999999)}@qq.com", "email", ["digits_email"])
        else:
            self.p(f"{user}@{dom}", "email")

    def bank_card(self) -> None:
        v = luhn(self.rng, self.rng.choice([16, 19, 19]))
        out, ft = fmt_digits(self.rng, v, "bank_card")
        self.p(out, "bank_card", ft)

    def home(self, tags: list[str] | None = None) -> None:
        if self.rng.random() < 0.3:
            self.p(village_address(self.rng), "home_address", (tags or []) + ["village"])
        else:
            self.p(home_address(self.rng), "home_address", tags)

    def uscc(self, kind: str = "91") -> None:
        self.pub(make_uscc(self.rng, kind), "uscc")

    def doc_no(self, abbr: str, kind: str) -> None:
        self.pub(f"{abbr}{kind}〔{self.rng.randint(2019, 2026)}〕{self.rng.randint(1, 300)}号", "doc_no")

    def amt(self) -> None:
        self.pub(amount(self.rng), "amount")

    def dt(self) -> None:
        self.pub(date(self.rng), "date")

    def authority(self) -> tuple[str, str, str, str]:
        a = self.rng.choice(AUTHORITIES)
        return a


# ---------------------------------------------------------------- narratives

INCOME = {
    "劳务报酬": "你于{y}年为{co}提供咨询服务，取得劳务报酬",
    "股权转让": "你将持有的{co}股权转让给",
    "经营所得": "你作为个人独资企业投资人，取得经营所得",
    "房屋出租": "你将位于",
    "二手房": "你将位于",
    "主播": "你通过网络平台从事直播带货，经由{co}取得收入",
}


def penalty_person(d: Doc) -> None:
    """税务行政处罚决定书 / 税务处理决定书 to a natural person (个人所得税 cases)."""
    rng = d.rng
    d.category = "penalty_person"
    au, abbr, au_addr, au_tel = d.authority()
    kind = rng.choice(["罚", "处"])
    d.pub(au, "authority")
    d.t("\n" + ("税务行政处罚决定书" if kind == "罚" else "税务处理决定书") + "\n")
    d.doc_no(abbr, kind)
    d.t("\n\n")
    party = d.name(["party"])
    r = rng.random()
    if r < 0.5:
        d.t("（纳税人识别号：")
        d.tin_person()
        d.t("）：\n")
    elif r < 0.75:
        d.t("（纳税人识别号：")
        d.m(make_id(rng)[:6] + "********" + make_id(rng)[-4:], "id_masked")
        d.t("）：\n")
    else:
        d.t("：（身份证件号码：")
        d.id_card(["party"])
        d.t("）\n")
    d.t("    经我局于")
    d.dt()
    d.t("至")
    d.dt()
    d.t("对你（地址：")
    d.home(["party"])
    d.t("）")
    d.dt()
    d.t("至")
    d.dt()
    d.t("期间涉税情况进行检查，你存在违法事实及处罚决定如下：\n    一、违法事实及证据\n    经查，")
    inc = rng.choice(list(INCOME))
    co = company(rng)
    if inc == "股权转让":
        d.t("你将持有的")
        d.pub(co, "company")
        d.t("股权转让给")
        d.name(["buyer"])
        d.t("、")
        d.name(["buyer"])
        d.t("，股权转让价格为")
        d.amt()
        d.t("。转让款由受让方通过其个人账户（")
        d.pub(rng.choice(BANKS), "bank_branch")
        d.t("，账号")
        d.bank_card()
        d.t("）转入你配偶")
        d.name(["family"])
        d.t("名下银行卡")
        d.bank_card()
        d.t("。")
    elif inc in ("房屋出租", "二手房"):
        d.t("你将位于")
        d.home(["rented_or_sold_property"])
        d.t("的住房" + ("出租给" if inc == "房屋出租" else "出售给"))
        d.name(["tenant_or_buyer"])
        d.t("（联系电话：")
        d.mobile()
        d.t("），" + ("租期三年，月租金" if inc == "房屋出租" else "成交价格"))
        d.amt()
        d.t(
            "，未按规定申报缴纳"
            + ("房产税、个人所得税" if inc == "房屋出租" else "增值税及附加、个人所得税")
            + "。"
        )
    elif inc == "经营所得":
        owner_ok = "·" not in party and " " not in party and not party.isascii()
        shop = shop_after(rng, party) if owner_ok else shop_plain(rng)
        d.t("你作为")
        d.pub(shop, "shop", ["shop_named_after_owner"] if owner_ok else [])
        d.t("（统一社会信用代码：")
        d.uscc("92")
        d.t("，经营地址：")
        d.pub(biz_address(rng), "business_address", ["beside_home_address"])
        d.t("）经营者，取得经营所得")
        d.amt()
        d.t("，由你父亲")
        d.name(["family"])
        d.t("代为收款至其个人账户")
        d.bank_card()
        d.t("。")
    else:
        d.t("你于")
        d.dt()
        d.t("为")
        d.pub(co, "company")
        d.t("（统一社会信用代码：")
        d.uscc()
        d.t("）提供" + ("咨询服务" if inc == "劳务报酬" else "直播推广服务") + "，取得收入")
        d.amt()
        d.t("，款项由该公司财务人员")
        d.name(["employee"])
        d.t("通过微信、支付宝及其个人银行卡")
        d.bank_card()
        d.t("分笔支付。")
    d.t("经国家税务总局")
    d.pub(rng.choice(["平阳县", "南宁市青秀区", "武汉市江岸区"]) + "税务局", "authority")
    d.t("通知申报，仍未申报。")
    if rng.random() < 0.5:
        d.t("举报人")
        d.name(["informant"])
        d.t("（电话")
        d.mobile()
        d.t("）提供了相关线索。")
    if rng.random() < 0.4:
        d.t("证人")
        d.name(["witness"])
        d.t("的询问笔录证实，")
        d.m(rng.choice(MASKED_NAMES), "name_masked")
        d.t("曾代你签收款项。")
    d.t("\n    上述违法事实，有以下证据为证：1.")
    d.name(["evidence"])
    d.t("相关个人银行账户交易明细记录；2.你的询问笔录；3.")
    d.pub(co, "company")
    d.t("提供的")
    d.pub(f"{rng.randint(2019, 2025)}年", "date")
    d.t(
        "账簿资料。\n    二、处罚决定\n    根据《中华人民共和国税收征收管理法》第六十三条规定，对你少缴的个人所得税"
    )
    d.amt()
    d.t("处百分之五十的罚款")
    d.amt()
    d.t("。\n    限你自本决定书送达之日起十五日内到")
    d.pub(au, "authority")
    d.t(
        "缴纳入库。到期不缴纳罚款，我局可依照《中华人民共和国行政处罚法》第七十二条规定，每日按罚款数额的百分之三加处罚款。\n"
    )
    if rng.random() < 0.5:
        d.t("    你的委托代理人")
        d.name(["agent", "lawyer"])
        d.t("（")
        d.pub(rng.choice(LAW_FIRMS), "law_firm")
        d.t("律师）已于听证中陈述意见。\n")
    d.t("    如对本决定不服，可以自收到本决定书之日起六十日内依法向")
    d.pub("国家税务总局" + rng.choice(["南宁市", "温州市", "北海市"]) + "税务局", "authority")
    d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n    联系地址：")
    d.pub(au_addr, "authority_address")
    d.t("；联系电话：")
    d.pub(au_tel, "authority_phone")
    d.t("，纳税服务热线")
    d.pub("12366", "hotline")
    d.t("。\n\n")
    d.pub(au, "authority")
    d.t("\n")
    d.dt()
    d.t("\n")


def treatment_company(d: Doc) -> None:
    """税务处理决定书 to a company, naming legal representative, staff, agents, bank flows."""
    rng = d.rng
    d.category = "treatment_company"
    au, abbr, au_addr, au_tel = d.authority()
    d.pub(au, "authority")
    d.t("\n税务处理决定书\n")
    d.doc_no(abbr, "处")
    d.t("\n\n")
    co = company(rng)
    d.pub(co, "company")
    d.t("（统一社会信用代码：")
    d.uscc()
    d.t("）：\n    我局于")
    d.dt()
    d.t("对你公司（地址：")
    d.pub(biz_address(rng), "business_address")
    d.t("）涉税情况进行了检查。你公司法定代表人")
    d.name(["legal_rep"])
    d.t("（身份证号码：")
    d.id_card(["legal_rep"])
    d.t("，住")
    d.home(["legal_rep"])
    d.t("）、财务负责人")
    d.name(["finance_head"])
    d.t("、办税人员")
    d.name(["tax_clerk"])
    d.t("电话")
    if rng.random() < 0.5:
        d.mobile()
    else:
        d.landline_private()
    d.t("均无法联系。\n    经查，你公司发票代码：")
    d.pub(f"{rng.randint(1100, 6500)}{rng.randint(15, 22)}{rng.randint(1000, 3130)}", "invoice_code")
    d.t("，发票号码：")
    a = rng.randint(10000000, 90000000)
    d.pub(f"{a:08d}-{a + 24:08d}", "invoice_no")
    d.t("（25份），销方名称：")
    d.pub(company(rng), "company")
    d.t("。你公司通过对公账户")
    d.t(
        f"{rng.randint(1000, 9999)}{rng.randint(10**11, 10**12 - 1)}"
    )  # not scored: RULES §1.5 hides legal persons' bank accounts too
    d.t("向")
    d.pub(company(rng), "company")
    d.t("转款")
    d.amt()
    d.t("后，资金当日经其员工")
    d.name(["employee"])
    d.t("个人账户（")
    d.pub(rng.choice(BANKS), "bank_branch")
    d.t(" ")
    d.bank_card()
    d.t("）回流至你公司股东")
    d.name(["shareholder"])
    d.t("及其妻子")
    d.name(["family"])
    d.t("名下。")
    if rng.random() < 0.5:
        d.t("你公司委托")
        d.pub(rng.choice(AGENCIES), "agency")
        d.t("代理记账，该所税务师")
        d.name(["tax_agent_staff"])
        d.t("（电子邮箱：")
        d.email()
        d.t("）负责申报。")
    d.t("经询问")
    d.m(rng.choice(MASKED_NAMES), "name_masked")
    d.t("和")
    d.pub(company(rng), "company")
    d.t("法定代表人")
    d.m(rng.choice(["严*海", "朱某1", "王某", "陈**"]), "name_masked")
    d.t("，均确认未实际发生交易。\n    二、处理决定及依据\n    追缴增值税")
    d.amt()
    d.t("，城市维护建设税")
    d.amt()
    d.t("，并从税款滞纳之日起至缴纳之日止按日加收滞纳税款万分之五的滞纳金。\n    详情可登录")
    d.pub("https://guangxi.chinatax.gov.cn", "url")
    d.t("查询，咨询电话")
    d.pub(au_tel, "authority_phone")
    d.t("。\n")
    d.pub(au, "authority")
    d.t("\n")
    d.dt()
    d.t("\n")


def review_person(d: Doc) -> None:
    """税务行政复议决定书 / 行政诉讼 of a person."""
    rng = d.rng
    d.category = "review_person"
    au, abbr, au_addr, au_tel = d.authority()
    d.t("国家税务总局" + rng.choice(["南宁市", "温州市", "武汉市"]) + "税务局\n税务行政复议决定书\n")
    d.doc_no(rng.choice(["南税", "温税", "武税"]), "复决字")
    d.t("\n\n申请人：")
    d.name(["applicant"])
    d.t("，" + rng.choice(["男", "女"]) + "，" + rng.choice(["汉族", "壮族", "回族"]) + "，")
    d.t("公民身份号码")
    d.id_card(["applicant"])
    d.t("，住")
    d.home(["applicant"])
    d.t("。\n委托代理人：")
    d.name(["agent", "lawyer"])
    d.t("，")
    d.pub(rng.choice(LAW_FIRMS), "law_firm")
    d.t("律师。\n委托代理人：")
    d.name(["agent", "family"])
    d.t("，系申请人之" + rng.choice(["子", "女", "妻", "兄"]) + "，联系电话")
    d.mobile()
    d.t("。\n被申请人：")
    d.pub(au, "authority")
    d.t("，住所地")
    d.pub(au_addr, "authority_address")
    d.t("。\n    申请人不服被申请人作出的")
    d.doc_no(abbr, "罚")
    d.t("《税务行政处罚决定书》，于")
    d.dt()
    d.t("向本机关申请行政复议。申请人称：其于")
    d.dt()
    d.t("出售位于")
    d.home(["sold_property"])
    d.t("的房屋给")
    d.name(["buyer"])
    d.t("，房款")
    d.amt()
    d.t("已由买受人之母")
    d.name(["family"])
    d.t("转入申请人护照持有人账户，申请人持有护照号码")
    d.p(rng.choice("EG") + f"{rng.randint(10000000, 99999999)}", "passport")
    d.t("、往来港澳通行证")
    d.p("C" + f"{rng.randint(10000000, 99999999)}", "hkmo_permit")
    d.t("。本机关认为，")
    d.m(rng.choice(MASKED_NAMES), "name_masked")
    d.t(
        "等人的证言与银行流水相互印证。\n    本机关决定：维持被申请人作出的处罚决定。申请人如不服，可以自接到本决定之日起十五日内向"
    )
    d.pub(rng.choice(["南宁铁路运输法院", "温州市鹿城区人民法院", "武汉市江岸区人民法院"]), "court")
    d.t("提起行政诉讼。\n")
    d.dt()
    d.t("\n")


def narrative_doc(d: Doc) -> None:
    rng = d.rng
    rng.choice([penalty_person, penalty_person, treatment_company, review_person])(d)


# ------------------------------------------------------------------- tables

Cell = list[Seg]


def cell(d: Doc, fn) -> Cell:  # type: ignore[no-untyped-def]
    start = len(d.segs)
    fn()
    out = d.segs[start:]
    del d.segs[start:]
    return out


def arrears_table(d: Doc) -> tuple[str, list[str], list[list[Cell]], str]:
    rng = d.rng
    head = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人/业主）姓名",
        "身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额（元）",
    ]
    rows = []
    for i in range(rng.randint(3, 7)):
        kind = rng.random()
        owner, otags = make_name(rng)
        row: list[Cell] = [[(str(i + 1), None)]]
        if kind < 0.35:  # 自然人 / 个人
            row.append(
                cell(
                    d,
                    lambda o=owner, t=otags: d.pub(o, "name", t + ["published_by_policy", "arrears_person"]),
                )
            )
            row.append(cell(d, lambda: d.tin_person(["arrears"])))
            row.append(
                cell(
                    d,
                    lambda o=owner, t=otags: d.pub(o, "name", t + ["published_by_policy", "repeated_in_row"]),
                )
            )
        elif kind < 0.7:  # 个体工商户
            sname = (
                shop_after(rng, owner)
                if rng.random() < 0.6 and "·" not in owner and " " not in owner
                else shop_plain(rng)
            )
            row.append(
                cell(
                    d, lambda s=sname, o=owner: d.pub(s, "shop", ["shop_named_after_owner"] if o in s else [])
                )
            )
            row.append(
                cell(d, lambda: d.uscc("92") if rng.random() < 0.5 else d.tin_person(["individual_business"]))
            )
            row.append(cell(d, lambda o=owner, t=otags: d.pub(o, "name", t + ["published_by_policy"])))
        else:
            row.append(cell(d, lambda: d.pub(company(rng), "company")))
            row.append(cell(d, lambda: d.uscc()))
            row.append(cell(d, lambda o=owner, t=otags: d.pub(o, "name", t + ["published_by_policy"])))
        row.append(cell(d, lambda: d.id_card(["arrears"])))
        row.append(cell(d, lambda: d.pub(biz_address(rng), "business_address")))
        row.append(
            [
                (
                    rng.choice(
                        ["个人所得税", "增值税", "房产税", "城镇土地使用税", "增值税、城市维护建设税"]
                    ),
                    None,
                )
            ]
        )
        row.append(cell(d, lambda: d.pub(f"{rng.randint(1000, 900000)}.{rng.randint(0, 99):02d}", "amount")))
        rows.append(row)
    au = (
        d.authority()[0]
        .replace("第一稽查局", "")
        .replace("第二稽查局", "")
        .replace("第三稽查局", "")
        .replace("稽查局", "")
    )
    title = "欠税公告（" + rng.choice(["2026年第1期", "2025年下半年", "个体工商户和其他个人"]) + "）"
    intro = (
        "根据《中华人民共和国税收征收管理法》第四十五条和《欠税公告办法（试行）》的规定，现将截至"
        + date(rng)
        + "欠缴税款的纳税人公告如下："
    )
    return title + "\n" + au + "\n" + intro, head, rows, "特此公告。纳税服务热线：12366。"


def abnormal_table(d: Doc) -> tuple[str, list[str], list[list[Cell]], str]:
    rng = d.rng
    head = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人）",
        "证件号码",
        "生产经营地址",
        "认定日期",
    ]
    rows = []
    for i in range(rng.randint(3, 7)):
        row: list[Cell] = [[(str(i + 1), None)]]
        if rng.random() < 0.4:
            owner, otags = make_name(rng)
            s = shop_after(rng, owner) if "·" not in owner and " " not in owner else shop_plain(rng)
            row.append(
                cell(d, lambda s=s, o=owner: d.pub(s, "shop", ["shop_named_after_owner"] if o in s else []))
            )
            row.append(cell(d, lambda: d.uscc("92")))
            row.append(cell(d, lambda o=owner, t=otags: d.p(o, "name", t + ["shop_owner"])))
        else:
            row.append(cell(d, lambda: d.pub(company(rng), "company")))
            row.append(cell(d, lambda: d.uscc()))
            row.append(cell(d, lambda: d.name(["legal_rep"])))
        row.append(
            cell(
                d,
                lambda: (
                    d.id_card()
                    if rng.random() < 0.85
                    else d.m(make_id(rng)[:6] + "********" + make_id(rng)[-4:], "id_masked")
                ),
            )
        )
        row.append(cell(d, lambda: d.pub(biz_address(rng), "business_address")))
        row.append(cell(d, lambda: d.dt()))
        rows.append(row)
    au = d.authority()
    title = (
        au[0].replace("稽查局", "").replace("第一", "").replace("第二", "").replace("第三", "")
        + "关于认定非正常户的公告"
    )
    intro = "下列纳税人未按照规定的期限申报纳税，经税务机关责令限期改正后仍不改正，且经实地检查查无下落，根据《税务登记管理办法》等规定，现认定为非正常户，公告如下："
    tail = "联系地址：" + au[2] + "，联系电话：" + au[3] + "。"
    return title + "\n" + intro, head, rows, tail


def service_table(d: Doc) -> tuple[str, list[str], list[list[Cell]], str]:
    rng = d.rng
    head = ["序号", "受送达人", "纳税人识别号/身份证件号码", "送达文书名称及文号", "备注"]
    rows = []
    au = d.authority()
    for i in range(rng.randint(3, 6)):
        row: list[Cell] = [[(str(i + 1), None)]]
        r = rng.random()
        if r < 0.55:
            row.append(cell(d, lambda: d.name(["service_addressee"])))
            row.append(cell(d, lambda: d.tin_person() if rng.random() < 0.5 else d.id_card()))
        elif r < 0.75:
            row.append(cell(d, lambda: d.pub(company(rng), "company")))
            row.append(cell(d, lambda: d.uscc()))
        else:
            row.append(cell(d, lambda: d.m(rng.choice(MASKED_NAMES), "name_masked")))
            row.append(cell(d, lambda: d.m(make_id(rng)[:6] + "********" + make_id(rng)[-4:], "id_masked")))
        row.append(cell(d, lambda: (d.t("《税务行政处罚决定书》"), d.doc_no(au[1], "罚"))))
        row.append(
            cell(d, lambda: (d.t("原住址"), d.home(["service"])) if rng.random() < 0.5 else d.t("查无下落"))
        )
        rows.append(row)
    title = au[0] + "\n税务文书送达公告"
    intro = "因采用直接送达、留置送达、委托送达、邮寄送达等方式无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，向下列受送达人公告送达税务文书。自公告之日起满三十日，即视为送达。"
    tail = "受送达人可到" + au[2] + "领取文书。联系电话：" + au[3] + "。"
    return title + "\n" + intro, head, rows, tail


def dishonest_table(d: Doc) -> tuple[str, list[str], list[list[Cell]], str]:
    rng = d.rng
    head = [
        "纳税人名称",
        "纳税人识别号",
        "注册地址",
        "法定代表人或者负责人姓名、性别及身份证号码",
        "负有直接责任的财务负责人姓名、性别及身份证号码",
        "负有直接责任的中介机构信息及其从业人员信息",
        "主要违法事实",
    ]
    rows = []
    for _ in range(rng.randint(1, 3)):
        row: list[Cell] = []
        if rng.random() < 0.3:
            row.append(cell(d, lambda: d.name(["dishonest_person"], published=True)))
            row.append(cell(d, lambda: d.m(make_id(rng)[:6] + "********" + make_id(rng)[-4:], "id_masked")))
            row.append(cell(d, lambda: d.home(["dishonest_person"])))
        else:
            row.append(cell(d, lambda: d.pub(company(rng), "company")))
            row.append(cell(d, lambda: d.uscc()))
            row.append(cell(d, lambda: d.pub(biz_address(rng), "business_address")))

        def rep() -> None:
            d.name(published=True)
            d.t("，" + rng.choice(["男", "女"]) + "，")
            v = make_id(rng)
            d.m(v[:6] + "********" + v[-4:], "id_masked")

        row.append(cell(d, rep))
        row.append(cell(d, rep if rng.random() < 0.6 else (lambda: d.t("无"))))

        def agent() -> None:
            if rng.random() < 0.5:
                d.pub(rng.choice(AGENCIES), "agency")
                d.t("，")
                d.name(["intermediary_staff"], published=True)
                d.t("，")
                v = make_id(rng)
                d.m(v[:6] + "********" + v[-4:], "id_masked")
            else:
                d.t("无")

        row.append(cell(d, agent))

        def facts() -> None:
            d.t("经国家税务总局稽查局检查，于")
            d.dt()
            d.t("至")
            d.dt()
            d.t("期间，虚开增值税专用发票，价税合计")
            d.amt()
            d.t("。")

        row.append(cell(d, facts))
        rows.append(row)
    au = d.authority()
    title = "重大税收违法失信主体信息公布\n" + au[0]
    intro = "根据《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号），现将失信主体信息公布如下："
    return title + "\n" + intro, head, rows, "信息公布期限为3年。"


def dual_kv(d: Doc) -> tuple[str, list[str], list[list[Cell]], str]:
    """双公示 行政处罚 records (also 定额核定, 社保费/非税 缴费人)."""
    rng = d.rng
    sub = rng.choice(["penalty", "quota", "fee"])
    rows = []
    au = d.authority()
    if sub == "penalty":
        head = [
            "行政处罚决定书文号",
            "行政相对人名称",
            "行政相对人类别",
            "统一社会信用代码",
            "法定代表人",
            "证件类型",
            "证件号码",
            "处罚事由",
            "罚款金额（万元）",
            "处罚决定日期",
            "处罚机关",
        ]
        for _ in range(rng.randint(2, 4)):
            owner, ot = make_name(rng)
            person = rng.random() < 0.5
            row: list[Cell] = [cell(d, lambda: d.doc_no(au[1], "罚"))]
            if person:
                row.append(cell(d, lambda o=owner, t=ot: d.p(o, "name", t + ["party"])))
                row.append([("自然人", None)])
                row.append([("", None)])
                row.append([("", None)])
            else:
                s = shop_after(rng, owner) if "·" not in owner and " " not in owner else shop_plain(rng)
                row.append(
                    cell(
                        d, lambda s=s, o=owner: d.pub(s, "shop", ["shop_named_after_owner"] if o in s else [])
                    )
                )
                row.append([("个体工商户", None)])
                row.append(cell(d, lambda: d.uscc("92")))
                row.append(
                    cell(d, lambda o=owner, t=ot: d.p(o, "name", t + ["shop_owner", "repeated_in_row"]))
                )
            row.append([("身份证", None)])
            row.append(cell(d, lambda: d.id_card()))
            row.append(
                [(rng.choice(["未按规定期限办理纳税申报", "偷税", "未按规定开具发票", "逃避追缴欠税"]), None)]
            )
            row.append(cell(d, lambda: d.pub(f"{rng.randint(1, 500) / 100:.4f}", "amount")))
            row.append(cell(d, lambda: d.dt()))
            row.append(cell(d, lambda: d.pub(au[0], "authority")))
            rows.append(row)
        title = "行政处罚信息公示（双公示）"
    elif sub == "quota":
        head = [
            "业户名称",
            "业主姓名",
            "社会信用代码",
            "经营地址",
            "联系电话",
            "核定月销售额（元）",
            "核定期限",
        ]
        for _ in range(rng.randint(3, 6)):
            owner, ot = make_name(rng)
            s = shop_after(rng, owner) if "·" not in owner and " " not in owner else shop_plain(rng)
            rows.append(
                [
                    cell(
                        d, lambda s=s, o=owner: d.pub(s, "shop", ["shop_named_after_owner"] if o in s else [])
                    ),
                    cell(d, lambda o=owner, t=ot: d.p(o, "name", t + ["shop_owner"])),
                    cell(d, lambda: d.uscc("92")),
                    cell(d, lambda: d.pub(biz_address(rng), "business_address")),
                    cell(d, lambda: d.mobile() if rng.random() < 0.7 else d.landline_private()),
                    cell(d, lambda: d.pub(str(rng.randint(5, 90) * 1000), "amount")),
                    [("2026年1月-12月", None)],
                ]
            )
        title = "个体工商户定额核定公示"
    else:
        head = ["缴费人姓名", "身份证件号码", "费种", "所属期", "欠费金额（元）", "户籍地址"]
        for _ in range(rng.randint(3, 6)):
            rows.append(
                [
                    cell(d, lambda: d.name(["fee_payer"])),
                    cell(d, lambda: d.id_card(["fee_payer"])),
                    [
                        (
                            rng.choice(
                                [
                                    "城乡居民基本养老保险费",
                                    "灵活就业人员医疗保险费",
                                    "残疾人就业保障金",
                                    "土地闲置费",
                                ]
                            ),
                            None,
                        )
                    ],
                    [("2025年", None)],
                    cell(d, lambda: d.amt()),
                    cell(d, lambda: d.home(["fee_payer"])),
                ]
            )
        title = "社会保险费及非税收入缴费人欠费催缴公告"
    return title + "\n" + au[0], head, rows, "监督电话：" + au[3] + "；12366纳税缴费服务热线。"


TABLE_KINDS = {
    "arrears": arrears_table,
    "abnormal": abnormal_table,
    "service": service_table,
    "dishonest": dishonest_table,
    "dual": dual_kv,
}

# -------------------------------------------------------------- flatteners


def seg_text(c: Cell) -> str:
    return "".join(t for t, _ in c)


def flatten(rng: random.Random, layout: str, head: list[str], rows: list[list[Cell]]) -> list[Seg]:
    out: list[Seg] = []

    def add(c: Cell) -> None:
        out.extend(c)

    def lit(s: str) -> None:
        out.append((s, None))

    if layout in ("tab", "pipe", "semicolon"):
        sep = {"tab": "\t", "pipe": " | ", "semicolon": "；"}[layout]
        if layout == "pipe":
            lit("| " + " | ".join(head) + " |\n|" + "---|" * len(head) + "\n| ")
        else:
            lit(sep.join(head) + "\n")
        for n, r in enumerate(rows):
            for i, c in enumerate(r):
                if i:
                    lit(sep)
                add(c)
            if layout == "pipe":
                lit(" |\n| " if n + 1 < len(rows) else " |\n")
            else:
                lit("。\n" if layout == "semicolon" else "\n")
    elif layout == "cell_per_line":
        for h in head:
            lit(h + "\n")
        for r in rows:
            for c in r:
                add(c)
                lit("\n")
    elif layout == "space_aligned":
        widths = [max(len(h), *(len(seg_text(r[i])) for r in rows)) + 2 for i, h in enumerate(head)]
        lit("".join(h + " " * (w - len(h)) for h, w in zip(head, widths, strict=True)).rstrip() + "\n")
        for r in rows:
            for c, w in zip(r, widths, strict=True):
                add(c)
                lit(" " * (w - len(seg_text(c))))
            lit("\n")
    elif layout == "kv":
        for r in rows:
            for h, c in zip(head, r, strict=True):
                lit(h + "：")
                add(c)
                lit("\n")
            lit("\n")
    elif layout == "csv":
        lit(",".join(head) + "\n")
        for r in rows:
            for i, c in enumerate(r):
                if i:
                    lit(",")
                txt = seg_text(c)
                if "," in txt or "\n" in txt or rng.random() < 0.3:
                    lit('"')
                    add(c)
                    lit('"')
                else:
                    add(c)
            lit("\r\n" if rng.random() < 0.2 else "\n")
    elif layout == "html":
        lit("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>\n")
        for r in rows:
            lit("<tr>")
            for c in r:
                lit("<td>")
                add(c)
                lit("</td>")
            lit("</tr>\n")
        lit("</tbody></table>")
    else:
        raise ValueError(layout)
    return out


def csv_break_addresses(rng: random.Random, rows: list[list[Cell]]) -> None:
    """Put a line break inside some address cells (quoted CSV cells with newlines)."""
    for r in rows:
        for c in r:
            for i, (txt, lab) in enumerate(c):
                if (
                    lab
                    and lab["type"] in ("home_address", "business_address")
                    and rng.random() < 0.5
                    and len(txt) > 8
                ):
                    k = rng.randint(3, len(txt) - 3)
                    c[i] = (
                        txt[:k] + "\n" + txt[k:],
                        {**lab, "tags": sorted(set(lab["tags"]) | {"line_broken"})},
                    )


# --------------------------------------------------------------- rendering


def render(segs: list[Seg]) -> tuple[str, list[dict]]:
    text = []
    spans = []
    pos = 0
    for s, lab in segs:
        if lab is not None and s:
            spans.append({"start": pos, "end": pos + len(s), **lab})
        text.append(s)
        pos += len(s)
    return "".join(text), spans


def pdf_wrap(rng: random.Random, text: str, spans: list[dict]) -> tuple[str, list[dict]]:
    """Break lines every ~W characters, as pdftotext does, also inside values."""
    width = rng.randint(24, 38)
    inserts = []
    col = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            col = 0
            continue
        col += 1
        if col >= width and i + 1 < len(text) and text[i + 1] != "\n":
            inserts.append(i + 1)
            col = 0
    return apply_inserts(text, spans, inserts, "\n", "pdf_wrapped")


def apply_inserts(
    text: str, spans: list[dict], inserts: list[int], what: str, tag: str
) -> tuple[str, list[dict]]:
    import bisect

    inserts = sorted(set(inserts))
    out = []
    prev = 0
    for p in inserts:
        out.append(text[prev:p])
        out.append(what)
        prev = p
    out.append(text[prev:])
    new_spans = []
    for sp in spans:
        before_start = bisect.bisect_right(inserts, sp["start"])
        before_end = bisect.bisect_left(inserts, sp["end"])
        ns = {
            **sp,
            "start": sp["start"] + before_start * len(what),
            "end": sp["end"] + before_end * len(what),
        }
        if before_end > before_start:
            ns["tags"] = sorted(set(sp["tags"]) | {tag})
        new_spans.append(ns)
    return "".join(out), new_spans


OCR_SWAP = {"，": ",", "。": ".", "：": ":", "（": "(", "）": ")", "号": "寻", "局": "屆", "的": "旳"}


def ocr_noise(rng: random.Random, text: str, spans: list[dict]) -> str:
    inside = [False] * len(text)
    for sp in spans:
        for i in range(sp["start"], sp["end"]):
            inside[i] = True
    chars = list(text)
    for i, ch in enumerate(chars):
        if not inside[i] and ch in OCR_SWAP and rng.random() < 0.12:
            chars[i] = OCR_SWAP[ch]
    return "".join(chars)


def break_values(rng: random.Random, segs: list[Seg]) -> list[Seg]:
    """Line breaks inside some numbers and names (a second source of broken values)."""
    out = []
    for s, lab in segs:
        if lab and lab["kind"] == "personal" and len(s) >= 6 and rng.random() < 0.12:
            k = rng.randint(2, len(s) - 2)
            s = s[:k] + "\n" + s[k:]
            lab = {**lab, "tags": sorted(set(lab["tags"]) | {"line_broken"})}
        out.append((s, lab))
    return out


LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "kv", "csv", "html", "semicolon"]


def build(i: int, rng: random.Random) -> dict:
    r = rng.random()
    if r < 0.42:
        d = Doc(rng, "narrative")
        narrative_doc(d)
        segs = break_values(rng, d.segs)
        layout = "narrative"
        text, spans = render(segs)
        if rng.random() < 0.5:
            text, spans = pdf_wrap(rng, text, spans)
            layout = "pdf_wrap"
    else:
        cat = rng.choice(list(TABLE_KINDS))
        d = Doc(rng, cat)
        title, head, rows, tail = TABLE_KINDS[cat](d)
        layout = rng.choice(LAYOUTS)
        if layout == "csv":
            csv_break_addresses(rng, rows)
        segs = [(title + "\n", None), *flatten(rng, layout, head, rows), ("\n" + tail + "\n", None)]
        text, spans = render(segs)
        d.category = cat
        if layout in ("cell_per_line", "tab") and rng.random() < 0.3:
            text, spans = pdf_wrap(rng, text, spans)
            layout += "+pdf_wrap"
    if rng.random() < 0.2:
        text = ocr_noise(rng, text, spans)
        layout += "+ocr"
    for sp in spans:
        assert sp["end"] > sp["start"]
    return {"id": f"m8-{i:03d}", "category": d.category, "layout": layout, "text": text, "spans": spans}


def main() -> None:
    rng = random.Random(SEED)
    docs = []
    for i in range(N_DOCS):
        doc = build(i, rng)
        docs.append(doc)
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
