"""Check the corpus: spans inside the text, checksums of generated numbers (GB 11643 ID numbers,
GB 32100 credit codes, Luhn cards), no overlapping spans.

    .venv/bin/python tests/eval/masking/check_corpus.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus_lib import (  # noqa: E402
    id_check_char,
    luhn_complete,
    luhn_ok,
    uscc_check_char,
    valid_id,
    valid_uscc,
)

FW = str.maketrans("0123456789", "０１２３４５６７８９")


def compact(s: str) -> str:
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", s))


def _fix_id17(body: str, want_x: bool) -> str:
    seq = int(body[14:17])
    while (id_check_char(body) == "X") != want_x:
        seq = (seq + 1) % 1000
        body = body[:14] + f"{seq:03d}"
    return body + id_check_char(body)


def fixed_value(typ: str, v: str) -> str:
    """The value with a correct check character (keeping an X ending when it had one)."""
    if typ == "id_number" and len(v) == 18:
        return v if valid_id(v.upper()) else _fix_id17(v[:17], v[17] in "Xx")
    if typ == "tin_individual" and len(v) == 20:
        return v if valid_id(v[:18].upper()) else _fix_id17(v[:17], v[17] in "Xx") + v[18:]
    if typ == "uscc" and len(v) == 18:
        return v[:17] + uscc_check_char(v[:17])
    if typ == "bank_card":
        return v if luhn_ok(v) else luhn_complete(v[:-1])
    return v


def fix_hand_cases() -> int:
    """Give hand-typed numbers in hand_cases.txt valid check characters, keeping their layout."""
    path = HERE / "hand_cases.txt"
    text = path.read_text(encoding="utf-8")
    changed = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal changed
        kind, typ, written, opts = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        full = "０" in written or "１" in written or "２" in written or "３" in written
        v = compact(written)
        new = fixed_value(typ, v)
        if new == v:
            return m.group(0)
        chars = iter(new.translate(FW) if full else new)
        out = "".join(c if c.isspace() or c in "-－" else next(chars) for c in written)
        changed += 1
        return f"[[{kind}:{typ}:{out}{opts}]]"

    text = re.sub(
        r"\[\[(p|k):(id_number|tin_individual|uscc|bank_card):([^|\]]+)(\|[^\]]*)?\]\]",
        repl,
        text,
        flags=re.S,
    )
    path.write_text(text, encoding="utf-8")
    return changed


def main() -> int:
    if "--fix-hand-cases" in sys.argv:
        print(f"fixed {fix_hand_cases()} hand-typed numbers; regenerate the corpus")
        return 0
    problems = 0
    docs = [json.loads(x) for x in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    for d in docs:
        text = d["text"]
        spans = sorted(d["personal"] + d["public"] + d["already_masked"], key=lambda s: s["start"])
        for a, b in zip(spans, spans[1:], strict=False):
            if b["start"] < a["end"]:
                print(d["id"], "overlap", a, b)
                problems += 1
        for s in d["personal"] + d["public"]:
            v = compact(text[s["start"] : s["end"]])
            t = s["type"]
            bad = (
                (t == "id_number" and len(v) == 18 and not valid_id(v.upper()))
                or (t == "tin_individual" and len(v) == 20 and not valid_id(v[:18].upper()))
                or (t == "uscc" and not valid_uscc(v))
                or (t == "bank_card" and not luhn_ok(v))
            )
            if bad:
                print(d["id"], t, v, "checksum wrong")
                problems += 1
    print(f"{len(docs)} documents checked, {problems} problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
