from sanxiang.audit.labels import action_label, register_action_label


def test_it_reads_an_action_from_the_target_models_name_and_the_verb():
    assert action_label("enforcement.decision.created", "enforcement.decision") == "新增执法决定"


def test_it_falls_back_to_the_verb_when_the_target_is_unknown():
    assert action_label("x.thing.published", "") == "发布"
    assert action_label("x.thing.frobbed", "no.such") == "frobbed"


def test_it_prefers_a_registered_label():
    register_action_label("holidays.year.saved", "录入年度放假安排")
    assert action_label("holidays.year.saved", "holidays.calendaryear") == "录入年度放假安排"
    assert action_label("scope.refused") == "越权访问被拒绝"
