"""Before a document goes out: unfilled placeholders (XX, ××, 第X, 【…】, the reader's own
test), sections left empty, and what the builder found (a problem without measures). Each
finding says where, as the person knows the place: 问题 1-2, 开头语, “二、原因剖析”."""

import re

from zhenggai.reader.placeholders import placeholders
from zhenggai.writer.model import HEADINGS, Block, Document, Finding

_FIELD = re.compile(r"\{[^{}\s]{1,10}\}")
_RANK = {style: rank for rank, style in enumerate(HEADINGS, 1)}


def check(document: Document) -> list[Finding]:
    return _placeholders(document) + _empty_sections(document.blocks) + document.findings


def _placeholders(document: Document) -> list[Finding]:
    found = []
    for number, block in enumerate(document.blocks, 1):
        for text in (block.lead, block.text):
            # A field of the office's texts ({姓名}) with nothing to fill it is one too.
            for placeholder in [*placeholders(text), *_FIELD.findall(text)]:
                where = block.where or f"第 {number} 段"
                message = f"{where}中有未填写的占位符“{placeholder}”：{_around(text, placeholder)}"
                found.append(Finding("placeholder", message))
    return found


def _around(text: str, placeholder: str, width: int = 12) -> str:
    start = text.find(placeholder)
    before = text[max(0, start - width) : start]
    after = text[start + len(placeholder) : start + len(placeholder) + width]
    return f"“{'…' if start > width else ''}{before}{placeholder}{after}…”"


def _empty_sections(blocks: list[Block]) -> list[Finding]:
    """A heading with nothing under it before the next heading of its level or above, or
    before the closing words."""
    found = []
    for index, block in enumerate(blocks):
        rank = _rank(block)
        if rank is not None and not _has_content(blocks[index + 1 :], rank):
            found.append(Finding("empty_section", f"“{block.where or block.text}”下没有内容"))
    return found


def _rank(block: Block) -> int | None:
    """A heading's level; a heading run into its paragraph is content."""
    return None if block.lead else _RANK.get(block.style)


def _has_content(following: list[Block], rank: int) -> bool:
    for block in following:
        other = _rank(block)
        if block.outside or (other is not None and other <= rank):
            return False
        if other is None and (block.text.strip() or block.lead):
            return True
    return False
