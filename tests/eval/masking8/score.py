"""Score a masker, used as a black box, on the eighth held-out corpus.

Runs ``PYTHONPATH=<repo>/src <python> -m sanxiang mask --jsonl`` over ``corpus.jsonl`` (twice:
the second pass feeds the first output back in) and prints leak, loss and idempotence tables.
It reports and never asserts: the exit status is always 0.

Leak (see README.md): a personal value leaks when
  (a) its normalised form (NFKC, lower case, only letters/digits/CJK kept) has at least
      5 characters and still occurs in the normalised output, or
  (b) at least half of the significant characters of its *core* survive unmasked at their
      aligned positions in the output.  The core is the whole value, except: a resident ID
      (and an individual taxpayer number built on it) -> the birth-date segment; a Chinese
      name -> the given name (the characters after a one- or two-character surname).

Usage: python tests/eval/masking8/score.py [--repo PATH] [--python PY] [--examples N]
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
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "皇甫", "司徒", "令狐", "慕容")


def sig(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


def run_masker(repo: Path, python: str, docs: list[dict]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo / "src")
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run(
        [python, "-m", "sanxiang", "mask", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
        check=False,
    )
    out: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        out[str(obj.get("id"))] = obj.get("text", "")
    if proc.returncode != 0:
        print(f"masker exited {proc.returncode}: {proc.stderr[-400:]}", file=sys.stderr)
    return out


def align(orig: str, out: str) -> list[int | None]:
    """Map each original index to its output index where the character survived unchanged."""
    mapping: list[int | None] = [None] * len(orig)
    sm = difflib.SequenceMatcher(None, orig, out, autojunk=False)
    for tag, i1, i2, j1, _j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                mapping[i1 + k] = j1 + k
    return mapping


def core_positions(text: str, typ: str) -> list[int]:
    """Offsets (into the span text) of the significant characters of the value's core."""
    idx = [i for i, c in enumerate(text) if sig(c)]
    if typ in ("id_card", "tin_person"):
        n = len(idx)
        if n >= 18:
            return idx[6:14]
        if n == 15:
            return idx[6:12]
        return idx
    if typ == "name":
        chars = "".join(text[i] for i in idx)
        if not chars or chars.isascii() or "·" in text:
            return idx
        skip = 2 if chars[:2] in COMPOUND else 1
        return idx[skip:] or idx
    return idx


def pct(n: int, total: int) -> str:
    return f"{n}/{total}" + (f"  {100 * n / total:5.1f} %" if total else "      -")


def table(title: str, rows: dict[str, list[int]]) -> None:
    print(f"\n{title}")
    for key in sorted(rows, key=lambda k: (-rows[k][1], k)):
        bad, total = rows[key]
        print(f"  {key:<34} {pct(bad, total)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parents[2]))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo).resolve()

    docs = [json.loads(line) for line in (HERE / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    first = run_masker(repo, args.python, docs)
    second = run_masker(repo, args.python, [{"id": d["id"], "text": first.get(d["id"], "")} for d in docs])

    leak_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_layout: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leak_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    loss_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    loss_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    policy: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    masked_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    examples: list[str] = []
    loss_examples: list[str] = []
    missing = 0
    idem = 0
    total_p = leaked_p = 0

    for d in docs:
        orig = d["text"]
        if d["id"] not in first:
            missing += 1
        out = first.get(d["id"], "")
        if second.get(d["id"]) == out and d["id"] in first:
            idem += 1
        mapping = align(orig, out)
        out_sig = sig(out)
        layout = d["layout"].split("+")[0]
        for sp in d["spans"]:
            s, e = sp["start"], sp["end"]
            value = orig[s:e]
            tags = sp["tags"]
            if sp["kind"] == "personal":
                core = core_positions(value, sp["type"])
                survived = sum(1 for i in core if mapping[s + i] is not None)
                norm = sig(value)
                leaked = (len(norm) >= 5 and norm in out_sig) or (bool(core) and 2 * survived >= len(core))
                total_p += 1
                leaked_p += leaked
                for table_, key in (
                    (leak_type, sp["type"]),
                    (leak_layout, layout),
                    (leak_cat, d["category"]),
                ):
                    table_[key][1] += 1
                    table_[key][0] += leaked
                for t in tags:
                    leak_tag[t][1] += 1
                    leak_tag[t][0] += leaked
                if leaked and len(examples) < args.examples:
                    j = mapping[s] if mapping[s] is not None else None
                    ctx = out[max(0, (j or 0) - 20) : (j or 0) + len(value) + 20] if j is not None else ""
                    examples.append(f"  {d['id']} {sp['type']} {tags} {value!r} -> {ctx!r}")
                continue
            kept = all(mapping[i] is not None for i in range(s, e)) and (
                e - s <= 1 or mapping[e - 1] - mapping[s] == e - s - 1  # type: ignore[operator]
            )
            if sp["kind"] == "masked":
                masked_type[sp["type"]][1] += 1
                masked_type[sp["type"]][0] += not kept
            elif "published_by_policy" in tags:
                policy[sp["type"]][1] += 1
                policy[sp["type"]][0] += not kept
            else:
                loss_type[sp["type"]][1] += 1
                loss_type[sp["type"]][0] += not kept
                if not kept and len(loss_examples) < args.examples:
                    loss_examples.append(f"  {d['id']} {sp['type']} {tags} {value!r}")
                for t in tags:
                    loss_tag[t][1] += 1
                    loss_tag[t][0] += not kept
                if not tags:
                    loss_tag["(no tag)"][1] += 1
                    loss_tag["(no tag)"][0] += not kept

    print(f"masking8: {len(docs)} documents, repo {repo}, missing outputs {missing}")
    print(f"overall leak of personal values: {pct(leaked_p, total_p)}")
    pub_bad = sum(v[0] for v in loss_type.values())
    pub_all = sum(v[1] for v in loss_type.values())
    print(f"public facts not kept verbatim: {pct(pub_bad, pub_all)}")
    m_bad = sum(v[0] for v in masked_type.values())
    m_all = sum(v[1] for v in masked_type.values())
    print(f"already-masked values changed: {pct(m_bad, m_all)}")
    print(f"masking twice == once: {idem}/{len(docs)} documents")
    table("leak per personal type", leak_type)
    table("leak per personal tag", leak_tag)
    table("leak per layout", leak_layout)
    table("leak per category", leak_cat)
    table("loss per public type", loss_type)
    table("loss per public tag", loss_tag)
    table("already-masked changed per type", masked_type)
    table("names the category publishes (published_by_policy): not kept verbatim", policy)
    if examples:
        print("\nleak examples")
        print("\n".join(examples))
    if loss_examples:
        print("\nloss examples (public facts changed)")
        print("\n".join(loss_examples))


if __name__ == "__main__":
    main()
