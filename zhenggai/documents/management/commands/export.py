"""zhenggai export KIND --round ID --user NAME [--person ID] [--notice ID] [--strict] --output F"""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404, QueryDict

from zhenggai.documents import services
from zhenggai.documents.policy import KINDS
from zhenggai.ledger import policy
from zhenggai.ops.accounts import acting_user
from zhenggai.writer import PdfUnavailable


class Command(BaseCommand):
    help = (
        "生成一轮整改的文书并写入 FILE，格式由 FILE 的扩展名决定：整改台账（ledger）为 .xlsx，"
        "其余为 .docx 或 .pdf（.pdf 须安装 LibreOffice）。KIND：ledger 整改台账，plan 整改方案，"
        "report 整改情况报告，leader-report 主要负责人组织落实情况报告，disclosure-internal "
        "整改进展情况通报（党内），disclosure-public 同（公开，不含标记为不予公开的问题），"
        "notice 督办单（须 --notice），outline 个人发言提纲、self-examination 对照检查材料"
        "（须 --person）。导出前检查未填写的占位符（XX、××、第X、【…】）、空白的部分和没有整改"
        "措施的问题，提示写到标准错误；加 --strict 时有任何提示即不导出，退出码非零。"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS, help="文书种类")
        parser.add_argument("--round", required=True, dest="round_id", help="轮次编号")
        parser.add_argument("--person", dest="person_id", help="领导的人员编号（outline 等）")
        parser.add_argument("--notice", dest="notice_id", help="督办单编号（数据库编号）")
        parser.add_argument("--strict", action="store_true", help="有任何提示即不导出")
        parser.add_argument("--output", required=True, help="输出文件（.xlsx/.docx/.pdf）")
        parser.add_argument("--user", help="操作人登录名（必填，命令按其角色办理）")

    def handle(self, *args, kind, round_id, person_id, notice_id, strict, output, user, **opts):
        actor = acting_user(user)
        path = Path(output)
        fmt = path.suffix.lower().lstrip(".")
        try:
            round_ = policy.get_round_for(actor, round_id)
            if kind == "ledger":
                if fmt != "xlsx":
                    raise CommandError("整改台账只能导出为 .xlsx。")
                ledger = services.export_ledger(actor, round_, QueryDict(), path, strict=strict)
                self._warn(ledger.findings)
                self.stdout.write(f"已导出整改台账 {ledger.rows} 行：{path}")
                return
            person = policy.get_person_for(actor, person_id) if person_id else None
            notice = services.get_notice(actor, round_, notice_id) if notice_id else None
            result = services.export(
                actor, kind, round_, fmt=fmt, person=person, notice=notice, strict=strict
            )
        except Http404 as error:
            raise CommandError(f"{error}（轮次 {round_id}，操作人 {actor}）") from error
        except (PermissionDenied, services.Refused, PdfUnavailable) as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self._warn(result.findings)
        for omitted in result.omitted:
            self.stderr.write(f"说明：未列入公开稿：{omitted}")
        try:
            path.write_bytes(result.content)
        except OSError as error:
            raise CommandError(f"无法写入文件：{path}（{error.strerror}）") from error
        self.stdout.write(f"已导出{result.filename}（{len(result.findings)} 处提示）：{path}")

    def _warn(self, findings):
        for finding in findings:
            self.stderr.write(f"提示：{finding.message}")
