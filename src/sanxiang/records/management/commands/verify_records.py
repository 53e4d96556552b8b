"""``sanxiang verify_records``: re-fingerprint every record now; exit 1 when anything changed."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand

from sanxiang.records.fixity import verify_all


class Command(BaseCommand):
    help = "重新计算全部执法记录的 SM3/SHA-256 指纹并与入库时比对；有变化、缺失或校验出错时退出码为 1"

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = verify_all()
        except Exception as exc:  # fail closed: a crashed run is not a passed run
            self.stderr.write(f"校验程序出错：{exc.__class__.__name__}: {exc}")
            sys.exit(2)
        for public_id, title, outcome in result.failed:
            self.stdout.write(f"失败 {public_id} {title} {outcome}")
        self.stdout.write(f"已校验 {result.checked} 条记录，失败 {len(result.failed)} 条")
        if result.failed:
            sys.exit(1)
