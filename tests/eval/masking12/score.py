"""Score the masker on set 12 (reports only; never asserts; exit status 0).

Usage: score.py [--repo PATH] [--python PY] [--examples N]
Runs `PYTHONPATH=<repo>/src <python> -m sanxiang mask --jsonl` with cwd=<repo> over corpus.jsonl, then once
more over its own output (twice == once check). Leak / loss rules: see README.md.
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
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo / "src")
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=repo,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        print(f"masker exited with {proc.returncode}; stderr tail:\n{proc.stderr[-2000:]}")
    out: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        out[str(obj.get("id"))] = obj.get("text", "")
    return out


def alignment(src: str, dst: str) -> tuple[list[bool], list[int]]:
    """survive[i] for each char of src; pos[i] = index in dst (or -1)."""
    survive = [False] * len(src)
    pos = [-1] * len(src)
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            survive[a + k] = True
            pos[a + k] = b + k
    return survive, pos


def norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s).lower() if c.isalnum())


def pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100.0 * n / d:.2f} %" if d else f"{n}/0"


def context(text: str, a: int, b: int, width: int = 30) -> str:
    return (text[max(0, a - width) : a] + "【" + text[a:b] + "】" + text[b : b + width]).replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [
        json.loads(line)
        for line in Path(args.corpus).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

    once = run_masker(repo, args.python, docs)
    twice = run_masker(repo, args.python, [{"id": d["id"], "text": once.get(d["id"], "")} for d in docs])

    leak_by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_by_tag: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    loss_by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    changed_by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_rule = collections.Counter()
    leaks = total = lost = pub_total = changed = masked_total = 0
    official_visible = official_total = 0
    docs_with_leak = 0
    missing = 0
    stable = 0
    leak_examples: list[str] = []
    loss_examples: list[str] = []

    for d in docs:
        src = d["text"]
        if d["id"] not in once:
            missing += 1
        out = once.get(d["id"], "")
        if twice.get(d["id"]) == out:
            stable += 1
        survive, pos = alignment(src, out)
        blanked = list(out)
        for s in d["spans"]:
            if s["kind"] == "public" or "published_by_policy" in s["tags"]:
                for i in range(s["start"], s["end"]):
                    if survive[i]:
                        blanked[pos[i]] = " "
        out_norm = norm("".join(blanked))
        doc_leak = False
        for s in d["spans"]:
            a, b = s["start"], s["end"]
            value = src[a:b]
            if s["kind"] == "personal":
                core = [i for i in range(s["core_start"], s["core_end"]) if src[i].isalnum()]
                kept = sum(1 for i in core if survive[i])
                rule_a = bool(core) and kept * 2 >= len(core)
                vn = norm(value)
                rule_b = len(vn) >= 6 and vn in out_norm
                is_leak = rule_a or rule_b
                if "published_by_policy" in s["tags"]:
                    official_total += 1
                    official_visible += int(is_leak)
                    continue
                total += 1
                leak_by_type[s["type"]][1] += 1
                for t in s["tags"] or ["(none)"]:
                    leak_by_tag[t][1] += 1
                if is_leak:
                    leaks += 1
                    doc_leak = True
                    leak_by_type[s["type"]][0] += 1
                    for t in s["tags"] or ["(none)"]:
                        leak_by_tag[t][0] += 1
                    leak_rule["a" if rule_a else "b"] += 1
                    j = next((pos[i] for i in range(a, b) if survive[i]), -1)
                    leak_examples.append(
                        f"{d['id']} {d['category']}/{d['layout']} {s['type']} {value!r}\n"
                        f"    in : {context(src, a, b)}\n"
                        f"    out: {context(out, j, j + len(value)) if j >= 0 else '(no surviving char; rule b)'}"
                    )
            else:
                bad = any(not survive[i] for i in range(a, b) if not src[i].isspace())
                if s["kind"] == "public":
                    pub_total += 1
                    loss_by_type[s["type"]][1] += 1
                    if bad:
                        lost += 1
                        loss_by_type[s["type"]][0] += 1
                        j = next((pos[i] for i in range(a, b) if survive[i]), -1)
                        loss_examples.append(
                            f"{d['id']} {d['category']}/{d['layout']} {s['type']} {value!r}\n"
                            f"    in : {context(src, a, b)}\n"
                            f"    out: {context(out, max(j, 0), max(j, 0) + len(value)) if j >= 0 else '(all gone)'}"
                        )
                else:
                    masked_total += 1
                    changed_by_type[s["type"]][1] += 1
                    if bad:
                        changed += 1
                        changed_by_type[s["type"]][0] += 1
                        loss_examples.append(
                            f"{d['id']} masked {s['type']} {value!r} CHANGED\n    in : {context(src, a, b)}"
                        )
        docs_with_leak += int(doc_leak)

    print(f"set 12: {len(docs)} documents, masker output missing for {missing}")
    print(
        f"overall leak            : {pct(leaks, total)}   (rule a: {leak_rule['a']}, rule b only: {leak_rule['b']})"
    )
    print(f"documents with a leak   : {pct(docs_with_leak, len(docs))}")
    print(f"public loss             : {pct(lost, pub_total)}")
    print(f"masked changed          : {pct(changed, masked_total)}")
    print(f"twice == once           : {pct(stable, len(docs))}")
    print(f"official_name visible   : {official_visible}/{official_total} (published_by_policy; not counted)")
    print("\nleak per personal type:")
    for k, (n, t) in sorted(leak_by_type.items(), key=lambda kv: -kv[1][0]):
        print(f"  {k:22s} {pct(n, t)}")
    print("\nleak per tag:")
    for k, (n, t) in sorted(leak_by_tag.items(), key=lambda kv: (-kv[1][0] / max(kv[1][1], 1), kv[0])):
        print(f"  {k:26s} {pct(n, t)}")
    print("\nloss per public type:")
    for k, (n, t) in sorted(loss_by_type.items(), key=lambda kv: -kv[1][0]):
        print(f"  {k:22s} {pct(n, t)}")
    print("\nchanged per masked type:")
    for k, (n, t) in sorted(changed_by_type.items(), key=lambda kv: -kv[1][0]):
        print(f"  {k:22s} {pct(n, t)}")
    if args.examples:
        print(f"\n--- leak examples (first {args.examples} of {len(leak_examples)}) ---")
        for e in leak_examples[: args.examples]:
            print(e)
        print(f"\n--- loss / changed examples (first {args.examples} of {len(loss_examples)}) ---")
        for e in loss_examples[: args.examples]:
            print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
