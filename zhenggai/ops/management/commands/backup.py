from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhenggai.files.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "把数据库和全部上传文件备份到一个新的空目录：SQLite 用在线备份（系统运行中也是一致的"
        "副本），PostgreSQL 用 pg_dump；目录中的 manifest.json 记下每个文件的 SHA-256 摘要，"
        "恢复时逐一核对。目录只有本用户可读（0700）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="备份目录：不存在或为空。")

    def handle(self, *args, folder, **options):
        try:
            summary = backup(Path(folder))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"已备份到 {folder}：{summary.engine} 数据库和 {summary.files} 个上传文件，"
            f"共 {summary.size / 1024 / 1024:.1f} MB，摘要见 manifest.json。"
        )
