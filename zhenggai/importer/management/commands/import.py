"""zhenggai import FILE --round ID --user USERNAME [--apply] [--again]"""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from zhenggai.importer import drafts, services
from zhenggai.ledger import policy
from zhenggai.ops.accounts import acting_user


class Command(BaseCommand):
    help = (
        "读取文档（.docx/.pdf/.txt/.xlsx），为轮次生成导入草稿并打印概况和审核网址；草稿不改动"
        "台账，可在网页上逐项核对后导入。加 --apply 则按读取结果全部导入台账：没有完成时限的"
        "措施，原文写明长期坚持的按长期坚持导入，否则不导入并列出这些措施；未对应到具体问题的"
        "整体措施和原因剖析只保存在导入记录中。同一文件再次导入本轮须加 --again。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="要导入的文件")
        parser.add_argument("--round", required=True, dest="round_id", help="轮次编号")
        parser.add_argument("--user", help="操作人登录名（必填，命令按其角色办理）")
        parser.add_argument("--apply", action="store_true", help="直接导入台账，不经网页核对")
        parser.add_argument("--again", action="store_true", help="该文件已导入过本轮时仍然导入")

    def handle(self, *args, file, round_id, user, apply, again, **options):
        actor = acting_user(user)
        try:
            round_ = policy.get_round_for(actor, round_id, write=True)
        except Http404 as error:
            raise CommandError(
                f"没有找到编号为 {round_id} 的轮次，或 {actor} 无权查看。"
            ) from error
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        try:
            batch = services.upload(actor, round_, Path(file).name, _content(file), again=again)
        except services.DuplicateImport as duplicate:
            raise CommandError(f"{duplicate}如确需再次导入，请加 --again。") from duplicate
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(_messages(error)) from error
        self.stdout.write(_summary(batch))
        where = f"导入记录 {batch.pk}，网页审核地址：{batch.get_absolute_url()}"
        if not apply:
            self.stdout.write(f"草稿已保存（{where}）。台账尚未改动。")
            return
        try:
            created = services.apply(actor, batch)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(
                f"未导入，台账没有改动。草稿已保存（{where}），请处理以下各项后在网页上导入：\n"
                + _messages(error)
            ) from error
        self.stdout.write(
            f"已导入台账：{created['categories']} 个新方面，{created['problems']} 个问题，"
            f"{created['measures']} 项整改措施；{created['causes']} 条原因剖析和"
            f"{created['unattached_measures']} 项未归入问题的措施保存在导入记录 {batch.pk} 中。"
        )


def _content(file: str) -> bytes:
    path = Path(file)
    try:
        if not path.is_file():
            raise CommandError(f"找不到文件：{file}")
        services.check_size(path.stat().st_size)
        return path.read_bytes()
    except ValidationError as error:
        raise CommandError(_messages(error)) from error
    except OSError as error:
        raise CommandError(f"无法读取文件：{file}") from error


def _messages(error: ValidationError | PermissionDenied) -> str:
    if isinstance(error, PermissionDenied):
        return str(error)
    return "\n".join(f"- {message}" for message in error.messages)


def _summary(batch) -> str:
    counts = drafts.summary(batch.draft)
    encoding = f"，{batch.encoding}" if batch.encoding else ""
    lines = [
        f"文件：{batch.file_name}（{batch.format}{encoding}）",
        f"标题：{batch.title or '（无）'}",
        f"草稿：{counts['category']} 个方面，{counts['problem']} 个问题，"
        f"{counts['measure']} 项问题下的措施，{counts['speech_measure']} 项整体措施，"
        f"{counts['cause']} 条原因剖析",
    ]
    if batch.warnings:
        lines.append(f"读取提示 {len(batch.warnings)} 条：")
        lines += [f"  ⚠ {warning['message']}" for warning in batch.warnings]
    return "\n".join(lines)
