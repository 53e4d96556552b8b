"""Score the task-table importer on real tables from other authorities. Reports; never asserts.

    DATABASE_URL=sqlite:////tmp/evaldata_tasks.sqlite3 \
        .venv/bin/python tests/eval/tasktables/score.py [--prepare] [--json OUT] [--show N]

Runs ``.venv/bin/sanxiang import_tasks FILE --dry-run --json`` (black box) on each file in
``docs/`` and compares its measures with ``expected/<name>.json`` (written by hand before the
importer was ever run). ``--prepare`` first migrates the database named by ``DATABASE_URL`` and loads
the demo organisation (``load_demo --only org``) so that a dry run has an authority.

Rules (see README.md):

* Texts, unit names and deadlines are compared after NFKC, traditional→simplified (a table of the
  characters used in these files), and removing spaces, punctuation and a trailing 等.
* An expected measure is *found* when some imported measure's text shares a run of at least
  ``min(10, 60% of the expected text)`` characters with it (an importer that splits a two-level
  measure into its sub-items still finds it).
* *Units right*: the imported lead set equals the expected lead set (``[]`` = the text names no lead,
  so the importer must not invent one) and the other units (``responsible`` + ``cooperating``) equal
  the expected others; for a measure cut off in the text, the expected others must be contained.
  Measures whose lead cannot be read at all (``lead: null``) are not scored for units.
* *Deadline right* (complete measures only): no deadline expected and none given, or the expected
  deadline text equals or is contained in the imported ``deadline_text``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SANXIANG = str(REPO / ".venv/bin/sanxiang")

# Traditional -> simplified for the characters that occur in these files.
_TRAD = (
    "實实許许項项單单關关級级縣县區区職职責责務务稅税財财辦办發发農农業业國国資资源源廳厅環环統统計计糧粮"
    "編编審审領领導导組组製制門门續续對对權权執执護护紅红線线劃划開开場场爲为為为鎮镇標标調调內内規规額额"
    "廣广東东嚴严確确産产適适進进撐撑戰战範范歷历準准轉转監监體体現现點点經经濟济貫贯徹彻會会參参與与"
    "聯联們们時时間间號号頭头種种營营際际網网絡络門门際际數数據据專专廠厂來来過过還还這这個个處处價价"
    "務务劃划執执縣县賬账負负擔担應应當当儲储備备貿贸題题決决問问稅税財财壓压優优質质創创換换條条購购"
)
TRAD2SIMP = {_TRAD[i]: _TRAD[i + 1] for i in range(0, len(_TRAD), 2)}


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = "".join(TRAD2SIMP.get(c, c) for c in s)
    s = re.sub(r"[\s\u3000]+", "", s)
    s = re.sub(r"[，,。.;；:：、（）()〔〕\[\]【】“”\"'‘’《》<>—\-]", "", s)
    return s


def norm_unit(s: str) -> str:
    u = norm(s)
    return u[:-1] if u.endswith("等") and len(u) > 2 else u


def longest_common_run(a: str, b: str) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            if ai == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


def run_importer(path: Path) -> tuple[list[dict] | None, str]:
    proc = subprocess.run(
        [SANXIANG, "import_tasks", str(path), "--dry-run", "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    out = proc.stdout.strip()
    start = out.find("[")
    if proc.returncode != 0 or start < 0:
        err = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return None, f"rc={proc.returncode}: {err[:200]}"
    try:
        return json.loads(out[start:]), ""
    except json.JSONDecodeError as exc:
        return None, f"bad JSON: {exc}"


def score_file(expected: dict, found: list[dict]) -> dict:
    rows = []
    for m in expected["measures"]:
        et = norm(m["text"])
        need = max(4, min(10, int(len(et) * 0.6)))
        best, best_len = None, 0
        for f in found:
            n = longest_common_run(et, norm(f.get("task", "")))
            if n > best_len:
                best, best_len = f, n
        hit = best is not None and best_len >= need
        row = {"n": m["n"], "found": hit, "truncated": m["truncated"], "units": None, "deadline": None}
        if hit and m["lead"] is not None:
            lead = {norm_unit(x) for x in best.get("lead") or []}
            others = {norm_unit(x) for x in (best.get("responsible") or []) + (best.get("cooperating") or [])}
            want_lead = {norm_unit(x) for x in m["lead"]}
            want_others = {norm_unit(x) for x in (m["others"] or [])}
            ok_others = want_others <= others if m["truncated"] else want_others == others
            row["units"] = lead == want_lead and ok_others
            row["got"] = {
                "lead": best.get("lead"),
                "others": (best.get("responsible") or []) + (best.get("cooperating") or []),
            }
        elif m["lead"] is not None:
            row["units"] = False
        if not m["truncated"]:
            if hit:
                want, got = norm(m["deadline"]), norm(best.get("deadline_text"))
                row["deadline"] = (not want and not got) or (bool(want) and want in got)
                row["got_deadline"] = best.get("deadline_text")
            else:
                row["deadline"] = False
        rows.append(row)
    return {
        "expected": len(rows),
        "found": sum(r["found"] for r in rows),
        "imported": len(found),
        "units_scored": sum(r["units"] is not None for r in rows),
        "units_right": sum(bool(r["units"]) for r in rows),
        "deadline_scored": sum(r["deadline"] is not None for r in rows),
        "deadline_right": sum(bool(r["deadline"]) for r in rows),
        "rows": rows,
    }


def score(importer: Callable[[Path], tuple[list[dict] | None, str]] = run_importer) -> dict:
    results = {}
    for exp_path in sorted((HERE / "expected").glob("*.json")):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        found, err = importer(HERE / expected["file"])
        res = score_file(expected, found or [])
        res["error"] = err
        res["layout"] = expected.get("layout", [])
        results[exp_path.stem] = res
    return results


def pct(a: int, n: int) -> str:
    return f"{100 * a / n:.0f}%" if n else "-"


def format_table(results: dict) -> str:
    lines = [
        "| file | layout | measures found / expected | units right | deadline right | note |",
        "|---|---|---:|---:|---:|---|",
    ]
    tot = [0, 0, 0, 0, 0, 0]
    for name, r in results.items():
        lines.append(
            f"| {name} | {', '.join(r['layout'])} | {r['found']}/{r['expected']} (imported {r['imported']}) | "
            f"{r['units_right']}/{r['units_scored']} ({pct(r['units_right'], r['units_scored'])}) | "
            f"{r['deadline_right']}/{r['deadline_scored']} ({pct(r['deadline_right'], r['deadline_scored'])}) | {r['error']} |"
        )
        for i, k in enumerate(
            ["found", "expected", "units_right", "units_scored", "deadline_right", "deadline_scored"]
        ):
            tot[i] += r[k]
    lines.append(
        f"| **all** | | {tot[0]}/{tot[1]} ({pct(tot[0], tot[1])}) | {tot[2]}/{tot[3]} ({pct(tot[2], tot[3])}) | "
        f"{tot[4]}/{tot[5]} ({pct(tot[4], tot[5])}) | |"
    )
    return "\n".join(lines)


def prepare() -> None:
    env = dict(os.environ)
    for cmd in (["migrate", "-v0"], ["load_demo", "--only", "org"]):
        subprocess.run([SANXIANG, *cmd], cwd=REPO, env=env, capture_output=True, check=False)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--prepare", action="store_true", help="migrate DATABASE_URL and load the demo organisation first"
    )
    ap.add_argument("--json", help="write the per-measure result to this file")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong measures")
    args = ap.parse_args(argv)
    try:
        if args.prepare:
            prepare()
        results = score()
    except Exception as exc:  # report, never fail
        print(f"scoring failed: {exc!r}")
        return 0
    print(format_table(results))
    if args.show:
        shown = 0
        for name, r in results.items():
            for row in r["rows"]:
                if shown < args.show and (
                    not row["found"] or row["units"] is False or row["deadline"] is False
                ):
                    print(f"  {name} #{row['n']}: {row}")
                    shown += 1
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
