"""The document writer: a pure package (no Django) that turns plain data about a round into
the documents an office sends out, in the official document format (GB/T 9704-2012).

One function per document, each taking dataclasses of writer.model and returning a Document
(blocks of text with the place each came from):

    rectification_plan(round, categories, texts)                 整改方案
    rectification_report(round, figures, categories, principal)  整改情况报告
    leader_report(round, figures, led, principal)                主要负责人组织落实情况报告
    disclosure(round, figures, categories, public)               整改进展情况通报（党内/公开）
    supervision_notice(notice)                                   督办单
    speech_outline(round, person, categories, causes, measures)  个人发言提纲
    self_examination(round, person, categories, causes, measures) 对照检查材料

then check(document) -> findings before it goes out, to_docx(document, template) -> bytes,
to_pdf(docx) -> bytes through LibreOffice. The Excel ledger streams rows:
write_ledger(sheet, lines, out), checked on the way by watch_ledger(lines, findings), and
read_mark(data) recognizes a ledger it exported."""

from zhenggai.writer.checks import check, watch_ledger
from zhenggai.writer.disclosure import disclosure
from zhenggai.writer.ledger import LedgerLine, LedgerSheet, read_mark, write_ledger
from zhenggai.writer.notice import supervision_notice
from zhenggai.writer.outline import self_examination, speech_outline
from zhenggai.writer.pdf import PdfUnavailable, to_pdf
from zhenggai.writer.plan import rectification_plan
from zhenggai.writer.render import TemplateError, check_template, to_docx
from zhenggai.writer.reports import leader_report, rectification_report

__all__ = [
    "LedgerLine",
    "LedgerSheet",
    "PdfUnavailable",
    "TemplateError",
    "check",
    "check_template",
    "disclosure",
    "leader_report",
    "read_mark",
    "rectification_plan",
    "rectification_report",
    "self_examination",
    "speech_outline",
    "supervision_notice",
    "to_docx",
    "to_pdf",
    "watch_ledger",
    "write_ledger",
]
