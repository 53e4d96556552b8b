"""What a notice publishes of the bureau itself stays as written: an officer's enforcement certificate
number (行政执法公示, RULES.md §1.2), the bureau's and its service hall's phone and address wherever the
notice prints its contact block (head, foot, a list with no sentence, a line cut by a PDF's width), a
contact already given as a surname and a title (王老师), and a shop named after its owner. The same
shapes given for a person stay hidden."""

from sanxiang.lib.masking import find_personal_data, mask_text
from sanxiang.lib.masking.normalize import normalise

from .helpers import hidden

_TITLE = "国家税务总局长沙市岳麓区税务局\n税务行政处罚决定书\n长税稽罚〔2024〕12号\n\n"
_BODY = "长沙某某商贸有限公司：\n    我局于2024年3月1日对你公司涉税情况进行了检查。\n"


# ------------------------------------------------------------------------------- officer's line


def test_a_space_before_the_next_label_is_no_stray_space_inside_a_name() -> None:
    # (经办人：郭宇 执法证号：… is two fields; 法定代表 人： is one label cut by an OCR space)
    assert "郭宇 执法证号" in normalise("经办人：郭宇 执法证号：14501792588").text
    assert "法定代表人：" in normalise("法定代表 人：莫小川").text
    masked = hidden("经办人：郭宇\u3000执法证号：14501792588\n", "郭宇")
    assert "\u3000执法证号：" in masked


def test_a_dotted_officers_name_stops_before_the_certificate_label() -> None:
    masked = hidden("经办人：热依拉·阿不都\u3000执法证号：14301387555\n", "阿不都")
    assert "执法证号：14301387555" in masked


def test_an_officers_certificate_number_is_no_mobile_number() -> None:
    for label in ("执法证号：", "执法证件编号：", "税务检查证号：", "执法证弓："):
        masked = hidden(f"经办人：郭宇\u3000{label}14501792588\n", "郭宇")
        assert "14501792588" in masked, label
    assert "145 0179 2588" in hidden("经办人：郭宇\u3000执法证号：145 0179 2588\n")
    hidden("经办人：郭宇\u3000手机：14501792588\n", "14501792588")  # his mobile is no certificate


def test_the_phone_on_an_officers_line_is_the_bureaus() -> None:
    text = "经办人：郭宇\u3000执法证号：14501792588\u3000电话：0757-8504689\n" + _TITLE + _BODY
    assert "0757-8504689" in hidden(text, "郭宇")
    # a party's number after the officer's certificate stays hidden, and so does one a sentence gives later
    hidden(
        "检查人员出示了税务检查证（证号：123456789），向李四（电话：0731-84561234）了解情况。\n", "84561234"
    )
    hidden("经办人：郭宇\u3000执法证号：14501792588\u3000当事人电话：0731-88451234\n", "88451234")


# ------------------------------------------------------------------------------ the service hall


_HALL = "办税服务厅地址：长沙市岳麓区麓山路18号；受理时间：工作日上午9:00-12:00，下午13:30-17:30；电话：0731-88451234。\n"


def test_the_service_halls_line_keeps_its_address_and_phone() -> None:
    for text in (_HALL + _TITLE + _BODY, _TITLE + _BODY + _HALL):
        masked = hidden(text)
        assert "长沙市岳麓区麓山路18号" in masked
        assert "0731-88451234" in masked
    assert "长沙市岳麓区麓山路18号" in hidden("税务局地址：长沙市岳麓区麓山路18号\n")
    hidden("家庭住址：长沙市岳麓区麓山路18号\n", "麓山路18号")


def test_the_service_halls_line_cut_by_a_pages_width_is_still_the_halls() -> None:
    text = (
        _TITLE
        + _BODY
        + "办税服务厅地址：郑州市金水区中山路95号；受理时间：工作日上午9:\n"
        + "00-12:00，下午13:30-17:30；电话：0371-67\n46859。\n"
    )
    assert "0371-67\n46859" in hidden(text)


def test_a_persons_landline_on_a_line_of_his_own_stays_hidden() -> None:
    hidden("当事人：张小明\u3000电话：0731-88451234\n", "88451234", "张小明")


# ------------------------------------------------------------------------- contact block at the head


def test_the_contact_block_printed_above_the_title_is_the_bureaus() -> None:
    text = (
        "联系人：秦老师\n联系电话：028-39866385\n联系地址：成都市武侯区长兴路79号门面\n邮政编码：978199\n"
        + _TITLE
        + _BODY
    )
    masked = hidden(text)
    assert masked.startswith(text.split("国家税务总局")[0])


def test_the_contact_block_under_the_notices_title_is_the_bureaus() -> None:
    text = (
        "国家税务总局桂林市七星区税务局税务文书送达公告\n桂税稽告〔2024〕33号\n"
        "联系人：肖兰兰\n联系电话：0773-5408924\n联系地址：桂林市七星区建设路38号厂房\n"
        "因采用直接送达、邮寄送达等方式无法送达，向下列受送达人公告送达税务文书。\n"
    )
    masked = hidden(text, "肖兰兰")
    assert "0773-5408924" in masked
    assert "桂林市七星区建设路38号厂房" in masked


