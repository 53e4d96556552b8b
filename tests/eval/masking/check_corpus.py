"""Check the corpus: spans inside the text, checksums of generated numbers (GB 11643 ID numbers,
GB 32100 credit codes, Luhn cards), no overlapping spans.

    .venv/bin/python tests/eval/masking/check_corpus.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus_lib import luhn_ok, valid_id, valid_uscc  # noqa: E402


def compact(s: str) -> str:
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", s))


def main() -> int:
    problems = 0
    docs = [json.loads(x) for x in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    for d in docs:
        text = d["text"]
        spans = sorted(d["personal"] + d["public"] + d["already_masked"], key=lambda s: s["start"])
        for a, b in zip(spans, spans[1:], strict=False):
            if b["start"] < a["end"]:
                print(d["id"], "overlap", a, b)
                problems += 1
        for s in d["personal"] + d["public"]:
            v = compact(text[s["start"] : s["end"]])
            t = s["type"]
            bad = (
                (t == "id_number" and len(v) == 18 and not valid_id(v.upper()))
                or (t == "tin_individual" and len(v) == 20 and not valid_id(v[:18].upper()))
                or (t == "uscc" and not valid_uscc(v))
                or (t == "bank_card" and not luhn_ok(v))
            )
            if bad:
                print(d["id"], t, v, "checksum wrong")
                problems += 1
    print(f"{len(docs)} documents checked, {problems} problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
