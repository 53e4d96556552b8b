"""How expected.json was written: every value below was typed by hand after reading the file
(antiword / python-docx / pdftotext -layout; page images for the two scanned PDFs). Kept so the
file can be regenerated and reviewed; it reads nothing from the project."""

import csv
import json
import re
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "masking"))
from corpus_lib import valid_uscc

N = None


def name(v, role):
    return {"type": "name", "value": v, "role": role}


F = {}


def add(fn, **kw):
    F[fn] = kw


add(
    "0b3c33b2b62ea45eca6e.pdf",
    format="pdf",
    readable=True,
    document_type="税务处理决定书",
    document_number="北市税稽处〔2026〕 号",
    document_number_note="the number is blank in the PDF itself; the summary row gives 北市税稽处〔2026〕16号",
    authority="国家税务总局北海市税务局稽查局",
    party_name="北海市丰赢商贸有限公司",
    party_kind="enterprise",
    uscc_or_tin="91450500MAEULQHG42",
    legal_representative=N,
    address="北海市海城区北京路东侧、西南大道北侧交汇处海尚芭黎3002号",
    decision_date="2026-08-03",
    penalty_amount=N,
    tax_amount="521650.14",
    tax_amount_note="追补税款498362.19元（增值税465759.06、城市维护建设税32603.13）+ 其他税费23287.95元（教育费附加13972.77、地方教育附加9315.18）= 合计521650.14元; 移送司法机关, no fine",
    personal_values=[],
    already_masked=[],
    summary_rows=[40],
)
add(
    "0d5f1a60c7c880da63d7.pdf",
    format="pdf",
    readable=True,
    document_type="税务处理决定书",
    document_number="二税稽处〔2025〕1号",
    authority="国家税务总局二连浩特市税务局稽查局",
    party_name="二连市坤益腾金属有限公司",
    party_kind="enterprise",
    uscc_or_tin="152501396433709",
    uscc_or_tin_note="15-digit enterprise taxpayer number (old format), public",
    legal_representative=N,
    address="内蒙古自治区锡林郭勒盟二连浩特市铁道东、二满线北美克公司院内",
    decision_date="2025-01-09",
    penalty_amount=N,
    tax_amount=N,
    note="虚开 determination (虚开金额合计183,061,073.81元，税额合计29,819,695.74元); 暂不处罚, 移送公安机关; no tax recovered",
    personal_values=[],
    already_masked=[],
    summary_rows=[25],
)
add(
    "15e48052d2422ea42494.doc",
    format="doc",
    readable=True,
    document_type="税务处理决定书",
    document_number="南市税一稽处〔2026〕2号",
    authority="国家税务总局南宁市税务局第一稽查局",
    party_name="南宁洪谦金贸易有限公司",
    party_kind="enterprise",
    uscc_or_tin="91450103MA5K9WHY7U",
    legal_representative=N,
    address="南宁市青秀区云景路11号春晖花园C区3栋2单元1606号",
    decision_date="2026-01-06",
    penalty_amount=N,
    tax_amount=N,
    note="虚开 determination only (虚开发票金额9894604.71元，税额1682082.79元); invoice codes and numbers broken across lines",
    personal_values=[
        name("桑兰英", "payee"),
        name("张忠", "payee"),
        name("阮新航", "payee"),
        name("王峰", "payee"),
        {
            "type": "bank_account_company",
            "value": "800099398800015",
            "role": "party's reported account",
            "note": "a legal person's bank account: hidden under RULES.md §1.5 (🟡), not a personal value",
        },
    ],
    already_masked=[],
    summary_rows=[20],
)
add(
    "4060a17dd4a3fa1c78ad.docx",
    format="docx",
    readable=True,
    document_type="税务处理决定书",
    document_number="河市税二稽处〔2026〕12号",
    authority="国家税务总局河池市税务局第二稽查局",
    party_name="广西苒炙机械设备有限公司",
    party_kind="enterprise",
    uscc_or_tin="91451202MAK718N46N",
    legal_representative=N,
    address="河池市金城江区明月路21号幸福嘉园6栋2-108号",
    decision_date="2026-08-07",
    penalty_amount=N,
    tax_amount=N,
    note="虚开 determination (虚开金额合计4,724,792.78元，税额合计60,335.68元); appendix table of 16 buyers. The summary rows 45/46 name the party wrongly ('同时,该地址也是广西槟咪科技有限公司' - a sentence fragment)",
    personal_values=[name("张治淇", "法定代表人、财务负责人、办税人"), name("肖双喜", "办税人、购票人")],
    already_masked=["185****4140", "150****7494"],
    summary_rows=[45],
)
add(
    "5fa3c64462e529c1942f.doc",
    format="doc",
    readable=True,
    document_type="税务行政处罚决定书",
    document_number="南市税三稽罚〔2026〕9号",
    authority="国家税务总局南宁市税务局第三稽查局",
    party_name="广西松柏建筑装饰设计有限公司",
    party_kind="enterprise",
    uscc_or_tin="91450108MA5P1DL467",
    legal_representative="李振武",
    address="南宁市良庆区金龙路2号南宁万科大厦3栋4栋及地下室六层638号、639号",
    decision_date="2026-07-16",
    penalty_amount="60000",
    tax_amount=N,
    personal_values=[
        name("李振武", "法定代表人"),
        {
            "type": "bank_card_fragment",
            "value": "尾号为3177",
            "note": "last 4 digits of the legal representative's card; may stay",
        },
    ],
    already_masked=["210217460930004****"],
    summary_rows=[39],
)
add(
    "78ea0c2f117a55b86c4a.pdf",
    format="pdf",
    readable=True,
    document_type="税务处理决定书",
    document_number="铁税一稽处〔2026〕35号",
    authority="国家税务总局铁岭市税务局第一稽查局",
    party_name="辽宁恒慧专用车箱有限公司",
    party_kind="enterprise",
    uscc_or_tin="91211200683741982W",
    legal_representative=N,
    address="辽宁专用车生产基地(铁岭县腰堡镇)",
    decision_date="2026-07-03",
    penalty_amount=N,
    tax_amount="6227124.94",
    tax_amount_note="sum of 城镇土地使用税5,710,765.50 + 印花税6,374.80 + 契税509,984.64 (no total stated in the text); the summary row gives 44269.5 (the monthly amount)",
    note="party name letter-spaced in the PDF text layer ('辽 宁 恒 慧 …'); date written with a full-width letter O: 二Ｏ二六年七月三日",
    personal_values=[],
    already_masked=[],
    summary_rows=[41],
)
add(
    "7b446ef1ecff49132d35.docx",
    format="docx",
    readable=True,
    document_type="税务行政处罚决定书",
    document_number="安市税稽罚〔2026〕1号",
    authority="国家税务总局安顺市税务局稽查局",
    party_name="贵州华泰宁安工程建筑设计有限责任公司",
    party_kind="enterprise",
    uscc_or_tin="91520423MA6DLH799Q",
    legal_representative=N,
    address="贵州省安顺市镇宁布依族苗族自治县城关镇城西村五组",
    decision_date="2026-01-16",
    penalty_amount="200000.00",
    tax_amount=N,
    note="authority named 稽查局 in the header; summary rows say 国家税务总局安顺市税务局",
    personal_values=[],
    already_masked=["罗*", "王*", "严*海", "彭*毕", "陈*敏", "高*", "李*民", "李*林"],
    summary_rows=[24],
)
add(
    "87779d6b81bd2cdfd477.pdf",
    format="pdf",
    readable=True,
    document_type="税务处理决定书",
    document_number="常税稽处〔2026〕73号",
    authority="国家税务总局常州市税务局稽查局",
    party_name="常州市文杰车辆配件厂",
    party_kind="enterprise",
    uscc_or_tin="91320411799075280A",
    legal_representative="朱某1",
    legal_representative_note="already masked by the bureau",
    address="江苏省常州市新北区孟河镇东亭村",
    decision_date="2026-03-09",
    penalty_amount=N,
    tax_amount="200633.55",
    tax_amount_note="增值税179137.12 + 城市维护建设税12539.58 + 教育费附加5374.11 + 地方教育附加3582.74 (sum computed); the summary row gives 179137.12 (VAT only)",
    personal_values=[],
    already_masked=["朱某1", "严某"],
    summary_rows=[10],
)
add(
    "8dcd29fe87ec8357c8e4.docx",
    format="docx",
    readable=True,
    document_type="税务处理决定书",
    document_number="安市税稽处〔2026〕1号",
    authority="国家税务总局安顺市税务局稽查局",
    party_name="贵州华泰宁安工程建筑设计有限责任公司",
    party_kind="enterprise",
    uscc_or_tin="91520423MA6DLH799Q",
    legal_representative=N,
    address="贵州省安顺市镇宁布依族苗族自治县城关镇城西村五组",
    decision_date="2026-01-16",
    penalty_amount=N,
    tax_amount="861721.91",
    tax_amount_note="增值税696,485.49 + 城市维护建设税50,019.66 + 印花税312.70 + 企业所得税64,884.41 + 教育费附加30,011.79 + 地方教育附加20,007.86 (sum computed); summary row gives 64884.41",
    personal_values=[],
    already_masked=["罗*", "王*", "严*海", "彭*毕", "陈*敏", "高*", "李*民", "李*林"],
    summary_rows=[23],
)
add(
    "8f27b09bf75d8da0a6b9.doc",
    format="doc",
    readable=True,
    document_type="税务处理决定书",
    document_number="南市税三稽处〔2026〕18号",
    authority="国家税务总局南宁市税务局第三稽查局",
    party_name="广西松柏建筑装饰设计有限公司",
    party_kind="enterprise",
    uscc_or_tin="91450108MA5P1DL467",
    legal_representative="李振武",
    address="南宁市良庆区金龙路2号南宁万科大厦3栋4栋及地下室六层638号、639号",
    decision_date="2026-07-16",
    penalty_amount=N,
    tax_amount=N,
    note="虚开 determination of 1 invoice (金额49504.95元，税额495.05元); the 2942.71元 企业所得税 is an existing arrear, not decided here; 12-digit invoice codes 051002000611, 045002000111, 045001900104 must stay",
    personal_values=[name("李振武", "法定代表人")],
    already_masked=["210217460930004****"],
    summary_rows=[38],
)
add(
    "906deae7e5864ff1aa6e.doc",
    format="doc",
    readable=True,
    document_type="税务行政处罚决定书",
    document_number="温税三稽罚〔2026〕65号",
    authority="国家税务总局温州市税务局第三稽查局",
    party_name="温作潘",
    party_kind="individual",
    uscc_or_tin="330326********3536",
    uscc_or_tin_note="individual's taxpayer number, already masked by the bureau",
    legal_representative=N,
    address="平阳县鳌江镇",
    address_kind="home (town only)",
    decision_date="2026-05-25",
    penalty_amount="284212.97",
    tax_amount=N,
    note="少缴税款合计473688.28元 is the penalty base (decided in 温税三稽处〔2026〕100号)",
    personal_values=[
        name("温作潘", "party (natural person; published by category policy)"),
        name("郑光表", "原法定代表人 of a third company"),
        name("王小映", "third party"),
        name("林邦德", "third party"),
        name("毛笑翠", "third party"),
        name("徐上雨", "third party"),
        {"type": "home_address", "value": "平阳县鳌江镇", "note": "town only; hide or keep by policy"},
    ],
    already_masked=["330326********3536"],
    summary_rows=[7],
)
add(
    "96fb9a0729869339807f.pdf",
    format="pdf",
    readable=True,
    document_type="税务行政处罚决定书",
    document_number="铁税一稽罚〔2026〕17号",
    authority="国家税务总局铁岭市税务局第一稽查局",
    party_name="辽宁恒慧专用车箱有限公司",
    party_kind="enterprise",
    uscc_or_tin="91211200683741982W",
    legal_representative=N,
    address=N,
    decision_date="2026-06-09",
    penalty_amount="2855382.83",
    tax_amount=N,
    note="document number letter-spaced in the PDF text layer ('铁 税 一 稽 罚 〔 2026〕 17 号'); decision date (06-09) is before the 处理决定书 of the same case (07-03)",
    personal_values=[],
    already_masked=[],
    summary_rows=[42],
)
add(
    "9ea878bf490799729d68.doc",
    format="doc",
    readable=True,
    document_type="税务处理决定书",
    document_number="南市税三稽处〔2026〕19号",
    authority="国家税务总局南宁市税务局第三稽查局",
    party_name="广西威曼能源科技有限公司",
    party_kind="enterprise",
    uscc_or_tin="91450103MA5NJYGEXM",
    legal_representative="蔡海振",
    address="中国（广西）自由贸易试验区南宁片区金龙路2号南宁万科大厦3栋4栋及地下室1335号房",
    decision_date="2026-07-16",
    penalty_amount=N,
    tax_amount=N,
    note="虚开 determination (320份，虚开发票金额276,444,090.81元，税额35,937,731.82元)",
    personal_values=[
        name("蔡海振", "法定代表人"),
        name("颜志君", "third party (财务负责人 of another company)"),
        name("韩羽", "third party (法定代表人 of another company)"),
        name("李光健", "third party (财务负责人 of another company)"),
    ],
    already_masked=["210211601930027****", "61977592****"],
    summary_rows=[31],
)
add(
    "ae008038812b2e8bf38c.pdf",
    format="pdf",
    readable=False,
    unreadable_reason="scanned image PDF (KONICA MINOLTA bizhub 287), no text layer; needs OCR. Values below read by eye from the page images",
    document_type="税务行政处罚决定书",
    document_number="穗番税退罚字〔2026〕1号",
    authority="国家税务总局广州市番禺区税务局",
    party_name="广州赞荣服装有限公司",
    party_kind="enterprise",
    uscc_or_tin="91440113MA59AJFJ1J",
    legal_representative=N,
    address=N,
    decision_date="2026-03-06",
    penalty_amount=N,
    tax_amount=N,
    note="penalty is 停止为其办理出口退税两年 (no fine); 骗取出口退税款2049545.75元 established by 穗税三稽处〔2025〕286号",
    personal_values=[],
    already_masked=[],
    summary_rows=[12],
)
add(
    "ae03e7931046b2a89bb9.docx",
    format="docx",
    readable=True,
    document_type="税务行政处罚决定书",
    document_number="河市税二稽罚〔2026〕6号",
    authority="国家税务总局河池市税务局第二稽查局",
    party_name="广西苒炙机械设备有限公司",
    party_kind="enterprise",
    uscc_or_tin="91451202MAK718N46N",
    legal_representative=N,
    address="河池市金城江区明月路21号幸福嘉园6栋2-108号",
    decision_date="2026-08-07",
    penalty_amount="200000.00",
    tax_amount=N,
    personal_values=[name("张治淇", "法定代表人、财务负责人、办税人"), name("肖双喜", "办税人、购票人")],
    already_masked=["185****4140", "150****7494"],
    summary_rows=[46],
)
add(
    "b015b1152c99f461b89e.pdf",
    format="pdf",
    readable=True,
    document_type="税务处理决定书",
    document_number="鄂税二稽处〔2023〕29号",
    authority="国家税务总局鄂尔多斯市税务局第二稽查局",
    party_name="廖礼平",
    party_kind="individual",
    uscc_or_tin="612525********0158",
    uscc_or_tin_note="individual's taxpayer number, already masked by the bureau",
    legal_representative=N,
    address=N,
    decision_date="2023-10-07",
    penalty_amount=N,
    tax_amount="15072487.50",
    tax_amount_note="个人所得税14,997,500.00 + 印花税74,987.50; plus 滞纳金 (1,046,925 and others)",
    note="authority name broken over two lines in the PDF ('国家税务总局鄂尔多斯市税务局' / '第二稽查局'); summary row has no 发布机关",
    personal_values=[
        name("廖礼平", "party (natural person; published by category policy)"),
        name("马国平", "co-seller"),
        name("苏玉强", "buyer"),
        name("杨文兵", "buyer"),
        name("杨才小", "shareholder"),
        name("苏洪源", "shareholder"),
    ],
    already_masked=["612525********0158"],
    summary_rows=[26],
)
add(
    "bc6104f8d4fa8f7bf182.doc",
    format="doc",
    readable=True,
    document_type="税务处理决定书",
    document_number="温税三稽处〔2026〕100号",
    authority="国家税务总局温州市税务局第三稽查局",
    party_name="温作潘",
    party_kind="individual",
    uscc_or_tin="330326********3536",
    legal_representative=N,
    address="平阳县鳌江镇",
    address_kind="home (town only)",
    decision_date="2026-05-25",
    penalty_amount=N,
    tax_amount="473929.07",
    tax_amount_note="增值税9631.66 + 城市维护建设税240.79 + 教育费附加144.47 + 地方教育附加96.32 + 个人所得税（经营所得）3815.83 + 个人所得税（财产转让所得）460000 (sum computed)",
    personal_values=[
        name("温作潘", "party (natural person; published by category policy)"),
        name("郑光表", "third party"),
        name("王小映", "third party"),
        name("林邦德", "third party"),
        name("毛笑翠", "third party"),
        name("徐上雨", "third party"),
        {"type": "home_address", "value": "平阳县鳌江镇", "note": "town only"},
    ],
    already_masked=["330326********3536"],
    summary_rows=[6],
)
add(
    "d7a220a4cbb0fe838526.pdf",
    format="pdf",
    readable=False,
    unreadable_reason="scanned image PDF, no text layer; needs OCR. Values below read by eye from the page images",
    document_type="税务处理决定书",
    document_number="常税稽处〔2026〕71号",
    authority="国家税务总局常州市税务局稽查局",
    party_name="常州好佳车辆配件有限公司",
    party_kind="enterprise",
    uscc_or_tin="91320411094264460B",
    legal_representative=N,
    address="常州市新北区孟河镇通江工业园卫东路8号",
    decision_date="2026-03-02",
    penalty_amount=N,
    tax_amount=N,
    tax_amount_note="components: 追回多退增值税168418.04, 增值税103723.84, 城市维护建设税19049.93, 教育费附加8164.26, 地方教育附加5442.85, 企业所得税334640.15 (from the facts section); no single total",
    personal_values=[],
    already_masked=[],
    summary_rows=[13],
)
add(
    "e348872e599e696da7f8.doc",
    format="doc",
    readable=True,
    document_type="税务处理决定书",
    document_number="淮税稽处〔2026〕26号",
    authority="国家税务总局淮安市税务局稽查局",
    party_name="淮安市百亦金商贸有限公司",
    party_kind="enterprise",
    uscc_or_tin="91320804MA1WEH7Y3U",
    legal_representative="蒋金明",
    address="淮安市淮阴区韩桥中心小学旁4-5号门面房",
    decision_date="2026-06-01",
    penalty_amount=N,
    tax_amount="752777.44",
    tax_amount_note="增值税40016.48 + 城市维护建设税5757.7 + 教育费附加2570.44 + 地方教育附加1713.63 + 企业所得税699610.44 + 印花税3108.75 (sum computed)",
    note="summary rows 4 and 5 (处理 and 处罚) both link the same attachment; this file is the 处理决定书",
    personal_values=[name("蒋金明", "法定代表人")],
    already_masked=[],
    summary_rows=[4],
)
add(
    "ee5fc3cec3c5060202d9.doc",
    format="doc",
    readable=True,
    document_type="税务行政处罚决定书",
    document_number="南市税三稽罚〔2026〕10号",
    authority="国家税务总局南宁市税务局第三稽查局",
    party_name="广西威曼能源科技有限公司",
    party_kind="enterprise",
    uscc_or_tin="91450103MA5NJYGEXM",
    legal_representative="蔡海振",
    address="中国（广西）自由贸易试验区南宁片区金龙路2号南宁万科大厦3栋4栋及地下室1335号房",
    decision_date="2026-07-16",
    penalty_amount="500000.00",
    tax_amount=N,
    personal_values=[
        name("蔡海振", "法定代表人"),
        name("颜志君", "third party"),
        name("韩羽", "third party"),
        name("李光健", "third party"),
    ],
    already_masked=["210211601930027****", "61977592****"],
    summary_rows=[32],
)

