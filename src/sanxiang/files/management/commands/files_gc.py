from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sanxiang.files.integrity import files_gc


class Command(BaseCommand):
    help = (
        "Remove stored files no row references (left when an outer transaction rolled back or a "
        "process was killed between writing the bytes and committing the row), and temporary files "
        "older than an hour. --dry-run lists them without removing anything."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list only, remove nothing")
        parser.add_argument(
            "--temporary-age",
            type=float,
            default=3600.0,
            help="seconds after which a temporary file is stale",
        )

    def handle(self, *args: Any, dry_run: bool, temporary_age: float, **options: Any) -> None:
        result = files_gc(dry_run=dry_run, temporary_age=temporary_age)
        for path in [*result.orphans, *result.stale_temporary]:
            self.stdout.write(("将删除：" if dry_run else "已删除：") + str(path))
        verb = "可删除" if dry_run else "已删除"
        self.stdout.write(
            f"{verb} {len(result.orphans)} 个无记录的存储文件、{len(result.stale_temporary)} 个残留临时文件，"
            f"共 {result.bytes} 字节"
        )
