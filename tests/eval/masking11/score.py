"""Score the masker on evaluation set 11. Reports only; never asserts; exits 0.

Usage: score.py [--repo PATH] [--python PY] [--examples N]
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


def run_masker(repo, python, docs):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(repo) / "src")
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload.encode("utf-8"),
        capture_output=True,
        cwd=repo,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        print(f"masker exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
        except json.JSONDecodeError:
            continue
        out[o["id"]] = o["text"]
    return out


def survivors(src, dst):
    keep = [False] * len(src)
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for a, _b, n in sm.get_matching_blocks():
        for i in range(a, a + n):
            keep[i] = True
    return keep


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def pct(a, b):
    return f"{100.0 * a / b:.2f} % ({a}/{b})" if b else "n/a (0/0)"


def context(text, s, e, width=25):
    return (
        text[max(0, s - width) : s].replace("\n", "⏎")
        + "【"
        + text[s:e].replace("\n", "⏎")
        + "】"
        + text[e : e + width].replace("\n", "⏎")
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    a = ap.parse_args()

    docs = [json.loads(line) for line in open(a.corpus, encoding="utf-8") if line.strip()]
    out1 = run_masker(a.repo, a.python, docs)
    out2 = run_masker(a.repo, a.python, [{"id": k, "text": v} for k, v in out1.items()])
    missing = [d["id"] for d in docs if d["id"] not in out1]

    tot = defaultdict(int)
    leak_by_type = defaultdict(lambda: [0, 0])
    leak_by_tag = defaultdict(lambda: [0, 0])
    loss_by_type = defaultdict(lambda: [0, 0])
    chg_by_type = defaultdict(lambda: [0, 0])
    leak_ex, loss_ex, chg_ex = [], [], []
    docs_leak = 0
    official_visible = [0, 0]
    twice_same = 0

    for d in docs:
        text = d["text"]
        masked = out1.get(d["id"], text)
        if out2.get(d["id"], masked) == masked:
            twice_same += 1
        keep = survivors(text, masked)
        # output with surviving public / published-by-policy characters blanked
        blank = set()
        sm = difflib.SequenceMatcher(None, text, masked, autojunk=False)
        src_to_dst = {}
        for x, y, n in sm.get_matching_blocks():
            for i in range(n):
                src_to_dst[x + i] = y + i
        for sp in d["spans"]:
            if sp["kind"] == "public" or "published_by_policy" in sp["tags"]:
                for i in range(sp["start"], sp["end"]):
                    if keep[i]:
                        blank.add(src_to_dst[i])
        out_blanked = norm("".join(" " if j in blank else ch for j, ch in enumerate(masked)))
        doc_leaked = False
        for sp in d["spans"]:
            s, e = sp["start"], sp["end"]
            val = text[s:e]
            if sp["kind"] == "personal" and sp["type"] == "official_name":
                official_visible[1] += 1
                if all(keep[i] for i in range(s, e) if text[i].isalnum()):
                    official_visible[0] += 1
                continue
            if sp["kind"] == "personal":
                cs, ce = sp["core_start"], sp["core_end"]
                sig = [i for i in range(cs, ce) if text[i].isalnum()]
                surv = sum(1 for i in sig if keep[i])
                leaked = bool(sig) and surv * 2 >= len(sig)
                nv = norm(val)
                if not leaked and len(nv) >= 6 and nv in out_blanked:
                    leaked = True
                tot["personal"] += 1
                tot["leak"] += leaked
                for key, table in ((sp["type"], leak_by_type),):
                    table[key][1] += 1
                    table[key][0] += leaked
                for t in sp["tags"]:
                    leak_by_tag[t][1] += 1
                    leak_by_tag[t][0] += leaked
                if leaked:
                    doc_leaked = True
                    leak_ex.append((d["id"], sp["type"], context(text, s, e)))
            elif sp["kind"] == "public":
                lost = any(not keep[i] for i in range(s, e) if not text[i].isspace())
                tot["public"] += 1
                tot["lost"] += lost
                loss_by_type[sp["type"]][1] += 1
                loss_by_type[sp["type"]][0] += lost
                if lost:
                    loss_ex.append((d["id"], sp["type"], context(text, s, e)))
            else:
                changed = any(not keep[i] for i in range(s, e) if not text[i].isspace())
                tot["masked"] += 1
                tot["changed"] += changed
                chg_by_type[sp["type"]][1] += 1
                chg_by_type[sp["type"]][0] += changed
                if changed:
                    chg_ex.append((d["id"], sp["type"], context(text, s, e)))
        docs_leak += doc_leaked

    print(f"masking evaluation set 11 — {len(docs)} documents, repo {a.repo}")
    if missing:
        print(f"documents missing from masker output: {len(missing)}")
    print(f"overall leak (personal values): {pct(tot['leak'], tot['personal'])}")
    print(f"documents with a leak:          {pct(docs_leak, len(docs))}")
    print(
        f"public loss:                    {pct(tot['lost'], tot['public'])}  (kept {pct(tot['public'] - tot['lost'], tot['public'])})"
    )
    print(f"masked values changed:          {pct(tot['changed'], tot['masked'])}")
    print(f"mask twice == once:             {pct(twice_same, len(docs))}")
    print(f"officials' names left visible (published_by_policy, not scored): {pct(*official_visible)}")
    print("\nleak per personal type:")
    for k, (x, n) in sorted(leak_by_type.items()):
        print(f"  {k:22s} {pct(x, n)}")
    print("\nleak per tag:")
    for k, (x, n) in sorted(leak_by_tag.items()):
        print(f"  {k:22s} {pct(x, n)}")
    print("\nloss per public type:")
    for k, (x, n) in sorted(loss_by_type.items()):
        print(f"  {k:22s} {pct(x, n)}")
    print("\nchanged per masked type:")
    for k, (x, n) in sorted(chg_by_type.items()):
        print(f"  {k:22s} {pct(x, n)}")
    if a.examples:
        for title, ex in (("leak", leak_ex), ("loss", loss_ex), ("changed", chg_ex)):
            print(f"\n{title} examples (first {a.examples} of {len(ex)}):")
            for i, (did, typ, ctx) in enumerate(ex[: a.examples]):
                print(f"  {did} {typ}: {ctx}")
                if i >= a.examples:
                    break
    return 0


if __name__ == "__main__":
    sys.exit(main())
