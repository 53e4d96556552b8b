"""Each of the 20 real decision files becomes a recognised document with its fields, or a clear error.

Expected values were written by reading the files (../shared/real/national-tax-decisions/attachments/).
"""

from pathlib import Path

import pytest

from sanxiang.lib.decisiondocs import UnreadableDocument, expand_archive, parse_document
from tests.shared import REAL_DECISIONS

ATTACHMENTS = REAL_DECISIONS / "attachments"
NANNING_3 = "国家税务总局南宁市税务局第三稽查局"
SONGBAI = ("广西松柏建筑装饰设计有限公司", "91450108MA5P1DL467")
SONGBAI_ADDRESS = "南宁市良庆区金龙路2号南宁万科大厦3栋4栋及地下室六层638号、639号"
WEIMAN = ("广西威曼能源科技有限公司", "91450103MA5NJYGEXM")
WEIMAN_ADDRESS = "中国（广西）自由贸易试验区南宁片区金龙路2号南宁万科大厦3栋4栋及地下室1335号房"
RANZHI = ("广西苒炙机械设备有限公司", "91451202MAK718N46N")
HUATAI = ("贵州华泰宁安工程建筑设计有限责任公司", "91520423MA6DLH799Q")
HENGHUI = ("辽宁恒慧专用车箱有限公司", "91211200683741982W")
WEN = ("温作潘", "330326********3536")

