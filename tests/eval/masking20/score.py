"""Score a masker (black box) on evaluation set 20.

Runs `python -m sanxiang mask --jsonl` in --repo (stdin lines {"id","text"}, stdout lines {"id","text"}),
then runs it again on its own output (idempotence). Reports and exits 0; never asserts.

Usage:
  python tests/eval/masking20/score.py --repo /work/main --python /work/main/.venv/bin/python [--examples 10]

Definitions
- Alignment: input and output of each document are aligned with difflib.SequenceMatcher (autojunk off);
  an input character is "kept in place" when it lies in an `equal` block.
- A personal value LEAKS when either
  (a) full: the value, NFKC-folded and with all whitespace removed, occurs anywhere in the output folded
      the same way (skipped for values of fewer than 3 folded characters, which occur by chance); or
  (b) core: at least half of its core characters are kept in place. Core characters (over the value's
      letters/digits/CJK, separators ignored): id_number / person_tin = the birth-date digits (7th-14th,
      7th-12th for 15-digit IDs); mobile = 4th-7th digit after any +86/0086; landline = the local number
      without area code, extension and last 4 digits; bank_card / bank_account = all but first 6 and last 4;
      passport_or_permit = all but first 2 and last 2; email = the local part but its first character;
      name = all characters after the surname (first character, or two for a compound surname);
      home_address = the last 60 % of its characters.
- A public value is KEPT when every character of it is kept in place, contiguously (verbatim at its place).
- An already-masked value is UNCHANGED under the same test.
- Idempotence: mask(mask(x)) == mask(x), per document.
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
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容", "皇甫", "令狐", "东方", "尉迟", "夏侯", "公孙", "端木"]


def run_masker(repo: str, python: str, docs: list[dict]) -> tuple[dict[str, str], str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(repo) / "src")
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    try:
        p = subprocess.run(
            [python, "-m", "sanxiang", "mask", "--jsonl"],
            input=inp,
            capture_output=True,
            text=True,
            cwd=repo,
            env=env,
            timeout=3600,
            check=False,
        )
    except Exception as exc:  # noqa: BLE001 - report, never raise
        return {}, f"masker failed to run: {exc!r}"
    out: dict[str, str] = {}
    for line in p.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
            out[o["id"]] = o["text"]
        except Exception:  # noqa: BLE001
            continue
    err = "" if p.returncode == 0 else f"masker exit {p.returncode}: {p.stderr[-2000:]}"
    return out, err


def fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def sig_positions(v: str) -> list[int]:
    return [i for i, ch in enumerate(v) if ch.isalnum()]


def core_positions(span: dict) -> list[int]:
    v, typ, tags = span["value"], span["type"], span["tags"]
    sig = sig_positions(v)
    if typ in ("id_number", "person_tin"):
        n = len(sig)
        return sig[6:12] if n == 15 else sig[6:14]
    if typ == "phone":
        digs = [i for i in sig if v[i].isdigit() or v[i] in "Ol"]
        s = fold(v)
        if s.startswith("0086"):
            digs = digs[4:]
        elif s.startswith(("+86", "(+86)")):
            digs = digs[2:]
        if digs and v[digs[0]] == "1" or (digs and v[digs[0]] == "l"):
            return digs[3:7]
        # landline: area code = first 4 (0xxx) or 3 (01x/02x) digits; extension after 转 or a third group
        area = 3 if len(digs) > 1 and v[digs[1]] in "12" else 4
        body = digs[area:]
        cut = v.find("转")
        if cut >= 0:
            body = [i for i in body if i < cut]
        elif "extension" in tags:
            last_dash = v.rfind("-")
            body = [i for i in body if i < last_dash]
        return body[:-4] if len(body) > 4 else body[:1]
    if typ in ("bank_card", "bank_account"):
        return sig[6:-4]
    if typ == "passport_or_permit":
        return sig[2:-2]
    if typ == "email":
        at = max(v.find("@"), v.find("＠"))
        return [i for i in sig if 0 < i < at]
    if typ == "name":
        if any(v.startswith(c) for c in COMPOUND):
            return sig[2:]
        return sig[1:]
    if typ == "home_address":
        return sig[int(len(sig) * 0.4) :]
    return sig


def align(a: str, b: str) -> list[int | None]:
    m: list[int | None] = [None] * len(a)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, _j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                m[i1 + k] = j1 + k
    return m


def kept_verbatim(span: dict, m: list[int | None]) -> bool:
    a, b = span["start"], span["end"]
    if any(m[i] is None for i in range(a, b)):
        return False
    return m[b - 1] - m[a] == b - 1 - a  # type: ignore[operator]


def out_context(m: list[int | None], out: str, a: int, b: int, width: int = 25) -> str:
    lo = next((m[i] for i in range(a, -1, -1) if m[i] is not None), 0)
    hi = next((m[i] for i in range(b - 1, len(m)) if m[i] is not None), len(out))
    return out[max(0, lo - width) : hi + width]


def pct(x: int, n: int) -> str:
    return f"{x}/{n} = {100.0 * x / n:.1f}%" if n else "0/0"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    args = ap.parse_args()

    docs = [
        json.loads(line)
        for line in Path(args.corpus).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    commit = subprocess.run(
        ["git", "-C", args.repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    print(f"set 20 masking score; repo {args.repo} commit {commit}")
    print(f"documents {len(docs)}")

    out1, err1 = run_masker(args.repo, args.python, docs)
    if err1:
        print("ERROR first run:", err1)
    missing = [d["id"] for d in docs if d["id"] not in out1]
    print(f"documents without output: {len(missing)}")
    second_in = [{"id": d["id"], "text": out1[d["id"]]} for d in docs if d["id"] in out1]
    out2, err2 = run_masker(args.repo, args.python, second_in)
    if err2:
        print("ERROR second run:", err2)

    leak_t: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])  # n, leak, full, core
    leak_tag: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_cat: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_lay: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_t: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_cat: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_lay: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_pol = [0, 0]
    keep_doubt = [0, 0]
    masked = [0, 0]
    masked_t: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    fails: list[tuple[str, str]] = []
    idem = [0, 0]

    for d in docs:
        out = out1.get(d["id"], "")
        m = align(d["text"], out)
        fout = fold(out)
        for s in d["spans"]:
            if s["kind"] == "personal":
                fv = fold(s["value"])
                full = len(fv) >= 3 and fv in fout
                core = core_positions(s)
                kept = sum(1 for i in core if m[s["start"] + i] is not None)
                core_leak = bool(core) and 2 * kept >= len(core)
                leak = full or core_leak
                t = leak_t[s["type"]]
                t[0] += 1
                t[1] += leak
                t[2] += full
                t[3] += core_leak
                for tg in s["tags"] or ["(none)"]:
                    leak_tag[tg][0] += 1
                    leak_tag[tg][1] += leak
                leak_cat[d["category"]][0] += 1
                leak_cat[d["category"]][1] += leak
                leak_lay[d["layout"]][0] += 1
                leak_lay[d["layout"]][1] += leak
                if leak:
                    fails.append(
                        (
                            "LEAK",
                            f"[{d['id']} {d['category']}/{d['layout']}] {s['type']} {s['tags']} {s['value']!r}"
                            f" ({'full' if full else 'core'})\n    in : {d['text'][max(0, s['start'] - 25) : s['end'] + 25]!r}\n"
                            f"    out: {out_context(m, out, s['start'], s['end'])!r}",
                        )
                    )
            elif s["kind"] == "public":
                ok = kept_verbatim(s, m)
                keep_t[s["type"]][0] += 1
                keep_t[s["type"]][1] += ok
                keep_cat[d["category"]][0] += 1
                keep_cat[d["category"]][1] += ok
                keep_lay[d["layout"]][0] += 1
                keep_lay[d["layout"]][1] += ok
                if "published_by_policy" in s["tags"]:
                    keep_pol[0] += 1
                    keep_pol[1] += ok
                if "doubtful" in s["tags"]:
                    keep_doubt[0] += 1
                    keep_doubt[1] += ok
                if not ok:
                    fails.append(
                        (
                            "LOST",
                            f"[{d['id']} {d['category']}/{d['layout']}] {s['type']} {s['tags']} {s['value']!r}\n"
                            f"    in : {d['text'][max(0, s['start'] - 25) : s['end'] + 25]!r}\n"
                            f"    out: {out_context(m, out, s['start'], s['end'])!r}",
                        )
                    )
            else:
                ok = kept_verbatim(s, m)
                masked[0] += 1
                masked[1] += ok
                masked_t[s["type"]][0] += 1
                masked_t[s["type"]][1] += ok
                if not ok:
                    fails.append(
                        (
                            "CHANGED",
                            f"[{d['id']}] already-masked {s['value']!r}\n    out: {out_context(m, out, s['start'], s['end'])!r}",
                        )
                    )
        if d["id"] in out1:
            idem[0] += 1
            idem[1] += out2.get(d["id"]) == out1[d["id"]]

    n_leak = sum(v[1] for v in leak_t.values())
    n_pers = sum(v[0] for v in leak_t.values())
    n_keep = sum(v[1] for v in keep_t.values())
    n_pub = sum(v[0] for v in keep_t.values())
    print()
    print(
        f"LEAK overall: {pct(n_leak, n_pers)}   (full {sum(v[2] for v in leak_t.values())}, core {sum(v[3] for v in leak_t.values())})"
    )
    print(
        f"KEEP overall: {pct(n_keep, n_pub)}   (published_by_policy {pct(keep_pol[1], keep_pol[0])}; doubtful {pct(keep_doubt[1], keep_doubt[0])})"
    )
    print(
        f"KEEP without published_by_policy: {pct(n_keep - keep_pol[1], n_pub - keep_pol[0])}"
        f"   (and without officer_name too: {pct(n_keep - keep_pol[1] - keep_t['officer_name'][1], n_pub - keep_pol[0] - keep_t['officer_name'][0])})"
    )
    print(f"already-masked unchanged: {pct(masked[1], masked[0])}")
    print(f"idempotence mask(mask(x)) == mask(x): {pct(idem[1], idem[0])} documents")
    print("\nleak per personal type (n, leaked, full, core):")
    for k, v in sorted(leak_t.items()):
        print(f"  {k:20s} {pct(v[1], v[0]):>22s}   full {v[2]:4d} core {v[3]:4d}")
    print("\nkeep per public type:")
    for k, v in sorted(keep_t.items()):
        print(f"  {k:20s} {pct(v[1], v[0]):>22s}")
    print("\nalready-masked unchanged per type:")
    for k, v in sorted(masked_t.items()):
        print(f"  {k:20s} {pct(v[1], v[0]):>22s}")
    print("\nleak per tag of personal values:")
    for k, v in sorted(leak_tag.items()):
        print(f"  {k:20s} {pct(v[1], v[0]):>22s}")
    print("\nper category: leak | keep")
    for k in sorted(set(leak_cat) | set(keep_cat)):
        print(
            f"  {k:24s} leak {pct(leak_cat[k][1], leak_cat[k][0]):>20s} | keep {pct(keep_cat[k][1], keep_cat[k][0]):>22s}"
        )
    print("\nper layout: leak | keep")
    for k in sorted(set(leak_lay) | set(keep_lay)):
        print(
            f"  {k:24s} leak {pct(leak_lay[k][1], leak_lay[k][0]):>20s} | keep {pct(keep_lay[k][1], keep_lay[k][0]):>22s}"
        )
    if args.examples:
        print(f"\nexamples (up to {args.examples} of each kind):")
        for kind in ("LEAK", "LOST", "CHANGED"):
            sel = [f for f in fails if f[0] == kind][: args.examples]
            print(f"-- {kind}: {sum(1 for f in fails if f[0] == kind)} in all")
            for _, txt in sel:
                print("  " + txt)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
