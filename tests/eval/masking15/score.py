"""Score the masker as a black box on corpus.jsonl (set 15). Prints figures; never asserts; exits 0.

Usage: score.py [--repo PATH] [--python PY] [--examples N]
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


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    env = dict(os.environ, PYTHONPATH=str(repo / "src"))
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
    out = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line:
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    return out


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def surviving_positions(src: str, dst: str) -> tuple[set[int], list[tuple[int, int]]]:
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    kept: set[int] = set()
    blocks = []
    for a, _b, size in sm.get_matching_blocks():
        if size:
            kept.update(range(a, a + size))
            blocks.append((a, a + size))
    return kept, blocks


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.2f}%" if b else "   n/a"


def context(text: str, s: int, e: int) -> str:
    return (text[max(0, s - 30) : s] + "【" + text[s:e] + "】" + text[e : e + 30]).replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [
        json.loads(line)
        for line in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    out = run_masker(repo, args.python, docs)
    again = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in out.items()])

    leak = collections.Counter()
    tot_p = collections.Counter()
    kept = collections.Counter()
    tot_k = collections.Counter()
    tag_leak = collections.Counter()
    tag_tot = collections.Counter()
    masked_ok = masked_tot = policy_vis = policy_tot = 0
    leaked_ex: dict[str, list[str]] = collections.defaultdict(list)
    lost_ex: dict[str, list[str]] = collections.defaultdict(list)
    missing = 0
    for d in docs:
        src = d["text"]
        dst = out.get(d["id"])
        if dst is None:
            missing += 1
            dst = ""
        survived, blocks = surviving_positions(src, dst)
        ndst = norm(dst)
        for sp in d["spans"]:
            s, e, typ, kind = sp["start"], sp["end"], sp["type"], sp["kind"]
            val = src[s:e]
            if kind == "personal":
                cs, ce = sp.get("core_start", s), sp.get("core_end", e)
                core = [i for i in range(cs, ce) if not src[i].isspace()] or list(range(cs, ce))
                frac = sum(1 for i in core if i in survived) / len(core)
                nv = norm(val)
                is_leak = frac > 0.5 or (len(nv) >= 6 and nv in ndst)
                tot_p[typ] += 1
                for t in sp["tags"]:
                    tag_tot[t] += 1
                if is_leak:
                    leak[typ] += 1
                    for t in sp["tags"]:
                        tag_leak[t] += 1
                    if len(leaked_ex[typ]) < args.examples:
                        leaked_ex[typ].append(f"{d['id']}: {context(src, s, e)}")
            elif kind == "masked":
                masked_tot += 1
                if any(a <= s and e <= b for a, b in blocks) or val in dst:
                    masked_ok += 1
            elif typ == "official_name":
                policy_tot += 1
                if any(a <= s and e <= b for a, b in blocks) or val in dst:
                    policy_vis += 1
            else:
                tot_k[typ] += 1
                if any(a <= s and e <= b for a, b in blocks) or val in dst:
                    kept[typ] += 1
                elif len(lost_ex[typ]) < args.examples:
                    lost_ex[typ].append(f"{d['id']}: {context(src, s, e)}")

    idem = sum(1 for k, v in out.items() if again.get(k) == v)
    print(f"set 15: {len(docs)} documents, masker output for {len(docs) - missing}")
    print("\nLEAK per personal type (lower is better)")
    for typ in sorted(tot_p):
        print(f"  {typ:20s} {leak[typ]:5d}/{tot_p[typ]:<5d} {pct(leak[typ], tot_p[typ])}")
    print(
        f"  {'OVERALL':20s} {sum(leak.values()):5d}/{sum(tot_p.values()):<5d} {pct(sum(leak.values()), sum(tot_p.values()))}"
    )
    print("\nKEPT per public type (higher is better)")
    for typ in sorted(tot_k):
        print(f"  {typ:20s} {kept[typ]:5d}/{tot_k[typ]:<5d} {pct(kept[typ], tot_k[typ])}")
    print(
        f"  {'OVERALL':20s} {sum(kept.values()):5d}/{sum(tot_k.values()):<5d} {pct(sum(kept.values()), sum(tot_k.values()))}"
    )
    print(f"\nmasked values unchanged: {masked_ok}/{masked_tot}")
    print(f"published_by_policy (official_name) visible, informational: {policy_vis}/{policy_tot}")
    print("\nLEAK per tag (personal values carrying the tag)")
    for t in sorted(tag_tot):
        print(f"  {t:22s} {tag_leak[t]:5d}/{tag_tot[t]:<5d} {pct(tag_leak[t], tag_tot[t])}")
    print(f"\nidempotent documents: {idem}/{len(out)}")
    if args.examples:
        print("\nLEAKED examples")
        for typ in sorted(leaked_ex):
            for ex in leaked_ex[typ]:
                print(f"  [{typ}] {ex}")
        print("\nLOST examples")
        for typ in sorted(lost_ex):
            for ex in lost_ex[typ]:
                print(f"  [{typ}] {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
