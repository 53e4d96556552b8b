"""Masker throughput (characters per second) and its leak / wrong-mask table on the generated corpus.

Run: .venv/bin/python bench/bench_masker.py   (prints figures, asserts nothing about time)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.lib.masking.corpus.evaluate import evaluate  # noqa: E402
from tests.lib.masking.corpus.generate import generate  # noqa: E402

from sanxiang.lib.masking import STRICTEST, mask_text  # noqa: E402

TARGET_CHARS = 10_000_000


def main() -> None:
    docs = generate()
    print(evaluate(docs).table())
    texts = [d.text for d in docs]
    names = [d.known_names for d in docs]
    phones = [d.public_phones for d in docs]
    corpus_chars = sum(map(len, texts))
    rounds = -(-TARGET_CHARS // corpus_chars)
    mask_text(texts[0])  # load the region table and compile everything before timing
    for label, joined in (("per document", False), ("one 10 MB text", True)):
        started = time.perf_counter()
        if joined:
            big = "\n".join(texts) * rounds
            total = len(big)
            mask_text(big, policy=STRICTEST)
        else:
            total = 0
            for _ in range(rounds):
                for text, known, public in zip(texts, names, phones, strict=True):
                    mask_text(text, policy=STRICTEST, known_names=known, public_phones=public)
                    total += len(text)
        elapsed = time.perf_counter() - started
        print(f"{label}: {total:,} characters in {elapsed:.2f} s = {total / elapsed:,.0f} chars/s")


if __name__ == "__main__":
    main()
