"""Address development set for the masker (issue 15, home addresses): a natural person's home address
under every label, in running text, in tables of six flattenings, wrapped, spaced, in full-width digits,
rural and without prefix, in traditional characters; and public-address controls (an enterprise's
住所 / 注册地址 / 经营地址, the bureau's own address, an individual business's 经营场所, addresses masked by
hand, place names inside organisation names).

Own templates and place pools; it reuses only set 1's wording-free blocks (``Doc``, ``Gen`` for
checksummed numbers) so that ``tests/eval/masking/score.py`` scores it unchanged::

    /work/main/.venv/bin/python tests/eval/masking_addr/generate_addr.py
    PYTHONPATH=src /work/main/.venv/bin/python tests/eval/masking/score.py \
        tests/eval/masking_addr/addr.jsonl --in-process gated [--show-leaks 40]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "masking"))

from corpus_lib import FULLWIDTH, Doc, Gen  # noqa: E402

SEED = 20261215

# ------------------------------------------------------------------------------------------ place pools
PLACES = [
    ("陕西省", "宝鸡市", "渭滨区", "宝鸡市渭滨区税务局"),
    ("四川省", "绵阳市", "涪城区", "绵阳市涪城区税务局"),
    ("湖南省", "株洲市", "芦淞区", "株洲市芦淞区税务局"),
    ("河南省", "洛阳市", "涧西区", "洛阳市涧西区税务局"),
    ("江西省", "赣州市", "章贡区", "赣州市章贡区税务局"),
    ("山东省", "潍坊市", "奎文区", "潍坊市奎文区税务局"),
    ("吉林省", "四平市", "铁西区", "四平市铁西区税务局"),
    ("云南省", "曲靖市", "麒麟区", "曲靖市麒麟区税务局"),
    ("福建省", "莆田市", "城厢区", "莆田市城厢区税务局"),
    ("甘肃省", "天水市", "秦州区", "天水市秦州区税务局"),
]
COUNTIES = [
    ("陇县", "东风镇", "杜阳村"),
    ("三台县", "芦溪镇", "石安村"),
    ("攸县", "皇图岭镇", "新市村"),
    ("宜阳县", "柳泉镇", "寺院村"),
    ("信丰县", "大塘埠镇", "龙井村"),
    ("昌乐县", "鄌郚镇", "西朱村"),
    ("梨树县", "榆树台镇", "卧虎屯"),
    ("会泽县", "娜姑镇", "白雾村"),
    ("仙游县", "榜头镇", "南溪村"),
]
STREETS = "清姜路 经二路 红旗街 胜利大街 汇丰路 滨河南路 工人街 团结巷 青云路 建国东路 育才路 桥北街".split()
ESTATES = "枫林苑 锦江花园 华府小区 金桂园 世纪城小区 福康家园 紫薇苑 南湖新村 丽景名都".split()
LANES = "永乐弄 兴隆里 同心巷 和兴弄".split()
SURNAMES = "王 李 张 刘 陈 杨 赵 周 吴 郑 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 谢 韩 唐 冯 于 董 萧 程 曹".split()
GIVEN = "建 国 秀 英 志 强 丽 华 明 军 红 霞 海 峰 玉 兰 德 福 春 梅 文 杰 桂 芳 永 平 晓 东 金 凤".split()
COMPANY_WORDS = "宏达 瑞祥 鼎盛 恒通 佳和 盛源 广信 润泽 永兴 金穗".split()
COMPANY_TRADES = "建材 商贸 机械 物流 食品 装饰 电子 农业科技".split()
SHOP_TRADES = "百货店 五金店 小吃店 烟酒商行 副食店 汽修部".split()
ZH_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
TRAD = str.maketrans(
    {
        "区": "區",
        "县": "縣",
        "镇": "鎮",
        "村": "村",
        "路": "路",
        "号": "號",
        "栋": "棟",
        "单": "單",
        "园": "園",
        "华": "華",
        "阳": "陽",
        "门": "門",
        "湾": "灣",
        "东": "東",
        "兴": "興",
        "宝": "寶",
        "鸡": "雞",
        "滨": "濱",
        "绵": "綿",
        "涪": "涪",
        "陕": "陝",
        "西": "西",
        "广": "廣",
        "龙": "龍",
    }
)


class AddrGen(Gen):
    """Person names and addresses of this set's own pools; numbers from set 1's checksummed ``Gen``."""

    def person(self) -> str:
        r = self.r
        return r.choice(SURNAMES) + r.choice(GIVEN) + ("" if r.random() < 0.2 else r.choice(GIVEN))

    def place(self) -> tuple[str, str, str, str]:
        return self.r.choice(PLACES)

    def street_address(self, place: tuple[str, str, str, str], top: int = 99) -> str:
        """城市+区+街路+门牌: a seat, a shop, a bureau's address (public), or the start of a home."""
        return f"{place[1]}{place[2]}{self.r.choice(STREETS)}{self.r.randint(1, top)}号"

    def company(self, place: tuple[str, str, str, str]) -> str:
        r = self.r
        return f"{place[1][:-1]}{r.choice(COMPANY_WORDS)}{r.choice(COMPANY_TRADES)}有限公司"

    def shop(self, owner: str, place: tuple[str, str, str, str]) -> str:
        return f"{place[2][:-1]}{owner}{self.r.choice(SHOP_TRADES)}"

    def home(
        self, style: str = "any", place: tuple[str, str, str, str] | None = None
    ) -> tuple[str, set[str]]:
        """A home address and its tags; ``style`` picks the shape."""
        r = self.r
        prov, city, dist, _ = place or self.place()
        styles = [
            "urban",
            "urban",
            "rural",
            "no_prefix",
            "lane",
            "building",
            "vague",
            "unknown",
            "fullwidth",
            "spaced",
        ]
        if style == "any":
            style = r.choice(styles)
        street = f"{r.choice(STREETS)}{r.randint(1, 299)}号"
        flat = f"{r.choice(ESTATES)}{r.randint(1, 28)}栋{r.randint(1, 6)}单元{r.randint(1, 24)}0{r.randint(1, 4)}室"
        prefix = (prov if r.random() < 0.4 else "") + city + dist
        if style == "urban":
            return prefix + street + (flat if r.random() < 0.6 else ""), set()
        if style == "rural":
            county, town, village = r.choice(COUNTIES)
            tail = f"{r.randint(1, 12)}组" if not village.endswith("屯") else f"{r.randint(1, 60)}号"
            return f"{city if r.random() < 0.5 else ''}{county}{town}{village}{tail}", {"addr_rural"}
        if style == "no_prefix":
            return street + (
                f"院{r.randint(1, 9)}单元{r.randint(1, 6)}0{r.randint(1, 4)}室" if r.random() < 0.6 else ""
            ), {"addr_no_prefix"}
        if style == "lane":
            return f"{city}{dist}{r.choice(LANES)}{r.randint(1, 80)}弄{r.randint(1, 40)}号", {"addr_lane"}
        if style == "building":
            return (
                f"{dist}{r.choice(ESTATES)}{r.randint(1, 30)}号楼{r.randint(1, 3)}单元{r.randint(1, 30)}0{r.randint(1, 4)}",
                {"addr_building"},
            )
        if style == "vague":
            return f"{city}{dist}{r.choice(STREETS)}{r.choice(ESTATES)}附近", {"addr_vague"}
        if style == "unknown":
            return f"{city}{dist}{r.choice(STREETS)}（详细地址不详）", {"addr_unknown"}
        if style == "fullwidth":
            return (prefix + street + flat).translate(FULLWIDTH), {"addr_fullwidth"}
        if style == "spaced":
            return f"{city} {dist} {street} {flat}", {"addr_spaced"}
        raise ValueError(style)


