from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanxiang.audit.services import audit_verify
from sanxiang.audit.verification import problem_message


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
        if result.ok:
            self.stdout.write(result.summary())
            return
        for problem in result.problems:
            self.stderr.write(f"[{problem.code}] {problem_message(problem)}")
        raise CommandError(result.summary(), returncode=1)
