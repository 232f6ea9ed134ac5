from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from zhenggai.ops import demo, demo_data, server


class Command(BaseCommand):
    help = (
        "一条命令体验整改系统：执行 migrate，载入演示数据（临江市委政法委的一轮巡视整改），"
        "显示网址和演示账号，然后启动服务（同 serve）。演示数据已存在时不重复载入；"
        "--fresh 先删除演示轮次、由演示单位负责的其他轮次、演示单位及其人员和演示账号"
        "（admin 保留），再重新载入。"
        f"载入时演示账号 {demo_data.ADMIN_USERNAME}、{'、'.join(demo_data.USERS)} 的密码"
        f"都设为 {demo_data.DEMO_PASSWORD}（已有同名账号也会被重置），请勿在正式环境中使用。"
    )

    def add_arguments(self, parser):
        server.add_addr_argument(parser)
        parser.add_argument("--fresh", action="store_true", help="删除演示数据后重新载入。")
        parser.add_argument(
            "--no-serve", action="store_true", help="只迁移和载入数据，不启动服务。"
        )

    def handle(self, *args, addr, fresh, no_serve, **options):
        server.check_addr(addr)
        call_command("migrate", interactive=False, verbosity=0)
        try:
            loaded = demo.load(fresh=fresh)
        except demo.DemoError as exc:
            raise CommandError(str(exc)) from exc
        round_ = loaded.round
        if loaded.created:
            self.stdout.write(
                f"已载入演示数据“{round_}”：{round_.categories.count()} 个方面、"
                f"{round_.problems.count()} 个问题、{round_.measures.count()} 条措施。"
            )
        else:
            self.stdout.write(f"演示数据“{round_}”已存在，未重复载入（重新载入请加 --fresh）。")
        self.stdout.write(f"网址：{server.url(addr)}")
        self.stdout.write(f"演示账号（密码均为 {demo_data.DEMO_PASSWORD}）：")
        self.stdout.write(
            f"  {demo_data.ADMIN_USERNAME:<10}系统管理员：在 /admin/ 管理账号和基础数据，"
            "不经手整改内容"
        )
        for username, (_, role) in demo_data.USERS.items():
            self.stdout.write(f"  {username:<10}{role}")
        if not no_serve:
            server.run(addr, server.DEFAULT_WORKERS)
