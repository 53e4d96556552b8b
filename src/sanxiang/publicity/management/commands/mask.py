"""``sanxiang mask``: mask personal data in text with the strictest policy.

Plain mode reads stdin and writes the masked text to stdout. ``--jsonl`` reads one JSON object
``{"id", "text"}`` per line and writes exactly one ``{"id", "text"}`` line per input line; a bad line
gets ``{"id", "error": {"line", "message"}}`` instead, the command carries on and exits non-zero at
the end.

``--model`` defaults to ``$SANXIANG_MASK_MODEL`` when set, so a black-box scorer that runs
``sanxiang mask --jsonl`` can be pointed at each mode (``bench/bench_masker.py --independent``).
"""

from __future__ import annotations

import json
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from sanxiang.lib.masking import STRICTEST, mask_text

MODELS = ("gated", "all", "off")


class Command(BaseCommand):
    help = "Mask personal data (names, ID numbers, phones, bank cards …) in text read from stdin."

    def add_arguments(self, parser):
        parser.add_argument(
            "--jsonl", action="store_true", help='read {"id", "text"} lines, write one line each'
        )
        parser.add_argument(
            "--model",
            choices=MODELS,
            default=os.environ.get("SANXIANG_MASK_MODEL") or "gated",
            help="named-entity model: on the names the rules leave in doubt (default, or "
            "$SANXIANG_MASK_MODEL), on all text, or off",
        )

    def handle(self, *args, **options):
        stdin = getattr(self, "stdin", None) or sys.stdin
        model = options["model"]
        if model not in MODELS:  # only a bad $SANXIANG_MASK_MODEL gets here: argparse checks --model
            raise CommandError(f"SANXIANG_MASK_MODEL={model!r}: expected one of {', '.join(MODELS)}")
        if not options["jsonl"]:
            self.stdout.write(mask_text(stdin.read(), policy=STRICTEST, model=model).text, ending="")
            return
        failures = 0
        for number, line in enumerate(stdin, start=1):
            if not line.strip():
                continue
            record_id = None
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                record_id = record.get("id")
                text = record.get("text")
                if not isinstance(text, str):
                    raise ValueError('"text" must be a string')
                out = {"id": record_id, "text": mask_text(text, policy=STRICTEST, model=model).text}
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                failures += 1
                out = {"id": record_id, "error": {"line": number, "message": str(exc)}}
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} line(s) could not be masked", returncode=1)