# ---------------------------------------------------------------------------------------- documents
HOME_LABELS = [
    "住址",
    "家庭住址",
    "户籍地址",
    "户籍所在地",
    "经常居住地",
    "居住地",
    "现住址",
    "现居住地",
    "身份证地址",
    "通讯地址",
    "联系地址",
    "住所",
]
RUNNING = ["现住{a}", "住{a}", "家住{a}", "居住于{a}", "暂住{a}", "现居住于{a}"]


def label_doc(g: AddrGen, i: int) -> Doc:
    """A decision's party block: 姓名、身份证、label：address."""
    d = Doc(f"addr-label-{i:03d}", tags={"addr_label"})
    place = g.place()
    name = g.person()
    label = HOME_LABELS[i % len(HOME_LABELS)]
    addr, tags = g.home(place=place)
    d.k("authority_name", place[3]).t("\n税务行政处罚决定书\n").k(
        "document_number", f"{place[2][:-1]}税罚〔2026〕{i + 11}号"
    ).t("\n")
    sep = g.choice(["：", ":", "： "])
    d.t("当事人：").p("name", name).t("\n")
    if g.chance(0.5):
        d.t("性别：" + g.choice(["男", "女"]) + "\n")
    d.t("公民身份号码：").p("id_number", g.id_number()).t("\n")
    d.t(f"{label}{sep}").p("home_address", addr, tags=tags | {f"label_{label}"}).t("\n")
    d.t("经我局检查，你于2025年取得劳务报酬未依法申报个人所得税，少缴税款").k(
        "amount", f"{g.r.randint(1000, 90000)}.00元"
    ).t("。\n")
    return d


