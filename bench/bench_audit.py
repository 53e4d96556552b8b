"""Append 20,000 audit events and verify them; prints events per second for both.

Standalone: ``.venv/bin/python bench/bench_audit.py [count]``. Uses a throwaway SQLite database
and key directory in a temporary SANXIANG_VAR_DIR (set before Django starts).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory(prefix="sanxiang-bench-") as var_dir:
        os.environ["SANXIANG_VAR_DIR"] = var_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import transaction

        from sanxiang.audit.services import audit_checkpoint_create, audit_log
        from sanxiang.audit.verification import verify_chain

        call_command("migrate", verbosity=0)

        started = time.perf_counter()
        for n in range(count):
            with transaction.atomic():  # one business transaction per event, the realistic case
                audit_log(
                    actor=None,
                    action="bench.entry.published",
                    before={"status": "draft", "n": n},
                    after={"status": "published", "n": n, "note": "当事人电话13812345678"},
                )
            if n % 5000 == 4999:
                audit_checkpoint_create()
        append_seconds = time.perf_counter() - started

        started = time.perf_counter()
        result = verify_chain()
        verify_seconds = time.perf_counter() - started

        print(f"append: {count} events in {append_seconds:.1f} s = {count / append_seconds:,.0f} events/s")
        print(
            f"verify: {result.event_count} events, {result.checkpoint_count} checkpoints in "
            f"{verify_seconds:.1f} s = {result.event_count / verify_seconds:,.0f} events/s, intact={result.ok}"
        )


if __name__ == "__main__":
    main()