def test_a_partys_lines_at_the_head_stay_hidden() -> None:
    hidden("当事人：张小明\n联系电话：0731-88451234\n" + _TITLE, "88451234", "张小明")
    hidden("联系人：王小明\n联系电话：0731-88451234\n", "88451234", "王小明")


# --------------------------------------------------------------------- a list with no sentence


_LIST = (
    "国家税务总局南宁市税务局稽查局关于认定非正常户的公告\n"
    "下列纳税人未按照规定的期限申报纳税，现认定为非正常户：\n"
    "纳税人识别号\t纳税人名称\t法定代表人\t财务负责人\t联系电话\t认定日期\n"
    "91450103FQQ729M705\t南宁华茂商贸有限公司\t高琳文\t黄力健\t15948223558\t2019年4月17日\n"
)


def test_the_contact_block_after_a_list_with_no_sentence_is_the_bureaus() -> None:
    text = (
        _LIST
        + "联系人：贺先生\n联系电话：0771-5631095\n联系地址：南宁市青秀区桃源路346号门面\n邮政编码：796090\n"
    )
    masked = hidden(text, "高琳文", "15948223558")
    assert masked.endswith(
        "联系人：贺先生\n联系电话：0771-5631095\n联系地址：南宁市青秀区桃源路346号门面\n邮政编码：796090\n"
    )
    assert "\t联系电话\t" in masked  # (the header's cell after 财务负责人 is no name)


def test_a_records_own_contact_in_a_list_with_no_sentence_stays_hidden() -> None:
    text = "国家税务总局长沙市税务局关于认定非正常户的公告\n纳税人名称：李大海\n联系人：李大海\n联系电话：0731-88459876\n"
    hidden(text, "88459876", "李大海")


# ------------------------------------------------------------------- already de-identified contacts


def test_a_surname_and_a_title_stays_as_written() -> None:
    for contact in ("王老师", "李女士", "欧阳先生", "张同志", "李科长"):
        text = f"联系人：{contact}，电话：13812345678\n"
        masked = hidden(text, "13812345678")
        assert masked.startswith(f"联系人：{contact}，"), masked
        assert not [f for f in find_personal_data(text) if text[f.start : f.end].startswith(contact[:1])]
    hidden("联系人：王小明，电话：13812345678\n", "王小明")
    assert "刘洋" not in mask_text("经与刘洋先生联系").text


def test_the_contact_line_under_the_number_is_no_addressee() -> None:
    text = (
        "国家税务总局重庆市税务局第二稽查局税务文书送达公告\n重税一稽告〔2022〕240号\n"
        "咨询电话：12366、023-68650559（办税服务厅）\n因采用直接送达、邮寄送达等方式无法送达。\n"
    )
    masked = hidden(text)
    assert "咨询电话：12366、023-68650559（办税服务厅）" in masked


# ------------------------------------------------------------------------- shops named after owners


def test_a_shop_named_after_its_owner_keeps_a_latin_or_dotted_name() -> None:
    text = "纳税人名称：日照市东港区ZHANG Wei副食店；法定代表人：ZHANG Wei；\n"
    masked = hidden(text)
    assert "日照市东港区ZHANG Wei副食店" in masked
    assert "法定代表人：ZHANG Wei" not in masked
    text = "纳税人名称：南宁市青秀区热依拉·阿不都烟酒商行\n法定代表人：热依拉·阿不都\n"
    masked = hidden(text)
    assert "南宁市青秀区热依拉·阿不都烟酒商行" in masked
    assert "法定代表人：热依拉·阿不都" not in masked
    masked = hidden("古丽娜尔·艾合买提建材经营部,个体工商户,92450305MA5L7C5D1X,古丽娜尔·艾合买提,身份证\n")
    assert masked.startswith("古丽娜尔·艾合买提建材经营部,")
    assert ",古丽娜尔·艾合买提," not in masked


def test_the_address_on_the_halls_phone_line_is_the_halls() -> None:
    text = _TITLE + _BODY + "办税服务厅联系电话：0577-71527851；地址：温州市平阳县兴业路471号2楼\n"
    masked = hidden(text)
    assert "0577-71527851；地址：温州市平阳县兴业路471号2楼" in masked
    hidden("当事人：张小明；地址：温州市平阳县兴业路471号2楼\n", "兴业路471号", "张小明")


def test_the_number_a_notice_asks_its_reader_to_call_is_the_bureaus() -> None:
    text = (
        "请携带本人身份证件。如需改期，请拨打028-21152907。你登记的联系电话（028）31807073如有变更请告知。\n"
    )
    masked = hidden(text, "31807073")
    assert "请拨打028-21152907。" in masked
    hidden("本局工作人员拨打028-21152907联系你。\n", "21152907")


