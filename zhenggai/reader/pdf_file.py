"""PDF with a text layer. Its lines are joined back into paragraphs: official documents
indent a paragraph's first line and fill every other line to the margin."""

import io
import logging
import re
import statistics
from dataclasses import dataclass

import pdfplumber

from zhenggai.reader.debris import is_page_number
from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits
from zhenggai.reader.markers import recognize
from zhenggai.reader.model import Paragraph, ReadWarning

SCANNED = (
    "该 PDF 文件没有文字层，可能是扫描件或图片，无法读取其中的文字。"
    "请上传 Word 文档，或先对 PDF 做文字识别（OCR）后再上传。"
)
# pdfminer logs every oddity of a file it can still read; the reader reports what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# Justified lines spread characters apart; the gaps are layout, not spaces.
_LAYOUT_SPACE = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


@dataclass(frozen=True)
class _Page:
    left: float
    right: float
    char: float


def read_pdf(data: bytes, limits: Limits) -> tuple[list[Paragraph], list[ReadWarning]]:
    pages = _text_lines(data, limits)
    if not any(pages):
        raise ReaderError(SCANNED)
    warnings = [
        ReadWarning("scanned_page", f"第 {number} 页没有文字层（可能是扫描页），未能读取", None, "")
        for number, lines in enumerate(pages, 1)
        if not lines
    ]
    return _paragraphs(pages), warnings


def _text_lines(data: bytes, limits: Limits) -> list[list[_Line]]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pdf_pages:
                raise ReaderError(
                    f"PDF 共 {len(pdf.pages)} 页，超过 {limits.max_pdf_pages} 页的上限。"
                )
            return [
                [
                    _Line(text, line["x0"], line["x1"], line["top"], line["bottom"], number)
                    for line in page.extract_text_lines(return_chars=False)
                    if (text := _LAYOUT_SPACE.sub("", line["text"]).strip())
                ]
                for number, page in enumerate(pdf.pages)
            ]
    except ReaderError:
        raise
    # pdfminer raises many unrelated types on a broken or hostile file.
    except Exception as error:
        if "password" in type(error).__name__.lower() or "encrypt" in str(error).lower():
            raise ReaderError("该 PDF 文件已加密，请解除密码保护后再上传。") from error
        raise ReaderError("PDF 文件已损坏或格式不受支持，无法读取。") from error


def _paragraphs(pages: list[list[_Line]]) -> list[Paragraph]:
    parts: list[list[str]] = []
    current: int | None = None
    previous: tuple[_Line, _Page] | None = None
    for lines in pages:
        if not lines:
            continue
        page = _measure(lines)
        for line in lines:
            # A page number sits between two halves of a paragraph without ending it.
            if is_page_number(line.text):
                parts.append([line.text])
                continue
            if previous is None or current is None or _starts_paragraph(line, page, *previous):
                parts.append([])
                current = len(parts) - 1
            parts[current].append(line.text)
            previous = (line, page)
    return [Paragraph(_join(texts), number) for number, texts in enumerate(parts, 1)]


def _measure(lines: list[_Line]) -> _Page:
    widths = [(line.x1 - line.x0) / len(line.text) for line in lines if len(line.text) >= 4]
    char = statistics.median(widths) if widths else 10.0
    return _Page(min(line.x0 for line in lines), max(line.x1 for line in lines), char)


def _starts_paragraph(line: _Line, page: _Page, before: _Line, before_page: _Page) -> bool:
    height, before_height = line.bottom - line.top, max(before.bottom - before.top, 1.0)
    return bool(
        recognize(line.text)
        # Indented (a first line) or centered (a title).
        or line.x0 - page.left > 1.5 * page.char
        # The line before stopped short of the margin: it ended its paragraph.
        or before.x1 < before_page.right - 1.2 * before_page.char
        # Another font size, or a gap wider than a line.
        or abs(height - before_height) > 0.2 * before_height
        or (line.page == before.page and line.top - before.bottom > 1.5 * before_height)
    )


def _join(texts: list[str]) -> str:
    joined = texts[0]
    for text in texts[1:]:
        latin = joined[-1:].isascii() and joined[-1:].isalnum() and text[:1].isascii()
        joined += (" " if latin and text[:1].isalnum() else "") + text
    return joined
