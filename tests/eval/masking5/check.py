"""Validate corpus.jsonl: offsets, checksums, overlaps; print counts.

    /work/main/.venv/bin/python tests/eval/masking5/check.py
Exits 1 when a span is inconsistent (this checks the corpus, not the masker).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import id_check, luhn_ok, org_check, uscc_check  # noqa: E402

USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def norm(s: str) -> str:
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", s))


def check_value(sp: dict) -> str | None:
    """Return an error message or None."""
    typ = sp["type"]
    v = norm(sp["text"])
    if "norm" in sp and sp["type"] not in ("landline", "authority_phone", "mobile") and v != sp["norm"]:
        return f"normalised text {v!r} differs from the drawn value {sp['norm']!r}"
    if typ in ("id18", "residence_permit"):
        if not (len(v) == 18 and v[:17].isdigit() and id_check(v[:17]) == v[17]):
            return "bad 18-digit checksum"
    elif typ == "tin_person":
        if not (len(v) == 20 and v[:17].isdigit() and id_check(v[:17]) == v[17] and v[18:].isdigit()):
            return "individual TIN is not ID + 2 digits"
    elif typ == "id15":
        if not (len(v) == 15 and v.isdigit()):
            return "15-digit ID malformed"
    elif typ == "uscc":
        if not (USCC_RE.match(v) and uscc_check(v[:17]) == v[17] and org_check(v[8:16]) == v[16]):
            return "bad USCC checksum"
    elif typ == "enterprise_tin":
        if not (len(v) == 15 and org_check(v[6:14]) == v[14]):
            return "bad enterprise TIN (organisation code) checksum"
    elif typ == "bank_card":
        if not (16 <= len(v) <= 19 and v.isdigit() and luhn_ok(v)):
            return "bad bank card (Luhn/length)"
    elif typ == "mobile":
        d = re.sub(r"\D", "", v)
        d = d[4:] if d.startswith("0086") else d[2:] if d.startswith("86") and len(d) == 13 else d
        if not (len(d) == 11 and d.startswith("1")):
            return "bad mobile"
    elif typ == "email":
        if "@" not in v:
            return "e-mail without @"
    elif typ == "name" and not sp["text"].strip():
        return "empty name"
    return None


def main() -> int:
    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    errors = 0
    by_class: Counter = Counter()
    by_type: Counter = Counter()
    by_tag: Counter = Counter()
    kinds: Counter = Counter()
    flats: Counter = Counter()
    ids = set()
    for d in docs:
        if d["id"] in ids:
            print(f"{d['id']}: duplicate id")
            errors += 1
        ids.add(d["id"])
        kinds[d["kind"]] += 1
        flats[d["flattening"] + ("+pdf_wrap" if d["pdf_wrap"] else "")] += 1
        last_end = 0
        for sp in sorted(d["spans"], key=lambda s: s["start"]):
            if d["text"][sp["start"] : sp["end"]] != sp["text"]:
                print(f"{d['id']} {sp['start']}-{sp['end']}: offsets do not match the text")
                errors += 1
            if sp["start"] < last_end:
                print(f"{d['id']} {sp['start']}: overlapping spans")
                errors += 1
            last_end = sp["end"]
            msg = check_value(sp)
            if msg:
                print(f"{d['id']} {sp['type']} {sp['text']!r}: {msg}")
                errors += 1
            by_class[sp["class"]] += 1
            by_type[(sp["class"], sp["type"])] += 1
            if sp["class"] == "personal":
                for t in sp["tags"]:
                    by_tag[t] += 1
    print(f"{len(docs)} documents, {sum(len(d['text']) for d in docs):,} characters, errors: {errors}")
    print("values by class:", dict(by_class))
    for (cls, typ), n in sorted(by_type.items()):
        print(f"  {cls:15s} {typ:20s} {n:6d}")
    print("personal values by tag:")
    for t, n in sorted(by_tag.items()):
        print(f"  {t:28s} {n:6d}")
    print("documents by kind:", dict(sorted(kinds.items())))
    print("documents by flattening:", dict(sorted(flats.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
