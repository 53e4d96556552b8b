"""No user-facing Chinese written into our own JavaScript: the text a script shows comes from the
page (data attributes or json_script written by templates through Django's translation), so every UI
string goes through i18n. Vendored libraries (static/**/vendor/) and comments are not checked."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "sanxiang"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# String literals of the three JavaScript quote kinds, after comments are removed.
LITERAL = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`")
COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S)


def _own_scripts() -> list[Path]:
    return [p for p in SRC.rglob("*.js") if "vendor" not in p.parts]


def test_there_are_scripts_to_check():
    assert len(_own_scripts()) >= 4


def test_no_script_writes_chinese_text_of_its_own():
    offenders = []
    for path in _own_scripts():
        code = COMMENT.sub("", path.read_text(encoding="utf-8"))
        offenders += [
            f"{path.relative_to(SRC)}: {literal}" for literal in LITERAL.findall(code) if CJK.search(literal)
        ]
    assert not offenders, "\n".join(offenders)
