"""``sanxiang mask`` in both modes."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _run(stdin_text, *args):
    out = io.StringIO()
    command_stdin = io.StringIO(stdin_text)
    from sanxiang.publicity.management.commands.mask import Command

    command = Command(stdout=out)
    command.stdin = command_stdin
    error = None
    try:
        call_command(command, *args)
    except CommandError as exc:
        error = exc
    return out.getvalue(), error


def test_it_masks_stdin_with_the_strictest_policy():
    out, error = _run("当事人张三，身份证号110101199003071233，电话13812345678，咨询12366。")
    assert error is None
    assert "110101199003071233" not in out and "13812345678" not in out and "12366" in out


def test_it_writes_one_line_per_jsonl_line_and_fails_at_the_end_on_bad_lines():
    lines = [
        json.dumps({"id": 1, "text": "电话13812345678"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": 3, "text": 5}),
        json.dumps({"id": 4, "text": "纳税人识别号91610303MA6X0A0A0G"}, ensure_ascii=False),
    ]
    out, error = _run("\n".join(lines) + "\n", "--jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [1, None, 3, 4]
    assert "13812345678" not in records[0]["text"]
    assert records[1]["error"]["line"] == 2 and records[2]["error"]["line"] == 3
    assert records[3]["text"].endswith("91610303MA6X0A0A0G")
    assert isinstance(error, CommandError) and error.returncode == 1


@pytest.mark.parametrize("text", ["", "没有个人信息的文字。"])
def test_it_leaves_text_without_personal_data_alone(text):
    out, error = _run(text)
    assert out == text and error is None


def test_it_takes_the_model_from_the_environment_unless_given(monkeypatch):
    from sanxiang.publicity.management.commands import mask

    seen = []
    real = mask.mask_text
    monkeypatch.setattr(mask, "mask_text", lambda text, **kw: seen.append(kw["model"]) or real(text, **kw))
    monkeypatch.setenv("SANXIANG_MASK_MODEL", "off")
    _run("电话13812345678")
    _run("电话13812345678", "--model", "all")
    assert seen == ["off", "all"]


def test_it_refuses_an_unknown_model_in_the_environment(monkeypatch):
    monkeypatch.setenv("SANXIANG_MASK_MODEL", "bert")
    out, error = _run("电话13812345678")
    assert out == "" and isinstance(error, CommandError) and "SANXIANG_MASK_MODEL='bert'" in str(error)
