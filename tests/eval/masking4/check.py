"""Validate corpus.jsonl: offsets, checksums, counts, and that generate.py still gives the same bytes.

    python tests/eval/masking4/check.py      # prints counts; exit 1 when a record is wrong

This is a check of the corpus itself, never of the masker.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import generate
import values as V

HERE = Path(__file__).resolve().parent
CLASSES = {V.PERSONAL, V.PUBLIC, V.MASKED}
DIGIT_TYPES = {"resident_id", "taxpayer_person", "bank_card", "mobile", "landline", "passport", "permit"}


def compact(text: str) -> str:
    """NFKC, without the spaces, line breaks, page footers and separators a layout put inside a value."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\n\s*- \d+ -\s*\n\f?", "", text)
    return re.sub(r"[\s\-—－()（）]", "", text)


def check_value(span: dict[str, object]) -> str | None:
    """The reason a labelled value is malformed, or None."""
    t = str(span["type"])
    v = compact(str(span["text"]))
    tags = set(span["tags"])  # type: ignore[arg-type]
    if t == "resident_id":
        return None if V.id_valid(v) else f"bad resident id {v}"
    if t == "taxpayer_person":
        if len(v) == 20 and V.id_valid(v[:18]) and v[18:].isdigit():
            return None
        return None if V.id_valid(v) else f"bad taxpayer number {v}"
    if t == "uscc":
        return None if V.uscc_valid(v) else f"bad uscc {v}"
    if t == "bank_card":
        return None if 16 <= len(v) <= 19 and V.luhn_valid(v) else f"bad bank card {v}"
    if t == "mobile":
        v = re.sub(r"^(\+86|0086)", "", v)
        return None if re.fullmatch(r"1[3-9]\d{9}", v) else f"bad mobile {v}"
    if t == "landline":
        return None if re.fullmatch(r"0\d{2,3}\d{7,8}((转|分机)?\d{3,4})?", v) else f"bad landline {v}"
    if t == "email":
        return None if re.fullmatch(r"[\w.]+ ?@ ?[\w.]+\.\w+", v) else f"bad email {v}"
    if t == "passport":
        return None if re.fullmatch(r"[EGPK][A-Z]?\d{7,8}", v) and len(v) == 9 else f"bad passport {v}"
    if t == "permit":
        if tags & {"residence_hk", "residence_mo", "residence_tw"}:
            return None if V.id_valid(v) and v[:2] in ("81", "82", "83") else f"bad residence permit {v}"
        return None if re.fullmatch(r"[HM]\d{8}|\d{8}|C[0-9A-N]\d{7}|[A-Z]\d{6}\d", v) else f"bad permit {v}"
    if t == "taxpayer_org":
        return None if len(v) == 15 else f"bad enterprise taxpayer number {v}"
    if t == "invoice_code":
        return None if re.fullmatch(r"\d{10}|\d{12}", v) else f"bad invoice code {v}"
    if t == "invoice_number":
        return None if re.fullmatch(r"\d{8}|\d{20}", v) else f"bad invoice number {v}"
    return None


def main() -> int:
    path = HERE / "corpus.jsonl"
    raw = path.read_text(encoding="utf-8")
    errors: list[str] = []
    warnings: list[str] = []
    if generate.dump(generate.build()) != raw:
        errors.append("corpus.jsonl differs from what generate.py writes now: rerun generate.py")
    records = [json.loads(line) for line in raw.splitlines()]
    ids = Counter(r["id"] for r in records)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    by_type: Counter[tuple[str, str]] = Counter()
    by_tag: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    layouts: Counter[str] = Counter()
    chars = 0
    for rec in records:
        text = rec["text"]
        chars += len(text)
        kinds[rec["kind"]] += 1
        layouts[rec["layout"]] += 1
        prev_end = 0
        for s in rec["spans"]:
            where = f"{rec['id']}[{s['start']}:{s['end']}]"
            if not 0 <= s["start"] < s["end"] <= len(text):
                errors.append(f"{where}: offsets out of the text")
                continue
            if text[s["start"] : s["end"]] != s["text"]:
                errors.append(f"{where}: text {s['text']!r} is not at its offsets")
            if s["start"] < prev_end:
                errors.append(f"{where}: overlaps the previous span")
            if s["text"] != s["text"].strip():
                errors.append(f"{where}: starts or ends with white space")
            prev_end = s["end"]
            if s["class"] not in CLASSES:
                errors.append(f"{where}: class {s['class']}")
            problem = check_value(s)
            if problem:
                errors.append(f"{where}: {problem}")
            by_type[(s["class"], s["type"])] += 1
            for tag in s["tags"]:
                by_tag[f"{s['class']}:{tag}"] += 1
        # A personal name written somewhere in the text without a label is a labelling bug, unless it
        # sits inside another labelled value (a shop or company named after the person).
        covered = [False] * len(text)
        for s in rec["spans"]:
            for i in range(s["start"], s["end"]):
                covered[i] = True
        for s in rec["spans"]:
            if s["type"] != "name" or s["class"] != V.PERSONAL or len(s["text"]) < 2:
                continue
            for m in re.finditer(re.escape(s["text"]), text):
                if not any(covered[m.start() : m.end()]):
                    warnings.append(f"{rec['id']}: name {s['text']!r} also unlabelled at {m.start()}")
    print(f"documents: {len(records)}, characters: {chars}")
    print("kinds:", dict(sorted(kinds.items())))
    print("layouts:", dict(sorted(layouts.items())))
    for cls in (V.PERSONAL, V.PUBLIC, V.MASKED):
        total = sum(n for (c, _), n in by_type.items() if c == cls)
        print(f"{cls}: {total}")
        for (c, t), n in sorted(by_type.items()):
            if c == cls:
                print(f"  {t:<20} {n}")
    print("tags:")
    for tag, n in sorted(by_tag.items()):
        print(f"  {tag:<40} {n}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
