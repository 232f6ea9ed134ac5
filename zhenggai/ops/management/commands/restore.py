from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhenggai.files.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "从 zhenggai backup 做的备份恢复数据库和上传文件。先按 manifest.json 核对备份中每个"
        "文件的摘要，有一个不符就不恢复；当前数据库已有任何表、或文件目录中已有文件时不恢复，"
        "除非加 --force（覆盖现有数据）。恢复后再次核对每个文件，并执行本版本有而备份中"
        "没有的数据库迁移（较早版本的备份恢复后即为本版本的结构）。请先停止服务。"
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="zhenggai backup 写出的备份目录。")
        parser.add_argument("--force", action="store_true", help="覆盖现有的数据库和文件。")

    def handle(self, *args, folder, force, **options):
        try:
            summary = restore(Path(folder), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        migrated = f"已执行 {summary.migrations} 项数据库迁移。" if summary.migrations else ""
        self.stdout.write(
            f"已从 {folder} 恢复：{summary.engine} 数据库和 {summary.files} 个上传文件，"
            f"摘要全部与备份清单一致。{migrated}"
        )
