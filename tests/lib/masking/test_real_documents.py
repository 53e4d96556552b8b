"""The masker on real published decisions (../shared/real/, read at test time, not copied)."""

import csv
import re

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_shaped, is_valid_uscc
from tests.shared import REAL_DECISIONS as REAL

TEXT_COLUMNS = (
    "当事人名称",
    "统一社会信用代码",
    "法定代表人",
    "决定书文号",
    "主要违法事实",
    "处理或处罚结果",
)
ORG_NAME = re.compile(r"[\u4e00-\u9fff（）()]{4,40}?(?:有限责任公司|有限公司|加工厂)")
DIGITS = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")


def _rows() -> list[dict[str, str]]:
    with open(REAL / "decisions-summary.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _docx_texts() -> list[str]:
    import docx

    texts = []
    for path in sorted((REAL / "attachments").glob("*.docx")):
        document = docx.Document(str(path))
        lines = [p.text for p in document.paragraphs]
        lines += [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
        texts.append("\n".join(lines))
    return texts


def _assert_public_items_kept(text: str, masked: str, items: list[str]) -> int:
    kept = 0
    for item in items:
        if item and item in text:
            assert item in masked, item
            kept += 1
    return kept


def _assert_id_shaped_numbers_hidden(text: str, masked: str) -> None:
    for m in DIGITS.finditer(text):
        number = m.group()
        if id_shaped(number) and not is_valid_uscc(number):
            assert number not in masked, number


def test_it_keeps_codes_numbers_and_companies_of_the_real_summary_rows():
    rows = _rows()
    assert len(rows) > 40
    checked = 0
    for row in rows:
        text = "\n".join(row[c] for c in TEXT_COLUMNS)
        masked = mask_text(text, known_names=[row["法定代表人"]] if row["法定代表人"] else ()).text
        items = [
            row["统一社会信用代码"],
            row["决定书文号"],
            row["关联处理决定书文号"],
            row["关联处罚决定书文号"],
        ]
        items += ORG_NAME.findall(row["当事人名称"]) + ORG_NAME.findall(row["主要违法事实"])
        checked += _assert_public_items_kept(text, masked, items)
        _assert_id_shaped_numbers_hidden(text, masked)
    assert checked > 100


def test_it_masks_the_real_attachments_without_touching_public_items():
    texts = _docx_texts()
    assert texts
    for text in texts:
        masked = mask_text(text).text
        items = re.findall(r"[0-9A-Z]{18}", text) + re.findall(
            r"[\u4e00-\u9fff]{2,8}〔\d{4}〕\s?\d+\s?号", text
        )
        items = [i for i in items if is_valid_uscc(i) or "〔" in i] + ORG_NAME.findall(text)
        assert _assert_public_items_kept(text, masked, items) > 3
        _assert_id_shaped_numbers_hidden(text, masked)
        assert re.findall(r"《[^》]{2,60}》", masked) == re.findall(r"《[^》]{2,60}》", text)  # citations


def test_it_hides_the_real_tax_clerks_the_bureau_left_visible():
    text = next(t for t in _docx_texts() if "张治淇" in t)
    masked = mask_text(text).text
    assert "张治淇" not in masked and "肖双喜" not in masked
    assert "185****4140" in masked  # already masked by the bureau: left as it was
