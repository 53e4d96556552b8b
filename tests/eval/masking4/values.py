"""Value generators for the masking4 evaluation set: names, numbers with their checksums, addresses.

Written without reading the masker. Every generator takes the caller's ``random.Random`` so a run
with the same seed gives the same values; every rendered value is a ``Val`` that carries its label.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PERSONAL = "personal"
PUBLIC = "public"
MASKED = "already_masked"


@dataclass(frozen=True)
class Val:
    """One labelled value as it appears in the text."""

    text: str
    type: str
    cls: str
    tags: tuple[str, ...] = field(default=())

    def with_tags(self, *more: str) -> Val:
        return Val(self.text, self.type, self.cls, tuple(dict.fromkeys(self.tags + more)))


# --------------------------------------------------------------------------------------------
# Places (real administrative codes, area codes and provincial tax sites)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    province: str
    name: str
    area: str
    site: str
    districts: tuple[tuple[str, str], ...]


CITIES = (
    City(
        "广西壮族自治区",
        "南宁市",
        "0771",
        "guangxi",
        (("青秀区", "450103"), ("兴宁区", "450102"), ("西乡塘区", "450107")),
    ),
    City("广西壮族自治区", "柳州市", "0772", "guangxi", (("城中区", "450202"), ("鱼峰区", "450203"))),
    City(
        "广东省",
        "广州市",
        "020",
        "guangdong",
        (("天河区", "440106"), ("越秀区", "440104"), ("白云区", "440111")),
    ),
    City(
        "广东省",
        "深圳市",
        "0755",
        "shenzhen",
        (("福田区", "440304"), ("南山区", "440305"), ("宝安区", "440306")),
    ),
    City(
        "浙江省",
        "杭州市",
        "0571",
        "zhejiang",
        (("西湖区", "330106"), ("上城区", "330102"), ("滨江区", "330108")),
    ),
    City(
        "四川省",
        "成都市",
        "028",
        "sichuan",
        (("锦江区", "510104"), ("武侯区", "510107"), ("成华区", "510108")),
    ),
    City(
        "湖北省", "武汉市", "027", "hubei", (("江岸区", "420102"), ("武昌区", "420106"), ("洪山区", "420111"))
    ),
    City("陕西省", "西安市", "029", "shaanxi", (("雁塔区", "610113"), ("碑林区", "610103"))),
    City("山东省", "济南市", "0531", "shandong", (("历下区", "370102"), ("市中区", "370103"))),
    City("云南省", "昆明市", "0871", "yunnan", (("五华区", "530102"), ("盘龙区", "530103"))),
    City(
        "新疆维吾尔自治区", "乌鲁木齐市", "0991", "xinjiang", (("天山区", "650102"), ("沙依巴克区", "650103"))
    ),
    City(
        "北京市",
        "北京市",
        "010",
        "beijing",
        (("东城区", "110101"), ("朝阳区", "110105"), ("海淀区", "110108")),
    ),
    City("上海市", "上海市", "021", "shanghai", (("黄浦区", "310101"), ("浦东新区", "310115"))),
    City("江苏省", "苏州市", "0512", "jiangsu", (("姑苏区", "320508"), ("吴中区", "320506"))),
)

STREETS = (
    "民族大道",
    "朝阳路",
    "人民路",
    "解放路",
    "建设路",
    "中山路",
    "友爱南路",
    "金湖路",
    "滨江路",
    "科技园路",
    "长江路",
    "团结路",
    "新华街",
    "东风路",
    "和平路",
    "环城北路",
    "青年路",
    "文化路",
    "竹溪大道",
    "星光大道",
)
ESTATES = (
    "春晖花园",
    "翠湖新城",
    "阳光丽景",
    "锦绣家园",
    "金色华庭",
    "幸福里小区",
    "碧水蓝天",
    "荔园小区",
    "凤凰城",
    "东方明珠苑",
    "紫荆花园",
    "万象府",
    "御景湾",
    "书香名邸",
    "龙湖天街",
)
TOWNS = ("石埠镇", "那洪街道", "良庆镇", "龙华街道", "新安街道", "金花镇", "青龙镇", "双流街道", "马坡乡")
VILLAGES = ("坛洛村", "大塘村", "新屋村", "岭头村", "石门村", "坝上村", "黄泥坳村", "上林村", "水口村")
BUILDINGS = (
    "国际金融中心",
    "金湖广场",
    "华润大厦",
    "航洋国际",
    "科兴科学园",
    "环球中心",
    "世贸大厦",
    "创业大厦",
)
MARKETS = ("五一综合市场", "农贸市场", "建材城", "小商品城", "汽配城", "水果批发市场")

# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "长孙",
    "司徒",
    "夏侯",
    "端木",
    "公孙",
    "宇文",
    "南宫",
    "独孤",
    "申屠",
    "澹台",
    "轩辕",
    "呼延",
    "闻人",
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美玉兰桂萍红梅琳雪霞婷燕宇浩鹏辉刚平斌波峰建国志"
    "海亮晨欣怡佳琪子轩梓涵一诺浩然思远俊熙雨萱嘉懿晓东春生秋菊冬梅德胜永福福贵金凤银花国庆"
)
# Full names that are also ordinary words, and given names that are places.
WORD_NAMES = (
    "高明",
    "高峰",
    "方正",
    "金山",
    "江南",
    "白云",
    "常青",
    "林海",
    "马力",
    "向阳",
    "文明",
    "安康",
    "夏雨",
    "黄河",
    "田野",
    "齐心",
    "华夏",
    "龙飞",
    "石林",
    "程序",
    "万里",
    "江山",
    "秦川",
    "白露",
    "钱多多",
)
PLACE_NAMES = (
    "李长春",
    "张延安",
    "刘南昌",
    "陈桂林",
    "王洛阳",
    "孙淮安",
    "周海宁",
    "吴永康",
    "黄泰安",
    "何建德",
    "郑丹东",
    "马鞍山",
    "韦柳州",
    "覃南宁",
    "赵大同",
    "罗新疆",
    "杨昆明",
    "徐吉林",
)
UYGHUR_FIRST = (
    "阿不都热合曼",
    "热依拉",
    "努尔兰",
    "古丽米热",
    "艾合买提",
    "帕提古丽",
    "米尔扎提",
    "阿依努尔",
    "迪丽努尔",
    "买合木提",
    "吐尔洪",
    "再努尔",
    "依力哈木",
    "阿迪力",
    "祖丽皮亚",
)
UYGHUR_SECOND = (
    "买买提",
    "阿不都拉",
    "哈力木拉提",
    "吐尔逊",
    "托合提",
    "艾则孜",
    "吾斯曼",
    "卡德尔",
    "阿布都",
    "依明",
    "热合曼",
    "沙吾提",
    "艾力",
    "克里木",
)
DOTS = ("·", "·", "·", "•", "・", "．")
TIBETAN = ("扎西顿珠", "次仁央金", "格桑卓玛", "洛桑多吉", "索朗旺姆", "巴桑次仁", "阿苏拉且", "达瓦卓嘎")
LATIN_PINYIN = (
    ("ZHANG", "Wei"),
    ("LI", "Xiaoming"),
    ("WANG", "Fang"),
    ("LIU", "Yang"),
    ("CHEN", "Jing"),
    ("HUANG", "Haitao"),
    ("ZHOU", "Lina"),
    ("WU", "Jiahao"),
    ("OUYANG", "Xue"),
    ("SIMA", "Qian"),
)
LATIN_HK = (
    ("CHAN", "Tai Man", "陈大文"),
    ("WONG", "Ka Ming", "黄嘉明"),
    ("LEE", "Siu Fung", "李兆丰"),
    ("CHEUNG", "Wai Yin", "张慧贤"),
    ("LAU", "Chi Keung", "刘志强"),
    ("LEONG", "Kin Fai", "梁健辉"),
    ("LIN", "Chih-Hao", "林志豪"),
    ("CHANG", "Mei-Ling", "张美玲"),
    ("TSAI", "Ming-Che", "蔡明哲"),
)
LATIN_FOREIGN = (
    "John SMITH",
    "Emily JOHNSON",
    "Michael BROWN",
    "Anna MUELLER",
    "Kenji TANAKA",
    "Minsoo KIM",
    "Maria GARCIA LOPEZ",
    "David O'CONNOR",
    "Olga PETROVA",
    "Sarah Jane WILLIAMS",
)
STAGE_PREFIX = ("小鹿", "阿杰", "甜心", "大熊", "柠檬", "老K", "糖糖", "七七", "阿飞", "胖虎", "小蛮", "南风")
STAGE_SUFFIX = ("酱", "说财经", "哥哥", "不萌", "聊车", "姐姐", "来了", "Vlog", "的日常", "同学", "带货", "")


@dataclass(frozen=True)
class Person:
    """A natural person: the Chinese name as written, and tags describing how hard it is."""

    name: str
    tags: tuple[str, ...]
    latin: str = ""  # Latin-script name written before the Chinese one, if any


def person(rng: random.Random, kind: str | None = None) -> Person:
    kinds = (
        ["three"] * 8
        + ["two"] * 4
        + ["compound"] * 2
        + ["word"] * 2
        + ["place"] * 2
        + ["dot"] * 2
        + ["tibetan"]
        + ["padded"] * 2
        + ["latin_cn"]
        + ["latin"]
    )
    k = kind or rng.choice(kinds)
    if k == "three":
        return Person(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), ("three_char",))
    if k == "two":
        return Person(rng.choice(SURNAMES) + rng.choice(GIVEN), ("two_char",))
    if k == "compound":
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        return Person(rng.choice(COMPOUND_SURNAMES) + given, ("compound_surname",))
    if k == "word":
        return Person(rng.choice(WORD_NAMES), ("word_name",))
    if k == "place":
        return Person(rng.choice(PLACE_NAMES), ("place_name",))
    if k == "dot":
        name = rng.choice(UYGHUR_FIRST) + rng.choice(DOTS) + rng.choice(UYGHUR_SECOND)
        return Person(name, ("minority_dot",))
    if k == "tibetan":
        return Person(rng.choice(TIBETAN), ("minority_nodot",))
    if k == "padded":
        base = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
        sep = rng.choice(("　", " ", "  "))
        return Person(sep.join(base), ("padded_name",))
    if k == "latin_cn":
        sur, given, cn = rng.choice(LATIN_HK)
        latin = f"{sur} {given}" if rng.random() < 0.5 else f"{sur} {given.upper()}"
        return Person(cn, ("latin_before_cn",), latin=latin)
    if k == "latin":
        if rng.random() < 0.5:
            sur, given = rng.choice(LATIN_PINYIN)
            return Person(
                f"{sur} {given}" if rng.random() < 0.6 else f"{given} {sur}", ("latin_name", "pinyin")
            )
        return Person(rng.choice(LATIN_FOREIGN), ("latin_name", "foreign"))
    raise ValueError(k)


def stage_name(rng: random.Random) -> str:
    return rng.choice(STAGE_PREFIX) + rng.choice(STAGE_SUFFIX)


def masked_name(rng: random.Random) -> str:
    sur = rng.choice(SURNAMES)
    return rng.choice(
        (sur + "*", sur + "**", sur + "某", sur + "某某", sur + "××", sur + "＊＊", "XXX", "某某")
    )


# --------------------------------------------------------------------------------------------
# Numbers with checksums
# --------------------------------------------------------------------------------------------

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_check(body17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS, strict=True)) % 11]


def resident_id18(rng: random.Random, region: str, want_x: bool | None = None) -> str:
    for _ in range(1000):
        year = rng.randint(1952, 2008)
        body = f"{region}{year:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        check = id_check(body)
        if want_x is None or (check == "X") == want_x:
            return body + check
    raise RuntimeError("no id")


def resident_id15(rng: random.Random, region: str) -> str:
    year = rng.randint(50, 84)
    return f"{region}{year:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"


def id_valid(value: str) -> bool:
    v = value.upper()
    if len(v) == 18:
        return v[:17].isdigit() and id_check(v[:17]) == v[17]
    return len(v) == 15 and v.isdigit()


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code(rng: random.Random) -> str:
    """A 9-character organisation code (GB 11714) whose characters are also valid in a USCC."""
    for _ in range(1000):
        if rng.random() < 0.5:
            body = "MA" + "".join(rng.choice(USCC_CHARS) for _ in range(6))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        total = sum(
            (int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, ORG_WEIGHTS, strict=True)
        )
        c9 = 11 - total % 11
        check = "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
        if check in USCC_CHARS:
            return body + check
    raise RuntimeError("no org code")


def uscc_check(body17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc(rng: random.Random, region: str, kind: str = "91") -> str:
    body = kind + region + org_code(rng)
    return body + uscc_check(body)


def uscc_valid(value: str) -> bool:
    return len(value) == 18 and all(c in USCC_CHARS for c in value) and uscc_check(value[:17]) == value[17]


def luhn_check(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(value: str) -> bool:
    return value.isdigit() and luhn_check(value[:-1]) == value[-1]


BINS = ("622202", "621700", "622848", "621483", "622588", "621661", "622908", "623058", "621226", "625966")


def bank_card(rng: random.Random) -> str:
    length = rng.choice((16, 19, 19, 19, 17, 18))
    bin_ = rng.choice(BINS)
    body = bin_ + "".join(rng.choice("0123456789") for _ in range(length - len(bin_) - 1))
    return body + luhn_check(body)


MOBILE_PREFIX = (
    "138",
    "139",
    "135",
    "136",
    "150",
    "151",
    "158",
    "182",
    "187",
    "177",
    "199",
    "186",
    "131",
    "173",
    "166",
)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIX) + "".join(rng.choice("0123456789") for _ in range(8))


def local_number(rng: random.Random, area: str) -> str:
    digits = 8 if len(area) == 3 else rng.choice((7, 8))
    return str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(digits - 1))


def passport(rng: random.Random) -> str:
    form = rng.choice(("E8", "EA", "G8", "P8", "K8"))
    if form == "EA":
        return (
            "E" + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(rng.choice("0123456789") for _ in range(7))
        )
    return form[0] + "".join(rng.choice("0123456789") for _ in range(8))


def permit(rng: random.Random, kind: str) -> str:
    """Identity documents of HK, Macao and Taiwan residents and mainland exit permits."""
    if kind == "hkmo":  # 港澳居民来往内地通行证
        return rng.choice("HM") + "".join(rng.choice("0123456789") for _ in range(8))
    if kind == "tw":  # 台湾居民来往大陆通行证 (8 digits)
        return "".join(rng.choice("0123456789") for _ in range(8))
    if kind == "exit":  # 往来港澳通行证
        return (
            "C" + rng.choice("0123456789ABCDEFGHJKLMN") + "".join(rng.choice("0123456789") for _ in range(7))
        )
    if kind == "hkid":  # 香港身份证
        return (
            rng.choice("ACDEGKPRVYZ")
            + "".join(rng.choice("0123456789") for _ in range(6))
            + f"({rng.randint(0, 9)})"
        )
    raise ValueError(kind)


def residence_permit(rng: random.Random, where: str) -> str:
    """港澳台居民居住证: an 18-digit number with region 810000/820000/830000 and the ID checksum."""
    return resident_id18(rng, {"hk": "810000", "mo": "820000", "tw": "830000"}[where])


def invoice_code(rng: random.Random, region: str) -> str:
    """10 digits (region, year, batch, kind) or 12 digits (0, region, year, batch, kind)."""
    yy = rng.randint(15, 23)
    if rng.random() < 0.5:
        return f"{region[:4]}{yy}{rng.randint(1, 9)}{rng.choice(('130', '140', '320'))}"
    return f"0{region[:4]}{yy}{rng.randint(1, 999):03d}{rng.choice(('11', '04', '12', '06'))}"


def invoice_number(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return "2" + str(rng.randint(3, 6)) + "".join(rng.choice("0123456789") for _ in range(18))
    return f"{rng.randint(0, 99999999):08d}"


def amount(rng: random.Random) -> str:
    value = rng.randint(100, 9_000_000) + rng.randint(0, 99) / 100
    form = rng.random()
    if form < 0.5:
        return f"{value:.2f}元"
    if form < 0.8:
        return f"{value:,.2f}元"
    if form < 0.9:
        return f"{value / 10000:.2f}万元"
    return f"{int(value)}元"


CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def date(rng: random.Random, year: int | None = None) -> str:
    y = year or rng.randint(2019, 2026)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    form = rng.random()
    if form < 0.7:
        return f"{y}年{m}月{d}日"
    if form < 0.85:
        return f"{y}-{m:02d}-{d:02d}"
    if form < 0.92:
        return f"{y}.{m:02d}.{d:02d}"
    return "".join(CN_DIGITS[int(c)] for c in str(y)) + "年" + cn_number(m) + "月" + cn_number(d) + "日"
