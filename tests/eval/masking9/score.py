"""Score the personal-data masker, as a black box, on the set-9 corpus.

Usage: score.py [--repo PATH] [--python PY] [--examples N]

Runs ``PYTHONPATH=<repo>/src <python> -m sanxiang mask --jsonl`` over
``corpus.jsonl``, then once more over its own output, and prints leak,
loss and idempotence figures. It reports; it never asserts (exit 0).
The leak rule is defined in README.md and implemented in ``judge``.
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
MIN_FULL_MATCH = 6  # significant characters a value needs before the "appears anywhere" test applies


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(repo / "src"))
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        env=env,
        cwd=str(repo),
        check=False,
    )
    out: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            out[row["id"]] = row["text"]
    if proc.returncode != 0 or len(out) != len(docs):
        print(f"masker exit {proc.returncode}, {len(out)}/{len(docs)} documents returned", file=sys.stderr)
        print(proc.stderr[-2000:], file=sys.stderr)
    return out


def significant(c: str) -> bool:
    return c.isalnum()


def normalise(s: str) -> str:
    """NFKC, lower-case, significant characters only (spaces, dashes, line breaks, full width ignored)."""
    return "".join(c for c in unicodedata.normalize("NFKC", s).lower() if significant(c))


def align(src: str, dst: str) -> list[int]:
    """For every character of src, its index in dst when it lies in an unchanged block, else -1."""
    mapping = [-1] * len(src)
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    return mapping


def judge(doc: dict, out: str, mapping: list[int]) -> list[tuple[dict, bool]]:
    """Return (span, verdict): leaked for personal spans, lost/changed for public and masked spans."""
    text = doc["text"]
    # Text that must stay visible (public values, published_by_policy names) may legitimately contain a
    # personal value (a shop named after its owner); blank its surviving characters for test (b).
    visible = list(out)
    for s in doc["spans"]:
        if s["kind"] == "public" or "published_by_policy" in s["tags"]:
            for i in range(s["start"], s["end"]):
                if mapping[i] >= 0:
                    visible[mapping[i]] = "|"
    norm_out = "|".join(normalise(part) for part in "".join(visible).split("|"))
    verdicts = []
    for s in doc["spans"]:
        if s["kind"] == "personal":
            core = [i for i in range(s["core_start"], s["core_end"]) if significant(text[i])]
            survived = sum(1 for i in core if mapping[i] >= 0)
            value = normalise(text[s["start"] : s["end"]])
            whole = len(value) >= MIN_FULL_MATCH and value in norm_out
            verdicts.append((s, bool(core) and survived * 2 >= len(core) or whole))
        else:
            chars = [i for i in range(s["start"], s["end"]) if not text[i].isspace()]
            verdicts.append((s, any(mapping[i] < 0 for i in chars)))
    return verdicts


def pct(n: int, total: int) -> str:
    return f"{n:5d}/{total:<5d} {100.0 * n / total:6.1f} %" if total else f"{n:5d}/{total:<5d}      - %"


def table(title: str, counts: dict[str, list[int]]) -> None:
    print(f"\n{title}")
    for key in sorted(counts, key=lambda k: (-counts[k][1], k)):
        bad, total = counts[key]
        print(f"  {key:28s} {pct(bad, total)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()
    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]

    once = run_masker(repo, args.python, docs)
    twice = run_masker(repo, args.python, [{"id": d["id"], "text": once.get(d["id"], "")} for d in docs])

    leak_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    policy_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    loss_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    loss_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    changed_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    examples: list[str] = []
    docs_with_leak = 0
    for doc in docs:
        out = once.get(doc["id"])
        if out is None:
            continue
        any_leak = False
        mapping = align(doc["text"], out)
        for s, bad in judge(doc, out, mapping):
            value = doc["text"][s["start"] : s["end"]]
            if s["kind"] == "personal":
                if "published_by_policy" in s["tags"]:
                    policy_type[s["type"]][0] += bad
                    policy_type[s["type"]][1] += 1
                    continue
                any_leak |= bad
                for key, counts in ((s["type"], leak_type), (doc["category"], leak_cat)):
                    counts[key][0] += bad
                    counts[key][1] += 1
                for tag in s["tags"] or ["(none)"]:
                    leak_tag[tag][0] += bad
                    leak_tag[tag][1] += 1
                if bad and len(examples) < args.examples:
                    at = next((mapping[i] for i in range(s["start"], -1, -1) if mapping[i] >= 0), 0)
                    context = out[max(0, at - 10) : at + len(value) + 10]
                    examples.append(f"  LEAK {doc['id']} {s['type']} {value!r} in {context!r}")
            elif s["kind"] == "public":
                loss_type[s["type"]][0] += bad
                loss_type[s["type"]][1] += 1
                for tag in s["tags"] or ["(none)"]:
                    loss_tag[tag][0] += bad
                    loss_tag[tag][1] += 1
                if bad and len(examples) < args.examples:
                    at = next((mapping[i] for i in range(s["start"], -1, -1) if mapping[i] >= 0), 0)
                    context = out[max(0, at - 6) : at + len(value) + 6]
                    examples.append(f"  LOSS {doc['id']} {s['type']} {value!r} became {context!r}")
            else:
                changed_type[s["type"]][0] += bad
                changed_type[s["type"]][1] += 1
        docs_with_leak += any_leak

    leaked = sum(v[0] for v in leak_type.values())
    total = sum(v[1] for v in leak_type.values())
    lost = sum(v[0] for v in loss_type.values())
    ptotal = sum(v[1] for v in loss_type.values())
    changed = sum(v[0] for v in changed_type.values())
    mtotal = sum(v[1] for v in changed_type.values())
    stable = sum(1 for d in docs if d["id"] in once and twice.get(d["id"]) == once[d["id"]])

    print(f"set 9: {len(docs)} documents, {len(once)} masked by {repo}")
    print(f"overall leak of personal values (excl. published_by_policy): {pct(leaked, total)}")
    print(f"documents with at least one leak:                             {pct(docs_with_leak, len(once))}")
    print(f"public facts not kept verbatim:                               {pct(lost, ptotal)}")
    print(f"already-masked values changed:                                {pct(changed, mtotal)}")
    print(f"masking twice == once (documents):                            {pct(stable, len(once))}")
    table("leak per personal type", leak_type)
    table("leak per personal tag", leak_tag)
    table("leak per document category", leak_cat)
    table(
        "published_by_policy values left visible (NOT leaks; policy decides) — shown as 'survived'",
        policy_type,
    )
    table("loss per public type", loss_type)
    table("loss per public tag", loss_tag)
    table("changed per already-masked type", changed_type)
    if examples:
        print("\nexamples")
        print("\n".join(examples))


if __name__ == "__main__":
    main()
