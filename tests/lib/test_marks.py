import pytest

from sanxiang.lib.marks import without_marks


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("上限1万元为法定✅，阶次为示例❓", "上限1万元为法定，阶次为示例"),
        ("阶次与金额为构造的示例（❓），法定上限见条文（✅）。", "阶次与金额为构造的示例，法定上限见条文。"),
        ("第二批第3、4项原文清单被截断，🟡", "第二批第3、4项原文清单被截断"),
        ("RULES.md §5.3 ✅施行日期", "RULES.md §5.3施行日期"),
        ("没有标记的文字，", "没有标记的文字，"),
    ],
)
def test_it_removes_certainty_marks_and_their_brackets(text, plain):
    assert without_marks(text) == plain
