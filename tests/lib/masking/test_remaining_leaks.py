"""The masker's remaining leak classes (issue 15, brief masker2), each pinned on text of its own:
港澳台 numbers, an individual's taxpayer number as ID + suffix, private landlines and whose block they
stand in, persons' addresses under ambiguous labels, unusual e-mail writings, names in narrative."""

import pytest

from sanxiang.lib.masking import mask_text
from sanxiang.lib.masking.idcodes import id_check_digit, id_shaped, is_valid_id
from tests.lib.masking.helpers import hidden

PERSON_ID = "44010419850312123" + id_check_digit("44010419850312123")
HK_PERMIT = "81000019900101123" + id_check_digit("81000019900101123")  # 港澳台居民居住证, Hong Kong
TW_PERMIT = "83000019781224004" + id_check_digit("83000019781224004")  # … Taiwan


# ------------------------------------------------------------------------------------- 港澳台 numbers


def test_a_residence_permit_number_is_an_id_number():
    assert id_shaped(HK_PERMIT) and is_valid_id(TW_PERMIT)
    assert not id_shaped("820000" + "123456789012")  # the prefix alone is not enough: a birth date


@pytest.mark.parametrize(
    "text",
    [
        f"居住证号码 {HK_PERMIT}\n",
        f"经查，曹立（{TW_PERMIT}）于2025年取得劳务报酬",  # no label: the format is distinctive
        f"另查明，谢铭，{HK_PERMIT} 系其合伙人。",
        f"序号\n姓名\n证件类型\n证件号码\n1\n曹立\n港澳台居民居住证\n{TW_PERMIT}\n2026年1月4日\n",
    ],
)
def test_residence_permits_are_hidden_anywhere(text):
    number = HK_PERMIT if HK_PERMIT in text else TW_PERMIT
    hidden(text, number[6:14])


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("台湾居民来往大陆通行证⏎2523718991(D)⏎".replace("⏎", "\n"), "2523718991"),
        ("台胞证号码：1234567890（B）", "1234567890"),
        ("港澳居民来往内地通行证号码：H0381896712", "038189671"),
        ("回乡证号码 M03818967", "038189"),
        ("澳门居民身份证号码：5169604(0)", "516960"),
        ("香港居民身份证号码：A221636(9)", "22163"),
    ],
)
def test_permits_and_identity_cards_of_hong_kong_macao_taiwan(text, secret):
    hidden(text, secret)


# ------------------------------------------------------------------------ taxpayer number ID + suffix


@pytest.mark.parametrize(
    "written",
    [
        f"{PERSON_ID}01",
        f"{PERSON_ID}-01",
        f"{PERSON_ID} 02",
        f"{PERSON_ID}（11）",
        f"{PERSON_ID}\n03",  # wrapped in a one-cell-a-line list: a leading zero is no row number
        f"{TW_PERMIT}01",  # a 港澳台 resident's taxpayer number
    ],
)
def test_the_whole_taxpayer_number_ishidden(written):
    masked = mask_text(f"纳税人识别号\n{written}\n欠税金额\n1,234.50\n").text
    assert sum(ch.isdigit() for ch in masked.split("欠税金额")[0]) == 0, masked
    assert "1,234.50" in masked


def test_a_row_number_after_an_id_number_stays():
    text = f"序号\n姓名\n身份证号码\n1\n张立\n{PERSON_ID}\n12\n李华\n"
    assert "\n12\n" in mask_text(text).text


def test_a_credit_code_under_a_generic_number_header_stays():
    masked = mask_text("纳税人名称：曲靖宏达建材有限公司\n证件号码：913101049443934110\n").text
    assert "913101049443934110" in masked
    hidden(f"姓名：张立\n证件号码：{PERSON_ID}\n", PERSON_ID[6:14])


