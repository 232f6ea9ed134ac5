"""What the documents share: numbering the way official documents number (一、（一）1. 一是),
sentences, deadlines and figures in words, the signature block."""

import datetime
import re
from collections.abc import Iterable, Mapping

from zhenggai.reader.numerals import counting
from zhenggai.writer.model import Block, Document, Figures, Finding, MeasureItem, RoundInfo
from zhenggai.writer.official import format_date
from zhenggai.writer.texts import fill, label, texts_for

_SENTENCE = re.compile(r"^.*?[。！？!?]")


def h1(number: int) -> str:
    return f"{counting(number)}、"


def h2(number: int) -> str:
    return f"（{counting(number)}）"


def item(number: int) -> str:
    """一是, 二是 …: how a speech counts its points."""
    return f"{counting(number)}是"


def flat(text: str) -> str:
    """One paragraph: a document's line breaks inside one item are not paragraphs of ours."""
    return "".join(line.strip() for line in text.splitlines())


def split_first(text: str) -> tuple[str, str]:
    """The first sentence (with its full stop) and the rest; a text without one is all lead."""
    text = flat(text)
    match = _SENTENCE.match(text)
    if not match:
        return text + "。" if text else "", ""
    return match[0], text[match.end() :]


def title_of(text: str, limit: int | None = None) -> str:
    """A problem named by its first sentence; shortened only where a list asks for it."""
    first = split_first(text)[0].rstrip("。！？!?")
    return first if limit is None or len(first) <= limit else first[:limit] + "……"


def book_titles(names: Iterable[str]) -> str:
    """《A》、《B》: documents named as a text names them."""
    return "、".join(f"《{name.strip().strip('《》')}》" for name in names)


def sentence(text: str) -> str:
    text = flat(text)
    return text if text.endswith(("。", "！", "？")) else text + "。"


def deadline_text(measure: MeasureItem) -> str:
    """The deadline in force; an extended one says what was committed beside it."""
    if measure.deadline is None:
        return "长期坚持"
    due = format_date(measure.deadline)
    if measure.original_deadline:
        return f"{due}（原定{format_date(measure.original_deadline)}，经批准延期）"
    return due


def extension_text(measure: MeasureItem) -> str:
    """A sentence on an approved extension, empty for a measure that has none."""
    if not (measure.original_deadline and measure.deadline):
        return ""
    return (
        f"经批准，完成时限由原定{format_date(measure.original_deadline)}"
        f"延至{format_date(measure.deadline)}。"
    )


def units_text(measure: MeasureItem) -> str:
    parts = [f"责任单位：{measure.lead_unit}"]
    if measure.cooperating_units:
        parts.append(f"配合单位：{'、'.join(measure.cooperating_units)}")
    parts.append(f"完成时限：{deadline_text(measure)}")
    return "；".join(parts)


def figures_sentence(figures: Figures, on: datetime.date) -> str:
    text = (
        f"截至{format_date(on)}，反馈的{figures.problems}个问题中，已整改完成并销号"
        f"{figures.problems_closed}个；制定整改措施{figures.measures}项，已完成"
        f"{figures.measures_done}项，其中经核查销号{figures.measures_closed}项"
    )
    if figures.measures_overdue:
        text += f"，超过完成时限尚未完成{figures.measures_overdue}项"
    if figures.mechanisms:
        return text + f"；建立完善长效机制{figures.mechanisms}项。"
    return text + "；长效机制正在研究建立。"


class Builder:
    """Blocks in order, with the section numbering kept as they are added."""

    def __init__(self, kind: str, fields: Mapping[str, str], edited: Mapping[str, str] | None):
        self.kind = kind
        self.fields = dict(fields)
        self.texts = texts_for(kind, edited)
        self.blocks: list[Block] = []
        self.findings: list[Finding] = []
        self.sections = 0

    def text(self, key: str) -> str:
        return fill(self.texts.get(key, ""), self.fields)

    def add(self, style, text: str = "", where: str = "", **more) -> None:
        self.blocks.append(Block(style, text, where, **more))

    def fixed(self, key: str, style="body", **more) -> None:
        """A text block the office may rewrite; left empty, it is left out."""
        text = self.text(key)
        if text.strip():
            self.add(style, text, self._where(key), **more)

    def section(self, key: str) -> None:
        self.sections += 1
        heading = self.text(key)
        self.add("h1", h1(self.sections) + heading, h1(self.sections) + heading)

    def paragraphs(self, key: str) -> None:
        """A text block of several paragraphs, one per line."""
        for line in self.text(key).splitlines():
            if line.strip():
                self.add("body", line.strip(), self._where(key))

    def signature(self, *signers: str, on: datetime.date) -> None:
        for signer in signers:
            if signer:
                self.add("signer", signer, "署名", outside=True)
        self.add("date", format_date(on), "成文日期", outside=True)

    def missing(self, message: str) -> None:
        self.findings.append(Finding("missing", message))

    def document(self, omitted: Iterable[str] = ()) -> Document:
        title = self.text("title")
        blocks = [Block("title", title, "标题"), *self.blocks]
        return Document(self.kind, title, blocks, self.findings, list(omitted))

    def _where(self, key: str) -> str:
        return label(key)


def round_fields(round_: RoundInfo, **more: str) -> dict[str, str]:
    return {
        "巡视": round_.inspection,
        "巡视组": round_.team,
        "被巡视党组织": round_.organization,
        "轮次": round_.name,
        "反馈日期": format_date(round_.feedback_date),
        "署名": round_.issuer,
        **more,
    }
