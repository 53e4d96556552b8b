"""Score a masker on the independent masking corpus. It reports; it never asserts (exit code 0).

Command line (runs ``.venv/bin/sanxiang mask --jsonl`` as a black box)::

    .venv/bin/python tests/eval/masking/score.py [corpus.jsonl] [--masker CMD] [--json OUT] [--show-leaks N]

From Python::

    from score import score
    result = score("tests/eval/masking/corpus.jsonl", mask_fn)   # mask_fn(list[str]) -> list[str]
                                                                  # or mask_fn(str) -> str

Rules (see README.md):

* Output is aligned to input character by character (difflib, no junk heuristic). An input
  character is *in clear* when it lies in an equal block of the alignment.
* A **personal** value is *leaked* when any of its significant characters (digits, letters, Han
  characters; full-width forms count) outside its allowed head/tail stays in clear. The allowed
  head/tail is stored with each span (``head``/``tail``): the surname for Chinese names (陶** is the
  published form; nothing for Latin-script and dotted names), 前6后4 for ID numbers and individual
  TINs, 3+4 for phones (plus an international prefix), 6+4 for bank cards, the last 3 of passports,
  first character + domain for e-mail, the administrative prefix (province/city/district) for
  home addresses. A value masked more than that is fine. The *strict* rate counts a value as
  leaked when any significant character at all stays in clear.
* A **public** value is *kept* when its exact text appears in the output at the aligned place
  (all its characters in clear, contiguous in the output).
* **Already-masked** spans (陶**, 9144********, XXX) must be kept exactly like public values.
* **Idempotent**: masking the masked output again gives the same text.
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_CORPUS = HERE / "corpus.jsonl"

sys.path.insert(0, str(HERE))
from corpus_lib import PERSONAL_TYPES, PUBLIC_TYPES, significant  # noqa: E402

MaskFn = Callable[[Sequence[str]], list[str]] | Callable[[str], str]


# --------------------------------------------------------------------------- masker adapters


def cli_masker(cmd: Sequence[str] | None = None) -> Callable[[Sequence[str]], list[str]]:
    """Batch adapter for ``sanxiang mask --jsonl`` (one process for all texts)."""
    cmd = list(cmd or [str(REPO / ".venv/bin/sanxiang"), "mask", "--jsonl"])

    def run(texts: Sequence[str]) -> list[str]:
        payload = "".join(
            json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)
        )
        proc = subprocess.run(cmd, input=payload, capture_output=True, text=True, cwd=REPO, check=False)
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
        if len(out) != len(texts):
            sys.stderr.write(
                f"masker returned {len(out)} of {len(texts)} texts (rc={proc.returncode})\n{proc.stderr[-2000:]}\n"
            )
        # A text the masker did not return counts as returned unmasked (worst case for leaks).
        return [out.get(str(i), t) for i, t in enumerate(texts)]

    return run


def _batch(mask_fn: MaskFn) -> Callable[[Sequence[str]], list[str]]:
    """Accept either a batch function or a one-text function."""

    def run(texts: Sequence[str]) -> list[str]:
        try:
            res = mask_fn(list(texts))  # type: ignore[arg-type]
            if isinstance(res, list) and len(res) == len(texts):
                return [str(x) for x in res]
        except Exception:  # a one-text function given a list: call it per text
            pass
        return [mask_fn(t) for t in texts]  # type: ignore[misc]

    return run


# --------------------------------------------------------------------------- alignment


def clear_map(src: str, out: str) -> list[int]:
    """For every character of ``src`` the index of the identical output character it aligns to, or -1."""
    mapping = [-1] * len(src)
    sm = difflib.SequenceMatcher(None, src, out, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return mapping


def is_kept(mapping: list[int], src: str, out: str, start: int, end: int) -> bool:
    first = mapping[start]
    if first < 0:
        return False
    for k in range(start, end):
        if mapping[k] != first + (k - start):
            return False
    return out[first : first + (end - start)] == src[start:end]


def leak_of(mapping: list[int], src: str, span: dict) -> tuple[bool, bool, int]:
    """(leaked under the rule, leaked strictly, number of clear significant characters)."""
    start, end = span["start"], span["end"]
    sig = [start + i for i in significant(src[start:end])]
    head, tail = span.get("head", 0), span.get("tail", 0)
    allowed = set(sig[:head]) | (set(sig[len(sig) - tail :]) if tail else set())
    clear = [i for i in sig if mapping[i] >= 0]
    leaked = any(i not in allowed for i in clear)
    return leaked, bool(clear), len(clear)


# --------------------------------------------------------------------------- scoring


def load(corpus_path: str | Path) -> list[dict]:
    with open(corpus_path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(
    corpus_path: str | Path = DEFAULT_CORPUS, mask_fn: MaskFn | None = None, *, idempotence: bool = True
) -> dict:
    """Mask every document, compare with the labels, return the figures (also used by ``main``)."""
    docs = load(corpus_path)
    run = _batch(mask_fn) if mask_fn is not None else cli_masker()
    texts = [d["text"] for d in docs]
    t0 = time.perf_counter()
    outs = run(texts)
    elapsed = time.perf_counter() - t0
    twice = run(outs) if idempotence else outs

    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # n, leaked, strict
    keep_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # n, kept
    per_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # personal n, leaked, public n, kept
    premasked = [0, 0]
    idem = [0, 0]
    leaks: list[dict] = []
    drops: list[dict] = []
    # Hard-case tags sit on spans: they count only the spans that carry them. Document tags
    # (document kind, list flattening) count every span of the document.
    span_tags = {t for d in docs for s in d["personal"] + d["public"] for t in s.get("tags", [])}
    for doc, out, out2 in zip(docs, outs, twice, strict=True):
        src = doc["text"]
        mapping = clear_map(src, out)
        doc_tags = set(doc.get("tags", [])) - span_tags
        for span in doc["personal"]:
            leaked, strict, _ = leak_of(mapping, src, span)
            row = per_type[span["type"]]
            row[0] += 1
            row[1] += leaked
            row[2] += strict
            for tag in doc_tags | set(span.get("tags", [])):
                per_tag[tag][0] += 1
                per_tag[tag][1] += leaked
            if leaked:
                leaks.append(
                    {
                        "id": doc["id"],
                        "type": span["type"],
                        "value": src[span["start"] : span["end"]],
                        "tags": span.get("tags", []),
                        "context": _context(out, mapping, span),
                    }
                )
        for span in doc["public"]:
            kept = is_kept(mapping, src, out, span["start"], span["end"])
            row = keep_type[span["type"]]
            row[0] += 1
            row[1] += kept
            for tag in doc_tags | set(span.get("tags", [])):
                per_tag[tag][2] += 1
                per_tag[tag][3] += kept
            if not kept:
                drops.append(
                    {
                        "id": doc["id"],
                        "type": span["type"],
                        "value": src[span["start"] : span["end"]],
                        "context": _context(out, mapping, span),
                    }
                )
        for span in doc.get("already_masked", []):
            premasked[0] += 1
            premasked[1] += is_kept(mapping, src, out, span["start"], span["end"])
        idem[0] += 1
        idem[1] += out2 == out

    n_p = sum(r[0] for r in per_type.values())
    n_k = sum(r[0] for r in keep_type.values())
    return {
        "documents": len(docs),
        "characters": sum(len(t) for t in texts),
        "seconds": elapsed,
        "personal": {t: {"n": r[0], "leaked": r[1], "strict": r[2]} for t, r in per_type.items()},
        "public": {t: {"n": r[0], "kept": r[1]} for t, r in keep_type.items()},
        "tags": {
            t: {"personal": r[0], "leaked": r[1], "public": r[2], "kept": r[3]} for t, r in per_tag.items()
        },
        "overall": {
            "personal": n_p,
            "leaked": sum(r[1] for r in per_type.values()),
            "strict": sum(r[2] for r in per_type.values()),
            "public": n_k,
            "kept": sum(r[1] for r in keep_type.values()),
        },
        "already_masked": {"n": premasked[0], "unchanged": premasked[1]},
        "idempotent": {"n": idem[0], "same": idem[1]} if idempotence else None,
        "leaks": leaks,
        "dropped_public": drops,
    }


def _context(out: str, mapping: list[int], span: dict) -> str:
    pos = next((mapping[i] for i in range(span["start"], span["end"]) if mapping[i] >= 0), -1)
    if pos < 0:
        pos = next((mapping[i] for i in range(span["start"], -1, -1) if mapping[i] >= 0), 0)
    return out[max(0, pos - 12) : pos + (span["end"] - span["start"]) + 12].replace("\n", "⏎")


def pct(a: int, n: int) -> str:
    return f"{100 * a / n:6.1f}%" if n else "     - "


def format_table(res: dict) -> str:
    lines = []
    o = res["overall"]
    lines.append(
        f"documents {res['documents']}, characters {res['characters']:,}, masker time {res['seconds']:.1f} s"
    )
    lines.append("")
    lines.append("| personal type | values | leaked | leak rate | strict leak |")
    lines.append("|---|---:|---:|---:|---:|")
    for t in PERSONAL_TYPES:
        r = res["personal"].get(t)
        if r:
            lines.append(
                f"| {t} | {r['n']} | {r['leaked']} | {pct(r['leaked'], r['n'])} | {pct(r['strict'], r['n'])} |"
            )
    lines.append(
        f"| **all personal** | {o['personal']} | {o['leaked']} | {pct(o['leaked'], o['personal'])} | "
        f"{pct(o['strict'], o['personal'])} |"
    )
    lines.append("")
    lines.append("| public type | values | kept verbatim | keep rate |")
    lines.append("|---|---:|---:|---:|")
    for t in PUBLIC_TYPES:
        r = res["public"].get(t)
        if r:
            lines.append(f"| {t} | {r['n']} | {r['kept']} | {pct(r['kept'], r['n'])} |")
    lines.append(f"| **all public** | {o['public']} | {o['kept']} | {pct(o['kept'], o['public'])} |")
    lines.append("")
    am, idem = res["already_masked"], res["idempotent"]
    lines.append(
        f"already-masked unchanged: {am['unchanged']}/{am['n']} ({pct(am['unchanged'], am['n']).strip()})"
    )
    if idem:
        lines.append(
            f"idempotent (masking twice = same): {idem['same']}/{idem['n']} ({pct(idem['same'], idem['n']).strip()})"
        )
    lines.append("")
    lines.append("| tag | personal | leak rate | public | keep rate |")
    lines.append("|---|---:|---:|---:|---:|")
    for t in sorted(res["tags"]):
        r = res["tags"][t]
        lines.append(
            f"| {t} | {r['personal']} | {pct(r['leaked'], r['personal'])} | {r['public']} | "
            f"{pct(r['kept'], r['public'])} |"
        )
    return "\n".join(lines)


def in_process_masker(model: str) -> Callable[[Sequence[str]], list[str]]:
    """The masker called in this process, as the CLI calls it (``mask_text`` with the strictest policy)."""
    from sanxiang.lib.masking import STRICTEST, mask_text

    def run(texts: Sequence[str]) -> list[str]:
        return [mask_text(t, policy=STRICTEST, model=model).text for t in texts]

    return run


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--masker", help="command line of the masker (default: .venv/bin/sanxiang mask --jsonl)")
    ap.add_argument("--json", help="write the full result (with every leak) to this file")
    ap.add_argument(
        "--show-leaks", type=int, default=0, help="print this many leaks and dropped public values"
    )
    ap.add_argument("--no-idempotence", action="store_true")
    ap.add_argument(
        "--in-process",
        choices=("gated", "off", "all"),
        help="call sanxiang.lib.masking.mask_text in this process (strictest policy, this model mode) "
        "instead of the CLI: what `sanxiang mask --jsonl` calls, usable from a worktree",
    )
    args = ap.parse_args(argv)
    try:
        fn = in_process_masker(args.in_process) if args.in_process else None
        fn = cli_masker(args.masker.split()) if args.masker else fn
        res = score(args.corpus, fn, idempotence=not args.no_idempotence)
    except Exception as exc:  # report, never fail
        print(f"scoring failed: {exc!r}")
        return 0
    print(format_table(res))
    if args.show_leaks:
        print("\nleaks:")
        for x in res["leaks"][: args.show_leaks]:
            print(f"  {x['id']} {x['type']} {x['value']!r} {x['tags']} -> …{x['context']}…")
        print("\ndropped public values:")
        for x in res["dropped_public"][: args.show_leaks]:
            print(f"  {x['id']} {x['type']} {x['value']!r} -> …{x['context']}…")
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
