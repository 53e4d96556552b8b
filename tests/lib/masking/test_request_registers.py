"""Registers of requests the bureau keeps (依申请公开政府信息登记表, 举报登记表): the requester's name, number,
address and contact under 申请人 | 证件号码 | 通信地址 | 联系电话, one cell a line or in a web page's table."""

from __future__ import annotations

from sanxiang.lib.masking import mask_text

from .helpers import hidden

ID_A = "320583198807150016"


def test_a_one_cell_a_line_register_under_an_applicant_header():
    text = (
        "依申请公开政府信息登记表\n序号\n申请人\n证件号码\n通信地址\n联系电话\n申请内容\n答复日期\n"
        "1\n邓立新\nE12345678\n太原市小店区长风街8号丽华苑5栋2单元601室\n13912345678\n"
        "关于太原恒业商贸有限公司欠税情况的信息\n2025年3月1日\n"
        "2\n苏海燕\n"
        f"{ID_A}\n太原市迎泽区桥东\n街道青年路12号3栋402室\n8612345\n关于某公司欠税情况的信息\n2025年4月2日\n"
    )
    masked = hidden(text, "邓立新", "苏海燕", "长风街", "丽华苑", "青年路", "8612345", "E12345678")
    assert "2025年3月1日" in masked and "关于太原恒业商贸有限公司欠税情况的信息" in masked


def test_an_html_register_whose_header_row_stands_in_thead():
    text = (
        "<table>\n<thead>\n<tr><th>序号</th><th>申请人</th><th>证件号码</th><th>通信地址</th><th>联系电话</th>"
        "<th>答复日期</th></tr>\n</thead>\n<tbody>\n"
        "<tr><td>1</td><td>邓立新</td><td>E12345678</td><td>太原市小店区长风街8号丽华苑5栋2单元601室</td>"
        "<td>8612345</td><td>2025年3月1日</td></tr>\n"
        "<tr><td>2</td><td>太原恒业商贸有限公司</td><td>91140105MA0KXXXX1B</td><td>太原市迎泽区迎泽大街100号</td>"
        "<td>0351-1234567</td><td>2025年4月2日</td></tr>\n</tbody>\n</table>\n"
    )
    masked = hidden(text, "长风街", "丽华苑", "8612345")
    assert "太原市迎泽区迎泽大街100号" in masked and "0351-1234567" in masked
    assert mask_text(masked).text == masked


def test_a_third_party_named_in_a_reply_on_disclosure():
    masked = hidden(
        "该信息涉及第三方邱文涛的个人隐私，本机关已书面征求其意见，第三方不同意公开，故不予公开。", "文涛"
    )
    assert "第三方不同意公开" in masked


def test_third_party_as_an_ordinary_word_is_no_name():
    text = "通过第三方支付平台收款，向第三方付款，征求第三方意见，涉及第三方商业秘密。"
    assert mask_text(text).text == text


def test_a_landline_listed_after_the_mobile_under_one_label():
    hidden("您留存的联系方式：13904168509；7234777。\n承办人：刘银\n", "7234777")
    hidden("您留存的联系方式：13135841417，（0731\n）5319150。\n", "5319150")


def test_a_labelled_landline_whose_local_number_opens_with_one():
    hidden("申请人：苏海燕；联系电话：0772-1237511；电子邮箱：—。\n", "1237511")
    hidden("申请人：苏海燕；联系电话：（0916）1995192；\n", "1995192")
    text = "案号（2024）1234567号，编号0771-1234567号文件"
    assert mask_text(text).text == text


def test_the_year_of_a_date_below_a_phone_line_is_not_joined_to_it():
    masked = mask_text("执法人员：邓立新\n联系电话：0539-1783139\n2024年7月7日\n").text
    assert "2024年7月7日" in masked


def test_a_date_written_with_hyphens_below_a_phone_line_is_not_joined_to_it():
    masked = mask_text("承办人：邓立新    联系电话：0916-1602035\n2026-11-17\n").text
    assert "2026-11-17" in masked


def test_a_signature_keeps_the_chinese_numeral_date_beside_it():
    masked = hidden("当事人签字：唐敏浩  二〇二五年六月五日\n", "唐敏浩")
    assert "二〇二五年六月五日" in masked


def test_a_persons_place_of_business_beside_the_home_given_apart_is_published():
    text = (
        "当事人：邓立新\n证件号码：610703196107036061\n住所：陕西省汉中市南郑区新集镇柳树湾村8组65号\n"
        "经营地址：汉中市城固县朝阳路153号\n"
    )
    masked = hidden(text, "柳树湾村")
    assert "汉中市城固县朝阳路153号" in masked
    # a dwelling under 经营地址 stays hidden, and so does a person's only address
    hidden(text.replace("朝阳路153号", "朝阳路153号丽华苑5栋2单元601室"), "丽华苑")
    hidden("当事人：邓立新\n证件号码：610703196107036061\n经营地址：汉中市城固县朝阳路153号\n", "朝阳路")


def test_a_shop_named_a_pu_is_an_organisation():
    text = (
        "纳税人名称：株洲荷塘区邹家修车铺；纳税人识别号：9143020349UNA3QH60；业主：邹勇涛；"
        "身份证件号码：430211198002221293；经营地址：株洲市芦淞区胜利街19号；认定日期：2024年2月18日。\n"
    )
    masked = hidden(text, "邹勇涛", "430211198002221293")
    assert "株洲市芦淞区胜利街19号" in masked and "邹家修车铺" in masked


