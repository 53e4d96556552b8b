"""Seeded generator of realistic tax-authority documents with ground-truth spans.

Each document records where every personal datum stands (what the masker must hide) and where every
must-keep item stands (organisation and shop names, credit codes, the authority's public phone, document
numbers, law citations, amounts, dates, business addresses). The layouts follow the real decisions in
/work/shared/real/national-tax-decisions/: header with the bureau and 文号, the party block, facts,
legal basis, decision, remedies, date.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from stdnum.cn import uscc

from sanxiang.lib.masking.idcodes import id_check_digit, luhn_ok, region_codes

PERSONAL = (
    "person_name",
    "representative_name",
    "third_party_name",
    "official_name",
    "id_number",
    "phone",
    "bank_account",
    "email",
    "home_address",
    "travel_document",
)
KEEP = (
    "org_name",
    "shop_name",
    "uscc",
    "public_phone",
    "public_email",
    "doc_number",
    "law_citation",
    "amount",
    "date",
    "business_address",
    "invoice_number",
)


@dataclass
class Doc:
    """A generated document: its text, truth spans ``(start, end, label)`` and the names it carries."""

    kind: str
    subject_type: str
    parts: list[str] = field(default_factory=list)
    truth: list[tuple[int, int, str]] = field(default_factory=list)
    known_names: dict[str, str] = field(default_factory=dict)
    public_phones: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label is not None:
            self.truth.append((self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
)
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文辉鹏飞宇浩然思雨欣怡子轩梓涵俊杰"
    "家豪博文海燕春梅晓东立新永福金凤德胜长青宏亮美玲雪莲丹凤佳琪嘉怡婷婷晨曦一鸣天佑瑞祥国庆卫东"
    "建华小龙治淇双喜光辉振宇成林小红少华利民爱国秋菊冬梅润生"
)
PLACES = (
    ("湖南省", "长沙市", "岳麓区"),
    ("湖南省", "株洲市", "荷塘区"),
    ("广西壮族自治区", "河池市", "金城江区"),
    ("贵州省", "安顺市", "西秀区"),
    ("广东省", "佛山市", "南海区"),
    ("浙江省", "温州市", "鹿城区"),
    ("四川省", "成都市", "武侯区"),
    ("河南省", "郑州市", "金水区"),
    ("山东省", "临沂市", "兰山区"),
    ("陕西省", "西安市", "雁塔区"),
)
ROADS = "人民路 解放路 建设路 中山路 麓山南路 五一大道 明月路 黄河路 长江路 友谊路 新华路 体育路".split()
ESTATES = "幸福嘉园 阳光小区 金色家园 翠苑 锦绣华庭 和平里 滨江花园 东方明珠小区".split()
TRADE_WORDS = (
    "鑫瑞 恒通 华泰 宏翼 润亨 靖北 博广 荣恒 槟咪 苒炙 德昌 金鼎 泰和 万顺 兴隆 嘉禾 华源 广聚".split()
)
INDUSTRIES = (
    "商贸 建材 机械设备 电力工程 化工贸易 科技 物流 餐饮管理 建筑设计 农业开发 汽车销售服务 食品".split()
)
ORG_SUFFIX = ("有限公司", "有限责任公司", "股份有限公司")
SHOP_SUFFIX = (
    "便利店 超市 商行 五金店 餐馆 经营部 门市部 烟酒店 副食店 服装店 汽修厂 工作室 理发店 面馆".split()
)
FACTS = (
    "取得虚开的增值税专用发票{n}份，金额合计{a}，税额合计{b}，并申报抵扣进项税额",
    "隐匿销售收入{a}，未按规定进行纳税申报，少缴增值税{b}",
    "通过个人账户收取货款{a}，未计入收入，少缴企业所得税{b}",
    "未按照规定期限办理纳税申报和报送纳税资料，应补缴税款{b}",
    "向{org}开具与实际经营业务情况不符的增值税普通发票{n}份，价税合计{a}",
    "在账簿上多列支出{a}，少缴个人所得税{b}",
)
LAWS = (
    "《中华人民共和国税收征收管理法》第六十三条第一款",
    "《中华人民共和国税收征收管理法》第六十四条第二款",
    "《中华人民共和国税收征收管理法》第六十二条",
    "《中华人民共和国发票管理办法》（财政部令第6号发布，国务院令第764号修订）第二十一条第二款第（一）项",
    "《中华人民共和国行政处罚法》第三十二条第（一）项",
    "《中华人民共和国增值税暂行条例》第九条",
    "《国家税务总局关于走逃（失联）企业涉嫌虚开增值税专用发票检查问题的通知》（税总发〔2016〕172号）",
)
BUREAU_ABBR = {"长沙市": "长", "株洲市": "株", "河池市": "河", "安顺市": "安", "佛山市": "佛"}


class Gen:
    """Random but reproducible fake data."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.regions = sorted(c for c in region_codes() if c[2:] != "0000" and c[4:] != "00")

    def name(self) -> str:
        r = self.r
        surname = r.choice(COMPOUND) if r.random() < 0.04 else r.choice(SURNAMES)
        given = r.choice(GIVEN) if r.random() < 0.3 else r.choice(GIVEN) + r.choice(GIVEN)
        return surname + given

    def id_number(self, old: bool = False) -> str:
        r = self.r
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=r.randrange(0, 20000))
        region = r.choice(self.regions)
        seq = f"{r.randrange(0, 1000):03d}"
        if old:
            return region + born.strftime("%y%m%d") + seq
        body = region + born.strftime("%Y%m%d") + seq
        return body + id_check_digit(body)

    def uscc(self) -> str:
        r = self.r
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body = (
                r.choice(("91", "92", "93", "12"))
                + r.choice(self.regions)
                + "".join(r.choice(alphabet) for _ in range(9))
            )
            code = body + uscc.calc_check_digit(body + "0")
            if uscc.is_valid(code):
                return code

    def mobile(self) -> str:
        return "1" + self.r.choice("35789") + "".join(self.r.choice("0123456789") for _ in range(9))

    def landline(self) -> str:
        area = self.r.choice(("0731", "0778", "0851", "0757", "020", "029", "0371"))
        return f"{area}-{self.r.randrange(2000000, 89999999)}"

    def bank_card(self) -> str:
        r = self.r
        while True:
            digits = r.choice(("622202", "621700", "622848", "623668")) + "".join(
                r.choice("0123456789") for _ in range(r.choice((10, 13)))
            )
            if luhn_ok(digits):
                return digits

    def bank_account(self) -> str:
        r = self.r
        return "".join(r.choice("0123456789") for _ in range(r.choice((12, 14, 20, 22))))

    def place(self) -> tuple[str, str, str]:
        return self.r.choice(PLACES)

    def street(self) -> str:
        r = self.r
        return f"{r.choice(ROADS)}{r.randrange(1, 300)}号"

    def home_address(self) -> str:
        r = self.r
        prov, city, district = self.place()
        return (
            f"{prov}{city}{district}{self.street()}{r.choice(ESTATES)}"
            f"{r.randrange(1, 30)}栋{r.randrange(1, 30)}0{r.randrange(1, 6)}室"
        )

    def business_address(self) -> str:
        prov, city, district = self.place()
        return f"{city}{district}{self.street()}{self.r.choice(('门面', '商铺', '写字楼', ''))}"

    def org_name(self) -> str:
        r = self.r
        prov = r.choice(PLACES)[0].replace("壮族自治区", "").replace("省", "")
        return prov + r.choice(TRADE_WORDS) + r.choice(INDUSTRIES) + r.choice(ORG_SUFFIX)

    def shop_name(self, owner: str) -> str:
        r = self.r
        prefix = r.choice(("", r.choice(PLACES)[2], r.choice(PLACES)[1]))
        return prefix + owner + r.choice(SHOP_SUFFIX)

    def amount(self) -> str:
        value = self.r.randrange(100, 900000000) / 100
        return f"{value:,.2f}元" if self.r.random() < 0.7 else f"{value:.2f}元"

    def date(self, year: int = 2024) -> datetime.date:
        return datetime.date(year, 1, 1) + datetime.timedelta(days=self.r.randrange(0, 700))

    def passport(self) -> str:
        r = self.r
        kind = r.choice(("E", "G", "C", "H", "M"))
        return kind + "".join(r.choice("0123456789") for _ in range(8))

    def email(self, name: str) -> str:
        r = self.r
        pinyinish = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randrange(4, 9)))
        return (
            pinyinish
            + str(r.randrange(1, 999))
            + "@"
            + r.choice(("qq.com", "163.com", "126.com", "sina.com"))
        )


