from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_checkpoint_create


class Command(BaseCommand):
    help = "Sign the current head of the audit hash chain (for cron; idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoint = audit_checkpoint_create()
        if checkpoint is None:
            self.stdout.write(_("审计链为空，未生成检查点"))
        else:
            self.stdout.write(
                _("检查点：第 %(seq)d 条，%(hash)s") % {"seq": checkpoint.seq, "hash": checkpoint.head_hash}
            )