# file → (title, item, document number, authority, (party, code), address, date, amounts, facts start, law)
EXPECTED = {
    "0b3c33b2b62ea45eca6e.pdf": (
        "税务处理决定书",
        "handling_decision",
        "北市税稽处〔2026〕号",
        "国家税务总局北海市税务局稽查局",
        ("北海市丰赢商贸有限公司", "91450500MAEULQHG42"),
        "北海市海城区北京路东侧、西南大道北侧交汇处海尚芭黎3002号",
        "2026-08-03",
        {"tax_amount": "498362.19"},
        "（一）检查情况及发现问题",
        "《中华人民共和国税收征收管理法》",
    ),
    "0d5f1a60c7c880da63d7.pdf": (
        "税务处理决定书",
        "handling_decision",
        "二税稽处〔2025〕1号",
        "国家税务总局二连浩特市税务局稽查局",
        ("二连市坤益腾金属有限公司", "152501396433709"),
        "内蒙古自治区锡林郭勒盟二连浩特市铁道东、二满线北美克公司院内",
        "2025-01-09",
        {},
        "你公司在无真实货物交易的情况下",
        "《中华人民共和国发票管理办法》",
    ),
    "15e48052d2422ea42494.doc": (
        "税务处理决定书",
        "handling_decision",
        "南市税一稽处〔2026〕2号",
        "国家税务总局南宁市税务局第一稽查局",
        ("南宁洪谦金贸易有限公司", "91450103MA5K9WHY7U"),
        "南宁市青秀区云景路11号春晖花园C区3栋2单元1606号",
        "2026-01-06",
        {},
        "（一）你公司为走逃（失联）企业。",
        "《中华人民共和国发票管理办法》",
    ),
    "4060a17dd4a3fa1c78ad.docx": (
        "税务处理决定书",
        "handling_decision",
        "河市税二稽处〔2026〕12号",
        "国家税务总局河池市税务局第二稽查局",
        RANZHI,
        "河池市金城江区明月路21号幸福嘉园6栋2-108号",
        "2026-08-07",
        {},
        "你公司已走逃失联，且经营异常。",
        "《中华人民共和国发票管理办法实施细则》",
    ),
    "5fa3c64462e529c1942f.doc": (
        "税务行政处罚决定书",
        "penalty_decision",
        "南市税三稽罚〔2026〕9号",
        NANNING_3,
        SONGBAI,
        SONGBAI_ADDRESS,
        "2026-07-16",
        {"penalty_amount": "60000.00"},
        "（一）你公司属于走逃（失联）企业",
        "《中华人民共和国发票管理办法》",
    ),
    "78ea0c2f117a55b86c4a.pdf": (
        "税务处理决定书",
        "handling_decision",
        "铁税一稽处〔2026〕35号",
        "国家税务总局铁岭市税务局第一稽查局",
        HENGHUI,
        "辽宁专用车生产基地(铁岭县腰堡镇)",
        "2026-07-03",
        {},
        "你单位2009年12月",
        "《中华人民共和国印花税暂行条例》",
    ),
    "7b446ef1ecff49132d35.docx": (
        "税务行政处罚决定书",
        "penalty_decision",
        "安市税稽罚〔2026〕1号",
        "国家税务总局安顺市税务局稽查局",
        HUATAI,
        "贵州省安顺市镇宁布依族苗族自治县城关镇城西村五组",
        "2026-01-16",
        {"penalty_amount": "200000.00"},
        "（一）发票违法情况",
        "《中华人民共和国行政处罚法》",
    ),
    "87779d6b81bd2cdfd477.pdf": (
        "税务处理决定书",
        "handling_decision",
        "常税稽处〔2026〕73号",
        "国家税务总局常州市税务局稽查局",
        ("常州市文杰车辆配件厂", "91320411799075280A"),
        "江苏省常州市新北区孟河镇东亭村",
        "2026-03-09",
        {},
        "2017年8月，你单位接受常州尚诺汽车科技有限公司",
        "《中华人民共和国增值税暂行条例》",
    ),
    "8dcd29fe87ec8357c8e4.docx": (
        "税务处理决定书",
        "handling_decision",
        "安市税稽处〔2026〕1号",
        "国家税务总局安顺市税务局稽查局",
        HUATAI,
        "贵州省安顺市镇宁布依族苗族自治县城关镇城西村五组",
        "2026-01-16",
        {},
        "（一）发票违法情况",
        "《中华人民共和国税收征收管理法》",
    ),
    "8f27b09bf75d8da0a6b9.doc": (
        "税务处理决定书",
        "handling_decision",
        "南市税三稽处〔2026〕18号",
        NANNING_3,
        SONGBAI,
        SONGBAI_ADDRESS,
        "2026-07-16",
        {},
        "（一）你公司属于走逃（失联）企业",
        "《中华人民共和国发票管理办法》",
    ),
    "906deae7e5864ff1aa6e.doc": (
        "税务行政处罚决定书",
        "penalty_decision",
        "温税三稽罚〔2026〕65号",
        "国家税务总局温州市税务局第三稽查局",
        WEN,
        "平阳县鳌江镇",
        "2026-05-25",
        {"penalty_amount": "284212.97"},
        "经查，2020年至2022年期间",
        "《中华人民共和国税收征收管理法》",
    ),
    "96fb9a0729869339807f.pdf": (
        "税务行政处罚决定书",
        "penalty_decision",
        "铁税一稽罚〔2026〕17号",
        "国家税务总局铁岭市税务局第一稽查局",
        HENGHUI,
        None,
        "2026-06-09",
        {"penalty_amount": "2855382.83"},
        "你单位2009年12月取得国有建设用地使用权",
        "《中华人民共和国行政处罚法》",
    ),
    "9ea878bf490799729d68.doc": (
        "税务处理决定书",
        "handling_decision",
        "南市税三稽处〔2026〕19号",
        NANNING_3,
        WEIMAN,
        WEIMAN_ADDRESS,
        "2026-07-16",
        {},
        "（一）你公司属于走逃（失联）企业",
        "《中华人民共和国发票管理办法》",
    ),
    "ae03e7931046b2a89bb9.docx": (
        "税务行政处罚决定书",
        "penalty_decision",
        "河市税二稽罚〔2026〕6号",
        "国家税务总局河池市税务局第二稽查局",
        RANZHI,
        "河池市金城江区明月路21号幸福嘉园6栋2-108号",
        "2026-08-07",
        {"penalty_amount": "200000.00"},
        "你公司已走逃失联，且经营异常。",
        "《中华人民共和国发票管理办法》",
    ),
    "b015b1152c99f461b89e.pdf": (
        "税务处理决定书",
        "handling_decision",
        "鄂税二稽处〔2023〕29号",
        "国家税务总局鄂尔多斯市税务局第二稽查局",
        ("廖礼平", "612525********0158"),
        None,
        "2023-10-07",
        {"tax_amount": "14997500.00"},
        "（一）个人所得税方面",
        "《中华人民共和国税收征收管理法》",
    ),
    "bc6104f8d4fa8f7bf182.doc": (
        "税务处理决定书",
        "handling_decision",
        "温税三稽处〔2026〕100号",
        "国家税务总局温州市税务局第三稽查局",
        WEN,
        "平阳县鳌江镇",
        "2026-05-25",
        {},
        "经查，2020年至2022年期间",
        "《中华人民共和国个人所得税法》",
    ),
    "e348872e599e696da7f8.doc": (
        "税务处理决定书",
        "handling_decision",
        "淮税稽处〔2026〕26号",
        "国家税务总局淮安市税务局稽查局",
        ("淮安市百亦金商贸有限公司", "91320804MA1WEH7Y3U"),
        "淮安市淮阴区韩桥中心小学旁4-5号门面房",
        "2026-06-01",
        {},
        "经检查，你单位存在通过套打发票方式",
        "《中华人民共和国印花税法》",
    ),
    "ee5fc3cec3c5060202d9.doc": (
        "税务行政处罚决定书",
        "penalty_decision",
        "南市税三稽罚〔2026〕10号",
        NANNING_3,
        WEIMAN,
        WEIMAN_ADDRESS,
        "2026-07-16",
        {"penalty_amount": "500000.00"},
        "（一）你公司属于走逃（失联）企业",
        "《中华人民共和国发票管理办法》",
    ),
}
# The party's legal representative where the document names one (你公司法定代表人李振武…).
REPRESENTATIVES = {
    "5fa3c64462e529c1942f.doc": "李振武",
    "8f27b09bf75d8da0a6b9.doc": "李振武",
    "9ea878bf490799729d68.doc": "蔡海振",
    "ee5fc3cec3c5060202d9.doc": "蔡海振",
    "e348872e599e696da7f8.doc": "蒋金明",
}
SCANNED = ("ae008038812b2e8bf38c.pdf", "d7a220a4cbb0fe838526.pdf")


