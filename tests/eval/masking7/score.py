"""Score a masker on held-out set 7, as a black box.

    python tests/eval/masking7/score.py [--repo PATH] [--python PY] [--examples N]

Runs ``PYTHONPATH=<repo>/src <python> -m sanxiang mask --jsonl`` over corpus.jsonl (and once more
over its own output, to test that masking twice equals masking once) and prints leak, keep and
idempotence figures. It reports; it never asserts, and always exits 0. See README.md for the leak
definition.
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
DEFAULT_REPO = HERE.parents[2]


def norm(c: str) -> str:
    return unicodedata.normalize("NFKC", c)


def significant(c: str) -> bool:
    n = norm(c)
    return len(n) == 1 and n.isalnum()


def sig_string(s: str) -> str:
    return "".join(norm(c) for c in s if significant(c)).lower()


def run_masker(repo: Path, python: str, docs: list[dict[str, str]]) -> tuple[dict[str, str], str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo / "src")
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
        line = line.strip()
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        out[rec["id"]] = rec["text"]
    return out, proc.stderr if proc.returncode else ""


def alignment(a: str, b: str) -> dict[int, int]:
    """Map input index -> output index for the characters the masker left unchanged."""
    sm = difflib.SequenceMatcher(None, [norm(c) for c in a], [norm(c) for c in b], autojunk=False)
    m: dict[int, int] = {}
    for blk in sm.get_matching_blocks():
        for k in range(blk.size):
            m[blk.a + k] = blk.b + k
    return m


def kept(text: str, out: str, amap: dict[int, int], s: int, e: int) -> bool:
    seg = text[s:e]
    idx = [amap.get(i) for i in range(s, e)]
    if all(x is not None for x in idx) and all(idx[k + 1] == idx[k] + 1 for k in range(len(idx) - 1)):  # type: ignore[operator]
        return True
    return seg in out and out.count(seg) >= text.count(seg)


def leaked(span: dict, text: str, out_stripped_sig: str, amap: dict[int, int]) -> tuple[bool, str]:
    s, e = span["start"], span["end"]
    sig_idx = [i for i in range(s, e) if significant(text[i])]
    survived = [i for i in sig_idx if i in amap]
    if sig_idx and 2 * len(survived) > len(sig_idx):
        return True, f"{len(survived)}/{len(sig_idx)} chars in place"
    value = sig_string(text[s:e])
    if value and value in out_stripped_sig:
        return True, "whole value elsewhere in output"
    return False, ""


def pct(n: int, total: int) -> str:
    return f"{n}/{total}".rjust(11) + (f"  {100.0 * n / total:5.1f}%" if total else "      -")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(DEFAULT_REPO))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()

    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    out, err = run_masker(repo, args.python, docs)
    if err:
        print("masker exited non-zero; stderr tail:\n" + err[-2000:])
    twice, err2 = run_masker(repo, args.python, [{"id": k, "text": v} for k, v in out.items()])

    leak_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_layout: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    policy_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pub_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pub_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    masked_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    examples: list[str] = []
    missing = 0
    idem = 0
    for d in docs:
        text = d["text"]
        if d["id"] not in out:
            missing += 1
            continue
        o = out[d["id"]]
        if twice.get(d["id"]) == o:
            idem += 1
        amap = alignment(text, o)
        stripped = o
        for sp in sorted(
            (x for x in d["spans"] if x["kind"] != "personal"), key=lambda x: -(x["end"] - x["start"])
        ):
            stripped = stripped.replace(text[sp["start"] : sp["end"]], "|")
        stripped_sig = "|".join(sig_string(part) for part in stripped.split("|"))
        for sp in d["spans"]:
            kind, typ, tags = sp["kind"], sp["type"], [t for t in sp["tags"]]
            if kind == "personal":
                bad, why = leaked(sp, text, stripped_sig, amap)
                if "published_by_policy" in tags:
                    policy_type[typ][0] += bad
                    policy_type[typ][1] += 1
                    continue
                for bucket in (leak_type[typ], leak_layout[d["layout"]], leak_category[d["category"]]):
                    bucket[0] += bad
                    bucket[1] += 1
                for t in tags:
                    if not t.startswith("layout:"):
                        leak_tag[t][0] += bad
                        leak_tag[t][1] += 1
                if bad and len(examples) < args.examples:
                    lo, hi = max(0, sp["start"] - 20), sp["end"] + 20
                    olo = max([amap[i] for i in range(max(0, lo - 60), lo + 1) if i in amap], default=0)
                    examples.append(
                        f"  {d['id']} {typ} {tags} ({why}): {text[sp['start'] : sp['end']]!r}\n"
                        f"      in : {text[lo:hi]!r}\n      out: {o[olo : olo + hi - lo + 10]!r}"
                    )
            else:
                ok = kept(text, o, amap, sp["start"], sp["end"])
                target = pub_type if kind == "public" else masked_type
                target[typ][0] += ok
                target[typ][1] += 1
                if kind == "public":
                    for t in tags:
                        pub_tag[t][0] += not ok
                        pub_tag[t][1] += 1

    tot_leak = sum(v[0] for v in leak_type.values())
    tot_pers = sum(v[1] for v in leak_type.values())
    tot_kept = sum(v[0] for v in pub_type.values())
    tot_pub = sum(v[1] for v in pub_type.values())
    tot_mk = sum(v[0] for v in masked_type.values())
    tot_m = sum(v[1] for v in masked_type.values())
    print(f"masking set 7: {len(docs)} documents, masker output for {len(docs) - missing}")
    print(f"overall leak of personal values (policy-published names apart): {pct(tot_leak, tot_pers)}")
    print(f"public facts kept verbatim:                                     {pct(tot_kept, tot_pub)}")
    print(f"already-masked text unchanged:                                  {pct(tot_mk, tot_m)}")
    print(f"masking twice == once (documents):                              {pct(idem, len(docs))}")
    if err2:
        print("second masker pass exited non-zero")

    def table(title: str, rows: dict[str, list[int]]) -> None:
        print(f"\n{title}")
        for k in sorted(rows, key=lambda x: (-rows[x][1], x)):
            n, total = rows[k]
            print(f"  {k:28s} {pct(n, total)}")

    table("leak per personal type", leak_type)
    table("leak per personal tag", leak_tag)
    table("leak per layout", leak_layout)
    table("leak per document category", leak_category)
    table("names the category publishes (published_by_policy), reported apart: still shown", policy_type)
    loss = {k: [v[1] - v[0], v[1]] for k, v in pub_type.items()}
    table("loss per public type", loss)
    table("loss per public tag", pub_tag)
    table("already-masked kept unchanged per type", masked_type)
    if examples:
        print("\nexamples of leaks")
        print("\n".join(examples))
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # the scorer reports; it never fails the caller
        print(f"score.py: {type(exc).__name__}: {exc}")
    sys.exit(0)
