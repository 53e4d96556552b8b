"""Other bureaus' layouts (issue 9, point 9), each on a small hand-made text.

The expected values were written from reading each text, before running the importer on it.
"""

from sanxiang.lib.tasktables import parse_text
from sanxiang.lib.tasktables.pipes import align_row
from sanxiang.lib.tasktables.units import parse_labelled


def _only(text: str, **kwargs):
    result = parse_text(text, **kwargs)
    assert result.errors == []
    return result


# --- pipe tables ---------------------------------------------------------------------------

PIPE_ONE_CELL_PER_LINE = """2024年民生实事推进情况
序号 |
主要任务 |
全年目标任务 |
分管 领导 |
牵头 单位 |
责任主体与协同单位 |
推进情况 |
说明 |
1 |
新建口袋公园10个。 |
李明 |
城管局 |
住建局、各街道 |
已完成6个。 |
||
2 |
改造老旧小区30个。 |
李明 |
住建局 |
各街道 |
已开工20个。 |
进度滞后。 |
|
3 |
新增停车泊位500个。 |
王强 |
交通局 |
"""


def test_a_pipe_table_with_a_merged_column_missing_from_the_rows_is_aligned_by_content():
    result = _only(PIPE_ONE_CELL_PER_LINE)

    assert [m.seq for m in result.measures] == ["1", "2", "3"]
    first, second, third = result.measures
    assert first.task == "新建口袋公园10个。"
    assert first.lead == ["城管局"]
    assert first.cooperating == ["住建局", "各街道"]
    assert second.lead == ["住建局"] and second.cooperating == ["各街道"]
    assert third.lead == ["交通局"]  # the text stops in this row
    assert any("中断" in d for d in third.doubts)
    assert not any("中断" in d for d in first.doubts + second.doubts)
    assert result.layouts[:2] == ["pipe_table", "ragged_cells"]


def test_a_pipe_table_with_one_row_per_line_and_ragged_trailing_cells():
    text = (
        "| 序号 | 工作任务 | 牵头部门 | 配合部门 | 完成时限 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 推行延时服务 | 纳税服务科 | 办公室 | 2024年6月底前 |\n"
        "| 2 | 清理欠税 | 征收管理科 |\n"
    )
    result = _only(text)

    assert [(m.seq, m.lead, m.cooperating, m.deadline_text) for m in result.measures] == [
        ("1", ["纳税服务科"], ["办公室"], "2024年6月底前"),
        ("2", ["征收管理科"], [], ""),
    ]


def test_align_row_puts_a_person_under_the_leader_column_and_units_under_unit_columns():
    header = ["序号", "主要任务", "全年目标任务", "分管领导", "牵头单位", "责任单位"]

    assert align_row(["5", "修缮道路3公里。", "张伟", "交通局", "各街道"], header) == [0, 1, 3, 4, 5]


# --- label lines ----------------------------------------------------------------------------


def test_label_lines_of_any_role_after_each_measure_and_a_person_line_skipped():
    text = """某区2023年重点工作责任分工方案
一、主要目标
1. 地区生产总值增长6%。
牵头负责领导：张三。
牵头责任单位：区发改局。
协同责任单位：区统计局、区财政局等，各街道。
2. 一般公共预算收入增长5%。
牵头单位：区财政局
责任单位：区税务局
完成时限：2023年12月底前
"""
    result = _only(text)

    first, second = result.measures
    assert first.lead == ["区发改局"]
    assert first.cooperating == ["区统计局", "区财政局", "各街道"]
    assert "张三" not in first.unit_names()
    assert second.lead == ["区财政局"] and second.responsible == ["区税务局"]
    assert second.deadline_text == "2023年12月底前"
    assert "label_lines" in result.layouts


def test_only_responsible_lines_leave_the_lead_empty():
    text = """重点工作任务分解
1. 做好常态化疫情防控。
责任单位：市卫生健康委、市疾控中心等，各县(市、区)政府
2. 稳定就业。
责任单位：市人社局
"""
    result = _only(text)

    assert [m.lead for m in result.measures] == [[], []]
    assert result.measures[0].responsible == ["市卫生健康委", "市疾控中心", "各县(市、区)政府"]


# --- units inline in brackets ---------------------------------------------------------------


def test_units_inline_in_brackets_with_labels_semicolons_commas_and_a_deadline():
    text = """2024年重点工作分工方案
一、优化服务
1. 推行延时服务。（牵头单位：办公室；责任单位：纳税服务科、征收管理科，6月底完成）
2. 推广电子发票。〔牵头单位：征收管理科,责任单位：信息中心;2024年底前完成〕
3. 规范执法。(法制科牵头，各科室按职责分工负责)
"""
    result = _only(text)

    rows = [(m.lead, m.responsible, m.deadline_text) for m in result.measures]
    assert rows == [
        (["办公室"], ["纳税服务科", "征收管理科"], "6月底完成"),
        (["征收管理科"], ["信息中心"], "2024年底前完成"),
        (["法制科"], ["各科室"], ""),
    ]
    assert result.measures[0].schedule.to_json() == {"kind": "by_date", "date": "2024-06-30"}
    assert "inline_brackets" in result.layouts


def test_a_nested_bracket_is_read_whole():
    text = """1. 完善应急预案。
（责任单位：市直各有关单位、各县（市、区）人民政府）
2. 加强演练。（责任单位：市应急局）
"""
    result = _only(text)

    assert result.measures[0].responsible == ["市直各有关单位", "各县（市、区）人民政府"]


# --- stated conventions ---------------------------------------------------------------------


