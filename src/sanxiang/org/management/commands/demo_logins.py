from django.core.management.base import BaseCommand

from sanxiang.kernel.demo import DEMO_PASSWORD
from sanxiang.org.demo import DEMO_USERS


class Command(BaseCommand):
    help = "打印演示账号（用户名、姓名、单位部门、角色、数据权限）。"

    def add_arguments(self, parser):
        parser.add_argument("--markdown", action="store_true", help="输出 README 用的 Markdown 表格行")

    def handle(self, *args, markdown: bool, **options):
        from sanxiang.kernel.choices import DataScope, RoleCode
        from sanxiang.org.demo import AUTHORITIES

        names = {key: short for key, _p, _c, _n, short, _l, _t in AUTHORITIES}
        if not markdown:
            self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, full_name, authority, department, roles, scope, _q in DEMO_USERS:
            labels = "、".join(str(RoleCode(r).label) for r in roles)
            where = f"{names[authority]} {department}"
            if markdown:
                self.stdout.write(
                    f"| `{username}` | {full_name} | {where} | {labels} | {DataScope(scope).label} |"
                )
            else:
                self.stdout.write(f"  {username:<16} {full_name:<6} {where:<22} {labels}")
