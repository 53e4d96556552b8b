"""Score the masker as a black box on corpus set 16. Prints figures; never asserts; exit 0.

Usage: python tests/eval/masking16/score.py [--repo PATH] [--python PY] [--examples N]
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.jsonl"


def norm(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", s).lower() if ch.isalnum())


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo / "src")
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        print(f"masker exited {proc.returncode}: {proc.stderr[-2000:]}")
    out: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line:
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    return out


def surviving(src: str, dst: str) -> tuple[list[bool], list[int], list]:
    """Per input position: survives in place?, index of its matching block (-1: none); and the blocks."""
    blocks = difflib.SequenceMatcher(None, src, dst, autojunk=False).get_matching_blocks()
    keep = [False] * len(src)
    block = [-1] * len(src)
    for k, (a, _b, size) in enumerate(blocks):
        for i in range(a, a + size):
            keep[i] = True
            block[i] = k
    return keep, block, blocks


def ctx(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 30) : start] + "【" + text[start:end] + "】" + text[end : end + 30]).replace(
        "\n", "⏎"
    )


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.2f}%" if b else "   n/a"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    masked = run_masker(repo, args.python, docs)
    again = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in masked.items()])

    leak_t: collections.Counter = collections.Counter()
    tot_t: collections.Counter = collections.Counter()
    kept_t: collections.Counter = collections.Counter()
    pub_t: collections.Counter = collections.Counter()
    leak_tag: collections.Counter = collections.Counter()
    tot_tag: collections.Counter = collections.Counter()
    leak_ex: dict[str, list[str]] = collections.defaultdict(list)
    lost_ex: dict[str, list[str]] = collections.defaultdict(list)
    masked_same = masked_tot = policy_vis = policy_tot = 0
    idem = missing = 0
    not_idem: list[str] = []
    changed_ex: list[str] = []
    for d in docs:
        src = d["text"]
        if d["id"] not in masked:
            missing += 1
            continue
        dst = masked[d["id"]]
        if again.get(d["id"]) == dst:
            idem += 1
        else:
            not_idem.append(d["id"])
        keep, block, blocks = surviving(src, dst)
        ndst = norm(dst)
        for s in d["spans"]:
            a, b = s["start"], s["end"]
            val = src[a:b]
            if s["kind"] == "personal":
                ca, cb = s.get("core_start", a), s.get("core_end", b)
                core = [i for i in range(ca, cb) if not src[i].isspace()]
                survived = sum(keep[i] for i in core)
                nv = norm(val)
                leaked = survived * 2 > len(core) or (len(nv) >= 6 and nv in ndst)
                tot_t[s["type"]] += 1
                for tag in s["tags"]:
                    tot_tag[tag] += 1
                if leaked:
                    leak_t[s["type"]] += 1
                    for tag in s["tags"]:
                        leak_tag[tag] += 1
                    leak_ex[s["type"]].append(ctx(src, a, b) + "  →  " + ctx(dst, *_locate(blocks, a, b)))
            elif s["kind"] == "masked":
                masked_tot += 1
                same = all(keep[i] for i in range(a, b)) and len({block[i] for i in range(a, b)}) == 1
                masked_same += same or val in dst
                if not (same or val in dst):
                    changed_ex.append(ctx(src, a, b) + "  →  " + ctx(dst, *_locate(blocks, a, b)))
            elif "published_by_policy" in s["tags"]:
                policy_tot += 1
                policy_vis += val in dst
            else:
                pub_t[s["type"]] += 1
                kept = (
                    all(keep[i] for i in range(a, b)) and len({block[i] for i in range(a, b)}) == 1
                ) or val in dst
                if kept:
                    kept_t[s["type"]] += 1
                else:
                    lost_ex[s["type"]].append(ctx(src, a, b) + "  →  " + ctx(dst, *_locate(blocks, a, b)))

    print(f"documents: {len(docs)}  answered: {len(docs) - missing}  repo: {repo}")
    print("\n== personal values: LEAK rate per type (lower is better) ==")
    for t in sorted(tot_t):
        print(f"  {t:24s} {leak_t[t]:5d} / {tot_t[t]:5d}  {pct(leak_t[t], tot_t[t])}")
    tl, tt = sum(leak_t.values()), sum(tot_t.values())
    print(f"  {'OVERALL':24s} {tl:5d} / {tt:5d}  {pct(tl, tt)}")
    print("\n== public facts: KEPT rate per type (higher is better) ==")
    for t in sorted(pub_t):
        print(f"  {t:24s} {kept_t[t]:5d} / {pub_t[t]:5d}  {pct(kept_t[t], pub_t[t])}")
    kk, kt = sum(kept_t.values()), sum(pub_t.values())
    print(f"  {'OVERALL':24s} {kk:5d} / {kt:5d}  {pct(kk, kt)}")
    print(f"\nalready-masked values unchanged: {masked_same} / {masked_tot}  {pct(masked_same, masked_tot)}")
    print(f"published_by_policy officials visible (informational): {policy_vis} / {policy_tot}")
    print(f"idempotent documents (mask(mask(x)) == mask(x)): {idem} / {len(docs) - missing}")
    if not_idem:
        print("  not idempotent: " + ", ".join(not_idem))
    print("\n== leak rate per tag ==")
    for tag in sorted(tot_tag, key=lambda x: (-leak_tag[x] / tot_tag[x], x)):
        print(f"  {tag:32s} {leak_tag[tag]:5d} / {tot_tag[tag]:5d}  {pct(leak_tag[tag], tot_tag[tag])}")
    if args.examples:
        print("\n== examples: leaked personal values ==")
        for t in sorted(leak_ex):
            print(f"-- {t}")
            for e in leak_ex[t][: args.examples]:
                print("   " + e)
        print("\n== examples: already-masked values changed ==")
        for e in changed_ex[: args.examples]:
            print("   " + e)
        print("\n== examples: lost public facts ==")
        for t in sorted(lost_ex):
            print(f"-- {t}")
            for e in lost_ex[t][: args.examples]:
                print("   " + e)
    return 0


def _locate(blocks: list, a: int, b: int) -> tuple[int, int]:
    """Approximate output range corresponding to input src[a:b], from the matching blocks."""
    start, end = 0, None
    for i, j, size in blocks:
        if i + size <= a:
            start = j + size
        elif i <= a:
            start = j + (a - i)
        if i >= b:
            end = j
            break
        if i < b <= i + size:
            end = j + (b - i)
            break
    end = start if end is None else end
    return start, max(start, end)


if __name__ == "__main__":
    sys.exit(main())
