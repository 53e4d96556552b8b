"""Score the masker on `corpus.jsonl` as a black box (`python -m sanxiang mask --jsonl`).

    cd <checkout> && /work/main/.venv/bin/python tests/eval/masking2/score.py [--show N] [--json out.json]

The masker's output need not keep the text length: original and masked text are aligned with
difflib (a character "remains in clear" when the alignment maps it to an identical output character).
Definitions (README.md "Leak definition"):
- number-like personal values leak when >= 4 consecutive significant characters remain in clear;
- names leak when 2 consecutive name characters remain, or the whole given name remains;
- home addresses leak when 2 consecutive characters remain (strict, the brief's rule); the
  "lenient" column counts only a remaining run of >= 4 characters that holds a digit;
- a public value / already-masked value is kept when it stands verbatim at its aligned position;
- idempotence: masking the masked text again changes nothing.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from values import COMPOUND_SURNAMES  # noqa: E402

CORPUS = HERE / "corpus.jsonl"
ROOT = HERE.parents[2]
NUMBER_TYPES = {
    "id_number",
    "taxpayer_id_personal",
    "passport",
    "hk_macao_tw_permit",
    "bank_card",
    "mobile",
    "landline",
    "email",
}

# Runs `python -m sanxiang` with this checkout's `src` first and no other checkout's `src` on the path
# (the editable install of /work/main would otherwise merge into the `sanxiang` namespace package).
LAUNCH = (
    "import os, runpy, sys; s = os.path.abspath('src'); "
    "sys.path[:] = [p for p in sys.path if os.path.abspath(p or '.') == s or not p.rstrip('/').endswith('/src')]; "
    "sys.argv = ['sanxiang', *sys.argv[1:]]; runpy.run_module('sanxiang', run_name='__main__', alter_sys=True)"
)


def run_masker(texts: list[str], cmd: list[str]) -> list[str]:
    payload = "".join(
        json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(cmd, input=payload, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    if proc.returncode != 0:
        sys.exit(f"masker failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]
    if len(lines) != len(texts):
        sys.exit(f"masker returned {len(lines)} lines for {len(texts)} documents")
    return [x["text"] for x in lines]


def alignment(orig: str, out: str) -> list[int | None]:
    """For each original character, the index of the identical output character it aligns to."""
    kept: list[int | None] = [None] * len(orig)
    sm = difflib.SequenceMatcher(None, orig, out, autojunk=False)
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            kept[block.a + k] = block.b + k
    return kept


def verbatim(kept: list[int | None], start: int, end: int) -> bool:
    idx = kept[start:end]
    return all(j is not None for j in idx) and idx[-1] - idx[0] == end - start - 1


def longest_kept_run(positions: list[int], kept: list[int | None]) -> int:
    best = run = 0
    for p in positions:
        run = run + 1 if kept[p] is not None else 0
        best = max(best, run)
    return best


def significant_positions(text: str, span: dict) -> list[int]:
    """Positions of the characters that identify a number-like value (see README)."""
    start, end, typ = span["start"], span["end"], span["type"]
    value = text[start:end]
    if typ == "email":
        at = max(value.find("@"), value.find("＠"))
        end = start + (at if at > 0 else len(value))
        value = text[start:end]
    if typ == "mobile":
        m = re.match(r"(\+86|0086)[\s\-]?", value)
        if m:
            start += m.end()
            value = text[start:end]
    if typ == "landline":
        m = re.match(r"[（(]?0\d{2,3}[)）]?[\s\-]?", value)
        if m:
            start += m.end()
        ext = re.search(r"(-|转|分机| ext\.)\d+$", text[start:end])
        if ext and ext.start() > 0:
            end = start + ext.start()
    return [p for p in range(start, end) if text[p].isalnum()]


def name_leaks(text: str, span: dict, kept: list[int | None]) -> bool:
    pos = [p for p in range(span["start"], span["end"]) if not text[p].isspace() and text[p] not in "·•-"]
    value = "".join(text[p] for p in pos)
    if value.isascii():
        # Latin names: a whole word of >= 2 letters left in clear.
        words, cur = [], []
        for p in range(span["start"], span["end"]):
            if text[p].isalpha():
                cur.append(p)
            elif cur:
                words.append(cur)
                cur = []
        if cur:
            words.append(cur)
        return any(len(w) >= 2 and all(kept[p] is not None for p in w) for w in words)
    if longest_kept_run(pos, kept) >= 2:
        return True
    sur = 2 if value[:2] in COMPOUND_SURNAMES else 1
    given = pos[sur:] if "·" not in text[span["start"] : span["end"]] else pos
    return bool(given) and all(kept[p] is not None for p in given)


def personal_leaks(text: str, span: dict, kept: list[int | None]) -> tuple[bool, bool]:
    """(strict leak, lenient leak) of one personal value."""
    typ = span["type"]
    if typ in NUMBER_TYPES:
        leak = longest_kept_run(significant_positions(text, span), kept) >= 4
        return leak, leak
    if typ == "name":
        leak = name_leaks(text, span, kept)
        return leak, leak
    pos = [p for p in range(span["start"], span["end"]) if not text[p].isspace()]
    strict = longest_kept_run(pos, kept) >= 2
    lenient = False
    run: list[int] = []
    for p in [*pos, None]:
        if p is not None and kept[p] is not None:
            run.append(p)
            continue
        if len(run) >= 4 and any(text[q].isdigit() for q in run):
            lenient = True
        run = []
    return strict, lenient


class Tally:
    def __init__(self) -> None:
        self.n: dict[str, int] = defaultdict(int)
        self.hit: dict[str, int] = defaultdict(int)
        self.hit2: dict[str, int] = defaultdict(int)

    def add(self, key: str, hit: bool, hit2: bool = False) -> None:
        self.n[key] += 1
        self.hit[key] += hit
        self.hit2[key] += hit2

    def rows(self) -> list[tuple[str, int, float, float]]:
        return [
            (k, self.n[k], 100 * self.hit[k] / self.n[k], 100 * self.hit2[k] / self.n[k])
            for k in sorted(self.n)
        ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--show", type=int, default=0, help="print N failures of each kind")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--cmd", help="masker command (default: python -m sanxiang mask --jsonl)")
    args = ap.parse_args()
    cmd = args.cmd.split() if args.cmd else [sys.executable, "-c", LAUNCH, "mask", "--jsonl"]

    docs = [json.loads(x) for x in Path(args.corpus).read_text(encoding="utf-8").splitlines()]
    once = run_masker([d["text"] for d in docs], cmd)
    twice = run_masker(once, cmd)

    leak_type, leak_tag, leak_doc = Tally(), Tally(), Tally()
    keep_type, keep_tag, keep_doc = Tally(), Tally(), Tally()
    other = Tally()
    shown: dict[str, int] = defaultdict(int)

    def show(kind: str, doc: dict, span: dict, out: str, kept: list[int | None]) -> None:
        if shown[kind] >= args.show:
            return
        shown[kind] += 1
        before = [j for j in kept[: span["start"]] if j is not None]
        lo = before[-1] + 1 if before else 0
        ctx_out = out[max(0, lo - 15) : lo + (span["end"] - span["start"]) + 15]
        print(
            f"  [{kind}] {doc['id']} {span.get('type', '')}: {doc['text'][span['start'] : span['end']]!r} -> …{ctx_out!r}…"
        )

    for doc, out, out2 in zip(docs, once, twice, strict=True):
        text = doc["text"]
        kept = alignment(text, out)
        flats = [t for t in doc["tags"] if t.startswith("flat_")]
        dtype = doc["id"].rsplit("-", 1)[0]
        for span in doc["personal"]:
            strict, lenient = personal_leaks(text, span, kept)
            leak_type.add(span["type"], strict, lenient)
            for tag in span["tags"]:
                leak_tag.add(tag, strict, lenient)
            for key in [dtype, *flats]:
                leak_doc.add(key, strict, lenient)
            leak_doc.add("ALL", strict, lenient)
            if strict:
                show("leak", doc, span, out, kept)
        for span in doc["public"]:
            ok = verbatim(kept, span["start"], span["end"])
            keep_type.add(span["type"], ok)
            for tag in span["tags"]:
                keep_tag.add(tag, ok)
            for key in [dtype, *flats]:
                keep_doc.add(key, ok)
            keep_doc.add("ALL", ok)
            if not ok:
                show("lost", doc, span, out, kept)
        for span in doc["already_masked"]:
            ok = verbatim(kept, span["start"], span["end"])
            other.add("already_masked_unchanged", ok)
            if not ok:
                show("changed", doc, {**span, "type": "already_masked"}, out, kept)
        other.add("idempotent", out2 == out)
        if out2 != out and shown["not idempotent"] < args.show:
            shown["not idempotent"] += 1
            sm = difflib.SequenceMatcher(None, out, out2, autojunk=False)
            diffs = [(out[a1:a2], out2[b1:b2]) for op, a1, a2, b1, b2 in sm.get_opcodes() if op != "equal"]
            print(f"  [not idempotent] {doc['id']}: {diffs[:3]}")
        other.add("length_preserved", len(out) == len(text))

    def table(title: str, tally: Tally, col: str, lenient: bool = False) -> list:
        print(f"\n{title}")
        print(f"  {'':30} {'n':>6} {col:>8}" + ("  lenient" if lenient else ""))
        rows = tally.rows()
        for k, n, a, b in rows:
            print(f"  {k:30} {n:6d} {a:7.1f}%" + (f" {b:7.1f}%" if lenient else ""))
        return rows

    res = {
        "leak_by_type": table("Personal values: leak % by type", leak_type, "leak%", True),
        "leak_by_tag": table("Personal values: leak % by tag", leak_tag, "leak%", True),
        "leak_by_doc": table(
            "Personal values: leak % by document type / flattening", leak_doc, "leak%", True
        ),
        "keep_by_type": table("Public values: keep % by type", keep_type, "keep%"),
        "keep_by_tag": table("Public values: keep % by tag", keep_tag, "keep%"),
        "keep_by_doc": table("Public values: keep % by document type / flattening", keep_doc, "keep%"),
        "other": table("Other", other, "%"),
    }
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
