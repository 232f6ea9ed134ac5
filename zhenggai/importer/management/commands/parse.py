"""zhenggai parse FILE [--json]: what the reader makes of a document."""

import json

from django.core.management.base import BaseCommand, CommandError

from zhenggai.reader import ReaderError, read_file, to_contract, to_text


class Command(BaseCommand):
    help = (
        "读取文档（.txt/.docx/.pdf/.xlsx），输出其标题、体裁及判断依据、编号结构、警告"
        "（Excel 台账和 Word 中的台账表格另有台账行）"
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="要读取的文件")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出（供其他工具使用）")

    def handle(self, *args, **options):
        try:
            document = read_file(options["file"])
        except ReaderError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(to_contract(document), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(to_text(document))