def test_a_company_applicants_office_line_is_published_and_a_persons_is_not():
    text = (
        "序号：1；申请人：赣州市华通商贸有限公司；证件号码：91360702MA4L0XXXX8；通信地址：江西省赣州市章贡区中山路53号；"
        "联系电话：0797-8720327；电子邮箱：—。\n"
        "序号：2；申请人：邓立新；证件号码：E12345678；通信地址：江西省赣州市章贡区中山路53号幸福家园6栋；"
        "联系电话：0797-8720328；电子邮箱：—。\n"
    )
    masked = hidden(text, "邓立新", "8720328", "幸福家园")
    assert "0797-8720327" in masked


def test_a_company_with_an_individual_business_code_keeps_its_number_in_its_row():
    text = (
        "序号 | 申请人 | 证件号码 | 通信地址 | 联系电话 | 答复日期 |\n"
        "| 1 | 鑫瑞建筑劳务（临沂）有限公司 | 9237131111XUWL7N0R | 临沂市河东区新集镇王家庄村2组74号 | 7800350 | 2026年5月28日 |\n"
        "| 2 | 邓立新 | E12345678 | 临沂市河东区新集镇王家庄村2组75号 | 7800351 | 2026年5月28日 |\n"
    )
    masked = hidden(text, "邓立新", "7800351", "王家庄村2组75号")
    assert "7800350" in masked


def test_a_phone_on_the_line_above_an_e_mail_is_no_part_of_it():
    text = (
        "序号\n申请人\n证件号码\n通信地址\n联系电话\n电子邮箱\n答复日期\n1\n株洲市博雅医药有限公司\n"
        "91430203MA4L0XXXX8\n株洲市天元区新华路219号\n0731-7099483\nzhangwei88930@126.com\n2026-10-22\n"
    )
    masked = hidden(text, "zhangwei88930")
    assert "0731-7099483" in masked
    hidden("电子邮箱：zhang\nwei@163.com\n", "zhang")


def test_a_surname_and_a_title_after_a_preposition_stays_as_written():
    for text in (
        "本案经赵女士及王师傅核对，无异议。",
        "本案经陆先生及崔科长核对，无异议。",
        "本案经张老师及许科长核对。",
    ):
        assert mask_text(text).text == text
    hidden("经查，于林先生未申报个人所得税。", "于林")
    hidden("财务负责人：丁平安，男；陈和平，女，350203********8391", "陈和平")


def test_latin_names_before_a_title_after_a_finding_and_after_a_kin_word():
    masked = hidden(
        "绵税罚〔2026〕138号\n\nSarah O'Neil先生：\n经我局检查，Sarah O'Neil未按规定申报。\n", "Sarah", "Neil"
    )
    assert "先生：" in masked
    hidden("经查，Anna Müller于2026-03-16以个人账户收取货款。", "Anna", "Müller")
    hidden("钱打到了我表弟Tanaka Hiroshi的卡上。钱打到了我表弟东方娟的卡上。", "Tanaka", "Hiroshi", "东方娟")
    text = "经查，WPS Office于2020年上线。"
    assert mask_text(text).text == text


def test_a_tax_agents_staff_member_after_the_role_word():
    hidden("涉税服务人员：Nguyen Van An；职业资格证书编号：—\n涉税服务人员：上官志\n", "Nguyen", "上官志")


def test_a_latin_name_with_an_umlaut_in_a_csv_register_row():
    text = (
        "序号,申请人,证件号码,通信地址,联系电话\n"
        '6,"Anna Müller",E07312780,"绵阳市涪\n城区城关镇柳树湾村11组47号",19768302167\n'
    )
    hidden(text, "Müller", "柳树湾村")


def test_the_bureaus_contact_line_after_the_body_keeps_its_number():
    text = (
        "国家税务总局汉中市税务局第三稽查局\n责令限期改正通知书\n汉城税通〔2024〕14号\n\n艾力·帕提曼：\n"
        "你未按期办理个人所得税自行申报。请于2026-09-20前到国家税务总局汉中市城固县税务局（汉中市南郑区和平街152号）办理。\n"
        "联系人：高思，电话0916-6461871，电子邮件通知已发送至liuyang@outlook.com。\n"
    )
    masked = hidden(text, "艾力·帕提曼", "liuyang")
    assert "0916-6461871" in masked
    # a person's line under it stays the person's
    hidden("经查，你未按期申报。\n联系人：你的配偶张三，电话0916-6461872。\n", "6461872")


def test_the_bureaus_contact_line_wrapped_inside_an_e_mail_is_masked_once():
    text = (
        "你未按期办理个人所得税自行申报。请于2024年1月25日前到国家税务总局赣州\n"
        "市章贡区税务局（赣州市章贡区人民路100号）办理。\n"
        "联系人：毛浩菊，电话0797-6647547，电子邮件通知已发送至s\nunny_li@sina.com。\n"
        "English note: Please contact the bureau at 0797-8554108 before 2026年3月5日.\n"
    )
    masked = hidden(text, "毛浩菊", "unny_li")
    assert "0797-6647547" in masked


def test_a_company_with_its_place_in_brackets_after_a_party_label():
    text = "行政相对人名称：盛源餐饮管理（株洲）有限公司；行政相对人类别：法人及非法人组织。"
    assert mask_text(text).text == text


def test_a_contact_card_after_the_body_stays_hidden():
    text = (
        "经审查，符合法定条件，决定准予行政许可。\n    联系人：熊 子 丽，联系电话：(027)99301316转10，"
        "电子邮箱：chen.jg490@qq.com。\n    办税服务厅咨询电话：02728951691\n国家税务总局武汉市江岸区税务局\n"
    )
    hidden(text, "99301316", "chen.jg490")