def test_first_is_lead_stated_once_applies_to_every_measure():
    text = """工作措施
1. 推进PPP项目建设。
责任单位：市发改委、市财政局（第一责任单位为牵头单位，下同）
2. 落实招投标政策。
责任单位：市建设局
"""
    result = _only(text)

    assert [(m.lead, m.responsible) for m in result.measures] == [
        (["市发改委"], ["市财政局"]),
        (["市建设局"], []),
    ]
    assert "first_is_lead" in result.layouts


def test_first_is_lead_stated_in_the_preamble():
    text = """说明：各项任务责任单位中列第一位的为牵头单位。
1. 降低企业用地成本。（责任单位：市税务局、市财政局）
2. 减轻社保负担。（责任单位：市人社局、市医保局）
"""
    result = _only(text)

    assert [m.lead for m in result.measures] == [["市税务局"], ["市人社局"]]
    assert "first_is_lead" in result.layouts


def test_each_leads_and_a_lead_named_in_the_sentence():
    text = """一、工作分工
（一）关于“严守耕地保护红线”的问题，由国土资源部会同农业部、水利部等部门负责落实。
（二）关于“稳定粮食生产”的问题，由农业部会同发展改革委研究提出落实意见。
三、其他
1. 深化改革。（办公室、法制科分别牵头，各科室配合）
"""
    result = _only(text)

    first, second, third = result.measures
    assert first.seq == "（一）"
    assert first.lead == ["国土资源部"] and first.cooperating == ["农业部", "水利部"]
    assert second.lead == ["农业部"] and second.cooperating == ["发展改革委"]
    assert third.lead == ["办公室", "法制科"] and third.cooperating == ["各科室"]
    assert {"lead_in_sentence", "each_leads"} <= set(result.layouts)


# --- two levels, traditional characters, cut-off text ---------------------------------------


def test_two_level_measures_take_the_first_level_as_their_category():
    text = """一、优化营商环境
（一）提升办税便利度，推动“非接触式”办税缴费服务全面覆盖，压缩办税时间。
具体措施：
1. 推广电子税务局。（牵头单位：征收管理科；责任单位：信息中心）
2. 推行容缺办理。（牵头单位：纳税服务科）
"""
    result = _only(text)

    assert [m.seq for m in result.measures] == ["1", "2"]
    assert all(m.category.startswith("提升办税便利度") for m in result.measures)
    assert result.measures[0].lead == ["征收管理科"]
    assert "two_level" in result.layouts


def test_sub_items_share_the_units_of_their_measure():
    text = """1.完善应急预案体系
(1)加强应急预案管理。
(2)推进预案精编化。
(责任单位:市应急局、市直各有关单位)
2.健全应急管理体制
(1)推进应急管理办事机构建设。
(责任单位:市应急局)
"""
    result = _only(text)

    assert len(result.measures) == 2
    assert result.measures[0].task.split("\n")[1] == "(1)加强应急预案管理。"
    assert result.measures[0].responsible == ["市应急局", "市直各有关单位"]


def test_traditional_characters_are_read_but_kept_as_written():
    text = """1.全面實施行政許可事項清單管理。(市政府辦公室牽頭,市級各有關部門按職責分工負責)
2.優化營商環境。(責任單位:市稅務局、市財政局,排在首位的爲牽頭單位,下同)
"""
    result = _only(text)

    first, second = result.measures
    assert first.task.startswith("全面實施行政許可")
    assert first.lead == ["市政府辦公室"] and first.responsible == ["市級各有關部門"]
    assert second.lead == ["市稅務局"] and second.responsible == ["市財政局"]
    assert "traditional" in result.layouts


def test_a_text_cut_inside_the_last_measure_keeps_what_is_there_and_marks_it_doubtful():
    text = """1. 提高市场开放程度。全面实施负面清单制度。(牵头单位:省发展改革委;责任单位:省编办、省住建厅)
2. 降低制度性交易成本。全面清理审批事项。(牵头单位:省政务办;责任单位:省编办、省"""
    result = _only(text)

    first, second = result.measures
    assert not any("中断" in d for d in first.doubts)
    assert second.lead == ["省政务办"] and second.responsible == ["省编办"]
    assert any("中断" in d for d in second.doubts)
    assert "cut_off" in result.layouts


def test_a_text_cut_before_the_unit_lines_of_its_last_measure():
    text = """1. 增长6%。
牵头单位：区发改局
2. 增长5%。
牵头单位：区财政局
3. 其他指标不低于全市平均水平。
"""
    result = _only(text)

    assert len(result.measures) == 3
    assert result.measures[2].unit_names() == []
    assert any("中断" in d for d in result.measures[2].doubts)


def test_a_labelled_value_keeps_units_and_drops_remarks():
    roles, convention = parse_labelled(
        "预期性指标，牵头单位：市发改委；责任单位：市政府有关部门，各县市区，以下均需各县市区落实，不再逐"
    )

    assert roles.lead == ["市发改委"]
    assert roles.responsible == ["市政府有关部门", "各县市区"]
    assert convention is False


def test_a_complete_text_is_not_marked_cut():
    text = """某区重点工作分工方案
1. 增长6%。
牵头单位：区发改局
责任单位：各街道
2. 增长5%。
牵头单位：区财政局
责任单位：区税务局
某区人民政府办公室
2023年3月28日
"""
    result = _only(text)

    assert [m.doubts for m in result.measures] == [["没有完成时限"], ["没有完成时限"]]
    assert "cut_off" not in result.layouts


def test_a_last_label_line_without_a_full_stop_is_not_a_cut():
    text = """1. 增长6%。
牵头单位：区发改局
2. 增长5%。
牵头单位：区财政局
完成时限：2023年底前"""
    result = _only(text)

    assert not any("中断" in d for m in result.measures for d in m.doubts)
