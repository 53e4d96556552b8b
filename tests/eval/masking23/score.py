"""Black-box score of a masker on evaluation set 23.

Runs `python -m sanxiang mask --jsonl` in --repo; reports and always exits 0.

Definitions
- Alignment: input and output are aligned with difflib.SequenceMatcher (autojunk off); an input
  character "survives in place" when it lies in an `equal` block.
- Core characters of a value: letters, digits and CJK characters (spaces, hyphens, brackets, dots,
  line breaks are not core). For id18/id15/person_tin the core is only the birth-date digits
  (positions 6-13 of an 18-digit ID, 6-11 of a 15-digit ID), since RULES.md §1.5 allows
  `first 6 + **** + last 4`.
- LEAK of a personal value: (a) its whole core string (core characters concatenated, after
  full-width digit folding) appears anywhere in the output's core string of the same line window,
  for values with >= 4 core characters; or (b) more than half of its core characters survive in place.
- KEEP of a public value: every character of the value survives in place, in one contiguous run
  (the value is verbatim at its place).
- MASKED unchanged: same test as KEEP for already-masked values.
- IDEMPOTENCE: mask(mask(x)) == mask(x), the masker run a second time on its own output.
- OVER-MASKING: input characters outside every labelled span that do not survive in place
  (deleted or replaced), grouped into maximal runs; reports the character count and the 10 most
  frequent runs.
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

HERE = Path(__file__).parent
ID_TYPES = {"id18", "person_tin"}


def run_masker(repo: str, python: str, docs: list[dict]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(repo) / "src")
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    p = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=inp,
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
        check=False,
    )
    out = {}
    for line in p.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
        except json.JSONDecodeError:
            continue
        out[o.get("id")] = o.get("text", "")
    if p.returncode != 0:
        print(f"# masker exit code {p.returncode}; stderr tail: {p.stderr[-800:]}")
    return out


def is_core(c: str) -> bool:
    return c.isalnum()


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def core_positions(span: dict, text: str) -> list[int]:
    pos = [i for i in range(span["start"], span["end"]) if is_core(text[i])]
    if span["type"] in ID_TYPES and len(pos) >= 18:
        return pos[6:14]
    if span["type"] == "id15" and len(pos) >= 15:
        return pos[6:12]
    return pos


def survive_map(a: str, b: str) -> list[bool]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ok = [False] * len(a)
    for tag, i1, i2, _j1, _j2 in sm.get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                ok[i] = True
    return ok, sm


def kept_verbatim(span: dict, sm: difflib.SequenceMatcher) -> bool:
    s, e = span["start"], span["end"]
    for tag, i1, i2, _j1, _j2 in sm.get_opcodes():
        if tag == "equal" and i1 <= s and e <= i2:
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=10)
    args = ap.parse_args()

    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    commit = subprocess.run(
        ["git", "-C", args.repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    print(f"commit scored: {commit}")
    print(f"documents: {len(docs)}")

    out1 = run_masker(args.repo, args.python, docs)
    out2 = run_masker(args.repo, args.python, [{"id": k, "text": v} for k, v in out1.items()])

    leak = collections.defaultdict(lambda: [0, 0])
    leak_tag = collections.defaultdict(lambda: [0, 0])
    keep = collections.defaultdict(lambda: [0, 0])
    keep_tag = collections.defaultdict(lambda: [0, 0])
    masked = [0, 0]
    idem = [0, 0]
    missing = 0
    over_chars = 0
    over_runs: collections.Counter = collections.Counter()
    fails = []
    for d in docs:
        text = d["text"]
        if d["id"] not in out1:
            missing += 1
            continue
        o = out1[d["id"]]
        idem[1] += 1
        if out2.get(d["id"]) == o:
            idem[0] += 1
        ok, sm = survive_map(text, o)
        ocore = "".join(c for c in fold(o) if is_core(c))
        inside = [False] * len(text)
        for s in d["spans"]:
            for i in range(s["start"], s["end"]):
                inside[i] = True
            val = text[s["start"] : s["end"]]
            if s["kind"] == "personal":
                pos = core_positions(s, text)
                wcore = "".join(c for c in fold(val) if is_core(c))
                surv = sum(ok[i] for i in pos)
                lk = (len(wcore) >= 4 and wcore in ocore) or (pos and surv * 2 > len(pos))
                leak[s["type"]][1] += 1
                leak["ALL"][1] += 1
                for t in s["tags"]:
                    leak_tag[t][1] += 1
                if lk:
                    leak[s["type"]][0] += 1
                    leak["ALL"][0] += 1
                    for t in s["tags"]:
                        leak_tag[t][0] += 1
                    fails.append(("LEAK", s, d, o))
            elif s["kind"] == "public":
                kv = kept_verbatim(s, sm)
                keep[s["type"]][1] += 1
                keep["ALL"][1] += 1
                for t in s["tags"]:
                    keep_tag[t][1] += 1
                if kv:
                    keep[s["type"]][0] += 1
                    keep["ALL"][0] += 1
                    for t in s["tags"]:
                        keep_tag[t][0] += 1
                else:
                    fails.append(("LOST", s, d, o))
            else:
                masked[1] += 1
                if kept_verbatim(s, sm):
                    masked[0] += 1
                else:
                    fails.append(("MASKED-CHANGED", s, d, o))
        run = []
        for i, c in enumerate(text):
            if not inside[i] and not ok[i]:
                run.append(c)
                over_chars += 1
            elif run:
                over_runs["".join(run)] += 1
                run = []
        if run:
            over_runs["".join(run)] += 1

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f}%" if b else "0/0"

    print(f"documents missing from masker output: {missing}")
    print("\n## Leak per personal type (lower is better)")
    for k in sorted(leak, key=lambda k: (k != "ALL", k)):
        print(f"  {k:18s} {pct(*leak[k])}")
    print("\n## Leak per tag")
    for k in sorted(leak_tag):
        print(f"  {k:18s} {pct(*leak_tag[k])}")
    print("\n## Keep per public type (higher is better)")
    for k in sorted(keep, key=lambda k: (k != "ALL", k)):
        print(f"  {k:18s} {pct(*keep[k])}")
    print("\n## Keep per public tag")
    for k in sorted(keep_tag):
        print(f"  {k:18s} {pct(*keep_tag[k])}")
    lp = leak["ALL"][0] - leak_tag["doubtful"][0], leak["ALL"][1] - leak_tag["doubtful"][1]
    kp = (
        keep["ALL"][0] - keep_tag["published_by_policy"][0],
        keep["ALL"][1] - keep_tag["published_by_policy"][1],
    )
    print(f"\n## Leak excluding doubtful labels: {pct(*lp)}")
    print(f"## Keep excluding published_by_policy labels: {pct(*kp)}")
    print(f"\n## Already-masked unchanged: {pct(*masked)}")
    print(f"## Idempotence mask(mask(x)) == mask(x): {pct(*idem)}")
    print(
        f"\n## Over-masking: {over_chars} characters hidden outside every labelled value, in {sum(over_runs.values())} runs"
    )
    for r, n in over_runs.most_common(10):
        print(f"  {n:5d}  {r!r}")
    doubt = [f for f in fails if "doubtful" in f[1]["tags"] or "published_by_policy" in f[1]["tags"]]
    print(f"\n## Failures on doubtful / published_by_policy labels (reported apart): {len(doubt)}")
    print(f"\n## Examples (first {args.examples} per kind)")
    seen = collections.Counter()
    for kind, s, d, o in fails:
        if seen[kind] >= args.examples:
            continue
        seen[kind] += 1
        a, b = max(0, s["start"] - 25), min(len(d["text"]), s["end"] + 25)
        print(f"- {kind} {d['id']} {s['type']} {s['tags']} value={d['text'][s['start'] : s['end']]!r}")
        print(f"    in : {d['text'][a:b]!r}")
        frac = a / max(1, len(d["text"]))
        oa = int(frac * len(o))
        print(f"    out: {o[max(0, oa - 10) : oa + (b - a) + 20]!r}")


if __name__ == "__main__":
    main()
