"""Placeholders a drafter forgot to fill: XX, ××, 第X, X月X日, 【单位名称】, ____.

An X counts only when it is not part of a Latin word (XXL, Windows XP, MAXX) and, when it
stands alone, only before a word that numbers or names something (第X, X月, X市)."""

import re

from zhenggai.reader.model import Paragraph, ReadWarning

_X = "XxＸｘ×"
PLACEHOLDER = re.compile(
    rf"""(?<![A-Za-z])(?:第[{_X}]+|[{_X}]{{2,}}|[{_X}](?=[年月日号届次市县区局院委镇乡村省部厅处科所]))(?![A-Za-z])
    |【[^】\n]{{0,40}}】
    |_{{4,}}|＿{{2,}}""",
    re.X,
)


def find_placeholders(paragraphs: list[Paragraph]) -> list[ReadWarning]:
    return [
        ReadWarning(
            "placeholder",
            f"第 {paragraph.line} 段有未填写的占位符“{match[0]}”",
            paragraph.line,
            match[0],
        )
        for paragraph in paragraphs
        for match in PLACEHOLDER.finditer(paragraph.text)
    ]
