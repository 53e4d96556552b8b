"""Regressions found when the second masker round was merged (issue 15): a held-out set lost values
the masker had hidden before. Each case is pinned here on text of its own."""

from sanxiang.lib.masking import mask_text


def test_a_one_cell_a_line_list_is_not_read_as_wrapped_pdf_text():
    # Three addresses of one length looked like a page width: each address was joined with the date
    # cell below it, the row lost a cell and its two names stood in clear.
    rows = [
        (
            "91330302MAAKR50A65",
            "兴达五金制品有限公司",
            "欧阳春",
            "贺敏敏",
            "宁波市江北区正大路1号东方国际商务大厦12层03号",
            "2025年3月2日",
        ),
        (
            "91330302MAAL1UAM5X",
            "宁海县远图电子科技有限公司",
            "苗仁杰",
            "卞雪",
            "宁波市江北区北海路22号滨江国际商务中心9层11号",
            "二〇二五年三月五日",
        ),
        (
            "91330302MAAG5GDR45",
            "恒远机械有限公司",
            "奚兰",
            "詹文博",
            "宁波市江北区环城路30号海曙国际商务大厦18层17号",
            "2025年4月9日",
        ),
        (
            "91330302MAKK4WQT30",
            "启源建材有限公司",
            "卜飞",
            "边海涛",
            "宁波市江北区人民路95号港城国际商务广场22层08号",
            "2025年6月1日",
        ),
    ]
    head = "序号\n纳税人识别号\n纳税人名称\n法定代表人\n财务负责人\n登记注册地址\n认定日期\n"
    body = "".join(f"{i}\n" + "\n".join(row) + "\n" for i, row in enumerate(rows, start=1))
    masked = mask_text("国家税务总局宁波市江北区税务局关于认定非正常户的公告\n" + head + body).text
    for row in rows:
        assert row[2] not in masked and row[3] not in masked, masked
        assert row[4] in masked and row[5] in masked  # the public cells stay as they were


def test_a_wrapped_line_is_not_joined_with_a_date_on_the_next_line():
    from sanxiang.lib.masking.normalize import normalise

    text = "地址：" + "某" * 30 + "\n" + "另" * 33 + "\n" + "又" * 33 + "\n" + "再" * 33 + "\n2025年6月1日\n"
    assert "再\n2025年6月1日" in normalise(text).text


def test_a_name_signed_and_printed_under_the_signature_line_is_hidden_whole():
    masked = mask_text("受送达人签名或盖章\n伍思远伍思远\n2025年5月19日\n代收人代收理由、签名\n").text
    assert "伍思远" not in masked and "思远" not in masked, masked
    masked = mask_text("受送达人签名或盖章\n上官婉清上官婉清\n2025-05-19\n").text
    assert "婉清" not in masked, masked


def test_a_landline_of_a_person_questioned_stays_hidden_in_an_organisations_record():
    text = (
        "受送达人\n宁波恒通建设工程有限公司\n送达地点\n宁波市海曙区中山路12号\n"
        "证据清单\n1.询问笔录（被询问人：* * *，联系电话：(0574)87123456）\n"
        "2.询问笔录（被询问人：***，联系电话：057487654321-3198）\n"
    )
    masked = mask_text(text).text
    assert "87123456" not in masked and "87654321" not in masked, masked
    assert "宁波恒通建设工程有限公司" in masked


def test_the_bureaus_contact_lines_stay_public_across_its_closing_formula():
    # The fourth round let a line with a full stop end the bureau's block, so 特此公告。 between the
    # contact lines and the bureau's name made its own phone and address look like a person's.
    text = (
        "下列纳税人请于十日内到我局办理相关事宜。\n"
        "联系地址：苏州市姑苏区人民路88号\n联系电话：0512-65226688\n特此公告。\n"
        "国家税务总局苏州市姑苏区税务局\n2026年5月6日\n"
    )
    masked = mask_text(text).text
    assert "0512-65226688" in masked and "苏州市姑苏区人民路88号" in masked, masked


def test_a_recipients_address_above_the_bureaus_contact_block_stays_hidden():
    # 送达地址 of the party, a blank line, then the bureau's contact block and its name: the address is
    # no line of that block.
    text = (
        "柏文涛：\n根据你提出的听证要求，决定于2026年8月20日举行听证。\n"
        "送达地址：湖南省长沙市岳麓区枫林路18号6栋302房\n\n"
        "联系单位：国家税务总局长沙市岳麓区税务局\n地址：长沙市岳麓区麓山路9号\n联系电话：0731-88112233\n\n"
        "国家税务总局长沙市岳麓区税务局\n2026年9月22日\n"
    )
    masked = mask_text(text).text
    assert "枫林路18号" not in masked and "6栋302" not in masked, masked
    assert "长沙市岳麓区麓山路9号" in masked and "0731-88112233" in masked, masked
