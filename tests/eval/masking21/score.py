"""Black-box score of a masker on evaluation set 21 (decision-document text).

Usage:
  python tests/eval/masking21/score.py --repo /work/main --python /work/main/.venv/bin/python [--examples 10]

Runs `python -m sanxiang mask --jsonl` in --repo (stdin lines {"id","text"}, stdout lines {"id","text"}),
twice (the second time on its own output, for idempotence), and prints the figures. It never asserts and
always exits 0.

Definitions (positions are carried from input to output by a character diff, difflib.SequenceMatcher):
- core(x): NFKC(x) with whitespace (incl. U+3000 and line breaks) and the separators - ( ) + removed.
- region of a span: the output text between the mapped start and mapped end of the span, widened by
  3 characters each side.
- LEAK (personal value, headline): core(value) is a substring of core(region) -- the whole value is
  still there in place, however it was re-wrapped or re-spaced.
- leak_anywhere: core(value) is a substring of core(whole output).
- half_kept: at least half of core(value)'s characters survive in place (matching blocks of
  core(value) against core(region)); note that hiding an ID's birth date (6+4 kept of 18) counts here.
- KEEP (public value): the value, exactly as in the input (line breaks included), occurs in the output
  between mapped start - 8 and mapped end + 8.
- MASKED unchanged: the same test as KEEP, for already-masked values (陶**, 9144****, XXX, 张某).
- IDEMPOTENT: mask(mask(x)) == mask(x) for the document.
Headline figures exclude personal values tagged `doubtful` and public values tagged
`published_by_policy`; both are reported apart.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEP = set(" \t\n\r\u3000\u00a0-()+")


def core(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s) if c not in SEP)


def run_masker(repo: str, python: str, docs: list[dict]) -> dict[str, str] | str:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(repo) / "src")
    stdin = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    try:
        p = subprocess.run(
            [python, "-m", "sanxiang", "mask", "--jsonl"],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=repo,
            env=env,
            timeout=3600,
        )
    except Exception as e:  # noqa: BLE001 - report, never fail
        return f"masker did not run: {e!r}"
    if p.returncode != 0:
        return f"masker exit {p.returncode}: {p.stderr[-2000:]}"
    out = {}
    for line in p.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
            out[o["id"]] = o["text"]
        except Exception:  # noqa: BLE001, S112
            continue
    return out


class PosMap:
    def __init__(self, a: str, b: str):
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        self.ops = sm.get_opcodes()
        self.starts = [op[1] for op in self.ops]

    def _op(self, i: int):
        k = bisect.bisect_right(self.starts, i) - 1
        return self.ops[max(k, 0)]

    def start(self, i: int) -> int:
        tag, i1, i2, j1, j2 = self._op(i)
        return j1 + (i - i1) if tag == "equal" else j1

    def end(self, i: int) -> int:
        # position just after the span end
        tag, i1, i2, j1, j2 = self._op(max(i - 1, 0))
        return j1 + (i - i1) if tag == "equal" else j2


def pct(a: int, n: int) -> str:
    return f"{100.0 * a / n:6.2f}% ({a}/{n})" if n else "     -"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    args = ap.parse_args()

    try:
        commit = subprocess.run(
            ["git", "-C", args.repo, "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    except Exception:  # noqa: BLE001
        commit = "?"
    print(f"set 21 (decision-document text) scored on {args.repo} commit {commit}")
    docs = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    out1 = run_masker(args.repo, args.python, docs)
    if isinstance(out1, str):
        print(out1)
        return
    out2 = run_masker(args.repo, args.python, [{"id": k, "text": v} for k, v in out1.items()])
    if isinstance(out2, str):
        print("second run: " + out2)
        out2 = {}

    missing = [d["id"] for d in docs if d["id"] not in out1]
    print(f"documents {len(docs)}, missing from output {len(missing)}")

    leak_t = defaultdict(lambda: [0, 0])  # type -> [leaked, n]
    leak_tag = defaultdict(lambda: [0, 0])
    leak_layout = defaultdict(lambda: [0, 0])
    anywhere = [0, 0]
    half = defaultdict(lambda: [0, 0])
    keep_t = defaultdict(lambda: [0, 0])
    keep_tag = defaultdict(lambda: [0, 0])
    keep_layout = defaultdict(lambda: [0, 0])
    masked = [0, 0]
    idem = [0, 0]
    head_leak = [0, 0]
    head_keep = [0, 0]
    doubtful = [0, 0]
    policy = [0, 0]
    fails = defaultdict(list)

    for d in docs:
        src = d["text"]
        if d["id"] not in out1:
            continue
        out = out1[d["id"]]
        idem[1] += 1
        if out2.get(d["id"]) == out:
            idem[0] += 1
        pm = PosMap(src, out)
        cout = core(out)
        for s in d["spans"]:
            val = src[s["start"] : s["end"]]
            ms, me = pm.start(s["start"]), pm.end(s["end"])
            if s["kind"] == "personal":
                reg = out[max(ms - 3, 0) : me + 3]
                cv = core(val)
                leaked = bool(cv) and cv in core(reg)
                any_ = bool(cv) and cv in cout
                sm = difflib.SequenceMatcher(None, cv, core(reg), autojunk=False)
                kept = sum(b.size for b in sm.get_matching_blocks())
                half[s["type"]][1] += 1
                half[s["type"]][0] += kept * 2 >= len(cv)
                anywhere[1] += 1
                anywhere[0] += any_
                for acc in (leak_t[s["type"]], leak_layout[d["layout"]]):
                    acc[1] += 1
                    acc[0] += leaked
                for t in s["tags"] or ["(none)"]:
                    leak_tag[t][1] += 1
                    leak_tag[t][0] += leaked
                tgt = doubtful if "doubtful" in s["tags"] else head_leak
                tgt[1] += 1
                tgt[0] += leaked
                if leaked:
                    fails["LEAK " + s["type"]].append((d, s, ms, me, out))
            else:
                reg = out[max(ms - 8, 0) : me + 8]
                ok = val in reg
                if s["kind"] == "masked":
                    masked[1] += 1
                    masked[0] += ok
                    if not ok:
                        fails["CHANGED masked " + s["type"]].append((d, s, ms, me, out))
                    continue
                for acc in (keep_t[s["type"]], keep_layout[d["layout"]]):
                    acc[1] += 1
                    acc[0] += ok
                for t in s["tags"] or ["(none)"]:
                    keep_tag[t][1] += 1
                    keep_tag[t][0] += ok
                tgt = policy if "published_by_policy" in s["tags"] else head_keep
                tgt[1] += 1
                tgt[0] += ok
                if not ok:
                    fails["LOST " + s["type"]].append((d, s, ms, me, out))

    print("\n== HEADLINE ==")
    print(f"leak overall (personal, excl. doubtful)        {pct(*head_leak)}")
    print(f"keep overall (public, excl. published_by_policy) {pct(*head_keep)}")
    print(f"already-masked unchanged                       {pct(*masked)}")
    print(f"idempotent documents                           {pct(*idem)}")
    print(f"doubtful personal values leaked (apart)        {pct(*doubtful)}")
    print(f"published_by_policy public values kept (apart) {pct(*policy)}")
    print(f"personal value found anywhere in output        {pct(*anywhere)}")

    print("\n== leak per personal type (in place | half its core characters kept in place) ==")
    for t in sorted(leak_t, key=lambda k: -leak_t[k][1]):
        print(f"  {t:28s} {pct(*leak_t[t])}   half_kept {pct(*half[t])}")
    print("\n== leak per tag ==")
    for t in sorted(leak_tag, key=lambda k: -leak_tag[k][1]):
        print(f"  {t:28s} {pct(*leak_tag[t])}")
    print("\n== leak per layout ==")
    for t in sorted(leak_layout):
        print(f"  {t:28s} {pct(*leak_layout[t])}")
    print("\n== keep per public type ==")
    for t in sorted(keep_t, key=lambda k: -keep_t[k][1]):
        print(f"  {t:28s} {pct(*keep_t[t])}")
    print("\n== keep per tag ==")
    for t in sorted(keep_tag, key=lambda k: -keep_tag[k][1]):
        print(f"  {t:28s} {pct(*keep_tag[t])}")
    print("\n== keep per layout ==")
    for t in sorted(keep_layout):
        print(f"  {t:28s} {pct(*keep_layout[t])}")

    if args.examples:
        print(f"\n== up to {args.examples} failures, round robin over failure kinds ==")
        shown = 0
        idx = 0
        keys = sorted(fails, key=lambda k: -len(fails[k]))
        while shown < args.examples and any(idx < len(fails[k]) for k in keys):
            for k in keys:
                if idx < len(fails[k]) and shown < args.examples:
                    d, s, ms, me, out = fails[k][idx]
                    src = d["text"]
                    print(f"-- {k} [{d['id']} {d['layout']}] tags={s['tags']}")
                    print("   in : " + repr(src[max(s["start"] - 25, 0) : s["end"] + 25]))
                    print("   out: " + repr(out[max(ms - 25, 0) : me + 25]))
                    shown += 1
            idx += 1


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # noqa: BLE001 - report, never fail
        print(f"score.py error: {e!r}", file=sys.stderr)
    sys.exit(0)
