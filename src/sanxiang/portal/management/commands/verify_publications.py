"""``sanxiang verify_publications``: re-check the publication log from scratch."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sanxiang.portal.verification import verify_publications


class Command(BaseCommand):
    help = (
        "Rebuild the publication log's Merkle tree from its records, compare it with every signed "
        "checkpoint, and recompute every published entry's leaf; exit non-zero on the first problem."
    )

    def handle(self, *args, **options) -> None:
        report = verify_publications()
        if not report.ok:
            raise CommandError(
                f"publication log verification failed: {report.problems[0]} "
                f"({len(report.problems)} problem(s) in {report.size} records)"
            )
        self.stdout.write(
            f"publication log intact: {report.size} records, {report.checkpoints} checkpoints, "
            f"{report.entries_checked} published entries recomputed, {report.records} other records re-hashed"
        )
