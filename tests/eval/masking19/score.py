"""Score the masker as a black box on corpus.jsonl (set 19). Prints figures, never asserts."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s).lower() if c.isalnum())


def run_masker(repo: str, py: str, docs: list[dict]) -> dict[str, str]:
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    env = dict(os.environ, PYTHONPATH=str(Path(repo) / "src"))
    proc = subprocess.run(
        [py, "-m", "sanxiang", "mask", "--jsonl"],
        input=inp,
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        print(f"masker exit {proc.returncode}: {proc.stderr[-2000:]}")
    out = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            o = json.loads(line)
            out[o["id"]] = o["text"]
    return out


def surviving(a: str, b: str) -> list[bool]:
    """For each char of a: does it survive in place (inside a matching block)?"""
    keep = [False] * len(a)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for blk in sm.get_matching_blocks():
        for i in range(blk.a, blk.a + blk.size):
            keep[i] = True
    return keep


def block_cover(a: str, b: str, start: int, end: int) -> bool:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return any(blk.a <= start and end <= blk.a + blk.size for blk in sm.get_matching_blocks())


def ctx(text: str, s: int, e: int) -> str:
    return (text[max(0, s - 30) : s] + "【" + text[s:e] + "】" + text[e : e + 30]).replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    docs = [
        json.loads(x) for x in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    out = run_masker(args.repo, args.python, docs)
    out2 = run_masker(args.repo, args.python, [{"id": k, "text": v} for k, v in out.items()])
    leak_t: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    keep_t: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    masked = [0, 0]
    policy = [0, 0]
    missing = 0
    ex_leak: dict[str, list[str]] = defaultdict(list)
    ex_lost: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        a = d["text"]
        b = out.get(d["id"])
        if b is None:
            missing += 1
            b = ""
        keep = surviving(a, b)
        nb = norm(b)
        sm_blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        for s in d["spans"]:
            st, en = s["start"], s["end"]
            val = a[st:en]
            if s["kind"] == "personal":
                cs, ce = s.get("core_start", st), s.get("core_end", en)
                core_idx = [i for i in range(cs, ce) if not a[i].isspace()]
                kept_n = sum(keep[i] for i in core_idx)
                leaked = kept_n * 2 > len(core_idx)
                nv = norm(val)
                if len(nv) >= 6 and nv in nb:
                    leaked = True
                leak_t[s["type"]][1] += 1
                leak_t["ALL"][1] += 1
                if leaked:
                    leak_t[s["type"]][0] += 1
                    leak_t["ALL"][0] += 1
                    if len(ex_leak[s["type"]]) < args.examples:
                        ex_leak[s["type"]].append(ctx(a, st, en))
                for t in s["tags"]:
                    leak_tag[t][1] += 1
                    leak_tag[t][0] += leaked
            else:
                ok = any(blk.a <= st and en <= blk.a + blk.size for blk in sm_blocks) or val in b
                if s["kind"] == "masked":
                    masked[1] += 1
                    masked[0] += ok
                elif "published_by_policy" in s["tags"]:
                    policy[1] += 1
                    policy[0] += ok
                else:
                    keep_t[s["type"]][1] += 1
                    keep_t["ALL"][1] += 1
                    if ok:
                        keep_t[s["type"]][0] += 1
                        keep_t["ALL"][0] += 1
                    elif len(ex_lost[s["type"]]) < args.examples:
                        ex_lost[s["type"]].append(ctx(a, st, en))
    idem = sum(1 for k, v in out.items() if out2.get(k) == v)

    def pct(x: list[int]) -> str:
        return f"{x[0]:5d}/{x[1]:5d} = {100 * x[0] / x[1]:6.2f} %" if x[1] else f"{x[0]}/0"

    head = subprocess.run(
        ["git", "-C", args.repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    )
    print(f"repo: {args.repo}  commit: {head.stdout.strip() or 'unknown'}")
    print(f"documents: {len(docs)}  missing outputs: {missing}")
    print("\nLEAK per personal type (lower is better)")
    for t in sorted(leak_t, key=lambda t: (t == "ALL", t)):
        print(f"  {t:28s} {pct(leak_t[t])}")
    print("\nKEPT per public type (higher is better)")
    for t in sorted(keep_t, key=lambda t: (t == "ALL", t)):
        print(f"  {t:28s} {pct(keep_t[t])}")
    print(f"\nmasked values unchanged: {pct(masked)}")
    print(f"published_by_policy visible (informational): {pct(policy)}")
    print(f"idempotent documents: {idem}/{len(out)}")
    print("\nLEAK per tag (personal spans)")
    for t in sorted(leak_tag):
        print(f"  {t:34s} {pct(leak_tag[t])}")
    if args.examples:
        print("\nEXAMPLES leaked")
        for t, xs in sorted(ex_leak.items()):
            for x in xs:
                print(f"  [{t}] {x}")
        print("\nEXAMPLES lost")
        for t, xs in sorted(ex_lost.items()):
            for x in xs:
                print(f"  [{t}] {x}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