for d in F.values():
    u = d.get("uscc_or_tin")
    if u and len(u) == 18 and "*" not in u:
        d["uscc_valid_checksum"] = valid_uscc(u)

rows = list(
    csv.DictReader(
        open(
            str(
                __import__("pathlib").Path(__file__).resolve().parents[4]
                / "shared/real/national-tax-decisions/decisions-summary.csv"
            ),
            encoding="utf-8-sig",
        )
    )
)
row_out = []
for r in rows:
    no = r["决定书文号"]
    expected_type = "税务处理决定书" if re.search(r"处〔|处字", no) else "税务行政处罚决定书"
    flags = []
    party = r["当事人名称"]
    if party.startswith("同时"):
        flags.append("party name is a sentence fragment; the attachment names 广西苒炙机械设备有限公司")
    if not r["发布机关"]:
        flags.append("发布机关 empty")
    if not r["统一社会信用代码"] and party not in ("廖礼平", "温作潘"):
        flags.append("统一社会信用代码 empty")
    elif r["统一社会信用代码"] and not valid_uscc(r["统一社会信用代码"]):
        flags.append("统一社会信用代码 checksum invalid")
    res = r["处理或处罚结果"]
    if "公告送达" in res:
        flags.append("处理或处罚结果 text is the 公告送达 notice, not the decision")
    if "撤销" in res:
        flags.append("the published page revokes the decision (撤销)")
    row_out.append(
        {
            "序号": int(r["序号"]),
            "expected_document_type": expected_type,
            "type_column_agrees": expected_type == r["文书类型"],
            "document_number": no,
            "authority": r["发布机关"] or None,
            "party_name": "广西苒炙机械设备有限公司" if party.startswith("同时") else party,
            "party_is_natural_person": party in ("温作潘", "廖礼平"),
            "uscc": r["统一社会信用代码"] or None,
            "legal_representative": r["法定代表人"] or None,
            "attachment": next((fn for fn, d in F.items() if int(r["序号"]) in d["summary_rows"]), None),
            "flags": flags,
        }
    )
out = {
    "source": "../shared/real/national-tax-decisions/ (attachments/ and decisions-summary.csv)",
    "method": "written by hand from antiword (.doc), python-docx (.docx), pdftotext -layout (.pdf) and, for the two scanned PDFs, by reading the page images; amounts as written in the decision (no thousands separators); dates ISO",
    "fields": "document_type, document_number, authority, party_name, party_kind, uscc_or_tin, legal_representative, address, decision_date, penalty_amount (罚款, null if none), tax_amount (税款 to be paid/recovered, null if the decision recovers none), personal_values (must be masked unless the category policy publishes the party's own name), already_masked (must stay unchanged)",
    "files": F,
    "summary_rows": row_out,
}
json.dump(
    out,
    open(str(__import__("pathlib").Path(__file__).resolve().parent / "expected.json"), "w"),
    ensure_ascii=False,
    indent=1,
)
print(len(F), "files;", len(row_out), "rows;", sum(1 for d in F.values() if not d["readable"]), "unreadable")
for fn, d in F.items():
    if d.get("uscc_valid_checksum") is False:
        print("invalid uscc", fn, d["uscc_or_tin"])
print([(r["序号"], r["flags"]) for r in row_out if r["flags"]])
