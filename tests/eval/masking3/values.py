"""Value generators for the masking3 evaluation corpus: names, identity numbers, phones, addresses,
organisations. Every generator takes a `random.Random` and returns plain strings (no hidden state),
so the corpus is a pure function of the seed."""

from __future__ import annotations

import random

# --- checksums -------------------------------------------------------------------------------------

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def id_check(body17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS, strict=True)) % 11]


def id_valid(value: str) -> bool:
    value = value.upper()
    return len(value) == 18 and value[:17].isdigit() and id_check(value[:17]) == value[17]


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_code_check(body8: str) -> str:
    total = sum(ORG_CHARS.index(c) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "0" if c == 11 else ("X" if c == 10 else str(c))


def uscc_check(body17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc_valid(value: str) -> bool:
    if len(value) != 18 or any(c not in USCC_CHARS for c in value):
        return False
    return uscc_check(value[:17]) == value[17]


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    for d in "0123456789":
        if luhn_valid(body + d):
            return body + d
    raise AssertionError("unreachable")


# --- writings of digit strings ------------------------------------------------------------------------

FW = str.maketrans("0123456789Xx+-@", "０１２３４５６７８９ＸＸ＋－＠")


def fullwidth(s: str) -> str:
    return s.translate(FW)


def group(s: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def break_line(rng: random.Random, s: str) -> str:
    cut = rng.randint(3, len(s) - 3)
    return s[:cut] + "\n" + s[cut:]


# --- geography --------------------------------------------------------------------------------------

# (province, city, district, area code of IDs, phone area code)
PLACES = [
    ("上海市", "", "浦东新区", "310115", "021"),
    ("上海市", "", "徐汇区", "310104", "021"),
    ("北京市", "", "朝阳区", "110105", "010"),
    ("北京市", "", "海淀区", "110108", "010"),
    ("天津市", "", "南开区", "120104", "022"),
    ("重庆市", "", "渝中区", "500103", "023"),
    ("浙江省", "杭州市", "西湖区", "330106", "0571"),
    ("浙江省", "温州市", "平阳县", "330326", "0577"),
    ("浙江省", "宁波市", "鄞州区", "330212", "0574"),
    ("广东省", "深圳市", "南山区", "440305", "0755"),
    ("广东省", "广州市", "天河区", "440106", "020"),
    ("广东省", "东莞市", "", "441900", "0769"),
    ("广西壮族自治区", "南宁市", "青秀区", "450103", "0771"),
    ("广西壮族自治区", "南宁市", "良庆区", "450108", "0771"),
    ("江苏省", "苏州市", "姑苏区", "320508", "0512"),
    ("江苏省", "南京市", "鼓楼区", "320106", "025"),
    ("四川省", "成都市", "武侯区", "510107", "028"),
    ("湖北省", "武汉市", "洪山区", "420111", "027"),
    ("山东省", "青岛市", "市南区", "370202", "0532"),
    ("山东省", "济南市", "历下区", "370102", "0531"),
    ("陕西省", "西安市", "雁塔区", "610113", "029"),
    ("福建省", "厦门市", "思明区", "350203", "0592"),
    ("湖南省", "长沙市", "岳麓区", "430104", "0731"),
    ("河南省", "郑州市", "金水区", "410105", "0371"),
    ("辽宁省", "沈阳市", "和平区", "210102", "024"),
    ("云南省", "昆明市", "五华区", "530102", "0871"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102", "0991"),
    ("安徽省", "合肥市", "蜀山区", "340104", "0551"),
]
STREETS = [
    "人民路",
    "解放路",
    "中山路",
    "建设路",
    "和平街",
    "文化路",
    "长江路",
    "滨江大道",
    "学府路",
    "新华街",
    "青年路",
    "金桥路",
    "望江路",
    "迎宾大道",
    "朝阳北路",
    "桂花巷",
    "东风路",
    "凤凰路",
    "光华大道",
    "银杏街",
    "团结路",
    "兴业路",
    "幸福大街",
    "南湖路",
    "西溪路",
    "港湾大道",
]
COMPOUNDS = [
    "阳光花园",
    "锦绣家园",
    "翠湖苑",
    "金色港湾",
    "春晖小区",
    "幸福里",
    "梧桐苑",
    "紫荆城",
    "碧水湾",
    "绿城桂花园",
    "枫林湾",
    "世纪新城",
    "和谐家园",
    "天悦府",
    "东方名苑",
    "香樟园",
]
TOWNS = ["鳌江镇", "城关镇", "新安镇", "万全镇", "石桥镇", "河口镇", "龙泉乡"]
VILLAGES = ["前进村", "新民村", "东岙村", "双塘村", "杨柳村", "石门村"]
BUILDINGS = ["国际商务中心", "万科大厦", "财富广场", "科技园", "创业大厦", "金融中心", "工业园"]


def place(rng: random.Random) -> tuple[str, str, str, str, str]:
    return rng.choice(PLACES)


def home_address(rng: random.Random, p: tuple[str, str, str, str, str] | None = None) -> str:
    prov, city, dist, _, _ = p or place(rng)
    head = rng.choice([prov + city + dist, city + dist if city else prov + dist, dist or city])
    r = rng.random()
    if r < 0.2 and dist.endswith("县"):
        return (
            head + rng.choice(TOWNS) + rng.choice(VILLAGES) + f"{rng.randint(1, 12)}组{rng.randint(1, 80)}号"
        )
    if r < 0.35:
        return head + rng.choice(TOWNS) + rng.choice(VILLAGES) + f"{rng.randint(1, 200)}号"
    street = rng.choice(STREETS)
    num = rng.randint(1, 999)
    comp = rng.choice(COMPOUNDS)
    tail = rng.choice(
        [
            f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 33)}0{rng.randint(1, 6)}室",
            f"{rng.randint(1, 20)}号楼{rng.randint(1, 28)}0{rng.randint(1, 4)}室",
            f"{rng.randint(1, 120)}弄{rng.randint(1, 60)}号{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
            f"{rng.randint(1, 30)}幢{rng.randint(1, 3)}0{rng.randint(1, 4)}",
        ]
    )
    return f"{head}{street}{num}号{comp}{tail}"


def business_address(rng: random.Random, p: tuple[str, str, str, str, str] | None = None) -> str:
    prov, city, dist, _, _ = p or place(rng)
    head = rng.choice([prov + city + dist, city + dist if city else prov + dist])
    street = rng.choice(STREETS)
    num = rng.randint(1, 999)
    tail = rng.choice(
        [
            f"{rng.choice(BUILDINGS)}{rng.randint(2, 30)}层{rng.randint(1, 30):02d}室",
            f"{rng.randint(1, 8)}号厂房",
            f"{rng.choice(BUILDINGS)}{rng.randint(1, 9)}栋{rng.randint(101, 2808)}号",
            f"{rng.randint(1, 3)}楼商铺",
            "",
        ]
    )
    return f"{head}{street}{num}号{tail}"


# --- people -----------------------------------------------------------------------------------------

# Common surnames in rough order of frequency, with pinyin (for Latin-script writings).
SURNAMES = [
    ("王", "WANG"),
    ("李", "LI"),
    ("张", "ZHANG"),
    ("刘", "LIU"),
    ("陈", "CHEN"),
    ("杨", "YANG"),
    ("黄", "HUANG"),
    ("赵", "ZHAO"),
    ("吴", "WU"),
    ("周", "ZHOU"),
    ("徐", "XU"),
    ("孙", "SUN"),
    ("马", "MA"),
    ("朱", "ZHU"),
    ("胡", "HU"),
    ("郭", "GUO"),
    ("何", "HE"),
    ("高", "GAO"),
    ("林", "LIN"),
    ("罗", "LUO"),
    ("郑", "ZHENG"),
    ("梁", "LIANG"),
    ("谢", "XIE"),
    ("宋", "SONG"),
    ("唐", "TANG"),
    ("许", "XU"),
    ("韩", "HAN"),
    ("冯", "FENG"),
    ("邓", "DENG"),
    ("曹", "CAO"),
    ("彭", "PENG"),
    ("曾", "ZENG"),
    ("肖", "XIAO"),
    ("田", "TIAN"),
    ("董", "DONG"),
    ("袁", "YUAN"),
    ("潘", "PAN"),
    ("蒋", "JIANG"),
    ("蔡", "CAI"),
    ("余", "YU"),
    ("杜", "DU"),
    ("叶", "YE"),
    ("程", "CHENG"),
    ("苏", "SU"),
    ("魏", "WEI"),
    ("吕", "LV"),
    ("丁", "DING"),
    ("沈", "SHEN"),
    ("姚", "YAO"),
    ("卢", "LU"),
    ("姜", "JIANG"),
    ("崔", "CUI"),
    ("钟", "ZHONG"),
    ("谭", "TAN"),
    ("陆", "LU"),
    ("范", "FAN"),
    ("金", "JIN"),
    ("石", "SHI"),
    ("廖", "LIAO"),
    ("贾", "JIA"),
    ("夏", "XIA"),
    ("韦", "WEI"),
    ("方", "FANG"),
    ("白", "BAI"),
    ("邹", "ZOU"),
    ("孟", "MENG"),
    ("熊", "XIONG"),
    ("秦", "QIN"),
    ("邱", "QIU"),
    ("覃", "QIN"),
    ("温", "WEN"),
    ("莫", "MO"),
    ("黎", "LI"),
    ("龙", "LONG"),
]
SURNAME_WEIGHTS = [1.0 / (i + 4) for i in range(len(SURNAMES))]
COMPOUND_SURNAMES = [
    ("欧阳", "OUYANG"),
    ("司马", "SIMA"),
    ("上官", "SHANGGUAN"),
    ("诸葛", "ZHUGE"),
    ("东方", "DONGFANG"),
    ("皇甫", "HUANGFU"),
    ("慕容", "MURONG"),
    ("夏侯", "XIAHOU"),
    ("司徒", "SITU"),
    ("尉迟", "YUCHI"),
    ("令狐", "LINGHU"),
    ("公孙", "GONGSUN"),
    ("长孙", "ZHANGSUN"),
    ("宇文", "YUWEN"),
    ("端木", "DUANMU"),
]
GIVEN = [
    ("伟", "WEI"),
    ("芳", "FANG"),
    ("娜", "NA"),
    ("敏", "MIN"),
    ("静", "JING"),
    ("丽", "LI"),
    ("强", "QIANG"),
    ("磊", "LEI"),
    ("军", "JUN"),
    ("洋", "YANG"),
    ("勇", "YONG"),
    ("艳", "YAN"),
    ("杰", "JIE"),
    ("娟", "JUAN"),
    ("涛", "TAO"),
    ("明", "MING"),
    ("超", "CHAO"),
    ("秀", "XIU"),
    ("霞", "XIA"),
    ("刚", "GANG"),
    ("桂", "GUI"),
    ("英", "YING"),
    ("玉", "YU"),
    ("兰", "LAN"),
    ("萍", "PING"),
    ("鹏", "PENG"),
    ("辉", "HUI"),
    ("志", "ZHI"),
    ("红", "HONG"),
    ("文", "WEN"),
    ("斌", "BIN"),
    ("宇", "YU"),
    ("浩", "HAO"),
    ("凯", "KAI"),
    ("晨", "CHEN"),
    ("欣", "XIN"),
    ("怡", "YI"),
    ("佳", "JIA"),
    ("梓", "ZI"),
    ("轩", "XUAN"),
    ("博", "BO"),
    ("婷", "TING"),
    ("慧", "HUI"),
    ("琳", "LIN"),
    ("晓", "XIAO"),
    ("俊", "JUN"),
    ("飞", "FEI"),
    ("鑫", "XIN"),
    ("波", "BO"),
    ("梅", "MEI"),
    ("荣", "RONG"),
    ("凤", "FENG"),
    ("德", "DE"),
    ("福", "FU"),
    ("永", "YONG"),
    ("春", "CHUN"),
    ("淑", "SHU"),
    ("庆", "QING"),
    ("振", "ZHEN"),
    ("嘉", "JIA"),
]
# Given names that are also ordinary words or place names.
WORD_GIVEN = [
    ("建国", "JIANGUO"),
    ("国庆", "GUOQING"),
    ("海燕", "HAIYAN"),
    ("长江", "CHANGJIANG"),
    ("黎明", "LIMING"),
    ("平安", "PINGAN"),
    ("春花", "CHUNHUA"),
    ("长春", "CHANGCHUN"),
    ("桂林", "GUILIN"),
    ("丽江", "LIJIANG"),
    ("延安", "YANAN"),
    ("开封", "KAIFENG"),
    ("和平", "HEPING"),
    ("胜利", "SHENGLI"),
    ("红旗", "HONGQI"),
    ("光明", "GUANGMING"),
    ("白云", "BAIYUN"),
    ("新华", "XINHUA"),
    ("金山", "JINSHAN"),
    ("文化", "WENHUA"),
    ("海洋", "HAIYANG"),
    ("东海", "DONGHAI"),
]
MINORITY_PARTS = [
    "艾买提",
    "买买提",
    "吐尔逊",
    "阿不都热合曼",
    "古丽娜尔",
    "热依拉",
    "努尔兰",
    "艾力",
    "阿依古丽",
    "帕提古丽",
    "依明",
    "库尔班",
    "木合塔尔",
    "阿迪力",
    "热合曼",
    "吾买尔",
    "托合提",
    "阿不来提",
]
TRAD_SURNAMES = ["陳", "黃", "林", "張", "李", "吳", "鄭", "劉", "蔡", "許", "何", "梁", "謝", "楊", "王"]
TRAD_GIVEN = [
    "志",
    "偉",
    "強",
    "美",
    "玲",
    "家",
    "豪",
    "淑",
    "芬",
    "雅",
    "婷",
    "敏",
    "儀",
    "俊",
    "傑",
    "曉",
    "慧",
    "詠",
    "詩",
    "宜",
    "蓁",
    "國",
    "華",
    "明",
    "文",
    "嘉",
]
FOREIGN = [
    ("JOHN", "约翰"),
    ("MICHAEL", "迈克尔"),
    ("DAVID", "大卫"),
    ("SARAH", "莎拉"),
    ("EMMA", "艾玛"),
    ("JAMES", "詹姆斯"),
    ("ROBERT", "罗伯特"),
    ("ANNA", "安娜"),
    ("PETER", "彼得"),
    ("MARIA", "玛丽亚"),
    ("THOMAS", "托马斯"),
    ("LUCAS", "卢卡斯"),
    ("OLIVER", "奥利弗"),
    ("SOPHIE", "索菲"),
]
FOREIGN_LAST = [
    ("SMITH", "史密斯"),
    ("BROWN", "布朗"),
    ("JOHNSON", "约翰逊"),
    ("GARCIA", "加西亚"),
    ("ROSSI", "罗西"),
    ("SCHMIDT", "施密特"),
    ("DUBOIS", "杜波依斯"),
    ("WILLIAMS", "威廉姆斯"),
    ("MILLER", "米勒"),
    ("NGUYEN", "阮"),
    ("MARTIN", "马丁"),
    ("WILSON", "威尔逊"),
]
ASIAN_FOREIGN = ["TANAKA HIROSHI", "SATO YUKI", "KIM MINJUN", "PARK JIHOON", "LEE SOOYEON", "NGUYEN VAN AN"]


class Person:
    """A natural person: Chinese writing, a pinyin writing, and the tags of the name."""

    def __init__(self, cn: str, latin: str, tags: list[str]):
        self.cn = cn
        self.latin = latin
        self.tags = tags


def person(rng: random.Random, kind: str | None = None) -> Person:
    kind = (
        kind
        or rng.choices(
            ["plain", "two_char", "compound_surname", "word_given_name", "dotted_minority"],
            weights=[55, 18, 9, 12, 6],
        )[0]
    )
    if kind == "dotted_minority":
        a, b = rng.sample(MINORITY_PARTS, 2)
        dot = rng.choice(["·", "·", "•", "・"])
        return Person(a + dot + b, "", ["dotted_minority"])
    if kind == "compound_surname":
        s, sp = rng.choice(COMPOUND_SURNAMES)
    else:
        s, sp = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
    if kind == "word_given_name":
        g, gp = rng.choice(WORD_GIVEN)
    elif kind == "two_char" or (kind == "compound_surname" and rng.random() < 0.5):
        g, gp = rng.choice(GIVEN)
    else:
        (g1, p1), (g2, p2) = rng.choice(GIVEN), rng.choice(GIVEN)
        g, gp = g1 + g2, p1 + p2
    tags = [kind] if kind != "plain" else []
    if len(s + g) == 2 and "two_char" not in tags:
        tags.append("two_char")
    return Person(s + g, f"{sp} {gp}", tags)


def trad_person(rng: random.Random) -> Person:
    n = rng.choice(TRAD_SURNAMES) + "".join(rng.sample(TRAD_GIVEN, rng.choice([1, 2, 2])))
    return Person(n, "", ["traditional"])


def foreign_person(rng: random.Random) -> tuple[str, str]:
    """(Latin name, Chinese transliteration with a middle dot)."""
    (first, fc), (last, lc) = rng.choice(FOREIGN), rng.choice(FOREIGN_LAST)
    return f"{first} {last}", f"{fc}·{lc}"


def padded(rng: random.Random, name: str) -> str:
    sep = rng.choice(["　", "  ", " ", "　"])
    return sep.join(name) if len(name) == 2 or rng.random() < 0.5 else name[0] + sep + name[1:]


# --- numbers ----------------------------------------------------------------------------------------


def birth(rng: random.Random) -> str:
    y = rng.randint(1955, 2003)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return f"{y}{m:02d}{d:02d}"


def id18(rng: random.Random, area: str | None = None, want_x: bool = False) -> str:
    area = area or place(rng)[3]
    while True:
        body = area + birth(rng) + f"{rng.randint(0, 999):03d}"
        c = id_check(body)
        if (c == "X") == want_x:
            return body + c


def id15(rng: random.Random, area: str | None = None) -> str:
    area = area or place(rng)[3]
    return area + birth(rng)[2:] + f"{rng.randint(0, 999):03d}"


def uscc(rng: random.Random, area: str | None = None, individual_business: bool = False) -> str:
    area = area or place(rng)[3]
    head = "92" if individual_business else rng.choice(["91", "91", "91", "91", "93", "52"])
    org8 = "".join(rng.choice(ORG_CHARS) for _ in range(8))
    if rng.random() < 0.5:
        org8 = "MA" + "".join(rng.choice(ORG_CHARS) for _ in range(6))
    body = head + area + org8 + org_code_check(org8)
    return body + uscc_check(body)


def org_taxpayer15(rng: random.Random, area: str | None = None) -> str:
    """An old-style enterprise taxpayer number: area code + 9-character organisation code."""
    area = area or place(rng)[3]
    org8 = "".join(rng.choice("0123456789") for _ in range(6)) + "".join(
        rng.choice(ORG_CHARS) for _ in range(2)
    )
    return area + org8 + org_code_check(org8)


CARD_PREFIXES = ["622202", "621700", "622848", "621226", "622588", "623668", "621661", "622908", "621483"]


def bank_card(rng: random.Random) -> str:
    n = rng.choice([16, 19, 19])
    body = rng.choice(CARD_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(n - 7))
    return luhn_complete(body)


MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "185",
    "186",
    "187",
    "189",
    "191",
    "198",
    "199",
]


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def local_number(rng: random.Random, area: str) -> str:
    n = 8 if len(area) == 3 or rng.random() < 0.7 else 7
    return str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def passport(rng: random.Random) -> str:
    prefix = rng.choice(["E", "E", "G", "EA", "EB"])
    return prefix + "".join(rng.choice("0123456789") for _ in range(9 - len(prefix)))


def foreign_passport(rng: random.Random) -> str:
    return rng.choice(["", "C", "K", "P", "X"]) + "".join(rng.choice("0123456789") for _ in range(8))


def hk_permit(rng: random.Random) -> str:
    return rng.choice(["H", "M"]) + "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 10])))


def tw_permit(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789") for _ in range(8))


def residence_permit(rng: random.Random) -> str:
    return id18(rng, area=rng.choice(["810000", "820000", "830000"]))


def email(rng: random.Random, p: Person | None) -> str:
    local = rng.choice(
        [
            (p.latin.replace(" ", "").lower() if p and p.latin else "user") + str(rng.randint(1, 99)),
            str(rng.randint(10000, 3999999999)),
            (p.latin.split(" ")[0].lower() + "." + p.latin.split(" ")[1].lower())
            if p and p.latin
            else "zy2019",
        ]
    )
    return (
        local
        + "@"
        + rng.choice(
            [
                "qq.com",
                "163.com",
                "126.com",
                "sina.com",
                "gmail.com",
                "outlook.com",
                "foxmail.com",
                "hotmail.com",
            ]
        )
    )


# --- organisations ------------------------------------------------------------------------------------

TRADE_NAMES = [
    "恒泰",
    "鑫达",
    "华瑞",
    "盛世",
    "金桥",
    "宏远",
    "永信",
    "中盈",
    "海川",
    "博源",
    "嘉禾",
    "锦程",
    "启明",
    "云帆",
    "天润",
    "聚丰",
    "瑞祥",
    "汇通",
    "鼎盛",
    "新锐",
    "立诚",
    "兴邦",
    "同创",
    "卓越",
]
INDUSTRIES = [
    "贸易",
    "商贸",
    "建筑工程",
    "装饰设计",
    "科技",
    "物流",
    "餐饮管理",
    "电子",
    "机械设备",
    "能源科技",
    "农业开发",
    "劳务服务",
    "信息技术",
    "文化传媒",
    "医药",
    "供应链管理",
    "环保科技",
    "房地产开发",
]
FORMS = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "有限公司"]
SHOP_TRADES = [
    "五金店",
    "便利店",
    "小吃店",
    "服装店",
    "建材经营部",
    "副食店",
    "汽车修理厂",
    "理发店",
    "水果店",
    "烟酒商行",
    "茶叶店",
    "家电维修部",
    "餐馆",
    "电动车行",
]
LAW_FIRMS = ["律师事务所"]


def org_name(rng: random.Random, p: tuple[str, str, str, str, str] | None = None) -> str:
    prov, city, dist, _, _ = p or place(rng)
    region = rng.choice(
        [city or prov[:2], prov[:2], (city or prov)[:-1] if rng.random() < 0.5 else city or prov]
    )
    return region + rng.choice(TRADE_NAMES) + rng.choice(INDUSTRIES) + rng.choice(FORMS)


def shop_name(rng: random.Random, owner: str, p: tuple[str, str, str, str, str] | None = None) -> str:
    prov, city, dist, _, _ = p or place(rng)
    return rng.choice([dist or city, (city + dist) or prov, city or prov]) + owner + rng.choice(SHOP_TRADES)


def law_firm(rng: random.Random) -> str:
    p = place(rng)
    return (
        (p[1] or p[0])[:-1]
        + rng.choice(["明德", "正义", "君安", "天平", "中伦信", "金诚", "衡平"])
        + "律师事务所"
    )
