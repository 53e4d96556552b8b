"""Over-masking of text no set labels: the runs of characters the masker hid that lie in no labelled
value (personal, public or already masked), counted per distinct run, with an example. The sets' own
scorers count lost public values only; this counts the ordinary words they never labelled
(经调取银行流水 → ***银行流水). Black box, reports and exits 0.

    .venv/bin/python tests/eval/overmask.py tests/eval/masking22/corpus.jsonl [--repo .] [--top 25]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--repo", default=str(Path(__file__).resolve().parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    docs = [json.loads(line) for line in Path(args.corpus).read_text(encoding="utf-8").splitlines() if line]
    stdin = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [args.python, "-m", "sanxiang", "mask", "--jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=args.repo,
        env=dict(os.environ, PYTHONPATH=str(Path(args.repo) / "src")),
        check=False,
    )
    outputs = {o["id"]: o["text"] for o in map(json.loads, filter(None, proc.stdout.splitlines()))}
    runs: Counter[str] = Counter()
    examples: dict[str, str] = {}
    characters = 0
    for doc in docs:
        text, out = doc["text"], outputs.get(doc["id"], doc["text"])
        labelled = [False] * len(text)
        for span in doc["spans"]:
            labelled[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
        kept = [False] * len(text)
        for block in difflib.SequenceMatcher(None, text, out, autojunk=False).get_matching_blocks():
            kept[block.a : block.a + block.size] = [True] * block.size
        i = 0
        while i < len(text):
            if kept[i] or labelled[i] or text[i].isspace():
                i += 1
                continue
            j = i
            while j < len(text) and not kept[j] and not labelled[j]:
                j += 1
            run = text[i:j].strip()
            runs[run] += 1
            characters += len(run)
            examples.setdefault(run, text[max(0, i - 15) : j + 10].replace("\n", "⏎"))
            i = j
    print(f"corpus: {args.corpus}  documents: {len(docs)}  repo: {args.repo}")
    print(f"unlabelled runs masked: {sum(runs.values())} ({characters} characters)")
    for run, count in runs.most_common(args.top):
        print(f"{count:5d}  {run!r:24}  {examples[run]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
