"""Placeholders a drafter forgot to fill: XX, ××, 第X, X月X日, 【单位名称】, ____.

An X counts only when it is not part of a Latin word (XXL, Windows XP, MAXX) and, when it
stands alone, only before a word that numbers or names something (第X, X月, X市)."""

import re
from collections.abc import Iterator

from zhenggai.reader.model import Paragraph, ReadWarning

_X = "XxＸｘ×"
# Every alternative starts with a fixed set of characters, which lets the scan skip ahead;
# the Latin letter before an X is checked afterwards for the same reason.
_CANDIDATE = re.compile(
    rf"""(?:第[{_X}]+|[{_X}]{{2,}}|[{_X}](?=[年月日号届次市县区局院委镇乡村省部厅处科所]))(?![A-Za-z])
    |【[^】\n]{{0,40}}】
    |_{{4,}}|＿{{2,}}""",
    re.X,
)
# The characters every placeholder starts with: one scan for them spares most paragraphs
# the slower search above.
_FIRST = re.compile(f"[第{_X}【_＿]")


def find_placeholders(paragraphs: list[Paragraph], limit: int) -> list[ReadWarning]:
    """Up to `limit` placeholders with their paragraph, then one line counting the rest."""
    found: list[ReadWarning] = []
    more = 0
    for paragraph in paragraphs:
        for text in placeholders(paragraph.text):
            if len(found) < limit:
                message = f"第 {paragraph.line} 段有未填写的占位符“{text}”"
                found.append(ReadWarning("placeholder", message, paragraph.line, text))
            else:
                more += 1
    if more:
        found.append(ReadWarning("placeholder", f"另有 {more} 处占位符未逐一列出", None, ""))
    return found


def placeholders(text: str) -> Iterator[str]:
    if not _FIRST.search(text):
        return
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        if start and text[start - 1].isascii() and text[start - 1].isalpha():
            continue
        yield match[0]
