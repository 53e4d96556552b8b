"""The bureau's contact line that runs on to its hotline, and a person's place of business in commercial
premises (RULES.md §2A), both published; a person's own contact and a home used as a shop stay hidden."""

from .helpers import hidden

_REMEDY = "如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议。\n"


def test_contact_line_running_on_to_the_hotline_is_the_bureaus() -> None:
    text = (
        _REMEDY + "    联系地址：襄阳市樊城区长虹路18号；联系电话：0710-3456366，纳税服务热线12366。\n\n"
        "国家税务总局襄阳市税务局第一稽查局\n"
    )
    masked = hidden(text)
    assert "襄阳市樊城区长虹路18号" in masked
    assert "0710-3456366" in masked


def test_contact_line_wrapped_by_the_page_width_is_the_bureaus() -> None:
    text = (
        _REMEDY + "    联系地址：襄阳市樊城区长虹路18号；联系电话：0710-34\n56366，纳税服务热线12366。\n\n"
        "国家税务总局襄阳市税务局第一稽查局\n"
    )
    masked = hidden(text)
    assert "襄阳市樊城区长虹路18号" in masked
    assert "0710-34\n56366" in masked


def test_a_persons_line_before_the_hotline_stays_hidden() -> None:
    text = (
        _REMEDY
        + "    当事人联系电话：0710-3456377，纳税服务热线12366。\n\n国家税务总局襄阳市税务局第一稽查局\n"
    )
    hidden(text, "0710-3456377")


def test_a_sentence_after_the_number_is_no_contact_line() -> None:
    text = (
        _REMEDY + "    联系电话：0710-3456377，经核实为你本人使用。\n\n国家税务总局襄阳市税务局第一稽查局\n"
    )
    hidden(text, "0710-3456377")


def test_persons_place_of_business_in_commercial_premises_is_published() -> None:
    text = (
        "纳税人名称：覃德林\n纳税人识别号：45010219800101123701\n法定代表人（负责人/业主）姓名：覃德林\n"
        "身份证件号码：450102198001011237\n经营地点：柳州市城中区五一路9号商铺12号\n欠税税种：增值税\n"
    )
    masked = hidden(text, "19800101")
    assert "柳州市城中区五一路9号商铺12号" in masked


def test_persons_place_of_business_in_a_dwelling_stays_hidden() -> None:
    text = (
        "纳税人名称：覃德林\n纳税人识别号：45010219800101123701\n法定代表人（负责人/业主）姓名：覃德林\n"
        "身份证件号码：450102198001011237\n经营地点：柳州市城中区五一路9号金桂小区3栋2单元501室\n欠税税种：增值税\n"
    )
    hidden(text, "金桂小区3栋2单元501室")


def test_commercial_place_of_business_in_a_persons_table_row_is_published() -> None:
    header = "序号\t纳税人名称\t纳税人识别号\t业主姓名\t身份证件号码\t经营地点\t欠税余额（元）\n"
    shop = (
        "1\t覃德林\t45010219800101123701\t覃德林\t450102198001011237\t柳州市城中区农贸市场C区7号\t5200.00\n"
    )
    home = "2\t韦秀兰\t450102198503036020\t韦秀兰\t450102198503036020\t柳江区拉堡镇新兴村3组18号\t800.00\n"
    masked = hidden(header + shop + home, "新兴村3组18号")
    assert "柳州市城中区农贸市场C区7号" in masked


def test_quoted_csv_cells_are_read_without_their_quotes() -> None:
    text = (
        "序号,纳税人名称,纳税人识别号,法定代表人（负责人）,证件号码,生产经营地址\n"
        '1,柳州德润商贸有限公司,"91450200MA5K8Y3Q1L","覃德林",450102198001011237,"柳州市城中区五一路9号商铺12号"\n'
        '"2","柳州安和物流有限公司",91450200MA5K8Y3Q2J,"韦秀兰","450102198503036020","柳州市鱼峰区\n'
        '物流园C区7号"\n'
        "3,柳州和顺建材有限公司,91450200MA5K8Y3Q3G,蓝志远,450102198001011237,柳州市柳南区航岭路3号\n"
    )
    masked = hidden(text, "覃德林", "韦秀兰", "蓝志远")
    assert "柳州德润商贸有限公司" in masked
    assert "柳州市城中区五一路9号商铺12号" in masked


def test_long_transliterated_names_after_a_role_word_are_hidden() -> None:
    hidden("办税人员德吉央宗电话13912345678均无法联系。", "德吉央宗")
    hidden("证人阿不都热依木的询问笔录证实，你曾收取款项。", "阿不都热依木")
    hidden("该款项由其妻子斯琴高娃代为收取。", "斯琴高娃")
    hidden("该所税务师乌兰其其格（电子邮箱：a@example.cn）", "乌兰其其格")
    hidden("\n乌兰其其格：（身份证件号码：450102198001011237）", "乌兰其其格")


def test_a_place_spelt_in_the_same_characters_is_no_name() -> None:
    masked = hidden("纳税人克拉玛依市宏达石油技术服务有限公司未按期申报。")
    assert "克拉玛依市宏达石油技术服务有限公司" in masked


def test_transliterated_name_in_a_persons_column_is_hidden() -> None:
    text = "序号\t姓名\t证件号码\t应缴金额\n1\t阿不都热依木\t450102198001011237\t320.00\n"
    hidden(text, "阿不都热依木")


def test_passport_style_latin_names_are_hidden_wherever_they_stand() -> None:
    hidden("该房屋出售给KOWALSKI Anna，房款已付清。", "KOWALSKI Anna")
    hidden("1.Peter SCHMIDT相关个人银行账户交易明细记录；", "Peter SCHMIDT")
    hidden("；91450200MA5K8Y3Q1L；PHAM Thi Lan；450102198001011237；", "PHAM Thi Lan")


def test_latin_words_that_are_no_name_stay() -> None:
    masked = hidden("请使用WPS Office或PDF Reader打开附件；城关区Peter SCHMIDT面包店（个体工商户）。")
    assert "WPS Office" in masked
    assert "城关区Peter SCHMIDT面包店" in masked


def test_a_name_cell_right_before_an_id_number_cell_is_hidden() -> None:
    hidden("1；柳州德润商贸有限公司；91450200MA5K8Y3Q1L；覃德林；450102198001011237；增值税\n", "覃德林")
    hidden('"6","韦秀兰","450102198503036020",5200.00\n', "韦秀兰")
    hidden("2\n乌兰其其格\n450102198001011237\n", "乌兰其其格")


def test_an_organisation_cell_before_an_id_number_stays() -> None:
    masked = hidden("1；柳州德润商贸有限公司；450102198001011237；增值税\n")
    assert "柳州德润商贸有限公司" in masked


def test_a_natural_persons_place_of_business_stays_hidden_even_in_a_shopfront() -> None:
    text = "纳税人姓名：覃德林；身份证件号码：450102198001011237；经营地点：柳州市城中区五一路9号门面；欠税税种：增值税。\n"
    hidden(text, "五一路9号门面")
