"""Score the masker on evaluation set 13 (reports, never asserts; exit 0).

usage: score.py [--repo PATH] [--python PY] [--examples N]
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


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(repo / "src"))
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
    )
    if proc.returncode != 0:
        print(f"masker exited {proc.returncode}: {proc.stderr[-2000:]}")
    out = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line:
            obj = json.loads(line)
            out[obj["id"]] = obj["text"]
    return out


def surviving(src: str, dst: str) -> tuple[list[bool], difflib.SequenceMatcher]:
    """For each character of src: does it survive in dst (inside a matching block)?"""
    keep = [False] * len(src)
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for a, _b, size in sm.get_matching_blocks():
        for i in range(a, a + size):
            keep[i] = True
    return keep, sm


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(c for c in s if c.isalnum())


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100.0 * a / b:.2f} %)" if b else "0/0"


def context(text: str, start: int, end: int, width: int = 30) -> str:
    return (
        text[max(0, start - width) : start] + "【" + text[start:end] + "】" + text[end : end + width]
    ).replace("\n", "⏎")


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

    once = run_masker(repo, args.python, docs)
    twice = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in once.items()])

    leak_by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    loss_by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    changed_by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    officials = [0, 0]
    leaks, losses, changes = [], [], []
    docs_leaking = 0
    missing = 0
    idempotent = 0
    n_personal = n_leak = n_public = n_lost = n_masked = n_changed = 0

    for d in docs:
        src = d["text"]
        out = once.get(d["id"])
        if out is None:
            missing += 1
            out = ""
        if twice.get(d["id"]) == out and d["id"] in once:
            idempotent += 1
        keep, sm = surviving(src, out)
        # (b) blank surviving characters of public and published-by-policy spans in the output
        blank_src = [False] * len(src)
        for s in d["spans"]:
            if s["kind"] == "public":
                for i in range(s["start"], s["end"]):
                    blank_src[i] = True
        out_chars = list(out)
        for a, b, size in sm.get_matching_blocks():
            for k in range(size):
                if blank_src[a + k]:
                    out_chars[b + k] = " "
        out_norm = norm("".join(out_chars))
        doc_leak = False
        for s in d["spans"]:
            st, en = s["start"], s["end"]
            value = src[st:en]
            if s["kind"] == "personal":
                n_personal += 1
                core = [i for i in range(s["core_start"], s["core_end"]) if src[i].isalnum()]
                surv = sum(1 for i in core if keep[i])
                leaked = bool(core) and surv * 2 >= len(core)
                nv = norm(value)
                if not leaked and len(nv) >= 6 and nv in out_norm:
                    leaked = True
                for key in [s["type"]]:
                    leak_by_type[key][1] += 1
                    leak_by_type[key][0] += leaked
                for t in s["tags"]:
                    leak_by_tag[t][1] += 1
                    leak_by_tag[t][0] += leaked
                if leaked:
                    n_leak += 1
                    doc_leak = True
                    leaks.append((d["id"], s["type"], context(src, st, en)))
            elif s["kind"] == "public":
                lost = any(not keep[i] for i in range(st, en) if not src[i].isspace())
                if "published_by_policy" in s["tags"]:
                    officials[1] += 1
                    officials[0] += not lost
                    continue
                n_public += 1
                loss_by_type[s["type"]][1] += 1
                loss_by_type[s["type"]][0] += lost
                if lost:
                    n_lost += 1
                    losses.append((d["id"], s["type"], context(src, st, en)))
            else:
                n_masked += 1
                ch = any(not keep[i] for i in range(st, en) if not src[i].isspace())
                changed_by_type[s["type"]][1] += 1
                changed_by_type[s["type"]][0] += ch
                if ch:
                    n_changed += 1
                    changes.append((d["id"], s["type"], context(src, st, en)))
        docs_leaking += doc_leak

    print(f"masking evaluation set 13 — {len(docs)} documents, repo {repo}")
    if missing:
        print(f"documents missing from masker output: {missing}")
    print(f"overall leak:            {pct(n_leak, n_personal)}")
    print(f"documents with a leak:   {pct(docs_leaking, len(docs))}")
    print(f"public loss:             {pct(n_lost, n_public)}")
    print(f"masked changed:          {pct(n_changed, n_masked)}")
    print(f"twice == once:           {pct(idempotent, len(docs))}")
    print(f"officials (published_by_policy) left visible: {pct(officials[0], officials[1])}")
    print("\nleak per personal type:")
    for k, (a, b) in sorted(leak_by_type.items()):
        print(f"  {k:22s} {pct(a, b)}")
    print("\nleak per tag:")
    for k, (a, b) in sorted(leak_by_tag.items()):
        print(f"  {k:22s} {pct(a, b)}")
    print("\nloss per public type:")
    for k, (a, b) in sorted(loss_by_type.items()):
        print(f"  {k:22s} {pct(a, b)}")
    print("\nchanged per masked type:")
    for k, (a, b) in sorted(changed_by_type.items()):
        print(f"  {k:22s} {pct(a, b)}")
    if args.examples:
        print(f"\nleak examples (first {args.examples}):")
        for x in leaks[: args.examples]:
            print("  ", *x)
        print(f"\nloss examples (first {args.examples}):")
        for x in losses[: args.examples]:
            print("  ", *x)
        print(f"\nchanged examples (first {args.examples}):")
        for x in changes[: args.examples]:
            print("  ", *x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
