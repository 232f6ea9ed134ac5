"""zhenggai createtoken USERNAME --name NAME [--days N]: prints a new API token once."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zhenggai.api.models import ApiToken


class Command(BaseCommand):
    help = "为用户生成一个接口令牌（只显示一次）。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="登录账号")
        parser.add_argument("--name", required=True, help="令牌用途，例如“数据大屏”")
        parser.add_argument("--days", type=int, help="有效天数；不填则长期有效")

    def handle(self, *args, username, name, days, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"没有找到启用的用户“{username}”。")
        name = name.strip()
        if not name or len(name) > ApiToken._meta.get_field("name").max_length:
            raise CommandError("令牌名称不能为空，且不能超过100个字。")
        if days is not None and days < 1:
            raise CommandError("有效天数必须是正整数。")
        expires_at = timezone.now() + datetime.timedelta(days=days) if days else None
        _, raw = ApiToken.objects.issue(user, name, expires_at)
        self.stderr.write(f"已为 {username} 生成令牌“{name}”。令牌只显示这一次，请立即保存：")
        self.stdout.write(raw)