def intro_doc(g: AddrGen, i: int) -> Doc:
    """ "……，男，汉族，1980年出生，住…" and other running-text forms."""
    d = Doc(f"addr-running-{i:03d}", tags={"addr_running"})
    place = g.place()
    name = g.person()
    addr, tags = g.home(place=place)
    form = RUNNING[i % len(RUNNING)]
    head, _, tail = form.partition("{a}")
    d.t("当事人").p("name", name).t(
        f"，{g.choice(['男', '女'])}，汉族，{g.r.randint(1960, 2000)}年{g.r.randint(1, 12)}月出生，"
    )
    d.t(head).p("home_address", addr, tags=tags | {f"running_{head}"}).t(tail)
    d.t("，公民身份号码").p("id_number", g.id_number()).t("。\n")
    d.t("经查，").p("name", name).t("在").k("business_address", g.street_address(place)).t(
        "从事装修服务，未申报纳税。\n"
    )
    return d


def you_doc(g: AddrGen, i: int) -> Doc:
    """经查，你（住：…）…"""
    d = Doc(f"addr-you-{i:03d}", tags={"addr_you"})
    place = g.place()
    addr, tags = g.home(place=place)
    d.t("税务事项通知书\n").p("name", g.person()).t("：\n")
    d.t(g.choice(["经查，你（住：", "经查，你（住址：", "经核实，你（现住："])).p(
        "home_address", addr, tags=tags
    ).t("）")
    d.t("2025年度取得的财产转让所得未申报。请于收到本通知之日起15日内到").k("authority_name", place[3]).t(
        "办理。\n"
    )
    return d


def service_doc(g: AddrGen, i: int) -> Doc:
    """送达公告 / 送达回证 of an individual (masked) or an enterprise (public)."""
    d = Doc(f"addr-service-{i:03d}", tags={"addr_service"})
    place = g.place()
    label = g.choice(["送达地址", "送达地点"])
    d.k("authority_name", place[3]).t("\n" + g.choice(["送达公告", "公告送达", "税务文书送达回证"]) + "\n")
    if i % 3 == 2:  # enterprise: its 送达地址 stays
        company = g.company(place)
        d.t("受送达人：").k("org_name", company).t("\n纳税人识别号：").k("uscc", g.uscc()).t("\n")
        d.t(f"{label}：").k(
            "business_address",
            g.street_address(place),
            tags={"addr_control_enterprise"},
        ).t("\n")
    else:
        addr, tags = g.home(place=place)
        d.t("受送达人：").p("name", g.person()).t("\n身份证号码：").p("id_number", g.id_number()).t("\n")
        d.t(f"{label}：").p("home_address", addr, tags=tags | {"service_person"}).t("\n")
    d.t("因无法直接送达，现依法公告送达。自公告之日起满30日，即视为送达。\n")
    return d


def _shop_party(d: Doc, g: AddrGen, before: str, between: str, after: str) -> tuple[str, str, str, str]:
    """An individual business named after its owner, then the owner (a person); returns the place."""
    place = g.place()
    owner = g.person()
    d.t(before).k("shop_name", g.shop(owner, place)).t(between).p("name", owner).t(after)
    return place


