"""No ``/staff/...`` URL literal in Python outside the URLconfs: links come from ``reverse()``."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "sanxiang"
LITERAL = re.compile(r"""["'`]/staff/""")


def staff_literals(root: Path = SRC) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name.startswith("urls") or "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if LITERAL.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_no_staff_url_literal_outside_urlconfs():
    assert staff_literals() == []


def test_the_check_finds_a_literal(tmp_path):
    (tmp_path / "services.py").write_text('url = f"/staff/review/cases/{pk}/"\n', encoding="utf-8")
    (tmp_path / "urls.py").write_text('path("staff/", include("x"))\n', encoding="utf-8")
    assert staff_literals(tmp_path) == ['services.py:1: url = f"/staff/review/cases/{pk}/"']


def test_a_misspelt_sanxiang_variable_is_reported(monkeypatch):
    from sanxiang.kernel.checks import check_unknown_environment

    monkeypatch.setenv("SANXIANG_SUPERVISON_REMIND_DAYS", "2")  # sic
    monkeypatch.setenv("SANXIANG_SUPERVISION_REMIND_DAYS", "2")
    found = [w.msg for w in check_unknown_environment()]
    assert any("SANXIANG_SUPERVISON_REMIND_DAYS" in m for m in found)
    assert not any("SANXIANG_SUPERVISION_REMIND_DAYS " in m for m in found)
