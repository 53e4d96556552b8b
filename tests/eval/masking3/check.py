"""Validate corpus.jsonl: offsets, overlaps, checksums; print counts.

Run: python tests/eval/masking3/check.py   (exit code 1 if any problem is found)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import values as v  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus.jsonl"
PERSONAL_TYPES = [
    "name",
    "id_number",
    "taxpayer_id_personal",
    "passport",
    "hk_macao_tw_permit",
    "bank_card",
    "mobile",
    "landline",
    "email",
    "home_address",
]
PUBLIC_TYPES = [
    "org_name",
    "shop_name",
    "uscc",
    "taxpayer_id_org",
    "doc_number",
    "amount",
    "date",
    "authority",
    "authority_phone",
    "business_address",
    "url",
    "invoice",
    "law_article",
    "name_public_legal_rep",
]


def compact(s: str) -> str:
    """NFKC, then drop spaces, line breaks and hyphens (the writings a number may carry)."""
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", s))


def check_value(typ: str, text: str, tags: list[str]) -> str | None:
    c = compact(text)
    if typ == "id_number":
        if len(c) == 15:
            return None if c.isdigit() else "15-digit ID not all digits"
        return None if v.id_valid(c) else "bad ID checksum"
    if typ == "taxpayer_id_personal":
        if len(c) == 20 and "id_suffix" in tags:
            c = c[:18]
        return None if v.id_valid(c) else "bad personal taxpayer number"
    if typ == "hk_macao_tw_permit" and "residence_permit" in tags:
        return None if v.id_valid(c) else "bad residence permit checksum"
    if typ == "bank_card":
        return None if c.isdigit() and 16 <= len(c) <= 19 and v.luhn_valid(c) else "bad bank card"
    if typ == "mobile":
        c = re.sub(r"^(\(\+86\)|\+86|0086)", "", c)
        return None if re.fullmatch(r"1[3-9]\d{9}", c) else "bad mobile"
    if typ == "uscc":
        return None if v.uscc_valid(c) else "bad USCC checksum"
    if typ == "taxpayer_id_org":
        return None if len(c) == 15 and v.org_code_check(c[6:14]) == c[14] else "bad org taxpayer number"
    if typ == "email":
        return None if re.fullmatch(r"[\w.]+@[\w.]+", c) else "bad e-mail"
    return None


def main() -> int:
    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    problems: list[str] = []
    n_personal: Counter[str] = Counter()
    n_public: Counter[str] = Counter()
    n_tag: Counter[str] = Counter()
    n_kind: Counter[str] = Counter()
    n_flat: Counter[str] = Counter()
    n_masked = 0
    ids = set()
    for d in docs:
        if d["id"] in ids:
            problems.append(f"{d['id']}: duplicate id")
        ids.add(d["id"])
        text = d["text"]
        n_kind[d["kind"]] += 1
        n_flat[next(t for t in d["tags"] if t.startswith("flat:"))] += 1
        spans = []
        for group, allowed in (
            ("personal", PERSONAL_TYPES),
            ("public", PUBLIC_TYPES),
            ("already_masked", None),
        ):
            for s in d[group]:
                st, en = s["start"], s["end"]
                piece = text[st:en]
                if not (0 <= st < en <= len(text)):
                    problems.append(f"{d['id']}: bad offsets {s}")
                    continue
                if piece != piece.strip():
                    problems.append(f"{d['id']}: span with outer whitespace {piece!r}")
                if allowed is not None and s["type"] not in allowed:
                    problems.append(f"{d['id']}: unknown {group} type {s['type']}")
                if allowed is not None:
                    err = check_value(s["type"], piece, s.get("tags", []))
                    if err:
                        problems.append(f"{d['id']}: {err}: {piece!r}")
                if group == "personal":
                    n_personal[s["type"]] += 1
                    for t in s["tags"]:
                        n_tag[t] += 1
                elif group == "public":
                    n_public[s["type"]] += 1
                else:
                    n_masked += 1
                    if not re.search(r"[*×X某]", piece):
                        problems.append(f"{d['id']}: already-masked value without a mask {piece!r}")
                spans.append((st, en, group))
        spans.sort()
        for a, b in zip(spans, spans[1:], strict=False):
            if b[0] < a[1]:
                problems.append(f"{d['id']}: overlapping spans {a} {b}")
    print(f"documents: {len(docs)}")
    print(f"personal values: {sum(n_personal.values())}")
    for t in PERSONAL_TYPES:
        print(f"  {t:24s}{n_personal[t]:6d}")
    print(f"public values: {sum(n_public.values())}")
    for t in PUBLIC_TYPES:
        print(f"  {t:24s}{n_public[t]:6d}")
    print(f"already-masked values: {n_masked}")
    print("documents per kind:")
    for k, n in sorted(n_kind.items()):
        print(f"  {k:28s}{n:5d}")
    print("documents per flattening:")
    for k, n in sorted(n_flat.items()):
        print(f"  {k:28s}{n:5d}")
    print("personal values per tag:")
    for k, n in sorted(n_tag.items()):
        print(f"  {k:28s}{n:5d}")
    for p in problems[:50]:
        print("PROBLEM", p)
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
