import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from zhenggai.ops.accounts import save_user

PASSWORD_ENV = "ZHENGGAI_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        "创建超级用户；同名账号已存在时改为超级用户并重设密码。密码依次取自 --password、"
        f"环境变量 {PASSWORD_ENV}，都没有时在终端中输入两次。密码须符合系统的密码规则"
        "（见 docs/deployment.md：默认至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，"
        "不含用户名，不是常见密码，不与最近 5 次用过的相同）。管理员自己设定的密码，"
        "登录后不要求再修改。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="登录名。")
        parser.add_argument("--password", help=f"密码；不写时读取 {PASSWORD_ENV} 或提示输入。")

    def handle(self, *args, username, password, **options):
        password = password or os.environ.get(PASSWORD_ENV) or self.prompt()
        users = get_user_model().objects
        candidate = users.filter(username=username).first() or users.model(username=username)
        try:
            validate_password(password, candidate)
        except ValidationError as exc:
            raise CommandError("密码不符合要求：" + "；".join(exc.messages)) from exc
        _, created = save_user(username, password, superuser=True)
        verb = "已创建" if created else "已更新"
        self.stdout.write(f"{verb}超级用户 {username}。")

    def prompt(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError(f"没有提供密码：请用 --password 或环境变量 {PASSWORD_ENV}。")
        first = getpass.getpass("密码：")
        if first != getpass.getpass("再输入一次："):
            raise CommandError("两次输入的密码不一致。")
        return first
