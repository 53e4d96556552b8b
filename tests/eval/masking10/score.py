"""Score a masker on evaluation set 10. Reports, never asserts; exits 0.

Usage: score.py [--repo PATH] [--python PY] [--examples N] [--corpus PATH]

Runs `PYTHONPATH=<repo>/src <python> -m sanxiang mask --jsonl` (cwd=<repo>) over the corpus, then once more
over its own output. Leak/loss rules: see README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_masker(repo: str, python: str, items: list[dict]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(repo) / "src")
    data = "".join(
        json.dumps({"id": it["id"], "text": it["text"]}, ensure_ascii=False) + "\n" for it in items
    )
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=data.encode("utf-8"),
        cwd=repo,
        env=env,
        capture_output=True,
    )
    if proc.returncode != 0:
        print(f"masker exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            out[o["id"]] = o["text"]
    return out


def sig(c: str) -> bool:
    return c.isalnum()


def norm_value(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s).lower() if sig(c))


class Aligned:
    def __init__(self, src: str, out: str):
        self.src = src
        self.out = out
        sm = SequenceMatcher(None, src, out, autojunk=False)
        self.survive = [False] * len(src)
        self.to_out = [0] * (len(src) + 1)
        for tag, i1, i2, j1, _j2 in sm.get_opcodes():
            for k in range(i1, i2):
                if tag == "equal":
                    self.survive[k] = True
                    self.to_out[k] = j1 + (k - i1)
                else:
                    self.to_out[k] = j1
        self.to_out[len(src)] = len(out)

    def out_pos(self, i: int) -> int:
        return self.to_out[min(i, len(self.src))]


def blanked_norm(al: Aligned, spans: list[dict]) -> str:
    """Normalised output with the surviving characters of public spans replaced by a separator."""
    blank = [False] * len(al.out)
    for sp in spans:
        if sp["kind"] != "public":
            continue
        for k in range(sp["start"], sp["end"]):
            if al.survive[k]:
                blank[al.to_out[k]] = True
    parts = []
    for j, c in enumerate(al.out):
        if blank[j]:
            parts.append("|")
            continue
        n = unicodedata.normalize("NFKC", c).lower()
        parts.append("".join(x for x in n if sig(x)))
    return "".join(parts)


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100.0 * a / b:.2f} %" if b else f"{a}/0"


def context(text: str, i: int, j: int, width: int = 30) -> str:
    return (
        text[max(0, i - width) : i].replace("\n", "⏎")
        + "【"
        + text[i:j].replace("\n", "⏎")
        + "】"
        + text[j : j + width].replace("\n", "⏎")
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    a = ap.parse_args()

    docs = [json.loads(line) for line in open(a.corpus, encoding="utf-8") if line.strip()]
    t0 = time.time()
    once = run_masker(a.repo, a.python, docs)
    t1 = time.time()
    twice = run_masker(a.repo, a.python, [{"id": d["id"], "text": once.get(d["id"], "")} for d in docs])
    t2 = time.time()
    print(f"set 10: {len(docs)} documents; masker run 1: {t1 - t0:.1f} s, run 2: {t2 - t1:.1f} s")
    missing = [d["id"] for d in docs if d["id"] not in once]
    if missing:
        print(f"missing outputs: {len(missing)} (first: {missing[:5]})")

    pers = defaultdict(lambda: [0, 0])
    pers_tag = defaultdict(lambda: [0, 0])
    pers_cat = defaultdict(lambda: [0, 0])
    pers_layout = defaultdict(lambda: [0, 0])
    pub = defaultdict(lambda: [0, 0])
    pub_tag = defaultdict(lambda: [0, 0])
    msk = defaultdict(lambda: [0, 0])
    leak_rule = defaultdict(int)
    officials = [0, 0]
    leak_docs = 0
    idem_bad = []
    leak_ex = []
    loss_ex = []
    changed_ex = []
    n_leak = n_pers = n_leak_nolr = n_pers_nolr = 0
    for d in docs:
        src = d["text"]
        out = once.get(d["id"], src)
        if twice.get(d["id"]) != out:
            idem_bad.append(d["id"])
        al = Aligned(src, out)
        bn = None
        doc_leak = False
        for sp in d["spans"]:
            s, e = sp["start"], sp["end"]
            if sp["kind"] == "personal":
                cs, ce = sp["core_start"], sp["core_end"]
                core_sig = [k for k in range(cs, ce) if sig(src[k])]
                kept = sum(al.survive[k] for k in core_sig)
                leaked = False
                if core_sig and kept * 2 >= len(core_sig):
                    leaked = True
                    leak_rule["a (core)"] += 1
                nv = norm_value(src[s:e])
                if not leaked and len(nv) >= 6:
                    if bn is None:
                        bn = blanked_norm(al, d["spans"])
                    if nv in bn:
                        leaked = True
                        leak_rule["b (whole value elsewhere)"] += 1
                keys = [pers[sp["type"]], pers_cat[d["category"]], pers_layout[d["layout"]]] + [
                    pers_tag[t] for t in sp["tags"]
                ]
                for c in keys:
                    c[1] += 1
                    c[0] += leaked
                n_pers += 1
                n_leak += leaked
                if "legal_rep" not in sp["tags"]:
                    n_pers_nolr += 1
                    n_leak_nolr += leaked
                if leaked:
                    doc_leak = True
                    leak_ex.append((d, sp, al))
            elif sp["kind"] == "public" and sp["type"] == "official_name":
                officials[1] += 1
                officials[0] += all(al.survive[k] for k in range(s, e) if sig(src[k]))
            else:
                lost = any(not al.survive[k] for k in range(s, e) if not src[k].isspace())
                if sp["kind"] == "public":
                    for c in [pub[sp["type"]]] + [pub_tag[t] for t in sp["tags"]]:
                        c[1] += 1
                        c[0] += lost
                    if lost:
                        loss_ex.append((d, sp, al))
                else:
                    msk[sp["type"]][1] += 1
                    msk[sp["type"]][0] += lost
                    if lost:
                        changed_ex.append((d, sp, al))
        leak_docs += doc_leak

    tot_pub = sum(v[1] for v in pub.values())
    lost_pub = sum(v[0] for v in pub.values())
    tot_m = sum(v[1] for v in msk.values())
    ch_m = sum(v[0] for v in msk.values())
    print()
    print(f"overall leak:                {pct(n_leak, n_pers)}")
    print(f"  leak without legal_rep:    {pct(n_leak_nolr, n_pers_nolr)}")
    print("  by rule: " + ", ".join(f"{k}: {v}" for k, v in sorted(leak_rule.items())))
    print(f"documents with a leak:       {pct(leak_docs, len(docs))}")
    print(
        f"public loss:                 {pct(lost_pub, tot_pub)}  (kept {100.0 * (tot_pub - lost_pub) / max(tot_pub, 1):.2f} %)"
    )
    print(f"masked changed:              {pct(ch_m, tot_m)}")
    print(
        f"twice == once:               {pct(len(docs) - len(idem_bad), len(docs))}"
        + (f"  differing: {idem_bad[:10]}" if idem_bad else "")
    )
    print(f"officials (published_by_policy) left visible: {pct(officials[0], officials[1])}")

    def table(title, dd):
        print(f"\n{title}")
        for k, (x, n) in sorted(dd.items(), key=lambda kv: (-kv[1][0] / max(kv[1][1], 1), kv[0])):
            print(f"  {k:32s} {pct(x, n)}")

    table("leak per personal type", pers)
    table("leak per tag", pers_tag)
    table("leak per category", pers_cat)
    table("leak per layout", pers_layout)
    table("loss per public type", pub)
    table("loss per public tag", pub_tag)
    table("changed per masked type", msk)

    if a.examples:

        def show(title, exs):
            print(f"\n{title} (first {min(a.examples, len(exs))} of {len(exs)})")
            for d, sp, al in exs[: a.examples]:
                s, e = sp["start"], sp["end"]
                os_, oe = al.out_pos(s), al.out_pos(e)
                print(f"- {d['id']} {d['category']}/{d['layout']} {sp['type']} {sp['tags']}")
                print(f"    in : {context(d['text'], s, e)}")
                print(f"    out: {context(al.out, os_, max(oe, os_))}")

        show("leak examples", leak_ex)
        show("loss examples", loss_ex)
        show("changed examples", changed_ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