def test_the_twenty_files_are_all_covered():
    assert sorted(p.name for p in ATTACHMENTS.iterdir()) == sorted([*EXPECTED, *SCANNED])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_readable_file_gives_its_type_item_and_fields(name):
    title, item, docno, authority, (party, code), address, date, amounts, facts, law = EXPECTED[name]
    parsed = parse_document(name, (ATTACHMENTS / name).read_bytes())
    found = parsed.fields
    assert found.doc_type is not None
    assert (found.doc_type.title, found.doc_type.item_code) == (title, item)
    assert found.value("document_kind") == title
    assert found.value("document_number") == docno
    assert found.value("authority") == authority
    assert found.value("party_name") == party
    assert found.value("uscc") == code
    assert found.value("address") == address
    assert found.value("legal_representative") == REPRESENTATIVES.get(name)
    assert found.value("event_date") == date
    for key in ("penalty_amount", "tax_amount"):
        assert found.value(key) == amounts.get(key), key
    assert found.value("facts").startswith(facts)
    assert law in found.value("basis")
    assert found.value("result")
    # every field points at its own text in the cleaned document
    for key in ("party_name", "uscc", "address", "facts", "result"):
        value = found.fields.get(key)
        if value is not None:
            assert parsed.text[value.start : value.end] == value.value, key
    for start, end in found.fields["basis"].marks:
        assert parsed.text[start:end].startswith("《")
    # remedies are not part of the decision
    assert "申请行政复议" not in found.value("result")


@pytest.mark.parametrize("name", SCANNED)
def test_a_scanned_pdf_gets_a_clear_error_naming_the_file(name):
    with pytest.raises(UnreadableDocument) as caught:
        parse_document(name, (ATTACHMENTS / name).read_bytes())
    assert name in str(caught.value) and "扫描" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.docx", b"not a zip", "不是有效的 Word"),
        ("x.pdf", b"%PDF-1.4 broken", "PDF"),
        ("x.doc", b"plain text", "不是有效的旧版 Word"),
        ("x.txt", b"abc", "只接受"),
        ("x.pdf", b"", "文件为空"),
    ],
)
def test_broken_files_name_the_file_and_the_reason(name, data, reason):
    with pytest.raises(UnreadableDocument) as caught:
        parse_document(name, data)
    assert name in str(caught.value) and reason in str(caught.value)


def test_a_zip_of_documents_is_expanded(tmp_path: Path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("5fa3c64462e529c1942f.doc", "7b446ef1ecff49132d35.docx"):
            archive.write(ATTACHMENTS / name, f"决定书/{name}")
        archive.writestr("说明.txt", "ignored")
    uploads = expand_archive("batch.zip", buffer.getvalue())
    assert [u.name for u in uploads] == [
        "batch.zip/5fa3c64462e529c1942f.doc",
        "batch.zip/7b446ef1ecff49132d35.docx",
    ]
    with pytest.raises(UnreadableDocument, match="batch.zip"):
        expand_archive("batch.zip", b"nope")
