"""Re-run both scorers and rewrite the Contents and Result sections of README.md.

.venv/bin/python tests/eval/masking/update_readme.py
"""

from __future__ import annotations

import collections
import datetime
import io
import json
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402
import score_real  # noqa: E402


def captured(fn) -> str:
    buf = io.StringIO()
    with redirect_stdout(buf):
        fn([])
    return buf.getvalue()


def main() -> int:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    head = text[: text.index("## Contents")]
    middle = text[text.index("Lists (`arrears-*`") : text.index("## Result on the current masker")]
    docs = [json.loads(x) for x in (HERE / "corpus.jsonl").open(encoding="utf-8")]
    kinds: collections.Counter[str] = collections.Counter()
    for d in docs:
        k = d["id"].rsplit("-", 1)[0]
        kinds["hand-written (hand_cases.txt)" if d["id"].startswith("hand-") else k] += 1
    contents = (
        "## Contents\n"
        f"{len(docs)} documents, {sum(len(d['text']) for d in docs):,} characters, "
        f"{sum(len(d['personal']) for d in docs)} personal values, {sum(len(d['public']) for d in docs)} public "
        f"values, {sum(len(d['already_masked']) for d in docs)} already-masked spans.\n\n"
        "| documents | count |\n|---|---:|\n"
        + "".join(f"| {k} | {v} |\n" for k, v in sorted(kinds.items()))
        + "\n"
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE, check=False
    ).stdout.strip()
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    result = (
        "## Result on the current masker\n"
        f"Measured {date} on branch `wip-evaldata` at commit `{commit}` (main's masker, unchanged),\n"
        "`.venv/bin/python tests/eval/masking/score.py`:\n\n"
        + captured(score.main)
        + "\n## Real decisions (`score_real.py`)\n"
        "The 18 readable real decisions in `../shared/real/national-tax-decisions/attachments/`, extracted as\n"
        "an importer would (antiword, python-docx, `pdftotext -layout`) and labelled from the hand-written\n"
        "`tests/eval/decisions/expected.json` (names of natural persons personal; document number, authority,\n"
        "enterprise party, credit code, address public; invoice codes, 20-digit e-invoice numbers and\n"
        "`digits.dd元` amounts public by pattern; bureau-masked strings must stay). The files are read in\n"
        "place, never copied. `.venv/bin/python tests/eval/masking/score_real.py [--show-leaks N]`:\n\n"
        + captured(score_real.main)
    )
    readme.write_text(head + contents + middle + result, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
