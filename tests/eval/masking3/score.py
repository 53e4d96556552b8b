"""Score the masker on the masking3 corpus, as a black box through its command line.

Run from a checkout (the masker of that checkout's src/ is scored):
    .venv/bin/python tests/eval/masking3/score.py [--src PATH] [--examples N] [--save OUT.jsonl]

It calls `python -m sanxiang mask --jsonl` once for all documents, then once more on its own output
(idempotence), aligns each output with its input (difflib; the masker may change lengths) and prints
leak per personal type / tag / document kind / flattening, keep per public type, already-masked values
unchanged, idempotence. Always exits 0: this is a measurement, not a test. Definitions in README.md.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from check import PERSONAL_TYPES  # noqa: E402

CORPUS = HERE / "corpus.jsonl"
PERSONAL_ORDER = PERSONAL_TYPES
NUMBER_TYPES = set(PERSONAL_TYPES) - {"name", "home_address"}


def run_masker(texts: list[tuple[str, str]], src: str) -> tuple[dict[str, str], float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = src
    payload = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in texts)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload.encode("utf-8"),
        capture_output=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"masker failed with exit code {proc.returncode}")
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["id"]] = row["text"]
    missing = [i for i, _ in texts if i not in out]
    if missing:
        raise SystemExit(f"masker returned no line for {len(missing)} documents, e.g. {missing[:3]}")
    return out, elapsed


class Alignment:
    """Which characters of the input survive unchanged in the output, and where."""

    def __init__(self, src: str, out: str):
        self.src, self.out = src, out
        self.block = [-1] * len(src)
        self.outpos = [-1] * len(src)
        sm = difflib.SequenceMatcher(None, src, out, autojunk=False)
        for n, (i, j, size) in enumerate(sm.get_matching_blocks()):
            for k in range(size):
                self.block[i + k] = n
                self.outpos[i + k] = j + k

    def kept(self, start: int, end: int) -> bool:
        """The exact text of [start, end) is still in the output at its aligned place."""
        if self.block[start] == -1:
            return False
        if self.block[start] == self.block[end - 1]:
            return True
        j = self.outpos[start]
        return self.out[j : j + end - start] == self.src[start:end]

    def clear_runs(self, start: int, end: int, significant: list[bool]) -> tuple[int, int]:
        """(longest run of significant characters left in clear, total significant characters in clear).

        A run is a stretch of the span whose characters all survive in one aligned block, so they
        stand next to each other in the output exactly as in the input; characters that are not
        significant (spaces, hyphens, dots, brackets) neither count nor break a run."""
        best = total = cur = 0
        prev_block = None
        for k in range(start, end):
            b = self.block[k]
            if b == -1:
                cur, prev_block = 0, None
                continue
            if prev_block is not None and b != prev_block:
                cur = 0
            prev_block = b
            if significant[k - start]:
                cur += 1
                total += 1
                best = max(best, cur)
        return best, total


def significant_chars(text: str, typ: str) -> list[bool]:
    norm = [unicodedata.normalize("NFKC", c) for c in text]
    sig = [bool(c) and c.isalnum() for c in norm]
    if typ == "email":
        at = next((i for i, c in enumerate(norm) if c == "@"), len(text))
        sig = [s and i < at for i, s in enumerate(sig)]
    return sig


def pct(a: int, n: int) -> str:
    return f"{100.0 * a / n:6.1f}%" if n else "     -"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--src",
        default=os.environ.get("PYTHONPATH") or str(HERE.parents[2] / "src"),
        help="the src/ directory whose masker is scored (default: $PYTHONPATH or this checkout's src)",
    )
    ap.add_argument("--examples", type=int, default=0, help="print up to N leaked values per personal type")
    ap.add_argument("--save", help="write the masked documents to this JSONL file")
    args = ap.parse_args()

    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    n_chars = sum(len(d["text"]) for d in docs)
    out1, t1 = run_masker([(d["id"], d["text"]) for d in docs], args.src)
    out2, _ = run_masker([(d["id"], out1[d["id"]]) for d in docs], args.src)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["id"], "text": out1[d["id"]]}, ensure_ascii=False) + "\n")

    # counters: key -> [n, leaked, not fully masked]
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_kind: dict[str, list[int]] = defaultdict(
        lambda: [0, 0, 0, 0, 0]
    )  # n, leaked, partial, pub n, pub kept
    by_flat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    pub_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pub_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    examples: dict[str, list[str]] = defaultdict(list)
    lost_examples: dict[str, list[str]] = defaultdict(list)
    masked_n = masked_kept = idem = 0

    for d in docs:
        text, out = d["text"], out1[d["id"]]
        al = Alignment(text, out)
        flat = next(t for t in d["tags"] if t.startswith("flat:"))[5:]
        idem += out2[d["id"]] == out
        for s in d["personal"]:
            piece = text[s["start"] : s["end"]]
            sig = significant_chars(piece, s["type"])
            longest, total = al.clear_runs(s["start"], s["end"], sig)
            threshold = 4 if s["type"] in NUMBER_TYPES else 2
            leaked = longest >= threshold
            partial = total > 0
            for counter in (
                by_type[s["type"]],
                by_kind[d["kind"]],
                by_flat[flat],
                *(by_tag[t] for t in s["tags"]),
            ):
                counter[0] += 1
                counter[1] += leaked
                counter[2] += partial
            if leaked and len(examples[s["type"]]) < args.examples:
                k = s["start"]
                while k > 0 and al.outpos[k] < 0:
                    k -= 1
                j = max(al.outpos[k], 0) + (s["start"] - k)
                examples[s["type"]].append(
                    f"{d['id']} {piece!r} -> …{out[max(0, j - 8) : j + len(piece) + 8]!r}…"
                )
        for s in d["public"]:
            kept = al.kept(s["start"], s["end"])
            pub_type[s["type"]][0] += 1
            pub_type[s["type"]][1] += kept
            for t in s["tags"]:
                pub_tag[t][0] += 1
                pub_tag[t][1] += kept
            by_kind[d["kind"]][3] += 1
            by_kind[d["kind"]][4] += kept
            by_flat[flat][3] += 1
            by_flat[flat][4] += kept
            if not kept and len(lost_examples[s["type"]]) < args.examples:
                lost_examples[s["type"]].append(f"{d['id']} {text[s['start'] : s['end']]!r}")
        for s in d["already_masked"]:
            masked_n += 1
            masked_kept += al.kept(s["start"], s["end"])

    n_all = sum(c[0] for c in by_type.values())
    leaked_all = sum(c[1] for c in by_type.values())
    partial_all = sum(c[2] for c in by_type.values())
    pub_n = sum(c[0] for c in pub_type.values())
    pub_kept = sum(c[1] for c in pub_type.values())

    print("masking3 — independent evaluation set (tests/eval/masking3), masker run as a black box")
    print(f"masker: PYTHONPATH={args.src} python -m sanxiang mask --jsonl")
    print(
        f"documents: {len(docs)}   characters: {n_chars}   one CLI call: {t1:.1f} s (process start included)"
    )
    print()
    print(
        f"OVERALL leak (a run of >=2 characters, >=4 for numbers, left in clear): "
        f"{leaked_all}/{n_all} = {pct(leaked_all, n_all).strip()}"
    )
    print(
        f"OVERALL not fully masked (any character of the value left in clear): "
        f"{partial_all}/{n_all} = {pct(partial_all, n_all).strip()}"
    )
    print(f"OVERALL public facts kept verbatim: {pub_kept}/{pub_n} = {pct(pub_kept, pub_n).strip()}")
    print(f"already-masked values unchanged: {masked_kept}/{masked_n} = {pct(masked_kept, masked_n).strip()}")
    print(f"idempotence (mask(mask(x)) == mask(x)): {idem}/{len(docs)} = {pct(idem, len(docs)).strip()}")
    print()
    print(f"{'personal type':28s}{'n':>6s}{'leaked':>8s}{'leak %':>9s}{'not fully masked %':>20s}")
    for t in PERSONAL_ORDER:
        n, lk, pa = by_type[t]
        print(f"{t:28s}{n:6d}{lk:8d}{pct(lk, n):>9s}{pct(pa, n):>20s}")
    print()
    print(f"{'personal value tag':28s}{'n':>6s}{'leaked':>8s}{'leak %':>9s}{'not fully masked %':>20s}")
    for t in sorted(by_tag):
        n, lk, pa = by_tag[t]
        print(f"{t:28s}{n:6d}{lk:8d}{pct(lk, n):>9s}{pct(pa, n):>20s}")
    print()
    print(f"{'document kind':28s}{'n pers':>7s}{'leak %':>9s}{'n pub':>7s}{'keep %':>9s}")
    for k in sorted(by_kind):
        n, lk, _, pn, pk = by_kind[k]
        print(f"{k:28s}{n:7d}{pct(lk, n):>9s}{pn:7d}{pct(pk, pn):>9s}")
    print()
    print(f"{'flattening':28s}{'n pers':>7s}{'leak %':>9s}{'n pub':>7s}{'keep %':>9s}")
    for k in ["prose", "pdf_wrapped", "tab", "pipe", "space", "cell_per_line", "kv", "semicolon"]:
        n, lk, _, pn, pk = by_flat[k]
        print(f"{k:28s}{n:7d}{pct(lk, n):>9s}{pn:7d}{pct(pk, pn):>9s}")
    print()
    print(f"{'public type':28s}{'n':>6s}{'kept':>7s}{'keep %':>9s}")
    for t in sorted(pub_type):
        n, k = pub_type[t]
        print(f"{t:28s}{n:6d}{k:7d}{pct(k, n):>9s}")
    print()
    print(f"{'public value tag':28s}{'n':>6s}{'kept':>7s}{'keep %':>9s}")
    for t in sorted(pub_tag):
        n, k = pub_tag[t]
        print(f"{t:28s}{n:6d}{k:7d}{pct(k, n):>9s}")
    if args.examples:
        print()
        print("examples of leaked personal values (input -> output around it):")
        for t in PERSONAL_ORDER:
            for e in examples[t]:
                print(f"  [{t}] {e}")
        print("examples of public values not kept:")
        for t in sorted(lost_examples):
            for e in lost_examples[t]:
                print(f"  [{t}] {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
