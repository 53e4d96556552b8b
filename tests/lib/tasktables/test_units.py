import pytest

from sanxiang.lib.tasktables import is_unit_like, parse_units

CASES = [
    (
        "政策法规司牵头，各相关司局、各省税务局分别落实。",
        "responsible",
        (["政策法规司"], ["各相关司局", "各省税务局"], []),
    ),
    ("办公厅、政策法规司牵头", "responsible", (["办公厅", "政策法规司"], [], [])),
    ("法制科、征收管理科分别牵头", "responsible", (["法制科", "征收管理科"], [], [])),
    ("法制科牵头，纳税服务科配合", "responsible", (["法制科"], [], ["纳税服务科"])),
    (
        "区税务局、区发改局牵头，工作专班成员共同推进",
        "responsible",
        (["区税务局", "区发改局"], ["工作专班成员"], []),
    ),
    ("区税务局、区统计局负责", "lead", ([], ["区税务局", "区统计局"], [])),
    ("征收管理科\n税收风险管理局", "lead", (["征收管理科", "税收风险管理局"], [], [])),
    ("政策法规处及其他相关处室", "responsible", ([], ["政策法规处", "其他相关处室"], [])),
    ("办公室 纳税服务处", "cooperating", ([], [], ["办公室", "纳税服务处"])),
    (
        "具备法律职业资格、行政复议资格人员所在部门",
        "cooperating",
        ([], [], ["具备法律职业资格、行政复议资格人员所在部门"]),
    ),
    ("征管和科技发展处、稽查局", "responsible", ([], ["征管和科技发展处", "稽查局"], [])),
    ("税收风险管\n理局", "lead", (["税收风险管理局"], [], [])),
    (
        "社会保险费司（非税收入司）、人事司牵头",
        "responsible",
        (["社会保险费司（非税收入司）", "人事司"], [], []),
    ),
    ("", "lead", ([], [], [])),
]


@pytest.mark.parametrize(("text", "role", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_it_splits_units_and_reads_role_words(text, role, expected):
    roles = parse_units(text, role)

    assert (roles.lead, roles.responsible, roles.cooperating) == expected


def test_it_recognises_units_and_groups():
    assert is_unit_like("其他相关部门")
    assert is_unit_like("各级税务机关")
    assert is_unit_like("工作专班成员")
    assert not is_unit_like("具备法律职业资格")
    assert not is_unit_like("一般纳税人")


def test_it_lists_names_that_do_not_look_like_units_as_doubts():
    roles = parse_units("张三同志")

    assert roles.responsible == ["张三同志"]
    assert roles.doubts == ["张三同志"]