# ----------------------------------------------------------------------------------- private landlines


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("联系电话：+86-571-87654321\n", "87654321"),
        ("固定电话：+86 551 54087462\n", "54087462"),
        ("证人邬红（住宅电话0086 871 46040873）证实了上述事实。", "46040873"),
        ("你的邻居房梦燕，电话：0086-20-6941-8078，证实了上述事实。", "6941"),
        ("座机：0871-\n37987439\n", "37987439"),  # broken after the area code's hyphen
        ("配偶张立（联系电话：0730-2569\n5714）证实", "2569"),  # … or inside the local number
        ("座机：87360312\n", "87360312"),  # a local number without its area code
        ("委托代理人：金安，联系电话：6809 2434\n", "6809"),
        ("电话 7057-2586\n", "7057"),
        ("当事人：张三，电话：0571-87654321-808，0571-87654321转808。", "87654321"),
    ],
)
def test_private_landlines_in_every_writing(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "序号\t姓名\t联系电话\t文书名称\n1\t翁明\t42630356\t税务事项通知书\n",
        "序号 | 姓名 | 联系电话 | 文书名称\n1 | 翁明 | 4263-0356 | 税务事项通知书\n",
        "序号\n姓名\n联系电话\n文书名称\n1\n翁明\n42630356\n税务事项通知书\n",
        # a record of a list after the notice's body (姓名：…⏎联系电话：…) is the person's, not the bureau's
        "国家税务总局历下区税务局\n送达公告\n    下列纳税人经电话联系未果，现予公告送达：\n\n"
        "序号：2\n姓名：宗婧彦\n联系电话：0531-42630356 分机458\n文书名称：税务事项通知书\n",
    ],
)
def test_a_phone_in_a_persons_row_or_record_is_private(text):
    hidden(text, "4263")


@pytest.mark.parametrize(
    ("text", "public"),
    [
        (
            "当事人：张三\n联系电话：0571-87654321\n    你于2025年未申报。\n\n联系人：李四\n联系电话：0571-86001234\n"
            "国家税务总局杭州市西湖区税务局\n2025年1月2日\n",
            "0571-86001234",
        ),
        ("序号\t单位\t电话\n1\t国家税务总局西湖区税务局办税服务厅\t0571-86001234\n", "0571-86001234"),
        ("证人王五（联系电话：+86-571-87654321）证实。纳税服务热线：12366。", "12366"),
        ("国家税务总局杭州市西湖区税务局 咨询电话：(0571)8600 1234", "(0571)8600 1234"),
        ("发票代码：033001900111 发票号码：87654321", "87654321"),
    ],
)
def test_the_authoritys_own_numbers_and_invoice_numbers_stay(text, public):
    assert public in mask_text(text).text


# ------------------------------------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("电子邮箱：liuyang4010[at]sina.com\n", "iuyang4010"),
        ("个人邮箱 zhangwei9917(at)163.com\n", "hangwei9917"),
        ("电子邮箱：liuyang7430 at sina dot com\n", "iuyang7430"),
        ("邮箱：wangfang88#126.com\n", "angfang88"),
        ("邮箱：ZHANG.WEI@163.COM；", "HANG.WEI"),
        ("电子送达地址：lihua7629@\nfoxmail.com\n", "ihua7629"),  # broken after the @
        ("E-mail：liuya\nng9740@qq.com\n", "iuya"),  # … or inside the local part
        ("邮箱：hz8683 ＠ 126.com\n", "z8683"),
    ],
)
def test_e_mail_in_unusual_writings(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("本局邮箱：zjtax(at)chinatax.gov.cn", "zjtax(at)chinatax.gov.cn"),
        ("3#楼 B#101室", "3#楼 B#101室"),
        ("邮编 310000 at 杭州", "310000 at 杭州"),
    ],
)
def test_public_mail_and_lookalikes_stay(text, public):
    assert public in mask_text(text).text


