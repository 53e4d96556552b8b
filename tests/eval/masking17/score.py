"""Score the masker as a black box on evaluation set 17.

Usage: python tests/eval/masking17/score.py [--repo PATH] [--python PY] [--examples N]
Prints figures, never asserts, exits 0.
"""

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
CORPUS = HERE / "corpus.jsonl"


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
        if line.startswith("{"):
            obj = json.loads(line)
            out[str(obj["id"])] = obj["text"]
    return out


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(c for c in s if c.isalnum())


def surviving(src: str, dst: str) -> tuple[list[bool], list[tuple[int, int]]]:
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    alive = [False] * len(src)
    blocks = []
    for a, _b, size in sm.get_matching_blocks():
        if size:
            blocks.append((a, a + size))
            for i in range(a, a + size):
                alive[i] = True
    return alive, blocks


def pct(a: int, n: int) -> str:
    return f"{100.0 * a / n:5.1f}%" if n else "   n/a"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    out = run_masker(repo, args.python, docs)
    print(f"corpus: {len(docs)} documents; masker returned {len(out)}")

    leak_t: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # type -> [leaked, total]
    leak_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    keep_t: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    masked = [0, 0]
    policy = [0, 0]
    leaked_ex: dict[str, list[str]] = defaultdict(list)
    lost_ex: dict[str, list[str]] = defaultdict(list)

    def ctx(text: str, s: int, e: int) -> str:
        return (text[max(0, s - 30) : s] + "【" + text[s:e] + "】" + text[e : e + 30]).replace("\n", "⏎")

    for d in docs:
        src = d["text"]
        dst = out.get(d["id"])
        if dst is None:
            dst = src  # missing output counts as unmasked
        alive, blocks = surviving(src, dst)
        ndst = norm(dst)
        for sp in d["spans"]:
            s, e = sp["start"], sp["end"]
            val = src[s:e]
            if sp["kind"] == "personal":
                cs, ce = sp.get("core_start", s), sp.get("core_end", e)
                core_idx = [i for i in range(cs, ce) if not src[i].isspace()]
                kept = sum(1 for i in core_idx if alive[i])
                nv = norm(val)
                leak = kept * 2 > len(core_idx) or (len(nv) >= 6 and nv in ndst)
                for key in [sp["type"], "ALL"]:
                    leak_t[key][1] += 1
                    leak_t[key][0] += leak
                for tag in sp["tags"]:
                    leak_tag[tag][1] += 1
                    leak_tag[tag][0] += leak
                if leak and len(leaked_ex[sp["type"]]) < args.examples:
                    leaked_ex[sp["type"]].append(
                        f"{d['id']}: {ctx(src, s, e)}  =>  {ctx(dst, *_near(src, dst, s, e))}"
                    )
            else:
                ok = any(a <= s and e <= b for a, b in blocks) or val in dst
                if sp["kind"] == "masked":
                    masked[1] += 1
                    masked[0] += ok
                    if not ok and len(lost_ex["masked"]) < args.examples:
                        lost_ex["masked"].append(f"{d['id']}: {ctx(src, s, e)}")
                elif "published_by_policy" in sp["tags"]:
                    policy[1] += 1
                    policy[0] += ok
                else:
                    for key in [sp["type"], "ALL"]:
                        keep_t[key][1] += 1
                        keep_t[key][0] += ok
                    if not ok and len(lost_ex[sp["type"]]) < args.examples:
                        lost_ex[sp["type"]].append(
                            f"{d['id']}: {ctx(src, s, e)}  =>  {ctx(dst, *_near(src, dst, s, e))}"
                        )

    print("\n== personal values: leak rate per type (lower is better)")
    for k in sorted(leak_t, key=lambda k: (k == "ALL", k)):
        a, n = leak_t[k]
        print(f"  {k:24s} {a:5d} / {n:5d}  leak {pct(a, n)}")
    print("\n== public facts: kept rate per type (higher is better)")
    for k in sorted(keep_t, key=lambda k: (k == "ALL", k)):
        a, n = keep_t[k]
        print(f"  {k:24s} {a:5d} / {n:5d}  kept {pct(a, n)}")
    print(f"\n== already-masked values unchanged: {masked[0]} / {masked[1]} ({pct(*masked).strip()})")
    print(f"== published_by_policy officer names visible (informational): {policy[0]} / {policy[1]}")
    print("\n== leak rate per tag")
    for k in sorted(leak_tag):
        a, n = leak_tag[k]
        print(f"  {k:24s} {a:5d} / {n:5d}  leak {pct(a, n)}")

    again = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in out.items()])
    same = sum(1 for k, v in out.items() if again.get(k) == v)
    print(f"\n== idempotence: {same} / {len(out)} documents unchanged when masked again")

    if args.examples:
        print("\n== examples: leaked personal values")
        for k in sorted(leaked_ex):
            for line in leaked_ex[k]:
                print(f"  [{k}] {line}")
        print("\n== examples: lost public facts / changed masked values")
        for k in sorted(lost_ex):
            for line in lost_ex[k]:
                print(f"  [{k}] {line}")


def _near(src: str, dst: str, s: int, e: int) -> tuple[int, int]:
    """Approximate position of src[s:e] in dst via the opcode map, for context printing."""
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    ds = de = None
    for _tag, i1, i2, j1, j2 in sm.get_opcodes():
        if ds is None and i2 > s:
            ds = j1 + min(s - i1, j2 - j1) if _tag == "equal" else j1
        if i2 >= e:
            de = j1 + min(e - i1, j2 - j1) if _tag == "equal" else j2
            break
    ds = ds if ds is not None else len(dst)
    de = de if de is not None else len(dst)
    return ds, max(ds, de)


if __name__ == "__main__":
    main()
