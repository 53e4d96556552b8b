"""Score the masker (black box, via its CLI) on corpus.jsonl of set 18.

Usage: python score.py [--repo PATH] [--python PY] [--examples N]
Prints figures; never asserts; exit 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    env = {"PYTHONPATH": str(repo / "src"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=inp,
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        print(f"masker exited {proc.returncode}: {proc.stderr[-2000:]}")
    out = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    return out


def survivors(src: str, dst: str) -> list[bool]:
    """For each char of src: does it survive in place (in a matching block)?"""
    keep = [False] * len(src)
    block_of = [-1] * len(src)
    sm = SequenceMatcher(None, src, dst, autojunk=False)
    for n, (a, _b, size) in enumerate(sm.get_matching_blocks()):
        for p in range(a, a + size):
            keep[p] = True
            block_of[p] = n
    return keep, block_of


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.2f}%" if b else "   n/a"


def context(text: str, s: int, e: int) -> str:
    return (text[max(0, s - 30) : s] + "[[" + text[s:e] + "]]" + text[e : e + 30]).replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    out = run_masker(repo, args.python, docs)
    again = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in out.items()])

    leak = defaultdict(lambda: [0, 0])
    kept = defaultdict(lambda: [0, 0])
    tag_leak = defaultdict(lambda: [0, 0])
    masked_ok = [0, 0]
    policy_vis = [0, 0]
    leaks_ex = defaultdict(list)
    lost_ex = defaultdict(list)
    missing = 0
    for d in docs:
        src = d["text"]
        if d["id"] not in out:
            missing += 1
            continue
        dst = out[d["id"]]
        keep, block_of = survivors(src, dst)
        ndst = norm(dst)
        for sp in d["spans"]:
            s, e = sp["start"], sp["end"]
            val = src[s:e]
            if sp["kind"] == "personal":
                cs, ce = sp.get("core_start", s), sp.get("core_end", e)
                core = [p for p in range(cs, ce) if not src[p].isspace()]
                alive = sum(keep[p] for p in core)
                nv = norm(val)
                is_leak = alive * 2 > len(core) or (len(nv) >= 6 and nv in ndst)
                for key in ("ALL", sp["type"]):
                    leak[key][1] += 1
                    leak[key][0] += is_leak
                for t in sp["tags"]:
                    tag_leak[t][1] += 1
                    tag_leak[t][0] += is_leak
                if is_leak:
                    leaks_ex[sp["type"]].append((d["id"], context(src, s, e)))
            elif sp["kind"] == "public" and "published_by_policy" in sp["tags"]:
                policy_vis[1] += 1
                policy_vis[0] += all(keep[p] for p in range(s, e)) or val in dst
            elif sp["kind"] == "public":
                blocks = {block_of[p] for p in range(s, e)}
                ok = (all(keep[p] for p in range(s, e)) and len(blocks) == 1) or val in dst
                for key in ("ALL", sp["type"]):
                    kept[key][1] += 1
                    kept[key][0] += ok
                if not ok:
                    lost_ex[sp["type"]].append(
                        (d["id"], context(src, s, e), context(dst, max(0, s - 5), min(len(dst), e + 5)))
                    )
            else:
                masked_ok[1] += 1
                masked_ok[0] += val in dst and all(keep[p] for p in range(s, e))
    idem = sum(1 for k, v in out.items() if again.get(k) == v)

    print(f"corpus: {len(docs)} documents; masker output missing for {missing}")
    print("\n== LEAK per personal type (lower is better) ==")
    for k in ["ALL"] + sorted(t for t in leak if t != "ALL"):
        a, b = leak[k]
        print(f"  {k:22s} {a:5d}/{b:<5d} {pct(a, b)}")
    print("\n== KEPT per public type (higher is better) ==")
    for k in ["ALL"] + sorted(t for t in kept if t != "ALL"):
        a, b = kept[k]
        print(f"  {k:22s} {a:5d}/{b:<5d} {pct(a, b)}")
    print(f"\nmasked values unchanged: {masked_ok[0]}/{masked_ok[1]}")
    print(f"published_by_policy (official_name) visible: {policy_vis[0]}/{policy_vis[1]} (informational)")
    print(f"idempotent documents: {idem}/{len(out)}")
    print("\n== LEAK per tag ==")
    for k in sorted(tag_leak):
        a, b = tag_leak[k]
        print(f"  {k:28s} {a:5d}/{b:<5d} {pct(a, b)}")
    if args.examples:
        print("\n== leaked examples ==")
        for t in sorted(leaks_ex):
            for did, ctx in leaks_ex[t][: args.examples]:
                print(f"  [{t}] {did}: {ctx}")
        print("\n== lost public examples ==")
        for t in sorted(lost_ex):
            for did, ctx, octx in lost_ex[t][: args.examples]:
                print(f"  [{t}] {did}: {ctx}\n      out: {octx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
