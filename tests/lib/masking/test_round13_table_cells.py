"""Round 13: lists of invoices and of payments read as tables, also across a page break.

An invoice's code and number are public however their digits look (a 12-digit code of 0… is no landline,
a 10-digit code over an 8-digit number is no bank account); a payee's name under 收款人 is hidden on the
first pass as on the second; a page's footer inside a table does not end it."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text

HEADER = "发票代码\n发票号码\n开票日期\n销售方名称\n金额\n"
ROW_A = "3100193130\n62519078\n2022年7月3日\n上海青禾贸易有限公司\n9,100.00\n"
ROW_B = "035023917746\n38271654\n2022年6月1日\n深圳前海远帆科技有限公司\n7300.00\n"
SPACED_HEADER = "发票代码      发票号码  开票日期       销售方名称              金额\n"
SPACED_ROW_A = "3100193130    62519078  2022年7月3日   上海青禾贸易有限公司      9,100.00\n"
SPACED_ROW_B = "035023917746  38271654  2022年6月1日   深圳前海远帆科技有限公司  7300.00\n"
PAGE_ONE_ROW = "—\n25310000000123456789\n2022年5月6日\n第 2 页 共 4 页\n\n上海青禾贸易有限公司\n55000.00\n"


@pytest.mark.parametrize(
    "text",
    [
        # one cell a line: a 10-digit code over an 8-digit number is no bank account, a 12-digit code no landline
        "取得虚开发票明细：\n" + HEADER + ROW_A + ROW_B + "三、处理意见\n",
        # …also after a page's footer inside the list
        "发票清单：\n" + HEADER + PAGE_ONE_ROW + ROW_A + ROW_B + "二、处罚决定\n",
        # a space-aligned list broken by a page's number
        "发票清单：\n"
        + SPACED_HEADER
        + SPACED_ROW_A
        + "                              - 3 -\n"
        + SPACED_ROW_B,
    ],
)
def test_invoice_codes_and_numbers_stay(text):
    masked = mask_text(text).text
    for value in ("035023917746", "38271654", "3100193130", "62519078"):
        assert value in masked


PAYMENTS = "2022年1月5日\n郑可馨\n6222600260001072444\n300000.00\n2022年2月8日\n苗立\n6217002710000684253\n150,000.00\n"


@pytest.mark.parametrize(
    "header",
    [
        "转账日期\n收款人\n收款账号\n金额（元）\n",
        # a page's footer and OCR's space inside the header
        "转账日期\n                    — 2 —\n\n收款 人\n收款账号\n金额（元）\n",
    ],
)
def test_payees_beside_their_cards_are_masked_on_the_first_pass(header):
    once = mask_text("资金流向：\n" + header + PAYMENTS + "二、处理决定\n").text
    assert "郑可馨" not in once and "苗立" not in once
    assert mask_text(once).text == once


RECEIPT = (
    "税务文书送达回证\n送达文书名称\n《税务行政处罚决定书》（湘税稽罚〔2026〕11号）\n受送达人\n{holder}\n"
    "送达地点\n长沙市岳麓区麓山路12号B座1502室\n受送达人签名或盖章\n"
)


def test_a_company_receiving_a_document_one_cell_a_line_keeps_its_name_and_seat():
    text = RECEIPT.format(holder="长沙市青禾电子科技有限公司")
    masked = mask_text(text).text
    assert "长沙市青禾电子科技有限公司" in masked and "麓山路12号B座1502室" in masked
    assert mask_text(masked).text == masked


def test_a_person_receiving_a_document_one_cell_a_line_is_masked():
    masked = mask_text(RECEIPT.format(holder="龙晓云")).text
    assert "龙晓云" not in masked and "麓山路" not in masked


def test_a_credit_code_wrapped_after_its_twelfth_character_stays():
    text = "长沙青禾电子科技有限公司（纳税人识别号：914301043294\n87651W）：\n    经查，你公司……"
    assert mask_text(text).text == text


def test_an_old_id_after_a_persons_cell_is_hidden_an_old_taxpayer_number_after_a_company_stays() -> None:
    from sanxiang.lib.masking import STRICTEST, mask_text

    # one cell per line (a PDF's list) and tab-separated: the 15-digit number after a name is an old ID
    for text in (
        "财务负责人\n财务负责人证件号码\n向红梅\n430102610203104\n",
        "筑南聚力宇航商贸有限公司\t91520111PM5972JYEC\t白伟\t520103800206736\t筑南市白云区黔灵西路199号门面",
    ):
        masked = mask_text(text, policy=STRICTEST, model="gated").text
        assert "430102610203104" not in masked and "520103800206736" not in masked
    kept = "某某有限公司\n430102610203104\n"
    assert mask_text(kept, policy=STRICTEST, model="gated").text == kept
