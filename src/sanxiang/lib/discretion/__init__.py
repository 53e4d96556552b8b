"""Penalty discretion: benchmarks (裁量基准), the national 首违不罚 lists, and the check of a proposal.

Pure Python, no Django: the review app wraps it (models versioned by effective date, Excel import,
``sanxiang discretion --jsonl``)::

    benchmarks = shipped_benchmark_set()           # or BenchmarkSet.of(versions_from_db, exemption_items())
    evaluate({"violation": "征管法§62", ...}, benchmarks, today=today)
    # {"benchmark": "…", "range": [0, 0], "within_range": False, "first_violation_exemption": True, "reasons": [...]}

See README.md in this package for the violation codes and fact keys.
"""

from .catalogue import (
    benchmark_problems,
    exemption_items,
    load_benchmark_json,
    rule_problems,
    shipped_benchmark_set,
    violations,
)
from .conditions import MissingFact, check_condition, holds
from .document import render_exemption_decision
from .engine import (
    Assessment,
    DiscretionError,
    DiscretionRequest,
    assess,
    evaluate,
    evaluate_line,
    parse_request,
    parse_request_line,
    questions,
    run_jsonl,
)
from .facts import FACTS, FactSpec
from .model import Benchmark, BenchmarkRule, BenchmarkSet, ExemptionItem, Penalty, Violation
from .similar import PastDecision, SimilarDecisions, similar_decisions
from .xlsx import SheetError, read_benchmark_xlsx, write_benchmark_template

__all__ = [
    "FACTS",
    "Assessment",
    "Benchmark",
    "BenchmarkRule",
    "BenchmarkSet",
    "DiscretionError",
    "DiscretionRequest",
    "ExemptionItem",
    "FactSpec",
    "MissingFact",
    "PastDecision",
    "Penalty",
    "SheetError",
    "SimilarDecisions",
    "Violation",
    "assess",
    "benchmark_problems",
    "check_condition",
    "evaluate",
    "evaluate_line",
    "exemption_items",
    "holds",
    "load_benchmark_json",
    "parse_request",
    "parse_request_line",
    "questions",
    "read_benchmark_xlsx",
    "render_exemption_decision",
    "rule_problems",
    "run_jsonl",
    "shipped_benchmark_set",
    "similar_decisions",
    "violations",
    "write_benchmark_template",
]
