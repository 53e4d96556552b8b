"""Table rows the reader must still align: a row with more cells than its header (a value cut by the
separator near the row's end), and a one-cell-a-line table with blank lines between its rows."""

from __future__ import annotations

from sanxiang.lib.masking import mask_text

ID_A = "320583198807150016"
ID_B = "11010519491231002X"


def test_a_row_wider_than_its_header_is_read_from_the_left():
    text = (
        "序号 | 姓名 | 身份证件号码 | 送达地址 | 联系电话 | 文书 | \n"
        f"1 | 邓立新 | {ID_A} | 太原市小店区长风街8号丽华苑5栋2单元601室 | 13912345678 | 通知书（ | 太税通〔2025〕3号 | ）\n"
        f"2 | 太原顺丰物流有限公司 | 91140105MA0KXXXX1B | 太原市迎泽区迎泽大街100号 | 0351-1234567 | 通知书（ | 太税通〔2025〕4号 | ）\n"
    )
    masked = mask_text(text).text
    assert "长风街" not in masked and "丽华苑" not in masked
    assert "太原市迎泽区迎泽大街100号" in masked


def test_a_wider_row_whose_values_do_not_fit_the_columns_is_left_alone():
    text = "序号 | 姓名 | 联系电话 | 送达地址\n1 | 邓立新 | 见附件 | 另行告知 | 太原市小店区长风街8号\n"
    assert "另行告知" in mask_text(text).text


def test_blank_lines_between_one_cell_a_line_rows_keep_the_table():
    text = (
        "序号\n受送达人\n证件号码\n送达地址\n联系电话\n\n\n"
        f"1\n邓立新\n{ID_A}\n太原市小店区长风街8号丽华苑5栋2单元601室\n13912345678\n\n"
        f"2\n苏  昊\n{ID_B}\n大同市平城区新建北路3号\n13812345678\n\n"
        "3\n大同恒业商贸有限公司\n91140200MA0LXXXX2C\n大同市云冈区云冈路1号\n—\n"
        "特此公告。\n"
    )
    masked = mask_text(text).text
    assert "长风街" not in masked and "新建北路" not in masked
    assert "大同市云冈区云冈路1号" in masked


def test_a_csv_row_broken_inside_a_quoted_address_after_a_quoted_row_number():
    text = (
        "序号,受送达人,证件号码,送达地址,联系电话,文号,\n"
        '"1",邓立新,11010519491231002X,"太原市小店区长风街8号丽华苑5栋\n2单元601室",13912345678,太税通〔2025〕3号,\n'
    )
    masked = mask_text(text).text
    assert "丽华苑" not in masked and "2单元601室" not in masked


def test_an_html_header_cell_does_not_take_the_next_row_as_its_value():
    text = (
        "<table>\n<tr><th>序号</th><th>受送达人</th><th>证件号码</th><th>送达地址</th><th>文号</th></tr>\n"
        "<tr><td>1</td><td>太原恒业商贸有限公司</td><td>91140105MA0KXXXX1B</td>"
        "<td>太原市小店区长风街8号综合楼1601</td><td>太税通〔2025〕3号</td></tr>\n</table>\n"
    )
    masked = mask_text(text).text
    assert "太原恒业商贸有限公司" in masked and "91140105MA0KXXXX1B" in masked
    assert "<th>送达地址</th><th>文号</th></tr>" in masked
