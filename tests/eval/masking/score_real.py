"""Score the masker on the real decision documents in ``../shared/real/`` (reports, never asserts).

    .venv/bin/python tests/eval/masking/score_real.py [--show-leaks N]

The documents stay where they are (they are not copied into the project). Each readable file is
turned into text the way an importer would (``antiword`` for .doc, python-docx for .docx,
``pdftotext -layout`` for .pdf), then labelled from ``tests/eval/decisions/expected.json``
(written by hand):

* personal: every natural person's name listed there (all names, including an individual party's
  own: the CLI has no category policy);
* public: document number, authority, the party's name when it is an enterprise, its credit code /
  taxpayer number, its address; plus, found by pattern, every invoice code after "发票代码", every
  20-digit e-invoice number and every amount written ``digits.dd元``;
* already masked: the bureau-masked strings listed there.

Every occurrence is labelled, also when the extractor broke the value with spaces or a line break.
The masker runs once over all texts (``sanxiang mask --jsonl``); the leak and keep rules are the
ones of ``score.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus_lib import default_keep  # noqa: E402
from score import REPO, format_table, in_process_masker, score  # noqa: E402

REAL = REPO.parent / "shared" / "real" / "national-tax-decisions" / "attachments"
EXPECTED = HERE.parent / "decisions" / "expected.json"


def extract(path: Path) -> str:
    if path.suffix == ".doc":
        return subprocess.run(["antiword", str(path)], capture_output=True, text=True, check=False).stdout
    if path.suffix == ".pdf":
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=False
        ).stdout
    import docx  # python-docx, a project dependency

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def flexible(value: str) -> re.Pattern[str]:
    """The value with optional whitespace between its characters (extractors break lines)."""
    return re.compile(r"\s*".join(re.escape(c) for c in value if not c.isspace()))


def label(name: str, info: dict, text: str) -> dict:
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, type

    def add(value: str | None, kind: str, typ: str) -> None:
        if not value or len(value.strip()) < 2:
            return
        for m in flexible(value).finditer(text):
            spans.append((m.start(), m.end(), kind, typ))

    for pv in info["personal_values"]:
        if pv["type"] == "name":
            add(pv["value"], "p", "name")
    add(info.get("document_number"), "k", "document_number")
    add(info.get("authority"), "k", "authority_name")
    if info.get("party_kind") == "enterprise":
        add(info.get("party_name"), "k", "org_name")
        add(info.get("address"), "k", "business_address")
    if info.get("uscc_or_tin") and "*" not in info["uscc_or_tin"]:
        add(info["uscc_or_tin"], "k", "uscc" if len(info["uscc_or_tin"]) == 18 else "tin_enterprise")
    for m in re.finditer(r"发票代码[:：]?\s*(\d[\d\s]{9,13})", text):
        code = re.sub(r"\s", "", m.group(1))
        if len(code) in (10, 12):
            spans.append((m.start(1), m.start(1) + len(m.group(1).rstrip()), "k", "invoice_code"))
    for m in re.finditer(r"(?<!\d)2\d{19}(?!\d)", text):
        spans.append((m.start(), m.end(), "k", "invoice_number"))
    for m in re.finditer(r"(?<![\d.])\d[\d,]*\.\d{2}元", text):
        spans.append((m.start(), m.end(), "k", "amount"))
    for v in info.get("already_masked", []):
        add(v, "m", "")
    # Drop spans overlapping an earlier (longer first) span.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str, str]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            continue
        kept.append(s)
    doc: dict = {
        "id": f"real-{name}",
        "text": text,
        "tags": ["real_decision"],
        "personal": [],
        "public": [],
        "already_masked": [],
    }
    for start, end, kind, typ in kept:
        if kind == "p":
            head, tail = default_keep("name", text[start:end])
            doc["personal"].append({"start": start, "end": end, "type": typ, "head": head, "tail": tail})
        elif kind == "k":
            doc["public"].append({"start": start, "end": end, "type": typ})
        else:
            doc["already_masked"].append({"start": start, "end": end})
    return doc


def build_corpus(out: Path) -> list[str]:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    skipped = []
    with out.open("w", encoding="utf-8") as fh:
        for name, info in expected["files"].items():
            path = REAL / name
            if not info["readable"] or not path.exists():
                skipped.append(name)
                continue
            fh.write(json.dumps(label(name, info, extract(path)), ensure_ascii=False) + "\n")
    return skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-leaks", type=int, default=0)
    ap.add_argument("--corpus-out", default="/tmp/sanxiang_real_masking_corpus.jsonl")
    ap.add_argument("--in-process", choices=("gated", "off", "all"), help="as score.py --in-process")
    args = ap.parse_args(argv)
    try:
        out = Path(args.corpus_out)
        skipped = build_corpus(out)
        res = score(out, in_process_masker(args.in_process) if args.in_process else None)
    except Exception as exc:  # report, never fail
        print(f"scoring failed: {exc!r}")
        return 0
    print(format_table(res))
    print(f"\nnot scored (no text layer): {', '.join(skipped) or '-'}")
    for x in res["leaks"][: args.show_leaks]:
        print(f"  leak {x['id']} {x['type']} {x['value']!r} -> …{x['context']}…")
    for x in res["dropped_public"][: args.show_leaks]:
        print(f"  dropped {x['id']} {x['type']} {x['value']!r} -> …{x['context']}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
