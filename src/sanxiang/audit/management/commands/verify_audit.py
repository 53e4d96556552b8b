from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sanxiang.audit.services import audit_verify
from sanxiang.audit.verification import problem_message, unprotected_tail


class Command(BaseCommand):
    help = (
        "Re-check the audit hash chain, the signed checkpoints and the checkpoint log. Exits 0 when "
        "intact, 1 naming the first broken event when any event was altered, removed, reordered or "
        "truncated."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-record", action="store_true", help="do not store the result for the audit page"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_verify(record=not options["no_record"], triggered_by="command")
        tail, oldest = unprotected_tail()
        note = ""
        if tail:
            since = timezone.localtime(oldest).strftime("%Y-%m-%d %H:%M:%S") if oldest else "?"
            note = (
                f"未受签名保护的尾部：最后一个签名检查点之后有 {tail} 条事件（最早一条记录于 {since}），"
                "下一次定时签名（或 sanxiang checkpoint_audit）后受保护"
            )
        if result.ok:
            self.stdout.write(result.summary())
            if note:
                self.stdout.write(note)
            return
        if note:
            self.stdout.write(note)
        for problem in result.problems:
            self.stderr.write(f"[{problem.code}] {problem_message(problem)}")
        raise CommandError(result.summary(), returncode=1)
