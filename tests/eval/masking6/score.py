"""Score `sanxiang mask --jsonl` on corpus.jsonl as a black box. Always exits 0.

Run from a checkout:  PYTHONPATH=src .venv/bin/python tests/eval/masking6/score.py [--repo DIR] [--examples N]
--repo: the checkout whose masker is run (default: the one holding this file; its src/ goes on PYTHONPATH).

Definitions (see README.md):
- Output is aligned with input per document (difflib, no autojunk), masks may change lengths.
- A personal value leaks when a run of >= 2 of its characters (>= 4 for number types) stays in clear at its
  place. Whitespace, '-' and line breaks inside the value are skipped when forming runs. Allowed: the value's
  first `allow_prefix` characters (a surname before a mask, an address's province/city/district) when the rest
  is hidden; for an e-mail only the part before '@' counts.
- A public or already-masked value is kept when its exact text stands unchanged, contiguously, at its place.
- Idempotence: masking the masker's output again gives the same text.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMBER_TYPES = {"id", "tin_person", "mobile", "landline", "bank_card", "passport", "permit"}
SKIP = set(" \t\n\u3000-－")


def run_masker(repo: Path, docs: list[dict]) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(repo / "src"))
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    try:
        p = subprocess.run(
            [sys.executable, "-m", "sanxiang", "mask", "--jsonl"],
            input=inp,
            capture_output=True,
            text=True,
            env=env,
            cwd=repo,
            timeout=3000,
        )
    except Exception as e:  # noqa: BLE001 - a scorer reports, never fails
        print(f"masker did not run: {e}")
        return {}
    out = {}
    for line in p.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                o = json.loads(line)
                out[o["id"]] = o["text"]
            except (ValueError, KeyError):
                pass
    if p.returncode:
        print(f"masker exit code {p.returncode}: {p.stderr[-500:]}")
    return out


def char_map(a: str, b: str) -> list[int]:
    m = [-1] * len(a)
    for blk in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            m[blk.a + k] = blk.b + k
    return m


def leaked(span: dict, m: list[int]) -> bool:
    start, end = span["start"], span["end"]
    text = span["text"]
    if span["type"] == "email":
        for at in ("@", "＠"):
            if at in text:
                end = start + text.index(at)
                break
    positions = [i for i in range(start, end) if text[i - start] not in SKIP]
    kept = [m[i] >= 0 for i in positions]
    need = 4 if span["type"] in NUMBER_TYPES else 2
    allow = span.get("allow_prefix", 0)
    # the allowed prefix counts as hidden only when something after it is hidden
    if allow and not all(kept[allow:]):
        kept = [False] * min(allow, len(kept)) + kept[allow:]
    run = best = 0
    for k in kept:
        run = run + 1 if k else 0
        best = max(best, run)
    return best >= need


def kept_verbatim(span: dict, m: list[int], out: str) -> bool:
    js = m[span["start"] : span["end"]]
    if not js or js[0] < 0:
        return False
    return (
        all(j == js[0] + k for k, j in enumerate(js))
        and out[js[0] : js[0] + len(span["text"])] == span["text"]
    )


class Tally:
    def __init__(self):
        self.n = defaultdict(int)
        self.bad = defaultdict(int)

    def add(self, key, bad: bool):
        self.n[key] += 1
        self.bad[key] += bad

    def lines(self, title: str, what: str):
        yield f"{title}"
        for k in sorted(self.n, key=str):
            n, b = self.n[k], self.bad[k]
            yield f"  {str(k):32s} {b:5d}/{n:<5d} {what} {100 * b / n:6.1f}%"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--examples", type=int, default=0)
    a = ap.parse_args()
    repo = Path(a.repo)
    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    out1 = run_masker(repo, docs)
    out2 = run_masker(repo, [{"id": i, "text": t} for i, t in out1.items()])
    missing = [d["id"] for d in docs if d["id"] not in out1]
    leak_type, leak_tag, leak_kind, leak_flat, leak_extra = Tally(), Tally(), Tally(), Tally(), Tally()
    name_policy = Tally()
    keep_type, keep_tag, masked_type = Tally(), Tally(), Tally()
    overall_leak, overall_keep, overall_masked = Tally(), Tally(), Tally()
    examples = []
    idem = 0
    for d in docs:
        if d["id"] not in out1:
            continue
        out = out1[d["id"]]
        idem += out2.get(d["id"]) == out
        m = char_map(d["text"], out)
        for s in d["spans"]:
            if s["cls"] == "personal":
                bad = leaked(s, m)
                overall_leak.add("all", bad)
                leak_type.add(s["type"], bad)
                for t in s["tags"]:
                    leak_tag.add(t, bad)
                leak_kind.add(d["kind"], bad)
                leak_flat.add(d["flattening"], bad)
                for e in d["extras"] or ["(none)"]:
                    leak_extra.add(e, bad)
                if s["type"] == "name":
                    name_policy.add(
                        "policy_published" if "policy_published" in s["tags"] else "never_published", bad
                    )
                if bad and len(examples) < a.examples:
                    near = next((m[i] for i in range(s["start"], -1, -1) if m[i] >= 0), 0)
                    examples.append(
                        f"LEAK {d['id']} {s['type']} {s['text']!r} -> {out[near:][: len(s['text']) + 8]!r}"
                    )
            elif s["cls"] == "public":
                ok = kept_verbatim(s, m, out)
                overall_keep.add("all", not ok)
                keep_type.add(s["type"], not ok)
                for t in s["tags"]:
                    keep_tag.add(t, not ok)
                if not ok and len(examples) < a.examples:
                    examples.append(f"LOST {d['id']} {s['type']} {s['text']!r}")
            else:
                ok = kept_verbatim(s, m, out)
                overall_masked.add("all", not ok)
                masked_type.add(s["type"], not ok)
    n_l, b_l = overall_leak.n["all"], overall_leak.bad["all"]
    n_k, b_k = overall_keep.n["all"], overall_keep.bad["all"]
    n_m, b_m = overall_masked.n["all"], overall_masked.bad["all"]
    nd = len(docs) - len(missing)
    print(f"documents {len(docs)}, masked {nd}, missing {len(missing)}")
    if n_l:
        print(f"LEAK overall: {b_l}/{n_l} personal values = {100 * b_l / n_l:.1f}%")
    if n_k:
        print(f"KEEP overall: {n_k - b_k}/{n_k} public values kept verbatim = {100 * (n_k - b_k) / n_k:.1f}%")
    if n_m:
        print(f"ALREADY-MASKED unchanged: {n_m - b_m}/{n_m} = {100 * (n_m - b_m) / n_m:.1f}%")
    if nd:
        print(f"IDEMPOTENT: {idem}/{nd} documents = {100 * idem / nd:.1f}%")
    for block in (
        leak_type.lines("leak per personal type", "leaked"),
        name_policy.lines("names: leak by policy tag", "leaked"),
        leak_tag.lines("leak per tag", "leaked"),
        leak_kind.lines("leak per document kind", "leaked"),
        leak_flat.lines("leak per flattening", "leaked"),
        leak_extra.lines("leak per extra", "leaked"),
        keep_type.lines("loss per public type", "lost"),
        keep_tag.lines("loss per public tag", "lost"),
        masked_type.lines("already-masked changed per type", "changed"),
    ):
        for line in block:
            print(line)
    for e in examples:
        print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
