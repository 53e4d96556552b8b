"""``sanxiang verify_draw <id>``: recompute a published draw from its published inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanxiang.inspections import selectors
from sanxiang.inspections.choices import DrawStatus
from sanxiang.inspections.models import Draw
from sanxiang.inspections.verification import check_published_draw


class Command(BaseCommand):
    help = (
        "按公布的输入（承诺记录、结果记录、名录库快照、发布日志签名检查点）重新抽取并与公布的名单比对；"
        "一致时退出码 0。也可用 --files 对下载的文件离线核验。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("draw", nargs="?", type=int, help="摇号编号")
        parser.add_argument(
            "--files",
            nargs=4,
            metavar=("COMMITMENT", "INDEX", "RESULT", "ROWS"),
            help="离线核验：承诺记录文件、承诺记录日志序号、结果记录文件、快照 JSON 文件（需同时给出 --key）",
        )
        parser.add_argument("--key", help="发布日志的验证公钥（/log/key）")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["files"]:
            if not options["key"]:
                raise CommandError("离线核验需要 --key")
            commitment, index, result, rows = options["files"]
            report = check_published_draw(
                commitment_leaf=Path(commitment).read_bytes(),
                commitment_index=int(index),
                result_leaf=Path(result).read_bytes(),
                rows=json.loads(Path(rows).read_text(encoding="utf-8")),
                verifier_key=options["key"],
            )
        else:
            if options["draw"] is None:
                raise CommandError("请给出摇号编号")
            draw = (
                Draw.objects.filter(pk=options["draw"], status=DrawStatus.DRAWN)
                .select_related("snapshot")
                .first()
            )
            if draw is None:
                raise CommandError(f"没有已抽取的摇号 {options['draw']}")
            report = selectors.verify_draw(draw)
        for label, passed in report.steps:
            self.stdout.write(f"{'通过' if passed else '失败'}  {label}")
        if report.recomputed:
            self.stdout.write("重新抽取的名单：" + "、".join(report.recomputed))
        if not report.ok:
            raise CommandError("核验失败")
        self.stdout.write("核验通过：名单与公布的一致")
