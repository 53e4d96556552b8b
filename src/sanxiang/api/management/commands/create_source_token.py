from django.core.management.base import BaseCommand, CommandError

from sanxiang.api.services import source_token_create
from sanxiang.org.models import User


class Command(BaseCommand):
    help = "为源系统（如金税三期）创建接口令牌；令牌只显示一次。"

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="源系统名称")
        parser.add_argument("--user", required=True, help="服务账号用户名：令牌按其机关与数据权限访问")
        parser.add_argument("--category", action="append", default=[], help="允许推送的类别，可重复")

    def handle(self, *args, name, user, category, **options):
        try:
            account = User.objects.get(username=user)
        except User.DoesNotExist:
            raise CommandError(f"用户不存在：{user}") from None
        token, key = source_token_create(actor=None, name=name, user=account, categories=category)
        self.stdout.write(f"{key}\n")
        self.stderr.write(
            f"已为 {token.name} 创建令牌（前缀 {token.prefix}），请妥善保存，令牌不会再次显示。\n"
        )