def owner_doc(g: AddrGen, i: int) -> Doc:
    """个体工商户: the owner's home address is masked, the shop's 经营场所 stays (setting on)."""
    d = Doc(f"addr-owner-{i:03d}", tags={"addr_owner"})
    place = _shop_party(d, g, "当事人：", "（个体工商户）\n经营者：", "\n")
    d.t("经营场所：").k(
        "business_address",
        g.street_address(place) + f"{g.r.randint(1, 9)}号门面",
        tags={"addr_control_shop"},
    ).t("\n")
    addr, tags = g.home(place=place)
    d.t(g.choice(["经营者住址：", "经营者家庭住址：", "业主户籍地址："])).p(
        "home_address", addr, tags=tags | {"owner_home"}
    ).t("\n")
    return d


def enterprise_doc(g: AddrGen, i: int) -> Doc:
    """Controls: an enterprise's 住所 / 注册地址 / 经营地址 and the bureau's own address stay; the legal
    representative's home address (when given) is masked."""
    d = Doc(f"addr-enterprise-{i:03d}", tags={"addr_enterprise"})
    place = g.place()
    company = g.company(place)
    d.t("被处罚单位：").k("org_name", company).t("\n统一社会信用代码：").k("uscc", g.uscc()).t("\n")
    label = g.choice(["住所", "注册地址", "经营地址", "生产经营地址", "地址"])
    d.t(f"{label}：").k(
        "business_address",
        place[0] + g.street_address(place, 299),
        tags={"addr_control_enterprise"},
    ).t("\n")
    d.t("法定代表人：").p("name", g.person()).t("\n")
    if i % 2 == 0:
        addr, tags = g.home(place=place)
        d.t("法定代表人住址：").p("home_address", addr, tags=tags | {"representative_home"}).t("\n")
    d.t("如不服本决定，可在收到本决定书之日起60日内向").k("authority_name", place[1] + "税务局").t(
        "申请行政复议。\n"
    )
    d.t(place[3] + "地址：").k(
        "business_address",
        g.street_address(place),
        tags={"addr_control_authority"},
    ).t("\n")
    return d


def premasked_doc(g: AddrGen, i: int) -> Doc:
    d = Doc(f"addr-premasked-{i:03d}", tags={"addr_premasked"})
    place = g.place()
    d.t("当事人：").p("name", g.person()).t("\n住址：").m(
        f"{place[1]}{place[2]}" + g.choice(["****", "＊＊＊＊", "×××", "XX路XX号"])
    ).t("\n")
    d.t("经查，当事人于").k("date", "2025年3月1日").t("少缴个人所得税。\n")
    return d


def traditional_doc(g: AddrGen, i: int) -> Doc:
    d = Doc(f"addr-traditional-{i:03d}", tags={"traditional"})
    place = g.place()
    addr, tags = g.home(style=g.choice(["urban", "rural", "no_prefix"]), place=place)
    label = g.choice(["住址", "住所", "地址", "居所", "戶籍地址"])
    d.t("受處分人：").p("name", g.person()).t("\n身分證統一編號：").p("id_number", g.id_number()).t("\n")
    d.t(f"{label}：").p("home_address", addr.translate(TRAD), tags=tags | {"traditional"}).t("\n")
    d.t("上列受處分人違反稅法規定，依法裁處罰鍰。\n")
    return d


