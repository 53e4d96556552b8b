"""Lists (欠税公告, 非正常户) flattened by PDF extraction or column alignment: the header decides."""

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit


def _id(body: str) -> str:
    return body + id_check_digit(body)


PERSON_ID = _id("33010619850312123")


def test_a_space_aligned_header_padded_after_its_last_cell_still_heads_the_rows():
    text = (
        "序号  纳税人名称          法定代表人（负责人）  生产经营地址                  主管税务机关        \n"
        "1     杭州永兴贸易有限公司  邵海鸥                杭州市西湖区文二路5号         国家税务总局杭州市税务局\n"
        "2     钱塘辉                钱塘辉                杭州市上城区清泰街7号3幢201室  国家税务总局杭州市税务局\n"
    )
    masked = mask_text(text).text
    assert "邵海鸥" not in masked
    assert "塘辉" not in masked
    assert "清泰街7号3幢201室" not in masked  # a natural person's only address is personal
    assert "杭州市西湖区文二路5号" in masked  # a company's place of business is published
    assert "杭州永兴贸易有限公司" in masked


def test_a_cell_per_line_list_with_wrapped_numbers_and_addresses_is_read_row_by_row():
    text = (
        "序号\n纳税人名称\n纳税人识别号\n法定代表人（负责人）\n身份证件号码\n经营地点\n欠税税种\n欠税余额（元）\n"
        "1\n"
        "杭州永兴贸易有限公司\n913301067\n0432198X5\n邵海鸥\n"
        f"{PERSON_ID[:10]}\n{PERSON_ID[10:]}\n"
        "杭州市西湖区文二路5号\n增值税\n1200.50\n"
        "2\n"
        f"钱塘辉\n{PERSON_ID}\n08\n钱塘辉\n{PERSON_ID}\n"
        "杭州市上城区清泰街7号3\n幢201室\n个人所得税\n88.00\n"
        "特此公告。\n国家税务总局杭州市税务局\n2025年5月4日\n"
    )
    masked = mask_text(text).text
    assert "邵海鸥" not in masked
    assert "塘辉" not in masked
    assert "清泰街" not in masked and "幢201室" not in masked
    assert "杭州市西湖区文二路5号" in masked
    assert "杭州永兴贸易有限公司" in masked
    # The text after the list is not read as a cell of its last row.
    assert masked.endswith("特此公告。\n国家税务总局杭州市税务局\n2025年5月4日\n")


def test_a_row_under_a_name_header_is_a_natural_persons_and_its_address_is_hidden():
    text = f"纳税人姓名\t身份证件号码\t经营地点\n钱塘辉\t{PERSON_ID}\t杭州市西湖区灵隐路5号\n"
    masked = mask_text(text).text
    assert "塘辉" not in masked and "灵隐路5号" not in masked


def test_an_address_label_never_takes_the_next_table_row_as_its_value():
    text = (
        "序号\t纳税人名称\t统一社会信用代码\t经营地址\n"
        "1\t杭州永兴贸易有限公司\t91330106MA2KX0Y04L\t杭州市西湖区文二路5号\n"
    )
    assert mask_text(text).text == text


def test_an_address_on_the_line_after_its_label_and_colon_is_still_read():
    assert "体育西路" not in mask_text("住址：\n广州市天河区体育西路101号\n").text


def test_an_address_value_ends_at_its_cell():
    text = "住所：\t杭州市西湖区文二路5号\t统一社会信用代码：\t91330106MA2KX0Y04L\n"
    assert "91330106MA2KX0Y04L" in mask_text(text).text
