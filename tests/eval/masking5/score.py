"""Score the masker on masking5 as a black box.

    /work/main/.venv/bin/python tests/eval/masking5/score.py [--repo /work/main] [--examples 30]

Runs `python -m sanxiang mask --jsonl` once on every document and once more on its output, aligns
each output with its input (masks may change lengths) and reports leaks of personal values, public
facts kept verbatim, already-masked text unchanged and idempotence. Always exits 0: it reports,
it never asserts.

A personal value leaks when a run of >= 2 of its significant characters (>= 4 for number-like
values) is still in clear at its place. Not leaks (see README): a Chinese surname kept alone at the
start of a name whose rest is masked; runs inside an e-mail's domain; runs inside a home address's
administrative prefix (province/city/district); runs inside a private landline's area code.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]

NUMBER_TYPES = {
    "id18",
    "id15",
    "tin_person",
    "passport",
    "hkmo_permit",
    "tw_permit",
    "residence_permit",
    "bank_card",
    "mobile",
    "landline",
}
COUNTRY_PREFIX = re.compile(r"^[(（]?\s*(?:[+＋]\s*8\s*6|0\s*0\s*8\s*6)\s*[)）]?[\s\-]*")
SEPARATORS = set(" \t\n\r\u3000-－+＋()（）.．")


def run_masker(repo: Path, python: str, lines: list[dict]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo / "src")
    payload = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
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
        if not line.strip():
            continue
        obj = json.loads(line)
        text = obj.get("text", obj.get("masked"))
        out[obj["id"]] = text
    return out


def kept_mask(src: str, dst: str) -> list[bool]:
    """kept[i] is True when src[i] is found unchanged at its place in dst."""
    kept = [False] * len(src)
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for a, _b, n in sm.get_matching_blocks():
        for i in range(a, a + n):
            kept[i] = True
    return kept


def significant_positions(sp: dict) -> list[int]:
    """Absolute positions of the characters whose clear survival counts."""
    typ = sp["type"]
    text = sp["text"]
    start = sp["start"]
    pos = []
    if typ == "email":
        for i, ch in enumerate(text):
            if ch in "@＠":
                break
            if ch not in SEPARATORS:
                pos.append(start + i)
        return pos
    skip = 0
    if typ == "home_address":
        skip = sp.get("admin_prefix", 0)
    seen_digits = 0
    for i, ch in enumerate(text):
        if i < skip or ch in SEPARATORS:
            continue
        if typ == "landline" and ch.isdigit() or typ == "landline" and "０" <= ch <= "９":
            seen_digits += 1
            if seen_digits <= sp.get("area_len", 0):
                continue
        pos.append(start + i)
    return pos


def leaked(sp: dict, kept: list[bool]) -> bool:
    pos = significant_positions(sp)
    threshold = 4 if sp["type"] in NUMBER_TYPES else 2
    if sp["type"] == "mobile":
        # a country prefix kept in clear (+86, 0086) is not part of the number
        text = sp["text"]
        m = COUNTRY_PREFIX.match(text)
        lead = m.end() if m else 0
        pos = [p for p in pos if p - sp["start"] >= lead]
    runs = []
    run = []
    for p in pos:
        if kept[p]:
            run.append(p)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    sur = sp.get("surname") or ""
    sur_len = len([c for c in sur if c not in SEPARATORS])
    for run in runs:
        if len(run) < threshold:
            continue
        if (
            sp["type"] == "name"
            and sur_len
            and run[0] == pos[0]
            and len(run) == sur_len
            and len(pos) > sur_len
        ):
            continue  # surname alone kept before the mask
        return True
    return False


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=REPO, help="repository whose src/ holds the masker")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0, help="print this many leaked and lost values")
    args = ap.parse_args()

    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    once = run_masker(args.repo, args.python, [{"id": d["id"], "text": d["text"]} for d in docs])
    twice = run_masker(
        args.repo, args.python, [{"id": i, "text": t} for i, t in once.items() if t is not None]
    )
    commit = subprocess.run(
        ["git", "-C", str(args.repo), "log", "-1", "--format=%h"], capture_output=True, text=True, check=False
    ).stdout.strip()

    leak = defaultdict(lambda: [0, 0])  # key -> [leaked, total]
    keep = defaultdict(lambda: [0, 0])  # key -> [kept, total]
    done = [0, 0]
    idem = [0, 0]
    missing = 0
    ex_leak, ex_lost = [], []
    for d in docs:
        out = once.get(d["id"])
        if out is None:
            missing += 1
            continue
        idem[1] += 1
        if twice.get(d["id"]) == out:
            idem[0] += 1
        kept = kept_mask(d["text"], out)
        variant = d["flattening"] + ("+pdf_wrap" if d["pdf_wrap"] else "")
        for sp in d["spans"]:
            if sp["class"] == "personal":
                bad = leaked(sp, kept)
                policy = [t for t in sp["tags"] if t.startswith("policy:")]
                keys = ["ALL", "type:" + sp["type"], "kind:" + d["kind"], "flat:" + variant]
                keys += ["tag:" + t for t in sp["tags"]]
                if sp["type"] == "name":
                    keys.append(
                        "names:"
                        + ("published by some policy (RULES §1.5/§2)" if policy else "never published")
                    )
                if d["ocr_noise"]:
                    keys.append("flat:ocr_noise")
                for k in keys:
                    leak[k][0] += bad
                    leak[k][1] += 1
                if bad and len(ex_leak) < args.examples:
                    ex_leak.append((d["id"], sp["type"], sp["text"], out_excerpt(d, sp, out, kept)))
            else:
                ok = all(kept[sp["start"] : sp["end"]])
                if sp["class"] == "public":
                    for k in ("ALL", "type:" + sp["type"]):
                        keep[k][0] += ok
                        keep[k][1] += 1
                    if not ok and len(ex_lost) < args.examples:
                        ex_lost.append((d["id"], sp["type"], sp["text"], out_excerpt(d, sp, out, kept)))
                else:
                    done[0] += ok
                    done[1] += 1

    print(
        f"masking5 — masker at {args.repo} commit {commit}; {len(docs)} documents, {missing} without output"
    )
    a = leak["ALL"]
    print(f"\nLEAK overall: {a[0]} of {a[1]} personal values in clear = {pct(*a)}")
    k = keep["ALL"]
    print(f"KEEP overall: {k[0]} of {k[1]} public values verbatim = {pct(*k)}")
    print(f"ALREADY-MASKED unchanged: {done[0]} of {done[1]} = {pct(*done)}")
    print(
        f"IDEMPOTENCE: {idem[0]} of {idem[1]} documents give the same text when masked twice = {pct(*idem)}"
    )
    for title, prefix in (
        ("leak per personal type", "type:"),
        ("leak per tag", "tag:"),
        ("leak for names by policy", "names:"),
        ("leak per document kind", "kind:"),
        ("leak per flattening", "flat:"),
    ):
        print(f"\n{title}:")
        for key in sorted(x for x in leak if x.startswith(prefix)):
            n_bad, n = leak[key]
            print(f"  {key[len(prefix) :]:42s} {n_bad:5d} / {n:5d}  {pct(n_bad, n)}")
    print("\nkeep per public type:")
    for key in sorted(x for x in keep if x.startswith("type:")):
        n_ok, n = keep[key]
        print(f"  {key[5:]:42s} {n_ok:5d} / {n:5d}  {pct(n_ok, n)}")
    if ex_leak:
        print("\nexamples of leaks (id, type, value, output around it):")
        for e in ex_leak:
            print("  ", *[repr(x) for x in e])
    if ex_lost:
        print("\nexamples of public values changed:")
        for e in ex_lost:
            print("  ", *[repr(x) for x in e])
    return 0


def out_excerpt(d: dict, sp: dict, out: str, kept: list[bool]) -> str:
    """The output text that replaced the span's neighbourhood (by alignment)."""
    sm = difflib.SequenceMatcher(None, d["text"], out, autojunk=False)
    lo = max(0, sp["start"] - 6)
    hi = min(len(d["text"]), sp["end"] + 6)
    b_lo = b_hi = None
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if i2 >= lo and b_lo is None:
            b_lo = j1 + (lo - i1 if tag == "equal" else 0)
        if i2 >= hi:
            b_hi = j1 + (hi - i1 if tag == "equal" else j2 - j1)
            break
    return out[b_lo or 0 : b_hi if b_hi is not None else len(out)]


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # a scorer reports, it never fails the caller
        print(f"score.py could not finish: {exc!r}")
        sys.exit(0)
