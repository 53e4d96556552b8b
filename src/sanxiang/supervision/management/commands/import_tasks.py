"""``sanxiang import_tasks FILE``: import a task breakdown table (任务分解表) as a plan."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sanxiang.kernel.choices import AuthorityLevel
from sanxiang.org.models import Authority

from ...services import ImportRefused, plan_import, plan_preview


class Command(BaseCommand):
    help = "导入任务分解表（.docx/.xlsx/文本）为督办任务计划。--dry-run --json 只输出解析结果（每项措施一个对象），不写入。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="只解析和匹配，不写入")
        parser.add_argument("--json", action="store_true", help="以 JSON 列表输出每项措施")
        parser.add_argument("--authority", help="所属机关代码（默认：第一个市级机关）")
        parser.add_argument("--accept-unmatched", action="store_true", help="有未匹配的单位名称时仍然导入")
        parser.add_argument("--plan-year", type=int, help="计划年度（“年底前”等未写年份的时限按此推算）")
        parser.add_argument("--user", help="以该用户身份导入（默认：系统）")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="以该日期（YYYY-MM-DD）确认下达并计算任务状态（默认：今天）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        authority = self._authority(options.get("authority"), dry_run=options["dry_run"])
        actor = None
        if options.get("user"):
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"用户“{options['user']}”不存在")
        try:
            if options["dry_run"]:
                outcome = plan_preview(path=path, authority=authority, plan_year=options.get("plan_year"))
            else:
                assert authority is not None  # _authority refuses a real import without one
                outcome = plan_import(
                    actor=actor,
                    path=path,
                    authority=authority,
                    plan_year=options.get("plan_year"),
                    accept_unmatched=options["accept_unmatched"],
                    confirm=True,
                    today=options.get("today") or timezone.localdate(),
                )
        except ImportRefused as exc:
            if options["json"] and exc.code == "no_measures":
                self.stdout.write("[]")
            unmatched = exc.extra.get("unmatched")
            if unmatched:
                self.stderr.write("未匹配的单位名称：")
                for name in unmatched:
                    self.stderr.write(f"  {name}")
            raise CommandError(str(exc.message)) from None
        if options["json"]:
            self.stdout.write(json.dumps(outcome.to_json(), ensure_ascii=False, indent=1))
        if outcome.result is not None and outcome.result.layouts:
            self.stderr.write("识别的版式：" + "；".join(outcome.result.layout_labels()))
        if options["dry_run"]:
            if outcome.unmatched:
                self.stderr.write("未匹配的单位名称：" + "、".join(outcome.unmatched))
            if not options["json"]:
                assert outcome.result is not None  # a preview always carries the parsed table
                self.stdout.write(f"解析出 {len(outcome.result.measures)} 项任务（未写入）")
            return
        plan = outcome.plan
        assert plan is not None  # plan_import returns the new or the existing plan
        if outcome.created:
            self.stdout.write(f"已导入任务计划 #{plan.pk}《{plan.title}》，共 {plan.tasks.count()} 项任务")
        else:
            self.stdout.write(f"该文件已导入过：任务计划 #{plan.pk}《{plan.title}》，未重复导入")

    def _authority(self, code: str | None, *, dry_run: bool) -> Authority | None:
        """The plan's authority; a dry run on a database without one goes on, matching nothing.

        A code given and not found is a typo and refused, dry run or not.
        """
        if code:
            found = Authority.objects.filter(code=code).first()
            if found is None:
                raise CommandError(f"机关代码“{code}”不存在")
            return found
        found = Authority.objects.filter(level=AuthorityLevel.MUNICIPAL).order_by("path").first()
        if found is not None:
            return found
        if dry_run:
            self.stderr.write("没有市级税务机关：只解析，部门名称均按未匹配报告")
            return None
        raise CommandError("没有市级税务机关，请用 --authority 指定机关代码")
