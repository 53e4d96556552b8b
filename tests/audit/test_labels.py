import ast
import re
from pathlib import Path

import pytest

from sanxiang.audit.labels import NOUN_FIRST, VERBS, action_label, action_noun, register_action_label


def test_it_reads_an_action_from_the_target_models_name_and_the_verb():
    assert action_label("enforcement.decision.created", "enforcement.decision") == "新增执法决定"


def test_it_falls_back_to_the_verb_when_the_target_is_unknown():
    assert action_label("x.thing.published", "") == "发布"
    assert action_label("x.thing.frobbed", "no.such") == "操作"


def test_it_reads_the_noun_from_the_code_without_a_target():
    assert action_label("notifications.notification.created") == "新增消息"
    assert action_label("review.case.extended") == "延期法制审核案件"
    assert action_label("core.user.password_set") == "工作人员设置密码"


def test_it_prefers_a_registered_label():
    register_action_label("holidays.year.saved", "录入年度放假安排")
    assert action_label("holidays.year.saved", "holidays.calendaryear") == "录入年度放假安排"
    assert action_label("scope.refused") == "越权访问被拒绝"


SRC = Path(__file__).resolve().parents[2] / "src" / "sanxiang"
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+){1,3}$")


def written_action_codes(root: Path = SRC) -> tuple[set[str], set[str]]:
    """Audit action codes the source writes: literal ``action="…"`` (or ``audit_action="…"``) keywords and ``{"action": "…"}``
    entries (static codes), and the fixed prefixes of f-string codes ("records.record.")."""
    static, prefixes = set(), set()
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values = []
            if isinstance(node, ast.keyword) and node.arg in ("action", "audit_action"):
                values.append(node.value)
            if isinstance(node, ast.Dict):
                values += [
                    v
                    for k, v in zip(node.keys, node.values, strict=True)
                    if isinstance(k, ast.Constant) and k.value == "action"
                ]
            for value in values:
                if (
                    isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and CODE.match(value.value)
                ):
                    static.add(value.value)
                elif isinstance(value, ast.JoinedStr) and isinstance(value.values[0], ast.Constant):
                    prefixes.add(value.values[0].value)
    return static, prefixes


def test_the_scan_finds_the_codes_the_services_write():
    static, prefixes = written_action_codes()
    assert {"notifications.notification.created", "publicity.entry.submitted", "scope.refused"} <= static
    assert "records.record." in prefixes
    assert len(static) > 100


@pytest.mark.parametrize("code", sorted(written_action_codes()[0]))
def test_every_written_action_code_reads_as_chinese(code):
    label = action_label(code)
    assert not re.search(r"[A-Za-z]", label), label
    assert code.count(".") < 2 or action_noun(code) or label != str(VERBS.get(code.rsplit(".", 1)[1])), label


@pytest.mark.parametrize("prefix", sorted(written_action_codes()[1]))
def test_every_computed_action_code_names_its_thing(prefix):
    assert action_noun(f"{prefix}created"), prefix


def test_every_noun_first_verb_has_a_label():
    assert NOUN_FIRST <= set(VERBS)
