"""zhenggai audit verify | zhenggai audit export --output FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhenggai.audit import export, trail
from zhenggai.audit.models import AuditEntry


class Command(BaseCommand):
    help = (
        "审计日志（操作日志）。verify：从第一条起逐条核对摘要链，发现被改动、删除或插入的记录时"
        "指出第一处并以非零退出码结束；export --output FILE：导出全部记录，格式由扩展名决定"
        "（.csv 或 .xlsx）。"
    )

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        verbs.add_parser("verify", help="核对摘要链")
        out = verbs.add_parser("export", help="导出为 .csv 或 .xlsx")
        out.add_argument("--output", required=True, help="输出文件（.csv/.xlsx）")

    def handle(self, *args, verb, **options):
        if verb == "verify":
            self._verify()
        else:
            self._export(Path(options["output"]))

    def _verify(self):
        count, found, head = trail.verify()
        if found:
            raise CommandError(f"审计日志不完整（已核对 {count} 条）：{found}")
        if head is None or head.seq == 0:
            self.stdout.write("审计日志为空。")
            return
        self.stdout.write(
            f"审计日志完整：共 {count} 条，链头第 {head.seq} 条，摘要 {head.digest}。"
        )

    def _export(self, path: Path):
        entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
        try:
            count = export.write(entries, path)
        except ValueError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"无法写入文件：{path}（{error.strerror}）") from error
        self.stdout.write(f"已导出操作日志 {count} 条：{path}")
