"""Plain text: each line is a paragraph."""

from zhenggai.reader.model import Paragraph


def text_paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip(), number) for number, line in enumerate(text.splitlines(), 1)]
