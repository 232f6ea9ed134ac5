"""Before a document goes out: unfilled placeholders (XX, ××, 第X, 【…】, the reader's own
test), sections left empty, and what the builder found (a problem without measures). Each
finding says where, as the person knows the place: 问题 1-2, 开头语, “二、原因剖析”."""

import re
from collections.abc import Iterable, Iterator

from zhenggai.reader.placeholders import placeholders
from zhenggai.writer.ledger import LedgerLine
from zhenggai.writer.model import HEADINGS, Block, Document, Finding

_FIELD = re.compile(r"\{[^{}\s]{1,10}\}")
_RANK = {style: rank for rank, style in enumerate(HEADINGS, 1)}


def check(document: Document) -> list[Finding]:
    return _placeholders(document) + _empty_sections(document.blocks) + document.findings


def watch_ledger(lines: Iterable[LedgerLine], found: list[Finding]) -> Iterator[LedgerLine]:
    """The ledger's lines as they go to the sheet, noting on the way each placeholder left in a
    problem or a measure and each problem without measures: the rows are streamed, so they
    are checked as they pass rather than gathered first."""
    problem = None
    for line in lines:
        if line.problem_code != problem:
            problem = line.problem_code
            found += _placeholders_in(f"问题 {problem}", line.problem)
            if not line.measure_code:
                found.append(Finding("no_measures", f"问题 {problem}没有整改措施"))
        if line.measure_code:
            found += _placeholders_in(f"措施 {line.measure_code}", line.measure)
        yield line


def _placeholders(document: Document) -> list[Finding]:
    found = []
    for number, block in enumerate(document.blocks, 1):
        for text in (block.lead, block.text):
            found += _placeholders_in(block.where or f"第 {number} 段", text)
    return found


def _placeholders_in(where: str, text: str) -> list[Finding]:
    # A field of the office's texts ({姓名}) with nothing to fill it is one too.
    return [
        Finding("placeholder", f"{where}中有未填写的占位符“{found}”：{_around(text, found)}")
        for found in [*placeholders(text), *_FIELD.findall(text)]
    ]


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