def wrapped_doc(g: AddrGen, i: int) -> Doc:
    """PDF text wrapped at a fixed width, cutting the address."""
    place = g.place()
    name = g.person()
    addr, tags = g.home(style=g.choice(["urban", "rural", "building"]), place=place)
    intro = f"当事人{name}，{g.choice(['男', '女'])}，汉族，{g.choice(['现住', '住址：', '家住', '户籍所在地：'])}"
    rest = "，于2025年在经营活动中未按规定开具发票，依法应予处罚。"
    flat = intro + addr + rest
    width = g.choice([24, 28, 32])
    lines = [flat[k : k + width] for k in range(0, len(flat), width)]
    text = "\n".join(lines)
    d = Doc(f"addr-wrapped-{i:03d}", tags={"addr_wrapped"})
    # rebuild with spans: map the address and the name through the inserted line breaks
    pos_of: list[int] = []
    for k in range(len(flat)):
        pos_of.append(k + k // width)
    a0, a1 = len(intro), len(intro) + len(addr)
    n0 = flat.index(name)
    cuts = sorted({(n0, n0 + len(name), "name"), (a0, a1, "home_address")})
    pos = 0
    for s, e, typ in cuts:
        d.t(text[pos : pos_of[s]])
        value = text[pos_of[s] : pos_of[e - 1] + 1]
        d.p(typ, value, tags={"addr_wrapped"} | (tags if typ == "home_address" else set()))
        pos = pos_of[e - 1] + 1
    d.t(text[pos:] + "\n")
    return d


# ------------------------------------------------------------------------------------------- tables
HEADERS = ["住址", "地址", "送达地址", "户籍地址", "联系地址"]


def table_rows(g: AddrGen, n: int, *, companies: bool) -> list[list[tuple[str, str, set[str]]]]:
    """Rows of (kind, value, tags): a person (name repeated, home address) or a company (business)."""
    rows = []
    for _ in range(n):
        place = g.place()
        if not companies or g.chance(0.55):
            name = g.person()
            addr, tags = g.home(
                style=g.choice(["urban", "rural", "no_prefix", "building", "lane"]), place=place
            )
            rows.append(
                [
                    ("p:name", name, set()),
                    ("p:id_number", g.id_number(), set()),
                    ("p:home_address", addr, tags),
                ]
            )
        else:
            rows.append(
                [
                    ("k:org_name", g.company(place), set()),
                    ("k:uscc", g.uscc(), set()),
                    (
                        "k:business_address",
                        g.street_address(place, 299),
                        {"addr_control_table"},
                    ),
                ]
            )
    return rows


def _cell(d: Doc, cell: tuple[str, str, set[str]]) -> None:
    kind, value, tags = cell
    side, typ = kind.split(":")
    (d.p if side == "p" else d.k)(typ, value, tags=tags | {"addr_table"})


def table_doc(g: AddrGen, i: int, flat: str) -> Doc:
    header = HEADERS[i % len(HEADERS)]
    d = Doc(f"addr-table-{flat}-{i:03d}", tags={"addr_table", f"flat_{flat}"})
    d.t(g.choice(["欠税公告", "非正常户认定公告", "送达公告名单"]) + "\n")
    heads = ["纳税人名称", "证件号码", header]
    rows = table_rows(g, g.r.randint(3, 5), companies=header != "户籍地址")  # no company has a 户籍
    if flat in ("tab", "pipe", "space"):
        sep = {"tab": "\t", "pipe": " | ", "space": "    "}[flat]
        d.t(sep.join(heads) + "\n")
        for row in rows:
            for k, cell in enumerate(row):
                if k:
                    d.t(sep)
                _cell(d, cell)
            d.t("\n")
    elif flat == "cell_per_line":
        d.t("\n".join(heads) + "\n")
        for row in rows:
            for cell in row:
                _cell(d, cell)
                d.t("\n")
    elif flat == "key_value":
        for row in rows:
            for h, cell in zip(heads, row, strict=True):
                d.t(f"{h}：")
                _cell(d, cell)
                d.t("\n")
            d.t("\n")
    elif flat == "semicolon":
        for row in rows:
            for k, (h, cell) in enumerate(zip(heads, row, strict=True)):
                d.t(("；" if k else "") + f"{h}：")
                _cell(d, cell)
            d.t("。\n")
    return d


FLATS = ["tab", "pipe", "space", "cell_per_line", "key_value", "semicolon"]

# ------------------------------------------------------------------------ part 2 (written after part 1's fixes)
SPACED_LABELS = [
    "住　　址",
    "住  址",
    "地　　址",
    "住 所",
    "家庭住址",
    "户籍住址",
    "常住地址",
    "实际居住地",
    "居住地点",
]
TRAD_RUNNING = ["現住", "現住址：", "現居住地：", "居住於"]


def form_doc(g: AddrGen, i: int) -> Doc:
    """A form whose labels are spread to the column width (住　　址：) or less common (常住地址)."""
    d = Doc(f"addr2-form-{i:03d}", tags={"addr2_form"})
    place = g.place()
    label = SPACED_LABELS[i % len(SPACED_LABELS)]
    addr, tags = g.home(place=place)
    d.t("姓　　名：").p("name", g.person()).t("\n性　　别：男\n身份证号：").p("id_number", g.id_number()).t(
        "\n"
    )
    d.t(f"{label}：").p(
        "home_address", addr, tags=tags | {"addr2_label_" + label.replace(" ", "_").replace("　", "_")}
    )
    d.t("\n违法事实：未按规定期限办理纳税申报。\n")
    return d


def several_doc(g: AddrGen, i: int) -> Doc:
    """A 送达公告 to several people in one paragraph: 张三（身份证号码…，住…）、李四（…）."""
    d = Doc(f"addr2-several-{i:03d}", tags={"addr2_several"})
    place = g.place()
    d.k("authority_name", place[3]).t("送达公告\n")
    for k in range(3):
        addr, tags = g.home(place=place)
        d.t("、" if k else "").p("name", g.person()).t("（公民身份号码：").p("id_number", g.id_number())
        d.t(g.choice(["，住址：", "，住：", "，住所："])).p(
            "home_address", addr, tags=tags | {"addr2_several"}
        ).t("）")
    d.t("：因无法直接送达，本局依法向你们公告送达《税务处理决定书》。\n")
    return d


def shop_service_doc(g: AddrGen, i: int) -> Doc:
    """送达地址 of an individual business's owner in a 送达公告 (masked: the owner is a person)."""
    d = Doc(f"addr2-shopservice-{i:03d}", tags={"addr2_shop_service"})
    place = _shop_party(d, g, "受送达人：", "（个体工商户，经营者：", "）\n")
    d.t("送达地址：").p("home_address", g.home(place=place)[0], tags={"addr2_shop_service"}).t("\n")
    d.t("送达文书：税务事项通知书\n")
    return d


def narrative_doc(g: AddrGen, i: int) -> Doc:
    """Running text: 居住在 / 户籍所在地为 / traditional 現住, an address ending in 附近."""
    d = Doc(f"addr2-narrative-{i:03d}", tags={"addr2_narrative"})
    place = g.place()
    name = g.person()
    addr, tags = g.home(place=place)
    form = i % 4
    if form == 0:
        d.t("经查，").p("name", name).t("长期居住在").p("home_address", addr, tags=tags | {"addr2_居住在"}).t(
            "，未办理税务登记。\n"
        )
    elif form == 1:
        d.t("当事人").p("name", name).t("，户籍所在地为").p(
            "home_address", addr, tags=tags | {"addr2_户籍所在地为"}
        ).t("，现下落不明。\n")
    elif form == 2:
        label = TRAD_RUNNING[i % len(TRAD_RUNNING)]
        d.t("受處分人").p("name", name).t(f"，男，{label}").p(
            "home_address", addr.translate(TRAD), tags=tags | {"traditional", "addr2_trad_running"}
        ).t("，違反稅法規定。\n")
    else:
        d.t("当事人").p("name", name).t("的住址为").p("home_address", addr, tags=tags | {"addr2_的住址为"}).t(
            "。\n"
        )
    return d


def cell_wrap_doc(g: AddrGen, i: int) -> Doc:
    """One cell a line with a long address wrapped onto a second line (PDF extraction)."""
    d = Doc(f"addr2-cellwrap-{i:03d}", tags={"addr2_cell_wrap"})
    place = g.place()
    d.t("序号\n纳税人名称\n身份证件号码\n住址\n")
    for k in range(3):
        addr = (
            g.home(style="urban", place=place)[0]
            + f"{g.choice(ESTATES)}{g.r.randint(1, 20)}栋{g.r.randint(1, 20)}0{g.r.randint(1, 4)}室"
        )
        cut = len(addr) // 2
        d.t(f"{k + 1}\n").p("name", g.person()).t("\n").p("id_number", g.id_number()).t("\n")
        d.p("home_address", addr[:cut], tags={"addr2_cell_wrap"}).t("\n").p(
            "home_address", addr[cut:], tags={"addr2_cell_wrap"}
        ).t("\n")
    return d


def main() -> None:
    g = AddrGen(SEED)
    docs: list[Doc] = []
    plan: list[tuple[Callable[[AddrGen, int], Doc], int]] = [
        (label_doc, 24),
        (intro_doc, 12),
        (you_doc, 6),
        (service_doc, 12),
        (owner_doc, 6),
        (enterprise_doc, 10),
        (premasked_doc, 4),
        (traditional_doc, 8),
        (wrapped_doc, 10),
    ]
    for make, count in plan:
        docs += [make(g, i) for i in range(count)]
    for flat in FLATS:
        docs += [table_doc(g, i, flat) for i in range(5)]
    _write(docs, HERE / "addr.jsonl")
    part2: list[Doc] = []
    for make, count in [
        (form_doc, 18),
        (several_doc, 6),
        (shop_service_doc, 6),
        (narrative_doc, 16),
        (cell_wrap_doc, 6),
    ]:
        part2 += [make(g, i) for i in range(count)]
    _write(part2, HERE / "addr2.jsonl")
    part3: list[Doc] = []
    for make, count in [(bracket_doc, 12), (line_start_doc, 12), (trad_table_doc, 6), (space_table_doc, 6)]:
        part3 += [make(g, i) for i in range(count)]
    _write(part3, HERE / "addr3.jsonl")


# ------------------------------------------------------------------------ part 3 (written after part 2's fixes)
def bracket_doc(g: AddrGen, i: int) -> Doc:
    """An address with a bracketed part inside it (…12号（清姜小区）3单元…) and a phone after it."""
    d = Doc(f"addr3-bracket-{i:03d}", tags={"addr3_bracket"})
    place = g.place()
    estate = g.choice(ESTATES)
    inner = g.choice([f"（{estate}）", f"({estate})", "（原城关镇）", f"（{g.choice(STREETS)}口）"])
    addr = (
        g.street_address(place) + f"{inner}{g.r.randint(1, 9)}单元{g.r.randint(1, 20)}0{g.r.randint(1, 4)}室"
    )
    d.t("当事人：").p("name", g.person()).t("，公民身份号码：").p("id_number", g.id_number()).t("，")
    d.t(g.choice(["住址：", "现住", "家庭住址："])).p("home_address", addr, tags={"addr3_bracket"})
    d.t(g.choice(["。\n", "，联系电话：", " 电话："]))
    if not d.text.endswith("\n"):
        d.p("phone", g.mobile()).t("。\n")
    return d


def line_start_doc(g: AddrGen, i: int) -> Doc:
    """住：… on a line of its own, and a person's 联系地址 near the end of the notice."""
    d = Doc(f"addr3-linestart-{i:03d}", tags={"addr3_line_start"})
    place = g.place()
    d.t("当事人：").p("name", g.person()).t("\n")
    if i % 2 == 0:
        d.t(g.choice(["住：", "住　　所：", "住 址："])).p(
            "home_address", g.home(place=place)[0], tags={"addr3_line_start"}
        ).t("\n")
        d.t("经查，当事人未按期申报。\n")
    else:
        d.t("经查，当事人未按期申报。请当事人于15日内到本局接受处理。\n")
        d.t("当事人联系地址：").p("home_address", g.home(place=place)[0], tags={"addr3_closing_person"}).t(
            "\n"
        )
        d.k("authority_name", place[3]).t("\n2026年5月6日\n")
    return d


def trad_table_doc(g: AddrGen, i: int) -> Doc:
    """A traditional-character tab table under 戶籍地址 / 住址 / 居所."""
    header = ["戶籍地址", "住址", "居所"][i % 3]
    d = Doc(f"addr3-tradtable-{i:03d}", tags={"addr3_trad_table", "traditional"})
    d.t(f"編號\t姓名\t身分證統一編號\t{header}\n")
    for k in range(3):
        d.t(f"{k + 1}\t").p("name", g.person()).t("\t").p("id_number", g.id_number()).t("\t")
        d.p(
            "home_address",
            g.home(style=g.choice(["urban", "rural", "no_prefix"]))[0].translate(TRAD),
            tags={"addr3_trad_table"},
        ).t("\n")
    return d


def space_table_doc(g: AddrGen, i: int) -> Doc:
    """A space-aligned table (pdftotext -layout) with spaced addresses and a 联系地址 column."""
    d = Doc(f"addr3-spacetable-{i:03d}", tags={"addr3_space_table"})
    header = ["联系地址", "地址", "住所"][i % 3]
    d.t(f"序号    姓名      身份证号码              {header}\n")
    for k in range(3):
        addr = g.home(style=g.choice(["urban", "rural", "building"]))[0]
        if g.chance(0.5):
            addr = addr.replace("区", "区 ", 1)
        d.t(f"{k + 1}       ").p("name", g.person()).t("    ").p("id_number", g.id_number()).t("    ")
        d.p("home_address", addr, tags={"addr3_space_table"}).t("\n")
    return d


def _write(docs: list[Doc], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc.record(), ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents -> {out}")


if __name__ == "__main__":
    main()
