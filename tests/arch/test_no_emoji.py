"""No emoji in anything a user reads: templates, Python strings, static text and shipped data.

The product runs on offline machines without an emoji font, where ✅, 🟡 or ❓ render as empty boxes.
Docstrings and comments may use the RULES.md marks; string literals, templates, JSON data and the
strings that migrations store may not.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "sanxiang"
TEXT_SUFFIXES = {
    ".html",
    ".txt",
    ".json",
    ".yaml",
    ".yml",
    ".csv",
    ".js",
    ".css",
    ".svg",
    ".xml",
    ".po",
    ".md",
}
# Emoji live in these blocks: Misc Symbols, Dingbats, Misc Technical, Misc Symbols and Arrows and the
# supplementary pictographic planes. Only category So counts, so CJK punctuation such as ○ (a zero in
# dates, Geometric Shapes) and arrows stay allowed.
EMOJI_BLOCKS = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
VARIATION_SELECTOR_EMOJI = 0xFE0F
# Modules whose job is to recognise the marks in text and remove them; they show none.
RECOGNISERS = {Path("lib/marks.py")}


def is_emoji(char: str) -> bool:
    code = ord(char)
    if code == VARIATION_SELECTOR_EMOJI:
        return True
    return unicodedata.category(char) == "So" and any(low <= code <= high for low, high in EMOJI_BLOCKS)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _python_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def emoji_in(root: Path = SRC) -> list[str]:
    """``path:line: text`` for every user-visible string holding an emoji under ``root``."""
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "vendor" in path.parts or path.relative_to(root) in RECOGNISERS:
            continue
        if path.suffix == ".py":
            lines = _python_strings(path)
        elif path.suffix in TEXT_SUFFIXES and not (path.suffix == ".md" and path.name == "README.md"):
            lines = list(enumerate(path.read_text(encoding="utf-8").splitlines(), 1))
        else:
            continue
        for number, text in lines:
            if any(is_emoji(char) for char in text):
                found.append(f"{path.relative_to(root)}:{number}: {text.strip()[:80]}")
    return sorted(found)


def test_no_emoji_in_templates_strings_or_data():
    assert emoji_in() == []


def test_the_check_finds_emoji_in_strings_templates_and_data(tmp_path):
    (tmp_path / "choices.py").write_text(
        '"""Marks ✅ in a docstring are fine."""\n# so are ❓ in comments\nX = _("❓ 未核实")\n',
        encoding="utf-8",
    )
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0002_data.py").write_text('ROWS = [("a", "说明🟡")]\n', encoding="utf-8")
    (tmp_path / "page.html").write_text('<a title="修改">✎</a>\n', encoding="utf-8")
    (tmp_path / "data.json").write_text('{"note": "法定✅"}\n', encoding="utf-8")
    (tmp_path / "dates.py").write_text('DIGITS = "〇○一二三" + "→"\n', encoding="utf-8")
    assert emoji_in(tmp_path) == [
        "choices.py:3: ❓ 未核实",
        'data.json:1: {"note": "法定✅"}',
        "migrations/0002_data.py:1: 说明🟡",
        'page.html:1: <a title="修改">✎</a>',
    ]
