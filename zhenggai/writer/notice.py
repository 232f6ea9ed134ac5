"""督办单: a formal notice to a lagging unit, with the problems it cites and a reply deadline."""

from collections.abc import Mapping

from zhenggai.writer.build import Builder
from zhenggai.writer.model import Document, NoticeInfo
from zhenggai.writer.official import format_date


def supervision_notice(notice: NoticeInfo, texts: Mapping[str, str] | None = None) -> Document:
    fields = {"署名": notice.issuer, "回复期限": format_date(notice.reply_deadline)}
    build = Builder("notice", fields, texts)
    build.add("subtitle", notice.number, "督办单编号")
    build.add("addressee", f"{notice.unit}：", "主送单位")
    for line in notice.content.splitlines():
        if line.strip():
            build.add("body", line.strip(), "督办事项")
    if notice.problems:
        build.add("body", "涉及问题：", "涉及问题")
        for number, problem in enumerate(notice.problems, 1):
            build.add("body", f"{number}.{problem}", "涉及问题")
    build.fixed("request")
    build.signature(notice.issuer, on=notice.issued_on)
    return build.document()