# -------------------------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("经查，你于2025年5月25日委托柳湘江办理相关事宜，收取租金3,000.00元。", "湘江"),
        ("当事人将房屋出租给谷晨丹用于经营。", "晨丹"),
        ("本局约谈了包妮送达了文书。", "包妮"),
        ("本局向秦雅送达了文书，其父蓝晓光在场。", "晓光"),
        ("本局通知程大海到场说明情况，其哥哥慕容玲蕾在场。", "玲蕾"),
        ("其子康兴华陪同到场。", "兴华"),
        ("其母亲巩跃进代为签收。", "跃进"),  # 进 ends the name: what she does follows
        ("参与经营的还有万东升、邢家、冉朝阳等人。", "东升"),
        ("你的邻居高天宇，电话：***。", "天宇"),
        ("经查，樊振少缴企业所得税710.00元。", "樊振"),  # 所得税 is no organisation's 所
        ("因当事人未成年，监护人邝倩思（系当事人之母）代为陈述申辩。", "倩思"),
    ],
)
def test_names_in_narrative(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "本局向你单位送达了税务事项通知书。经查，全年少缴税款。会同公安机关调查。",
        "联系了解情况。包括但不限于增值税。约谈了该公司负责人。本局向国家税务总局报告。",
        "经查，企业所得税少缴。另查明，通过虚开发票。经查，上述行为。还有部分款项未缴。",
    ],
)
def test_narrative_words_are_no_names(text):
    assert mask_text(text).text == text


# ------------------------------------------------------------------------------ addresses of persons


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "当事人：罗焱鹏\n性别：男\n身份证号码：***\n联系地址：河北省石家庄市长安区桃源路118号碧桂园9栋2单元2204室\n",
            "桃源路",
        ),
        ("当事人罗焱鹏，男，公民身份号码***，通讯地址为岳阳市岳阳楼区五一路12号3栋201室。", "五一路"),
        (
            "经营者：罗焱鹏\n经营地址：岳阳楼区五一路1号\n经营者户籍地址：岳阳市岳阳楼区建国东路8号2栋101室\n",
            "建国东路",
        ),
        (
            "序号\t纳税人名称\t证件号码\t送达地址\n1\t汪太平\t***\t云南省昆明市五华区建国东路76号\n",
            "建国东路",
        ),
    ],
)
def test_a_persons_address_under_an_ambiguous_label(text, secret):
    hidden(text, secret)


def test_a_companys_seat_in_brackets_after_its_name_stays():
    text = "当事人：罗焱鹏\n身份证号码：***\n    另查明，重庆天成印务有限公司（住所：重庆市渝中区五一路534号101室）为其提供了发票。"
    assert "重庆市渝中区五一路534号101室" in mask_text(text).text
    text = "经营者：罗焱鹏\n经营地址：岳阳楼区五一路1号门面\n"
    assert "岳阳楼区五一路1号门面" in mask_text(text).text


def test_a_phone_list_one_cell_a_line_masks_twice_the_same_and_keeps_the_office_line():
    text = (
        "关于限期办理纳税申报的公告\n    下列纳税人经电话联系未果，现予公告送达：\n序号\n姓名\n联系电话\n文书名称\n"
        "1\n唐东升\n2391-5347\n税务事项通知书\n2\n宁金\n（０２３）７８４９８８８４\n税务行政处罚决定书\n"
        "    咨询电话：023-73820858\n2026年9月21日\n"
    )
    once = mask_text(text).text
    assert mask_text(once).text == once
    assert "023-73820858" in once and "纳税人经电话联系未果" in once  # 经 after a role word is no surname
    assert "2391" not in once and "７８４９" not in once


