"""Validate `corpus.jsonl`: offsets, overlaps, checksums and the minimum counts of the brief.

/work/main/.venv/bin/python tests/eval/masking2/check.py      # exit 1 and a list on any fault
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from values import id_valid, luhn_valid, org_code_check, to_halfwidth, uscc_valid  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus.jsonl"
MIN_DOCS, MIN_PERSONAL, MIN_PUBLIC = 400, 2000, 4000


def compact(s: str) -> str:
    """The value with writing variants removed: half-width, no spaces, line breaks or hyphens."""
    return re.sub(r"[\s\-]", "", to_halfwidth(s))


def check_value(kind: str, typ: str, value: str) -> str | None:
    v = compact(value)
    if typ in ("id_number", "taxpayer_id_personal"):
        return None if id_valid(v.upper()) else f"bad GB 11643 ID {value!r}"
    if typ == "bank_card":
        return None if v.isdigit() and 16 <= len(v) <= 19 and luhn_valid(v) else f"bad Luhn card {value!r}"
    if typ == "uscc":
        return None if uscc_valid(v) else f"bad GB 32100 USCC {value!r}"
    if typ == "enterprise_tin":
        if len(v) == 18:
            return None if uscc_valid(v) else f"bad USCC-form TIN {value!r}"
        return None if len(v) == 15 and v[14] == org_code_check(v[6:14]) else f"bad 15-char TIN {value!r}"
    if typ == "mobile":
        v = v.removeprefix("+86").removeprefix("0086")
        return None if re.fullmatch(r"1[3-9]\d{9}", v) else f"bad mobile {value!r}"
    if typ == "email":
        return None if re.fullmatch(r"[\w.]+@[\w.]+\.\w+", v) else f"bad e-mail {value!r}"
    if value != value.strip():
        return f"{kind} {typ} has surrounding whitespace {value!r}"
    return None


def stats(docs: list[dict]) -> None:
    """Counts by template, document tag, value type and value tag (the README tables)."""
    tables: dict[str, Counter] = {
        k: Counter()
        for k in ("template", "doc tag", "personal type", "public type", "personal tag", "public tag")
    }
    for doc in docs:
        tables["template"][doc["id"].rsplit("-", 1)[0]] += 1
        tables["doc tag"].update(doc["tags"])
        for kind in ("personal", "public"):
            for s in doc[kind]:
                tables[f"{kind} type"][s["type"]] += 1
                tables[f"{kind} tag"].update(s["tags"])
    for title, counter in tables.items():
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))


def main() -> int:
    faults: list[str] = []
    counts: Counter = Counter()
    docs: list[dict] = []
    ids: set[str] = set()
    for line_no, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        doc = json.loads(line)
        docs.append(doc)
        where = f"line {line_no} ({doc.get('id')})"
        if doc["id"] in ids:
            faults.append(f"{where}: duplicate id")
        ids.add(doc["id"])
        text = doc["text"]
        spans = []
        for kind in ("personal", "public", "already_masked"):
            for s in doc[kind]:
                if not (0 <= s["start"] < s["end"] <= len(text)):
                    faults.append(f"{where}: {kind} offsets {s['start']}..{s['end']} outside text")
                    continue
                value = text[s["start"] : s["end"]]
                spans.append((s["start"], s["end"], kind))
                if kind != "already_masked":
                    fault = check_value(kind, s["type"], value)
                    if fault:
                        faults.append(f"{where}: {fault}")
                    counts[kind] += 1
                else:
                    counts[kind] += 1
        spans.sort()
        for a, b in zip(spans, spans[1:], strict=False):
            if b[0] < a[1]:
                faults.append(f"{where}: {a[2]} {a[0]}..{a[1]} overlaps {b[2]} {b[0]}..{b[1]}")
        counts["docs"] += 1
    if counts["docs"] < MIN_DOCS or counts["personal"] < MIN_PERSONAL or counts["public"] < MIN_PUBLIC:
        faults.append(f"too small: {dict(counts)}")
    if "--stats" in sys.argv:
        stats(docs)
    for f in faults[:50]:
        print(f)
    print(
        f"{counts['docs']} documents, {counts['personal']} personal, {counts['public']} public, "
        f"{counts['already_masked']} already masked; {len(faults)} faults"
    )
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
