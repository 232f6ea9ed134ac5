"""The document's title: the line or lines before the body starts."""

import re
from collections import Counter
from dataclasses import replace

from zhenggai.reader.inline import line_starts, may_hold_a_heading, split_inline
from zhenggai.reader.markers import recognize
from zhenggai.reader.model import Paragraph

MAX_LINES = 3
_LONG = 60
_SENTENCE = re.compile(r"[。；;！？!?]|[：:]$")
# "1 目的": a chapter number without a dot starts the body.
_CHAPTER = re.compile(r"\d{1,2}\s+\S")
# A date or a "（讨论稿）" under the title belongs to the header, not to the title.
_ASIDE = re.compile(r"[（(].*[)）]")


def split_title(paragraphs: list[Paragraph]) -> tuple[str, list[Paragraph]]:
    styled = [i for i, p in enumerate(paragraphs[: MAX_LINES + 2]) if p.is_title]
    if styled:
        start = styled[0]
        end = start
        while end < len(paragraphs) and paragraphs[end].is_title:
            end += 1
        title = "".join(p.text for p in paragraphs[start:end])
        return title, paragraphs[:start] + paragraphs[end:]
    headings = Counter(p.heading_level for p in paragraphs if p.heading_level)
    count = 0
    for paragraph in paragraphs[:MAX_LINES]:
        if _is_body(paragraph, headings) or _ASIDE.fullmatch(paragraph.text):
            break
        # Under a plain title line, a heading style starts the body.
        if count and paragraph.heading_level:
            break
        count += 1
    if not count:
        return "", paragraphs
    return _unglued("".join(p.text for p in paragraphs[:count]), paragraphs, count)


def _unglued(title: str, paragraphs: list[Paragraph], count: int) -> tuple[str, list[Paragraph]]:
    """A page that lost its line breaks glues the first heading to the title
    ("……工作方案一、背景与意义"): the heading goes back to the body."""
    last = paragraphs[count - 1]
    if not may_hold_a_heading(last.text):
        return title, paragraphs[count:]
    ahead = line_starts(recognize(p.text) for p in paragraphs[count:])
    lead, items = split_inline(last.text, ahead=ahead)
    if not items:
        return title, paragraphs[count:]
    cut = len(title) - len(last.text) + len(lead)
    return title[:cut], [replace(last, text=last.text[len(lead) :]), *paragraphs[count:]]


def _is_body(paragraph: Paragraph, headings: Counter[int]) -> bool:
    return bool(
        paragraph.table_row
        or paragraph.list_marker
        or len(paragraph.text) > _LONG
        or _SENTENCE.search(paragraph.text)
        or recognize(paragraph.text)
        or _CHAPTER.match(paragraph.text)
        # A heading style used again further down is a section, not the title.
        or (paragraph.heading_level is not None and headings[paragraph.heading_level] > 1)
    )