# ---------------------------------------------------------------------------- writings of dev part 9


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("当事人：张立，澳门居民，身份证明局编号5/408122/0。", "408122"),
        ("香港永久性居民，身份证号码：V366191 (6)，", "366191"),
        ("当事人：台胞郎骏，通行证号：07849650，身份证号码A123456789。", "郎骏"),
        (f"居住证号码：{HK_PERMIT[:6]} {HK_PERMIT[6:14]} {HK_PERMIT[14:]}\n", HK_PERMIT[6:14]),
        ("被处罚人：耿萍\n    经查，耿萍（电话0371—30017609），本局多次拨打未能联系。", "30017609"),
        ("经查，耿萍的联系电话为0730/34891982，本局多次拨打。", "34891982"),
        ("本案证人汤旭（座机0591.68817175）证实了上述事实。", "68817175"),
        ("经查，耿萍预留的座机+86 (23) 4002 1132，本局多次拨打。", "4002"),
        ("经查，耿萍预留的座机0574 - 33140761。", "33140761"),
        ("经查，耿萍的联系电话为240-8789。", "8789"),
        ("电子邮箱：zw320@sina(dot)cn\n", "w320"),
        ("电子邮箱：lihong257@yahoo。com。cn\n", "ihong257"),
        ("电子邮箱：wang_li299[#]sina.cn\n", "ang_li299"),
        ("电子邮箱：lihong235@qq.\ncom\n", "ihong235"),
        ("款项转入郑立洁的微信账户，收款人为农凡雨。", "立洁"),
        ("由其儿子柴明代收文书，任倩冰先生到场见证。", "倩冰"),
        ("受送达人：顾梅花\n邮寄地址：海南省海口市秀英区解放西路325号翠湖山庄10栋\n", "解放西路"),
        (
            "当事人：广州中盛服饰有限责任公司\n住所：广州市越秀区中华北路566号\n法定代表人：翁秀红，住址：广东省广州市越秀区东大街271号\n",
            "东大街",
        ),
    ],
)
def test_writings_of_the_second_round(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("编号0123/45678901，", "0123/45678901"),  # a slash or a dot makes a phone only under its label
        ("税率0.13，日期2025/12/01，", "2025/12/01"),
        ("联系邮箱：zjtax@chinatax。gov。cn。", "zjtax@chinatax。gov。cn"),
        ("当事人：广州中盛服饰有限责任公司\n住所：广州市越秀区中华北路566号\n", "广州市越秀区中华北路566号"),
        ("国家税务总局杭州市税务局（地址：杭州市解放路1号，电话：0571-86001234）", "0571-86001234"),
        (
            "被处罚人：张三\n    经查，张三（电话0571—87654321）。\n\n举报电话：0571-86001234\n",
            "0571-86001234",
        ),
    ],
)
def test_public_facts_of_the_second_round_stay(text, public):
    assert public in mask_text(text).text


# ---------------------------------------------------------------------------- narrative of dev part 10


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("一、当事人基本情况\n    吴洁雨，土家族，住所地不详。", "洁雨"),
        ("    褚瑶婧（1995年5月24日出生）住所地不详。", "瑶婧"),
        ("    孔铭文，自由职业，住所地不详。", "铭文"),
        ("另外，康洞庭无正当理由拒不到场。", "洞庭"),
        ("。南宫玲文当场拒绝签收。", "玲文"),
        ("据查，谢跃进当场拒绝签收。", "跃进"),  # 进 is the name's own before 当场
        ("同时，尚亚永夫妇共同经营。", "亚永"),
        ("据查，柴国文向本局提交了情况说明。", "国文"),
        ("该店前台连洛阳陈述，相关款项均由江建军收取。", "洛阳"),
        ("该店仓库保管员费珠江证实，", "珠江"),
        ("。连淼与桑丹共同出资。", "连淼"),
        (
            "询问通知书\n景亚妮：\n    请你于2025年3月17日到本局接受询问。\n    送达地址：甘肃省兰州市城关区东大街254号2栋\n",
            "东大街",
        ),
        ("    常住地址：湖南省岳阳市岳阳楼区五一路117号\n", "五一路"),
    ],
)
def test_persons_in_the_narrative_of_reports(text, secret):
    hidden(text, secret)


@pytest.mark.parametrize(
    "text",
    [
        "经查，该公司未按规定申报。税务机关当场送达。当事人当场签收。你公司拒不改正。",
        "本局工作人员当场制作笔录。纳税人向本局提交了材料。公司和个人共同出资。上级机关与本局共同研究。",
        "请你单位于2025年1月5日到本局。你单位地址：长沙市岳麓区麓山路1号。",
    ],
)
def test_narrative_of_organisations_stays(text):
    assert mask_text(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "张立：\n    请你于2025年3月17日到本局接受询问。\n\n联系人：史淑亚\n联系地址：兰州市城关区府前街306号\n"
        "国家税务总局兰州市城关区税务局\n",
        "张立：\n    请你于2025年3月17日到本局接受询问。\n联系地址：兰州市城关区府前街306号\n"
        "国家税务总局兰州市城关区税务局\n2026年4月14日\n",
        "张立：\n    请你于2025年3月17日到本局接受询问。\n本局地址：兰州市城关区府前街306号\n",
    ],
)
def test_the_bureaus_closing_address_stays(text):
    assert "兰州市城关区府前街306号" in mask_text(text).text


