from django.core.management.base import BaseCommand, CommandError

from zhenggai.ops import server


class Command(BaseCommand):
    help = (
        "用 gunicorn 启动整改系统（zhenggai.wsgi），静态文件由系统自己提供，不需要 collectstatic，"
        "也不访问互联网。启动前请先执行 migrate。按 Ctrl+C 停止。"
    )

    def add_arguments(self, parser):
        server.add_addr_argument(parser)
        parser.add_argument(
            "--workers",
            type=int,
            default=server.DEFAULT_WORKERS,
            help=f"工作进程数，默认 {server.DEFAULT_WORKERS}；正式环境一般取 CPU 核数×2+1。",
        )

    def handle(self, *args, addr, workers, **options):
        server.check_addr(addr)
        if workers < 1:
            raise CommandError("--workers 至少为 1。")
        self.stdout.write(f"整改系统正在启动：{server.url(addr)}（{workers} 个工作进程）")
        server.run(addr, workers)
