import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from sanxiang.kernel.demo import DemoContext, demo_finishers, demo_steps
from sanxiang.lib.fakedata import Faker


class Command(BaseCommand):
    help = "加载演示数据：宝鸡市税务局及两个区局、各角色演示账号与虚构业务数据（幂等，可重复执行）。"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="库中已有机关时不加载")
        parser.add_argument("--only", action="append", default=[], help="只运行指定步骤（可重复），如 org")

    def handle(self, *args, if_empty: bool, only: list[str], **options):
        from sanxiang.org.models import Authority

        if if_empty and Authority.objects.exists():
            self.stdout.write("数据库已有数据，跳过演示数据加载。")
            return
        autodiscover_modules("demo")
        ctx = DemoContext(today=timezone.localdate(), faker=Faker(2026), out=self.stdout.write)
        steps = [s for s in demo_steps() if not only or s.name in only or s.name == "org"]
        began, began_cpu = time.monotonic(), time.process_time()
        for number, step in enumerate(steps, 1):
            started, started_cpu = time.monotonic(), time.process_time()
            self.stdout.write(f"[{number}/{len(steps)}] {step.label}……")
            self.stdout.flush()
            ctx.begin_step(step.label)
            # One transaction per step: a failing step leaves the steps before it intact and
            # nothing of its own half-written.
            with transaction.atomic():
                step.run(ctx)
            self.stdout.write(
                f"[{number}/{len(steps)}] {step.label} 完成，用时 {time.monotonic() - started:.1f} 秒"
                f"（CPU {time.process_time() - started_cpu:.1f} 秒）"
            )
            self.stdout.flush()
        # What the apps do once the data is in (the audit trail signs its chain head now rather
        # than waiting for the worker's checkpoint).
        for finish in demo_finishers():
            finish()
        self.stdout.write(
            self.style.SUCCESS(
                f"演示数据已就绪，共用时 {time.monotonic() - began:.1f} 秒"
                f"（CPU {time.process_time() - began_cpu:.1f} 秒）。"
            )
        )