def test_a_credit_code_cut_by_a_line_break_in_a_table_is_no_document_number() -> None:
    code = "11440106MB2K7Q80PX"  # (an authority's code, valid under GB 32100)
    text = (
        "行政处罚信息公示（双公示）\n行政相对人名称\t行政相对人类别\t统一社会信用代码\t法定代表人\t\n"
        "证件类型\t证件号码\t处罚决定书文号\t处罚内容\t罚款金额（万元）\n\t处罚机关\t处罚机关统一社会信用代码\n"
        "赵明远\t自然人\t\t\t居民身份证\t110101 19900307\n 1233\t穗税一稽罚〔2019〕341号\t罚款\t91.724\n"
        f"4\t国家税务总局广州市税务局第一稽查局\t{code[:11]}\n{code[11:]}\n"
    )
    masked = hidden(text, "赵明远", "19900307")
    assert f"{code[:11]}\n{code[11:]}" in masked


def test_more_writings_of_the_bureaus_contact() -> None:
    head = "经办人：王某\u3000电话：0731-84561234\n" + _TITLE + _BODY
    assert "0731-84561234" in hidden(head)
    assert "0731-84561234（办税服务厅）" in hidden("联系方式：0731-84561234（办税服务厅）\n")
    assert "电话：0731-84561234。" in hidden(
        "本局地址：长沙市岳麓区麓山路18号；邮编：410000；电话：0731-84561234。\n"
    )
    listed = hidden("执法人员：王小明、李大海（执法证号：14301185963、14301185964）\n", "王小明", "李大海")
    assert "14301185963、14301185964" in listed
    # a person's number stays hidden, whatever office the text names beside it
    hidden("当事人：张三，电话：0731-84561234（系税务局退休职工）\n", "84561234")
    hidden("本局向岳峰（电话：0898-66012345）送达了税务事项通知书。\n", "66012345", "岳峰")
    hidden("经办人：王某\u3000电话：0731-84561234\n", "84561234")  # (no bureau named: nobody's office)


def test_the_visible_digits_of_a_number_masked_already_stay() -> None:
    for text in ("当事人：陈X，电话：1380013****。\n", "电话：07318845****\n"):
        assert mask_text(text).text == text
    hidden("当事人：陈某，电话：13800138000。\n", "13800138000")


def test_a_column_of_certificate_numbers_is_published() -> None:
    for table in (
        "| 序号 | 姓名 | 执法证号 | 执法类别 |\n| 1 | 王小明 | 14301185963 | 税务检查 |\n",
        "序号,姓名,执法证号,执法类别\n1,王小明,14301185963,税务检查\n",
        "序号\t姓名\t执法证件号码\t单位\n1\t王小明\t14301185963\t第一稽查局\n",
    ):
        masked = hidden("行政执法人员名单\n" + table, "王小明")
        assert "14301185963" in masked, masked
    # the same number under a phone's header is a mobile
    hidden("序号\t姓名\t联系电话\t单位\n1\t王小明\t14301185963\t第一稽查局\n", "14301185963", "王小明")


def test_contact_lines_heading_a_notice_without_a_contact_person_are_the_bureaus() -> None:
    block = "联系电话：0731-84561234\n联系地址：长沙市岳麓区麓山路18号\n"
    assert hidden(block + _TITLE + _BODY).startswith(block)
    hidden("当事人：张三\n" + block + _TITLE, "84561234", "麓山路18号")
    hidden(block, "84561234", "麓山路18号")  # (no bureau named: nobody's office)


def test_a_department_given_as_the_contact_is_no_name() -> None:
    text = "    联系人：稽查一科，电话：12366，地址：武汉市江岸区建国路463号\n国家税务总局武汉市江岸区税务局第一税务所\n"
    assert "联系人：稽查一科，" in hidden(text)
    hidden("联系人：艾科拜尔，电话：13812345678\n", "艾科拜尔")  # (科 inside a name)


def test_a_dotted_owners_shop_addressed_under_the_number_stays() -> None:
    text = (
        "某税许准字〔2026〕227号\n巴特尔·朝鲁便利店（纳税人识别号：92150102MA0N8XKL3Q）：\n"
        "    你提出的申请符合法定条件。\n"
    )
    assert "巴特尔·朝鲁便利店（" in hidden(text)
    hidden("某税许准字〔2026〕227号\n巴特尔·朝鲁（身份证件号码：110101199003071233）：\n", "朝鲁")


def test_an_owner_who_runs_a_shop_in_running_text_stays_hidden() -> None:
    hidden("经查，买买提·吐尔逊开办五金店，未申报纳税。\n", "吐尔逊")
    hidden("经查，ZHANG Wei开办五金店，未申报纳税。\n", "ZHANG Wei")
