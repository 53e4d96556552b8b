"""Text that antiword or pdftotext cut at a number of columns (a Chinese character taking two): lines
of mixed digits and characters differ in length but not in width, and a name the cut split in two is
read whole. A comma-separated list whose rows happen to be of one width is no wrapped page."""

from __future__ import annotations

from sanxiang.lib.masking import STRICTEST, mask_text
from sanxiang.lib.masking.normalize import _display_width, normalise


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="gated").text


PARAGRAPH = (
    "经查，你公司成立于2023年4月6日，住所为岭南市清河区建设北路18号华景大厦9楼，统一社会信用代码为"
    "91440101MA5D8Q2X7K，法定代表人周明辉，财务负责人何丽娟。2023年5月至2024年8月期间，你公司取得"
    "岭南市恒昌贸易有限公司开具的增值税专用发票26份，金额合计1,286,430.55元，税额合计167,235.97元，"
    "上述发票均已认证抵扣进项税额。"
)


def _wrap(text: str, columns: int) -> str:
    """Cut ``text`` into lines of at most ``columns`` columns, as antiword does."""
    lines, line = [], ""
    for ch in text:
        if _display_width(line + ch) > columns:
            lines.append(line)
            line = ""
        line += ch
    return "\n".join([*lines, line])


PAGE = _wrap("一、违法事实：" + PARAGRAPH, 70)  # …法定代表人周⏎明辉…


def test_lines_of_one_width_in_columns_but_not_in_characters() -> None:
    lines = PAGE.split("\n")[:-1]
    assert len({len(line) for line in lines}) > 2
    assert all(69 <= _display_width(line) <= 70 for line in lines)
    assert "周\n明辉" in PAGE


def test_a_name_cut_by_the_columns_is_joined_and_masked() -> None:
    normalised = normalise(PAGE)
    assert "法定代表人周明辉" in normalised.text
    masked = _masked(PAGE)
    assert "明辉" not in masked and "周\n" not in masked
    assert "91440101MA5D8Q2X7K" in masked
    assert masked.count("\n") == PAGE.count("\n")  # the layout itself is kept


def test_full_width_digits_count_two_columns_before_they_are_folded() -> None:
    assert _display_width("电话：０７７１－５２２６６４７") == 30


def test_rows_of_a_comma_separated_list_are_not_joined() -> None:
    # rows of one width in columns, not in characters (a two-character name beside a longer amount)
    rows = "\n".join(
        f"{i},岭南市{shop}商行,92440101MA5D8Q2X{i}K,{name},{amount}"
        for i, (shop, name, amount) in enumerate(
            [
                ("恒昌五金", "周明辉", "1,234.50"),
                ("顺达副食", "何丽", "123,456.70"),
                ("聚福茶叶", "林国强", "2,345.60"),
                ("嘉禾粮油", "黄华", "234,567.80"),
            ],
            start=1,
        )
    )
    assert len({len(row) for row in rows.split("\n")}) == 2
    assert len({_display_width(row) for row in rows.split("\n")}) == 1
    assert normalise(rows).text == rows
