"""Validate corpus.jsonl: offsets, no overlaps, checksums of IDs/USCCs/bank cards, counts. Exits 1 on an error.

Run: python tests/eval/masking6/check.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def norm_digits(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if c.isalnum()).upper()


def id18_ok(v: str) -> bool:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return (
        len(v) == 18
        and v[:17].isdigit()
        and "10X98765432"[sum(int(a) * b for a, b in zip(v, w, strict=False)) % 11] == v[17]
    )


def uscc_ok(v: str) -> bool:
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    if len(v) != 18 or any(c not in USCC_CHARS for c in v):
        return False
    c = 31 - sum(USCC_CHARS.index(a) * b for a, b in zip(v, w, strict=False)) % 31
    return USCC_CHARS[0 if c == 31 else c] == v[17]


def luhn_ok(v: str) -> bool:
    s = 0
    for i, d in enumerate(reversed(v)):
        x = int(d)
        if i % 2 == 1:
            x *= 2
            x -= 9 if x > 9 else 0
        s += x
    return s % 10 == 0


def main() -> int:
    errors = []
    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    cls_count, type_count = Counter(), Counter()
    ids = set()
    for d in docs:
        if d["id"] in ids:
            errors.append(f"{d['id']}: duplicate id")
        ids.add(d["id"])
        text = d["text"]
        last_end = -1
        for s in sorted(d["spans"], key=lambda s: s["start"]):
            where = f"{d['id']} {s['type']} {s['start']}-{s['end']}"
            if text[s["start"] : s["end"]] != s["text"]:
                errors.append(f"{where}: offsets do not match text")
            if s["start"] < last_end:
                errors.append(f"{where}: overlaps the previous span")
            last_end = s["end"]
            cls_count[s["cls"]] += 1
            type_count[(s["cls"], s["type"])] += 1
            if s["cls"] == "already_masked":
                continue
            v = norm_digits(s["value"])
            if s["type"] == "id" and len(v) == 18 and not id18_ok(v):
                errors.append(f"{where}: bad ID checksum {v}")
            if s["type"] == "id" and len(v) not in (15, 18):
                errors.append(f"{where}: ID length {len(v)}")
            if s["type"] == "tin_person" and not (len(v) == 20 and id18_ok(v[:18])):
                errors.append(f"{where}: individual taxpayer number is not ID + 2 digits")
            if s["type"] == "permit" and "permit_residence" in s["tags"] and not id18_ok(v):
                errors.append(f"{where}: residence permit checksum")
            if s["type"] == "uscc" and not uscc_ok(v):
                errors.append(f"{where}: bad USCC checksum {v}")
            if s["type"] == "bank_card" and not (16 <= len(v) <= 19 and luhn_ok(v)):
                errors.append(f"{where}: bad bank card {v}")
            if s["type"] == "mobile" and not (len(v) == 11 and v.startswith("1")):
                errors.append(f"{where}: mobile {v}")
            if s["cls"] == "personal" and s["allow_prefix"] >= len(s["value"]):
                errors.append(f"{where}: allowed prefix covers the whole value")
            # a personal value must not occur inside a public span's text (a shop named after its owner is fine:
            # the owner's name is a separate span)
    print(f"{len(docs)} documents; " + ", ".join(f"{k} {v}" for k, v in sorted(cls_count.items())))
    for (c, t), n in sorted(type_count.items()):
        print(f"  {c:15s} {t:20s} {n}")
    kinds = Counter(d["kind"] for d in docs)
    flats = Counter(d["flattening"] for d in docs)
    print("kinds:", dict(sorted(kinds.items())))
    print("flattenings:", dict(sorted(flats.items())))
    print("extras:", dict(Counter(e for d in docs for e in d["extras"])))
    for e in errors[:50]:
        print("ERROR", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
