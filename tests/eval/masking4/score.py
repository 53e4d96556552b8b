"""Score the masker on the masking4 corpus as a black box. Always exits 0: it reports, it never asserts.

    /work/main/.venv/bin/python tests/eval/masking4/score.py [--model gated|all|off] [--examples N]

Runs ``python -m sanxiang mask --jsonl`` once on every document, and once more on its own output
(idempotence). Masks may change lengths, so the output is aligned with the input character by
character (difflib, no junk heuristic); a character is "in clear at its place" when it falls in an
equal block of that alignment.

- A personal value leaks when a run of >= 2 of its significant characters stays in clear (>= 4 for
  digit strings). Significant characters: letters, digits and CJK characters, not the spaces, line
  breaks, dots and separators a layout put inside. Allowed to stay: a Chinese surname (张*, 欧阳**),
  the district prefix of a home address (南宁市青秀区****), the area code of a landline, a +86/0086
  prefix, the domain of an e-mail address.
- A public value is kept when every one of its characters stays in clear at its place.
- An already-masked value is unchanged under the same test.
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
REPO = HERE.parents[2]
DIGIT_TYPES = {"resident_id", "taxpayer_person", "bank_card", "mobile", "landline", "passport", "permit"}
SEPARATORS = set("·•・．.-—－_()（）/@＠+＋")


def run_masker(texts: dict[str, str], model: str | None) -> tuple[dict[str, str], float, str]:
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in texts.items())
    cmd = [sys.executable, "-m", "sanxiang", "mask", "--jsonl", "--skip-checks"]
    if model:
        cmd += ["--model", model]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    started = time.perf_counter()
    proc = subprocess.run(cmd, input=lines, capture_output=True, text=True, cwd=REPO, env=env, check=False)
    elapsed = time.perf_counter() - started
    out: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            rec = json.loads(line)
            out[str(rec["id"])] = rec.get("text", rec.get("masked", ""))
    note = "" if proc.returncode == 0 else f"masker exit {proc.returncode}: {proc.stderr.strip()[-500:]}"
    return out, elapsed, note


def clear_map(src: str, dst: str) -> list[bool]:
    """For each character of src: does it survive unchanged at its aligned place in dst?"""
    kept = [False] * len(src)
    matcher = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                kept[i] = True
    return kept


def significant(span: dict, text: str) -> tuple[list[int], int]:
    """Positions of the characters that identify the person, and how many leading ones may stay.

    For a Chinese name the surname may stay alone, but a run that joins it to a character of the given
    name counts; for the other types the leading part (district, area code, +86) is simply not counted.
    """
    start, end = span["start"], span["end"]
    positions = [
        i
        for i in range(start, end)
        if not text[i].isspace() and text[i] not in SEPARATORS and text[i] != "\f"
    ]
    norm = [unicodedata.normalize("NFKC", text[i]) for i in positions]
    t, tags = span["type"], set(span["tags"])
    if t == "name" and not tags & {"latin_name", "stage_name", "minority_dot", "minority_nodot"}:
        return positions, 2 if "compound_surname" in tags else 1
    if t == "home_address":
        cut = "".join(norm).find("区")
        return (positions[cut + 1 :] if cut >= 0 else positions), 0
    if t == "landline":
        digits = "".join(norm)
        area = 3 if digits.startswith(("01", "02")) else 4
        return (positions[area:] if digits.startswith("0") else positions), 0
    if t == "mobile":
        digits = "".join(norm)
        skip = 4 if digits.startswith("0086") else 2 if digits.startswith("86") else 0
        return positions[skip:], 0
    if t == "email":
        at = next((i for i in range(start, end) if text[i] in "@＠"), end)
        return [i for i in positions if i < at], 0
    return positions, 0


def is_digit_string(span: dict, text: str, positions: list[int]) -> bool:
    if span["type"] in DIGIT_TYPES:
        return True
    chars = [unicodedata.normalize("NFKC", text[i]) for i in positions]
    return bool(chars) and all(c.isdigit() for c in chars)


def leaks(span: dict, text: str, kept: list[bool]) -> bool:
    positions, free = significant(span, text)
    need = 4 if is_digit_string(span, text, positions) else 2
    run = 0
    for n, i in enumerate(positions):
        run = run + 1 if kept[i] else 0
        if run >= need and n >= free:
            return True
    return False


def intact(span: dict, kept: list[bool]) -> bool:
    return all(kept[span["start"] : span["end"]])


class Tally:
    def __init__(self) -> None:
        self.hit: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)

    def add(self, key: str, hit: bool) -> None:
        self.total[key] += 1
        self.hit[key] += int(hit)

    def lines(self, title: str, word: str, min_total: int = 1) -> list[str]:
        out = [title]
        for key in sorted(self.total, key=lambda k: (-self.total[k], k)):
            n, h = self.total[key], self.hit[key]
            if n >= min_total:
                out.append(f"  {key:<28} {word} {h:>5}/{n:<5} {100 * h / n:6.1f}%")
        return out


def pct(h: int, n: int) -> str:
    return f"{h}/{n} = {100 * h / n:.2f}%" if n else "0/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the masker on masking4 (black box, exit 0).")
    parser.add_argument("--model", choices=("gated", "all", "off"), default=None)
    parser.add_argument(
        "--examples", type=int, default=0, help="print up to N leaks and N lost public values"
    )
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus.jsonl")
    args = parser.parse_args(argv)

    records = [
        json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    texts = {r["id"]: r["text"] for r in records}
    chars = sum(len(t) for t in texts.values())
    once, t1, note1 = run_masker(texts, args.model)
    twice, t2, note2 = run_masker({i: once.get(i, "") for i in texts}, args.model)

    leak_type, leak_tag, leak_kind, leak_layout = Tally(), Tally(), Tally(), Tally()
    keep_type, keep_tag, keep_kind, keep_layout = Tally(), Tally(), Tally(), Tally()
    masked_type = Tally()
    n_pers = n_leak = n_pers_strict = n_leak_strict = n_pub = n_kept = n_am = n_am_ok = 0
    idem = missing = 0
    leak_examples: list[str] = []
    lost_examples: list[str] = []
    for rec in records:
        text = rec["text"]
        out = once.get(rec["id"])
        if out is None:
            missing += 1
            out = ""
        idem += int(twice.get(rec["id"]) == out and rec["id"] in once)
        kept = clear_map(text, out)
        for s in rec["spans"]:
            if s["class"] == "personal":
                hit = leaks(s, text, kept)
                n_pers += 1
                n_leak += hit
                policy = "policy_public" in s["tags"]
                if not policy:
                    n_pers_strict += 1
                    n_leak_strict += hit
                leak_type.add(s["type"] + (" (policy_public)" if policy else ""), hit)
                for tag in s["tags"]:
                    leak_tag.add(tag, hit)
                leak_kind.add(rec["kind"], hit)
                leak_layout.add(rec["layout"], hit)
                if hit and len(leak_examples) < args.examples:
                    leak_examples.append(f"  {rec['id']} {s['type']} {s['text']!r} {s['tags']}")
            elif s["class"] == "public":
                ok = intact(s, kept)
                n_pub += 1
                n_kept += ok
                keep_type.add(s["type"], ok)
                for tag in s["tags"]:
                    keep_tag.add(tag, ok)
                keep_kind.add(rec["kind"], ok)
                keep_layout.add(rec["layout"], ok)
                if not ok and len(lost_examples) < args.examples:
                    lost_examples.append(f"  {rec['id']} {s['type']} {s['text']!r} {s['tags']}")
            else:
                ok = intact(s, kept)
                n_am += 1
                n_am_ok += ok
                masked_type.add(s["type"], ok)

    report = [
        f"masking4: {len(records)} documents, {chars} characters, model={args.model or 'default'}",
        f"first run {t1:.1f} s, second run {t2:.1f} s (process start and model load included)",
    ]
    for note in (note1, note2):
        if note:
            report.append("WARNING " + note)
    if missing:
        report.append(f"WARNING {missing} documents missing from the masker's output (counted as fully lost)")
    report += [
        "",
        f"LEAK personal values (all):                  {pct(n_leak, n_pers)}",
        f"LEAK personal values (without policy_public): {pct(n_leak_strict, n_pers_strict)}",
        f"KEEP public values verbatim:                 {pct(n_kept, n_pub)}",
        f"ALREADY-MASKED unchanged:                    {pct(n_am_ok, n_am)}",
        f"IDEMPOTENT (mask twice == mask once):        {pct(idem, len(records))} documents",
        "",
    ]
    report += leak_type.lines("leak per personal type:", "leaked")
    report += keep_type.lines("keep per public type:", "kept")
    report += masked_type.lines("already-masked per type:", "unchanged")
    report += leak_tag.lines("leak per tag:", "leaked")
    report += keep_tag.lines("keep per public tag:", "kept")
    report += leak_kind.lines("leak per document kind:", "leaked")
    report += keep_kind.lines("keep per document kind:", "kept")
    report += leak_layout.lines("leak per layout (flattening):", "leaked")
    report += keep_layout.lines("keep per layout (flattening):", "kept")
    if leak_examples:
        report += ["examples of leaks:", *leak_examples]
    if lost_examples:
        report += ["examples of public values not kept:", *lost_examples]
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # a scorer reports, it never fails the caller
        print(f"score.py could not finish: {exc!r}")
    sys.exit(0)
