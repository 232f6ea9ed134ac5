"""Hard line breaks in the middle of sentences and titles, as text copied out of a PDF or a
narrow page keeps them: such lines are joined back into their paragraph.

A line goes on in the next one when it ends where no sentence or heading ends (after a comma,
after 的 or 和) or, in a text wrapped at a fixed width, when it fills that width. A line that
starts with a marker always starts a paragraph of its own."""

from collections import Counter
from dataclasses import replace

from zhenggai.reader.markers import recognize
from zhenggai.reader.model import Paragraph, ReadWarning

_ENDED = tuple("。！？!?；;：:”」』）)】")
# Characters no sentence or heading ends with.
_GOES_ON = tuple("，,、的和与及在对把将为从以并或而了着之其所被")
# Nouns ending in one of those, with which a heading ends all the same: 1 目的.
_NOUNS = ("目的",)
# A wrapped text: many lines of about the same length, at least this long.
_MIN_WIDTH = 20
_SHARE = 0.3
_MIN_LINES = 10


def join_broken_lines(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[ReadWarning]]:
    width = _wrap_width(paragraphs)
    out: list[Paragraph] = []
    joined = 0
    last_line = 0
    for paragraph in paragraphs:
        before = out[-1] if out else None
        follows = paragraph.line == last_line + 1
        if before is not None and follows and _goes_on(before, paragraph, width):
            out[-1] = replace(before, text=before.text + paragraph.text)
            joined += 1
        else:
            out.append(paragraph)
        last_line = paragraph.line
    if not joined:
        return out, []
    message = f"有 {joined} 处在句子中间断开的行，已与上一行连接"
    return out, [ReadWarning("joined_lines", message, None, "")]


def _goes_on(before: Paragraph, line: Paragraph, width: int | None) -> bool:
    text = before.text
    if not text or text.endswith(_ENDED) or before.table_row or line.table_row:
        return False
    goes_on = text.endswith(_GOES_ON) and not text.endswith(_NOUNS)
    if not (goes_on or (width is not None and len(text) >= width - 1)):
        return False
    # Reading the marker costs the most, so it comes last.
    return recognize(line.text) is None


def _wrap_width(paragraphs: list[Paragraph]) -> int | None:
    lengths = Counter(len(p.text) for p in paragraphs if len(p.text) >= _MIN_WIDTH)
    if len(paragraphs) < _MIN_LINES or not lengths:
        return None
    width, _ = lengths.most_common(1)[0]
    near = sum(count for length, count in lengths.items() if abs(length - width) <= 1)
    return width if near >= _SHARE * len(paragraphs) else None