# ---------------------------------------------------------------------------- record formats, part 11


def test_a_csv_export_of_records():
    text = (
        "行政相对人名称,行政相对人类别,行政相对人代码_1(统一社会信用代码),法定代表人,证件类型,证件号码,处罚金额,处罚机关\n"
        "毛黄山,自然人,,,身份证,360102199511216657,1,234.50,国家税务总局历下区税务局\n"
        "济南德信商贸有限公司,法人及非法人组织,91370102MA3C5U9X1K,纪宇杰,,,3.1,国家税务总局历下区税务局\n"
    )
    masked = mask_text(text).text
    assert "黄山" not in masked and "宇杰" not in masked
    for public in ("济南德信商贸有限公司", "1,234.50", "国家税务总局历下区税务局"):
        assert public in masked


def test_an_agents_address_in_running_text():
    text = (
        "张立：\n    根据你提出的听证要求，本局决定举行听证。\n    你已委托尉迟振杰（税务师）为代理人，其联系电话"
        "0591-46978304（宅），地址福建省福州市鼓楼区花园街12号。\n"
    )
    hidden(text, "花园街", "46978304", "振杰")


def test_a_tab_row_whose_cell_broke_over_a_line():
    text = (
        "序号\t业户名称\t经营者\t纳税人识别号\t欠税金额\n"
        f"1\t惠城区雷蓉丹鞋店\t雷蓉丹\t{PERSON_ID}\n03\t68,823.28\n"
        f"2\t惠城区朱诗泽手机维修部\t朱诗泽\t{PERSON_ID}-02\t519,732.36\n"
    )
    masked = mask_text(text).text
    assert "\t雷蓉丹\t" not in masked and "\t朱诗泽\t" not in masked
    assert "惠城区雷蓉丹鞋店" in masked and "68,823.28" in masked


# ------------------------------------------------------------------------- invoices, witness tables


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("货款汇入持卡人项思的银行账户（卡号***）。", "项思"),
        ("货款汇入开户名称为陆珠江的银行账户。", "珠江"),
        ("开具增值税普通发票，购买方名称：令狐若若，金额70.00元。", "若若"),
        ("开具增值税普通发票，受票方：褚三峡，金额182.40元。", "三峡"),
        (
            "序号\t证人姓名\t联系方式\t住所（经营场所）\n1\t彭玲亚\t17726109494\t天津市和平区滨湖路326号翠湖山庄13栋\n",
            "滨湖路",
        ),
        ("当事人：彭子宇\n公民身份号码：***\n户籍：甘肃省兰州市城关区五一路44号\n", "五一路"),
        ("当事人：彭子宇\n居住地点：甘肃省兰州市城关区五一路44号\n", "五一路"),
    ],
)
def test_persons_in_invoices_bank_records_and_witness_tables(text, secret):
    hidden(text, secret)


def test_role_words_used_as_nouns_in_a_rules_text_stay():
    text = "第一条“受票方利用他人虚开的专用发票，向税务机关申报抵扣税款”。购买方取得发票。"
    assert mask_text(text).text == text
    text = "序号\t纳税人名称\t经营地点\n1\t济南德信商贸有限公司\t济南市历下区五一路1号\n"
    assert "济南市历下区五一路1号" in mask_text(text).text  # a company's row under a subject column


@pytest.mark.parametrize(
    "text",
    [
        "    参与人员为宫梦金、端木霞、麦洞庭，均已到场。",  # found from the last name back to the first
        "参与人员有谢跃进、伍湘江、霍朗彦、屈骏雅，均已到场。",
    ],
)
def test_a_list_of_persons_opened_by_a_verb(text):
    hidden(text, "梦金", "跃进", "湘江")


def test_lists_of_things_stay():
    text = "本案涉及的税种有增值税、企业所得税、个人所得税。包括房产、车辆、存款。即2025年、2026年。"
    assert mask_text(text).text == text