def cn_date(d: datetime.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _bureau(g: Gen) -> tuple[str, str, str, str]:
    prov, city, district = g.place()
    suffix = g.r.choice(("税务局稽查局", "税务局第一稽查局", "税务局第二稽查局", f"{district}税务局"))
    name = f"国家税务总局{city}{suffix}"
    abbr = BUREAU_ABBR.get(city, city[0])
    return name, abbr, city, district


def _party_block(g: Gen, doc: Doc, subject: str, *, with_id: bool = True) -> dict[str, str]:
    """The 当事人 block; returns facts later paragraphs refer to."""
    info: dict[str, str] = {}
    r = g.r
    if subject == "organisation":
        org = g.org_name()
        rep = g.name()
        info.update(party=org, rep=rep, address_word="你公司")
        doc.known_names[rep] = "representative_name"
        doc.add(org, "org_name")
        doc.add("：（统一社会信用代码：" if r.random() < 0.5 else "（纳税人识别号：")
        doc.add(g.uscc(), "uscc")
        doc.add("）\n法定代表人：")
        doc.add(rep, "representative_name")
        if with_id and r.random() < 0.6:
            doc.add("，身份证件号码：")
            doc.add(g.id_number(), "id_number")
        doc.add("\n住所：" if r.random() < 0.5 else "\n注册地址：")
        doc.add(g.business_address(), "business_address")
        doc.add("\n")
    else:
        person = g.name()
        info.update(party=person, address_word="你")
        doc.known_names[person] = "person_name"
        if subject == "individual_business":
            shop = g.shop_name(person)
            info["shop"] = shop
            info["address_word"] = "你（户）"
            doc.add("当事人：")
            doc.add(shop, "shop_name")
            doc.add("（个体工商户）\n经营者：")
            doc.add(person, "person_name")
            doc.add("\n纳税人识别号：")
            if r.random() < 0.6:
                doc.add(g.id_number(), "id_number")
            else:
                doc.add(g.uscc(), "uscc")
            doc.add("\n经营地址：")
            doc.add(g.business_address(), "business_address")
            doc.add("\n")
        else:
            doc.add(r.choice(("当事人：", "纳税人（自然人）：", "当事人姓名：")))
            doc.add(person, "person_name")
            doc.add("，" + r.choice("男女") + "，")
            doc.add(r.choice(("身份证件号码：", "公民身份号码：", "身份证号码：")))
            doc.add(g.id_number(old=r.random() < 0.15), "id_number")
            doc.add("\n" + r.choice(("住址：", "家庭住址：", "户籍地址：", "住所：")))
            doc.add(g.home_address(), "home_address")
            doc.add("\n")
        if r.random() < 0.4:
            doc.add("联系电话：")
            doc.add(g.mobile(), "phone")
            doc.add("\n")
    return info


def _authority_footer(g: Gen, doc: Doc, bureau: str, when: datetime.date) -> None:
    r = g.r
    doc.add("\n" + bureau + "\n")
    doc.add(cn_date(when), "date")
    doc.add("\n")
    if r.random() < 0.6:
        phone = g.landline()
        doc.public_phones.append(phone)
        doc.add("（联系地址：" + g.business_address() + "；联系电话：")
        doc.add(phone, "public_phone")
        doc.add("）\n")
    else:
        doc.add("如有疑问，可拨打纳税服务热线")
        doc.add("12366", "public_phone")
        doc.add("咨询。\n")


def _facts(g: Gen, doc: Doc, info: dict[str, str], start: datetime.date) -> None:
    r = g.r
    who = info["address_word"]
    doc.add(f"{r.choice(('我局', '本局'))}于")
    doc.add(cn_date(start), "date")
    doc.add(f"起对{who}")
    doc.add(f"{start.year - 2}年1月1日至{start.year - 1}年12月31日", "date")
    doc.add("的涉税情况进行了检查，违法事实如下：\n")
    for i in range(r.randrange(1, 4)):
        template = r.choice(FACTS)
        pieces = template.split("{")
        doc.add(f"{i + 1}.{who}")
        for j, piece in enumerate(pieces):
            if j == 0:
                doc.add(piece)
                continue
            key, rest = piece.split("}", 1)
            if key in ("a", "b"):
                doc.add(g.amount(), "amount")
            elif key == "n":
                doc.add(str(r.randrange(2, 90)))
            elif key == "org":
                doc.add(g.org_name(), "org_name")
            doc.add(rest)
        doc.add("。")
        roll = r.random()
        if roll < 0.25:
            third = g.name()
            doc.add(r.choice(("经对", "检查人员询问")) + r.choice(("财务负责人", "办税人", "会计")))
            doc.add(third, "third_party_name")
            doc.add("（身份证号码：")
            doc.add(g.id_number(), "id_number")
            doc.add("）核实，上述收入通过其个人银行卡")
            doc.add(g.bank_card(), "bank_account")
            doc.add("收取。")
            if r.random() < 0.5:
                doc.add(third, "third_party_name")
                doc.add("对上述事实予以确认。")
        elif roll < 0.4:
            doc.add(
                "资金经由开户行" + r.choice(("中国工商银行", "中国建设银行", "中国农业银行")) + "，账号："
            )
            doc.add(g.bank_account(), "bank_account")
            doc.add("回流至")
            if "rep" in info:
                doc.add(info["rep"], "representative_name")
            else:
                doc.add(info["party"], "person_name")
            doc.add("个人账户。")
        elif roll < 0.5:
            third = g.name()
            doc.add("经与")
            doc.add(third, "third_party_name")
            doc.add(r.choice(("先生", "女士")) + "联系（手机：")
            doc.add(g.mobile(), "phone")
            doc.add("），其表示不知情。")
        elif roll < 0.56:
            third = g.name()
            doc.add("另查明，")
            doc.add(third, "third_party_name")  # no trigger at all: the honest hard case
            doc.add("代为保管了" + who + "的公章。")
        elif roll < 0.62:
            doc.add("其持有的护照号码为")
            doc.add(g.passport(), "travel_document")
            doc.add("，电子邮箱")
            doc.add(g.email(info["party"]), "email")
            doc.add("。")
        elif roll < 0.66:
            first, second = g.name(), g.name()
            doc.add("你" + r.choice(("公司", "单位")) + "股东")
            doc.add(first, "third_party_name")
            doc.add("、")
            doc.add(second, "third_party_name")
            doc.add("分别通过个人账户收取款项，")
            doc.add(first, "third_party_name")
            doc.add("（系你单位实际控制人）对此予以承认。")
        elif roll < 0.72:
            doc.add("涉及发票代码：")
            doc.add("".join(r.choice("0123456789") for _ in range(10)), "invoice_number")
            doc.add("，发票号码：")
            doc.add("".join(r.choice("0123456789") for _ in range(8)), "invoice_number")
            doc.add("；数电发票号码")
            doc.add("".join(r.choice("0123456789") for _ in range(20)), "invoice_number")
            doc.add("。")
        elif roll < 0.76:
            third = g.name()
            doc.add("上述款项由")
            doc.add(third, "third_party_name")  # untriggered: a known weak spot
            doc.add("负责转账。")
        elif roll < 0.8 and "shop" in info:
            doc.add("经营者")
            doc.add(info["party"], "person_name")
            doc.add("在")
            doc.add(info["shop"], "shop_name")
            doc.add("收银台使用其本人微信收款。")
        doc.add("\n")
    if "rep" in info and r.random() < 0.5:
        doc.add("上述事实有")
        doc.add(info["rep"], "representative_name")
        doc.add("签字确认的询问笔录、账簿凭证等证据证实。\n")


def _decision_doc(g: Gen, kind: str, subject: str) -> Doc:
    r = g.r
    doc = Doc(kind, subject)
    bureau, abbr, city, district = _bureau(g)
    year = r.choice((2024, 2025, 2026))
    title = "税务行政处罚决定书" if kind == "penalty_decision" else "税务处理决定书"
    mark = "罚" if kind == "penalty_decision" else "处"
    doc.add(bureau + "\n" + title + "\n")
    doc.add(f"{abbr}税稽{mark}〔{year}〕{r.randrange(1, 300)}号", "doc_number")
    doc.add("\n\n")
    info = _party_block(g, doc, subject)
    _facts(g, doc, info, g.date(year - 1))
    doc.add("根据")
    doc.add(r.choice(LAWS), "law_citation")
    doc.add("的规定，")
    if kind == "penalty_decision":
        doc.add(
            "对" + info["address_word"] + "处以少缴税款" + r.choice(("50%", "一倍", "0.5倍")) + "的罚款，计"
        )
    else:
        doc.add("决定对" + info["address_word"] + "追缴税款")
    doc.add(g.amount(), "amount")
    doc.add("。\n限" + info["address_word"] + "自本决定书送达之日起十五日内到")
    doc.add(bureau)
    doc.add("缴纳入库。到期不缴纳的，每日按罚款数额的百分之三加处罚款。\n")
    if r.random() < 0.5:
        officers = [g.name(), g.name()]
        doc.add("执法人员：")
        doc.add(officers[0], "official_name")
        doc.add("、")
        doc.add(officers[1], "official_name")
        doc.add("\n")
    doc.add(
        "如对本决定不服，可以自收到本决定书之日起六十日内依法向"
        + f"国家税务总局{city}税务局"
        + "申请行政复议。\n"
    )
    _authority_footer(g, doc, bureau, g.date(year))
    return doc


def _notice_doc(g: Gen, kind: str, subject: str) -> Doc:
    r = g.r
    doc = Doc(kind, subject)
    bureau, abbr, city, district = _bureau(g)
    year = r.choice((2024, 2025, 2026))
    titles = {
        "abnormal_household": "非正常户认定公告",
        "arrears_notice": "欠税公告",
        "hearing_notice": "税务行政处罚听证公告",
        "service_by_publication": "税务文书送达公告",
    }
    doc.add(bureau + "\n" + titles[kind] + "\n")
    doc.add(f"{abbr}税公告〔{year}〕{r.randrange(1, 90)}号", "doc_number")
    doc.add("\n")
    if kind == "arrears_notice":
        doc.add("根据")
        doc.add("《中华人民共和国税收征收管理法》第四十五条", "law_citation")
        doc.add("及《欠税公告办法（试行）》的规定，现将截至")
        doc.add(cn_date(g.date(year)), "date")
        doc.add("的欠税情况公告如下：\n")
        for _ in range(r.randrange(2, 6)):
            sub = r.choice(("organisation", "individual_business", "natural_person"))
            if sub == "organisation":
                org, rep = g.org_name(), g.name()
                doc.known_names[rep] = "representative_name"
                doc.add("纳税人名称：")
                doc.add(org, "org_name")
                doc.add("；纳税人识别号：")
                doc.add(g.uscc(), "uscc")
                doc.add("；法定代表人：")
                doc.add(rep, "representative_name")
                doc.add("；身份证件号码：")
                doc.add(g.id_number(), "id_number")
            else:
                person = g.name()
                doc.known_names[person] = "person_name"
                if sub == "individual_business":
                    doc.add("纳税人名称：")
                    doc.add(g.shop_name(person), "shop_name")
                    doc.add("；业主姓名：")
                else:
                    doc.add("纳税人姓名：")
                doc.add(person, "person_name")
                doc.add("；身份证件号码：")
                doc.add(g.id_number(), "id_number")
            doc.add("；经营地点：")
            # A natural person's only address is personal (RULES.md §1.5); a business's is public.
            doc.add(g.business_address(), "home_address" if sub == "natural_person" else "business_address")
            doc.add("；欠税税种：增值税；欠税余额：")
            doc.add(g.amount(), "amount")
            doc.add("。\n")
    else:
        info: dict[str, str] = {}
        subjects = 1 if kind == "hearing_notice" else r.randrange(1, 4)
        for _ in range(subjects):
            info = _party_block(g, doc, subject, with_id=kind != "abnormal_household")
        if kind == "abnormal_household":
            doc.add(
                "上述纳税人未按照规定的期限申报纳税，经税务机关责令限期改正后逾期不改正，经实地检查无法找到，根据"
            )
            doc.add("《税务登记管理办法》第四十条", "law_citation")
            doc.add("，自")
            doc.add(cn_date(g.date(year)), "date")
            doc.add("起认定为非正常户。\n")
        elif kind == "hearing_notice":
            doc.add("你（单位）申请听证的" + "税务行政处罚一案，定于")
            doc.add(cn_date(g.date(year)), "date")
            doc.add("在" + bureau + "听证室举行听证，听证主持人：")
            doc.add(g.name(), "official_name")
            doc.add("。委托代理人")
            doc.add(g.name(), "third_party_name")
            doc.add("须携带身份证件及授权委托书。\n")
        else:
            doc.add("因采用直接送达、留置送达、委托送达、邮寄送达等方式均无法送达，根据")
            doc.add("《中华人民共和国税收征收管理法实施细则》第一百零六条", "law_citation")
            doc.add("的规定，向" + info["address_word"] + "公告送达")
            doc.add(f"{abbr}税稽罚〔{year}〕{r.randrange(1, 300)}号", "doc_number")
            doc.add("《税务行政处罚决定书》，罚款")
            doc.add(g.amount(), "amount")
            doc.add("。自公告之日起满三十日，即视为送达。\n")
    _authority_footer(g, doc, bureau, g.date(year))
    return doc


KINDS = (
    "penalty_decision",
    "handling_decision",
    "abnormal_household",
    "arrears_notice",
    "hearing_notice",
    "service_by_publication",
)
SUBJECTS = ("organisation", "individual_business", "natural_person")


def generate(count: int = 360, seed: int = 20260801) -> list[Doc]:
    """``count`` documents cycling over every document kind and subject type."""
    g = Gen(seed)
    docs: list[Doc] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        subject = SUBJECTS[(i // len(KINDS)) % len(SUBJECTS)]
        if kind in ("penalty_decision", "handling_decision"):
            docs.append(_decision_doc(g, kind, subject))
        else:
            docs.append(_notice_doc(g, kind, subject))
    return docs
