"""Score the masker as a black box on set 14.

Usage: python tests/eval/masking14/score.py [--repo PATH] [--python PY] [--examples N]
Prints figures; never asserts; exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.jsonl"


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    env = dict(os.environ, PYTHONPATH=str(repo / "src"))
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload.encode("utf-8"),
        capture_output=True,
        cwd=repo,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        print(
            f"masker exit code {proc.returncode}; stderr tail:\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}"
        )
    out: dict[str, str] = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec["text"]
    return out


def norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s).lower() if c.isalnum())


def survivors(src: str, dst: str) -> tuple[list[bool], list[int]]:
    """survived[i]: source char i is inside a matching block; block_id[i]: which block (-1 if none)."""
    sm = SequenceMatcher(None, src, dst, autojunk=False)
    surv = [False] * len(src)
    block = [-1] * len(src)
    for bi, (a, _b, size) in enumerate(sm.get_matching_blocks()):
        for i in range(a, a + size):
            surv[i] = True
            block[i] = bi
    return surv, block


def pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:5.1f} %" if d else "   n/a"


def context(text: str, s: dict, width: int = 30) -> str:
    left = text[max(0, s["start"] - width) : s["start"]]
    right = text[s["end"] : s["end"] + width]
    return (left + "[[" + text[s["start"] : s["end"]] + "]]" + right).replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    masked = run_masker(repo, args.python, docs)
    print(f"set 14: {len(docs)} documents; masker output for {len(masked)}; repo {repo}")
    again = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in masked.items()])

    leak = defaultdict(lambda: [0, 0])  # type -> [leaked, total]
    leak_tag = defaultdict(lambda: [0, 0])
    kept = defaultdict(lambda: [0, 0])  # type -> [kept, total]
    masked_ok = [0, 0]
    policy = [0, 0]
    leaked_ex: dict[str, list[str]] = defaultdict(list)
    lost_ex: dict[str, list[str]] = defaultdict(list)
    missing = 0
    for d in docs:
        src = d["text"]
        if d["id"] not in masked:
            missing += 1
            continue
        dst = masked[d["id"]]
        surv, block = survivors(src, dst)
        ndst = norm(dst)
        for s in d["spans"]:
            a, b = s["start"], s["end"]
            value = src[a:b]
            if s["kind"] == "personal":
                ca, cb = s.get("core_start", a), s.get("core_end", b)
                core_pos = [i for i in range(ca, cb) if not src[i].isspace()] or list(range(ca, cb))
                alive = sum(surv[i] for i in core_pos)
                nv = norm(value)
                is_leak = alive * 2 > len(core_pos) or (len(nv) >= 6 and nv in ndst)
                leak[s["type"]][1] += 1
                leak[s["type"]][0] += is_leak
                for t in s["tags"]:
                    leak_tag[t][1] += 1
                    leak_tag[t][0] += is_leak
                if is_leak and len(leaked_ex[s["type"]]) < args.examples:
                    leaked_ex[s["type"]].append(f"{d['id']}: {context(src, s)}")
            else:
                whole = all(surv[i] for i in range(a, b)) and len({block[i] for i in range(a, b)}) == 1
                ok = whole or value in dst
                if s["kind"] == "masked":
                    masked_ok[1] += 1
                    masked_ok[0] += ok
                    if not ok and len(lost_ex["masked:" + s["type"]]) < args.examples:
                        lost_ex["masked:" + s["type"]].append(f"{d['id']}: {context(src, s)}")
                elif "published_by_policy" in s["tags"]:
                    policy[1] += 1
                    policy[0] += ok
                else:
                    kept[s["type"]][1] += 1
                    kept[s["type"]][0] += ok
                    if not ok and len(lost_ex[s["type"]]) < args.examples:
                        lost_ex[s["type"]].append(f"{d['id']}: {context(src, s)}")
    if missing:
        print(f"documents missing from masker output: {missing}")

    print("\n== personal values: leak rate (lower is better)")
    tl = tt = 0
    for typ in sorted(leak, key=lambda k: -leak[k][1]):
        n, t = leak[typ]
        tl += n
        tt += t
        print(f"  {typ:28s} {n:5d} / {t:5d}  {pct(n, t)}")
    print(f"  {'OVERALL':28s} {tl:5d} / {tt:5d}  {pct(tl, tt)}")

    print("\n== public facts: kept rate (higher is better)")
    kk = kt = 0
    for typ in sorted(kept, key=lambda k: -kept[k][1]):
        n, t = kept[typ]
        kk += n
        kt += t
        print(f"  {typ:28s} {n:5d} / {t:5d}  {pct(n, t)}")
    print(f"  {'OVERALL':28s} {kk:5d} / {kt:5d}  {pct(kk, kt)}")

    print(f"\n== already-masked values unchanged: {masked_ok[0]} / {masked_ok[1]}  {pct(*masked_ok)}")
    print(
        f"== published_by_policy (officers) visible, informational: {policy[0]} / {policy[1]}  {pct(*policy)}"
    )
    same = sum(1 for k, v in masked.items() if again.get(k) == v)
    print(f"== idempotence: masking the output again gives the same text: {same} / {len(masked)}")

    print("\n== leak rate per tag (personal values)")
    for tag in sorted(leak_tag, key=lambda k: (-leak_tag[k][0] / max(1, leak_tag[k][1]), k)):
        n, t = leak_tag[tag]
        print(f"  {tag:28s} {n:5d} / {t:5d}  {pct(n, t)}")

    if args.examples:
        print("\n== leaked examples")
        for typ, exs in sorted(leaked_ex.items()):
            for e in exs:
                print(f"  [{typ}] {e}")
        print("\n== lost examples")
        for typ, exs in sorted(lost_ex.items()):
            for e in exs:
                print(f"  [{typ}] {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
