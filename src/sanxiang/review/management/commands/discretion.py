"""``sanxiang discretion --jsonl``: check proposed penalties against the stored benchmarks.

A thin wrapper over ``sanxiang.lib.discretion.run_jsonl``: one output line per input line (an
``error`` object for a bad line), exit status 1 at the end if any line was bad. Violation codes and
fact keys: ``src/sanxiang/lib/discretion/README.md``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "按裁量基准检查拟处罚款（JSON Lines：每行一个请求，输出每行一个结果）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--jsonl", action="store_true", help="从标准输入读取 JSON Lines")
        parser.add_argument("--input", help="从文件读取（默认标准输入）")

    def handle(self, *args: Any, **options: Any) -> None:
        from sanxiang.lib.discretion import run_jsonl
        from sanxiang.review.selectors import benchmark_set

        if not options["jsonl"]:
            raise CommandError("请使用 --jsonl。")
        source = open(options["input"], encoding="utf-8") if options["input"] else sys.stdin
        bad = 0
        try:
            for line in run_jsonl(source, benchmark_set(), today=timezone.localdate()):
                bad += int("error" in json.loads(line))
                self.stdout.write(line)
        finally:
            if source is not sys.stdin:
                source.close()
        if bad:
            raise CommandError(f"{bad} 行有误。", returncode=1)
