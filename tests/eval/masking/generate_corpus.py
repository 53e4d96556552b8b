"""Generate the independent masking corpus (``corpus.jsonl``) with a fixed seed.

    .venv/bin/python tests/eval/masking/generate_corpus.py            # writes corpus.jsonl

The generated documents follow the layouts of published tax documents: 行政处罚决定书 (简易 and
一般程序), 双公示 penalty and licence records, 欠税公告 and 非正常户 lists in six flattenings, 送达公告,
重大税收违法失信案件 notices, 听证告知书, 税务处理决定书 modelled on the real decisions in
``../shared/real/`` and on pages found with the search tool. ``hand_cases.txt`` (hand-written
cases in the markup of ``corpus_lib``) is appended.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_lib import (  # noqa: E402
    LAWS,
    Doc,
    Gen,
    write_email,
    write_landline,
    write_mobile,
    write_number,
)

SEED = 20261206


# --------------------------------------------------------------------------- small helpers


def put_name(d: Doc, g: Gen, name: str, tags: set[str], pad: bool = False) -> None:
    tags = set(tags)
    if pad:
        name, extra = g.pad_name(name)
        tags |= extra
    if "latin_name" in tags and g.chance(0.4) and not pad:
        cn, _ = g.name("plain3")
        d.p("name", name, tags=tags)
        d.t("（")
        d.p("name", cn, tags=tags | {"latin_before_chinese"})
        d.t("）")
        return
    d.p("name", name, tags=tags)


def put_officer(d: Doc, name: str) -> None:
    """A tax officer named in office (执法人员, 听证主持人, 书记员, the bureau's 联系人): 执法公示 publishes
    these names, so they are left unlabelled - a masker may keep or mask them."""
    d.t(name)
    d.tags.add("officer_names_unlabelled")


def put_id(d: Doc, g: Gen, id18: str | None = None) -> str:
    tags: set[str] = set()
    if id18 is None:
        want_x = True if g.chance(0.2) else None
        if g.chance(0.05):
            v = g.id15()
            d.p("id_number", v, tags={"id_15_digit"})
            return v
        id18 = g.id_number(want_x=want_x)
    if id18.endswith("X"):
        tags.add("id_ending_x")
        if g.chance(0.2):
            id18 = id18[:-1] + "x"
            tags.add("id_lowercase_x")
    text, t2 = write_number(g, id18, "id")
    d.p("id_number", text, tags=tags | t2)
    return id18


def put_tin_individual(d: Doc, g: Gen, id18: str) -> None:
    tin = id18 + f"{g.r.randint(0, 99):02d}"
    text, t2 = write_number(g, tin, "tin")
    d.p(
        "tin_individual",
        text,
        tags={"tin_is_id_plus_suffix"} | t2 | ({"id_ending_x"} if "X" in tin else set()),
    )


def put_mobile(d: Doc, g: Gen) -> None:
    text, tags = write_mobile(g, g.mobile())
    d.p("phone", text, tags=tags)


def put_phone(d: Doc, g: Gen) -> None:
    if g.chance(0.3):
        area, local = g.landline()
        text, tags = write_landline(g, area, local)
        d.p("phone", text, tags=tags)
    else:
        put_mobile(d, g)


def put_email(d: Doc, g: Gen) -> None:
    text, tags = write_email(g, g.email())
    d.p("email", text, tags=tags)


def put_card(d: Doc, g: Gen) -> None:
    text, tags = write_number(g, g.bank_card(), "card")
    d.p("bank_card", text, tags=tags)


def put_uscc(d: Doc, g: Gen, code: str) -> None:
    d.k("uscc", code)


def put_authority_phone(d: Doc, g: Gen, region) -> None:
    d.k("authority_phone", g.authority_phone(region))


def put_url(d: Doc, g: Gen) -> None:
    u, tags = g.url()
    d.k("url", u, tags=tags)


def party_enterprise(d: Doc, g: Gen, region, label: str = "当事人") -> dict:
    org = g.org_name(region)
    code = g.uscc("company", region[0])
    rep, rep_tags = g.name()
    d.t(f"{label}：").k("org_name", org).t("\n")
    d.t(g.choice(["统一社会信用代码：", "纳税人识别号：", "统一社会信用代码（纳税人识别号）："])).k(
        "uscc", code
    ).t("\n")
    d.t(g.choice(["法定代表人：", "法定代表人（负责人）：", "负责人："]))
    put_name(d, g, rep, rep_tags)
    d.t("\n")
    if g.chance(0.5):
        d.t("法定代表人身份证件号码：")
        put_id(d, g)
        d.t("\n")
    d.t(g.choice(["住所：", "地址：", "经营地址：", "注册地址："])).k(
        "business_address", g.business_address(region)
    ).t("\n")
    return {"org": org, "rep": rep}


def party_person(d: Doc, g: Gen, region, label: str = "当事人") -> dict:
    name, tags = g.name()
    d.t(f"{label}：")
    put_name(d, g, name, tags)
    d.t("\n")
    if g.chance(0.15):
        kind, num = g.passport()
        d.t(f"证件类型：{kind}\n证件号码：").p("passport", num, tags={"passport"}).t("\n")
        id18 = g.id_number()
    else:
        d.t(g.choice(["身份证件号码：", "居民身份证号码：", "身份证号："]))
        id18 = put_id(d, g)
    d.t("\n")
    if g.chance(0.5) and len(id18) == 18:
        d.t("纳税人识别号：")
        put_tin_individual(d, g, id18)
        d.t("\n")
    d.t(g.choice(["住址：", "家庭住址：", "住所："])).p("home_address", g.home_address()).t("\n")
    if g.chance(0.7):
        d.t(g.choice(["联系电话：", "电话：", "联系方式：", "手机："]))
        put_phone(d, g)
        d.t("\n")
    if g.chance(0.2):
        d.t("电子邮箱：")
        put_email(d, g)
        d.t("\n")
    return {"name": name}


def party_shop(d: Doc, g: Gen, region, label: str = "当事人") -> dict:
    owner, tags = g.name(g.choice(["plain3", "plain3", "plain2", "compound", "word"]))
    shop = g.shop_name(owner, region)
    d.t(f"{label}：").k("shop_name", shop, tags={"owner_name_in_shop_name"}).t("\n")
    d.t("统一社会信用代码：").k("uscc", g.uscc("shop", region[0])).t("\n")
    d.t(g.choice(["经营者：", "经营者姓名：", "业主：", "负责人："]))
    d.p("name", owner, tags=tags | {"owner_name_in_shop_name"})
    d.t("\n")
    if g.chance(0.6):
        d.t("经营者身份证件号码：")
        put_id(d, g)
        d.t("\n")
    d.t("经营场所：").k("business_address", g.business_address(region)).t("\n")
    return {"org": shop, "name": owner}


def party(d: Doc, g: Gen, region, label: str = "当事人") -> dict:
    kind = g.r.choices(["ent", "person", "shop"], [50, 25, 25])[0]
    d.tags.add(f"party_{kind}")
    return {"ent": party_enterprise, "person": party_person, "shop": party_shop}[kind](d, g, region, label)


def invoice_facts(d: Doc, g: Gen) -> None:
    d.t("发票代码：").k("invoice_code", g.invoice_code(), tags={"invoice_code_12"}).t("，发票号码：")
    d.k("invoice_number", g.invoice_number()).t("，金额").k("amount", g.amount()).t("。")


def pay_clause(d: Doc, g: Gen, region) -> None:
    d.t("请自本决定书送达之日起十五日内到")
    d.k("authority_name", g.authority(region))
    d.t("办税服务厅缴纳入库。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。")
    d.t("如对本决定不服，可以自收到本决定书之日起六十日内依法向")
    d.k("authority_name", g.authority(region))
    d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")


# --------------------------------------------------------------------------- document types


def penalty_simple(g: Gen, i: int) -> Doc:
    d = Doc(f"penalty-simple-{i:03d}", {"penalty_simple"})
    region = g.region()
    auth = g.authority(region)
    d.k("authority_name", auth).t("\n税务行政处罚决定书（简易）\n")
    d.k("document_number", g.doc_no("简罚")).t("\n")
    party(d, g, region, g.choice(["被处罚人", "纳税人名称", "当事人"]))
    d.t("违法事实：你（单位）于").k("date", g.date()).t("未按照规定期限办理纳税申报，违反了")
    d.k("law_citation", LAWS[4] if g.chance(0.5) else LAWS[0]).t("的规定。\n")
    d.t("依据").k("law_citation", g.choice(LAWS[:4])).t("的规定，决定处以罚款").k("amount", g.amount()).t(
        "。\n"
    )
    pay_clause(d, g, region)
    d.t("税务机关（签章）\n执法人员：")
    for _ in range(2):
        n, t = g.name(g.choice(["plain3", "plain2", "compound"]))
        put_officer(d, n)
        d.t("、" if _ == 0 else "\n")
    d.k("date", g.date()).t("\n")
    return d


def penalty_general(g: Gen, i: int) -> Doc:
    d = Doc(f"penalty-general-{i:03d}", {"penalty_general"})
    region = g.region()
    auth = g.authority(region)
    d.k("authority_name", auth).t("\n税务行政处罚决定书\n").k("document_number", g.doc_no("罚")).t("\n\n")
    info = party(d, g, region)
    if g.chance(0.5):
        d.t("委托代理人：")
        n, t = g.name()
        put_name(d, g, n, t | {"agent_name"})
        d.t("，").k(
            "org_name",
            g.choice(["浙江", "广东", "北京", "上海"])
            + g.choice(["天册", "正和", "金诚", "大成", "君合"])
            + "律师事务所",
        ).t("律师，联系电话：")
        put_phone(d, g)
        d.t("\n")
    d.t("\n经我局（所）于").k("date", g.date()).t("至").k("date", g.date()).t("对你")
    d.t("公司" if "org" in info else "")
    d.t("的涉税情况进行检查，发现你存在违法事实如下：\n")
    d.t("一、你于").k("date", g.date()).t("取得虚开的增值税普通发票1份，")
    invoice_facts(d, g)
    d.t("\n二、少缴增值税").k("amount", g.amount()).t("，城市维护建设税").k("amount", g.amount()).t("。\n")
    if g.chance(0.4):
        n, t = g.name()
        d.t("上述款项通过个人银行账户（户名：")
        put_name(d, g, n, t | {"third_party_name"})
        d.t("，账号：")
        put_card(d, g)
        d.t("）收取。\n")
    d.t("以上事实有检查人员询问笔录、财务账簿等证据证明，违反了").k("law_citation", g.choice(LAWS)).t(
        "的规定。\n"
    )
    if g.chance(0.3):
        n, t = g.name()
        d.t("证人")
        put_name(d, g, n, t | {"witness_name"})
        d.t("（身份证号码：")
        put_id(d, g)
        d.t("）证实上述事实。\n")
    d.t("根据").k("law_citation", g.choice(LAWS)).t("的规定，决定对你处以少缴税款百分之五十的罚款").k(
        "amount", g.amount()
    ).t("。\n")
    pay_clause(d, g, region)
    d.t("\n").k("authority_name", auth).t("\n").k("date", g.date()).t("\n")
    if g.chance(0.3):
        d.t("联系人：")
        n, t = g.name("plain3")
        put_officer(d, n)
        d.t("  联系电话：").k("authority_phone", g.authority_phone(region)).t("\n")
    if g.chance(0.3):
        d.t("原文链接：")
        put_url(d, g)
        d.t("\n")
    return d


def shuanggongshi_penalty(g: Gen, i: int) -> Doc:
    d = Doc(f"sgs-penalty-{i:03d}", {"shuanggongshi", "key_value"})
    region = g.region()
    kind = g.r.choices(["ent", "shop", "person"], [55, 30, 15])[0]
    d.tags.add(f"party_{kind}")
    sep = g.choice(["：", ":", "\t", "："])
    d.t(f"行政相对人名称{sep}")
    if kind == "ent":
        d.k("org_name", g.org_name(region))
        rep, rt = g.name()
        d.t(f"\n行政相对人类别{sep}法人及非法人组织\n统一社会信用代码{sep}").k(
            "uscc", g.uscc("company", region[0])
        )
        d.t(f"\n法定代表人{sep}")
        put_name(d, g, rep, rt)
    elif kind == "shop":
        owner, ot = g.name(g.choice(["plain3", "plain2", "compound", "word"]))
        d.k("shop_name", g.shop_name(owner, region), tags={"owner_name_in_shop_name"})
        d.t(f"\n行政相对人类别{sep}个体工商户\n统一社会信用代码{sep}").k("uscc", g.uscc("shop", region[0]))
        d.t(f"\n法定代表人{sep}").p("name", owner, tags=ot | {"owner_name_in_shop_name"})
    else:
        n, t = g.name()
        put_name(d, g, n, t)
        d.t(f"\n行政相对人类别{sep}自然人\n证件类型{sep}身份证\n证件号码{sep}")
        put_id(d, g)
    d.t(f"\n行政处罚决定书文号{sep}").k("document_number", g.doc_no("罚"))
    d.t(f"\n违法行为类型{sep}违反税收管理\n违法事实{sep}未按照规定期限办理纳税申报和报送纳税资料\n")
    d.t(f"处罚依据{sep}").k("law_citation", g.choice(LAWS[:4]))
    d.t(f"\n处罚类别{sep}罚款\n处罚内容{sep}罚款").k("amount", g.amount())
    d.t(f"\n罚款金额（万元）{sep}").k("amount", f"{g.r.uniform(0.005, 20):.4f}")
    d.t(f"\n处罚决定日期{sep}").k("date", g.date("iso" if g.chance(0.6) else None))
    d.t(f"\n处罚有效期{sep}").k("date", "2099-12-31" if g.chance(0.5) else g.date("iso"))
    d.t(f"\n公示截止期{sep}").k("date", g.date("iso"))
    d.t(f"\n处罚机关{sep}").k("authority_name", g.authority(region))
    d.t(f"\n处罚机关统一社会信用代码{sep}").k("uscc", g.uscc("gov", region[0]))
    d.t(f"\n数据来源单位{sep}").k("authority_name", g.authority(region)).t("\n")
    return d


def licence(g: Gen, i: int) -> Doc:
    d = Doc(f"licence-{i:03d}", {"licence", "shuanggongshi", "key_value"})
    region = g.region()
    sep = g.choice(["：", "："])
    kind = g.r.choices(["ent", "shop", "person"], [60, 25, 15])[0]
    d.tags.add(f"party_{kind}")
    d.t(f"行政许可决定文书名称{sep}准予税务行政许可决定书\n行政许可决定文书号{sep}").k(
        "document_number", g.doc_no("许准字")
    )
    d.t(f"\n许可类别{sep}普通\n许可内容{sep}增值税防伪税控系统最高开票限额审批（最高开票限额十万元）\n")
    d.t(f"行政相对人名称{sep}")
    if kind == "ent":
        d.k("org_name", g.org_name(region)).t(f"\n统一社会信用代码{sep}").k(
            "uscc", g.uscc("company", region[0])
        )
        d.t(f"\n法定代表人{sep}")
        n, t = g.name()
        put_name(d, g, n, t, pad=g.chance(0.3))
    elif kind == "shop":
        owner, ot = g.name(g.choice(["plain3", "plain2", "word"]))
        d.k("shop_name", g.shop_name(owner, region), tags={"owner_name_in_shop_name"})
        d.t(f"\n统一社会信用代码{sep}").k("uscc", g.uscc("shop", region[0])).t(f"\n经营者{sep}")
        d.p("name", owner, tags=ot | {"owner_name_in_shop_name"})
    else:
        n, t = g.name()
        put_name(d, g, n, t)
        d.t(f"\n证件号码{sep}")
        put_id(d, g)
    if g.chance(0.4):
        d.t(f"\n办税人员{sep}")
        n, t = g.name()
        put_name(d, g, n, t)
        d.t(f"\n办税人员联系电话{sep}")
        put_mobile(d, g)
    d.t(f"\n许可决定日期{sep}").k("date", g.date("iso")).t(f"\n有效期自{sep}").k("date", g.date("iso"))
    d.t(f"\n有效期至{sep}").k("date", g.date("iso")).t(f"\n许可机关{sep}").k(
        "authority_name", g.authority(region)
    )
    d.t(f"\n许可机关统一社会信用代码{sep}").k("uscc", g.uscc("gov", region[0]))
    d.t(f"\n当前状态{sep}有效\n")
    return d


# ---- lists (欠税公告 / 非正常户) in six flattenings

LIST_FLATTENINGS = ("tab", "pipe", "cell_per_line", "space_aligned", "key_value", "semicolon")


def list_rows(g: Gen, region, kind: str, n: int) -> list[list[tuple]]:
    """Each row: list of cells, each cell a list of (kind, type, value, tags) or plain text."""
    rows = []
    for _ in range(n):
        who = g.r.choices(["ent", "shop", "person"], [55, 30, 15])[0]
        if who == "ent":
            rep, rt = g.name()
            cells = [
                [("k", "org_name", g.org_name(region), set())],
                [("k", g.choice(["uscc", "uscc", "tin_enterprise"]), None, set())],
                [("p", "name", rep, rt)],
                [("p", "id_number", g.id_number(want_x=True if g.chance(0.2) else None), set())],
                [("k", "business_address", g.business_address(region), set())],
            ]
            if cells[1][0][1] == "uscc":
                cells[1] = [("k", "uscc", g.uscc("company", region[0]), set())]
            else:
                cells[1] = [("k", "tin_enterprise", g.tin_enterprise(region[0]), {"tin_enterprise_15"})]
        elif who == "shop":
            owner, ot = g.name(g.choice(["plain3", "plain2", "compound", "word", "plain3"]))
            id18 = g.id_number(want_x=True if g.chance(0.2) else None)
            tin = ("p", "tin_individual", id18 + f"{g.r.randint(0, 99):02d}", {"tin_is_id_plus_suffix"})
            if g.chance(0.4):
                tin = ("k", "uscc", g.uscc("shop", region[0]), set())
            cells = [
                [("k", "shop_name", g.shop_name(owner, region), {"owner_name_in_shop_name"})],
                [tin],
                [("p", "name", owner, ot | {"owner_name_in_shop_name"})],
                [("p", "id_number", id18, set())],
                [("k", "business_address", g.business_address(region), set())],
            ]
        else:
            name, nt = g.name()
            id18 = g.id_number(want_x=True if g.chance(0.2) else None)
            cells = [
                [("p", "name", name, nt)],
                [("p", "tin_individual", id18 + f"{g.r.randint(0, 99):02d}", {"tin_is_id_plus_suffix"})],
                [("p", "name", name, nt | {"name_repeated_in_row"})],
                [("p", "id_number", id18, set())],
                [("p", "home_address", g.home_address(), set())],
            ]
        if kind == "arrears":
            cells.append(
                [("t", g.choice(["增值税", "企业所得税", "个人所得税", "城镇土地使用税", "房产税、印花税"]))]
            )
            cells.append([("k", "amount", f"{g.r.uniform(1000, 5_000_000):.2f}", set())])
            cells.append([("k", "amount", f"{g.r.uniform(0, 100_000):.2f}", set())])
        else:
            cells.append([("k", "date", g.date("iso"), set())])
            cells.append([("k", "authority_name", g.authority(region), set())])
        rows.append(cells)
    return rows


ARREARS_HEADERS = [
    "纳税人名称",
    "纳税人识别号",
    "法定代表人（负责人）",
    "身份证件号码",
    "经营地点",
    "欠税税种",
    "欠税余额（元）",
    "当期新发生欠税（元）",
]
ABNORMAL_HEADERS = [
    "纳税人名称",
    "纳税人识别号",
    "法定代表人（负责人）",
    "身份证件号码",
    "生产经营地址",
    "认定非正常户日期",
    "主管税务机关",
]


def put_cell(d: Doc, g: Gen, cell, wrap: bool = False) -> None:
    for kind, *rest in cell:
        if kind == "t":
            d.t(rest[0])
            continue
        typ, value, tags = rest
        tags = set(tags)
        if wrap and typ in ("id_number", "tin_individual", "uscc") and g.chance(0.5):
            cut = g.r.randint(8, len(value) - 4)
            value = value[:cut] + "\n" + value[cut:]
            tags.add("linebreak_in_number")
        elif (
            wrap
            and typ in ("business_address", "home_address", "org_name")
            and len(value) > 14
            and g.chance(0.5)
        ):
            cut = g.r.randint(8, len(value) - 4)
            value = value[:cut] + "\n" + value[cut:]
            tags.add("linebreak_in_value")
        if typ == "name" and g.chance(0.2) and not wrap:
            value, extra = g.pad_name(value)
            tags |= extra
        if typ == "id_number" and value.endswith("X"):
            tags.add("id_ending_x")
        if kind == "p":
            d.p(typ, value, tags=tags)
        else:
            d.k(typ, value, tags=tags)


def cell_width(cell) -> int:
    w = 0
    for kind, *rest in cell:
        v = rest[0] if kind == "t" else rest[1]
        w += sum(2 if ord(c) > 0x2E80 else 1 for c in v)
    return w


def listing(g: Gen, i: int, kind: str, flat: str) -> Doc:
    d = Doc(f"{kind}-{flat}-{i:03d}", {f"list_{kind}", f"flat_{flat}"})
    region = g.region()
    auth = g.authority(region)
    headers = ARREARS_HEADERS if kind == "arrears" else ABNORMAL_HEADERS
    if kind == "arrears":
        d.k("authority_name", auth).t("关于").k(
            "date", g.date("cn")[:5] + "第" + g.choice("一二三四") + "季度"
        )
        d.t("欠税情况的公告\n根据").k("law_citation", "《中华人民共和国税收征收管理法》第四十五条")
        d.t("的规定，现将欠缴税款的纳税人名单公告如下：\n")
    else:
        d.k("authority_name", auth).t(
            "非正常户公告\n下列纳税人未按照规定期限申报纳税，经税务机关责令限期改正后逾期不改正，"
        )
        d.t("经实地检查查无下落，已认定为非正常户，现予公告：\n")
    rows = list_rows(g, region, kind, g.r.randint(3, 7))
    for r in rows:
        if any(c[0][1] == "shop_name" for c in r if c[0][0] != "t"):
            pass
    if flat == "tab":
        d.t("序号\t" + "\t".join(headers) + "\n")
        for n, row in enumerate(rows, 1):
            d.t(f"{n}\t")
            for j, cell in enumerate(row):
                put_cell(d, g, cell)
                d.t("\t" if j < len(row) - 1 else "\n")
    elif flat == "pipe":
        d.t("| 序号 | " + " | ".join(headers) + " |\n|" + "---|" * (len(headers) + 1) + "\n")
        for n, row in enumerate(rows, 1):
            d.t(f"| {n} | ")
            for j, cell in enumerate(row):
                put_cell(d, g, cell)
                d.t(" | " if j < len(row) - 1 else " |\n")
    elif flat == "cell_per_line":
        d.t("序号\n" + "\n".join(headers) + "\n")
        for n, row in enumerate(rows, 1):
            d.t(f"{n}\n")
            for cell in row:
                put_cell(d, g, cell, wrap=True)
                d.t("\n")
    elif flat == "space_aligned":
        widths = [max(cell_width(r[j]) for r in rows) for j in range(len(headers))]
        widths = [max(w, sum(2 for _ in h)) for w, h in zip(widths, headers, strict=True)]
        d.t(
            "序号  "
            + "  ".join(h + " " * (w - 2 * len(h)) for h, w in zip(headers, widths, strict=True))
            + "\n"
        )
        for n, row in enumerate(rows, 1):
            d.t(f"{n:<4}  ")
            for j, cell in enumerate(row):
                put_cell(d, g, cell)
                pad = widths[j] - cell_width(cell)
                d.t(" " * (pad + 2) if j < len(row) - 1 else "\n")
    elif flat == "key_value":
        for n, row in enumerate(rows, 1):
            d.t(f"{n}.\n")
            for h, cell in zip(headers, row, strict=True):
                d.t(f"{h}：")
                put_cell(d, g, cell)
                d.t("\n")
            d.t("\n")
    elif flat == "semicolon":
        for n, row in enumerate(rows, 1):
            d.t(f"{n}、")
            for j, (h, cell) in enumerate(zip(headers, row, strict=True)):
                d.t(f"{h}：")
                put_cell(d, g, cell)
                d.t("；" if j < len(row) - 1 else "。\n")
    d.t("特此公告。\n").k("authority_name", auth).t("\n").k("date", g.date("cn")).t("\n")
    if g.chance(0.4):
        d.t("咨询电话：").k("authority_phone", g.authority_phone(region)).t("\n")
    return d


def service_notice(g: Gen, i: int) -> Doc:
    d = Doc(f"service-notice-{i:03d}", {"service_notice"})
    region = g.region()
    auth = g.authority(region)
    d.k("authority_name", auth).t("\n").t(g.choice(["税务文书送达公告", "公告送达", "送达公告"])).t("\n")
    d.k("document_number", g.doc_no("告")).t("\n")
    kind = g.r.choices(["ent", "person", "shop"], [55, 25, 20])[0]
    d.tags.add(f"party_{kind}")
    if kind == "ent":
        d.k("org_name", g.org_name(region)).t("（统一社会信用代码：").k(
            "uscc", g.uscc("company", region[0])
        ).t("）：\n")
    elif kind == "shop":
        owner, ot = g.name(g.choice(["plain3", "plain2", "word"]))
        d.k("shop_name", g.shop_name(owner, region), tags={"owner_name_in_shop_name"}).t("（经营者：")
        d.p("name", owner, tags=ot | {"owner_name_in_shop_name"}).t("）：\n")
    else:
        n, t = g.name()
        put_name(d, g, n, t)
        d.t("（纳税人识别号：")
        put_tin_individual(d, g, g.id_number())
        d.t("）：\n")
    d.t("因采用直接送达、留置送达、委托送达、邮寄送达等方式无法送达，根据")
    d.k("law_citation", "《中华人民共和国税收征收管理法实施细则》第一百零六条").t("的规定，现向你公告送达《")
    d.t(
        g.choice(
            ["税务行政处罚决定书", "税务处理决定书", "税务检查通知书", "责令限期改正通知书", "税务事项通知书"]
        )
    )
    d.t("》（").k("document_number", g.doc_no(g.choice(["罚", "处", "检通", "限改"]))).t("）。")
    d.t("自公告之日起满三十日，即视为送达。\n")
    d.t("联系人：")
    n, t = g.name(g.choice(["plain3", "plain2"]))
    put_officer(d, n)
    d.t("\n联系电话：").k("authority_phone", g.authority_phone(region))
    d.t("\n联系地址：").k("business_address", g.business_address(region)).t("\n")
    d.k("authority_name", auth).t("\n").k("date", g.date()).t("\n")
    return d


def major_case(g: Gen, i: int) -> Doc:
    d = Doc(f"major-case-{i:03d}", {"major_case"})
    region = g.region()
    sep = "："
    kind = g.r.choices(["ent", "person"], [75, 25])[0]
    d.tags.add(f"party_{kind}")
    d.t("重大税收违法失信主体信息\n")
    if kind == "ent":
        d.t(f"纳税人名称{sep}").k("org_name", g.org_name(region)).t(f"\n统一社会信用代码{sep}")
        d.k("uscc", g.uscc("company", region[0]))
        d.t(f"\n注册地址{sep}").k("business_address", g.business_address(region))
        for role in ["法定代表人或者负责人", "负有直接责任的财务负责人"]:
            n, t = g.name()
            d.t(f"\n{role}姓名{sep}")
            put_name(d, g, n, t)
            d.t(f"，性别{sep}{g.choice('男女')}，身份证件号码{sep}")
            put_id(d, g)
        if g.chance(0.3):
            d.t(f"\n负有直接责任的中介机构信息{sep}").k("org_name", g.org_name(region)).t("（从业人员")
            n, t = g.name()
            put_name(d, g, n, t | {"agent_name"})
            d.t("）")
    else:
        n, t = g.name()
        d.t(f"当事人姓名{sep}")
        put_name(d, g, n, t)
        d.t(f"\n性别{sep}{g.choice('男女')}\n身份证件号码{sep}")
        put_id(d, g)
    d.t(f"\n案件性质{sep}{g.choice(['虚开增值税专用发票', '偷税', '逃避追缴欠税', '虚开普通发票'])}\n")
    d.t(f"主要违法事实{sep}经").k("authority_name", g.authority(region)).t("检查，发现其在").k(
        "date", g.date()
    )
    d.t("至").k("date", g.date()).t("期间，").t("采取虚假纳税申报手段，少缴税款").k("amount", g.amount())
    d.t("。\n相关法律依据及税务处理处罚情况").t(sep).t("依照").k("law_citation", g.choice(LAWS))
    d.t("等相关法律法规的规定，对其处以").k("amount", g.amount()).t("的罚款。\n")
    d.t(f"检查机关{sep}").k("authority_name", g.authority(region)).t("\n")
    return d


def hearing_notice(g: Gen, i: int) -> Doc:
    d = Doc(f"hearing-{i:03d}", {"hearing_notice"})
    region = g.region()
    auth = g.authority(region)
    title = g.choice(["税务行政处罚听证通知书", "税务行政处罚事项告知书", "听证公告"])
    d.k("authority_name", auth).t(f"\n{title}\n").k(
        "document_number", g.doc_no(g.choice(["听通", "罚告"]))
    ).t("\n")
    info = party(d, g, region)
    d.t("\n根据你（单位）提出的听证要求，本机关决定于").k("date", g.date()).t("上午9时在")
    d.k("business_address", g.business_address(region)).t("举行听证。\n")
    d.t("听证主持人：")
    n, t = g.name("plain3")
    put_officer(d, n)
    d.t("；书记员：")
    n, t = g.name(g.choice(["plain2", "plain3"]))
    put_officer(d, n)
    d.t("。\n")
    if g.chance(0.6):
        role = g.choice(["委托代理人", "辩护人", "代理人"])
        n, t = g.name()
        d.t(f"{role}：")
        put_name(d, g, n, t | {"agent_name"})
        d.t("，身份证号码：")
        put_id(d, g)
        d.t("，手机：")
        put_mobile(d, g)
        d.t("\n")
    d.t("你（单位）如委托代理人参加听证，应当在听证举行前向本机关提交由你（单位）签章的授权委托书。")
    d.t("依据").k("law_citation", LAWS[-1]).t("的规定执行。\n联系电话：").k(
        "authority_phone", g.authority_phone(region)
    )
    d.t("\n").k("authority_name", auth).t("\n").k("date", g.date()).t("\n")
    del info
    return d


def handling_decision(g: Gen, i: int) -> Doc:
    """税务处理决定书 modelled on the real decisions (南宁/河池 attachments)."""
    d = Doc(f"handling-{i:03d}", {"handling_decision", "real_like"})
    region = g.region()
    auth = g.authority(region)
    d.k("authority_name", auth).t("\n税务处理决定书\n").k("document_number", g.doc_no("处")).t("\n\n")
    org = g.org_name(region)
    d.k("org_name", org).t("（纳税人识别号：").k("uscc", g.uscc("company", region[0])).t("）：\n")
    d.t("    我局于").k("date", g.date()).t("至").k("date", g.date()).t("对你公司（地址：")
    addr = g.business_address(region)
    if g.chance(0.4) and len(addr) > 12:
        cut = g.r.randint(6, len(addr) - 3)
        d.k("business_address", addr[:cut] + "\n" + addr[cut:], tags={"linebreak_in_value"})
    else:
        d.k("business_address", addr)
    d.t("）").k("date", g.date()).t("至").k("date", g.date()).t(
        "期间的涉税情况进行了检查，违法事实及处理决定如下：\n"
    )
    d.t(
        "   一、违法事实\n     （一）你公司为走逃（失联）企业。\n     你公司未在税务登记注册地址经营，法定代表人"
    )
    n, t = g.name()
    put_name(d, g, n, t)
    d.t("、财务负责人")
    n2, t2 = g.name()
    put_name(d, g, n2, t2)
    d.t("电话无法联系。\n     （二）发票流检查发现的问题\n     你公司向主管税务机关领用增值税专用发票，")
    for _ in range(g.r.randint(1, 3)):
        code = g.invoice_code()
        if g.chance(0.3):
            code = code[:10]
            d.t("发票代码：").k("invoice_code", code)
        else:
            d.t("发票代码：").k("invoice_code", code, tags={"invoice_code_12"})
        a, b = g.invoice_number(), None
        d.t("，发票号码：").k("invoice_number", a[:8])
        if g.chance(0.5):
            b = f"{int(a[:8]) + 24:08d}"
            d.t("-").k("invoice_number", b).t("（25份）")
        d.t("；")
    d.t("发票金额合计").k("amount", g.amount()).t("，税额合计").k("amount", g.amount()).t("。\n")
    if g.chance(0.6):
        d.t("     （三）资金流检查发现的问题\n     你公司收到货款后随即转出给")
        count = g.r.randint(1, 3)
        for j in range(count):
            n3, t3 = g.name()
            put_name(d, g, n3, t3 | {"third_party_name"})
            d.t("、" if j < count - 1 else "")
        d.t("等个人银行账户（")
        put_card(d, g)
        d.t("）。\n")
    d.t("   二、处理决定\n     根据").k("law_citation", g.choice(LAWS[6:9])).t(
        "的规定，认定你公司开具的上述发票为虚开。"
    )
    d.t("追缴增值税").k("amount", g.amount()).t("，并从滞纳税款之日起按日加收滞纳税款万分之五的滞纳金。\n")
    d.t("     你公司若同我局在纳税上有争议，必须先依照本决定的期限缴纳税款及滞纳金或者提供相应的担保，")
    d.t("然后可自上述款项缴清或者提供相应担保被税务机关确认之日起六十日内依法向").k(
        "authority_name", g.authority(region)
    )
    d.t("申请行政复议。\n\n").k("authority_name", auth).t("\n").k(
        "date", g.date("cnnum" if g.chance(0.5) else "cn")
    ).t("\n")
    return d


def real_masked(g: Gen, i: int) -> Doc:
    """Decisions as bureaus publish them, with their own hand-masking already applied."""
    d = Doc(f"premasked-{i:03d}", {"real_like", "already_masked"})
    region = g.region()
    auth = g.authority(region)
    d.k("authority_name", auth).t("\n行政处罚决定书\n").k("document_number", g.doc_no("罚")).t("\n")
    sur = g.choice(["陶", "李", "王", "欧阳", "张"])
    d.t("当事人：").m(sur + g.choice(["**", "*", "某", "某某", "XX"])).t("\n身份证件号码：")
    idv = g.id_number()
    d.m(idv[:6] + "********" + idv[-4:] if g.chance(0.5) else idv[:4] + "*" * 14).t("\n")
    d.t("纳税人识别号：").m("9144" + "*" * 8 if g.chance(0.5) else "XXX").t("\n联系电话：").m(
        "138****" + g.mobile()[-4:]
    ).t("\n")
    d.t("住址：").m(g.choice(["浙江省杭州市西湖区***", "XXX", "（略）", "广西壮族自治区南宁市****"])).t("\n")
    d.t("经查，你于").k("date", g.date()).t("少缴个人所得税").k("amount", g.amount()).t("。依据")
    d.k("law_citation", LAWS[2]).t("，对你处以罚款").k("amount", g.amount()).t("。\n")
    d.t("同案人员：")
    n, t = g.name()
    put_name(d, g, n, t)
    d.t("（身份证号码：")
    put_id(d, g)
    d.t("）。\n").k("authority_name", auth).t("\n").k("date", g.date()).t("\n")
    return d


def ent_contact_record(g: Gen, i: int) -> Doc:
    """Free-text notices naming a company's contact person with full contact details."""
    d = Doc(f"contact-{i:03d}", {"contact_block"})
    region = g.region()
    d.k("authority_name", g.authority(region)).t(g.choice(["关于督促", "关于提醒"])).k(
        "org_name", g.org_name(region)
    )
    d.t("限期办理涉税事项的通知\n你单位财务负责人")
    n, t = g.name()
    put_name(d, g, n, t, pad=g.chance(0.2))
    d.t("（手机")
    put_mobile(d, g)
    d.t("，邮箱")
    put_email(d, g)
    d.t("）已于").k("date", g.date()).t("确认收到《税务事项通知书》（").k(
        "document_number", g.doc_no("通")
    ).t("）。")
    d.t("请于十五日内办理。办税服务厅地址：").k("business_address", g.business_address(region))
    d.t("，咨询电话：").k("authority_phone", g.authority_phone(region)).t("，纳税服务热线").k(
        "authority_phone", "12366"
    )
    d.t("。网址：")
    put_url(d, g)
    d.t("\n")
    if g.chance(0.5):
        d.t("外籍股东")
        n, t = g.name("latin")
        put_name(d, g, n, t)
        d.t("（")
        kind, num = g.passport()
        d.t(f"{kind}号码：").p("passport", num, tags={"passport"}).t("）")
        d.t("退税款汇入其个人账户")
        put_card(d, g)
        d.t("。\n")
    return d


def generate() -> list[dict]:
    g = Gen(SEED)
    docs: list[Doc] = []
    plan = [
        (penalty_simple, 40),
        (penalty_general, 50),
        (shuanggongshi_penalty, 35),
        (licence, 30),
        (service_notice, 35),
        (major_case, 35),
        (hearing_notice, 25),
        (handling_decision, 30),
        (real_masked, 15),
        (ent_contact_record, 20),
    ]
    for fn, n in plan:
        docs.extend(fn(g, i) for i in range(n))
    for kind in ("arrears", "abnormal"):
        for flat in LIST_FLATTENINGS:
            docs.extend(listing(g, i, kind, flat) for i in range(10))
    records = [d.record() for d in docs]
    records.extend(hand_cases())
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    return records


def hand_cases() -> list[dict]:
    """Parse ``hand_cases.txt``: blocks separated by lines ``=== id [tags...]``."""
    path = HERE / "hand_cases.txt"
    if not path.exists():
        return []
    out = []
    block: list[str] = []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("=== "):
            if header:
                out.append(_hand(header, "".join(block)))
            header, block = line[4:].split(), []
        elif line.startswith("#") and header is None:
            continue
        else:
            block.append(line)
    if header:
        out.append(_hand(header, "".join(block)))
    return out


def _hand(header: list[str], body: str) -> dict:
    d = Doc(f"hand-{header[0]}", set(header[1:]) | {"hand_written"})
    d.markup(body.rstrip("\n") + "\n")
    return d.record()


def main() -> None:
    records = generate()
    out = HERE / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_p = sum(len(r["personal"]) for r in records)
    n_k = sum(len(r["public"]) for r in records)
    print(f"{len(records)} documents, {n_p} personal values, {n_k} public values -> {out}")


if __name__ == "__main__":
    main()
